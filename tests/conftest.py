from __future__ import annotations

from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
FIXTURES = ROOT / "fixtures"
# ../shared sits beside the checkout, in CI as on a developer's machine.
CORPUS = ROOT.parent / "shared" / "corpus"


def corpus_files(folder: str) -> list[Path]:
    directory = CORPUS / folder
    return sorted(directory.glob("*.html")) if directory.is_dir() else []


@pytest.fixture
def fixtures() -> Path:
    return FIXTURES


@pytest.fixture(autouse=True)
def own_result_cache(tmp_path_factory: pytest.TempPathFactory, monkeypatch: pytest.MonkeyPatch) -> Path:
    """Each test's runs of the command line keep their reports in a cache of their
    own: the cache is exercised everywhere, and nothing is written into the checkout."""
    folder = tmp_path_factory.mktemp("cache") / "lint-article-cache"
    monkeypatch.setenv("LINT_ARTICLE_CACHE_DIR", str(folder))
    return folder
