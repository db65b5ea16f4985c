"""Patterns compiled on first use: nothing compiled at import, the compiled
methods themselves after the first call, the same answers as re.compile."""

from __future__ import annotations

import re

import pytest

from lint_article.regex import on_use


def test_a_pattern_compiles_on_its_first_call_and_once(monkeypatch: pytest.MonkeyPatch) -> None:
    compiled: list[str] = []
    real_compile = re.compile

    def counting_compile(source: str, flags: int = 0) -> re.Pattern[str]:
        compiled.append(source)
        return real_compile(source, flags)

    monkeypatch.setattr(re, "compile", counting_compile)
    pattern = on_use(r"\bdrafts?\b", re.IGNORECASE)
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


def test_a_bad_pattern_raises_re_error_when_first_used() -> None:
    pattern = on_use("(unclosed")
    with pytest.raises(re.error):
        pattern.search("text")
