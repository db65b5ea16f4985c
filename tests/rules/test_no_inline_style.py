"""Table tests for no-inline-style."""

from __future__ import annotations

import pytest

from lint_article.rules.no_inline_style import NoInlineStyle
from lint_article.testing import Case, bad, finding, ok, run_cases

CASES = [
    ok('<p class="x">Plain</p>'),
    bad(
        '<h1>T</h1>\n<p>a <span style="color:red">b</span></p>',
        finding("no-inline-style", "inline-style", line=2, column=12, tag="span"),
    ),
    bad(
        '<div>\n  <p\n    class="x"\n    style="margin:0">t</p></div>',
        finding("no-inline-style", "inline-style", line=4, column=5, tag="p"),
    ),
    # Prose that mentions the attribute, and commented-out markup, are not elements.
    ok('<p>Never write style="color:red" in an article.</p>'),
    ok('<!-- <p style="color:red">old</p> --><p>new</p>'),
    ok("<pre>&lt;p style=&quot;x&quot;&gt;</pre>"),
    bad(
        '<p style="a">1</p><p style="b">2</p>',
        finding("no-inline-style", "inline-style", line=1, column=4, tag="p"),
        finding("no-inline-style", "inline-style", line=1, column=22, tag="p"),
    ),
]


@pytest.mark.parametrize("case", CASES, ids=str)
def test_no_inline_style(case: Case) -> None:
    run_cases(NoInlineStyle, case)
