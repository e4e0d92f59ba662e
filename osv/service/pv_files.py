"""The process-verbaal models rendered from EML files (what ``osv pv`` calls).

Each function reads the files it needs, checks that they are the right kind, and returns the
documents as (file name, PDF bytes); the caller writes them. Blank forms per polling station
(N 10-2, Na 31-2 Bijlage 1) take the stations from the municipality's 110b or 510b and the lists
from the 230b; the filled Bijlage 1 and the corrigendum models (Na 14-2 with its Bijlage 1 per
investigated station, P 2a) take a 510b. A model that belongs to a count file carries the
SHA-256 of that file's bytes.
"""

from __future__ import annotations

import hashlib
import re
from collections.abc import Collection
from pathlib import Path

from eml import Eml110b, Eml230b, Eml510, read_eml
from eml.documents import Phase
from osv.errors import OSVError
from osv.model import Contest, ElectionIdentifier, InvestigationReason, PollingStation

__all__ = [
    "PvInputError",
    "blank_station_forms",
    "corrigendum_documents",
    "filled_annexes",
    "later_session_report",
    "teletex_page",
]

Document = tuple[str, bytes]


class PvInputError(OSVError):
    """A file given to ``osv pv`` is not what the model needs."""


def _safe(name: str) -> str:
    return re.sub(r"[^0-9A-Za-z]+", "_", name).strip("_")


def _candidates(path: Path) -> tuple[ElectionIdentifier, Contest]:
    document = read_eml(path).document
    if not isinstance(document, Eml230b):
        raise PvInputError(f"{path} is not a candidate-lists file (230b)")
    return document.identifier, document.contests[0]


def _count(path: Path) -> tuple[Eml510, bytes]:
    data = path.read_bytes()
    document = read_eml(path).document
    if not isinstance(document, Eml510) or document.contests[0].total is None:
        raise PvInputError(f"{path} is not a municipality's count file (510b)")
    return document, data


def _municipality(document: Eml510) -> str:
    authority = document.header.managing_authority
    code = authority.id if authority else ""
    return f"{code} {(authority.name if authority else None) or ''}".strip()


def _stations(path: Path) -> tuple[str, list[PollingStation]]:
    """The municipality (``0668 West Maas en Waal``) and its stations, from a 110b or 510b."""
    document = read_eml(path).document
    if isinstance(document, Eml110b):
        unit = document.reporting_unit
        return f"{unit.id} {unit.name or ''}".strip(), list(document.polling_stations)
    if isinstance(document, Eml510):
        from osv.pv.common import station_number

        stations = []
        for counted in document.contests[0].reporting_units:
            number = station_number(counted.id)
            if not number.isdigit():
                raise PvInputError(f"{path}: {counted.id} is not a polling station (<code>::SB<n>)")
            stations.append(PollingStation(number=int(number), name=counted.name or ""))
        return _municipality(document), stations
    raise PvInputError(f"{path} lists no polling stations: give a 110b or a 510b")


def blank_station_forms(
    model: str, stations_file: Path, candidates: Path, only: Collection[int] = ()
) -> list[Document]:
    """Blank N 10-2 (``model="n10-2"``) or Na 31-2 Bijlage 1 (``"na31-2-bijlage1"``) forms, one
    per polling station of ``stations_file`` (or only those numbered in ``only``).

    :raises PvInputError: a file of the wrong kind, or a station number not in the file.
    """
    from osv.pv import render_n10_2, render_na31_2_bijlage1

    identifier, contest = _candidates(candidates)
    municipality, stations = _stations(stations_file)
    missing = set(only) - {s.number for s in stations}
    if missing:
        raise PvInputError(
            f"{stations_file} has no polling station {', '.join(map(str, sorted(missing)))}"
        )
    documents = []
    lists = [(lst.number, lst.name) for lst in contest.lists]
    for station in stations:
        if only and station.number not in only:
            continue
        if model == "n10-2":
            pdf = render_n10_2(identifier, municipality, station, lists)
            name = f"Model_N10-2_{identifier.id}_SB{station.number}.pdf"
        else:
            pdf = render_na31_2_bijlage1(
                identifier, municipality, (str(station.number), station.name), contest
            )
            name = f"Model_Na31-2_Bijlage1_{identifier.id}_SB{station.number}.pdf"
        documents.append((name, pdf))
    return documents


def filled_annexes(
    count_file: Path, candidates: Path | None = None, only: Collection[int] = ()
) -> list[Document]:
    """Na 31-2 Bijlage 1 per polling station, filled with the station's counts in the 510b."""
    document, _ = _count(count_file)
    contest = _candidates(candidates)[1] if candidates is not None else None
    return annexes_of(document, contest, only)


