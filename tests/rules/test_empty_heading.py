"""Table tests for empty-heading."""

from __future__ import annotations

import pytest

from lint_article.rules.empty_heading import EmptyHeading
from lint_article.testing import Case, bad, finding, ok, run_cases

CASES = [
    ok("<h1>Title</h1><h2>Part</h2>"),
    # The heading goes, and its line when it stands alone on it.
    bad(
        "<h1>T</h1>\n<h2> </h2>\n<p>x</p>",
        finding("empty-heading", "empty", line=2, column=1, tag="h2", fix="safe"),
        fixed="<h1>T</h1>\n<p>x</p>",
    ),
    bad(
        "<h1>T</h1><p>x</p><h2>&nbsp;<br></h2><p>y</p>",
        finding("empty-heading", "empty", line=1, column=19, tag="h2", fix="safe"),
        fixed="<h1>T</h1><p>x</p><p>y</p>",
    ),
    # Markup inside (an anchor someone may link to) makes deleting it unsafe.
    bad(
        "<h1>T</h1>\n<h3><a href='#x'></a></h3>",
        finding("empty-heading", "empty", line=2, tag="h3", fix="unsafe"),
        fixed="<h1>T</h1>\n",
    ),
    ok("<h2><img src='logo.png' alt='Dealbook'></h2>"),
    ok("<h2><svg role='img' aria-label='Dealbook'></svg></h2>"),
    ok("<h2 aria-label='Key developments'></h2><h2 hidden></h2><h2 aria-hidden='true'></h2>"),
    # Navigation and asides around the article are the page's.
    ok("<html><body><nav><h2></h2></nav><article><h1>T</h1><aside><h3></h3></aside></article></body></html>"),
]


@pytest.mark.parametrize("case", CASES, ids=str)
def test_empty_heading(case: Case) -> None:
    run_cases(EmptyHeading, case)
