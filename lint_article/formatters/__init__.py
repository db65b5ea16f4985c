"""Output formats. Each formatter turns reports into text and knows no rule.

Every formatter is ``format_reports(reports, options=None) -> str`` and gets the
same :class:`~lint_article.report.Report` objects; see :mod:`.base`. A format
whose text for a report depends on that report alone also has
``stream_reports(reports, options=None)``, an iterator of text as the reports
come (:data:`STREAMING`).
"""

from __future__ import annotations

import importlib
from collections.abc import Iterator, Mapping
from typing import TypeVar

from .base import FormatOptions, Formatter, RuleInfo, StreamingFormatter, relative_posix, rule_infos

__all__ = [
    "FORMATTERS",
    "STREAMING",
    "FormatOptions",
    "Formatter",
    "RuleInfo",
    "StreamingFormatter",
    "relative_posix",
    "rule_infos",
]

_MODULES = {
    "text": "text",
    "json": "json_format",
    "jsonl": "jsonl",
    "sarif": "sarif",
    "github": "github",
    "gitlab": "gitlab",
    "junit": "junit",
    "checkstyle": "checkstyle",
    "html": "html",
}


T = TypeVar("T")


class _Lazy(Mapping[str, T]):
    """Format name -> a function of the format's module, each module imported when
    its format is asked for: a pre-commit run prints text and need not load XML or
    SARIF code."""

    def __init__(self, modules: Mapping[str, str], function: str) -> None:
        self._modules = modules
        self._function = function

    def __getitem__(self, name: str) -> T:
        module = importlib.import_module(f"{__name__}.{self._modules[name]}")
        found: T = getattr(module, self._function)
        return found

    def __iter__(self) -> Iterator[str]:
        return iter(self._modules)

    def __len__(self) -> int:
        return len(self._modules)


FORMATTERS: Mapping[str, Formatter] = _Lazy(_MODULES, "format_reports")
STREAMING: Mapping[str, StreamingFormatter] = _Lazy({"jsonl": _MODULES["jsonl"]}, "stream_reports")
"""The formats that can be written report by report, as the run goes on."""
