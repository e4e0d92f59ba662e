"""The CSB departs from the proposal: the decision follows the CSB, with its reason.

Triggering and non-triggering cases for each refusal (no reason, unknown finding, twice, a
consequence the article does not allow, no change), and two properties for auditors.
"""

from __future__ import annotations

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from candidacy import (
    Code,
    Departure,
    DepartureError,
    DepartureProblem,
    Finding,
    Instead,
    SubmittedList,
    apply_decisions,
    check_lists,
    decide,
    propose_decisions,
)
from candidacy.departures import LAWFUL, lawful_departures, proposed_outcome
from tests.candidacy.builders import GR17, REGISTER, candidate, submitted
from tests.candidacy.strategies import submitted_lists

_REASON = "De instemmingsverklaring is op tijd ingeleverd, zie het ontvangstbewijs."


def _consent_missing() -> tuple[SubmittedList, tuple[Finding, ...]]:
    lst = submitted(candidates=(candidate(1), candidate(2, consent=False), candidate(3)))
    return lst, check_lists([lst], REGISTER, GR17)


def _keep(position: int = 2, reason: str = _REASON, **changes: object) -> Departure:
    base = Departure(
        code=Code.CONSENT_MISSING,
        list_key="1",
        position=position,
        instead=Instead.NOT_APPLICABLE,
        reason=reason,
    )
    return base.model_copy(update=changes)


def test_a_candidate_whose_consent_was_handed_in_in_time_is_kept() -> None:
    lst, findings = _consent_missing()
    [decision] = decide([lst], findings, departures=[_keep()])
    assert decision.struck == ()
    assert decision.departures == (_keep(),)
    [reason] = decision.reasons
    assert reason.startswith("K07 (art. H 9, I 2, I 6):")
    assert "wijkt af van het voorstel: de bevinding is niet van toepassing" in reason
    assert _REASON in reason
    [accepted] = apply_decisions([lst], [decision])
    assert len(accepted.candidates) == 3


def test_without_departures_the_decision_is_the_proposal() -> None:
    lst, findings = _consent_missing()
    assert decide([lst], findings) == propose_decisions([lst], findings)
    assert decide([lst], findings)[0].struck == (2,)


def test_the_csb_may_strike_a_candidate_whose_repair_it_finds_insufficient() -> None:
    lst, findings = _consent_missing()
    strike = _keep(instead=Instead.CANDIDATE_STRUCK, reason="Het herstel was onvolledig.")
    [decision] = decide([lst], findings, repaired=findings, departures=[strike])
    assert decision.struck == (2,)
    assert "de kandidaat wordt geschrapt (art. I 6)" in decision.reasons[0]


def test_the_csb_may_declare_a_list_invalid_that_it_finds_was_handed_in_late() -> None:
    lst = submitted(received_at=None)
    findings = check_lists([lst], REGISTER, GR17)
    [late] = [f for f in findings if f.code is Code.RECEIVED_OUT_OF_TIME]
    departure = Departure(
        code=late.code, list_key="1", instead=Instead.LIST_INVALID, reason="Ontvangen om 17.05 uur."
    )
    [decision] = decide([lst], findings, departures=[departure])
    assert decision.invalid
    assert apply_decisions([lst], [decision]) == ()


def test_a_departure_changes_only_its_own_list() -> None:
    lst, _ = _consent_missing()
    other = submitted(
        "2",
        party_name="Partij B",
        candidates=(candidate(4), candidate(5, consent=False), candidate(6)),
    )
    findings = check_lists([lst, other], REGISTER, GR17)
    proposal = propose_decisions([lst, other], findings)
    decided = decide([lst, other], findings, departures=[_keep()])
    assert decided[1] == proposal[1]
    assert decided[1].struck == (2,)
    assert decided[0].struck == ()


@pytest.mark.parametrize(
    ("departure", "problem"),
    [
        (_keep(reason="   "), DepartureProblem.NO_REASON),
        (_keep(position=3), DepartureProblem.UNKNOWN_FINDING),
        (_keep(list_key="9"), DepartureProblem.UNKNOWN_FINDING),
        (_keep(code=Code.AGENT_MISSING), DepartureProblem.UNKNOWN_FINDING),
        (_keep(instead=Instead.LIST_INVALID), DepartureProblem.NOT_LAWFUL),
        (_keep(instead=Instead.NAME_STRUCK), DepartureProblem.NOT_LAWFUL),
        (_keep(instead=Instead.CANDIDATE_STRUCK), DepartureProblem.NO_CHANGE),
    ],
)
def test_an_impossible_departure_is_refused(departure: Departure, problem: str) -> None:
    lst, findings = _consent_missing()
    with pytest.raises(DepartureError) as refused:
        decide([lst], findings, departures=[departure])
    assert refused.value.problem == problem
    assert "K07" in str(refused.value) or "K10" in str(refused.value)
    assert "ontvangstbewijs" not in str(refused.value)
    assert "Jansen" not in str(refused.value)


