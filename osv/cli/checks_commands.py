"""``osv checks``: the consistency checks of data entry on one entry given as JSON.

``osv checks FILE.json --model MODEL`` prints the findings as JSON, one object per finding
(``[{"code": "F.201", "severity": "error", "fields": [...]}]``, sorted by code), and exits 0
whether or not there are findings; invalid input is a one-line error with exit status 2.
``osv checks --list`` prints every implemented code, its severity and the forms it applies to.
The input format is in docs/checks.md.
"""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Annotated

import typer

from osv.cli.output import fail, guarded, print_json, table
from osv.model.forms import EntryModel

__all__ = ["checks_command"]


@guarded
def checks_command(
    file: Annotated[
        Path | None,
        typer.Argument(help="The entry as JSON (docs/checks.md); '-' reads standard input."),
    ] = None,
    model: Annotated[
        EntryModel | None,
        typer.Option("--model", help="The paper form the entry was typed from."),
    ] = None,
    list_rules: Annotated[
        bool, typer.Option("--list", help="Print every implemented code and where it applies.")
    ] = False,
    as_json: Annotated[bool, typer.Option("--json", help="With --list: print JSON.")] = False,
) -> None:
    """Check one count entry and print its findings as JSON (exit 0 with or without findings)."""
    from results.checks import CHECK_RULES, check_entry

    if list_rules:
        rules = list(CHECK_RULES.values())
        if as_json:
            print_json(
                [
                    {
                        "code": rule.code,
                        "severity": rule.severity,
                        "models": [model.value for model in rule.models],
                        "applies_to": _models(rule.models),
                        "rule": rule.rule,
                        "title": rule.title,
                    }
                    for rule in rules
                ]
            )
        else:
            rows = [(r.code, r.severity, _models(r.models), r.rule) for r in rules]
            print(table(("Code", "Severity", "Applies to", "Rule"), rows))
        return
    if file is None or model is None:
        raise fail("give an entry FILE and --model MODEL, or --list")
    from osv.service.formats.entry_json import parse_entry_json

    text = sys.stdin.read() if str(file) == "-" else _read(file)
    entry, _ = parse_entry_json(text, model)
    print_json([finding.to_json() for finding in check_entry(entry).items])


def _read(file: Path) -> str:
    try:
        return file.read_text(encoding="utf-8")
    except OSError as error:
        raise fail(f"cannot read {file}: {error.strerror}") from None
    except UnicodeDecodeError:
        raise fail(f"{file} is not UTF-8 text") from None


def _models(models: tuple[EntryModel, ...]) -> str:
    """The forms, in words where they are a well-known group."""
    names = {
        frozenset(EntryModel): "every form",
        frozenset(m for m in EntryModel if not m.is_totals): "polling-station forms",
        frozenset(m for m in EntryModel if m.is_totals): "committee totals",
    }
    if not models:
        return "second and correction entries of every form"
    return names.get(frozenset(models), ", ".join(model.value for model in models))
