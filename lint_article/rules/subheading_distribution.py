from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass

from ..document import PROSE_KINDS, Article, Block
from ..findings import Finding, Severity
from ..rule import Context, Rule, RuleOptions, option, span_name

# Running text, which a reader needs subheadings in: not list items, nor
# anything inside one (see the docstring), nor cells, captions or code.
_LIST_ITEMS = frozenset({"li", "dt", "dd"})


class SubheadingDistribution(Rule):
    """Long stretches of text are broken up by subheadings.

    ## What it checks
    Walks the article from heading to heading and counts the words of running
    text (paragraphs, quotes, and text written directly in a container such
    as a `<div>`) in each stretch between two headings, and before the
    first. A stretch of more than `max_words` words is a finding that spans
    it from its first paragraph (a line written straight into a `<div>`
    before it, which counts, is a byline as often as prose), with its word
    count and lines. Any heading (`<h1>`–`<h6>`) ends a stretch. An article
    with no subheading at all is one stretch.

    List items, and paragraphs inside them, do not count: a list is already
    broken into items that a reader scans by their first words, and the
    longest lists in articles are lists of references (a Wikipedia article's
    "Citations" list, under its own heading, runs to thousands of words). A
    list does not end a stretch either: the paragraphs before and after it
    add up. Table cells, captions and code do not count; paragraphs inside a
    table do, since old sites lay whole articles out in one.

    Where the default comes from: Yoast SEO's subheading-distribution check,
    which editors using WordPress meet on every post, asks for a subheading
    every 300 words (orange above 300, red above 350). Measured on the real
    articles of the corpus (`benchmarks/precision.py`), 300 words fires on
    61% of them, most of them news stories, which are written without
    subheadings. A rule that fires on most real articles says nothing, so the
    default is 500 words, which fires on 40% of them (400 words fires on
    48%, close to half). For Yoast's check, set `max_words = 300`. Words
    are counted by the shared tokeniser in any language written with
    spaces; in Chinese, Japanese, Thai and other languages written without
    them the rule is skipped.

    ## Why
    Readers scan before they read: subheadings tell them what each part of
    the piece is about and let them jump to the part they came for.
    Screen-reader users navigate by them. A long stretch without one is hard
    to scan and hard to come back to.

    ## Fails
    Options: `{"max_words": 20}`
    ```html
    <h1>Sahel</h1>
    <p>The United States is recalibrating its approach to the juntas in Mali, Niger and Burkina Faso.</p>
    <p>Washington's revised strategy aims to counter Moscow's tightening grip on the region.</p>
    ```

    ## Passes
    Options: `{"max_words": 20}`
    ```html
    <h1>Sahel</h1>
    <p>The United States is recalibrating its approach to the juntas in Mali, Niger and Burkina Faso.</p>
    <h2>Russia's grip</h2>
    <p>Washington's revised strategy aims to counter Moscow's tightening grip on the region.</p>
    ```
    """

    id = "subheading-distribution"
    summary = "No more than 500 words of text go by without a subheading."
    severity = Severity.WARNING
    messages = {
        "too-long": ("{count} words without a subheading ({where}); add one at least every {max_words} words"),
    }
    advice = {
        "too-long": "Add a subheading that tells the reader what the next part is about.",
    }

    @dataclass(frozen=True, kw_only=True)
    class Options(RuleOptions):
        max_words: int = option(500, "Most words of text between two headings.", minimum=1)

    def check(self, article: Article, ctx: Context[Options]) -> Iterator[Finding]:
        view = ctx.view
        if not view.counts_words(ctx.language):
            return
        limit = ctx.options.max_words
        stretch: list[Block] = []
        count = 0
        for block in (*view.blocks, None):
            if block is None or block.kind == "heading":
                if count > limit:
                    # Placed at the stretch's first paragraph: a line written
                    # straight into a <div> before it is a byline or a
                    # gallery's control as often as the writer's prose.
                    first = next((block for block in stretch if block.kind == "paragraph"), stretch[0])
                    start, end = first.start, stretch[-1].end
                    where = span_name(article.position_of(start), article.position_of(end - 1))
                    yield ctx.at_text(start, end, "too-long", count=count, where=where, max_words=limit)
                stretch, count = [], 0
            elif block.kind in PROSE_KINDS and not article.within(block.element, _LIST_ITEMS):
                stretch.append(block)
                count += view.word_count_in(block.start, block.end)
