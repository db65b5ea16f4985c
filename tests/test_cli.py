"""The command line, through click's CliRunner and as a real subprocess."""

from __future__ import annotations

import json
import os
import subprocess
import sys
import tempfile
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest
from click.testing import CliRunner

from lint_article.cli import main
from lint_article.inputs import MAX_FILE_SIZE_HINT

from .conftest import FIXTURES, finding_lines

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
    alt = "the image's alt text is the placeholder “#image_title”; describe the image"
    assert f"{SEED}:20:32: error placeholder-text {alt}" in lines
    assert lines[-1].startswith("Found ") and "in 1 file." in lines[-1]
    assert result.stderr == ""


def test_output_is_sorted_by_file_then_position(tmp_path: Path) -> None:
    (tmp_path / "b.html").write_text("<body><p>x</p>\n<h1>A</h1><h1>B</h1>")
    (tmp_path / "a.html").write_text("<body><h1>A</h1>\n<h1>B</h1>\n<h1>C</h1>")
    result = run("check", "--select", "single-h1", str(tmp_path))
    located = [line.split(": ")[0] for line in finding_lines(result.stdout)[:-1]]
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
        "flesch_reading_ease", "flesch_kincaid_grade", "paragraph_scores",
    }  # fmt: skip
    extra_h1 = next(f for f in entry["findings"] if f["rule"] == "single-h1")
    assert {k: extra_h1[k] for k in ("rule", "severity", "line", "column", "end_line", "end_column")} == {
        "rule": "single-h1", "severity": "error", "line": 23, "column": 1, "end_line": 23, "end_column": 5,
    }  # fmt: skip
    assert extra_h1["snippet"] == "<h1>"
    assert extra_h1["selector"] == "main > article > div > h1"
    # Each prose paragraph's scores, where it starts; the hardest is the one the readability finding names.
    paragraphs = entry["stats"]["paragraph_scores"]
    assert paragraphs[0] == {"line": 24, "column": 4, "words": 57, "reading_ease": 11.68, "grade": 18.71}
    hardest = min((p for p in paragraphs if p["words"] >= 20), key=lambda p: p["reading_ease"])
    hard_to_read = next(f for f in entry["findings"] if f["message_id"] == "hard-to-read")
    assert f"hardest paragraphs: line {hardest['line']} ({hardest['reading_ease']:.1f})" in hard_to_read["message"]


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
    path.write_text("<body><h1>x</h1>\n<!-- lint-article-disable-next-line single-h1 -->\n<p>y</p>")
    assert "unused-directive" not in run("check", "--select", "single-h1", str(path)).stdout
    flagged = run("check", "--select", "single-h1", "--report-unused-disables", str(path))
    assert f"{path}:2:1: warning unused-directive" in flagged.stdout
    # It is a rule like any other: explained, ignored, selected.
    ignored = run(
        "check", "--select", "single-h1", "--report-unused-disables", "--ignore", "unused-directive", str(path)
    )
    assert ignored.returncode == 0 and "unused-directive" not in ignored.stdout, ignored.stderr
    selected = run("check", "--select", "single-h1,unused-directive", str(path))
    assert f"{path}:2:1: warning unused-directive" in selected.stdout
    explained = run("explain", "unused-directive")
    assert explained.returncode == 0 and "# unused-directive" in explained.stdout


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


def test_explain_leads_with_what_a_writer_needs_and_ends_with_the_configuration() -> None:
    page = CliRunner().invoke(main, ["explain", "readability"]).output
    order = ["## Why", "## How to fix", "## Fails", "## Passes", "## What it checks", "## Options", "## Disabling"]
    assert [page.index(heading) for heading in order] == sorted(page.index(heading) for heading in order)
    first_screen = "\n".join(page.splitlines()[:24])
    assert "Split the longest sentences and prefer short, everyday words" in first_screen
    assert "textstat" not in first_screen and "min_reading_ease" not in first_screen  # no formula, no setting
    assert "- “… is …, below the minimum of …; hardest paragraphs: …”: Split" in page


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
        f"small/a.html: error: file too large: 27 bytes, over the limit of 10 bytes ({MAX_FILE_SIZE_HINT})",
        "large/a.html:2:1: error single-h1 extra <h1>; the first <h1> is on line 1",
    ]


def run_in(folder: Path, *args: str, input: str | None = None) -> subprocess.CompletedProcess[str]:
    """``lint-article check --select single-h1 ARGS`` run in *folder*."""
    command = [sys.executable, "-m", "lint_article", "check", "--select", "single-h1", *args]
    return subprocess.run(command, input=input, capture_output=True, text=True, cwd=folder, check=False)


