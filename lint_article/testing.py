"""Table-driven rule tests, for this project's rules and for plugin authors.

::

    from lint_article.testing import bad, finding, ok, run_cases

    CASES = [
        ok("<h1>T</h1><h2>A</h2>"),
        bad("<h1>T</h1>\\n<h3>B</h3>", finding("heading-order", "skipped", line=2, column=1, expected=2)),
        ok("<h2>A</h2>", options={"start_level": 2}),
    ]

    @pytest.mark.parametrize("case", CASES, ids=str)
    def test_heading_order(case):
        run_cases(HeadingOrder, case)

A case passes when every expected finding is matched by one actual finding
(rule id, message id, line, column when given, and the values given) and no
finding is left over. Values are what the message was formatted from
(``Finding.data``), so a test does not depend on the message's English.

A fixable rule's case says what its fixes make of the article, and whether a
finding's fix is safe::

    bad('<p style="x">t</p>', finding("no-inline-style", line=1, fix="safe"), fixed="<p>t</p>")

``fixed`` is the article after the rule's fixes, unsafe ones included (not
compared when not given).
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any

from . import docs
from .api import make_linter
from .config import Config
from .document import Article
from .engine import Linter
from .findings import Finding
from .fixes import fix_text
from .regex import on_use
from .registry import RegisteredRule, Registry, load_registry
from .rule import Rule


@dataclass(frozen=True)
class Expected:
    rule: str
    message_id: str | None
    line: int
    column: int | None = None
    values: Mapping[str, Any] = field(default_factory=dict)
    """Values of the message that must match (``{"count": 41}``); others are not compared."""
    message: str = ""
    """A part of the message's English, for rules without message ids worth naming."""
    fix: str | None = None
    """The applicability of the finding's fix (``safe``, ``unsafe``), ``none`` for
    no fix; None: not compared."""

    def matches(self, actual: Finding) -> bool:
        applicability = str(actual.fix.applicability) if actual.fix is not None else "none"
        return (
            (self.fix is None or self.fix == applicability)
            and actual.rule == self.rule
            and (self.message_id is None or actual.message_id == self.message_id)
            and actual.line == self.line
            and (self.column is None or actual.column == self.column)
            and all(actual.data.get(key, _MISSING) == value for key, value in self.values.items())
            and self.message in actual.message
        )


_MISSING = object()


@dataclass(frozen=True)
class Case:
    html: str
    expected: tuple[Expected, ...] = ()
    options: Mapping[str, Any] = field(default_factory=dict)
    language: str | None = None
    profile: str = "page"
    """The shape the case is linted as (``page`` or ``fragment``); ``auto`` as the input is."""
    fixed: str | None = None
    """The article after the rule's fixes (unsafe ones too); None: not compared."""

    def __str__(self) -> str:
        verdict = "bad" if self.expected else "ok"
        return f"{verdict}:{' '.join(self.html.split())[:60]}"


def finding(
    rule: str, message_id: str | None = None, /, *, line: int, column: int | None = None, message: str = "",
    fix: str | None = None, **values: Any,
) -> Expected:  # fmt: skip
    """A finding a case expects: the rule, its message id, where, and the values of
    its message that matter (``finding("word-count", "too-short", line=2, count=41)``).

    A value is compared with ``==``; a computed one is best given as the message
    shows it, ``score=shown("45.9")``. A value named like a parameter of this
    function takes a trailing underscore: ``line_=2`` is the message's ``{line}``,
    where ``line=4`` is where the finding is.
    """
    named = {_SHADOWED.get(name, name): value for name, value in values.items()}
    return Expected(rule, message_id, line, column, named, message, fix)


_SHADOWED = {"line_": "line", "column_": "column", "message_": "message"}


def shown(text: str) -> Any:
    """A number as its message shows it, for values the rule computes:
    ``shown("45.9")`` equals 45.92 (shown to one decimal), ``shown("33%")``
    equals 4 / 12 (shown as a whole percentage)."""
    return _Shown(text)


class _Shown:
    __slots__ = ("text",)

    def __init__(self, text: str) -> None:
        self.text = text

    def __eq__(self, other: object) -> bool:
        if not isinstance(other, int | float) or isinstance(other, bool):
            return False
        number, percent = self.text.removesuffix("%"), self.text.endswith("%")
        decimals = len(number.partition(".")[2])
        return format(other, f".{decimals}{'%' if percent else 'f'}") == self.text

    def __repr__(self) -> str:
        return f"shown({self.text!r})"


