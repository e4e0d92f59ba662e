"""Whether imported files fit the stored election: the checks before anything is stored.

An EML file is only stored when it belongs to what is stored already (or to files earlier in
the same import): candidate lists, polling stations, counts and results need the election's
definition (110a) and must agree with it; an election definition, the lists of a contest, the
stations of a municipality, the count of an authority and a result are each stored once and
never replaced by a different file (corrections of counts will come as corrigenda). A file
stored before with the same SHA-256 is recognised and left as it is.

:func:`plan` runs these checks. The import service runs it twice: before asking the operator
for hashes (so a doomed import fails at once) and again inside the transaction that stores the
files (so another process cannot have changed the picture in between).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from eml.documents import Eml110a, Eml110b, Eml230b, Eml510, Eml520, EmlDocument
from eml.read import eml110b as eml110b_reader
from eml.read import eml230b as eml230b_reader
from osv.model import ElectionDefinition, ElectionIdentifier
from osv.model.rules import election_date_note, election_dates_agree
from osv.service.errors import ImportRefused
from osv.store import ImportedFile, UnitOfWork, contests_of

__all__ = ["PendingFile", "date_note", "election_id", "identifier_mismatch", "plan"]


@dataclass(frozen=True)
class PendingFile:
    """A file that was read and is waiting to be stored."""

    path: Path
    document: EmlDocument
    sha256: str

    @property
    def election(self) -> str:
        """The ElectionIdentifier Id the file is for."""
        return election_id(self.document)


def election_id(document: EmlDocument) -> str:
    """The ElectionIdentifier Id of any EML document."""
    if isinstance(document, Eml110a):
        return document.election.identifier.id
    return document.identifier.id


def identifier_mismatch(
    what: str, ours: ElectionIdentifier, theirs: ElectionIdentifier
) -> str | None:
    """Why identifier ``ours`` (of ``what``, e.g. "the count") differs from the definition's.

    Compared: category, then subcategory, domain, election date and nomination date where
    ``ours`` gives them (count and result files leave some out). Domains are compared by Id
    when both have one, otherwise by name. ``None`` when they agree.
    """
    compared: list[tuple[str, object, object]] = [("category", ours.category, theirs.category)]
    if ours.subcategory is not None:
        compared.append(("subcategory", ours.subcategory, theirs.subcategory))
    if ours.domain is not None:
        domain = theirs.domain
        if ours.domain.id and domain is not None and domain.id:
            compared.append(("domain", ours.domain.id, domain.id))
        else:
            compared.append(("domain", ours.domain.name, domain.name if domain else None))
    if not election_dates_agree(ours.election_date, theirs.election_date):
        # Within the tolerance the difference is a note (:func:`date_note`), not a refusal.
        compared.append(("election date", ours.election_date, theirs.election_date))
    if ours.nomination_date is not None:
        compared.append(("nomination date", ours.nomination_date, theirs.nomination_date))
    for field, found, expected in compared:
        if found != expected:
            return (
                f"{what} has {field} {_text(found)}, but the election definition has "
                f"{_text(expected)}"
            )
    return None


def date_note(uow: UnitOfWork, pending: PendingFile) -> str | None:
    """The note for a file whose election date differs, within the tolerance, from the stored
    definition's (:func:`osv.model.rules.election_date_note`); ``None`` otherwise."""
    document = pending.document
    if isinstance(document, Eml110a):
        return None
    definition = uow.elections.get(pending.election)
    if definition is None:
        return None
    what = f"{pending.path.name} ({document.message_type.value})"
    return election_date_note(
        what, document.identifier.election_date, definition.identifier.election_date
    )


def _text(value: object) -> str:
    return "none" if value is None else str(getattr(value, "value", value))


def _from(source: ImportedFile | None) -> str:
    if source is None:
        return ""
    return f" from {source.file_name} (imported {source.imported_at:%Y-%m-%d %H:%M} UTC)"


