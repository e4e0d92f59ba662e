"""Submitted lists as CSV: one row per candidate (docs/candidacy.md, "CSV format").

The candidate columns use the headers of the Kiesraad's e-KS (voorletters, roepnaam,
voorvoegsel, achternaam, woonplaats, landcode, bsn, geboortedatum as dd-mm-yyyy, geslacht as
m/v/x, gemachtigde_*) plus the CSB's records (buiten_gebied, verklaring_vestiging, zittend_lid,
kopie_id). List columns (lijst, aanduiding, kieskringen, ...) are repeated on every
row of the list and must agree; the record of the hand-in (ingeleverd_op,
inleveraar_*) is optional, empty meaning not recorded. :func:`read_lists` refuses bad
input with one sentence naming the row and column, a stable ``code`` and the row and column as
``details`` (the web interface shows a Dutch sentence by code); values of personal-data columns
(date of birth, BSN) are never repeated in a message, and no value is ever a detail.
:func:`write_lists` writes what :func:`read_lists` reads.
"""

from __future__ import annotations

import csv
import datetime as dt
import io
import re
from collections.abc import Sequence
from typing import Any

from pydantic import ValidationError

from candidacy.lists import Agent, SubmittedCandidate, SubmittedList
from osv.errors import OSVError
from osv.model import Gender, ListType, PersonName

__all__ = ["COLUMNS", "REQUIRED", "CandidacyCsvError", "read_lists", "write_lists"]

#: Every column, in the order :func:`write_lists` writes them.
COLUMNS = (
    "lijst",
    "aanduiding",
    "kieskringen",
    "machtiging_aanduiding",
    "waarborgsom",
    "ondersteuningsverklaringen",
    "geslacht_publiceren",
    "publicatietaal",
    "lijsttype",
    "stel",
    "ingeleverd_op",
    "inleveraar_kiezer",
    "inleveraar_persoonlijk",
    "inleveraar_id",
    "positie",
    "voorletters",
    "roepnaam",
    "voorvoegsel",
    "achternaam",
    "geslacht",
    "woonplaats",
    "landcode",
    "geboortedatum",
    "bsn",
    "instemming",
    "gemachtigde_voorletters",
    "gemachtigde_roepnaam",
    "gemachtigde_voorvoegsel",
    "gemachtigde_achternaam",
    "gemachtigde_plaats",
    "buiten_gebied",
    "verklaring_vestiging",
    "zittend_lid",
    "kopie_id",
    "herstelpersoon",
)
#: Columns a file must have.
REQUIRED = (
    "lijst",
    "aanduiding",
    "kieskringen",
    "positie",
    "voorletters",
    "achternaam",
    "instemming",
)
#: Columns whose values are personal data: never shown in messages.
_PRIVATE = frozenset({"geboortedatum", "bsn"})
#: The list columns: those before ``positie``, and those appended later (K26: ``herstelpersoon``).
_LIST_COLUMNS = (*COLUMNS[: COLUMNS.index("positie")], "herstelpersoon")
_GENDERS = {"m": Gender.MALE, "v": Gender.FEMALE, "x": Gender.OTHER}
_GENDER_CODES = {gender: code for code, gender in _GENDERS.items()}
_BOOLEANS = {"ja": True, "nee": False}
_BSN = re.compile(r"^\d{8,9}$")
_MAX_ROWS = 100_000


class CandidacyCsvError(OSVError):
    """A CSV of submitted lists could not be read; the message names the row and column.

    :param message: the English sentence (command line, log); it may repeat a cell's value,
        except of a personal-data column.
    :param code: a stable key of what is wrong (``yes_no``, ``bad_position``, ...), which the
        web interface translates.
    :param details: what the sentence names: ``row``, ``column`` and the like; never a cell's
        value.
    """

    def __init__(self, message: str, code: str, **details: Any) -> None:
        super().__init__(message)
        self.code = code
        self.details = details


def _message(row: int, column: str, expected: str, value: str) -> str:
    """The English sentence of a bad cell (its value only outside the personal-data columns)."""
    found = "(value not shown: personal data)" if column in _PRIVATE else f"found {value!r}"
    return f"row {row}, column {column}: expected {expected}, {found}"


def _boolean(row: int, column: str, value: str, default: bool) -> bool:
    if not value:
        return default
    try:
        return _BOOLEANS[value.casefold()]
    except KeyError:
        raise CandidacyCsvError(
            _message(row, column, "ja or nee", value), "yes_no", row=row, column=column
        ) from None