def ok(
    html: str, *, options: Mapping[str, Any] | None = None, language: str | None = None, profile: str = "page"
) -> Case:
    return Case(html, (), dict(options or {}), language, profile)


def bad(
    html: str, *expected: Expected, options: Mapping[str, Any] | None = None, language: str | None = None,
    profile: str = "page", fixed: str | None = None,
) -> Case:  # fmt: skip
    if not expected:
        raise ValueError("a bad case needs at least one expected finding")
    return Case(html, expected, dict(options or {}), language, profile, fixed)


def lint_with(rule: type[Rule], html: str | bytes, options: Mapping[str, Any] | None = None,
              language: str | None = None, profile: str = "page") -> list[Finding]:  # fmt: skip
    """The findings of *rule* alone on *html*, linted as a *profile* (``page``,
    ``fragment``, or ``auto``: as the input is shaped). The installed rules are
    known, though they do not run, so a directive may name them; *rule* need not
    be installed."""
    return list(_linter(rule, options, language, profile).lint(Article.from_html(html)).findings)


def fix_with(rule: type[Rule], html: str, options: Mapping[str, Any] | None = None,
             language: str | None = None, profile: str = "page") -> str:  # fmt: skip
    """*html* after the fixes of *rule* alone, unsafe ones included."""
    return fix_text(_linter(rule, options, language, profile), html, unsafe=True).text


def _linter(rule: type[Rule], options: Mapping[str, Any] | None, language: str | None, profile: str) -> Linter:
    config = Config(select=(rule.id,), rules={rule.id: dict(options or {})}, language=language, profile=profile)
    installed = load_registry().rules
    return make_linter(config, Registry({**installed, rule.id: RegisteredRule(rule, "lint_article.testing")}))


def run_cases(rule: type[Rule], case: Case) -> None:
    """Assert that *rule* finds exactly what *case* expects."""
    actual = lint_with(rule, case.html, case.options, case.language, case.profile)
    unmatched = list(actual)
    missing = []
    for expected in case.expected:
        hit = next((f for f in unmatched if expected.matches(f)), None)
        if hit is None:
            missing.append(expected)
        else:
            unmatched.remove(hit)
    if case.fixed is not None:
        fixed = fix_with(rule, case.html, case.options, case.language, case.profile)
        if fixed != case.fixed:
            raise AssertionError(f"rule {rule.id} on {case}: its fixes give\n  {fixed!r}\nnot\n  {case.fixed!r}")
    if missing or unmatched:
        lines = [f"rule {rule.id} on {case}:"]
        lines += [f"  expected, not found: {m}" for m in missing]
        lines += [
            f"  found, not expected: {f.line}:{f.column} {f.rule} {f.message_id} {dict(f.data)}: {f.message}"
            for f in unmatched
        ]
        raise AssertionError("\n".join(lines))


def check_documented_examples(rule: type[Rule]) -> None:
    """Assert that *rule*'s documented Fails example gives findings of the rule's
    own messages (a rule that crashes on it gives an ``internal-error`` finding,
    which does not count) and its Passes example gives none at all."""
    failing = docs.example(rule, "Fails")
    found = lint_with(rule, failing.html, failing.options)
    if not found or any(f.rule != rule.id or f.message_id not in rule.messages for f in found):
        raise AssertionError(
            f"rule {rule.id}: the Fails example must give findings of the rule's own messages "
            f"({', '.join(rule.messages)}); it gave {_listed(found)}"
        )
    passing = docs.example(rule, "Passes")
    found = lint_with(rule, passing.html, passing.options)
    if found:
        raise AssertionError(f"rule {rule.id}: the Passes example must give no finding; it gave {_listed(found)}")


def _listed(findings: list[Finding]) -> str:
    return "; ".join(f"{f.line}:{f.column} {f.message_id}: {f.message}" for f in findings) or "none"


_EXPECT = on_use(r"<!--\s*expect:\s*([a-z0-9 ,\-]+?)\s*-->")


def inline_expectations(source: str) -> list[tuple[int, str]]:
    """(line, rule id) for each ``<!-- expect: rule-a, rule-b -->`` marker in a fixture.

    A marker stands on the line of the finding it expects; a rule expected twice
    on one line is named twice.
    """
    found: list[tuple[int, str]] = []
    for number, line in enumerate(source.splitlines(), start=1):
        for match in _EXPECT.finditer(line):
            found.extend((number, rule_id.strip()) for rule_id in match.group(1).split(",") if rule_id.strip())
    return sorted(found)
