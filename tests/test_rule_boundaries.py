"""Rules read the document model; they never parse, walk text out of the tree, or count words themselves.

The source of every module in ``lint_article/rules/`` is read with ``ast`` and
held to the boundary that keeps one definition of a word, a sentence and the
visible text (issue 10). What a rule may import from lint-article:

- ``lint_article.document``, the package itself: ``Article``, its views and the
  types and kinds it exports in ``__all__``;
- ``lint_article.findings`` and ``lint_article.rule``: the protocol;
- constants of the lexicon modules (``FUNCTION_WORDS`` in
  ``lint_article.document.language``): word lists are data that rules may share,
  while the tokeniser, the layout and the parser beside them are not for rules.

Anything else from lint-article (the engine, the registry, the editorial
copies of old), and the parsers (``lxml``, ``bs4``, ``html5lib``, ``html``,
``xml``), is out of bounds, as are ``itertext()``/``text_content()`` (text
pulled from the tree by hand, which misses the hidden-text rules) and
``str.split()`` without a separator on anything but a literal (a word count
that disagrees with the shared tokeniser).
"""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

import lint_article.document

from .conftest import ROOT

RULES_FOLDER = ROOT / "lint_article" / "rules"
RULE_SOURCES = sorted(RULES_FOLDER.glob("*.py"))

PARSERS = ("lxml", "bs4", "html5lib", "html", "xml")
# What a rule is made of: its protocol, and on_use for its module-level patterns.
PROTOCOL = ("lint_article.findings", "lint_article.rule", "lint_article.regex")
MODEL = "lint_article.document"
MODEL_NAMES = frozenset(lint_article.document.__all__)
LEXICONS = ("lint_article.document.language", "lint_article.document.wordlists")
TEXT_BY_HAND = ("itertext", "text_content")


def boundary_violations(source: str, module: str) -> list[tuple[int, str]]:
    """(line, what) for each thing in *source*, the module named *module*, that a rule may not do."""
    found: list[tuple[int, str]] = []
    for node in ast.walk(ast.parse(source)):
        if isinstance(node, ast.Import):
            found += [(node.lineno, problem) for alias in node.names if (problem := _import_problem(alias.name))]
        elif isinstance(node, ast.ImportFrom):
            package = _absolute(module, node)
            for alias in node.names:
                if problem := _import_problem(package, alias.name):
                    found.append((node.lineno, problem))
        elif isinstance(node, ast.Attribute) and node.attr in TEXT_BY_HAND:
            found.append((node.lineno, f"{node.attr}() pulls text from the tree by hand: read ctx.view's text"))
        elif _splits_words(node):
            found.append(
                (node.lineno, ".split() counts words its own way: use ctx.view's words or Article.count_words")
            )
    return sorted(found)


def _absolute(module: str, node: ast.ImportFrom) -> str:
    """The package that ``from ... import`` reads, relative imports resolved against *module*."""
    if not node.level:
        return node.module or ""
    package = module.rsplit(".", node.level)[0]
    return f"{package}.{node.module}" if node.module else package


def _import_problem(package: str, name: str | None = None) -> str | None:
    """Why a rule may not import *name* from *package* (*package* itself when *name* is None)."""
    if package.partition(".")[0] in PARSERS:
        return f"imports {package}: the document model parses; rules read ctx.view"
    if not package.startswith("lint_article"):
        return None
    allowed = (
        package in PROTOCOL
        or package.startswith("lint_article.rules")
        or (package == MODEL and (name is None or name in MODEL_NAMES))
        or (package in LEXICONS and name is not None and name.isupper())
    )
    if allowed:
        return None
    shown = f"{package}.{name}" if name is not None and package in ("lint_article", MODEL) else package
    return f"imports {shown}: a rule imports from the document package, the rule protocol and lexicon constants only"


def _splits_words(node: ast.AST) -> bool:
    """A call of ``x.split()`` (or ``x.split(None)``, ``str.split(x)``) on something not a literal."""
    if not (isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute) and node.func.attr == "split"):
        return False
    receiver, args = node.func.value, node.args
    if isinstance(receiver, ast.Name) and receiver.id == "str":
        args = args[1:]
    elif isinstance(receiver, ast.Constant) or node.keywords:
        return False
    return not args or (isinstance(args[0], ast.Constant) and args[0].value is None)


@pytest.mark.parametrize("path", RULE_SOURCES, ids=[p.stem for p in RULE_SOURCES])
def test_the_rule_stays_within_the_document_model(path: Path) -> None:
    module = f"lint_article.rules.{path.stem}"
    shown = path.relative_to(ROOT)
    problems = [f"{shown}:{line}: {what}" for line, what in boundary_violations(path.read_text("utf-8"), module)]
    assert problems == []


RULE = "lint_article.rules.example"


@pytest.mark.parametrize(
    ("source", "complaint"),
    [
        ("import lxml.html", "imports lxml.html"),
        ("from lxml import etree", "imports lxml"),
        ("from bs4 import BeautifulSoup", "imports bs4"),
        ("from ..editorial import visible_text", "imports lint_article.editorial"),
        ("import lint_article.editorial", "imports lint_article.editorial"),
        ("from ..engine import Linter", "imports lint_article.engine"),
        ("from ..document.tokens import WORD", "imports lint_article.document.tokens"),
        ("from ..document import tokens", "imports lint_article.document.tokens"),
        ("from ..document import Article, layout", "imports lint_article.document.layout"),
        ("from ..document.language import detect", "imports lint_article.document.language"),
        ("from lint_article import lint", "imports lint_article.lint"),
        ("text = ''.join(element.itertext())", "itertext() pulls text"),
        ("text = element.text_content()", "text_content() pulls text"),
        ("count = len(text.split())", ".split() counts words"),
        ("count = len(article.block_text(block).split(None))", ".split() counts words"),
        ("count = sum(1 for _ in str.split(text))", ".split() counts words"),
        ("long = [p for p in paragraphs if len(p.text.split()) > 10]", ".split() counts words"),
    ],
)
def test_each_way_out_of_the_model_is_caught(source: str, complaint: str) -> None:
    ((line, what),) = boundary_violations(source, RULE)
    assert line == 1 and what.startswith(complaint), what


@pytest.mark.parametrize(
    "source",
    [
        "from ..document import PROSE_KINDS, Article, Block, View",
        "from ..document.language import FUNCTION_WORDS",
        "from ..findings import Finding, Severity",
        "from ..rule import ConfigError, Context, Rule, RuleOptions, option",
        "import re\nfrom collections.abc import Iterator",
        "WORDS = frozenset('a b c'.split())",
        "WORDS = frozenset('''\n    a b\n    c\n'''.split())",
        "parts = _TITLE_SEPARATOR.split(title)",
        "names = value.split(',')",
        "head, tail = text.split(':', 1)",
        "for link in element.iter('a'): pass",
    ],
)
def test_what_a_rule_may_do_is_not_caught(source: str) -> None:
    assert boundary_violations(source, RULE) == []
