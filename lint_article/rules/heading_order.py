from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass

from ..document import Article, Element, Heading
from ..findings import Applicability, Finding, Fix, Severity
from ..rule import Context, Rule, RuleOptions, option


class HeadingOrder(Rule):
    """Headings go down one level at a time.

    ## What it checks
    Each heading may be at most one level deeper than the heading before it:
    `<h2>` then `<h4>` is a finding at the `<h4>`, which should have been an
    `<h3>`. Going back up any number of levels (`<h4>` then `<h2>`) starts a
    new section and is fine. The first heading must be at the start level
    (option `start_level`, `1` for a page, `2` for a CMS body whose title is
    rendered elsewhere). On a page whose outline has begun at the start
    level above the article (a blog's `<h1>` site name over the post's
    `<h2>` headline), the article goes on with that outline: its first
    heading follows the page's last heading before it, as any other does.

    The fix re-levels the heading to the expected level, start and end tag.
    It is unsafe: the headings below it may have been meant to follow it, and
    only the writer knows which level the section deserves.

    ## Why
    Screen-reader users navigate by the outline that headings build; a skipped
    level reads as a missing section. Search engines read the same outline.

    ## Fails
    ```html
    <h1>Title</h1>
    <h3>Background</h3>
    ```

    ## Passes
    ```html
    <h1>Title</h1>
    <h2>Background</h2>
    <h3>Detail</h3>
    <h2>Next section</h2>
    ```
    """

    id = "heading-order"
    summary = "Headings go down one level at a time, starting at the start level."
    severity = Severity.WARNING
    messages = {
        "skipped": "heading jumps from <h{previous}> to <h{level}>; expected <h{expected}>",
        "first": "the first heading is <h{level}>; expected <h{expected}>",
    }
    advice = {
        "skipped": "Make this heading an <h{expected}>, or add the missing level above it.",
        "first": "Start the headings at <h{expected}>.",
    }

    @dataclass(frozen=True, kw_only=True)
    class Options(RuleOptions):
        start_level: int = option(1, "The level the first heading must have.", minimum=1, maximum=6)

    shapes = {"fragment": {"start_level": 2}}
    fixable = True
    fix_applicability = {"skipped": Applicability.UNSAFE, "first": Applicability.UNSAFE}

    def check(self, article: Article, ctx: Context[Options]) -> Iterator[Finding]:
        headings = ctx.view.headings
        previous = _outline_begun(article, headings, ctx.options.start_level)
        for heading in headings:
            if previous is None:
                if heading.level != ctx.options.start_level:
                    expected = ctx.options.start_level
                    fix = _relevelled(heading.element, expected, ctx)
                    found = ctx.at_element(heading.element, "first", level=heading.level, expected=expected)
                    yield ctx.fixed(found, fix)
            elif heading.level > previous + 1:
                found = ctx.at_element(
                    heading.element, "skipped", previous=previous, level=heading.level, expected=previous + 1
                )
                yield ctx.fixed(found, _relevelled(heading.element, previous + 1, ctx))
            previous = heading.level


def _outline_begun(article: Article, headings: tuple[Heading, ...], start_level: int) -> int | None:
    """The level of the page's last heading before the article's first, when the
    page has begun its outline at the start level above the article (a blog's
    <h1> site name over each post's <h2>): the article goes on with that outline."""
    if not headings:
        return None
    page = article.headings
    before = page[: page.index(headings[0])]
    return before[-1].level if any(heading.level <= start_level for heading in before) else None


def _relevelled(element: Element, level: int, ctx: Context[HeadingOrder.Options]) -> Fix | None:
    edits = ctx.relevel(element, level)
    return ctx.fix(f"Make this heading an <h{level}>", edits, unsafe=True) if edits else None
