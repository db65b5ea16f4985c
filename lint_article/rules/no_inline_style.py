from __future__ import annotations

import re
from collections.abc import Iterator

from ..document import Article
from ..findings import Finding, Severity
from ..rule import Context, Rule, RuleOptions

_STYLE_ATTRIBUTE = re.compile(r"""\sstyle\s*(=\s*("[^"]*"|'[^']*'|[^\s>]*))?""", re.IGNORECASE)


class NoInlineStyle(Rule):
    """No `style` attributes in the article's markup.

    ## What it checks
    Every element with a `style` attribute is a finding at that attribute,
    naming the element. Text that merely mentions `style="…"` and markup
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
    messages = {"inline-style": "<{tag}> has an inline style attribute; use the style sheet"}

    def check(self, article: Article, ctx: Context[RuleOptions]) -> Iterator[Finding]:
        for element in ctx.view.with_attribute("style"):
            start, end = article.element_span(element)
            written = article.start_tag_source(element)
            attribute = _STYLE_ATTRIBUTE.search(written) if written else None
            if attribute:
                start, end = start + attribute.start() + 1, start + attribute.end()
            yield ctx.at_source(start, end, "inline-style", element, tag=element.tag)
