"""Table tests for repeated-phrases."""

from __future__ import annotations

import pytest

from lint_article.rules.repeated_phrases import RepeatedPhrases
from lint_article.testing import Case, bad, finding, ok, run_cases

_REPEAT = "the security situation remains dire"

CASES = [
    ok(f"<p>{_REPEAT} in the north.</p><p>{_REPEAT} in the south.</p>"),
    bad(
        f"<h1>T</h1>\n<p>The {_REPEAT[4:]} here.</p>\n<p>Yes, {_REPEAT}.</p>\n<p>{_REPEAT.title()}!</p>",
        finding(
            "repeated-phrases",
            "repeated",
            line=2,
            column=4,
            phrase="The security situation remains dire",
            count=3,
            lines="lines 2, 3, 4",
        ),
    ),
    # The longest repeated form is reported once, not each overlapping sub-phrase.
    bad(
        "<p>We must fix the broken roads before winter comes again.</p>"
        "<p>They said we must fix the broken roads before winter comes again.</p>"
        "<p>And we must fix the broken roads before winter comes again!</p>",
        finding(
            "repeated-phrases",
            "repeated",
            line=1,
            phrase="We must fix the broken roads before winter comes again",
            count=3,
        ),
    ),
    # Never across a sentence or block boundary.
    ok("<p>It rained all day.</p><p>It rained</p><p>all day</p><p>It rained. All day</p>"),
    ok("<p>Red green blue. Yellow.</p><p>Red green blue. Pink.</p><p>Red green. Blue yellow.</p>"),
    # Code is no prose: a command, a name or its output repeats by nature, and ends a phrase.
    ok(
        "<p>Run it:</p><pre>pip install fastapi\npip install fastapi[standard]\npip install fastapi-cli</pre>"
        "<p>Pass <code>object_pairs_hook</code> once, <code>object_pairs_hook</code> twice and"
        " <code>object_pairs_hook</code> again.</p>"
    ),
    ok(
        "<p>Set <kbd>dev mapper file</kbd> now.</p><p>Set <kbd>dev mapper file</kbd> here.</p>"
        "<p>Set <tt>dev mapper file</tt> there.</p>"
    ),
    bad(
        "<p>The security situation <code>x</code> remains dire.</p><p>Again the security situation <code>y</code>.</p>"
        "<p>Still the security situation <samp>z</samp>.</p>",
        finding("repeated-phrases", "repeated", line=1, column=4, phrase="The security situation", count=3),
    ),
    # Function words alone are no phrase.
    ok("<p>Out of the box.</p><p>Out of the blue.</p><p>Out of the way.</p>"),
    ok(f"<p>{_REPEAT}.</p>" * 3, options={"min_occurrences": 4}),
    bad(
        f"<p>{_REPEAT}.</p>" * 2,
        finding("repeated-phrases", "repeated", line=1, count=2),
        options={"min_occurrences": 2},
    ),
    # Case and punctuation do not hide a repeat.
    bad(
        "<p>Climate, change matters.</p><p>CLIMATE change matters!</p><p>climate change, matters</p>",
        finding("repeated-phrases", "repeated", line=1, count=3),
    ),
    # Every occurrence's line is named, each line once; a line holding two, with their columns.
    bad(
        "\n".join([f"<p>{_REPEAT}.</p>"] * 12 + [f"<p>{_REPEAT}. {_REPEAT}.</p>"]),
        finding(
            "repeated-phrases",
            "repeated",
            line=1,
            count=14,
            lines=f"lines {', '.join(map(str, range(1, 13)))}, 13:4, 13:{4 + len(_REPEAT) + 2}",
        ),
        options={"per_words": 10_000},
    ),
    # One-line HTML: every occurrence by its column.
    bad(
        f"<p>{_REPEAT}.</p><p>{_REPEAT}.</p><p>{_REPEAT}.</p>",
        finding("repeated-phrases", "repeated", line=1, column=4, count=3, lines="line 1, columns 4, 47, 90"),
    ),
]


@pytest.mark.parametrize("case", CASES, ids=str)
def test_repeated_phrases(case: Case) -> None:
    run_cases(RepeatedPhrases, case)
