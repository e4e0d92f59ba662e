"""Double data entry through the service, on SQLite and PostgreSQL.

The demo election (Vlietdam, 20 polling stations, 8 lists) is imported; typists type the demo's
own polling-station counts as Na 31-2 Bijlage 1 forms. Each test follows what happens on election
night: two typists per station, a difference resolved by the coordinator, a warning explained,
the session finished and its totals equal to the sum of the paper counts.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import io
from collections.abc import Callable
from pathlib import Path

import pytest
from pypdf import PdfReader

from eml import Eml510, SchemaSet, read_eml
from eml.documents import Phase
from eml.safe import Limits
from eml.write import write_eml
from osv.model import RejectedReason, VoteCounts
from osv.model.entry import CountEntry, EntryModel
from osv.pv.layout import format_hash
from osv.service.demo import build_demo, write_demo
from osv.service.entry import (
    Actor,
    EntryRefusedError,
    claim,
    conclude_without_new_results,
    counts_entry,
    decide,
    entry_counts,
    finalise,
    finish_session,
    municipal_count,
    note_warning,
    overview,
    request_investigation,
    save,
    session_documents,
    start_session,
    station_annexes,
    view,
)
from osv.service.formats.export_csv import export_counts_csv
from osv.service.hash_checks import HashCheck
from osv.service.importing import import_files
from osv.service.result.csb import run_csb
from osv.store import EntryConflictError, UnitOfWork
from results.checks import EntryInputError, check_entry
from results.entry import EntryTransitionError
from results.tally import sum_counts
from tests.checks.entries import change

EID = "GR2026_Vlietdam"
GSB = "9997"
ANNA = Actor("anna", "typist")
BRAM = Actor("bram", "typist")
CARLA = Actor("carla", "coordinator")

Factory = Callable[[], UnitOfWork]


@pytest.fixture
def demo(uow_factory: Factory, tmp_path: Path) -> Factory:
    """The demo election imported, with its polling stations and candidate lists."""
    paths = write_demo(tmp_path / "demo")
    files = [p for p in paths if p.suffix == ".xml"]
    hash_file = next(p for p in paths if p.name == "Hashcodes.txt")
    import_files(
        uow_factory,
        files,
        schemas=None,
        limits=Limits(),
        hash_check=HashCheck(hash_file=hash_file),
        actor="admin",
    )
    return uow_factory


def paper(station: int, model: EntryModel = EntryModel.CSO_FIRST_SESSION) -> CountEntry:
    """The demo's count of polling station ``station`` as a filled-in form of ``model`` (by
    default a Na 31-2 Bijlage 1)."""
    unit = build_demo().count.contests[0].reporting_units[station - 1]
    return counts_entry(unit.votes, model)


def typed_twice(
    factory: Factory, session: int, station: int, entry: CountEntry | None = None
) -> None:
    entry = entry or paper(station)
    key = str(station)
    v = claim(factory, session, key, ANNA, entry)
    v = finalise(factory, session, key, ANNA, v.version)
    assert v.state == "FirstEntryFinalised", v.findings
    v = claim(factory, session, key, BRAM, entry)
    v = finalise(factory, session, key, BRAM, v.version)
    assert v.state == "Definitive"


def test_a_session_has_one_source_per_polling_station(demo: Factory) -> None:
    session = start_session(demo, EID, GSB, CARLA, counting_method="CSO")
    rows = overview(demo, session.id)
    assert len(rows) == 20
    assert {row.state for row in rows} == {"Empty"}
    assert view(demo, session.id, "1").model is EntryModel.CSO_FIRST_SESSION


def test_two_typists_make_a_definitive_count(demo: Factory) -> None:
    session = start_session(demo, EID, GSB, CARLA, counting_method="CSO")
    typed_twice(demo, session.id, 1)
    final = view(demo, session.id, "1")
    assert final.entry == paper(1)
    assert final.typists == ("anna", "bram")


def test_the_first_typist_cannot_type_the_second_entry_and_nothing_changes(demo: Factory) -> None:
    session = start_session(demo, EID, GSB, CARLA, counting_method="CSO")
    v = claim(demo, session.id, "2", ANNA, paper(2))
    v = finalise(demo, session.id, "2", ANNA, v.version)
    with pytest.raises(EntryTransitionError, match="someone else"):
        claim(demo, session.id, "2", ANNA, paper(2))
    assert view(demo, session.id, "2").version == v.version


def test_a_difference_is_marked_and_only_that_field_is_typed_again(demo: Factory) -> None:
    session = start_session(demo, EID, GSB, CARLA, counting_method="CSO")
    good = paper(3)
    typo = change(good, "lists[1].candidate_votes[0]", (good.lists[1].candidate_votes[0] or 0) + 1)
    v = claim(demo, session.id, "3", ANNA, good)
    v = finalise(demo, session.id, "3", ANNA, v.version)
    v = claim(demo, session.id, "3", BRAM, typo)
    assert v.differences == ("lists[1].candidate_votes[0]",)
    v = finalise(demo, session.id, "3", BRAM, v.version)
    assert v.state == "EntriesDifferent"
    v = decide(demo, session.id, "3", CARLA, "return_second", v.version)
    assert v.state == "SecondEntryCorrection"
    assert v.cleared == ("lists[1].candidate_votes[0]",)
    assert v.entry is not None
    assert v.entry.lists[1].candidate_votes[0] is None
    v = save(demo, session.id, "3", BRAM, good, v.version)
    v = finalise(demo, session.id, "3", BRAM, v.version)
    assert v.state == "Definitive"


def test_a_save_based_on_an_old_version_is_refused(demo: Factory) -> None:
    session = start_session(demo, EID, GSB, CARLA, counting_method="CSO")
    v = claim(demo, session.id, "4", ANNA, paper(4))
    save(demo, session.id, "4", ANNA, paper(4), v.version)
    with pytest.raises(EntryConflictError, match="changed by someone else"):
        save(demo, session.id, "4", ANNA, paper(4), v.version)


def test_roles_are_checked(demo: Factory) -> None:
    session = start_session(demo, EID, GSB, CARLA, counting_method="CSO")
    with pytest.raises(EntryRefusedError, match="only a typist"):
        claim(demo, session.id, "1", CARLA, paper(1))
    with pytest.raises(EntryRefusedError, match="only a coordinator"):
        start_session(demo, EID, GSB, ANNA)


def test_an_entry_that_does_not_fit_the_election_is_refused_and_not_stored(demo: Factory) -> None:
    session = start_session(demo, EID, GSB, CARLA, counting_method="CSO")
    data = paper(5).model_dump(mode="json")
    del data["lists"][-1]
    with pytest.raises(EntryInputError, match="missing 8"):
        claim(demo, session.id, "5", ANNA, CountEntry.model_validate(data))
    assert view(demo, session.id, "5").state == "Empty"


def test_finishing_needs_every_station_definitive_and_every_warning_explained(
    demo: Factory,
) -> None:
    session = start_session(demo, EID, GSB, CARLA, counting_method="CSO")
    for station in range(1, 20):
        typed_twice(demo, session.id, station)
    with pytest.raises(EntryRefusedError, match="20 is Empty"):
        finish_session(demo, session.id, CARLA)
    # station 20's paper shows 40 blank votes (W.201), and both typists type it so
    typed_twice(demo, session.id, 20, _consistent_blank(paper(20), 40))
    with pytest.raises(EntryRefusedError, match=r"warnings without explanation \(W\.201"):
        finish_session(demo, session.id, CARLA)
    note_warning(demo, session.id, "20", CARLA, "W.201", explanation="Protest: 40 blanco, PV klopt")
    totals = finish_session(demo, session.id, CARLA)
    assert [key for key, _, _ in totals.stations] == [str(n) for n in range(1, 21)]
    units = [u.votes for u in build_demo().count.contests[0].reporting_units]
    paper_total = sum_counts(units)
    assert totals.total is not None
    assert _numbers(totals.total) == _numbers(paper_total)  # every list and candidate
    assert totals.total.total_counted == paper_total.total_counted
    blank = RejectedReason.BLANK
    assert (
        totals.total.rejected[blank] == paper_total.rejected[blank] - units[19].rejected[blank] + 40
    )
    assert totals.total.cast == paper_total.cast  # Z: the stations' voters from the 110b
    with pytest.raises(EntryRefusedError, match="finished"):
        claim(demo, session.id, "1", ANNA, paper(1))


def _numbers(votes: VoteCounts) -> list[tuple[int, int, list[int]]]:
    return [(lst.number, lst.votes, [c.votes for c in lst.candidates]) for lst in votes.lists]


def _consistent_blank(entry: CountEntry, blank: int) -> CountEntry:
    """``entry`` with ``blank`` blank votes, H and D and A raised to match."""
    more = blank - (entry.votes.blank_votes_count or 0)
    entry = change(entry, "votes.blank_votes_count", blank)
    entry = change(
        entry, "votes.total_votes_cast_count", (entry.votes.total_votes_cast_count or 0) + more
    )
    entry = change(
        entry,
        "voters.total_admitted_voters_count",
        (entry.voters.total_admitted_voters_count or 0) + more,
    )
    return change(entry, "voters.poll_card_count", (entry.voters.poll_card_count or 0) + more)


def test_a_later_session_enters_the_investigated_stations(demo: Factory) -> None:
    session = start_session(demo, EID, GSB, CARLA, counting_method="CSO")
    for station in range(1, 21):
        typed_twice(demo, session.id, station)
    finish_session(demo, session.id, CARLA)
    request_investigation(demo, EID, GSB, 7, "verschil in aantallen", CARLA)
    later = start_session(demo, EID, GSB, CARLA)
    assert later.number == 2
    rows = overview(demo, later.id)
    assert [row.key for row in rows] == ["7"]
    assert view(demo, later.id, "7").model is EntryModel.CSO_NEXT_SESSION


def test_the_finished_session_is_a_valid_510b_that_the_csb_computes_a_result_from(
    demo: Factory, tmp_path: Path, schemas: SchemaSet
) -> None:
    """The 510b of the typed counts validates, reads back equal, and gives the demo's result."""
    session = start_session(demo, EID, GSB, CARLA, counting_method="CSO")
    for station in range(1, 21):
        typed_twice(demo, session.id, station)
    finish_session(demo, session.id, CARLA)
    document = municipal_count(demo, EID, GSB, created=dt.datetime(2026, 3, 18, 21, 0))
    data = write_eml(document, schemas=schemas)
    folder = tmp_path / "csb"
    folder.mkdir()
    (folder / f"Telling_{EID}.eml.xml").write_bytes(data)
    read = read_eml(folder / f"Telling_{EID}.eml.xml", schemas=schemas)
    assert read.validated
    assert read.document == document
    contest = document.contests[0]
    assert [u.id for u in contest.reporting_units][:2] == ["9997::SB1", "9997::SB2"]
    assert contest.total is not None
    assert _numbers(contest.total) == _numbers(build_demo().count.contests[0].total)
    demo_files = write_demo(tmp_path / "demo2")
    for path in demo_files:
        if path.name.startswith(("Verkiezingsdefinitie", "Kandidatenlijsten")):
            (folder / path.name).write_bytes(path.read_bytes())
    outcome = run_csb(
        folder, tmp_path / "out", schemas=schemas, created=dt.datetime(2026, 3, 20, 10, 0)
    )
    assert outcome.result.status == "complete"
    assert sum(lst.seats for lst in outcome.result.lists) == 23


