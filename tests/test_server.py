"""The HTTP service, as a CMS meets it: a real ``lint-article serve`` process on a
loopback port, spoken to over real sockets. Every answer is checked against the
OpenAPI document that the server itself serves: its status must be documented
for its route, and its body must match the documented schema."""

from __future__ import annotations

import asyncio
import http.client
import json
import os
import select
import signal
import socket
import subprocess
import sys
import threading
import time
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest
from openapi_schema_validator import OAS31Validator
from openapi_spec_validator import validate as validate_spec

from .conftest import FIXTURES, ROOT, cli_json_entry, corpus_files
from .server_process import ServerProcess

TOKEN = "s3cret-token"
ORIGIN = "https://cms.example.org"
SEED = FIXTURES / "sahel-article.html"
# About 800 kB of list items with links: nearly two seconds of linting, four
# times the main server's limit (prose lints faster per byte: 850 kB of it
# came to take about as long as the limit itself).
SLOW_ARTICLE = "<h1>Minutes</h1><ul>" + "<li><a href=#x>Go</a> now</li>\n" * 26_000 + "</ul>"
MAX_BODY = 1_000_000


@dataclass
class Answer:
    status: int
    headers: http.client.HTTPMessage
    body: Any


class Client:
    """Requests to *server*, each answer checked against the server's own OpenAPI document."""

    def __init__(self, server: ServerProcess, token: str | None = TOKEN) -> None:
        self.server = server
        self.token = token
        self.document: dict[str, Any] = self.call("GET", "/openapi.json").body

    def call(
        self,
        method: str,
        path: str,
        body: bytes | str | None = None,
        content_type: str | None = None,
        headers: dict[str, str] | None = None,
    ) -> Answer:
        sent = {**({"content-type": content_type} if content_type else {}), **(headers or {})}
        if self.token:
            sent.setdefault("authorization", f"Bearer {self.token}")
        if isinstance(body, str):
            body = body.encode("utf-8")
        connection = http.client.HTTPConnection(self.server.host, self.server.port, timeout=60)
        try:
            connection.request(method, path, body=body, headers=sent)
            response = connection.getresponse()
            raw = response.read()
        finally:
            connection.close()
        assert response.getheader("content-type", "").startswith("application/json") or not raw, raw[:200]
        answer = Answer(response.status, response.headers, json.loads(raw) if raw else None)
        if hasattr(self, "document"):
            check_documented(self.document, method, path, answer)
        return answer

    def lint(self, html: str | bytes, path: str | None = None, **headers: str) -> Answer:
        target = "/v1/lint" + (f"?path={path}" if path else "")
        return self.call("POST", target, html, "text/html; charset=utf-8", headers)

    def lint_json(self, request: Any) -> Answer:
        return self.call("POST", "/v1/lint", json.dumps(request), "application/json")


def check_documented(document: dict[str, Any], method: str, target: str, answer: Answer) -> None:
    """The answer's status is one the document lists for the route, and its body matches that schema."""
    path = target.partition("?")[0]
    if method == "OPTIONS":  # a CORS preflight: answered before any route, with headers alone
        assert answer.status == 204 and answer.body is None
        return
    operation = document["paths"].get(path, {}).get(method.lower())
    if operation is None:  # no such route: the generic error
        assert answer.status in (404, 405), (method, path, answer.status)
        schema: dict[str, Any] = {"$ref": "#/components/schemas/Error"}
    else:
        documented = operation["responses"]
        assert str(answer.status) in documented, f"{method} {path} answered {answer.status}, not documented"
        schema = documented[str(answer.status)]["content"]["application/json"]["schema"]
    OAS31Validator({**schema, "components": document["components"]}).validate(answer.body)


def start(tmp_path: Path, *args: str, env: dict[str, str] | None = None) -> ServerProcess:
    return ServerProcess(*args, cwd=tmp_path, env=env)


CONFIG = """
[tool.lint-article]
ignore = ["word-count"]

[tool.lint-article.per-file-ignores]
"archive/*" = ["single-h1"]
"""


