"""Properties of the audit log's hash chain (docs/audit.md), written for auditors.

Two rules, checked by Hypothesis on hundreds of generated logs (any actors, event names,
elections, times and JSON details, including non-ASCII text):

* **a chained log verifies**: when every event's hash is computed with
  :func:`osv.store.chain.link` from the previous one (the first from ``GENESIS``),
  :func:`osv.store.chain.verify_chain` finds it intact and ends at the last hash;
* **any single change is found at that event**: changing one field (id, time, actor, event,
  election, details or the stored hash) of any one event makes ``verify_chain`` report exactly
  that event as the first broken link, whatever its position.

The tests use only the pure module :mod:`osv.store.chain`, no database. Run them with
``pytest tests/properties/test_audit_chain_properties.py``.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import replace
from typing import Any

from hypothesis import assume, given
from hypothesis import strategies as st

from osv.store.chain import GENESIS, canonical, link, normalise_data, verify_chain
from osv.store.records import AuditEvent

_JSON = st.recursive(
    st.none()
    | st.booleans()
    | st.integers(min_value=-(2**53), max_value=2**53)
    | st.floats(allow_nan=False, allow_infinity=False)
    | st.text(max_size=10),
    lambda inner: (
        st.lists(inner, max_size=3) | st.dictionaries(st.text(max_size=5), inner, max_size=3)
    ),
    max_leaves=8,
)
_DATA = st.dictionaries(st.text(max_size=8), _JSON, max_size=4)
_MOMENTS = st.datetimes(
    min_value=dt.datetime(2000, 1, 1), max_value=dt.datetime(2100, 1, 1), timezones=st.just(dt.UTC)
)


@st.composite
def _logs(draw: st.DrawFn) -> list[AuditEvent]:
    """A chained log of 1 to 12 events with increasing ids (gaps allowed, as after rollbacks)."""
    size = draw(st.integers(min_value=1, max_value=12))
    steps = draw(st.lists(st.integers(min_value=1, max_value=3), min_size=size, max_size=size))
    events, previous, number = [], GENESIS, 0
    for step in steps:
        number += step
        event = AuditEvent(
            id=number,
            at=draw(_MOMENTS),
            actor=draw(st.text(min_size=1, max_size=12)),
            event=draw(st.text(min_size=1, max_size=20)),
            election=draw(st.none() | st.text(max_size=20)),
            data=normalise_data(draw(_DATA)),
        )
        event = replace(event, hash=link(previous, event))
        previous = event.hash or ""
        events.append(event)
    return events


@given(_logs())
def test_a_chained_log_verifies(events: list[AuditEvent]) -> None:
    report = verify_chain(events)
    assert report.intact
    assert report.count == len(events)
    assert report.last_hash == events[-1].hash
    assert report.last_id == events[-1].id


_FIELDS = ["id", "at", "actor", "event", "election", "data", "hash"]


@given(_logs(), st.data())
def test_any_single_change_is_found_at_that_event(events: list[AuditEvent], data: Any) -> None:
    position = data.draw(st.integers(min_value=0, max_value=len(events) - 1), label="position")
    name = data.draw(st.sampled_from(_FIELDS), label="field")
    original = events[position]
    new_value: object = {
        "id": st.integers(min_value=0, max_value=10**6),
        "at": _MOMENTS,
        "actor": st.text(max_size=12),
        "event": st.text(max_size=20),
        "election": st.none() | st.text(max_size=20),
        "data": _DATA.map(normalise_data),
        "hash": st.text(alphabet="0123456789abcdef", min_size=64, max_size=64),
    }[name]
    value = data.draw(new_value, label="new value")  # type: ignore[arg-type]
    changed = replace(original, **{name: value})
    if name == "hash":
        assume(changed.hash != original.hash)
    else:
        assume(canonical(changed) != canonical(original))
    tampered = [*events[:position], changed, *events[position + 1 :]]
    report = verify_chain(tampered)
    assert report.broken is not None
    assert report.broken.event_id == changed.id
    assert report.broken.position == position
    assert report.broken.found == changed.hash
