"""Fixes are edits to spans of the source: nothing outside them changes, a second
fix changes nothing, unsafe fixes wait to be asked for, and the engine refuses a
fix that a rule has no right to make."""

from __future__ import annotations

import itertools
import os
import re
from collections.abc import Iterator
from pathlib import Path

import pytest

import lint_article
from lint_article import Article, Finding, Linter, Registry, Rule, RuleOptions, Severity, make_linter
from lint_article.cache import ResultCache
from lint_article.fixes import MAX_ROUNDS, AppliedFix, FixResult, fix_bytes, fix_text, write_atomically
from lint_article.report import INTERNAL_ERROR
from lint_article.rule import Context

from .conftest import FIXTURES

FIXTURE_FILES = sorted(FIXTURES.rglob("*.html"))
LINTER = make_linter()
PAGE = make_linter({"profile": "page"})
"""For the short examples: linted as pages, whose <h1> is the title (a CMS body may have none)."""
MESSY = (
    '<html lang="en"><head><title>Budget</title></head><body><article>\r\n'
    "<h1>Budget</h1>\r\n"
    '<p style="color: red">The council **approved** the budget.</p>\r\n'
    "<h1>Second title</h1>\r\n"
    "<h2> </h2>\r\n"
    "<h4>Deep section</h4>\r\n"
    "<p>See the [full report](https://example.org/report).</p>\r\n"
    "</article></body></html>\r\n"
)


def edited_only(before: str, applied: tuple[AppliedFix, ...]) -> str:
    """*before* with the *applied* fixes replayed round by round, each round's
    edits mapped from the text with line breaks normalised onto the text as it
    is (CR LF kept): what the fixed text must be, if nothing outside the edits changed."""
    text = before
    for _, fixes in itertools.groupby(applied, key=lambda fix: fix.round):
        pairs = [m.start() - i for i, m in enumerate(re.finditer("\r\n", text))]

        def original(offset: int, pairs: list[int] = pairs) -> int:
            return offset + sum(1 for pair in pairs if pair < offset)

        edits = sorted((edit for fix in fixes for edit in fix.fix.edits), key=lambda edit: edit.start)
        pieces, kept = [], 0
        for edit in edits:
            start, end = original(edit.start), original(edit.end)
            assert start >= kept, "edits of one round overlap"
            pieces += [text[kept:start], edit.replacement]
            kept = end
        text = "".join(pieces) + text[kept:]
    return text


def check_fix(before: str, result: FixResult, *, unsafe: bool = False, linter: Linter = LINTER) -> None:
    """*result* changed *before* in its edits only, and fixing it again changes nothing."""
    assert result.text == edited_only(before, result.applied)
    again = fix_text(linter, result.text, unsafe=unsafe)
    assert again.applied == () and again.text == result.text, "a second fix changed something"


def test_the_library_fixes_what_is_mechanical_and_reports_what_is_left() -> None:
    result = lint_article.fix(MESSY)
    assert "<strong>approved</strong>" in result.text and 'style="' not in result.text
    assert "<h2>Second title</h2>" in result.text and "<h2> </h2>" not in result.text
    assert '<a href="https://example.org/report">full report</a>' in result.text
    assert "<h4>Deep section</h4>" in result.text  # re-levelling is unsafe
    assert {(fix.rule, str(fix.fix.applicability)) for fix in result.applied} == {
        ("no-inline-style", "safe"),
        ("markdown-leftover", "safe"),
        ("single-h1", "safe"),
        ("empty-heading", "safe"),
    }
    assert result.text.count("\r\n") == MESSY.count("\r\n") - 1  # the empty heading's line went
    left = {f.rule for f in result.report.findings}
    assert "heading-order" in left and not left & {"no-inline-style", "single-h1", "empty-heading"}
    assert result.unsafe_available == 1
    check_fix(MESSY, result)


