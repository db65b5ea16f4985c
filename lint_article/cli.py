"""The command line: a thin shell over the library.

Exit codes, as in ruff and ESLint: 0 when no finding reaches the ``fail-on``
severity, 1 when one does, 2 when the run itself went wrong (bad usage, bad
configuration, a file that could not be read, a rule that crashed).
"""

from __future__ import annotations

import dataclasses
import itertools
import os
import sys
from collections.abc import Iterator, Mapping, Sequence
from pathlib import Path
from typing import TYPE_CHECKING

import click

from . import __name__ as package_name
from .api import TooLarge, make_linter, read_limited
from .batch import Item, Linters, lint_many
from .cache import CACHE_DIR_VARIABLE, DEFAULT_CACHE_DIR, ResultCache, default_cache_dir
from .config import KEYS, PROFILE_NAMES, SCOPES, Config, suggest
from .config_files import Settings
from .files import expand_paths
from .findings import Severity
from .formatters import FORMATTERS, STREAMING, FormatOptions, rule_infos
from .formatters.base import shown_path
from .formatters.text import statistics as statistics_lines
from .registry import load_registry, loaded_registry
from .report import Report
from .rule import ConfigError

if TYPE_CHECKING:
    from .baseline import Baseline

EXIT_OK, EXIT_FINDINGS, EXIT_ERROR = 0, 1, 2


class OutputError(click.ClickException):
    """A report or baseline that could not be written: the run went wrong (click's
    own FileError exits with 1, which here means "findings")."""

    exit_code = EXIT_ERROR

    def __init__(self, path: str, exc: OSError, action: str = "write") -> None:
        super().__init__(f"cannot {action} {path}: {exc.strerror or exc}")


