"""Table tests for duplicate-title."""

from __future__ import annotations

import pytest

from lint_article.rules.duplicate_title import DuplicateTitle
from lint_article.testing import Case, bad, finding, ok, run_cases

RULE = "duplicate-title"
TITLE = "<title>US moves to re-engage Sahel juntas - Viral Post</title>"

CASES = [
    ok("<h1>US moves to re-engage Sahel juntas</h1>\n<p>The United States is changing course.</p>"),
    bad(
        "<h1>US moves to re-engage Sahel juntas</h1>\n<p>Body.</p>\n<p>US moves to re-engage Sahel juntas</p>",
        finding(
            RULE,
            "headline-repeated",
            line=3,
            column=4,
            text="US moves to re-engage Sahel juntas",
            first_line=1,
            fix="unsafe",
        ),
        fixed="<h1>US moves to re-engage Sahel juntas</h1>\n<p>Body.</p>\n",
    ),
    # Case, punctuation and spacing do not hide a repeat.
    bad(
        "<h1>US moves to re-engage Sahel juntas</h1>\n<p>us moves to re-engage  Sahel juntas.</p>",
        finding(RULE, "headline-repeated", line=2, first_line=1),
    ),
    # The page title names the headline, with or without the site name.
    bad(
        f"<html><head>{TITLE}</head><body><article>\n<p>Kicker</p>\n<h1>US moves to re-engage Sahel juntas</h1>\n"
        "<p>Body.</p>\n<p>US moves to re-engage Sahel juntas</p></article></body></html>",
        finding(RULE, "headline-repeated", line=5, first_line=3),
    ),
    # Another <h1> (a site or section name) is not the headline.
    ok(
        f"<html><head>{TITLE}</head><body><h1>Viral Post News Desk</h1><article>\n"
        "<h2>US moves to re-engage Sahel juntas</h2>\n<p>Viral Post News Desk</p></article></body></html>"
    ),
    # Without an <h1>, the first printing of the page title is the headline; links to it are navigation.
    ok(
        f"<html><head>{TITLE}</head><body><article>\n<p><a href='/'>US moves to re-engage Sahel juntas</a></p>\n"
        "<h2>US moves to re-engage Sahel juntas</h2>\n<ul><li><a href='#x'>US moves to re-engage Sahel juntas</a></li>"
        "</ul></article></body></html>"
    ),
    # Short headlines are not looked for in the body.
    ok("<h1>Mali</h1>\n<p>Mali</p>"),
    # Two headings with the same text under the same parent.
    bad(
        "<h1>T</h1>\n<h2>Background</h2>\n<p>x</p>\n<h2>Background</h2>",
        finding(RULE, "heading-repeated", line=4, column=1, text="Background", first_line=2, fix="none"),
    ),
    ok("<h1>T</h1><h2>Mali</h2><h3>Pros</h3><h3>Cons</h3><h2>Niger</h2><h3>Pros</h3><h3>Cons</h3>"),
    bad(
        "<h1>T</h1><h2>Mali</h2><h3>Pros</h3>\n<h2>Niger</h2><h3>Pros</h3>",
        finding(RULE, "heading-repeated", line=2, text="Pros", first_line=1),
        options={"siblings_only": False},
    ),
    # Three or more copies under one parent label repeated items (product cards that are no headings).
    ok("<h1>T</h1><h2>Three kettles</h2><h3>Pros</h3><p>Fast.</p><h3>Pros</h3><p>Quiet.</p><h3>Pros</h3><p>Cheap.</p>"),
    bad(
        "<h1>T</h1><h2>Three kettles</h2>\n<h3>Pros</h3><p>Fast.</p>\n<h3>Pros</h3><p>Quiet.</p>\n<h3>Pros</h3>",
        finding(RULE, "heading-repeated", line=3, column=1, text="Pros", first_line=2),
        finding(RULE, "heading-repeated", line=4, column=1, text="Pros", first_line=2),
        options={"label_copies": 4},
    ),
]


@pytest.mark.parametrize("case", CASES, ids=str)
def test_duplicate_title(case: Case) -> None:
    run_cases(DuplicateTitle, case)
