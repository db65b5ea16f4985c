from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass

from ..document import Article, Element
from ..findings import Applicability, Finding, Fix, Severity
from ..rule import Context, Rule, RuleOptions, option


class SingleH1(Rule):
    """An article has exactly one `<h1>`: its title.

    ## What it checks
    Counts the visible `<h1>` elements. With none, one finding at line 1; with
    more than one, a finding at each `<h1>` after the first, naming the line of
    the first. Headings inside `<template>`, `hidden` elements, comments and
    script text are not part of the page a reader sees and do not count.
    A CMS body whose title is rendered by the CMS sets `max = 0` (the
    `fragment` profile does), so that any `<h1>` in the body is a finding.
    A section front (teasers of other stories, no story of its own) has no
    article and is not asked for a title: word-count says what the page is.

    The fix makes each extra or forbidden `<h1>` an `<h2>`, start and end tag,
    and changes nothing else; it is safe. A missing title has no fix: only
    the writer knows it.

    ## Why
    The `<h1>` is the article's title for readers, screen readers and search
    engines. Two titles compete; none leaves the page without a name.

    ## Fails
    ```html
    <h1>Sahel juntas</h1>
    <h1>Washington's Sahel gamble</h1>
    ```

    ## Passes
    ```html
    <h1>Sahel juntas</h1>
    <h2>Background</h2>
    ```
    """

    id = "single-h1"
    summary = "An article has exactly one <h1>."
    severity = Severity.ERROR
    messages = {
        "missing": "no <h1> found; an article needs exactly one title heading",
        "extra": "extra <h1>; the first <h1> is on line {first_line}",
        "forbidden": "<h1> in a body whose title is rendered elsewhere; use <h2> and below",
    }
    advice = {
        "missing": "Add the article's title as an <h1> at its top.",
        "extra": "Keep one <h1>, the title; make this heading an <h2> or lower.",
        "forbidden": "Make this heading an <h2>: the page prints the title itself.",
    }

    @dataclass(frozen=True, kw_only=True)
    class Options(RuleOptions):
        min: int = option(1, "Fewest <h1> elements allowed (0 for a CMS body).", minimum=0, maximum=1)
        max: int = option(1, "Most <h1> elements allowed (0 forbids <h1> in a CMS body).", minimum=0, maximum=1)

    shapes = {"fragment": {"min": 0, "max": 0}}
    fixable = True
    fix_applicability = {"extra": Applicability.SAFE, "forbidden": Applicability.SAFE}

    def check(self, article: Article, ctx: Context[Options]) -> Iterator[Finding]:
        titles = [h for h in ctx.view.headings if h.level == 1]
        if len(titles) < ctx.options.min and not ctx.view.section_front:  # no article, no title (see word-count)
            yield ctx.at_document("missing")
        if ctx.options.max == 0:
            for heading in titles:
                yield ctx.fixed(ctx.at_element(heading.element, "forbidden"), self._demotion(heading.element, ctx))
            return
        for heading in titles[1:]:
            fix = self._demotion(heading.element, ctx)
            yield ctx.fixed(ctx.at_element(heading.element, "extra", first_line=titles[0].line), fix)

    @staticmethod
    def _demotion(element: Element, ctx: Context[Options]) -> Fix | None:
        edits = ctx.relevel(element, 2)
        return ctx.fix("Make this heading an <h2>", edits) if edits else None
