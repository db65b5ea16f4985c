from __future__ import annotations

import itertools
import math
from array import array
from collections import Counter, defaultdict
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from functools import partial

from ..document import Article, Words
from ..document.language import FUNCTION_WORDS
from ..findings import Finding, Severity
from ..rule import ConfigError, Context, Rule, RuleOptions, line_list, option


class RepeatedPhrases(Rule):
    """The same phrase does not come back again and again.

    ## What it checks
    Looks for word sequences of `min_words` to `max_words` words that occur at
    least `min_occurrences` times, ignoring case and punctuation. A phrase never
    runs across a sentence or block boundary, and it needs at least
    `min_content_words` words that are not function words: "one of the", "the
    use of" and "et de la" are not phrases worth reporting (function words are
    known for English, French, Spanish, German, Italian, Portuguese and Dutch;
    in other languages every word counts). A long article repeats itself more:
    `min_occurrences` counts per `per_words` words, so a 3,000-word feature
    needs nine repeats where a 900-word news story needs three. With these
    defaults the rule fires on 29 of the corpus's 98 real articles (52 with
    `per_words` at 2,000, 65 with no scaling and one content word enough).

    Each repeated passage is reported once, in its longest repeated form (a
    repeated eight-word passage is one finding, not a pile of overlapping
    three-word ones), at its first occurrence, with the lines of its
    occurrences (every one, each line once); a shorter phrase inside
    it is reported only if it also occurs often enough elsewhere. The scan
    takes linear time in the length of the article. Chinese and Japanese,
    where each character counts as a word, are skipped. Words inside a passage
    where the rule is disabled are left out of the comparison, and so is code
    (a `<pre>` block, inline `<code>`, `<kbd>`, `<samp>` or `<tt>`): names,
    commands and their output repeat by nature, and are not the writer's prose.

    ## Why
    Repeated phrases are the first thing readers notice in generated or
    hastily edited copy ("the complex realities on the ground", three times),
    and the first thing the seed article's own self-review claimed to check.

    ## Fails
    ```html
    <h1>Sahel</h1>
    <p>The security situation remains dire in the north.</p>
    <p>Officials say the security situation remains dire everywhere.</p>
    <p>In the east too, the security situation remains dire.</p>
    ```

    ## Passes
    ```html
    <h1>Sahel</h1>
    <p>The security situation remains dire in the north.</p>
    <p>Officials describe conditions in the east as grave.</p>
    ```
    """

    id = "repeated-phrases"
    summary = "No phrase of three or more words is repeated three or more times."
    severity = Severity.WARNING
    messages = {
        "repeated": "the phrase “{phrase}” appears {count} times ({lines})",
    }
    advice = {
        "repeated": "Vary the wording: keep the phrase where it matters most, rephrase or cut the others.",
    }

    @dataclass(frozen=True, kw_only=True)
    class Options(RuleOptions):
        min_words: int = option(3, "Shortest phrase, in words.", minimum=2, maximum=20)
        max_words: int = option(
            6, "Longest phrase compared, in words (longer repeats are still found whole).", minimum=2, maximum=20
        )
        min_occurrences: int = option(3, "How many times a phrase must occur to be reported.", minimum=2)
        per_words: int = option(
            1000,
            "min_occurrences counts per this many words: an article twice as long needs twice the repeats.",
            minimum=100,
        )
        min_content_words: int = option(
            2, "Fewest words of a phrase that are not function words (English; other languages count all).", minimum=1
        )

        def validate(self) -> None:
            if self.max_words < self.min_words:
                raise ConfigError(f"option 'max_words' ({self.max_words}) is below 'min_words' ({self.min_words})")

    def check(self, article: Article, ctx: Context[Options]) -> Iterator[Finding]:
        options = ctx.options
        words = ctx.words
        if not ctx.view.counts_words(ctx.language):
            return  # each character is a word there: three-"word" phrases repeat everywhere
        keys = ctx.view.keys_of(words)
        code = ctx.view.in_code(words)
        if any(code):
            # A word of code ends a phrase as a sentence's end does: a key of its own, never repeated.
            keys = [f"\0{index}" if flag else key for index, (key, flag) in enumerate(zip(keys, code, strict=True))]
        stopwords = FUNCTION_WORDS.get(ctx.language or "en", frozenset())
        needed = max(options.min_occurrences, math.ceil(options.min_occurrences * len(words) / options.per_words))
        # Which words a reported passage covers: a byte each, read and written a
        # slice at a time (a page of one repeated word has 250,000 occurrences).
        covered = bytearray(len(words))
        for passage, starts in _repeated_passages(words, keys, options, stopwords, needed):
            fresh = sum(1 for s in starts if 0 in covered[s : s + passage])
            if fresh < needed:
                continue
            mark = b"\x01" * passage
            for s in starts:
                covered[s : s + passage] = mark
            first = starts[0]
            lines = line_list([article.position_of(words.starts[s]) for s in starts])
            phrase = " ".join(words.texts[first : first + passage])
            yield ctx.at_text(
                words.starts[first],
                words.ends[first + passage - 1],
                "repeated",
                phrase=phrase,
                count=len(starts),
                lines=lines,
            )


