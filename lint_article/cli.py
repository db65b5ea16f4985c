"""The command line: a thin shell over the library.

Exit codes, as in ruff and ESLint: 0 when no finding reaches the ``fail-on``
severity, 1 when one does, 2 when the run itself went wrong (bad usage, bad
configuration, a file that could not be read, a rule that crashed).
"""

from __future__ import annotations

import contextlib
import dataclasses
import itertools
import os
import re
import sys
import threading
import time
from collections.abc import Iterator, Mapping, Sequence
from pathlib import Path
from typing import IO, TYPE_CHECKING, Any

import click

from . import __name__ as package_name
from .api import TooLarge, make_linter, read_limited
from .batch import Item, Linters, lint_many
from .cache import CACHE_DIR_VARIABLE, DEFAULT_CACHE_DIR, ResultCache, default_cache_dir
from .config import KEYS, PROFILE_NAMES, SCOPES, Config
from .config_files import Settings
from .files import expand_paths
from .findings import Severity
from .formatters import FORMATTERS, STREAMING, FormatOptions, rule_infos
from .formatters.base import shown_path
from .formatters.text import statistics as statistics_lines
from .inputs import MAX_FILE_SIZE_HINT
from .regex import on_use
from .regex import save as save_compiled_patterns
from .registry import Registry, load_registry, loaded_registry
from .report import Report
from .rule import ConfigError, Problems, suggest

if TYPE_CHECKING:
    from .baseline import Baseline
    from .fixes import FixedBytes

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


_LANGUAGE_HELP = (
    "The articles' language when <html lang> does not say, or names one the text barely uses (en, fr, ...)."
)


class _CheckByDefault(click.Group):
    """A group whose first argument, when it names no command, starts the arguments
    of ``check``: ``lint-article a.html`` is ``lint-article check a.html``, as ruff and
    markdownlint users expect. A word close to a command's name that is no file
    (``chek``) is left to click, which says "No such command" and what was meant."""

    def parse_args(self, ctx: click.Context, args: list[str]) -> list[str]:
        if args and self._starts_a_check(ctx, args[0]):
            args = ["check", *args]
        return super().parse_args(ctx, args)

    def _starts_a_check(self, ctx: click.Context, word: str) -> bool:
        if word in self.commands or word in ctx.help_option_names or word == "--version":
            return False
        if word.startswith("-") or os.path.lexists(word):
            return True
        import difflib  # only for a word that is neither a command nor a file: kept off start-up

        return not difflib.get_close_matches(word, list(self.commands), n=1)


