"""lint-article: a linter for HTML articles.

The stable library API::

    from lint_article import fix, lint, lint_file

    report = lint("<h1>Title</h1><p>Body</p>", config={"select": ["single-h1"]})
    for finding in report.findings:
        print(finding.line, finding.rule, finding.message)

    fixed = fix('<p style="color: red">Body</p>')
    fixed.text  # '<p>Body</p>'
"""

from __future__ import annotations

import importlib
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from .api import fix, lint, lint_file, make_linter
    from .batch import lint_many
    from .config import ActiveRule, Config
    from .document import Article, Block, Heading, Sentence, View, Word
    from .engine import Linter
    from .findings import Applicability, Edit, Finding, FindingDict, Fix, Severity
    from .fixes import AppliedFix, FixResult
    from .registry import Registry, load_registry
    from .report import Report, ReportDict, Stats, StatsDict
    from .rule import ConfigError, Context, Rule, RuleOptions, option

# Each name is imported from its module when it is first used (PEP 562): a run that
# finds every report in its cache never loads the parser or the rules.
_MODULES = {
    "api": ("fix", "lint", "lint_file", "make_linter"),
    "document": ("Article", "Block", "Heading", "Sentence", "View", "Word"),
    "batch": ("lint_many",),
    "config": ("ActiveRule", "Config"),
    "engine": ("Linter",),
    "findings": ("Applicability", "Edit", "Finding", "FindingDict", "Fix", "Severity"),
    "fixes": ("AppliedFix", "FixResult"),
    "registry": ("Registry", "load_registry"),
    "report": ("Report", "ReportDict", "Stats", "StatsDict"),
    "rule": ("ConfigError", "Context", "Rule", "RuleOptions", "option"),
}
_MODULE_OF = {name: module for module, names in _MODULES.items() for name in names}


def __getattr__(name: str) -> object:
    if name not in _MODULE_OF:
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    value = getattr(importlib.import_module(f".{_MODULE_OF[name]}", __name__), name)
    globals()[name] = value
    return value


def __dir__() -> list[str]:
    return sorted({*globals(), *_MODULE_OF})


__all__ = [
    "ActiveRule",
    "Applicability",
    "AppliedFix",
    "Article",
    "Block",
    "Config",
    "ConfigError",
    "Context",
    "Edit",
    "Finding",
    "FindingDict",
    "Fix",
    "FixResult",
    "Heading",
    "Linter",
    "Registry",
    "Report",
    "ReportDict",
    "Rule",
    "RuleOptions",
    "Sentence",
    "Severity",
    "Stats",
    "StatsDict",
    "View",
    "Word",
    "fix",
    "lint",
    "lint_file",
    "lint_many",
    "load_registry",
    "make_linter",
    "option",
]
