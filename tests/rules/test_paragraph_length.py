"""Table tests for paragraph-length."""

from __future__ import annotations

import pytest

from lint_article.rules.paragraph_length import ParagraphLength
from lint_article.testing import Case, bad, finding, ok, run_cases

RULE = "paragraph-length"
LINES = "<br>".join(["word " * 40] * 6)

CASES = [
    ok("<p>" + "word " * 150 + "</p>"),
    bad(
        "<h1>T</h1>\n<p>" + "word " * 151 + "</p>",
        finding(RULE, "too-long", line=2, column=4, count=151, max_words=150),
    ),
    ok("<p>" + "word " * 151 + "</p>", options={"max_words": 200}),
    ok("<ul><li>" + "word " * 200 + "</li></ul><blockquote>" + "word " * 200 + "</blockquote>"),
    ok("<pre>" + "word " * 200 + "</pre>"),
    # A paragraph of lines is measured by its longest line.
    ok(f"<p>{LINES}</p>"),
    bad(f"<p>{LINES}<br>{'word ' * 160}</p>", finding(RULE, "too-long", line=1, count=160)),
]


@pytest.mark.parametrize("case", CASES, ids=str)
def test_paragraph_length(case: Case) -> None:
    run_cases(ParagraphLength, case)