@pytest.fixture(scope="module")
def server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[ServerProcess]:
    """The server a CMS would run: two workers, a token, one allowed origin, tight limits."""
    folder = tmp_path_factory.mktemp("server")
    (folder / "pyproject.toml").write_text(CONFIG)  # found in the working directory, as the CLI finds it
    process = start(
        folder,
        "--workers", "2", "--timeout", "0.5", "--max-body-size", str(MAX_BODY), "--receive-timeout", "1",
        "--queue-size", "16", "--allow-origin", ORIGIN,
        env={"LINT_ARTICLE_TOKEN": TOKEN},
    )  # fmt: skip
    yield process
    process.stop()


@pytest.fixture(scope="module")
def client(server: ServerProcess) -> Client:
    return Client(server)


def still_serving(client: Client) -> None:
    answer = client.lint("<h1>Still here</h1><p>A short article.</p>", path="after.html")
    assert answer.status == 200 and answer.body["path"] == "after.html"


# -- the routes ---------------------------------------------------------------


def test_check_does_not_import_the_faces() -> None:
    # A pre-commit hook runs check once per commit: it must not pay for a web stack.
    probe = "import sys, lint_article.cli; print(sorted({m.split('.')[0] for m in sys.modules}))"
    loaded = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True, check=True).stdout
    assert not {"starlette", "uvicorn", "mcp", "h11"} & set(json.loads(loaded.replace("'", '"')))
    probe = "import sys, lint_article.cli; print('lint_article.faces' in sys.modules)"
    assert subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True, check=True).stdout == "False\n"


@pytest.mark.parametrize(("command", "package", "extra"), [("serve", "starlette", "server"), ("mcp", "mcp", "mcp")])
def test_a_face_without_its_extra_says_which_to_install(command: str, package: str, extra: str) -> None:
    # As if the optional dependency were not installed: importing it fails.
    probe = f"import sys; sys.modules[{package!r}] = None; from lint_article.cli import main; main([{command!r}])"
    result = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True, check=False)
    assert result.returncode == 2
    assert result.stderr == f"Error: this command needs {package}: pip install 'lint-article[{extra}]'\n"


def test_the_openapi_document_is_valid_and_describes_every_route(client: Client) -> None:
    from lint_article.faces.server import ROUTES

    validate_spec(client.document)
    documented = {(path, method.upper()) for path, item in client.document["paths"].items() for method in item}
    assert documented == {(path, method) for path, method, _ in ROUTES}
    assert client.document["components"]["securitySchemes"]["bearer"]["scheme"] == "bearer"


def test_lint_answers_exactly_the_files_entry_of_the_json_output(client: Client, server: ServerProcess) -> None:
    answer = client.lint(SEED.read_bytes(), path="sahel.html")
    assert answer.status == 200
    # The CLI, run where the server runs, reads the same configuration file.
    assert answer.body == cli_json_entry("--stdin-filename", "sahel.html", "-", cwd=server.cwd, stdin=SEED.read_bytes())
    assert {f["rule"] for f in answer.body["findings"]} >= {"single-h1", "generation-artifact"}
    assert "word-count" not in {f["rule"] for f in answer.body["findings"]}
    spans = server_timing(answer.headers["server-timing"])
    assert list(spans) == ["lint", "encode", "wait", "send", "return", "app"]
    assert spans["lint"] > 0 and spans["app"] >= spans["lint"]


def server_timing(header: str) -> dict[str, float]:
    """The durations in milliseconds of a ``Server-Timing`` header, by name."""
    entries = (entry.strip().split(";") for entry in header.split(","))
    return {name: float(duration.removeprefix("dur=")) for name, duration in entries}


def test_a_json_request_gets_the_same_report_as_the_same_article_sent_as_html(client: Client) -> None:
    html = SEED.read_text(encoding="utf-8")
    as_json = client.lint_json({"html": html, "path": "sahel.html"})
    assert as_json.status == 200 and as_json.body == client.lint(html, path="sahel.html").body
    unnamed = client.lint_json({"html": "<h1>T</h1><p>Text.</p>"})
    assert unnamed.status == 200 and unnamed.body["path"] == "<request>"


DRAFT = (
    "<html><body><article><h1>Budget</h1>\n<p style='color: red'>The council **approved** it.</p>\n"
    "<h1>Second</h1>\n<h4>Deep</h4></article></body></html>"
)


