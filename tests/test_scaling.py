"""Linting time grows linearly with the input, whatever its shape.

The adversarial shapes of ``benchmarks/scaling.py`` (every quadratic input that
was ever found, and for each rule and stage the input that makes it work
hardest) are linted at two sizes eight times apart; quadratic time would take
64 times as long, and more than 20 fails. CI runs the smaller pair of sizes
that still shows a quadratic stage (32 KB and 256 KB: the old sentence splitter
took 1.1 s on 10 KB of "Dr. "); ``python benchmarks/scaling.py`` measures 125 KB
and 1 MB. The same shapes are seeds of the fuzzer.
"""

from __future__ import annotations

import subprocess
import sys

import pytest

from .conftest import ROOT, script_module

SCRIPT = ROOT / "benchmarks" / "scaling.py"


@pytest.mark.slow
def test_every_shape_takes_time_linear_in_its_size() -> None:
    command = [sys.executable, str(SCRIPT), "--small", "32000", "--repeat", "3", "--deadline", "60"]
    result = subprocess.run(command, capture_output=True, text=True, cwd=ROOT, timeout=900, check=False)
    print(result.stdout)
    assert result.returncode == 0, result.stdout + result.stderr
    assert "every shape took at most 20 times as long" in result.stdout


def test_every_shape_is_a_seed_of_the_fuzzer() -> None:
    module = script_module("benchmarks/scaling.py")
    seeds = ROOT / "fuzz" / "seeds"
    for name in module.SHAPES:
        seed = seeds / f"scaling-{name}.html"
        assert seed.is_file(), f"run: python benchmarks/scaling.py --write-seeds fuzz/seeds ({seed.name} is missing)"
        assert seed.read_bytes() == module.sample(name, module.SEED_SIZE).encode(), f"{seed.name} is stale"
    written = {path.name for path in seeds.glob("scaling-*.html")}
    assert written == {f"scaling-{name}.html" for name in module.SHAPES}