def test_a_later_session_makes_a_corrigendum_with_the_values_before(demo: Factory) -> None:
    session = start_session(demo, EID, GSB, CARLA, counting_method="CSO")
    for station in range(1, 21):
        typed_twice(demo, session.id, station)
    finish_session(demo, session.id, CARLA)
    request_investigation(demo, EID, GSB, 7, "hertelling lijst 2", CARLA)
    later = start_session(demo, EID, GSB, CARLA)
    recount = _next(paper(7))
    first = recount.lists[1].candidate_votes
    moved = change(recount, "lists[1].candidate_votes", [first[0] + 1, first[1] - 1, *first[2:]])
    typed_twice(demo, later.id, 7, moved)
    finish_session(demo, later.id, CARLA)
    document = municipal_count(demo, EID, GSB)
    assert document.phase is Phase.CORRIGENDUM
    unit = document.contests[0].reporting_units[6]
    assert unit.id == "9997::SB7"
    candidate = unit.votes.lists[1].candidates[0]
    assert (candidate.votes, candidate.initial_votes) == (first[0] + 1, first[0])
    assert unit.votes.lists[1].candidates[2].initial_votes is None


def test_an_investigation_without_new_results_needs_no_entry(demo: Factory) -> None:
    session = start_session(demo, EID, GSB, CARLA, counting_method="CSO")
    for station in range(1, 21):
        typed_twice(demo, session.id, station)
    finish_session(demo, session.id, CARLA)
    request_investigation(demo, EID, GSB, 4, "telfout vermoed", CARLA)
    request_investigation(demo, EID, GSB, 9, "stembiljetten zoek", CARLA)
    later = start_session(demo, EID, GSB, CARLA)
    with pytest.raises(EntryRefusedError, match="4 is Empty; 9 is Empty"):
        finish_session(demo, later.id, CARLA)
    conclude_without_new_results(demo, later.id, "4", CARLA)
    typed_twice(demo, later.id, 9, _next(paper(9)))
    finish_session(demo, later.id, CARLA)
    document = municipal_count(demo, EID, GSB)
    assert document.contests[0].reporting_units[3].votes == counts_of(paper(4), 4)


