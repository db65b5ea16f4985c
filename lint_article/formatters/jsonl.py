"""JSON lines: one object per file, the ``files[]`` entry of the JSON contract
(:meth:`Report.to_dict`), a line each, in input order.

Unlike the other formats it needs no report but the one it writes, so the command
line streams it: each line is written as its file is linted, and a run over a
whole archive holds no more than a few reports at a time.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Sequence

from ..report import Report
from .base import FormatOptions, json_text


def stream_reports(reports: Iterable[Report], options: FormatOptions | None = None, /) -> Iterator[str]:
    """One line of text per report, as each report comes."""
    for report in reports:
        yield json_text(report.to_dict(), indent=None)


def format_reports(reports: Sequence[Report], options: FormatOptions | None = None, /) -> str:
    return "".join(stream_reports(reports, options))
