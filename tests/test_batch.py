"""lint_many and --jobs: parallel processes, reports in input order, streamed."""

from __future__ import annotations

import itertools
import json
import os
import subprocess
import sys
import threading
from pathlib import Path

import pytest

from lint_article import Article, ConfigError, lint_many
from lint_article.config import Config
from lint_article.config_files import Settings

from .conftest import CORPUS, FIXTURES, ROOT

TWO_H1 = "<html><body><h1>a</h1>\n<h1>b</h1>"


def summary(reports) -> list[tuple[str, str | None, list[tuple[int, int, str]]]]:
    return [(r.path, r.error, [(f.line, f.column, f.rule) for f in r.findings]) for r in reports]


@pytest.fixture
def pages(tmp_path: Path) -> list[Path]:
    paths = []
    for number in range(9):
        path = tmp_path / f"p{number}.html"
        path.write_text("<p>x</p>\n" * number + TWO_H1, encoding="utf-8")
        paths.append(path)
    return paths


def test_reports_come_in_input_order_and_match_a_serial_run(pages: list[Path]) -> None:
    items = [*reversed(pages), ("draft.html", TWO_H1), str(pages[0]), ("bytes.html", TWO_H1.encode())]
    serial = summary(lint_many(items, jobs=1, config={"select": ["single-h1"]}))
    parallel = summary(lint_many(items, jobs=2, config={"select": ["single-h1"]}, chunk_size=1))
    assert parallel == serial
    assert [path for path, _, _ in parallel] == [str(p) for p in reversed(pages)] + [
        "draft.html",
        str(pages[0]),
        "bytes.html",
    ]
    assert parallel[0][2] == [(10, 1, "single-h1")]


def test_the_configuration_is_checked_before_anything_is_linted() -> None:
    def never():
        raise AssertionError("an item was read")
        yield  # pragma: no cover

    with pytest.raises(ConfigError, match="no-such-rule"):
        lint_many(never(), config={"select": ["no-such-rule"]}, jobs=2)
    with pytest.raises(ValueError, match="jobs"):
        lint_many([], jobs=0)


def test_an_endless_stream_is_consumed_lazily() -> None:
    endless = ((f"a{n}.html", TWO_H1) for n in itertools.count())
    first = list(itertools.islice(lint_many(endless, jobs=2, config={"select": ["single-h1"]}), 25))
    assert [r.path for r in first] == [f"a{n}.html" for n in range(25)]
    assert all(len(r.findings) == 1 for r in first)


def test_a_bad_item_gives_a_report_with_an_error_and_the_others_go_on(pages: list[Path], tmp_path: Path) -> None:
    items = [pages[0], tmp_path / "missing.html", ("huge.html", "x" * 2_000), pages[1]]
    reports = list(lint_many(items, jobs=2, chunk_size=1, max_bytes=1_000, config={"select": ["single-h1"]}))
    assert [r.error for r in reports] == [None, "no such file", reports[2].error, None]
    assert reports[2].error is not None and reports[2].error.startswith("file too large")
    assert len(reports[3].findings) == 1


