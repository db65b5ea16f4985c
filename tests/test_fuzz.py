"""Every input the fuzzer ever crashed on stays fixed; and the fuzzer runs, bounded in time.

``fixtures/regressions/`` holds each crashing input that ``fuzz/lint_fuzz.py``
found (and a few found by reading the code); each must now hold every promise
of the oracle. The fuzz run itself lasts ``LINT_ARTICLE_FUZZ_SECONDS`` (60 by
default; 0 skips it).
"""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from fuzz.oracle import lint_and_check

from .conftest import FIXTURES, ROOT

REGRESSIONS = sorted((FIXTURES / "regressions").iterdir())
FUZZ_SECONDS = int(os.environ.get("LINT_ARTICLE_FUZZ_SECONDS", "60"))


@pytest.mark.parametrize("path", REGRESSIONS, ids=lambda p: p.name)
def test_regression_input_holds_every_promise(path: Path) -> None:
    lint_and_check(path.read_bytes(), path=path.name)


def test_there_are_regression_inputs() -> None:
    assert len(REGRESSIONS) >= 5


@pytest.mark.slow
@pytest.mark.skipif(FUZZ_SECONDS <= 0, reason="LINT_ARTICLE_FUZZ_SECONDS=0")
def test_fuzzing_lint_finds_no_crash(tmp_path: Path) -> None:
    pytest.importorskip("atheris")
    corpus = tmp_path / "corpus"
    shutil.copytree(ROOT / "fuzz" / "seeds", corpus)
    for path in REGRESSIONS:
        shutil.copy(path, corpus / path.name)
    command = [
        sys.executable, str(ROOT / "fuzz" / "lint_fuzz.py"), str(corpus), f"-dict={ROOT / 'fuzz' / 'html.dict'}",
        f"-max_total_time={FUZZ_SECONDS}", "-max_len=4096", "-timeout=20", "-rss_limit_mb=3072",
        "-print_final_stats=1", f"-artifact_prefix={tmp_path}/",
    ]  # fmt: skip
    result = subprocess.run(command, capture_output=True, text=True, cwd=ROOT, timeout=FUZZ_SECONDS + 240, check=False)
    output = result.stdout + result.stderr
    crashes = sorted(p.name for p in tmp_path.iterdir() if p.name.startswith(("crash-", "timeout-", "oom-")))
    assert result.returncode == 0 and not crashes, (
        f"the fuzzer found a problem; copy its input to fixtures/regressions/ and fix it:\n{crashes}\n{output[-6000:]}"
    )
    executed = re.search(r"stat::number_of_executed_units:\s*(\d+)", output)
    assert executed, output[-3000:]
    print(f"fuzz: {executed.group(1)} executions in {FUZZ_SECONDS} s, no crash")
    assert int(executed.group(1)) > 100