def test_fix_answers_what_the_library_answers(client: Client) -> None:
    import lint_article

    expected = lint_article.fix(DRAFT, config={"ignore": ["word-count"]}, path="draft.html").to_dict()
    as_html = client.call("POST", "/v1/fix?path=draft.html", DRAFT, "text/html; charset=utf-8")
    as_json = client.call("POST", "/v1/fix", json.dumps({"html": DRAFT, "path": "draft.html"}), "application/json")
    assert as_html.status == as_json.status == 200
    assert as_html.body == as_json.body == expected
    body = as_html.body
    assert "<strong>approved</strong>" in body["text"] and "<h2>Second</h2>" in body["text"]
    assert "<h4>Deep</h4>" in body["text"] and [f["rule"] for f in body["report"]["findings"]] == ["heading-order"]
    assert {fix["fix"]["applicability"] for fix in body["applied"]} == {"safe"}


def test_fix_applies_unsafe_fixes_only_when_asked_and_refuses_a_wrong_flag(client: Client) -> None:
    unsafe = client.call("POST", "/v1/fix?unsafe=true", DRAFT, "text/html")
    assert unsafe.status == 200 and "<h2>Deep</h2>" in unsafe.body["text"]
    as_json = client.call("POST", "/v1/fix", json.dumps({"html": DRAFT, "unsafe": True}), "application/json")
    assert as_json.body["text"] == unsafe.body["text"]
    wrong = client.call("POST", "/v1/fix", json.dumps({"html": DRAFT, "unsafe": "yes"}), "application/json")
    assert wrong.status == 400 and "'unsafe' must be true or false" in wrong.body["error"]["message"]
    assert client.call("POST", "/v1/fix?unsafe=maybe", DRAFT, "text/html").status == 400
    # unsafe belongs to fixing: a lint request with it is a mistake.
    assert (
        client.call("POST", "/v1/lint", json.dumps({"html": DRAFT, "unsafe": True}), "application/json").status == 400
    )


def test_the_path_picks_the_per_file_ignores_of_the_configuration(client: Client) -> None:
    body = "<html><body><h2>A page</h2><p>No title heading here.</p></body></html>"
    assert "single-h1" in {f["rule"] for f in client.lint(body, path="news/a.html").body["findings"]}
    assert "single-h1" not in {f["rule"] for f in client.lint(body, path="archive/a.html").body["findings"]}


def test_a_request_may_choose_its_rules_and_options(client: Client) -> None:
    html = "<h2>Body</h2><p style='color: red'>Short text.</p>"
    selected = client.lint_json({"html": html, "config": {"select": ["no-inline-style"]}})
    assert [f["rule"] for f in selected.body["findings"]] == ["no-inline-style"]
    fragment = client.lint_json({"html": html, "config": {"profile": "fragment", "select": ["single-h1"]}})
    assert fragment.body["findings"] == []
    options = {"select": ["no-inline-style"], "rules": {"no-inline-style": {"severity": "error"}}}
    assert [f["severity"] for f in client.lint_json({"html": html, "config": options}).body["findings"]] == ["error"]


@pytest.mark.parametrize(
    ("config", "code", "named"),
    [
        ({"max-file-size": 1}, "config-not-allowed", "'max-file-size'"),
        ({"exclude": ["*"]}, "config-not-allowed", "'exclude'"),
        ({"per_file_ignores": {}}, "config-not-allowed", "'per_file_ignores'"),
        ({"selct": ["single-h1"]}, "invalid-config", "did you mean 'select'"),
        ({"select": ["no-such-rule"]}, "invalid-config", "'no-such-rule'"),
        ({"rules": {"word-count": {"mn": 3}}}, "invalid-config", "unknown option 'mn'"),
        ({"rules": {"word-count": {"min": "three"}}}, "invalid-config", "'min'"),
        (["select"], "invalid-request", "'config' must be an object"),
    ],
)
def test_a_setting_outside_the_allow_list_or_a_wrong_one_is_a_400_that_names_it(
    client: Client, config: Any, code: str, named: str
) -> None:
    answer = client.lint_json({"html": "<p>x</p>", "config": config})
    assert answer.status == 400 and answer.body["error"]["code"] == code
    assert named in answer.body["error"]["message"]


