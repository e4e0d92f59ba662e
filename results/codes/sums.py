"""OSV's own codes: a stated total against the sum of its parts (S.1xx), and parts that do not
fit together (S.2xx).

A municipality's total is compared with its polling stations (510b), a district's with its
municipalities (510c), the election's with its districts or reporting units (510d). Nothing in the
paper process has these rules because on paper the committee adds up itself; a file received from
elsewhere is added up again. They are OSV's, not the Kiesraad's: the article names the step of the
Kieswet whose stated totals they compare (the HSB adds up the municipalities, O 3; the CSB the
districts, P 1); the result is always computed from the totals as stated, never corrected.
"""

from __future__ import annotations

from collections.abc import Mapping

from results.codes.base import CodeInfo, RegisteredCode, register

__all__ = ["SUM_CODES", "SumCode"]

_SUMS = "OSV (the totals stated under Kieswet O 3 and P 1)"
_PARTS = "Hier tellen de onderdelen niet op tot het opgegeven totaal. De uitslag wordt berekend"
_AS_STATED = "uit het totaal zoals het is opgegeven; zoek uit welk getal juist is."


class SumCode(RegisteredCode):
    """A rule of a total and its parts; :data:`SUM_CODES` describes each."""

    S101 = "S.101"
    S102 = "S.102"
    S103 = "S.103"
    S104 = "S.104"
    S105 = "S.105"
    S106 = "S.106"
    S201 = "S.201"
    S202 = "S.202"


#: Every sum code with its severity, article, Dutch title and explanation, in code order.
SUM_CODES: Mapping[SumCode, CodeInfo] = register(
    SumCode,
    {
        SumCode.S101: CodeInfo(
            severity="warning",
            article=_SUMS,
            title_nl="Z is niet gelijk aan de som van de onderdelen",
            explanation_nl=(
                "Het opgegeven aantal kiesgerechtigden verschilt van de som van de onderdelen. "
                "Z is geen stem en komt vaak uit het register; alleen gemeld waar de onderdelen "
                "Z noemen."
            ),
        ),
        SumCode.S102: CodeInfo(
            severity="error",
            article=_SUMS,
            title_nl="E is niet gelijk aan de som van de onderdelen",
            explanation_nl=f"De stemmen op kandidaten (E): {_PARTS.lower()} {_AS_STATED}",
        ),
        SumCode.S103: CodeInfo(
            severity="error",
            article=_SUMS,
            title_nl="F of G is niet gelijk aan de som van de onderdelen",
            explanation_nl=f"De blanco (F) of ongeldige (G) stemmen: {_PARTS.lower()} {_AS_STATED}",
        ),
        SumCode.S104: CodeInfo(
            severity="error",
            article=_SUMS,
            title_nl=(
                "A, B, C, D, I, J of een verklaring is niet gelijk aan de som van de onderdelen"
            ),
            explanation_nl=(
                f"Een aantal kiezers (A, B, C, D), meer of minder getelde stembiljetten (I, J) of "
                f"een verklaring: {_PARTS.lower()} {_AS_STATED}"
            ),
        ),
        SumCode.S105: CodeInfo(
            severity="error",
            article=_SUMS,
            title_nl="Het totaal van een lijst is niet gelijk aan de som van de onderdelen",
            explanation_nl=f"De stemmen op een lijst (E.x): {_PARTS.lower()} {_AS_STATED}",
        ),
        SumCode.S106: CodeInfo(
            severity="error",
            article=_SUMS,
            title_nl="De stemmen van een kandidaat zijn niet gelijk aan de som van de onderdelen",
            explanation_nl=f"De stemmen op een kandidaat: {_PARTS.lower()} {_AS_STATED}",
        ),
        SumCode.S201: CodeInfo(
            severity="error",
            article=_SUMS,
            title_nl="Het totaal en de onderdelen hebben verschillende lijsten of kandidaten",
            explanation_nl=(
                "Het totaal en de onderdelen horen niet bij dezelfde kandidatenlijsten: de "
                "bevinding noemt de lijsten of kandidaten die verschillen. Controleer of de "
                "bestanden bij dezelfde verkiezing horen."
            ),
        ),
        SumCode.S202: CodeInfo(
            severity="error",
            article=_SUMS,
            title_nl="Twee onderdelen met hetzelfde nummer",
            explanation_nl=(
                "Een stembureau of gemeente komt meer dan eens voor in één bestand; de stemmen "
                "worden elke keer opgeteld. Zoek uit welke telling juist is."
            ),
        ),
    },
)
