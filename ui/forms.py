"""The data-entry pages of a paper form, and turning a posted page back into a form.

A page lists the boxes of one part of the paper model in paper order; every box is named by its
JSON path in :class:`~osv.model.entry.CountEntry` (``voters.poll_card_count``,
``lists[2].candidate_votes[0]``), the same paths the findings and differences use, so a page
can mark the boxes a finding names. This module only parses and lays out: the rules are in
``results.checks`` and the workflow in ``osv.service.entry``.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from typing import Any, Literal

from osv.model.base import Frozen
from osv.model.entry import CompareDH, CountEntry, CsoQuestions, DsoQuestions, EntryModel, YesNo
from results.checks import EntryFinding

__all__ = [
    "Field",
    "FormError",
    "Page",
    "apply_page",
    "field_labels",
    "findings_on",
    "label_of",
    "marks",
    "pages_of",
    "value_at",
]

Kind = Literal["number", "check", "yesno", "choice"]


class FormError(ValueError):
    """Boxes of a posted page that are not numbers: path → Dutch message."""

    def __init__(self, problems: dict[str, str]) -> None:
        super().__init__("; ".join(f"{p}: {m}" for p, m in problems.items()))
        self.problems = problems


@dataclass(frozen=True)
class Field:
    """One box or question of a page."""

    path: str
    label: str
    kind: Kind = "number"
    letter: str = ""
    choices: tuple[tuple[str, str], ...] = ()


@dataclass(frozen=True)
class Page:
    """One page of the entry screens."""

    slug: str
    title: str
    fields: tuple[Field, ...]

    def owns(self, path: str) -> bool:
        """Whether ``path`` (of a finding or difference) is about a box on this page."""
        return any(_related(field.path, path) for field in self.fields)


def _related(field: str, path: str) -> bool:
    return (
        field == path
        or field.startswith((path + ".", path + "["))
        or path.startswith((field + ".", field + "["))
    )


_YES_NO_CSO = (
    (
        "cso.extra_investigation_other_reason",
        "B1-1: Extra onderzoek om een andere reden dan een onverklaard verschil?",
    ),
    (
        "cso.ballots_recounted_extra_investigation",
        "B1-1: Zijn de stembiljetten naar aanleiding daarvan (gedeeltelijk) herteld?",
    ),
    (
        "cso.difference_ballots_voters_fully_explained",
        "B1-2: Was het verschil tussen D en H van het stembureau volledig verklaard?",
    ),
    (
        "cso.difference_ballots_per_list",
        "B1-2: Wijkt H van de gemeente af van H van het stembureau (verschillen per lijst)?",
    ),
)


def pages_of(
    entry: CountEntry,
    category: str,
    list_names: Mapping[int, str],
    candidate_names: Mapping[int, list[str]],
) -> list[Page]:
    """The pages of ``entry``'s paper form, in paper order, ending with "controleren"."""
    model = entry.model
    pages: list[Page] = []
    if model is EntryModel.CSO_FIRST_SESSION:
        pages.append(
            Page(
                "extra-onderzoek",
                "Extra onderzoek en verschillen met het stembureau",
                tuple(Field(path, label, "yesno") for path, label in _YES_NO_CSO),
            )
        )
    if model is EntryModel.DSO_FIRST_SESSION:
        pages.append(_dso_page())
    pages.append(_counts_page(entry, category, list_names))
    pages.append(_differences_page(model))
    pages += _candidate_pages(entry, list_names, candidate_names)
    pages.append(Page("controleren", "Controleren en afronden", ()))
    return pages


