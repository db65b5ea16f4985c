from __future__ import annotations

from collections.abc import Iterator

from ..document import Article
from ..findings import Finding, Severity
from ..rule import Context, Rule, RuleOptions


class InvalidDirective(Rule):
    """A comment addressed to lint-article is a directive it knows, written exactly.

    ## What it checks
    Every comment whose text starts with the tool's name (`lint-article`,
    however written: `lint_article`, `Lint Article`) must be one of the four
    directives, `lint-article-disable`, `lint-article-enable`,
    `lint-article-disable-next-line` and `lint-article-disable-file`, followed
    by nothing but rule ids (lower-case words joined by hyphens, separated by
    spaces or commas). Every `data-lint-article-*` attribute must be
    `data-lint-article-disable`, its value rule ids. Anything else, such as
    `lint-article-disable-line` or `lint-article disable heading-order`, is
    reported, with the directive that was probably meant, and silences nothing:
    a directive is obeyed whole or not at all, never half understood.

    ## Why
    A mistyped directive looks as if it worked. Read loosely, it could silence
    the wrong rules, or every rule to the end of the file; ignored quietly, the
    writer believes a passage was checked and excused when it was not.

    ## Fails
    ```html
    <h1>Notes</h1>
    <!-- lint-article-disable-line no-inline-style -->
    <p style="text-align: center">* * *</p>
    ```

    ## Passes
    ```html
    <h1>Notes</h1>
    <!-- lint-article-disable-next-line no-inline-style -->
    <p style="text-align: center">* * *</p>
    ```
    """

    id = "invalid-directive"
    summary = "Comments addressed to lint-article are directives it knows."
    severity = Severity.ERROR
    messages = {
        "unknown-directive": "“{text}” is not a lint-article directive and silences nothing{hint}",
        "bad-rule-id": "“{word}” in this directive is not a rule id; the directive silences nothing",
        "unknown-attribute": "the attribute {name} is not one lint-article reads and silences nothing{hint}",
    }
    advice = {
        "unknown-directive": "Correct the comment to one of the four directives, or delete it.",
        "bad-rule-id": "Name rules by their ids, as lint-article prints them (lower case, with hyphens).",
        "unknown-attribute": "Rename the attribute to data-lint-article-disable, or delete it.",
    }

    def check(self, article: Article, ctx: Context[RuleOptions]) -> Iterator[Finding]:
        for invalid in ctx.suppressions.invalid:
            yield ctx.at_source(invalid.start, invalid.end, invalid.problem, invalid.element, **invalid.values)
