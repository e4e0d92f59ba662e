"""Every refusal the web interface can show has a Dutch text.

The codes are collected from the source with :mod:`ast`: every call of a coded refusal class
in ``osv``, ``ui``, ``results`` and ``candidacy`` must name its code as a string literal, that
code must have a Dutch sentence in ``ui/messages.py`` (or ``ui/texts/stages.py``), and the
sentence may only name details the raise site gives. A new refusal without a Dutch text, or a
Dutch text whose refusal is gone, fails here. Errors without codes get a Dutch lead per class
(:data:`ui.messages.LEADS`), checked for the error trees of the service and the store.
"""

from __future__ import annotations

import ast
import string
from dataclasses import dataclass
from pathlib import Path

import pytest

from candidacy import (
    CandidacyCsvError,
    Departure,
    DepartureError,
    DepartureProblem,
    Instead,
    read_lists,
)
from candidacy.findings import Code
from eml.errors import EmlError, EmlSyntaxError
from osv.errors import OSVError
from osv.model import PollingStation
from osv.service.candidacy.files import CandidacyInputError
from osv.service.entry import EntryRefusedError
from osv.service.entry.session import UnfinishedSource
from osv.service.errors import HashMismatchError, ImportRefused, ServiceError
from osv.service.result.coverage import Coverage
from osv.service.result.stored import StageRefusedError
from osv.service.users import UserRefusedError
from osv.store.errors import (
    DatabaseLockedError,
    DatabaseUnavailableError,
    DiskFullError,
    StoreError,
)
from results.tally.completeness import check_completeness, expected_polling_stations
from ui.messages import (
    CANDIDACY_CSV,
    CANDIDACY_REFUSALS,
    ENTRY_REFUSALS,
    INSTEAD_LABELS,
    LEADS,
    STATION_REFUSALS,
    TECHNICAL,
    TRANSITIONS,
    USER_REFUSALS,
    dutch_error,
)
from ui.texts.stages import REFUSALS as STAGE_REFUSALS
from ui.texts.stages import stage_refusal as _stage_dutch

ROOT = Path(__file__).resolve().parents[2]
PACKAGES = ("osv", "ui", "results", "candidacy")

#: Per coded class: its Dutch table, where the code is among the positional arguments, and
#: whether every call must give one.
TABLES: dict[str, tuple[dict[str, str], int, bool]] = {
    "EntryRefusedError": (ENTRY_REFUSALS, 1, True),
    "UserRefusedError": (USER_REFUSALS, 1, True),
    "StageRefusedError": (STAGE_REFUSALS, 1, True),
    "PollingStationRefusedError": (STATION_REFUSALS, 1, True),
    "EntryTransitionError": (TRANSITIONS, 0, True),
    "CandidacyInputError": (CANDIDACY_REFUSALS, 1, False),
    "CandidacyCsvError": (CANDIDACY_CSV, 1, True),
}

#: Values the interface adds to a refusal's details before filling in its sentence.
COMPUTED = {
    ("StageRefusedError", "hash_mismatch"): {"where"},
    ("StageRefusedError", "counts_incomplete"): {"summary", "units"},
}

#: Codes with a text that no raise site names: the default of StageRefusedError.
UNRAISED = {("StageRefusedError", "refused")}


@dataclass(frozen=True)
class Raised:
    kind: str
    code: str | None
    details: frozenset[str]
    where: str


def _name(node: ast.expr) -> str | None:
    if isinstance(node, ast.Name):
        return node.id
    if isinstance(node, ast.Attribute):
        return node.attr
    return None


def _raised() -> list[Raised]:
    """Every call of a coded refusal class in the packages, with its code and detail names."""
    found = []
    for package in PACKAGES:
        for path in sorted((ROOT / package).rglob("*.py")):
            tree = ast.parse(path.read_text(encoding="utf-8"), filename=str(path))
            for node in ast.walk(tree):
                if not isinstance(node, ast.Call) or _name(node.func) not in TABLES:
                    continue
                kind = str(_name(node.func))
                where = f"{path.relative_to(ROOT)}:{node.lineno}"
                index = TABLES[kind][1]
                code_node: ast.expr | None = next(
                    (k.value for k in node.keywords if k.arg == "code"),
                    node.args[index] if len(node.args) > index else None,
                )
                if code_node is None:
                    found.append(Raised(kind, None, frozenset(), where))
                    continue
                code = "<not a string literal>"  # fails: not in any table
                if isinstance(code_node, ast.Constant) and isinstance(code_node.value, str):
                    code = code_node.value
                details = frozenset(str(k.arg) for k in node.keywords if k.arg != "code")
                found.append(Raised(kind, code, details, where))
    return found