def _recorded(row: int, column: str, value: str) -> bool | None:
    """``ja``, ``nee``, or empty for a fact the CSB has not recorded (``None``)."""
    if not value:
        return None
    return _boolean(row, column, value, False)


def _received(row: int, value: str) -> dt.datetime | None:
    if not value:
        return None
    for pattern in ("%d-%m-%Y %H:%M", "%d-%m-%Y %H:%M:%S"):
        try:
            return dt.datetime.strptime(value, pattern)
        except ValueError:
            continue
    raise CandidacyCsvError(
        _message(row, "ingeleverd_op", "a time as dd-mm-yyyy hh:mm", value),
        "bad_time",
        row=row,
        column="ingeleverd_op",
    )


def _support(row: int, value: str, districts: tuple[str, ...]) -> dict[str, int]:
    if not value:
        return {}
    if value.isdigit():
        return dict.fromkeys(districts, int(value))
    result: dict[str, int] = {}
    for part in value.split(";"):
        district, _, count = part.partition("=")
        if not district.strip() or not count.strip().isdigit():
            raise CandidacyCsvError(
                _message(
                    row, "ondersteuningsverklaringen", "a number or kieskring=number;...", value
                ),
                "bad_support",
                row=row,
                column="ondersteuningsverklaringen",
            )
        result[district.strip()] = int(count.strip())
    return result


def _list_fields(row: int, cells: dict[str, str]) -> dict[str, object]:
    districts = tuple(d.strip() for d in cells["kieskringen"].split(";") if d.strip())
    list_type = None
    if cells.get("lijsttype"):
        try:
            list_type = ListType(cells["lijsttype"])
        except ValueError:
            options = ", ".join(t.value for t in ListType)
            raise CandidacyCsvError(
                _message(row, "lijsttype", f"one of {options}", cells["lijsttype"]),
                "bad_list_type",
                row=row,
                column="lijsttype",
                options=options,
            ) from None
    belongs_to_set = None
    if cells.get("stel"):
        if not cells["stel"].isdigit() or int(cells["stel"]) < 1:
            raise CandidacyCsvError(
                _message(row, "stel", "a positive whole number", cells["stel"]),
                "bad_set",
                row=row,
                column="stel",
            )
        belongs_to_set = int(cells["stel"])
    return {
        "party_name": cells["aanduiding"],
        "districts": districts,
        "name_authorised": _boolean(
            row, "machtiging_aanduiding", cells.get("machtiging_aanduiding", ""), True
        ),
        "deposit_paid": _boolean(row, "waarborgsom", cells.get("waarborgsom", ""), False),
        "support": _support(row, cells.get("ondersteuningsverklaringen", ""), districts),
        "publish_gender": _boolean(
            row, "geslacht_publiceren", cells.get("geslacht_publiceren", ""), True
        ),
        "publication_language": cells.get("publicatietaal") or "nl",
        "list_type": list_type,
        "belongs_to_set": belongs_to_set,
        "received_at": _received(row, cells.get("ingeleverd_op", "")),
        "submitter_voter": _recorded(row, "inleveraar_kiezer", cells.get("inleveraar_kiezer", "")),
        "submitter_in_person": _recorded(
            row, "inleveraar_persoonlijk", cells.get("inleveraar_persoonlijk", "")
        ),
        "submitter_id_checked": _recorded(row, "inleveraar_id", cells.get("inleveraar_id", "")),
        "repair_contact_named": (
            _boolean(row, "herstelpersoon", cells["herstelpersoon"], False)
            if cells.get("herstelpersoon")
            else None
        ),
    }


def _optional(cells: dict[str, str], column: str) -> str | None:
    return cells.get(column) or None


