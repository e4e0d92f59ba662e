"""The one parser of an EML 510 vote group: a ``TotalVotes`` or ``ReportingUnitVotes`` element.

Both elements carry the same ``VoteGroup`` (eml-nl.md §6.4): ``Selection`` elements, then
``Cast``, ``TotalCounted``, two ``RejectedVotes`` and up to 14 ``UncountedVotes``, each optionally
preceded by its ``kr:Initial…`` value in a corrigendum. A ``ReportingUnitVotes`` adds its
``ReportingUnitIdentifier``, ``kr:ReportingUnitType``, ``kr:SharedLocation`` and
``kr:ReportingUnitInvestigations`` (accepted before or after the selections, as some producers
write them first although the schema wants them last).

The walk over the file's events (:mod:`eml.read.count_stream`) hands a
:class:`VoteGroupBuilder` each complete group element (one polling station, or the total) and
discards it once read, so the file never exists as a whole XML tree. Selections form the lists
in file order: a list selection (``AffiliationIdentifier``) opens a list, the candidate
selections after it belong to it. The common candidate selection is read in one tight loop
(:meth:`VoteGroupBuilder.read`); every other child goes through :meth:`VoteGroupBuilder.add`,
which has the message for every problem. Both paths give the same result
(``tests/eml/test_510_fast.py``).

What is refused here, with one sentence naming the reporting unit: counts that are not whole
numbers from 0 to 999,999,999; list or candidate numbers that do not increase; candidates before
any list; referendum options; unknown, missing or repeated reason codes; more lists or candidates
than :class:`~eml.safe.Limits` allows. Whether the numbers add up is *not* checked: that is a
finding of ``results``, never a reason to refuse a file.
"""

from __future__ import annotations

from typing import Final

from lxml import etree

from eml import ns
from eml.read.common import Reader
from eml.read.count_values import (
    MAX_DIGITS,
    quick_count,
    read_count,
    read_investigations,
    read_number,
    read_reason,
)
from eml.read.open_list import OpenList
from eml.safe import Limits, local_name
from osv.model import (
    Investigation,
    ListVotes,
    PollingStationType,
    RejectedReason,
    ReportingUnitVotes,
    UncountedReason,
    VoteCounts,
)

__all__ = ["VoteGroupBuilder"]

_SELECTION: Final = ns.eml("Selection")
_AFFILIATION: Final = ns.eml("AffiliationIdentifier")
_REGISTERED_NAME: Final = ns.eml("RegisteredName")
_CANDIDATE: Final = ns.eml("Candidate")
_CANDIDATE_ID: Final = ns.eml("CandidateIdentifier")
_SHORT_CODE: Final = ns.eml("ShortCode")
_REFERENDUM: Final = ns.eml("ReferendumOptionIdentifier")
_VALID: Final = ns.eml("ValidVotes")
_INITIAL_VALID: Final = ns.kr("InitialValidVotes")
_CAST: Final = ns.eml("Cast")
_INITIAL_CAST: Final = ns.kr("InitialCast")
_TOTAL_COUNTED: Final = ns.eml("TotalCounted")
_INITIAL_TOTAL_COUNTED: Final = ns.kr("InitialTotalCounted")
_REJECTED: Final = ns.eml("RejectedVotes")
_INITIAL_REJECTED: Final = ns.kr("InitialRejectedVotes")
_UNCOUNTED: Final = ns.eml("UncountedVotes")
_INITIAL_UNCOUNTED: Final = ns.kr("InitialUncountedVotes")
_UNIT_ID: Final = ns.eml("ReportingUnitIdentifier")
_UNIT_TYPE: Final = ns.kr("ReportingUnitType")
_SHARED_LOCATION: Final = ns.kr("SharedLocation")
_INVESTIGATIONS: Final = ns.kr("ReportingUnitInvestigations")

#: Children that only a ReportingUnitVotes (not a TotalVotes) may have.
_UNIT_ONLY: Final = frozenset({_UNIT_ID, _UNIT_TYPE, _SHARED_LOCATION, _INVESTIGATIONS})
#: Children that hold one count each.
_SINGLE_VALUES: Final = frozenset({_CAST, _INITIAL_CAST, _TOTAL_COUNTED, _INITIAL_TOTAL_COUNTED})