def _counts_page(entry: CountEntry, category: str, list_names: Mapping[int, str]) -> Page:
    """The page of admitted voters (Z for totals, A–D; no C for GR) and votes (E.x, E–H)."""
    voters = []
    if entry.model.is_totals:
        voters.append(Field("eligible_voters", "Kiesgerechtigden", letter="Z"))
    voters += [
        Field("voters.poll_card_count", "Geldige stempassen", letter="A"),
        Field("voters.proxy_certificate_count", "Geldige volmachtbewijzen", letter="B"),
    ]
    if category != "GR":
        voters.append(Field("voters.voter_card_count", "Geldige kiezerspassen", letter="C"))
    voters.append(
        Field("voters.total_admitted_voters_count", "Totaal toegelaten kiezers", "number", "D")
    )
    votes = [
        Field(
            f"votes.list_totals[{i}].total",
            f"Totaal lijst {t.number}: {list_names.get(t.number, '')}".rstrip(": "),
            letter=f"E.{t.number}",
        )
        for i, t in enumerate(entry.votes.list_totals)
    ]
    votes += [
        Field("votes.total_votes_candidates_count", "Totaal stemmen op kandidaten", letter="E"),
        Field("votes.blank_votes_count", "Blanco stemmen", letter="F"),
        Field("votes.invalid_votes_count", "Ongeldige stemmen", letter="G"),
        Field("votes.total_votes_cast_count", "Totaal uitgebrachte stemmen", letter="H"),
    ]
    return Page(
        "kiezers-en-stemmen", "Toegelaten kiezers en uitgebrachte stemmen", (*voters, *votes)
    )


def _differences_page(model: EntryModel) -> Page:
    """The page of differences between D and H (the tick boxes and "fully explained" on a
    polling station's form only)."""
    differences = []
    if not model.is_totals:
        differences += [
            Field("differences.compare_d_h.admitted_voters_equal_votes_cast", "D = H", "check"),
            Field(
                "differences.compare_d_h.votes_cast_greater_than_admitted_voters", "H > D", "check"
            ),
            Field(
                "differences.compare_d_h.votes_cast_smaller_than_admitted_voters", "H < D", "check"
            ),
        ]
    differences += [
        Field("differences.more_ballots_count", "Aantal méér getelde stemmen", letter="I"),
        Field("differences.fewer_ballots_count", "Aantal minder getelde stemmen", letter="J"),
    ]
    if not model.is_totals:
        differences.append(
            Field(
                "differences.difference_fully_explained",
                "Is het verschil volledig verklaard?",
                "yesno",
            )
        )
    return Page("verschillen", "Verschillen tussen D en H", tuple(differences))


def _candidate_pages(
    entry: CountEntry, list_names: Mapping[int, str], candidate_names: Mapping[int, list[str]]
) -> list[Page]:
    """One page per list: a box per candidate, then the list's total at the bottom."""
    pages = []
    for i, page in enumerate(entry.lists):
        names = candidate_names.get(page.number, [])
        fields = tuple(
            Field(
                f"lists[{i}].candidate_votes[{c}]",
                names[c] if c < len(names) else f"Kandidaat {c + 1}",
                letter=str(c + 1),
            )
            for c in range(len(page.candidate_votes))
        )
        pages.append(
            Page(
                f"lijst-{page.number}",
                f"Lijst {page.number}: {list_names.get(page.number, '')}".rstrip(": "),
                (
                    *fields,
                    Field(
                        f"lists[{i}].page_total", "Totaal lijst (onderaan de pagina)", letter="Tot."
                    ),
                ),
            )
        )
    return pages


def field_labels(pages: Iterable[Page]) -> dict[str, str]:
    """The Dutch label of every box of ``pages`` as the paper model prints it, by JSON path:
    "A. Geldige stempassen", "Lijst 3 – kandidaat 5: De Vries, J.", "Lijst 3 – totaal"."""
    labels: dict[str, str] = {}
    for page in pages:
        number = page.slug.removeprefix("lijst-") if page.slug.startswith("lijst-") else ""
        for field in page.fields:
            if number and field.path.endswith("page_total"):
                labels[field.path] = f"Lijst {number} – totaal (onderaan de pagina)"
            elif number:
                labels[field.path] = f"Lijst {number} – kandidaat {field.letter}: {field.label}"
            elif field.letter:
                dot = "" if "." in field.letter else "."
                labels[field.path] = f"{field.letter}{dot} {field.label}"
            else:
                labels[field.path] = field.label
    return labels


def label_of(labels: Mapping[str, str], path: str) -> str:
    """The label of ``path``, also of a part of a box (a tick of a yes/no question); the path
    itself when no box has it."""
    if path in labels:
        return labels[path]
    for field, label in labels.items():
        if _related(field, path):
            tick = path.rsplit(".", 1)[-1]
            return f"{label} ({_TICKS.get(tick, tick)})" if path != field else label
    return path


_TICKS = {"yes": "ja", "no": "nee"}


