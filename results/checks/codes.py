"""The consistency rules of data entry: every code, where it applies, and its texts.

The codes, their severity, article, Dutch title and the coordinator's explanation are the
registry's (:class:`results.codes.CountCode`); a rule here adds what data entry needs: the paper
forms it is evaluated on, its condition in the letters of the paper model, and the text for the
typist. Each rule has two Dutch texts, because two people read it:

* the **typist** (invoerder), who only has to check that the screen says what the paper says,
  and may then continue: an error is never the typist's to solve;
* the **coordinator**, who decides what happens: return the entry, have the count investigated,
  or ask the Kiesraad. The text (the code's explanation) names the part of the paper form to
  look at.
"""

from __future__ import annotations

from dataclasses import dataclass

from osv.model.entry import EntryModel
from results.codes import CountCode, Severity

__all__ = ["CHECK_RULES", "CheckRule", "models_of"]

_CSO1 = EntryModel.CSO_FIRST_SESSION
_CSON = EntryModel.CSO_NEXT_SESSION
_DSO1 = EntryModel.DSO_FIRST_SESSION
_DSON = EntryModel.DSO_NEXT_SESSION
_TOTALS = (EntryModel.GSB_TOTALS, EntryModel.HSB_TOTALS)
_STATIONS = (_CSO1, _CSON, _DSO1, _DSON)
_ALL = (*_STATIONS, *_TOTALS)
_CHECK = "Controleer of je hebt ingevoerd wat op het papier staat. Klopt het? Ga dan verder."


@dataclass(frozen=True, kw_only=True)
class CheckRule:
    """One rule of data entry.

    :param code: the registered code; it gives the severity, title and coordinator's text.
    :param models: the paper forms it is evaluated on (§5.3); empty for the entry-process
        warnings W.001 and W.002, which apply to second and correction entries of every form.
    :param rule: the condition, in the letters of the paper model (English, as in the docs).
    :param typist: the Dutch text for the typist.
    """

    code: CountCode
    models: tuple[EntryModel, ...]
    rule: str
    typist: str = _CHECK

    @property
    def severity(self) -> Severity:
        """``error`` (blocks a definitive result) or ``warning`` (needs a look and, before the
        session is finished, the coordinator's explanation)."""
        return self.code.severity

    @property
    def title(self) -> str:
        """The short Dutch title, shown next to the code."""
        return self.code.title_nl

    @property
    def coordinator(self) -> str:
        """The Dutch text for the coordinator."""
        return self.code.explanation_nl