def test_unsafe_fixes_apply_only_when_asked_for() -> None:
    safe = lint_article.fix(MESSY)
    unsafe = lint_article.fix(MESSY, unsafe=True)
    assert "<h4>Deep section</h4>" in safe.text
    assert "<h3>Deep section</h3>" in unsafe.text
    assert any(str(fix.fix.applicability) == "unsafe" for fix in unsafe.applied)
    assert all(str(fix.fix.applicability) == "safe" for fix in safe.applied)
    check_fix(MESSY, unsafe, unsafe=True)


def test_fixes_that_touch_wait_for_the_next_round() -> None:
    # The style attribute lies inside the empty heading that is deleted: one round each would clash.
    html = '<h1>T</h1>\n<h2 style="x"> </h2>\n<p>Body</p>'
    result = fix_text(PAGE, html)
    assert result.text == "<h1>T</h1>\n<p>Body</p>"
    assert len({fix.round for fix in result.applied}) >= 1
    check_fix(html, result, linter=PAGE)


def test_input_that_cannot_be_linted_comes_back_unchanged() -> None:
    result = lint_article.fix("just some words, no markup")
    assert result.text == "just some words, no markup" and result.applied == ()
    assert result.report.error is not None


def test_bytes_are_fixed_in_their_own_encoding_with_every_other_byte_kept() -> None:
    html = '<meta charset="windows-1252"><h1>Café</h1><p style="x">Crème **brûlée**</p>'
    data = html.encode("cp1252")
    outcome = fix_bytes(PAGE, data, "menu.html")
    assert outcome.data == data.replace(b' style="x"', b"").replace(b"**br", b"<strong>br").replace(
        b"e**", b"e</strong>"
    )
    utf8 = b"\xef\xbb\xbf" + html.replace("windows-1252", "utf-8").encode("utf-8")
    fixed = fix_bytes(PAGE, utf8, "menu.html").data
    assert fixed is not None and fixed.startswith(b"\xef\xbb\xbf<meta") and "brûlée</strong>".encode() in fixed


def test_bytes_that_do_not_read_back_the_same_are_left_alone() -> None:
    data = b'<meta charset="utf-8"><h1>T</h1><p style="x">caf\xc3 broken</p>'
    outcome = fix_bytes(PAGE, data, "broken.html")
    assert outcome.data is None and outcome.refused is not None and "not fixed" in outcome.refused
    assert any(f.rule == "no-inline-style" for f in outcome.result.report.findings)


def test_a_fixed_file_shows_as_a_unified_diff() -> None:
    outcome = fix_bytes(PAGE, b'<h1>T</h1>\n<p style="x">Body</p>', "a.html")
    assert "".join(outcome.diff("a.html")) == (
        "--- a/a.html\n+++ b/a.html\n@@ -1,2 +1,2 @@\n <h1>T</h1>\n"
        '-<p style="x">Body</p>\n\\ No newline at end of file\n+<p>Body</p>\n\\ No newline at end of file\n'
    )


@pytest.mark.parametrize("unsafe", [False, True], ids=["safe", "unsafe"])
@pytest.mark.parametrize("path", FIXTURE_FILES, ids=[str(p.relative_to(FIXTURES)) for p in FIXTURE_FILES])
def test_every_fixture_changes_only_in_its_edits_and_settles(path: Path, unsafe: bool) -> None:
    outcome = fix_bytes(LINTER, path.read_bytes(), str(path), unsafe=unsafe)
    check_fix(outcome.before, outcome.result, unsafe=unsafe)
    if outcome.data is not None:
        assert Article.from_html(outcome.data).source == Article(outcome.result.text).source


def test_the_rounds_are_bounded() -> None:
    class Grows(Rule):
        """Adds a character for ever: a fix that never settles."""

        id = "grows"
        summary = "Grows."
        messages = {"grow": "grow"}
        advice = {"grow": "Grow."}
        fixable = True
        fix_applicability = {"grow": lint_article.Applicability.SAFE}

        def check(self, article: Article, ctx: Context[RuleOptions]) -> Iterator[Finding]:
            yield ctx.fixed(ctx.at_document("grow"), ctx.fix("Grow", [(0, 0, " ")]))

    linter = make_linter({"select": ["grows"]}, Registry.of([Grows]))
    result = fix_text(linter, "<p>x</p>")
    assert result.text == " " * MAX_ROUNDS + "<p>x</p>"
    assert [fix.round for fix in result.applied] == list(range(1, MAX_ROUNDS + 1))


