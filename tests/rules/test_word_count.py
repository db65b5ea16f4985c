"""Table tests for word-count."""

from __future__ import annotations

import pytest

from lint_article.rules.word_count import WordCount
from lint_article.testing import Case, bad, finding, ok, run_cases

from ..test_region_scope import SECTION_FRONT, SECTION_FRONT_PAGE

_WORDS_40 = " ".join(["word"] * 40)

CASES = [
    ok(f"<h1>T</h1><p>{_WORDS_40}</p>", options={"min": 10, "max": 100}),
    bad(
        f"<h1>T</h1>\n<p>{_WORDS_40}</p>",
        # The headline is not the article's text: the count starts at the body.
        finding("word-count", "too-short", line=2, column=4, count=40, low=300, high="5,000"),
    ),
    bad(
        f"<h1>T</h1>\n<p>{_WORDS_40}</p>\n<p>{_WORDS_40}</p>",
        finding("word-count", "too-long", line=3, count=80, low=10, high="50"),
        options={"min": 10, "max": 50},
    ),
    bad(
        f"<h1>T</h1><p>{_WORDS_40}</p>",
        finding("word-count", "too-short", line=1, low=45, high="55"),
        options={"target": 50, "tolerance": 0.1},
    ),
    ok(f"<h1>T</h1><p>{_WORDS_40}</p>", options={"min": 0, "max": None}),
    # At the first paragraph, not at a byline or a label written straight into a <div> above it;
    # the byline's words count. With no <p>, at the first text of the article.
    bad(
        f"<h1>T</h1>\n<div>By Ann Lee</div>\n<p>{_WORDS_40}</p>",
        finding("word-count", "too-short", line=3, column=4, count=43, low=300, high="5,000"),
    ),
    bad(f"<h1>T</h1>\n<div>{_WORDS_40}</div>", finding("word-count", "too-short", line=2, column=6, count=40)),
    bad("", finding("word-count", "too-short", line=1, column=1, count=0)),
    # Scripts, styles, comments, attributes and hidden text are not words a reader sees.
    ok(
        '<p title="one two three">a b c</p><script>x y z</script><style>p{}</style>'
        "<!-- d e f --><div hidden>g h</div><noscript>i j</noscript>",
        options={"min": 3, "max": 3},
    ),
    # Blocks never run together: "end" and "Start" stay two words.
    ok("<p>end</p><p>Start</p>", options={"min": 2, "max": 2}),
    ok("<td>a</td><td>b</td><li>c<li>d", options={"min": 4, "max": 4}),
    # A section front has no article to count: one finding says what the page is, at its start;
    # its teasers are the article when they are all there is (a CMS body), or when a run reads the page.
    bad(SECTION_FRONT_PAGE, finding("word-count", "no-article", line=1, column=1, teasers=5)),
    bad(SECTION_FRONT, finding("word-count", "too-short", line=3, column=83, count=176)),
    bad(
        SECTION_FRONT_PAGE, finding("word-count", "too-short", line=7, column=83, count=218), options={"scope": "page"}
    ),
]


@pytest.mark.parametrize("case", CASES, ids=str)
def test_word_count(case: Case) -> None:
    run_cases(WordCount, case)
