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
    assert report.stats is not None and report.stats.words == 44
    from lint_article import Article

    article = Article.from_html((FIXTURES / "latin1-page.html").read_bytes())
    assert "Après deux ans de travaux" in article.text
