"""The README's Python examples type-check under ``mypy --strict`` and run.

A CMS developer copies them first; an example that fails the project's own
type-checker, or raises, would teach the wrong thing. Each ```python block is
written to a module of its own, checked with mypy (errors in lint-article's own
modules are CI's other job, so imports are followed silently) and run with the
working directory in a temporary folder.
"""

from __future__ import annotations

import json
import os
import re
import shlex
import subprocess
import sys
from pathlib import Path

import pytest
from click.testing import CliRunner

from lint_article import load_registry, make_linter
from lint_article.cli import main

from .conftest import ROOT

BLOCK = re.compile(r"^```python\n(.*?)^```$", re.DOTALL | re.MULTILINE)


def examples() -> list[str]:
    return BLOCK.findall((ROOT / "README.md").read_text(encoding="utf-8"))


def write_examples(folder: Path) -> list[Path]:
    paths = []
    for number, code in enumerate(examples(), start=1):
        # The plugin's module under the name the README installs it as, so that its test example imports it.
        name = "lint_article_house_style" if "class HouseStyle(Rule)" in code else f"readme_example_{number}"
        path = folder / f"{name}.py"
        path.write_text(code, encoding="utf-8")
        paths.append(path)
    return paths


def test_the_readme_has_the_library_plugin_and_batch_examples() -> None:
    found = examples()
    assert len(found) >= 3
    assert any("class HouseStyle(Rule)" in code for code in found)
    assert any("report.stats.words" in code for code in found)
    assert any("lint_many(" in code for code in found)


@pytest.mark.slow
def test_the_readme_examples_pass_mypy_strict(tmp_path: Path) -> None:
    paths = write_examples(tmp_path)
    command = [
        sys.executable, "-m", "mypy", "--strict", "--config-file", "", "--follow-imports", "silent",
        "--cache-dir", str(tmp_path / ".mypy_cache"), *map(str, paths),
    ]  # fmt: skip
    # The checkout is installed in editable mode, through an import hook that mypy does
    # not follow: point it at the package, as an installed copy would be found.
    env = {**os.environ, "MYPYPATH": str(ROOT)}
    result = subprocess.run(command, capture_output=True, text=True, cwd=tmp_path, env=env, check=False)
    assert result.returncode == 0, result.stdout + result.stderr


def test_the_readme_examples_run(tmp_path: Path) -> None:
    for path in write_examples(tmp_path):
        result = subprocess.run([sys.executable, str(path)], capture_output=True, text=True, cwd=tmp_path, check=False)
        assert result.returncode == 0, f"{path.name}:\n{result.stdout}{result.stderr}"


# A sample of the command line is a fenced block whose first line is ``$ lint-article ...``;
# a last line of ``...`` shows only the start of the output.
SAMPLE = re.compile(r"^```\n\$ (lint-article [^\n]*)\n(.*?)^```$", re.DOTALL | re.MULTILINE)


def readme() -> str:
    return (ROOT / "README.md").read_text(encoding="utf-8")


def section(heading: str, next_heading: str) -> str:
    text = readme()
    start = text.index(heading)
    return text[start : text.index(next_heading, start)]


def test_the_readme_command_samples_print_what_the_linter_prints(tmp_path: Path) -> None:
    samples = SAMPLE.findall(readme())
    assert len(samples) >= 2
    env = {**os.environ, "NO_COLOR": "1", "LINT_ARTICLE_CACHE_DIR": str(tmp_path / "cache")}
    for command, shown in samples:
        result = subprocess.run(
            [sys.executable, "-m", "lint_article", *shlex.split(command)[1:]],
            capture_output=True, text=True, cwd=ROOT, env=env, check=False,
        )  # fmt: skip
        expected = shown.splitlines()
        printed = result.stdout.splitlines()
        if expected[-1] == "...":
            expected.pop()
            printed = printed[: len(expected)]
        assert printed == expected, f"$ {command}\n{result.stdout}{result.stderr}"


def test_the_readme_rules_table_lists_every_built_in_rule_with_its_default() -> None:
    rows = re.findall(r"^\| \[`([a-z0-9-]+)`\]\(rules/\1\.md\) \| ([a-z, ]+) \|", section("## Rules", "### "), re.M)
    listed = dict(rows)
    registered = load_registry().rules.items()
    built_in = {rule_id: entry.rule for rule_id, entry in registered if entry.origin == "lint-article"}
    assert sorted(listed) == sorted(built_in)
    for rule_id, rule in built_in.items():
        default = rule.severity.name.lower() + ("" if rule.default_enabled else ", off")
        assert listed[rule_id] == default, rule_id


def test_the_readme_options_table_has_every_option_of_check() -> None:
    help_text = CliRunner().invoke(main, ["check", "--help"], terminal_width=200).output
    options = set(re.findall(r"^\s+(?:-\w, )?(--[a-z][a-z-]*)", help_text, re.M)) - {"--help"}
    assert len(options) > 20
    table = section("Options of `check`", "### JSON")
    commands = section("## Command line", "Options of `check`")
    missing = {option for option in options if not re.search(rf"{option}(?![a-z-])", table + commands)}
    assert not missing, f"options of check that the README does not list: {sorted(missing)}"


def fenced(language: str) -> list[str]:
    return re.findall(rf"^```{language}\n(.*?)^```$", readme(), re.DOTALL | re.MULTILINE)


def test_the_readme_configuration_example_is_read_without_a_complaint(tmp_path: Path) -> None:
    (example,) = [block for block in fenced("toml") if "[tool.lint-article]" in block]
    (tmp_path / "pyproject.toml").write_text(example, encoding="utf-8")
    result = subprocess.run(
        [sys.executable, "-m", "lint_article", "config"], capture_output=True, text=True, cwd=tmp_path, check=False
    )
    assert result.returncode == 0 and result.stderr == "", result.stderr
    assert 'profile = "fragment"' in result.stdout and "min = 600" in result.stdout


def test_the_readme_silencing_example_holds_only_valid_directives() -> None:
    (example,) = fenced("html")
    assert example.count("lint-article-disable") >= 4
    report = make_linter({"select": ["invalid-directive"]}).lint("<h2>Notes</h2>\n" + example)
    assert report.error is None and report.findings == ()


def test_the_readme_json_sample_is_what_the_command_it_names_prints(tmp_path: Path) -> None:
    (sample,) = fenced("json")
    intro = section("### JSON", "```json")
    command = re.search(r"`(lint-article check --format json [^`]*)`", " ".join(intro.split()))
    assert command is not None
    env = {**os.environ, "LINT_ARTICLE_CACHE_DIR": str(tmp_path / "cache")}
    result = subprocess.run(
        [sys.executable, "-m", "lint_article", *shlex.split(command.group(1))[1:]],
        capture_output=True, text=True, cwd=ROOT, env=env, check=False,
    )  # fmt: skip
    printed, shown = json.loads(result.stdout), json.loads(sample)
    # The figures about the text move with every change to how words and sentences are
    # counted; their names are the contract, so only those are held to the sample.
    assert printed["files"][0].pop("stats").keys() == shown["files"][0].pop("stats").keys()
    assert printed == shown


def test_the_readme_lists_every_command() -> None:
    help_text = CliRunner().invoke(main, ["--help"], terminal_width=200).output
    commands = re.findall(r"^  ([a-z]+)  ", help_text[help_text.index("Commands:") :], re.M)
    assert "check" in commands and len(commands) >= 8
    listed = section("## Command line", "Options of `check`")
    assert [name for name in commands if f"lint-article {name}" not in listed] == []
