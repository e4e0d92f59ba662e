"""The process-verbaal models rendered from EML files (what ``osv pv`` calls).

Each function reads the files it needs, checks that they are the right kind, and returns the
documents as (file name, PDF bytes); the caller writes them. Blank forms per polling station
(N 10-1, N 10-2, Na 31-2 Bijlage 1, Na 14-1 version 1) take the stations from the municipality's
110b or 510b and the lists from the 230b; the municipality's report (Na 31-1, Na 31-2), the
filled Bijlage 1 and the corrigendum models (Na 14-2 with its Bijlage 1 per investigated
station, Na 14-1 version 2, P 2a) take a 510b. A model that belongs to a count file carries the
SHA-256 of that file's bytes.

Every model belongs to one counting method (process.md §3): N 10-1, Na 31-1 and Na 14-1 to a
decentral count (DSO), N 10-2, Na 31-2 and Na 14-2 with their Bijlagen to a central one (CSO).
A 510b that states its method (``kr:CountingMethod``) is refused for the other method's models
in one sentence naming the right one; a file that does not state it (the Kiesraad's GR2022
files) is taken for either.
"""

from __future__ import annotations

import hashlib
import re
from collections.abc import Collection, Mapping
from pathlib import Path

from eml import Eml110b, Eml230b, Eml510, read_eml
from eml.documents import CountingMethod, Phase
from osv.errors import OSVError
from osv.model import Contest, ElectionIdentifier, InvestigationReason, PollingStation

__all__ = [
    "PvInputError",
    "blank_station_forms",
    "corrigendum_documents",
    "filled_annexes",
    "later_session_report",
    "municipal_report",
    "station_corrigenda",
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


#: Each model's counting method, and the command of the other method's counterpart.
_METHOD_OF: dict[str, tuple[CountingMethod, str]] = {
    "n10-1": (CountingMethod.DECENTRAL, "N 10-2 (osv pv n10-2)"),
    "n10-2": (CountingMethod.CENTRAL, "N 10-1 (osv pv n10-1)"),
    "na31-1": (CountingMethod.DECENTRAL, "Na 31-2 (osv pv na31-2)"),
    "na31-2": (CountingMethod.CENTRAL, "Na 31-1 (osv pv na31-1)"),
    "na31-2-bijlage1": (CountingMethod.CENTRAL, "N 10-1 (osv pv n10-1)"),
    "na14-1": (CountingMethod.DECENTRAL, "Na 14-2 (osv pv na14-2)"),
    "na14-2": (CountingMethod.CENTRAL, "Na 14-1 (osv pv na14-1 --version 2)"),
}

_METHOD_WORDS = {CountingMethod.CENTRAL: "central", CountingMethod.DECENTRAL: "decentral"}

#: The model names as printed, by command.
_MODEL_NAMES = {
    "n10-1": "N 10-1",
    "n10-2": "N 10-2",
    "na31-1": "Na 31-1",
    "na31-2": "Na 31-2",
    "na31-2-bijlage1": "Na 31-2 Bijlage 1",
    "na14-1": "Na 14-1",
    "na14-2": "Na 14-2",
}


def _same_method(model: str, path: Path, method: CountingMethod | None) -> None:
    """Refuse a file of the other counting method than ``model``'s, in one sentence."""
    expected, instead = _METHOD_OF[model]
    if method is not None and method is not expected:
        raise PvInputError(
            f"{path} is a {_METHOD_WORDS[method]} count ({method.value}); model "
            f"{_MODEL_NAMES[model]} belongs to a {_METHOD_WORDS[expected]} count, use model "
            f"{instead}"
        )


def _stations(path: Path) -> tuple[str, list[PollingStation], CountingMethod | None]:
    """The municipality (``0668 West Maas en Waal``), its stations and, from a 510b, the
    counting method it states; from a 110b or 510b."""
    document = read_eml(path).document
    if isinstance(document, Eml110b):
        unit = document.reporting_unit
        return f"{unit.id} {unit.name or ''}".strip(), list(document.polling_stations), None
    if isinstance(document, Eml510):
        from osv.pv.common import station_number

        stations = []
        for counted in document.contests[0].reporting_units:
            number = station_number(counted.id)
            if not number.isdigit():
                raise PvInputError(f"{path}: {counted.id} is not a polling station (<code>::SB<n>)")
            stations.append(PollingStation(number=int(number), name=counted.name or ""))
        return _municipality(document), stations, document.counting_method
    raise PvInputError(f"{path} lists no polling stations: give a 110b or a 510b")


def blank_station_forms(
    model: str, stations_file: Path, candidates: Path, only: Collection[int] = ()
) -> list[Document]:
    """Blank forms, one per polling station of ``stations_file`` (or only those numbered in
    ``only``): N 10-2 (``model="n10-2"``), N 10-1 (``"n10-1"``), Na 31-2 Bijlage 1
    (``"na31-2-bijlage1"``) or Na 14-1 version 1 (``"na14-1"``).

    :raises PvInputError: a file of the wrong kind or of the other counting method, or a station
        number not in the file.
    """
    from osv.pv import render_n10_1, render_n10_2, render_na14_1_v1, render_na31_2_bijlage1

    identifier, contest = _candidates(candidates)
    municipality, stations, method = _stations(stations_file)
    _same_method(model, stations_file, method)
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
        elif model == "n10-1":
            pdf = render_n10_1(identifier, municipality, station, contest)
            name = f"Model_N10-1_{identifier.id}_SB{station.number}.pdf"
        elif model == "na14-1":
            pdf = render_na14_1_v1(identifier, municipality, station, contest)
            name = f"Model_Na14-1_versie1_{identifier.id}_SB{station.number}.pdf"
        else:
            pdf = render_na31_2_bijlage1(
                identifier, municipality, (str(station.number), station.name), contest
            )
            name = f"Model_Na31-2_Bijlage1_{identifier.id}_SB{station.number}.pdf"
        documents.append((name, pdf))
    return documents


def municipal_report(model: str, count_file: Path, candidates: Path | None = None) -> bytes:
    """The municipality's report of its first session from its 510b, with the file's hash:
    model Na 31-2 (``model="na31-2"``, central count) or Na 31-1 (``"na31-1"``, decentral).

    :raises PvInputError: not a count file, a corrigendum, or a count of the other method.
    """
    from osv.pv import render_na31_1, render_na31_2

    document, data = _count(count_file)
    _same_method(model, count_file, document.counting_method)
    if document.phase is Phase.CORRIGENDUM:
        later = "Na 14-2 and P 2a" if model == "na31-2" else "Na 14-1 and P 2a"
        raise PvInputError(
            f"{count_file} is a corrigendum of a later session; its models are {later}, not "
            f"{_MODEL_NAMES[model]}"
        )
    contest = _candidates(candidates)[1] if candidates is not None else None
    render = render_na31_2 if model == "na31-2" else render_na31_1
    return render(document, digest=hashlib.sha256(data).digest(), contest=contest)


def filled_annexes(
    count_file: Path, candidates: Path | None = None, only: Collection[int] = ()
) -> list[Document]:
    """Na 31-2 Bijlage 1 per polling station, filled with the station's counts in the 510b.

    :raises PvInputError: not a count file, or a decentral count (it has no Bijlage 1).
    """
    document, _ = _count(count_file)
    _same_method("na31-2-bijlage1", count_file, document.counting_method)
    contest = _candidates(candidates)[1] if candidates is not None else None
    return annexes_of(document, contest, only)


def annexes_of(
    document: Eml510,
    contest: Contest | None,
    only: Collection[int] = (),
    *,
    audit_head: str | None = None,
) -> list[Document]:
    """Na 31-2 Bijlage 1 per polling station of a 510b (shared with the entry service, which
    gives the audit log's last hash)."""
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
            audit_head=audit_head,
        )
        out.append((f"Model_Na31-2_Bijlage1_{identifier.id}_SB{_safe(number)}.pdf", pdf))
    return out


