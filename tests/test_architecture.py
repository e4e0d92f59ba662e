"""The dependency rules of the architecture (docs/architecture.md), checked on the source.

The pure packages hold the election rules and must stay testable and auditable without a
database, a web server or a command line. A folder name alone does not keep that boundary, so
this test reads every module's imports and fails when a pure module reaches outwards.
"""

from __future__ import annotations

import ast
import importlib
import re
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


#: The capabilities of ``osv/service`` and the ones each may use (docs/architecture.md, "The
#: service layer"): a subpackage or a top-level module, named as under ``osv.service``; the
#: result engine (``result``) and its database source (``result.stored``) are two areas.
SERVICE_USES: dict[str, tuple[str, ...]] = {
    "errors": (),
    "unit_of_work": (),
    "bootstrap": (),
    "retention": (),
    "restore": (),
    "demo": (),
    "pv_files": (),
    "hash_checks": ("errors",),
    "import_checks": ("errors",),
    "upload_checks": ("hash_checks",),
    "formats": ("errors",),
    "audit_log": ("retention", "unit_of_work"),
    "queries": ("errors", "unit_of_work"),
    "polling_stations": ("errors", "unit_of_work"),
    "users": ("errors", "login_throttle", "unit_of_work"),
    "login_throttle": (),
    "display_links": ("unit_of_work", "users"),
    "importing": ("errors", "hash_checks", "import_checks", "unit_of_work"),
    "candidacy": ("audit_log", "errors", "unit_of_work"),
    "entry": ("audit_log", "errors", "formats", "pv_files", "unit_of_work"),
    "result": ("errors", "formats"),
    "result.stored": ("entry", "errors", "hash_checks", "result", "unit_of_work"),
    "__init__": ("errors",),
}

#: Areas of ``osv/service`` that read no database: the engine and the shapes work on files.
SERVICE_WITHOUT_DATABASE = ("formats", "result")


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


def _service_area(module: str) -> str | None:
    """The area of ``osv/service`` a module name belongs to (see :data:`SERVICE_USES`)."""
    parts = module.split(".")
    if parts[:2] != ["osv", "service"]:
        return None
    if len(parts) == 2:
        return "__init__"
    if parts[2] == "result" and len(parts) > 3 and parts[3] == "stored":
        return "result.stored"
    return parts[2]


def _service_modules() -> list[tuple[Path, str]]:
    found = []
    for path in sorted((ROOT / "osv" / "service").rglob("*.py")):
        module = ".".join(path.relative_to(ROOT).with_suffix("").parts).removesuffix(".__init__")
        area = _service_area(module)
        assert area is not None
        found.append((path, area))
    return found


def test_every_service_area_is_in_the_map() -> None:
    """A new subpackage or module of ``osv/service`` is placed in the map before it is used."""
    areas = {area for _, area in _service_modules()}
    assert sorted(areas - set(SERVICE_USES)) == []
    assert sorted(set(SERVICE_USES) - areas) == []


def test_service_areas_depend_only_as_the_map_says() -> None:
    """Each capability of ``osv/service`` imports only the areas the map lets it use."""
    offences = []
    for path, area in _service_modules():
        for name in _imports(path):
            used = _service_area(name)
            if used is not None and used != area and used not in SERVICE_USES[area]:
                offences.append(f"{path.relative_to(ROOT)} ({area}) imports {name} ({used})")
    assert offences == []


def test_the_service_map_has_no_cycle() -> None:
    """The dependencies between service areas point one way: no area uses itself in a loop."""
    done: set[str] = set()

    def visit(area: str, path: tuple[str, ...]) -> None:
        assert area not in path, f"cycle: {' -> '.join((*path, area))}"
        if area in done:
            return
        for used in SERVICE_USES[area]:
            visit(used, (*path, area))
        done.add(area)

    for area in SERVICE_USES:
        visit(area, ())


def test_the_result_engine_and_the_formats_read_no_database() -> None:
    """The result engine and the shapes work on files, so the command line needs no database;
    only the engine's database source (``result.stored``) opens units of work."""
    offences = []
    for path, area in _service_modules():
        if area not in SERVICE_WITHOUT_DATABASE:
            continue
        for name in _imports(path):
            if name.split(".")[0] in ("sqlalchemy", "alembic") or name.startswith("osv.store"):
                offences.append(f"{path.relative_to(ROOT)} imports {name}")
    assert offences == []


def test_nothing_shipped_imports_the_tests() -> None:
    """Test-only code (the generated national election, builders) stays in ``tests/``."""
    offences = []
    for package in PACKAGES:
        for path in _modules(package):
            for name in _imports(path):
                if name == "tests" or name.startswith("tests."):
                    offences.append(f"{path.relative_to(ROOT)} imports {name}")
    assert offences == []


def test_the_documented_service_map_is_the_enforced_one() -> None:
    """docs/architecture.md lists the same service dependencies as :data:`SERVICE_USES`."""
    text = (ROOT / "docs" / "architecture.md").read_text(encoding="utf-8")
    documented: dict[str, set[str]] = {}
    for line in text.splitlines():
        found = re.fullmatch(r"([\w.]+)\s+-> (.+)", line)
        if found:
            used = found.group(2)
            documented[found.group(1)] = set() if used == "(nothing)" else set(used.split(", "))
    assert documented == {area: set(uses) for area, uses in SERVICE_USES.items()}


def test_the_unit_of_work_factory_type_is_defined_once() -> None:
    """``UowFactory`` has one definition (``osv/service/unit_of_work.py``), not one per module."""
    definitions = []
    for package in PACKAGES:
        for path in _modules(package):
            for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
                targets = (
                    node.targets
                    if isinstance(node, ast.Assign)
                    else [node.target]
                    if isinstance(node, ast.AnnAssign)
                    else []
                )
                if any(isinstance(t, ast.Name) and t.id == "UowFactory" for t in targets):
                    definitions.append(str(path.relative_to(ROOT)))
    assert definitions == ["osv/service/unit_of_work.py"]


#: The most lines a module, and a function, of ``osv/service`` may have (issue 19).
MAX_MODULE_LINES = 500
MAX_FUNCTION_LINES = 60


def test_service_modules_and_functions_stay_small() -> None:
    """No module of ``osv/service`` over 500 lines, no function in it over 60 lines."""
    too_long = []
    for path, _ in _service_modules():
        text = path.read_text(encoding="utf-8")
        name = str(path.relative_to(ROOT))
        if text.count("\n") > MAX_MODULE_LINES:
            too_long.append(f"{name}: {text.count(chr(10))} lines")
        for node in ast.walk(ast.parse(text)):
            if isinstance(node, ast.FunctionDef | ast.AsyncFunctionDef):
                length = (node.end_lineno or node.lineno) - node.lineno + 1
                if length > MAX_FUNCTION_LINES:
                    too_long.append(f"{name}:{node.lineno} {node.name}: {length} lines")
    assert too_long == []
