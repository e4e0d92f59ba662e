"""PDF/A-2b: what makes a report an archival PDF (ISO 19005-2, conformance level B).

reportlab has no PDF/A mode; the layout (:func:`osv.pv.layout.render`) calls :func:`make_pdfa`
on its canvas just before the file is written, which adds what PDF/A-2b asks of it:

* an **output intent** (``/OutputIntents``, subtype ``GTS_PDFA1``) with the **sRGB ICC
  profile** of Debian's package ``icc-profiles-free`` (``/usr/share/color/icc/sRGB.icc``,
  installed by ``.ci/run``; ``OSV_ICC_PROFILE`` names another file). It makes the DeviceRGB and
  DeviceGray colours the reports use device-independent;
* an **XMP metadata stream** (uncompressed, as PDF/A wants it) with the PDF/A identification
  (``pdfaid:part`` 2, ``pdfaid:conformance`` B) and the same title, author, subject, keywords,
  creator, producer and dates as the document information dictionary.

The rest holds by construction and is tested by reading the PDFs back (tests/pv/test_pdfa.py):
every font is embedded (DejaVu, :mod:`osv.pv.fonts`; the canvas starts in DejaVu, so the
unembedded Helvetica reportlab would otherwise list is never used), no transparency (no alpha
anywhere), no encryption, no JavaScript or actions, and an ``/ID`` in the trailer. Two defects
of reportlab 4–5 are mended here and in :mod:`osv.pv.fonts`: a stream's data is now always
followed by an end-of-line before ``endstream`` (PDF/A-2 §6.1.7.1), and the advance widths of
glyphs past a font's last full horizontal metric are written in font units.

The file is checked with Apache PDFBox Preflight (Debian's ``libpdfbox2-java``; docs/pv.md says
what it checks and what it cannot).
"""

from __future__ import annotations

import datetime as dt
import os
from functools import cache
from pathlib import Path
from typing import Any
from xml.sax.saxutils import escape

from reportlab.pdfbase import pdfdoc

from osv.errors import InvariantError, OSVError

__all__ = [
    "ICC_PROFILE",
    "PDFA_PART",
    "DocumentMetadata",
    "IccProfileMissingError",
    "make_pdfa",
    "srgb_profile",
]

#: Where Debian's ``icc-profiles-free`` puts its sRGB profile.
ICC_PROFILE = Path("/usr/share/color/icc/sRGB.icc")
#: The PDF/A part and conformance level the reports claim.
PDFA_PART, PDFA_CONFORMANCE = 2, "B"

_OUTPUT_CONDITION = "sRGB IEC61966-2.1"


class IccProfileMissingError(OSVError):
    """The sRGB ICC profile is not installed where OSV looks for it."""


@cache
def srgb_profile() -> bytes:
    """The bytes of the sRGB ICC profile (a version 2 RGB display profile).

    :raises IccProfileMissingError: naming the missing file and how to install it.
    """
    path = Path(os.environ.get("OSV_ICC_PROFILE") or ICC_PROFILE)
    if not path.is_file():
        raise IccProfileMissingError(
            f"the sRGB colour profile {path} is missing; install Debian's icc-profiles-free "
            "(apt install icc-profiles-free) or set OSV_ICC_PROFILE to an sRGB ICC profile"
        )
    data = path.read_bytes()
    if len(data) < 128 or data[36:40] != b"acsp" or data[16:20] != b"RGB ":
        raise IccProfileMissingError(f"{path} is not an RGB ICC profile")
    return data


class DocumentMetadata:
    """What the document information dictionary and the XMP packet both say.

    :param moment: the document's creation moment (the EML's, for a report that belongs to a
        file; otherwise when it was rendered). Without a time zone it is written without one,
        in both places alike.
    """

    def __init__(self, title: str, subject: str, moment: dt.datetime) -> None:
        self.title = title
        self.producer = "OSV (reportlab)"
        self.subject = subject
        self.author = "OSV"
        self.creator = "OSV"
        self.keywords = "proces-verbaal"
        self.moment = moment.replace(microsecond=0)

    def pdf_date(self) -> str:
        """``D:YYYYMMDDHHmmSS`` with the offset when the moment has one."""
        text = self.moment.strftime("D:%Y%m%d%H%M%S")
        offset = self.moment.utcoffset()
        if offset is None:
            return text
        minutes = int(offset.total_seconds()) // 60
        sign = "+" if minutes >= 0 else "-"
        return f"{text}{sign}{abs(minutes) // 60:02d}'{abs(minutes) % 60:02d}'"

    def xmp_date(self) -> str:
        """The same moment as an XMP date (ISO 8601)."""
        return self.moment.isoformat()

    def xmp(self) -> bytes:
        """The XMP packet: PDF/A identification, Dublin Core, XMP basic and PDF properties."""
        t = {key: escape(value) for key, value in vars(self).items() if isinstance(value, str)}
        date = self.xmp_date()
        packet = f"""<?xpacket begin="\ufeff" id="W5M0MpCehiHzreSzNTczkc9d"?>
<x:xmpmeta xmlns:x="adobe:ns:meta/">
 <rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#">
  <rdf:Description rdf:about="" xmlns:pdfaid="http://www.aiim.org/pdfa/ns/id/">
   <pdfaid:part>{PDFA_PART}</pdfaid:part>
   <pdfaid:conformance>{PDFA_CONFORMANCE}</pdfaid:conformance>
  </rdf:Description>
  <rdf:Description rdf:about="" xmlns:dc="http://purl.org/dc/elements/1.1/">
   <dc:format>application/pdf</dc:format>
   <dc:title><rdf:Alt><rdf:li xml:lang="x-default">{t["title"]}</rdf:li></rdf:Alt></dc:title>
   <dc:creator><rdf:Seq><rdf:li>{t["author"]}</rdf:li></rdf:Seq></dc:creator>
   <dc:description><rdf:Alt><rdf:li xml:lang="x-default">{t["subject"]}</rdf:li></rdf:Alt>
   </dc:description>
  </rdf:Description>
  <rdf:Description rdf:about="" xmlns:xmp="http://ns.adobe.com/xap/1.0/">
   <xmp:CreatorTool>{t["creator"]}</xmp:CreatorTool>
   <xmp:CreateDate>{date}</xmp:CreateDate>
   <xmp:ModifyDate>{date}</xmp:ModifyDate>
   <xmp:MetadataDate>{date}</xmp:MetadataDate>
  </rdf:Description>
  <rdf:Description rdf:about="" xmlns:pdf="http://ns.adobe.com/pdf/1.3/">
   <pdf:Producer>{t["producer"]}</pdf:Producer>
   <pdf:Keywords>{t["keywords"]}</pdf:Keywords>
  </rdf:Description>
 </rdf:RDF>
</x:xmpmeta>
<?xpacket end="r"?>"""
        return packet.encode("utf-8")


