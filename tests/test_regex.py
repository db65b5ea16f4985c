"""Patterns compiled on first use: nothing compiled at import, the compiled
methods themselves after the first call, the same answers as re.compile."""

from __future__ import annotations

import ast
import importlib
import marshal
import os
import re
import subprocess
import sys
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any, cast

import pytest

from lint_article import regex
from lint_article.regex import _OnUse, on_use

from .conftest import FIXTURES, ROOT


def test_a_pattern_compiles_on_its_first_call_and_once(monkeypatch: pytest.MonkeyPatch) -> None:
    compiled: list[str | bytes] = []
    real_compile = regex._compile

    def counting_compile(source: str | bytes, flags: int) -> re.Pattern[Any]:
        compiled.append(source)
        return real_compile(source, flags)

    monkeypatch.setattr(regex, "_compile", counting_compile)
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
            # The same code as re writes, whether this process wrote it or read it from an earlier one's.
            assert pattern._compiled == re.compile(pattern.pattern, pattern._flags)  # type: ignore[attr-defined]
            found += 1
    assert found > 150  # every module-level pattern of the package, held alone or in a table


# The code kept between runs: a process reads what an earlier one wrote, and
# never trusts it further than the regex engine's own check of it.

_SOURCES: tuple[Any, Any] = (r"(?P<minutes>\d+)\s*min(?:ute)?s?\b", rb"charset\s*=\s*(?P<name>[\w-]+)")
_FLAGS = (int(re.IGNORECASE), 0)
_KEYS = list(zip(_SOURCES, _FLAGS, strict=True))


