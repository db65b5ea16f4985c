"""Streams: --format jsonl writes each file's line as it is linted, and lint_many
holds only a bounded window of the items it is given."""

from __future__ import annotations

import itertools
import json
import os
import subprocess
import sys
from pathlib import Path

from lint_article import lint_many

from .conftest import FIXTURES, corpus_files

TWO_H1 = "<html><body><h1>a</h1>\n<h1>b</h1></body></html>"  # a page: one <h1> expected


def run_cli(*args: str, cwd: Path | None = None) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "lint_article", *args], capture_output=True, text=True, cwd=cwd, check=False
    )


def test_jsonl_lines_are_the_json_files_entries_and_lint_manys_dicts(tmp_path: Path) -> None:
    pages = [*sorted(FIXTURES.glob("*.html")), *corpus_files("pages")[:5], tmp_path / "missing.html"]
    as_json = run_cli("check", "--no-cache", "--format", "json", *map(str, pages))
    as_jsonl = run_cli("check", "--no-cache", "--format", "jsonl", *map(str, pages))
    lines = as_jsonl.stdout.splitlines()
    assert [json.loads(line) for line in lines] == json.loads(as_json.stdout)["files"]
    assert [json.loads(line) for line in lines] == [r.to_dict() for r in lint_many(map(str, pages), jobs=2)]
    assert as_jsonl.returncode == as_json.returncode == 2
    assert as_jsonl.stderr == as_json.stderr == f"{tmp_path}/missing.html: error: no such file\n"


def test_jsonl_writes_each_line_before_the_next_file_is_read(tmp_path: Path) -> None:
    (tmp_path / "first.html").write_text(TWO_H1)
    os.mkfifo(tmp_path / "later.html")  # reading it waits until something is written into it
    command = [sys.executable, "-m", "lint_article", "check", "--jobs", "1", "--format", "jsonl"]
    with subprocess.Popen(
        [*command, "--select", "single-h1", "first.html", "later.html"], cwd=tmp_path, stdout=subprocess.PIPE, text=True
    ) as run:
        assert run.stdout is not None
        first = json.loads(run.stdout.readline())  # comes while the run waits on later.html
        assert (first["path"], first["findings"][0]["line"]) == ("first.html", 2)
        (tmp_path / "later.html").write_text("<html><body><h1>Only one</h1></body></html>")
        later = json.loads(run.stdout.readline())
        assert (later["path"], later["findings"]) == ("later.html", [])
        assert run.wait(timeout=60) == 1


def test_jsonl_goes_to_an_output_file_with_the_baseline_and_statistics_too(tmp_path: Path) -> None:
    (tmp_path / "a.html").write_text(TWO_H1)
    run_cli("check", "--write-baseline", "base.json", "a.html", cwd=tmp_path)
    (tmp_path / "b.html").write_text(TWO_H1)
    result = run_cli(
        "check", "--format", "jsonl", "--statistics", "--baseline", "base.json", "-o", "out.jsonl", "a.html", "b.html",
        cwd=tmp_path,
    )  # fmt: skip
    lines = [json.loads(line) for line in (tmp_path / "out.jsonl").read_text().splitlines()]
    assert [(line["path"], len(line["findings"])) for line in lines] == [("a.html", 0), ("b.html", 2)]
    assert result.stdout == "" and result.returncode == 1
    assert "single-h1" in result.stderr


def test_lint_many_reads_only_a_bounded_window_ahead() -> None:
    taken = 0

    def endless():
        nonlocal taken
        for number in itertools.count():
            taken += 1
            yield (f"a{number}.html", TWO_H1)

    for jobs, chunk_size in ((1, 2), (2, 2), (2, 5)):
        taken = 0
        reports = lint_many(endless(), jobs=jobs, chunk_size=chunk_size, config={"select": ["single-h1"]})
        for _ in range(40):
            next(reports)
        # Four chunks per process in flight, and the chunk being filled.
        assert 40 <= taken <= 40 + (jobs * 4 + 1) * chunk_size, (jobs, chunk_size, taken)
        reports.close()  # type: ignore[attr-defined]
