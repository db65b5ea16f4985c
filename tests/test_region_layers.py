"""The region package's modules import each other one way only.

``lint_article/document/region/`` finds the article in a page in steps, each a
module that builds on those below it (CONTRIBUTING.md, "Where the article is
found"). A module may import only modules below it in :data:`LAYERS`, so that
the naming of a page's parts never depends on the choice of the root, nor the
page's measures on the cleaning that reads them.
"""

from __future__ import annotations

import ast

import pytest

from .conftest import ROOT

PACKAGE = ROOT / "lint_article" / "document" / "region"
# From the bottom up: what names a page's parts and how short lines read; the
# page's measures; what the steps ask of them; the root; the steps in order.
LAYERS = ("naming", "wording", "page", "inside", "edges", "headline", "root", "finder")


def sibling_imports(source: str) -> list[tuple[int, str]]:
    """(line, module) for each import of a module of the same package (``from .x import ...``)."""
    found: list[tuple[int, str]] = []
    for node in ast.walk(ast.parse(source)):
        if isinstance(node, ast.ImportFrom) and node.level == 1:
            if node.module is not None:
                found.append((node.lineno, node.module.split(".")[0]))
            else:  # from . import x
                found += [(node.lineno, alias.name) for alias in node.names]
    return found


def upward_imports(module: str, source: str) -> list[str]:
    """The imports in *source*, the package's module *module*, of a module not below it."""
    below = LAYERS[: LAYERS.index(module)]
    found = sibling_imports(source)
    return [f"line {line}: {module} imports {target}" for line, target in found if target not in below]


def test_every_module_of_the_package_has_its_layer() -> None:
    modules = {path.stem for path in PACKAGE.glob("*.py")} - {"__init__"}
    assert modules == set(LAYERS), "place a new module of lint_article/document/region in LAYERS"


@pytest.mark.parametrize("module", LAYERS)
def test_a_module_imports_only_the_modules_below_it(module: str) -> None:
    assert upward_imports(module, (PACKAGE / f"{module}.py").read_text(encoding="utf-8")) == []


@pytest.mark.parametrize(
    ("module", "source", "expected"),
    [
        ("page", "from .naming import _naming\nfrom .wording import _POINTER\n", []),
        ("page", "from .naming import _naming\nfrom .root import _choose_root\n", ["line 2: page imports root"]),
        ("naming", "from .page import _Page\n", ["line 1: naming imports page"]),
        ("finder", "from . import headline\n", []),
        ("inside", "from . import finder\n", ["line 1: inside imports finder"]),
        # Imports from outside the package are not layers of it.
        ("naming", "from ..layout import HEADING_LEVELS\nfrom ...regex import on_use\n", []),
    ],
)
def test_an_import_from_above_is_found(module: str, source: str, expected: list[str]) -> None:
    assert upward_imports(module, source) == expected
