"""The canonical form of each kind of object: the columns it covers, the child tables nested
under a row, the tables read from an imported file, the draft states left out."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass

__all__ = ["COLUMNS", "DRAFT_STATES", "PARTS", "SOURCE_TABLES", "Part"]


#: A candidate's identity (``candidates``, ``result_candidates``).
_PERSON = (
    "short_code",
    "initials",
    "first_name",
    "prefix",
    "last_name",
    "gender",
    "locality",
    "country_code",
)
#: An EML file's header (``count_files``, ``results``).
_HEADER = (
    "authority_id",
    "authority_name",
    "transaction_id",
    "issue_date",
    "creation_date_time",
    "canonicalization",
    "schema_version",
)

#: The columns of each table that an object's canonical form covers. Left out: surrogate keys
#: (``id`` and the ``…_id`` columns naming a parent row, which the object key and the nesting
#: say already) and the bookkeeping of optimistic locking (``entry_sources.version``,
#: ``updated_at``).
COLUMNS: Mapping[str, tuple[str, ...]] = {
    "imported_files": (
        "message_type",
        "sha256",
        "file_name",
        "size",
        "imported_at",
        "imported_by",
        "hash_check",
        "digest_matched",
    ),
    "elections": (
        "eid",
        "name",
        "category",
        "subcategory",
        "domain_id",
        "domain_name",
        "election_date",
        "nomination_date",
        "contest_id",
        "voting_method",
        "max_votes",
        "number_of_seats",
        "preference_threshold",
        "tree",
        "registered_parties",
        "created_at",
    ),
    "districts": ("contest_id", "name", "region_number", "contest_name"),
    "candidate_lists": (
        "contest_id",
        "number",
        "name",
        "type",
        "belongs_to_set",
        "belongs_to_combination",
        "publication_language",
        "publish_gender",
    ),
    "candidates": (
        "number",
        *_PERSON,
    ),
    "polling_stations": (
        "municipality_code",
        "municipality_name",
        "number",
        "name",
        "postal_code",
        "type",
        "number_of_voters",
        "shared_location",
        "channel",
        "locations",
    ),
    "count_files": (
        "level",
        *_HEADER,
        "counting_method",
        "phase",
        "identifier",
    ),
    "count_contests": ("position", "contest_id", "contest_name"),
    "count_units": (
        "position",
        "reporting_unit_id",
        "name",
        "type",
        "shared_location",
        "cast_votes",
        "total_counted",
        "rejected_invalid",
        "rejected_blank",
        "uncounted",
        "initial_cast",
        "initial_total_counted",
        "initial_rejected_invalid",
        "initial_rejected_blank",
        "initial_uncounted",
        "investigations",
    ),
    "list_votes": ("number", "name", "votes", "initial_votes"),
    "candidate_votes": ("position", "number", "short_code", "votes", "initial_votes"),
    "results": (
        *_HEADER,
        "identifier",
    ),
    "result_contests": ("position", "contest_id", "contest_name"),
    "result_lists": ("position", "number", "name", "votes"),
    "result_candidates": (
        "position",
        "number",
        *_PERSON,
        "ranking",
        "votes",
    ),
    "entry_sessions": (
        "committee",
        "number",
        "counting_method",
        "status",
        "started_at",
        "started_by",
        "completed_at",
        "completed_by",
    ),
    "entry_sources": ("key", "name", "model", "state", "data"),
    "warning_notes": ("code", "list_number", "explanation", "handled", "noted_by", "noted_at"),
    "investigations": (
        "committee",
        "polling_station",
        "reason",
        "requested_by",
        "requested_at",
        "concluded_in",
        "corrected_results",
    ),
    "stage_files": (
        "committee",
        "role",
        "message_type",
        "part",
        "file_name",
        "sha256",
        "content",
        "stored_at",
        "stored_by",
    ),
    "stage_choices": ("committee", "kind", "position", "value", "stored_at", "stored_by"),
    "candidacy_submissions": (
        "token",
        "lists_content",
        "lists_sha256",
        "setup_content",
        "setup_sha256",
        "stored_at",
        "stored_by",
        "decisions",
    ),
    "candidacy_outputs": ("file_name", "sha256", "content", "stored_at", "stored_by"),
}


@dataclass(frozen=True)
class Part:
    """A child table in an object's canonical form: its rows name their parent row in
    ``link``."""

    table: str
    link: str


#: The child tables nested under the rows of each table (``link``: the column naming the
#: parent row's ``id``).
PARTS: Mapping[str, tuple[Part, ...]] = {
    "elections": (Part("districts", "election_id"),),
    "candidate_lists": (Part("candidates", "list_id"),),
    "count_files": (Part("count_contests", "count_file_id"),),
    "count_contests": (Part("count_units", "count_contest_id"),),
    "count_units": (Part("list_votes", "unit_id"),),
    "list_votes": (Part("candidate_votes", "list_votes_id"),),
    "results": (Part("result_contests", "result_id"),),
    "result_contests": (Part("result_lists", "result_contest_id"),),
    "result_lists": (Part("result_candidates", "result_list_id"),),
    "entry_sources": (Part("warning_notes", "source_id"),),
    "candidacy_submissions": (Part("candidacy_outputs", "submission_id"),),
}

#: The tables whose rows are read from an imported file (``source_file_id``), in this order in
#: the canonical form of an ``eml`` object.
SOURCE_TABLES = ("candidate_lists", "polling_stations", "count_files", "results")

#: The double-entry states whose ``entry`` is a draft still being typed (saved unlogged).
DRAFT_STATES = frozenset(
    {
        "FirstEntryInProgress",
        "SecondEntryInProgress",
        "FirstEntryCorrection",
        "SecondEntryCorrection",
    }
)
