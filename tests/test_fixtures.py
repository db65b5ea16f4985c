"""Shared fixtures carry their expectations inline: ``<!-- expect: rule-id -->``
on the line of each finding. Every finding of every rule must be expected and
every expectation found."""

from __future__ import annotations

from pathlib import Path

import pytest

from lint_article import lint_file
from lint_article.testing import inline_expectations

from .conftest import FIXTURES

MARKED = sorted(p for p in FIXTURES.glob("*.html") if "<!-- expect:" in p.read_text(encoding="utf-8", errors="replace"))


@pytest.mark.parametrize("path", MARKED, ids=[p.name for p in MARKED])
def test_fixture_findings_match_inline_markers(path: Path) -> None:
    expected = inline_expectations(path.read_text(encoding="utf-8", errors="replace"))
    report = lint_file(path)
    actual = sorted((f.line, f.rule) for f in report.findings)
    assert actual == expected


GOOD = sorted(FIXTURES.glob("good-*.html"))


@pytest.mark.parametrize("path", GOOD, ids=[p.name for p in GOOD])
def test_good_fixtures_have_no_findings(path: Path) -> None:
    report = lint_file(path)
    assert [(f.line, f.rule, f.message) for f in report.findings] == []


def test_latin1_fixture_is_decoded_from_its_http_equiv_declaration() -> None:
    report = lint_file(FIXTURES / "latin1-page.html")
    assert report.stats is not None and report.stats.words == 36  # the headline is not counted
    from lint_article import Article

    article = Article.from_html((FIXTURES / "latin1-page.html").read_bytes())
    assert "Après deux ans de travaux" in article.text


def test_the_six_card_rules_on_the_published_seed() -> None:
    card = ["single-h1", "heading-order", "no-inline-style", "word-count", "readability", "repeated-phrases"]
    report = lint_file(FIXTURES / "sahel-article.html", config={"select": card})
    found = [(f.line, f.column, f.rule, f.message) for f in report.findings]
    assert found[0][:3] == (15, 99, "repeated-phrases")
    assert "“and Burkina Faso” appears 5 times (lines 15, 24, 38, 42, 61)" in found[0][3]
    assert found[1] == (18, 28, "no-inline-style", "<span> has an inline style attribute; use the style sheet")
    assert found[2] == (23, 1, "single-h1", "extra <h1>; the first <h1> is on line 15")
    # Readability points at the first paragraph of the body (not the byline above
    # it) and names the hardest paragraphs, where a writer should start.
    ease, grade = found[3], found[4]
    assert ease[:3] == grade[:3] == (24, 4, "readability")
    assert ease[3].startswith("Flesch reading ease is 19.0, below the minimum of 50; hardest paragraphs: line 56")
    assert grade[3].startswith("Flesch-Kincaid grade is 15.3, above the maximum of 12; hardest paragraphs: line 25")
    assert found[5] == (78, 28, "no-inline-style", "<div> has an inline style attribute; use the style sheet")
    assert len(found) == 6
    assert report.findings[3].selector == "main > article > div > p:nth-of-type(1)"
