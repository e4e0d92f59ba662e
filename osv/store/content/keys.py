"""The keys of the objects of counted data: making them, taking them apart, describing them."""

from __future__ import annotations

__all__ = [
    "candidacy_key",
    "describe",
    "eml_key",
    "entry_key",
    "investigation_key",
    "key_parts",
    "session_key",
    "stage_key",
    "station_key",
]


def eml_key(eid: str, sha256: str) -> str:
    """The key of the imported file ``sha256`` of election ``eid``."""
    return f"eml/{eid}/{sha256}"


def entry_key(eid: str, committee: str, session: int, source: str) -> str:
    """The key of source ``source`` in session ``session`` of ``committee``."""
    return f"entry/{eid}/{committee}/{session}/{source}"


def session_key(eid: str, committee: str, session: int) -> str:
    """The key of session ``session`` of ``committee``."""
    return f"session/{eid}/{committee}/{session}"


def investigation_key(eid: str, committee: str, station: int) -> str:
    """The key of the investigation of polling station ``station`` of ``committee``."""
    return f"investigation/{eid}/{committee}/{station}"


def station_key(eid: str, municipality: str, number: int) -> str:
    """The key of a polling station added by hand."""
    return f"station/{eid}/{municipality}/{number}"


def stage_key(eid: str, committee: str, what: str) -> str:
    """The key of a stage's ``input`` or ``output`` files, or its ``choices``."""
    return f"stage/{eid}/{committee}/{what}"


def candidacy_key(token: str) -> str:
    """The key of a candidacy submission."""
    return f"candidacy/{token}"


#: How many parts each kind of key has after its kind (the last may hold ``/``).
_KEY_PARTS = {
    "eml": 2,
    "entry": 4,
    "session": 3,
    "investigation": 3,
    "station": 3,
    "stage": 3,
    "candidacy": 1,
    "unsourced": 3,
}


def key_parts(key: str) -> tuple[str, list[str]]:
    """The kind of object ``key`` and its parts (``ValueError`` for a key no object has)."""
    kind, _, rest = key.partition("/")
    count = _KEY_PARTS.get(kind)
    parts = rest.split("/", count - 1) if count else []
    if count is None or len(parts) != count:
        raise ValueError(f"{key!r} is not the key of an object of counted data")
    return kind, parts


def describe(key: str) -> str:
    """The object of ``key`` in words, for messages (English)."""
    try:
        kind, parts = key_parts(key)
    except ValueError:
        return key
    match kind:
        case "eml":
            return f"imported file with SHA-256 {parts[1][:16]}… of {parts[0]}"
        case "entry":
            eid, committee, session, source = parts
            what = (
                f"polling station {source}"
                if committee.isdigit()
                else f"the totals of municipality {source}"
            )
            return f"entry of {what}, session {session} ({committee}, {eid})"
        case "session":
            return f"session {parts[2]} of {parts[1]} ({parts[0]})"
        case "investigation":
            return f"investigation of polling station {parts[2]} of {parts[1]} ({parts[0]})"
        case "station":
            return (
                f"polling station {parts[2]} of municipality {parts[1]}, added by hand ({parts[0]})"
            )
        case "stage":
            what = "registered choices" if parts[2] == "choices" else f"{parts[2]} files"
            return f"the {what} of {parts[1]} ({parts[0]})"
        case "candidacy":
            return f"candidacy submission {parts[0][:8]}…"
    return f"row {parts[2]} of {parts[1]} ({parts[0]}), not read from a file"
