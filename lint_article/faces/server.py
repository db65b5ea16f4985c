"""The HTTP service: ``lint-article serve``, Starlette on uvicorn.

Routes (described in full by the OpenAPI document at ``/openapi.json``):

- ``POST /v1/lint``: an article as ``text/html`` (the name in ``?path=``), or as
  JSON ``{"html", "path", "config"}``; answers the ``files[]`` entry of ``--format json``.
- ``POST /v1/fix``: the same, with ``unsafe`` (a JSON field, or ``?unsafe=true``);
  answers ``{"text", "applied", "report"}``: the fixed article, the fixes applied,
  and the report of what is left (see :func:`lint_article.fix`).
- ``GET /v1/rules``: the installed rules and their options.
- ``GET /healthz``: whether the workers can take work.

The safety valves, after LanguageTool's HTTP server: a body size limit (413),
a time to send a request (408, or the connection closed when even its headers
are late), a time limit per article (503: the worker process is killed and
replaced), a bounded waiting line (429), cross-origin requests refused unless
their origin is allowed (403), an optional bearer token (401). The service reads
no file named in a request, writes none, and fetches nothing. Every error is
JSON, ``{"error": {"code", "message"}}``.

This process only moves bytes; the work runs in warmed worker processes
(:mod:`.http_worker`, through :mod:`.pool`). A request sent again (a CMS's
autosave of an unchanged draft) gets its earlier answer from memory
(:mod:`.answers`), without a worker.
"""

from __future__ import annotations

import asyncio
import functools
import hmac
import ipaddress
import socket
import sys
import time
from collections.abc import AsyncIterator, Callable, Mapping
from contextlib import asynccontextmanager
from dataclasses import dataclass, field
from importlib.metadata import version
from pathlib import Path
from typing import Any

import uvicorn
from starlette.applications import Starlette
from starlette.datastructures import Headers, MutableHeaders
from starlette.exceptions import HTTPException
from starlette.middleware import Middleware
from starlette.requests import ClientDisconnect, Request
from starlette.responses import Response
from starlette.routing import Route
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from ..batch import default_jobs
from ..registry import load_registry
from .answers import AnswerCache, request_key
from .catalog import rule_catalog
from .http_worker import HTML, JSON, Job, Outcome, start_worker
from .openapi import openapi_document
from .pool import Done, QueueFull, TimedOut, WorkerFailed, WorkerPool
from .service import UNSAFE_FIELD, compact_json, error_document

MIB = 1024 * 1024


@dataclass(frozen=True, kw_only=True)
class ServerOptions:
    host: str = "127.0.0.1"
    port: int = 8484
    workers: int = field(default_factory=default_jobs)
    """Worker processes; by default one per CPU."""
    queue_size: int = 64
    """Requests that may wait for a worker; one more is refused with 429."""
    timeout: float = 10.0
    """Seconds one article may take to lint; past it, 503 and a new worker."""
    max_body_size: int = 5 * MIB
    receive_timeout: float = 10.0
    """Seconds a client has to send a request's headers, then as long for its body."""
    allow_origins: frozenset[str] = frozenset()
    """Origins whose pages may call the service (CORS); none by default."""
    token: str | None = None
    """When set, ``/v1/`` routes need ``Authorization: Bearer <token>``."""
    config_file: Path | None = None
    """The configuration every request starts from; None: the defaults."""
    cache_size: int = 32 * MIB
    """Bytes of answers kept for requests sent again (see :mod:`.answers`); 0: none."""


class ApiError(Exception):
    """An answer other than 200, with its code for programs and its message for people."""

    def __init__(self, status: int, code: str, message: str, headers: Mapping[str, str] | None = None) -> None:
        super().__init__(message)
        self.status, self.code, self.message = status, code, message
        self.headers = dict(headers or {})

    def response(self) -> Response:
        return _json_response(error_document(self.code, self.message), self.status, self.headers)


def _json_response(data: Any, status: int = 200, headers: Mapping[str, str] | None = None) -> Response:
    return Response(compact_json(data), status, headers=headers, media_type=JSON)


