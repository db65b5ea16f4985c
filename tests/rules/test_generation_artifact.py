"""Table tests for generation-artifact, and a check of every signal of its lexicon."""

from __future__ import annotations

import re

import pytest

from lint_article import Article
from lint_article.document.tokens import WORD
from lint_article.rules.generation_artifact import (
    _ANYWHERE,
    _OPENING,
    _TEXT_START,
    GenerationArtifact,
    Signal,
    _opening_at,
)
from lint_article.testing import Case, Expected, bad, finding, lint_with, ok, run_cases, shown

from ..conftest import FIXTURES

RULE = "generation-artifact"


def leaked(line: int, evidence: str, **values: object) -> Expected:
    """The finding of a leaked passage starting on *line*, with what gave it away."""
    return finding(RULE, "leaked", line=line, evidence=evidence, **values)


BODY = "<h1>Sahel</h1>\n<p>The United States is recalibrating its approach to the juntas.</p>\n"

CASES = [
    ok(BODY),
    # One strong signal is enough; its confidence is 0.80.
    bad(
        BODY + "<p>Sure! Here is an article about the Sahel:</p>",
        leaked(3, "chatbot preamble", confidence=shown("0.80"), fix="unsafe"),
        fixed=BODY,
    ),
    bad(BODY + "<p>As an AI language model, I cannot predict coups.</p>", leaked(3, "assistant self-reference")),
    # "AI-based" is one word to the tokeniser, but the pattern reads its "AI": no word
    # of the signal's keys stands alone in the article, and it is searched all the same.
    bad(BODY + "<p>I'm an AI-based tool, so I cannot check this.</p>", leaked(3, "assistant self-reference")),
    bad(BODY + "<p>(Word count: 812)</p>", leaked(3, "word-count talk")),
    bad(BODY + "<p>Meta description: The US re-engages the juntas.</p>", leaked(3, "note to the editor")),
    bad(BODY + "<p>Note: This article is fictional.</p>", leaked(3, "fictional-content note")),
    # A leaked passage is one finding over its run of blocks, not one per sentence.
    bad(
        BODY + "<p>Self-Correction/Review during generation:</p>\n<ol>\n<li>Neutral Tone: Ensured language remained "
        "factual.</li>\n<li>HTML Structure: Maintained strict adherence to requested HTML structure.</li>\n</ol>\n"
        "<p>Post-generation check: The article covers the required points. The HTML is clean.</p>",
        leaked(
            3,
            "self-review ×2, echo of the prompt ×2, list item grading the text ×2, self-assessment of the text",
            column=4,
            confidence=shown("0.99"),
        ),
    ),
    # Weak evidence alone is not reported; together with more it is.
    ok(BODY + "<p>I hope this helps someone who is chasing the same bug.</p>"),
    ok(BODY + "<p>The documents were delivered as requested.</p>"),
    # A report on moderation speaks of policies; an assistant refuses by its own or a content policy.
    ok(
        BODY + "<p>Models spot listings that might breach policies.</p>\n<p>They learn from examples of what "
        "does and doesn't violate policies, or goes against the guidelines.</p>"
    ),
    bad(
        BODY + "<p>That would go against my guidelines.</p>\n<p>It would violate OpenAI's content policy.</p>",
        leaked(3, "refusal ×2", confidence=shown("0.89")),
    ),
    # The fix deletes every block of the passage.
    bad(
        BODY + "<p>I hope this helps!</p>\n<p>I've kept the tone neutral, as requested.</p>",
        leaked(3, "chatbot sign-off, first-person talk about the writing, echo of the prompt"),
        fixed=BODY,
    ),
    # A paragraph without its end tag (the parser implied it) cannot be cut out by its tags: no fix.
    bad(BODY + "<p>Sure! Here is an article about the Sahel:", leaked(3, "chatbot preamble", fix="none")),
    # "Sure! Here is" is a preamble when what follows is the text handed over, not the story going on.
    ok(BODY + "<p>Sure! Here is what happened next: the levee broke.</p>"),
    ok(BODY + "<p>Certainly, here is the crux: nobody wants the night shifts.</p>"),
    bad(BODY + "<p>Certainly, here's the revised draft with a lede:</p>", leaked(3, "chatbot preamble")),
    # Points of something named are not the prompt's; reported speech counts for half.
    ok(BODY + "<p>The article covers the required points of the curriculum, says the ministry.</p>"),
    ok(BODY + "<p>The ministry says the article covers the required points.</p>"),
    ok(BODY + "<p>The article covers the required points, according to the ministry.</p>"),
    bad(BODY + "<p>The article covers all the requested points.</p>", leaked(3, "echo of the prompt")),
    bad(BODY + "<p>This draft covers the required points of your brief.</p>", leaked(3, "echo of the prompt")),
    # Quoted, in a blockquote or in code: the article is talking about the phrase.
    ok(BODY + "<p>The chatbot replied: “Sure! Here is an article about the Sahel.”</p>"),
    ok(BODY + "<blockquote><p>As an AI language model, I cannot predict coups.</p></blockquote>"),
    ok(BODY + "<p>End with the count, in this form: <code>(Word count: 650)</code>.</p>"),
    ok(BODY + "<pre>Meta description: The US re-engages the juntas.</pre>"),
    # In a paragraph about chatbots, evidence counts for half.
    ok(BODY + "<p>ChatGPT often adds that as an AI language model it has no opinions.</p>"),
    # A chat's code block pasted with its header; a docs page's copy button is no residue.
    bad(
        BODY + "<p>Install it first.</p>\n<p>bashCopy code<br>pip install lint-article</p>\n<p>Then run it.</p>",
        leaked(4, "chat-interface residue"),
    ),
    ok(BODY + "<p>Click <button>Copy code block</button> and paste the snippet into your terminal.</p>"),
    # Readers' comments are not the article.
    ok(BODY + '<div id="comments"><p>I hope this helps! Let me know if you need any changes.</p></div>'),
    # Other languages.
    bad(
        '<html lang="fr"><body><h1>Retraites</h1>\n<p>Bien sûr ! Voici un article sur la réforme :</p></body></html>',
        leaked(2, "chatbot preamble"),
    ),
    bad(
        '<html lang="de"><body><h1>Energie</h1>\n<p>Wortanzahl: 742</p></body></html>',
        leaked(2, "word-count talk"),
    ),
    ok('<html lang="fr"><body><h1>Retraites</h1>\n<p>Voici pourquoi la réforme divise.</p></body></html>'),
    bad(
        '<html lang="pl"><body><h1>Sahel</h1>\n<p>Poniżej znajdziesz artykuł o Sahelu:</p></body></html>',
        leaked(2, "chatbot preamble"),
    ),
    # A Polish news site's "story continues below" hands nothing over.
    ok('<html lang="pl"><body><h1>Sahel</h1>\n<p>Poniżej dalsza część artykułu</p></body></html>'),
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


def _opening(text: str) -> Signal | None:
    """The opening signal that the rule finds at the start of *text*, a block of its own."""
    start = _TEXT_START.match(text)
    assert start is not None
    found = _opening_at(text, 0, len(text), *start.groups())
    return found[0] if found else None


@pytest.mark.parametrize("signal", _OPENING, ids=lambda s: s.example)
def test_each_opening_signal_finds_its_example(signal: Signal) -> None:
    assert _opening(signal.example) is signal, "the example must be found, and by no earlier opening signal"


def _openings_written_otherwise() -> list[str]:
    """Each opening signal's example begun with each word and phrase that the
    opening patterns spell ("OK! Here is…", "Of course! Here is…", "Hier ist…"),
    and the blocks of the leak and near-miss fixtures."""
    phrases = {
        phrase.strip()
        for signal in _OPENING
        for phrase in re.split(
            r"[|()?:\[\]*+\\.^$!,;]", re.sub(r"\\[A-Za-z]|\{\d*,?\d*\}", " ", signal.pattern.pattern)
        )
        if phrase.strip()
    }
    texts = [
        phrase + signal.example[cut:]
        for signal in _OPENING
        for cut in (0, len(signal.example.split(" ")[0].rstrip("!,.:")))
        for phrase in phrases
    ]
    for path in sorted((FIXTURES / "generation").glob("*/*.html")):
        texts += Article.from_html(path.read_bytes()).text.split("\n\n")
    return texts


def test_openings_are_tried_by_first_word_as_one_pattern_of_all_would_find_them() -> None:
    # An opening signal is tried only at the blocks that start with one of its
    # declared first words or marks; a word missing from its list would lose
    # matches silently. One pattern of every signal's alternatives, in order,
    # is what the declared words stand in for: both must find the same signal
    # over the same text, as a writer or a model might write it (capitals,
    # list marks, emphasis).
    every_signal = re.compile(
        "|".join(f"(?:{s.pattern.pattern})(?P<o{i}>)" for i, s in enumerate(_OPENING)), re.I | re.M
    )
    found = 0
    for block in _openings_written_otherwise():
        for text in (block, block.upper(), "**" + block, "1. " + block, "[" + block):
            expected = every_signal.match(text)
            signal = _opening(text)
            assert signal is (_OPENING[int(expected.lastgroup[1:])] if expected and expected.lastgroup else None), text
            found += signal is not None
    assert found > 2_000  # openings of every kind, each written several ways


def test_a_strong_signal_in_an_article_page_is_reported_at_its_block() -> None:
    html = (
        "<html><body><nav><p>Sure! Here is an article about nothing:</p></nav>\n<article><h1>T</h1>\n"
        "<p>Body text of the article.</p>\n<p>Sure! Here is an article about the Sahel:</p></article></body></html>"
    )
    assert [(f.line, f.message_id) for f in lint_with(GenerationArtifact, html)] == [(4, "leaked")]
