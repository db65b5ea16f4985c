"""Table tests for transition-words."""

from __future__ import annotations

import pytest

from lint_article.rules.transition_words import TransitionWords, has_transition
from lint_article.testing import Case, bad, finding, ok, run_cases


def _article(lang: str, *sentences: str) -> str:
    return f'<html lang="{lang}"><body>\n<p>' + " ".join(sentences) + "</p></body></html>"


_PLAIN = (
    "The council met on Monday.",
    "The budget passed.",
    "The mayor spoke for an hour.",
    "Taxes rise in May.",
    "Bus fares stay the same.",
    "Parks get new benches.",
)
_LINKED = (
    "Finally, the budget passed.",
    "However, the mayor spoke first.",
    "As a result, taxes rise in May.",
)
_SHORT = {"min_words": 10}
_LABELS = (
    "<ul><li>Strategic use case discovery</li><li>Technology assessment and selection</li>"
    "<li>Seamless implementation expertise</li></ul>"
)

CASES = [
    # None of six: 0%, below Yoast's red light of 20%; the finding spans the prose.
    bad(
        _article("en", *_PLAIN),
        finding("transition-words", "too-few-transitions", line=2, column=4, found=0, total=6, min_share=0.2),
        options=_SHORT,
    ),
    # One of seven: 14%.
    bad(
        _article("en", *_PLAIN, _LINKED[1]),
        finding("transition-words", "too-few-transitions", line=2, found=1, total=7),
        options=_SHORT,
    ),
    # Two of eight (a word, a phrase): 25%, Yoast's orange, allowed by default ...
    ok(_article("en", *_PLAIN, *_LINKED[1:]), options=_SHORT),
    # ... but not with Yoast's green, 30%.
    bad(
        _article("en", *_PLAIN, *_LINKED[1:]),
        finding("transition-words", "too-few-transitions", line=2, found=2, total=8, min_share=0.3),
        options={**_SHORT, "min_share": 0.3},
    ),
    ok(_article("en", *_PLAIN, *_LINKED), options={**_SHORT, "min_share": 0.3}),
    # A bulleted list of labels (a block of one sentence, no stop) holds no
    # sentence to link: two of eight sentences, 25%, not two of eleven ...
    ok(_article("en", *_PLAIN, *_LINKED[1:]) + _LABELS, options=_SHORT),
    # ... but the same items written as sentences are counted.
    bad(
        _article("en", *_PLAIN, *_LINKED[1:]) + _LABELS.replace("</li>", ".</li>"),
        finding("transition-words", "too-few-transitions", line=2, column=4, found=2, total=11),
        options=_SHORT,
    ),
    # A colon ends a lead-in, a sentence: "Three things changed:" is counted (two of eleven).
    bad(
        _article("en", *_PLAIN, *_LINKED[1:])
        + "<p>Three things changed this year:</p><p>Two things stayed the same:</p><p>One thing is new:</p>",
        finding("transition-words", "too-few-transitions", line=2, column=4, found=2, total=11),
        options=_SHORT,
    ),
    # A paragraph's last sentence without its stop is prose all the same: still none of six.
    bad(
        _article("en", *_PLAIN[:-1], "Parks get new benches"),
        finding("transition-words", "too-few-transitions", line=2, column=4, found=0, total=6),
        options=_SHORT,
    ),
    # Yoast judges only texts of 200 words or more.
    ok(_article("en", *_PLAIN)),
    # Only English is judged.
    ok(
        _article("de", "Der Rat tagte am Montag.", "Der Haushalt kam durch.", "Die Steuern steigen im Mai."),
        options=_SHORT,
    ),
    ok(_article("nl", *_PLAIN), options=_SHORT),
]


@pytest.mark.parametrize("case", CASES, ids=str)
def test_transition_words(case: Case) -> None:
    run_cases(TransitionWords, case)


@pytest.mark.parametrize(
    ("sentence", "found"),
    [
        ("however the mayor spoke", True),
        ("the mayor spoke because she had to", True),
        ("as a result taxes rise", True),  # a phrase
        ("on the other hand fares fall", True),
        ("taxes rise as a rule", False),  # "as a" is not "as a result"
        ("the other hand was raised", False),
        ("the mayor spoke", False),
        ("what's more fares fall", True),  # apostrophes are straight in the list and in the words
    ],
)
def test_what_counts_as_a_transition(sentence: str, found: bool) -> None:
    assert has_transition(tuple(sentence.split(" ")), "en") is found
