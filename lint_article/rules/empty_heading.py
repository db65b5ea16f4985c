from __future__ import annotations

from collections.abc import Iterator

from ..document import Article
from ..findings import Applicability, Finding, Severity
from ..rule import Context, Rule, RuleOptions


class EmptyHeading(Rule):
    """Every heading in the article has text.

    ## What it checks
    A visible `<h1>`–`<h6>` inside the article with no text a reader sees is a
    finding, unless something in it still gives it a name for screen
    readers: an `aria-label`, `aria-labelledby` or `title`, an image with a
    non-empty `alt`, or an inline SVG's `<title>`. Headings hidden from everyone
    (`hidden`, `display: none`, `aria-hidden="true"`) are left alone, and so
    are navigation, asides and comment sections (see `boilerplate` for how
    the article is found on a full page). The check does not depend on the
    article's language.

    ## Why
    Screen-reader users jump from heading to heading; an empty one is a stop
    with nothing to announce (axe-core's `empty-heading`). In a CMS it usually
    means a heading block was added and left blank, or its text was moved out.

    ## Fails
    ```html
    <h1>Sahel juntas</h1>
    <h2> </h2>
    <p>The United States is recalibrating its approach.</p>
    ```

    ## Passes
    ```html
    <h1>Sahel juntas</h1>
    <h2>Background</h2>
    <h2><img src="logo.png" alt="Key developments"></h2>
    ```
    """

    id = "empty-heading"
    summary = "Headings have text."
    severity = Severity.WARNING
    messages = {"empty": "<{tag}> has no text; give the heading words or remove it"}
    advice = {
        "empty": "Write the heading's words, or delete the empty heading.",
    }
    fixable = True
    fix_applicability = {"empty": Applicability.SAFE}

    def check(self, article: Article, ctx: Context[RuleOptions]) -> Iterator[Finding]:
        for heading in ctx.view.headings:
            element = heading.element
            if heading.text.strip() or element.get("aria-hidden") == "true":
                continue
            if article.visible_text(element) or article.has_name(element):
                continue
            edits = ctx.removal(element)
            holds_markup = any(isinstance(el.tag, str) and el.tag != "br" for el in element.iterdescendants())
            fix = ctx.fix("Delete the empty heading", edits, unsafe=holds_markup) if edits else None
            yield ctx.fixed(ctx.at_element(element, "empty", tag=element.tag), fix)