class _Batch:
    """What is stored plus what earlier files of the same import will store."""

    def __init__(self, uow: UnitOfWork) -> None:
        self.uow = uow
        self.definitions: dict[str, ElectionDefinition] = {}
        self.contests: set[tuple[str, str]] = set()
        self.municipalities: set[tuple[str, str]] = set()
        self.counts: set[tuple[str, str, str | None]] = set()
        self.results: set[str] = set()

    def definition(self, pending: PendingFile) -> ElectionDefinition:
        eid = pending.election
        found = self.definitions.get(eid) or self.uow.elections.get(eid)
        if found is None:
            stored = self.uow.elections.eids()
            known = f" (stored: {', '.join(stored)})" if stored else ""
            raise ImportRefused(
                pending.path,
                f"no election definition of {eid} is stored{known}; import its election "
                "definition (110a) first",
            )
        return found

    def add_definition(self, pending: PendingFile, document: Eml110a) -> None:
        eid = pending.election
        if eid in self.definitions:
            raise ImportRefused(
                pending.path, f"this import holds two different election definitions of {eid}"
            )
        if self.uow.elections.get(eid) is not None:
            source = next(
                (f for f in self.uow.files.for_election(eid) if f.message_type == "110a"), None
            )
            raise ImportRefused(
                pending.path,
                f"a different election definition of {eid} is already stored{_from(source)}; "
                "a stored election definition is never replaced",
            )
        self.definitions[eid] = document.election

    def add_candidate_lists(self, pending: PendingFile, document: Eml230b) -> None:
        definition = self.definition(pending)
        mismatch = eml230b_reader.mismatch_with_definition(document, definition)
        if mismatch:
            raise ImportRefused(pending.path, mismatch)
        eid = pending.election
        contests = {contest.contest_id for contest in contests_of(definition)}
        stored = self.uow.candidate_lists.sources(eid)
        for contest in document.contests:
            if contest.id not in contests:
                raise ImportRefused(
                    pending.path,
                    f"the candidate lists are for contest {contest.id!r}, but election {eid} "
                    f"has {_contests_text(sorted(contests))}",
                )
            if contest.id in stored or (eid, contest.id) in self.contests:
                raise ImportRefused(
                    pending.path,
                    f"the candidate lists of contest {contest.id} of {eid} are already "
                    f"stored{_from(stored.get(contest.id))}; stored lists are never replaced",
                )
            self.contests.add((eid, contest.id))

    def add_polling_stations(self, pending: PendingFile, document: Eml110b) -> None:
        definition = self.definition(pending)
        mismatch = eml110b_reader.mismatch_with_definition(document, definition)
        if mismatch:
            raise ImportRefused(pending.path, mismatch)
        eid, code = pending.election, document.reporting_unit.id
        outside = definition.municipality_outside(code)
        if outside is not None:
            raise ImportRefused(pending.path, f"the polling stations are of {code}: {outside}")
        stored = self.uow.polling_stations.sources(eid)
        if code in stored or (eid, code) in self.municipalities:
            raise ImportRefused(
                pending.path,
                f"the polling stations of municipality {code} for {eid} are already "
                f"stored{_from(stored.get(code))}; stored polling stations are never replaced",
            )
        self.municipalities.add((eid, code))

    def add_count(self, pending: PendingFile, document: Eml510) -> None:
        definition = self.definition(pending)
        level = document.message_type.value
        mismatch = identifier_mismatch(
            f"the count ({level})", document.identifier, definition.identifier
        )
        if mismatch:
            raise ImportRefused(pending.path, mismatch)
        eid = pending.election
        authority = document.header.managing_authority
        key = (level, authority.id if authority else None)
        stored = self.uow.counts.sources(eid)
        if key in stored or (eid, *key) in self.counts:
            sources = stored.get(key) or [None]
            raise ImportRefused(
                pending.path,
                f"a count ({level}) of authority {key[1] or '(none)'} for {eid} is already "
                f"stored{_from(sources[0])}; a corrected count must come as a corrigendum, "
                "which OSV does not import yet",
            )
        self.counts.add((eid, *key))

    def add_result(self, pending: PendingFile, document: Eml520) -> None:
        definition = self.definition(pending)
        mismatch = identifier_mismatch("the result", document.identifier, definition.identifier)
        if mismatch:
            raise ImportRefused(pending.path, mismatch)
        eid = pending.election
        stored = self.uow.results.sources(eid)
        if stored or eid in self.results:
            raise ImportRefused(
                pending.path,
                f"a result of {eid} is already stored{_from(stored[0] if stored else None)}; "
                "a stored result is never replaced",
            )
        self.results.add(eid)


def _contests_text(contests: list[str]) -> str:
    if contests == ["geen"]:
        return "a single contest, 'geen'"
    return f"the kieskringen {', '.join(contests)}"


def plan(uow: UnitOfWork, files: Sequence[PendingFile]) -> list[ImportedFile | None]:
    """Check ``files`` (in import order) against the store and each other.

    :returns: per file, the record of the same file stored before (``None``: to be stored).
    :raises ImportRefused: for the first file that does not fit.
    """
    batch = _Batch(uow)
    decisions: list[ImportedFile | None] = []
    for pending in files:
        existing = uow.files.get(pending.election, pending.sha256)
        decisions.append(existing)
        if existing is not None:
            continue
        match pending.document:
            case Eml110a() as document:
                batch.add_definition(pending, document)
            case Eml230b() as document:
                batch.add_candidate_lists(pending, document)
            case Eml110b() as document:
                batch.add_polling_stations(pending, document)
            case Eml510() as document:
                batch.add_count(pending, document)
            case Eml520() as document:
                batch.add_result(pending, document)
    return decisions
