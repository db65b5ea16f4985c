"""Table tests for markdown-leftover."""

from __future__ import annotations

import pytest

from lint_article.rules.markdown_leftover import MarkdownLeftover
from lint_article.testing import Case, Expected, bad, finding, ok, run_cases

RULE = "markdown-leftover"


def unrendered(what: str, text: str, line: int = 1, column: int | None = None, fix: str | None = None) -> Expected:
    return finding(RULE, "unrendered", line=line, column=column, fix=fix, what=what, text=text)


CASES = [
    ok("<h1>Budget</h1><p>The council <strong>approved</strong> the budget.</p>"),
    bad(
        "<p>**Key takeaways:** the vote was close.</p>",
        unrendered("bold", "**Key takeaways:**", column=4, fix="safe"),
        fixed="<p><strong>Key takeaways:</strong> the vote was close.</p>",
    ),
    # Only where the source spells the mark as the reader sees it: an entity or a tag inside needs an eye.
    bad("<p>**Fares &amp; fees** rise.</p>", unrendered("bold", "**Fares & fees**", column=4, fix="none")),
    bad("<p>**Fares <i>and</i> fees** rise.</p>", unrendered("bold", "**Fares and fees**", column=4, fix="none")),
    bad(
        "<p>a **b**\r\nc **d**</p>",
        unrendered("bold", "**b**", column=6, fix="safe"),
        unrendered("bold", "**d**", line=2, column=3, fix="safe"),
        fixed="<p>a <strong>b</strong>\r\nc <strong>d</strong></p>",
    ),
    bad(
        "<h1>T</h1>\n<p>## Background</p>",
        unrendered("heading", "## Background", line=2, column=4, fix="none"),
        fixed="<h1>T</h1>\n<p>## Background</p>",
    ),
    bad("<p>Intro. ## Background The vote</p>", unrendered("heading", "##", column=11)),
    bad(
        "<p>See the [full report](https://example.org/report).</p>",
        unrendered("link", "[full report](https://example.org/report)", column=12, fix="safe"),
        fixed='<p>See the <a href="https://example.org/report">full report</a>.</p>',
    ),
    bad(
        "<p>[Fares](https://example.org/?a=1&b=2)</p>",
        unrendered("link", "[Fares](https://example.org/?a=1&b=2)", column=4, fix="safe"),
        fixed='<p><a href="https://example.org/?a=1&amp;b=2">Fares</a></p>',
    ),
    # A bulleted run collapsed into one paragraph is one finding, its bold included.
    bad(
        "<p>Three changes: - **Fares** rise - Parking costs more - Buses run later</p>",
        unrendered("bulleted list", "- **Fares** rise - Parking costs more - Buses run later", column=19, fix="none"),
    ),
    bad(
        "<p>Changes: * Fares rise * Parking costs more * Buses run later</p>",
        unrendered("bulleted list", "* Fares rise * Parking costs more * Buses run later", column=13),
    ),
    # A dash list typed as plain text, and a row of asterisks, are the writer's own.
    ok("<p>Also in this issue: - Jigs for the router table - Chairs of the museum - Moulds</p>"),
    ok("<p>* * * * * *</p>"),
    bad("<p>```python</p>", unrendered("code fence", "```", column=4)),
    bad("<p>| Year | Budget |</p>", unrendered("table row", "| Year | Budget |", column=4)),
    bad("<p>|---|---|</p>", unrendered("table row", "|---|---|", column=4)),
    # Code, quotation marks and human dashes are not Markdown left over.
    ok("<p>In Markdown, <code>**bold**</code> makes bold text, and “## Title” a heading.</p>"),
    ok("<pre>## Heading\n**bold**\n| a | b |</pre>"),
    ok("<p>The vote - held late on Tuesday - was close.</p>"),
    ok("<p>- Tak - powiedział - Nie wiem - dodał.</p>"),
    ok("<p>Seeded #1 and #2, the players met in the final; footnote** applies.</p>"),
    ok("<p># Tubeless-Ventile gibt es mit unterschiedlichen Ventilfüßen.</p>"),
    ok("<p>See [1] and [the report] (2023).</p>"),
]


@pytest.mark.parametrize("case", CASES, ids=str)
def test_markdown_leftover(case: Case) -> None:
    run_cases(MarkdownLeftover, case)
