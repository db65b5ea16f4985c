"""The cycle collector is paused while an article is built, and only then."""

from __future__ import annotations

import gc
import threading
from collections.abc import Iterator

import pytest

from lint_article import Article
from lint_article.document.collector import collector_paused


@pytest.fixture(autouse=True)
def _collector_restored() -> Iterator[None]:
    was_enabled = gc.isenabled()
    yield
    (gc.enable if was_enabled else gc.disable)()


def test_the_collector_is_paused_during_a_build_and_runs_again_after() -> None:
    gc.enable()
    seen: list[bool] = []
    with collector_paused():
        seen.append(gc.isenabled())
    Article.from_html("<p>One sentence.</p>")
    assert seen == [False]
    assert gc.isenabled()


def test_a_collector_that_was_off_stays_off() -> None:
    gc.disable()
    Article.from_html("<p>One sentence.</p>")
    assert not gc.isenabled()


def test_a_build_that_raises_still_lets_the_collector_run_again() -> None:
    gc.enable()
    with pytest.raises(RuntimeError), collector_paused():
        raise RuntimeError("a build that fails")
    assert gc.isenabled()


def test_the_collector_runs_again_only_when_the_last_of_overlapping_builds_ends() -> None:
    gc.enable()
    inside, leave = threading.Event(), threading.Event()

    def build() -> None:
        with collector_paused():
            inside.set()
            leave.wait(5)

    other = threading.Thread(target=build)
    other.start()
    inside.wait(5)
    with collector_paused():
        pass
    assert not gc.isenabled()  # the other thread is still building
    leave.set()
    other.join(5)
    assert gc.isenabled()