class _Endpoints:
    def __init__(self, options: ServerOptions, pool: WorkerPool) -> None:
        self.options = options
        self.pool = pool
        self.answers = AnswerCache(options.cache_size)
        registry = load_registry()
        self.rules = compact_json({"rules": rule_catalog(registry)})
        self.openapi = compact_json(openapi_document(options))
        self.version = version("lint-article")

    async def lint(self, request: Request) -> Response:
        return await self._answer(request, fix=False)

    async def fix(self, request: Request) -> Response:
        return await self._answer(request, fix=True)

    async def _answer(self, request: Request, *, fix: bool) -> Response:
        arrived = time.monotonic()
        media_type = _media_type(request.headers.get("content-type"))
        allowed = ("path", UNSAFE_FIELD) if fix else ("path",)
        for name in request.query_params:
            if name not in allowed or media_type == JSON:
                if name in allowed:
                    where = f"a JSON request names its {name} in the body"
                else:
                    where = "the known ones are path and unsafe" if fix else "the only one is path"
                raise ApiError(400, "invalid-request", f"unknown query parameter {name!r}: {where}")
        unsafe = request.query_params.get(UNSAFE_FIELD, "false").lower()
        if unsafe not in ("true", "false"):
            raise ApiError(400, "invalid-request", f"query parameter {UNSAFE_FIELD!r} must be true or false")
        body = await self._read_body(request)
        job = Job(body, media_type, request.query_params.get("path"), fix=fix, unsafe=unsafe == "true")
        key = request_key(job)
        answer = self.answers.get(key)
        if answer is not None:
            return Response(answer, headers={"server-timing": "lint;dur=0.0, cache;desc=hit"}, media_type=JSON)
        done = await self._run(job)
        outcome: Outcome = done.result
        if outcome.status == 200:
            self.answers.put(key, outcome.body)
        timing = {"server-timing": _server_timing(outcome, done, arrived)}
        return Response(outcome.body, outcome.status, headers=timing, media_type=JSON)

    async def _read_body(self, request: Request) -> bytes:
        limit = self.options.max_body_size
        too_large = ApiError(
            413, "body-too-large", f"the body is over this server's limit of {limit:,} bytes", {"connection": "close"}
        )
        declared = request.headers.get("content-length", "")
        if declared.isdigit() and int(declared) > limit:
            raise too_large
        body = bytearray()
        try:
            async with asyncio.timeout(self.options.receive_timeout):
                async for chunk in request.stream():
                    body += chunk
                    if len(body) > limit:
                        raise too_large
        except TimeoutError:
            seconds = self.options.receive_timeout
            message = f"the body did not arrive within {seconds:g} s"
            raise ApiError(408, "receive-timeout", message, {"connection": "close"}) from None
        except ClientDisconnect:
            raise ApiError(400, "client-disconnected", "the client hung up before the body arrived") from None
        return bytes(body)

    async def _run(self, job: Job) -> Done:
        try:
            return await self.pool.run(job)
        except QueueFull:
            message = "every worker is busy and the waiting line is full; try again in a moment"
            raise ApiError(429, "queue-full", message, {"retry-after": "1"}) from None
        except TimedOut:
            message = (
                f"linting took longer than {self.pool.timeout:g} s, this server's limit for one article; "
                "its worker was stopped. Send a shorter article, or ask for a higher --timeout"
            )
            raise ApiError(503, "lint-timeout", message) from None
        except WorkerFailed as exc:
            raise ApiError(500, "worker-failed", f"the linter's worker process failed: {exc}") from None

    async def list_rules(self, request: Request) -> Response:
        return Response(self.rules, media_type=JSON)

    async def health(self, request: Request) -> Response:
        state = self.pool.state()
        if state.workers == 0:
            raise ApiError(503, "no-workers", "no worker process is ready; they are being restarted")
        if state.full:
            raise ApiError(503, "queue-full", "the waiting line is full: new requests would get 429")
        health = {"status": "ok", "version": self.version, "workers": state.workers, "busy": state.busy}
        health |= {"waiting": state.waiting, "queue_size": self.options.queue_size, "cache": self.answers.state()}
        return _json_response(health)

    async def openapi_json(self, request: Request) -> Response:
        return Response(self.openapi, media_type=JSON)


def _server_timing(outcome: Outcome, done: Done, arrived: float) -> str:
    """Where a linted request's time went, in milliseconds: ``lint`` (reading the
    request and linting, in the worker), ``encode`` (the answer as JSON, in the
    worker), ``wait`` (in line for a worker), ``send`` (the job to the worker),
    ``return`` (the answer back to the server) and ``app`` (all of it, from the
    request's headers to its answer; what a client measures beyond it is HTTP)."""
    spans = {
        "lint": outcome.lint_seconds,
        "encode": outcome.encode_seconds,
        "wait": done.waited,
        "send": outcome.started_at - done.sent_at,
        "return": done.returned_at - outcome.finished_at,
        "app": time.monotonic() - arrived,
    }
    return ", ".join(f"{name};dur={max(0.0, seconds) * 1000:.1f}" for name, seconds in spans.items())


def _media_type(content_type: str | None) -> str:
    media_type = (content_type or "").split(";", 1)[0].strip().lower()
    if media_type not in (HTML, JSON):
        given = f"got {media_type!r}" if media_type else "none was given"
        raise ApiError(415, "unsupported-media-type", f"send text/html or application/json ({given})")
    return media_type