class VoteGroupBuilder:
    """Collects one vote group from its child elements, given one at a time in file order.

    Every value is checked here, with a message naming the reporting unit, before it is kept;
    the lists and candidates then become model objects without a second validation
    (:meth:`~osv.model.base.Frozen.from_checked_values`, compared with the validated objects
    in ``tests/model/test_counts_fast.py``). The group's totals and reporting unit are built
    with validation.

    :param reader: names the file in errors.
    :param limits: the maximum number of lists and of candidates per list.
    :param where: how to name the group in messages until its ReportingUnitIdentifier is read,
        e.g. ``"TotalVotes of contest geen"``.
    :param unit: whether this is a ``ReportingUnitVotes`` (``True``) or a ``TotalVotes``.
    """

    def __init__(self, reader: Reader, limits: Limits, where: str, *, unit: bool) -> None:
        self._reader = reader
        self._limits = limits
        self.where = where
        self._unit = unit
        self.unit_id: str | None = None
        self._unit_name: str | None = None
        self._unit_type: PollingStationType | None = None
        self._shared: bool | None = None
        self._investigations: tuple[Investigation, ...] | None = None
        self._lists: list[ListVotes] = []
        self._open: OpenList | None = None
        self._selections = 0
        self._values: dict[str, int] = {}
        self._rejected: dict[RejectedReason, int] = {}
        self._initial_rejected: dict[RejectedReason, int] = {}
        self._uncounted: dict[UncountedReason, int] = {}
        self._initial_uncounted: dict[UncountedReason, int] = {}

    # -- children ---------------------------------------------------------------------------

    def read(self, group: etree._Element) -> None:
        """Read every child of the complete ``group`` element, in file order.

        The common candidate selection (a list is open; ``Candidate`` with a childless
        ``CandidateIdentifier`` first, then ``ValidVotes``; a plain ``Id`` above the list's last
        one, no ``ShortCode``, plain digits for the votes, room under the limit) is read in this
        loop itself, as most of a count file is; anything else goes to :meth:`add`, which has
        the messages for every problem. Both give the same numbers (tests/eml/test_510_fast.py).
        """
        limit = self._limits.max_candidates_per_list
        current = self._open
        for child in group:
            if current is not None and child.tag == _SELECTION and len(child) == 2:
                first, second = child
                if first.tag == _CANDIDATE and second.tag == _VALID and len(first):
                    identifier = first[0]
                    raw_id = identifier.get("Id")
                    raw_votes = second.text
                    if (
                        raw_id is not None
                        and raw_votes is not None
                        and identifier.tag == _CANDIDATE_ID
                        and len(raw_id) <= MAX_DIGITS
                        and len(raw_votes) <= MAX_DIGITS
                        and raw_id.isdigit()
                        and raw_id.isascii()
                        and raw_votes.isdigit()
                        and raw_votes.isascii()
                        and identifier.get("ShortCode") is None
                        and not len(identifier)
                    ):
                        number = int(raw_id)
                        if number > current.last_number and len(current.numbers) < limit:
                            current.last_number = number
                            current.numbers.append(number)
                            current.votes_of.append(int(raw_votes))
                            current.codes.append(None)
                            self._selections += 1
                            continue
            self.add(child)
            current = self._open

    def add(self, child: etree._Element) -> None:
        """Read one complete child element of the group."""
        tag = child.tag
        if tag == _SELECTION:
            self._selection(child)
        elif tag in _SINGLE_VALUES:
            name = local_name(child)
            if name in self._values:
                raise self._reader.error(child, f"{self.where} has more than one {name}")
            self._values[name] = read_count(self._reader, child, f"{name} in {self.where}")
        elif tag in (_REJECTED, _INITIAL_REJECTED):
            target = self._rejected if tag == _REJECTED else self._initial_rejected
            read_reason(self._reader, child, RejectedReason, target, self.where)
        elif tag in (_UNCOUNTED, _INITIAL_UNCOUNTED):
            target_u = self._uncounted if tag == _UNCOUNTED else self._initial_uncounted
            read_reason(self._reader, child, UncountedReason, target_u, self.where)
        elif tag in _UNIT_ONLY and self._unit:
            self._unit_child(child)
        elif isinstance(tag, str):
            raise self._reader.error(
                child, f"{self.where} has an unexpected element {local_name(child)}"
            )

    def _selection(self, selection: etree._Element) -> None:
        self._selections += 1
        if len(selection) == 2:  # the common case: Candidate (or AffiliationIdentifier), ValidVotes
            first, second = selection
            if second.tag == _VALID:
                if first.tag == _CANDIDATE:
                    if not self._plain_candidate(first, second):
                        self._candidate(selection, first, second, None)
                    return
                if first.tag == _AFFILIATION:
                    self._start_list(selection, first, second, None)
                    return
        choice = valid = initial = None
        for child in selection:
            tag = child.tag
            if tag == _VALID:
                valid = child
            elif tag in (_CANDIDATE, _AFFILIATION):
                choice = child
            elif tag == _INITIAL_VALID:
                initial = child
            elif tag == _REFERENDUM:
                raise self._reader.error(
                    child,
                    f"{self.where} has a referendum option; referendum counts are not supported",
                )
            elif isinstance(tag, str):
                raise self._reader.error(
                    child,
                    f"a Selection in {self.where} has an unexpected element {local_name(child)}",
                )
        if choice is None:
            raise self._reader.error(
                selection,
                f"a Selection in {self.where} has neither AffiliationIdentifier nor Candidate",
            )
        if choice.tag == _AFFILIATION:
            self._start_list(selection, choice, valid, initial)
        else:
            self._candidate(selection, choice, valid, initial)

    def _start_list(
        self,
        selection: etree._Element,
        choice: etree._Element,
        valid: etree._Element | None,
        initial: etree._Element | None,
    ) -> None:
        number = read_number(self._reader, choice, f"a list in {self.where}")
        if self._open is not None and number <= self._open.number:
            raise self._reader.error(
                choice,
                f"list numbers in {self.where} must increase: expected more than "
                f"{self._open.number}, found {number}",
            )
        if len(self._lists) + (self._open is not None) >= self._limits.max_lists:
            raise self._reader.error(
                choice, f"{self.where} has more than {self._limits.max_lists:,} lists, the limit"
            )
        name_element = choice.find(_REGISTERED_NAME)
        name = (name_element.text or "").strip() if name_element is not None else ""
        label = f"list {number} in {self.where}"
        votes = self._valid(selection, valid, f"ValidVotes of {label}")
        initial_votes = self._initial(initial, f"InitialValidVotes of {label}")
        if self._open is not None:
            self._lists.append(self._open.build())
        self._open = OpenList(number, name, votes, initial_votes)

    def _plain_candidate(self, candidate: etree._Element, valid: etree._Element) -> bool:
        """Read the common candidate selection in one step; ``False`` when it is anything else
        (then :meth:`_candidate` reads it, with the messages for every problem).

        Common: a list is open, the ``CandidateIdentifier`` is the candidate's first child with
        no children of its own, a plain ``Id`` above the list's last one, no ``ShortCode`` seen
        before on the list, plain digits for the votes, and room under the limit.
        """
        current = self._open
        if current is None or len(candidate) == 0:
            return False
        identifier = candidate[0]
        if identifier.tag != _CANDIDATE_ID or len(identifier):
            return False
        raw_id = identifier.get("Id")
        votes = quick_count(valid.text)
        if (
            raw_id is None
            or votes is None
            or len(raw_id) > MAX_DIGITS
            or not (raw_id.isascii() and raw_id.isdigit())
        ):
            return False
        number = int(raw_id)
        if number <= current.last_number:
            return False
        code = identifier.get("ShortCode")
        short_code = code.strip() or None if code is not None else None
        repeated = short_code is not None and short_code in current.short_codes
        if repeated or len(current.numbers) >= self._limits.max_candidates_per_list:
            return False
        current.last_number = number
        if short_code is not None:
            current.short_codes.add(short_code)
        current.append(number, short_code, votes, None)
        return True

    def _candidate(
        self,
        selection: etree._Element,
        choice: etree._Element,
        valid: etree._Element | None,
        initial: etree._Element | None,
    ) -> None:
        current = self._open
        if current is None:
            raise self._reader.error(
                choice,
                f"{self.where} has a candidate selection before any list selection "
                "(AffiliationIdentifier)",
            )
        number, short_code = self._candidate_identity(choice, current.number)
        if number is not None:
            if number <= current.last_number:
                raise self._reader.error(
                    choice,
                    f"candidate numbers on list {current.number} in {self.where} must "
                    f"increase: expected more than {current.last_number}, found {number}",
                )
            current.last_number = number
        if short_code is not None:
            if short_code in current.short_codes:
                raise self._reader.error(
                    choice,
                    f"short code {short_code} appears twice on list {current.number} "
                    f"in {self.where}",
                )
            current.short_codes.add(short_code)
        if len(current.numbers) >= self._limits.max_candidates_per_list:
            raise self._reader.error(
                choice,
                f"list {current.number} in {self.where} has more than "
                f"{self._limits.max_candidates_per_list:,} candidates, the limit",
            )
        votes = quick_count(valid.text) if valid is not None and initial is None else None
        initial_votes = None
        if votes is None:  # the rare case: a problem, or a corrigendum value
            key = number if number is not None else short_code
            label = f"candidate {key} on list {current.number} in {self.where}"
            votes = self._valid(selection, valid, f"ValidVotes of {label}")
            initial_votes = self._initial(initial, f"InitialValidVotes of {label}")
        current.append(number, short_code, votes, initial_votes)

    def _candidate_identity(
        self, candidate: etree._Element, list_number: int
    ) -> tuple[int | None, str | None]:
        identifier = candidate[0] if len(candidate) else None  # CandidateIdentifier comes first
        if identifier is not None and identifier.tag != _CANDIDATE_ID:
            identifier = candidate.find(_CANDIDATE_ID)
        if identifier is None:
            raise self._reader.error(
                candidate,
                f"a candidate on list {list_number} in {self.where} has no CandidateIdentifier",
            )
        raw_id = identifier.get("Id")
        number: int | None = None
        if raw_id is not None:
            if raw_id.isascii() and raw_id.isdigit() and len(raw_id) <= MAX_DIGITS:
                number = int(raw_id)
            if not number:
                what = f"a candidate on list {list_number} in {self.where}"
                number = read_number(self._reader, identifier, what)
        code = identifier.get("ShortCode")
        if len(identifier):
            code_element = identifier.find(_SHORT_CODE)
            if code_element is not None:
                code = code_element.text
        short_code = (code or "").strip() or None
        if number is None and short_code is None:
            raise self._reader.error(
                identifier,
                f"a candidate on list {list_number} in {self.where} has neither a "
                "CandidateIdentifier Id nor a ShortCode",
            )
        return number, short_code

    def _valid(self, selection: etree._Element, valid: etree._Element | None, what: str) -> int:
        if valid is None:
            raise self._reader.error(selection, f"{what} is missing")
        return read_count(self._reader, valid, what)

    def _initial(self, element: etree._Element | None, what: str) -> int | None:
        return None if element is None else read_count(self._reader, element, what)

    def _unit_child(self, child: etree._Element) -> None:
        tag = child.tag
        reader = self._reader
        name = local_name(child)
        if (
            (tag == _UNIT_ID and self.unit_id is not None)
            or (tag == _UNIT_TYPE and self._unit_type is not None)
            or (tag == _SHARED_LOCATION and self._shared is not None)
            or (tag == _INVESTIGATIONS and self._investigations is not None)
        ):
            raise reader.error(child, f"{self.where} has more than one {name}")
        if tag == _UNIT_ID:
            unit_id = (child.get("Id") or "").strip()
            if not unit_id:
                raise reader.error(child, f"the ReportingUnitIdentifier of {self.where} has no Id")
            self.unit_id = unit_id
            self._unit_name = reader.optional_text(child)
            self.where = f"reporting unit {unit_id}"
        elif tag == _UNIT_TYPE:
            self._unit_type = reader.enum(child, PollingStationType)
        elif tag == _SHARED_LOCATION:
            self._shared = reader.boolean(child)
        else:
            self._investigations = read_investigations(self._reader, child, self.where)

    # -- result -----------------------------------------------------------------------------

    def counts(self, element: etree._Element) -> VoteCounts:
        """The numbers of the group, once all its children have been added."""
        if self._selections == 0:
            raise self._reader.error(element, f"{self.where} has no Selection")
        for name in ("Cast", "TotalCounted"):
            if name not in self._values:
                raise self._reader.error(element, f"{self.where} has no {name}")
        for reason in RejectedReason:
            if reason not in self._rejected:
                raise self._reader.error(
                    element, f"{self.where} has no RejectedVotes with ReasonCode {reason.value!r}"
                )
        if self._open is not None:
            self._lists.append(self._open.build())
            self._open = None
        values = self._values
        return VoteCounts(
            lists=tuple(self._lists),
            cast=values["Cast"],
            total_counted=values["TotalCounted"],
            rejected=self._rejected,
            uncounted=self._uncounted,
            initial_cast=values.get("InitialCast"),
            initial_total_counted=values.get("InitialTotalCounted"),
            initial_rejected=self._initial_rejected,
            initial_uncounted=self._initial_uncounted,
        )

    def unit(self, element: etree._Element) -> ReportingUnitVotes:
        """The reporting unit, once all children of its ``ReportingUnitVotes`` have been added."""
        votes = self.counts(element)
        if self.unit_id is None:
            raise self._reader.error(element, f"{self.where} has no ReportingUnitIdentifier")
        return ReportingUnitVotes(
            id=self.unit_id,
            name=self._unit_name,
            type=self._unit_type,
            shared_location=self._shared,
            votes=votes,
            investigations=self._investigations or (),
        )