@click.group(cls=_CheckByDefault, context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(package_name=package_name.replace("_", "-"))
def main() -> None:
    """Lint HTML articles before they are published.

    `lint-article PATH...` is short for `lint-article check PATH...`.
    """


def run() -> None:
    """The ``lint-article`` command: :func:`main`, then an exit that does not free
    the run's objects one by one. Python's own exit spent a tenth of a warm run
    over 130 cached reports (about 10 ms) taking them apart; by then the output
    is written and flushed here, every worker process has been joined and every
    file closed, so there is nothing left for that exit to do."""
    try:
        main(prog_name="lint-article")
        code: object = EXIT_OK
    except SystemExit as exc:
        code = exc.code
    if code is None or isinstance(code, int):
        status = code or EXIT_OK
    else:
        sys.stderr.write(f"{code}\n")  # as Python prints a message given to sys.exit()
        status = EXIT_ERROR
    for stream in (sys.stdout, sys.stderr):
        with contextlib.suppress(OSError, ValueError):  # a closed pipe: Python's exit would give up on it too
            stream.flush()
    save_compiled_patterns()  # an exit handler, which os._exit does not run
    os._exit(status)


@main.command()
@click.argument("paths", nargs=-1)
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
@click.option("--language", help=_LANGUAGE_HELP)
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
    "--timeout",
    type=float,
    default=None,
    metavar="SECONDS",
    help="Seconds one file may take to lint; past that it is an error and the others go on (default 60; 0: no limit).",
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
    "--force-exclude",
    is_flag=True,
    help="Apply exclude to files named on the command line too (as pre-commit names them).",
)
@click.option(
    "--output-format",
    "extra_outputs",
    metavar="FORMAT:FILE",
    multiple=True,
    callback=lambda ctx, param, values: [_format_and_file(value) for value in values],
    help=f"Also write a report in FORMAT to FILE (repeatable; formats: {', '.join(sorted(FORMATTERS))}).",
)
@click.option(
    "--exit-zero",
    is_flag=True,
    help="Exit with 0 even when findings reach --fail-on (2 still means the run went wrong).",
)
@click.option(
    "--max-file-size",
    metavar="SIZE",
    callback=lambda ctx, param, value: None if value is None else _byte_size(value),
    help="Largest file linted, in bytes, or with K, M or G (20M); larger ones are an error.  [default: 20M]",
)
@click.option(
    "--cache-dir",
    type=click.Path(file_okay=False),
    help=f"Keep reports in this folder and reuse them for unchanged articles.  [default: ${CACHE_DIR_VARIABLE}, "
    f"else {DEFAULT_CACHE_DIR}]",
)
@click.option("--no-cache", is_flag=True, help="Neither read nor write the cache of reports.")
@click.option(
    "--stdin-jsonl",
    is_flag=True,
    help='Read {"id", "html", "path"?, "config"?} lines from standard input until it ends; '
    "answer each with one JSON line, in order, as soon as it is linted.",
)
@click.option(
    "--fix",
    is_flag=True,
    help="Apply the safe fixes to the files, then report what is left (standard input: the fixed "
    "article goes to standard output, the report to standard error).",
)
@click.option("--unsafe-fixes", is_flag=True, help="With --fix or --diff, apply the unsafe fixes too.")
@click.option(
    "--diff",
    is_flag=True,
    help="Print the changes that --fix would make as a unified diff and write nothing; exit 1 when there are some.",
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
    color: bool | None,
    statistics: bool,
    jobs: int | None,
    timeout: float | None,
    baseline_file: str | None,
    config_file: str | None,
    isolated: bool,
    profile: str | None,
    scope: str | None,
    report_unused_disables: bool | None,
    write_baseline: str | None,
    force_exclude: bool,
    extra_outputs: list[tuple[str, str]],
    exit_zero: bool,
    max_file_size: int | None,
    cache_dir: str | None,
    no_cache: bool,
    stdin_jsonl: bool,
    fix: bool,
    unsafe_fixes: bool,
    diff: bool,
) -> None:
    """Lint the HTML files and directories in PATHS (- reads standard input)."""
    if unsafe_fixes and not (fix or diff):
        raise click.UsageError("--unsafe-fixes says which fixes --fix or --diff apply: add one of them")
    if stdin_jsonl and (fix or diff):
        raise click.UsageError("--stdin-jsonl answers each line with its report: drop --fix and --diff")
    if stdin_jsonl:
        _refuse_output_options(click.get_current_context(), paths)
    elif not paths:
        context = click.get_current_context()
        raise click.MissingParameter(ctx=context, param=next(p for p in context.command.params if p.name == "paths"))
    given = {
        "select": _rule_ids(select),
        "extend-select": _rule_ids(extend_select),
        "ignore": _rule_ids(ignore),
        "fail-on": fail_on,
        "language": language,
        "profile": profile,
        "scope": scope,
        "report-unused-disables": report_unused_disables,
        "max-file-size": max_file_size,
        "timeout": timeout,
    }
    # Every mistake in the settings, the configuration files and the baseline is
    # found before any article is read, and all are reported together.
    problems = Problems()
    overrides = Config()
    with problems.collected():
        overrides = Config.from_mapping({k: v for k, v in given.items() if v is not None}, source="command line")
    settings = _settings(config_file, isolated, overrides)
    cache = None if no_cache or stdin_jsonl else ResultCache(cache_dir or default_cache_dir())
    linters = Linters(settings)
    with problems.collected():
        linters.check(None, cache)
    baseline = None
    if baseline_file and not write_baseline:
        with problems.collected():
            baseline = _load_baseline(baseline_file)
    items, faults = _gather(settings, paths, stdin_filename, force_exclude, problems)
    for item in items:  # every configuration file the run will use
        with problems.collected():
            linters.check(item[0] if isinstance(item, tuple) else os.fspath(item), cache)
    _warn(settings)
    if problems.found:
        raise ConfigurationError(problems.found)
    if stdin_jsonl:
        errors = _say_registry_errors(load_registry())
        sys.exit(EXIT_ERROR if errors else _lint_jsonl(settings))
    if diff:
        errors = _say_registry_errors(load_registry())
        sys.exit(EXIT_ERROR if errors else _show_diff(items, faults, linters, unsafe=unsafe_fixes))
    report_to_stderr = False
    registry: Registry | None
    if fix:
        registry = load_registry()
        errors = _say_registry_errors(registry)
        streaming = False
        reports = [*_apply_fixes(items, linters, unsafe=unsafe_fixes), *faults]
        # The fixed article went to standard output: the report goes to standard error.
        report_to_stderr = output_file is None and any(isinstance(item, tuple) for item in items)
    else:
        with _Progress(items) as progress:
            linted = itertools.chain(
                progress.follow(lint_many(items, config=settings, jobs=jobs, cache_dir=cache)), faults
            )
            # The rules are loaded when some settings were new to the cache; with settings that
            # it knew, nothing was installed or changed since, so no plugin can be broken.
            registry = loaded_registry()
            errors = _say_registry_errors(registry)
            streaming = output_format in STREAMING and not (baseline or write_baseline or statistics or extra_outputs)
            if streaming:
                # Each report is written as it comes and then let go: constant memory for any number of files.
                tally = _Tally(settings, output_format)
                _emit_lines(STREAMING[output_format](map(tally.add, linted), FormatOptions()), output_file)
            else:
                reports = list(linted)
    _warn_about(cache)
    if streaming:
        code = EXIT_ERROR if errors else tally.exit_code
        sys.exit(EXIT_OK if exit_zero and code == EXIT_FINDINGS else code)
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
    # The html format shows each article: standard input's text is kept here, files are read again.
    sources = {item[0]: item[1] for item in items if isinstance(item, tuple)}
    options = FormatOptions(color=_use_color(color, output_file), statistics=statistics, rules=infos, sources=sources)
    if statistics and output_format != "text":
        for line in statistics_lines(reports, options):
            click.echo(line, err=True)
    text = FORMATTERS[output_format](reports, options)
    if report_to_stderr:
        click.echo(text, nl=False, color=options.color, err=True)
    else:
        _emit(text, output_file, color=options.color)
    for extra_format, extra_file in extra_outputs:  # the same reports, so that CI lints once
        _emit(FORMATTERS[extra_format](reports, dataclasses.replace(options, color=False)), extra_file)
    code = EXIT_ERROR if errors else exit_code(reports, settings)
    sys.exit(EXIT_OK if exit_zero and code == EXIT_FINDINGS else code)