def test_a_finding_is_departed_from_once() -> None:
    lst, findings = _consent_missing()
    with pytest.raises(DepartureError, match="only once") as refused:
        decide([lst], findings, departures=[_keep(), _keep(reason="Nogmaals.")])
    assert refused.value.problem is DepartureProblem.TWICE


def test_a_warning_without_a_lawful_consequence_cannot_be_departed_from() -> None:
    lst = submitted(districts=("geen", "geen"))
    findings = check_lists([lst], REGISTER, GR17)
    [twice] = [f for f in findings if f.code is Code.DUPLICATE_DISTRICT]
    for instead in Instead:
        departure = Departure(code=twice.code, list_key="1", instead=instead, reason="Omdat.")
        with pytest.raises(DepartureError):
            decide([lst], findings, departures=[departure])


def test_a_reason_is_at_most_2000_characters() -> None:
    with pytest.raises(ValueError, match="2000"):
        _keep(reason="x" * 2001)


def _departure_for(finding: Finding, instead: Instead) -> Departure:
    return Departure(
        code=finding.code,
        list_key=finding.list_key,
        district=finding.district,
        position=finding.position,
        instead=instead,
        reason="Het centraal stembureau oordeelt anders.",
    )


def _lawful_alternatives(finding: Finding, repaired: list[Finding]) -> list[Instead]:
    proposed = proposed_outcome(finding, repaired)
    return [i for i in lawful_departures(finding) if i is not proposed]


def test_the_lawful_departures_follow_the_article_and_the_subject() -> None:
    _lst, findings = _consent_missing()
    assert lawful_departures(findings[0]) == (Instead.NOT_APPLICABLE, Instead.CANDIDATE_STRUCK)
    assert LAWFUL[Code.SUPPORT_SHORT] == {Instead.LIST_INVALID}
    assert Code.INCONSISTENT_MINORITY not in LAWFUL


@settings(max_examples=60, suppress_health_check=[HealthCheck.too_slow])
@given(submitted_lists(private=True, single_district=True), st.data())
def test_departures_change_only_the_decision_on_their_own_list(
    lists: list[SubmittedList], data: st.DataObject
) -> None:
    """Property (Kieswet I 4 to I 8, for auditors): the CSB's decisions are the proposal except
    where it departs. (1) Without departures, :func:`decide` equals :func:`propose_decisions`,
    for any lists and any set of repaired omissions. (2) One lawful departure from one finding
    leaves the decision on every other list exactly as proposed, and records the departure
    (with its reason) on its own list. (3) "Does not apply" decides the list as if that
    finding had not been made (apart from the reason lines)."""
    findings = check_lists(lists, {}, GR17)
    repaired = [f for f in findings if data.draw(st.booleans())]
    proposal = propose_decisions(lists, findings, repaired)
    assert decide(lists, findings, repaired) == proposal
    candidates = [f for f in findings if _lawful_alternatives(f, repaired)]
    if not candidates:
        return
    finding = data.draw(st.sampled_from(candidates))
    instead = data.draw(st.sampled_from(_lawful_alternatives(finding, repaired)))
    departure = _departure_for(finding, instead)
    decided = decide(lists, findings, repaired, [departure])
    for before, after in zip(proposal, decided, strict=True):
        if before.list_key != finding.list_key:
            assert after == before
        else:
            assert after.departures == (departure,)
            assert any(departure.reason in reason for reason in after.reasons)
    if instead is Instead.NOT_APPLICABLE:
        rest = [f for f in findings if not departure.names(f)]
        without = propose_decisions(lists, rest, repaired)
        fields = ("invalid", "invalid_districts", "struck", "name_struck")
        for a, b in zip(decided, without, strict=True):
            assert [getattr(a, n) for n in fields] == [getattr(b, n) for n in fields]
