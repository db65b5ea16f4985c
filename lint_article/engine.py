"""Runs active rules over an article. It knows the rule protocol and no rule."""

from __future__ import annotations

import traceback
from collections.abc import Sequence

from . import readability
from .article import Article
from .config import ActiveRule
from .findings import Finding, Severity
from .language import primary_language
from .report import INTERNAL_ERROR, READING_WORDS_PER_MINUTE, Report, Stats
from .rule import Context


class Linter:
    """A configured set of rules; reusable and safe to share between threads."""

    def __init__(self, rules: Sequence[ActiveRule], *, language: str | None = None) -> None:
        self.rules = tuple(rules)
        self.language = language

    def lint(self, article: Article, path: str = "<string>") -> Report:
        language = primary_language(article, self.language)
        findings: list[Finding] = []
        for active in self.rules:
            ctx = Context(active.rule, article, active.options, active.severity, language)
            try:
                findings.extend(active.rule.check(article, ctx))
            except Exception as exc:  # noqa: BLE001 - one broken rule must not hide the others
                findings.append(_crash_finding(active, exc))
        findings.sort(key=Finding.sort_key)
        return Report(path, tuple(findings), _stats(article, language))


def _crash_finding(active: ActiveRule, exc: Exception) -> Finding:
    where = traceback.extract_tb(exc.__traceback__)[-1]
    return Finding(
        rule=active.rule.id,
        severity=Severity.ERROR,
        message=(
            f"rule {active.rule.id!r} crashed: {type(exc).__name__}: {exc} "
            f"(at {where.filename}:{where.lineno}); the other rules ran"
        ),
        message_id=INTERNAL_ERROR,
        line=1,
        column=1,
        end_line=1,
        end_column=1,
        snippet="",
        selector="",
    )


def _stats(article: Article, language: str | None) -> Stats:
    scores = article.derived(readability.article_scores, language)
    words = len(article.words)
    return Stats(
        words=words,
        sentences=len(article.sentences),
        paragraphs=sum(1 for b in article.blocks if b.kind == "paragraph"),
        headings=len(article.headings),
        reading_time_minutes=round(words / READING_WORDS_PER_MINUTE, 1),
        flesch_reading_ease=scores.reading_ease if scores else None,
        flesch_kincaid_grade=scores.grade if scores else None,
    )
