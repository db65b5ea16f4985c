"""Table tests for subheading-distribution."""

from __future__ import annotations

import pytest

from lint_article.rules.subheading_distribution import SubheadingDistribution
from lint_article.testing import Case, bad, finding, ok, run_cases

RULE = "subheading-distribution"

CASES = [
    ok("<h1>T</h1><p>" + "word " * 500 + "</p>"),
    bad(
        "<h1>T</h1>\n<p>" + "word " * 300 + "</p>\n<p>" + "word " * 201 + "</p>\n<h2>A</h2>\n<p>x</p>",
        finding(RULE, "too-long", line=2, count=501, where="lines 2–3", max_words=500),
    ),
    ok("<h1>T</h1><p>" + "word " * 300 + "</p><h2>A</h2><p>" + "word " * 300 + "</p>"),
    bad(
        "<h1>T</h1>\n<p>" + "word " * 301 + "</p>",
        finding(RULE, "too-long", line=2, count=301, max_words=300),
        options={"max_words": 300},
    ),
    # Lists are scanned by their items: a reference list is not a stretch of text (Wikipedia's "Citations").
    ok("<h1>T</h1><p>" + "word " * 300 + "</p><h2>Citations</h2><ol>" + ("<li>" + "word " * 300) * 2 + "</ol>"),
    ok("<h1>T</h1><ul><li><p>" + "word " * 300 + "</p><p>" + "word " * 300 + "</p></li><dl><dd>" + "word " * 300),
    # ...but a list does not end a stretch, and a layout table's paragraphs are text.
    bad(
        "<h1>T</h1>\n<p>" + "word " * 300 + "</p>\n<ul><li>" + "word " * 100 + "</ul>\n<p>" + "word " * 201 + "</p>",
        finding(RULE, "too-long", line=2, count=501, where="lines 2–4"),
    ),
    bad(
        "<h1>T</h1>\n<table><tr><td><p>" + "word " * 501 + "</p></td></tr></table>",
        finding(RULE, "too-long", line=2, count=501),
    ),
    # The finding stands at the stretch's first paragraph, not at a byline written
    # into a <div> before it; the byline's words still count.
    bad(
        "<h1>T</h1>\n<div>By Ann Lee</div>\n<p>" + "word " * 300 + "</p>\n<p>" + "word " * 198 + "</p>",
        finding(RULE, "too-long", line=3, column=4, count=501, where="lines 3–4"),
    ),
    bad("<h1>T</h1>\n<div>" + "word " * 501 + "</div>", finding(RULE, "too-long", line=2, column=6, count=501)),
    # One-line HTML (a CMS body, a Google Docs export): the columns tell where the stretch is.
    bad(
        "<h1>T</h1><p>" + "word " * 300 + "</p><p>" + "word " * 201 + "</p><h2>A</h2><p>x</p>",
        finding(RULE, "too-long", line=1, column=14, where="line 1, columns 14–2524"),
    ),
]


@pytest.mark.parametrize("case", CASES, ids=str)
def test_subheading_distribution(case: Case) -> None:
    run_cases(SubheadingDistribution, case)
