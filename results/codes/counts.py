"""The Kiesraad's codes of the consistency rules of counts: F.xxx errors (fout), W.xxx warnings.

The codes are the Kiesraad's, as Abacus uses them and as the Kiesraad's instructions to
municipalities print them (shared counts-and-checks.md §5), so that a finding in OSV reads the
same as in the instructions officials already have. One code has one meaning wherever it is
evaluated: on a typed paper form (:mod:`results.checks`) and on a count read from EML
(:mod:`results.tally`, which evaluates the subset EML can carry). The titles follow the wording of
the Kiesraad's instructions and Abacus. A code is never reused for another meaning; the numbering
leaves gaps on purpose (F.0xx for malformed numbers, which are refused before any rule runs).

The article names where the rule comes from: the Kieswet article that defines the numbers
(N 1a: D is the sum of A, B and C; N 6: a list's votes and their sum), or the part of the
paper model whose boxes or questions the rule checks.
"""

from __future__ import annotations

from collections.abc import Mapping

from results.codes.base import CodeInfo, RegisteredCode, register

__all__ = ["COUNT_CODES", "CountCode"]

_B1_1 = "model Na 31-2 Bijlage 1, B1-1 (extra onderzoek)"
_B1_2 = "model Na 31-2 Bijlage 1, B1-2 (verschillen met telresultaten stembureau)"
_ABOUT = "model N 10-1, 'Over het proces-verbaal'"
_CORRECTIONS = "model N 10-1, inlegvel 'Controles en correcties'"
_VOTES = "model N 10-1 and Na 31-x, 'Aantal kiezers en stemmen' [to verify: Kieswet article]"
_DIFFERENCES = "model N 10-1, 'Verschillen tussen D en H' (3.3; 2.3 in a next session)"
_TOTALS = "model Na 31-x, the totals of the polling stations"
_DOUBLE_ENTRY = "double data entry (counts-and-checks.md §4)"


class CountCode(RegisteredCode):
    """A consistency rule of counts; :data:`COUNT_CODES` describes each."""

    F101 = "F.101"
    F102 = "F.102"
    F111 = "F.111"
    F112 = "F.112"
    F121 = "F.121"
    F122 = "F.122"
    F131 = "F.131"
    F132 = "F.132"
    F133 = "F.133"
    F134 = "F.134"
    F135 = "F.135"
    F201 = "F.201"
    F202 = "F.202"
    F203 = "F.203"
    F204 = "F.204"
    F301 = "F.301"
    F302 = "F.302"
    F303 = "F.303"
    F304 = "F.304"
    F305 = "F.305"
    F306 = "F.306"
    F307 = "F.307"
    F308 = "F.308"
    F309 = "F.309"
    F310 = "F.310"
    F311 = "F.311"
    F312 = "F.312"
    F401 = "F.401"
    F402 = "F.402"
    F403 = "F.403"
    W001 = "W.001"
    W002 = "W.002"
    W201 = "W.201"
    W202 = "W.202"
    W203 = "W.203"
    W204 = "W.204"
    W205 = "W.205"
    W206 = "W.206"


