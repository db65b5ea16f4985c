"""Adding a rule is one file plus its table.

``python -m lint_article.scaffold RULE-ID`` writes a new rule's module, its
table, its entry point and its page; these tests run it in a copy of the
checkout and hold what it writes to every check a built-in rule passes. When
one of the four is forgotten, :func:`missing_pieces` names the file and what to
run, and ``test_every_built_in_rule_is_whole`` reports it.
"""

from __future__ import annotations

import importlib.metadata
import os
import shutil
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path

import pytest

from lint_article.registry import ENTRY_POINT_GROUP
from lint_article.scaffold import Checkout, ScaffoldError, class_name, missing_pieces, module_name, scaffold

from .conftest import ROOT

# What the scaffold and the rule checks read: the package, its metadata and
# settings, the pages, and the tests that judge a rule.
COPIED = (
    "lint_article", "pyproject.toml", "setup.cfg", "rules", "tests/__init__.py", "tests/conftest.py",
    "tests/rule_tables.py", "tests/test_registry.py", "tests/test_docs.py", "tests/test_rule_boundaries.py",
    "tests/rules",
)  # fmt: skip
# An id no real rule will take, so that the copy never has it already.
NEW_RULE, NEW_MODULE = "scaffolded-example", "scaffolded_example"
SUMMARY = "No <blink> in the article."
# The checks a built-in rule is held to, each run on the new rule.
RULE_CHECKS = (
    *(
        f"{test}[{NEW_RULE}]"
        for test in (
            "test_rule_is_well_formed",
            "test_options_are_frozen_keyword_only_and_documented",
            "test_every_message_id_is_produced_by_the_rules_table",
            "test_fixable_is_honest",
            "test_docstring_has_every_section",
            "test_failing_example_fails_and_passing_example_passes",
            "test_committed_page_is_up_to_date",
            "test_the_documented_file_directive_silences_the_failing_example",
        )
    ),
    f"test_the_rule_stays_within_the_document_model[{NEW_MODULE}]",
)


def copy_checkout(target: Path) -> Path:
    for name in COPIED:
        source, copied = ROOT / name, target / name
        copied.parent.mkdir(parents=True, exist_ok=True)
        if source.is_dir():
            shutil.copytree(source, copied, ignore=shutil.ignore_patterns("__pycache__"))
        else:
            shutil.copy2(source, copied)
    return target


def run(checkout: Path, *command: str, path: tuple[Path, ...] = ()) -> subprocess.CompletedProcess[str]:
    """*command* run by this Python in *checkout*, whose own package it imports."""
    env = {**os.environ, "PYTHONPATH": os.pathsep.join(map(str, (*path, checkout))), "NO_COLOR": "1"}
    return subprocess.run(
        [sys.executable, *command], cwd=checkout, env=env, capture_output=True, text=True, check=False
    )


def install_entry_points(checkout: Path) -> Path:
    """A folder holding what ``pip install`` writes for the registry: the
    copy's entry points in a ``.dist-info`` of lint-article. First on the path,
    it is the lint-article that ``importlib.metadata`` finds."""
    info = checkout / "site" / f"lint_article-{importlib.metadata.version('lint-article')}.dist-info"
    info.mkdir(parents=True)
    (info / "METADATA").write_text(
        f"Metadata-Version: 2.1\nName: lint-article\nVersion: {importlib.metadata.version('lint-article')}\n",
        encoding="utf-8",
    )
    points = Checkout(checkout).entry_points()
    lines = [f"[{ENTRY_POINT_GROUP}]", *(f"{rule_id} = {target}" for rule_id, target in points.items())]
    (info / "entry_points.txt").write_text("\n".join(lines) + "\n", encoding="utf-8")
    return info.parent


@pytest.fixture(scope="module")
def scaffolded(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, subprocess.CompletedProcess[str]]:
    checkout = copy_checkout(tmp_path_factory.mktemp("checkout"))
    result = run(checkout, "-m", "lint_article.scaffold", NEW_RULE, "--summary", SUMMARY, "--no-install")
    return checkout, result


def test_every_built_in_rule_is_whole() -> None:
    assert missing_pieces(ROOT) == []


def test_the_installed_entry_points_are_the_declared_ones() -> None:
    distribution = importlib.metadata.distribution("lint-article")
    installed = {(p.name, p.value) for p in distribution.entry_points if p.group == ENTRY_POINT_GROUP}
    declared = set(Checkout(ROOT).entry_points().items())
    assert sorted(installed ^ declared) == [], "pyproject.toml and the installed metadata differ: run pip install -e ."


def test_the_scaffold_writes_the_four_files_and_nothing_else(scaffolded) -> None:
    checkout, result = scaffolded
    assert result.returncode == 0, result.stderr
    written = [f"lint_article/rules/{NEW_MODULE}.py", f"tests/rules/test_{NEW_MODULE}.py", "pyproject.toml"]
    written.append(f"rules/{NEW_RULE}.md")
    assert [line.removeprefix("wrote ") for line in result.stdout.splitlines()[:4]] == written
    # One line more in pyproject.toml, after the last entry point; the rest as it was written.
    lines = (checkout / "pyproject.toml").read_text(encoding="utf-8").splitlines(keepends=True)
    added = lines.index(f'{NEW_RULE} = "lint_article.rules.{NEW_MODULE}:ScaffoldedExample"\n')
    assert lines[:added] + lines[added + 1 :] == (ROOT / "pyproject.toml").read_text("utf-8").splitlines(True)
    assert lines[added - 1].startswith(f"{list(Checkout(ROOT).entry_points())[-1]} = ")
    assert missing_pieces(checkout) == []