def _fixed(items: Sequence[Item], linters: Linters, *, unsafe: bool) -> Iterator[tuple[Item, FixedBytes]]:
    """Each item with its fixes worked out (nothing written)."""
    from .api import Unreadable, read_file
    from .fixes import FixedBytes, FixResult, fix_bytes

    for item in items:
        name = item[0] if isinstance(item, tuple) else os.fspath(item)
        linter = linters.for_name(name)
        if isinstance(item, tuple):
            html = item[1]
            data = html.encode("utf-8") if isinstance(html, str) else html
        else:
            try:
                data = read_file(Path(item), linter.max_bytes, linter.timeout)
            except Unreadable as exc:
                yield item, FixedBytes(None, "", FixResult("", (), Report(name, error=str(exc))))
                continue
        yield item, fix_bytes(linter, data, name, unsafe=unsafe)


def _apply_fixes(items: Sequence[Item], linters: Linters, *, unsafe: bool) -> list[Report]:
    """Fix each item: files rewritten (only those that change), standard input's
    article written to standard output, fixed or not. The reports of what is left,
    and a summary on standard error."""
    from .fixes import write_atomically

    reports, fixed, files, unsafe_left = [], 0, 0, 0
    for item, outcome in _fixed(items, linters, unsafe=unsafe):
        report = outcome.result.report
        if outcome.refused:
            click.echo(f"warning: {report.path}: {outcome.refused}", err=True)
        if isinstance(item, tuple):
            sys.stdout.buffer.write(outcome.data if outcome.data is not None else _original(item[1]))
            sys.stdout.buffer.flush()
        elif outcome.data is not None:
            try:
                write_atomically(Path(item), outcome.data)
            except OSError as exc:
                report = Report(report.path, error=f"cannot write the fixed file: {exc.strerror or exc}")
                reports.append(report)
                continue
        if outcome.data is not None:
            fixed += len(outcome.result.applied)
            files += 1
        unsafe_left += outcome.result.unsafe_available
        reports.append(report)
    left = sum(len(report.findings) for report in reports)
    summary = f"Fixed {fixed:,} finding{'s' * (fixed != 1)} in {files:,} file{'s' * (files != 1)}; {left:,} left"
    hint = f" ({unsafe_left:,} with an unsafe fix: add --unsafe-fixes)" if unsafe_left and not unsafe else ""
    click.echo(f"{summary}{hint}.", err=True)
    return reports


