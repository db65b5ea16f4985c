"""lint-article: a linter for HTML articles.

The stable library API::

    from lint_article import lint, lint_file

    report = lint("<h1>Title</h1><p>Body</p>", config={"select": ["single-h1"]})
    for finding in report.findings:
        print(finding.line, finding.rule, finding.message)
"""

from .api import lint, lint_file, make_linter
from .batch import lint_many
from .config import ActiveRule, Config
from .document import Article, Block, Heading, Sentence, View, Word
from .engine import Linter
from .findings import Finding, Severity
from .registry import Registry, load_registry
from .report import Report, Stats
from .rule import ConfigError, Context, Rule, RuleOptions, option

__all__ = [
    "ActiveRule",
    "Article",
    "Block",
    "Config",
    "ConfigError",
    "Context",
    "Finding",
    "Heading",
    "Linter",
    "Registry",
    "Report",
    "Rule",
    "RuleOptions",
    "Sentence",
    "Severity",
    "Stats",
    "View",
    "Word",
    "lint",
    "lint_file",
    "lint_many",
    "load_registry",
    "make_linter",
    "option",
]
