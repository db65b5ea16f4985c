"""``lint-article check --stdin-jsonl``, as another language drives it: one
process, a line written, its answer read before the next line is written."""

from __future__ import annotations

import json
import os
import subprocess
import sys
import threading
from collections.abc import Iterator
from pathlib import Path
from typing import IO, Any

import pytest

from .conftest import FIXTURES, cli_json_entry

SEED = FIXTURES / "sahel-article.html"
ANSWER_TIMEOUT = 60


class Pipe:
    """A ``lint-article check --stdin-jsonl`` process, spoken to a line at a time."""

    def __init__(self, *args: str, cwd: Path) -> None:
        self.process = subprocess.Popen(
            [sys.executable, "-m", "lint_article", "check", "--stdin-jsonl", *args],
            stdin=subprocess.PIPE,
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            cwd=cwd,
            env={**os.environ, "PYTHONDONTWRITEBYTECODE": "1"},
        )

    def ask(self, line: bytes | str | dict[str, Any]) -> dict[str, Any]:
        """Write one line and wait for its answer: a process that buffered its
        output instead of flushing each line would never answer here."""
        if isinstance(line, dict):
            line = json.dumps(line)
        raw = line.encode() if isinstance(line, str) else line
        assert self.process.stdin is not None and self.process.stdout is not None
        self.process.stdin.write(raw + b"\n")
        self.process.stdin.flush()
        answer = read_line(self.process.stdout)
        assert answer.endswith(b"\n"), f"no answer; stderr: {self.finish()[1]}"
        parsed: dict[str, Any] = json.loads(answer)
        return parsed

    def finish(self) -> tuple[int, str]:
        """Close standard input (EOF) and return the exit code and what went to standard error."""
        assert self.process.stdin is not None and self.process.stderr is not None
        self.process.stdin.close()
        code = self.process.wait(timeout=ANSWER_TIMEOUT)
        return code, self.process.stderr.read().decode()


def read_line(stream: IO[bytes]) -> bytes:
    """A line from *stream*, or what came before a minute passed."""
    box: list[bytes] = []
    reader = threading.Thread(target=lambda: box.append(stream.readline()), daemon=True)
    reader.start()
    reader.join(ANSWER_TIMEOUT)
    return box[0] if box else b""


@pytest.fixture
def pipe(tmp_path: Path) -> Iterator[Pipe]:
    process = Pipe("--isolated", cwd=tmp_path)
    yield process
    if process.process.poll() is None:
        process.process.kill()
        process.process.wait()


def test_each_line_is_answered_in_turn_with_the_files_entry_of_the_json_output(pipe: Pipe, tmp_path: Path) -> None:
    expected = cli_json_entry("--isolated", str(SEED), cwd=tmp_path)
    first = pipe.ask({"id": "a-1", "html": SEED.read_text(encoding="utf-8"), "path": str(SEED)})
    assert first == {"id": "a-1", "line": 1, **expected}
    second = pipe.ask({"id": 2, "html": "<html><body><h1>Title</h1><p>Short.</p></body></html>"})
    assert second["id"] == 2 and second["line"] == 2 and second["path"] == "-"
    assert [f["rule"] for f in second["findings"]] == ["word-count"]
    assert pipe.finish() == (1, "")  # the seed has errors: exit code 1, as check gives


@pytest.mark.parametrize(
    ("line", "code", "said"),
    [
        (b'{"id": "x", "html": ', "invalid-json", "malformed"),
        (b"\xff\xfe not json", "invalid-json", "the JSON"),
        (b'["<p>x</p>"]', "invalid-request", "expected a JSON object"),
        (b'{"id": "x"}', "invalid-request", "'html' is missing"),
        (b'{"id": "x", "html": "<p>x</p>", "colour": "red"}', "invalid-request", "unknown field 'colour'"),
        (b'{"id": "x", "html": "<p>x</p>", "config": {"max-file-size": 1}}', "config-not-allowed", "max-file-size"),
        (b'{"id": "x", "html": "<p>x</p>", "config": {"select": ["nope"]}}', "invalid-config", "'nope'"),
        (b'{"id": "x", "html": "<p>x</p>", "config": []}', "invalid-request", "must be an object, got an array"),
    ],
)
def test_a_bad_line_gets_an_error_line_and_the_process_goes_on(pipe: Pipe, line: bytes, code: str, said: str) -> None:
    answer = pipe.ask(line)
    assert answer["error"]["code"] == code and said in answer["error"]["message"]
    # The id is echoed whenever the line is a JSON object that has one.
    assert answer["line"] == 1 and answer["id"] == ("x" if code != "invalid-json" and b'"id"' in line else None)
    assert pipe.ask({"id": "next", "html": "<h1>T</h1><p>x</p>"})["error"] is None
    assert pipe.finish()[0] == 2  # a line could not be linted


def test_blank_lines_ask_for_nothing_and_numbers_count_every_line(pipe: Pipe) -> None:
    assert pipe.process.stdin is not None
    pipe.process.stdin.write(b"\n   \n")
    assert pipe.ask({"id": "third", "html": "<h1>T</h1>"})["line"] == 3


def test_a_line_over_the_limit_is_skipped_with_an_error_and_the_next_is_read(tmp_path: Path) -> None:
    (tmp_path / ".lint-article.toml").write_text("max-file-size = 1000\n")
    pipe = Pipe(cwd=tmp_path)  # the limit of a line: twice the configuration's max-file-size, and a little
    too_long = pipe.ask({"id": "big", "html": "<p>" + "word " * 2000 + "</p>"})
    assert (too_long["id"], too_long["line"], too_long["error"]["code"]) == (None, 1, "line-too-long")
    assert "3,024 bytes" in too_long["error"]["message"]
    large = pipe.ask({"id": "large", "html": "<p>" + "word " * 300 + "</p>"})  # fits the line, not max-file-size
    assert large["id"] == "large" and large["error"].startswith("file too large")
    assert pipe.ask({"id": "small", "html": "<h1>T</h1><p>x</p>"})["error"] is None
    assert pipe.finish()[0] == 2


def test_the_last_line_needs_no_newline_and_eof_ends_the_process(tmp_path: Path) -> None:
    result = subprocess.run(
        [
            sys.executable,
            "-m",
            "lint_article",
            "check",
            "--isolated",
            "--stdin-jsonl",
            "--select",
            "single-h1",
            "--profile",
            "page",
        ],
        input=b'{"id": 1, "html": "<h1>A</h1>"}\n{"id": 2, "html": "<p>no title</p>"}',
        capture_output=True,
        cwd=tmp_path,
        timeout=ANSWER_TIMEOUT,
        check=False,
    )
    answers = [json.loads(line) for line in result.stdout.splitlines()]
    assert [(a["id"], [f["rule"] for f in a["findings"]]) for a in answers] == [(1, []), (2, ["single-h1"])]
    assert result.returncode == 1 and result.stderr == b""


@pytest.mark.parametrize("extra", [["page.html"], ["--format", "sarif"], ["-o", "out.json"], ["--jobs", "2"]])
def test_options_about_files_and_output_are_refused_with_the_pipe(tmp_path: Path, extra: list[str]) -> None:
    result = subprocess.run(
        [sys.executable, "-m", "lint_article", "check", "--stdin-jsonl", *extra],
        input=b"",
        capture_output=True,
        cwd=tmp_path,
        check=False,
    )
    assert result.returncode == 2 and b"--stdin-jsonl reads standard input" in result.stderr
