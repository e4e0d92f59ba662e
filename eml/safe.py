"""The only door from EML bytes to lxml: a hardened, streaming parser.

EML files come from other systems and USB sticks, so they are treated as hostile (eml-nl.md §9):

* the size is limited before and while reading (:data:`DEFAULT_MAX_BYTES`, configurable);
* only UTF-8 is accepted (a UTF-8 byte-order mark is fine; UTF-16/32 or another declared
  encoding is refused);
* a document type declaration (DOCTYPE) is refused before the parser sees it, and the parser
  itself never resolves entities, loads a DTD or touches the network;
* the bytes are read once, in chunks: each chunk is hashed (SHA-256, the integrity hash) and fed
  to an incremental parser, so the hash is of exactly the bytes that were parsed, and memory stays
  bounded for large count files whose readers discard each reporting unit after use;
* when a schema is given, validation against the official XSD happens during the same pass.

Every lxml exception is translated here into an :class:`~eml.errors.EmlError` that names the file.
"""

from __future__ import annotations

import hashlib
import re
from collections.abc import Callable, Collection, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import BinaryIO, cast

from lxml import etree

from eml.errors import EmlError, EmlSchemaError, EmlSyntaxError, EmlTooLargeError, EmlUnsafeError
from osv.errors import InvariantError

__all__ = [
    "DEFAULT_MAX_BYTES",
    "Limits",
    "ParseStream",
    "SchemaChooser",
    "TagChooser",
    "line_of",
    "local_name",
    "parse_bytes",
]

#: Default size limit: 50 MiB, more than ten times the largest real count file (a 510c of about
#: 4 MiB, a big city's 510b of a few MiB).
DEFAULT_MAX_BYTES = 50 * 1024 * 1024

_CHUNK = 64 * 1024
_PROLOG_LIMIT = 1024 * 1024
_UTF8_BOM = b"\xef\xbb\xbf"
_OTHER_BOMS = (
    (b"\x00\x00\xfe\xff", "UTF-32"),
    (b"\xff\xfe\x00\x00", "UTF-32"),
    (b"\xfe\xff", "UTF-16"),
    (b"\xff\xfe", "UTF-16"),
)
_ENCODING = re.compile(rb"""encoding\s*=\s*["']([A-Za-z0-9._-]+)["']""")
_ROOT_ID = re.compile(rb"""\sId\s*=\s*["']([^"']*)["']""")

#: Chooses the schema to validate against from the root element's ``Id``; ``None``: no schema.
SchemaChooser = Callable[[str], "etree.XMLSchema | None"]
#: Chooses, from the root element's ``Id``, the only tags whose events the consumer wants
#: (``None``: every element). The parser still reads, checks and validates every byte; elements
#: without events are built and can be read through their ancestors' events.
TagChooser = Callable[[str], "Collection[str] | None"]


@dataclass(frozen=True)
class Limits:
    """Limits on what a single EML file may contain; anything larger is refused.

    The defaults are far above every real file: the largest municipality has about 500 polling
    stations, no election has had 100 lists, and a list has at most 80 candidates (Kieswet H 6),
    though a national total count can carry a lijstengroep's candidates of all districts.
    """

    max_bytes: int = DEFAULT_MAX_BYTES
    max_reporting_units: int = 20_000
    max_lists: int = 200
    max_candidates_per_list: int = 2_000


def line_of(element: etree._Element | None) -> int | None:
    """The line on which ``element`` starts, when lxml knows it."""
    line = element.sourceline if element is not None else None
    return line if isinstance(line, int) else None


def local_name(element: etree._Element) -> str:
    """The local part of an element's tag (``{uri}Count`` → ``Count``)."""
    tag = element.tag
    if not isinstance(tag, str):
        return ""
    return tag.rpartition("}")[2]


