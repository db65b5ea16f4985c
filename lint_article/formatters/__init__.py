"""Output formats. Each formatter turns reports into text and knows no rule.

Every formatter is ``format_reports(reports, options=None) -> str`` and gets the
same :class:`~lint_article.report.Report` objects; see :mod:`.base`.
"""

from __future__ import annotations

import importlib
from collections.abc import Iterator, Mapping

from .base import FormatOptions, Formatter, RuleInfo, relative_posix, rule_infos

__all__ = ["FORMATTERS", "FormatOptions", "Formatter", "RuleInfo", "relative_posix", "rule_infos"]

_MODULES = {
    "text": "text",
    "json": "json_format",
    "sarif": "sarif",
    "github": "github",
    "gitlab": "gitlab",
    "junit": "junit",
    "checkstyle": "checkstyle",
}


class _Formatters(Mapping[str, Formatter]):
    """Format name -> formatter, each module imported when its format is asked
    for: a pre-commit run prints text and need not load XML or SARIF code."""

    def __getitem__(self, name: str) -> Formatter:
        module = importlib.import_module(f"{__name__}.{_MODULES[name]}")
        formatter: Formatter = module.format_reports
        return formatter

    def __iter__(self) -> Iterator[str]:
        return iter(_MODULES)

    def __len__(self) -> int:
        return len(_MODULES)


FORMATTERS: Mapping[str, Formatter] = _Formatters()