def _next(entry: CountEntry) -> CountEntry:
    """The same numbers on the corrections form of a later session."""
    return entry.model_copy(update={"model": EntryModel.CSO_NEXT_SESSION, "cso": None})


def counts_of(entry: CountEntry, station: int) -> VoteCounts:
    """The counts of ``entry`` as the 510b writes them (the lists named as in the 230b)."""
    demo = build_demo()
    unit = demo.count.contests[0].reporting_units[station - 1]
    names = {lst.number: lst.name for lst in demo.candidate_lists.contests[0].lists}
    return entry_counts(entry, unit.votes.cast, names)


def test_the_session_documents_are_the_510b_and_its_osv43_table(
    demo: Factory, tmp_path: Path, schemas: SchemaSet
) -> None:
    """The table handed over with the 510b is exactly what ``osv export csv`` makes of it."""
    session = start_session(demo, EID, GSB, CARLA, counting_method="CSO")
    for station in range(1, 21):
        typed_twice(demo, session.id, station)
    finish_session(demo, session.id, CARLA)
    (eml_name, eml), (csv_name, csv), (pv_name, pv) = session_documents(
        demo, EID, GSB, schemas=schemas
    )
    assert pv_name == "Model_Na31-2_GR2026_Vlietdam_gemeente_Vlietdam.pdf"
    first_page = PdfReader(io.BytesIO(pv)).pages[1].extract_text()
    assert format_hash(hashlib.sha256(eml).digest()) in first_page
    assert eml_name == "Telling_GR2026_Vlietdam_gemeente_Vlietdam.eml.xml"
    assert csv_name == "osv4-3_telling_gr2026_gemeente_vlietdam.csv"
    (tmp_path / eml_name).write_bytes(eml)
    lists = next(p for p in write_demo(tmp_path / "d") if p.name.startswith("Kandidatenlijsten"))
    assert export_counts_csv(tmp_path / eml_name, lists, schemas=schemas).content == csv
    assert csv.decode("utf-8-sig").splitlines()[0] == '"Verkiezing";;"Gemeenteraad Vlietdam 2026"'