class _Offers(Rule):
    """Offers a fix.

    ## What it checks
    Nothing.
    ## Why
    A test.
    ## Fails
    ```html
    <p>x</p>
    ```
    ## Passes
    ```html
    <p>x</p>
    ```
    """

    id = "offers"
    summary = "Offers a fix."
    severity = Severity.WARNING
    messages = {"offer": "offer"}
    advice = {"offer": "Take it."}
    edits: tuple[tuple[int, int, str], ...] = ((0, 0, "x"),)

    def check(self, article: Article, ctx: Context[RuleOptions]) -> Iterator[Finding]:
        yield ctx.fixed(ctx.at_document("offer"), ctx.fix("Offer", list(self.edits)))


@pytest.mark.parametrize(
    ("fixable", "edits", "problem"),
    [
        (False, ((0, 0, "x"),), "attached a fix (line 1) but does not declare fixable = True"),
        (True, ((0, 99, ""),), "an edit from 0 to 99 outside the source (0 to 8)"),
        (True, ((2, 5, ""), (3, 4, "")), "edits that overlap or are out of order"),
    ],
)
def test_the_engine_refuses_a_fix_a_rule_has_no_right_to_make(
    fixable: bool, edits: tuple[tuple[int, int, str], ...], problem: str
) -> None:
    applicability = {"offer": lint_article.Applicability.SAFE} if fixable else {}
    rule = type("Offering", (_Offers,), {"fixable": fixable, "fix_applicability": applicability, "edits": edits})
    report = make_linter({"select": ["offers"]}, Registry.of([rule])).lint("<p>x</p>")
    (crash,) = report.findings
    assert crash.message_id == INTERNAL_ERROR and problem in crash.message


def test_a_suppressed_finding_is_not_fixed() -> None:
    html = '<h1>T</h1><!-- lint-article-disable no-inline-style --><p style="x">a</p>'
    result = fix_text(make_linter({"select": ["no-inline-style"]}), html, unsafe=True)
    assert result.text == html and result.applied == ()


def test_the_cache_keeps_a_findings_fix(tmp_path: Path) -> None:
    report = LINTER.lint(MESSY, "messy.html")
    cache = ResultCache(tmp_path)
    cache.put("0" * 64, report)
    kept = cache.get("0" * 64, "messy.html")
    assert kept is not None
    assert [f.fix for f in kept.findings] == [f.fix for f in report.findings]
    assert any(f.fix is not None for f in kept.findings)


def test_json_findings_carry_their_fix() -> None:
    found = {f.rule: f.to_dict()["fix"] for f in LINTER.lint(MESSY).findings}
    assert found["word-count"] is None
    assert found["no-inline-style"] == {
        "title": "Remove the style attribute",
        "applicability": "safe",
        "edits": [{"line": 3, "column": 3, "end_line": 3, "end_column": 22, "replacement": ""}],
    }
    assert found["heading-order"]["applicability"] == "unsafe"


def test_an_atomic_write_keeps_the_mode_follows_links_and_leaves_nothing_when_it_fails(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    target = tmp_path / "article.html"
    target.write_bytes(b"old")
    target.chmod(0o604)
    link = tmp_path / "link.html"
    link.symlink_to(target)
    write_atomically(link, b"new")
    assert link.is_symlink() and target.read_bytes() == b"new" and target.stat().st_mode & 0o777 == 0o604

    def refuse(source: str, destination: object) -> None:
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(os, "replace", refuse)
    with pytest.raises(OSError, match="No space left"):
        write_atomically(target, b"newer")
    assert target.read_bytes() == b"new"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["article.html", "link.html"]
