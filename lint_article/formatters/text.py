"""``path:line:col: severity rule-id message``, one finding a line, then a summary."""

from __future__ import annotations

from collections.abc import Sequence

from ..findings import Severity
from ..report import Report


def format_reports(reports: Sequence[Report]) -> str:
    lines: list[str] = []
    counts = dict.fromkeys(Severity, 0)
    unreadable = 0
    for report in reports:
        if report.error is not None:
            unreadable += 1
            lines.append(f"{report.path}: error: {report.error}")
            continue
        for f in report.findings:
            counts[f.severity] += 1
            lines.append(f"{report.path}:{f.line}:{f.column}: {f.severity} {f.rule} {f.message}")
    lines.append(summary(len(reports), counts, unreadable))
    return "\n".join(lines) + "\n"


def summary(files: int, counts: dict[Severity, int], unreadable: int) -> str:
    total = sum(counts.values())
    if total == 0 and not unreadable:
        return f"No findings in {_plural(files, 'file')}."
    parts = [_plural(counts[s], str(s)) for s in sorted(counts, reverse=True) if counts[s]]
    text = f"Found {_plural(total, 'finding')}"
    if parts:
        text += f" ({', '.join(parts)})"
    text += f" in {_plural(files, 'file')}"
    if unreadable:
        text += f"; {_plural(unreadable, 'file')} could not be linted"
    return text + "."


def _plural(count: int, noun: str) -> str:
    return f"{count:,} {noun}{'' if count == 1 else 's'}"
