"""Third-party rules, through a real plugin package installed with pip.

``tests/plugin_package`` is a plugin as a third party writes one; pip installs
it (and ``tests/plugin_package/broken``, whose entry point fails to import) into
folders of their own, and every test runs lint-article in a subprocess with
those folders on ``PYTHONPATH``. ``importlib.metadata`` finds them there as it
finds any installed distribution. Nothing is installed into the test's own
environment, so the other tests see only the built-in rules.
"""

from __future__ import annotations

import importlib.metadata
import importlib.util
import json
import os
import shutil
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest

from .conftest import ROOT

PLUGIN_SOURCE = ROOT / "tests" / "plugin_package"
PLUGIN = "lint-article-example-plugin"
BROKEN = "lint-article-broken-plugin"

ARTICLE = textwrap.dedent(
    """\
    <html lang="en"><body><h1>Budget day</h1>
    <p>The minister will utilize the surplus.</p>
    <p style="color: red">Going forward, taxes fall.</p>
    </body></html>
    """
)


def pip_install(source: Path, target: Path) -> None:
    """``pip install --target``: a real installation, with its ``.dist-info``, in a folder of its own."""
    build = target.parent / f"{target.name}-source"
    shutil.copytree(source, build, ignore=shutil.ignore_patterns("broken", "build", "*.egg-info", "__pycache__"))
    command = [sys.executable, "-m", "pip", "install", "--quiet", "--no-deps", "--target", str(target), str(build)]
    if can_build_offline():
        command.insert(-1, "--no-build-isolation")
    subprocess.run(command, check=True, capture_output=True, text=True)


def can_build_offline() -> bool:
    """Whether this environment can build a wheel itself (setuptools 70.1 and later
    can; older ones need ``wheel``); if not, pip fetches setuptools from PyPI."""
    try:
        version = tuple(int(part) for part in importlib.metadata.version("setuptools").split(".")[:2])
    except (importlib.metadata.PackageNotFoundError, ValueError):
        return False
    return version >= (70, 1) or importlib.util.find_spec("wheel") is not None


@pytest.fixture(scope="module")
def plugin_dir(tmp_path_factory: pytest.TempPathFactory) -> Path:
    target = tmp_path_factory.mktemp("plugins") / "site"
    pip_install(PLUGIN_SOURCE, target)
    assert list(target.glob("lint_article_example_plugin-*.dist-info"))
    return target


@pytest.fixture(scope="module")
def broken_dir(tmp_path_factory: pytest.TempPathFactory) -> Path:
    target = tmp_path_factory.mktemp("broken") / "site"
    pip_install(PLUGIN_SOURCE / "broken", target)
    return target


def run(*args: str, path: list[Path], code: str | None = None) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "PYTHONPATH": os.pathsep.join(str(p) for p in path), "NO_COLOR": "1"}
    command = [sys.executable, "-c", code] if code is not None else [sys.executable, "-m", "lint_article", *args]
    return subprocess.run(command, capture_output=True, text=True, env=env, check=False)


@pytest.fixture
def article(tmp_path: Path) -> Path:
    path = tmp_path / "budget.html"
    path.write_text(ARTICLE, encoding="utf-8")
    return path


def test_rules_lists_the_plugin_rules_with_their_origin(plugin_dir: Path) -> None:
    result = run("rules", path=[plugin_dir])
    assert result.returncode == 0, result.stderr
    lines = {line.split()[0]: line for line in result.stdout.splitlines()}
    assert lines["example-house-style"].endswith(f"[{PLUGIN}]")
    assert "Words that the house style forbids do not appear." in lines["example-house-style"]
    assert lines["example-crash"].endswith(f"[{PLUGIN}]")
    assert lines["single-h1"].endswith("An article has exactly one <h1>.")  # built-ins carry no origin


def test_the_plugin_rule_runs_by_default_beside_the_built_in_rules(plugin_dir: Path, article: Path) -> None:
    result = run("check", str(article), path=[plugin_dir])
    assert result.returncode == 1, result.stdout + result.stderr
    assert f"{article}:2:22: error example-house-style “utilize” is not house style" in result.stdout
    assert f"{article}:3:23: error example-house-style “Going forward” is not house style" in result.stdout
    assert f"{article}:3:4: warning no-inline-style" in result.stdout
    assert result.stderr == ""