def test_rules_lists_every_rule_with_its_options(client: Client) -> None:
    from lint_article import load_registry

    answer = client.call("GET", "/v1/rules")
    assert answer.status == 200
    rules = {rule["id"]: rule for rule in answer.body["rules"]}
    assert list(rules) == list(load_registry().rules)
    word_count = rules["word-count"]
    assert word_count["severity"] == "warning" and word_count["default_enabled"] is True
    assert word_count["fixable"] is False and word_count["url"].endswith("/word-count.md")
    options = {option["name"]: option for option in word_count["options"]}
    assert options["min"]["type"] == "integer" and options["min"]["default"] == 300 and options["min"]["doc"]


def test_a_request_sent_again_gets_its_earlier_answer_from_memory(client: Client) -> None:
    draft = "<h1>Autosave</h1><p>A draft that the CMS sends on every autosave, unchanged.</p>"
    before = client.call("GET", "/healthz").body["cache"]
    first, again = client.lint(draft, path="draft.html"), client.lint(draft, path="draft.html")
    renamed = client.lint(draft, path="other.html")  # the path is part of the answer
    assert first.status == again.status == renamed.status == 200
    assert again.body == first.body and renamed.body["path"] == "other.html"
    assert "cache" not in first.headers["server-timing"] and "cache" not in renamed.headers["server-timing"]
    assert again.headers["server-timing"] == "lint;dur=0.0, cache;desc=hit"
    after = client.call("GET", "/healthz").body["cache"]
    assert (after["hits"] - before["hits"], after["misses"] - before["misses"]) == (1, 2)
    assert after["entries"] == before["entries"] + 2 and after["bytes"] > before["bytes"]


def test_an_error_is_never_kept_for_the_next_request(client: Client) -> None:
    for _ in range(2):
        answer = client.lint_json({"html": 42})
        assert answer.status == 400 and "cache" not in answer.headers["server-timing"]


def test_healthz_says_the_workers_are_ready(client: Client) -> None:
    answer = client.call("GET", "/healthz")
    assert answer.status == 200
    assert answer.body["status"] == "ok" and answer.body["workers"] == 2 and answer.body["queue_size"] == 16


WARM_UP_PROBE = """
import sys
from lint_article.faces.http_worker import HTML, JSON, Job, start_worker
jobs = start_worker(None)
before = set(sys.modules)
page = open(sys.argv[1], "rb").read()
assert jobs(Job(page, HTML, "a.html")).status == 200
assert jobs(Job(b'{"html": "<p>x</p>", "config": {"select": ["readability"]}}', JSON, None)).status == 200
# Python loads a codec's small module on its first use: that one is not the linter's.
print(sorted(name for name in set(sys.modules) - before if not name.startswith("encodings.")))
"""


def test_a_warmed_worker_imports_nothing_more_for_a_request(tmp_path: Path) -> None:
    # What a request would otherwise pay: the decoder of declared charsets, the rules, the syllable table.
    page = tmp_path / "page.html"
    page.write_bytes(b'<meta charset="iso-8859-15"><h1>Caf\xe9</h1>' + SEED.read_bytes())
    result = subprocess.run(
        [sys.executable, "-c", WARM_UP_PROBE, str(page)], capture_output=True, text=True, check=False
    )
    assert result.returncode == 0, result.stderr
    assert result.stdout == "[]\n"


def test_the_service_writes_no_file(client: Client, server: ServerProcess) -> None:
    def tree() -> dict[str, float]:
        return {str(path): path.stat().st_mtime for path in server.cwd.rglob("*")}

    before = tree()
    client.lint(SEED.read_bytes(), path="out.html")
    client.lint_json({"html": "<p>x</p>", "path": "../../escape.html"})
    assert tree() == before


def test_the_server_parses_http_with_httptools_when_installed_else_with_h11(monkeypatch: pytest.MonkeyPatch) -> None:
    from uvicorn.protocols.http.h11_impl import H11Protocol
    from uvicorn.protocols.http.httptools_impl import HttpToolsProtocol

    from lint_article.faces.server import _http_protocol, _ReceiveDeadline

    fast = _http_protocol(3.0)
    assert fast.__mro__[1:3] == (_ReceiveDeadline, HttpToolsProtocol)
    monkeypatch.setitem(sys.modules, "uvicorn.protocols.http.httptools_impl", None)  # not installed
    fallback = _http_protocol(3.0)
    assert fallback.__mro__[1:3] == (_ReceiveDeadline, H11Protocol)
    assert fallback.receive_timeout == fast.receive_timeout == 3.0


