"""An example lint-article plugin, written exactly as a third party would write one."""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass

from lint_article import Article, Context, Finding, Rule, RuleOptions, Severity, option

DOCS = "https://example.org/lint-article-example-plugin/{id}"


class PlaceholderText(Rule):
    """No placeholder text is left in the article.

    ## What it checks
    Looks for the placeholders that writers and templates leave behind
    (`lorem ipsum`, `TK`, `[insert link]`) in the text a reader sees, and
    reports each one where it stands. The list is the `phrases` option;
    matching ignores case and only matches whole words.

    ## Why
    A placeholder that reaches readers looks careless, and search engines
    index it.

    ## Fails
    ```html
    <h1>Budget</h1><p>The minister said TK about the plan.</p>
    ```

    ## Passes
    ```html
    <h1>Budget</h1><p>The minister said little about the plan.</p>
    ```
    """

    id = "placeholder-text"
    summary = "No placeholder text is left in the article."
    severity = Severity.ERROR
    messages = {"placeholder": "placeholder text “{phrase}” left in the article"}

    @dataclass(frozen=True, kw_only=True)
    class Options(RuleOptions):
        phrases: tuple[str, ...] = option(("lorem ipsum", "TK", "[insert link]"), "Placeholders to look for.")

    @classmethod
    def docs_url(cls) -> str:
        return DOCS.format(id=cls.id)

    def check(self, article: Article, ctx: Context[Options]) -> Iterator[Finding]:
        for phrase in ctx.options.phrases:
            pattern = re.compile(rf"(?<!\w){re.escape(phrase)}(?!\w)", re.IGNORECASE)
            for match in pattern.finditer(article.text):
                yield ctx.at_text(match.start(), match.end(), "placeholder", phrase=match.group())


class CrashOnMarker(Rule):
    """A rule that fails on purpose, to show how a crashing rule is reported.

    ## What it checks
    Reports every `<blink>` element; it raises an exception on an article that
    holds an element with a `data-crash` attribute, as a buggy rule would.

    ## Why
    Tests use it to check that a rule that raises is reported with its plugin,
    rule and file while the other rules still run.

    ## Fails
    ```html
    <h1>Title</h1><p><blink>Now</blink></p>
    ```

    ## Passes
    ```html
    <h1>Title</h1><p>Now</p>
    ```
    """

    id = "crash-on-marker"
    summary = "Reports <blink>; raises on data-crash (for tests)."
    severity = Severity.WARNING
    messages = {"blink": "<blink> is obsolete"}
    default_enabled = False

    def check(self, article: Article, ctx: Context[RuleOptions]) -> Iterator[Finding]:
        for element in article.tree.iter():
            if not isinstance(element.tag, str):
                continue
            if element.get("data-crash") is not None:
                raise RuntimeError("the example plugin crashed on purpose")
            if element.tag == "blink":
                yield ctx.at_element(element, "blink")
