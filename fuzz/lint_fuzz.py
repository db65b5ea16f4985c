"""Coverage-guided fuzzing of ``lint()`` with atheris (libFuzzer for Python).

Every input goes through :func:`fuzz.oracle.lint_and_check`: lint with every
rule must not raise, no rule may crash, every finding must lie inside the
input, the JSON output must match the contract, and a second run must give
the same report. Inputs are bytes; one in two is also linted as text.

CI runs it for 60 seconds (``tests/test_fuzz.py``). To run it longer, from the
repository root, with the seeds as a starting corpus that the run grows::

    pip install atheris
    mkdir -p /tmp/fuzz-corpus && cp fuzz/seeds/* /tmp/fuzz-corpus/
    python fuzz/lint_fuzz.py /tmp/fuzz-corpus -dict=fuzz/html.dict -max_total_time=3600 \\
        -max_len=8192 -timeout=20 -artifact_prefix=/tmp/fuzz-crash-

A crash leaves its input in ``/tmp/fuzz-crash-*``: copy it to
``fixtures/regressions/`` (where ``tests/test_fuzz.py`` lints every file), fix
the cause, and commit both.
"""

from __future__ import annotations

import sys
from pathlib import Path

import atheris

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

with atheris.instrument_imports(include=["lint_article", "fuzz"]):
    from fuzz.oracle import lint_and_check


def test_one_input(data: bytes) -> None:
    lint_and_check(data)
    if data and data[0] & 1:
        lint_and_check(data.decode("utf-8", errors="surrogateescape"))


def main() -> None:
    atheris.Setup(sys.argv, test_one_input)
    atheris.Fuzz()


if __name__ == "__main__":
    main()
