"""Memory grows with the page no faster than it did: the peak of the Python
objects a lint allocates, over the page's size, for the shapes of
``benchmarks/memory.py`` at 500 KB.

Allocations do not depend on the machine's load, so unlike time they can be
held to a bound in a test. Each bound is about a fifth above what the shape
takes today (libxml2's own memory is not counted: ``memory.py`` measures the
whole process). A change that keeps an object per word of a block alive at
once (a list of a page's regex matches) takes one line of prose to 42 times
its size, and prose nested deep to 34, and fails here.
"""

from __future__ import annotations

import importlib.util
import sys
import tracemalloc
from types import ModuleType

import pytest

from lint_article import make_linter

from .conftest import ROOT

SIZE = 500_000
# Peak traced allocations over the page's size: today's figure, in a comment, and its bound.
BOUNDS = {
    "one-line": 20,  # 16.4: every word of the page in one block
    "deep": 22,  # 18.8
    "article": 40,  # 33.1: short paragraphs, lists and tables, an object or more per block
    "headings": 110,  # 94.6: nothing but headings, several objects per heading
    "real-pages": 12,  # 8.1
}


def memory_benchmark() -> ModuleType:
    spec = importlib.util.spec_from_file_location("memory_benchmark", ROOT / "benchmarks" / "memory.py")
    assert spec and spec.loader
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module
    spec.loader.exec_module(module)
    return module


@pytest.mark.slow
@pytest.mark.parametrize("shape", sorted(BOUNDS))
def test_peak_allocations_stay_within_their_bound(shape: str) -> None:
    page = memory_benchmark().make_page(shape, SIZE)
    linter = make_linter()
    linter.lint(b"<p>Warm up the rules and their tables.</p>", "warm-up.html")
    tracemalloc.start()
    try:
        report = linter.lint(page, "big.html", max_bytes=None)
        peak = tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()
    assert report.error is None
    assert report.stats.words > 10_000 or shape == "real-pages"
    assert peak / len(page) <= BOUNDS[shape], f"{shape}: {peak / len(page):.1f} times the page's size"
