"""The registry of candidacy finding codes: each code with its consequence, article, Dutch title
and explanation, defined once.

The codes are stable (K01 to K15; K16 to K21 for the hand-in, the submitter, age, residence and
ID copy; K22 to K28 for the registration of the name, its correction, the repair contact, single
support declarations and identical lists). Each names the Kieswet article it applies (Kiesbesluit
where it says so) and what follows from it by law (:class:`Consequence`). A single finding may
say less than its code: where the CSB's record of the hand-in is missing, the check still warns
(:attr:`Consequence.WARNING`) and names only the articles of what it could not check; the entry
here is what the code means when the law applies. docs/candidacy.md has the table (a test keeps
it equal to this registry).
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from enum import StrEnum

__all__ = ["CODES", "Code", "CodeInfo", "Consequence"]


class Consequence(StrEnum):
    """What a finding means for the list (see :mod:`candidacy.findings`)."""

    LIST_INVALID = "list_invalid"
    CANDIDATE_STRUCK = "candidate_struck"
    NAME_STRUCK = "name_struck"
    REPAIRABLE = "repairable"
    WARNING = "warning"


@dataclass(frozen=True, kw_only=True)
class CodeInfo:
    """What one candidacy code means.

    :param consequence: what follows by law (the code's severity).
    :param if_not_repaired: for a repairable omission, what follows when it is not repaired.
    :param article: the Kieswet articles it applies (Kiesbesluit where it says so).
    :param title_nl: a short Dutch title.
    :param explanation_nl: the Dutch explanation for the central polling station (CSB).
    """

    consequence: Consequence
    article: str
    title_nl: str
    explanation_nl: str
    if_not_repaired: Consequence | None = None


class Code(StrEnum):
    """The stable finding codes; :data:`CODES` describes each."""

    NO_DISTRICTS = "K01"
    DUPLICATE_DISTRICT = "K02"
    NO_CANDIDATES = "K03"
    TOO_MANY_CANDIDATES = "K04"
    CANDIDATE_DATA_MISSING = "K05"
    INITIALS_MALFORMED = "K06"
    CONSENT_MISSING = "K07"
    DUPLICATE_ON_LIST = "K08"
    DUPLICATE_ACROSS_LISTS = "K09"
    AGENT_MISSING = "K10"
    SUPPORT_SHORT = "K11"
    DEPOSIT_MISSING = "K12"
    NAME_NOT_REGISTERED = "K13"
    NAME_NOT_AUTHORISED = "K14"
    INCONSISTENT_MINORITY = "K15"
    RECEIVED_OUT_OF_TIME = "K16"
    SUBMITTER_NOT_VOTER_IN_PERSON = "K17"
    SUBMITTER_NOT_IDENTIFIED = "K18"
    UNDER_AGE = "K19"
    RESIDENCE_DECLARATION_MISSING = "K20"
    ID_COPY_MISSING = "K21"
    NAME_REGISTERED_LATE = "K22"
    NAME_NOT_DISTINCT = "K23"
    NAME_SIMILAR = "K24"
    NAME_CORRECTED = "K25"
    NO_REPAIR_CONTACT = "K26"
    SUPPORT_DECLARATION_INVALID = "K27"
    IDENTICAL_LISTS = "K28"

    @property
    def info(self) -> CodeInfo:
        """The code's entry in :data:`CODES`."""
        return CODES[self]

    @property
    def consequence(self) -> Consequence:
        """What follows by law."""
        return self.info.consequence

    @property
    def article(self) -> str:
        """The articles it applies."""
        return self.info.article

    @property
    def title_nl(self) -> str:
        """The short Dutch title."""
        return self.info.title_nl

    @property
    def explanation_nl(self) -> str:
        """The Dutch explanation for the CSB."""
        return self.info.explanation_nl


_LIST, _STRUCK = Consequence.LIST_INVALID, Consequence.CANDIDATE_STRUCK
_NAME, _REPAIR, _WARN = Consequence.NAME_STRUCK, Consequence.REPAIRABLE, Consequence.WARNING
_REPAIR_TEXT = "Het verzuim kan binnen de hersteltermijn worden hersteld (artikel I 2)"

#: Every candidacy code with its consequence, article, Dutch title and explanation.
CODES: Mapping[Code, CodeInfo] = {
    Code.NO_DISTRICTS: CodeInfo(
        consequence=_LIST,
        article="H 2, I 5",
        title_nl="De lijst noemt geen kieskring",
        explanation_nl="Een lijst die voor geen enkele kieskring is ingeleverd, is ongeldig.",
    ),
    Code.DUPLICATE_DISTRICT: CodeInfo(
        consequence=_WARN,
        article="H 2",
        title_nl="Een kieskring staat twee keer op de lijst",
        explanation_nl="De lijst noemt dezelfde kieskring meer dan eens; er volgt niets uit.",
    ),
    Code.NO_CANDIDATES: CodeInfo(
        consequence=_LIST,
        article="I 5",
        title_nl="De lijst heeft geen kandidaten",
        explanation_nl="Een lijst zonder kandidaten is ongeldig.",
    ),
    Code.TOO_MANY_CANDIDATES: CodeInfo(
        consequence=_STRUCK,
        article="H 6, I 6",
        title_nl="Meer kandidaten dan toegestaan",
        explanation_nl="De kandidaten boven het maximum (50, of 80) worden van de lijst geschrapt.",
    ),
    Code.CANDIDATE_DATA_MISSING: CodeInfo(
        consequence=_REPAIR,
        if_not_repaired=_STRUCK,
        article="Kiesbesluit H 2, I 2, I 6",
        title_nl="Gegevens van een kandidaat ontbreken",
        explanation_nl=(
            f"Achternaam, voorletters of woonplaats (of land) ontbreekt. {_REPAIR_TEXT}; anders "
            "wordt de kandidaat geschrapt."
        ),
    ),
    Code.INITIALS_MALFORMED: CodeInfo(
        consequence=_REPAIR,
        if_not_repaired=_STRUCK,
        article="Kiesbesluit H 2, I 2, I 6",
        title_nl="Voorletters niet in de vorm A.B.",
        explanation_nl=f"{_REPAIR_TEXT}; anders wordt de kandidaat geschrapt.",
    ),
    Code.CONSENT_MISSING: CodeInfo(
        consequence=_REPAIR,
        if_not_repaired=_STRUCK,
        article="H 9, I 2, I 6",
        title_nl="Instemmingsverklaring (model H 9) ontbreekt",
        explanation_nl=f"{_REPAIR_TEXT}; anders wordt de kandidaat geschrapt.",
    ),
    Code.DUPLICATE_ON_LIST: CodeInfo(
        consequence=_STRUCK,
        article="H 7, I 6",
        title_nl="Kandidaat twee keer op dezelfde lijst",
        explanation_nl="De latere vermelding van de kandidaat wordt geschrapt.",
    ),
    Code.DUPLICATE_ACROSS_LISTS: CodeInfo(
        consequence=_STRUCK,
        article="H 7, I 6",
        title_nl="Kandidaat op meer dan één lijst",
        explanation_nl=(
            "Een kandidaat op lijsten van verschillende partijen, op een blanco lijst, of op "
            "twee lijsten van één partij in dezelfde kieskring wordt geschrapt."
        ),
    ),
    Code.AGENT_MISSING: CodeInfo(
        consequence=_REPAIR,
        if_not_repaired=_STRUCK,
        article="H 10, I 2, I 6",
        title_nl="Kandidaat in het buitenland zonder gemachtigde",
        explanation_nl=f"{_REPAIR_TEXT}; anders wordt de kandidaat geschrapt.",
    ),
    Code.SUPPORT_SHORT: CodeInfo(
        consequence=_REPAIR,
        if_not_repaired=_LIST,
        article="H 4, I 2, I 5",
        title_nl="Te weinig geldige ondersteuningsverklaringen",
        explanation_nl=f"{_REPAIR_TEXT}; anders is de lijst in die kieskring ongeldig.",
    ),
    Code.DEPOSIT_MISSING: CodeInfo(
        consequence=_LIST,
        article="H 12, I 5",
        title_nl="Waarborgsom niet betaald",
        explanation_nl=(
            "Waar een waarborgsom verplicht is en die niet is betaald, is de lijst ongeldig."
        ),
    ),
    Code.NAME_NOT_REGISTERED: CodeInfo(
        consequence=_NAME,
        article="G 1, I 7",
        title_nl="Aanduiding niet geregistreerd",
        explanation_nl="De aanduiding boven de lijst vervalt; de lijst blijft als blanco lijst.",
    ),
    Code.NAME_NOT_AUTHORISED: CodeInfo(
        consequence=_REPAIR,
        if_not_repaired=_NAME,
        article="H 3, I 2, I 7",
        title_nl="Machtiging voor de aanduiding (model H 3-1) ontbreekt",
        explanation_nl=f"{_REPAIR_TEXT}; anders vervalt de aanduiding boven de lijst.",
    ),
    Code.INCONSISTENT_MINORITY: CodeInfo(
        consequence=_WARN,
        article="Kiesbesluit H 2",
        title_nl="Voornaam of geslacht bij enkele kandidaten afwijkend vermeld",
        explanation_nl=(
            "Hooguit 20 % van de kandidaten heeft (of mist) een voornaam of een geslacht; er "
            "volgt niets uit, maar het kan een vergissing zijn."
        ),
    ),
    Code.RECEIVED_OUT_OF_TIME: CodeInfo(
        consequence=_LIST,
        article="H 1, I 5",
        title_nl="Lijst niet op tijd ingeleverd",
        explanation_nl=(
            "Een lijst die niet op de dag van de kandidaatstelling tussen 9.00 en 17.00 uur is "
            "ingeleverd, is ongeldig."
        ),
    ),
    Code.SUBMITTER_NOT_VOTER_IN_PERSON: CodeInfo(
        consequence=_REPAIR,
        if_not_repaired=_LIST,
        article="H 3, I 2, I 5",
        title_nl="Inleveraar geen kiezer of niet persoonlijk aanwezig",
        explanation_nl=f"{_REPAIR_TEXT}; anders is de lijst ongeldig.",
    ),
    Code.SUBMITTER_NOT_IDENTIFIED: CodeInfo(
        consequence=_REPAIR,
        if_not_repaired=_LIST,
        article="I 2, I 5",
        title_nl="Inleveraar niet geïdentificeerd",
        explanation_nl=f"{_REPAIR_TEXT}; anders is de lijst ongeldig.",
    ),
    Code.UNDER_AGE: CodeInfo(
        consequence=_STRUCK,
        article="H 7, I 6",
        title_nl="Kandidaat is aan het eind van de zittingsperiode geen 18",
        explanation_nl="De kandidaat wordt geschrapt.",
    ),
    Code.RESIDENCE_DECLARATION_MISSING: CodeInfo(
        consequence=_REPAIR,
        if_not_repaired=_STRUCK,
        article="H 7, I 2, I 6",
        title_nl="Verklaring van voorgenomen woonplaats ontbreekt",
        explanation_nl=f"{_REPAIR_TEXT}; anders wordt de kandidaat geschrapt.",
    ),
    Code.ID_COPY_MISSING: CodeInfo(
        consequence=_REPAIR,
        article="H 9, I 2",
        title_nl="Kopie van een identiteitsbewijs ontbreekt",
        explanation_nl=f"{_REPAIR_TEXT}.",
    ),
    Code.NAME_REGISTERED_LATE: CodeInfo(
        consequence=_NAME,
        article="G 1-G 3, I 7",
        title_nl="Registratie van de aanduiding te laat aangevraagd",
        explanation_nl="De aanduiding vervalt (een verzoek tot registratie wordt geweigerd).",
    ),
    Code.NAME_NOT_DISTINCT: CodeInfo(
        consequence=_NAME,
        article="G 1",
        title_nl="Aanduiding te lang of gelijk aan een andere",
        explanation_nl="De aanduiding vervalt (een verzoek tot registratie wordt geweigerd).",
    ),
    Code.NAME_SIMILAR: CodeInfo(
        consequence=_WARN,
        article="G 1",
        title_nl="Aanduiding lijkt op een geregistreerde aanduiding",
        explanation_nl=(
            "Of een aanduiding verwarrend is, oordeelt het centraal stembureau; de software "
            "weigert nooit."
        ),
    ),
    Code.NAME_CORRECTED: CodeInfo(
        consequence=_WARN,
        article="I 8",
        title_nl="Aanduiding ambtshalve verbeterd",
        explanation_nl=(
            "De aanduiding boven de lijst verschilt alleen in hoofdletters, accenten of spaties "
            "van de geregistreerde en is daarin verbeterd."
        ),
    ),
    Code.NO_REPAIR_CONTACT: CodeInfo(
        consequence=_REPAIR,
        article="H 5, I 2",
        title_nl="Niemand aangewezen om verzuimen te herstellen",
        explanation_nl=f"{_REPAIR_TEXT}.",
    ),
    Code.SUPPORT_DECLARATION_INVALID: CodeInfo(
        consequence=_WARN,
        article="H 4",
        title_nl="Ondersteuningsverklaring ongeldig",
        explanation_nl=(
            "De ondertekenaar is geen kiezer in de kieskring of tekende al eerder; de verklaring "
            "telt niet mee bij K11."
        ),
    ),
    Code.IDENTICAL_LISTS: CodeInfo(
        consequence=_WARN,
        article="H 11",
        title_nl="Gelijkluidende lijsten",
        explanation_nl=(
            "Lijsten met dezelfde aanduiding en dezelfde kandidaten in dezelfde volgorde vormen "
            "een stel gelijkluidende lijsten."
        ),
    ),
}
if set(CODES) != set(Code):
    raise ValueError("every candidacy code has exactly one entry in CODES")
