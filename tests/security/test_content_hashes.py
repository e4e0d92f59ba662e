"""The audit chain covers the counted data (docs/audit.md, "Content hashes").

Every event that creates or changes counted data records the SHA-256 of that data's canonical
form; ``osv audit verify`` recomputes them from the stored rows and names the first object that
differs. The changes here are made with SQL behind OSV's back, as someone with access to the
database would: each is found, at the object it touched, on SQLite and on PostgreSQL.
"""

from __future__ import annotations

import hashlib
import io
import json
import re
import sqlite3
from pathlib import Path

import pytest
from sqlalchemy import select
from sqlalchemy.orm import Session

from osv.service.audit_log import verify_audit_log
from osv.service.entry import (
    Actor,
    claim,
    request_investigation,
    save,
    session_documents,
    start_session,
)
from osv.store import open_database
from osv.store.content import canonical_content, content_hash, current_objects, entry_key
from osv.store.rows import EntrySourceRow
from tests.cli.test_cli import _runner
from tests.security.conftest import Demo, behind_osvs_back, import_demo
from tests.ui.helpers import COMMITTEE, EID, paper

pytestmark = pytest.mark.filterwarnings("ignore::DeprecationWarning")

DOCS = Path(__file__).resolve().parents[2] / "docs" / "audit.md"


def _move_five_votes(demo: Demo, station: str) -> None:
    """Five votes of list 1's first candidate go to list 2's, in the stored definitive entry."""
    with Session(demo.database.engine) as session:
        row = session.scalars(
            select(EntrySourceRow).where(
                EntrySourceRow.session_id == demo.session_id, EntrySourceRow.key == station
            )
        ).one()
        data = json.loads(json.dumps(row.data))
        entry = data["entry"]
        for number, change in ((1, -5), (2, 5)):
            page = entry["lists"][number - 1]
            page["candidate_votes"][0] += change
            page["page_total"] += change
            entry["votes"]["list_totals"][number - 1]["total"] += change
        row.data = data
        session.commit()


def test_an_intact_installation_verifies_with_every_object(demo: Demo) -> None:
    report = verify_audit_log(demo.factory)
    assert report.ok
    assert report.content is not None
    # three imported files, twenty entries and the session
    assert report.content.objects == 24


def test_five_votes_changed_in_a_finished_entry_are_found_there(demo: Demo) -> None:
    """Review point 2: the votes of a definitive entry changed in ``entry_sources.data`` (the
    510b made afterwards has them) are named, with the event that recorded them last."""
    before = dict(session_documents(demo.factory, EID, COMMITTEE))
    _move_five_votes(demo, "1")
    after = dict(session_documents(demo.factory, EID, COMMITTEE))
    name = next(n for n in before if n.endswith(".eml.xml"))
    assert before[name] != after[name]  # what an attacker gets: a different 510b
    report = verify_audit_log(demo.factory)
    assert report.chain.intact  # the log itself was not touched
    assert report.content is not None
    first = report.content.findings[0]
    assert first.key == entry_key(EID, COMMITTEE, 1, "1")
    assert first.problem == "changed"
    assert re.fullmatch(
        r"entry of polling station 1, session 1 \(9997, GR2026_Vlietdam\): stored data do not "
        r"match event \d+",
        first.reason,
    )
    with demo.factory() as uow:
        recorder = next(e for e in uow.audit.events() if e.id == first.event_id)
    assert recorder.event == "entry.finalised"
    # the finished session covers its entries too
    assert {f.problem for f in report.content.findings} == {"changed"}
    assert [f.key.split("/")[0] for f in report.content.findings] == ["entry", "session"]


def test_a_vote_changed_in_an_imported_count_is_found_at_the_file(
    demo: Demo, tmp_path: Path
) -> None:
    """Review point 2: one vote of a stored 510b import (``list_votes``) changed."""
    from eml.safe import Limits
    from osv.service.demo import build_demo, write_demo
    from osv.service.importing import HashCheck, import_files

    paths = write_demo(tmp_path / "with-count", with_counts=True)
    [count] = [p for p in paths if p.name.startswith("Telling")]
    import_files(
        demo.factory,
        [count],
        schemas=None,
        limits=Limits(),
        hash_check=HashCheck(hash_file=tmp_path / "with-count" / "Hashcodes.txt"),
        actor="test",
    )
    assert build_demo().count is not None
    assert verify_audit_log(demo.factory).ok
    behind_osvs_back(
        demo.database,
        "UPDATE list_votes SET votes = votes + 1 WHERE id = (SELECT min(id) FROM list_votes)",
    )
    report = verify_audit_log(demo.factory)
    assert report.content is not None
    [finding] = report.content.findings
    sha256 = hashlib.sha256(count.read_bytes()).hexdigest()
    assert finding.key == f"eml/{EID}/{sha256}"
    assert finding.reason.startswith(f"imported file with SHA-256 {sha256[:16]}… of {EID}")


