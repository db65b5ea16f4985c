"""The HTTP service's memory of answers: by request, within a budget of bytes."""

from __future__ import annotations

import pytest

from lint_article.faces.answers import _ENTRY_COST, AnswerCache, request_key
from lint_article.faces.http_worker import HTML, JSON, Job

ARTICLE = b"<h1>T</h1><p>Text.</p>"


@pytest.mark.parametrize(
    ("other", "why"),
    [
        (Job(ARTICLE + b" ", HTML, "a.html"), "another body"),
        (Job(ARTICLE, JSON, "a.html"), "read as JSON"),
        (Job(ARTICLE, HTML, "b.html"), "another path"),
        (Job(ARTICLE, HTML, None), "no path"),
        (Job(ARTICLE, HTML, "a.html", fix=True), "a fix"),
        (Job(ARTICLE, HTML, "a.html", fix=True, unsafe=True), "an unsafe fix"),
    ],
)
def test_a_request_that_differs_in_anything_that_makes_the_answer_has_another_key(other: Job, why: str) -> None:
    job = Job(ARTICLE, HTML, "a.html")
    assert request_key(job) == request_key(Job(ARTICLE, HTML, "a.html"))
    assert request_key(other) != request_key(job), why


def test_the_least_recently_used_answer_goes_first_when_the_budget_is_spent() -> None:
    answer = b"x" * 100
    cache = AnswerCache(capacity=2 * (len(answer) + _ENTRY_COST))
    first, second, third = (request_key(Job(bytes([n]), HTML, None)) for n in range(3))
    cache.put(first, answer)
    cache.put(second, answer)
    assert cache.get(first) == answer  # the first is now the more recently used
    cache.put(third, answer)
    assert (cache.get(first), cache.get(second), cache.get(third)) == (answer, None, answer)
    assert cache.state() == {"entries": 2, "bytes": 2 * (len(answer) + _ENTRY_COST), "hits": 3, "misses": 1}


def test_an_answer_over_the_whole_budget_and_a_budget_of_nothing_keep_nothing() -> None:
    key = request_key(Job(ARTICLE, HTML, None))
    small = AnswerCache(capacity=_ENTRY_COST + 10)
    small.put(key, b"x" * 11)
    nothing = AnswerCache(capacity=0)
    nothing.put(key, b"x")
    assert small.get(key) is None and nothing.get(key) is None
    assert small.state()["entries"] == nothing.state()["entries"] == 0


def test_keeping_an_answer_again_replaces_it_without_counting_it_twice() -> None:
    key = request_key(Job(ARTICLE, HTML, None))
    cache = AnswerCache(capacity=1000)
    cache.put(key, b"old answer")
    cache.put(key, b"new")
    assert cache.get(key) == b"new" and cache.state()["bytes"] == len(b"new") + _ENTRY_COST