ROUTES = (
    ("/v1/lint", "POST", "lint"),
    ("/v1/fix", "POST", "fix"),
    ("/v1/rules", "GET", "list_rules"),
    ("/healthz", "GET", "health"),
    ("/openapi.json", "GET", "openapi_json"),
)
"""Every route: path, method, and the :class:`_Endpoints` method that answers it."""


def create_app(options: ServerOptions, pool: WorkerPool) -> Starlette:
    endpoints = _Endpoints(options, pool)
    routes = [Route(path, getattr(endpoints, name), methods=[method]) for path, method, name in ROUTES]

    @asynccontextmanager
    async def lifespan(app: Starlette) -> AsyncIterator[None]:
        # Stopped here, inside uvicorn's shutdown: on SIGTERM uvicorn ends the process right after.
        yield
        await pool.close()

    return Starlette(
        routes=routes,
        middleware=[Middleware(_Guard, origins=options.allow_origins, token=options.token)],
        exception_handlers={ApiError: _api_error, HTTPException: _http_error, Exception: _internal_error},
        lifespan=lifespan,
    )


async def _api_error(request: Request, exc: Exception) -> Response:
    assert isinstance(exc, ApiError)
    return exc.response()


_HTTP_CODES = {404: "not-found", 405: "method-not-allowed"}


async def _http_error(request: Request, exc: Exception) -> Response:
    assert isinstance(exc, HTTPException)
    code = _HTTP_CODES.get(exc.status_code, "http-error")
    message = f"{request.method} {request.url.path}: {exc.detail.lower()}"
    return ApiError(exc.status_code, code, message, exc.headers).response()


async def _internal_error(request: Request, exc: Exception) -> Response:
    return ApiError(500, "internal-error", f"the server failed: {type(exc).__name__}").response()


class _Guard:
    """Origins and the token, checked before any route.

    A request from a web page carries an ``Origin``: one not allowed is refused
    (403) rather than answered for the browser to hide, so that no page on the
    Internet can spend this server's time; an allowed one gets the CORS headers,
    and its preflight (``OPTIONS``) is answered here. With a token, every
    ``/v1/`` route needs ``Authorization: Bearer <token>`` (401 without)."""

    def __init__(self, app: ASGIApp, origins: frozenset[str], token: str | None) -> None:
        self.app = app
        self.origins = origins
        self.token = token.encode() if token else None

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        headers = Headers(scope=scope)
        origin = headers.get("origin")
        refusal = self._refusal(scope, headers, origin)
        if refusal is not None:
            await refusal.response()(scope, receive, send)
            return
        if origin is None:
            await self.app(scope, receive, send)
            return
        cors = {"access-control-allow-origin": origin, "vary": "Origin"}
        if scope["method"] == "OPTIONS" and "access-control-request-method" in headers:
            preflight = {
                "access-control-allow-methods": "GET, POST",
                "access-control-allow-headers": "authorization, content-type",
                "access-control-max-age": "600",
            }
            await Response(status_code=204, headers={**cors, **preflight})(scope, receive, send)
            return

        async def send_with_cors(message: Message) -> None:
            if message["type"] == "http.response.start":
                MutableHeaders(scope=message).update(cors)
            await send(message)

        await self.app(scope, receive, send_with_cors)

    def _refusal(self, scope: Scope, headers: Headers, origin: str | None) -> ApiError | None:
        if origin is not None and origin not in self.origins:
            message = "this server takes no requests from web pages of that origin (see serve --allow-origin)"
            return ApiError(403, "origin-not-allowed", message)
        preflight = scope["method"] == "OPTIONS" and origin is not None
        if self.token is not None and scope["path"].startswith("/v1/") and not preflight:
            scheme, _, given = headers.get("authorization", "").partition(" ")
            if scheme.lower() != "bearer" or not hmac.compare_digest(given.strip().encode(), self.token):
                message = "this server needs the header Authorization: Bearer <token>"
                return ApiError(401, "unauthorized", message, {"www-authenticate": "Bearer"})
        return None


