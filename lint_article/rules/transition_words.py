from __future__ import annotations

import itertools
from collections.abc import Iterator
from dataclasses import dataclass

from ..document import MIN_SENTENCE_WORDS, PROSE_KINDS, Article
from ..document.wordlists import TRANSITION_PHRASES, TRANSITION_WORDS
from ..findings import Finding, Severity
from ..rule import Context, Rule, RuleOptions, option

# For each language, its phrases (two words or more) by their first two words:
# a sentence's pairs of words are looked up in C, and the few that open a
# phrase compared with it ("in" opens forty English phrases, most sentences hold it).
_PHRASES_BY_PAIR: dict[str, dict[tuple[str, str], list[tuple[str, ...]]]] = {}
for _lang, _phrases in TRANSITION_PHRASES.items():
    for _phrase in _phrases:
        _PHRASES_BY_PAIR.setdefault(_lang, {}).setdefault((_phrase[0], _phrase[1]), []).append(_phrase)
_FIRST_WORDS = {lang: frozenset(first for first, _ in by_pair) for lang, by_pair in _PHRASES_BY_PAIR.items()}


class TransitionWords(Rule):
    """Enough sentences carry a transition word (Yoast's transition words check).

    ## What it checks
    Counts the sentences of the article's running prose (paragraphs, quotes,
    list items) that hold a transition word or phrase ("however", "because",
    "as a result", "for example") and reports when they are fewer than
    `min_share` of them. The thresholds are Yoast SEO's: its red light is
    below 20% of sentences, its orange from 20% to 30%, and it judges only
    texts of at least 200 words. The default is the red light, 20%; set
    `min_share` to 0.3 for Yoast's green. The word list is Yoast's English one
    (`lint_article/document/wordlists.py` says where it comes from).

    Done in English only, the language whose list lint-article carries;
    other languages are skipped rather than judged against English words.

    Sentences of fewer than three words (a dateline, a reference's
    "Retrieved 2012-08-18.", a numbered label) are not counted, nor is a
    block of one sentence that ends without a full stop, question or
    exclamation mark, colon or semicolon: words set down as a label, not a
    sentence written (a bulleted feature, an ingredient, a name in a list of
    winners, a product's specifications, a caption, an equation). A list of
    them links nothing, and on product, recipe and listing pages they
    outnumbered the sentences: on 2,250 real pages they made 85 of 228
    findings. A paragraph's last sentence without its stop is still counted.

    On by default: at 20% it fires on 5 of the 98 real corpus articles
    (`python benchmarks/yoast_counts.py`). At Yoast's 30% it fires on 8:
    reference lists (Wikipedia), product pages, news stories whose sentences
    each state one fact, fiction, and on lint-article's own well-linked example article
    (`fixtures/good-article.html`, 27%), which is why the default is the red
    light rather than the green.

    ## Why
    Transition words tell the reader how one sentence follows from the last;
    prose without them reads as a list of unconnected claims.

    ## Fails
    Options: `{"min_words": 20}`
    ```html
    <html lang="en"><body>
    <p>The council met on Monday. The budget passed. The mayor spoke for an
    hour. Taxes rise in May. Bus fares stay the same. Parks get new benches.</p>
    </body></html>
    ```

    ## Passes
    Options: `{"min_words": 20}`
    ```html
    <html lang="en"><body>
    <p>The council met on Monday. After a long debate, the budget passed.
    However, the mayor spoke for an hour first. As a result, taxes rise in
    May. Bus fares stay the same, because the state pays. Parks also get new benches.</p>
    </body></html>
    ```
    """

    id = "transition-words"
    summary = "At least 20% of sentences hold a transition word (Yoast's red light; English)."
    severity = Severity.INFO
    messages = {
        "too-few-transitions": (
            "{share:.0%} of sentences ({found} of {total}) hold a transition word, below the minimum of {min_share:.0%}"
        ),
    }
    advice = {
        "too-few-transitions": (
            "Link sentences with words that show how they follow: because, however, as a result, for example."
        ),
    }

    @dataclass(frozen=True, kw_only=True)
    class Options(RuleOptions):
        min_share: float = option(
            0.20, "Smallest share of sentences with a transition word allowed.", minimum=0, maximum=1
        )
        min_words: int = option(200, "Articles with fewer words are not judged (Yoast's floor).", minimum=1)

    def check(self, article: Article, ctx: Context[Options]) -> Iterator[Finding]:
        options = ctx.options
        view = ctx.view
        lang = ctx.language
        if lang is None or lang not in TRANSITION_WORDS:
            return
        blocks, unpunctuated = view.sentence_blocks, view.unpunctuated
        prose = [
            words
            for i, words in enumerate(view.sentence_words)
            if len(words) >= MIN_SENTENCE_WORDS and blocks[i].kind in PROSE_KINDS and not unpunctuated[i]
        ]
        if sum(map(len, prose)) < options.min_words:
            return
        found = sum(1 for words in prose if has_transition(words, lang))
        share = found / len(prose)
        if share >= options.min_share:
            return
        yield ctx.at_text(
            view.paragraphs[0].start,
            view.paragraphs[-1].end,
            "too-few-transitions",
            share=share,
            found=found,
            total=len(prose),
            min_share=options.min_share,
        )


def has_transition(words: tuple[str, ...], lang: str) -> bool:
    """Whether a sentence's lower-cased *words* hold one of *lang*'s transition words or phrases."""
    # Set tests first, in C: most sentences hold a single transition word, or
    # no first word of a phrase, or no first pair; only the others are read a pair at a time.
    if not TRANSITION_WORDS[lang].isdisjoint(words):
        return True
    phrases = _PHRASES_BY_PAIR.get(lang, {})
    if _FIRST_WORDS.get(lang, frozenset()).isdisjoint(words) or phrases.keys().isdisjoint(itertools.pairwise(words)):
        return False
    for at, pair in enumerate(itertools.pairwise(words)):
        for phrase in phrases.get(pair, ()):
            if words[at : at + len(phrase)] == phrase:
                return True
    return False
