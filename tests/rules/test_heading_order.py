"""Table tests for heading-order."""

from __future__ import annotations

import pytest

from lint_article.rules.heading_order import HeadingOrder
from lint_article.testing import Case, bad, finding, ok, run_cases


def _page(header: str, headline: str) -> str:
    """A page with *header* above an article that opens with *headline* (on line 2), the page's title."""
    story = "<p>The council met on Monday and voted on the budget for the coming year.</p>" * 3
    return (
        "<html><head><title>Council passes the budget | The blog</title></head>"
        f"<body>{header}\n<article>{headline}{story}<h3>Detail</h3>{story}</article></body></html>"
    )


CASES = [
    ok("<h1>T</h1><h2>A</h2><h3>B</h3><h2>C</h2>"),
    ok("<h1>T</h1><h2>A</h2><h3>B</h3><h4>C</h4><h2>D</h2>"),
    bad(
        "<h1>T</h1>\n<h3>B</h3>",
        finding("heading-order", "skipped", line=2, column=1, previous=1, level=3, expected=2, fix="unsafe"),
        fixed="<h1>T</h1>\n<h2>B</h2>",
    ),
    bad(
        "<h1>T</h1>\n<h2>A</h2>\n<h4>B</h4>",
        finding("heading-order", "skipped", line=3, column=1, previous=2, level=4, expected=3),
    ),
    # Round by round: once <h2> is <h1>, <h3> is a skip, and is re-levelled in turn.
    bad(
        "<h2>A</h2>\n<h3>B</h3>",
        finding("heading-order", "first", line=1, column=1, level=2, expected=1, fix="unsafe"),
        fixed="<h1>A</h1>\n<h2>B</h2>",
    ),
    ok("<h2>A</h2><h3>B</h3>", options={"start_level": 2}),
    bad("<h1>T</h1>", finding("heading-order", "first", line=1, level=1, expected=2), options={"start_level": 2}),
    # Going back up any number of levels is fine; only the next one down is checked.
    bad(
        "<h1>T</h1><h2>A</h2><h3>B</h3><h4>C</h4><h1>U</h1>\n<h3>D</h3>",
        finding("heading-order", "skipped", line=2, previous=1, level=3, expected=2),
    ),
    ok("<h1>T</h1><template><h4>x</h4></template><h2>A</h2>"),
    # On a page whose outline begins above the article (a blog's <h1> name over each post's <h2>),
    # the article's first heading follows the page's last heading before it.
    ok(_page("<header><h1>The blog</h1></header>", "<h2>Council passes the budget</h2>")),
    bad(
        _page("<header><h1>The blog</h1></header>", "<h3>Council passes the budget</h3>"),
        finding("heading-order", "skipped", line=2, column=10, previous=1, level=3, expected=2),
    ),
    bad(
        _page("<header><h2>Menu</h2></header>", "<h2>Council passes the budget</h2>"),
        finding("heading-order", "first", line=2, column=10, level=2, expected=1),
    ),
]


@pytest.mark.parametrize("case", CASES, ids=str)
def test_heading_order(case: Case) -> None:
    run_cases(HeadingOrder, case)
