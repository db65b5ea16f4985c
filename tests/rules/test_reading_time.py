"""Table tests for reading-time."""

from __future__ import annotations

import pytest

from lint_article.rules.reading_time import ReadingTime
from lint_article.testing import Case, bad, finding, ok, run_cases

RULE = "reading-time"
# 1,000 words of body: four minutes at 250 words a minute.
BODY = "<p>" + "The council met. " * 333 + "It voted.</p>"

CASES = [
    ok(f'<p class="meta">4 min read</p>\n{BODY}'),
    ok(f'<p class="meta">5 min read</p>\n{BODY}'),  # within a factor of 1.5
    bad(
        f'<p class="meta">By Ana Diaz · 11 Min Read</p>\n{BODY}',
        finding(RULE, "wrong", line=1, column=31, stated="11", words=1001, expected=4, speed=250),
    ),
    bad(f"<p>Reading time: 1 minute</p>\n{BODY}", finding(RULE, "wrong", line=1, stated="1", expected=4)),
    bad(f"<p>Lesezeit: 12 Minuten</p>\n{BODY}", finding(RULE, "wrong", line=1, stated="12")),
    bad(f"<p>12 min de lecture</p>\n{BODY}", finding(RULE, "wrong", line=1, stated="12")),
    bad(f"<p>Tiempo de lectura: 12 minutos</p>\n{BODY}", finding(RULE, "wrong", line=1, stated="12")),
    # A range counts as its middle.
    bad(f"<p>10–14 min read</p>\n{BODY}", finding(RULE, "wrong", line=1, stated="12")),
    ok(f"<p>3–5 min read</p>\n{BODY}"),
    # A short article: a minute or two either way is rounding, not a wrong label.
    ok("<p>2 min read</p>\n<p>" + "Word " * 200 + "</p>"),
    # A sentence of the story that mentions minutes is not a label.
    ok("<p>" + "The council met. " * 10 + "It took the mayor 45 minutes to read the report aloud.</p>"),
    ok(f"<p>11 min read</p>\n{BODY}", options={"words_per_minute": 90}),
    # The first stated time is the article's; the others label other articles.
    ok(f"<p>4 min read</p>\n{BODY}\n<p>20 min read</p>"),
    # A time stated below the middle of the text is a related post's card, not the article's ...
    ok(f"{BODY}\n<h3>Related articles</h3><div><a href='/b'>Budgets explained</a><div>22 min read</div></div>"),
    ok(f"{BODY}\n<p>Read next</p><p>20 min read</p>\n<p>The mayor spoke.</p>"),
    # ... but one above it, after a standfirst, is the article's.
    bad(
        f"<p>The council voted on the budget.</p>\n<p>By Ana Diaz · 11 min read</p>\n{BODY}",
        finding(RULE, "wrong", line=2, column=18, stated="11", words=1013, expected=4),
    ),
]


@pytest.mark.parametrize("case", CASES, ids=str)
def test_reading_time(case: Case) -> None:
    run_cases(ReadingTime, case)