def _rule_ids(value: str | None) -> tuple[str, ...] | None:
    if value is None:
        return None
    ids = tuple(part for part in value.replace(",", " ").split() if part)
    if not ids:
        # "--select $RULES" with an empty variable would otherwise run no rule and pass.
        raise click.UsageError("a rule option names no rule (an empty --select, --extend-select or --ignore)")
    return ids


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
@click.option(
    "--color/--no-color",
    default=None,
    help="Colour the text output (default: when standard output is a terminal and NO_COLOR is not set).",
)
@click.option("--statistics", is_flag=True, help="Count the findings per rule (on standard error for other formats).")
@click.option(
    "--jobs",
    "-j",
    type=click.IntRange(min=1),
    default=None,
    help="Lint in this many processes, output in order.  [default: the number of CPUs]",
)
@click.option(
    "--baseline",
    "baseline_file",
    type=click.Path(dir_okay=False),
    help="Report only findings that this baseline (from --write-baseline) does not record.",
)
@click.option(
    "--config",
    "config_file",
    type=click.Path(dir_okay=False),
    help="Read settings from this file (.lint-article.toml, pyproject.toml or setup.cfg); no discovery.",
)
@click.option("--isolated", is_flag=True, help="Read no configuration file; only the command line and the defaults.")
@click.option(
    "--profile",
    type=click.Choice(PROFILE_NAMES),
    help="The shape of the articles: auto (default: each input as it is), page, or fragment (a CMS body).",
)
@click.option(
    "--scope",
    type=click.Choice(SCOPES),
    help="What the rules read: the article (default) or the whole page, to audit a site's template.",
)
@click.option(
    "--report-unused-disables", is_flag=True, default=None, help="Report suppression directives that silenced nothing."
)
@click.option(
    "--write-baseline",
    type=click.Path(dir_okay=False, writable=True),
    help="Record the findings of this run in FILE, as the baseline of later runs, and report none of them.",
)
@click.option(
    "--cache-dir",
    type=click.Path(file_okay=False),
    help=f"Keep reports in this folder and reuse them for unchanged articles.  [default: ${CACHE_DIR_VARIABLE}, "
    f"else {DEFAULT_CACHE_DIR}]",
)
@click.option("--no-cache", is_flag=True, help="Neither read nor write the cache of reports.")
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
    color: bool | None,
    statistics: bool,
    jobs: int | None,
    baseline_file: str | None,
    config_file: str | None,
    isolated: bool,
    profile: str | None,
    scope: str | None,
    report_unused_disables: bool | None,
    write_baseline: str | None,
    cache_dir: str | None,
    no_cache: bool,
) -> None:
    """Lint the HTML files and directories in PATHS (- reads standard input)."""
    given = {
        "select": _rule_ids(select),
        "extend-select": _rule_ids(extend_select),
        "ignore": _rule_ids(ignore),
        "fail-on": fail_on,
        "language": language,
        "profile": profile,
        "scope": scope,
        "report-unused-disables": report_unused_disables,
    }
    cache = None if no_cache else ResultCache(cache_dir or default_cache_dir())
    try:
        overrides = Config.from_mapping({k: v for k, v in given.items() if v is not None}, source="command line")
        settings = _settings(config_file, isolated, overrides)
        Linters(settings).check(None, cache)  # validates the settings before any file is read
        baseline = _load_baseline(baseline_file) if baseline_file and not write_baseline else None
    except ConfigError as exc:
        raise click.UsageError(str(exc)) from None
    try:
        linted = _lint_all(settings, paths, stdin_filename, jobs, cache)
    except ConfigError as exc:  # a configuration file below the current directory
        raise click.UsageError(str(exc)) from None
    # The rules are loaded when some settings were new to the cache; with settings that
    # it knew, nothing was installed or changed since, so no plugin can be broken.
    registry = loaded_registry()
    for error in registry.errors if registry else ():
        click.echo(f"error: {error}", err=True)
    if output_format in STREAMING and not (baseline or write_baseline or statistics):
        # Each report is written as it comes and then let go: constant memory for any number of files.
        tally = _Tally(settings, output_format)
        _emit_lines(STREAMING[output_format](map(tally.add, linted), FormatOptions()), output_file)
        _warn_about(cache)
        sys.exit(EXIT_ERROR if registry and registry.errors else tally.exit_code)
    reports = list(linted)
    _warn_about(cache)
    _report_faults(reports, output_format)
    if write_baseline:
        from .baseline import Baseline

        baseline = Baseline.from_reports(reports, Path(write_baseline).absolute().parent)
        try:
            baseline.write(write_baseline)
        except OSError as exc:
            raise OutputError(write_baseline, exc) from None
        click.echo(f"Wrote a baseline of {len(baseline):,} findings to {write_baseline}.", err=True)
    if baseline is not None:
        reports = _apply_baseline(baseline, reports, baseline_file if not write_baseline else None)
    # Without the rules loaded, a format that needs their metadata loads them itself.
    infos = rule_infos(registry) if registry else None
    options = FormatOptions(color=_use_color(color, output_file), statistics=statistics, rules=infos)
    if statistics and output_format != "text":
        for line in statistics_lines(reports, options):
            click.echo(line, err=True)
    text = FORMATTERS[output_format](reports, options)
    _emit(text, output_file, color=options.color)
    sys.exit(EXIT_ERROR if registry and registry.errors else exit_code(reports, settings))


def _warn_about(cache: ResultCache | None) -> None:
    if cache is not None and cache.problem:
        click.echo(f"warning: {cache.problem}; the reports were not kept", err=True)


PROGRESS_MIN_FILES = 8
"""More files than this, and a terminal on standard error, show a progress bar there."""


