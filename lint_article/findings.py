"""What a rule reports: a finding with its severity and where it is."""

from __future__ import annotations

import enum
from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any, TypedDict


class Severity(enum.IntEnum):
    """How serious a finding is; ordered so that ``ERROR > WARNING > INFO``."""

    INFO = 1
    WARNING = 2
    ERROR = 3

    @classmethod
    def parse(cls, value: str | Severity) -> Severity:
        if isinstance(value, Severity):
            return value
        try:
            return cls[str(value).upper()]
        except KeyError:
            raise ValueError(f"unknown severity {value!r}; expected error, warning or info") from None

    def __str__(self) -> str:
        return self.name.lower()


class Applicability(enum.Enum):
    """Whether a fix may be applied without the writer reading it (ruff's terms):
    ``safe`` fixes change markup and keep the meaning (``--fix`` applies them);
    ``unsafe`` ones delete or restructure prose, and wait for ``--unsafe-fixes``."""

    SAFE = "safe"
    UNSAFE = "unsafe"

    def __str__(self) -> str:
        return self.value


@dataclass(frozen=True, slots=True)
class Edit:
    """Replace the source from *start* to *end* (character offsets in
    :attr:`Article.source <lint_article.document.Article.source>`) with
    *replacement*; line and column say where that is in the file, as a
    finding's do (``end_column`` is just past the span)."""

    start: int
    end: int
    replacement: str
    line: int
    column: int
    end_line: int
    end_column: int

    def to_dict(self) -> EditDict:
        return {
            "line": self.line,
            "column": self.column,
            "end_line": self.end_line,
            "end_column": self.end_column,
            "replacement": self.replacement,
        }

    def to_list(self) -> list[Any]:
        return [self.start, self.end, self.replacement, self.line, self.column, self.end_line, self.end_column]


@dataclass(frozen=True, slots=True)
class Fix:
    """How to mend one finding: edits to spans of the original source that do
    not overlap, in order, so that every character outside them stays as it was."""

    title: str
    """What the fix does, in a few words ("Remove the style attribute")."""
    edits: tuple[Edit, ...]
    applicability: Applicability = Applicability.SAFE

    @property
    def start(self) -> int:
        return self.edits[0].start if self.edits else 0

    @property
    def end(self) -> int:
        return self.edits[-1].end if self.edits else 0

    def problem(self, length: int) -> str | None:
        """What is wrong with this fix for a source of *length* characters, or None."""
        if not self.edits:
            return "a fix with no edit"
        previous_end = 0
        for edit in self.edits:
            if not 0 <= edit.start <= edit.end <= length:
                return f"an edit from {edit.start} to {edit.end} outside the source (0 to {length})"
            if edit.start < previous_end:
                return "edits that overlap or are out of order"
            previous_end = edit.end
        return None

    def to_dict(self) -> FixDict:
        return {
            "title": self.title,
            "applicability": str(self.applicability),
            "edits": [edit.to_dict() for edit in self.edits],
        }

    def to_list(self) -> list[Any]:
        return [self.title, self.applicability.value, [edit.to_list() for edit in self.edits]]

    @classmethod
    def from_list(cls, row: list[Any]) -> Fix:
        """A fix from the row :meth:`to_list` made (the cache's form)."""
        # Checksummed and of this format's shape: the values are as to_list() wrote them.
        title, applicability, edits = row
        return cls(title, tuple([Edit(*edit) for edit in edits]), _APPLICABILITIES[applicability])


_APPLICABILITIES = {applicability.value: applicability for applicability in Applicability}
"""Applicability by value: a dict, many times quicker than calling the enum."""


@dataclass(frozen=True, slots=True)
class Finding:
    """One problem in one article."""

    rule: str
    severity: Severity
    message: str
    message_id: str
    line: int
    column: int
    end_line: int
    end_column: int
    snippet: str
    selector: str
    """A CSS selector that locates the element from ``<body>``."""
    url: str = ""
    """The rule's documentation page."""
    data: Mapping[str, Any] = field(default_factory=dict, compare=False)
    """The values the message was made from (``{"count": 412, "low": 600}``), for
    programs and tests that should not read English."""
    advice: str = ""
    """What the writer can do about it, in one line ("Split the longest sentences.")."""
    fix: Fix | None = field(default=None, compare=False)
    """How to mend it by editing the source, when the rule knows (see :mod:`lint_article.fixes`)."""

    def sort_key(self) -> tuple[int, int, str, str]:
        return (self.line, self.column, self.rule, self.message)

    def to_dict(self) -> FindingDict:
        """The ``findings[]`` entry of the JSON output."""
        return {
            "rule": self.rule,
            "severity": str(self.severity),
            "message": self.message,
            "message_id": self.message_id,
            "line": self.line,
            "column": self.column,
            "end_line": self.end_line,
            "end_column": self.end_column,
            "snippet": self.snippet,
            "selector": self.selector,
            "url": self.url,
            "advice": self.advice,
            "data": dict(self.data),
            "fix": self.fix.to_dict() if self.fix is not None else None,
        }


class FindingDict(TypedDict):
    """A finding in the JSON output (contract version 1)."""

    rule: str
    severity: str
    message: str
    message_id: str
    line: int
    column: int
    end_line: int
    end_column: int
    snippet: str
    selector: str
    url: str
    advice: str
    data: dict[str, Any]
    fix: FixDict | None
    """How to mend the finding by editing the source; null when the rule offers no fix."""


class EditDict(TypedDict):
    """One edit of a fix: replace the source from line:column up to (not
    including) end_line:end_column with ``replacement``."""

    line: int
    column: int
    end_line: int
    end_column: int
    replacement: str


class FixDict(TypedDict):
    """A finding's ``fix`` in the JSON output: ``safe`` fixes are applied by
    ``--fix``, ``unsafe`` ones only with ``--unsafe-fixes``."""

    title: str
    applicability: str
    edits: list[EditDict]