def test_a_later_sessions_documents_are_na14_2_its_annex_and_p2a(
    demo: Factory, schemas: SchemaSet
) -> None:
    """After a recount of station 7 the municipality hands over the corrigendum 510b (valid
    against the official schemas), model Na 14-2 with that 510b's hash, Bijlage 1 of station 7
    with the CSB's reason and its numbers before and after, and the session's report P 2a
    naming the investigation."""
    session = start_session(demo, EID, GSB, CARLA, counting_method="CSO")
    for station in range(1, 21):
        typed_twice(demo, session.id, station)
    finish_session(demo, session.id, CARLA)
    request_investigation(demo, EID, GSB, 7, "hertelling lijst 2", CARLA)
    request_investigation(demo, EID, GSB, 4, "telfout vermoed", CARLA)
    later = start_session(demo, EID, GSB, CARLA)
    recount = _next(paper(7))
    first = recount.lists[1].candidate_votes
    moved = change(recount, "lists[1].candidate_votes", [first[0] - 3, first[1] + 3, *first[2:]])
    typed_twice(demo, later.id, 7, moved)
    conclude_without_new_results(demo, later.id, "4", CARLA)
    finish_session(demo, later.id, CARLA)
    files = dict(session_documents(demo, EID, GSB, schemas=schemas))
    eml = files["Telling_GR2026_Vlietdam_gemeente_Vlietdam.eml.xml"]
    corrected = read_eml(eml, schemas=schemas)
    assert corrected.validated
    assert isinstance(corrected.document, Eml510)
    assert corrected.document.phase is Phase.CORRIGENDUM
    corrigendum = _text(files["Model_Na14-2_GR2026_Vlietdam_gemeente_9997_Vlietdam.pdf"])
    assert format_hash(hashlib.sha256(eml).digest()) in corrigendum
    assert "Onderzochte stembureaus: 7" in corrigendum
    annex = _text(files["Model_Na14-2_Bijlage1_GR2026_Vlietdam_SB7.pdf"])
    assert "hertelling lijst 2" in annex
    assert f"{first[0]} {first[0] - 3}" in " ".join(annex.split())
    report = " ".join(
        _text(files["Model_P2a_GR2026_Vlietdam_gemeente_9997_Vlietdam_zitting_2.pdf"]).split()
    )
    assert "Stembureau 7" in report
    assert "Er is een gecorrigeerde uitslag" in report
    assert "Stembureau 4" in report
    assert "telfout vermoed" in report
    assert "De uitslag is ongewijzigd" in report
    assert not any(name.startswith("Model_Na31-2") for name in files)


