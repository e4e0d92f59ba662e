"""A municipality's 510b as the first entry of its totals; a typist types only the second.

The middle way between uploading a municipality's count (:mod:`.uploads`) and typing its
totals twice (:mod:`.totals`), designed by Abacus and asked for by users (process.md §6): the
coordinator uploads the municipality's 510b and types the two hidden groups of its hash from the
paper Na 31-2, exactly as for an upload, so the file is proven to be the one of the paper. The
file's municipality total then becomes the *first entry* of the municipality's totals
(``GSBTotals``, finalised, made by the coordinator), and one typist CSB types the *second entry*
from the paper. The usual double-entry comparison finds every box where the file and the paper
differ — more than the hash can show — and the coordinator decides on differences with the
usual decisions (keep the file's entry, keep the typed one, let the typist correct the
differing boxes, discard both, reset). Equal entries are definitive and count as the
municipality's count (:func:`.totals.entered_counts`).

The second entry must be by someone else than the first (the state machine's ``same_typist``
rule): the coordinator who imported the file cannot type it. The first entry's "typist" is the
coordinator, who never types, so a decision that would return the file's entry for correction
(``return_first``) is refused (:func:`decide_totals`).
"""

from __future__ import annotations

from dataclasses import dataclass

from eml import SchemaSet
from eml.documents import Eml510
from eml.safe import Limits
from osv.model import VoteCounts
from osv.model.entry import CountEntry, EntryModel
from osv.service.entry import Actor, SourceView, decide, entry_counts, view
from osv.service.entry.common import shape_of
from osv.service.entry.convert import same_counts, totals_entry
from osv.service.hash_checks import HashOutcome
from osv.service.result.stored.common import StageRefusedError, audit
from osv.service.result.stored.totals import municipalities, session_of
from osv.service.result.stored.uploads import CheckedCount, _check, _safe_name, _stale, _verify_hash
from osv.service.unit_of_work import UowFactory
from osv.store import EntrySession, UnitOfWork
from results.checks import EntryInputError, check_entry, validate_entry
from results.entry import EntriesDifferent, FirstEntryFinalised
from results.entry.serialize import state_from_data, state_to_data

__all__ = [
    "FirstEntryFile",
    "check_first_entry",
    "decide_totals",
    "first_entry_files",
    "import_first_entry",
    "is_file_entry",
]

#: The audit event of an imported first entry; its data names the file (:class:`FirstEntryFile`).
IMPORTED = "stage.first_entry_imported"


@dataclass(frozen=True)
class FirstEntryFile:
    """The 510b a municipality's first entry was imported from (from the audit log).

    :param by: the coordinator who imported it: the first entry's "typist".
    """

    municipality: str
    file_name: str
    sha256: str
    by: str

    @property
    def note(self) -> str:
        """How the first entry is recorded: "uit bestand <file>, sha256 <hash>"."""
        return f"uit bestand {self.file_name}, sha256 {self.sha256}"


def check_first_entry(
    uow_factory: UowFactory,
    eid: str,
    committee: str,
    file_name: str,
    data: bytes,
    *,
    municipality: str | None = None,
    schemas: SchemaSet | None = None,
    limits: Limits | None = None,
) -> CheckedCount:
    """Check a 510b to become a municipality's first entry, without storing anything.

    The first step in the web interface, as :func:`.uploads.check_count`: the coordinator is
    then shown the masked hash and types the two hidden groups from the paper Na 31-2.

    :raises StageRefusedError: as :func:`import_first_entry`, except ``hash_mismatch``.
    """
    with uow_factory() as uow:
        checked = _check(
            uow, eid, committee, _safe_name(file_name), data, schemas, limits, first_entry=True
        )
        _expected(checked.count, municipality)
        _entry_of(uow, eid, committee, checked.count, checked.document)
        return checked.count


