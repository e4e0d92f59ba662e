"""Polling stations (stembureaus) of a municipality, as the municipality defines them (EML 110b)."""

from __future__ import annotations

from enum import StrEnum

from pydantic import Field

from osv.model.base import Count, Frozen, Number

__all__ = ["Location", "PollingStation", "PollingStationType"]


class PollingStationType(StrEnum):
    """Kind of polling station (``kr:ReportingUnitType``)."""

    FIXED = "FixedLocation"  # vaste locatie
    MOBILE = "Mobile"  # mobiel stembureau
    SPECIAL = "Special"  # bijzonder stembureau


class Location(Frozen):
    """Street address and accessibility of a polling station (``sb:Location``, WIMS standard).

    Only the fields municipalities and voters use are kept; others in a file are not stored.
    """

    street_name: str | None = None
    house_number: int | None = Field(default=None, ge=0)
    house_letter: str | None = None
    house_number_addition: str | None = None
    postal_code: str | None = None
    city: str | None = None
    accessible: bool | None = None


class PollingStation(Frozen):
    """A polling station: number, name, kind, location and number of voters.

    ``name`` is the locality name the municipality gives the station ("Stadhuis"). The number
    of voters (kiesgerechtigden) is used as the default for field Z of the municipality.
    ``channel`` is ``polling`` for ordinary stations and ``postal`` for a postal-vote office.
    """

    number: Number
    name: str
    postal_code: str | None = None
    number_of_voters: Count | None = None
    type: PollingStationType | None = None
    shared_location: bool | None = None
    channel: str = "polling"
    locations: tuple[Location, ...] = ()
