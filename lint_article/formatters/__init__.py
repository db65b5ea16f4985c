"""Output formats. Each formatter turns reports into text and knows no rule.

Every formatter is ``format_reports(reports, options=None) -> str`` and gets the
same :class:`~lint_article.report.Report` objects; see :mod:`.base`.
"""

from __future__ import annotations

from . import github, gitlab, json_format, junit, sarif, text
from .base import FormatOptions, Formatter, RuleInfo, relative_posix, rule_infos

__all__ = ["FORMATTERS", "FormatOptions", "Formatter", "RuleInfo", "relative_posix", "rule_infos"]

FORMATTERS: dict[str, Formatter] = {
    "text": text.format_reports,
    "json": json_format.format_reports,
    "sarif": sarif.format_reports,
    "github": github.format_reports,
    "gitlab": gitlab.format_reports,
    "junit": junit.format_reports,
}
