"""The consistency rules of data entry: every code, its severity, where it applies, and its texts.

The codes are the Kiesraad's, as Abacus uses them and as the Kiesraad's instructions to
municipalities print them (shared counts-and-checks.md §5): F.xxx are errors (fout), W.xxx
warnings (waarschuwing). Each rule has two Dutch texts, because two people read it:

* the **typist** (invoerder), who only has to check that the screen says what the paper says,
  and may then continue: an error is never the typist's to solve;
* the **coordinator**, who decides what happens: return the entry, have the count investigated,
  or ask the Kiesraad. The text names the part of the paper form to look at.

A code is never reused for another meaning; the numbering leaves gaps on purpose (F.0xx for
malformed numbers, which are refused before any rule runs, see :mod:`results.checks.validate`).
"""

from __future__ import annotations

from dataclasses import dataclass

from osv.model.entry import EntryModel
from results.tally.findings import Severity

__all__ = ["CHECK_RULES", "CheckRule", "models_of"]

_CSO1 = EntryModel.CSO_FIRST_SESSION
_CSON = EntryModel.CSO_NEXT_SESSION
_DSO1 = EntryModel.DSO_FIRST_SESSION
_DSON = EntryModel.DSO_NEXT_SESSION
_TOTALS = (EntryModel.GSB_TOTALS, EntryModel.HSB_TOTALS)
_STATIONS = (_CSO1, _CSON, _DSO1, _DSON)
_ALL = (*_STATIONS, *_TOTALS)


@dataclass(frozen=True)
class CheckRule:
    """One rule of data entry.

    :param code: the stable code.
    :param severity: ``error`` (blocks a definitive result) or ``warning`` (needs a look and,
        before the session is finished, the coordinator's explanation).
    :param models: the paper forms it is evaluated on (§5.3); empty for the entry-process
        warnings W.001 and W.002, which apply to second and correction entries of every form.
    :param rule: the condition, in the letters of the paper model (English, as in the docs).
    :param title: a short Dutch title, shown next to the code.
    :param typist: the Dutch text for the typist.
    :param coordinator: the Dutch text for the coordinator.
    """

    code: str
    severity: Severity
    models: tuple[EntryModel, ...]
    rule: str
    title: str
    typist: str
    coordinator: str


_CHECK = "Controleer of je hebt ingevoerd wat op het papier staat. Klopt het? Ga dan verder."
_PAPER = "Het papieren proces-verbaal bevat een fout"


