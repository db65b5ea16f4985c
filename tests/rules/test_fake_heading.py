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
    # An interview: questions put to someone, answered in the first person, are its turns, all of them.
    ok(
        en(
            f"<h1>Going AMP first</h1>\n{BODY}\n<p><strong>How did you approach the switch?</strong></p>\n"
            "<p>We started with the templates that carried most of our traffic, one at a time.</p>\n"
            "<p><strong>What drove that decision?</strong></p>\n"
            "<p>Speed, mostly: our pages took far too long to load on the phones our readers use.</p>\n"
            "<p><b>Were there challenges you had to overcome?</b></p>\n"
            "<p>I would say the analytics took longest, since every tag had to be rewritten by hand.</p>"
        )
    ),
    ok(
        '<html lang="de"><body><article><h1>Ankunft</h1>\n<p><b>Wie sind Sie in Hamburg angekommen?</b></p>\n'
        "<p>Ich bin mit dem Zug über Italien gekommen, nach einer langen und sehr anstrengenden Reise.</p>\n"
        "<p><b>Wie war die Unterkunft?</b></p>\n"
        "<p>Wir wohnten zu sechst in einem Zimmer, ohne Küche und ohne Ruhe, mehrere Monate lang.</p>\n"
        "<p><b>Welche Erfahrungen haben Sie mit den Behörden gemacht?</b></p>\n"
        "<p>Meine Erfahrungen waren gemischt, denn die Beamten wechselten fast jede Woche.</p></article></body></html>"
    ),
    # Questions to the reader, answered to the reader: a guide's section titles.
    bad(
        en(
            f"<h1>Liners</h1>\n{BODY}\n<p><strong>How will you be using your liner?</strong></p>\n"
            "<p>If you camp in the cold, a fleece liner adds warmth that a silk one cannot give you.</p>\n"
            "<p><strong>Which liner material is right for you?</strong></p>\n"
            "<p>Silk packs smallest and dries fastest, so you will want it for long treks in warm places.</p>"
        ),
        finding(RULE, "fake-heading", line=4, column=12, text="How will you be using your liner?", reason=BOLD),
        finding(RULE, "fake-heading", line=6, column=12, text="Which liner material is right for you?", reason=BOLD),
    ),
    # A company's FAQ: the reader asks in the first person; the questions title its sections.
    bad(
        en(
            f"<h1>Pricing</h1>\n{BODY}\n<p><b>When will this pricing change take effect?</b></p>\n"
            "<p>We will apply the new prices from the first of next month to every plan that renews.</p>\n"
            "<p><b>Can I bill my usage to another account?</b></p>\n"
            "<p>Yes, our billing settings let an owner move the usage to any other account that they administer.</p>"
        ),
        finding(RULE, "fake-heading", line=4, column=7, text="When will this pricing change take effect?"),
        finding(RULE, "fake-heading", line=6, column=7, text="Can I bill my usage to another account?"),
    ),
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
