"""``osv pv``: render a process-verbaal model as PDF.

``osv pv p22-2 DIR`` and ``osv pv p22-1 DIR`` render the central polling station's report from
the same folder as ``osv result --stage csb`` (with the 520 of that folder, when present, for the
hash); ``osv pv o3 DIR`` the principal polling station's report from the folder of ``osv
result --stage hsb`` (with the 510c of that folder, when present, for the hash); ``osv pv na31-2
COUNT`` and ``osv pv na31-1 COUNT [--candidates 230B]`` a municipality's report of a central or
decentral count from its 510b; ``osv pv n10-2``, ``osv pv n10-1`` and
``osv pv na31-2-bijlage1`` the forms per polling station (blank, or the Bijlage 1 filled from a
510b); ``osv pv na14-2``, ``osv pv na14-1`` and ``osv pv p2a`` the corrigenda and the report of
a later session from its 510b (``na14-1 --version 1`` the blank corrigendum of a recount in the
first session); ``osv pv teletex`` the character-set test page. A 510b of one counting method
is refused for the other method's models.
"""

from __future__ import annotations

import datetime as dt
import hashlib
from pathlib import Path
from typing import Annotated

import typer

from osv.cli.output import fail, guarded

__all__ = ["app"]

app = typer.Typer(help="Render process-verbaal models as PDF.", no_args_is_help=True)

Out = Annotated[Path, typer.Option("--out", help="The PDF to write.")]


@app.command("p22-2")
@guarded
def p22_2_command(
    folder: Annotated[Path, typer.Argument(help="The folder osv result --stage csb reads.")],
    out: Out = Path("Model_P22-2.pdf"),
    seats: Annotated[int | None, typer.Option("--seats", help="Seats, without a 110a.")] = None,
) -> None:
    """Model P 22-2: the result and the seat allocation of a single-district election."""
    from eml import Eml520, read_eml
    from osv.pv import render_p22_2
    from osv.service.result.csb import compute_result
    from osv.service.result.inputs import read_inputs

    inputs = read_inputs(folder)
    if inputs.multi_district:
        raise fail("this election has several districts: its report is model P 22-1 (osv pv p22-1)")
    result, _ = compute_result(inputs, seats=seats)
    published = sorted(folder.glob("Resultaat_*.eml.xml"))
    digest, created = None, None
    if published:
        digest = hashlib.sha256(published[0].read_bytes()).digest()
        document = read_eml(published[0]).document
        if isinstance(document, Eml520):
            created = document.header.creation_date_time
    total = inputs.counts.district(inputs.counts.contest_ids[0])
    out.write_bytes(render_p22_2(result, digest=digest, created=created, candidate_votes=total))
    print(f"{out}: model P 22-2 of {result.identifier.id}" + ("" if digest else " (draft: no 520)"))


@app.command("na31-2")
@guarded
def na31_2_command(
    count: Annotated[Path, typer.Argument(help="The municipality's count (510b).")],
    out: Out = Path("Model_Na31-2.pdf"),
    candidates: Annotated[
        Path | None, typer.Option("--candidates", help="The 230b, to name the candidates.")
    ] = None,
) -> None:
    """Model Na 31-2: a municipality's report of a central count with its totals and the hash
    of its 510b."""
    from osv.service.pv_files import municipal_report

    out.write_bytes(municipal_report("na31-2", count, candidates))
    print(f"{out}: model Na 31-2 of {count.name}")


@app.command("na31-1")
@guarded
def na31_1_command(
    count: Annotated[Path, typer.Argument(help="The municipality's count (510b).")],
    out: Out = Path("Model_Na31-1.pdf"),
    candidates: Annotated[
        Path | None, typer.Option("--candidates", help="The 230b, to name the candidates.")
    ] = None,
) -> None:
    """Model Na 31-1: a municipality's report of a decentral count with its totals and the
    hash of its 510b."""
    from osv.service.pv_files import municipal_report

    out.write_bytes(municipal_report("na31-1", count, candidates))
    print(f"{out}: model Na 31-1 of {count.name}")


def _published(folder: Path) -> tuple[bytes | None, dt.datetime | None]:
    """The hash and creation moment of the folder's 520, when there is one."""
    from eml import Eml520, read_eml

    published = sorted(folder.glob("Resultaat_*.eml.xml"))
    if not published:
        return None, None
    document = read_eml(published[0]).document
    created = document.header.creation_date_time if isinstance(document, Eml520) else None
    return hashlib.sha256(published[0].read_bytes()).digest(), created


@app.command("p22-1")
@guarded
def p22_1_command(
    folder: Annotated[Path, typer.Argument(help="The folder osv result --stage csb reads.")],
    out: Out = Path("Model_P22-1.pdf"),
    seats: Annotated[int | None, typer.Option("--seats", help="Seats, without a 110a.")] = None,
) -> None:
    """Model P 22-1: the result and the seat allocation of an election with several districts."""
    from osv.pv import render_p22_1
    from osv.service.result.csb import compute_result
    from osv.service.result.inputs import read_inputs

    inputs = read_inputs(folder)
    if not inputs.multi_district:
        raise fail("this election has one district: its report is model P 22-2 (osv pv p22-2)")
    result, _ = compute_result(inputs, seats=seats)
    digest, created = _published(folder)
    out.write_bytes(render_p22_1(result, digest=digest, created=created))
    print(f"{out}: model P 22-1 of {result.identifier.id}" + ("" if digest else " (draft: no 520)"))