def test_rows_added_or_removed_behind_osvs_back_are_found(demo: Demo) -> None:
    behind_osvs_back(
        demo.database,
        "DELETE FROM warning_notes",
        "UPDATE entry_sessions SET completed_by = 'mallory'",
    )
    report = verify_audit_log(demo.factory)
    assert report.content is not None
    assert [f.key for f in report.content.findings] == [f"session/{EID}/{COMMITTEE}/1"]
    behind_osvs_back(
        demo.database,
        "INSERT INTO investigations (election_id, committee, polling_station, reason, "
        "requested_by, requested_at) SELECT id, '9997', 3, 'x', 'mallory', created_at "
        "FROM elections",
    )
    report = verify_audit_log(demo.factory)
    assert report.content is not None
    unrecorded = [f for f in report.content.findings if f.problem == "unrecorded"]
    assert [f.key for f in unrecorded] == [f"investigation/{EID}/{COMMITTEE}/3"]
    assert unrecorded[0].reason.endswith("stored, but no audit event recorded it")


def test_osv_audit_verify_exits_1_naming_the_entry(
    demo: Demo, monkeypatch: pytest.MonkeyPatch
) -> None:
    osv = _runner(monkeypatch, demo.home / "cli", demo.url)
    intact = osv("audit", "verify")
    assert intact.exit_code == 0, intact.output
    assert "content intact: 24 objects as the log recorded them" in intact.stdout
    _move_five_votes(demo, "7")
    result = osv("audit", "verify")
    assert result.exit_code == 1
    assert re.search(
        r"^content differs: entry of polling station 7, session 1 \(9997, GR2026_Vlietdam\): "
        r"stored data do not match event \d+ \(and 1 more\)$",
        result.stdout,
        re.MULTILINE,
    )
    report = json.loads(osv("audit", "verify", "--json").stdout)
    assert report["intact"] is True  # the chain
    assert report["ok"] is False
    assert report["content"]["findings"][0]["object"] == entry_key(EID, COMMITTEE, 1, "7")


def test_a_draft_save_changes_no_content_hash(demo: Demo) -> None:
    """Page saves are not logged: the hash leaves out the draft being typed, so a save
    changes nothing the log recorded (and needs no event)."""
    coordinator = Actor("coordinator_gsb", "coordinator")
    request_investigation(demo.factory, EID, COMMITTEE, 4, "hertelling", coordinator)
    later = start_session(demo.factory, EID, COMMITTEE, coordinator)
    typist = Actor("typist_gsb", "typist")
    view = claim(demo.factory, later.id, "4", typist)
    key = entry_key(EID, COMMITTEE, 2, "4")
    with Session(demo.database.engine) as session:
        claimed = content_hash(session, key)
    assert view.entry is not None
    typed = view.entry.model_copy(update={"voters": paper(4).voters})
    with demo.factory() as uow:
        events = len(uow.audit.events())
    save(demo.factory, later.id, "4", typist, typed, view.version)
    with Session(demo.database.engine) as session:
        assert content_hash(session, key) == claimed
    with demo.factory() as uow:
        assert len(uow.audit.events()) == events
    assert verify_audit_log(demo.factory).ok