#: The rules of data entry, in code order.
_RULES = (
    CheckRule(
        code=CountCode.F101,
        models=(_CSO1,),
        rule="B1-1: one question has a tick and the other none",
    ),
    CheckRule(
        code=CountCode.F102,
        models=(_CSO1,),
        rule="B1-1: yes and no both ticked",
    ),
    CheckRule(
        code=CountCode.F111,
        models=(_CSO1,),
        rule="B1-2: a question not answered",
    ),
    CheckRule(
        code=CountCode.F112,
        models=(_CSO1,),
        rule="B1-2: yes and no both ticked",
    ),
    CheckRule(
        code=CountCode.F121,
        models=(_DSO1,),
        rule="'Over het proces-verbaal': not both questions answered",
    ),
    CheckRule(
        code=CountCode.F122,
        models=(_DSO1,),
        rule="corrigendum present but the page 'Controles en correcties' missing",
    ),
    CheckRule(
        code=CountCode.F131,
        models=(_DSO1,),
        rule="'Controles en correcties': no reason ticked, or the correction question empty",
    ),
    CheckRule(
        code=CountCode.F132,
        models=(_DSO1,),
        rule="not corrected after the own investigation, yet a corrigendum is present",
    ),
    CheckRule(
        code=CountCode.F133,
        models=(_DSO1,),
        rule="corrected after the own investigation, but no corrigendum",
    ),
    CheckRule(
        code=CountCode.F134,
        models=(_DSO1,),
        rule="yes and no both ticked on the correction question",
    ),
    CheckRule(
        code=CountCode.F135,
        models=(_DSO1,),
        rule="corrected at the CSB's request answered in a first session",
    ),
    CheckRule(
        code=CountCode.F201,
        models=_ALL,
        rule="A + B (+ C) ≠ D",
    ),
    CheckRule(
        code=CountCode.F202,
        models=_ALL,
        rule="E.1 + … + E.n ≠ E",
    ),
    CheckRule(
        code=CountCode.F203,
        models=_ALL,
        rule="E + F + G ≠ H",
    ),
    CheckRule(
        code=CountCode.F204,
        models=_ALL,
        rule="E.1 + … + E.n > 0 and E empty",
    ),
    CheckRule(
        code=CountCode.F301,
        models=_STATIONS,
        rule="'D = H' ticked and D ≠ H",
    ),
    CheckRule(
        code=CountCode.F302,
        models=_STATIONS,
        rule="'H > D' ticked and H ≤ D",
    ),
    CheckRule(
        code=CountCode.F303,
        models=_STATIONS,
        rule="'H < D' ticked and H ≥ D",
    ),
    CheckRule(
        code=CountCode.F304,
        models=_STATIONS,
        rule="not exactly one of 'D = H', 'H > D', 'H < D' ticked",
    ),
    CheckRule(
        code=CountCode.F305,
        models=_STATIONS,
        rule="D = H and I or J filled",
    ),
    CheckRule(
        code=CountCode.F306,
        models=_STATIONS,
        rule="H > D and I ≠ H − D",
    ),
    CheckRule(
        code=CountCode.F307,
        models=_STATIONS,
        rule="H > D and J filled",
    ),
    CheckRule(
        code=CountCode.F308,
        models=_STATIONS,
        rule="H < D and J ≠ D − H",
    ),
    CheckRule(
        code=CountCode.F309,
        models=_STATIONS,
        rule="H < D and I filled",
    ),
    CheckRule(
        code=CountCode.F310,
        models=_STATIONS,
        rule="D ≠ H and 'difference fully explained' empty or both ticked",
    ),
    CheckRule(
        code=CountCode.F311,
        models=(_DSO1,),
        rule="difference not fully explained and 'unexplained difference' not ticked as reason",
    ),
    CheckRule(
        code=CountCode.F312,
        models=_TOTALS,
        rule="D ≠ H − I + J",
    ),
    CheckRule(
        code=CountCode.F401,
        models=_ALL,
        rule="a list has votes but its candidate page total is empty",
    ),
    CheckRule(
        code=CountCode.F402,
        models=_ALL,
        rule="candidate page total ≠ the sum of the candidates' votes",
    ),
    CheckRule(
        code=CountCode.F403,
        models=_ALL,
        rule="candidate page total ≠ E.x",
    ),
    CheckRule(
        code=CountCode.W001,
        models=(),
        rule="second entry: the field differs from the first entry",
        typist=(
            "Dit veld verschilt van de eerste invoer. Controleer of je hebt ingevoerd wat op "
            "het papier staat."
        ),
    ),
    CheckRule(
        code=CountCode.W002,
        models=(),
        rule="correction entry: the field was cleared and must be entered again",
        typist=(
            "De coördinator heeft dit veld leeggemaakt. Voer het opnieuw in zoals het op het "
            "papier staat."
        ),
    ),
    CheckRule(
        code=CountCode.W201,
        models=_STATIONS,
        rule="H > 0 and blank votes ≥ 3 % of H",
    ),
    CheckRule(
        code=CountCode.W202,
        models=_STATIONS,
        rule="H > 0 and invalid votes ≥ 3 % of H",
    ),
    CheckRule(
        code=CountCode.W203,
        models=_STATIONS,
        rule="D ≠ H and (|D − H| ≥ 2 % of H or |D − H| ≥ 15)",
    ),
    CheckRule(
        code=CountCode.W204,
        models=_ALL,
        rule="H = 0",
    ),
    CheckRule(
        code=CountCode.W205,
        models=_TOTALS,
        rule="Z = 0",
    ),
    CheckRule(
        code=CountCode.W206,
        models=_TOTALS,
        rule="Z < A",
    ),
)


#: Every rule of data entry, by code, in code order.
CHECK_RULES: dict[str, CheckRule] = {rule.code: rule for rule in _RULES}
if list(CHECK_RULES) != list(CountCode):
    raise ValueError("every count code has exactly one rule of data entry, in code order")


def models_of(code: str) -> tuple[EntryModel, ...]:
    """The paper forms rule ``code`` is evaluated on (empty: every second or correction entry)."""
    return CHECK_RULES[code].models
