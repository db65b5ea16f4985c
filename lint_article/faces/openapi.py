"""The OpenAPI 3.1 document of the HTTP service, served at ``/openapi.json``.

The report schemas come from the report dataclasses and the request's ``config``
from the configuration's own fields (:mod:`.catalog`), so the document describes
what the service sends and takes, not a copy of it; the limits come from the
running server's options.
"""

from __future__ import annotations

import typing
from importlib.metadata import version
from typing import TYPE_CHECKING, Any

from ..config import KEYS, PROFILE_NAMES, Config
from ..findings import FindingDict, Severity
from ..report import AppliedFixDict, FixResultDict, ReportDict, StatsDict
from .catalog import json_schema, typed_dict_schema
from .service import ALLOWED_CONFIG_KEYS, REQUEST_FIELDS, UNSAFE_DOC, UNSAFE_FIELD

if TYPE_CHECKING:
    from .server import ServerOptions

# The JSON contract is what the TypedDicts say (a report of a file that could not be
# linted has stats null); each is named as the dataclass it is the output of.
_CONTRACT: dict[str, Any] = {
    "Report": ReportDict,
    "Finding": FindingDict,
    "Stats": StatsDict,
    "FixResult": FixResultDict,
    "AppliedFix": AppliedFixDict,
}
_REFS: dict[Any, str] = {cls: f"#/components/schemas/{name}" for name, cls in _CONTRACT.items()}


def _ref(name: str) -> dict[str, str]:
    return {"$ref": f"#/components/schemas/{name}"}


def _json(schema: dict[str, Any], description: str) -> dict[str, Any]:
    return {"description": description, "content": {"application/json": {"schema": schema}}}


def _error(description: str) -> dict[str, Any]:
    return _json(_ref("Error"), description)


def openapi_document(options: ServerOptions) -> dict[str, Any]:
    secured: dict[str, Any] = {"security": [{"bearer": []}]} if options.token else {}
    refused: dict[str, Any] = {
        "403": _error("`origin-not-allowed`: the request came from a web page whose origin is not allowed"),
        **({"401": _error("`unauthorized`: the bearer token is missing or wrong")} if options.token else {}),
    }
    lint = {
        "summary": "Lint one article",
        "description": (
            "Send the article as `text/html` (bytes, decoded as a browser decodes a file: byte order mark, "
            "`<meta charset>`, UTF-8, else windows-1252; the name in `?path=`), or as JSON. The answer is one "
            "`files[]` entry of `lint-article check --format json`. The header `Server-Timing` says where the "
            "time went, in ms: `lint` (reading and linting), `encode` (the answer as JSON), `wait` (in line for "
            "a worker), `send` and `return` (between this server and its worker), `app` (all of it, from the "
            "request's headers to its answer); a request sent again gets its earlier answer from memory, "
            "marked `Server-Timing: lint;dur=0.0, cache;desc=hit`."
        ),
        "operationId": "lint",
        "parameters": [
            {
                "name": "path",
                "in": "query",
                "required": False,
                "description": "For a `text/html` body: " + REQUEST_FIELDS["path"],
                "schema": {"type": "string", "minLength": 1},
            }
        ],
        "requestBody": {
            "required": True,
            "content": {
                "text/html": {"schema": {"type": "string"}},
                "application/json": {"schema": _ref("LintRequest")},
            },
        },
        "responses": {
            "200": _json(_ref("Report"), "The report; `error` is set when the article could not be linted"),
            "400": _error(
                "`invalid-json`, `invalid-request` (a field missing or of the wrong type, an unknown field), "
                "`config-not-allowed` (a config key outside the allow-list), `invalid-config` (a wrong rule "
                "id or option), `client-disconnected`"
            ),
            **refused,
            "408": _error(f"`receive-timeout`: the body took over {options.receive_timeout:g} s to arrive"),
            "413": _error(f"`body-too-large`: the body is over {options.max_body_size:,} bytes"),
            "415": _error("`unsupported-media-type`: neither text/html nor application/json"),
            "429": _error(f"`queue-full`: every worker is busy and {options.queue_size} requests wait already"),
            "500": _error("`worker-failed`, `internal-error`: the linter failed"),
            "503": _error(f"`lint-timeout`: linting took over {options.timeout:g} s; its worker was replaced"),
        },
        **secured,
    }
    fix = {
        **lint,
        "summary": "Fix one article",
        "description": (
            "Send the article as for `/v1/lint`. The answer is the article with its fixes applied (`text`: every "
            "character outside the fixes' edits as it was sent), the fixes `applied`, and the `report` of what is "
            "left. Safe fixes only, unless `unsafe` is true (a JSON field, or `?unsafe=true` with `text/html`)."
        ),
        "operationId": "fix",
        "parameters": [
            *lint["parameters"],
            {
                "name": UNSAFE_FIELD,
                "in": "query",
                "required": False,
                "description": "For a `text/html` body: " + UNSAFE_DOC,
                "schema": {"type": "string", "enum": ["true", "false"]},
            },
        ],
        "requestBody": {
            "required": True,
            "content": {
                "text/html": {"schema": {"type": "string"}},
                "application/json": {"schema": _ref("FixRequest")},
            },
        },
        "responses": {
            **lint["responses"],
            "200": _json(
                _ref("FixResult"), "The fixed article; the report's `error` is set when it could not be linted"
            ),
        },
    }
    rules = {
        "summary": "The installed rules and their options",
        "operationId": "listRules",
        "responses": {"200": _json(_ref("RuleList"), "Every installed rule, in id order"), **refused},
        **secured,
    }
    health = {
        "summary": "Whether the service can take work",
        "operationId": "health",
        "responses": {
            "200": _json(_ref("Health"), "Ready: workers are alive and the waiting line has room"),
            "503": _error("`no-workers` or `queue-full`: send work elsewhere for now"),
            **refused,
        },
    }
    document = {
        "summary": "This document",
        "operationId": "openapi",
        "responses": {"200": _json({"type": "object"}, "The OpenAPI document"), **refused},
    }
    return {
        "openapi": "3.1.0",
        "info": {
            "title": "lint-article",
            "version": version("lint-article"),
            "description": 'A linter for HTML articles, as a service. Every error is `{"error": {"code", "message"}}`.',
        },
        "paths": {
            "/v1/lint": {"post": lint},
            "/v1/fix": {"post": fix},
            "/v1/rules": {"get": rules},
            "/healthz": {"get": health},
            "/openapi.json": {"get": document},
        },
        "components": {
            "schemas": _schemas(),
            **({"securitySchemes": {"bearer": {"type": "http", "scheme": "bearer"}}} if options.token else {}),
        },
    }


