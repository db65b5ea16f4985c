"""Table tests for single-h1."""

from __future__ import annotations

import pytest

from lint_article.rules.single_h1 import SingleH1
from lint_article.testing import Case, bad, finding, ok, run_cases

from ..test_region_scope import SECTION_FRONT_PAGE

CASES = [
    ok("<h1>Title</h1><h2>Part</h2>"),
    bad("<p>No title here</p>", finding("single-h1", "missing", line=1, column=1, fix="none")),
    # A section front has no article, and no title is asked of it (word-count says what the page is).
    ok(SECTION_FRONT_PAGE),
    bad(SECTION_FRONT_PAGE, finding("single-h1", "missing", line=1, column=1), options={"scope": "page"}),
    bad(
        "<h1>First</h1>\n<p>x</p>\n<h1>Second</h1>\n<h1>Third</h1>",
        finding("single-h1", "extra", line=3, column=1, first_line=1, fix="safe"),
        finding("single-h1", "extra", line=4, column=1, first_line=1, fix="safe"),
        fixed="<h1>First</h1>\n<p>x</p>\n<h2>Second</h2>\n<h2>Third</h2>",
    ),
    # Only the digits change: case, attributes and an end tag that closes it as a browser reads it stay.
    bad(
        '<h1>A</h1><H1 class="t">B <b>c</b></H1 ><h1>D</h2><!-- </h1> -->',
        finding("single-h1", "extra", line=1, column=11, first_line=1),
        finding("single-h1", "extra", line=1, column=41, first_line=1),
        fixed='<h1>A</h1><H2 class="t">B <b>c</b></H2 ><h2>D</h2><!-- </h1> -->',
    ),
    # No end tag where the heading ends (the parser implied it): no fix.
    bad("<h1>A</h1><h1>B<p>c</p>", finding("single-h1", "extra", line=1, column=11, fix="none")),
    # Minified CMS HTML: the column tells the two apart.
    bad("<h1>A</h1><p>x</p><h1>B</h1>", finding("single-h1", "extra", line=1, column=19, first_line=1)),
    ok("<h1>Real</h1><template><h1>Later</h1></template>"),
    ok("<h1>Real</h1><!-- <h1>Old title</h1> -->"),
    ok("<h1>Real</h1><script>document.write('<h1>x</h1>')</script>"),
    ok("<h1>Real</h1><div hidden><h1>Hidden</h1></div>"),
    bad("<template><h1>Later</h1></template><p>x</p>", finding("single-h1", "missing", line=1)),
    # On a full page the missing title is the article's: the finding is where the article starts.
    bad(
        "<html><body><nav><a href='/'>Home</a> <a href='/news'>News</a></nav>\n<article>\n"
        "<p>The river rose overnight and the lower town was under water by dawn.</p></article></body></html>",
        finding("single-h1", "missing", line=3, column=4),
    ),
    ok("<h2>Body heading</h2><p>x</p>", options={"min": 0, "max": 0}),
    bad(
        "<h2>A</h2>\n<h1>Title</h1>",
        finding("single-h1", "forbidden", line=2, column=1, fix="safe"),
        options={"min": 0, "max": 0},
        fixed="<h2>A</h2>\n<h2>Title</h2>",
    ),
]


@pytest.mark.parametrize("case", CASES, ids=str)
def test_single_h1(case: Case) -> None:
    run_cases(SingleH1, case)
