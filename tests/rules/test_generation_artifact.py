"""Table tests for generation-artifact, and a check of every signal of its lexicon."""

from __future__ import annotations

import pytest

from lint_article.document.tokens import WORD
from lint_article.rules.generation_artifact import _ANYWHERE, _OPENING, _OPENING_PATTERN, GenerationArtifact, Signal
from lint_article.testing import Case, bad, finding, lint_with, ok, run_cases

RULE = "generation-artifact"
BODY = "<h1>Sahel</h1>\n<p>The United States is recalibrating its approach to the juntas.</p>\n"

CASES = [
    ok(BODY),
    # One strong signal is enough; its confidence is 0.80.
    bad(BODY + "<p>Sure! Here is an article about the Sahel:</p>", finding(RULE, line=3, message="confidence 0.80")),
    bad(BODY + "<p>As an AI language model, I cannot predict coups.</p>", finding(RULE, line=3, message="self-ref")),
    bad(BODY + "<p>(Word count: 812)</p>", finding(RULE, line=3, message="word-count talk")),
    bad(BODY + "<p>Meta description: The US re-engages the juntas.</p>", finding(RULE, line=3, message="editor")),
    bad(BODY + "<p>Note: This article is fictional.</p>", finding(RULE, line=3, message="fictional-content note")),
    # A leaked passage is one finding over its run of blocks, not one per sentence.
    bad(
        BODY + "<p>Self-Correction/Review during generation:</p>\n<ol>\n<li>Neutral Tone: Ensured language remained "
        "factual.</li>\n<li>HTML Structure: Maintained strict adherence to requested HTML structure.</li>\n</ol>\n"
        "<p>Post-generation check: The article covers the required points. The HTML is clean.</p>",
        finding(RULE, line=3, column=4, message="list item grading the text ×2"),
    ),
    # Weak evidence alone is not reported; together with more it is.
    ok(BODY + "<p>I hope this helps someone who is chasing the same bug.</p>"),
    ok(BODY + "<p>The documents were delivered as requested.</p>"),
    bad(
        BODY + "<p>I hope this helps!</p>\n<p>I've kept the tone neutral, as requested.</p>",
        finding(RULE, line=3, message="chatbot sign-off, first-person talk about the writing, echo of the prompt"),
    ),
    # "Sure! Here is" is a preamble when what follows is the text handed over, not the story going on.
    ok(BODY + "<p>Sure! Here is what happened next: the levee broke.</p>"),
    ok(BODY + "<p>Certainly, here is the crux: nobody wants the night shifts.</p>"),
    bad(BODY + "<p>Certainly, here's the revised draft with a lede:</p>", finding(RULE, line=3, message="preamble")),
    # Points of something named are not the prompt's; reported speech counts for half.
    ok(BODY + "<p>The article covers the required points of the curriculum, says the ministry.</p>"),
    ok(BODY + "<p>The ministry says the article covers the required points.</p>"),
    ok(BODY + "<p>The article covers the required points, according to the ministry.</p>"),
    bad(BODY + "<p>The article covers all the requested points.</p>", finding(RULE, line=3, message="echo of the")),
    bad(BODY + "<p>This draft covers the required points of your brief.</p>", finding(RULE, line=3, message="echo")),
    # Quoted, in a blockquote or in code: the article is talking about the phrase.
    ok(BODY + "<p>The chatbot replied: “Sure! Here is an article about the Sahel.”</p>"),
    ok(BODY + "<blockquote><p>As an AI language model, I cannot predict coups.</p></blockquote>"),
    ok(BODY + "<p>End with the count, in this form: <code>(Word count: 650)</code>.</p>"),
    ok(BODY + "<pre>Meta description: The US re-engages the juntas.</pre>"),
    # In a paragraph about chatbots, evidence counts for half.
    ok(BODY + "<p>ChatGPT often adds that as an AI language model it has no opinions.</p>"),
    # Readers' comments are not the article.
    ok(BODY + '<div id="comments"><p>I hope this helps! Let me know if you need any changes.</p></div>'),
    # Other languages.
    bad(
        '<html lang="fr"><body><h1>Retraites</h1>\n<p>Bien sûr ! Voici un article sur la réforme :</p></body></html>',
        finding(RULE, line=2, message="chatbot preamble"),
    ),
    bad(
        '<html lang="de"><body><h1>Energie</h1>\n<p>Wortanzahl: 742</p></body></html>',
        finding(RULE, line=2, message="word-count talk"),
    ),
    ok('<html lang="fr"><body><h1>Retraites</h1>\n<p>Voici pourquoi la réforme divise.</p></body></html>'),
    # A stricter threshold drops single strong signals.
    ok(BODY + "<p>(Word count: 812)</p>", options={"min_confidence": 0.9}),
]


@pytest.mark.parametrize("case", CASES, ids=str)
def test_generation_artifact(case: Case) -> None:
    run_cases(GenerationArtifact, case)


@pytest.mark.parametrize("signal", _ANYWHERE, ids=lambda s: s.example)
def test_each_phrase_signal_finds_its_example(signal: Signal) -> None:
    assert signal.pattern.search(signal.example), "the pattern must match its own example"
    lowered = "\n" + signal.example.lower()
    assert any(anchor in lowered for anchor in signal.anchors), "the example must hold one of the anchors"
    words = {m.group().lower().replace("’", "'") for m in WORD.finditer(signal.example)}
    assert not signal.keys or words & set(signal.keys), "the example must hold one of the key words"


@pytest.mark.parametrize("signal", _OPENING, ids=lambda s: s.example)
def test_each_opening_signal_finds_its_example(signal: Signal) -> None:
    match = _OPENING_PATTERN.match(signal.example)
    assert match is not None and match.lastgroup is not None
    assert _OPENING[int(match.lastgroup[1:])] is signal, "another, earlier opening signal took the example"


def test_a_strong_signal_in_an_article_page_is_reported_at_its_block() -> None:
    html = (
        "<html><body><nav><p>Sure! Here is an article about nothing:</p></nav>\n<article><h1>T</h1>\n"
        "<p>Body text of the article.</p>\n<p>Sure! Here is an article about the Sahel:</p></article></body></html>"
    )
    assert [(f.line, f.message_id) for f in lint_with(GenerationArtifact, html)] == [(4, "leaked")]
