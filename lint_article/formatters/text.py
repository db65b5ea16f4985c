"""``path:line:col: severity rule-id message``, one finding a line, then a summary.

Under each finding, indented, the passage it is about (its snippet, shortened)
and what the writer can do (``help: ...``), both escaped with :func:`.printable`:
on one-line HTML, a line and column say little by themselves.

With ``color``, ANSI styles set the parts apart (the CLI turns them on for a
terminal, and off for ``NO_COLOR`` or ``--no-color``). With ``statistics``, a
count per rule precedes the summary, as flake8's ``--statistics`` prints it.
"""

from __future__ import annotations

import functools
from collections import Counter
from collections.abc import Callable, Sequence
from typing import Any

import click

from ..findings import Finding, Severity
from ..report import Report
from .base import FormatOptions, printable, shown_path

_SEVERITY_STYLE: dict[Severity, dict[str, Any]] = {
    Severity.ERROR: {"fg": "red", "bold": True},
    Severity.WARNING: {"fg": "yellow"},
    Severity.INFO: {"fg": "blue"},
}


def format_reports(reports: Sequence[Report], options: FormatOptions | None = None, /) -> str:
    options = options or FormatOptions()
    paint = _painter(options.color)
    lines: list[str] = []
    counts = dict.fromkeys(Severity, 0)
    unreadable = 0
    # Painted once, not once a finding: a warm cached run spends much of its time here.
    severities = {severity: paint(str(severity), **style) for severity, style in _SEVERITY_STYLE.items()}
    rule_label = functools.cache(functools.partial(paint, fg="cyan"))
    help_label = paint("help:", bold=True)
    for report in reports:
        path = paint(shown_path(report.path), bold=True)
        if report.error is not None:
            unreadable += 1
            lines.append(f"{path}: {paint('error', fg='red', bold=True)}: {printable(report.error)}")
            continue
        for f in report.findings:
            counts[f.severity] += 1
            rule = rule_label(f.rule)
            lines.append(f"{path}:{f.line}:{f.column}: {severities[f.severity]} {rule} {printable(f.message)}")
            if f.snippet:
                lines.append(_INDENT + paint(_shortened(printable(f.snippet)), dim=True))
            if f.advice:
                lines.append(f"{_INDENT}{help_label} {printable(f.advice)}")
    if options.statistics:
        lines.extend(statistics(reports, options))
    closing = summary(len(reports), counts, unreadable)
    if counts[Severity.ERROR] or unreadable:
        closing = paint(closing, fg="red", bold=True)
    elif sum(counts.values()):
        closing = paint(closing, fg="yellow")
    else:
        closing = paint(closing, fg="green")
    lines.append(closing)
    return "\n".join(lines) + "\n"


SNIPPET_LENGTH = 72
"""Characters of a finding's snippet shown under it."""
_INDENT = "    "


def _shortened(snippet: str) -> str:
    """*snippet* cut to :data:`SNIPPET_LENGTH` characters, an ellipsis marking the cut."""
    return snippet if len(snippet) <= SNIPPET_LENGTH else snippet[: SNIPPET_LENGTH - 1] + "…"


def statistics(reports: Sequence[Report], options: FormatOptions | None = None) -> list[str]:
    """``count  rule-id  severity  summary`` per rule that found something, by rule id.

    The summary is the rule's own; for a rule that is not installed here, the
    first of its messages (flake8 prints the first message of each code).
    """
    options = options or FormatOptions()
    counts: Counter[str] = Counter()
    first: dict[str, Finding] = {}
    for report in reports:
        for f in report.findings:
            counts[f.rule] += 1
            first.setdefault(f.rule, f)
    if not counts:
        return []
    infos = options.rule_infos()
    width = max(len(rule_id) for rule_id in counts)
    number_width = max(5, len(str(max(counts.values()))) + 1)
    lines = []
    for rule_id in sorted(counts):
        info = infos.get(rule_id)
        text = info.summary if info else first[rule_id].message
        severity = first[rule_id].severity
        lines.append(f"{counts[rule_id]:<{number_width}}{rule_id:<{width}}  {severity!s:<7}  {printable(text)}")
    return lines


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


def _painter(enabled: bool) -> Callable[..., str]:
    def paint(text: str, **style: Any) -> str:
        return click.style(text, **style)

    def plain(text: str, **style: Any) -> str:
        return text

    return paint if enabled else plain
