"""Reading EML_NL files into typed documents.

:func:`read_eml` reads any supported message: it hashes, limits and safely parses the bytes
(``eml.safe``), validates them against the official schema when a :class:`~eml.xsd.SchemaSet`
is given, dispatches on the root ``Id`` and returns the document with its integrity hash. Count
files (510) are read as a stream: each reporting unit is turned into a model object and its
elements are discarded, so memory stays bounded by the model, not by the XML tree.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import BinaryIO

from lxml import etree

from eml import ns
from eml.documents import Eml210, EmlDocument, MessageType
from eml.errors import EmlError, EmlTypeError
from eml.read import count_stream, eml110a, eml110b, eml210, eml230b, eml510, eml520
from eml.read.common import Reader
from eml.safe import Limits, ParseStream, line_of, local_name
from eml.xsd import SchemaSet
from osv.errors import InvariantError

__all__ = ["ReadResult", "open_stream", "read_eml", "read_nomination", "root_element"]

_SUPPORTED = ", ".join(member.value for member in MessageType)

#: The events a message other than a count needs: its root (to dispatch on the ``Id``) and its
#: ``ElectionIdentifier`` (what :func:`osv.service.result.files.peek_file` reads up to).
_DOCUMENT_EVENTS = frozenset({ns.eml("EML"), ns.eml("ElectionIdentifier")})


@dataclass(frozen=True)
class ReadResult:
    """A document read from a file, with the SHA-256 of the exact bytes and their size.

    ``notes`` are the deviations the reader accepted (see :class:`~eml.read.common.Reader`).
    """

    document: EmlDocument
    digest: bytes
    size: int
    source: str
    validated: bool
    notes: tuple[str, ...] = ()


def open_stream(
    data: Path | str | bytes | BinaryIO,
    *,
    source: str | None = None,
    schemas: SchemaSet | None = None,
    limits: Limits | None = None,
) -> ParseStream:
    """A :class:`ParseStream` that validates against ``schemas`` when given.

    A count file (510) reports events of its structure and vote groups only
    (:data:`eml.read.count_stream.EVENT_TAGS`): the hundreds of thousands of elements inside the
    vote groups are read from their group's ``end`` event, without an event each. Every other
    message is read as a whole tree, so it reports only the root's and the
    ``ElectionIdentifier``'s events (:data:`_DOCUMENT_EVENTS`, enough to dispatch and to peek).
    """

    def choose(root_id: str) -> etree.XMLSchema | None:
        return schemas.for_type(root_id) if schemas is not None else None

    def tags(root_id: str) -> frozenset[str]:
        return count_stream.EVENT_TAGS if root_id.startswith("510") else _DOCUMENT_EVENTS

    return ParseStream(data, source=source, limits=limits, schema_for=choose, tags_for=tags)


def root_element(
    events: Iterator[tuple[str, etree._Element]], stream: ParseStream
) -> tuple[etree._Element, MessageType]:
    """Consume the first event: check that the root is an EML element with a supported ``Id``."""
    for event, element in events:
        if event != "start":
            continue
        if element.tag != ns.eml("EML") or element.getparent() is not None:
            found = str(element.getroottree().getroot().tag)
            raise EmlTypeError(
                f"has root element {found}; an EML_NL file has root element EML in namespace "
                f"{ns.EML}",
                stream.source,
                line_of(element),
            )
        message_id = element.get("Id") or ""
        try:
            return element, MessageType(message_id)
        except ValueError:
            raise EmlTypeError(
                f"has EML Id {message_id!r}, which OSV does not read; expected one of {_SUPPORTED}",
                stream.source,
                line_of(element),
            ) from None
    if stream.root is not None:  # only a count's elements have events: the root was not one
        raise EmlTypeError(
            f"has root element {stream.root.tag}; an EML_NL file has root element EML in "
            f"namespace {ns.EML}",
            stream.source,
            line_of(stream.root),
        )
    raise EmlTypeError("has no root element", stream.source)


#: The element that carries each message's content, directly under the root.
_PAYLOADS: dict[str, tuple[str, ...]] = {
    ns.eml("ElectionEvent"): ("110a", "110b"),
    ns.eml("Nomination"): ("210",),
    ns.eml("CandidateList"): ("230b",),
    ns.eml("Count"): ("510a", "510b", "510c", "510d"),
    ns.eml("Result"): ("520",),
}


def _check_payload(root: etree._Element, message_type: MessageType, source: str) -> None:
    """Refuse a file whose content belongs to another message than its ``Id`` says."""
    for child in root:
        types = _PAYLOADS.get(str(child.tag))
        if types is not None and message_type.value not in types:
            raise EmlTypeError(
                f"says it is EML {message_type.value} (Id on the root element) but holds "
                f"{local_name(child)}, the content of EML {' or '.join(types)}",
                source,
                line_of(child),
            )


def read_eml(
    data: Path | str | bytes | BinaryIO,
    *,
    source: str | None = None,
    schemas: SchemaSet | None = None,
    limits: Limits | None = None,
    expect: frozenset[MessageType] | None = None,
) -> ReadResult:
    """Read one EML_NL file of any supported type.

    :param data: a path, bytes or an open binary file.
    :param source: the name used in messages (default: the path).
    :param schemas: validate against these official schemas as well.
    :param limits: size and content limits (default :class:`~eml.safe.Limits`).
    :param expect: refuse any other message type than these.
    :raises EmlError: with one sentence naming the file and the problem.
    """
    stream = open_stream(data, source=source, schemas=schemas, limits=limits)
    reader = Reader(stream.source)
    events = iter(stream)
    root, message_type = root_element(events, stream)
    if expect is not None and message_type not in expect:
        wanted = ", ".join(sorted(member.value for member in expect))
        raise EmlTypeError(
            f"is an EML {message_type.value} file, but {wanted} was expected", stream.source
        )
    document: EmlDocument
    try:
        if message_type.value.startswith("510"):
            document = eml510.from_events(reader, message_type, root, events, stream.limits)
        else:
            for _ in events:
                pass
            _check_payload(root, message_type, stream.source)
            match message_type:
                case MessageType.ELECTION_DEFINITION:
                    document = eml110a.from_root(reader, root)
                case MessageType.POLLING_STATIONS:
                    document = eml110b.from_root(reader, root)
                case MessageType.NOMINATION:
                    document = eml210.from_root(reader, root, stream.limits)
                case MessageType.CANDIDATE_LISTS:
                    document = eml230b.from_root(reader, root, stream.limits)
                case _:
                    document = eml520.from_root(reader, root, stream.limits)
    except EmlError as error:
        raise error.located(stream.source) from None
    return ReadResult(
        document=document,
        digest=stream.digest,
        size=stream.size,
        source=stream.source,
        validated=stream.validated,
        notes=tuple(reader.notes),
    )


def read_nomination(
    data: Path | str | bytes | BinaryIO,
    *,
    source: str | None = None,
    schemas: SchemaSet | None = None,
    limits: Limits | None = None,
) -> tuple[Eml210, ReadResult]:
    """Read a party's nomination (EML 210); refuse any other message type.

    :returns: the typed nomination, and the read result with its SHA-256, size and whether the
        schema validated it.
    :raises EmlError: as :func:`read_eml`; an :class:`~eml.errors.EmlTypeError` for another type.
    """
    result = read_eml(
        data,
        source=source,
        schemas=schemas,
        limits=limits,
        expect=frozenset({MessageType.NOMINATION}),
    )
    if not isinstance(result.document, Eml210):  # guaranteed by expect
        raise InvariantError("a file read as an EML 210 is not one")
    return result.document, result
