from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass

from ..document import PARAGRAPH_KINDS, Article
from ..findings import Finding, Severity
from ..rule import ConfigError, Context, Rule, RuleOptions, option


class WordCount(Rule):
    """The article's length lies within the commissioned range.

    ## What it checks
    Counts the words a reader sees in the article's body (scripts, styles,
    templates, hidden elements, comments and attribute values do not count,
    nor do the headline and the pictures' captions, as in a newsroom's count
    of a piece; each Chinese or Japanese character counts as a word) and
    compares the count with `min` and `max`.
    Give either `min`/`max`, or `target` and `tolerance` (a share: a target of
    1000 with tolerance 0.1 accepts 900 to 1,100 words). A short article is
    reported at its first block; a long one at the block where the count
    passes `max`, so the writer sees where to cut. Words inside a passage
    where the rule is disabled (a comment directive or
    `data-lint-article-disable`) are not counted: that is how an editor
    leaves a pull quote or an embedded box out of the count.

    A section front (a page of teasers of other stories, and no story of its
    own) has no article to count: the rule says so, once, instead.

    ## Why
    Commissions come with a length. Too short and the piece is thin or will
    not fill its slot; too long and it will be cut by someone who did not
    write it. The defaults (300 to 5,000) only catch stubs and runaways.

    ## Fails
    ```html
    <h1>Stub</h1><p>Only a few words here.</p>
    ```

    ## Passes
    Options: `{"min": 5}`
    ```html
    <h1>Stub</h1><p>Only a few words here.</p>
    ```
    """

    id = "word-count"
    summary = "The article's word count lies within the target range."
    severity = Severity.WARNING
    messages = {
        "too-short": "the article has {count:,} words; expected {low:,} to {high}",
        "too-long": "the article has {count:,} words; expected {low:,} to {high} (the limit is passed here)",
        "no-article": "no article on this page: it is a section front of {teasers} teasers of other stories",
    }
    advice = {
        "too-short": "Develop the article to at least {low:,} words, or check that the whole text was pasted.",
        "too-long": "Cut the article to {high} words: trim repetition and side points, or split it in two.",
        "no-article": "Lint a story's own page; to audit this page's template, run with --scope page.",
    }

    @dataclass(frozen=True, kw_only=True)
    class Options(RuleOptions):
        min: int = option(300, "Fewest words.", minimum=0)
        max: int | None = option(5000, "Most words; none for no limit.", minimum=1)
        target: int | None = option(None, "Target word count; replaces min and max with tolerance.", minimum=1)
        tolerance: float = option(0.1, "Share of the target allowed either way.", minimum=0, maximum=1)

        def validate(self) -> None:
            low, high = self.bounds()
            if high is not None and high < low:
                raise ConfigError(f"option 'max' ({high}) is below 'min' ({low})")

        def bounds(self) -> tuple[int, int | None]:
            if self.target is not None:
                spread = round(self.target * self.tolerance)
                return self.target - spread, self.target + spread
            return self.min, self.max

    def check(self, article: Article, ctx: Context[Options]) -> Iterator[Finding]:
        if teasers := ctx.view.section_front:
            yield ctx.at_document("no-article", teasers=teasers)
            return
        low, high = ctx.options.bounds()
        words = ctx.words
        shown_high = f"{high:,}" if high is not None else "any number"
        if len(words) < low:
            # At the article's first paragraph, a <p> (else text written straight into a
            # container), not at a section label, a byline or a date above it.
            blocks = ctx.view.sentence_blocks
            in_paragraphs = (w for w in words if blocks[w.sentence].kind == "paragraph")
            in_prose = (w for w in words if blocks[w.sentence].kind in PARAGRAPH_KINDS)
            opening = next(in_paragraphs, None) or next(in_prose, words[0] if words else None)
            if opening is not None:
                yield ctx.at_text(opening.start, opening.end, "too-short", count=len(words), low=low, high=shown_high)
            else:
                yield ctx.at_document("too-short", count=0, low=low, high=shown_high)
        elif high is not None and len(words) > high:
            first_over = words[high]
            yield ctx.at_text(first_over.start, first_over.end, "too-long", count=len(words), low=low, high=shown_high)