def import_first_entry(
    uow_factory: UowFactory,
    eid: str,
    committee: str,
    file_name: str,
    data: bytes,
    actor: Actor,
    *,
    typed: tuple[str, str],
    municipality: str | None = None,
    schemas: SchemaSet | None = None,
    limits: Limits | None = None,
) -> SourceView:
    """Store a municipality's 510b as the finalised first entry of its totals at the stage.

    The file is checked completely, as an upload (:func:`.uploads.upload_count`), including the
    two hash groups ``typed`` from the paper Na 31-2 (and, when ``municipality`` is given, it must
    be that municipality's count); its municipality total is turned into the totals form
    (:func:`osv.service.entry.convert.totals_entry`), which must give back exactly the file's
    numbers and have no errors. The municipality is opened for entry with that first
    entry, made by the coordinator ``actor``, and waits for a typist's second entry; the audit
    event ``stage.first_entry_imported`` names the file and its SHA-256. One transaction.

    :raises StageRefusedError: with a stable ``code``: those of an upload (``unreadable``,
        ``not_a_count``, ``wrong_election``, ``wrong_district``, ``duplicate``,
        ``does_not_fit``, ``hash_mismatch``), and ``not_coordinator``, ``unknown_municipality``
        (the stage does not add it up), ``other_municipality`` (not the count of
        ``municipality``), ``uploaded_already`` (its count was uploaded), ``open_already`` (its
        totals are open for entry already), ``not_convertible`` (the file's total does not fit
        the totals form), ``file_has_errors`` (the form from the file has errors; type both
        entries instead).
        Nothing is stored.
    """
    if actor.role != "coordinator":
        raise StageRefusedError(f"{actor.name} is not a coordinator", "not_coordinator")
    name = _safe_name(file_name)
    with uow_factory() as uow:
        checked = _check(uow, eid, committee, name, data, schemas, limits, first_entry=True)
        count = checked.count
        _expected(count, municipality)
        entry = _entry_of(uow, eid, committee, count, checked.document)
        outcome = _verify_hash(checked, data, typed)
        session = _open_with_first_entry(uow, eid, committee, count, entry, actor)
        _stale(uow, eid, committee)
        _audit_import(uow, eid, committee, actor, name, count, outcome, session)
        uow.commit()
    return view(uow_factory, session.id, count.part)


def _open_with_first_entry(
    uow: UnitOfWork, eid: str, committee: str, count: CheckedCount, entry: CountEntry, actor: Actor
) -> EntrySession:
    """Open the municipality's totals for entry with ``entry`` as its finalised first entry;
    the stage's session (made when it has none yet)."""
    session = session_of(uow, eid, committee)
    if session is None:
        session = uow.entries.add_session(eid, committee, 1, "CSO", actor.name)
    state = FirstEntryFinalised(actor.name, entry)
    names = dict(municipalities(uow, eid, committee))
    uow.entries.add_sources(
        session.id,
        [
            (
                count.part,
                names.get(count.part) or count.part_name,
                EntryModel.GSB_TOTALS.value,
                state_to_data(state),
            )
        ],
    )
    return session


def _audit_import(
    uow: UnitOfWork,
    eid: str,
    committee: str,
    actor: Actor,
    name: str,
    count: CheckedCount,
    outcome: HashOutcome,
    session: EntrySession,
) -> None:
    """The ``stage.first_entry_imported`` event: the file, its hash check, the entry made."""
    record = FirstEntryFile(count.part, name, count.sha256, actor.name)
    audit(
        uow,
        actor.name,
        IMPORTED,
        eid,
        committee=committee,
        municipality=count.part,
        municipality_name=count.part_name,
        file=name,
        sha256=count.sha256,
        hash_check=outcome.method,
        digest_matched=outcome.digest,
        first_entry=record.note,
        session=session.number,
        state="FirstEntryFinalised",
    )


def _expected(count: CheckedCount, municipality: str | None) -> None:
    """Refuse the count of another municipality than the one the coordinator chose."""
    if municipality is not None and count.part != municipality:
        raise StageRefusedError(
            f"{count.file_name} is the count of municipality {count.part}, not of {municipality}",
            "other_municipality",
            name=count.file_name,
            found=count.part,
            municipality=municipality,
        )


