"""What the HTTP service's worker processes do: a request body in, a response out.

Everything that costs time runs here, out of the server's event loop: decoding
the JSON, checking the request, linting, encoding the report. The server only
moves bytes, so a slow article holds one worker and never the others' clients.
"""

from __future__ import annotations

import time
from pathlib import Path
from typing import NamedTuple

from ..config_files import Settings
from .service import (
    DEFAULT_PATH,
    UNSAFE_FIELD,
    LintRequest,
    LintService,
    RequestError,
    compact_json,
    decode_json,
    error_document,
    parse_request,
    parse_unsafe,
)

HTML, JSON = "text/html", "application/json"

# Parsed, linted and answered by each new worker before it takes a request, so
# that no request pays for an import: a page that declares a charset (the
# decoder's own imports), text and headings for every prose rule.
_WARM_UP_PAGE = (
    "<!doctype html><html lang=en><head><meta charset=windows-1252><title>Warm-up</title></head><body>"
    "<h1>Warm-up</h1><h3>Skipped level</h3><p style='color:red'>The linter reads this page once before it serves."
    " The sentences are short. They repeat the words they use, and they repeat the words they use.</p>"
    "<img src=a.png><a href=x>click here</a><h2></h2></body></html>"
)


class Job(NamedTuple):
    body: bytes
    media_type: str
    """:data:`HTML` or :data:`JSON`."""
    path: str | None
    """The ``path`` query parameter of an HTML body."""
    fix: bool = False
    """A fix request (``/v1/fix``), not a lint request."""
    unsafe: bool = False
    """The ``unsafe`` query parameter of an HTML body sent to be fixed."""


class Outcome(NamedTuple):
    status: int
    body: bytes
    """The answer, JSON already encoded: the server sends these bytes as they are."""
    lint_seconds: float
    """Reading the request and linting (or fixing) the article."""
    encode_seconds: float
    """Encoding the answer as JSON."""
    started_at: float
    """``time.monotonic()`` when the worker took the job, and when its answer was
    ready: one clock for every process of the machine, so that the server can tell
    the time a job spent between the processes from the time it spent in the worker."""
    finished_at: float


class LintJobs:
    """The handler of one worker process (see :mod:`.pool`)."""

    def __init__(self, config_file: Path | None) -> None:
        # The configuration file was chosen by the server at start-up (else none):
        # no path in a request makes a worker look for one.
        self._service = LintService(Settings(config_file=config_file, isolated=config_file is None))

    def __call__(self, job: Job) -> Outcome:
        started_at = time.monotonic()
        try:
            status, answer = 200, self._answer(job)
        except RequestError as exc:
            status, answer = 400, exc.to_dict()
        except Exception as exc:  # noqa: BLE001 - the client gets a 500 and the worker serves on
            status, answer = 500, error_document("internal-error", f"the linter failed: {type(exc).__name__}: {exc}")
        linted_at = time.monotonic()
        body = _encode(answer)
        finished_at = time.monotonic()
        return Outcome(status, body, linted_at - started_at, finished_at - linted_at, started_at, finished_at)

    def _answer(self, job: Job) -> object:
        if job.media_type == HTML:
            request = LintRequest(job.body, job.path or DEFAULT_PATH)
            unsafe = job.unsafe
        else:
            data = decode_json(job.body)
            extra = (UNSAFE_FIELD,) if job.fix else ()
            request = parse_request(data, default_path=DEFAULT_PATH, extra_fields=extra)
            unsafe = parse_unsafe(data) if job.fix else False
        if job.fix:
            return self._service.fix(request, unsafe=unsafe).to_dict()
        return self._service.lint(request).to_dict()


def _encode(data: object) -> bytes:
    return compact_json(data).encode("ascii")


def start_worker(config_file: Path | None) -> LintJobs:
    """Build a worker's handler and warm it up (the :data:`~.pool.HandlerFactory`)."""
    jobs = LintJobs(config_file)
    warm_ups = [
        Job(_WARM_UP_PAGE.encode("cp1252"), HTML, None),
        Job(compact_json({"html": _WARM_UP_PAGE, "path": "warm-up.html"}).encode(), JSON, None),
        Job(_WARM_UP_PAGE.encode("cp1252"), HTML, None, fix=True, unsafe=True),
    ]
    for job in warm_ups:
        outcome = jobs(job)
        if outcome.status != 200:
            raise RuntimeError(f"the warm-up article was refused: {outcome.body.decode()}")
    return jobs