def _lint_all(
    settings: Settings, paths: Sequence[str], stdin_filename: str | None, jobs: int | None, cache: ResultCache | None
) -> Iterator[Report]:
    """Files first, then standard input under its --stdin-filename, which gets the
    settings of that name (its configuration file, its per-file ignores, its
    size limit), then the directories that could not be listed. Every
    configuration is checked now; the articles are linted as the reports are read."""

    def excluded(path: Path) -> bool:
        return settings.for_path(path).excludes(path.absolute())

    faults: list[Report] = []

    def unreadable(directory: Path, exc: OSError) -> None:
        faults.append(Report(str(directory), error=f"cannot list the directory: {exc.strerror or exc}"))

    items: list[Item] = list(expand_paths([p for p in paths if p != "-"], excluded, unreadable=unreadable))
    stdin_name = stdin_filename or "-"
    if "-" in paths:
        try:
            items.append((stdin_name, _read_stdin(settings.for_path(_settings_path(stdin_name)).max_file_size)))
        except TooLarge as exc:
            faults.insert(0, Report(stdin_name, error=str(exc)))
        except OSError as exc:
            faults.insert(0, Report(stdin_name, error=f"cannot read standard input: {exc.strerror or exc}"))
    linters = Linters(settings)
    for item in items:  # every configuration file the run will use is validated before any article is read
        linters.check(item[0] if isinstance(item, tuple) else os.fspath(item), cache)
    return itertools.chain(_progress(lint_many(items, config=settings, jobs=jobs, cache_dir=cache), len(items)), faults)


def _settings_path(name: str | os.PathLike[str]) -> Path | None:
    """The path whose settings apply to *name*: None (the current directory's) for standard input."""
    return Path(name) if name != "-" else None


def _read_stdin(max_bytes: int) -> bytes:
    if sys.stdin is None:  # started with standard input closed (``<&-``)
        raise OSError(0, "it is closed")
    return read_limited(sys.stdin.buffer, max_bytes)


def _progress(reports: Iterator[Report], total: int) -> Iterator[Report]:
    if total <= PROGRESS_MIN_FILES or not _isatty(sys.stderr):
        yield from reports
        return
    with click.progressbar(length=total, label="Linting", file=sys.stderr) as bar:
        for report in reports:
            bar.update(1)
            yield report


def _report_faults(reports: Sequence[Report], output_format: str) -> None:
    for report in reports:
        _report_fault(report, output_format)


def _report_fault(report: Report, output_format: str) -> None:
    """Say on standard error which rule (of which plugin) crashed on the file; and,
    when the output is for machines, when the file could not be linted."""
    path = shown_path(report.path)
    if report.error is not None and output_format != "text":
        click.echo(f"{path}: error: {report.error}", err=True)
    for finding in report.internal_errors:
        entry = load_registry().rules.get(finding.rule)
        origin = entry.origin if entry else "unknown"
        click.echo(f"error: {path}: {finding.message} (rule {finding.rule!r} of {origin!r})", err=True)


def _load_baseline(path: str) -> Baseline:
    # Imported here, as the formats are: most runs have no baseline.
    from .baseline import Baseline, BaselineError

    try:
        return Baseline.load(path)
    except BaselineError as exc:
        raise click.UsageError(str(exc)) from None


def _apply_baseline(baseline: Baseline, reports: list[Report], name: str | None) -> list[Report]:
    filtered = baseline.filter(reports)
    notes = []
    if filtered.matched and name:
        notes.append(f"{filtered.matched:,} findings recorded in the baseline {name} are not shown")
    if filtered.stale and name:
        notes.append(f"{filtered.stale:,} recorded findings no longer occur: shrink the baseline with --write-baseline")
    if notes:
        click.echo("; ".join(notes) + ".", err=True)
    return filtered.reports


def _use_color(color: bool | None, output_file: str | None) -> bool:
    """--color or --no-color when given; else colour for a terminal, unless NO_COLOR is set."""
    if color is not None:
        return color
    if output_file is not None or os.environ.get("NO_COLOR"):
        return False
    return _isatty(sys.stdout)


def _isatty(stream: object) -> bool:
    isatty = getattr(stream, "isatty", None)
    return bool(isatty and isatty())


def _emit(text: str, output_file: str | None, color: bool = False) -> None:
    if output_file is None:
        click.echo(text, nl=False, color=color)
        return
    try:
        Path(output_file).write_text(text, encoding="utf-8")
    except OSError as exc:
        raise OutputError(output_file, exc) from None


def _emit_lines(lines: Iterator[str], output_file: str | None) -> None:
    """Write each line as it comes (to standard output, flushed, or to *output_file*)."""
    if output_file is None:
        for line in lines:
            click.echo(line, nl=False)
        return
    try:
        with open(output_file, "w", encoding="utf-8") as stream:
            for line in lines:
                stream.write(line)
    except OSError as exc:
        raise OutputError(output_file, exc) from None


