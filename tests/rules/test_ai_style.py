"""Table tests for ai-style, the opt-in rule about style (not leaks)."""

from __future__ import annotations

import pytest

from lint_article import load_registry
from lint_article.rules.ai_style import AiStyle
from lint_article.testing import Case, bad, finding, ok, run_cases

RULE = "ai-style"
GENERATED = (
    "<p>Let's delve into the rich tapestry of the city's finances. The plan is a testament to a pivotal,"
    " multifaceted vision.</p>"
)

CASES = [
    ok("<p>The council approved a budget of €1.2bn on Tuesday, 4% more than last year.</p>"),
    bad(GENERATED, finding(RULE, "vocabulary", line=1, column=1, count=5)),
    # One such word in a long article is a writer's choice, not a style.
    ok("<p>The plan is pivotal. " + "The council met on Tuesday and voted. " * 30 + "</p>"),
    ok(GENERATED, options={"min_words": 6}),
    bad(
        "<p>It's not a budget, it's a promise.</p>",
        finding(RULE, "contrast", line=1, column=4, text="It's not a budget, it's"),
    ),
    ok("<p>It's not clear whether the budget passes; the vote is on Tuesday.</p>"),
    bad(
        "<p>Buses are fast, cheap, and clean. Trams are quiet, safe, and new. Bikes are light, free, and fun.</p>",
        finding(RULE, "triads", line=1, column=1, count=3, sentences=3),
    ),
    ok("<p>Buses are fast, cheap, and clean. The council met. It voted. It adjourned. Trams run late.</p>"),
]


@pytest.mark.parametrize("case", CASES, ids=str)
def test_ai_style(case: Case) -> None:
    run_cases(AiStyle, case)


def test_ai_style_is_off_by_default() -> None:
    assert load_registry().rules[RULE].rule.default_enabled is False
