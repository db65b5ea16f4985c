"""The pre-commit hook, run by the real pre-commit on a throwaway repository.

The hook definition under test is this checkout's ``.pre-commit-hooks.yaml``,
set up exactly as the README says: its ``.pre-commit-config.yaml`` snippet, then
``pre-commit autoupdate --bleeding-edge`` to pin a commit, then ``pre-commit
install``. pre-commit clones repositories with git, so the test first copies
the working tree (tracked and untracked files, as ``git ls-files`` lists them,
so uncommitted work is tested too) into a fresh repository and commits it
there, and the snippet's URL is replaced by that repository's path. pre-commit
then builds the hook's environment by installing that commit with pip (from
PyPI: the only network this test uses), in a cache kept in a temporary
``PRE_COMMIT_HOME``.
"""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from .conftest import FIXTURES, ROOT

pytestmark = pytest.mark.slow

GOOD = """\
<!DOCTYPE html>
<html lang="en">
<head><meta charset="utf-8"><title>Rain returns to the valley</title></head>
<body><main><article>
<h1>Rain returns to the valley</h1>
<p>After three dry summers, the first autumn storms filled the reservoir above the town within a week.
Farmers who had sold part of their herds now wonder whether to buy animals back before winter.</p>
<h2>What the water board says</h2>
<p>The board expects the reservoir to stay above half its capacity until spring.</p>
</article></main></body>
</html>
"""


def git(*args: str, cwd: Path) -> str:
    env = {
        **os.environ,
        "GIT_AUTHOR_NAME": "test",
        "GIT_AUTHOR_EMAIL": "test@example.org",
        "GIT_COMMITTER_NAME": "test",
        "GIT_COMMITTER_EMAIL": "test@example.org",
    }
    result = subprocess.run(["git", *args], cwd=cwd, env=env, capture_output=True, text=True, check=True)
    return result.stdout


def snapshot_of_this_checkout(target: Path) -> str:
    """Copy the working tree into a fresh repository at *target*, commit it, return the commit."""
    listed = git("ls-files", "-z", "--cached", "--others", "--exclude-standard", cwd=ROOT).split("\0")
    for name in filter(None, listed):
        source = ROOT / name
        if source.is_file():  # a tracked file deleted in the working tree is left out
            (target / name).parent.mkdir(parents=True, exist_ok=True)
            shutil.copy2(source, target / name)
    git("init", "--quiet", cwd=target)
    git("add", "--all", cwd=target)
    git("commit", "--quiet", "--no-verify", "-m", "snapshot", cwd=target)
    return git("rev-parse", "HEAD", cwd=target).strip()


README_URL = "https://github.com/lint-article/lint-article"


def readme_block(after: str, language: str) -> str:
    """The first ``language`` code block of the README after the line *after*."""
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    section = readme[readme.index(after) :]
    match = re.search(rf"```{language}\n(.*?)```", section, re.DOTALL)
    assert match is not None, f"no {language} block after {after!r}"
    return match.group(1)


@pytest.fixture(scope="module")
def site(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, dict[str, str]]:
    """A writers' repository with the hook set up as the README says."""
    if shutil.which("git") is None:
        pytest.skip("git is not installed")
    base = tmp_path_factory.mktemp("precommit")
    checkout, repo = base / "lint-article", base / "site"
    checkout.mkdir()
    repo.mkdir()
    sha = snapshot_of_this_checkout(checkout)
    git("init", "--quiet", cwd=repo)
    snippet = readme_block("## pre-commit", "yaml")
    (repo / ".pre-commit-config.yaml").write_text(snippet.replace(README_URL, str(checkout)), encoding="utf-8")
    (repo / "pyproject.toml").write_text('[tool.lint-article]\nexclude = ["drafts/*"]\n', encoding="utf-8")
    env = {**os.environ, "PRE_COMMIT_HOME": str(base / "cache"), "NO_COLOR": "1"}
    env.pop("PYTHONPATH", None)
    steps = readme_block("lint-article has no release tags yet", "sh").strip().splitlines()
    for step in [*steps, "pre-commit install"]:
        command = step.replace(README_URL, str(checkout)).split()
        assert command[0] == "pre-commit", step
        subprocess.run(
            [sys.executable, "-m", "pre_commit", *command[1:]], cwd=repo, env=env, check=True, capture_output=True
        )
    pinned = (repo / ".pre-commit-config.yaml").read_text(encoding="utf-8")
    assert f"rev: {sha}" in pinned, pinned  # autoupdate pinned the newest commit
    git("add", ".pre-commit-config.yaml", "pyproject.toml", cwd=repo)
    git("commit", "--quiet", "--no-verify", "-m", "pre-commit", cwd=repo)
    return repo, env


def stage(repo: Path, name: str, source: Path) -> Path:
    """Copy *source* to *name* in *repo* and stage it, as a writer would."""
    path = repo / name
    path.parent.mkdir(parents=True, exist_ok=True)
    shutil.copy(source, path)
    git("add", name, cwd=repo)
    return path


def commit(repo: Path, env: dict[str, str], message: str) -> subprocess.CompletedProcess[str]:
    env = {**env, "GIT_AUTHOR_NAME": "w", "GIT_AUTHOR_EMAIL": "w@example.org"}
    env |= {"GIT_COMMITTER_NAME": "w", "GIT_COMMITTER_EMAIL": "w@example.org"}
    return subprocess.run(["git", "commit", "-m", message], cwd=repo, env=env, capture_output=True, text=True)


def test_a_bad_article_fails_the_commit_with_its_findings_and_a_good_one_passes(
    site: tuple[Path, dict[str, str]],
) -> None:
    repo, env = site
    article = stage(repo, "news/sahel.html", FIXTURES / "sahel-article.html")

    refused = commit(repo, env, "A bad article")
    output = refused.stdout + refused.stderr
    assert refused.returncode != 0, output
    assert "lint-article" in output and "Failed" in output
    assert "news/sahel.html:23:1: error single-h1 extra <h1>; the first <h1> is on line 15" in output
    assert git("log", "--format=%s", cwd=repo).splitlines() == ["pre-commit"]

    article.write_text(GOOD, encoding="utf-8")
    git("add", "news/sahel.html", cwd=repo)
    accepted = commit(repo, env, "A good article")
    assert accepted.returncode == 0, accepted.stdout + accepted.stderr
    assert "lint-article" in accepted.stdout + accepted.stderr and "Passed" in accepted.stdout + accepted.stderr
    assert git("log", "--format=%s", cwd=repo).splitlines() == ["A good article", "pre-commit"]


def test_files_that_are_not_html_are_not_linted(site: tuple[Path, dict[str, str]]) -> None:
    repo, env = site
    (repo / "notes.txt").write_text("<h1>a</h1><h1>b</h1>", encoding="utf-8")
    git("add", "notes.txt", cwd=repo)
    result = commit(repo, env, "Notes")
    assert result.returncode == 0, result.stdout + result.stderr
    assert "(no files to check)Skipped" in result.stdout + result.stderr


def test_exclude_holds_for_the_files_pre_commit_names(site: tuple[Path, dict[str, str]]) -> None:
    repo, env = site
    stage(repo, "drafts/wip.html", FIXTURES / "sahel-article.html")
    result = commit(repo, env, "A draft")
    assert result.returncode == 0, result.stdout + result.stderr  # excluded, though pre-commit names it
    assert "lint-article" in result.stdout + result.stderr
