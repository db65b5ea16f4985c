"""The command line: a thin shell over the library.

Exit codes, as in ruff and ESLint: 0 when no finding reaches the ``fail-on``
severity, 1 when one does, 2 when the run itself went wrong (bad usage, bad
configuration, a file that could not be read, a rule that crashed).
"""

from __future__ import annotations

import sys
from collections.abc import Sequence
from pathlib import Path

import click

from . import __name__ as package_name
from .api import lint_path, make_linter
from .article import Article
from .config import Config
from .engine import Linter
from .files import expand_paths
from .findings import Severity
from .formatters import FORMATTERS
from .registry import load_registry
from .report import Report
from .rule import ConfigError

EXIT_OK, EXIT_FINDINGS, EXIT_ERROR = 0, 1, 2


def _rule_ids(value: str | None) -> tuple[str, ...] | None:
    if value is None:
        return None
    return tuple(part for part in value.replace(",", " ").split() if part)


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(package_name=package_name.replace("_", "-"))
def main() -> None:
    """Lint HTML articles before they are published."""


@main.command()
@click.argument("paths", nargs=-1, required=True)
@click.option(
    "--format",
    "output_format",
    type=click.Choice(sorted(FORMATTERS)),
    default="text",
    show_default=True,
    help="Output format.",
)
@click.option("--select", help="Run only these rules (comma-separated ids).")
@click.option("--extend-select", help="Run these rules as well as the selected ones.")
@click.option("--ignore", help="Do not run these rules.")
@click.option(
    "--fail-on",
    type=click.Choice(["error", "warning", "info"]),
    default=None,
    help="Lowest severity that makes the run fail (default: error).",
)
@click.option("--language", help="The articles' language when <html lang> does not say (en, fr, ...).")
@click.option("--stdin-filename", help="Name to show for an article read from standard input (-).")
@click.option(
    "--output-file",
    "-o",
    type=click.Path(dir_okay=False, writable=True),
    help="Write the report to this file instead of standard output.",
)
def check(
    paths: Sequence[str],
    output_format: str,
    select: str | None,
    extend_select: str | None,
    ignore: str | None,
    fail_on: str | None,
    language: str | None,
    stdin_filename: str | None,
    output_file: str | None,
) -> None:
    """Lint the HTML files and directories in PATHS (- reads standard input)."""
    config = Config(
        select=_rule_ids(select),
        extend_select=_rule_ids(extend_select) or (),
        ignore=_rule_ids(ignore) or (),
        fail_on=Severity.parse(fail_on or "error"),
        language=language,
        source="command line",
    )
    try:
        linter = make_linter(config)
    except ConfigError as exc:
        raise click.UsageError(str(exc)) from None
    reports = _lint_all(linter, paths, stdin_filename)
    text = FORMATTERS[output_format](reports)
    _emit(text, output_file)
    sys.exit(exit_code(reports, config.fail_on))


def _lint_all(linter: Linter, paths: Sequence[str], stdin_filename: str | None) -> list[Report]:
    reports: list[Report] = []
    for path in expand_paths([p for p in paths if p != "-"]):
        reports.append(lint_path(linter, path))
    if "-" in paths:
        data = sys.stdin.buffer.read()
        reports.append(linter.lint(Article.from_html(data), stdin_filename or "-"))
    return reports


def _emit(text: str, output_file: str | None) -> None:
    if output_file is None:
        click.echo(text, nl=False)
        return
    try:
        Path(output_file).write_text(text, encoding="utf-8")
    except OSError as exc:
        raise click.FileError(output_file, hint=exc.strerror or str(exc)) from None


def exit_code(reports: Sequence[Report], fail_on: Severity) -> int:
    if any(r.error is not None or r.internal_errors for r in reports):
        return EXIT_ERROR
    if any(r.failed(fail_on) for r in reports):
        return EXIT_FINDINGS
    return EXIT_OK


@main.command("rules")
def list_rules() -> None:
    """List the installed rules."""
    registry = load_registry()
    width = max((len(rule_id) for rule_id in registry.rules), default=10)
    for rule_id, entry in registry.rules.items():
        rule = entry.rule
        origin = "" if entry.origin == "lint-article" else f"  [{entry.origin}]"
        click.echo(f"{rule_id:<{width}}  {rule.severity!s:<7}  {rule.summary}{origin}")
    for error in registry.errors:
        click.echo(f"error: {error}", err=True)
    if registry.errors:
        sys.exit(EXIT_ERROR)