def test_exclude_applies_to_named_files_with_force_exclude(tmp_path: Path) -> None:
    (tmp_path / ".lint-article.toml").write_text('exclude = ["drafts/*"]\n', encoding="utf-8")
    (tmp_path / "drafts").mkdir()
    (tmp_path / "drafts" / "wip.html").write_text("<body><h1>A</h1>\n<h1>B</h1>", encoding="utf-8")
    (tmp_path / "done.html").write_text("<body><h1>A</h1>\n<h1>B</h1>", encoding="utf-8")
    named = run_in(tmp_path, "drafts/wip.html", "done.html")
    assert named.returncode == 1 and "drafts/wip.html:2:1" in named.stdout  # named files are linted...
    forced = run_in(tmp_path, "--force-exclude", "drafts/wip.html", "done.html")
    assert forced.returncode == 1, forced.stdout + forced.stderr
    assert "drafts/wip.html" not in forced.stdout and "done.html:2:1" in forced.stdout  # ...unless forced
    assert forced.stdout.splitlines()[-1] == "Found 1 finding (1 error) in 1 file."
    only_excluded = run_in(tmp_path, "--force-exclude", "drafts/wip.html")
    assert only_excluded.returncode == 0 and only_excluded.stdout == "No findings in 0 files.\n"
    directory = run_in(tmp_path, "drafts")
    assert directory.returncode == 2
    assert (
        "drafts: error: nothing to lint in this directory: the exclude setting skips every HTML file below it (1)"
        in directory.stdout
    )
    two_titles = "<body><h1>A</h1><h1>B</h1>"
    stdin = run_in(tmp_path, "--force-exclude", "--stdin-filename", "drafts/x.html", "-", input=two_titles)
    assert stdin.returncode == 0 and stdin.stdout == "No findings in 0 files.\n"


def test_a_near_miss_table_is_a_warning_in_check_and_in_config(tmp_path: Path) -> None:
    (tmp_path / "pyproject.toml").write_text('[tool.lint_article]\nignore = ["single-h1"]\n')
    (tmp_path / "a.html").write_text("<body><h1>A</h1>\n<h1>B</h1>")
    warning = f"warning: {tmp_path}/pyproject.toml: [tool.lint_article] is not read; did you mean [tool.lint-article]?"
    result = run_in(tmp_path, "a.html")
    assert result.returncode == 1  # the table is not read: single-h1 still runs
    assert result.stderr.splitlines() == [warning]
    shown = subprocess.run(
        [sys.executable, "-m", "lint_article", "config", "a.html"], capture_output=True, text=True, cwd=tmp_path
    )
    assert shown.stdout.splitlines()[0] == f"# {warning}"
    assert "ignore = []  # default" in shown.stdout.splitlines()


def test_every_configuration_error_of_a_run_at_once_and_without_usage_text(tmp_path: Path) -> None:
    (tmp_path / "pyproject.toml").write_text('[tool.lint-article]\nfail-on = "fatal"\nprofle = "page"\n')
    (tmp_path / "sub").mkdir()
    (tmp_path / "sub" / ".lint-article.toml").write_text("[rules.word-count]\nmn = 1\n")
    (tmp_path / "sub" / "a.html").write_text("<h1>A</h1>")
    (tmp_path / "b.html").write_text("<h1>B</h1>")
    result = run_in(tmp_path, "--language", "xx", "b.html", "sub/a.html")
    assert result.returncode == 2
    assert result.stdout == ""
    assert result.stderr.splitlines() == [
        "error: command line: language: unknown language: 'xx' is no ISO 639-1 language code "
        "(such as 'en', 'fr', 'de' or 'pt-BR')",
        f"error: {tmp_path}/pyproject.toml [tool.lint-article]: unknown key 'profle'; did you mean 'profile'?",
        f"error: {tmp_path}/pyproject.toml [tool.lint-article]: fail-on: unknown severity 'fatal'; "
        "expected error, warning or info",
        f"error: {tmp_path}/sub/.lint-article.toml: rules.word-count: unknown option 'mn' "
        "(known options: max, min, target, tolerance)",
    ]
    usage = run_in(tmp_path, "--jobs", "0", "b.html")  # a usage error keeps click's usage text
    assert usage.returncode == 2 and usage.stderr.startswith("Usage: ")


