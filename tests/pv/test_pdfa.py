"""Every model is PDF/A-2b: read back requirement by requirement, and validated.

The validator is Apache PDFBox Preflight (Debian's ``libpdfbox2-java``, run with the machine's
Java; ``.ci/run`` installs both). Preflight validates PDF/A-1b, whose rules include nearly all
of PDF/A-2b's and are stricter where they differ (no transparency, PDF 1.4, every font
embedded with consistent widths, the XMP metadata in sync with the document information, an
output intent for device colours, EOL markers around stream data, no encryption, a file
identifier); each PDF is validated as written with one byte changed in its XMP packet, the PDF/A
part 2 → 1, which Preflight requires and which leaves every offset in place. What PDF/A-2b asks
beyond that is read back here with pypdf (docs/pv.md lists both).
"""

from __future__ import annotations

import io
import re
import shutil
import subprocess
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest
from pypdf import PdfReader
from pypdf.generic import DictionaryObject, IndirectObject, StreamObject

from osv.pv.pdfa import ICC_PROFILE, srgb_profile
from tests.pv.every_model import HEAD, MODEL_NAMES, WITH_HEAD, every_model
from tests.pv.reading import audit_heads

#: The jars of Debian's libpdfbox2-java (with its dependencies) that make up Preflight.
PREFLIGHT_JARS = (
    "preflight.jar",
    "pdfbox2.jar",
    "fontbox2.jar",
    "xmpbox.jar",
    "commons-logging.jar",
    "javax.activation.jar",
    "jaxb-api.jar",
)
JAVA_SHARE = Path("/usr/share/java")
INSTALL = (
    "apt-get install default-jre-headless libpdfbox2-java libactivation-java libjaxb-api-java "
    "icc-profiles-free (as .ci/run does)"
)

NS = {
    "x": "adobe:ns:meta/",
    "rdf": "http://www.w3.org/1999/02/22-rdf-syntax-ns#",
    "pdfaid": "http://www.aiim.org/pdfa/ns/id/",
    "dc": "http://purl.org/dc/elements/1.1/",
    "xmp": "http://ns.adobe.com/xap/1.0/",
    "pdf": "http://ns.adobe.com/pdf/1.3/",
}


@pytest.fixture(scope="module")
def models(shared: Path, tmp_path_factory: pytest.TempPathFactory) -> dict[str, bytes]:
    return every_model(shared, tmp_path_factory.mktemp("models"))


def test_every_model_is_rendered(models: dict[str, bytes]) -> None:
    assert sorted(models) == sorted(MODEL_NAMES)


def _xmp(reader: PdfReader) -> tuple[StreamObject, ET.Element]:
    stream = reader.trailer["/Root"]["/Metadata"].get_object()
    assert isinstance(stream, StreamObject)
    root = ET.fromstring(stream.get_data())
    return stream, root


def _one(root: ET.Element, path: str) -> str:
    found = root.findall(f".//{path}", NS)
    assert len(found) == 1, path
    return found[0].text or ""


def _pdf_date(value: str) -> str:
    """``D:20260319093000`` (with an offset or not) as ``2026-03-19T09:30:00``."""
    m = re.fullmatch(r"D:(\d{4})(\d\d)(\d\d)(\d\d)(\d\d)(\d\d)(.*)", value)
    assert m is not None, value
    y, mo, d, h, mi, s, zone = m.groups()
    offset = zone.replace("'", "")
    if offset:
        offset = f"{offset[:3]}:{offset[3:5]}"
    return f"{y}-{mo}-{d}T{h}:{mi}:{s}{offset}"


