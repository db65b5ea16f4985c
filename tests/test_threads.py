"""Eight threads calling ``lint()`` on different articles at once get exactly
the reports of sequential calls."""

from __future__ import annotations

import threading
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

from lint_article.api import lint, make_linter
from lint_article.document import Article

from .conftest import FIXTURES, corpus_files

THREADS = 8


def articles() -> list[tuple[str, bytes]]:
    paths = sorted(FIXTURES.glob("*.html")) + corpus_files("articles")[:24] + corpus_files("pages")[:8]
    unique = {path.read_bytes(): path.name for path in paths}
    return [(name, data) for data, name in unique.items()]


def test_eight_threads_give_the_reports_of_sequential_calls() -> None:
    inputs = articles()
    assert len(inputs) >= THREADS
    expected = [lint(data, path=name).to_dict() for name, data in inputs]
    barrier = threading.Barrier(THREADS)

    def worker(offset: int) -> list[tuple[int, dict[str, object]]]:
        barrier.wait()  # all eight start together
        # Each thread takes the articles in its own order, so that different
        # articles are linted at the same moment.
        order = [(offset + step) % len(inputs) for step in range(len(inputs))]
        return [(i, lint(inputs[i][1], path=inputs[i][0]).to_dict()) for i in order]

    with ThreadPoolExecutor(THREADS) as pool:
        results = list(pool.map(worker, [k * len(inputs) // THREADS for k in range(THREADS)]))
    for result in results:
        assert len(result) == len(inputs)
        for index, report in result:
            assert report == expected[index], inputs[index][0]


def test_one_shared_linter_serves_eight_threads() -> None:
    inputs = articles()[:24]
    linter = make_linter()
    expected = [linter.lint(Article.from_html(data), name).to_dict() for name, data in inputs]
    with ThreadPoolExecutor(THREADS) as pool:
        got = list(pool.map(lambda item: linter.lint(Article.from_html(item[1]), item[0]).to_dict(), inputs * 2))
    assert got == expected * 2


def test_the_inputs_differ() -> None:
    # Identical articles would make the comparison above vacuous.
    inputs = articles()
    assert len({data for _, data in inputs}) == len(inputs)
    assert isinstance(FIXTURES, Path)
