"""The portal's web infrastructure (alliance/core/) stands apart from the domain: it imports no app
and nothing of the Alliance's own domain, so the apps build on it and never the other way round."""

import ast
from pathlib import Path

import pytest

CORE = Path(__file__).resolve().parents[2] / "alliance" / "core"
APPS = ("centres", "board", "dtlab", "partnerships", "coordination")
DOMAIN = ("alliance.models", "alliance.reports", "alliance.news", "alliance.notifications",
          "alliance.selectors", "alliance.reference_data", "alliance.countries", "alliance.todo",
          "alliance.search", "alliance.views", "alliance.admin", "alliance.api")


def imported_modules(path: Path) -> list[str]:
    modules = []
    for node in ast.walk(ast.parse(path.read_text(), str(path))):
        if isinstance(node, ast.Import):
            modules += [alias.name for alias in node.names]
        elif isinstance(node, ast.ImportFrom):
            if node.level == 1:  # from .x import y: a module of the core itself
                modules.append(f"alliance.core.{node.module}" if node.module else "alliance.core")
            elif node.level > 1:
                modules.append(f"<{node.level} levels up>.{node.module}")
            else:
                modules += [node.module] + [f"{node.module}.{alias.name}" for alias in node.names]
    return modules


def test_the_core_package_exists_with_its_modules():
    assert {"freshness", "pagination", "middleware", "validators"} <= {p.stem for p in CORE.glob("*.py")}


@pytest.mark.parametrize("path", sorted(CORE.glob("*.py")), ids=lambda path: path.name)
def test_a_core_module_imports_no_app_and_nothing_of_the_domain(path):
    wrong = [module for module in imported_modules(path)
             if module.split(".")[0] in APPS or module.startswith("<")
             or any(module == domain or module.startswith(domain + ".") for domain in DOMAIN)]
    assert wrong == []