def _repeated_passages(
    words: Words,
    keys: list[str],
    options: RepeatedPhrases.Options,
    stopwords: frozenset[str],
    needed: int,
) -> Iterator[tuple[int, array[int]]]:
    """(length, start indices) of repeated passages, longest first.

    N-grams are counted in hash tables (linear time), shortest first, and only
    where the n-gram one word shorter at the same start repeats often enough
    (an n-gram cannot occur more often than its prefix): most three-word
    phrases of an article occur once, so the longer lengths cost little. At
    the longest length, a chain of repeated n-grams whose occurrences all
    shift by one word is one longer passage.

    Starts are kept in arrays (4 bytes each, not an int object of 28 and a
    pointer): on a page that repeats one sentence, every word starts a
    repeated n-gram at every length.
    """
    size = len(words)
    sentence_of = words.sentences

    # A first pass in C (zip and Counter) finds the few shortest n-grams that
    # occur often enough anywhere, sentence boundaries or not; only their
    # starts are then counted again within sentences. The n-grams are made as
    # they are counted, never held in a list: a tuple a word would be 13 times
    # the size of a long page.
    def shortest() -> Iterator[tuple[str, ...]]:
        return zip(*(itertools.islice(keys, i, None) for i in range(options.min_words)), strict=False)

    counts = Counter(shortest())
    # Most articles repeat no phrase often enough: they end here, before a second pass over their n-grams.
    if not counts or max(counts.values()) < needed:
        return
    frequent = {gram for gram, count in counts.items() if count >= needed}
    # Runs of starts, each in increasing order. An n-gram's starts all come from
    # the one run of its prefix, so they are in order too.
    runs: Iterable[Iterable[int]] = [itertools.compress(itertools.count(), map(frequent.__contains__, shortest()))]
    by_length: dict[int, dict[tuple[str, ...], array[int]]] = {}
    for length in range(options.min_words, options.max_words + 1):
        occurrences: dict[tuple[str, ...], array[int]] = defaultdict(partial(array, "i"))
        for run in runs:
            for start in run:
                end = start + length - 1
                if end < size and sentence_of[start] == sentence_of[end]:
                    occurrences[tuple(keys[start : end + 1])].append(start)
        repeated = {gram: starts for gram, starts in occurrences.items() if len(starts) >= needed}
        by_length[length] = repeated
        runs = repeated.values()
    for length in range(options.max_words, options.min_words - 1, -1):
        repeated = {
            gram: starts
            for gram, starts in by_length[length].items()
            if sum(k not in stopwords for k in gram) >= options.min_content_words
        }
        if length != options.max_words:
            yield from ((length, starts) for _, starts in sorted(repeated.items(), key=lambda item: item[1][0]))
            continue
        by_start = {starts[0]: starts for starts in repeated.values()}
        extended_from: set[int] = set()
        for first in sorted(by_start):
            if first in extended_from:
                continue
            starts = by_start[first]
            extra = 0
            while (nxt := by_start.get(first + extra + 1)) is not None and _shifted(starts, nxt, extra + 1):
                extra += 1
                extended_from.add(first + extra)
            yield length + extra, starts


def _shifted(starts: array[int], later: array[int], by: int) -> bool:
    """Whether *later* is *starts*, each moved *by* words on."""
    return len(later) == len(starts) and all(b - a == by for a, b in zip(starts, later, strict=True))