def exit_code(reports: Sequence[Report], settings: Settings) -> int:
    """2 when a file could not be linted or a rule crashed; 1 when a finding
    reaches the ``fail-on`` severity of its file's settings; else 0."""
    tally = _Tally(settings)
    for report in reports:
        tally.add(report)
    return tally.exit_code


class _Tally:
    """The exit code of the reports seen so far (see :func:`exit_code`)."""

    def __init__(self, settings: Settings, output_format: str | None = None) -> None:
        self.settings = settings
        self.output_format = output_format
        """Given, each report's faults are said on standard error as it is counted."""
        self.exit_code = EXIT_OK

    def add(self, report: Report) -> Report:
        if self.output_format is not None:
            _report_fault(report, self.output_format)
        if report.error is not None or report.internal_errors:
            self.exit_code = EXIT_ERROR
        elif report.failed(self.settings.for_path(_settings_path(report.path)).fail_on):
            self.exit_code = max(self.exit_code, EXIT_FINDINGS)
        return report


@main.command("rules")
def list_rules() -> None:
    """List the installed rules: id, default severity, fixable, summary, and the plugin of a plugin's rule."""
    registry = load_registry()
    width = max((len(rule_id) for rule_id in registry.rules), default=10)
    click.echo(f"{'rule':<{width}}  {'severity':<8}  {'fixable':<7}  summary")
    for rule_id, entry in registry.rules.items():
        rule = entry.rule
        origin = "" if entry.origin == "lint-article" else f"  [{entry.origin}]"
        fixable = "yes" if rule.fixable else "no"
        off = "" if rule.default_enabled else " (off by default)"
        click.echo(f"{rule_id:<{width}}  {rule.severity!s:<8}  {fixable:<7}  {rule.summary}{off}{origin}")
    for error in registry.errors:
        click.echo(f"error: {error}", err=True)
    if registry.errors:
        sys.exit(EXIT_ERROR)


def _settings(config_file: str | None, isolated: bool, overrides: Config | None = None) -> Settings:
    return Settings(
        overrides=overrides or Config(),
        config_file=Path(config_file) if config_file else None,
        isolated=isolated,
    )


@main.command("config")
@click.argument("path", required=False)
@click.option("--config", "config_file", type=click.Path(dir_okay=False), help="Read this file; no discovery.")
@click.option("--isolated", is_flag=True, help="Read no configuration file.")
def show_config(path: str | None, config_file: str | None, isolated: bool) -> None:
    """Print the settings that apply to PATH (default: the current directory), and where each comes from."""
    try:
        config = _settings(config_file, isolated).for_path(Path(path) if path else None)
        linter = make_linter(config)  # validates it whole, as a run would
    except ConfigError as exc:
        raise click.UsageError(str(exc)) from None
    defaults = Config()
    for key in KEYS:
        name = key.replace("-", "_")
        value = getattr(config, name)
        origin = config.origins.get(key, "default")
        if key == "rules":
            for rule_id, options in sorted(value.items()):
                click.echo(f"rules.{rule_id} = {_inline_table(options)}  # {origin}")
            continue
        if key not in config.origins and value == getattr(defaults, name):
            origin = "default"
        click.echo(f"{key} = {_toml(value)}  # {origin}")
    shapes = [("", linter.rules)]
    if linter.fragment_rules is not None:
        shapes = [(" on a full page", linter.rules), (" on a fragment", linter.fragment_rules)]
    for shape, rules in shapes:
        click.echo(f"\n# The rules that run{shape}, every option resolved (defaults, profile, settings):")
        for active in rules:
            resolved = {"severity": active.severity, **dataclasses.asdict(active.options)}
            click.echo(f"# {active.rule.id} = {_inline_table(resolved)}")


def _inline_table(values: Mapping[str, object]) -> str:
    return "{" + ", ".join(f"{key} = {_toml(value)}" for key, value in values.items()) + "}"