@pytest.fixture
def codes_file(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A process's state of the kept code, with its file in *tmp_path*."""
    path = tmp_path / "regex.codes"
    monkeypatch.setattr(regex, "_path", lambda: str(path))
    monkeypatch.setattr(regex, "_kept", None)
    monkeypatch.setattr(regex, "_new", {})
    monkeypatch.setattr(sys, "dont_write_bytecode", False)
    return path


def _next_process(monkeypatch: pytest.MonkeyPatch) -> None:
    """Forget what this process compiled and read, as a new process starts."""
    monkeypatch.setattr(regex, "_kept", None)
    monkeypatch.setattr(regex, "_new", {})


def _compile_both() -> list[re.Pattern[Any]]:
    patterns: list[re.Pattern[Any]] = [on_use(source, flags) for source, flags in zip(_SOURCES, _FLAGS, strict=True)]
    for pattern in patterns:
        pattern.search(pattern.pattern[:0])
    return patterns


def _refuse_to_parse(monkeypatch: pytest.MonkeyPatch) -> list[object]:
    """Make re's parser record each source it is asked for, and return that record."""
    parsed: list[object] = []
    real_parse = re._parser.parse  # type: ignore[attr-defined]

    def recording_parse(source: str | bytes, flags: int = 0, state: object = None) -> object:
        parsed.append(source)
        return real_parse(source, flags, state)

    monkeypatch.setattr(re._parser, "parse", recording_parse)  # type: ignore[attr-defined]
    return parsed


def test_a_later_process_reads_the_code_instead_of_parsing(codes_file: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    first = _compile_both()
    regex.save()
    assert codes_file.is_file()
    _next_process(monkeypatch)
    parsed = _refuse_to_parse(monkeypatch)
    second = _compile_both()
    assert parsed == []
    for pattern, source, flags in zip(second, _SOURCES, _FLAGS, strict=True):
        compiled = pattern._compiled  # type: ignore[attr-defined]
        assert compiled == re.compile(source, flags)  # the same flags and code
        assert (compiled.groups, dict(compiled.groupindex)) == (
            1,
            {"minutes" if isinstance(source, str) else "name": 1},
        )
    assert second[0].search("a 12 Minutes read").group("minutes") == "12"  # type: ignore[union-attr]
    assert [p._compiled for p in first] == [p._compiled for p in second]  # type: ignore[attr-defined]


def test_save_keeps_what_another_process_wrote_meanwhile(codes_file: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    on_use(_SOURCES[0], _FLAGS[0]).search("")
    regex.save()
    _next_process(monkeypatch)
    monkeypatch.setattr(regex, "_kept", {})  # read before the first process wrote
    on_use(_SOURCES[1], _FLAGS[1]).search(b"")
    regex.save()
    assert set(regex._load(str(codes_file))) == set(_KEYS)


def _hold(path: Path, entry: object) -> None:
    """Write a file that holds *entry* as the code of each of the test's patterns."""
    path.write_bytes(marshal.dumps((regex._FILE_FORMAT, dict.fromkeys(_KEYS, entry))))


@pytest.mark.parametrize(
    "damage",
    [
        pytest.param(lambda path: path.write_bytes(b"\x00not marshal"), id="garbage"),
        pytest.param(lambda path: path.write_bytes(path.read_bytes()[:100]), id="truncated"),
        pytest.param(lambda path: path.write_bytes(marshal.dumps([1, 2, 3])), id="another-shape"),
        pytest.param(lambda path: _hold(path, (0, [1, 2, 3], 0, {}, ())), id="code-the-engine-refuses"),
        pytest.param(lambda path: _hold(path, ("flags", None)), id="entries-of-another-shape"),
    ],
)
def test_a_damaged_file_is_passed_over(
    codes_file: Path, monkeypatch: pytest.MonkeyPatch, damage: Callable[[Path], object]
) -> None:
    _compile_both()
    regex.save()
    damage(codes_file)
    _next_process(monkeypatch)
    parsed = _refuse_to_parse(monkeypatch)
    patterns = _compile_both()
    assert parsed == list(_SOURCES)  # compiled by re, as without the file
    for pattern, source, flags in zip(patterns, _SOURCES, _FLAGS, strict=True):
        assert pattern._compiled == re.compile(source, flags)  # type: ignore[attr-defined]
    regex.save()  # and written anew, whole
    assert set(regex._load(str(codes_file))) == set(_KEYS)


def test_nothing_is_written_where_bytecode_is_not(codes_file: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(sys, "dont_write_bytecode", True)
    _compile_both()
    regex.save()
    assert not codes_file.exists()
    assert regex._new == {}


def test_a_read_only_folder_leaves_the_run_as_it_was(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    blocker = tmp_path / "a-file"
    blocker.write_text("", encoding="utf-8")
    monkeypatch.setattr(regex, "_path", lambda: str(blocker / "__pycache__" / "regex.codes"))  # no folder can be made
    monkeypatch.setattr(regex, "_kept", None)
    monkeypatch.setattr(regex, "_new", {})
    monkeypatch.setattr(sys, "dont_write_bytecode", False)
    patterns = _compile_both()
    regex.save()  # no error
    assert patterns[1].search(b"charset = utf-8").group("name") == b"utf-8"  # type: ignore[union-attr]
    assert list(tmp_path.iterdir()) == [blocker]


def test_the_command_line_keeps_the_code_for_its_next_run(tmp_path: Path) -> None:
    # os._exit ends a command-line run, past every exit handler: the CLI saves itself.
    environment = {**os.environ, "PYTHONPYCACHEPREFIX": str(tmp_path / "prefix")}
    environment.pop("PYTHONDONTWRITEBYTECODE", None)
    command = [sys.executable, "-m", "lint_article", "check", "--no-cache", str(FIXTURES / "sahel-article.html")]
    first = subprocess.run(command, capture_output=True, text=True, env=environment, check=False)
    assert first.returncode == 1, first.stderr
    kept = list((tmp_path / "prefix").rglob("regex.*.marshal"))
    assert len(kept) == 1 and kept[0].parent.name == "lint_article"
    held = regex._load(str(kept[0]))
    assert any("won['’]?t believe" in str(source) for source, _ in held)  # the headline rule's, used on this article
    second = subprocess.run(command, capture_output=True, text=True, env=environment, check=False)
    assert (second.returncode, second.stdout) == (1, first.stdout)