def test_removing_the_last_events_shows_against_the_noted_head(
    demo: Demo, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Review point 4: deleting the last event (or the last five) verifies as an intact chain,
    but not against the head noted earlier; the count of events now is named."""
    osv = _runner(monkeypatch, demo.home / "cli", demo.url)
    with demo.factory() as uow:
        noted, last_id, count = uow.audit.head()
    grouped = " ".join(noted[i : i + 4] for i in range(0, 64, 4)).upper()
    found = osv("audit", "verify", "--head", grouped)
    assert found.exit_code == 0, found.output
    assert f"head {noted} is event {last_id} ({count - 1} events before it)" in found.stdout
    behind_osvs_back(
        demo.database,
        "DELETE FROM audit_events WHERE id > (SELECT max(id) - 5 FROM audit_events)",
    )
    result = osv("audit", "verify", "--head", noted)
    assert result.exit_code == 1
    assert f"audit log intact: {count - 5} events" in result.stdout
    assert (
        f"head missing: no event has hash {noted}; the log has {count - 5} events now"
        in result.stdout
    )
    as_json = json.loads(osv("audit", "verify", "--head", noted, "--json").stdout)
    assert as_json["head"] == {"hash": noted, "found": False, "event_id": None, "position": None}
    refused = osv("audit", "verify", "--head", "abc")
    assert refused.exit_code == 2
    assert "is not a SHA-256 hash" in refused.stderr


def test_migration_0010_records_what_was_stored_before(database_url: str, tmp_path: Path) -> None:
    """A database filled before content hashes gets one event recording every object."""
    from osv.service.bootstrap import UnitOfWorkFactory

    database = open_database(database_url)
    try:
        database.upgrade()
        factory = UnitOfWorkFactory(database)
        import_demo(factory, tmp_path / "demo")
        # As if imported before: the events' content taken out, then the column's migration
        # run again from 0009.
        behind_osvs_back(database, "DELETE FROM audit_events")
        database.downgrade("0009")
        database.upgrade()
        with database.unit_of_work() as uow:
            [event] = uow.audit.events()
        assert event.event == "audit.content_recorded"
        assert event.actor == "system"
        assert len(event.data["content"]) == 3
        assert verify_audit_log(factory).ok
    finally:
        database.close()


def _documented_program() -> str:
    """The program in docs/audit.md that recomputes the content hashes without OSV."""
    blocks = re.findall(r"```python\n(.*?)```", DOCS.read_text(encoding="utf-8"), re.DOTALL)
    [program] = [b for b in blocks if "def content_hash" in b]
    return program


def _every_kind_of_object(demo: Demo) -> None:
    """Besides the demo's files, entries and session: an investigation and a warning note, the
    CSB's uploaded count, a deceased candidate, a computation, a candidacy publication."""
    from eml.hash import format_digest, hidden_groups
    from osv.service.candidacy.stored import decide_and_publish, load_submission, store_submission
    from osv.service.result.stored.compute import compute, register_deceased
    from osv.service.result.stored.uploads import upload_count
    from tests.service.test_candidacy_pages import LISTS, SETUP

    coordinator = Actor("coordinator_gsb", "coordinator")
    request_investigation(demo.factory, EID, COMMITTEE, 6, "hertelling", coordinator)
    name, data = next(
        (n, d) for n, d in session_documents(demo.factory, EID, COMMITTEE) if n.endswith(".eml.xml")
    )
    digest = hashlib.sha256(data).digest()
    groups = format_digest(digest).split(" ")
    first, second = hidden_groups(digest)
    upload_count(demo.factory, EID, "CSB", name, data, "csb", typed=(groups[first], groups[second]))
    register_deceased(demo.factory, EID, "CSB", 1, 2, "csb")
    compute(demo.factory, EID, "CSB", "csb")
    token = store_submission(demo.factory, LISTS, SETUP, "csb")
    submission = load_submission(demo.factory, token)
    assert submission is not None
    decide_and_publish(demo.factory, submission, "csb", repaired={0}, lots=["blanco:4;Nieuw"])


def _recomputed_without_osv(path: Path, engine_url: str) -> None:
    namespace: dict[str, object] = {}
    exec(compile(_documented_program(), str(DOCS), "exec"), namespace)
    recompute = namespace["content_hash"]
    assert callable(recompute)
    db = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
    database = open_database(engine_url)
    try:
        with Session(database.engine) as session:
            keys = list(current_objects(session))
            ours = {key: content_hash(session, key) for key in keys}
            texts = {key: canonical_content(session, key) for key in keys}
    finally:
        database.close()
    for key in keys:
        assert recompute(db, key) == ours[key], (key, texts[key])
    db.close()


def test_the_documented_program_recomputes_every_hash_without_osv(
    sqlite_demo: Demo, tmp_path: Path
) -> None:
    """docs/audit.md holds a program using only the standard library and ``sqlite3``; run on a
    database with every kind of object, it gives each the hash OSV gives it (and OSV's own
    verification holds)."""
    demo = sqlite_demo
    _every_kind_of_object(demo)
    report = verify_audit_log(demo.factory)
    assert report.ok, report.content
    assert report.content is not None
    kinds = {f.split("/")[0] for f in _keys(demo)}
    assert kinds == {"eml", "entry", "session", "investigation", "stage", "candidacy"}
    path = demo.database.engine.url.database
    assert path is not None
    _recomputed_without_osv(Path(path), demo.url)


def test_the_documented_program_recomputes_a_station_added_by_hand(tmp_path: Path) -> None:
    from osv.model import PollingStation, PollingStationType
    from osv.service.bootstrap import UnitOfWorkFactory
    from osv.service.polling_stations import add_polling_station

    url = f"sqlite:///{tmp_path / 'osv.sqlite3'}"
    database = open_database(url)
    database.ensure_schema()
    factory = UnitOfWorkFactory(database)
    import_demo(factory, tmp_path / "demo")
    station = PollingStation(number=21, name="Bibliotheek", type=PollingStationType.FIXED)
    add_polling_station(factory, EID, COMMITTEE, "Vlietdam", station, "beheerder")
    assert verify_audit_log(factory).ok
    with Session(database.engine) as session:
        assert f"station/{EID}/{COMMITTEE}/21" in set(current_objects(session))
    database.close()
    _recomputed_without_osv(tmp_path / "osv.sqlite3", url)


def _keys(demo: Demo) -> list[str]:
    with Session(demo.database.engine) as session:
        return list(current_objects(session))


def test_the_process_verbaal_of_a_session_carries_the_head_beside_the_eml_hash(
    demo: Demo,
) -> None:
    """The Na 31-2 made from the database prints the audit log's last hash under the 510b's
    hash on every page; ``audit_head`` is the service that gives it."""
    from pypdf import PdfReader

    from osv.service.audit_log import audit_head

    head = audit_head(demo.factory)
    with demo.factory() as uow:
        assert head.hash == uow.audit.events()[-1].hash
    assert head.events == head.event_id
    files = dict(session_documents(demo.factory, EID, COMMITTEE))
    [name] = [n for n in files if n.startswith("Model_Na31-2")]
    count = next(data for n, data in files.items() if n.endswith(".eml.xml"))
    pages = PdfReader(io.BytesIO(files[name])).pages
    eml_hash = " ".join(re.findall("....", hashlib.sha256(count).hexdigest()))
    for page in pages:
        text = page.extract_text()
        assert "Laatste hash logboek OSV:" in text
        assert head.groups in text
        assert eml_hash in text


def test_two_uploads_at_once_are_both_in_the_recorded_hash(tmp_path: Path) -> None:
    """PostgreSQL: two transactions add a file to the same stage at once, each then appends
    its event. The second event's hash is computed after the first transaction committed (the
    append's lock), so it covers both files and the log verifies."""
    import threading
    import uuid

    from sqlalchemy import create_engine
    from sqlalchemy.engine import make_url
    from sqlalchemy.pool import NullPool

    from osv.service.bootstrap import UnitOfWorkFactory
    from osv.store import AuditEvent
    from osv.store.records import utc_now
    from tests.databases import postgres_url

    server = postgres_url()
    schema = f"test_{uuid.uuid4().hex[:12]}"
    admin = create_engine(server, poolclass=NullPool, isolation_level="AUTOCOMMIT")
    with admin.connect() as connection:
        connection.exec_driver_sql(f'CREATE SCHEMA "{schema}"')
    url = make_url(server).update_query_dict({"options": f"-csearch_path={schema}"})
    database = open_database(url.render_as_string(hide_password=False))
    try:
        database.ensure_schema()
        factory = UnitOfWorkFactory(database)
        import_demo(factory, tmp_path / "demo")
        both_added = threading.Barrier(2, timeout=30)
        errors: list[BaseException] = []

        def upload(name: str) -> None:
            try:
                with factory() as uow:
                    uow.stages.add_file(
                        EID, "CSB", "input", message_type="510b", part=name, file_name=name,
                        sha256="0" * 64, content=name.encode(), stored_at=utc_now(),
                        stored_by="test",
                    )  # fmt: skip
                    both_added.wait()  # neither has appended yet
                    uow.audit.append(AuditEvent(event="test.uploaded", actor="test"))
                    uow.commit()
            except BaseException as error:
                errors.append(error)

        threads = [threading.Thread(target=upload, args=(n,)) for n in ("a.xml", "b.xml")]
        for thread in threads:
            thread.start()
        for thread in threads:
            thread.join()
        assert errors == []
        report = verify_audit_log(factory)
        assert report.ok, report.problem
    finally:
        database.close()
        with admin.connect() as connection:
            connection.exec_driver_sql(f'DROP SCHEMA IF EXISTS "{schema}" CASCADE')
        admin.dispose()
