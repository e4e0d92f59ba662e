"""The candidacy pages' use cases on SQLite and PostgreSQL: uploads and publications are kept
in the database, refused input stores nothing, and the audit log names no personal data.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import io
import json
from collections.abc import Callable
from pathlib import Path

import pytest
from pypdf import PdfReader
from sqlalchemy import text

from candidacy import LotsRequired
from eml import Eml230b, read_eml
from osv.errors import OSVError
from osv.service.candidacy.files import CandidacyInputError, Publication
from osv.service.candidacy.stored import (
    decide_and_publish,
    load_submission,
    publication_files,
    store_submission,
)
from osv.store import Database, UnitOfWork
from tests.cli.test_candidacy_cli import BLOCKED, ELECTION, RECORDED

UowFactory = Callable[[], UnitOfWork]

#: The first candidate's personal data in the lists (woonplaats made unique to find it).
LISTS = BLOCKED.replace("Berg,v,Juinen", "Berg,v,Oostwoud").encode()
SETUP = json.dumps(ELECTION).encode()
PERSONAL = ("123456782", "01-02-1980", "1980-02-01", "Oostwoud")


@pytest.fixture
def home(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """An empty OSV_HOME (and working directory) that the use cases must leave alone."""
    folder = tmp_path / "home"
    folder.mkdir()
    monkeypatch.setenv("OSV_HOME", str(folder))
    monkeypatch.chdir(folder)
    return folder


def _count(database: Database, table: str) -> int:
    with database.engine.connect() as connection:
        return int(connection.execute(text(f"SELECT count(*) FROM {table}")).scalar_one())


def _audit_text(database: Database) -> str:
    with database.engine.connect() as connection:
        rows = connection.execute(text("SELECT actor, event, election, data FROM audit_events"))
        return "\n".join(" ".join(str(value) for value in row) for row in rows)


def test_an_upload_is_stored_with_its_hashes_and_audited(
    uow_factory: UowFactory, database: Database, home: Path
) -> None:
    token = store_submission(uow_factory, LISTS, SETUP, "csb")
    assert _count(database, "candidacy_submissions") == 1
    with uow_factory() as uow:
        stored = uow.candidacy.get(token)
        events = uow.audit.events(event="candidacy.uploaded")
    assert stored is not None
    assert stored.lists_content == LISTS
    assert stored.setup_content == SETUP
    assert stored.lists_sha256 == hashlib.sha256(LISTS).hexdigest()
    assert stored.setup_sha256 == hashlib.sha256(SETUP).hexdigest()
    assert stored.stored_by == "csb"
    submission = load_submission(uow_factory, token)
    assert submission is not None
    assert [lst.party_name for lst in submission.lists] == ["Partij B", "Partij A", "Nieuw", ""]
    assert submission.setup.election.id == "GR2026_Juinen"
    assert [(e.actor, e.election, e.data["submission"]) for e in events] == [
        ("csb", "GR2026_Juinen", token)
    ]
    assert events[0].data["lists_sha256"] == stored.lists_sha256
    assert events[0].data["candidates"] == 4
    audit = _audit_text(database)
    assert [item for item in PERSONAL if item in audit] == []
    assert list(home.iterdir()) == []


@pytest.mark.parametrize(
    ("lists", "setup", "says"),
    [
        (LISTS.replace(b"Berg,v", b"Berg,q"), SETUP, "row 2, column geslacht"),
        (LISTS, b'{"seats": 0}', "het verkiezingsbestand: not a valid election file"),
        (b"\xff\xfe", SETUP, "de lijsten: the CSV is not UTF-8"),
    ],
)
def test_a_refused_upload_stores_nothing(
    uow_factory: UowFactory,
    database: Database,
    home: Path,
    lists: bytes,
    setup: bytes,
    says: str,
) -> None:
    with pytest.raises(OSVError, match=says) as refused:
        store_submission(uow_factory, lists, setup, "csb")
    assert "\n" not in str(refused.value)
    assert _count(database, "candidacy_submissions") == 0
    assert _count(database, "audit_events") == 0
    assert list(home.iterdir()) == []


def test_an_unknown_token_has_no_submission_and_no_publication(uow_factory: UowFactory) -> None:
    assert load_submission(uow_factory, "x" * 22) is None
    assert publication_files(uow_factory, "x" * 22) == []


def test_the_publication_is_stored_and_audited_without_personal_data(
    uow_factory: UowFactory, database: Database, home: Path
) -> None:
    token = store_submission(uow_factory, LISTS, SETUP, "csb")
    submission = load_submission(uow_factory, token)
    assert submission is not None
    # Without the lot's outcome: the lot is named, nothing is stored.
    asked = decide_and_publish(uow_factory, submission, "csb")
    assert isinstance(asked, LotsRequired)
    assert _count(database, "candidacy_outputs") == 0
    assert publication_files(uow_factory, token) == []
    # The consent was repaired in time (finding 0) and the lot was drawn; published twice, the
    # second publication replaces the first.
    for _ in range(2):
        done = decide_and_publish(
            uow_factory, submission, "csb", repaired={0}, lots=["blanco:4;Nieuw"]
        )
        assert isinstance(done, Publication)
    files = dict(publication_files(uow_factory, token))
    assert sorted(files) == [
        "Kandidatenlijsten_GR2026_Juinen.eml.xml",
        "Model_I4_GR2026_Juinen.pdf",
    ]
    assert _count(database, "candidacy_outputs") == 2
    document = read_eml(files["Kandidatenlijsten_GR2026_Juinen.eml.xml"]).document
    assert isinstance(document, Eml230b)
    assert [(lst.number, lst.name) for lst in document.contests[0].lists] == [
        (1, "Partij A"),
        (2, "Partij B"),
        (3, ""),
        (4, "Nieuw"),
    ]
    assert b"123456782" not in files["Kandidatenlijsten_GR2026_Juinen.eml.xml"]
    report = PdfReader(io.BytesIO(files["Model_I4_GR2026_Juinen.pdf"]))
    assert "K07" in "\n".join(page.extract_text() for page in report.pages)
    with uow_factory() as uow:
        published = uow.audit.events(event="candidacy.published")
        outputs = uow.candidacy.outputs(token)
    assert len(published) == 2
    assert published[-1].data["submission"] == token
    assert published[-1].data["repaired"] == 1
    assert published[-1].data["files"] == [
        {"name": output.file_name, "sha256": hashlib.sha256(output.content).hexdigest()}
        for output in outputs
    ]
    audit = _audit_text(database)
    assert [item for item in PERSONAL if item in audit] == []
    assert list(home.iterdir()) == []


def test_no_valid_list_is_refused_and_stores_no_publication(
    uow_factory: UowFactory, database: Database
) -> None:
    consent = b",ja" + RECORDED.encode()  # instemming, then the CSB's record of the hand-in
    lists = LISTS.replace(consent, b",nee" + RECORDED.encode())
    token = store_submission(uow_factory, lists, SETUP, "csb")
    submission = load_submission(uow_factory, token)
    assert submission is not None
    with pytest.raises(CandidacyInputError, match="no list is valid"):
        decide_and_publish(uow_factory, submission, "csb", lots=["blanco:4;Nieuw"])
    assert _count(database, "candidacy_outputs") == 0
    with uow_factory() as uow:
        assert uow.audit.events(event="candidacy.published") == []


_REASON = "De instemming van G. Visser is op tijd ingeleverd (ontvangstbewijs 17)."


def test_departures_are_stored_with_the_publication_and_reproduce_it(
    uow_factory: UowFactory, database: Database
) -> None:
    """The stored decisions (repairs, lots, departures with reasons) are enough to publish the
    same 230b again; the audit event counts the departures and names their codes only."""
    from candidacy import Code, Departure, Instead
    from osv.service.candidacy.files import compose

    token = store_submission(uow_factory, LISTS, SETUP, "csb")
    submission = load_submission(uow_factory, token)
    assert submission is not None
    done = decide_and_publish(
        uow_factory,
        submission,
        "csb",
        lots=["blanco:4;Nieuw"],
        departures={0: ("not_applicable", _REASON)},
    )
    assert isinstance(done, Publication)
    assert "Partij A" in [lst.party_name for lst in done.accepted]
    with uow_factory() as uow:
        stored = uow.candidacy.get(token)
        [event] = uow.audit.events(event="candidacy.published")
    assert stored is not None
    assert stored.decisions is not None
    assert stored.decisions["repaired"] == []
    assert stored.decisions["lots"] == ["blanco:4;Nieuw"]
    [record] = stored.decisions["departures"]
    departure = Departure(
        code=Code(record["code"]),
        list_key=record["list"],
        district=record["district"],
        position=record["position"],
        instead=Instead(record["instead"]),
        reason=record["reason"],
    )
    again = compose(
        submission.lists,
        submission.setup,
        lots=stored.decisions["lots"],
        created=dt.datetime(2026, 2, 6, 16, 0),
        departures=[departure],
    )
    assert not isinstance(again, LotsRequired)
    files = dict(publication_files(uow_factory, token))
    name = "Kandidatenlijsten_GR2026_Juinen.eml.xml"
    republished = read_eml(dict(again[1])[name]).document
    assert isinstance(republished, Eml230b)
    first = read_eml(files[name]).document
    assert isinstance(first, Eml230b)
    assert republished.contests == first.contests
    assert event.data["departures"] == 1
    assert event.data["departure_codes"] == ["K07"]
    audit = _audit_text(database)
    assert "ontvangstbewijs" not in audit
    assert "Visser" not in audit


def test_a_refused_departure_stores_nothing(uow_factory: UowFactory, database: Database) -> None:
    from candidacy import DepartureError

    token = store_submission(uow_factory, LISTS, SETUP, "csb")
    submission = load_submission(uow_factory, token)
    assert submission is not None
    with pytest.raises(DepartureError, match="a reason is required"):
        decide_and_publish(
            uow_factory,
            submission,
            "csb",
            lots=["blanco:4;Nieuw"],
            departures={0: ("not_applicable", "")},
        )
    with pytest.raises(CandidacyInputError, match="not a decision"):
        decide_and_publish(uow_factory, submission, "csb", departures={0: ("perhaps", "Omdat.")})
    assert _count(database, "candidacy_outputs") == 0
    with uow_factory() as uow:
        stored = uow.candidacy.get(token)
        assert uow.audit.events(event="candidacy.published") == []
    assert stored is not None
    assert stored.decisions is None


def test_publishing_the_same_decisions_again_gives_the_same_files(
    uow_factory: UowFactory,
) -> None:
    """The submission, loaded again, carries its publication and decisions (with the time
    written into the files); published again with the same decisions the 230b is the same,
    byte for byte, and the audit event names the files it replaced. Other decisions get the
    time of their own publication."""
    token = store_submission(uow_factory, LISTS, SETUP, "csb")
    submission = load_submission(uow_factory, token)
    assert submission is not None
    assert submission.published is None
    first_time = dt.datetime(2026, 2, 6, 16, 0)
    lots, departures = ["blanco:4;Nieuw"], {0: ("not_applicable", _REASON)}
    decide_and_publish(
        uow_factory, submission, "csb", lots=lots, departures=departures, created=first_time
    )
    first = dict(publication_files(uow_factory, token))
    reopened = load_submission(uow_factory, token)
    assert reopened is not None
    assert reopened.published is not None
    assert reopened.published.stored_by == "csb"
    assert reopened.published.decisions.created == first_time
    assert reopened.published.decisions.lots == ("blanco:4;Nieuw",)
    assert [d.reason for d in reopened.published.decisions.departures] == [_REASON]
    assert dict(reopened.published.files) == {
        name: hashlib.sha256(data).hexdigest() for name, data in first.items()
    }
    decide_and_publish(uow_factory, reopened, "csb", lots=lots, departures=departures)
    name = "Kandidatenlijsten_GR2026_Juinen.eml.xml"
    assert dict(publication_files(uow_factory, token))[name] == first[name]
    again = load_submission(uow_factory, token)
    assert again is not None
    decide_and_publish(uow_factory, again, "csb", lots=["blanco:4;Nieuw"])
    assert dict(publication_files(uow_factory, token))[name] != first[name]
    with uow_factory() as uow:
        events = uow.audit.events(event="candidacy.published")
    assert [len(e.data["replaced"]) for e in events] == [0, 2, 2]
    assert events[1].data["replaced"] == events[0].data["files"]
