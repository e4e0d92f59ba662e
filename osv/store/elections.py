"""The election definition (EML 110a) and its contests, stored and read back.

An election is stored once, from its definition, and everything else refers to it. Storing the
definition also stores its contests (districts): the units into which candidate lists are
filed. :func:`contests_of` states which contests an election has; the import service uses the
same function to refuse a 230b for a contest the election does not have.
"""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy import select

from osv.model import (
    ElectionCategory,
    ElectionDefinition,
    ElectionDomain,
    ElectionIdentifier,
    ElectionSubcategory,
    Region,
    RegisteredParty,
)
from osv.store.records import utc_now
from osv.store.repository import Repository
from osv.store.rows import DistrictRow, ElectionRow

__all__ = ["ElectionContest", "ElectionRepository", "contests_of"]

#: The contest id of a single-district election (GR, AB, PS1) in 110a, 230b and 510 files.
SINGLE_CONTEST = "geen"


@dataclass(frozen=True)
class ElectionContest:
    """A contest of an election: its Id in 230b/510 files and a name to show."""

    contest_id: str
    name: str | None
    region_number: int | None = None


def contests_of(definition: ElectionDefinition) -> tuple[ElectionContest, ...]:
    """The contests into which the election's candidate lists are filed.

    An election whose 110a contest is ``alle`` has several districts (TK, PS2): each kieskring
    region of the election tree is a contest, with its region number as contest id (eml-nl.md
    §6.3). Every other election (GR, AB, PS1) has one contest, ``geen``, even when its tree
    holds a single kieskring region.
    """
    districts = definition.districts
    if definition.contest_id != SINGLE_CONTEST and districts:
        return tuple(
            ElectionContest(str(district.number), district.name, district.number)
            for district in districts
        )
    if len(districts) == 1:
        only = districts[0]
        return (ElectionContest(SINGLE_CONTEST, only.name, only.number),)
    domain = definition.identifier.domain
    name = domain.name if domain is not None else definition.identifier.name
    return (ElectionContest(SINGLE_CONTEST, name),)


class ElectionRepository(Repository):
    """Election definitions, by ElectionIdentifier Id."""

    def add(self, definition: ElectionDefinition) -> None:
        """Store ``definition`` and its contests.

        :raises IntegrityViolationError: (at flush or commit) when the election is stored.
        """
        identifier = definition.identifier
        row = ElectionRow(
            eid=identifier.id,
            name=identifier.name,
            category=identifier.category.value,
            subcategory=identifier.subcategory.value if identifier.subcategory else None,
            domain_id=identifier.domain.id if identifier.domain else None,
            domain_name=identifier.domain.name if identifier.domain else None,
            election_date=identifier.election_date,
            nomination_date=identifier.nomination_date,
            contest_id=definition.contest_id,
            voting_method=definition.voting_method,
            max_votes=definition.max_votes,
            number_of_seats=definition.number_of_seats,
            preference_threshold=definition.preference_threshold,
            tree=[region.model_dump(mode="json") for region in definition.tree],
            registered_parties=[
                party.model_dump(mode="json") for party in definition.registered_parties
            ],
            created_at=utc_now(),
        )
        self.session.add(row)
        self.session.flush()
        self.session.add_all(
            DistrictRow(
                election_id=row.id,
                contest_id=contest.contest_id,
                name=contest.name,
                region_number=contest.region_number,
            )
            for contest in contests_of(definition)
        )
        self.session.flush()

    def get(self, eid: str) -> ElectionDefinition | None:
        """The stored definition of election ``eid``, or ``None``."""
        row = self.session.scalar(select(ElectionRow).where(ElectionRow.eid == eid))
        return _definition(row) if row is not None else None

    def eids(self) -> list[str]:
        """The Ids of all stored elections, sorted."""
        return list(self.session.scalars(select(ElectionRow.eid).order_by(ElectionRow.eid)))

    def contests(self, eid: str) -> list[ElectionContest]:
        """The contests of election ``eid`` as stored, in the order they were stored."""
        key = self._require_election(eid)
        rows = self.session.scalars(
            select(DistrictRow).where(DistrictRow.election_id == key).order_by(DistrictRow.id)
        )
        return [ElectionContest(row.contest_id, row.name, row.region_number) for row in rows]


def _definition(row: ElectionRow) -> ElectionDefinition:
    domain = (
        ElectionDomain(id=row.domain_id, name=row.domain_name)
        if row.domain_name is not None
        else None
    )
    return ElectionDefinition(
        identifier=ElectionIdentifier(
            id=row.eid,
            name=row.name,
            category=ElectionCategory(row.category),
            subcategory=ElectionSubcategory(row.subcategory) if row.subcategory else None,
            domain=domain,
            election_date=row.election_date,
            nomination_date=row.nomination_date,
        ),
        contest_id=row.contest_id,
        voting_method=row.voting_method,
        max_votes=row.max_votes,
        number_of_seats=row.number_of_seats,
        preference_threshold=row.preference_threshold,
        tree=tuple(Region.model_validate(region) for region in row.tree),
        registered_parties=tuple(
            RegisteredParty.model_validate(party) for party in row.registered_parties
        ),
    )
