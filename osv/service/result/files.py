"""Finding the EML files of one election in a folder, and knowing what each one is.

The result stages (``osv result``, ``osv verify``) are given a folder, not a list of files: the
folder as the Kiesraad publishes it, or as a polling station hands it over. Every ``*.xml``
file in it is opened far enough to read its EML ``Id`` and its ``ElectionIdentifier``, and is
classified by that ``Id``, never by its name alone: a result saved as ``Telling_….eml.xml`` is
still a result (the name is only compared, and a mismatch is noted). Files of other elections
are refused, because adding up counts of two elections, or checking a result against the
counts of another municipality, would give numbers that mean nothing.

Only the header is read here (up to the ``ElectionIdentifier``); the content is read by the
stage that needs it, so a folder of large count files is scanned quickly.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Generator
from dataclasses import dataclass, field
from pathlib import Path

from eml import ns
from eml.documents import Authority, MessageType
from eml.errors import EmlContentError
from eml.read import open_stream, root_element
from eml.read.common import Reader, read_header, read_identifier
from eml.safe import Limits
from osv.model import ElectionIdentifier
from osv.model.rules import ELECTION_DATE_TOLERANCE, election_date_note, election_dates_agree
from osv.service.errors import ServiceError

__all__ = [
    "DESCRIPTIONS",
    "ElectionFiles",
    "FoundFile",
    "ResultInputError",
    "find_election_files",
    "peek_file",
]

#: What each EML message is, in words for reports.
DESCRIPTIONS: dict[MessageType, str] = {
    MessageType.ELECTION_DEFINITION: "election definition",
    MessageType.POLLING_STATIONS: "polling stations",
    MessageType.NOMINATION: "nomination",
    MessageType.CANDIDATE_LISTS: "candidate lists",
    MessageType.COUNT_POLLING_STATION: "polling-station count",
    MessageType.COUNT_MUNICIPALITY: "municipal count",
    MessageType.COUNT_DISTRICT: "district count",
    MessageType.COUNT_TOTAL: "total count",
    MessageType.RESULT: "result",
}

#: The Kiesraad's file-name prefixes (eml-nl.md §3) and the messages they name.
_PREFIXES: dict[str, frozenset[MessageType]] = {
    "Verkiezingsdefinitie_": frozenset({MessageType.ELECTION_DEFINITION}),
    "Kandidatenlijsten_": frozenset({MessageType.CANDIDATE_LISTS}),
    "Telling_": frozenset(
        {
            MessageType.COUNT_POLLING_STATION,
            MessageType.COUNT_MUNICIPALITY,
            MessageType.COUNT_DISTRICT,
        }
    ),
    "Totaaltelling_": frozenset({MessageType.COUNT_TOTAL}),
    "Resultaat_": frozenset({MessageType.RESULT}),
}


class ResultInputError(ServiceError):
    """The folder, files or options given to a result stage cannot be used; nothing was written."""


@dataclass(frozen=True)
class FoundFile:
    """An EML file found in the folder: what it is by its ``Id``, and whose it is.

    :param path: the file.
    :param message_type: the EML ``Id`` of its root element.
    :param identifier: the election it belongs to.
    :param authority: the managing authority in its header (``CSB``, ``HSB6``, ``0668``).
    """

    path: Path
    message_type: MessageType
    identifier: ElectionIdentifier
    authority: Authority | None

    @property
    def name(self) -> str:
        """The file name, without the folder."""
        return self.path.name


@dataclass(frozen=True)
class ElectionFiles:
    """The EML files of one election in a folder, by message type, in name order.

    :param folder: the folder that was scanned.
    :param identifier: the election (from the first file; all files agree on its Id).
    :param files: every EML file found, in name order.
    :param notes: sentences about files that are not used or whose name does not fit their
        content, for the report.
    """

    folder: Path
    identifier: ElectionIdentifier
    files: tuple[FoundFile, ...]
    notes: tuple[str, ...] = field(default=())

    def of(self, *types: MessageType) -> tuple[FoundFile, ...]:
        """The files of the given message types, in name order."""
        return tuple(found for found in self.files if found.message_type in types)

    def single(self, message_type: MessageType) -> FoundFile | None:
        """The one file of ``message_type``, or ``None``; refuse when there are several.

        :raises ResultInputError: naming the files, when there is more than one.
        """
        found = self.of(message_type)
        if len(found) > 1:
            names = _names(found)
            raise ResultInputError(
                f"the folder {self.folder} holds {len(found)} files of type "
                f"{message_type.value} ({DESCRIPTIONS[message_type]}): {names}; "
                "expected at most one, so it is not clear which to use"
            )
        return found[0] if found else None


#: Files that may lie in an election's folder but play no part in a result. (Polling-station
#: lists, 110b, are kept: they say which polling stations a municipality's count must cover.)
_NOT_USED = (
    MessageType.NOMINATION,
    MessageType.COUNT_POLLING_STATION,
)


def find_election_files(folder: Path, *, limits: Limits | None = None) -> ElectionFiles:
    """Scan ``folder`` (not its subfolders) for the EML files of one election.

    Every file whose name ends in ``.xml`` must be an EML_NL file OSV can read; other files
    (reports, CSV exports) are left alone. Nominations (210) and single polling stations (510a)
    are listed in :attr:`ElectionFiles.notes` and not used; polling-station lists (110b) are
    kept for the completeness check (:mod:`osv.service.result.coverage`).

    :raises ResultInputError: when the folder cannot be read, holds no EML file, or holds
        files of different elections (one sentence naming them).
    :raises EmlError: when an ``.xml`` file is not a readable EML_NL file (naming the file).
    """
    if not folder.is_dir():
        raise ResultInputError(f"{folder} is not a folder; expected a folder with EML files")
    try:
        paths = sorted(
            path
            for path in folder.iterdir()
            if path.is_file()
            and path.name.lower().endswith(".xml")
            and not path.name.startswith(".")
        )
    except OSError as error:
        raise ResultInputError(f"{folder} cannot be read ({error.strerror or error})") from None
    if not paths:
        raise ResultInputError(f"the folder {folder} holds no EML files (*.xml)")
    found = tuple(peek_file(path, limits) for path in paths)
    reference, notes = _require_one_election(folder, found)
    used: list[FoundFile] = []
    for item in found:
        expected = next(
            (types for prefix, types in _PREFIXES.items() if item.name.startswith(prefix)),
            None,
        )
        if expected is not None and item.message_type not in expected:
            notes.append(
                f"{item.name} is named like a {_describe_any(expected)}, but by its EML Id it is "
                f"a {DESCRIPTIONS[item.message_type]} ({item.message_type.value}); "
                "it is treated as what its Id says"
            )
        if item.message_type in _NOT_USED:
            notes.append(
                f"{item.name} ({DESCRIPTIONS[item.message_type]}, {item.message_type.value}) "
                "is not used"
            )
            continue
        used.append(item)
    return ElectionFiles(
        folder=folder, identifier=reference.identifier, files=tuple(used), notes=tuple(notes)
    )


def peek_file(path: Path, limits: Limits | None = None) -> FoundFile:
    """Read ``path`` up to its ``ElectionIdentifier``: the EML Id, the authority, the election."""
    stream = open_stream(path, source=str(path), limits=limits)
    events = iter(stream)
    reader = Reader(stream.source)
    try:
        root, message_type = root_element(events, stream)
        tag = ns.eml("ElectionIdentifier")
        for event, element in events:
            if event == "end" and element.tag == tag:
                header = read_header(reader, root)
                return FoundFile(
                    path=path,
                    message_type=message_type,
                    identifier=read_identifier(reader, element),
                    authority=header.managing_authority,
                )
        raise EmlContentError("has no ElectionIdentifier", stream.source)
    finally:
        if isinstance(events, Generator):
            events.close()  # stop reading: closes the file


def _require_one_election(
    folder: Path, found: tuple[FoundFile, ...]
) -> tuple[FoundFile, list[str]]:
    """The file whose identifier stands for the folder, and notes on tolerated date deviations.

    Every file must name the same election (``ElectionIdentifier Id``): the files of the
    election with most files are the reference, and only the others are named in the refusal.
    Election dates may differ within :data:`osv.model.rules.ELECTION_DATE_TOLERANCE` (noted);
    the reference date is the election definition's, or else the one most files state.

    :raises ResultInputError: naming the files that belong to another election.
    """
    by_election: dict[str, list[FoundFile]] = {}
    for item in found:
        by_election.setdefault(item.identifier.id, []).append(item)
    if len(by_election) > 1:
        ordered = sorted(by_election.items(), key=lambda pair: (-len(pair[1]), pair[0]))
        main_id, main = ordered[0]
        others = "; ".join(
            f"{_few(items)} {'is' if len(items) == 1 else 'are'} of {election_id}"
            for election_id, items in ordered[1:]
        )
        raise ResultInputError(
            f"the folder {folder} holds files of {len(by_election)} different elections: "
            f"{len(main)} file(s) of {main_id}, but {others}; give a folder with the files of "
            "one election only"
        )
    definitions = [f for f in found if f.message_type is MessageType.ELECTION_DEFINITION]
    if definitions:
        reference = definitions[0]
        source = f"the election definition {reference.name}"
    else:
        dates = Counter(item.identifier.election_date for item in found)
        common = max(dates, key=lambda date: (dates[date], -date.toordinal()))
        reference = next(item for item in found if item.identifier.election_date == common)
        source = f"{dates[common]} of the {len(found)} files"
    expected = reference.identifier.election_date
    far = [
        item for item in found if not election_dates_agree(item.identifier.election_date, expected)
    ]
    if far:
        differing = ", ".join(
            f"{item.name} states {item.identifier.election_date.isoformat()}" for item in far[:5]
        )
        more = f" and {len(far) - 5} more" if len(far) > 5 else ""
        raise ResultInputError(
            f"the files in {folder} name election {reference.identifier.id}, but {differing}"
            f"{more}, more than {ELECTION_DATE_TOLERANCE.days} days from "
            f"{expected.isoformat()} ({source}); they cannot be of the same election"
        )
    notes = [
        note
        for item in found
        if (note := election_date_note(item.name, item.identifier.election_date, expected, source))
    ]
    return reference, notes


def _few(items: list[FoundFile]) -> str:
    """Up to five file names, and how many more."""
    names = ", ".join(item.name for item in items[:5])
    return names + (f" and {len(items) - 5} more" if len(items) > 5 else "")


def _names(items: tuple[FoundFile, ...] | list[FoundFile]) -> str:
    return ", ".join(item.name for item in items)


def _describe_any(types: frozenset[MessageType]) -> str:
    return " or ".join(sorted({DESCRIPTIONS[t] for t in types}))