def test_a_pair_without_text_is_an_error_and_reads_no_file(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    (tmp_path / "a.html").write_text(TWO_H1, encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    for jobs in (1, 2):
        reports = list(lint_many([("a.html", None), ("b.html", TWO_H1)], jobs=jobs, chunk_size=1))  # type: ignore[list-item]
        assert reports[0].path == "a.html" and reports[0].findings == ()
        assert reports[0].error == "no text given: the html is NoneType, not str or bytes"
        assert reports[1].error is None


def test_an_item_that_ends_in_sys_exit_is_an_error_and_the_others_go_on(monkeypatch: pytest.MonkeyPatch) -> None:
    parse = Article.from_html

    def exit_on_b(html: str | bytes) -> Article:  # as a plugin's code might, wherever it runs
        if html == "b":
            sys.exit(3)
        return parse(html)

    monkeypatch.setattr(Article, "from_html", exit_on_b)
    reports = list(lint_many([("a.html", TWO_H1), ("b.html", "b"), ("c.html", TWO_H1)], jobs=1))
    assert [r.error for r in reports] == [None, "internal error: SystemExit: 3", None]


def test_each_item_gets_the_size_limit_of_its_own_settings(tmp_path: Path) -> None:
    small, large = tmp_path / "small", tmp_path / "large"
    for folder in (small, large):
        folder.mkdir()
        (folder / "a.html").write_text(TWO_H1, encoding="utf-8")
    (small / ".lint-article.toml").write_text("max-file-size = 10\n", encoding="utf-8")
    files = [small / "a.html", large / "a.html", (str(small / "b.html"), TWO_H1)]
    for jobs in (1, 2):
        reports = list(lint_many(files, config=Settings(), jobs=jobs, chunk_size=1))
        assert [r.error for r in reports] == [
            "file too large: 33 bytes, over the limit of 10 bytes",
            None,
            "file too large: 33 bytes, over the limit of 10 bytes",
        ]
    [configured] = lint_many([("a.html", TWO_H1)], config={"max-file-size": 10}, jobs=1)
    assert configured.error is not None
    [unlimited] = lint_many([("a.html", TWO_H1)], config={"max-file-size": 10}, jobs=1, max_bytes=None)
    assert unlimited.error is None


def test_per_file_ignores_apply_to_each_item(tmp_path: Path) -> None:
    config = Config.from_mapping({"select": ["single-h1"], "per-file-ignores": {"drafts/*": ["single-h1"]}})
    items = [("drafts/a.html", TWO_H1), ("news/a.html", TWO_H1)] * 3
    for jobs in (1, 2):
        reports = list(lint_many(items, config=config, jobs=jobs, chunk_size=1))
        assert [len(r.findings) for r in reports] == [0, 1] * 3


def test_settings_find_each_files_configuration_in_the_workers(tmp_path: Path) -> None:
    strict, lax = tmp_path / "strict", tmp_path / "lax"
    for folder in (strict, lax):
        folder.mkdir()
        for number in range(3):
            (folder / f"{number}.html").write_text('<html><body><h1 style="x">a</h1>\n<h1>b</h1>', encoding="utf-8")
    (strict / ".lint-article.toml").write_text('select = ["single-h1", "no-inline-style"]\n', encoding="utf-8")
    (lax / ".lint-article.toml").write_text('select = ["no-inline-style"]\n', encoding="utf-8")
    files = sorted(strict.glob("*.html")) + sorted(lax.glob("*.html"))
    reports = list(lint_many(files, config=Settings(), jobs=2, chunk_size=1))
    assert [sorted({f.rule for f in r.findings}) for r in reports] == [["no-inline-style", "single-h1"]] * 3 + [
        ["no-inline-style"]
    ] * 3
    # A name given with the html (as --stdin-filename gives one) is resolved the same way.
    named = list(lint_many([(str(lax / "new.html"), TWO_H1)], config=Settings(), jobs=1))
    assert named[0].findings == ()


def test_workers_start_with_spawn_when_the_caller_runs_threads(pages: list[Path]) -> None:
    results: list[object] = []
    stop = threading.Event()
    background = threading.Thread(target=stop.wait)  # a threaded caller: forking would be unsafe
    background.start()
    try:
        worker = threading.Thread(
            target=lambda: results.extend(lint_many(pages, jobs=2, chunk_size=1, config={"select": ["single-h1"]}))
        )
        worker.start()
        worker.join(timeout=120)
    finally:
        stop.set()
        background.join()
    assert [r.path for r in results] == [str(p) for p in pages]  # type: ignore[attr-defined]


def run_cli(*args: str, input: bytes | None = None) -> subprocess.CompletedProcess[bytes]:
    return subprocess.run(
        [sys.executable, "-m", "lint_article", *args],
        capture_output=True,
        input=input,
        cwd=ROOT,
        env={**os.environ, "NO_COLOR": "1"},
        check=False,
    )


def test_jobs_give_the_same_output_in_the_same_order() -> None:
    pages = sorted((CORPUS / "pages").glob("*.html"))[:20] or [FIXTURES / "sahel-article.html"]
    outputs = {}
    for jobs in ("1", "2", "3"):
        result = run_cli("check", "--jobs", jobs, "--format", "json", *map(str, pages))
        assert result.stderr == b""
        outputs[jobs] = json.loads(result.stdout)
    assert outputs["1"] == outputs["2"] == outputs["3"]


def test_stdin_comes_after_the_files_under_its_name() -> None:
    result = run_cli(
        "check", "--jobs", "2", "--select", "single-h1", "--format", "json", "--stdin-filename", "draft.html",
        "fixtures/sahel-article.html", "-", input=TWO_H1.encode(),
    )  # fmt: skip
    files = json.loads(result.stdout)["files"]
    assert [f["path"] for f in files] == ["fixtures/sahel-article.html", "draft.html"]
    assert files[1]["findings"][0]["line"] == 2


def test_stdin_gets_the_settings_of_its_name(tmp_path: Path) -> None:
    (tmp_path / ".lint-article.toml").write_text(
        'select = ["single-h1"]\n[per-file-ignores]\n"drafts/*" = ["single-h1"]\n', encoding="utf-8"
    )

    def check(name: str) -> list[str]:
        result = subprocess.run(
            [sys.executable, "-m", "lint_article", "check", "--stdin-filename", name, "-"],
            input=TWO_H1.encode(),
            capture_output=True,
            cwd=tmp_path,
            check=False,
        )
        return result.stdout.decode().splitlines()

    assert check("drafts/new.html") == ["No findings in 1 file."]
    assert check("news/new.html")[0] == "news/new.html:2:1: error single-h1 extra <h1>; the first <h1> is on line 1"
