"""What a rule reports: a finding with its severity and where it is."""

from __future__ import annotations

import enum
from collections.abc import Mapping
from dataclasses import asdict, dataclass, field
from typing import Any


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

    def sort_key(self) -> tuple[int, int, str, str]:
        return (self.line, self.column, self.rule, self.message)

    def to_dict(self) -> dict[str, Any]:
        fields = asdict(self)
        fields["severity"] = str(self.severity)
        fields["data"] = dict(self.data)
        return fields
