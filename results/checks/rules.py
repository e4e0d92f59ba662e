"""The consistency rules of data entry, evaluated on one entry (counts-and-checks.md §5).

:func:`check_entry` runs every rule that applies to the entry's paper form
(:attr:`~results.checks.codes.CheckRule.models`) and returns the :class:`EntryFindings`, with
the precedence of §5.4: F.204 suppresses F.202 and F.203; F.401 for a list suppresses F.402 and
F.403 for that list; W.205 suppresses W.206; everything else is reported independently.

An empty box counts as 0 in arithmetic; "filled" means not empty and not 0. A question block
absent from the entry (a page never saved: ``cso``, ``dso``, the D/H tick boxes, "fully
explained") is unanswered, exactly as the block with nothing ticked. The percentage rules
are in integers (100 · F ≥ 3 · H is "F ≥ 3 % of H"), never in floating point. The entry is
assumed to have passed :func:`results.checks.validate.validate_entry`.
"""

from __future__ import annotations

from collections.abc import Iterator

from osv.model.entry import CountEntry, CsoQuestions, DsoQuestions, YesNo
from results.checks.codes import CHECK_RULES
from results.checks.findings import EntryFinding, EntryFindings
from results.codes import CountCode

__all__ = ["check_entry"]

_A = "voters.poll_card_count"
_B = "voters.proxy_certificate_count"
_C = "voters.voter_card_count"
_D = "voters.total_admitted_voters_count"
_E = "votes.total_votes_candidates_count"
_F = "votes.blank_votes_count"
_G = "votes.invalid_votes_count"
_H = "votes.total_votes_cast_count"
_I = "differences.more_ballots_count"
_J = "differences.fewer_ballots_count"
_Z = "eligible_voters"
_COMPARE = "differences.compare_d_h"
_EXPLAINED = "differences.difference_fully_explained"


def _n(value: int | None) -> int:
    return value or 0


def _filled(value: int | None) -> bool:
    return bool(value)


def check_entry(entry: CountEntry) -> EntryFindings:
    """Every finding of ``entry`` under the rules of its paper form, sorted by code and list.

    The rules read the whole entry (:meth:`~osv.model.entry.CountEntry.whole`): a question
    block never saved is unanswered, so F.111, F.121, F.304, F.310 and the others fire.
    """
    entry = entry.whole()
    model = entry.model
    found = [
        finding
        for group in (_questions(entry), _totals(entry), _differences(entry), _pages(entry))
        for finding in group
        if model in CHECK_RULES[finding.code].models
    ]
    found += [f for f in _warnings(entry) if model in CHECK_RULES[f.code].models]
    return EntryFindings.of(found)


def _questions(entry: CountEntry) -> Iterator[EntryFinding]:
    if entry.cso is not None:
        yield from _cso(entry.cso)
    if entry.dso is not None:
        yield from _dso(entry.dso, entry.differences.difference_fully_explained)


def _cso(cso: CsoQuestions) -> Iterator[EntryFinding]:
    """F.101, F.102 (B1-1 extra investigation), F.111, F.112 (B1-2 differences)."""
    first = ("cso.extra_investigation_other_reason", cso.extra_investigation_other_reason)
    second = (
        "cso.ballots_recounted_extra_investigation",
        cso.ballots_recounted_extra_investigation,
    )
    if first[1].is_empty != second[1].is_empty:  # both empty is allowed
        yield EntryFinding(CountCode.F101, (first[0], second[0]))
    both = tuple(path for path, answer in (first, second) if answer.is_both)
    if both:
        yield EntryFinding(CountCode.F102, both)
    b12 = (
        (
            "cso.difference_ballots_voters_fully_explained",
            cso.difference_ballots_voters_fully_explained,
        ),
        ("cso.difference_ballots_per_list", cso.difference_ballots_per_list),
    )
    empty = tuple(path for path, answer in b12 if answer.is_empty)
    if empty:
        yield EntryFinding(CountCode.F111, empty)
    both = tuple(path for path, answer in b12 if answer.is_both)
    if both:
        yield EntryFinding(CountCode.F112, both)


def _dso(dso: DsoQuestions, explained: YesNo | None) -> Iterator[EntryFinding]:
    """F.121, F.122 ("Over het proces-verbaal"), F.131–F.135 ("Controles en correcties"), F.311."""
    about = ("dso.corrigendum_present", "dso.checks_and_corrections_present")
    if dso.corrigendum_present is None or dso.checks_and_corrections_present is None:
        yield EntryFinding(CountCode.F121, about)
    two = dso.corrigendum_present == "TwoDocuments"
    if two and dso.checks_and_corrections_present == "PageMissing":
        yield EntryFinding(CountCode.F122, about)
    corrected = dso.corrected_results_own_initiative
    reason = dso.reason_own_initiative
    if dso.checks_and_corrections_present == "PagePresent":
        missing = []
        if not reason.unexplained_difference and not reason.other_error:
            missing.append("dso.reason_own_initiative")
        if corrected.is_empty:
            missing.append("dso.corrected_results_own_initiative")
        if missing:
            yield EntryFinding(CountCode.F131, tuple(missing))
        fields = ("dso.corrected_results_own_initiative", "dso.corrigendum_present")
        if corrected.no and not corrected.yes and two:
            yield EntryFinding(CountCode.F132, fields)
        if corrected.yes and not corrected.no and dso.corrigendum_present == "OneDocument":
            yield EntryFinding(CountCode.F133, fields)
        if corrected.is_both:
            yield EntryFinding(CountCode.F134, ("dso.corrected_results_own_initiative",))
        if not dso.corrected_results_csb_request.is_empty:
            yield EntryFinding(CountCode.F135, ("dso.corrected_results_csb_request",))
    not_explained = explained is not None and explained.no and not explained.yes
    if not_explained and not reason.unexplained_difference:
        yield EntryFinding(CountCode.F311, (_EXPLAINED, "dso.reason_own_initiative"))


