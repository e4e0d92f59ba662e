"""Reading EML 510 count files (Telling, Totaaltelling): a whole document, or a stream.

Two ways in, one parser (:mod:`eml.read.count_stream` walks the events, and
:mod:`eml.read.vote_group` reads each ``TotalVotes``/``ReportingUnitVotes``):

* :func:`from_events`, used by :func:`eml.read.read_eml`, collects everything into an
  :class:`~eml.documents.Eml510` document, as the other message types are read;
* :func:`iter_count` opens a file as a :class:`CountStream` of :class:`CountItem` for callers
  that aggregate many reporting units without holding them (a tally over 10,000 polling
  stations keeps only its running sums).

Either way the file is hashed, size-limited, safely parsed and (given schemas) validated in one
pass (:mod:`eml.safe`), and the XML tree stays small (eml-nl.md §6.4–6.5, §9).
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import TYPE_CHECKING, BinaryIO

from lxml import etree

from eml.documents import Eml510, MessageType
from eml.errors import EmlTypeError
from eml.read.common import Reader
from eml.read.count_stream import CountItem, CountStream
from eml.safe import Limits
from osv.errors import InvariantError
from osv.model import ContestCount, ReportingUnitVotes, VoteCounts

if TYPE_CHECKING:
    from eml.xsd import SchemaSet

__all__ = ["CountItem", "CountStream", "from_events", "iter_count"]


def iter_count(
    data: Path | str | bytes | BinaryIO,
    *,
    source: str | None = None,
    schemas: SchemaSet | None = None,
    limits: Limits | None = None,
) -> CountStream:
    """Open a 510 file as a :class:`CountStream`, for reading its units one at a time.

    The bytes are hashed, limited and parsed safely exactly as by :func:`eml.read.read_eml`.
    The header and identifier are known as soon as this returns; the items follow in file
    order. Example, summing the admitted voters (D) of all polling stations without holding
    them::

        stream = iter_count(path, schemas=schemas)
        admitted = 0
        for item in stream:
            if isinstance(item.votes, ReportingUnitVotes):
                admitted += item.votes.votes.uncounted.get(UncountedReason.ADMITTED_VOTERS, 0)
        print(stream.identifier.id, admitted, format_digest(stream.digest))

    An error can come after some items (a truncated file): whatever was summed must then be
    dropped, as the file as a whole is refused.

    :raises EmlError: for anything but a valid count file, naming the file and the problem.
    """
    from eml.read import open_stream, root_element  # the dispatcher imports this module

    stream = open_stream(data, source=source, schemas=schemas, limits=limits)
    events = iter(stream)
    root, message_type = root_element(events, stream)
    if not message_type.value.startswith("510"):
        raise EmlTypeError(
            f"is an EML {message_type.value} file, but a count (510a, 510b, 510c or 510d) "
            "was expected",
            stream.source,
        )
    return CountStream(
        Reader(stream.source), message_type, root, events, stream.limits, parse=stream
    )


def from_events(
    reader: Reader,
    message_type: MessageType,
    root: etree._Element,
    events: Iterator[tuple[str, etree._Element]],
    limits: Limits,
) -> Eml510:
    """Read a whole 510 file into an :class:`~eml.documents.Eml510` (see :class:`CountStream`).

    The root's start event must have been consumed; the remaining events are consumed here.
    """
    stream = CountStream(reader, message_type, root, events, limits)
    contests: list[ContestCount] = []
    current: tuple[str, str | None] | None = None
    total: VoteCounts | None = None
    units: list[ReportingUnitVotes] = []
    for item in stream:
        if current is not None and item.contest_id != current[0]:
            contests.append(_contest(current, total, units))
            total, units = None, []
        current = (item.contest_id, item.contest_name)
        if isinstance(item.votes, ReportingUnitVotes):
            units.append(item.votes)
        else:
            total = item.votes
    if current is None:  # the stream refuses a file without contests
        raise InvariantError("a 510 was read without a contest (the reader refuses those)")
    contests.append(_contest(current, total, units))
    if stream.header is None:
        raise InvariantError("a 510 was read without its header")
    return Eml510(
        message_type=message_type,
        header=stream.header,
        counting_method=stream.counting_method,
        phase=stream.phase,
        identifier=stream.identifier,
        contests=tuple(contests),
    )


def _contest(
    key: tuple[str, str | None], total: VoteCounts | None, units: list[ReportingUnitVotes]
) -> ContestCount:
    return ContestCount(
        contest_id=key[0], contest_name=key[1], total=total, reporting_units=tuple(units)
    )
