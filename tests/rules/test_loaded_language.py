"""Table tests for loaded-language."""

from __future__ import annotations

import pytest

from lint_article.rules.loaded_language import LoadedLanguage
from lint_article.testing import Case, bad, finding, ok, run_cases

RULE = "loaded-language"
NEUTRAL = "<p>The finance minister said the deal cut the deficit by 2 percent.</p>"

CASES = [
    ok(NEUTRAL, language="en"),
    # A weasel phrase is enough on its own.
    bad(
        f"{NEUTRAL}\n<p>Some say the plan will fail.</p>",
        finding(
            RULE,
            "loaded",
            line=2,
            column=4,
            evidence="weasel words “some say”",
            sentence="Some say the plan will fail.",
        ),
        language="en",
    ),
    bad(
        "<p>It is widely believed that the vote was rigged.</p>",
        finding(RULE, "loaded", line=1, evidence="weasel words “it is widely believed that”"),
        language="en",
    ),
    # Hype and a label together; either alone is not enough.
    bad(
        "<p>The unprecedented deal is a defeat for the regime.</p>",
        finding(RULE, "loaded", line=1, evidence="hype “unprecedented”, a loaded label “regime”"),
        language="en",
    ),
    ok("<p>The unprecedented flood closed the road.</p>", language="en"),
    ok("<p>Experts say the bridge is safe, according to the city's engineer Ana Diaz.</p>", language="en"),
    # German, French, Spanish.
    bad("<p>Die Buchmesse ist bekanntlich die kleine Schwester.</p>", finding(RULE, "loaded", line=1), language="de"),
    bad("<p>Certains disent que la réforme est morte.</p>", finding(RULE, "loaded", line=1), language="fr"),
    bad("<p>Algunos dicen que la reforma ha muerto.</p>", finding(RULE, "loaded", line=1), language="es"),
    # Other languages are skipped: their word lists are not written.
    ok("<p>Some say the plan will fail.</p>", language="it"),
    # Quoted words are the source's, not the writer's.
    ok("<p>The senator said: “Some say the plan will fail.”</p>", language="en"),
    # At most max_sentences, the heaviest; a repeated sentence once.
    bad(
        "<p>Some say it failed.</p>\n<p>Many believe it was a stunning, unprecedented defeat.</p>\n"
        "<p>Some say it failed.</p>",
        finding(RULE, "loaded", line=2),
        options={"max_sentences": 1},
        language="en",
    ),
    bad(
        "<p>Some say it failed.</p>\n<p>Some say it failed.</p>",
        finding(RULE, "loaded", line=1),
        language="en",
    ),
    ok("<p>Experts say the unprecedented deal will hold.</p>", options={"min_score": 3}, language="en"),
]


@pytest.mark.parametrize("case", CASES, ids=str)
def test_loaded_language(case: Case) -> None:
    run_cases(LoadedLanguage, case)
