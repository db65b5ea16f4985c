"""A whole ``lint-article`` process of this checkout, timed as a user meets it (for the benchmarks)."""

from __future__ import annotations

import os
import resource
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def environment() -> dict[str, str]:
    """This environment, but that Python keeps its compiled bytecode, as on a user's
    machine (pip compiles an installed package): no timed run compiles the sources."""
    return {name: value for name, value in os.environ.items() if name != "PYTHONDONTWRITEBYTECODE"}


def seconds(*args: str) -> float:
    """Wall-clock seconds of ``python -m lint_article ARGS``; exits when the run went wrong."""
    return timed(*args)[0]


def timed(*args: str) -> tuple[float, float]:
    """Wall-clock and CPU seconds (the process and its workers) of ``python -m lint_article ARGS``."""
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    start = time.perf_counter()
    result = subprocess.run(
        [sys.executable, "-m", "lint_article", *args],
        cwd=ROOT,  # this checkout's lint_article, whatever is installed
        env=environment(),
        capture_output=True,
        text=True,
        check=False,
    )
    elapsed = time.perf_counter() - start
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    if result.returncode not in (0, 1):
        sys.exit(f"lint-article {' '.join(args[:3])} ... failed with {result.returncode}:\n{result.stderr}")
    return elapsed, (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)
