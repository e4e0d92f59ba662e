"""Property-based tests of the seat allocation (Kieswet chapter P), written for external auditors.

A property test states a rule that must hold for *every* election, then lets Hypothesis generate
hundreds of elections (seats, lists, votes per candidate, deceased candidates, ties on purpose)
and check the rule on each. When a rule fails, Hypothesis shrinks the election to a small one
and prints it, so the failure can be read and reproduced. docs/auditing.md explains every
property in plain words, with the article of the Kieswet it protects, and how to run the suite.

The modules:

* :mod:`tests.properties.strategies` generates the elections (:class:`AllocationInput`);
* :mod:`tests.properties.law` recomputes, independently of the implementation, the few numbers
  the properties compare with: the quota, the full seats, the preference threshold;
* :mod:`tests.properties.lots` answers every drawing of lots with an option Hypothesis chooses,
  and replays, until the allocation is complete (the software never draws lots itself);
* :mod:`tests.properties.outcome` reads the result of the Python function and the JSON of
  ``osv allocate`` into one shape, so the same checks apply to both;
* :mod:`tests.properties.invariants` holds the checks shared by both;
* :mod:`tests.properties.test_allocation_properties` has one test per property of the Python
  function :func:`results.allocation.allocate`;
* :mod:`tests.properties.test_cli_contract` runs the properties against the ``osv allocate``
  command of any build (environment variable ``OSV_ALLOCATE_COMMAND``).

No test here contains an expected seat distribution: every expectation is either computed from
the input by the law's arithmetic or is a relation between two runs of the allocation.
"""

from __future__ import annotations

import pytest

# The shared checks live outside the test modules; let pytest explain their failed asserts too.
pytest.register_assert_rewrite(
    "tests.properties.invariants", "tests.properties.lots", "tests.properties.trace"
)
