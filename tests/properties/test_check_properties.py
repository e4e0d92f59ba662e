"""Properties of the data-entry checks (``results.checks``), for auditors.

A generator writes consistent paper forms of every model (tests/checks/entries.py does the
arithmetic a correct form has: lists from candidates, E, H = E + F + G, I or J from H − D with
the right tick box, A + B + C = D). The properties: such a form has no error; one box changed by a
typing mistake gives exactly the errors that the rules of counts-and-checks.md §5 name for that
box, no more and no fewer; the checks give the same answer whatever the numbers' size; and a
question block never saved counts as that block left empty.
docs/auditing.md lists them with the other properties.
"""

from __future__ import annotations

from typing import Any

from hypothesis import given
from hypothesis import strategies as st

from osv.model.entry import CompareDH, CountEntry, CsoQuestions, DsoQuestions, EntryModel, YesNo
from results.checks import check_entry, validate_entry
from results.entry.compare import differing_fields
from tests.checks.entries import change, consistent_data


@st.composite
def forms(draw: st.DrawFn) -> tuple[EntryModel, dict[str, Any], int]:
    """A consistent form: its model, its JSON data and its H − D."""
    model = draw(st.sampled_from(list(EntryModel)))
    numbers = sorted(draw(st.sets(st.integers(1, 30), min_size=1, max_size=6)))
    votes = st.integers(0, 5_000)
    candidates = {n: draw(st.lists(votes, min_size=1, max_size=8)) for n in numbers}
    blank, invalid = draw(votes), draw(votes)
    cast = sum(sum(v) for v in candidates.values()) + blank + invalid
    difference = draw(st.integers(-40, min(cast, 40)))
    admitted = cast - difference
    proxies = draw(st.integers(0, admitted))
    data = consistent_data(
        model,
        candidates=candidates,
        blank=blank,
        invalid=invalid,
        difference=difference,
        proxies=proxies,
        eligible=draw(st.integers(0, 20_000)),
    )
    return model, data, difference


#: The question blocks of a paper form that may be absent from an entry (never saved), with
#: the forms that have them and the block as the paper has it before anything is ticked.
_BLOCKS: dict[str, tuple[tuple[EntryModel, ...], dict[str, Any]]] = {
    "cso": ((EntryModel.CSO_FIRST_SESSION,), CsoQuestions().model_dump(mode="json")),
    "dso": ((EntryModel.DSO_FIRST_SESSION,), DsoQuestions().model_dump(mode="json")),
    "differences.compare_d_h": (
        tuple(m for m in EntryModel if not m.is_totals),
        CompareDH().model_dump(mode="json"),
    ),
    "differences.difference_fully_explained": (
        tuple(m for m in EntryModel if not m.is_totals),
        YesNo().model_dump(mode="json"),
    ),
}


@given(forms(), st.data())
def test_a_block_never_saved_is_the_same_as_a_block_left_empty(
    form: tuple[EntryModel, dict[str, Any], int], data: st.DataObject
) -> None:
    """Property "missing is empty" (issue 15, defect 2): every rule runs on the whole entry.
    Any question blocks of the form left out of an entry (a page never saved) give exactly the
    findings of the same entry with those blocks present and nothing ticked, on every model;
    the rules of the blocks (F.111, F.121, F.304, F.310, …) fire on both, and the two entries
    do not differ when compared."""
    model, form_data, _ = form
    own = [path for path, (models, _) in _BLOCKS.items() if model in models]
    chosen = data.draw(st.lists(st.sampled_from(own), unique=True, min_size=1)) if own else []
    missing, empty = CountEntry.model_validate(form_data), CountEntry.model_validate(form_data)
    for path in chosen:
        missing = change(missing, path, None)
        empty = change(empty, path, _BLOCKS[path][1])
    validate_entry(empty)
    assert check_entry(missing) == check_entry(empty)
    assert differing_fields(missing, empty) == ()  # two typists who left it empty agree


def _errors(entry: CountEntry) -> set[str]:
    return {finding.code for finding in check_entry(entry).errors}


@given(forms())
def test_a_consistent_form_has_no_errors(form: tuple[EntryModel, dict[str, Any], int]) -> None:
    """A form whose numbers agree as a correct paper form's do has no F-code, on every model."""
    _, data, _ = form
    assert _errors(CountEntry.model_validate(data)) == set()


