"""The demo election is realistic, deterministic and valid EML written by OSV itself."""

from __future__ import annotations

import hashlib
from pathlib import Path

from eml import SchemaSet, read_eml
from eml.hash import read_hash_file
from osv.model import RejectedReason, UncountedReason
from osv.service.demo import DEMO_ELECTION_ID, build_demo, write_demo


def test_the_demo_is_a_municipal_election_of_realistic_size() -> None:
    demo = build_demo()
    definition = demo.definition.election
    assert definition.identifier.id == DEMO_ELECTION_ID
    assert (definition.number_of_seats, definition.preference_threshold) == (23, 25)
    stations = demo.polling_stations.polling_stations
    assert len(stations) == 20
    assert {s.type.value for s in stations if s.type} == {"FixedLocation", "Mobile", "Special"}
    (contest,) = demo.candidate_lists.contests
    sizes = [len(lst.candidates) for lst in contest.lists]
    assert len(sizes) == 8
    assert min(sizes) >= 6
    assert max(sizes) <= 50
    names = [c.name for lst in contest.lists for c in lst.candidates]
    assert any(not name.last_name.isascii() for name in names)
    assert any(name.prefix for name in names)
    assert any(c.country_code for lst in contest.lists for c in lst.candidates)


def test_the_demo_count_adds_up() -> None:
    """Every station: A + B = D, E + F + G = D, E = Σ lists, list = Σ candidates; the total is
    the sum of the stations."""
    (contest,) = build_demo().count.contests
    assert contest.total is not None
    for unit in contest.reporting_units:
        v = unit.votes
        admitted = v.uncounted[UncountedReason.ADMITTED_VOTERS]
        assert (
            v.uncounted[UncountedReason.POLL_CARDS]
            + v.uncounted[UncountedReason.PROXY_CERTIFICATES]
            == admitted
        )
        assert (
            v.total_counted + v.rejected[RejectedReason.BLANK] + v.rejected[RejectedReason.INVALID]
            == admitted
        )
        assert sum(lst.votes for lst in v.lists) == v.total_counted
        assert all(lst.candidate_total == lst.votes for lst in v.lists)
    assert contest.total.total_counted == sum(
        u.votes.total_counted for u in contest.reporting_units
    )
    assert contest.total.cast == sum(u.votes.cast for u in contest.reporting_units)


def test_the_same_seed_writes_the_same_bytes_and_another_seed_does_not(tmp_path: Path) -> None:
    first = write_demo(tmp_path / "a", with_counts=True)
    second = write_demo(tmp_path / "b", with_counts=True)
    other = write_demo(tmp_path / "c", seed=7)
    assert [p.read_bytes() for p in first] == [p.read_bytes() for p in second]
    assert first[2].read_bytes() != other[2].read_bytes()  # the candidate lists differ


def test_the_demo_files_validate_read_back_and_match_their_hash_file(
    tmp_path: Path, schemas: SchemaSet
) -> None:
    paths = write_demo(tmp_path, with_counts=True, schemas=schemas)
    hash_file = next(p for p in paths if p.name == "Hashcodes.txt")
    hashes = {entry.filename: entry.digest for entry in read_hash_file(hash_file)}
    demo = build_demo()
    expected = {
        "110a": demo.definition,
        "110b": demo.polling_stations,
        "230b": demo.candidate_lists,
        "510b": demo.count,
    }
    for path in paths:
        if path == hash_file:
            continue
        result = read_eml(path, schemas=schemas)
        assert result.validated
        assert result.document == expected[result.document.message_type.value]
        if result.document.message_type.value != "110b":
            assert hashes[path.name] == hashlib.sha256(path.read_bytes()).digest()
