"""lint_article.testing matches message ids and values, and fails when they differ."""

from __future__ import annotations

from collections.abc import Iterator

import pytest

from lint_article import Article, Context, Finding, Rule, RuleOptions
from lint_article.rules.heading_order import HeadingOrder
from lint_article.testing import bad, finding, run_cases, shown

SKIP = "<h1>T</h1>\n<h3>B</h3>"


def test_a_case_matches_the_message_id_and_the_values_given() -> None:
    run_cases(HeadingOrder, bad(SKIP, finding("heading-order", "skipped", line=2, previous=1, level=3, expected=2)))


@pytest.mark.parametrize(
    "expected",
    [
        finding("heading-order", "first", line=2),
        finding("heading-order", "skipped", line=2, expected=3),
        finding("heading-order", "skipped", line=2, unknown_value=1),
        finding("heading-order", "skipped", line=1),
        finding("heading-order", "skipped", line=2, column=2),
    ],
    ids=["message-id", "value", "missing-value", "line", "column"],
)
def test_a_case_fails_on_any_difference(expected) -> None:
    with pytest.raises(AssertionError, match="expected, not found"):
        run_cases(HeadingOrder, bad(SKIP, expected))


class NamesALine(Rule):
    """A plugin's rule whose message has a value called ``line``."""

    id = "names-a-line"
    summary = "Reports each <h2> with the line of the first."
    messages = {"again": "another <h2>; the first is on line {line}"}

    def check(self, article: Article, ctx: Context[RuleOptions]) -> Iterator[Finding]:
        headings = [h for h in ctx.view.headings if h.level == 2]
        for heading in headings[1:]:
            yield ctx.at_element(heading.element, "again", line=headings[0].line)


def test_a_value_named_like_a_parameter_takes_a_trailing_underscore() -> None:
    html = "<h1>T</h1>\n<h2>Background</h2>\n<p>x</p>\n<h2>Background</h2>"
    run_cases(NamesALine, bad(html, finding("names-a-line", "again", line=4, line_=2)))
    with pytest.raises(AssertionError):
        run_cases(NamesALine, bad(html, finding("names-a-line", "again", line=4, line_=4)))


def test_shown_equals_the_numbers_that_format_as_its_text() -> None:
    assert shown("45.9") == 45.92 and shown("45.9") == 45.86
    assert shown("45.9") != 45.84 and shown("45.9") != 46
    assert shown("33%") == 4 / 12 and shown("33%") != 0.34
    assert shown("0.80") == 1 - 0.2 and shown("0.80") != 0.8051
    assert shown("1") != "1" and shown("1") != True  # noqa: E712 - the point: a bool is no number