def test_without_the_plugin_its_rule_is_unknown(article: Path) -> None:
    result = run("check", "--select", "example-house-style", str(article), path=[])
    assert result.returncode == 2
    assert "unknown rule 'example-house-style'" in result.stderr


def test_the_plugin_rule_can_be_selected_and_ignored(plugin_dir: Path, article: Path) -> None:
    selected = run("check", "--select", "example-house-style", str(article), path=[plugin_dir])
    rules = {line.split()[2] for line in selected.stdout.splitlines()[:-1]}
    assert rules == {"example-house-style"}
    ignored = run("check", "--ignore", "example-house-style", str(article), path=[plugin_dir])
    assert "example-house-style" not in ignored.stdout
    assert "no-inline-style" in ignored.stdout


def test_the_plugin_rule_is_configurable(plugin_dir: Path) -> None:
    code = textwrap.dedent(
        """\
        import json
        from lint_article import ConfigError, lint
        html = "<h1>T</h1><p>We leverage synergies, and utilize them.</p>"
        config = {"select": ["example-house-style"],
                  "rules": {"example-house-style": {"forbidden": ["leverage"], "severity": "warning"}}}
        report = lint(html, config=config)
        print(json.dumps([[f.message, str(f.severity)] for f in report.findings]))
        try:
            lint(html, config={"rules": {"example-house-style": {"forbidden": 3}}})
        except ConfigError as exc:
            print(exc)
        """
    )
    result = run(path=[plugin_dir], code=code)
    assert result.returncode == 0, result.stderr
    found, error = result.stdout.splitlines()
    assert json.loads(found) == [["“leverage” is not house style", "warning"]]
    assert "rules.example-house-style" in error and "'forbidden'" in error


def test_the_plugin_rule_is_configured_from_a_configuration_file(plugin_dir: Path, tmp_path: Path) -> None:
    (tmp_path / "pyproject.toml").write_text(
        '[tool.lint-article]\nselect = ["example-house-style"]\n'
        '[tool.lint-article.rules.example-house-style]\nforbidden = ["minister"]\nseverity = "info"\n',
        encoding="utf-8",
    )
    (tmp_path / "budget.html").write_text(ARTICLE, encoding="utf-8")
    env = {**os.environ, "PYTHONPATH": str(plugin_dir), "NO_COLOR": "1"}
    result = subprocess.run(
        [sys.executable, "-m", "lint_article", "check", "budget.html"],
        capture_output=True,
        text=True,
        env=env,
        cwd=tmp_path,
        check=False,
    )
    assert result.returncode == 0, result.stderr
    assert result.stdout.splitlines()[0] == "budget.html:2:8: info example-house-style “minister” is not house style"


def test_the_plugin_is_well_formed_and_its_documented_examples_hold(plugin_dir: Path) -> None:
    code = textwrap.dedent(
        """\
        from lint_article import load_registry
        from lint_article.docs import missing_sections
        from lint_article.registry import rule_problems
        from lint_article.testing import check_documented_examples
        registry = load_registry()
        assert registry.errors == (), registry.errors
        for rule_id in ("example-house-style", "example-crash"):
            entry = registry.rules[rule_id]
            assert entry.origin == "lint-article-example-plugin", entry.origin
            assert rule_problems(entry.rule) == [] and missing_sections(entry.rule) == []
            check_documented_examples(entry.rule)
        print("ok")
        """
    )
    result = run(path=[plugin_dir], code=code)
    assert result.stdout == "ok\n", result.stderr


