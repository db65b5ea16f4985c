from __future__ import annotations

from collections.abc import Iterator

from ..document import Article
from ..findings import Finding, Severity
from ..rule import Context, Rule, RuleOptions, suggest


class UnusedDirective(Rule):
    """Every suppression directive silences something.

    ## What it checks
    After the other rules ran, each `lint-article-disable…` comment and each
    `data-lint-article-disable` attribute that silenced no finding is
    reported, as ESLint's `--report-unused-disable-directives` does; so is one
    that names a rule no installed plugin provides, with the closest rule id.
    A directive about installed rules that did not run (not selected, or
    ignored) cannot be judged and is left alone; `lint-article-enable` never
    counts. Off by default: turn it on with `--report-unused-disables`,
    `report-unused-disables = true`, or by selecting it like any rule.

    ## Why
    A directive outlives the finding it silenced: the passage is rewritten, the
    finding goes, and the directive stays, ready to hide the next real problem
    in the same place. A directive naming a misspelt rule silences nothing at all.

    ## Fails
    ```html
    <h1>Notes</h1>
    <!-- lint-article-disable-next-line -->
    <p>Nothing on this line needs silencing.</p>
    ```

    ## Passes
    ```html
    <h1>Notes</h1>
    <p>No directive, nothing to report.</p>
    ```
    """

    id = "unused-directive"
    summary = "Every suppression directive silences something."
    severity = Severity.WARNING
    default_enabled = False
    runs_last = True
    messages = {
        "unused-directive": "this {kind} directive ({named}) silenced nothing; remove it",
        "unknown-rule": "this {kind} directive names no installed rule: {unknown}{hints}",
    }
    advice = {
        "unused-directive": "Delete the directive: the finding it silenced is gone.",
        "unknown-rule": "Correct the rule id (lint-article rules lists them), or delete the directive.",
    }

    def check(self, article: Article, ctx: Context[RuleOptions]) -> Iterator[Finding]:
        known = ctx.known_rules
        directives = ctx.suppressions.directives
        used_at = {d.start for d in directives if d.used}
        for directive in directives:
            unknown = sorted(directive.rules - known) if known is not None else []
            if not unknown and (
                directive.start in used_at
                or directive.kind == "enable"
                or (directive.rules and not directive.rules & ctx.rules_run)
            ):
                continue
            used_at.add(directive.start)  # a region split by an enable is one directive
            if unknown:
                hints = "".join(suggest(rule_id, known or ()) for rule_id in unknown)
                values = {"kind": directive.kind, "unknown": ", ".join(unknown), "hints": hints}
                message_id = "unknown-rule"
            else:
                values = {"kind": directive.kind, "named": ", ".join(sorted(directive.rules)) or "all rules"}
                message_id = "unused-directive"
            yield ctx.at_source(directive.start, directive.end, message_id, directive.element, **values)
