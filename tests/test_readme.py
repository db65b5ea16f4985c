"""The README's Python examples type-check under ``mypy --strict`` and run.

A CMS developer copies them first; an example that fails the project's own
type-checker, or raises, would teach the wrong thing. Each ```python block is
written to a module of its own, checked with mypy (errors in lint-article's own
modules are CI's other job, so imports are followed silently) and run with the
working directory in a temporary folder.
"""

from __future__ import annotations

import os
import re
import subprocess
import sys
from pathlib import Path

import pytest

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