def test_p2a_names_the_municipality_when_the_110a_numbers_its_region_otherwise(
    uow_factory: Factory, tmp_path: Path
) -> None:
    """Issue 17: the Kiesraad's 110a of a municipal election numbers the municipality's region
    000 (Juinen, 0042), so the 510b of a finished session had no municipality name and P 2a
    showed the municipality as its code ("0042") instead of its name. The name comes from the
    election's domain now: on the 510b, P 2a and Na 14-2."""
    paths = write_demo(tmp_path / "demo")
    definition = next(p for p in paths if p.name.startswith("Verkiezingsdefinitie"))
    text = definition.read_text("utf-8")
    assert 'RegionNumber="9997"' in text
    definition.write_text(text.replace('RegionNumber="9997"', 'RegionNumber="000"'), "utf-8")
    import_files(
        uow_factory,
        [p for p in paths if p.suffix == ".xml"],
        schemas=None,
        limits=Limits(),
        hash_check=HashCheck(skip=True),
        actor="admin",
    )
    session = start_session(uow_factory, EID, GSB, CARLA, counting_method="CSO")
    for station in range(1, 21):
        typed_twice(uow_factory, session.id, station)
    finish_session(uow_factory, session.id, CARLA)
    request_investigation(uow_factory, EID, GSB, 4, "telfout vermoed", CARLA)
    later = start_session(uow_factory, EID, GSB, CARLA)
    conclude_without_new_results(uow_factory, later.id, "4", CARLA)
    finish_session(uow_factory, later.id, CARLA)
    files = dict(session_documents(uow_factory, EID, GSB))
    report = next(data for name, data in files.items() if name.startswith("Model_P2a_"))
    first = PdfReader(io.BytesIO(report)).pages[0].extract_text()
    assert "9997 Vlietdam" in first  # the title page, and the header "Gemeente 9997 Vlietdam"
    assert "Gemeente 9997 Vlietdam" in first
    assert "Model_P2a_GR2026_Vlietdam_gemeente_9997_Vlietdam_zitting_2.pdf" in files
    assert (
        b'<AuthorityIdentifier Id="9997">Vlietdam</AuthorityIdentifier>'
        in files["Telling_GR2026_Vlietdam_gemeente_Vlietdam.eml.xml"]
    )


