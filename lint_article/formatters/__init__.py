"""Output formats. Each formatter turns reports into text and knows no rule."""

from __future__ import annotations

from collections.abc import Callable, Sequence

from ..report import Report
from . import json_format, text

Formatter = Callable[[Sequence[Report]], str]

FORMATTERS: dict[str, Formatter] = {
    "text": text.format_reports,
    "json": json_format.format_reports,
}