@pytest.mark.parametrize("name", MODEL_NAMES)
def test_each_pdfa_requirement_reads_back(models: dict[str, bytes], name: str) -> None:
    data = models[name]
    reader = PdfReader(io.BytesIO(data))
    # File structure: a PDF 1.0-1.7 header with a binary comment, a file identifier, no
    # encryption, and an end-of-line before every "endstream".
    assert re.match(rb"%PDF-1\.[0-7]\r?\n%[\x80-\xff]{4}", data)
    assert not reader.is_encrypted
    assert "/Encrypt" not in reader.trailer
    ids = reader.trailer["/ID"]
    assert len(ids) == 2
    assert re.search(rb"[^\r\n]endstream", data) is None
    # The identification and the metadata: XMP, unfiltered, in sync with the information.
    catalog = reader.trailer["/Root"]
    stream, xmp = _xmp(reader)
    assert stream["/Subtype"] == "/XML"
    assert "/Filter" not in stream
    assert _one(xmp, "pdfaid:part") == "2"
    assert _one(xmp, "pdfaid:conformance") == "B"
    info = reader.trailer["/Info"].get_object()
    assert _one(xmp, "dc:title/rdf:Alt/rdf:li") == info["/Title"]
    assert _one(xmp, "dc:creator/rdf:Seq/rdf:li") == info["/Author"]
    assert _one(xmp, "dc:description/rdf:Alt/rdf:li") == info["/Subject"]
    assert _one(xmp, "xmp:CreatorTool") == info["/Creator"]
    assert _one(xmp, "pdf:Producer") == info["/Producer"]
    assert _one(xmp, "pdf:Keywords") == info["/Keywords"]
    assert _one(xmp, "xmp:CreateDate") == _pdf_date(info["/CreationDate"])
    assert _one(xmp, "xmp:ModifyDate") == _pdf_date(info["/ModDate"])
    # The output intent: the sRGB profile of icc-profiles-free, three components.
    [intent] = catalog["/OutputIntents"]
    intent = intent.get_object()
    assert intent["/S"] == "/GTS_PDFA1"
    profile = intent["/DestOutputProfile"].get_object()
    assert profile["/N"] == 3
    assert profile.get_data() == srgb_profile() == ICC_PROFILE.read_bytes()
    # No actions or scripts.
    for key in ("/OpenAction", "/AA", "/Names", "/AcroForm"):
        assert key not in catalog
    # Every font embedded; no transparency anywhere.
    for number, page in enumerate(reader.pages, start=1):
        assert "/Group" not in page, number
        resources = page["/Resources"]
        for font in resources.get("/Font", {}).values():
            descriptor = font.get_object()["/FontDescriptor"].get_object()
            assert any(f"/FontFile{n}" in descriptor for n in ("", "2", "3")), number
        for state in resources.get("/ExtGState", {}).values():
            state = state.get_object()
            assert state.get("/CA", 1) == 1, number
            assert state.get("/ca", 1) == 1, number
            assert state.get("/SMask", "/None") == "/None", number
            assert state.get("/BM", "/Normal") in ("/Normal", "/Compatible"), number
        for xobject in resources.get("/XObject", {}).values():
            assert "/SMask" not in xobject.get_object(), number
    # The reports made from the database print the audit head under the EML hash.
    assert set(audit_heads(data)) == ({HEAD} if name in WITH_HEAD else {""})


def _preflight_classpath() -> str:
    java = shutil.which("java")
    jars = [JAVA_SHARE / jar for jar in PREFLIGHT_JARS]
    missing = [str(path) for path in jars if not path.is_file()]
    if java is None or missing:
        pytest.fail(
            f"the PDF/A validator is not installed (java: {java}, missing: {missing}); {INSTALL}"
        )
    return ":".join(str(path) for path in jars)


def _as_part_1(data: bytes) -> bytes:
    """The same PDF claiming PDF/A-1b: one byte of the unfiltered XMP packet changed."""
    claim = b"<pdfaid:part>2</pdfaid:part>"
    assert data.count(claim) == 1
    return data.replace(claim, b"<pdfaid:part>1</pdfaid:part>")


def test_every_model_passes_the_pdfbox_preflight_validator(
    models: dict[str, bytes], tmp_path: Path
) -> None:
    classpath = _preflight_classpath()
    names = {}
    for index, (name, data) in enumerate(sorted(models.items())):
        path = tmp_path / f"model-{index}.pdf"
        path.write_bytes(_as_part_1(data))
        names[path.name] = name
    listing = tmp_path / "files.txt"
    listing.write_text("\n".join(str(tmp_path / n) for n in names) + "\n", encoding="utf-8")
    run = subprocess.run(
        [
            "java",
            "-cp",
            classpath,
            "org.apache.pdfbox.preflight.Validator_A1b",
            "xml",
            "group",
            str(listing),
        ],
        capture_output=True,
        text=True,
        timeout=600,
        check=False,
    )
    report = Path(f"{listing}.preflight.xml")
    assert report.is_file(), run.stderr[-2000:]
    verdicts = {}
    for preflight in ET.parse(report).getroot().iter("preflight"):
        valid = preflight.findtext("isValid")
        errors = [f"{e.findtext('code')}: {e.findtext('details')}" for e in preflight.iter("error")]
        verdicts[names[preflight.get("name", "")]] = (valid, errors[:5])
    assert verdicts == {name: ("true", []) for name in names.values()}


def test_the_validator_refuses_what_pdfa_forbids(models: dict[str, bytes], tmp_path: Path) -> None:
    """The check can fail: a PDF without its output intent (the catalogue's entry renamed, so
    offsets stay) is refused for its device colours."""
    classpath = _preflight_classpath()
    data = _as_part_1(models["Na 31-2"]).replace(b"/OutputIntents", b"/OutputIntentz", 1)
    path = tmp_path / "no-intent.pdf"
    path.write_bytes(data)
    run = subprocess.run(
        ["java", "-cp", classpath, "org.apache.pdfbox.preflight.Validator_A1b", str(path)],
        capture_output=True,
        text=True,
        timeout=300,
        check=False,
    )
    assert "is not a valid PDF/A-1b file" in run.stdout
    assert "2.4.1" in run.stdout or "2.4.3" in run.stdout  # colour space without a profile


def test_a_font_program_is_embedded_for_every_font_used(models: dict[str, bytes]) -> None:
    """No standard-14 font (Helvetica, reportlab's default) is referenced from any page."""
    for name, data in models.items():
        reader = PdfReader(io.BytesIO(data))
        for page in reader.pages:
            fonts = page["/Resources"].get("/Font", DictionaryObject())
            for font in fonts.values():
                base = font.get_object()["/BaseFont"]
                assert re.fullmatch(r"/[A-Z]{6}\+DejaVuSans(Mono|-Bold)?", base), (name, base)
                assert isinstance(font, IndirectObject)