def test_station_annexes_are_filled_with_the_entered_counts(demo: Factory) -> None:
    session = start_session(demo, EID, GSB, CARLA, counting_method="CSO")
    for station in range(1, 21):
        typed_twice(demo, session.id, station)
    finish_session(demo, session.id, CARLA)
    ((name, pdf),) = station_annexes(demo, EID, GSB, [3])
    assert name == "Model_Na31-2_Bijlage1_GR2026_Vlietdam_SB3.pdf"
    text = " ".join(_text(pdf).split())
    counts = counts_of(paper(3), 3)
    for lst in counts.lists:
        assert (
            f"Totaal lijst {lst.number} (neem dit totaal over in rubriek B1-3.2 van deze bijlage "
            f"bij de juiste lijst) {lst.votes}" in text
        )


def _text(pdf: bytes) -> str:
    return "\n".join(page.extract_text() for page in PdfReader(io.BytesIO(pdf)).pages)


def test_the_counting_method_is_chosen_once_and_kept_by_every_later_session(
    demo: Factory,
) -> None:
    """Defect 5 of issue 15: after a decentral first session a later session started "with the
    default" became a central one, and typists got the CSO correction form. The first session
    needs an explicit choice; later sessions inherit it and cannot switch."""
    with pytest.raises(EntryRefusedError, match="choose the counting method") as refused:
        start_session(demo, EID, GSB, CARLA)
    assert refused.value.code == "no_counting_method"
    session = start_session(demo, EID, GSB, CARLA, counting_method="DSO")
    assert session.counting_method == "DSO"
    assert view(demo, session.id, "1").model is EntryModel.DSO_FIRST_SESSION
    for station in range(1, 21):
        typed_twice(demo, session.id, station, paper(station, EntryModel.DSO_FIRST_SESSION))
    _explain_all(demo, session.id)
    finish_session(demo, session.id, CARLA)
    request_investigation(demo, EID, GSB, 7, "verschil in aantallen", CARLA)
    with pytest.raises(EntryRefusedError, match=r"decentral.*cannot switch") as switched:
        start_session(demo, EID, GSB, CARLA, counting_method="CSO")
    assert switched.value.code == "method_fixed"
    later = start_session(demo, EID, GSB, CARLA)
    assert later.counting_method == "DSO"
    assert view(demo, later.id, "7").model is EntryModel.DSO_NEXT_SESSION


def _explain_all(factory: Factory, session_id: int) -> None:
    """Every warning of every definitive station marked handled by the coordinator."""
    for row in overview(factory, session_id):
        current = view(factory, session_id, row.key)
        for warning in check_entry(current.entry).warnings if current.entry else ():
            note_warning(
                factory,
                session_id,
                row.key,
                CARLA,
                warning.code,
                list_number=warning.list_number,
                handled=True,
            )


