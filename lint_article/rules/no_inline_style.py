from __future__ import annotations

import re
from collections.abc import Iterator

from ..document import Article
from ..findings import Applicability, Finding, Severity
from ..regex import on_use
from ..rule import Context, Rule, RuleOptions

# Declarations that hide or show: without them the element would appear or vanish.
_VISIBILITY = on_use(r"display|visibility|opacity|clip|hidden", re.IGNORECASE)


class NoInlineStyle(Rule):
    """No `style` attributes in the article's markup.

    ## What it checks
    Every element with a `style` attribute is a finding at that attribute,
    naming the element; an empty one (`style=""`, an editor's leftover that
    styles nothing) is told apart, as clutter to delete. Text that merely mentions `style="…"` and markup
    inside comments are not elements, so they are not findings.

    ## Why
    Inline styles override the publication's style sheet: pasted text keeps
    the fonts and colours of wherever it came from, dark mode and print styles
    break, and the next redesign has to hunt them down one by one.

    ## Fails
    ```html
    <p style="color: red">Breaking news</p>
    ```

    ## Passes
    ```html
    <p class="alert">Breaking news</p>
    ```
    """

    id = "no-inline-style"
    summary = "Elements carry no style attribute."
    severity = Severity.WARNING
    messages = {
        "inline-style": "<{tag}> has an inline style attribute; use the style sheet",
        "empty-style": "<{tag}> has an empty style attribute",
    }
    advice = {
        "inline-style": (
            "Remove the pasted formatting: delete the style attribute and let the site's style sheet format the text."
        ),
        "empty-style": "Delete the attribute: it styles nothing, and only clutters the markup.",
    }
    fixable = True
    fix_applicability = {"inline-style": Applicability.SAFE, "empty-style": Applicability.SAFE}

    def check(self, article: Article, ctx: Context[RuleOptions]) -> Iterator[Finding]:
        for element in ctx.view.with_attribute("style"):
            style = element.get("style") or ""
            # No declaration, no style: "", blanks, a stray ";".
            message = "inline-style" if style.strip(" \t\n\f\r;") else "empty-style"
            spans = article.attribute_spans(element, "style")
            if not spans:  # an element the parser implied has no tag to edit
                yield ctx.at_element(element, message, tag=element.tag)
                continue
            start, end = spans[0]
            start += len(article.source[start:end]) - len(article.source[start:end].lstrip("\t\n\f\r /"))
            hides = bool(_VISIBILITY.search(style))
            fix = ctx.fix("Remove the style attribute", [(low, high, "") for low, high in spans], unsafe=hides)
            yield ctx.fixed(ctx.at_source(start, end, message, element, tag=element.tag), fix)
