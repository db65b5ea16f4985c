from __future__ import annotations

import importlib.util
import json
import subprocess
import sys
from pathlib import Path
from types import ModuleType
from typing import Any

import pytest

ROOT = Path(__file__).resolve().parent.parent
FIXTURES = ROOT / "fixtures"
# ../shared sits beside the checkout, in CI as on a developer's machine.
CORPUS = ROOT.parent / "shared" / "corpus"


def script_module(relative: str) -> ModuleType:
    """A benchmark or script of the repository (``benchmarks/memory.py``), imported
    as a module: they are not a package. Registered under its file's name, since
    a dataclass looks its module up."""
    path = ROOT / relative
    spec = importlib.util.spec_from_file_location(path.stem, path)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module
    spec.loader.exec_module(module)
    return module


def corpus_files(folder: str) -> list[Path]:
    directory = CORPUS / folder
    return sorted(directory.glob("*.html")) if directory.is_dir() else []


@pytest.fixture
def fixtures() -> Path:
    return FIXTURES


def finding_lines(output: str) -> list[str]:
    """The lines of text output less the indented details (snippet, help) under each finding."""
    return [line for line in output.splitlines() if not line.startswith("    ")]


def cli_json_entry(*args: str, cwd: Path, stdin: bytes | None = None) -> dict[str, Any]:
    """The one ``files[]`` entry of ``lint-article check --format json ARGS``, run in
    *cwd*: what the service, the MCP server and the pipe must answer alike."""
    result = subprocess.run(
        [sys.executable, "-m", "lint_article", "check", "--format", "json", *args],
        input=stdin,
        capture_output=True,
        cwd=cwd,
        check=False,
    )
    (entry,) = json.loads(result.stdout)["files"]
    return dict(entry)


@pytest.fixture(autouse=True)
def own_result_cache(tmp_path_factory: pytest.TempPathFactory, monkeypatch: pytest.MonkeyPatch) -> Path:
    """Each test's runs of the command line keep their reports in a cache of their
    own: the cache is exercised everywhere, and nothing is written into the checkout."""
    folder = tmp_path_factory.mktemp("cache") / "lint-article-cache"
    monkeypatch.setenv("LINT_ARTICLE_CACHE_DIR", str(folder))
    return folder