def test_the_510b_carries_the_registered_list_names(demo: Factory, tmp_path: Path) -> None:
    """Issue 15, defect 6: every ``RegisteredName`` of the session's 510b was empty; the
    Kiesraad's files (and OSV's own 230b) name each list."""
    session = start_session(demo, EID, GSB, CARLA, counting_method="CSO")
    for station in range(1, 21):
        typed_twice(demo, session.id, station)
    finish_session(demo, session.id, CARLA)
    files = dict(session_documents(demo, EID, GSB))
    count = read_eml(files["Telling_GR2026_Vlietdam_gemeente_Vlietdam.eml.xml"]).document
    names = {lst.number: lst.name for lst in build_demo().candidate_lists.contests[0].lists}
    assert names[1] == "Vlietdam Vooruit"
    assert names[8] == ""  # a blanco lijst: registered without a name
    contest = count.contests[0]  # type: ignore[union-attr]
    assert {lst.number: lst.name for lst in contest.total.lists} == names
    for unit in contest.reporting_units:
        assert {lst.number: lst.name for lst in unit.votes.lists} == names


def _recounted(entry: CountEntry) -> CountEntry:
    """Station 7's recount: one vote more for the first candidate of list 2, two blank votes
    fewer, so one vote and one admitted voter (poll card) fewer."""
    votes = entry.lists[1].candidate_votes
    entry = change(entry, "lists[1].candidate_votes", [(votes[0] or 0) + 1, *votes[1:]])
    for path, delta in (
        ("lists[1].page_total", 1),
        ("votes.list_totals[1].total", 1),
        ("votes.total_votes_candidates_count", 1),
        ("votes.blank_votes_count", -2),
        ("votes.total_votes_cast_count", -1),
        ("voters.poll_card_count", -1),
        ("voters.total_admitted_voters_count", -1),
    ):
        entry = change(entry, path, (_box(entry, path) or 0) + delta)
    return entry


def _box(entry: CountEntry, path: str) -> int | None:
    from ui.forms import value_at

    value = value_at(entry, path)
    return value if isinstance(value, int) else None


def test_a_corrigendum_has_the_municipal_totals_before_and_after(demo: Factory) -> None:
    """Issue 15, defect 4: after a later session the municipal total in the corrigendum 510b had
    no initial values, so Na 14-2 printed the new figures as "Oorspronkelijk" and left
    "Gecorrigeerd" empty. The total now carries the first session's figures where they changed,
    and Na 14-2 prints both under their headings."""
    session = start_session(demo, EID, GSB, CARLA, counting_method="CSO")
    for station in range(1, 21):
        typed_twice(demo, session.id, station)
    finish_session(demo, session.id, CARLA)
    before = municipal_count(demo, EID, GSB).contests[0].total
    request_investigation(demo, EID, GSB, 7, "hertelling", CARLA)
    later = start_session(demo, EID, GSB, CARLA)
    typed_twice(demo, later.id, 7, _recounted(_next(paper(7))))
    finish_session(demo, later.id, CARLA)
    total = municipal_count(demo, EID, GSB).contests[0].total
    assert before is not None
    assert total is not None
    blank = RejectedReason.BLANK
    assert total.initial_total_counted == before.total_counted
    assert total.total_counted == before.total_counted + 1
    assert total.initial_rejected == {blank: before.rejected[blank]}
    assert total.rejected[blank] == before.rejected[blank] - 2
    assert total.lists[1].initial_votes == before.lists[1].votes
    assert total.lists[0].initial_votes is None  # unchanged: no initial value
    assert total.lists[1].candidates[0].initial_votes == before.lists[1].candidates[0].votes
    files = dict(session_documents(demo, EID, GSB))
    text = " ".join(_text(files["Model_Na14-2_GR2026_Vlietdam_gemeente_9997_Vlietdam.pdf"]).split())
    e2, f = before.lists[1].votes, before.rejected[blank]
    name = build_demo().candidate_lists.contests[0].lists[1].name
    assert "Omschrijving Oorspronkelijk Gecorrigeerd" in text
    assert f"E.2 Totaal lijst 2 - {name} {_dots(e2)} {_dots(e2 + 1)}" in text
    assert f"F Blanco stemmen {_dots(f)} {_dots(f - 2)}" in text
    h = before.total_counted + sum(before.rejected.values())
    assert f"H Totaal uitgebrachte stemmen (E+F+G) {_dots(h)} {_dots(h - 1)}" in text


