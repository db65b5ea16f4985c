"""``check --fix``, ``--unsafe-fixes`` and ``--diff``, run as a subprocess."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

ARTICLE = (
    b"<html><head><title>Budget</title></head><body><article>\r\n"
    b"<h1>Budget</h1>\r\n"
    b'<p style="color: red">The council **approved** the budget.</p>\r\n'
    b"<h1>Second title</h1>\r\n"
    b"<h4>Deep section</h4>\r\n"
    b"</article></body></html>\r\n"
)
SAFELY_FIXED = (
    ARTICLE.replace(b' style="color: red"', b"")
    .replace(b"**approved**", b"<strong>approved</strong>")
    .replace(b"<h1>Second title</h1>", b"<h2>Second title</h2>")
)
CLEAN = b"<html><body><article><h1>Fine</h1><p>Nothing to fix here.</p></article></body></html>"


def run(*args: str, cwd: Path, stdin: bytes | None = None) -> subprocess.CompletedProcess[bytes]:
    return subprocess.run(
        [sys.executable, "-m", "lint_article", "check", "--no-cache", "--select",
         "no-inline-style,markdown-leftover,single-h1,heading-order", *args],
        input=stdin, capture_output=True, cwd=cwd, check=False,
    )  # fmt: skip


@pytest.fixture
def folder(tmp_path: Path) -> Path:
    (tmp_path / "article.html").write_bytes(ARTICLE)
    (tmp_path / "article.html").chmod(0o640)
    (tmp_path / "clean.html").write_bytes(CLEAN)
    return tmp_path


def test_fix_rewrites_only_what_changes_keeps_the_mode_and_reports_what_is_left(folder: Path) -> None:
    clean_before = os.stat(folder / "clean.html")
    result = run("--fix", "article.html", "clean.html", cwd=folder)
    assert (folder / "article.html").read_bytes() == SAFELY_FIXED
    assert (folder / "article.html").stat().st_mode & 0o777 == 0o640
    clean_after = os.stat(folder / "clean.html")  # untouched: the very same file, not a copy written again
    assert (clean_after.st_ino, clean_after.st_mtime_ns) == (clean_before.st_ino, clean_before.st_mtime_ns)
    assert sorted(p.name for p in folder.iterdir()) == ["article.html", "clean.html"]  # no temporary left
    out = result.stdout.decode()
    assert "heading-order" in out and "single-h1" not in out and "no-inline-style" not in out
    assert "Fixed 3 findings in 1 file; 1 left (1 with an unsafe fix: add --unsafe-fixes)." in result.stderr.decode()
    assert result.returncode == 0  # what is left is a warning


def test_a_second_fix_changes_nothing(folder: Path) -> None:
    run("--fix", "article.html", cwd=folder)
    first = os.stat(folder / "article.html")
    result = run("--fix", "article.html", cwd=folder)
    again = os.stat(folder / "article.html")
    assert (again.st_ino, again.st_mtime_ns) == (first.st_ino, first.st_mtime_ns)
    assert "Fixed 0 findings in 0 files; 1 left" in result.stderr.decode()


def test_unsafe_fixes_apply_only_when_asked_for(folder: Path) -> None:
    run("--fix", "--unsafe-fixes", "article.html", cwd=folder)
    fixed = (folder / "article.html").read_bytes()
    assert fixed == SAFELY_FIXED.replace(b"<h4>Deep section</h4>", b"<h2>Deep section</h2>")


def test_diff_prints_the_changes_writes_nothing_and_exits_1(folder: Path) -> None:
    before = os.stat(folder / "article.html")
    result = run("--diff", "article.html", "clean.html", cwd=folder)
    after = os.stat(folder / "article.html")
    assert (folder / "article.html").read_bytes() == ARTICLE
    assert (after.st_ino, after.st_mtime_ns) == (before.st_ino, before.st_mtime_ns)
    out = result.stdout.decode()
    assert out.startswith("--- a/article.html\n+++ b/article.html\n@@ ")
    assert '-<p style="color: red">The council **approved** the budget.</p>\r\n' in out
    assert "+<p>The council <strong>approved</strong> the budget.</p>\r\n" in out
    assert "clean.html" not in out
    assert "+<h2>Deep section" not in out and " <h4>Deep section</h4>\r\n" in out  # unsafe: not applied
    assert result.stderr.decode() == "Would fix 3 findings.\n"
    assert result.returncode == 1
    assert run("--diff", "clean.html", cwd=folder).returncode == 0


def test_diff_with_unsafe_fixes_shows_them(folder: Path) -> None:
    out = run("--diff", "--unsafe-fixes", "article.html", cwd=folder).stdout.decode()
    assert "+<h2>Deep section</h2>" in out


def test_standard_input_is_fixed_to_standard_output_with_the_report_on_standard_error(folder: Path) -> None:
    result = run("--fix", "-", cwd=folder, stdin=ARTICLE)
    assert result.stdout == SAFELY_FIXED
    assert "heading-order" in result.stderr.decode()
    nothing = run("--fix", "-", cwd=folder, stdin=CLEAN)
    assert nothing.stdout == CLEAN


def test_a_file_that_cannot_be_written_is_an_error_and_stays_as_it_was(folder: Path) -> None:
    if os.geteuid() == 0:
        pytest.skip("root can write anything")
    folder.chmod(0o500)  # the temporary file cannot be made beside it
    try:
        result = run("--fix", "article.html", cwd=folder)
    finally:
        folder.chmod(0o700)
    assert (folder / "article.html").read_bytes() == ARTICLE
    assert "cannot write the fixed file" in result.stdout.decode() and result.returncode == 2


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (("--unsafe-fixes", "article.html"), "--unsafe-fixes says which fixes --fix or --diff apply"),
        (("--fix", "--stdin-jsonl"), "drop --fix and --diff"),
    ],
)
def test_fix_options_that_make_no_sense_are_usage_errors(folder: Path, args: tuple[str, ...], message: str) -> None:
    result = run(*args, cwd=folder)
    assert result.returncode == 2 and message in result.stderr.decode()
    assert (folder / "article.html").read_bytes() == ARTICLE