def _totals(entry: CountEntry) -> Iterator[EntryFinding]:
    """F.201 (A + B + C = D), F.202 (Σ E.x = E), F.203 (E + F + G = H), F.204 (E filled)."""
    voters, votes = entry.voters, entry.votes
    admitted = _n(voters.poll_card_count) + _n(voters.proxy_certificate_count)
    admitted += _n(voters.voter_card_count)
    if admitted != _n(voters.total_admitted_voters_count):
        fields = (_A, _B, _C, _D) if voters.voter_card_count is not None else (_A, _B, _D)
        yield EntryFinding(CountCode.F201, fields)
    list_sum = sum(_n(total.total) for total in votes.list_totals)
    list_fields = tuple(f"votes.list_totals[{i}].total" for i in range(len(votes.list_totals)))
    if list_sum > 0 and not _filled(votes.total_votes_candidates_count):
        yield EntryFinding(CountCode.F204, (*list_fields, _E))
        return  # F.204 suppresses F.202 and F.203 (§5.4)
    if list_sum != _n(votes.total_votes_candidates_count):
        yield EntryFinding(CountCode.F202, (*list_fields, _E))
    cast = _n(votes.total_votes_candidates_count) + _n(votes.blank_votes_count)
    cast += _n(votes.invalid_votes_count)
    if cast != _n(votes.total_votes_cast_count):
        yield EntryFinding(CountCode.F203, (_E, _F, _G, _H))


def _differences(entry: CountEntry) -> Iterator[EntryFinding]:
    """F.301–F.310 on a polling station's form; F.312 on committee totals."""
    d = _n(entry.voters.total_admitted_voters_count)
    h = _n(entry.votes.total_votes_cast_count)
    diff = entry.differences
    i, j = diff.more_ballots_count, diff.fewer_ballots_count
    if entry.model.is_totals:
        if d != h - _n(i) + _n(j):
            yield EntryFinding(CountCode.F312, (_D, _H, _I, _J))
        return
    compare = diff.compare_d_h
    ticks = (
        (
            (compare.admitted_voters_equal_votes_cast, CountCode.F301, d != h),
            (compare.votes_cast_greater_than_admitted_voters, CountCode.F302, h <= d),
            (compare.votes_cast_smaller_than_admitted_voters, CountCode.F303, h >= d),
        )
        if compare is not None
        else ()
    )
    for ticked, code, wrong in ticks:
        if ticked and wrong:
            yield EntryFinding(code, (_COMPARE,))
    if sum(1 for ticked, _, _ in ticks if ticked) != 1:
        yield EntryFinding(CountCode.F304, (_COMPARE,))
    # F.305–F.309 use the real relation of D and H, not the ticked box.
    if d == h and (_filled(i) or _filled(j)):
        yield EntryFinding(CountCode.F305, tuple(p for p, v in ((_I, i), (_J, j)) if _filled(v)))
    if h > d:
        if _n(i) != h - d:
            yield EntryFinding(CountCode.F306, (_I,))
        if _filled(j):
            yield EntryFinding(CountCode.F307, (_J,))
    if h < d:
        if _n(j) != d - h:
            yield EntryFinding(CountCode.F308, (_J,))
        if _filled(i):
            yield EntryFinding(CountCode.F309, (_I,))
    explained = diff.difference_fully_explained
    if d != h and (explained is None or not explained.is_answered):
        yield EntryFinding(CountCode.F310, (_EXPLAINED,))


def _pages(entry: CountEntry) -> Iterator[EntryFinding]:
    """F.401–F.403: each list's candidate page against its candidates and its E.x."""
    totals = {total.number: total.total for total in entry.votes.list_totals}
    positions = {total.number: i for i, total in enumerate(entry.votes.list_totals)}
    for index, page in enumerate(entry.lists):
        number = page.number
        path = f"lists[{index}].page_total"
        list_total = totals.get(number)
        has_votes = any(_filled(v) for v in page.candidate_votes) or _filled(list_total)
        if has_votes and not _filled(page.page_total):
            yield EntryFinding(CountCode.F401, (path,), number)
            continue  # F.401 suppresses F.402 and F.403 for this list (§5.4)
        if _n(page.page_total) != page.candidate_sum:
            yield EntryFinding(CountCode.F402, (f"lists[{index}]", path), number)
        if number in totals and _n(page.page_total) != _n(list_total):
            e_x = f"votes.list_totals[{positions[number]}].total"
            yield EntryFinding(CountCode.F403, (e_x, path), number)


def _warnings(entry: CountEntry) -> Iterator[EntryFinding]:
    """W.201–W.206, in integer arithmetic."""
    votes = entry.votes
    h = _n(votes.total_votes_cast_count)
    d = _n(entry.voters.total_admitted_voters_count)
    if h > 0 and 100 * _n(votes.blank_votes_count) >= 3 * h:
        yield EntryFinding(CountCode.W201, (_F,))
    if h > 0 and 100 * _n(votes.invalid_votes_count) >= 3 * h:
        yield EntryFinding(CountCode.W202, (_G,))
    if d != h and (100 * abs(d - h) >= 2 * h or abs(d - h) >= 15):
        yield EntryFinding(CountCode.W203, (_D, _H))
    if h == 0:
        yield EntryFinding(CountCode.W204, (_H,))
    z = _n(entry.eligible_voters)
    if z == 0:
        yield EntryFinding(CountCode.W205, (_Z,))
    elif z < _n(entry.voters.poll_card_count):
        yield EntryFinding(CountCode.W206, (_Z, _A))
