"""The dependency rules of the architecture (docs/architecture.md), checked on the source.

The pure packages hold the election rules and must stay testable and auditable without a
database, a web server or a command line. A folder name alone does not keep that boundary, so
this test reads every module's imports and fails when a pure module reaches outwards.
"""

from __future__ import annotations

import ast
import importlib
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
PACKAGES = ("osv", "eml", "results", "candidacy", "ui")

#: What each pure area may not import (as module-name prefixes).
FORBIDDEN = {
    "osv/model": (
        "sqlalchemy",
        "alembic",
        "fastapi",
        "typer",
        "lxml",
        "osv.store",
        "osv.service",
        "osv.cli",
        "eml",
        "results",
        "candidacy",
        "ui",
    ),
    "eml": (
        "sqlalchemy",
        "alembic",
        "fastapi",
        "typer",
        "osv.store",
        "osv.service",
        "osv.cli",
        "ui",
        "results",
        "candidacy",
    ),
    "results": (
        "sqlalchemy",
        "alembic",
        "fastapi",
        "typer",
        "lxml",
        "osv.store",
        "osv.service",
        "osv.cli",
        "ui",
    ),
    "candidacy": (
        "sqlalchemy",
        "alembic",
        "fastapi",
        "typer",
        "osv.store",
        "osv.service",
        "osv.cli",
        "ui",
    ),
    "osv/store": ("fastapi", "typer", "osv.cli", "osv.service", "ui"),
    "osv/service": ("fastapi", "typer", "osv.cli", "ui"),
}


def _imports(path: Path) -> set[str]:
    tree = ast.parse(path.read_text(encoding="utf-8"))
    names: set[str] = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            names.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            names.add(node.module)
    return names


def _modules(area: str) -> list[Path]:
    return sorted((ROOT / area).rglob("*.py"))


@pytest.mark.parametrize("area", sorted(FORBIDDEN))
def test_pure_areas_do_not_import_outward(area: str) -> None:
    """No module of a pure area imports the database, web, CLI or a higher layer."""
    offences = []
    for path in _modules(area):
        for name in _imports(path):
            for prefix in FORBIDDEN[area]:
                if name == prefix or name.startswith(prefix + "."):
                    offences.append(f"{path.relative_to(ROOT)} imports {name}")
    assert offences == []


def _isort_key(name: str) -> tuple[int, str]:
    """Ruff's order for ``__all__``: CONSTANTS, then Classes, then functions."""
    kind = 0 if name.isupper() else 1 if name[:1].isupper() else 2
    return kind, name


@pytest.mark.parametrize("package", PACKAGES)
def test_public_names_are_declared_and_exist(package: str) -> None:
    """Every module declares ``__all__``, in ruff's order, and each name in it exists."""
    for path in sorted((ROOT / package).rglob("*.py")):
        if "migrations" in path.parts:
            continue
        module_name = ".".join(path.relative_to(ROOT).with_suffix("").parts)
        module_name = module_name.removesuffix(".__init__")
        module = importlib.import_module(module_name)
        exported = getattr(module, "__all__", None)
        assert exported is not None, f"{module_name} has no __all__"
        assert list(exported) == sorted(exported, key=_isort_key), (
            f"{module_name}.__all__ is not sorted (constants, classes, functions)"
        )
        missing = [name for name in exported if not hasattr(module, name)]
        assert missing == [], f"{module_name}.__all__ names missing objects: {missing}"
