from __future__ import annotations

import bisect
from collections import Counter
from collections.abc import Iterator, Sequence
from dataclasses import dataclass

from ..document import PARAGRAPH_KINDS, Article, Block, Element, Word
from ..findings import Finding, Severity
from ..rule import Context, Rule, RuleOptions, option


class ParagraphLength(Rule):
    """Paragraphs are not walls of text.

    ## What it checks
    Each paragraph of the article (a `<p>`, or text written directly in a
    `<div>`) with more than `max_words` words is a finding at that paragraph,
    with its word count. List items, quotes, table cells and code are not
    paragraphs of the writer's prose and are not checked. A paragraph broken
    into lines with `<br>` (a poem, a list typed as lines, a blog that
    separates its paragraphs with `<br><br>`) is measured by its longest
    line.

    The default of 150 words is Yoast SEO's (its paragraph-length check turns
    orange above 150 words and red above 200). Words are counted by the
    shared tokeniser in any language written with spaces; in Chinese,
    Japanese, Thai and other languages written without them the rule is
    skipped, since its limit is in words.

    ## Why
    On a screen, and most of all on a phone, a long paragraph is a wall that
    readers skip. Each paragraph should carry one idea; a long one usually
    carries two.

    ## Fails
    Options: `{"max_words": 20}`
    ```html
    <p>The Sahel, a vast semi-arid belt stretching across Africa, has long
    grappled with complex challenges including poverty, climate change and
    weak governance, and since the early 2010s it has become a hotbed for
    armed groups.</p>
    ```

    ## Passes
    Options: `{"max_words": 20}`
    ```html
    <p>The Sahel has long grappled with poverty, climate change and weak
    governance.</p>
    <p>Since the early 2010s, armed groups have spread across it.</p>
    ```
    """

    id = "paragraph-length"
    summary = "Paragraphs have at most 150 words."
    severity = Severity.WARNING
    messages = {"too-long": "paragraph has {count} words, more than {max_words}; split it"}
    advice = {
        "too-long": "Split the paragraph where its subject turns; keep each under {max_words} words.",
    }

    @dataclass(frozen=True, kw_only=True)
    class Options(RuleOptions):
        max_words: int = option(150, "Most words in one paragraph.", minimum=1)

    def check(self, article: Article, ctx: Context[Options]) -> Iterator[Finding]:
        view = ctx.view
        if not view.counts_words(ctx.language):
            return
        limit = ctx.options.max_words
        # The <br> offsets of each element, found once: text written between a
        # container's paragraphs makes many blocks of the same element.
        line_breaks: dict[Element, list[int]] = {}
        for block in view.blocks:
            if block.kind not in PARAGRAPH_KINDS:
                continue
            if view.word_count_in(block.start, block.end) <= limit or article.is_code(block.element):
                continue
            count = _longest_line(article, block, view.words_in(block.start, block.end), line_breaks)
            if count > limit:
                yield ctx.at_text(block.start, block.end, "too-long", count=count, max_words=limit)


def _longest_line(article: Article, block: Block, words: Sequence[Word], line_breaks: dict[Element, list[int]]) -> int:
    """Words in the longest stretch of *block* between line breaks: a paragraph
    of lines (a poem, a list typed with <br>, a blog's <br><br> paragraphs) is
    not one wall of text."""
    breaks = line_breaks.get(block.element)
    if breaks is None:
        breaks = line_breaks[block.element] = sorted(article.element_span(br)[0] for br in block.element.iter("br"))
    if not breaks:
        return len(words)
    lines = Counter(bisect.bisect(breaks, article.source_offset(word.start)) for word in words)
    return max(lines.values())