def test_a_rule_that_raises_is_reported_with_plugin_rule_and_file(plugin_dir: Path, tmp_path: Path) -> None:
    crashing = tmp_path / "crash.html"
    crashing.write_text('<body><h1>A</h1>\n<h1 data-crash="">B</h1>', encoding="utf-8")
    result = run("check", "--extend-select", "example-crash", str(crashing), path=[plugin_dir])
    assert result.returncode == 2
    # The other rules ran on the same file.
    assert f"{crashing}:2:1: error single-h1 extra <h1>" in result.stdout
    crash_line = next(line for line in result.stdout.splitlines() if "crashed" in line)
    assert crash_line.startswith(f"{crashing}:1:1: error example-crash rule 'example-crash' crashed: RuntimeError")
    assert f"error: {crashing}: rule 'example-crash' crashed: RuntimeError" in result.stderr
    assert f"(rule 'example-crash' of '{PLUGIN}')" in result.stderr


@pytest.mark.parametrize(("crash", "what"), [("exit", "SystemExit: 0"), ("none", "it yielded None, not a Finding")])
def test_a_rule_that_exits_or_yields_no_finding_is_reported_like_a_crash(
    plugin_dir: Path, tmp_path: Path, crash: str, what: str
) -> None:
    crashing = tmp_path / "crash.html"
    crashing.write_text(f'<body><h1>A</h1>\n<h1 data-crash="{crash}">B</h1>', encoding="utf-8")
    result = run("check", "--extend-select", "example-crash", str(crashing), path=[plugin_dir])
    assert result.returncode == 2, result.stdout + result.stderr
    assert "Traceback" not in result.stderr
    assert f"{crashing}:2:1: error single-h1 extra <h1>" in result.stdout  # the other rules ran
    assert f"error example-crash rule 'example-crash' crashed: {what}" in result.stdout
    assert f"error: {crashing}: rule 'example-crash' crashed: {what}" in result.stderr
    assert f"(rule 'example-crash' of '{PLUGIN}')" in result.stderr


def test_a_crash_is_a_run_fault_in_json_too(plugin_dir: Path, tmp_path: Path) -> None:
    crashing = tmp_path / "crash.html"
    crashing.write_text('<h1 data-crash="">B</h1>', encoding="utf-8")
    result = run("check", "--format", "json", "--extend-select", "example-crash", str(crashing), path=[plugin_dir])
    assert result.returncode == 2
    findings = json.loads(result.stdout)["files"][0]["findings"]
    assert [f["message_id"] for f in findings if f["rule"] == "example-crash"] == ["internal-error"]
    assert PLUGIN in result.stderr


def test_a_plugin_that_fails_to_import_is_reported_and_the_other_rules_run(
    plugin_dir: Path, broken_dir: Path, article: Path
) -> None:
    listing = run("rules", path=[plugin_dir, broken_dir])
    assert listing.returncode == 2
    assert "example-house-style" in listing.stdout and "single-h1" in listing.stdout
    assert f"plugin '{BROKEN}' (entry point 'never-loads'): failed to load: ModuleNotFoundError" in listing.stderr

    result = run("check", str(article), path=[plugin_dir, broken_dir])
    assert result.returncode == 2
    assert f"plugin '{BROKEN}' (entry point 'never-loads'): failed to load" in result.stderr
    assert "example-house-style" in result.stdout and "no-inline-style" in result.stdout


def test_a_plugin_that_exits_while_importing_is_reported_and_the_other_rules_run(
    plugin_dir: Path, broken_dir: Path, article: Path
) -> None:
    result = run("check", str(article), path=[plugin_dir, broken_dir])
    assert result.returncode == 2
    assert f"plugin '{BROKEN}' (entry point 'exits-on-import'): failed to load: SystemExit: 0" in result.stderr
    assert "example-house-style" in result.stdout and "no-inline-style" in result.stdout


def test_plugin_rules_run_in_parallel_workers(plugin_dir: Path, tmp_path: Path) -> None:
    for number in range(6):
        (tmp_path / f"a{number}.html").write_text(ARTICLE, encoding="utf-8")
    result = run("check", "--jobs", "2", "--select", "example-house-style", "--format", "json", str(tmp_path),
                 path=[plugin_dir])  # fmt: skip
    files = json.loads(result.stdout)["files"]
    assert [Path(f["path"]).name for f in files] == [f"a{n}.html" for n in range(6)]
    assert all(len(f["findings"]) == 2 for f in files)