def make_pdfa(document: Any, metadata: DocumentMetadata) -> None:
    """Make reportlab's ``document`` (``canvas._doc``, before it is saved) PDF/A-2b: the
    information dictionary, the XMP metadata stream and the sRGB output intent."""
    _mend_endstream()
    document.info = _Info(metadata)
    catalog = document.Catalog
    catalog.Metadata = document.Reference(_PlainStream(metadata.xmp()))
    profile = pdfdoc.PDFStream(
        pdfdoc.PDFDictionary({"N": 3}), srgb_profile(), filters=[pdfdoc.PDFZCompress]
    )
    intent = pdfdoc.PDFDictionary(
        {
            "Type": pdfdoc.PDFName("OutputIntent"),
            "S": pdfdoc.PDFName("GTS_PDFA1"),
            "OutputConditionIdentifier": pdfdoc.PDFString(_OUTPUT_CONDITION),
            "Info": pdfdoc.PDFString(_OUTPUT_CONDITION),
            "RegistryName": pdfdoc.PDFString("http://www.color.org"),
            "DestOutputProfile": document.Reference(profile),
        }
    )
    catalog.OutputIntents = pdfdoc.PDFArray([intent])
    # The catalogue writes only the keys it lists; this instance lists the output intents too.
    catalog.__NoDefault__ = [*pdfdoc.PDFCatalog.__NoDefault__, "OutputIntents"]


class _Info(pdfdoc.PDFInfo):
    """The document information dictionary, entry for entry what the XMP packet says (PDF/A
    §6.6.3); no ``/Trapped``, which the XMP schemas PDF/A predefines have no property for."""

    def __init__(self, metadata: DocumentMetadata) -> None:
        super().__init__()
        self.metadata = metadata

    def format(self, document: Any) -> bytes:
        m = self.metadata
        entries = {
            "Title": pdfdoc.PDFString(m.title),
            "Author": pdfdoc.PDFString(m.author),
            "Subject": pdfdoc.PDFString(m.subject),
            "Keywords": pdfdoc.PDFString(m.keywords),
            "Creator": pdfdoc.PDFString(m.creator),
            "Producer": pdfdoc.PDFString(m.producer),
            "CreationDate": pdfdoc.PDFString(m.pdf_date()),
            "ModDate": pdfdoc.PDFString(m.pdf_date()),
        }
        out: bytes = pdfdoc.PDFDictionary(entries).format(document)
        return out


class _PlainStream(pdfdoc.PDFStream):
    """The XMP metadata stream: written as it is, without a filter (PDF/A §6.6.2.1)."""

    def __init__(self, content: bytes) -> None:
        super().__init__(
            pdfdoc.PDFDictionary(
                {"Type": pdfdoc.PDFName("Metadata"), "Subtype": pdfdoc.PDFName("XML")}
            ),
            content,
        )

    def format(self, document: Any) -> bytes:
        dictionary = pdfdoc.PDFDictionary(dict(self.dictionary.dict, Length=len(self.content)))
        head: bytes = pdfdoc.format(dictionary, document)
        content: bytes = self.content
        return head + b"\nstream\n" + content + b"\nendstream\n"


@cache
def _mend_endstream() -> None:
    """Have every stream's data end with an end-of-line before ``endstream``.

    reportlab writes ``…data endstream`` when the data (a compressed font, say) does not end
    in a newline; PDF/A-2 §6.1.7.1 wants an EOL there, not counted in ``/Length``. Adding one is
    valid PDF for any reader, so the mend applies to every stream reportlab formats.
    """
    original = pdfdoc.PDFStream.format
    ending = b"endstream\n"

    def format_with_eol(self: pdfdoc.PDFStream, document: Any) -> bytes:
        out: bytes = original(self, document)
        if not out.endswith(ending):
            raise InvariantError("a reportlab PDF stream lacks the line ending PDF/A requires")
        return out[: -len(ending)] + b"\n" + ending

    pdfdoc.PDFStream.format = format_with_eol  # type: ignore[method-assign]