def test_one_line_html_shows_the_passage_and_the_columns_of_each_occurrence(tmp_path: Path) -> None:
    phrase = "the security situation remains dire"
    body = "".join(f'<p><span style="font-weight:400">Officials said {phrase}.</span></p>' for _ in range(3))
    (tmp_path / "export.html").write_text(body)  # a Google Docs export: one line, pasted formatting
    result = run_in(tmp_path, "--select", "repeated-phrases,no-inline-style", "export.html")
    lines = result.stdout.splitlines()
    assert (
        lines[0]
        == "export.html:1:10: warning no-inline-style <span> has an inline style attribute; use the style sheet"
    )
    assert lines[1:3] == [
        '    style="font-weight:400"',
        "    help: Remove the pasted formatting: delete the style attribute and let the site's style sheet "
        "format the text.",
    ]
    repeated = next(i for i, line in enumerate(lines) if "repeated-phrases" in line)
    assert lines[repeated].endswith(
        f"the phrase “Officials said {phrase}” appears 3 times (line 1, columns 34, 129, 224)"
    )
    assert lines[repeated + 1] == f"    Officials said {phrase}"


def run_with_terminal_on_stderr(folder: Path, *args: str, module: str = "lint_article") -> tuple[str, str, int]:
    """``lint-article ARGS`` (run as *module*) with standard error on a pseudo-terminal,
    as in a writer's shell, and standard output on a pipe: (stdout, what the terminal got, exit code)."""
    import pty

    controller, terminal = pty.openpty()
    command = [sys.executable, "-m", module, *args]
    env = {**os.environ, "PYTHONPATH": str(Path(__file__).resolve().parent.parent)}
    with tempfile.TemporaryFile("w+", encoding="utf-8") as output:  # a pipe could fill while the terminal is read
        process = subprocess.Popen(command, cwd=folder, stdout=output, stderr=terminal, env=env)
        os.close(terminal)
        received = b""
        while True:
            try:
                chunk = os.read(controller, 4096)
            except OSError:  # the child closed the terminal (EIO)
                break
            if not chunk:
                break
            received += chunk
        os.close(controller)
        code = process.wait(timeout=120)
        output.seek(0)
        return output.read(), received.decode(), code


@pytest.mark.slow
@pytest.mark.skipif(sys.platform == "win32", reason="no pseudo-terminals")
def test_a_long_file_shows_progress_on_a_terminal_and_nowhere_else(tmp_path: Path) -> None:
    sentence = "The council met on Monday and agreed to repair the old bridge before winter. "
    # 1 MB, and the test-only slow rule makes it take 2.5 s whatever the machine's speed.
    (tmp_path / "big.html").write_text("<body><h1>Bridge</h1><p>sleep 2.5</p><p>" + sentence * 13_000 + "</p>")
    stdout, terminal, code = run_with_terminal_on_stderr(
        tmp_path, "check", "big.html", "--format", "json", module="tests.slow_rule"
    )
    assert code == 1  # the slow rule's finding
    assert "Linting big.html (1.0 MB), 1 s" in terminal
    assert terminal.endswith("\r\x1b[K")  # erased before the run ends
    assert json.loads(stdout)["summary"]["files"] == 1  # the report itself is untouched
    piped = run_in(tmp_path, "big.html")
    assert "Linting" not in piped.stderr + piped.stdout and "\x1b" not in piped.stderr + piped.stdout


@pytest.mark.skipif(sys.platform == "win32", reason="no pseudo-terminals")
def test_a_batch_shows_how_many_files_are_done_on_a_terminal(tmp_path: Path) -> None:
    for index in range(10):
        (tmp_path / f"{index}.html").write_text("<body><h1>A</h1>")
    stdout, terminal, code = run_with_terminal_on_stderr(tmp_path, "check", "--select", "single-h1", ".")
    assert code == 0 and stdout == "No findings in 10 files.\n"
    assert "Linting 10/10 files" in terminal and terminal.endswith("\r\x1b[K")