def _original(html: str | bytes) -> bytes:
    return html.encode("utf-8") if isinstance(html, str) else html


def _show_diff(items: Sequence[Item], faults: Sequence[Report], linters: Linters, *, unsafe: bool) -> int:
    """Print the changes --fix would make, and write nothing: 1 when there are some,
    2 when a file could not be read or linted, else 0."""
    changes, problem = 0, bool(faults)
    for report in faults:
        click.echo(f"error: {report.path}: {report.error}", err=True)
    for _, outcome in _fixed(items, linters, unsafe=unsafe):
        report = outcome.result.report
        if report.error is not None:
            click.echo(f"error: {report.path}: {report.error}", err=True)
            problem = True
        if outcome.refused:
            click.echo(f"warning: {report.path}: {outcome.refused}", err=True)
        lines = list(outcome.diff(report.path))
        if lines:
            changes += len(outcome.result.applied)
            click.echo("".join(lines), nl=False)
    click.echo(f"Would fix {changes:,} finding{'s' * (changes != 1)}.", err=True)
    return EXIT_ERROR if problem else EXIT_FINDINGS if changes else EXIT_OK


def _say_registry_errors(registry: Registry | None) -> bool:
    """Say on standard error which plugins failed to load; True when some did."""
    errors = registry.errors if registry is not None else ()
    for error in errors:
        click.echo(f"error: {error}", err=True)
    return bool(errors)


def _warn_about(cache: ResultCache | None) -> None:
    if cache is not None and cache.problem:
        click.echo(f"warning: {cache.problem}; the reports were not kept", err=True)


def _format_and_file(value: str) -> tuple[str, str]:
    """``FORMAT:FILE`` of --output-format, checked."""
    name, colon, path = value.partition(":")
    if not colon or not path:
        raise click.BadParameter(f"expected FORMAT:FILE, such as sarif:report.sarif; got {value!r}")
    if name not in FORMATTERS:
        raise click.BadParameter(
            f"unknown format {name!r}{suggest(name, FORMATTERS)} (formats: {', '.join(sorted(FORMATTERS))})"
        )
    return name, path


_JSONL_OUTPUT_OPTIONS = (
    "paths", "output_format", "output_file", "color", "statistics", "jobs", "baseline_file", "write_baseline",
    "stdin_filename", "extra_outputs", "force_exclude",
)  # fmt: skip


def _refuse_output_options(context: click.Context, paths: Sequence[str]) -> None:
    """--stdin-jsonl decides what is read and what is written: options about either are a mistake."""
    for param in context.command.params:
        given = context.get_parameter_source(param.name or "") not in (None, click.core.ParameterSource.DEFAULT)
        if param.name in _JSONL_OUTPUT_OPTIONS and (given or (param.name == "paths" and paths)):
            shown = "PATHS" if param.name == "paths" else "/".join(getattr(param, "opts", ()))
            raise click.UsageError(f"--stdin-jsonl reads standard input and writes JSON lines: drop {shown}")


def _lint_jsonl(settings: Settings) -> int:
    from .faces.jsonl import run_jsonl  # the pipe's code is for this option alone
    from .faces.service import LintService

    if sys.stdin is None:  # started with standard input closed: no line, no answer
        return EXIT_OK
    # A line holds an article as a JSON string: room for the escapes of quotes and line breaks.
    max_line = 2 * settings.for_path(None).max_file_size + 1024
    try:
        return run_jsonl(
            LintService(settings),
            sys.stdin.buffer,
            sys.stdout,
            max_line=max_line,
            judge=lambda report: exit_code([report], settings),
        )
    except BrokenPipeError:  # the reader went away: nobody is left to answer
        return EXIT_ERROR


_SIZE = on_use(r"(\d+)\s*([kmg]?)i?b?", re.IGNORECASE)