def corrigendum_documents(
    count_file: Path, candidates: Path | None = None, reasons: dict[int, str] | None = None
) -> list[Document]:
    """Na 14-2 (with the 510b's hash) and its Bijlage 1 per corrected polling station.

    :raises PvInputError: the 510b is not a corrigendum (``kr:Phase``), or of a decentral count.
    """
    document, data = _count(count_file)
    _same_method("na14-2", count_file, document.counting_method)
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
            identifier,
            municipality,
            unit,
            contest=contest,
            reason=reason,
            corrected=True,
            audit_head=audit_head,
        )
        documents.append((f"Model_Na14-2_Bijlage1_{identifier.id}_SB{_safe(number)}.pdf", pdf))
    return documents


def station_corrigenda(
    count_file: Path,
    candidates: Path | None = None,
    only: Collection[int] = (),
    reasons: Mapping[int, str] | None = None,
) -> list[Document]:
    """Model Na 14-1 version 2 per polling station investigated in a later session.

    From a corrigendum 510b: each corrected station (or those in ``only``) with its figures
    before ("Oorspronkelijk") and after ("Gecorrigeerd"), and the file's hash. From a first
    session's 510b: the forms to fill in during the investigation of the stations in ``only``,
    with their figures so far and room for the corrected ones.

    :raises PvInputError: not a count file, a central count, a first session's file without
        ``only``, or a station number not in the file.
    """
    from osv.pv import corrected_units, render_na14_1_v2
    from osv.pv.common import station_number

    document, data = _count(count_file)
    _same_method("na14-1", count_file, document.counting_method)
    units = {station_number(u.id): u for u in document.contests[0].reporting_units}
    missing = sorted(str(n) for n in only if str(n) not in units)
    if missing:
        raise PvInputError(f"{count_file} has no polling station {', '.join(missing)}")
    later = document.phase is Phase.CORRIGENDUM
    if not later and not only:
        raise PvInputError(
            f"{count_file} is the count of a first session: name the investigated polling "
            "stations with --station to print their corrigendum to fill in"
        )
    chosen = (
        [units[str(n)] for n in sorted(only)]
        if only
        else [u for u in corrected_units(document) if later]
    )
    changed = {u.id for u in corrected_units(document)} if later else set()
    contest = _candidates(candidates)[1] if candidates is not None else None
    identifier = document.identifier
    out = []
    for unit in chosen:
        number = station_number(unit.id)
        pdf = render_na14_1_v2(
            identifier,
            _municipality(document),
            unit,
            contest=contest,
            reason=(reasons or {}).get(int(number)) if number.isdigit() else None,
            corrected=True if unit.id in changed else None,
            digest=hashlib.sha256(data).digest() if later else None,
            created=document.header.creation_date_time if later else None,
        )
        out.append((f"Model_Na14-1_{identifier.id}_SB{_safe(number)}.pdf", pdf))
    return out


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
            if i.reason
            in (InvestigationReason.OTHER_REASON, InvestigationReason.BALLOTS_PARTLY_RECOUNTED)
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
        render_p2a(
            identifier,
            municipality,
            stations,
            decentral=document.counting_method is CountingMethod.DECENTRAL,
        ),
    )


def teletex_page() -> Document:
    """The Teletex test page."""
    from osv.pv import render_teletex

    return "Teletex_testpagina.pdf", render_teletex()