_BOXES = st.sampled_from(
    [
        "voters.poll_card_count",
        "voters.proxy_certificate_count",
        "voters.total_admitted_voters_count",
        "votes.list_totals[0].total",
        "votes.total_votes_candidates_count",
        "votes.blank_votes_count",
        "votes.invalid_votes_count",
        "votes.total_votes_cast_count",
        "differences.more_ballots_count",
        "differences.fewer_ballots_count",
        "lists[0].candidate_votes[0]",
        "lists[0].page_total",
    ]
)


@given(forms(), _BOXES, st.integers(1, 1_000))
def test_one_mistyped_box_gives_exactly_its_errors(
    form: tuple[EntryModel, dict[str, Any], int], box: str, delta: int
) -> None:
    """Raising one box by ``delta`` gives exactly the F-codes the rules name for that box."""
    model, data, difference = form
    entry = CountEntry.model_validate(data)
    value = _get(entry, box)
    changed = change(entry, box, (value or 0) + delta)
    page_total = entry.lists[0].page_total or 0
    assert _errors(changed) == _expected(model, box, difference, delta, page_total)


def _expected(
    model: EntryModel, box: str, difference: int, delta: int, page_total: int
) -> set[str]:
    """The errors of raising ``box``, by the rules of counts-and-checks.md §5 (not by the code).

    ``page_total`` is the first list's candidate-page total: when it is 0 (a list without
    votes), votes appearing on that list make it an empty total, F.401, which stands in for
    F.402 and F.403 of that list (§5.4).
    """
    station = not model.is_totals
    if box in ("voters.poll_card_count", "voters.proxy_certificate_count"):
        return {"F.201"}
    if box == "votes.list_totals[0].total":
        return {"F.202", "F.401" if page_total == 0 else "F.403"}
    if box == "votes.total_votes_candidates_count":
        return {"F.202", "F.203"}
    if box in ("votes.blank_votes_count", "votes.invalid_votes_count"):
        return {"F.203"}
    if box == "lists[0].candidate_votes[0]":
        return {"F.401" if page_total == 0 else "F.402"}
    if box == "lists[0].page_total":
        return {"F.402", "F.403"}
    if box == "voters.total_admitted_voters_count":
        moved = _difference_errors(difference, up=False, delta=delta) if station else {"F.312"}
        return {"F.201"} | moved
    if box == "votes.total_votes_cast_count":
        moved = _difference_errors(difference, up=True, delta=delta) if station else {"F.312"}
        return {"F.203"} | moved
    if not station:
        return {"F.312"}  # I or J of committee totals
    if box == "differences.more_ballots_count":
        return {"F.305"} if difference == 0 else {"F.306"} if difference > 0 else {"F.309"}
    return {"F.305"} if difference == 0 else {"F.307"} if difference > 0 else {"F.308"}


def _difference_errors(old: int, *, up: bool, delta: int) -> set[str]:
    """F.301–F.310 on a station's form whose tick box, I, J and "fully explained" were written
    for H − D = ``old``, after H (``up``) or D went up by ``delta``: the rules of §5.1 read off
    for the new H − D."""
    new = old + delta if up else old - delta
    i = old if old > 0 else 0  # I as written
    j = -old if old < 0 else 0  # J as written
    errors = set()
    if old == 0 and new != 0:
        errors.add("F.301")  # "D = H" ticked
    if old > 0 and new <= 0:
        errors.add("F.302")  # "H > D" ticked
    if old < 0 and new >= 0:
        errors.add("F.303")  # "H < D" ticked
    if new == 0 and (i or j):
        errors.add("F.305")
    if new > 0 and i != new:
        errors.add("F.306")
    if new > 0 and j:
        errors.add("F.307")
    if new < 0 and j != -new:
        errors.add("F.308")
    if new < 0 and i:
        errors.add("F.309")
    if new != 0 and old == 0:
        errors.add("F.310")  # "fully explained" left empty when D = H
    return errors


def _get(entry: CountEntry, box: str) -> int | None:
    target: Any = entry.model_dump(mode="json")
    for piece in box.split("."):
        name, *indexes = piece.replace("]", "").split("[")
        target = target[name]
        for index in indexes:
            target = target[int(index)]
    return target  # type: ignore[no-any-return]