def _dso_page() -> Page:
    return Page(
        "proces-verbaal",
        "Over het proces-verbaal",
        (
            Field(
                "dso.corrigendum_present",
                "Is er een corrigendum?",
                "choice",
                choices=(
                    ("TwoDocuments", "Ja, twee documenten"),
                    ("OneDocument", "Nee, alleen het proces-verbaal"),
                ),
            ),
            Field(
                "dso.checks_and_corrections_present",
                "Is de pagina 'Controles en correcties' aanwezig?",
                "choice",
                choices=(("PagePresent", "Ja"), ("PageMissing", "Nee")),
            ),
            Field(
                "dso.reason_own_initiative.unexplained_difference",
                "Reden eigen onderzoek: onverklaard verschil",
                "check",
            ),
            Field(
                "dso.reason_own_initiative.other_error",
                "Reden eigen onderzoek: andere fout",
                "check",
            ),
            Field(
                "dso.corrected_results_own_initiative",
                "Uitslag gecorrigeerd na eigen onderzoek?",
                "yesno",
            ),
            Field(
                "dso.corrected_results_csb_request",
                "Uitslag gecorrigeerd op verzoek van het CSB?",
                "yesno",
            ),
        ),
    )


def _parts(path: str) -> list[str | int]:
    parts: list[str | int] = []
    for piece in path.split("."):
        name, *indexes = piece.replace("]", "").split("[")
        parts.append(name)
        parts += [int(index) for index in indexes]
    return parts


def value_at(entry: CountEntry | dict[str, Any], path: str) -> Any:
    """The value at ``path`` (``None`` where a part is absent)."""
    data: Any = entry.model_dump(mode="json") if isinstance(entry, CountEntry) else entry
    for part in _parts(path):
        if data is None:
            return None
        data = data[part]
    return data


def _set(data: dict[str, Any], path: str, value: Any) -> None:
    parts = _parts(path)
    target: Any = data
    for depth, part in enumerate(parts[:-1]):
        if target[part] is None:  # a group never saved (cso, dso, compare_d_h): create it empty
            target[part] = _empty_group(".".join(map(str, parts[: depth + 1])))
        target = target[part]
    target[parts[-1]] = value


def _empty_group(path: str) -> dict[str, Any]:
    """A question group as the paper has it before anything is ticked: every question of the
    group present and unanswered (so one question of a group can be set on its own)."""
    return _EMPTY_GROUPS[path].model_dump(mode="json")


_EMPTY_GROUPS: dict[str, Frozen] = {
    "cso": CsoQuestions(),
    "dso": DsoQuestions(),
    "differences.compare_d_h": CompareDH(),
    "differences.difference_fully_explained": YesNo(),
}

_NUMBER = re.compile(r"[0-9]{1,9}")


def apply_page(entry: CountEntry, page: Page, form: Mapping[str, str]) -> CountEntry:
    """``entry`` with the boxes of ``page`` as posted in ``form``.

    Numbers may be written with spaces or dots between thousands; an empty box is ``None``.

    :raises FormError: a box holds something that is not a whole number of at most 9 digits.
    """
    data = entry.model_dump(mode="json")
    problems: dict[str, str] = {}
    for field in page.fields:
        if field.kind == "number":
            raw = re.sub(r"[\s.]", "", form.get(field.path, ""))
            if raw == "":
                _set(data, field.path, None)
            elif _NUMBER.fullmatch(raw):
                _set(data, field.path, int(raw))
            else:
                problems[field.path] = "Vul een heel getal in (hoogstens 9 cijfers)."
        elif field.kind == "check":
            _set(data, field.path, field.path in form)
        elif field.kind == "yesno":
            _set(
                data,
                field.path,
                {"yes": f"{field.path}.yes" in form, "no": f"{field.path}.no" in form},
            )
        else:
            choice = form.get(field.path) or None
            _set(data, field.path, choice if choice in dict(field.choices) else None)
    if problems:
        raise FormError(problems)
    return CountEntry.model_validate(data)


def findings_on(page: Page, findings: Iterable[EntryFinding]) -> list[EntryFinding]:
    """The findings that mark a box on ``page`` (all of them on the last page)."""
    return [f for f in findings if not page.fields or any(page.owns(p) for p in f.fields)]


def marks(page: Page, paths: Iterable[str]) -> set[str]:
    """The paths of the fields of ``page`` that any of ``paths`` marks."""
    wanted = list(paths)
    return {field.path for field in page.fields if any(_related(field.path, p) for p in wanted)}
