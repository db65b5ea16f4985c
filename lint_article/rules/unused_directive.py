from __future__ import annotations

from collections.abc import Iterator

from ..document import Article
from ..findings import Finding, Severity
from ..rule import Context, Rule, RuleOptions


class UnusedDirective(Rule):
    """Every suppression directive silences something.

    ## What it checks
    After the other rules ran, each `lint-article-disable…` comment and each
    `data-lint-article-disable` attribute that silenced no finding is
    reported, as ESLint's `--report-unused-disable-directives` does. A
    directive about installed rules that did not run (not selected, or
    ignored) cannot be judged and is left alone; `lint-article-enable` never
    counts. A rule id that no installed plugin provides is reported by
    `invalid-directive`, on by default. Off by default: turn it on with `--report-unused-disables`,
    `report-unused-disables = true`, or by selecting it like any rule.

    ## Why
    A directive outlives the finding it silenced: the passage is rewritten, the
    finding goes, and the directive stays, ready to hide the next real problem
    in the same place.

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
    }
    advice = {
        "unused-directive": "Delete the directive: the finding it silenced is gone.",
    }

    def check(self, article: Article, ctx: Context[RuleOptions]) -> Iterator[Finding]:
        directives = ctx.suppressions.directives
        used_at = {d.start for d in directives if d.used}
        for directive in directives:
            if (
                directive.start in used_at
                or directive.kind == "enable"
                or (directive.rules and not directive.rules & ctx.rules_run)
            ):
                continue
            used_at.add(directive.start)  # a region split by an enable is one directive
            named = ", ".join(sorted(directive.rules)) or "all rules"
            yield ctx.at_source(
                directive.start, directive.end, "unused-directive", directive.element, kind=directive.kind, named=named
            )
