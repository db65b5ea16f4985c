from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass

from ..document import Article
from ..findings import Finding, Severity
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

    @dataclass(frozen=True, kw_only=True)
    class Options(RuleOptions):
        min: int = option(1, "Fewest <h1> elements allowed (0 for a CMS body).", minimum=0, maximum=1)
        max: int = option(1, "Most <h1> elements allowed (0 forbids <h1> in a CMS body).", minimum=0, maximum=1)

    shapes = {"fragment": {"min": 0, "max": 0}}

    def check(self, article: Article, ctx: Context[Options]) -> Iterator[Finding]:
        titles = [h for h in ctx.view.headings if h.level == 1]
        if len(titles) < ctx.options.min:
            yield ctx.at_document("missing")
        if ctx.options.max == 0:
            for heading in titles:
                yield ctx.at_element(heading.element, "forbidden")
            return
        for heading in titles[1:]:
            yield ctx.at_element(heading.element, "extra", first_line=titles[0].line)