#: Every count code with its severity, article, Dutch title and explanation, in code order.
COUNT_CODES: Mapping[CountCode, CodeInfo] = register(
    CountCode,
    {
        CountCode.F101: CodeInfo(
            severity="error",
            article=_B1_1,
            title_nl="Extra onderzoek: één vraag is beantwoord, de andere niet",
            explanation_nl=(
                "Het papieren proces-verbaal bevat een fout in rubriek B1-1 (extra onderzoek): "
                "beide vragen moeten beantwoord zijn, of geen van beide. Laat het stembureau het "
                "proces-verbaal aanvullen."
            ),
        ),
        CountCode.F102: CodeInfo(
            severity="error",
            article=_B1_1,
            title_nl="Extra onderzoek: ja én nee aangekruist",
            explanation_nl=(
                "Het papieren proces-verbaal bevat een fout in rubriek B1-1: bij een vraag zijn "
                "zowel ja als nee aangekruist. Zoek uit welk antwoord bedoeld is."
            ),
        ),
        CountCode.F111: CodeInfo(
            severity="error",
            article=_B1_2,
            title_nl="Verschillen met telresultaten stembureau: vraag niet beantwoord",
            explanation_nl=(
                "Het papieren proces-verbaal bevat een fout in rubriek B1-2: beide vragen moeten "
                "beantwoord zijn."
            ),
        ),
        CountCode.F112: CodeInfo(
            severity="error",
            article=_B1_2,
            title_nl="Verschillen met telresultaten stembureau: ja én nee aangekruist",
            explanation_nl=(
                "Het papieren proces-verbaal bevat een fout in rubriek B1-2: bij een vraag zijn "
                "zowel ja als nee aangekruist."
            ),
        ),
        CountCode.F121: CodeInfo(
            severity="error",
            article=_ABOUT,
            title_nl="Over het proces-verbaal: niet beide vragen beantwoord",
            explanation_nl=(
                "Stel vast of er een corrigendum is en of de pagina 'Controles en correcties' "
                "aanwezig is, en laat de invoer aanvullen."
            ),
        ),
        CountCode.F122: CodeInfo(
            severity="error",
            article=_ABOUT,
            title_nl="Corrigendum aanwezig maar pagina 'Controles en correcties' ontbreekt",
            explanation_nl=(
                "Er is een corrigendum, maar de pagina 'Controles en correcties' ontbreekt. Zoek de"
                " pagina op of neem contact op met het stembureau."
            ),
        ),
        CountCode.F131: CodeInfo(
            severity="error",
            article=_CORRECTIONS,
            title_nl="Controles en correcties: reden of vraag over correctie niet ingevuld",
            explanation_nl=(
                "Het papieren proces-verbaal bevat een fout op de pagina 'Controles en correcties':"
                " de reden van het onderzoek en de vraag of de uitslag is gecorrigeerd moeten "
                "ingevuld zijn."
            ),
        ),
        CountCode.F132: CodeInfo(
            severity="error",
            article=_CORRECTIONS,
            title_nl="Niet gecorrigeerd, maar wel een corrigendum",
            explanation_nl=(
                "Volgens de pagina 'Controles en correcties' is de uitslag niet gecorrigeerd, maar "
                "er is wel een corrigendum. Zoek uit wat juist is."
            ),
        ),
        CountCode.F133: CodeInfo(
            severity="error",
            article=_CORRECTIONS,
            title_nl="Wel gecorrigeerd, maar geen corrigendum",
            explanation_nl=(
                "Volgens de pagina 'Controles en correcties' is de uitslag gecorrigeerd, maar er is"
                " geen corrigendum. Zoek het corrigendum op."
            ),
        ),
        CountCode.F134: CodeInfo(
            severity="error",
            article=_CORRECTIONS,
            title_nl="Gecorrigeerd: ja én nee aangekruist",
            explanation_nl=(
                "Bij de vraag of de uitslag is gecorrigeerd zijn zowel ja als nee aangekruist. Zoek"
                " uit welk antwoord bedoeld is."
            ),
        ),
        CountCode.F135: CodeInfo(
            severity="error",
            article=_CORRECTIONS,
            title_nl="Correctie op verzoek van het CSB ingevuld in de eerste zitting",
            explanation_nl=(
                "In de eerste zitting kan het centraal stembureau nog niet om correctie gevraagd "
                "hebben. Zoek uit wat het stembureau bedoelde."
            ),
        ),
        CountCode.F201: CodeInfo(
            severity="error",
            article="Kieswet N 1a",
            title_nl=(
                "Aantal kiezers en stemmen: stempassen, volmachtbewijzen (en kiezerspassen) tellen "
                "niet op tot het totaal toegelaten kiezers"
            ),
            explanation_nl=(
                "Het papieren proces-verbaal bevat een fout: A + B (+ C) is niet gelijk aan D. Laat"
                " de toegelaten kiezers opnieuw vaststellen (onderzoek), of corrigeer de invoer als"
                " de typist zich vergiste."
            ),
        ),
        CountCode.F202: CodeInfo(
            severity="error",
            article="Kieswet N 6",
            title_nl=(
                "De totalen van de lijsten tellen niet op tot het totaal stemmen op kandidaten"
            ),
            explanation_nl=(
                "Het papieren proces-verbaal bevat een fout: de som van de lijsttotalen (E.1 t/m "
                "E.n) is niet gelijk aan E."
            ),
        ),
        CountCode.F203: CodeInfo(
            severity="error",
            article=_VOTES,
            title_nl=(
                "Stemmen op kandidaten, blanco en ongeldig tellen niet op tot het totaal "
                "uitgebrachte stemmen"
            ),
            explanation_nl=(
                "Het papieren proces-verbaal bevat een fout: E + F + G is niet gelijk aan H."
            ),
        ),
        CountCode.F204: CodeInfo(
            severity="error",
            article="Kieswet N 6",
            title_nl="Totaal stemmen op kandidaten (E) is niet ingevuld",
            explanation_nl=(
                "Het papieren proces-verbaal bevat een fout: er zijn stemmen op lijsten, maar E is "
                "leeg."
            ),
        ),
        CountCode.F301: CodeInfo(
            severity="error",
            article=_DIFFERENCES,
            title_nl="'D = H' aangekruist, maar D en H verschillen",
            explanation_nl=(
                "Het papieren proces-verbaal bevat een fout in de vergelijking van D en H (rubriek "
                "3.3 in de eerste zitting, 2.3 in een volgende): het aangekruiste vakje klopt niet "
                "met de getallen."
            ),
        ),
        CountCode.F302: CodeInfo(
            severity="error",
            article=_DIFFERENCES,
            title_nl="'H groter dan D' aangekruist, maar dat is niet zo",
            explanation_nl=(
                "Het papieren proces-verbaal bevat een fout in de vergelijking van D en H: het "
                "aangekruiste vakje klopt niet met de getallen."
            ),
        ),
        CountCode.F303: CodeInfo(
            severity="error",
            article=_DIFFERENCES,
            title_nl="'H kleiner dan D' aangekruist, maar dat is niet zo",
            explanation_nl=(
                "Het papieren proces-verbaal bevat een fout in de vergelijking van D en H: het "
                "aangekruiste vakje klopt niet met de getallen."
            ),
        ),
        CountCode.F304: CodeInfo(
            severity="error",
            article=_DIFFERENCES,
            title_nl="Niet precies één vakje aangekruist bij de vergelijking van D en H",
            explanation_nl=(
                "Het papieren proces-verbaal bevat een fout: bij de vergelijking van D en H moet "
                "precies één vakje aangekruist zijn."
            ),
        ),
        CountCode.F305: CodeInfo(
            severity="error",
            article=_DIFFERENCES,
            title_nl=(
                "D en H zijn gelijk, maar er zijn méér of minder getelde stembiljetten ingevuld"
            ),
            explanation_nl=(
                "Het papieren proces-verbaal bevat een fout: als D gelijk is aan H, blijven I en J "
                "leeg."
            ),
        ),
        CountCode.F306: CodeInfo(
            severity="error",
            article=_DIFFERENCES,
            title_nl="Aantal méér getelde stembiljetten (I) is niet H − D",
            explanation_nl=(
                "Het papieren proces-verbaal bevat een fout: I moet gelijk zijn aan H − D."
            ),
        ),
        CountCode.F307: CodeInfo(
            severity="error",
            article=_DIFFERENCES,
            title_nl="H is groter dan D, maar minder getelde stembiljetten (J) is ingevuld",
            explanation_nl=(
                "Het papieren proces-verbaal bevat een fout: als H groter is dan D, blijft J leeg."
            ),
        ),
        CountCode.F308: CodeInfo(
            severity="error",
            article=_DIFFERENCES,
            title_nl="Aantal minder getelde stembiljetten (J) is niet D − H",
            explanation_nl=(
                "Het papieren proces-verbaal bevat een fout: J moet gelijk zijn aan D − H."
            ),
        ),
        CountCode.F309: CodeInfo(
            severity="error",
            article=_DIFFERENCES,
            title_nl="H is kleiner dan D, maar méér getelde stembiljetten (I) is ingevuld",
            explanation_nl=(
                "Het papieren proces-verbaal bevat een fout: als H kleiner is dan D, blijft I leeg."
            ),
        ),
        CountCode.F310: CodeInfo(
            severity="error",
            article=_DIFFERENCES,
            title_nl=("Vraag of het verschil volledig verklaard is niet (eenduidig) beantwoord"),
            explanation_nl=(
                "Het papieren proces-verbaal bevat een fout: er is een verschil tussen D en H, dus "
                "de vraag of het verschil volledig verklaard is moet met ja of nee beantwoord zijn."
            ),
        ),
        CountCode.F311: CodeInfo(
            severity="error",
            article=_CORRECTIONS,
            title_nl="Onverklaard verschil, maar niet aangekruist als reden voor onderzoek",
            explanation_nl=(
                "Het stembureau meldt een niet volledig verklaard verschil, maar dat is niet "
                "aangekruist als reden voor onderzoek op de pagina 'Controles en correcties'. Laat "
                "het verschil onderzoeken."
            ),
        ),
        CountCode.F312: CodeInfo(
            severity="error",
            article=_TOTALS,
            title_nl="Toegelaten kiezers (D) is niet gelijk aan H − I + J",
            explanation_nl=(
                "Het papieren proces-verbaal bevat een fout in de totalen: D moet gelijk zijn aan H"
                " − I + J (I en J zijn de sommen over de stembureaus)."
            ),
        ),
        CountCode.F401: CodeInfo(
            severity="error",
            article="Kieswet N 6",
            title_nl="Het lijsttotaal onderaan de kandidatenpagina is niet ingevuld",
            explanation_nl=(
                "Het papieren proces-verbaal bevat een fout: de lijst heeft stemmen, maar het "
                "totaal onderaan de kandidatenpagina ontbreekt."
            ),
        ),
        CountCode.F402: CodeInfo(
            severity="error",
            article="Kieswet N 6",
            title_nl="De stemmen op kandidaten tellen niet op tot het lijsttotaal",
            explanation_nl=(
                "Het papieren proces-verbaal bevat een fout: de stemmen op de kandidaten tellen "
                "niet op tot het totaal onderaan de kandidatenpagina."
            ),
        ),
        CountCode.F403: CodeInfo(
            severity="error",
            article="Kieswet N 6",
            title_nl=(
                "Lijsttotaal op de kandidatenpagina verschilt van het totaal op de telpagina"
            ),
            explanation_nl=(
                "Het papieren proces-verbaal bevat een fout: het totaal onderaan de "
                "kandidatenpagina is niet gelijk aan het totaal van de lijst (E.x) bij de aantallen"
                " stemmen."
            ),
        ),
        CountCode.W001: CodeInfo(
            severity="warning",
            article=_DOUBLE_ENTRY,
            title_nl="Verschil met de eerste invoer",
            explanation_nl=(
                "De twee invoeren verschillen. Bekijk het papier en kies welke invoer juist is."
            ),
        ),
        CountCode.W002: CodeInfo(
            severity="warning",
            article=_DOUBLE_ENTRY,
            title_nl="Opnieuw invoeren",
            explanation_nl="Dit veld wordt opnieuw ingevoerd door de typist.",
        ),
        CountCode.W201: CodeInfo(
            severity="warning",
            article=_VOTES,
            title_nl="Veel blanco stemmen",
            explanation_nl=(
                "Meer dan 3 % blanco stemmen. Controleer met het stembureau of dit juist is."
            ),
        ),
        CountCode.W202: CodeInfo(
            severity="warning",
            article=_VOTES,
            title_nl="Veel ongeldige stemmen",
            explanation_nl=(
                "Meer dan 3 % ongeldige stemmen. Controleer met het stembureau of dit juist is."
            ),
        ),
        CountCode.W203: CodeInfo(
            severity="warning",
            article=_DIFFERENCES,
            title_nl="Groot verschil tussen toegelaten kiezers en uitgebrachte stemmen",
            explanation_nl=(
                "Het verschil tussen D en H is 2 % of meer, of 15 of meer. Overweeg een onderzoek."
            ),
        ),
        CountCode.W204: CodeInfo(
            severity="warning",
            article=_VOTES,
            title_nl="Geen uitgebrachte stemmen",
            explanation_nl="Er zijn geen stemmen uitgebracht. Controleer of dit juist is.",
        ),
        CountCode.W205: CodeInfo(
            severity="warning",
            article=_TOTALS,
            title_nl="Aantal kiesgerechtigden is 0",
            explanation_nl="Het aantal kiesgerechtigden (Z) is 0 of niet ingevuld.",
        ),
        CountCode.W206: CodeInfo(
            severity="warning",
            article=_TOTALS,
            title_nl="Minder kiesgerechtigden dan geldige stempassen",
            explanation_nl=(
                "Het aantal kiesgerechtigden (Z) is kleiner dan het aantal geldige stempassen (A)."
            ),
        ),
    },
)
