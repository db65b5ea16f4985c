from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass

from ..document import MIN_SENTENCE_WORDS, PROSE_KINDS, Article
from ..document.wordlists import IRREGULAR_PARTICIPLES, NOT_PARTICIPLES, PASSIVE_AUXILIARIES, PASSIVE_GAP_WORDS
from ..findings import Finding, Severity
from ..rule import Context, Rule, RuleOptions, option, place_names

# Languages whose passive this rule can find from words alone.
LANGUAGES = frozenset({"en"})


class PassiveVoice(Rule):
    """Most sentences are in the active voice (Yoast's passive voice check; opt-in).

    ## What it checks
    Counts the sentences of the article's running prose (paragraphs, quotes,
    list items) that are in the passive voice, and reports when they are more
    than `max_share` of them: Yoast SEO's readability analysis recommends at
    most 10% (its orange light from 10% to 15%, red above). The finding is
    at the first passive sentence and names the first few.

    A sentence is passive when a form of "be" or "get" (`is`, `was`,
    `been`, `being`, `got`, ...) is followed, perhaps after a word such as
    "not", "also" or "often", by a past participle: a word ending in "-ed"
    that is not one of the nouns and adjectives that merely end so ("need",
    "hundred", "naked"), or one of some 250 irregular participles
    ("written", "taken", "held"). Like Yoast's, the test counts adjectival
    participles too ("was tired", "is based in").

    Done in English only. Other languages build the passive from words that
    need a grammar to tell apart (German "wird" is a future too, French "est"
    + participle a perfect of motion verbs): they are skipped rather than
    guessed at. Sentences of fewer than three words (a dateline, "Yes.") are
    not counted, and articles with fewer than `min_sentences` sentences are
    not judged: a share of five sentences means little.

    Off by default (turn it on with `extend-select = ["passive-voice"]`):
    with Yoast's 10% it fires on 49 of the 98 real corpus articles, which is
    49 of the 80 it can judge (those in English), 61%; with Yoast's red-light
    15%, still on 33. Passive sentences are common in news ("was arrested",
    "is expected"), and a check that fires on most English articles would
    be noise (`python benchmarks/yoast_counts.py`). Of 40 sentences drawn at
    random that it took for passive, 38 are passive by Yoast's definition.

    ## Why
    A passive sentence hides who did what and takes longer to read. News
    style guides and Yoast alike ask for the active voice wherever the actor
    is known.

    ## Fails
    Options: `{"min_sentences": 3}`
    ```html
    <html lang="en"><body>
    <p>The budget was approved on Monday. The decision was criticised by the
    opposition. New rules were announced. The mayor spoke.</p>
    </body></html>
    ```

    ## Passes
    Options: `{"min_sentences": 3}`
    ```html
    <html lang="en"><body>
    <p>The council approved the budget on Monday. The opposition criticised
    the decision. The mayor announced new rules. She spoke for an hour.</p>
    </body></html>
    ```
    """

    id = "passive-voice"
    summary = "At most 10% of sentences in the passive voice (Yoast's limit; English; opt-in)."
    severity = Severity.WARNING
    default_enabled = False
    messages = {
        "too-much-passive": (
            "{share:.0%} of sentences ({passive} of {total}) are in the passive voice, above the maximum of "
            "{max_share:.0%}; first: {first}"
        ),
    }
    advice = {
        "too-much-passive": "Say who does what: turn passive sentences round, starting with those named.",
    }

    @dataclass(frozen=True, kw_only=True)
    class Options(RuleOptions):
        max_share: float = option(0.10, "Largest share of passive sentences allowed.", minimum=0, maximum=1)
        min_sentences: int = option(10, "Articles with fewer sentences are not judged.", minimum=1)
        examples: int = option(3, "How many of the passive sentences the message names.", minimum=1)

    def check(self, article: Article, ctx: Context[Options]) -> Iterator[Finding]:
        options = ctx.options
        view = ctx.view
        if ctx.language not in LANGUAGES:
            return
        blocks = view.sentence_blocks
        prose = [
            i
            for i, words in enumerate(view.sentence_words)
            if len(words) >= MIN_SENTENCE_WORDS and blocks[i].kind in PROSE_KINDS
        ]
        if len(prose) < options.min_sentences:
            return
        passive = [i for i in prose if is_passive(view.sentence_words[i])]
        share = len(passive) / len(prose)
        if share <= options.max_share:
            return
        named = passive[: options.examples]
        first = ", ".join(place_names([article.position_of(view.sentences[i].start) for i in named]))
        sentence = view.sentences[passive[0]]
        yield ctx.at_text(
            sentence.start,
            sentence.end,
            "too-much-passive",
            share=share,
            passive=len(passive),
            total=len(prose),
            max_share=options.max_share,
            first=first,
        )


# How many words (from PASSIVE_GAP_WORDS or ending in -ly) may stand between auxiliary and participle.
_MAX_GAP = 2


def is_passive(words: tuple[str, ...]) -> bool:
    """Whether a sentence's lower-cased *words* hold an English passive."""
    for at, word in enumerate(words):
        if word not in PASSIVE_AUXILIARIES:
            continue
        following = at + 1
        while (
            following < len(words)
            and following - at <= _MAX_GAP
            and (words[following] in PASSIVE_GAP_WORDS or words[following].endswith("ly"))
        ):
            following += 1
        if following < len(words) and _is_participle(words[following]):
            return True
    return False


def _is_participle(word: str) -> bool:
    if word in IRREGULAR_PARTICIPLES:
        return True
    return len(word) > 3 and word.endswith("ed") and word not in NOT_PARTICIPLES
