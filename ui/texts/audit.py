"""Dutch words for what the audit log's verification found (docs/audit.md).

The store names objects of counted data by keys (``entry/GR2026_Vlietdam/9997/1/12``) and
describes them in English for the command line (:func:`osv.store.content.describe`); the
administrator's audit-log page says the same in Dutch.
"""

from __future__ import annotations

from osv.store.content import ContentFinding, key_parts

__all__ = ["content_sentence", "object_label"]


def object_label(key: str) -> str:
    """The object of ``key`` in Dutch."""
    try:
        kind, parts = key_parts(key)
    except ValueError:
        return key
    match kind:
        case "eml":
            return f"ingelezen bestand met SHA-256 {parts[1][:16]}… van {parts[0]}"
        case "entry":
            eid, committee, session, source = parts
            what = (
                f"stembureau {source}"
                if committee.isdigit()
                else f"de totalen van gemeente {source}"
            )
            return f"invoer van {what}, zitting {session} ({committee}, {eid})"
        case "session":
            return f"zitting {parts[2]} van {parts[1]} ({parts[0]})"
        case "investigation":
            return f"onderzoek van stembureau {parts[2]} van {parts[1]} ({parts[0]})"
        case "station":
            return f"stembureau {parts[2]} van gemeente {parts[1]}, met de hand toegevoegd"
        case "stage":
            return f"de {_STAGE.get(parts[2], parts[2])} van {parts[1]} ({parts[0]})"
        case "candidacy":
            return f"kandidaatstelling {parts[0][:8]}…"
    return f"rij {parts[2]} van {parts[1]} ({parts[0]}) die niet uit een bestand komt"


_STAGE = {
    "input": "geüploade tellingen",
    "output": "berekende bestanden",
    "choices": "vastgelegde keuzes",
}


def content_sentence(finding: ContentFinding) -> str:
    """What is wrong with one object, in Dutch."""
    what = object_label(finding.key)
    match finding.problem:
        case "unrecorded":
            return f"{what}: opgeslagen, maar door geen gebeurtenis vastgelegd."
        case "missing":
            return (
                f"{what}: vastgelegd in gebeurtenis {finding.event_id}, maar niet meer opgeslagen."
            )
        case "removed":
            return (
                f"{what}: opgeslagen, maar gebeurtenis {finding.event_id} legde vast dat het "
                "verwijderd is."
            )
    return f"{what}: de opgeslagen gegevens komen niet overeen met gebeurtenis {finding.event_id}."
