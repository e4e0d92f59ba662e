"""One rendered PDF of every process-verbaal model, for the tests that hold for all of them
(PDF/A, tests/pv/test_pdfa.py).

Small cases: the real West Maas en Waal GR2022 files (510b, 230b), its result (P 22-2), a
generated Tweede Kamer election (P 22-1), the large O 3 of tests/pv/test_o3.py (40
municipalities, 30 lists of 80 candidates, Teletex names), a candidacy session (I 4). The
reports made from OSV's database carry an audit head here, as they do there.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import shutil
from dataclasses import replace
from pathlib import Path

from candidacy import Numbered
from eml import Eml230b, Eml510, read_eml
from osv.model import PollingStation
from osv.pv import (
    CandidacySession,
    render_i4,
    render_n10_1,
    render_n10_2,
    render_na14_1_v1,
    render_na14_1_v2,
    render_na14_2,
    render_na14_2_bijlage1,
    render_na31_1,
    render_na31_2,
    render_na31_2_bijlage1,
    render_p22_1,
    render_p22_2,
    render_teletex,
)
from osv.pv.o3 import render_o3
from osv.pv.p2a import InvestigatedStation, render_p2a
from osv.service.result.csb import compute_result
from osv.service.result.inputs import read_inputs
from tests.candidacy.builders import submitted
from tests.demo_national import write_national
from tests.pv.test_dso_models import decentral
from tests.pv.test_models import WMW, _corrigendum
from tests.pv.test_o3 import large_report

__all__ = ["HEAD", "MODEL_NAMES", "WITH_HEAD", "every_model"]

#: Every model :func:`every_model` renders, by name.
MODEL_NAMES = (
    "I 4",
    "N 10-1",
    "N 10-2",
    "Na 14-1 versie 1",
    "Na 14-1 versie 2",
    "Na 14-2",
    "Na 14-2 Bijlage 1",
    "Na 31-1",
    "Na 31-2",
    "Na 31-2 Bijlage 1",
    "Na 31-2 Bijlage 1 (blanco)",
    "O 3",
    "P 22-1",
    "P 22-2",
    "P 2a",
    "Teletex",
)

#: The audit head printed on the reports that come from the database.
HEAD = hashlib.sha256(b"the audit log's last event").hexdigest()
#: The models rendered here as from the database, with :data:`HEAD`.
WITH_HEAD = frozenset(
    {
        "I 4",
        "Na 14-1 versie 2",
        "Na 14-2",
        "Na 14-2 Bijlage 1",
        "Na 31-1",
        "Na 31-2",
        "Na 31-2 Bijlage 1",
        "O 3",
        "P 22-2",
        "P 2a",
    }
)
_DIGEST = hashlib.sha256(b"an EML file").digest()
_CREATED = dt.datetime(2026, 3, 19, 9, 30, 0)


def every_model(shared: Path, folder: Path) -> dict[str, bytes]:
    """Each model's PDF by its name (``folder``: room for the result computations)."""
    source = shared / "data" / "GR2022_WestMaasenWaal"
    count = read_eml(source / "Telling_GR2022_WestMaasenWaal.eml.xml").document
    lists = read_eml(source / "Kandidatenlijsten_GR2022_WestMaasenWaal.eml.xml").document
    assert isinstance(count, Eml510)
    assert isinstance(lists, Eml230b)
    contest = lists.contests[0]
    identifier = count.identifier
    station = PollingStation(number=3, name="Dorpshuis De Kiem")
    unit = count.contests[0].reporting_units[2]
    corrected = _corrigendum(count, 7, 5)
    models = {
        "N 10-1": render_n10_1(identifier, WMW, station, contest),
        "N 10-2": render_n10_2(
            identifier, WMW, station, [(x.number, x.name) for x in contest.lists]
        ),
        "Na 31-1": render_na31_1(
            decentral(count, {3: (True, False, True)}),
            digest=_DIGEST,
            contest=contest,
            audit_head=HEAD,
        ),
        "Na 31-2": render_na31_2(count, digest=_DIGEST, contest=contest, audit_head=HEAD),
        "Na 31-2 Bijlage 1 (blanco)": render_na31_2_bijlage1(
            identifier, WMW, ("3", station.name), contest
        ),
        "Na 31-2 Bijlage 1": render_na31_2_bijlage1(
            identifier, WMW, ("3", station.name), contest, unit.votes, audit_head=HEAD
        ),
        "Na 14-1 versie 1": render_na14_1_v1(identifier, WMW, station, contest),
        "Na 14-1 versie 2": render_na14_1_v2(
            identifier,
            WMW,
            corrected.contests[0].reporting_units[6],
            contest=contest,
            reason="Onverklaard verschil: tel lijst 1 opnieuw",
            corrected=True,
            digest=_DIGEST,
            created=_CREATED,
            audit_head=HEAD,
        ),
        "Na 14-2": render_na14_2(corrected, digest=_DIGEST, contest=contest, audit_head=HEAD),
        "Na 14-2 Bijlage 1": render_na14_2_bijlage1(
            identifier,
            WMW,
            corrected.contests[0].reporting_units[6],
            contest=contest,
            reason="Onverklaard verschil",
            corrected=True,
            audit_head=HEAD,
        ),
        "P 2a": render_p2a(
            identifier,
            WMW,
            [InvestigatedStation(3, station.name, "Onverklaard verschil", True)],
            session=2,
            held=dt.date(2022, 3, 21),
            audit_head=HEAD,
        ),
        "O 3": render_o3(replace(large_report(), audit_head=HEAD)),
        "I 4": render_i4(
            CandidacySession(
                identifier=identifier,
                committee="Centraal stembureau West Maas en Waal",
                submitted=(submitted(),),
                findings=(),
                decisions=(),
                accepted=(submitted(),),
                numbered=Numbered(numbers={"Partij A": 1}),
                files=(("Kandidatenlijsten_GR2022_WestMaasenWaal.eml.xml", "ab12 " * 16),),
                created=_CREATED,
                audit_head=HEAD,
            )
        ),
        "Teletex": render_teletex(),
    }
    results = folder / "wmw"
    results.mkdir(parents=True)
    for path in source.glob("*.eml.xml"):
        if not path.name.startswith("Resultaat_"):
            shutil.copy(path, results / path.name)
    inputs = read_inputs(results)
    result, _ = compute_result(inputs, seats=17)
    models["P 22-2"] = render_p22_2(
        result,
        digest=_DIGEST,
        created=_CREATED,
        candidate_votes=inputs.counts.district("geen"),
        audit_head=HEAD,
    )
    write_national(folder / "tk", scale=0.02, max_candidates=10)
    national, _ = compute_result(read_inputs(folder / "tk"))
    models["P 22-1"] = render_p22_1(national, digest=_DIGEST, created=_CREATED)
    return models
