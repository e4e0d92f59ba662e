"""Hard limits: an entry that does not fit its election or its paper form is refused, not checked.

These are structural errors (counts-and-checks.md §3): the web form makes them impossible, and a
request or file that has them anyway is refused with :class:`EntryInputError` before any rule
runs, so nothing is stored. Numbers outside 0 … 999,999,999, non-integers and booleans are
already refused when a :class:`~osv.model.entry.CountEntry` is built; here:

* the lists must be exactly the election's, in increasing order, on the counts page and as
  candidate pages; each candidate page must have one box per candidate of the list;
* box C (voter cards) is refused for a municipal council election (GR), where voters cannot use
  a voter card; for other elections an empty C is an empty box, like any other;
* Z (eligible voters) is refused on a polling station's form (it is on committee totals only);
* the D/H tick boxes and "fully explained" are on polling stations' forms only;
* the questions of a first session (B1-1/B1-2 of a central count, "Over het proces-verbaal" and
  "Controles en correcties" of a decentral count) only on that form; and answers on the page
  "Controles en correcties" while that page is marked missing are refused;
* the form must be the one the source expects (a central count's first session cannot be typed
  on a decentral form).
"""

from __future__ import annotations

from dataclasses import dataclass
from itertools import pairwise

from osv.errors import OSVError
from osv.model import ElectionCategory
from osv.model.entry import CountEntry, DsoQuestions, EntryModel, OwnInitiativeReason, YesNo

__all__ = ["EntryInputError", "EntryShape", "validate_entry"]


class EntryInputError(OSVError, ValueError):
    """An entry breaks a hard limit: it does not fit its election or its form. Nothing is stored.

    :param problems: one sentence per problem, each naming the box or list.
    """

    def __init__(self, problems: list[str]) -> None:
        self.problems = tuple(problems)
        super().__init__("; ".join(problems))


@dataclass(frozen=True)
class EntryShape:
    """What an entry of one election must look like.

    :param category: the election's category (GR has no box C).
    :param lists: per list in increasing order, its number and its number of candidates.
    """

    category: ElectionCategory
    lists: tuple[tuple[int, int], ...]


def validate_entry(
    entry: CountEntry, shape: EntryShape | None = None, *, expected: EntryModel | None = None
) -> None:
    """Refuse an entry that breaks a hard limit.

    :param entry: the entry as typed in.
    :param shape: the election, when known; without it only the entry's own structure is checked.
    :param expected: the form the source expects, when known.
    :raises EntryInputError: naming every problem found.
    """
    problems: list[str] = []
    if expected is not None and entry.model is not expected:
        problems.append(
            f"the form is {entry.model.value}, but this source expects {expected.value}"
        )
    problems += _lists(entry, shape)
    problems += _sections(entry)
    municipal = shape is not None and shape.category is ElectionCategory.GR
    if municipal and entry.voters.voter_card_count is not None:
        problems.append(
            "voters.voter_card_count: a municipal council election has no voter cards (C)"
        )
    if problems:
        raise EntryInputError(problems)


def _lists(entry: CountEntry, shape: EntryShape | None) -> list[str]:
    problems: list[str] = []
    totals = [total.number for total in entry.votes.list_totals]
    pages = [page.number for page in entry.lists]
    for what, numbers in (("votes.list_totals", totals), ("lists", pages)):
        if any(b <= a for a, b in pairwise(numbers)):
            problems.append(f"{what}: list numbers must increase, found {_join(numbers)}")
    if shape is None:
        if totals != pages:
            problems.append(
                f"the counts page has lists {_join(totals)}, the candidate pages {_join(pages)}"
            )
        return problems
    expected = [number for number, _ in shape.lists]
    for what, numbers in (("votes.list_totals", totals), ("lists", pages)):
        if numbers != expected:
            missing = sorted(set(expected) - set(numbers))
            extra = sorted(set(numbers) - set(expected))
            detail = ", ".join(
                part
                for part in (
                    f"missing {_join(missing)}" if missing else "",
                    f"not in the election {_join(extra)}" if extra else "",
                )
                if part
            )
            problems.append(
                f"{what}: expected lists {_join(expected)}, found {_join(numbers)}"
                + (f" ({detail})" if detail else "")
            )
    sizes = dict(shape.lists)
    for index, page in enumerate(entry.lists):
        size = sizes.get(page.number)
        if size is not None and len(page.candidate_votes) != size:
            problems.append(
                f"lists[{index}]: list {page.number} has {size} candidates, the entry has "
                f"{len(page.candidate_votes)} candidate boxes"
            )
    return problems


def _sections(entry: CountEntry) -> list[str]:
    model = entry.model
    problems: list[str] = []
    if model.is_totals:
        if entry.differences.compare_d_h is not None:
            problems.append("differences.compare_d_h: committee totals have no D/H tick boxes")
        if entry.differences.difference_fully_explained is not None:
            problems.append(
                "differences.difference_fully_explained: not a question of committee totals"
            )
    elif entry.eligible_voters is not None:
        problems.append(
            f"eligible_voters: Z is not on a polling station's form ({model.value}); it is "
            "entered with a committee's totals"
        )
    if entry.cso is not None and model is not EntryModel.CSO_FIRST_SESSION:
        problems.append(f"cso: the questions B1-1 and B1-2 are not on the form {model.value}")
    if entry.dso is not None:
        if model is not EntryModel.DSO_FIRST_SESSION:
            problems.append(
                f"dso: the questions about the proces-verbaal are not on the form {model.value}"
            )
        elif entry.dso.checks_and_corrections_present == "PageMissing" and _page_answered(
            entry.dso
        ):
            problems.append(
                "dso: answers on the page 'Controles en correcties' while the page is marked "
                "missing"
            )
    return problems


def _page_answered(dso: DsoQuestions) -> bool:
    return (
        dso.reason_own_initiative != OwnInitiativeReason()
        or dso.corrected_results_own_initiative != YesNo()
        or dso.corrected_results_csb_request != YesNo()
    )


def _join(numbers: list[int]) -> str:
    return ", ".join(str(n) for n in numbers) or "none"
