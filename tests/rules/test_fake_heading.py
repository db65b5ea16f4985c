"""Table tests for fake-heading."""

from __future__ import annotations

import time

import pytest

from lint_article import lint
from lint_article.rules.fake_heading import FakeHeading
from lint_article.testing import Case, bad, finding, ok, run_cases

RULE = "fake-heading"
EN = '<html lang="en"><body><article>\n'
END = "\n</article></body></html>"
TITLE_CASE = "short, title case, no closing punctuation"
BOLD = "only bold text"
BODY = "<p>The security situation remains dire, and the withdrawal of Western forces has not helped the fight.</p>"


def en(html: str) -> str:
    return EN + html + END


CASES = [
    bad(
        en(
            f"<h1>Sahel</h1>\n{BODY}\n<p>Regional Instability and Humanitarian Crisis</p>\n{BODY}\n"
            f"<p>Democratic Backsliding</p>\n{BODY}"
        ),
        finding(RULE, "fake-heading", line=4, column=4, reason=TITLE_CASE, level=2),
        finding(RULE, "fake-heading", line=6, text="Democratic Backsliding"),
    ),
    bad(
        en(
            f"<h1>Sahel</h1>\n<h2>Part</h2>\n{BODY}\n<p><strong>Whole Foods future</strong></p>\n{BODY}\n"
            f"<p><b>Back on the schooner</b></p>\n{BODY}"
        ),
        finding(RULE, "fake-heading", line=5, reason=BOLD, level=3),
        finding(RULE, "fake-heading", line=7, reason=BOLD),
    ),
    # A lone one is more often a caption, a name or a dateline; min_count sets how many make a series.
    ok(en(f"<h1>Sahel</h1>\n{BODY}\n<p>Regional Instability and Humanitarian Crisis</p>\n{BODY}")),
    bad(
        en(f"<h1>Sahel</h1>\n{BODY}\n<p>Regional Instability and Humanitarian Crisis</p>\n{BODY}"),
        finding(RULE, "fake-heading", line=4),
        options={"min_count": 1},
    ),
    # Sentences, bylines, datelines, credits, links and captions are not headings.
    ok(
        en(
            f"<h1>Sahel</h1>\n<p>By Jane Doe</p>\n{BODY}\n<p>Tuesday 15 October 2019</p>\n{BODY}\n"
            f"<p>The Juntas Hold Power.</p>\n{BODY}\n<p><a href='/x'>Read The Whole Series</a></p>\n{BODY}\n"
            f"<p>Photo: Reuters</p>\n{BODY}\n<div><img src='a.jpg' alt='x'><p>Soldiers In Niamey</p></div>\n{BODY}"
        ),
    ),
    # A label and its figure is a line of data, even in bold; words after the colon make a title.
    ok(
        en(
            f"<h1>Top Contractors</h1>\n{BODY}\n<p><strong>YOY Growth</strong>: 171%</p>\n{BODY}\n"
            f"<p>Open Box: $230.99</p>\n{BODY}\n<p><b>Welcome Offer: 80,000 Points</b></p>\n{BODY}"
        )
    ),
    bad(
        en(f"<h1>Garden</h1>\n{BODY}\n<p>Step 1: Gather Your Tools</p>\n{BODY}\n<p>Step 2: Dig the Bed</p>\n{BODY}"),
        finding(RULE, "fake-heading", line=4, column=4, text="Step 1: Gather Your Tools", reason=TITLE_CASE),
        finding(RULE, "fake-heading", line=6, column=4, text="Step 2: Dig the Bed", reason=TITLE_CASE),
    ),
    # Not followed by body text: a list of short lines.
    ok(en("<h1>Sahel</h1>\n<p>Mali Niger Burkina</p>\n<p>Chad Sudan Libya</p>\n<p>Senegal Guinea</p>")),
    # Title case is an English convention; elsewhere only the bold test runs.
    ok(
        f'<html lang="de"><body><article><h1>Sahel</h1>{BODY}<p>Die Lage In Mali</p>{BODY}<p>Die Lage In Niger</p>'
        f"{BODY}</article></body></html>"
    ),
]


@pytest.mark.parametrize("case", CASES, ids=str)
def test_fake_heading(case: Case) -> None:
    run_cases(FakeHeading, case)


def test_a_flat_page_of_many_short_paragraphs_takes_linear_time() -> None:
    # 40,000 one-word paragraphs in one parent took 22 s while each counted its
    # siblings; a loose guard against that, not a benchmark.
    html = en("<p>Hello</p>\n" * 40_000)
    started = time.perf_counter()
    assert lint(html, config={"select": [RULE]}).findings == ()
    assert time.perf_counter() - started < 10