def _candidate(row: int, cells: dict[str, str]) -> SubmittedCandidate:
    gender = None
    if cells.get("geslacht"):
        try:
            gender = _GENDERS[cells["geslacht"].casefold()]
        except KeyError:
            raise CandidacyCsvError(
                _message(row, "geslacht", "m, v, x or empty", cells["geslacht"]),
                "bad_gender",
                row=row,
                column="geslacht",
            ) from None
    birth = None
    if cells.get("geboortedatum"):
        try:
            birth = dt.datetime.strptime(cells["geboortedatum"], "%d-%m-%Y").date()
        except ValueError:
            raise CandidacyCsvError(
                _message(row, "geboortedatum", "a date as dd-mm-yyyy", ""),
                "bad_date",
                row=row,
                column="geboortedatum",
            ) from None
    bsn = _optional(cells, "bsn")
    if bsn is not None and not _BSN.match(bsn):
        raise CandidacyCsvError(
            _message(row, "bsn", "8 or 9 digits", ""), "bad_bsn", row=row, column="bsn"
        )
    agent = None
    if cells.get("gemachtigde_achternaam"):
        agent = Agent(
            name=PersonName(
                initials=cells.get("gemachtigde_voorletters", ""),
                first_name=_optional(cells, "gemachtigde_roepnaam"),
                prefix=_optional(cells, "gemachtigde_voorvoegsel"),
                last_name=cells["gemachtigde_achternaam"],
            ),
            locality=_optional(cells, "gemachtigde_plaats"),
        )
    return SubmittedCandidate(
        name=PersonName(
            initials=cells["voorletters"],
            first_name=_optional(cells, "roepnaam"),
            prefix=_optional(cells, "voorvoegsel"),
            last_name=cells["achternaam"],
        ),
        gender=gender,
        locality=_optional(cells, "woonplaats"),
        country_code=_optional(cells, "landcode"),
        date_of_birth=birth,
        bsn=bsn,
        agent=agent,
        consent=_boolean(row, "instemming", cells["instemming"], False),
        outside_area=_boolean(row, "buiten_gebied", cells.get("buiten_gebied", ""), False),
        residence_declaration=_boolean(
            row, "verklaring_vestiging", cells.get("verklaring_vestiging", ""), False
        ),
        already_member=_boolean(row, "zittend_lid", cells.get("zittend_lid", ""), False),
        id_copy=_recorded(row, "kopie_id", cells.get("kopie_id", "")),
    )


def read_lists(text: str) -> tuple[SubmittedList, ...]:
    """The submitted lists in a CSV ``text``, in order of first appearance.

    :raises CandidacyCsvError: on a missing column, a bad value, list columns that differ
        between rows of one list, or positions that do not run 1, 2, 3, ... per list.
    """
    reader = csv.DictReader(io.StringIO(text.removeprefix("\ufeff")))
    _check_headers([h.strip() for h in (reader.fieldnames or [])])
    fields: dict[str, dict[str, object]] = {}
    first_row: dict[str, int] = {}
    candidates: dict[str, list[SubmittedCandidate]] = {}
    for row_number, raw in enumerate(reader, start=2):
        cells = _cells(row_number, raw)
        key = cells["lijst"]
        list_fields = _list_fields(row_number, cells)
        if key not in fields:
            fields[key], first_row[key], candidates[key] = list_fields, row_number, []
        elif list_fields != fields[key]:
            column = next(
                c for c in _LIST_COLUMNS if c in cells and _differs(c, list_fields, fields[key])
            )
            raise CandidacyCsvError(
                f"row {row_number}, column {column}: list {key} has another value here than in "
                f"row {first_row[key]}",
                "list_differs",
                row=row_number,
                column=column,
                list=key,
                first_row=first_row[key],
            )
        candidates[key].append(_candidate_row(row_number, cells, len(candidates[key]) + 1))
    if not fields:
        raise CandidacyCsvError("the CSV has no rows: expected one row per candidate", "no_rows")
    return tuple(
        SubmittedList.model_validate(
            {"key": key, **fields[key], "candidates": tuple(candidates[key])}
        )
        for key in fields
    )


def _check_headers(headers: list[str]) -> None:
    """Every required column present, no unknown one."""
    missing = [column for column in REQUIRED if column not in headers]
    if missing:
        raise CandidacyCsvError(
            f"the CSV has no column {missing[0]}: expected the columns {', '.join(REQUIRED)}",
            "missing_column",
            column=missing[0],
            required=", ".join(REQUIRED),
        )
    unknown = [h for h in headers if h not in COLUMNS]
    if unknown:
        raise CandidacyCsvError(
            f"the CSV has an unknown column {unknown[0]!r}", "unknown_column", column=unknown[0]
        )


def _cells(row_number: int, raw: dict[str | Any, str | Any]) -> dict[str, str]:
    """The stripped cells of row ``row_number``, within the row limit, with a list key."""
    if row_number > _MAX_ROWS:
        raise CandidacyCsvError(
            f"the CSV has more than {_MAX_ROWS:,} rows",
            "too_many_rows",
            maximum=f"{_MAX_ROWS:,}".replace(",", "."),
        )
    if None in raw:
        raise CandidacyCsvError(
            f"row {row_number} has more cells than the header", "extra_cells", row=row_number
        )
    cells = {k.strip(): (v or "").strip() for k, v in raw.items()}
    if not cells["lijst"]:
        raise CandidacyCsvError(
            _message(row_number, "lijst", "the list's key", ""),
            "no_list_key",
            row=row_number,
            column="lijst",
        )
    return cells


