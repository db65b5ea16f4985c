from __future__ import annotations

from collections.abc import Iterator

from ..document import Article
from ..findings import Finding, Severity
from ..rule import Context, Rule, RuleOptions, suggest


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
    a directive is obeyed whole or not at all, never half understood. A rule id
    that no installed plugin provides (`no-inline-styl`) is reported too, with
    the closest installed one; the directive's other rules stay silenced.

    ## Why
    A mistyped directive looks as if it worked. Read loosely, it could silence
    the wrong rules, or every rule to the end of the file; ignored quietly, the
    writer believes a passage was checked and excused when it was not. A
    misspelt rule id silences nothing, and nothing else would say so.

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
        "unknown-rule": "this {kind} directive names no installed rule: {unknown}{hints}",
    }
    advice = {
        "unknown-directive": "Correct the comment to one of the four directives, or delete it.",
        "bad-rule-id": "Name rules by their ids, as lint-article prints them (lower case, with hyphens).",
        "unknown-attribute": "Rename the attribute to data-lint-article-disable, or delete it.",
        "unknown-rule": "Correct the rule id (lint-article rules lists them), or delete it from the directive.",
    }

    def check(self, article: Article, ctx: Context[RuleOptions]) -> Iterator[Finding]:
        for invalid in ctx.suppressions.invalid:
            yield ctx.at_source(invalid.start, invalid.end, invalid.problem, invalid.element, **invalid.values)
        known = ctx.known_rules
        if known is None:  # a linter built without a registry cannot tell
            return
        seen: set[int] = set()
        for directive in ctx.suppressions.directives:
            unknown = sorted(directive.rules - known)
            if not unknown or directive.start in seen:  # a region split by an enable is one directive
                continue
            seen.add(directive.start)
            hints = "".join(suggest(rule_id, known) for rule_id in unknown)
            values = {"kind": directive.kind, "unknown": ", ".join(unknown), "hints": hints}
            yield ctx.at_source(directive.start, directive.end, "unknown-rule", directive.element, **values)
