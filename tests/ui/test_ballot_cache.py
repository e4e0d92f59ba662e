"""The entry pages' copy of the candidate lists follows the store (ui/app.py UiState.ballot).

The web application keeps an election's lists and candidates between requests; lists imported
after the server started (by the web upload or by ``osv import`` in another process) must show
on the next page, or a typist would be asked for the wrong lists.
"""

from __future__ import annotations

from pathlib import Path

from eml.safe import Limits
from osv.service.bootstrap import unit_of_work_factory
from osv.service.demo import write_demo
from osv.service.importing import HashCheck, import_files
from tests.ui.helpers import EID, settings_at
from ui.app import UiState, create_app


def test_lists_imported_after_the_first_page_are_shown_on_the_next(tmp_path: Path) -> None:
    settings = settings_at(tmp_path)
    factory = unit_of_work_factory(settings)
    paths = write_demo(tmp_path / "demo")
    hashes = HashCheck(hash_file=next(p for p in paths if p.name == "Hashcodes.txt"))

    def load(kind: str) -> None:
        chosen = [p for p in paths if p.suffix == ".xml" and kind in p.name]
        assert chosen, kind
        import_files(factory, chosen, schemas=None, limits=Limits(), hash_check=hashes, actor="t")

    load("Verkiezingsdefinitie")
    load("Stembureaus")
    state: UiState = create_app(settings, factory=factory).state.osv
    assert state.ballot(EID).lists == ()

    load("Kandidatenlijsten")
    ballot = state.ballot(EID)
    assert ballot.lists
    assert ballot.candidates
    assert {c.list_number for c in ballot.candidates} == {s.number for s in ballot.lists}
    assert state.ballot(EID) is ballot  # unchanged store: the kept copy