def _schemas() -> dict[str, Any]:
    config_types = typing.get_type_hints(Config)
    config = {
        key: {**json_schema(config_types[key.replace("-", "_")]), "description": KEYS[key]}
        for key in ALLOWED_CONFIG_KEYS
    }
    config["profile"]["enum"] = list(PROFILE_NAMES)
    return {
        **{name: typed_dict_schema(cls, _REFS) for name, cls in _CONTRACT.items()},
        "LintRequest": {
            "type": "object",
            "required": ["html"],
            "properties": {
                "html": {"type": "string", "description": REQUEST_FIELDS["html"]},
                "path": {"type": "string", "minLength": 1, "description": REQUEST_FIELDS["path"]},
                "config": _ref("RequestConfig"),
            },
            "additionalProperties": False,
        },
        "FixRequest": {
            "type": "object",
            "required": ["html"],
            "properties": {
                "html": {"type": "string", "description": REQUEST_FIELDS["html"]},
                "path": {"type": "string", "minLength": 1, "description": REQUEST_FIELDS["path"]},
                "config": _ref("RequestConfig"),
                UNSAFE_FIELD: {"type": "boolean", "default": False, "description": UNSAFE_DOC},
            },
            "additionalProperties": False,
        },
        "RequestConfig": {
            "type": "object",
            "description": REQUEST_FIELDS["config"] + "; they apply on top of the server's configuration file",
            "properties": config,
            "additionalProperties": False,
        },
        "RuleList": {
            "type": "object",
            "required": ["rules"],
            "properties": {"rules": {"type": "array", "items": _ref("Rule")}},
        },
        "Rule": {
            "type": "object",
            "required": ["id", "summary", "severity", "default_enabled", "fixable", "origin", "url", "options"],
            "properties": {
                "id": {"type": "string"},
                "summary": {"type": "string"},
                "severity": {"type": "string", "enum": [str(s) for s in Severity], "description": "its default"},
                "default_enabled": {"type": "boolean"},
                "fixable": {"type": "boolean"},
                "origin": {"type": "string", "description": "the distribution that provides the rule"},
                "url": {"type": "string", "description": "its documentation"},
                "options": {"type": "array", "items": _ref("RuleOption")},
            },
            "additionalProperties": False,
        },
        "RuleOption": {
            "type": "object",
            "required": ["name", "type", "default", "doc"],
            "properties": {
                "name": {"type": "string"},
                "type": {
                    "description": "JSON Schema type: a name, or names when null is allowed too",
                    "anyOf": [{"type": "string"}, {"type": "array", "items": {"type": "string"}}],
                },
                "items": {"type": "object", "description": "for an array: the type of its items"},
                "default": {"description": "the value when the configuration sets none"},
                "doc": {"type": "string"},
                "minimum": {"type": "number"},
                "maximum": {"type": "number"},
            },
            "additionalProperties": False,
        },
        "Health": {
            "type": "object",
            "required": ["status", "version", "workers", "busy", "waiting", "queue_size", "cache"],
            "properties": {
                "status": {"const": "ok"},
                "version": {"type": "string"},
                "workers": {"type": "integer", "description": "worker processes alive and warmed"},
                "busy": {"type": "integer"},
                "waiting": {"type": "integer", "description": "requests waiting for a worker"},
                "queue_size": {"type": "integer", "description": "how many may wait before 429"},
                "cache": {
                    "type": "object",
                    "description": "answers kept for requests sent again, and how often they were used",
                    "required": ["entries", "bytes", "hits", "misses"],
                    "properties": {name: {"type": "integer"} for name in ("entries", "bytes", "hits", "misses")},
                    "additionalProperties": False,
                },
            },
            "additionalProperties": False,
        },
        "Error": {
            "type": "object",
            "required": ["error"],
            "properties": {
                "error": {
                    "type": "object",
                    "required": ["code", "message"],
                    "properties": {
                        "code": {"type": "string", "description": "for programs: stable, kebab-case"},
                        "message": {"type": "string", "description": "for people"},
                    },
                }
            },
        },
    }