def _rules() -> tuple[CheckRule, ...]:
    return (
        CheckRule(
            "F.101",
            "error",
            (_CSO1,),
            "B1-1: one question has a tick and the other none",
            "Extra onderzoek: één vraag is beantwoord, de andere niet",
            _CHECK,
            f"{_PAPER} in rubriek B1-1 (extra onderzoek): beide vragen moeten beantwoord zijn, "
            "of geen van beide. Laat het stembureau het proces-verbaal aanvullen.",
        ),
        CheckRule(
            "F.102",
            "error",
            (_CSO1,),
            "B1-1: yes and no both ticked",
            "Extra onderzoek: ja én nee aangekruist",
            _CHECK,
            f"{_PAPER} in rubriek B1-1: bij een vraag zijn zowel ja als nee aangekruist. "
            "Zoek uit welk antwoord bedoeld is.",
        ),
        CheckRule(
            "F.111",
            "error",
            (_CSO1,),
            "B1-2: a question not answered",
            "Verschillen met telresultaten stembureau: vraag niet beantwoord",
            _CHECK,
            f"{_PAPER} in rubriek B1-2: beide vragen moeten beantwoord zijn.",
        ),
        CheckRule(
            "F.112",
            "error",
            (_CSO1,),
            "B1-2: yes and no both ticked",
            "Verschillen met telresultaten stembureau: ja én nee aangekruist",
            _CHECK,
            f"{_PAPER} in rubriek B1-2: bij een vraag zijn zowel ja als nee aangekruist.",
        ),
        CheckRule(
            "F.121",
            "error",
            (_DSO1,),
            "'Over het proces-verbaal': not both questions answered",
            "Over het proces-verbaal: niet beide vragen beantwoord",
            _CHECK,
            "Stel vast of er een corrigendum is en of de pagina 'Controles en correcties' "
            "aanwezig is, en laat de invoer aanvullen.",
        ),
        CheckRule(
            "F.122",
            "error",
            (_DSO1,),
            "corrigendum present but the page 'Controles en correcties' missing",
            "Corrigendum aanwezig maar pagina 'Controles en correcties' ontbreekt",
            _CHECK,
            "Er is een corrigendum, maar de pagina 'Controles en correcties' ontbreekt. "
            "Zoek de pagina op of neem contact op met het stembureau.",
        ),
        CheckRule(
            "F.131",
            "error",
            (_DSO1,),
            "'Controles en correcties': no reason ticked, or the correction question empty",
            "Controles en correcties: reden of vraag over correctie niet ingevuld",
            _CHECK,
            f"{_PAPER} op de pagina 'Controles en correcties': de reden van het onderzoek en de "
            "vraag of de uitslag is gecorrigeerd moeten ingevuld zijn.",
        ),
        CheckRule(
            "F.132",
            "error",
            (_DSO1,),
            "not corrected after the own investigation, yet a corrigendum is present",
            "Niet gecorrigeerd, maar wel een corrigendum",
            _CHECK,
            "Volgens de pagina 'Controles en correcties' is de uitslag niet gecorrigeerd, maar er "
            "is wel een corrigendum. Zoek uit wat juist is.",
        ),
        CheckRule(
            "F.133",
            "error",
            (_DSO1,),
            "corrected after the own investigation, but no corrigendum",
            "Wel gecorrigeerd, maar geen corrigendum",
            _CHECK,
            "Volgens de pagina 'Controles en correcties' is de uitslag gecorrigeerd, maar er is "
            "geen corrigendum. Zoek het corrigendum op.",
        ),
        CheckRule(
            "F.134",
            "error",
            (_DSO1,),
            "yes and no both ticked on the correction question",
            "Gecorrigeerd: ja én nee aangekruist",
            _CHECK,
            "Bij de vraag of de uitslag is gecorrigeerd zijn zowel ja als nee aangekruist. "
            "Zoek uit welk antwoord bedoeld is.",
        ),
        CheckRule(
            "F.135",
            "error",
            (_DSO1,),
            "corrected at the CSB's request answered in a first session",
            "Correctie op verzoek van het CSB ingevuld in de eerste zitting",
            _CHECK,
            "In de eerste zitting kan het centraal stembureau nog niet om correctie gevraagd "
            "hebben. Zoek uit wat het stembureau bedoelde.",
        ),
        CheckRule(
            "F.201",
            "error",
            _ALL,
            "A + B (+ C) ≠ D",
            "Aantal kiezers en stemmen: stempassen, volmachtbewijzen (en kiezerspassen) "
            "tellen niet op tot het totaal toegelaten kiezers",
            _CHECK,
            f"{_PAPER}: A + B (+ C) is niet gelijk aan D. Laat de toegelaten kiezers opnieuw "
            "vaststellen (onderzoek), of corrigeer de invoer als de typist zich vergiste.",
        ),
        CheckRule(
            "F.202",
            "error",
            _ALL,
            "E.1 + … + E.n ≠ E",
            "De totalen van de lijsten tellen niet op tot het totaal stemmen op kandidaten",
            _CHECK,
            f"{_PAPER}: de som van de lijsttotalen (E.1 t/m E.n) is niet gelijk aan E.",
        ),
        CheckRule(
            "F.203",
            "error",
            _ALL,
            "E + F + G ≠ H",
            "Stemmen op kandidaten, blanco en ongeldig tellen niet op tot het totaal "
            "uitgebrachte stemmen",
            _CHECK,
            f"{_PAPER}: E + F + G is niet gelijk aan H.",
        ),
        CheckRule(
            "F.204",
            "error",
            _ALL,
            "E.1 + … + E.n > 0 and E empty",
            "Totaal stemmen op kandidaten (E) is niet ingevuld",
            _CHECK,
            f"{_PAPER}: er zijn stemmen op lijsten, maar E is leeg.",
        ),
        CheckRule(
            "F.301",
            "error",
            _STATIONS,
            "'D = H' ticked and D ≠ H",
            "'D = H' aangekruist, maar D en H verschillen",
            _CHECK,
            f"{_PAPER} in de vergelijking van D en H (rubriek 3.3 in de eerste zitting, 2.3 in "
            "een volgende): het aangekruiste vakje klopt niet met de getallen.",
        ),
        CheckRule(
            "F.302",
            "error",
            _STATIONS,
            "'H > D' ticked and H ≤ D",
            "'H groter dan D' aangekruist, maar dat is niet zo",
            _CHECK,
            f"{_PAPER} in de vergelijking van D en H: het aangekruiste vakje klopt niet met de "
            "getallen.",
        ),
        CheckRule(
            "F.303",
            "error",
            _STATIONS,
            "'H < D' ticked and H ≥ D",
            "'H kleiner dan D' aangekruist, maar dat is niet zo",
            _CHECK,
            f"{_PAPER} in de vergelijking van D en H: het aangekruiste vakje klopt niet met de "
            "getallen.",
        ),
        CheckRule(
            "F.304",
            "error",
            _STATIONS,
            "not exactly one of 'D = H', 'H > D', 'H < D' ticked",
            "Niet precies één vakje aangekruist bij de vergelijking van D en H",
            _CHECK,
            f"{_PAPER}: bij de vergelijking van D en H moet precies één vakje aangekruist zijn.",
        ),
        CheckRule(
            "F.305",
            "error",
            _STATIONS,
            "D = H and I or J filled",
            "D en H zijn gelijk, maar er zijn méér of minder getelde stembiljetten ingevuld",
            _CHECK,
            f"{_PAPER}: als D gelijk is aan H, blijven I en J leeg.",
        ),
        CheckRule(
            "F.306",
            "error",
            _STATIONS,
            "H > D and I ≠ H − D",
            "Aantal méér getelde stembiljetten (I) is niet H − D",
            _CHECK,
            f"{_PAPER}: I moet gelijk zijn aan H − D.",
        ),
        CheckRule(
            "F.307",
            "error",
            _STATIONS,
            "H > D and J filled",
            "H is groter dan D, maar minder getelde stembiljetten (J) is ingevuld",
            _CHECK,
            f"{_PAPER}: als H groter is dan D, blijft J leeg.",
        ),
        CheckRule(
            "F.308",
            "error",
            _STATIONS,
            "H < D and J ≠ D − H",
            "Aantal minder getelde stembiljetten (J) is niet D − H",
            _CHECK,
            f"{_PAPER}: J moet gelijk zijn aan D − H.",
        ),
        CheckRule(
            "F.309",
            "error",
            _STATIONS,
            "H < D and I filled",
            "H is kleiner dan D, maar méér getelde stembiljetten (I) is ingevuld",
            _CHECK,
            f"{_PAPER}: als H kleiner is dan D, blijft I leeg.",
        ),
        CheckRule(
            "F.310",
            "error",
            _STATIONS,
            "D ≠ H and 'difference fully explained' empty or both ticked",
            "Vraag of het verschil volledig verklaard is niet (eenduidig) beantwoord",
            _CHECK,
            f"{_PAPER}: er is een verschil tussen D en H, dus de vraag of het verschil "
            "volledig verklaard is moet met ja of nee beantwoord zijn.",
        ),
        CheckRule(
            "F.311",
            "error",
            (_DSO1,),
            "difference not fully explained and 'unexplained difference' not ticked as reason",
            "Onverklaard verschil, maar niet aangekruist als reden voor onderzoek",
            _CHECK,
            "Het stembureau meldt een niet volledig verklaard verschil, maar dat is niet "
            "aangekruist als reden voor onderzoek op de pagina 'Controles en correcties'. "
            "Laat het verschil onderzoeken.",
        ),
        CheckRule(
            "F.312",
            "error",
            _TOTALS,
            "D ≠ H − I + J",
            "Toegelaten kiezers (D) is niet gelijk aan H − I + J",
            _CHECK,
            f"{_PAPER} in de totalen: D moet gelijk zijn aan H − I + J (I en J zijn de sommen "
            "over de stembureaus).",
        ),
        CheckRule(
            "F.401",
            "error",
            _ALL,
            "a list has votes but its candidate page total is empty",
            "Het lijsttotaal onderaan de kandidatenpagina is niet ingevuld",
            _CHECK,
            f"{_PAPER}: de lijst heeft stemmen, maar het totaal onderaan de kandidatenpagina "
            "ontbreekt.",
        ),
        CheckRule(
            "F.402",
            "error",
            _ALL,
            "candidate page total ≠ the sum of the candidates' votes",
            "De stemmen op kandidaten tellen niet op tot het lijsttotaal",
            _CHECK,
            f"{_PAPER}: de stemmen op de kandidaten tellen niet op tot het totaal onderaan de "
            "kandidatenpagina.",
        ),
        CheckRule(
            "F.403",
            "error",
            _ALL,
            "candidate page total ≠ E.x",
            "Lijsttotaal op de kandidatenpagina verschilt van het totaal op de telpagina",
            _CHECK,
            f"{_PAPER}: het totaal onderaan de kandidatenpagina is niet gelijk aan het totaal "
            "van de lijst (E.x) bij de aantallen stemmen.",
        ),
        CheckRule(
            "W.001",
            "warning",
            (),
            "second entry: the field differs from the first entry",
            "Verschil met de eerste invoer",
            "Dit veld verschilt van de eerste invoer. Controleer of je hebt ingevoerd wat op "
            "het papier staat.",
            "De twee invoeren verschillen. Bekijk het papier en kies welke invoer juist is.",
        ),
        CheckRule(
            "W.002",
            "warning",
            (),
            "correction entry: the field was cleared and must be entered again",
            "Opnieuw invoeren",
            "De coördinator heeft dit veld leeggemaakt. Voer het opnieuw in zoals het op het "
            "papier staat.",
            "Dit veld wordt opnieuw ingevoerd door de typist.",
        ),
        CheckRule(
            "W.201",
            "warning",
            _STATIONS,
            "H > 0 and blank votes ≥ 3 % of H",
            "Veel blanco stemmen",
            _CHECK,
            "Meer dan 3 % blanco stemmen. Controleer met het stembureau of dit juist is.",
        ),
        CheckRule(
            "W.202",
            "warning",
            _STATIONS,
            "H > 0 and invalid votes ≥ 3 % of H",
            "Veel ongeldige stemmen",
            _CHECK,
            "Meer dan 3 % ongeldige stemmen. Controleer met het stembureau of dit juist is.",
        ),
        CheckRule(
            "W.203",
            "warning",
            _STATIONS,
            "D ≠ H and (|D − H| ≥ 2 % of H or |D − H| ≥ 15)",
            "Groot verschil tussen toegelaten kiezers en uitgebrachte stemmen",
            _CHECK,
            "Het verschil tussen D en H is 2 % of meer, of 15 of meer. Overweeg een onderzoek.",
        ),
        CheckRule(
            "W.204",
            "warning",
            _ALL,
            "H = 0",
            "Geen uitgebrachte stemmen",
            _CHECK,
            "Er zijn geen stemmen uitgebracht. Controleer of dit juist is.",
        ),
        CheckRule(
            "W.205",
            "warning",
            _TOTALS,
            "Z = 0",
            "Aantal kiesgerechtigden is 0",
            _CHECK,
            "Het aantal kiesgerechtigden (Z) is 0 of niet ingevuld.",
        ),
        CheckRule(
            "W.206",
            "warning",
            _TOTALS,
            "Z < A",
            "Minder kiesgerechtigden dan geldige stempassen",
            _CHECK,
            "Het aantal kiesgerechtigden (Z) is kleiner dan het aantal geldige stempassen (A).",
        ),
    )


#: Every rule of data entry, by code, in code order.
CHECK_RULES: dict[str, CheckRule] = {rule.code: rule for rule in _rules()}


def models_of(code: str) -> tuple[EntryModel, ...]:
    """The paper forms rule ``code`` is evaluated on (empty: every second or correction entry)."""
    return CHECK_RULES[code].models
