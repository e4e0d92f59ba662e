"""Finding an election's files in a folder: by EML Id, one election only, safe with other files."""

from __future__ import annotations

from pathlib import Path

import pytest

from eml import read_eml, write_eml
from eml.documents import Eml210, Eml230b, MessageType
from eml.errors import EmlError
from osv.service.result.files import ResultInputError, find_election_files
from tests.eml.nomination_files import JUINEN
from tests.result.builders import ELECTION_ID, TIE, write_election
from tests.result.conftest import copy_files


def test_files_are_classified_by_their_eml_id_not_their_name(tmp_path: Path) -> None:
    """A count saved under a result's name is still a count; the mismatch is noted."""
    folder = write_election(tmp_path / "in", TIE)
    (folder / f"Telling_{ELECTION_ID}.eml.xml").rename(folder / f"Resultaat_{ELECTION_ID}.eml.xml")
    (folder / "notes.csv").write_text("not an EML file", encoding="utf-8")
    files = find_election_files(folder)
    assert [(f.name, f.message_type) for f in files.files] == [
        (f"Kandidatenlijsten_{ELECTION_ID}.eml.xml", MessageType.CANDIDATE_LISTS),
        (f"Resultaat_{ELECTION_ID}.eml.xml", MessageType.COUNT_MUNICIPALITY),
    ]
    assert files.identifier.id == ELECTION_ID
    assert len(files.notes) == 1
    assert "by its EML Id it is a municipal count (510b)" in files.notes[0]


def test_files_of_different_elections_are_refused_in_one_sentence(
    shared: Path, tmp_path: Path
) -> None:
    source = shared / "data" / "GR2022"
    folder = copy_files(
        [source / "Telling_GR2022_Vlieland.eml.xml", source / "Resultaat_GR2022_Texel.eml.xml"],
        tmp_path / "mixed",
    )
    with pytest.raises(ResultInputError) as raised:
        find_election_files(folder)
    message = str(raised.value)
    assert "holds files of 2 different elections" in message
    assert "1 file(s) of GR2022_Texel" in message
    assert "Telling_GR2022_Vlieland.eml.xml is of GR2022_Vlieland" in message
    assert "\n" not in message


def test_an_xml_file_that_is_not_eml_is_refused_by_name(tmp_path: Path) -> None:
    folder = write_election(tmp_path / "in", TIE)
    (folder / "other.xml").write_text("<root/>", encoding="utf-8")
    with pytest.raises(EmlError, match=r"other\.xml"):
        find_election_files(folder)


def test_an_empty_folder_and_a_file_are_refused(tmp_path: Path) -> None:
    with pytest.raises(ResultInputError, match="holds no EML files"):
        find_election_files(tmp_path)
    with pytest.raises(ResultInputError, match="is not a folder"):
        find_election_files(tmp_path / "missing")


def test_two_results_are_refused(west_maas_en_waal: Path) -> None:
    published = west_maas_en_waal / "Resultaat_GR2022_WestMaasenWaal.eml.xml"
    (west_maas_en_waal / "Resultaat_copy.eml.xml").write_bytes(published.read_bytes())
    files = find_election_files(west_maas_en_waal)
    with pytest.raises(ResultInputError, match="2 files of type 520"):
        files.single(MessageType.RESULT)


def test_a_nomination_in_the_folder_is_noted_and_not_used(tmp_path: Path) -> None:
    """A party's 210 of the same election plays no part in the result; the report says so."""
    folder = write_election(tmp_path / "in", TIE)
    lists = read_eml(folder / f"Kandidatenlijsten_{ELECTION_ID}.eml.xml").document
    nomination = read_eml(JUINEN).document
    assert isinstance(lists, Eml230b)
    assert isinstance(nomination, Eml210)
    nomination = nomination.model_copy(update={"identifier": lists.identifier})
    (folder / "Kandidaatstelling.eml.xml").write_bytes(write_eml(nomination))
    files = find_election_files(folder)
    assert MessageType.NOMINATION not in {found.message_type for found in files.files}
    assert "Kandidaatstelling.eml.xml (nomination, 210) is not used" in files.notes