def test_the_scaffolded_rule_passes_every_rule_check_through_its_entry_point(scaffolded) -> None:
    checkout, _ = scaffolded
    site = install_entry_points(checkout)
    checks = [f"tests/rules/test_{NEW_MODULE}.py", "tests/test_registry.py", "tests/test_docs.py"]
    checks += ["tests/test_rule_boundaries.py", "-k", f"{NEW_RULE} or {NEW_MODULE}"]
    result = run(checkout, "-m", "pytest", "-v", "-n0", "-p", "no:cacheprovider", *checks, path=(site,))
    assert result.returncode == 0, result.stdout + result.stderr
    passed = {line.split("::")[-1].split(" PASSED")[0] for line in result.stdout.splitlines() if " PASSED" in line}
    assert set(RULE_CHECKS) <= passed, result.stdout
    assert sum(name.startswith(f"test_{NEW_MODULE}[") for name in passed) == 3, "the generated table has 3 cases"


@pytest.mark.parametrize(
    "tool",
    [("ruff", "check"), ("ruff", "format", "--check"), ("mypy",)],
    ids=["ruff-check", "ruff-format", "mypy-strict"],
)
def test_the_scaffolded_files_are_clean(scaffolded, tool: tuple[str, ...]) -> None:
    checkout, _ = scaffolded
    files = [f"lint_article/rules/{NEW_MODULE}.py"] if tool == ("mypy",) else ["lint_article", "tests/rules"]
    result = run(checkout, "-m", *tool, *files)
    assert result.returncode == 0, result.stdout + result.stderr


def remove_line(path: str, starting: str) -> Callable[[Path], None]:
    def forget(checkout: Path) -> None:
        lines = (checkout / path).read_text(encoding="utf-8").splitlines(keepends=True)
        (checkout / path).write_text("".join(line for line in lines if not line.startswith(starting)), "utf-8")

    return forget


def delete(path: str) -> Callable[[Path], None]:
    return lambda checkout: (checkout / path).unlink()


def write(path: str, text: str) -> Callable[[Path], None]:
    return lambda checkout: (checkout / path).write_text(text, encoding="utf-8")


@pytest.mark.parametrize(
    ("forget", "complaint"),
    [
        (
            remove_line("pyproject.toml", "word-count = "),
            'lint_article/rules/word_count.py has no entry point: add word-count = "lint_article.rules.word_count:'
            'WordCount" under [project.entry-points."lint_article.rules"] in pyproject.toml, then run pip install -e .',
        ),
        (
            delete("lint_article/rules/word_count.py"),
            "pyproject.toml: the entry point word-count names lint_article/rules/word_count.py, which does not "
            "exist: restore the module, or remove the entry point",
        ),
        (
            delete("tests/rules/test_word_count.py"),
            "tests/rules/test_word_count.py is missing: write word-count's table there, CASES = [ok(...), bad(...)] "
            "(python -m lint_article.scaffold writes one with each new rule)",
        ),
        (
            write("tests/rules/test_word_count.py", "TABLE = []\n"),
            "tests/rules/test_word_count.py has no CASES table: the registry tests run word-count's CASES",
        ),
        (delete("rules/word-count.md"), "rules/word-count.md is missing: run python -m lint_article.docs rules"),
        (
            write("lint_article/rules/helpers.py", "SHARED = 1\n"),
            "lint_article/rules/helpers.py declares no rule (a class with an id): lint_article/rules/ holds rules only",
        ),
    ],
    ids=["entry-point", "module", "table", "cases", "page", "not-a-rule"],
)
def test_a_forgotten_step_is_named_with_its_file_and_its_remedy(
    tmp_path: Path, forget: Callable[[Path], None], complaint: str
) -> None:
    checkout = copy_checkout(tmp_path)
    forget(checkout)
    assert missing_pieces(checkout) == [complaint]


@pytest.mark.parametrize(
    ("rule_id", "summary", "complaint"),
    [
        ("word-count", SUMMARY, "pyproject.toml already declares a rule word-count"),
        ("No_Blink", SUMMARY, "'No_Blink' is not a rule id"),
        ("import", SUMMARY, "'import' would make a module named after a Python keyword"),
        (NEW_RULE, "No blink", "the summary is one sentence ending with a period"),
        (NEW_RULE, 'No "blink".', "the summary has no straight quotes"),
    ],
)
def test_the_scaffold_refuses_before_writing_anything(tmp_path: Path, rule_id: str, summary: str, complaint: str):
    checkout = copy_checkout(tmp_path)
    before = {path: path.read_bytes() for path in checkout.rglob("*") if path.is_file()}
    with pytest.raises(ScaffoldError, match=complaint):
        scaffold(rule_id, checkout, summary)
    assert {path: path.read_bytes() for path in checkout.rglob("*") if path.is_file()} == before


def test_a_rule_id_names_its_module_and_class_as_the_built_in_rules_are_named() -> None:
    declared = Checkout(ROOT).entry_points()
    assert declared == {
        rule_id: f"lint_article.rules.{module_name(rule_id)}:{class_name(rule_id)}" for rule_id in declared
    }
    assert (module_name("single-h1"), class_name("single-h1")) == ("single_h1", "SingleH1")
