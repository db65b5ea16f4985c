"""The CI set-ups the README gives (examples/ci/): valid for their platform, consistent,
and their lint command works.

Each file is validated against its platform's JSON schema as check-jsonschema
vendors it (SchemaStore's github-workflow and GitLab's own ci.json: no network);
then the report the lint step writes must be the one the upload step reads, and
the lint step's command is run as written on the fixtures, its reports checked
against the SARIF schema and GitLab's Code Quality fields. The README shows
each file verbatim.
"""

from __future__ import annotations

import json
import shlex
import shutil
import subprocess
import sys
from pathlib import Path
from typing import Any

import jsonschema
import pytest
import yaml

from .conftest import FIXTURES, ROOT

EXAMPLES = ROOT / "examples" / "ci"
GITHUB = EXAMPLES / "github-actions.yml"
GITLAB = EXAMPLES / "gitlab-ci.yml"
SCHEMAS = {GITHUB: "vendor.github-workflows", GITLAB: "vendor.gitlab-ci"}
SARIF_SCHEMA = ROOT.parent / "shared" / "schemas" / "sarif-schema-2.1.0.json"


def schema_check(path: Path) -> subprocess.CompletedProcess[str]:
    command = [
        sys.executable,
        "-m",
        "check_jsonschema",
        "--builtin-schema",
        SCHEMAS.get(path, SCHEMAS[GITHUB]),
        str(path),
    ]
    return subprocess.run(command, capture_output=True, text=True, check=False)


@pytest.mark.parametrize("path", [GITHUB, GITLAB], ids=lambda path: path.name)
def test_each_example_is_valid_for_its_platform(path: Path) -> None:
    result = schema_check(path)
    assert result.returncode == 0, result.stdout + result.stderr


def test_the_schema_check_catches_a_broken_workflow(tmp_path: Path) -> None:
    broken = tmp_path / "broken.yml"
    workflow = yaml.safe_load(GITHUB.read_text())
    del workflow["jobs"]["lint-article"]["runs-on"]
    broken.write_text(yaml.safe_dump(workflow))
    assert schema_check(broken).returncode != 0


def output_files(command: str) -> dict[str, str]:
    """FORMAT -> FILE of each ``--output-format FORMAT:FILE`` in *command*."""
    words = shlex.split(command)
    pairs = [words[i + 1].split(":", 1) for i, word in enumerate(words) if word == "--output-format"]
    return dict(pairs)


def github_steps() -> list[dict[str, Any]]:
    workflow = yaml.safe_load(GITHUB.read_text())
    return list(workflow["jobs"]["lint-article"]["steps"])


def lint_command(commands: list[str]) -> str:
    (command,) = [c for c in commands if c.startswith("lint-article check")]
    return command


def test_the_github_workflow_uploads_the_report_its_lint_step_writes() -> None:
    workflow = yaml.safe_load(GITHUB.read_text())
    assert workflow["permissions"]["security-events"] == "write"
    steps = github_steps()
    command = lint_command([step.get("run", "") for step in steps])
    (upload,) = [step for step in steps if step.get("uses", "").startswith("github/codeql-action/upload-sarif@")]
    assert upload["with"]["sarif_file"] == output_files(command)["sarif"]
    assert "cancelled()" in upload["if"]  # findings make the lint step fail: upload them all the same
    assert any("pip install" in step.get("run", "") and "lint-article" in step["run"] for step in steps)


def test_the_gitlab_job_keeps_the_reports_its_script_writes() -> None:
    job = yaml.safe_load(GITLAB.read_text())["lint-article"]
    command = lint_command(job["script"])
    assert job["artifacts"]["when"] == "always"
    files = output_files(command)
    assert job["artifacts"]["reports"] == {"codequality": files["gitlab"], "junit": files["junit"]}
    assert any("pip install" in line and "lint-article" in line for line in job["before_script"])


@pytest.mark.parametrize("path", [GITHUB, GITLAB], ids=lambda path: path.name)
def test_the_lint_command_runs_as_written(path: Path, tmp_path: Path) -> None:
    commands = (
        [step.get("run", "") for step in github_steps()]
        if path == GITHUB
        else yaml.safe_load(path.read_text())["lint-article"]["script"]
    )
    words = shlex.split(lint_command(commands))
    shutil.copytree(FIXTURES, tmp_path / "articles", ignore=shutil.ignore_patterns("regressions", "generation"))
    result = subprocess.run(
        [sys.executable, "-m", "lint_article", *words[1:]], capture_output=True, text=True, cwd=tmp_path, check=False
    )
    assert result.returncode == 1, result.stdout + result.stderr  # the fixtures have errors
    files = output_files(lint_command(commands))
    if "sarif" in files:
        sarif = json.loads((tmp_path / files["sarif"]).read_text())
        jsonschema.validate(sarif, json.loads(SARIF_SCHEMA.read_text()))
        assert sarif["runs"][0]["results"]
    if "gitlab" in files:
        issues = json.loads((tmp_path / files["gitlab"]).read_text())
        assert issues and all(
            {"description", "check_name", "fingerprint", "severity", "location"} <= set(i) for i in issues
        )
    if "junit" in files:
        assert (tmp_path / files["junit"]).read_text().startswith("<?xml")


def test_the_readme_shows_each_example_as_it_is() -> None:
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    for path in (GITHUB, GITLAB):
        assert f"```yaml\n{path.read_text(encoding='utf-8')}```" in readme, path.name