class _ReceiveDeadline(asyncio.Protocol):
    """A deadline for a request's headers, and JSON for the requests too malformed
    to reach the application: mixed into uvicorn's HTTP/1.1 protocol (see
    :func:`_http_protocol`).

    uvicorn times out an idle kept-alive connection, but not one that trickles a
    request's headers a byte at a time (slowloris): here a connection whose next
    request's headers are not all in within the deadline is closed. The body has
    its own deadline in the application, which answers 408."""

    receive_timeout = 10.0
    _deadline: asyncio.TimerHandle | None = None
    # Set by uvicorn's protocol; ``cycle`` is a new object once a request's headers are in.
    loop: asyncio.AbstractEventLoop
    transport: asyncio.Transport
    cycle: object

    def connection_made(self, transport: asyncio.BaseTransport) -> None:
        super().connection_made(transport)
        self._arm_deadline()

    def on_response_complete(self) -> None:
        super().on_response_complete()  # type: ignore[misc]
        self._arm_deadline()

    def connection_lost(self, exc: Exception | None) -> None:
        if self._deadline is not None:
            self._deadline.cancel()
        super().connection_lost(exc)

    def _arm_deadline(self) -> None:
        if self._deadline is not None:
            self._deadline.cancel()
        self._deadline = self.loop.call_later(self.receive_timeout, self._headers_late, self.cycle)

    def _headers_late(self, cycle_when_armed: object) -> None:
        if self.cycle is cycle_when_armed and not self.transport.is_closing():  # no new request began
            self.transport.close()

    def send_400_response(self, msg: str) -> None:
        body = compact_json(error_document("malformed-http", f"the request is not valid HTTP/1.1: {msg}")).encode()
        head = b"HTTP/1.1 400 Bad Request\r\ncontent-type: %s\r\ncontent-length: %d\r\nconnection: close\r\n\r\n"
        self.transport.write(head % (JSON.encode(), len(body)) + body)
        self.transport.close()


def _http_protocol(receive_timeout: float) -> type[_ReceiveDeadline]:
    """uvicorn's HTTP/1.1 protocol with :class:`_ReceiveDeadline`: on httptools'
    parser (C, llhttp) when it is installed, as the ``server`` extra does, else on h11."""
    base: type[asyncio.Protocol]
    try:
        from uvicorn.protocols.http.httptools_impl import HttpToolsProtocol

        base = HttpToolsProtocol
    except ImportError:
        from uvicorn.protocols.http.h11_impl import H11Protocol

        base = H11Protocol
    return type("ReceiveDeadline", (_ReceiveDeadline, base), {"receive_timeout": receive_timeout})


class ServeError(Exception):
    """The service could not start; the message says why."""


def serve(options: ServerOptions, announce: Callable[[str], None]) -> None:
    """Listen, warm the workers, and serve until a signal stops the server.

    Raises ServeError when it cannot start; *announce* is told the address once
    the server takes requests."""
    try:
        listener = _listen(options.host, options.port)
    except (OSError, OverflowError) as exc:
        reason = getattr(exc, "strerror", None) or exc
        raise ServeError(f"cannot listen on {options.host}:{options.port}: {reason}") from None
    asyncio.run(_serve(options, listener, announce))


def _listen(host: str, port: int) -> socket.socket:
    """A listening TCP socket, bound before the workers start so that --port 0 can
    say its port. Made with the protocol number spelled out: asyncio switches
    Nagle's algorithm off only on sockets whose protocol says TCP, and with it on,
    the body of a response that follows its headers in a second write waits for
    the client's delayed acknowledgement (40 ms on Linux)."""
    family = socket.AF_INET6 if ":" in host else socket.AF_INET
    listener = socket.socket(family, socket.SOCK_STREAM, socket.IPPROTO_TCP)
    try:
        if sys.platform != "win32":  # as socket.create_server does: a restart need not wait for TIME_WAIT
            listener.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        listener.bind((host, port))
        listener.listen()
    except BaseException:
        listener.close()
        raise
    return listener


async def _serve(options: ServerOptions, listener: socket.socket, announce: Callable[[str], None]) -> None:
    pool = WorkerPool(
        functools.partial(start_worker, options.config_file),
        workers=options.workers,
        queue_size=options.queue_size,
        timeout=options.timeout,
    )
    try:
        await pool.start()
    except WorkerFailed as exc:
        listener.close()
        raise ServeError(str(exc)) from None
    config = uvicorn.Config(
        create_app(options, pool),
        http=_http_protocol(options.receive_timeout),
        log_level="warning",
        access_log=False,
        server_header=False,
        timeout_graceful_shutdown=max(1, round(options.timeout)),
    )
    host, port = listener.getsockname()[:2]
    where = f"http://{f'[{host}]' if ':' in host else host}:{port}"
    announce(f"serving on {where} with {options.workers} warmed workers{_exposure_warning(options)}")
    try:
        await uvicorn.Server(config).serve(sockets=[listener])
    finally:
        await pool.close()


def _exposure_warning(options: ServerOptions) -> str:
    try:
        local = ipaddress.ip_address(options.host).is_loopback
    except ValueError:
        local = options.host == "localhost"
    if local or options.token:
        return ""
    return "; warning: no --token, and the address is not a loopback one: anyone who reaches it can use the service"