def _dots(value: int) -> str:
    return f"{value:,}".replace(",", ".")


def test_a_decentral_session_produces_exactly_the_models_of_its_method(demo: Factory) -> None:
    """Issue 15, defect 3: a finished DSO session's zip held model Na 31-2 "centrale
    stemopneming" beside a 510b saying "decentrale stemopneming", and a later session model
    Na 14-2 instead of Na 14-1. Now the first session gives Na 31-1 (with the 510b's hash) and
    a later session Na 14-1 version 2 per investigation and P 2a; no CSO model."""
    session = start_session(demo, EID, GSB, CARLA, counting_method="DSO")
    for station in range(1, 21):
        typed_twice(demo, session.id, station, paper(station, EntryModel.DSO_FIRST_SESSION))
    _explain_all(demo, session.id)
    finish_session(demo, session.id, CARLA)
    files = dict(session_documents(demo, EID, GSB))
    eml = files["Telling_GR2026_Vlietdam_gemeente_Vlietdam.eml.xml"]
    assert b'MethodCode="decentrale stemopneming"' in eml
    models = sorted(name for name in files if name.startswith("Model_"))
    assert models == ["Model_Na31-1_GR2026_Vlietdam_gemeente_Vlietdam.pdf"]
    report = " ".join(_text(files[models[0]]).split())
    assert format_hash(hashlib.sha256(eml).digest()) in report
    assert "Model Na 31-1 decentrale stemopneming" in report
    assert "Na 31-2" not in report

    request_investigation(demo, EID, GSB, 7, "hertelling lijst 2", CARLA)
    request_investigation(demo, EID, GSB, 4, "telfout vermoed", CARLA)
    later = start_session(demo, EID, GSB, CARLA)
    typed_twice(demo, later.id, 7, _recounted(paper(7, EntryModel.DSO_NEXT_SESSION)))
    conclude_without_new_results(demo, later.id, "4", CARLA)
    finish_session(demo, later.id, CARLA)
    files = dict(session_documents(demo, EID, GSB))
    models = sorted(name for name in files if name.startswith("Model_"))
    assert models == [
        "Model_Na14-1_GR2026_Vlietdam_SB4.pdf",
        "Model_Na14-1_GR2026_Vlietdam_SB7.pdf",
        "Model_P2a_GR2026_Vlietdam_gemeente_9997_Vlietdam_zitting_2.pdf",
    ]
    seven = " ".join(_text(files["Model_Na14-1_GR2026_Vlietdam_SB7.pdf"]).split())
    assert "Model Na 14-1 decentrale stemopneming" in seven
    assert "hertelling lijst 2" in seven
    before = paper(7, EntryModel.DSO_FIRST_SESSION)
    blank = before.votes.blank_votes_count or 0
    assert f"F Blanco stemmen {_dots(blank)} {_dots(blank - 2)}" in seven
    four = " ".join(_text(files["Model_Na14-1_GR2026_Vlietdam_SB4.pdf"]).split())
    assert "telfout vermoed" in four
    report = " ".join(
        _text(files["Model_P2a_GR2026_Vlietdam_gemeente_9997_Vlietdam_zitting_2.pdf"]).split()
    )
    assert "Er is een gecorrigeerde uitslag (zie model Na 14-1)" in report
