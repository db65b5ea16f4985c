"""A test-only rule that takes as long as the article asks, for the time limit's tests.

``<p>sleep 2.5</p>`` makes it sleep two and a half seconds, in short naps so that
either way of interrupting it (a signal, an exception raised from another
thread) gets through. Run as a module, it is the command line with this rule
registered next to the built-in ones::

    python -m tests.slow_rule check --timeout 1 a.html
"""

from __future__ import annotations

import re
import time
from collections.abc import Iterator

from lint_article import registry
from lint_article.document import Article
from lint_article.findings import Finding, Severity
from lint_article.rule import Context, Rule, RuleOptions

_REQUEST = re.compile(r"sleep (\d+(?:\.\d+)?)")


class SlowRule(Rule):
    """Sleeps as long as the article says (``sleep SECONDS``), then reports that it did."""

    id = "slow-rule"
    summary = "Sleeps as long as the article asks."
    severity = Severity.ERROR
    messages = {"slept": "slept {seconds} s"}

    def check(self, article: Article, ctx: Context[RuleOptions]) -> Iterator[Finding]:
        request = _REQUEST.search(article.text)
        if request is None:
            return
        until = time.monotonic() + float(request.group(1))
        while time.monotonic() < until:
            time.sleep(0.01)
        yield ctx.at_document("slept", seconds=request.group(1))


def with_slow_rule() -> registry.Registry:
    """The installed rules and the slow one."""
    installed = registry.load_registry()
    return registry.Registry({**installed.rules, **registry.Registry.of([SlowRule], "tests").rules})


if __name__ == "__main__":
    registry._cached = with_slow_rule()  # what load_registry() returns in this process and its forks
    from lint_article.cli import main

    main()
