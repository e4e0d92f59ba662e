"""Every report made from OSV's database carries the audit log's head on every page (issue 17).

The head ("Laatste hash logboek OSV", the last event's hash in 16 groups of 4) is printed in
the footer under the EML hash, so a log cut back to before the paper was printed shows
(``osv audit verify --head``, docs/audit.md). Issue 16 printed it on the GSB session's Na 31-2
and Na 14-2; here every other report from the database: a decentral session's Na 31-1, a later
session's Na 14-1 version 2 and P 2a, Na 14-2's Bijlage 1, the filled Na 31-2 Bijlage 1 of the
station annexes, and the I 4 of the candidacy pages (the stages' O 3 and P 22-x are in
tests/ui/test_stage_hsb.py and tests/ui/test_stage_flow.py). Reports made from files (``osv
pv``, ``osv result``) have no log and print none.
"""

from __future__ import annotations

from pathlib import Path

from osv.model.entry import EntryModel
from osv.service.audit_log import audit_head
from osv.service.candidacy.files import Publication
from osv.service.candidacy.stored import (
    decide_and_publish,
    load_submission,
    publication_files,
    store_submission,
)
from osv.service.entry import (
    conclude_without_new_results,
    finish_session,
    request_investigation,
    session_documents,
    start_session,
    station_annexes,
)
from tests.checks.entries import change
from tests.pv.reading import audit_heads, before_event
from tests.service.test_candidacy_pages import LISTS, SETUP, home
from tests.service.test_entry_service import (
    CARLA,
    EID,
    GSB,
    Factory,
    _explain_all,
    _next,
    _recounted,
    demo,
    paper,
    typed_twice,
)

__all__ = ["demo", "home"]  # the fixtures, used by the tests below


def _models(files: list[tuple[str, bytes]]) -> dict[str, bytes]:
    return {name: data for name, data in files if name.endswith(".pdf")}


def test_a_decentral_sessions_reports_carry_the_head_on_every_page(demo: Factory) -> None:
    session = start_session(demo, EID, GSB, CARLA, counting_method="DSO")
    for station in range(1, 21):
        typed_twice(demo, session.id, station, paper(station, EntryModel.DSO_FIRST_SESSION))
    _explain_all(demo, session.id)
    finish_session(demo, session.id, CARLA)
    head = audit_head(demo).hash
    first = _models(session_documents(demo, EID, GSB))
    assert list(first) == ["Model_Na31-1_GR2026_Vlietdam_gemeente_Vlietdam.pdf"]
    for data in first.values():
        assert set(audit_heads(data)) == {head}

    request_investigation(demo, EID, GSB, 7, "hertelling lijst 2", CARLA)
    request_investigation(demo, EID, GSB, 4, "telfout vermoed", CARLA)
    later = start_session(demo, EID, GSB, CARLA)
    typed_twice(demo, later.id, 7, _recounted(paper(7, EntryModel.DSO_NEXT_SESSION)))
    conclude_without_new_results(demo, later.id, "4", CARLA)
    finish_session(demo, later.id, CARLA)
    head = audit_head(demo).hash
    reports = _models(session_documents(demo, EID, GSB))
    assert sorted(reports) == [
        "Model_Na14-1_GR2026_Vlietdam_SB4.pdf",
        "Model_Na14-1_GR2026_Vlietdam_SB7.pdf",
        "Model_P2a_GR2026_Vlietdam_gemeente_9997_Vlietdam_zitting_2.pdf",
    ]
    for name, data in reports.items():
        assert set(audit_heads(data)) == {head}, name


def test_a_central_later_session_and_the_station_annexes_carry_the_head(demo: Factory) -> None:
    session = start_session(demo, EID, GSB, CARLA, counting_method="CSO")
    for station in range(1, 21):
        typed_twice(demo, session.id, station)
    finish_session(demo, session.id, CARLA)
    head = audit_head(demo).hash
    annexes = station_annexes(demo, EID, GSB, [3, 12])
    assert [name for name, _ in annexes] == [
        "Model_Na31-2_Bijlage1_GR2026_Vlietdam_SB3.pdf",
        "Model_Na31-2_Bijlage1_GR2026_Vlietdam_SB12.pdf",
    ]
    for _, data in annexes:
        assert set(audit_heads(data)) == {head}

    request_investigation(demo, EID, GSB, 7, "hertelling lijst 2", CARLA)
    later = start_session(demo, EID, GSB, CARLA)
    recount = _next(paper(7))
    first = recount.lists[1].candidate_votes
    moved = change(recount, "lists[1].candidate_votes", [first[0] - 1, first[1] + 1, *first[2:]])
    typed_twice(demo, later.id, 7, moved)
    finish_session(demo, later.id, CARLA)
    head = audit_head(demo).hash
    reports = _models(session_documents(demo, EID, GSB))
    assert sorted(reports) == [
        "Model_Na14-2_Bijlage1_GR2026_Vlietdam_SB7.pdf",
        "Model_Na14-2_GR2026_Vlietdam_gemeente_9997_Vlietdam.pdf",
        "Model_P2a_GR2026_Vlietdam_gemeente_9997_Vlietdam_zitting_2.pdf",
    ]
    for name, data in reports.items():
        assert set(audit_heads(data)) == {head}, name


def test_the_i4_published_from_the_candidacy_pages_carries_the_head(
    uow_factory: Factory, home: Path
) -> None:
    token = store_submission(uow_factory, LISTS, SETUP, "csb")
    submission = load_submission(uow_factory, token)
    assert submission is not None
    done = decide_and_publish(uow_factory, submission, "csb", repaired={0}, lots=["blanco:4;Nieuw"])
    assert isinstance(done, Publication)
    report = dict(publication_files(uow_factory, token))["Model_I4_GR2026_Juinen.pdf"]
    assert set(audit_heads(report)) == {before_event(uow_factory, "candidacy.published")}
