from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterator, Sequence
from dataclasses import dataclass

from ..article import Article, Word
from ..findings import Finding, Severity
from ..language import ENGLISH_STOPWORDS
from ..rule import ConfigError, Context, Rule, RuleOptions, option


class RepeatedPhrases(Rule):
    """The same phrase does not come back again and again.

    ## What it checks
    Looks for word sequences of `min_words` to `max_words` words that occur at
    least `min_occurrences` times, ignoring case and punctuation. A phrase never
    runs across a sentence or block boundary, and phrases made only of function
    words ("one of the", "as well as") are ignored. Each repeated passage is
    reported once, in its longest repeated form (a repeated eight-word passage
    is one finding, not a pile of overlapping three-word ones), at its first
    occurrence, with the lines of its occurrences (each line once, the first
    ten named); a shorter phrase inside it is reported only if it also occurs
    `min_occurrences` times elsewhere. The scan takes linear time in the length
    of the article. Function words are known for English; in other languages
    every phrase counts. Words inside a passage where the rule is disabled are
    left out of the comparison.

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
        "repeated": "the phrase “{phrase}” appears {count} times (lines {lines})",
    }

    @dataclass(frozen=True, kw_only=True)
    class Options(RuleOptions):
        min_words: int = option(3, "Shortest phrase, in words.", minimum=2, maximum=20)
        max_words: int = option(
            6, "Longest phrase compared, in words (longer repeats are still found whole).", minimum=2, maximum=20
        )
        min_occurrences: int = option(3, "How many times a phrase must occur to be reported.", minimum=2)

        def validate(self) -> None:
            if self.max_words < self.min_words:
                raise ConfigError(f"option 'max_words' ({self.max_words}) is below 'min_words' ({self.min_words})")

    def check(self, article: Article, ctx: Context[Options]) -> Iterator[Finding]:
        options = ctx.options
        words = ctx.words
        keys = [w.text.casefold().replace("’", "'") for w in words]
        stopwords = ENGLISH_STOPWORDS if ctx.language in (None, "en") else frozenset()
        covered = [0] * len(words)  # how many reported passages cover each word
        for passage, starts in _repeated_passages(words, keys, options, stopwords):
            fresh = sum(1 for s in starts if not all(covered[s + i] for i in range(passage)))
            if fresh < options.min_occurrences:
                continue
            for s in starts:
                for i in range(passage):
                    covered[s + i] += 1
            first = starts[0]
            lines = _line_list([article.position(article.source_offset(words[s].start))[0] for s in starts])
            phrase = " ".join(w.text for w in words[first : first + passage])
            yield ctx.at_text(
                words[first].start,
                words[first + passage - 1].end,
                "repeated",
                phrase=phrase,
                count=len(starts),
                lines=lines,
            )


# A phrase repeated on every line of a long page would make an endless message.
_MOST_LINES_SHOWN = 10


def _line_list(lines: list[int]) -> str:
    """Each line once, in order: "3, 10, 22", or "3, 10, … and 14 more" past the limit."""
    unique = list(dict.fromkeys(lines))
    shown = ", ".join(map(str, unique[:_MOST_LINES_SHOWN]))
    rest = len(unique) - _MOST_LINES_SHOWN
    return f"{shown} and {rest} more" if rest > 0 else shown


def _repeated_passages(
    words: Sequence[Word], keys: list[str], options: RepeatedPhrases.Options, stopwords: frozenset[str]
) -> Iterator[tuple[int, list[int]]]:
    """(length, start indices) of repeated passages, longest first.

    For each length from max_words down to min_words, n-grams are counted in a
    hash table (linear time). At the longest length, a chain of repeated
    n-grams whose occurrences all shift by one word is one longer passage.
    """
    size = len(words)
    for length in range(options.max_words, options.min_words - 1, -1):
        occurrences: dict[tuple[str, ...], list[int]] = defaultdict(list)
        for start in range(size - length + 1):
            if words[start].sentence != words[start + length - 1].sentence:
                continue
            gram = tuple(keys[start : start + length])
            occurrences[gram].append(start)
        repeated = {
            gram: starts
            for gram, starts in occurrences.items()
            if len(starts) >= options.min_occurrences and not all(k in stopwords for k in gram)
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
            while (nxt := by_start.get(first + extra + 1)) is not None and nxt == [s + extra + 1 for s in starts]:
                extra += 1
                extended_from.add(first + extra)
            yield length + extra, starts
