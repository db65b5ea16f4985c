"""An example lint-article plugin, written exactly as a third party would write one.

Its rule ids start with the plugin's name, so that they cannot collide with
built-in rules or other plugins."""

from __future__ import annotations

import re
import sys
from collections.abc import Iterator
from dataclasses import dataclass

from lint_article import Article, Context, Finding, Rule, RuleOptions, Severity, option

DOCS = "https://example.org/lint-article-example-plugin/{id}"


class HouseStyle(Rule):
    """Words that the house style forbids do not appear.

    ## What it checks
    Looks for each word or phrase of the `forbidden` option in the text a
    reader sees, ignoring case and matching whole words only, and reports each
    one where it stands.

    ## Why
    A publication's style guide bans jargon and tics ("utilize", "impactful")
    that editors otherwise strike out by hand, article after article.

    ## Fails
    ```html
    <h1>Budget</h1><p>The ministry will utilize the surplus.</p>
    ```

    ## Passes
    ```html
    <h1>Budget</h1><p>The ministry will use the surplus.</p>
    ```
    """

    id = "example-house-style"
    summary = "Words that the house style forbids do not appear."
    severity = Severity.ERROR
    messages = {"forbidden": "“{word}” is not house style"}

    @dataclass(frozen=True, kw_only=True)
    class Options(RuleOptions):
        forbidden: tuple[str, ...] = option(("utilize", "impactful", "going forward"), "Words and phrases to avoid.")

    @classmethod
    def docs_url(cls) -> str:
        return DOCS.format(id=cls.id)

    def check(self, article: Article, ctx: Context[Options]) -> Iterator[Finding]:
        for word in ctx.options.forbidden:
            pattern = re.compile(rf"(?<!\w){re.escape(word)}(?!\w)", re.IGNORECASE)
            for match in pattern.finditer(article.text):
                yield ctx.at_text(match.start(), match.end(), "forbidden", word=match.group())


class ExampleCrash(Rule):
    """A rule that fails on purpose, to show how a crashing rule is reported.

    ## What it checks
    Reports every `<blink>` element; it fails as a buggy rule would on an
    article that holds an element with a `data-crash` attribute: it raises an
    exception, or calls `sys.exit()` when the value is `exit`, or yields `None`
    when the value is `none`.

    ## Why
    Tests use it to check that a rule that fails is reported with its plugin,
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

    id = "example-crash"
    summary = "Reports <blink>; raises on data-crash (for tests)."
    severity = Severity.WARNING
    messages = {"blink": "<blink> is obsolete"}
    default_enabled = False

    def check(self, article: Article, ctx: Context[RuleOptions]) -> Iterator[Finding]:
        for element in article.tree.iter():
            if not isinstance(element.tag, str):
                continue
            crash = element.get("data-crash")
            if crash == "exit":
                sys.exit(0)
            if crash == "none":
                yield None
            elif crash is not None:
                raise RuntimeError("the example plugin crashed on purpose")
            if element.tag == "blink":
                yield ctx.at_element(element, "blink")
