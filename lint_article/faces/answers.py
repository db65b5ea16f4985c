"""Answers the HTTP service has given, kept for the same request sent again.

A CMS lints the draft it holds on every autosave and preview, mostly unchanged;
a pipeline re-sends an article after a failed step. The settings are read once,
at start-up, so one request always gets the same answer, and the server can
give it again without a worker. Only answers of 200 are kept (a time-out or a
failed worker says nothing about the article), least recently used first out,
within a budget of bytes.
"""

from __future__ import annotations

import hashlib
from collections import OrderedDict
from typing import Any

from .http_worker import Job

_ENTRY_COST = 120
"""Bytes an entry costs beside its answer: its key, and the dictionary's share."""


class AnswerCache:
    """At most *capacity* bytes of answers, by request; 0 keeps none."""

    def __init__(self, capacity: int) -> None:
        self.capacity = capacity
        self._answers: OrderedDict[bytes, bytes] = OrderedDict()
        self._size = 0
        self.hits = self.misses = 0

    def get(self, key: bytes) -> bytes | None:
        """The answer kept for the request whose :func:`request_key` is *key*."""
        if not self.capacity:
            return None
        answer = self._answers.get(key)
        if answer is None:
            self.misses += 1
            return None
        self._answers.move_to_end(key)
        self.hits += 1
        return answer

    def put(self, key: bytes, answer: bytes) -> None:
        """Keep *answer* to the request whose key is *key*, unless it alone is over the budget."""
        cost = len(answer) + _ENTRY_COST
        if cost > self.capacity:
            return
        old = self._answers.pop(key, None)
        if old is not None:
            self._size -= len(old) + _ENTRY_COST
        self._answers[key] = answer
        self._size += cost
        while self._size > self.capacity:
            _, dropped = self._answers.popitem(last=False)
            self._size -= len(dropped) + _ENTRY_COST

    def state(self) -> dict[str, Any]:
        """What ``/healthz`` says of the cache."""
        return {"entries": len(self._answers), "bytes": self._size, "hits": self.hits, "misses": self.misses}


def request_key(job: Job) -> bytes:
    """A digest of everything that makes the answer: the body, how it is read, and what is asked."""
    digest = hashlib.blake2b(digest_size=20)
    digest.update(repr((job.media_type, job.path, job.fix, job.unsafe)).encode())
    digest.update(b"\0")
    digest.update(job.body)
    return digest.digest()
