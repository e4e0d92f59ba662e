"""The properties, run against the ``osv allocate`` command of any build.

An auditor may want to check the program the municipality actually runs, not this checkout:
set ``OSV_ALLOCATE_COMMAND`` to the command that allocates, reading JSON on standard input,
for example::

    export OSV_ALLOCATE_COMMAND="/opt/osv/bin/osv allocate"
    export OSV_ALLOCATE_COMMAND="docker run -i --rm osv:1.0 allocate"
    .venv/bin/pytest tests/properties/test_cli_contract.py

The command gets ``-`` as its last argument and the input on standard input; it must print the
documented JSON (docs/allocation.md) and exit with 0 (complete), 3 (lots required) or 4 (no
votes). Without the variable, the ``osv`` console script next to the running Python (this
checkout's virtualenv) is used.

Every run is a new process (about a second for this checkout's ``osv``), so the property draws
fewer examples than the others: a twentieth of the profile's (3 by default, 100 with
``HYPOTHESIS_PROFILE=audit``).
"""

from __future__ import annotations

import dataclasses
import json
import os
import shlex
import subprocess
import sys
from pathlib import Path

from hypothesis import given, settings
from hypothesis import strategies as st

from osv.model import MAX_COUNT
from results.allocation.types import AllocationInput, LotKind, LotOutcome
from tests.conftest import unavailable
from tests.properties import invariants
from tests.properties.lots import complete, draw_lots
from tests.properties.outcome import Outcome, input_to_json
from tests.properties.strategies import allocation_inputs, election, scale_factors

COMMAND_VARIABLE = "OSV_ALLOCATE_COMMAND"

#: Exit statuses of ``osv allocate`` by result status (docs/allocation.md).
EXIT_STATUS = {"complete": 0, "lots_required": 3, "no_votes": 4}
EXIT_INVALID = 2

#: Each example starts three to five processes of about a second each: a twentieth of the
#: profile's examples, at least 3 (3 by default, 100 with the audit profile).
EXAMPLES = max(3, (settings.default or settings()).max_examples // 20)

#: Seconds one run of the command may take (a Docker start included).
TIMEOUT = 120


def allocate_command() -> list[str]:
    """The command under test: ``OSV_ALLOCATE_COMMAND``, or this checkout's ``osv allocate``."""
    configured = os.environ.get(COMMAND_VARIABLE, "").strip()
    if configured:
        return shlex.split(configured)
    script = Path(sys.executable).parent / "osv"
    if not script.exists():
        unavailable(f"no osv console script next to {sys.executable}; set {COMMAND_VARIABLE}")
    return [str(script), "allocate"]


@dataclasses.dataclass(frozen=True)
class CommandRun:
    """One run of the command: its exit status, standard output and standard error."""

    exit_status: int
    stdout: str
    stderr: str


def run_command(allocation_input: AllocationInput) -> CommandRun:
    """Run the command with the input as JSON on standard input."""
    completed = subprocess.run(
        [*allocate_command(), "-"],
        input=json.dumps(input_to_json(allocation_input)),
        capture_output=True,
        text=True,
        timeout=TIMEOUT,
        check=False,
    )
    return CommandRun(completed.returncode, completed.stdout, completed.stderr)


def outcome_of(allocation_input: AllocationInput) -> Outcome:
    """Run the command and read its result; the exit status must match the status printed."""
    run = run_command(allocation_input)
    assert run.exit_status in EXIT_STATUS.values(), (
        f"exit status {run.exit_status}; standard error: {run.stderr.strip()}"
    )
    outcome = Outcome.from_json(json.loads(run.stdout))
    assert run.exit_status == EXIT_STATUS[outcome.status], (
        f"exit status {run.exit_status} for a result with status {outcome.status!r}"
    )
    return outcome


def _scaled(allocation_input: AllocationInput, factor: int) -> AllocationInput:
    return dataclasses.replace(
        allocation_input,
        lists=tuple(
            dataclasses.replace(
                lst,
                candidates=tuple(
                    dataclasses.replace(c, votes=c.votes * factor) for c in lst.candidates
                ),
            )
            for lst in allocation_input.lists
        ),
    )


@settings(max_examples=EXAMPLES)
@given(allocation_input=allocation_inputs(), factor=scale_factors(), data=st.data())
def test_the_command_keeps_every_property(
    allocation_input: AllocationInput, factor: int, data: st.DataObject
) -> None:
    """Through the command, with every lot drawn by Hypothesis: the exit status matches the
    status; the complete result keeps every property of docs/auditing.md that can be read
    from the JSON (seats add up, living candidates, no votes no seat, exact quota, full seats,
    concordance, P 9, candidates and ranking); running the final input again prints the same
    JSON; multiplying all votes by the same number (within the format's limit of 999,999,999
    votes per candidate) gives the same seats and candidates."""
    done = complete(
        outcome_of, lambda outcome: outcome.lot_asked, allocation_input, draw_lots(data)
    )
    invariants.check_all(done.allocation_input, done.result)
    assert outcome_of(done.allocation_input) == done.result, "the same input, another result"
    largest = max(c.votes for lst in allocation_input.lists for c in lst.candidates)
    factor = min(factor, MAX_COUNT // max(largest, 1))  # the JSON format caps votes
    if factor < 2:
        return
    scaled = outcome_of(_scaled(done.allocation_input, factor))
    assert scaled.status == done.result.status
    assert scaled.seats == done.result.seats
    assert scaled.ranking == done.result.ranking
    assert {n: [e.number for e in people] for n, people in scaled.elected.items()} == {
        n: [e.number for e in people] for n, people in done.result.elected.items()
    }


def test_the_command_asks_for_lots_and_refuses_an_outcome_that_is_not_an_option() -> None:
    """Five lists tie for three seats (a sixth list has fewer votes): the command exits with
    3 and asks for a lot among the five tied lists; an option supplied as the outcome is
    accepted and gives its list the seat; an outcome naming a list that is not tied (6) or
    not on the ballot (99), or a lot nobody asked for, ends with exit status 2 and a message,
    and prints no result."""
    tied = election(3, [21] * 5 + [5])
    asked = outcome_of(tied).lot_asked
    assert asked is not None, "five equal lists for three seats must need a lot"
    assert asked.options == (1, 2, 3, 4, 5)
    chosen = asked.options[-1]
    outcome = outcome_of(dataclasses.replace(tied, lots=(asked.outcome(chosen),)))
    assert outcome.seats[chosen] == 1, f"list {chosen} was drawn but has no seat: {outcome}"
    for wrong in (6, 99):
        run = run_command(dataclasses.replace(tied, lots=(asked.outcome(wrong),)))
        assert run.exit_status == EXIT_INVALID, (wrong, run)
        assert run.stdout == ""
        assert run.stderr.strip(), "a refusal must say why"
    spare = LotOutcome(kind=LotKind.RESIDUAL_LR, chosen=1)
    run = run_command(dataclasses.replace(election(3, [30, 20, 10]), lots=(spare,)))
    assert run.exit_status == EXIT_INVALID, run


def test_the_command_reports_no_votes_with_exit_status_4() -> None:
    """Without any vote there is no quota: the command says ``no_votes``, gives no seat and
    exits with 4, so a script cannot mistake it for a result."""
    outcome = outcome_of(election(9, [0, 0, 0]))
    assert outcome.status == "no_votes"
    assert sum(outcome.seats.values()) == 0