def _check_prolog(head: bytes, source: str, complete: bool) -> bytes | None:
    """Check the bytes before the root element; return the root's ``Id`` attribute if seen.

    Returns ``None`` when ``head`` ends before the root start tag and more bytes may follow.
    Raises for other encodings than UTF-8 and for any ``<!DOCTYPE`` or other ``<!`` declaration.
    """
    for bom, name in _OTHER_BOMS:
        if head.startswith(bom):
            raise EmlSyntaxError(f"is encoded in {name}; EML files must be UTF-8", source)
    pos = len(_UTF8_BOM) if head.startswith(_UTF8_BOM) else 0
    if len(head) > pos + 1 and (head[pos] == 0 or head[pos + 1] == 0):
        raise EmlSyntaxError("is encoded in UTF-16 or UTF-32; EML files must be UTF-8", source)
    while True:
        while pos < len(head) and head[pos : pos + 1] in (b" ", b"\t", b"\r", b"\n"):
            pos += 1
        rest = head[pos:]
        if not rest:
            if complete:
                raise EmlSyntaxError("is empty or has no root element", source)
            return None
        if rest.startswith(b"<?"):
            end = rest.find(b"?>")
            if end < 0:
                _fail_if_complete(complete, source, "an unterminated processing instruction")
                return None
            declaration = rest[: end + 2]
            if declaration.startswith(b"<?xml") and declaration[5:6] in (b" ", b"\t", b"\r", b"\n"):
                match = _ENCODING.search(declaration)
                if match and match.group(1).lower() not in (b"utf-8", b"utf8"):
                    encoding = match.group(1).decode("ascii")
                    raise EmlSyntaxError(
                        f"declares the encoding {encoding}; EML files must be UTF-8", source
                    )
            pos += end + 2
        elif rest.startswith(b"<!--"):
            end = rest.find(b"-->")
            if end < 0:
                _fail_if_complete(complete, source, "an unterminated comment")
                return None
            pos += end + 3
        elif rest.startswith(b"<!"):
            if len(rest) < 9 and not complete:
                return None
            if rest[:9].upper() == b"<!DOCTYPE":
                raise EmlUnsafeError(
                    "contains a document type declaration (DOCTYPE); EML files never have one, "
                    "and it can carry entity or external-file attacks, so the file is refused",
                    source,
                )
            raise EmlUnsafeError("contains a markup declaration before the root element", source)
        elif rest.startswith(b"<"):
            end = rest.find(b">")
            if end < 0:
                _fail_if_complete(complete, source, "an unterminated root start tag")
                return None
            match = _ROOT_ID.search(rest[:end])
            return match.group(1) if match else b""
        else:
            raise EmlSyntaxError("does not start with an XML element", source)


def _fail_if_complete(complete: bool, source: str, what: str) -> None:
    """Raise when the data is complete but ends inside ``what``; else more bytes may follow."""
    if complete:
        raise EmlSyntaxError(f"ends inside {what} before the root element", source)


def _new_parser(
    schema: etree.XMLSchema | None, tags: Collection[str] | None = None
) -> etree.XMLPullParser:
    """An incremental parser that never resolves entities, loads a DTD or uses the network.

    :param tags: report events of these elements only (``None``: of every element).
    """
    return etree.XMLPullParser(
        events=("start", "end"),
        tag=list(tags) if tags is not None else None,
        schema=schema,
        resolve_entities=False,
        no_network=True,
        load_dtd=False,
        dtd_validation=False,
        huge_tree=False,
        remove_comments=False,
    )


def _translate(error: etree.LxmlError, source: str) -> EmlError:
    """Turn an lxml error into an EmlError with the file, the line and libxml2's reason."""
    log = getattr(error, "error_log", None)
    entry = log.last_error if log is not None else None
    line = entry.line if entry is not None and entry.line else None
    message = entry.message if entry is not None and entry.message else str(error)
    message = message.strip().rstrip(".")
    if entry is not None and entry.domain_name == "SCHEMASV":
        return EmlSchemaError(f"is not valid against the EML_NL schema: {message}", source, line)
    if "UTF-8" in message or "Invalid bytes in character encoding" in message:
        return EmlSyntaxError(f"is not valid UTF-8 ({message})", source, line)
    if "Premature end" in message or "Couldn't find end" in message:
        return EmlSyntaxError(f"is truncated: the XML ends too early ({message})", source, line)
    if "ntity" in message:
        return EmlUnsafeError(f"uses an entity reference, which EML never does ({message})", source)
    return EmlSyntaxError(f"is not well-formed XML ({message})", source, line)


