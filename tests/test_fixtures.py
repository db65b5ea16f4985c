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
    assert found[0] == (23, 1, "single-h1", "extra <h1>; the first <h1> is on line 15")
    # Readability points at the first paragraph of the body (not the byline above
    # it) and names the hardest paragraphs, where a writer should start.
    ease, grade = found[1], found[2]
    assert ease[:3] == grade[:3] == (24, 4, "readability")
    assert ease[3].startswith("Flesch reading ease is 18.2, below the minimum of 50; hardest paragraphs: line 56")
    assert grade[3].startswith("Flesch-Kincaid grade is 15.5, above the maximum of 12; hardest paragraphs: line 25")
    assert report.findings[1].selector == "main > article > div > p:nth-of-type(1)"
    # The two inline styles are the template's (the reading time in the entry's
    # header, the share bar in its footer), and "and Burkina Faso" is in the body
    # 4 times, the 5th being the headline: nothing else is the writer's to fix.
    assert len(found) == 3
    audited = lint_file(FIXTURES / "sahel-article.html", config={"select": card, "scope": "page"})
    assert [(f.line, f.column, f.rule) for f in audited.findings if f.rule == "no-inline-style"] == [
        (18, 28, "no-inline-style"),
        (78, 28, "no-inline-style"),
    ]