def test_the_server_s_connections_send_small_writes_at_once() -> None:
    # Nagle's algorithm on would hold a response's body behind its headers until the
    # client's delayed acknowledgement: 40 ms for every small answer.
    from lint_article.faces.server import _listen

    async def nodelay_of_a_served_connection() -> int:
        accepted: asyncio.Future[int] = asyncio.get_running_loop().create_future()

        class Probe(asyncio.Protocol):
            def connection_made(self, transport: asyncio.BaseTransport) -> None:
                accepted.set_result(
                    transport.get_extra_info("socket").getsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY)
                )

        listener = _listen("127.0.0.1", 0)
        server = await asyncio.get_running_loop().create_server(Probe, sock=listener)
        async with server:
            _, writer = await asyncio.open_connection(*listener.getsockname()[:2])
            nodelay = await asyncio.wait_for(accepted, 30)
            writer.close()
        return nodelay

    assert asyncio.run(nodelay_of_a_served_connection()) != 0


# -- who may call -------------------------------------------------------------


def test_v1_routes_need_the_token_and_health_does_not(server: ServerProcess) -> None:
    anonymous = Client(server, token=None)
    for method, path in (("POST", "/v1/lint"), ("GET", "/v1/rules")):
        answer = anonymous.call(method, path, "<p>x</p>", "text/html")
        assert answer.status == 401 and answer.body["error"]["code"] == "unauthorized"
        assert answer.headers["www-authenticate"] == "Bearer"
    assert Client(server, token="wrong").call("GET", "/v1/rules").status == 401
    assert anonymous.call("GET", "/healthz").status == 200


def test_an_allowed_origin_gets_cors_headers_and_any_other_a_403(client: Client) -> None:
    preflight = client.call("OPTIONS", "/v1/lint", headers={"origin": ORIGIN, "access-control-request-method": "POST"})
    assert preflight.status == 204
    assert preflight.headers["access-control-allow-origin"] == ORIGIN
    assert "authorization" in preflight.headers["access-control-allow-headers"]
    allowed = client.lint("<p>x</p>", origin=ORIGIN)
    assert allowed.status == 200 and allowed.headers["access-control-allow-origin"] == ORIGIN
    refused = client.lint("<p>x</p>", origin="https://evil.example")
    assert refused.status == 403 and refused.body["error"]["code"] == "origin-not-allowed"
    assert "access-control-allow-origin" not in refused.headers


# -- bad input ----------------------------------------------------------------


@pytest.mark.parametrize(
    ("body", "code", "said"),
    [
        (b'{"html": "<p>', "invalid-json", "malformed"),
        (b"[" * 100_000, "invalid-json", "nested too deeply"),
        (b'{"html": "\xff"}', "invalid-json", "not UTF-8"),
        (bytes(range(256)), "invalid-json", "malformed"),
        (b"", "invalid-json", "malformed"),
        (b'["<p>x</p>"]', "invalid-request", "expected a JSON object"),
        (b'{"path": "a.html"}', "invalid-request", "'html' is missing"),
        (b'{"html": 3}', "invalid-request", "'html' must be a string"),
        (b'{"html": "x", "url": "http://192.0.2.1/"}', "invalid-request", "unknown field 'url'"),
        (b'{"html": "x", "path": ""}', "invalid-request", "'path' must be a non-empty string"),
    ],
)
def test_a_bad_json_request_is_a_400_with_a_json_error(client: Client, body: bytes, code: str, said: str) -> None:
    answer = client.call("POST", "/v1/lint", body, "application/json")
    assert answer.status == 400 and answer.body["error"]["code"] == code
    assert said in answer.body["error"]["message"]


@pytest.mark.parametrize("content_type", [None, "text/plain", "application/octet-stream", "multipart/form-data"])
def test_a_body_that_is_neither_html_nor_json_is_a_415(client: Client, content_type: str | None) -> None:
    answer = client.call("POST", "/v1/lint", bytes(range(256)), content_type)
    assert answer.status == 415 and answer.body["error"]["code"] == "unsupported-media-type"