def _candidate_row(row_number: int, cells: dict[str, str], expected: int) -> SubmittedCandidate:
    """The candidate of row ``row_number``, which must be at position ``expected`` of its list."""
    key = cells["lijst"]
    if cells["positie"] != str(expected):
        raise CandidacyCsvError(
            _message(
                row_number,
                "positie",
                f"{expected} (the next position on list {key})",
                cells["positie"],
            ),
            "bad_position",
            row=row_number,
            column="positie",
            expected=expected,
            list=key,
        )
    for column in ("voorletters", "achternaam"):
        if not cells[column]:
            raise CandidacyCsvError(
                _message(row_number, column, "a value", ""),
                "empty_value",
                row=row_number,
                column=column,
            )
    try:
        return _candidate(row_number, cells)
    except ValidationError as error:
        reason = error.errors()[0]["msg"]
        raise CandidacyCsvError(
            f"row {row_number}: {reason}", "invalid_candidate", row=row_number, reason=reason
        ) from None


_FIELD_OF = {
    "aanduiding": "party_name",
    "kieskringen": "districts",
    "machtiging_aanduiding": "name_authorised",
    "waarborgsom": "deposit_paid",
    "ondersteuningsverklaringen": "support",
    "geslacht_publiceren": "publish_gender",
    "publicatietaal": "publication_language",
    "lijsttype": "list_type",
    "stel": "belongs_to_set",
    "ingeleverd_op": "received_at",
    "inleveraar_kiezer": "submitter_voter",
    "inleveraar_persoonlijk": "submitter_in_person",
    "inleveraar_id": "submitter_id_checked",
    "herstelpersoon": "repair_contact_named",
}


def _differs(column: str, a: dict[str, object], b: dict[str, object]) -> bool:
    field = _FIELD_OF.get(column)
    return field is not None and a[field] != b[field]


def _yes(value: bool) -> str:
    return "ja" if value else "nee"


def _maybe(value: bool | None) -> str:
    return "" if value is None else _yes(value)


def _time(value: dt.datetime | None) -> str:
    if value is None:
        return ""
    return value.strftime("%d-%m-%Y %H:%M" if value.second == 0 else "%d-%m-%Y %H:%M:%S")


def write_lists(lists: Sequence[SubmittedList]) -> str:
    """The CSV of ``lists`` with every column (personal data included: it is the CSB's file)."""
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(COLUMNS)
    for submitted in lists:
        support = ";".join(f"{d}={n}" for d, n in submitted.support.items())
        list_cells = [
            submitted.key,
            submitted.party_name,
            ";".join(submitted.districts),
            _yes(submitted.name_authorised),
            _yes(submitted.deposit_paid),
            support,
            _yes(submitted.publish_gender),
            submitted.publication_language or "",
            submitted.list_type.value if submitted.list_type else "",
            str(submitted.belongs_to_set) if submitted.belongs_to_set else "",
            _time(submitted.received_at),
            _maybe(submitted.submitter_voter),
            _maybe(submitted.submitter_in_person),
            _maybe(submitted.submitter_id_checked),
        ]
        for position, c in enumerate(submitted.candidates, start=1):
            agent = c.agent
            writer.writerow(
                [
                    *list_cells,
                    str(position),
                    c.name.initials,
                    c.name.first_name or "",
                    c.name.prefix or "",
                    c.name.last_name,
                    _GENDER_CODES[c.gender] if c.gender else "",
                    c.locality or "",
                    c.country_code or "",
                    c.date_of_birth.strftime("%d-%m-%Y") if c.date_of_birth else "",
                    c.bsn or "",
                    _yes(c.consent),
                    agent.name.initials if agent else "",
                    (agent.name.first_name or "") if agent else "",
                    (agent.name.prefix or "") if agent else "",
                    agent.name.last_name if agent else "",
                    (agent.locality or "") if agent else "",
                    _yes(c.outside_area),
                    _yes(c.residence_declaration),
                    _yes(c.already_member),
                    _maybe(c.id_copy),
                    _repair_contact_cell(submitted.repair_contact_named),
                ]
            )
    return out.getvalue()


def _repair_contact_cell(named: bool | None) -> str:
    return "" if named is None else _yes(named)
