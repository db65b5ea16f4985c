from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass

from ..document import Article, Block, Element, Heading
from ..findings import Applicability, Finding, Severity
from ..regex import on_use
from ..rule import Context, Rule, RuleOptions, option

# "Headline - Site name", "Headline | Site", "Headline — Site".
_TITLE_SEPARATOR = on_use(r"\s+[-|–—:·»]+\s+")


class DuplicateTitle(Rule):
    """The headline is printed once, and no two headings say the same thing.

    ## What it checks
    Two things, inside the article (see `boilerplate` for how the article is
    found on a full page):

    - **The headline repeated in the body.** The headline is the page's
      `<title>` (with and without the site name after a ` - `, ` | ` or
      ` — `) and the article's `<h1>` that it names; without a `<title>`,
      the article's first `<h1>`. (Another `<h1>`, a site or section name,
      is not the headline.) A paragraph, list item or heading after
      the headline whose text is the headline again (ignoring case,
      punctuation and spacing) is a finding, naming the headline's line.
      Without an `<h1>`, the first printing of the title is the headline.
      A kicker or breadcrumb above the headline is not the body, and a link
      whose text is the headline (a table of contents, a "most read" list)
      is navigation, not a second printing.
    - **Two headings with the same text.** A heading whose text repeats an
      earlier heading's is a finding at the second one. With
      `siblings_only` (the default, after markdownlint's MD024 option of that
      name), only headings under the same parent heading count: "Pros" under
      each of three products is structure, not repetition. A text that heads
      `label_copies` sections (3 by default) or more under one parent is the
      label of repeated items, each of them not a heading of its own (a
      product card's "Pros", a forum member's rank over each post, a
      timetable's stops), and is not reported: a section pasted twice
      prints its heading twice.

    Headlines and headings shorter than `min_words` words are not compared
    with the body, so a one-word title does not match every line that
    names the same place. The comparison does not depend on the article's
    language.


    The repeated headline has an unsafe fix that deletes it (its element,
    start tag to end tag); a repeated heading has none, since only the
    writer knows which words each section deserves.
    ## Why
    The seed article prints its headline a second time, as a paragraph in
    the middle of the last section: a CMS paste that nobody read back. A
    repeated heading is usually a section pasted twice, or a template block
    left behind, and it makes the outline that screen-reader users navigate
    ambiguous.

    ## Fails
    ```html
    <h1>US moves to re-engage Sahel juntas</h1>
    <p>The United States is recalibrating its approach.</p>
    <p>US moves to re-engage Sahel juntas</p>
    ```

    ## Passes
    ```html
    <h1>US moves to re-engage Sahel juntas</h1>
    <h2>Mali</h2><h3>Pros</h3><h3>Cons</h3>
    <h2>Niger</h2><h3>Pros</h3><h3>Cons</h3>
    ```
    """

    id = "duplicate-title"
    summary = "The headline is not repeated in the body; no two sibling headings share a text."
    severity = Severity.WARNING
    messages = {
        "headline-repeated": "the headline “{text}” is printed again here; it is the title on line {first_line}",
        "heading-repeated": "heading “{text}” repeats the heading on line {first_line}",
    }
    advice = {
        "headline-repeated": "Delete the repeated headline: the title already stands above the article.",
        "heading-repeated": "Give each heading its own words, or merge the two sections.",
    }
    fixable = True
    fix_applicability = {"headline-repeated": Applicability.UNSAFE}

    @dataclass(frozen=True, kw_only=True)
    class Options(RuleOptions):
        siblings_only: bool = option(True, "Only headings under the same parent heading are compared with each other.")
        min_words: int = option(3, "Fewest words a headline needs to be looked for in the body.", minimum=1)
        label_copies: int = option(
            3, "Copies of a heading's text under one parent that make it a label of repeated items.", minimum=2
        )

    def check(self, article: Article, ctx: Context[Options]) -> Iterator[Finding]:
        options = ctx.options
        view = ctx.view
        headline = article.headline
        wanted = _title_keys(article, options.min_words)
        if headline is not None and article.count_words(headline.text) >= options.min_words:
            wanted.add(article.comparison_key(headline.text))
        repeated: set[object] = set()
        if wanted:
            yield from self._repeated_headline(article, ctx, view.blocks, headline, wanted, repeated)
        yield from self._repeated_headings(article, ctx, view.headings, repeated)

    def _repeated_headline(
        self, article: Article, ctx: Context[Options], blocks: tuple[Block, ...], headline: Heading | None,
        wanted: set[str], repeated: set[object],
    ) -> Iterator[Finding]:  # fmt: skip
        """Blocks after the headline's first printing that print it again."""
        longest = 2 * max(map(len, wanted)) + 10
        first_line = headline.line if headline is not None else 0
        # A kicker or breadcrumb above the headline is not the body.
        after = article.element_span(headline.element)[0] if headline is not None else 0
        for block in blocks:
            if block.end - block.start > longest or (headline is not None and block.element is headline.element):
                continue
            text = article.block_text(block)
            key = article.comparison_key(text)
            if key not in wanted or key in article.derived(_link_keys, block.element):
                continue
            if article.source_offset(block.start) < after:
                continue
            if not first_line:  # no headline: the first printing is the headline
                first_line = article.line_of(block.start)
                continue
            repeated.add(block.element)
            deletion = ctx.deletion(block.start, block.end)
            fix = ctx.fix("Delete the repeated headline", deletion, unsafe=True) if deletion else None
            found = ctx.at_text(block.start, block.end, "headline-repeated", text=text, first_line=first_line)
            yield ctx.fixed(found, fix)

    def _repeated_headings(
        self, article: Article, ctx: Context[Options], headings: tuple[Heading, ...], reported: set[object]
    ) -> Iterator[Finding]:
        copies: dict[tuple[tuple[str, ...], str], list[Heading]] = {}
        parents: list[tuple[int, str]] = []  # the open headings above the current one
        for heading in headings:
            text = article.comparison_key(heading.text)
            while parents and parents[-1][0] >= heading.level:
                parents.pop()
            scope = tuple(k for _, k in parents) if ctx.options.siblings_only else ()
            parents.append((heading.level, text))
            if text and heading.element not in reported:
                copies.setdefault((scope, text), []).append(heading)
        for first, *again in copies.values():
            if len(again) + 1 < ctx.options.label_copies:
                for heading in again:
                    yield ctx.at_element(heading.element, "heading-repeated", text=heading.text, first_line=first.line)


def _link_keys(article: Article, element: Element) -> frozenset[str]:
    """The texts of the links in *element*: a table of contents, a breadcrumb or
    a "most read" list links to the article by its headline, which is
    navigation, not a second printing."""
    return frozenset(article.comparison_key(article.visible_text(link)) for link in element.iter("a"))


def _title_keys(article: Article, min_words: int) -> set[str]:
    """The page title, with and without its site name, reduced for comparison."""
    title = article.title
    if not title:
        return set()
    parts = _TITLE_SEPARATOR.split(title)
    candidates = {title, max(parts, key=len)}
    if len(parts) > 1:
        candidates.add(" ".join(parts[:-1]))
    return {k for k in map(article.comparison_key, candidates) if article.count_words(k) >= min_words}