def test_binary_bytes_sent_as_html_get_the_report_of_a_file_that_is_not_html(client: Client) -> None:
    answer = client.lint(bytes(range(256)) * 16)
    assert answer.status == 200 and answer.body["error"] == "not HTML: binary data" and answer.body["stats"] is None


def test_unknown_query_parameters_and_routes_are_json_errors(client: Client) -> None:
    answer = client.call("POST", "/v1/lint?url=http://192.0.2.1/", "<p>x</p>", "text/html")
    assert answer.status == 400 and "'url'" in answer.body["error"]["message"]
    assert client.call("POST", "/v1/lint?path=a.html", "{}", "application/json").status == 400
    assert client.call("GET", "/v1/nothing").body["error"]["code"] == "not-found"
    assert client.call("GET", "/v1/lint").body["error"]["code"] == "method-not-allowed"


def raw_exchange(server: ServerProcess, request: bytes, *, piece: int = 65536, pause: float = 0) -> bytes:
    """Send *request* on a socket of its own, *piece* bytes at a time (*pause*
    apart), until the server answers or closes; then read until it closes."""
    answer = b""
    with socket.create_connection((server.host, server.port), timeout=30) as connection:
        try:
            for start in range(0, len(request), piece):
                connection.sendall(request[start : start + piece])
                if select.select([connection], [], [], pause)[0]:
                    break  # the server has answered (or closed) already
            while chunk := connection.recv(65536):
                answer += chunk
        except (BrokenPipeError, ConnectionResetError):
            pass  # the server hung up on what we were still sending: what it said before is kept
    return answer


def authorized(head: bytes) -> bytes:
    return head + b"Authorization: Bearer " + TOKEN.encode() + b"\r\n\r\n"


def test_a_body_declared_over_the_limit_is_a_413_before_it_is_read(server: ServerProcess, client: Client) -> None:
    head = b"POST /v1/lint HTTP/1.1\r\nHost: x\r\nContent-Type: text/html\r\nContent-Length: %d\r\n" % (MAX_BODY + 1)
    status, body = json_error(raw_exchange(server, authorized(head) + b"<p>a few bytes of it"))
    assert status == 413 and body["error"]["code"] == "body-too-large"
    assert f"{MAX_BODY:,}" in body["error"]["message"]
    still_serving(client)


def json_error(answer: bytes) -> tuple[int, dict[str, Any]]:
    head, _, body = answer.partition(b"\r\n\r\n")
    assert b"content-type: application/json" in head.lower()
    return int(head.split()[1]), json.loads(body)