def annexes_of(
    document: Eml510, contest: Contest | None, only: Collection[int] = ()
) -> list[Document]:
    """Na 31-2 Bijlage 1 per polling station of a 510b (shared with the entry service)."""
    from osv.pv import render_na31_2_bijlage1
    from osv.pv.common import station_number

    count = document.contests[0]
    identifier = document.identifier
    out = []
    for unit in count.reporting_units:
        number = station_number(unit.id)
        if only and (not number.isdigit() or int(number) not in only):
            continue
        flags = {i.reason: i.value for i in unit.investigations}
        pdf = render_na31_2_bijlage1(
            identifier,
            _municipality(document),
            (number, unit.name or ""),
            contest,
            unit.votes,
            flags,
        )
        out.append((f"Model_Na31-2_Bijlage1_{identifier.id}_SB{_safe(number)}.pdf", pdf))
    return out


def corrigendum_documents(
    count_file: Path, candidates: Path | None = None, reasons: dict[int, str] | None = None
) -> list[Document]:
    """Na 14-2 (with the 510b's hash) and its Bijlage 1 per corrected polling station.

    :raises PvInputError: the 510b is not a corrigendum (``kr:Phase``).
    """
    document, data = _count(count_file)
    if document.phase is not Phase.CORRIGENDUM:
        raise PvInputError(
            f"{count_file} is not a corrigendum (its phase is "
            f"{document.phase.value if document.phase else 'not given'}); model Na 14-2 "
            "belongs to the count file of a later session"
        )
    contest = _candidates(candidates)[1] if candidates is not None else None
    return corrigendum_of(document, data, contest, reasons or {})


def corrigendum_of(
    document: Eml510,
    data: bytes,
    contest: Contest | None,
    reasons: dict[int, str],
    *,
    audit_head: str | None = None,
) -> list[Document]:
    """Na 14-2 and its Bijlagen 1 of a corrigendum 510b and its bytes (with the audit log's
    last hash when made from OSV's database)."""
    from osv.pv import corrected_units, render_na14_2, render_na14_2_bijlage1
    from osv.pv.common import station_number

    identifier = document.identifier
    municipality = _municipality(document)
    documents = [
        (
            f"Model_Na14-2_{identifier.id}_gemeente_{_safe(municipality)}.pdf",
            render_na14_2(
                document,
                digest=hashlib.sha256(data).digest(),
                contest=contest,
                audit_head=audit_head,
            ),
        )
    ]
    for unit in corrected_units(document):
        number = station_number(unit.id)
        reason = reasons.get(int(number)) if number.isdigit() else None
        pdf = render_na14_2_bijlage1(
            identifier, municipality, unit, contest=contest, reason=reason, corrected=True
        )
        documents.append((f"Model_Na14-2_Bijlage1_{identifier.id}_SB{_safe(number)}.pdf", pdf))
    return documents


def later_session_report(count_file: Path) -> Document:
    """Model P 2a of the later session whose count file (a corrigendum 510b) is given.

    The investigated stations are those the 510b marks as investigated or corrected; from a
    file alone the reasons are unknown (they are printed as to be filled in).
    """
    from osv.pv import corrected_units
    from osv.pv.common import station_number
    from osv.pv.p2a import InvestigatedStation, render_p2a

    document, _ = _count(count_file)
    if document.phase is not Phase.CORRIGENDUM:
        raise PvInputError(
            f"{count_file} is not the count file of a later session (a corrigendum); model P 2a "
            "reports a later session"
        )
    corrected = {u.id for u in corrected_units(document)}
    stations = []
    for unit in document.contests[0].reporting_units:
        flagged = any(
            i.value
            for i in unit.investigations
            if i.reason is not InvestigationReason.ADMITTED_VOTERS_RECOUNTED
        )
        if unit.id in corrected or flagged:
            number = station_number(unit.id)
            stations.append(
                InvestigatedStation(
                    number=int(number) if number.isdigit() else 0,
                    name=unit.name or "",
                    reason=None,
                    corrected=unit.id in corrected,
                )
            )
    identifier = document.identifier
    municipality = _municipality(document)
    return (
        f"Model_P2a_{identifier.id}_gemeente_{_safe(municipality)}.pdf",
        render_p2a(identifier, municipality, stations),
    )


def teletex_page() -> Document:
    """The Teletex test page."""
    from osv.pv import render_teletex

    return "Teletex_testpagina.pdf", render_teletex()
