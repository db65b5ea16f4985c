"""What every output format shares.

A formatter is a function ``format_reports(reports, options=None) -> str``. All
of them receive the same :class:`~lint_article.report.Report` objects; what they
need to know about rules beyond a finding (a summary, a default severity, a
help page) comes generically from :class:`RuleInfo`, built from the registry.
"""

from __future__ import annotations

import contextlib
import json
import re
from collections.abc import Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Protocol

from ..findings import Finding, Severity
from ..regex import on_use
from ..registry import Registry, load_registry
from ..report import Report
from ..rule import unfilled

TOOL_NAME = "lint-article"


@dataclass(frozen=True, slots=True)
class RuleInfo:
    """What an output format may say about a rule, whatever rule it is."""

    id: str
    summary: str
    severity: Severity
    """The rule's default severity."""
    origin: str
    """The distribution that provides the rule."""
    help_uri: str | None
    advice: tuple[str, ...] = ()
    """What to do about its findings, one line per message, values left out."""


@dataclass(frozen=True, kw_only=True, slots=True)
class FormatOptions:
    """How a formatter writes a run's reports."""

    color: bool = False
    """Style the text output with ANSI colours."""
    statistics: bool = False
    """Add a count per rule to the text output, as flake8's ``--statistics`` does."""
    rules: Mapping[str, RuleInfo] | None = None
    """Rule metadata by id; None reads the installed rules."""
    sources: Mapping[str, str | bytes] | None = None
    """The articles by report path, for a format that shows them (html); one not
    here is read from its file."""

    def rule_infos(self) -> Mapping[str, RuleInfo]:
        return self.rules if self.rules is not None else rule_infos(load_registry())


class Formatter(Protocol):
    def __call__(self, reports: Sequence[Report], options: FormatOptions | None = None, /) -> str: ...


class StreamingFormatter(Protocol):
    """A format whose text for each report depends on that report alone: its lines
    can be written while the run goes on (``stream_reports`` of its module)."""

    def __call__(self, reports: Iterable[Report], options: FormatOptions | None = None, /) -> Iterator[str]: ...


def rule_infos(registry: Registry) -> dict[str, RuleInfo]:
    """Metadata of every rule in *registry*."""
    return {
        rule_id: RuleInfo(
            rule_id,
            entry.rule.summary,
            entry.rule.severity,
            entry.origin,
            entry.rule.docs_url() or None,
            tuple(dict.fromkeys(unfilled(advice) for advice in entry.rule.advice.values())),
        )
        for rule_id, entry in registry.rules.items()
    }


def region(finding: Finding) -> tuple[int, int, int, int]:
    """(line, column, end line, end column) of *finding*, the end never before the start."""
    end_line = max(finding.end_line, finding.line)
    end_column = finding.end_column if end_line > finding.line else max(finding.end_column, finding.column)
    return finding.line, finding.column, end_line, end_column


def relative_posix(path: str) -> str:
    """*path* as a POSIX path, relative to the working directory when it lies below it.

    Code-scanning platforms resolve paths against the repository root, where CI runs.
    """
    if path == "-" or path.startswith("<"):
        return path
    candidate = Path(path)
    if candidate.is_absolute():
        with contextlib.suppress(ValueError):
            candidate = candidate.relative_to(Path.cwd())
    return candidate.as_posix()


# Control characters (C0, DEL, C1), the line separators that str.splitlines()
# honours too, the bidirectional embeddings, overrides and isolates (which show
# a line in another order than it is written), and lone surrogates.
_BEYOND_C0 = "\x7f-\x9f\u2028\u2029\u202a-\u202e\u2066-\u2069\ud800-\udfff"
_UNPRINTABLE = on_use(f"[\x00-\x1f{_BEYOND_C0}]")
# The same but C0, which json.dumps escapes itself.
_RAW_IN_JSON = on_use(f"[{_BEYOND_C0}]")


def _escape(match: re.Match[str]) -> str:
    code = ord(match.group())
    if 0xDC80 <= code <= 0xDCFF:  # a byte that is not UTF-8, as Python decodes file names (surrogateescape)
        return f"\\x{code - 0xDC00:02x}"
    return match.group().encode("unicode_escape").decode("ascii")


def printable(text: str) -> str:
    """*text* fit for one line of a terminal or a CI log: each control character
    becomes its escape (``\\n``, ``\\x1b``, ``\\u202e``), so that what an article
    or a file name holds can neither start a line of its own (a forged finding,
    a workflow command) nor drive the terminal (ANSI and OSC sequences, BEL); and
    a byte of a file name that is not UTF-8 becomes ``\\xff``, as ``ls -b`` shows it.

    Every human-facing format passes article text, messages and paths through
    it; JSON and XML encode what they carry instead."""
    # Every character escaped is one that str.isprintable() refuses: most text
    # is let through by that test in C, without the search.
    return text if text.isprintable() else _UNPRINTABLE.sub(_escape, text)


def shown_path(path: str) -> str:
    """*path* fit for one line of text (see :func:`printable`)."""
    return printable(path)


def json_text(data: Any, indent: int | None = 2) -> str:
    """*data* as JSON (indented, or on one line for *indent* None), ending in a
    newline, that encodes to UTF-8 whatever strings it holds.

    A file name that is not UTF-8 reaches Python with lone surrogates, which no
    UTF-8 output can carry; each becomes its ``\\uXXXX`` escape, which JSON
    readers decode back to the same string, so the name survives exactly. So do
    the control characters that JSON would let through raw (DEL, C1 such as
    U+009B, the 8-bit CSI, line separators, bidirectional controls): the
    document read in a terminal cannot drive it.
    """
    text = json.dumps(data, ensure_ascii=False, indent=indent) + "\n"
    return _RAW_IN_JSON.sub(lambda match: f"\\u{ord(match.group()):04x}", text)
