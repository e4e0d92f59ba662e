"""Benchmark: rendering the large process-verbaal models, in pages per second.

The large case of tests/pv: a municipality of 450 polling stations and 30 lists of 50
candidates; Na 31-2 from its count, P 22-2 from its result with 45 seats, the Na 14-2 of its
count, the filled Na 31-2 Bijlage 1 of one station with all 30 lists, the blank N 10-2 of one
station, the decentral count's Na 31-1, blank N 10-1 (every candidate) and Na 14-1 version 2
of one station, P 2a with all 450 stations investigated, and the Teletex test page. Each is rendered
``--repeat`` times (best time kept); the baseline, measured in the same run, is a plain reportlab
document of the same number of pages holding only paragraphs of text in the same fonts. Reported:
pages, wall seconds and CPU seconds (``time.process_time``), pages per second (wall), and the
ratio of OSV's CPU time to the baseline's: the machine is shared, and CPU time is what other
processes disturb least. No assertion is made on any number.

Usage: ``.venv/bin/python benchmarks/pv.py [--repeat 3]``
"""

from __future__ import annotations

import argparse
import hashlib
import io
import json
import sys
import time
from collections.abc import Callable
from pathlib import Path

_REPO = Path(__file__).resolve().parent.parent
if str(_REPO) not in sys.path:
    sys.path.insert(0, str(_REPO))

from pypdf import PdfReader  # noqa: E402
from reportlab.lib.pagesizes import A4  # noqa: E402
from reportlab.platypus import PageBreak, Paragraph, SimpleDocTemplate  # noqa: E402

from eml.documents import CountingMethod  # noqa: E402
from osv.model import PollingStation, ReportingUnitVotes  # noqa: E402
from osv.pv import (  # noqa: E402
    render_n10_1,
    render_n10_2,
    render_na14_1_v2,
    render_na14_2,
    render_na31_1,
    render_na31_2,
    render_na31_2_bijlage1,
    render_p22_2,
    render_teletex,
)
from osv.pv.layout import _styles  # noqa: E402
from osv.pv.p2a import InvestigatedStation, render_p2a  # noqa: E402
from osv.service.result.single_district import compute_single_district  # noqa: E402
from tests.pv.test_pv import CREATED, _large  # noqa: E402

DIGEST = hashlib.sha256(b"benchmark").digest()


def _best(render: Callable[[], bytes], repeat: int) -> tuple[float, float, bytes]:
    """The best wall time, the best CPU time (each the least of ``repeat`` runs) and the PDF."""
    wall, cpu, pdf = float("inf"), float("inf"), b""
    for _ in range(repeat):
        start, start_cpu = time.perf_counter(), time.process_time()
        pdf = render()
        cpu = min(cpu, time.process_time() - start_cpu)
        wall = min(wall, time.perf_counter() - start)
    return wall, cpu, pdf


def _plain(pages: int) -> bytes:
    out = io.BytesIO()
    style = _styles()["body"]
    story: list[object] = []
    for page in range(pages):
        story += [Paragraph(f"Pagina {page} " + "tekst " * 400, style), PageBreak()]
    SimpleDocTemplate(out, pagesize=A4).build(story)
    return out.getvalue()


def models() -> dict[str, Callable[[], bytes]]:
    """The renderings measured, by name."""
    count, contest = _large()
    total = count.contests[0].total
    assert total is not None
    result = compute_single_district(count.identifier, 45, total, contest)
    decentral = count.model_copy(update={"counting_method": CountingMethod.DECENTRAL})
    return {
        "Na 31-2": lambda: render_na31_2(count, digest=DIGEST, contest=contest),
        "P 22-2": lambda: render_p22_2(
            result, digest=DIGEST, created=CREATED, candidate_votes=total
        ),
        "Na 14-2": lambda: render_na14_2(count, digest=DIGEST, contest=contest),
        "Na 31-2 Bijlage 1 (one station)": lambda: render_na31_2_bijlage1(
            count.identifier, "0999 Grootstad", ("1", "Wijkcentrum 1"), contest, total
        ),
        "N 10-2 (one station)": lambda: render_n10_2(
            count.identifier,
            "0999 Grootstad",
            PollingStation(number=1, name="Wijkcentrum 1"),
            [(lst.number, lst.name) for lst in contest.lists],
        ),
        "Na 31-1": lambda: render_na31_1(decentral, digest=DIGEST, contest=contest),
        "N 10-1 (one station, 30 x 50 candidates)": lambda: render_n10_1(
            count.identifier,
            "0999 Grootstad",
            PollingStation(number=1, name="Wijkcentrum 1"),
            contest,
        ),
        "Na 14-1 version 2 (one station, 30 x 50 candidates)": lambda: render_na14_1_v2(
            count.identifier,
            "0999 Grootstad",
            ReportingUnitVotes(id="0999::SB1", name="Wijkcentrum 1", votes=total),
            contest=contest,
            reason="reden",
        ),
        "P 2a (450 stations)": lambda: render_p2a(
            count.identifier,
            "0999 Grootstad",
            [InvestigatedStation(n, f"Wijkcentrum {n}", "reden", True) for n in range(1, 451)],
        ),
        "Teletex": render_teletex,
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--json", action="store_true", help="print the measurements as JSON")
    options = parser.parse_args()
    rows = []
    for name, render in models().items():
        seconds, cpu, pdf = _best(render, options.repeat)
        pages = len(PdfReader(io.BytesIO(pdf)).pages)
        baseline, baseline_cpu, _ = _best(lambda pages=pages: _plain(pages), options.repeat)
        rows.append(
            {
                "model": name,
                "pages": pages,
                "seconds": seconds,
                "cpu_seconds": cpu,
                "baseline_seconds": baseline,
                "baseline_cpu_seconds": baseline_cpu,
                "ratio": seconds / baseline,
                "cpu_ratio": cpu / baseline_cpu,
            }
        )
        if not options.json:
            print(
                f"{name}: {pages} pages in {seconds:.2f} s (CPU {cpu:.2f} s) = "
                f"{pages / seconds:.1f} pages/s; plain text document of {pages} pages "
                f"{baseline:.2f} s (CPU {baseline_cpu:.2f} s) ({cpu / baseline_cpu:.1f}x CPU)"
            )
    if options.json:
        print(json.dumps(rows, indent=2))


if __name__ == "__main__":
    main()
