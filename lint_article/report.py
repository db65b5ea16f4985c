"""The result of linting one article: findings and figures about the text."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import TypedDict

from .findings import Finding, FindingDict, FixDict, Severity

# Words per minute of silent reading for non-fiction in English (Brysbaert, 2019).
READING_WORDS_PER_MINUTE = 238
INTERNAL_ERROR = "internal-error"


@dataclass(frozen=True, slots=True)
class ParagraphStats:
    """The readability of one prose paragraph, where it starts, for an editor to colour."""

    line: int
    column: int
    words: int
    reading_ease: float
    """Flesch reading ease, with the coefficients of the article's language."""
    grade: float | None
    """Flesch-Kincaid grade; None outside English."""

    def to_dict(self) -> ParagraphStatsDict:
        return {
            "line": self.line,
            "column": self.column,
            "words": self.words,
            "reading_ease": self.reading_ease,
            "grade": self.grade,
        }


class ParagraphStatsDict(TypedDict):
    """A ``stats.paragraph_scores`` entry of the JSON output."""

    line: int
    column: int
    words: int
    reading_ease: float
    grade: float | None


@dataclass(frozen=True, slots=True)
class Stats:
    """Figures about the text; all zero for a report whose file could not be linted."""

    words: int = 0
    sentences: int = 0
    paragraphs: int = 0
    headings: int = 0
    reading_time_minutes: float = 0.0
    flesch_reading_ease: float | None = None
    """None where the language has no formula, or the text is too short to score."""
    flesch_kincaid_grade: float | None = None
    paragraph_scores: tuple[ParagraphStats, ...] = ()
    """Each prose paragraph's scores, in order; empty where the language has no formula."""

    def to_dict(self) -> StatsDict:
        return {
            "words": self.words,
            "sentences": self.sentences,
            "paragraphs": self.paragraphs,
            "headings": self.headings,
            "reading_time_minutes": self.reading_time_minutes,
            "flesch_reading_ease": self.flesch_reading_ease,
            "flesch_kincaid_grade": self.flesch_kincaid_grade,
            "paragraph_scores": [p.to_dict() for p in self.paragraph_scores],
        }


class StatsDict(TypedDict):
    """The ``stats`` of a file in the JSON output."""

    words: int
    sentences: int
    paragraphs: int
    headings: int
    reading_time_minutes: float
    flesch_reading_ease: float | None
    flesch_kincaid_grade: float | None
    paragraph_scores: list[ParagraphStatsDict]


class ReportDict(TypedDict):
    """A ``files[]`` entry of the JSON output (contract version 1)."""

    path: str
    error: str | None
    findings: list[FindingDict]
    stats: StatsDict | None
    """None when the file could not be linted."""


@dataclass(frozen=True, slots=True)
class Report:
    """Findings for one article, sorted by position; or the error that stopped it."""

    path: str
    findings: tuple[Finding, ...] = ()
    stats: Stats = field(default_factory=Stats)
    """Figures about the text (all zero when ``error`` is set)."""
    error: str | None = None
    """Why the file could not be linted (unreadable, too large, not HTML); None when it was."""

    def failed(self, fail_on: Severity = Severity.ERROR) -> bool:
        """True when any finding is at least as severe as *fail_on*."""
        return any(f.severity >= fail_on for f in self.findings)

    @property
    def internal_errors(self) -> tuple[Finding, ...]:
        """Findings that say a rule itself crashed."""
        return tuple(f for f in self.findings if f.message_id == INTERNAL_ERROR)

    def to_dict(self) -> ReportDict:
        """The ``files[]`` entry of the JSON output."""
        return {
            "path": self.path,
            "error": self.error,
            "findings": [f.to_dict() for f in self.findings],
            "stats": self.stats.to_dict() if self.error is None else None,
        }


class AppliedFixDict(TypedDict):
    """A fix that was applied: the finding it mended (where it was in the text of
    its round) and the fix."""

    rule: str
    message_id: str
    line: int
    column: int
    round: int
    """1 for fixes applied to the text as sent; 2 for those found on the text after the first round, ..."""
    fix: FixDict


class FixResultDict(TypedDict):
    """The answer of ``POST /v1/fix`` and of the MCP tool ``fix``."""

    text: str
    """The article with the fixes applied; every character outside their edits as it was sent."""
    applied: list[AppliedFixDict]
    report: ReportDict
    """What is left: the report of the fixed text."""
