"""Lint requests that arrive as data, for every long-lived face.

A request is an article (``html``), the name it is linted under (``path``: it
picks the per-file ignores, and is the report's ``path``) and a few settings of
its own (``config``), checked against :data:`ALLOWED_CONFIG_KEYS`. The answer is
a :class:`~lint_article.report.Report`, whose ``to_dict()`` is the ``files[]``
entry of ``--format json``: the HTTP service, the MCP server and the JSON-lines
pipe all hand back that same object.
"""

from __future__ import annotations

import json
import threading
from collections import OrderedDict
from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import PurePath
from types import MappingProxyType
from typing import TYPE_CHECKING, Any

from ..config import KEYS, Config
from ..config_files import Settings
from ..report import Report
from ..rule import ConfigError

if TYPE_CHECKING:
    from ..engine import Linter
    from ..fixes import FixResult

ALLOWED_CONFIG_KEYS = ("select", "extend-select", "ignore", "rules", "language", "profile", "report-unused-disables")
"""The settings a request may choose for itself: which rules run, with which
options, on what kind of article. The others belong to whoever runs the service:
``exclude`` and ``per-file-ignores`` are about a tree of files, ``fail-on`` only
decides an exit code, and ``max-file-size`` is a safety limit that no caller may raise."""

REQUEST_FIELDS = {
    "html": "the article: a whole page or a CMS body",
    "path": "the name to lint it under: its per-file ignores, and the report's path",
    "config": f"settings for this request alone: {', '.join(ALLOWED_CONFIG_KEYS)}",
}

UNSAFE_FIELD = "unsafe"
"""The field of a fix request (and the query parameter of one sent as text/html)
that asks for the unsafe fixes too."""
UNSAFE_DOC = "also apply the unsafe fixes, which delete or restructure prose (default false: safe fixes only)"

DEFAULT_PATH = "<request>"
"""The report's ``path`` when a request names none."""

_CACHED_CONFIGS = 32
"""Distinct request configurations whose linters are kept: a client that sends a
new one each time costs a rebuild (under a millisecond), never memory without bound."""


class RequestError(ValueError):
    """A request that cannot be linted as sent; *code* says why, for programs."""

    def __init__(self, code: str, message: str) -> None:
        super().__init__(message)
        self.code = code
        self.message = message

    def to_dict(self) -> dict[str, Any]:
        return error_document(self.code, self.message)


def error_document(code: str, message: str) -> dict[str, Any]:
    """The body of every error the faces answer with."""
    return {"error": {"code": code, "message": message}}


def compact_json(data: Any) -> str:
    """*data* as one line of ASCII JSON: every character of the article that
    reaches a message or a snippet is escaped, lone surrogates and line
    separators included, so the line is valid whatever the output's encoding."""
    return json.dumps(data, ensure_ascii=True, separators=(",", ":"))


@dataclass(frozen=True, slots=True)
class LintRequest:
    html: str | bytes
    path: str
    config: Mapping[str, Any] = field(default_factory=lambda: MappingProxyType({}))


def decode_json(raw: bytes) -> Any:
    """The JSON value in *raw*; raises RequestError ``invalid-json`` saying why not."""
    try:
        return json.loads(raw)
    except RecursionError:
        raise RequestError("invalid-json", "the JSON is nested too deeply") from None
    except UnicodeDecodeError as exc:
        raise RequestError("invalid-json", f"the JSON is not UTF-8 (byte {exc.start})") from None
    except ValueError as exc:
        raise RequestError("invalid-json", f"the JSON is malformed: {exc}") from None


def parse_unsafe(data: Any) -> bool:
    """The ``unsafe`` field of a fix request (a JSON object), false when absent."""
    value = data.get(UNSAFE_FIELD, False) if isinstance(data, dict) else False
    if not isinstance(value, bool):
        raise RequestError("invalid-request", f"field {UNSAFE_FIELD!r} must be true or false, got {_kind(value)}")
    return value