def _toml(value: object) -> str:
    if value is None:
        return "(unset)"
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, Severity):
        return f'"{value}"'
    if isinstance(value, str):
        return f'"{value}"'
    if isinstance(value, tuple):
        if value and isinstance(value[0], tuple):
            return "{" + ", ".join(f'"{glob}" = {_toml(ids)}' for glob, ids in value) + "}"
        return "[" + ", ".join(_toml(v) for v in value) + "]"
    return str(value)


@main.command()
@click.option("--cache-dir", type=click.Path(file_okay=False), help="The cache to remove (default: as for check).")
def clean(cache_dir: str | None) -> None:
    """Remove the cache of reports that check keeps."""
    from .cache import clean as remove_cache

    folder = Path(cache_dir) if cache_dir else default_cache_dir()
    try:
        removed = remove_cache(folder)
    except ValueError as exc:
        raise click.UsageError(str(exc)) from None
    except OSError as exc:
        raise OutputError(str(folder), exc, "remove") from None
    click.echo(f"Removed {folder}." if removed else f"No cache at {folder}.")


@main.command()
@click.argument("rule_id")
def explain(rule_id: str) -> None:
    """Print the documentation of RULE_ID: what it checks, why, examples, options."""
    registry = load_registry()
    entry = registry.rules.get(rule_id)
    if entry is None:
        raise click.UsageError(f"unknown rule {rule_id!r}{suggest(rule_id, registry.rules)}")
    from .docs import render  # the page renderer is for this command alone

    click.echo(render(entry.rule))
    if entry.origin != "lint-article":
        click.echo(f"(provided by the plugin {entry.origin!r})")


@main.command("outline")
@click.argument("paths", nargs=-1, required=True)
@click.option(
    "--format", "output_format", type=click.Choice(["text", "json"]), default="text", show_default=True,
    help="Output format; json is a contract for programs.",
)  # fmt: skip
@click.option("--language", help="The articles' language when <html lang> does not say (en, fr, ...).")
@click.option("--config", "config_file", type=click.Path(dir_okay=False), help="Read this file; no discovery.")
@click.option("--isolated", is_flag=True, help="Read no configuration file.")
def show_outline(paths: Sequence[str], output_format: str, language: str | None, config_file: str | None,
                 isolated: bool) -> None:  # fmt: skip
    """Print each article as the linter sees it: its shape, language, headline, the
    region taken for its body, its outline with the words under each heading, and
    its figures. Files and directories as for check; - reads standard input."""
    from .api import Unreadable, read_file
    from .document import Article
    from .formatters.base import json_text
    from .outline import Outline, format_text, outline_of

    try:
        overrides = Config.from_mapping({"language": language} if language else {}, source="command line")
        settings = _settings(config_file, isolated, overrides)
        settings.for_path(None)
    except ConfigError as exc:
        raise click.UsageError(str(exc)) from None
    items: list[Outline | tuple[str, str]] = []

    def unreadable(directory: Path, exc: OSError) -> None:
        items.append((str(directory), f"cannot list the directory: {exc.strerror or exc}"))

    named = [p for p in paths if p != "-"]
    sources: list[tuple[str, Path | None]] = [(str(p), p) for p in expand_paths(named, unreadable=unreadable)]
    sources += [("-", None)] * ("-" in paths)
    for name, path in sources:
        config = settings.for_path(path)
        try:
            data = read_file(path, config.max_file_size) if path else _read_stdin(config.max_file_size)
        except (Unreadable, TooLarge, OSError) as exc:
            items.append((name, str(exc) if not isinstance(exc, OSError) else f"cannot read: {exc.strerror or exc}"))
            continue
        items.append(outline_of(Article.from_html(data), name, config.language))
    if output_format == "json":
        files = [
            item.to_dict() if not isinstance(item, tuple) else {"path": item[0], "error": item[1]} for item in items
        ]
        click.echo(json_text({"version": 1, "files": files}), nl=False)
    else:
        click.echo(format_text(items), nl=False)
    sys.exit(EXIT_ERROR if any(isinstance(item, tuple) for item in items) else EXIT_OK)
