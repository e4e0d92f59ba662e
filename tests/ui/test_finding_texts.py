"""The consistency findings of counts and the notes of a computed result read as Dutch.

``results`` keeps its findings in English (the command line and the log); the HSB/CSB page
builds a Dutch sentence for each from its structured fields (:mod:`ui.texts.findings`). Every
code of :data:`results.tally.rules.RULES` (kept equal to docs/consistency.md by
``tests/tally/test_rules.py``) must have one, and a real finding must show its own numbers.
"""

from __future__ import annotations

import html
import re
from collections.abc import Iterator

import pytest
from fastapi.testclient import TestClient

from osv.model import RejectedReason
from osv.service.result.stored import stage_view
from results.allocation.allocation import NOT_ALL_SEATS_ASSIGNED, P9_AND_P10
from results.tally import check_counts, check_sum, duplicate_unit, sum_counts
from results.tally.findings import Finding
from results.tally.rules import RULES
from tests.tally.counts import count, with_list, with_uncounted
from tests.tally.test_rules import _documented
from tests.ui.helpers import EID, Installation, install, token
from tests.ui.stage_counts import inconsistent_count
from tests.ui.stage_uploads import upload_counts
from ui.auth import SESSION_COOKIE
from ui.texts.findings import (
    SENTENCES,
    finding_sentence,
    number,
    quantity_label,
    unit_label,
)
from ui.texts.result import STATUS_LABELS, result_notes, status_label

#: Words that give an English sentence away (lower case, with their spaces).
ENGLISH = (" the ", " and ", " is not ", " votes", " total ", " parts", " list ", " add up")


def _dutch(text: str) -> None:
    lowered = f" {text.lower()} "
    assert not [w for w in ENGLISH if w in lowered], text


def test_every_documented_code_has_a_dutch_sentence() -> None:
    assert set(SENTENCES) == set(RULES) == set(_documented())


def _sample(code: str) -> Finding:
    """A finding of ``code`` with numbers in every quantity its rule gives."""
    quantities = {
        "F.201": {"A": 831, "B": 93, "C": 0, "D": 923},
        "F.202": {"sum of lists": 811, "E": 812},
        "F.204": {"sum of lists": 40, "E": 0},
        "F.312": {"D": 983, "H": 982, "I": 0, "J": 0},
        "F.402": {"E.x": 120, "sum of candidates": 118},
        "W.204": {"H": 0},
        "W.205": {"Z": 0},
        "W.206": {"Z": 10, "A": 12},
        "S.201": {"lists in total": 5, "lists in parts": 6},
        "S.202": {"repeated": 1},
    }.get(code, {"stated": 1_207, "sum of parts": 1_200})
    return Finding(
        code=code,
        severity=RULES[code].severity,
        unit="0394::SB12",
        message="an English sentence",
        quantities=quantities,
        list_number=3,
        candidate="5",
        subject="blanco" if code == "S.103" else "geldige stempassen" if code == "S.104" else None,
    )


@pytest.mark.parametrize("code", sorted(RULES))
def test_every_code_reads_as_a_dutch_sentence_with_its_numbers(code: str) -> None:
    finding = _sample(code)
    sentence = finding_sentence(finding)
    assert sentence.startswith("Stembureau 12 (gemeente 0394): ")
    assert "English" not in sentence
    _dutch(sentence)
    for value in finding.quantities.values():
        if value > 1:
            assert f"{value:,}".replace(",", ".") in sentence, (code, sentence)


def test_a_real_finding_shows_its_own_numbers() -> None:
    [f201] = check_counts(with_uncounted(count({1: [10]}, proxies=2), A=9), "0473::SB1")
    assert finding_sentence(f201) == (
        "Stembureau 1 (gemeente 0473): A + B (9 + 2 = 11) is niet gelijk aan D (10)."
    )
    parts = [count({1: [10, 2], 2: [5]}, blank=1), count({1: [3, 0], 2: [8]}, invalid=2)]
    stated = sum_counts(parts)
    stated = stated.model_copy(update={"rejected": {**stated.rejected, RejectedReason.BLANK: 4}})
    [s103] = check_sum(stated, parts, "0473")
    assert finding_sentence(s103) == (
        "Gemeente 0473: de blanco stemmen (F): het totaal geeft 4, de onderdelen tellen op tot 1 "
        "(verschil +3)."
    )
    [s105] = check_sum(with_list(sum_counts(parts), 2, votes=12), parts, "HSB3")
    assert finding_sentence(s105).startswith("Kieskring 3: de stemmen op lijst 2: ")
    assert "(verschil −1)" in finding_sentence(s105)
    s202 = duplicate_unit("0473::SB4", "Telling.eml.xml")
    assert finding_sentence(s202).startswith("Stembureau 4 (gemeente 0473): komt meer dan eens")


def test_units_and_quantities_are_named_as_on_paper() -> None:
    assert unit_label("0473 (total)") == "totaal van gemeente 0473"
    assert unit_label("HSB2 (total)") == "totaal van kieskring 2"
    assert unit_label("CSB") == "centraal stembureau"
    assert quantity_label("sum of parts") == "som van de onderdelen"
    assert quantity_label("D") == "D"


def test_statuses_and_warnings_of_a_result_are_dutch() -> None:
    assert set(STATUS_LABELS) == {"complete", "lots_required", "no_votes", "unresolved"}
    assert status_label("lots_required") == "niet volledig: er moet geloot worden"
    notes = result_notes(
        [P9_AND_P10, NOT_ALL_SEATS_ASSIGNED, NOT_ALL_SEATS_ASSIGNED],
        ["p16_2_last_seat_tied: list 3: the last seat ..."],
    )
    assert len(notes) == 3
    for note in notes:
        _dutch(note)
        assert "Onbekende" not in note
    assert result_notes(["new_code"]) == ["Onbekende melding (new_code)."]


@pytest.fixture
def installed(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Installation]:
    installation = install(tmp_path_factory.mktemp("findings"), session=False)
    yield installation
    installation.factory.close()


def test_the_stage_page_shows_the_findings_in_dutch(installed: Installation) -> None:
    page_url = f"/uitslag/{EID}/CSB"
    client = TestClient(installed.app, follow_redirects=False)
    client.cookies.set(SESSION_COOKIE, token(installed.factory, "coordinator_csb"))
    assert upload_counts(client, page_url, [("Telling.eml.xml", inconsistent_count())])
    findings = stage_view(installed.factory, EID, "CSB").findings
    assert findings
    page = html.unescape(client.get(page_url).text)
    table = page[page.index('id="bevindingen"') : page.index("</table>", page.index("bevindingen"))]
    for finding in findings:
        assert finding_sentence(finding) in table
        assert finding.message not in table
    assert "som van de onderdelen" in table
    for finding in findings:  # the numbers column writes thousands with a dot, as on paper
        for value in finding.quantities.values():
            assert f": {number(value)}" in table
    assert not re.search(r"lang=\"en\"", table)
