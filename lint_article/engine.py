"""Runs active rules over an article. It knows the rule protocol and no rule."""

from __future__ import annotations

import traceback
from collections.abc import Sequence

from .config import DEFAULT_MAX_FILE_SIZE, ActiveRule, suggest
from .document import Article
from .findings import Finding, Severity
from .report import INTERNAL_ERROR, READING_WORDS_PER_MINUTE, Report, Stats
from .rule import Context
from .suppression import Suppressions


class Linter:
    """A configured set of rules; reusable and safe to share between threads."""

    def __init__(
        self,
        rules: Sequence[ActiveRule],
        *,
        language: str | None = None,
        fragment_rules: Sequence[ActiveRule] | None = None,
        report_unused_disables: bool = False,
        max_bytes: int | None = DEFAULT_MAX_FILE_SIZE,
        known_rules: frozenset[str] | None = None,
    ) -> None:
        self.rules = tuple(rules)
        self.fragment_rules = tuple(fragment_rules) if fragment_rules is not None else None
        """The rules for a CMS body fragment, when they differ (the ``auto`` profile)."""
        self.language = language
        self.report_unused_disables = report_unused_disables
        self.max_bytes = max_bytes
        """The largest article, in bytes, that is read for this linter (``max-file-size``;
        None: no limit); larger ones get a report with ``error`` set and are not parsed."""
        self.known_rules = known_rules
        """Every installed rule id, so that a directive naming another can be
        reported with the unused ones (None: not judged)."""

    def lint(self, article: Article, path: str = "<string>") -> Report:
        language = article.language(self.language).code
        suppressions = Suppressions(article)
        rules = self.fragment_rules if article.is_fragment and self.fragment_rules is not None else self.rules
        findings: list[Finding] = []
        for active in rules:
            ctx = Context(
                active.rule, article, active.options, active.severity, language, suppressions or None, active.scope
            )
            try:
                found = list(active.rule.check(article, ctx))
            # SystemExit too: a rule calling sys.exit() must not end the run as if all went well.
            except (Exception, SystemExit) as exc:  # noqa: BLE001 - one broken rule must not hide the others
                findings.append(_crash_finding(active, _raised(exc)))
                continue
            strays = [f for f in found if not isinstance(f, Finding)]
            if strays:  # they would break sorting and every format: the rule is as broken as one that raises
                findings.append(_crash_finding(active, f"it yielded {_short_repr(strays[0])}, not a Finding"))
                continue
            findings.extend(f for f in found if id(f) not in ctx.silenced)
        if self.report_unused_disables:
            ran = {a.rule.id for a in rules}
            findings.extend(_unused_directive_findings(article, suppressions, ran, self.known_rules))
        findings.sort(key=Finding.sort_key)
        return Report(path, tuple(findings), article_stats(article, language))


UNUSED_DIRECTIVE = "unused-directive"


def _unused_directive_findings(
    article: Article, suppressions: Suppressions, active: set[str], known: frozenset[str] | None
) -> list[Finding]:
    """A finding at each directive that silenced nothing, as ESLint's
    ``--report-unused-disable-directives`` does, and at each that names a rule
    no plugin provides (a typo silences nothing, silently). A directive about
    installed rules that did not run cannot be judged and is left alone."""
    used_at = {d.start for d in suppressions.directives if d.used}
    findings = []
    for directive in suppressions.directives:
        unknown = sorted(directive.rules - known) if known is not None else []
        if not unknown and (
            directive.start in used_at
            or directive.kind == "enable"
            or (directive.rules and not directive.rules & active)
        ):
            continue
        used_at.add(directive.start)  # a region split by an enable is one directive
        line, column = article.position(directive.start)
        named = ", ".join(sorted(directive.rules)) or "all rules"
        if unknown:
            hints = "".join(suggest(rule_id, known or ()) for rule_id in unknown)
            message = f"this {directive.kind} directive names no installed rule: {', '.join(unknown)}{hints}"
        else:
            message = f"this {directive.kind} directive ({named}) silenced nothing; remove it"
        findings.append(
            Finding(
                rule=UNUSED_DIRECTIVE,
                severity=Severity.WARNING,
                message=message,
                message_id="unknown-rule" if unknown else UNUSED_DIRECTIVE,
                line=line,
                column=column,
                end_line=line,
                end_column=column,
                snippet=" ".join(article.source[directive.start : directive.start + 80].split()),
                selector=article.selector(directive.element) if directive.element is not None else "",
            )
        )
    return findings


def _raised(exc: BaseException) -> str:
    where = traceback.extract_tb(exc.__traceback__)[-1]
    return f"{type(exc).__name__}: {exc} (at {where.filename}:{where.lineno})"


def _short_repr(value: object) -> str:
    text = repr(value)
    return text if len(text) <= 60 else text[:59] + "…"


def _crash_finding(active: ActiveRule, what: str) -> Finding:
    """The finding that stands for a rule that failed (*what* it did) and found nothing."""
    return Finding(
        rule=active.rule.id,
        severity=Severity.ERROR,
        message=f"rule {active.rule.id!r} crashed: {what}; the other rules ran",
        message_id=INTERNAL_ERROR,
        line=1,
        column=1,
        end_line=1,
        end_column=1,
        snippet="",
        selector="",
    )


def article_stats(article: Article, language: str | None) -> Stats:
    """Figures about the article itself (its body), not about the page around it."""
    body = article.body
    scores = body.scores(language)
    words = len(body.words)
    return Stats(
        words=words,
        sentences=len(body.sentences),
        paragraphs=sum(1 for b in body.blocks if b.kind == "paragraph"),
        headings=len(body.headings),
        reading_time_minutes=round(words / READING_WORDS_PER_MINUTE, 1),
        flesch_reading_ease=scores.reading_ease if scores else None,
        flesch_kincaid_grade=scores.grade if scores else None,
    )
