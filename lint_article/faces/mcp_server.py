"""``lint-article mcp``: the linter as a Model Context Protocol server over stdio.

A writing assistant checks a draft before a person sees it: the ``lint`` tool
answers the ``files[]`` entry of ``--format json`` (as structured content, and
as its JSON text), ``fix`` the draft with its mechanical problems mended (as
``lint_article.fix`` does), ``explain`` the page of a rule, as ``lint-article
explain`` prints it. Settings come from the same files as the command line's.
"""

from __future__ import annotations

from importlib.metadata import version
from typing import Annotated, Any

from mcp.server.mcpserver import MCPServer
from mcp.server.mcpserver.exceptions import ToolError
from mcp_types import ToolAnnotations
from pydantic import Field

from ..config_files import Settings
from ..docs import render
from ..registry import load_registry
from ..rule import suggest
from .service import (
    ALLOWED_CONFIG_KEYS,
    DEFAULT_PATH,
    REQUEST_FIELDS,
    UNSAFE_DOC,
    LintService,
    RequestError,
    parse_request,
)

INSTRUCTIONS = (
    "lint-article checks HTML articles before they are published: structure (one <h1>, heading order), "
    "inline styles, length, readability, repeated phrases, and text that a writing assistant or a template "
    "left behind. Call `lint` on a draft's HTML and fix what it finds; `fix` mends the mechanical problems "
    "(pasted styles, extra <h1>s, empty headings, unrendered Markdown) and returns the new HTML; "
    "`explain` tells what a rule wants."
)

_READ_ONLY = ToolAnnotations(read_only_hint=True, destructive_hint=False, idempotent_hint=True, open_world_hint=False)


def build_server(settings: Settings) -> MCPServer:
    service = LintService(settings)
    registry = load_registry()
    server: MCPServer = MCPServer(
        "lint-article", version=version("lint-article"), instructions=INSTRUCTIONS, log_level="WARNING"
    )

    @server.tool(annotations=_READ_ONLY)
    def lint(
        html: Annotated[str, Field(description=REQUEST_FIELDS["html"])],
        path: Annotated[str, Field(description=REQUEST_FIELDS["path"], min_length=1)] = DEFAULT_PATH,
        config: Annotated[
            dict[str, Any] | None, Field(description="Settings for this call: " + ", ".join(ALLOWED_CONFIG_KEYS))
        ] = None,
    ) -> dict[str, Any]:
        """Lint an HTML article. Returns its report: `findings` (each with rule, severity, message, line,
        column, snippet and a CSS selector), `stats` (words, reading time, readability), and `error` when
        the article could not be linted."""
        try:
            request = parse_request({"html": html, "path": path, "config": config or {}}, default_path=DEFAULT_PATH)
            return dict(service.lint(request).to_dict())
        except RequestError as exc:
            raise ToolError(f"{exc.code}: {exc.message}") from None

    @server.tool(annotations=_READ_ONLY)
    def fix(
        html: Annotated[str, Field(description=REQUEST_FIELDS["html"])],
        unsafe: Annotated[bool, Field(description=UNSAFE_DOC[0].upper() + UNSAFE_DOC[1:] + ".")] = False,
        path: Annotated[str, Field(description=REQUEST_FIELDS["path"], min_length=1)] = DEFAULT_PATH,
        config: Annotated[
            dict[str, Any] | None, Field(description="Settings for this call: " + ", ".join(ALLOWED_CONFIG_KEYS))
        ] = None,
    ) -> dict[str, Any]:
        """Fix an HTML article: `text` is the article with its fixes applied (every character outside
        their edits as sent), `applied` the fixes (rule, where, title, safe or unsafe, edits), and
        `report` what is left, as `lint` reports it. Safe fixes only unless `unsafe` is true."""
        try:
            request = parse_request({"html": html, "path": path, "config": config or {}}, default_path=DEFAULT_PATH)
            return dict(service.fix(request, unsafe=unsafe).to_dict())
        except RequestError as exc:
            raise ToolError(f"{exc.code}: {exc.message}") from None

    @server.tool(annotations=_READ_ONLY)
    def explain(rule: Annotated[str, Field(description="A rule id, as `lint` reports it")]) -> str:
        """The documentation of a rule, in Markdown: what it checks, why, an example that fails and one
        that passes, its options, and how to silence it."""
        entry = registry.rules.get(rule)
        if entry is None:
            raise ToolError(f"unknown rule {rule!r}{suggest(rule, registry.rules)}")
        return render(entry.rule)

    return server


def run(settings: Settings) -> None:
    """Serve on standard input and output until the client closes them."""
    build_server(settings).run("stdio")
