"""Table tests for sentence-length."""

from __future__ import annotations

import pytest

from lint_article.rules.sentence_length import SentenceLength
from lint_article.testing import Case, bad, finding, ok, run_cases, shown

RULE = "sentence-length"

SHORT = "The juntas hold power. "
LONG = "Officials " + " ".join(["word"] * 29) + ". "  # a capital starts the next sentence

CASES = [
    ok("<p>" + SHORT * 12 + "</p>"),
    # 4 long sentences of 12: 33%, above 25%; the finding sits on the longest and names it.
    bad(
        "<p>" + SHORT * 8 + "</p>\n<p>" + LONG * 3 + "Officials " + " ".join(["word"] * 39) + ".</p>",
        finding(
            RULE,
            "too-many-long",
            line=2,
            share=shown("33%"),
            long=4,
            total=12,
            max_words=25,
            max_share=0.25,
            longest="line 2 (40 words), line 2 (30 words), line 2 (30 words)",
        ),
    ),
    bad(
        "<p>" + SHORT * 8 + "</p>\n<p>" + LONG * 4 + "</p>",
        finding(RULE, "too-many-long", line=2, longest="line 2 (30 words), line 2 (30 words), line 2 (30 words)"),
    ),
    ok("<p>" + SHORT * 8 + "</p>\n<p>" + LONG * 4 + "</p>", options={"max_share": 0.4}),
    ok("<p>" + SHORT + LONG * 3 + "</p>"),  # fewer than min_sentences
    bad(
        "<p>" + SHORT + LONG * 3 + "</p>",
        finding(RULE, "too-many-long", line=1, long=3, total=4),
        options={"min_sentences": 2},
    ),
    # Headings and table cells are not prose.
    ok("<p>" + SHORT * 10 + "</p><table><tr><td>" + LONG * 6 + "</td></tr></table>"),
    # Languages written without spaces are skipped.
    ok(
        '<html lang="ja"><body><p>'
        + "京都の紅葉は十一月中旬から下旬にかけて見頃を迎えます。" * 12
        + "</p></body></html>"
    ),
]


@pytest.mark.parametrize("case", CASES, ids=str)
def test_sentence_length(case: Case) -> None:
    run_cases(SentenceLength, case)
