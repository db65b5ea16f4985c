"""Table tests for no-inline-style."""

from __future__ import annotations

import pytest

from lint_article.rules.no_inline_style import NoInlineStyle
from lint_article.testing import Case, bad, finding, ok, run_cases

CASES = [
    ok('<p class="x">Plain</p>'),
    bad(
        '<h1>T</h1>\n<p>a <span style="color:red">b</span></p>',
        finding("no-inline-style", "inline-style", line=2, column=12, tag="span", fix="safe"),
        fixed="<h1>T</h1>\n<p>a <span>b</span></p>",
    ),
    bad(
        '<div>\n  <p\n    class="x"\n    style="margin:0">t</p></div>',
        finding("no-inline-style", "inline-style", line=4, column=5, tag="p"),
        fixed='<div>\n  <p\n    class="x">t</p></div>',
    ),
    # Only the attribute goes: the other attributes, glued or not, stay as they were written.
    bad(
        '<p style="a"class="b">1</p><p id=x STYLE=a/>2</p><p style title="a style">3</p>',
        finding("no-inline-style", "inline-style", line=1, column=4, tag="p"),
        finding("no-inline-style", "inline-style", line=1, column=36, tag="p"),
        finding("no-inline-style", "empty-style", line=1, column=53, tag="p"),
        fixed='<p class="b">1</p><p id=x>2</p><p title="a style">3</p>',
    ),
    bad(
        '<p style="a" style="b">1</p>',
        finding("no-inline-style", "inline-style", line=1, column=4, tag="p"),
        fixed="<p>1</p>",
    ),
    # A style that hides the element: deleting it would show what was hidden.
    bad(
        '<p>a</p><div style="display: none">b</div>',
        finding("no-inline-style", "inline-style", line=1, column=14, tag="div", fix="unsafe"),
        fixed="<p>a</p><div>b</div>",
    ),
    # An empty style styles nothing: told apart, and deleted all the same.
    bad(
        '<p style="">1</p>\n<p style=" ; ">2</p><p style>3</p>',
        finding("no-inline-style", "empty-style", line=1, column=4, tag="p", fix="safe"),
        finding("no-inline-style", "empty-style", line=2, column=4, tag="p", fix="safe"),
        finding("no-inline-style", "empty-style", line=2, column=24, tag="p", fix="safe"),
        fixed="<p>1</p>\n<p>2</p><p>3</p>",
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
