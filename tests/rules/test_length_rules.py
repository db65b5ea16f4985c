"""Table tests for sentence-length, paragraph-length and subheading-distribution."""

from __future__ import annotations

import pytest

from lint_article.rules.paragraph_length import ParagraphLength
from lint_article.rules.sentence_length import SentenceLength
from lint_article.rules.subheading_distribution import SubheadingDistribution
from lint_article.testing import Case, bad, finding, ok, run_cases

SHORT = "The juntas hold power. "
LONG = "Officials " + " ".join(["word"] * 29) + ". "  # a capital starts the next sentence

SENTENCE_LENGTH = [
    ok("<p>" + SHORT * 12 + "</p>"),
    # 4 long sentences of 12: 33%, above 25%; the finding sits on the longest and names it.
    bad(
        "<p>" + SHORT * 8 + "</p>\n<p>" + LONG * 3 + "Officials " + " ".join(["word"] * 39) + ".</p>",
        finding(
            "sentence-length",
            line=2,
            message="33% of sentences (4 of 12) have more than 25 words, above the maximum of 25%; "
            "longest: line 2:472 (40 words), line 2:4 (30 words), line 2:160 (30 words)",
        ),
    ),
    # Each longest sentence by its line alone where the lines tell them apart.
    bad(
        "<p>" + SHORT * 8 + "</p>\n<p>" + LONG + "</p>\n<p>" + LONG + "</p>\n<p>" + LONG + "</p>\n<p>" + LONG + "</p>",
        finding("sentence-length", line=2, message="longest: line 2 (30 words), line 3 (30 words), line 4 (30 words)"),
    ),
    ok("<p>" + SHORT * 8 + "</p>\n<p>" + LONG * 4 + "</p>", options={"max_share": 0.4}),
    ok("<p>" + SHORT + LONG * 3 + "</p>"),  # fewer than min_sentences
    bad("<p>" + SHORT + LONG * 3 + "</p>", finding("sentence-length", line=1), options={"min_sentences": 2}),
    # Headings and table cells are not prose.
    ok("<p>" + SHORT * 10 + "</p><table><tr><td>" + LONG * 6 + "</td></tr></table>"),
    # Languages written without spaces are skipped.
    ok(
        '<html lang="ja"><body><p>'
        + "京都の紅葉は十一月中旬から下旬にかけて見頃を迎えます。" * 12
        + "</p></body></html>"
    ),
]

PARAGRAPH_LENGTH = [
    ok("<p>" + "word " * 150 + "</p>"),
    bad("<h1>T</h1>\n<p>" + "word " * 151 + "</p>", finding("paragraph-length", line=2, column=4, message="151 words")),
    ok("<p>" + "word " * 151 + "</p>", options={"max_words": 200}),
    ok("<ul><li>" + "word " * 200 + "</li></ul><blockquote>" + "word " * 200 + "</blockquote>"),
    ok("<pre>" + "word " * 200 + "</pre>"),
]

SUBHEADING_DISTRIBUTION = [
    ok("<h1>T</h1><p>" + "word " * 500 + "</p>"),
    bad(
        "<h1>T</h1>\n<p>" + "word " * 300 + "</p>\n<p>" + "word " * 201 + "</p>\n<h2>A</h2>\n<p>x</p>",
        finding("subheading-distribution", line=2, message="501 words without a subheading (lines 2–3)"),
    ),
    ok("<h1>T</h1><p>" + "word " * 300 + "</p><h2>A</h2><p>" + "word " * 300 + "</p>"),
    bad(
        "<h1>T</h1>\n<p>" + "word " * 301 + "</p>",
        finding("subheading-distribution", line=2, message="every 300 words"),
        options={"max_words": 300},
    ),
    # Lists are scanned by their items: a reference list is not a stretch of text (Wikipedia's "Citations").
    ok("<h1>T</h1><p>" + "word " * 300 + "</p><h2>Citations</h2><ol>" + ("<li>" + "word " * 300) * 2 + "</ol>"),
    ok("<h1>T</h1><ul><li><p>" + "word " * 300 + "</p><p>" + "word " * 300 + "</p></li><dl><dd>" + "word " * 300),
    # ...but a list does not end a stretch, and a layout table's paragraphs are text.
    bad(
        "<h1>T</h1>\n<p>" + "word " * 300 + "</p>\n<ul><li>" + "word " * 100 + "</ul>\n<p>" + "word " * 201 + "</p>",
        finding("subheading-distribution", line=2, message="501 words without a subheading (lines 2–4)"),
    ),
    bad(
        "<h1>T</h1>\n<table><tr><td><p>" + "word " * 501 + "</p></td></tr></table>",
        finding("subheading-distribution", line=2, message="501 words"),
    ),
    # One-line HTML (a CMS body, a Google Docs export): the columns tell where the stretch is.
    bad(
        "<h1>T</h1><p>" + "word " * 300 + "</p><p>" + "word " * 201 + "</p><h2>A</h2><p>x</p>",
        finding("subheading-distribution", line=1, column=14, message="(line 1, columns 14–2524); add one"),
    ),
]


@pytest.mark.parametrize("case", SENTENCE_LENGTH, ids=str)
def test_sentence_length(case: Case) -> None:
    run_cases(SentenceLength, case)


@pytest.mark.parametrize("case", PARAGRAPH_LENGTH, ids=str)
def test_paragraph_length(case: Case) -> None:
    run_cases(ParagraphLength, case)


@pytest.mark.parametrize("case", SUBHEADING_DISTRIBUTION, ids=str)
def test_subheading_distribution(case: Case) -> None:
    run_cases(SubheadingDistribution, case)


def test_a_paragraph_of_lines_is_measured_by_its_longest_line() -> None:
    lines = "<br>".join(["word " * 40] * 6)
    run_cases(ParagraphLength, ok(f"<p>{lines}</p>"))
    run_cases(
        ParagraphLength, bad(f"<p>{lines}<br>{'word ' * 160}</p>", finding("paragraph-length", line=1, message="160"))
    )
