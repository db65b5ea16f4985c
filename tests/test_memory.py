"""Memory grows with the page no faster than it did.

The whole process, with libxml2's memory, for a 10 MB page (``memory.measure``
in a process of its own); and the peak of the Python objects a lint
allocates, over the page's size, for each of the shapes of
``benchmarks/memory.py`` at 500 KB.

Allocations do not depend on the machine's load, so unlike time they can be
held to a bound in a test. Each bound is about a fifth above what the shape
takes today (libxml2's own memory is not counted: ``memory.py`` measures the
whole process). A change that keeps an object per word of a block alive at
once (a list of a page's regex matches) takes one line of prose to 42 times
its size, and prose nested deep to 34, and fails here.
"""

from __future__ import annotations

import tracemalloc

import pytest

from lint_article import make_linter

from .conftest import script_module

SIZE = 500_000
# Peak traced allocations over the page's size: today's figure, in a comment, and its bound.
BOUNDS = {
    "paragraphs": 17,  # 14.0: prose only, in paragraphs of four sentences
    "one-line": 15,  # 12.2: every word of the page in one block
    "deep": 19,  # 15.8
    "article": 28,  # 23.3: short paragraphs, lists and tables, an object or more per block
    "headings": 82,  # 68.0: nothing but headings, several objects per heading (and a finding each)
    "real-pages": 9,  # 7.5
}


@pytest.mark.slow
def test_peak_memory_of_a_ten_megabyte_page_stays_under_twenty_times_its_size() -> None:
    memory = script_module("benchmarks/memory.py")
    if not memory.CORPUS_PAGES.is_dir():
        pytest.skip("the corpus is not there")
    row = memory.measure("real-pages", 10_000_000)
    assert row["ratio"] < 20, row


@pytest.mark.slow
def test_peak_memory_of_ten_megabytes_of_prose_stays_under_twenty_times_its_size() -> None:
    # 1.8 million words of prose only, in paragraphs of four sentences (measured 16.3 times).
    row = script_module("benchmarks/memory.py").measure("paragraphs", 10_000_000)
    assert row["ratio"] < 20, row


@pytest.mark.slow
def test_peak_memory_of_ten_megabytes_of_short_blocks_stays_bounded() -> None:
    # 1.4 million words in short paragraphs between headings, lists and tables:
    # above 20 times (measured 32.7 times: objects per block and element), but
    # bounded, and the size limit bounds the worst case.
    row = script_module("benchmarks/memory.py").measure("article", 10_000_000)
    assert row["ratio"] < 100, row


@pytest.mark.slow
@pytest.mark.parametrize("shape", sorted(BOUNDS))
def test_peak_allocations_stay_within_their_bound(shape: str) -> None:
    page = script_module("benchmarks/memory.py").make_page(shape, SIZE)
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
