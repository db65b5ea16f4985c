"""Patterns compiled on first use: nothing compiled at import, the compiled
methods themselves after the first call, the same answers as re.compile."""

from __future__ import annotations

import ast
import importlib
import re
from collections.abc import Iterator
from pathlib import Path
from typing import Any, cast

import pytest

from lint_article.regex import _OnUse, on_use

from .conftest import ROOT


def test_a_pattern_compiles_on_its_first_call_and_once(monkeypatch: pytest.MonkeyPatch) -> None:
    compiled: list[str] = []
    real_compile = re.compile

    def counting_compile(source: str, flags: int = 0) -> re.Pattern[str]:
        compiled.append(source)
        return real_compile(source, flags)

    monkeypatch.setattr(re, "compile", counting_compile)
    pattern = on_use(r"\bdrafts?\b", re.IGNORECASE)
    assert on_use(f"(?:{pattern.pattern})+").pattern == r"(?:\bdrafts?\b)+"
    assert compiled == []
    assert pattern.search("Two Drafts left") is not None
    assert pattern.findall("draft, DRAFT") == ["draft", "DRAFT"]
    assert compiled == [r"\bdrafts?\b"]


def test_after_the_first_call_each_method_is_the_compiled_patterns_own() -> None:
    pattern = on_use(r"(?P<word>\w+)")
    pattern.match("first")
    assert isinstance(pattern.search.__self__, re.Pattern)  # type: ignore[attr-defined]
    assert pattern.sub.__self__ is pattern.search.__self__  # type: ignore[attr-defined]


@pytest.mark.parametrize(
    ("source", "flags", "text"),
    [
        (r"(?P<n>\d+)\s*min", 0, "a 5 min read, 10min"),
        (r"^by (\w+)$", re.IGNORECASE | re.MULTILINE, "BY Ann\nby bob\nnot by cy"),
        ("[\u3040-\u30ff]", 0, "かな and kana"),
    ],
)
def test_it_answers_as_re_compile_does(source: str, flags: re.RegexFlag, text: str) -> None:
    lazy, eager = on_use(source, flags), re.compile(source, flags)
    assert [m.span() for m in lazy.finditer(text)] == [m.span() for m in eager.finditer(text)]
    assert lazy.findall(text) == eager.findall(text)
    assert lazy.sub("_", text) == eager.sub("_", text)
    assert lazy.split(text) == eager.split(text)
    assert (lazy.pattern, lazy.flags, lazy.groups, lazy.groupindex) == (
        eager.pattern,
        eager.flags,
        eager.groups,
        eager.groupindex,
    )


def test_a_bytes_pattern_searches_bytes() -> None:
    pattern = on_use(rb"charset\s*=\s*utf-8")
    match = pattern.search(b'<meta charset = utf-8">')
    assert match is not None and match.group() == b"charset = utf-8"


def test_a_bad_pattern_raises_re_error_when_first_used() -> None:
    pattern = on_use("(unclosed")
    with pytest.raises(re.error):
        pattern.search("text")


def _compiled_on_import(path: Path) -> list[int]:
    """The lines of *path* that call re.compile outside a function: run when it is imported."""

    class Finder(ast.NodeVisitor):
        def __init__(self) -> None:
            self.lines: list[int] = []

        def skip(self, node: ast.AST) -> None:
            """A function's body runs when it is called."""

        visit_FunctionDef = visit_AsyncFunctionDef = visit_Lambda = skip

        def visit_Call(self, node: ast.Call) -> None:
            function = node.func
            if (
                isinstance(function, ast.Attribute)
                and function.attr == "compile"
                and isinstance(function.value, ast.Name)
                and function.value.id == "re"
            ):
                self.lines.append(node.lineno)
            self.generic_visit(node)

    finder = Finder()
    finder.visit(ast.parse(path.read_text(encoding="utf-8")))
    return finder.lines


def test_no_module_compiles_a_pattern_when_imported() -> None:
    compiled = {
        f"{path.relative_to(ROOT)}:{line}"
        for path in sorted((ROOT / "lint_article").rglob("*.py"))
        for line in _compiled_on_import(path)
    }
    assert sorted(compiled) == [], "compiled at import: make these patterns with lint_article.regex.on_use"


def test_the_import_check_sees_a_module_pattern_and_not_a_functions(tmp_path: Path) -> None:
    module = tmp_path / "module.py"
    module.write_text(
        "import re\nEAGER = re.compile('a')\nTABLE = [re.compile(p) for p in 'bc']\n"
        "def lazy():\n    return re.compile('d')\nKEY = lambda: re.compile('e')\n",
        encoding="utf-8",
    )
    assert _compiled_on_import(module) == [2, 3]


def _lazy_patterns(value: object, depth: int = 0) -> Iterator[re.Pattern[Any]]:
    """The on_use patterns in *value*: itself, or held in a tuple, list, set or dict of them."""
    if isinstance(value, _OnUse):
        yield cast("re.Pattern[Any]", value)
    elif depth < 3 and isinstance(value, tuple | list | set | frozenset):
        for item in value:
            yield from _lazy_patterns(item, depth + 1)
    elif depth < 3 and isinstance(value, dict):
        for item in value.values():
            yield from _lazy_patterns(item, depth + 1)


def test_every_module_pattern_compiles() -> None:
    # Compiled on first use, a pattern of a rarely taken path would otherwise
    # show a mistake only when an article first takes it.
    names = [
        f"lint_article.{'.'.join(path.relative_to(ROOT / 'lint_article').with_suffix('').parts)}"
        for path in sorted((ROOT / "lint_article").rglob("*.py"))
        if path.name not in ("__init__.py", "__main__.py")
    ]
    found = 0
    for name in names:
        module = importlib.import_module(name)
        for pattern in (p for value in vars(module).values() for p in _lazy_patterns(value)):
            pattern.search(pattern.pattern[:0])  # "" or b"", as the pattern is text or bytes
            found += 1
    assert found > 150  # every module-level pattern of the package, held alone or in a table
