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


def finding_lines(output: str) -> list[str]:
    """The lines of text output less the indented details (snippet, help) under each finding."""
    return [line for line in output.splitlines() if not line.startswith("    ")]
