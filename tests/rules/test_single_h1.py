"""Table tests for single-h1."""

from __future__ import annotations

import pytest

from lint_article.rules.single_h1 import SingleH1
from lint_article.testing import Case, bad, finding, ok, run_cases

CASES = [
    ok("<h1>Title</h1><h2>Part</h2>"),
    bad("<p>No title here</p>", finding("single-h1", "missing", line=1, column=1)),
    bad(
        "<h1>First</h1>\n<p>x</p>\n<h1>Second</h1>\n<h1>Third</h1>",
        finding("single-h1", "extra", line=3, column=1, first_line=1),
        finding("single-h1", "extra", line=4, column=1, first_line=1),
    ),
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
        finding("single-h1", "forbidden", line=2, column=1),
        options={"min": 0, "max": 0},
    ),
]


@pytest.mark.parametrize("case", CASES, ids=str)
def test_single_h1(case: Case) -> None:
    run_cases(SingleH1, case)
