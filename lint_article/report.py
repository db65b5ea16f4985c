"""The result of linting one article: findings and figures about the text."""

from __future__ import annotations

from dataclasses import asdict, dataclass
from typing import Any

from .findings import Finding, Severity

# Words per minute of silent reading for non-fiction in English (Brysbaert, 2019).
READING_WORDS_PER_MINUTE = 238
INTERNAL_ERROR = "internal-error"


@dataclass(frozen=True, slots=True)
class Stats:
    words: int
    sentences: int
    paragraphs: int
    headings: int
    reading_time_minutes: float
    flesch_reading_ease: float | None
    flesch_kincaid_grade: float | None


@dataclass(frozen=True, slots=True)
class Report:
    """Findings for one article, sorted by position; or the error that stopped it."""

    path: str
    findings: tuple[Finding, ...] = ()
    stats: Stats | None = None
    error: str | None = None
    """Why the file could not be linted (unreadable, too large); None when it was."""

    def failed(self, fail_on: Severity = Severity.ERROR) -> bool:
        """True when any finding is at least as severe as *fail_on*."""
        return any(f.severity >= fail_on for f in self.findings)

    @property
    def internal_errors(self) -> tuple[Finding, ...]:
        """Findings that say a rule itself crashed."""
        return tuple(f for f in self.findings if f.message_id == INTERNAL_ERROR)

    def to_dict(self) -> dict[str, Any]:
        """The ``files[]`` entry of the JSON output."""
        return {
            "path": self.path,
            "error": self.error,
            "findings": [f.to_dict() for f in self.findings],
            "stats": asdict(self.stats) if self.stats else None,
        }