def _byte_size(value: str) -> int:
    """A size in bytes from ``1000000``, ``500K``, ``20M``, ``1G`` (binary multiples)."""
    match = _SIZE.fullmatch(value.strip())
    if match is None or int(match.group(1)) < 1:
        raise click.BadParameter(f"expected a number of bytes, or one with K, M or G (such as 20M); got {value!r}")
    return int(match.group(1)) << 10 * "_kmg".index(match.group(2).lower() or "_")


def _gather(
    settings: Settings, paths: Sequence[str], stdin_filename: str | None, force_exclude: bool, problems: Problems
) -> tuple[list[Item], list[Report]]:
    """What to lint: files first, then standard input under its --stdin-filename,
    which gets the settings of that name (its configuration file, its per-file
    ignores, its size limit); and the reports of what cannot be linted: standard
    input that could not be read, directories that could not be listed or hold
    nothing to lint. With *force_exclude*, ``exclude`` skips files named on the
    command line (and standard input's --stdin-filename) too."""

    def excluded(path: Path) -> bool:
        with problems.collected():
            config = settings.for_path(path)
            return bool(config.exclude) and config.excludes(path.absolute())
        return False

    faults: list[Report] = []

    def unreadable(directory: Path, exc: OSError) -> None:
        faults.append(Report(str(directory), error=f"cannot list the directory: {exc.strerror or exc}"))

    def empty(directory: Path, skipped: int) -> None:
        if skipped:
            why = f"the exclude setting skips every HTML file below it ({skipped:,})"
        else:
            why = "no *.html or *.htm file below it"
        faults.append(Report(str(directory), error=f"nothing to lint in this directory: {why}"))

    named = [p for p in paths if p != "-"]
    items: list[Item] = list(
        expand_paths(named, excluded, unreadable=unreadable, empty=empty, force_exclude=force_exclude)
    )
    stdin_name = stdin_filename or "-"
    if "-" in paths and not (force_exclude and stdin_filename and excluded(Path(stdin_filename))):
        try:
            with problems.collected():
                items.append((stdin_name, _read_stdin(settings.for_path(_settings_path(stdin_name)).max_file_size)))
        except TooLarge as exc:
            faults.insert(0, Report(stdin_name, error=str(exc)))
        except OSError as exc:
            faults.insert(0, Report(stdin_name, error=f"cannot read standard input: {exc.strerror or exc}"))
    return items, faults


class ConfigurationError(click.ClickException):
    """Settings that are wrong: every problem on a line of its own, without the
    "Usage: ... Try --help" of a usage error, since the command line was fine."""

    exit_code = EXIT_ERROR

    def __init__(self, problems: Sequence[str]) -> None:
        self.problems = list(dict.fromkeys(problems))  # a file that several articles share is read for each
        super().__init__("\n".join(self.problems))

    def show(self, file: IO[Any] | None = None) -> None:
        for problem in self.problems:
            click.echo(f"error: {problem}", err=True, file=file)


def _warn(settings: Settings) -> None:
    for warning in settings.warnings:
        click.echo(f"warning: {warning}", err=True)


def _settings_path(name: str | os.PathLike[str]) -> Path | None:
    """The path whose settings apply to *name*: None (the current directory's) for standard input."""
    return Path(name) if name != "-" else None


def _read_stdin(max_bytes: int) -> bytes:
    if sys.stdin is None:  # started with standard input closed (``<&-``)
        raise OSError(0, "it is closed")
    return read_limited(sys.stdin.buffer, max_bytes, hint=MAX_FILE_SIZE_HINT)


PROGRESS_MIN_FILES = 8
"""A batch of more files than this shows how many are done."""
SLOW_FILE_SECONDS = 1.0
"""A file that takes longer than this shows its name and the time so far."""
_TICK_SECONDS = 0.25


