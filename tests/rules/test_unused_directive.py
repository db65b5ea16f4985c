from __future__ import annotations

import pytest

from lint_article.rules.unused_directive import UnusedDirective
from lint_article.testing import Case, bad, finding, ok, run_cases

RULE = "unused-directive"

CASES = [
    ok("<p>Text.</p>"),
    # An enable directive ends a region; it has nothing of its own to silence.
    ok("<p>Text.</p>\n<!-- lint-article-enable -->"),
    # Alone, this rule makes no finding for another to silence: a directive for every rule is unused.
    bad(
        "<p>Text.</p>\n<!-- lint-article-disable-next-line -->\n<p>More.</p>",
        finding(RULE, "unused-directive", line=2, column=1, kind="disable-next-line", named="all rules"),
    ),
]


@pytest.mark.parametrize("case", CASES, ids=str)
def test_unused_directive(case: Case) -> None:
    run_cases(UnusedDirective, case)
