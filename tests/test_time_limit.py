"""A time limit per article: a file past it is an error of its own and the others go on.

The slow article is slow because of a test-only rule (tests/slow_rule.py) that
sleeps as long as the article asks, registered with Registry.of: in this
process, in another thread, in a process pool, and on the command line.
"""

from __future__ import annotations

import os
import re
import signal
import subprocess
import sys
import threading
import time
from pathlib import Path

import pytest

from lint_article import Config, ConfigError, Registry, Stats, lint_many, make_linter
from lint_article.api import lint_path
from lint_article.time_limit import TimeLimitExceeded, time_limit

from .conftest import ROOT
from .slow_rule import SlowRule

ONLY_SLOW = Config(select=("slow-rule",))
REGISTRY = Registry.of([SlowRule])
SLOW = "<p>sleep 30</p>"
QUICK = "<p>sleep 0.05</p>"


def slow_linter(**settings: object):
    return make_linter(Config.from_mapping({"select": ["slow-rule"], **settings}), REGISTRY)


def test_an_article_past_the_limit_is_an_error_and_the_time_is_bounded() -> None:
    started = time.monotonic()
    report = slow_linter().lint(SLOW, "slow.html", timeout=0.3)
    assert time.monotonic() - started < 5
    assert report.error == "linting took longer than the limit of 0.3 s"
    assert report.findings == () and report.stats == Stats(0, 0, 0, 0, 0.0, None, None)


def test_an_article_within_the_limit_is_linted() -> None:
    report = slow_linter().lint(QUICK, "quick.html", timeout=5)
    assert report.error is None
    assert [(f.rule, f.message) for f in report.findings] == [("slow-rule", "slept 0.05 s")]


def test_the_limit_comes_from_the_configuration_and_zero_or_none_turns_it_off() -> None:
    assert slow_linter().timeout == 60
    assert slow_linter(timeout=0.3).lint(SLOW, "slow.html").error is not None
    for off in ({"timeout": 0}, {"timeout": None}):
        linter = slow_linter(**off)
        assert linter.timeout is None
        assert linter.lint("<p>sleep 0.4</p>", "a.html", timeout=0.1).error is not None  # the argument wins
        assert linter.lint("<p>sleep 0.4</p>", "a.html").error is None


def test_a_file_past_the_limit_is_an_error(tmp_path: Path) -> None:
    path = tmp_path / "slow.html"
    path.write_text(SLOW)
    report = lint_path(slow_linter(timeout=0.3), path, "slow.html")
    assert report.error == "linting took longer than the limit of 0.3 s"


def test_the_limit_holds_in_any_thread() -> None:
    reports = {}

    def lint(name: str, html: str) -> None:
        reports[name] = slow_linter().lint(html, name, timeout=0.3)

    threads = [threading.Thread(target=lint, args=(f"{kind}{i}", html)) for i in range(3)
               for kind, html in (("slow", SLOW), ("quick", QUICK))]  # fmt: skip
    started = time.monotonic()
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert time.monotonic() - started < 10
    assert {name: report.error for name, report in reports.items()} == {
        **{f"slow{i}": "linting took longer than the limit of 0.3 s" for i in range(3)},
        **{f"quick{i}": None for i in range(3)},
    }


@pytest.mark.parametrize("jobs", [1, 2])
def test_lint_many_reports_the_slow_article_and_goes_on(jobs: int) -> None:
    items = [("a.html", QUICK), ("slow.html", SLOW), ("b.html", QUICK), ("c.html", QUICK)]
    started = time.monotonic()
    reports = list(lint_many(items, config=ONLY_SLOW, registry=REGISTRY, jobs=jobs, chunk_size=1, timeout=0.5))
    assert time.monotonic() - started < 15
    assert [(r.path, r.error, len(r.findings)) for r in reports] == [
        ("a.html", None, 1),
        ("slow.html", "linting took longer than the limit of 0.5 s", 0),
        ("b.html", None, 1),
        ("c.html", None, 1),
    ]