def test_a_path_without_a_command_is_checked_and_the_commands_and_help_still_work(tmp_path: Path) -> None:
    (tmp_path / "a.html").write_text("<body><h1>A</h1>\n<h1>B</h1>")
    (tmp_path / "check").mkdir()  # a folder named like a command is still the command
    short = subprocess.run(
        [sys.executable, "-m", "lint_article", "a.html"], capture_output=True, text=True, cwd=tmp_path
    )
    full = run_in(tmp_path, "a.html")
    assert short.returncode == 1
    assert "a.html:2:1: error single-h1 extra <h1>; the first <h1> is on line 1" in finding_lines(short.stdout)
    with_options = subprocess.run(
        [sys.executable, "-m", "lint_article", "--select", "single-h1", "--format", "json", "a.html", "missing.html"],
        capture_output=True, text=True, cwd=tmp_path,
    )  # fmt: skip
    assert [f["path"] for f in json.loads(with_options.stdout)["files"]] == ["a.html", "missing.html"]
    assert full.returncode == 1
    assert "Commands:" in CliRunner().invoke(main, ["--help"]).output
    assert CliRunner().invoke(main, ["rules"]).exit_code == 0
    typo = CliRunner().invoke(main, ["chek", "a.html"])
    assert typo.exit_code == 2 and "No such command 'chek'. Did you mean 'check'?" in typo.output


def test_exit_zero_and_several_reports_from_one_run(tmp_path: Path) -> None:
    (tmp_path / "a.html").write_text("<body><h1>A</h1>\n<h1>B</h1>")
    (tmp_path / "out").mkdir()
    outputs = ["sarif:out/report.sarif", "checkstyle:cs.xml", "json:report.json"]
    result = run_in(tmp_path, "--exit-zero", *[f"--output-format={output}" for output in outputs], "a.html")
    assert result.returncode == 0, result.stderr  # exit-zero: findings do not fail the run...
    assert "a.html:2:1: error single-h1" in result.stdout  # ...and the text still goes to standard output
    assert json.loads((tmp_path / "out" / "report.sarif").read_text())["runs"][0]["results"][0]["ruleId"] == "single-h1"
    assert json.loads((tmp_path / "report.json").read_text())["summary"]["findings"] == 1
    assert ET.fromstring((tmp_path / "cs.xml").read_text()).find("file/error").get("source") == (
        "lint-article.rules.single-h1"
    )
    assert run_in(tmp_path, "--exit-zero", "missing.html").returncode == 2  # a run that went wrong still says so
    unwritable = run_in(tmp_path, "--output-format", "json:nowhere/report.json", "a.html")
    assert unwritable.returncode == 2 and "cannot write nowhere/report.json" in unwritable.stderr
    bad = run_in(tmp_path, "--output-format", "sarf:x.sarif", "a.html")
    assert bad.returncode == 2 and "unknown format 'sarf'; did you mean 'sarif'?" in bad.stderr
    assert "expected FORMAT:FILE" in run_in(tmp_path, "--output-format", "sarif", "a.html").stderr


def test_the_size_limit_has_a_flag(tmp_path: Path) -> None:
    (tmp_path / "a.html").write_text("<body><h1>A</h1>\n<h1>B</h1>" + "<p>word</p>" * 200)
    small = run_in(tmp_path, "--max-file-size", "1k", "a.html")
    assert small.returncode == 2
    assert small.stdout.startswith(
        "a.html: error: file too large: 2,227 bytes, over the limit of 1,024 bytes (raise it"
    )
    assert run_in(tmp_path, "--max-file-size", "3K", "a.html").returncode == 1
    assert run_in(tmp_path, "--max-file-size", "2227", "a.html").returncode == 1
    wrong = run_in(tmp_path, "--max-file-size", "lots", "a.html")
    assert wrong.returncode == 2 and "expected a number of bytes, or one with K, M or G" in wrong.stderr


def test_the_command_flushes_output_longer_than_a_pipe_holds_before_its_quick_exit(tmp_path: Path) -> None:
    # The command leaves by os._exit(), which flushes nothing itself.
    for i in range(40):
        (tmp_path / f"{i:02}.html").write_bytes((FIXTURES / "sahel-article.html").read_bytes())
    result = run("check", "--no-cache", "--format", "json", str(tmp_path))
    assert len(result.stdout) > 65536  # more than a Linux pipe's buffer
    assert result.returncode == 1
    assert [Path(entry["path"]).name for entry in json.loads(result.stdout)["files"]] == [
        f"{i:02}.html" for i in range(40)
    ]


def test_the_command_exits_as_sys_exit_would(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    from lint_article import cli

    statuses: list[int] = []

    def leave(status: int) -> None:
        statuses.append(status)

    def ends(code: object) -> None:
        raise SystemExit(code)

    monkeypatch.setattr(cli.os, "_exit", leave)
    for code, status in ((None, 0), (0, 0), (1, 1), (2, 2), ("a message", 2)):
        monkeypatch.setattr(cli, "main", lambda prog_name, code=code: ends(code))
        cli.run()
        assert statuses.pop() == status
    assert capsys.readouterr().err == "a message\n"
