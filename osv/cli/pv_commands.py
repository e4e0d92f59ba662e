"""``osv pv``: render a process-verbaal model as PDF.

``osv pv p22-2 DIR`` renders the central polling station's P 22-2 from the same folder as
``osv result --stage csb`` (with the 520 of that folder, when present, for the hash);
``osv pv na31-2 COUNT [--candidates 230B]`` renders a municipality's Na 31-2 from its 510b.
"""

from __future__ import annotations

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
        raise fail("model P 22-1 (several districts) is not available yet; P 22-2 is for one")
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
    """Model Na 31-2: a municipality's report with its totals and the hash of its 510b."""
    from eml import Eml230b, Eml510, read_eml
    from osv.pv import render_na31_2

    data = count.read_bytes()
    document = read_eml(count).document
    if not isinstance(document, Eml510):
        raise fail(f"{count} is not a count file (510b)")
    contest = None
    if candidates is not None:
        lists = read_eml(candidates).document
        if not isinstance(lists, Eml230b):
            raise fail(f"{candidates} is not a candidate-lists file (230b)")
        contest = lists.contests[0]
    out.write_bytes(render_na31_2(document, digest=hashlib.sha256(data).digest(), contest=contest))
    print(f"{out}: model Na 31-2 of {count.name}")