def test_limits_out_of_range_are_refused_before_anything_is_linted() -> None:
    for value in (-1, 86_401, float("nan"), float("inf")):
        with pytest.raises(ValueError, match="timeout must be from 0 to 86,400 seconds"):
            slow_linter().lint(QUICK, "a.html", timeout=value)
        with pytest.raises(ValueError, match="timeout"):
            lint_many([], timeout=value)
    expected = re.escape("timeout: expected a number of seconds from 0 (no limit) to 86,400")
    for setting in (-1, 86_401, "60", True, float("nan")):
        with pytest.raises(ConfigError, match=expected):
            Config.from_mapping({"timeout": setting})


def test_the_alarm_of_the_main_thread_is_left_as_it_was() -> None:
    if not hasattr(signal, "setitimer"):
        pytest.skip("no interval timers")
    mine = signal.signal(signal.SIGALRM, signal.SIG_IGN)
    try:
        assert slow_linter().lint(SLOW, "slow.html", timeout=0.2).error is not None
        assert signal.getsignal(signal.SIGALRM) is signal.SIG_IGN
        assert signal.getitimer(signal.ITIMER_REAL) == (0.0, 0.0)
        time.sleep(0.3)  # nothing still pending goes off later
    finally:
        signal.signal(signal.SIGALRM, mine)


def test_a_caller_s_own_alarm_keeps_running_while_an_article_is_linted_in_the_main_thread() -> None:
    if not hasattr(signal, "setitimer"):
        pytest.skip("no interval timers")
    rang = []
    previous = signal.signal(signal.SIGALRM, lambda *_: rang.append(True))
    signal.setitimer(signal.ITIMER_REAL, 1.0)
    try:
        assert slow_linter().lint(SLOW, "slow.html", timeout=0.3).error is not None  # from the watchdog
        time.sleep(1.0)
        assert rang == [True]
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)
        signal.signal(signal.SIGALRM, previous)


@pytest.mark.parametrize("own", [30, None])
def test_an_outer_time_limit_is_not_taken_for_the_article_s_own(own: float | None) -> None:
    started = time.monotonic()
    with pytest.raises(TimeLimitExceeded), time_limit(0.3):
        slow_linter().lint(SLOW, "slow.html", timeout=own)
    assert time.monotonic() - started < 5


def test_an_exception_that_comes_too_late_is_withdrawn_in_another_thread() -> None:
    outcomes = []

    def race() -> None:
        for _ in range(200):
            try:
                with time_limit(0.001):
                    deadline = time.monotonic() + 0.001
                    while time.monotonic() < deadline:
                        pass
            except TimeLimitExceeded:
                outcomes.append("limit")
        try:
            time.sleep(0.05)  # any exception still pending would be raised here
            outcomes.append("clean")
        except TimeLimitExceeded:
            outcomes.append("leaked")

    thread = threading.Thread(target=race)
    thread.start()
    thread.join()
    assert outcomes[-1] == "clean"


def run_cli(*args: str, cwd: Path) -> subprocess.CompletedProcess[str]:
    command = [sys.executable, "-m", "tests.slow_rule", "check", "--select", "slow-rule", *args]
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    return subprocess.run(command, capture_output=True, text=True, cwd=cwd, env=env, timeout=120, check=False)


@pytest.mark.parametrize("jobs", ["1", "2"])
def test_the_command_line_reports_the_slow_file_and_lints_the_others(tmp_path: Path, jobs: str) -> None:
    for name, html in (("a.html", QUICK), ("b-slow.html", SLOW), ("c.html", QUICK)):
        (tmp_path / name).write_text(html)
    started = time.monotonic()
    result = run_cli("--timeout", "0.5", "--jobs", jobs, "a.html", "b-slow.html", "c.html", cwd=tmp_path)
    assert time.monotonic() - started < 60
    assert "Traceback" not in result.stderr
    assert result.returncode == 2
    assert result.stdout.splitlines() == [
        "a.html:1:1: error slow-rule slept 0.05 s",
        "b-slow.html: error: linting took longer than the limit of 0.5 s",
        "c.html:1:1: error slow-rule slept 0.05 s",
        "Found 2 findings (2 errors) in 3 files; 1 file could not be linted.",
    ]


def test_the_command_line_refuses_a_timeout_out_of_range(tmp_path: Path) -> None:
    (tmp_path / "a.html").write_text(QUICK)
    result = run_cli("--timeout", "-1", "a.html", cwd=tmp_path)
    assert result.returncode == 2
    assert "timeout: expected a number of seconds from 0 (no limit) to 86,400, got -1.0" in result.stderr