class _Progress:
    """A status line on standard error, on a terminal only (never in a pipe, so
    never in a report): how many files of a large batch are done, and which file
    the run waits for once it has taken a second, with its size and the time so
    far ("Linting 12/130 files · news/big.html (11.5 MB), 14 s"). Reports come in
    input order, so the file waited for is the one after those done. A timer
    signal redraws the line while a file is being linted (a thread would make
    the batch's process pool spawn its workers instead of forking them); where
    there is no such signal, it is redrawn as files are done. The line is
    erased before anything else is printed."""

    def __init__(self, items: Sequence[Item]) -> None:
        self._items = items
        self._done = 0
        self._since = time.monotonic()
        self._shown = False
        self._enabled = _isatty(sys.stderr)
        self._timed = self._enabled and threading.current_thread() is threading.main_thread()

    def __enter__(self) -> _Progress:
        if self._timed:
            import signal  # a run whose standard error is no terminal draws nothing: kept off start-up

            if hasattr(signal, "setitimer"):
                self._previous = signal.signal(signal.SIGALRM, lambda signum, frame: self._draw())
                signal.setitimer(signal.ITIMER_REAL, _TICK_SECONDS, _TICK_SECONDS)
            else:
                self._timed = False
        self._draw()
        return self

    def __exit__(self, *exc: object) -> None:
        if self._timed:
            import signal

            signal.setitimer(signal.ITIMER_REAL, 0)
            signal.signal(signal.SIGALRM, self._previous)
        if self._shown:
            self._write("")

    def follow(self, reports: Iterator[Report]) -> Iterator[Report]:
        for report in reports:
            self._done += 1
            self._since = time.monotonic()
            self._draw()
            yield report

    def _draw(self) -> None:
        if not self._enabled:
            return
        parts = []
        total = len(self._items)
        if total > PROGRESS_MIN_FILES:
            parts.append(f"{self._done:,}/{total:,} files")
        waited = time.monotonic() - self._since
        if self._done < total and waited >= SLOW_FILE_SECONDS:
            item = self._items[self._done]
            name = item[0] if isinstance(item, tuple) else os.fspath(item)
            parts.append(f"{shown_path(name)}{_size_of(item)}, {waited:.0f} s")
        if parts or self._shown:
            self._write("Linting " + " · ".join(parts) if parts else "")

    def _write(self, line: str) -> None:
        import shutil  # drawn on a terminal only

        width = shutil.get_terminal_size().columns - 1
        try:
            sys.stderr.write("\r\x1b[K" + line[:width])
            sys.stderr.flush()
        except (OSError, RuntimeError):  # the terminal is gone, or a write was under way when the timer rang
            return
        self._shown = bool(line)


def _size_of(item: Item) -> str:
    """ " (11.5 MB)": the size of an item, when it can be told."""
    try:
        size = len(item[1]) if isinstance(item, tuple) else os.stat(item).st_size
    except OSError:
        return ""
    return f" ({size / 1_000_000:.1f} MB)" if size >= 100_000 else ""


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
        raise ConfigError(str(exc)) from None


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
    """List the installed rules: id, default severity, fixable (safe when --fix mends
    some of its findings, unsafe when only --unsafe-fixes does), summary, and the
    plugin of a plugin's rule."""
    registry = load_registry()
    width = max((len(rule_id) for rule_id in registry.rules), default=10)
    click.echo(f"{'rule':<{width}}  {'severity':<8}  {'fixable':<7}  summary")
    for rule_id, entry in registry.rules.items():
        rule = entry.rule
        origin = "" if entry.origin == "lint-article" else f"  [{entry.origin}]"
        kinds = {str(kind) for kind in rule.fix_applicability.values()}
        fixable = "safe" if "safe" in kinds else "unsafe" if kinds else "no"
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
    settings = _settings(config_file, isolated)
    try:
        config = settings.for_path(Path(path) if path else None)
        linter = make_linter(config)  # validates it whole, as a run would
    except ConfigError as exc:
        _warn(settings)
        raise ConfigurationError(exc.problems) from None
    for warning in settings.warnings:
        click.echo(f"# warning: {warning}")
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
@click.option("--language", help=_LANGUAGE_HELP)
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


class MissingExtra(click.ClickException):
    """A face whose optional dependencies are not installed."""

    exit_code = EXIT_ERROR


def _face_settings(config_file: str | None, isolated: bool) -> Settings:
    """The settings of a long-lived face, validated before it starts."""
    settings = _settings(config_file, isolated)
    try:
        make_linter(settings.for_path(None))
    except ConfigError as exc:
        raise click.UsageError(str(exc)) from None
    for error in load_registry().errors:
        click.echo(f"error: {error}", err=True)
    return settings


def _needs_extra(extra: str, packages: tuple[str, ...], exc: ModuleNotFoundError) -> MissingExtra:
    package = (exc.name or "").partition(".")[0]
    if package not in packages:
        raise exc
    return MissingExtra(f"this command needs {package}: pip install 'lint-article[{extra}]'")