def _entry_of(
    uow: UnitOfWork, eid: str, committee: str, count: CheckedCount, document: Eml510
) -> CountEntry:
    """The municipality's total of ``document`` as its totals form; refuse one that does not
    fit the form exactly or has errors."""
    total: VoteCounts | None = document.contests[0].total if document.contests else None
    if total is None:
        raise StageRefusedError(
            f"{count.file_name} has no municipality total", "not_convertible", name=count.file_name
        )
    shape = shape_of(uow, eid, committee)
    entry = totals_entry(total, shape)
    try:
        validate_entry(entry, shape, expected=EntryModel.GSB_TOTALS)
    except EntryInputError as error:
        raise StageRefusedError(
            f"the total of {count.file_name} does not fit the totals form: {error}",
            "not_convertible",
            name=count.file_name,
            reason=str(error),
        ) from None
    if not same_counts(entry_counts(entry, entry.eligible_voters), total):
        raise StageRefusedError(
            f"the total of {count.file_name} has numbers the totals form cannot hold (lists, "
            "candidates or voter cards the election does not have)",
            "not_convertible",
            name=count.file_name,
        )
    errors = check_entry(entry).errors
    if errors:
        codes = ", ".join(sorted({finding.code for finding in errors}))
        raise StageRefusedError(
            f"the total of {count.file_name} has errors ({codes}); type both entries from the "
            "paper instead",
            "file_has_errors",
            name=count.file_name,
            codes=codes,
        )
    return entry


def first_entry_files(
    uow_factory: UowFactory, eid: str, committee: str
) -> dict[str, FirstEntryFile]:
    """The last 510b imported as first entry per municipality of the stage (by CBS code)."""
    with uow_factory() as uow:
        events = uow.audit.events(election=eid, event=IMPORTED)
    found: dict[str, FirstEntryFile] = {}
    for event in events:
        data = event.data
        if data.get("committee") == committee:
            code = str(data["municipality"])
            found[code] = FirstEntryFile(code, str(data["file"]), str(data["sha256"]), event.actor)
    return found


def decide_totals(
    uow_factory: UowFactory,
    eid: str,
    committee: str,
    key: str,
    actor: Actor,
    decision: str,
    version: int,
) -> SourceView:
    """The coordinator's decision on a municipality's totals (:func:`osv.service.entry.decide`).

    When the first entry is the imported file, returning it for correction (``return_first``)
    is refused: its "typist" is the coordinator, who does not type. Keep the file's entry
    (``keep_first``), keep the typed one (``keep_second``: it becomes the first entry and
    another typist types a new second), or let the typist correct the differing boxes
    (``return_second``).

    :raises StageRefusedError: ``no_entry`` (nothing is open) or ``file_entry`` (the refusal
        above).
    """
    with uow_factory() as uow:
        session = session_of(uow, eid, committee)
        source = uow.entries.get_source(session.id, key) if session is not None else None
    if session is None or source is None:
        raise StageRefusedError(
            f"the totals of municipality {key} are not open for entry", "no_entry", municipality=key
        )
    if decision == "return_first" and is_file_entry(
        state_from_data(source.data), first_entry_files(uow_factory, eid, committee).get(key)
    ):
        raise StageRefusedError(
            f"the first entry of municipality {key} is its 510b file; it cannot be corrected by "
            "typing: keep it, keep the typed entry, or have the typed entry corrected",
            "file_entry",
            municipality=key,
        )
    return decide(uow_factory, session.id, key, actor, decision, version)


def is_file_entry(state: object, imported: FirstEntryFile | None) -> bool:
    """Whether the first entry of ``state`` is the imported file (its "typist" the importer)."""
    if imported is None:
        return False
    if isinstance(state, EntriesDifferent | FirstEntryFinalised):
        return state.first_user == imported.by
    return False