def test_a_streamed_body_over_the_limit_is_a_413(server: ServerProcess, client: Client) -> None:
    chunk = b"%x\r\n%s\r\n" % (64_000, b"a" * 64_000)
    head = b"POST /v1/lint HTTP/1.1\r\nHost: x\r\nContent-Type: text/html\r\nTransfer-Encoding: chunked\r\n"
    request = authorized(head) + chunk * (MAX_BODY // 64_000 + 2)
    status, body = json_error(raw_exchange(server, request))
    assert status == 413 and body["error"]["code"] == "body-too-large"
    still_serving(client)


def test_malformed_http_is_a_json_400(server: ServerProcess, client: Client) -> None:
    status, body = json_error(raw_exchange(server, b"NOT HTTP AT ALL\r\n\r\n"))
    assert status == 400 and body["error"]["code"] == "malformed-http"
    still_serving(client)


def test_a_body_that_trickles_in_past_the_receive_timeout_is_a_408(server: ServerProcess, client: Client) -> None:
    head = b"POST /v1/lint HTTP/1.1\r\nHost: x\r\nContent-Type: text/html\r\nContent-Length: 1000\r\n"
    request = authorized(head) + b"<p>"
    started = time.monotonic()
    with socket.create_connection((server.host, server.port), timeout=30) as connection:
        connection.sendall(request)
        answer = b""
        # A byte every tenth of a second: the body would take 100 s; the server allows 1.
        while not answer and time.monotonic() - started < 20:
            try:
                connection.sendall(b"a")
            except OSError:
                break
            connection.settimeout(0.1)
            try:
                answer = connection.recv(65536)
            except TimeoutError:
                continue
        connection.settimeout(5)
        while chunk := connection.recv(65536):
            answer += chunk
    status, body = json_error(answer)
    assert status == 408 and body["error"]["code"] == "receive-timeout"
    assert time.monotonic() - started < 10
    still_serving(client)


def test_slow_headers_are_cut_off_while_other_clients_are_served(server: ServerProcess, client: Client) -> None:
    # Slowloris: connections that send a request's headers a byte at a time.
    results: list[bytes] = []
    request = b"POST /v1/lint HTTP/1.1\r\nHost: x\r\nContent-Type: text/html\r\nX-Padding: " + b"p" * 200

    def trickle() -> None:
        results.append(raw_exchange(server, request, piece=1, pause=0.05))

    started = time.monotonic()
    threads = [threading.Thread(target=trickle) for _ in range(20)]
    for thread in threads:
        thread.start()
    time.sleep(0.3)
    still_serving(client)  # while they trickle
    for thread in threads:
        thread.join(timeout=30)
    assert len(results) == 20 and all(answer == b"" for answer in results)  # closed without a word
    assert time.monotonic() - started < 10  # the deadline (1 s), not the 11 s the headers would take
    still_serving(client)


def test_an_article_past_the_time_limit_is_a_503_and_its_worker_is_replaced(client: Client) -> None:
    started = time.monotonic()
    answer = client.lint(SLOW_ARTICLE)
    assert answer.status == 503 and answer.body["error"]["code"] == "lint-timeout"
    assert "0.5 s" in answer.body["error"]["message"]
    assert time.monotonic() - started < 0.5 + 10  # answered at the limit, not when the lint would have ended
    still_serving(client)
    wait_until(client, lambda health: health.body.get("workers") == 2)  # the new worker is warmed


def test_hundreds_of_tiny_requests_on_kept_alive_connections_all_succeed(server: ServerProcess) -> None:
    statuses: list[int] = []

    def send(count: int) -> None:
        connection = http.client.HTTPConnection(server.host, server.port, timeout=30)
        headers = {"content-type": "text/html", "authorization": f"Bearer {TOKEN}"}
        for i in range(count):
            connection.request("POST", f"/v1/lint?path=tiny-{i}.html", body=b"<p>x</p>", headers=headers)
            response = connection.getresponse()
            assert json.loads(response.read())["path"] == f"tiny-{i}.html"
            statuses.append(response.status)
        connection.close()

    threads = [threading.Thread(target=send, args=(75,)) for _ in range(4)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=120)
    assert statuses == [200] * 300


def test_corpus_articles_get_their_reports(client: Client) -> None:
    articles = sorted(corpus_files("articles"), key=lambda path: path.stat().st_size)[:10]  # well within 0.5 s
    if not articles:
        pytest.skip("the corpus (../shared/corpus) is not beside the checkout")
    for article in articles:
        answer = client.lint(article.read_bytes(), path=article.name)
        assert answer.status == 200 and answer.body["error"] is None and answer.body["path"] == article.name


# -- the waiting line, with a server of one worker ------------------------------


@pytest.fixture(scope="module")
def one_worker(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Client]:
    """A server of one worker with a waiting line of one, and time enough for any
    article; no answer is kept, so that every request reaches the worker."""
    folder = tmp_path_factory.mktemp("one")
    server = start(folder, "--workers", "1", "--queue-size", "1", "--timeout", "60", "--cache-size", "0", "--isolated")
    yield Client(server, token=None)
    assert server.stop() in (0, -15)


def test_past_the_waiting_line_a_request_is_refused_with_429(one_worker: Client) -> None:
    client = one_worker
    answers: list[Answer] = []
    running = threading.Thread(target=lambda: answers.append(client.lint(SLOW_ARTICLE)))
    running.start()
    wait_until(client, lambda health: health.body.get("busy") == 1)
    waiting = threading.Thread(target=lambda: answers.append(client.lint(SLOW_ARTICLE)))
    waiting.start()
    # Health says the line is full as soon as the second request waits in it.
    full = wait_until(client, lambda health: health.status == 503)
    assert full.body["error"]["code"] == "queue-full"
    refused = client.lint("<p>x</p>")
    assert refused.status == 429 and refused.body["error"]["code"] == "queue-full"
    assert refused.headers["retry-after"] == "1"
    running.join(timeout=120)
    waiting.join(timeout=120)
    assert [answer.status for answer in answers] == [200, 200]
    assert client.lint("<p>x</p>").status == 200


@pytest.mark.skipif(not Path("/proc/self/task").is_dir(), reason="finds the worker in Linux's /proc")
def test_a_worker_that_dies_mid_article_is_a_500_and_is_replaced(one_worker: Client) -> None:
    client = one_worker
    (worker,) = workers_of(client.server.process.pid)
    answers: list[Answer] = []
    running = threading.Thread(target=lambda: answers.append(client.lint(SLOW_ARTICLE)))
    running.start()
    wait_until(client, lambda health: health.body.get("busy") == 1)
    os.kill(worker, signal.SIGKILL)  # as the kernel's OOM killer would
    running.join(timeout=120)
    assert answers[0].status == 500 and answers[0].body["error"]["code"] == "worker-failed"
    wait_until(client, lambda health: health.body.get("workers") == 1)
    assert workers_of(client.server.process.pid) != {worker}
    assert client.lint("<h1>T</h1><p>After the crash.</p>").status == 200


def wait_until(client: Client, condition: Callable[[Answer], bool]) -> Answer:
    """The first answer of /healthz that meets *condition*, asked every 20 ms for a minute at most."""
    deadline = time.monotonic() + 60
    while not condition(health := client.call("GET", "/healthz")):
        assert time.monotonic() < deadline, health.body
        time.sleep(0.02)
    return health


# -- starting and stopping ----------------------------------------------------


def workers_of(pid: int) -> set[int]:
    """The worker processes of the server *pid* (multiprocessing's resource tracker is a child too)."""
    found: set[int] = set()
    for task in Path(f"/proc/{pid}/task").iterdir():
        found |= {int(child) for child in (task / "children").read_text().split()}
    return {child for child in found if b"spawn_main" in Path(f"/proc/{child}/cmdline").read_bytes()}


@pytest.mark.skipif(not Path("/proc/self/task").is_dir(), reason="reads the process tree from Linux's /proc")
def test_sigterm_stops_the_server_and_its_workers(tmp_path: Path) -> None:
    server = start(tmp_path, "--workers", "2", "--queue-size", "0", "--isolated")
    try:
        workers = workers_of(server.process.pid)
        assert len(workers) == 2
        # No waiting line at all, and idle workers: healthy, and a request is served.
        client = Client(server, token=None)
        assert client.call("GET", "/healthz").status == 200 and client.lint("<h1>T</h1>").status == 200
    finally:
        assert server.stop() in (0, -15)  # a failed assertion above must not leave the server running
    deadline = time.monotonic() + 10
    while any(Path(f"/proc/{pid}").exists() for pid in workers):
        assert time.monotonic() < deadline, "a worker outlived the server"
        time.sleep(0.05)


def serve_fails(tmp_path: Path, *args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "lint_article", "serve", *args],
        cwd=tmp_path,
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )


def test_a_wrong_configuration_stops_the_server_before_it_listens(tmp_path: Path) -> None:
    (tmp_path / ".lint-article.toml").write_text('select = ["no-such-rule"]\n')
    result = serve_fails(tmp_path, "--port", "0")
    assert result.returncode == 2 and "no-such-rule" in result.stderr and "Traceback" not in result.stderr


def test_a_port_in_use_is_a_clear_error(tmp_path: Path) -> None:
    with socket.create_server(("127.0.0.1", 0)) as taken:
        result = serve_fails(tmp_path, "--isolated", "--port", str(taken.getsockname()[1]))
    assert result.returncode == 2 and "cannot listen on 127.0.0.1:" in result.stderr
    assert "Traceback" not in result.stderr


@pytest.mark.slow
def test_the_load_benchmark_runs_to_the_end_without_an_error() -> None:
    if not corpus_files("articles"):
        pytest.skip("the corpus (../shared/corpus) is not beside the checkout")
    small = ["--requests", "40", "--open-requests", "40", "--tiny", "40", "--concurrency", "4"]
    small += ["--baseline-articles", "10", "--articles", "10"]
    result = subprocess.run(
        [sys.executable, str(ROOT / "benchmarks" / "service_load.py"), *small],
        capture_output=True,
        text=True,
        timeout=600,
        check=False,
    )
    assert result.returncode == 0, result.stdout + result.stderr
    assert result.stdout.count("40 requests in") == 4 and "errors: 0" in result.stdout
