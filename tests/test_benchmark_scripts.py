"""Every benchmark script still imports against today's package.

The figures in the README and the issues' notes come from ``benchmarks/``, which
no other test runs whole (most need minutes, or data outside ``../shared``). A
script that imports a name the package no longer has fails here, not on the day
someone next measures with it (``input_checks.py`` imported
``suppression.invalid_directives`` for months after it was gone).
"""

from __future__ import annotations

from pathlib import Path

import pytest

from .conftest import ROOT, script_module

SCRIPTS = sorted((ROOT / "benchmarks").glob("*.py"))


@pytest.mark.parametrize("script", SCRIPTS, ids=lambda path: path.name)
def test_a_benchmark_script_imports(script: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    # The scripts import their neighbours (corpus.py) as a script run from the folder does.
    monkeypatch.syspath_prepend(str(ROOT / "benchmarks"))
    module = script_module(f"benchmarks/{script.name}")
    assert module.__doc__, f"{script.name} says what it measures in its docstring"


def test_the_scripts_are_found() -> None:
    assert {"speed.py", "stage_speed.py", "extraction.py", "input_checks.py"} <= {path.name for path in SCRIPTS}
