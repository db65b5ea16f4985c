from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass

from ..document import Article
from ..findings import Finding, Severity
from ..regex import on_use
from ..rule import Context, Rule, RuleOptions, option

# "11 Min Read", "Reading time: 5 minutes", "Lesezeit: 4 Min.", "5 min de lecture",
# "Temps de lecture : 3 minutes", "Tiempo de lectura: 6 minutos", "6 minutos de lectura".
_MINUTES = (
    r"(?P<minutes>\d{1,3})(?:\s*[-–]\s*(?P<upper>\d{1,3}))?\s*(?:-\s*)?(?:minutes?|mins?\.?|minuten|minutos?|m\b)"
)
_STATED = (
    on_use(rf"{_MINUTES}\s*(?:read|reading|to read|lesezeit|lesedauer|de lecture|de lectura|lectura)\b", re.I),
    on_use(
        r"(?:reading time|read time|time to read|lesezeit|lesedauer|temps de lecture|tiempo de lectura|lectura)"
        rf"\s*[:：]?\s*(?:ca\.\s*|about\s*|environ\s*)?{_MINUTES}",
        re.I,
    ),
)
_LABEL_WORDS = 24
"""A stated reading time is a label: a block of a few words (a byline and a date beside it at most)."""
# What a stated time needs (both patterns read its minutes with \d, and each of
# their words for reading holds one of these): a block without them is skipped unread.
_DIGIT = on_use(r"\d")
_READING = on_use(r"read|lese|lectur", re.I)
# The blocks that _READING can match in, found by substring searches of the
# lower-cased text (in C) rather than by a pattern in each block: its words
# lower-cased, and "leſe", since the pattern's "s" matches a long s as well.
_READING_ANCHORS = ("read", "lese", "leſe", "lectur")


class ReadingTime(Rule):
    """A stated reading time agrees with the article's length.

    ## What it checks
    A label that states how long the article takes to read ("11 Min Read",
    "Reading time: 5 minutes", "Lesezeit: 4 Min.", "5 min de lecture",
    "Tiempo de lectura: 6 minutos"), in the article or the boxes beside its
    text (a byline, a dateline: the `story` scope). The words of the
    article's text (without those boxes, fact boxes and labels) are read
    at `words_per_minute` (250 by default: adults read non-fiction silently
    at 238 words a minute on average, Brysbaert 2019; Medium counts 265);
    a stated time more than `max_factor` times the expected one, or less
    than it divided by `max_factor`, and off by more than `min_minutes`
    minutes, is a finding. A range ("5–7 min read") counts
    as its middle. Languages written without spaces between words are
    left alone: their words are not counted.

    An article states its reading time above its text, in its header or
    byline; a time stated below the middle of the text (more of the
    article's words before it than after) labels another article: a
    related post's card, a teaser in a feed ("Related Articles … 7 Minute
    Read"). On 2,250 real pages such cards made 5 of the 19 findings.

    ## Why
    A reading time is a promise to the reader. A wrong one is a label
    copied from another article or computed by a template on text that was
    edited since: the seed article says "11 Min Read" over about 1,500
    words, six minutes' reading.

    ## Fails
    ```html
    <p class="meta">12 min read</p>
    <p>The council approved the budget on Tuesday night after a long debate about parks.</p>
    ```

    ## Passes
    ```html
    <p class="meta">1 min read</p>
    <p>The council approved the budget on Tuesday night after a long debate about parks.</p>
    ```
    """

    id = "reading-time"
    summary = "A stated reading time agrees with the article's length."
    severity = Severity.WARNING
    scope = "story"
    messages = {
        "wrong": (
            "the article states a reading time of {stated} min, but its {words} words take about {expected} min "
            "at {speed} words a minute"
        ),
    }
    advice = {"wrong": "State {expected} min, or let the site compute the reading time from the text."}

    @dataclass(frozen=True, kw_only=True)
    class Options(RuleOptions):
        words_per_minute: int = option(250, "Reading speed that the expected reading time assumes.", minimum=50)
        max_factor: float = option(
            1.5, "How many times longer or shorter than expected a stated time may be.", minimum=1
        )
        min_minutes: float = option(2.0, "Smallest difference, in minutes, worth a finding.", minimum=0)

    def check(self, article: Article, ctx: Context[Options]) -> Iterator[Finding]:
        view = ctx.view
        if not view.counts_words(ctx.language):
            return
        options = ctx.options
        body = article.body
        words = len(body.words)  # the article's own text: not the labels and boxes beside it
        for index in view.blocks_with(_READING_ANCHORS):
            block = article.blocks[index]
            if body.word_count_in(0, block.start) * 2 > words:
                return  # below the middle of the text: a related post's card, not this article's header
            text = article.block_text(block)
            if not _DIGIT.search(text) or not _READING.search(text):
                continue
            if article.count_words(text, most=_LABEL_WORDS + 1) > _LABEL_WORDS:
                continue
            match = _STATED[0].search(text) or _STATED[1].search(text)
            if match is None:
                continue
            expected = words / options.words_per_minute
            low, high = match.group("minutes"), match.group("upper") or match.group("minutes")
            stated = (int(low) + int(high)) / 2
            too_far = stated > expected * options.max_factor or stated * options.max_factor < expected
            if too_far and abs(stated - expected) > options.min_minutes:
                values = {"stated": f"{stated:g}", "words": words, "expected": max(1, round(expected))}
                yield ctx.at_text(
                    block.start + match.start(), block.start + match.end(), "wrong",
                    **values, speed=options.words_per_minute,
                )  # fmt: skip
            return  # the first stated time is the article's; the others are for other articles
