"""Table tests for paragraph-length."""

from __future__ import annotations

import pytest

from lint_article.rules.paragraph_length import ParagraphLength
from lint_article.testing import Case, bad, finding, ok, run_cases

CASES = [
    ok("<p>" + "word " * 150 + "</p>"),
    bad("<h1>T</h1>\n<p>" + "word " * 151 + "</p>", finding("paragraph-length", line=2, column=4, message="151 words")),
    ok("<p>" + "word " * 151 + "</p>", options={"max_words": 200}),
    ok("<ul><li>" + "word " * 200 + "</li></ul><blockquote>" + "word " * 200 + "</blockquote>"),
    ok("<pre>" + "word " * 200 + "</pre>"),
]


@pytest.mark.parametrize("case", CASES, ids=str)
def test_paragraph_length(case: Case) -> None:
    run_cases(ParagraphLength, case)


def test_a_paragraph_of_lines_is_measured_by_its_longest_line() -> None:
    lines = "<br>".join(["word " * 40] * 6)
    run_cases(ParagraphLength, ok(f"<p>{lines}</p>"))
    run_cases(
        ParagraphLength, bad(f"<p>{lines}<br>{'word ' * 160}</p>", finding("paragraph-length", line=1, message="160"))
    )