@app.command("o3")
@guarded
def o3_command(
    folder: Annotated[Path, typer.Argument(help="The folder osv result --stage hsb reads.")],
    out: Annotated[
        Path | None, typer.Option("--out", help="The PDF to write (default: its own name).")
    ] = None,
) -> None:
    """Model O 3: the principal polling station's report of its kieskring, with the hash of the
    kieskring's count (510c) when the folder holds it."""
    from osv.service.result.hsb_report import folder_report

    name, data, with_hash = folder_report(folder)
    target = out or Path(name)
    target.write_bytes(data)
    print(f"{target}: model O 3" + ("" if with_hash else " (draft: no 510c)"))


Folder = Annotated[Path, typer.Option("--out", help="The folder to write the PDFs in.")]
Candidates = Annotated[Path, typer.Option("--candidates", help="The candidate lists (230b).")]
Stations = Annotated[
    list[int] | None, typer.Option("--station", help="Only this polling station (repeatable).")
]


def _write(folder: Path, documents: list[tuple[str, bytes]]) -> None:
    folder.mkdir(parents=True, exist_ok=True)
    for name, data in documents:
        (folder / name).write_bytes(data)
    print(f"{folder}: {len(documents)} PDF file(s)")


@app.command("n10-2")
@guarded
def n10_2_command(
    stations: Annotated[Path, typer.Argument(help="The polling stations: a 110b or a 510b.")],
    candidates: Candidates,
    out: Folder = Path("."),
    station: Stations = None,
) -> None:
    """Model N 10-2 (blank): a polling station's report for a central count, per station."""
    from osv.service.pv_files import blank_station_forms

    _write(out, blank_station_forms("n10-2", stations, candidates, station or ()))


@app.command("n10-1")
@guarded
def n10_1_command(
    stations: Annotated[Path, typer.Argument(help="The polling stations: a 110b or a 510b.")],
    candidates: Candidates,
    out: Folder = Path("."),
    station: Stations = None,
) -> None:
    """Model N 10-1 (blank): a polling station's report for a decentral count, per station,
    with its candidates and the page "Controles en correcties"."""
    from osv.service.pv_files import blank_station_forms

    _write(out, blank_station_forms("n10-1", stations, candidates, station or ()))


@app.command("na31-2-bijlage1")
@guarded
def na31_2_bijlage1_command(
    source: Annotated[
        Path, typer.Argument(help="The polling stations (110b or 510b); with --filled a 510b.")
    ],
    candidates: Annotated[
        Path | None, typer.Option("--candidates", help="The candidate lists (230b).")
    ] = None,
    filled: Annotated[
        bool, typer.Option("--filled", help="Fill in each station's counts from the 510b.")
    ] = False,
    out: Folder = Path("."),
    station: Stations = None,
) -> None:
    """Model Na 31-2 Bijlage 1 per polling station: blank, or filled from a 510b."""
    from osv.service.pv_files import blank_station_forms, filled_annexes

    if filled:
        _write(out, filled_annexes(source, candidates, station or ()))
    elif candidates is None:
        raise fail("a blank Bijlage 1 needs the candidate lists: give --candidates")
    else:
        _write(out, blank_station_forms("na31-2-bijlage1", source, candidates, station or ()))


@app.command("na14-2")
@guarded
def na14_2_command(
    count: Annotated[Path, typer.Argument(help="The corrigendum count file (510b).")],
    candidates: Annotated[
        Path | None, typer.Option("--candidates", help="The 230b, to name the candidates.")
    ] = None,
    out: Folder = Path("."),
) -> None:
    """Model Na 14-2 with its Bijlage 1 per corrected polling station, from a corrigendum 510b."""
    from osv.service.pv_files import corrigendum_documents

    _write(out, corrigendum_documents(count, candidates))


@app.command("na14-1")
@guarded
def na14_1_command(
    source: Annotated[
        Path,
        typer.Argument(
            help="Version 1: the polling stations (110b or 510b). Version 2: a 510b (a later "
            "session's corrigendum, or a first session's with --station)."
        ),
    ],
    version: Annotated[
        int, typer.Option("--version", min=1, max=2, help="1: first session; 2: later session.")
    ],
    candidates: Annotated[
        Path | None, typer.Option("--candidates", help="The candidate lists (230b).")
    ] = None,
    out: Folder = Path("."),
    station: Stations = None,
) -> None:
    """Model Na 14-1, the corrigendum of a polling station's report in a decentral count:
    version 1 blank per station (a recount in the first session); version 2 per investigated
    station of a later session, with the figures before (and after) from a 510b."""
    from osv.service.pv_files import blank_station_forms, station_corrigenda

    if version == 2:
        _write(out, station_corrigenda(source, candidates, station or ()))
    elif candidates is None:
        raise fail("a blank Na 14-1 version 1 needs the candidate lists: give --candidates")
    else:
        _write(out, blank_station_forms("na14-1", source, candidates, station or ()))


@app.command("p2a")
@guarded
def p2a_command(
    count: Annotated[Path, typer.Argument(help="The later session's count file (510b).")],
    out: Folder = Path("."),
) -> None:
    """Model P 2a: the report of a later session, with the investigated polling stations."""
    from osv.service.pv_files import later_session_report

    _write(out, [later_session_report(count)])


@app.command("teletex")
@guarded
def teletex_command(out: Out = Path("Teletex_testpagina.pdf")) -> None:
    """A test page with every Teletex character in the embedded fonts."""
    from osv.service.pv_files import teletex_page

    _, data = teletex_page()
    out.write_bytes(data)
    print(f"{out}: every Teletex character in DejaVu Sans, Sans Bold and Sans Mono")
