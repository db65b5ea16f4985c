"""The command line, through click's CliRunner and as a real subprocess."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest
from click.testing import CliRunner

from lint_article.cli import main

from .conftest import FIXTURES

SEED = FIXTURES / "sahel-article.html"
GOOD = FIXTURES / "good-article.html"


def run(*args: str, input: bytes | None = None) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "lint_article", *args],
        input=input.decode() if input is not None else None,
        capture_output=True,
        text=True,
        check=False,
    )


def test_findings_are_path_line_col_severity_rule_message_and_exit_1() -> None:
    result = run("check", str(SEED))
    assert result.returncode == 1
    lines = result.stdout.splitlines()
    assert f"{SEED}:23:1: error single-h1 extra <h1>; the first <h1> is on line 15" in lines
    assert f"{SEED}:18:28: warning no-inline-style <span> has an inline style attribute; use the style sheet" in lines
    assert lines[-1].startswith("Found ") and "in 1 file." in lines[-1]
    assert result.stderr == ""


def test_output_is_sorted_by_file_then_position(tmp_path: Path) -> None:
    (tmp_path / "b.html").write_text("<body><p>x</p>\n<h1>A</h1><h1>B</h1>")
    (tmp_path / "a.html").write_text("<body><h1>A</h1>\n<h1>B</h1>\n<h1>C</h1>")
    result = run("check", "--select", "single-h1", str(tmp_path))
    located = [line.split(": ")[0] for line in result.stdout.splitlines()[:-1]]
    assert located == [f"{tmp_path}/a.html:2:1", f"{tmp_path}/a.html:3:1", f"{tmp_path}/b.html:2:11"]


def test_a_clean_article_exits_0() -> None:
    result = run("check", str(GOOD))
    assert result.returncode == 0, result.stdout
    assert result.stdout.strip() == "No findings in 1 file."


def test_warnings_alone_pass_unless_fail_on_warning(tmp_path: Path) -> None:
    path = tmp_path / "warn.html"
    path.write_text('<h1>T</h1><p style="x">short</p>')
    assert run("check", "--select", "no-inline-style", str(path)).returncode == 0
    assert run("check", "--select", "no-inline-style", "--fail-on", "warning", str(path)).returncode == 1


def test_stdin_with_a_name() -> None:
    result = run(
        "check", "--select", "single-h1", "--stdin-filename", "draft.html", "-", input=b"<body><h1>a</h1>\n<h1>b</h1>"
    )
    assert result.returncode == 1
    assert result.stdout.splitlines()[0] == "draft.html:2:1: error single-h1 extra <h1>; the first <h1> is on line 1"


def test_a_missing_file_is_an_error_but_the_others_are_linted(tmp_path: Path) -> None:
    path = tmp_path / "ok.html"
    path.write_text("<body><h1>a</h1>\n<h1>b</h1>")
    result = run("check", "--select", "single-h1", str(tmp_path / "missing.html"), str(path))
    assert result.returncode == 2
    assert f"{tmp_path}/missing.html: error: no such file" in result.stdout
    assert f"{path}:2:1: error single-h1" in result.stdout
    assert "Traceback" not in result.stdout + result.stderr


def test_an_unreadable_file_is_an_error(tmp_path: Path) -> None:
    if sys.platform == "win32" or __import__("os").geteuid() == 0:
        pytest.skip("root can read anything")
    path = tmp_path / "secret.html"
    path.write_text("<h1>x</h1>")
    path.chmod(0)
    result = run("check", str(path))
    assert result.returncode == 2 and "permission denied" in result.stdout


def test_directories_recurse_into_html_files_only(tmp_path: Path) -> None:
    (tmp_path / "sub").mkdir()
    (tmp_path / "sub" / "one.htm").write_text("<p>x</p>")
    (tmp_path / "two.html").write_text("<p>y</p>")
    (tmp_path / "notes.txt").write_text("<p>z</p>")
    result = run("check", "--select", "single-h1", "--format", "json", str(tmp_path))
    paths = [f["path"] for f in json.loads(result.stdout)["files"]]
    assert paths == [f"{tmp_path}/sub/one.htm", f"{tmp_path}/two.html"]


def test_json_output_is_the_contract() -> None:
    result = run("check", "--format", "json", str(SEED))
    document = json.loads(result.stdout)
    assert document["version"] == 1
    assert document["summary"] == {"files": 1, "findings": len(document["files"][0]["findings"]), "errors": 0}
    entry = document["files"][0]
    assert entry["path"] == str(SEED) and entry["error"] is None
    assert set(entry["stats"]) == {
        "words", "sentences", "paragraphs", "headings", "reading_time_minutes",
        "flesch_reading_ease", "flesch_kincaid_grade",
    }  # fmt: skip
    extra_h1 = next(f for f in entry["findings"] if f["rule"] == "single-h1")
    assert {k: extra_h1[k] for k in ("rule", "severity", "line", "column", "end_line", "end_column")} == {
        "rule": "single-h1", "severity": "error", "line": 23, "column": 1, "end_line": 23, "end_column": 5,
    }  # fmt: skip
    assert extra_h1["snippet"] == "<h1>"
    assert extra_h1["selector"] == "main > article > div > h1"


def test_json_reports_unreadable_files_in_the_summary(tmp_path: Path) -> None:
    result = run("check", "--format", "json", str(tmp_path / "nope.html"))
    document = json.loads(result.stdout)
    assert result.returncode == 2
    assert document["files"] == [
        {"path": f"{tmp_path}/nope.html", "error": "no such file", "findings": [], "stats": None}
    ]
    assert document["summary"]["errors"] == 1


def test_unknown_rule_is_a_usage_error_with_a_suggestion() -> None:
    result = run("check", "--select", "single-h2", str(SEED))
    assert result.returncode == 2
    assert "unknown rule 'single-h2'; did you mean 'single-h1'?" in result.stderr
    assert "Traceback" not in result.stderr


def test_rules_lists_every_rule_with_severity_and_summary() -> None:
    result = run("rules")
    assert result.returncode == 0
    rows = {line.split()[0]: line for line in result.stdout.splitlines()}
    for rule_id in ("single-h1", "heading-order", "no-inline-style", "word-count", "readability", "repeated-phrases"):
        assert rule_id in rows
    assert rows["single-h1"].split()[1] == "error"


def test_cli_runner_in_process_matches_the_subprocess() -> None:
    runner = CliRunner()
    result = runner.invoke(main, ["check", "--select", "single-h1", "-"], input=b"<body><h1>a</h1><h1>b</h1>")
    assert result.exit_code == 1
    assert result.output.splitlines()[0] == "-:1:17: error single-h1 extra <h1>; the first <h1> is on line 1"


def test_cli_runner_output_file(tmp_path: Path) -> None:
    out = tmp_path / "report.json"
    result = CliRunner().invoke(main, ["check", "--format", "json", "-o", str(out), str(SEED)])
    assert result.exit_code == 1 and result.output == ""
    assert json.loads(out.read_text())["summary"]["files"] == 1


def test_no_arguments_is_a_usage_error() -> None:
    result = CliRunner().invoke(main, ["check"])
    assert result.exit_code == 2
    assert "Missing argument" in result.output


def test_config_file_is_discovered_for_each_file_and_the_command_line_wins(tmp_path: Path) -> None:
    (tmp_path / "strict").mkdir()
    (tmp_path / "strict" / ".lint-article.toml").write_text('fail-on = "warning"\nselect = ["no-inline-style"]\n')
    (tmp_path / "strict" / "a.html").write_text('<p style="x">a</p>')
    (tmp_path / "lax.html").write_text('<p style="x">a</p>')
    result = run("check", str(tmp_path))
    assert result.returncode == 1  # the strict folder fails on its warning
    assert f"{tmp_path}/strict/a.html:1:4: warning no-inline-style" in result.stdout
    assert run("check", str(tmp_path / "lax.html"), "--select", "no-inline-style").returncode == 0
    assert run("check", "--fail-on", "error", str(tmp_path / "strict")).returncode == 0


def test_explicit_config_isolated_and_profile(tmp_path: Path) -> None:
    settings = tmp_path / "house.toml"
    settings.write_text('select = ["single-h1", "heading-order"]\nprofile = "fragment"\n')
    body = tmp_path / "body.html"
    body.write_text("<h2>Section</h2>\n<p>text</p>")
    assert run("check", "--config", str(settings), str(body)).returncode == 0
    # Without settings, the input's own shape decides: a body with no <html> is a CMS fragment.
    assert run("check", "--isolated", "--select", "single-h1", str(body)).returncode == 0
    forced = run("check", "--isolated", "--profile", "page", "--select", "single-h1", str(body))
    assert forced.returncode == 1 and "no <h1> found" in forced.stdout


def test_a_broken_config_file_is_a_clear_usage_error(tmp_path: Path) -> None:
    (tmp_path / "pyproject.toml").write_text("[tool.lint-article.rules.word-count]\nmn = 600\n")
    (tmp_path / "a.html").write_text("<h1>x</h1>")
    result = run("check", str(tmp_path / "a.html"))
    assert result.returncode == 2
    assert f"{tmp_path}/pyproject.toml [tool.lint-article]: rules.word-count: unknown option 'mn'" in result.stderr
    assert "Traceback" not in result.stderr + result.stdout


def test_exclude_skips_files_found_by_recursion_only(tmp_path: Path) -> None:
    (tmp_path / ".lint-article.toml").write_text('exclude = ["drafts/*"]\nselect = ["single-h1"]\n')
    (tmp_path / "drafts").mkdir()
    (tmp_path / "drafts" / "wip.html").write_text("<html><body><p>x</p>")
    (tmp_path / "done.html").write_text("<h1>x</h1>")
    walked = json.loads(run("check", "--format", "json", str(tmp_path)).stdout)
    assert [f["path"] for f in walked["files"]] == [f"{tmp_path}/done.html"]
    named = run("check", str(tmp_path / "drafts" / "wip.html"))
    assert named.returncode == 1


def test_report_unused_disables_flag(tmp_path: Path) -> None:
    path = tmp_path / "a.html"
    path.write_text("<h1>x</h1>\n<!-- lint-article-disable-next-line single-h1 -->\n<p>y</p>")
    assert "unused-directive" not in run("check", "--select", "single-h1", str(path)).stdout
    flagged = run("check", "--select", "single-h1", "--report-unused-disables", str(path))
    assert f"{path}:2:1: warning unused-directive" in flagged.stdout


def test_config_command_shows_each_setting_and_its_origin(tmp_path: Path) -> None:
    (tmp_path / "pyproject.toml").write_text(
        '[tool.lint-article]\nignore = ["readability"]\n[tool.lint-article.rules.word-count]\nmin = 600\n'
    )
    result = CliRunner().invoke(main, ["config", str(tmp_path / "a.html")])
    assert result.exit_code == 0
    lines = result.output.splitlines()
    origin = f"{tmp_path}/pyproject.toml [tool.lint-article]"
    assert f'ignore = ["readability"]  # {origin}' in lines
    assert f"rules.word-count = {{min = 600}}  # {origin}" in lines
    assert 'fail-on = "error"  # default' in lines
    # Then every rule that runs, with every option resolved.
    assert '# word-count = {severity = "warning", min = 600, max = 5000, target = (unset), tolerance = 0.1}' in lines
    assert not [line for line in lines if line.startswith("# readability =")]


def test_config_command_shows_what_a_profile_sets(tmp_path: Path) -> None:
    (tmp_path / ".lint-article.toml").write_text('profile = "auto"\n')
    lines = CliRunner().invoke(main, ["config", str(tmp_path / "a.html")]).output.splitlines()
    page = lines.index("# The rules that run on a full page, every option resolved (defaults, profile, settings):")
    fragment = lines.index("# The rules that run on a fragment, every option resolved (defaults, profile, settings):")
    assert lines.index('# single-h1 = {severity = "error", min = 1, max = 1}', page) < fragment
    assert lines.index('# single-h1 = {severity = "error", min = 0, max = 0}', fragment) > fragment
    assert '# heading-order = {severity = "warning", start_level = 2}' in lines[fragment:]


@pytest.mark.parametrize("option", ["--select", "--extend-select", "--ignore"])
def test_a_rule_option_naming_no_rule_is_a_usage_error(option: str) -> None:
    result = run("check", option, "", str(GOOD))
    assert result.returncode == 2
    assert "names no rule" in result.stderr and "Traceback" not in result.stderr


def test_explain_prints_the_rule_page() -> None:
    result = CliRunner().invoke(main, ["explain", "heading-order"])
    assert result.exit_code == 0
    for part in ("# heading-order", "## What it checks", "## Why", "## Fails", "## Passes", "`start_level`"):
        assert part in result.output
    unknown = CliRunner().invoke(main, ["explain", "heading-ordr"])
    assert unknown.exit_code == 2 and "did you mean 'heading-order'?" in unknown.output


def test_closed_standard_input_is_an_error_for_it_alone() -> None:
    result = subprocess.run(
        [sys.executable, "-m", "lint_article", "check", "--select", "single-h1", str(GOOD), "-"],
        capture_output=True,
        text=True,
        check=False,
        preexec_fn=lambda: os.close(0),  # as a shell's ``<&-`` does
    )
    assert result.returncode == 2, result.stdout + result.stderr
    assert "-: error: cannot read standard input: it is closed" in result.stdout
    assert "Found 0 findings in 2 files; 1 file could not be linted." in result.stdout
    assert "Traceback" not in result.stderr


@pytest.mark.parametrize("option", ["--output-file", "--write-baseline"])
def test_an_output_that_cannot_be_written_exits_2(tmp_path: Path, option: str) -> None:
    target = tmp_path / "missing-folder" / "out.txt"
    result = run("check", "--select", "single-h1", option, str(target), str(GOOD))
    assert result.returncode == 2, result.stdout + result.stderr
    assert f"Error: cannot write {target}: No such file or directory" in result.stderr
    assert "Traceback" not in result.stderr


def test_each_file_gets_the_size_limit_of_its_own_configuration(tmp_path: Path) -> None:
    for folder in ("small", "large"):
        (tmp_path / folder).mkdir()
        (tmp_path / folder / "a.html").write_text("<body><h1>A</h1>\n<h1>B</h1>")
    (tmp_path / "small" / ".lint-article.toml").write_text("max-file-size = 10\n")
    result = subprocess.run(
        [sys.executable, "-m", "lint_article", "check", "--select", "single-h1", "small", "large"],
        capture_output=True,
        text=True,
        cwd=tmp_path,
        check=False,
    )
    assert result.returncode == 2
    assert result.stdout.splitlines()[:2] == [
        "small/a.html: error: file too large: 27 bytes, over the limit of 10 bytes",
        "large/a.html:2:1: error single-h1 extra <h1>; the first <h1> is on line 1",
    ]