RAISED = _raised()


def _placeholders(template: str) -> set[str]:
    return {name for _, name, _, _ in string.Formatter().parse(template) if name}


def test_the_collection_finds_the_raise_sites() -> None:
    kinds = {r.kind for r in RAISED}
    assert kinds == set(TABLES)
    assert sum(r.kind == "EntryRefusedError" for r in RAISED) >= 25
    assert sum(r.kind == "UserRefusedError" for r in RAISED) >= 8


@pytest.mark.parametrize("raised", RAISED, ids=lambda r: f"{r.kind}:{r.code}:{r.where}")
def test_every_raised_code_has_a_dutch_text_with_the_details_it_names(raised: Raised) -> None:
    table, _, required = TABLES[raised.kind]
    if raised.code is None:
        assert not required, f"{raised.where}: {raised.kind} without a code"
        return  # shown with the Dutch lead of its class
    assert raised.code in table, f"{raised.where}: no Dutch text for {raised.kind} {raised.code!r}"
    missing = (
        _placeholders(table[raised.code])
        - raised.details
        - COMPUTED.get((raised.kind, raised.code), set())
    )
    assert not missing, f"{raised.where}: the Dutch text names {missing}, the refusal lacks them"


@pytest.mark.parametrize("kind", sorted(TABLES))
def test_every_dutch_text_belongs_to_a_raised_code(kind: str) -> None:
    codes = {r.code for r in RAISED if r.kind == kind}
    unused = {c for c in TABLES[kind][0] if (kind, c) not in UNRAISED} - codes
    assert not unused


def _subclasses(root: type[OSVError]) -> list[type[OSVError]]:
    found: list[type[OSVError]] = []
    for sub in root.__subclasses__():
        found += [sub, *_subclasses(sub)]
    return found


@pytest.mark.parametrize(
    "kind",
    [*_subclasses(StoreError), ImportRefused, *_subclasses(ImportRefused), EmlError],
    ids=lambda k: k.__name__,
)
def test_errors_from_deep_code_get_a_dutch_lead_of_their_own_family(kind: type[OSVError]) -> None:
    """A store, import or EML error is never shown with the generic lead."""
    lead = next(text for k, text in LEADS if issubclass(kind, k))
    assert lead not in (dict(LEADS)[ServiceError], dict(LEADS)[OSVError])


def test_a_technical_message_is_labelled_after_the_dutch_lead() -> None:
    shown = dutch_error(EmlSyntaxError("line 3: unclosed element <Election>"))
    lead, technical = shown.split(f" {TECHNICAL} ")
    assert lead == "Het bestand is geen bruikbaar EML-bestand; er is niets opgeslagen."
    assert technical.endswith("line 3: unclosed element <Election>")
    mismatch = dutch_error(HashMismatchError(Path("/srv/osv/a.xml"), "the typed groups differ"))
    assert mismatch.startswith("De getypte hashcode-groepen komen niet overeen met het bestand")
    assert mismatch.endswith(f"{TECHNICAL} a.xml: the typed groups differ")  # not the folder
    for error, start in [
        (DatabaseLockedError("database is locked"), "De database is even bezet"),
        (DiskFullError("disk full"), "De schijf van de database is vol"),
        (DatabaseUnavailableError("cannot connect"), "De database is niet bereikbaar"),
        (CandidacyInputError("x.json: not a valid election file"), "De lijsten of het"),
    ]:
        assert dutch_error(error).startswith(start)
        assert TECHNICAL in dutch_error(error)


def test_coded_refusals_are_filled_in() -> None:
    assert dutch_error(
        UserRefusedError("a password must ...", "password_too_short", minimum=13, length=4)
    ) == ("Een wachtwoord moet minstens 13 tekens hebben; dit heeft er 4.")
    assert dutch_error(EntryRefusedError("...", "wrong_role", role="coordinator")) == (
        "Dit mag alleen een coördinator."
    )
    unfinished = EntryRefusedError(
        "session 1 of 9997 cannot be finished: ...",
        "cannot_finish",
        number=1,
        committee="9997",
        problems=(
            UnfinishedSource("3", "FirstEntryInProgress"),
            UnfinishedSource("5", None, ("W.201", "W.203")),
        ),
    )
    assert dutch_error(unfinished) == (
        "Zitting 1 van 9997 kan nog niet worden afgerond. Nog niet definitief: stembureau 3 "
        "(eerste invoer bezig). Waarschuwingen zonder toelichting: stembureau 5 (W.201, W.203)."
    )
    several = EntryRefusedError(
        "...",
        "cannot_finish",
        number=2,
        committee="CSB",
        problems=(
            UnfinishedSource("0518", "Empty"),
            UnfinishedSource("0599", "Empty"),
            UnfinishedSource("0344", "EntriesDifferent"),
        ),
    )
    assert dutch_error(several) == (
        "Zitting 2 van CSB kan nog niet worden afgerond. Nog niet definitief: gemeenten 0518 en "
        "0599 (nog niet ingevoerd); gemeente 0344 (invoer verschilt)."
    )
    assert dutch_error(CandidacyInputError("no list is valid", "no_valid_list")).startswith(
        "Geen enkele lijst is geldig"
    )