def parse_request(data: Any, *, default_path: str, extra_fields: tuple[str, ...] = ()) -> LintRequest:
    """The request held by *data*, a decoded JSON object with the fields of
    :data:`REQUEST_FIELDS` (and *extra_fields*, which the caller reads itself)."""
    if not isinstance(data, dict):
        raise RequestError("invalid-request", f"expected a JSON object with {_fields(extra_fields)}, got {_kind(data)}")
    for name in data:
        if name not in REQUEST_FIELDS and name not in extra_fields:
            raise RequestError("invalid-request", f"unknown field {name!r}; a request has {_fields(extra_fields)}")
    html = data.get("html")
    if not isinstance(html, str):
        problem = "is missing" if html is None else f"must be a string, got {_kind(html)}"
        raise RequestError("invalid-request", f"field 'html' {problem}")
    path = data.get("path", default_path)
    if not isinstance(path, str) or not path:
        raise RequestError("invalid-request", f"field 'path' must be a non-empty string, got {_kind(path)}")
    config = data.get("config")
    if config is None:  # absent, or null
        config = {}
    check_config(config)
    return LintRequest(html, path, config)


def check_config(config: Any) -> None:
    """Refuse a request's settings that are not a table, or that set a key
    outside :data:`ALLOWED_CONFIG_KEYS` (a key that is no setting at all is left
    to the configuration's own check, which suggests the one meant)."""
    if not isinstance(config, Mapping):
        raise RequestError("invalid-request", f"field 'config' must be an object, got {_kind(config)}")
    for key in config:
        name = str(key).replace("_", "-")
        if name in KEYS and name not in ALLOWED_CONFIG_KEYS:
            raise RequestError(
                "config-not-allowed",
                f"config key {key!r} cannot be set per request (allowed: {', '.join(ALLOWED_CONFIG_KEYS)})",
            )


def _fields(extra: tuple[str, ...]) -> str:
    names = [*extra, *REQUEST_FIELDS]
    return ", ".join(names[:-1]) + " and " + names[-1]


def _kind(value: Any) -> str:
    """*value*'s JSON type: messages say what was sent, without echoing a value of any size."""
    kinds = {dict: "an object", list: "an array", str: "a string", bool: "a boolean", type(None): "null"}
    return kinds.get(type(value), "a number" if isinstance(value, int | float) else type(value).__name__)


class LintService:
    """Lints requests with *settings* (where the configuration comes from, and
    what the command line set) and each request's own ``config`` on top; the
    linters are built once per configuration and reused."""

    def __init__(self, settings: Settings) -> None:
        self._settings = settings
        self._by_config: OrderedDict[str, Settings] = OrderedDict()
        self._lock = threading.Lock()

    def lint(self, request: LintRequest) -> Report:
        """The report of *request*; raises RequestError for settings that are wrong."""
        return self._linter(request).lint(request.html, request.path)

    def fix(self, request: LintRequest, *, unsafe: bool = False) -> FixResult:
        """*request*'s article with its fixes applied (the unsafe ones too when
        *unsafe*), and the report of what is left; raises RequestError for settings that are wrong."""
        from ..fixes import fix_html  # the fixing code is for fix requests alone

        return fix_html(self._linter(request), request.html, request.path, unsafe=unsafe)

    def _linter(self, request: LintRequest) -> Linter:
        try:
            with self._lock:  # the caches below are shared by the MCP server's threads
                return self._settings_for(request.config).linter_for(settings_path(request.path))
        except ConfigError as exc:
            raise RequestError("invalid-config", str(exc)) from None

    def _settings_for(self, config: Mapping[str, Any]) -> Settings:
        if not config:
            return self._settings
        key = json.dumps(config, sort_keys=True, default=repr)
        settings = self._by_config.get(key)
        if settings is None:
            check_config(config)
            base = self._settings
            overrides = base.overrides.merged(Config.from_mapping(config, source="request config"))
            settings = Settings(overrides, base.config_file, base.isolated, base.registry)
            self._by_config[key] = settings
            if len(self._by_config) > _CACHED_CONFIGS:
                self._by_config.popitem(last=False)
        self._by_config.move_to_end(key)
        return settings


def settings_path(name: str) -> PurePath | None:
    """The path whose settings apply to an article named *name*; None (the
    current directory's) for standard input, ``-``."""
    return PurePath(name) if name != "-" else None
