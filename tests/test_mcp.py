"""``lint-article mcp``, as a writing assistant meets it: the official SDK's client
spawns the command and speaks the Model Context Protocol to it over stdio."""

from __future__ import annotations

import asyncio
import json
import subprocess
import sys
from pathlib import Path
from typing import Any

from mcp import Client
from mcp.client.stdio import StdioServerParameters

from .conftest import FIXTURES, cli_json_entry

SEED = FIXTURES / "sahel-article.html"
# The console script that pip installed beside this Python, as an assistant's configuration names it.
LINT_ARTICLE = Path(sys.executable).with_name("lint-article")


def in_session(cwd: Path, *calls: tuple[str, dict[str, Any]]) -> tuple[list[str], list[Any]]:
    """The tools that ``lint-article mcp --isolated`` offers, and the result of each call, in one session."""

    async def session() -> tuple[list[str], list[Any]]:
        server = StdioServerParameters(command=str(LINT_ARTICLE), args=["mcp", "--isolated"], cwd=str(cwd))
        async with Client(server, read_timeout_seconds=60) as client:
            tools = [tool.name for tool in (await client.list_tools()).tools]
            return tools, [await client.call_tool(name, arguments) for name, arguments in calls]

    return asyncio.run(session())


def test_a_session_lints_drafts_and_explains_rules(tmp_path: Path) -> None:
    draft = "<h1>Title</h1><p style='color: red'>A short draft.</p>"
    tools, (seed, selected, refused, wrong, explained, unknown) = in_session(
        tmp_path,
        ("lint", {"html": SEED.read_text(encoding="utf-8"), "path": str(SEED)}),
        ("lint", {"html": draft, "config": {"select": ["no-inline-style"]}}),
        ("lint", {"html": draft, "config": {"max-file-size": 1}}),
        ("lint", {"html": draft, "config": {"rules": {"word-count": {"mn": 3}}}}),
        ("explain", {"rule": "heading-order"}),
        ("explain", {"rule": "single-hi"}),
    )
    assert set(tools) == {"lint", "fix", "explain"}
    # The same JSON as the command line's, structured and as text.
    assert not seed.is_error and seed.structured_content == cli_json_entry("--isolated", str(SEED), cwd=tmp_path)
    assert json.loads(seed.content[0].text) == seed.structured_content
    assert [f["rule"] for f in selected.structured_content["findings"]] == ["no-inline-style"]
    assert selected.structured_content["path"] == "<request>"
    assert refused.is_error and "config-not-allowed" in refused.content[0].text
    assert "'max-file-size'" in refused.content[0].text
    assert wrong.is_error and "unknown option 'mn'" in wrong.content[0].text
    page = subprocess.run(
        [sys.executable, "-m", "lint_article", "explain", "heading-order"], capture_output=True, text=True, check=True
    ).stdout
    assert not explained.is_error and explained.content[0].text + "\n" == page  # echo adds a line break
    assert unknown.is_error and "did you mean 'single-h1'" in unknown.content[0].text


def test_settings_come_from_the_configuration_file_of_the_working_directory(tmp_path: Path) -> None:
    (tmp_path / ".lint-article.toml").write_text('select = ["word-count"]\n[rules.word-count]\nmin = 1\n')

    async def session() -> Any:
        server = StdioServerParameters(command=str(LINT_ARTICLE), args=["mcp"], cwd=str(tmp_path))
        async with Client(server, read_timeout_seconds=60) as client:
            return await client.call_tool("lint", {"html": "<p style='x'>Two words.</p>"})

    result = asyncio.run(session())
    assert not result.is_error and result.structured_content["findings"] == []


def test_a_session_fixes_a_draft_as_the_library_does(tmp_path: Path) -> None:
    import lint_article

    draft = "<html><body><article><h1>Title</h1><p style='color: red'>A **short** draft.</p><h3>Deep</h3>"
    _, (safe, unsafe, wrong) = in_session(
        tmp_path,
        ("fix", {"html": draft}),
        ("fix", {"html": draft, "unsafe": True}),
        ("fix", {"html": draft, "config": {"rules": {"word-count": {"mn": 3}}}}),
    )
    assert not safe.is_error and safe.structured_content == lint_article.fix(draft, path="<request>").to_dict()
    assert (
        "<strong>short</strong>" in safe.structured_content["text"]
        and "<h3>Deep</h3>" in safe.structured_content["text"]
    )
    assert "<h2>Deep</h2>" in unsafe.structured_content["text"]
    assert wrong.is_error and "unknown option 'mn'" in wrong.content[0].text