class ParseStream:
    """One pass over EML bytes: hash, limit, check, parse and (optionally) validate.

    Iterate to receive ``("start" | "end", element)`` events in document order. After the
    iteration, :attr:`digest` is the SHA-256 of all bytes and :attr:`root` the root element
    (with whatever the consumer did not clear).

    :param data: a path, the bytes themselves, or an open binary file.
    :param source: the label used in error messages (by default the path).
    :param limits: size limits.
    :param schema_for: called with the root element's ``Id`` (from the start tag) and returns
        the schema to validate against, or ``None`` not to validate.
    :param tags_for: called with the root element's ``Id``; returns the tags whose events are
        wanted (:data:`TagChooser`), or ``None`` for all.
    """

    def __init__(
        self,
        data: Path | str | bytes | BinaryIO,
        *,
        source: str | None = None,
        limits: Limits | None = None,
        schema_for: SchemaChooser | None = None,
        tags_for: TagChooser | None = None,
    ) -> None:
        self.limits = limits or Limits()
        self._tags_for = tags_for
        self._data = data
        if source is None:
            source = str(data) if isinstance(data, (str, Path)) else "EML data"
        self.source = source
        self._schema_for = schema_for
        self._hasher = hashlib.sha256()
        self.size = 0
        self.root_id: str | None = None
        self.root: etree._Element | None = None
        self.validated = False

    @property
    def digest(self) -> bytes:
        """SHA-256 of the bytes read so far (all of them once iteration has finished)."""
        return self._hasher.digest()

    def _chunks(self) -> Iterator[bytes]:
        data = self._data
        if isinstance(data, bytes):
            self._check_size(len(data))
            for start in range(0, len(data), _CHUNK):
                yield data[start : start + _CHUNK]
            return
        if isinstance(data, (str, Path)):
            path = Path(data)
            try:
                size = path.stat().st_size
            except OSError as error:
                raise EmlError(f"cannot be read: {error.strerror}", self.source) from error
            self._check_size(size)
            try:
                with path.open("rb") as handle:
                    yield from self._read_handle(handle)
            except OSError as error:
                raise EmlError(f"cannot be read: {error.strerror}", self.source) from error
            return
        yield from self._read_handle(data)

    def _read_handle(self, handle: BinaryIO) -> Iterator[bytes]:
        total = 0
        while chunk := handle.read(_CHUNK):
            total += len(chunk)
            self._check_size(total)
            yield chunk

    def _check_size(self, size: int) -> None:
        if size > self.limits.max_bytes:
            raise EmlTooLargeError(
                f"is {size:,} bytes, more than the limit of {self.limits.max_bytes:,} bytes "
                "(set OSV_EML_MAX_BYTES to raise it)",
                self.source,
            )

    def __iter__(self) -> Iterator[tuple[str, etree._Element]]:
        head = b""
        parser: etree.XMLPullParser | None = None
        schema_in_use = False
        try:
            for chunk in self._chunks():
                self._hasher.update(chunk)
                self.size += len(chunk)
                if parser is None:
                    head += chunk
                    root_id = _check_prolog(head, self.source, complete=False)
                    if root_id is None:
                        if len(head) > _PROLOG_LIMIT:
                            raise EmlSyntaxError(
                                "has no root element in its first megabyte", self.source
                            )
                        continue
                    self.root_id = root_id.decode("utf-8", errors="replace")
                    schema = self._schema_for(self.root_id) if self._schema_for else None
                    schema_in_use = schema is not None
                    tags = self._tags_for(self.root_id) if self._tags_for else None
                    parser = _new_parser(schema, tags)
                    chunk, head = head, b""
                parser.feed(chunk)
                yield from self._events(parser)
            if parser is None:
                _check_prolog(head, self.source, complete=True)
                raise EmlSyntaxError("has no root element", self.source)
            self.root = parser.close()
            yield from self._events(parser)
            self.validated = schema_in_use
        except etree.LxmlError as error:
            raise _translate(error, self.source) from None

    def _events(self, parser: etree.XMLPullParser) -> Iterator[tuple[str, etree._Element]]:
        for event, item in parser.read_events():
            element = cast(etree._Element, item)
            if event == "start" and element.getparent() is None:
                docinfo = element.getroottree().docinfo
                if getattr(docinfo, "doctype", "") or docinfo.internalDTD is not None:
                    raise EmlUnsafeError("contains a document type declaration", self.source)
            yield event, element


def parse_bytes(
    data: Path | str | bytes | BinaryIO,
    *,
    source: str | None = None,
    limits: Limits | None = None,
    schema_for: SchemaChooser | None = None,
) -> tuple[etree._Element, ParseStream]:
    """Parse a whole (small) EML document safely; return its root element and the stream.

    The stream carries the digest, size and whether the schema validated the document.
    """
    stream = ParseStream(data, source=source, limits=limits, schema_for=schema_for)
    for _event in stream:
        pass
    if stream.root is None:
        raise InvariantError("a parsed EML file has no root element")
    return stream.root, stream
