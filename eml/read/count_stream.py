"""The walk over an EML 510 file's events that turns its vote groups into model objects.

A count file (eml-nl.md §6.4) is a header, ``kr:CountingMethod``, ``kr:Phase`` and the
``ElectionIdentifier``, then per ``Contest`` a ``TotalVotes`` and one ``ReportingUnitVotes`` per
polling station (510b), municipality (510c) or district (510d). The reporting units are most of
the file, so :class:`CountStream` reads them as a stream:

* the parser reports events only for the file's structure and its vote groups
  (:data:`EVENT_TAGS`): a polling station of 40 lists of 50 candidates is a few hundred
  thousand elements that never pass through Python one by one;
* when a ``TotalVotes`` or ``ReportingUnitVotes`` ends, its children go to a
  :class:`~eml.read.vote_group.VoteGroupBuilder` and it becomes a :class:`CountItem`; then the
  element is cleared together with its processed preceding siblings (lxml iterparse hygiene),
  after a check that none of them is an element the container may not have.

The XML tree therefore never holds more than one vote group, plus the header: memory is bounded
by what the caller keeps of the items. Structure problems are refused with one sentence naming
the file, the line and the problem; arithmetic (does TotalVotes equal the sum of the units?
eml-nl.md §6.5) is left to ``results``.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Final, Literal, NamedTuple

from lxml import etree

from eml import ns
from eml.documents import CountingMethod, EmlHeader, MessageType, Phase
from eml.read.common import Reader, read_header, read_identifier
from eml.read.vote_group import VoteGroupBuilder
from eml.safe import Limits, ParseStream, local_name
from osv.errors import InvariantError
from osv.model import ElectionIdentifier, ReportingUnitVotes, VoteCounts

__all__ = ["EVENT_TAGS", "CountItem", "CountStream"]

_EML: Final = ns.eml("EML")
_EML_NAMESPACE: Final = f"{{{ns.EML}}}"
_COUNT: Final = ns.eml("Count")
_ELECTION: Final = ns.eml("Election")
_ELECTION_ID: Final = ns.eml("ElectionIdentifier")
_CONTESTS: Final = ns.eml("Contests")
_CONTEST: Final = ns.eml("Contest")
_CONTEST_ID: Final = ns.eml("ContestIdentifier")
_TOTAL: Final = ns.eml("TotalVotes")
_UNIT: Final = ns.eml("ReportingUnitVotes")
_COUNTING_METHOD: Final = ns.kr("CountingMethod")
_PHASE: Final = ns.kr("Phase")

#: The elements whose events a count's walk needs; the parser reports no others.
EVENT_TAGS: Final = frozenset(
    {
        _EML,
        _COUNT,
        _ELECTION,
        _ELECTION_ID,
        _CONTESTS,
        _CONTEST,
        _CONTEST_ID,
        _TOTAL,
        _UNIT,
        _COUNTING_METHOD,
        _PHASE,
    }
)

#: The EML-namespace children allowed in each container; any other EML element is refused, so
#: that votes in an unexpected place are never silently skipped when no schema is checked.
_ALLOWED: Final = {
    _COUNT: frozenset({ns.eml("EventIdentifier"), _ELECTION}),
    _ELECTION: frozenset({_ELECTION_ID, _CONTESTS}),
    _CONTESTS: frozenset({_CONTEST}),
    _CONTEST: frozenset({_CONTEST_ID, _TOTAL, _UNIT}),
}
#: Where each element of the walk belongs.
_PARENT: Final = {
    _COUNT: _EML,
    _ELECTION: _COUNT,
    _CONTESTS: _ELECTION,
    _CONTEST: _CONTESTS,
    _TOTAL: _CONTEST,
    _UNIT: _CONTEST,
}


class CountItem(NamedTuple):
    """One vote group of a count file, in file order.

    ``kind`` is ``"total"`` for a contest's ``TotalVotes`` (``votes`` is a
    :class:`~osv.model.VoteCounts`) and ``"unit"`` for a ``ReportingUnitVotes`` (``votes`` is a
    :class:`~osv.model.ReportingUnitVotes`).
    """

    contest_id: str
    contest_name: str | None
    kind: Literal["total", "unit"]
    votes: VoteCounts | ReportingUnitVotes


class _Contest:
    """What the walk knows about the contest being read."""

    __slots__ = ("has_total", "id", "name", "unit_ids")

    def __init__(self) -> None:
        self.id: str | None = None
        self.name: str | None = None
        self.has_total = False
        self.unit_ids: set[str] = set()


def _check_children(
    reader: Reader, container: etree._Element, children: Iterator[etree._Element]
) -> None:
    """Refuse an EML-namespace child that ``container`` may not have (others are not EML)."""
    allowed = _ALLOWED.get(container.tag)
    if allowed is None:
        return
    for child in children:
        tag = child.tag
        if isinstance(tag, str) and tag not in allowed and tag.startswith(_EML_NAMESPACE):
            raise reader.error(
                child, f"{local_name(child)} is not expected inside {local_name(container)}"
            )


def _discard(reader: Reader, element: etree._Element) -> None:
    """Free a processed element and its processed preceding siblings (iterparse hygiene),
    after checking that none of those siblings is unexpected in their container."""
    element.clear()
    if element.getprevious() is not None:
        parent = element.getparent()
        if parent is None:  # an element with a sibling has a parent
            raise InvariantError("an XML element with a preceding sibling has no parent")
        _check_children(reader, parent, element.itersiblings(preceding=True))
        while element.getprevious() is not None:
            del parent[0]


class CountStream:
    """The items of one 510 file, read lazily; an iterator of :class:`CountItem`.

    Creating the stream reads up to the start of ``Contests``, so :attr:`header`,
    :attr:`identifier`, :attr:`counting_method` and :attr:`phase` are known before the first
    item. Iterating reads the rest; only after the iterator is exhausted has the whole file been
    checked (well-formedness, schema, structure) and is :attr:`digest` available. An error
    anywhere raises :class:`~eml.errors.EmlError`: items yielded before it must then be dropped.

    :param reader: names the file in errors.
    :param message_type: the root's ``Id`` (510a–d).
    :param root: the root element, whose start event has been consumed.
    :param events: the remaining ``("start"|"end", element)`` events of :class:`ParseStream`.
    :param limits: the number of reporting units, lists and candidates allowed.
    :param parse: the parse stream, to expose the digest, size and validation.
    """

    def __init__(
        self,
        reader: Reader,
        message_type: MessageType,
        root: etree._Element,
        events: Iterator[tuple[str, etree._Element]],
        limits: Limits,
        parse: ParseStream | None = None,
    ) -> None:
        self.message_type = message_type
        self.header: EmlHeader | None = None
        self.counting_method: CountingMethod | None = None
        self.phase: Phase | None = None
        self._identifier: ElectionIdentifier | None = None
        self._reader = reader
        self._root = root
        self._events = events
        self._limits = limits
        self._parse = parse
        self._election_seen = False
        self._contests_started = False
        self._contest: _Contest | None = None
        self._contest_ids: set[str] = set()
        self._units = 0
        self._group: VoteGroupBuilder | None = None
        self._done = False
        self._items = self._walk()
        if next(self._items, None) is not None:  # pauses at the start of Contests
            raise AssertionError("the walk yields no item before Contests")
        if not self._contests_started:
            raise AssertionError("the walk stops early only with an error")

    @property
    def identifier(self) -> ElectionIdentifier:
        """The ``ElectionIdentifier`` of the file."""
        if self._identifier is None:  # guaranteed once the walk reached Contests
            raise InvariantError("the ElectionIdentifier is read before the walk reached it")
        return self._identifier

    @property
    def digest(self) -> bytes:
        """SHA-256 of the file's bytes; available once the stream has been exhausted."""
        if self._parse is None or not self._done:
            raise RuntimeError("the digest is known only after the whole file has been read")
        return self._parse.digest

    @property
    def size(self) -> int:
        """The number of bytes read so far (the file size once exhausted)."""
        return self._parse.size if self._parse is not None else 0

    @property
    def validated(self) -> bool:
        """Whether the whole file was validated against the official schema."""
        return self._done and self._parse is not None and self._parse.validated

    def __iter__(self) -> CountStream:
        return self

    def __next__(self) -> CountItem:
        item = next(self._items)
        if item is None:
            raise InvariantError("the count stream gave an empty item")
        return item

    # -- the walk -----------------------------------------------------------------------------

    def _walk(self) -> Iterator[CountItem | None]:
        """Handle every event; yield ``None`` once at the start of Contests, then the items.

        The parser reports only :data:`EVENT_TAGS`, so every event is one of the structure's
        few elements or a whole vote group.
        """
        for event, element in self._events:
            if event == "start":
                if self._start(element):
                    yield None
                continue
            item = self._end(element)
            if item is not None:
                yield item
        self._finish()
        self._done = True

    def _placed(self, element: etree._Element) -> None:
        """Refuse an element of the walk that is not where it belongs."""
        parent = element.getparent()
        expected = _PARENT.get(element.tag)
        if expected is not None and (parent is None or parent.tag != expected):
            where = local_name(parent) if parent is not None else "the document"
            raise self._reader.error(
                element, f"{local_name(element)} is not expected inside {where}"
            )

    def _start(self, element: etree._Element) -> bool:
        """Act on an element's start; ``True`` when it is ``Contests`` (the walk pauses)."""
        tag = element.tag
        self._placed(element)
        if tag == _COUNT:
            if self.header is not None:
                raise self._reader.error(element, "the EML element has more than one Count")
            self.header = read_header(self._reader, self._root)
        elif tag == _ELECTION:
            if self._election_seen:
                raise self._reader.error(element, "Count has more than one Election")
            self._election_seen = True
        elif tag == _CONTESTS:
            if self._contests_started:
                raise self._reader.error(element, "Election has more than one Contests")
            if self._identifier is None:
                raise self._reader.error(element, "Count has no ElectionIdentifier before Contests")
            self._contests_started = True
            return True
        elif tag == _CONTEST:
            self._contest = _Contest()
        elif tag in (_TOTAL, _UNIT):
            self._group = self._open_group(element)
        elif tag == _EML:
            raise self._reader.error(element, "EML is not expected inside EML")
        return False

    def _open_group(self, element: etree._Element) -> VoteGroupBuilder:
        contest = self._contest
        if contest is None:
            raise InvariantError("a vote group opened outside a contest")
        if contest.id is None:
            raise self._reader.error(element, "a Contest has votes before its ContestIdentifier")
        if element.tag == _TOTAL:
            if contest.has_total or contest.unit_ids:
                raise self._reader.error(
                    element,
                    f"contest {contest.id} has a TotalVotes after its first vote group; "
                    "TotalVotes comes once, before the ReportingUnitVotes",
                )
            contest.has_total = True
            return VoteGroupBuilder(
                self._reader, self._limits, f"TotalVotes of contest {contest.id}", unit=False
            )
        if not contest.has_total and contest.unit_ids:
            raise self._reader.error(
                element, f"contest {contest.id} has several ReportingUnitVotes but no TotalVotes"
            )
        self._units += 1
        if self._units > self._limits.max_reporting_units:
            raise self._reader.error(
                element,
                f"has more than {self._limits.max_reporting_units:,} reporting units, the limit",
            )
        where = f"reporting unit {self._units} of contest {contest.id}"
        return VoteGroupBuilder(self._reader, self._limits, where, unit=True)

    def _end(self, element: etree._Element) -> CountItem | None:
        """Act on an element's end."""
        tag = element.tag
        reader = self._reader
        parent = element.getparent()
        parent_tag = parent.tag if parent is not None else None
        if tag in (_TOTAL, _UNIT, _CONTEST_ID) and parent_tag == _CONTEST:
            return self._close_child(element)
        if tag == _COUNTING_METHOD and parent_tag == _COUNT:
            self.counting_method = reader.enum(
                element, CountingMethod, raw=element.get("MethodCode") or ""
            )
        elif tag == _PHASE and parent_tag == _COUNT:
            self.phase = reader.enum(element, Phase, raw=element.get("PhaseCode") or "")
        elif tag == _ELECTION_ID and parent_tag == _ELECTION:
            if self._identifier is not None:
                raise reader.error(element, "Election has more than one ElectionIdentifier")
            self._identifier = read_identifier(reader, element)
        elif tag == _CONTEST:
            self._close_contest(element)
        elif tag in (_CONTESTS, _ELECTION, _COUNT):
            _check_children(reader, element, iter(element))
        return None

    def _close_child(self, element: etree._Element) -> CountItem | None:
        contest = self._contest
        if contest is None:
            raise InvariantError("an element of a contest closed outside a contest")
        if element.tag == ns.eml("ContestIdentifier"):
            if contest.id is not None:
                raise self._reader.error(element, "a Contest has more than one ContestIdentifier")
            contest_id = (element.get("Id") or "").strip()
            if not contest_id:
                raise self._reader.error(element, "ContestIdentifier has no Id")
            if contest_id in self._contest_ids:
                raise self._reader.error(element, f"contest {contest_id} appears twice")
            self._contest_ids.add(contest_id)
            contest.id = contest_id
            contest.name = self._reader.optional_text(element.find(ns.eml("ContestName")))
            return None
        group = self._group
        if group is None:
            return None
        self._group = None
        if contest.id is None:
            raise InvariantError("a contest's votes closed before its ContestIdentifier was read")
        group.read(element)
        item: CountItem
        if element.tag == _TOTAL:
            item = CountItem(contest.id, contest.name, "total", group.counts(element))
        else:
            unit = group.unit(element)
            if unit.id in contest.unit_ids:
                raise self._reader.error(
                    element, f"reporting unit {unit.id} appears twice in contest {contest.id}"
                )
            contest.unit_ids.add(unit.id)
            item = CountItem(contest.id, contest.name, "unit", unit)
        _discard(self._reader, element)
        return item

    def _close_contest(self, element: etree._Element) -> None:
        contest = self._contest
        if contest is None:
            raise InvariantError("a contest closed that was never opened")
        if contest.id is None:
            raise self._reader.error(element, "a Contest has no ContestIdentifier")
        if not contest.has_total and not contest.unit_ids:
            raise self._reader.error(
                element, f"contest {contest.id} has neither TotalVotes nor ReportingUnitVotes"
            )
        _check_children(self._reader, element, iter(element))
        self._contest = None
        _discard(self._reader, element)

    def _finish(self) -> None:
        if self.header is None:
            raise self._reader.error(self._root, "the EML element has no Count")
        if not self._contests_started:
            raise self._reader.error(self._root, "Count has no Election with Contests")
        if not self._contest_ids:
            raise self._reader.error(self._root, "Contests has no Contest")