@main.command()
@click.option("--host", default="127.0.0.1", show_default=True, help="The address to listen on.")
@click.option("--port", type=click.IntRange(0, 65535), default=8484, show_default=True, help="0 picks a free one.")
@click.option(
    "--workers", type=click.IntRange(min=1), default=None, help="Worker processes.  [default: the number of CPUs]"
)
@click.option(
    "--queue-size",
    type=click.IntRange(min=0),
    default=64,
    show_default=True,
    help="Requests that may wait for a worker; past them, 429.",
)
@click.option(
    "--timeout",
    type=click.FloatRange(min=0, min_open=True),
    default=10.0,
    show_default=True,
    help="Seconds one article may take; past them, 503 and its worker is replaced.",
)
@click.option(
    "--max-body-size",
    type=click.IntRange(min=1),
    default=5 * 1024 * 1024,
    show_default=True,
    help="Largest request body, in bytes; larger, 413.",
)
@click.option(
    "--receive-timeout",
    type=click.FloatRange(min=0, min_open=True),
    default=10.0,
    show_default=True,
    help="Seconds a client has to send a request's headers, and as long for its body (408).",
)
@click.option(
    "--cache-size",
    type=click.IntRange(min=0),
    default=32 * 1024 * 1024,
    show_default=True,
    help="Bytes of answers kept for requests sent again, such as a CMS's autosaves; 0 keeps none.",
)
@click.option(
    "--allow-origin",
    "allow_origins",
    multiple=True,
    help="An origin (https://cms.example.org) whose web pages may call the service; repeat for more. Default: none.",
)
@click.option(
    "--token",
    envvar="LINT_ARTICLE_TOKEN",
    show_envvar=True,
    help="Require Authorization: Bearer TOKEN on /v1/ routes (the variable keeps it out of the process list).",
)
@click.option("--config", "config_file", type=click.Path(dir_okay=False), help="Read this file; no discovery.")
@click.option("--isolated", is_flag=True, help="Read no configuration file.")
def serve(
    host: str,
    port: int,
    workers: int | None,
    queue_size: int,
    timeout: float,
    max_body_size: int,
    receive_timeout: float,
    cache_size: int,
    allow_origins: tuple[str, ...],
    token: str | None,
    config_file: str | None,
    isolated: bool,
) -> None:
    """Serve the linter over HTTP: POST /v1/lint, GET /v1/rules, GET /healthz, GET /openapi.json.

    Settings come from --config, else the configuration file of the current
    directory, once, at start-up: no request makes the server read a file."""
    try:
        from .faces.server import ServeError, ServerOptions
        from .faces.server import serve as run_server
    except ModuleNotFoundError as exc:
        raise _needs_extra("server", ("starlette", "uvicorn", "h11"), exc) from None
    from .config_files import find_config_file

    _face_settings(config_file, isolated)
    chosen = Path(config_file) if config_file else None if isolated else find_config_file(Path.cwd())
    options = ServerOptions(
        host=host,
        port=port,
        queue_size=queue_size,
        timeout=timeout,
        max_body_size=max_body_size,
        receive_timeout=receive_timeout,
        cache_size=cache_size,
        allow_origins=frozenset(allow_origins),
        token=token or None,
        config_file=chosen.absolute() if chosen else None,
        **({"workers": workers} if workers else {}),
    )
    try:
        run_server(options, announce=lambda line: click.echo(f"lint-article: {line}", err=True))
    except ServeError as exc:
        click.echo(f"error: {exc}", err=True)
        sys.exit(EXIT_ERROR)
    except KeyboardInterrupt:  # Ctrl-C: the server has stopped its workers already
        pass


@main.command()
@click.option("--config", "config_file", type=click.Path(dir_okay=False), help="Read this file; no discovery.")
@click.option("--isolated", is_flag=True, help="Read no configuration file.")
def mcp(config_file: str | None, isolated: bool) -> None:
    """Serve the linter to writing assistants: a Model Context Protocol server on standard input and output."""
    try:
        from .faces.mcp_server import run
    except ModuleNotFoundError as exc:
        raise _needs_extra("mcp", ("mcp", "mcp_types", "pydantic"), exc) from None
    run(_face_settings(config_file, isolated))


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