@pytest.mark.parametrize("problem", list(DepartureProblem), ids=lambda p: p.value)
def test_every_departure_refusal_is_dutch_and_names_the_finding(problem: DepartureProblem) -> None:
    """A refused departure from a candidacy proposal (Kieswet I 4 to I 8) reads as Dutch,
    names the finding and never repeats the CSB's reason text."""
    departure = Departure(
        code=Code.CONSENT_MISSING,
        list_key="A",
        position=3,
        instead=Instead.NOT_APPLICABLE,
        reason="geheim",
    )
    text = dutch_error(DepartureError(problem, departure, "english text"))
    assert "bevinding K07, lijst A, kandidaat 3" in text
    assert "Er is niets opgeslagen." in text
    assert "english text" not in text
    assert "geheim" not in text


def test_every_departure_choice_has_a_dutch_label() -> None:
    """The findings page offers each choice of :class:`Instead` with a Dutch label."""
    assert set(INSTEAD_LABELS) == {instead.value for instead in Instead}


#: What a refusal of a list file may name: places and expectations, never a cell's value.
CSV_DETAILS = {"row", "column", "required", "maximum", "list", "first_row", "expected", "options"}


def test_a_refused_list_file_names_places_never_values() -> None:
    """Every :class:`CandidacyCsvError` gives only places and expectations as details (the
    validation reason of a candidate is shown labelled as technical detail)."""
    for raised in (r for r in RAISED if r.kind == "CandidacyCsvError"):
        assert raised.details <= CSV_DETAILS | {"reason"}, raised.where


@pytest.mark.parametrize(
    ("cells", "shown"),
    [
        ("q,01-02-1980", "Rij 2, kolom geslacht: vul m, v of x in, of laat het vak leeg."),
        ("v,31-02-1980", "Rij 2, kolom geboortedatum: vul een datum in als dd-mm-jjjj"),
    ],
)
def test_a_refused_list_file_is_dutch_without_the_value(cells: str, shown: str) -> None:
    text = (
        "lijst,aanduiding,kieskringen,positie,voorletters,achternaam,geslacht,geboortedatum,"
        f"instemming\n1,Partij A,geen,1,A.,Berg,{cells},ja\n"
    )
    with pytest.raises(CandidacyCsvError) as caught:
        read_lists(text)
    dutch = dutch_error(caught.value)
    assert dutch.startswith("Het bestand met de lijsten klopt niet; er is niets opgeslagen. ")
    assert shown in dutch
    assert TECHNICAL not in dutch
    assert "'q'" not in dutch
    assert "1980" not in dutch


def test_an_incomplete_stage_is_told_unit_by_unit_in_dutch() -> None:
    """The refusal ``counts_incomplete`` names every missing unit as the paper does (a polling
    station within its municipality, in Dutch) and every count of a unit the definition does
    not name for the stage; nothing of the English text of the computation."""
    stations = check_completeness(
        expected_polling_stations(
            "0668",
            "West Maas en Waal",
            [PollingStation(number=1, name="Dorpshuis"), PollingStation(number=2, name="School")],
        ),
        ["0668::SB1", "0668::SB7"],
        "polling stations of municipality 0668 West Maas en Waal",
    )
    coverage = Coverage(checked=True, checks=(stations,))
    refused = StageRefusedError("...", "counts_incomplete", coverage=coverage)
    assert _stage_dutch(refused) == (
        "Er is niets berekend: 1 van de 2 stembureaus heeft nog geen telling; 1 telling is van "
        "een stembureau dat de verkiezingsdefinitie hier niet noemt. Stembureau 2 School "
        "(gemeente 0668 West Maas en Waal): geen telling. 0668::SB7: een telling van een "
        "stembureau dat de verkiezingsdefinitie hier niet noemt; die telt niet mee. Er is niets "
        "opgeslagen en er is niets te downloaden; bereken opnieuw zodra elke telling er is."
    )
