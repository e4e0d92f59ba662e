"""The coordinator sees the boxes by the labels of the paper model, not by field paths."""

from __future__ import annotations

from tests.ui.helpers import paper
from ui.forms import field_labels, label_of, pages_of


def test_boxes_are_named_as_on_the_paper_model() -> None:
    entry = paper(1)
    names = {1: "Partij Een", 3: "Partij Drie"}
    candidates = {3: ["Jansen, A.", "Bakker, B.", "Visser, C.", "Smit, D.", "De Vries, J."]}
    labels = field_labels(pages_of(entry, "GR", names, candidates))
    third = next(i for i, page in enumerate(entry.lists) if page.number == 3)
    assert labels["voters.poll_card_count"] == "A. Geldige stempassen"
    assert labels["votes.total_votes_cast_count"] == "H. Totaal uitgebrachte stemmen"
    assert labels["votes.list_totals[0].total"] == "E.1 Totaal lijst 1: Partij Een"
    assert labels[f"lists[{third}].candidate_votes[4]"] == "Lijst 3 – kandidaat 5: De Vries, J."
    assert labels[f"lists[{third}].page_total"] == "Lijst 3 – totaal (onderaan de pagina)"


def test_a_tick_of_a_question_is_named_after_its_question() -> None:
    labels = field_labels(pages_of(paper(1), "GR", {}, {}))
    assert label_of(labels, "differences.difference_fully_explained.no") == (
        "Is het verschil volledig verklaard? (nee)"
    )
    assert label_of(labels, "unknown.path") == "unknown.path"
