"""Every real-world page and article body is linted without an exception."""

from __future__ import annotations

from pathlib import Path

import pytest

from lint_article import Article, make_linter

from .conftest import corpus_files

FILES = corpus_files("articles") + corpus_files("pages")
LINTER = make_linter()


@pytest.mark.skipif(not FILES, reason="../shared/corpus is not beside this checkout")
@pytest.mark.parametrize("path", FILES, ids=[f"{p.parent.name}/{p.name}" for p in FILES])
def test_corpus_file_lints_cleanly(path: Path) -> None:
    data = path.read_bytes()
    article = Article.from_html(data)
    report = LINTER.lint(article, str(path))
    assert report.error is None
    assert report.internal_errors == (), [f.message for f in report.internal_errors]
    last_line = article.lines.line_count
    for finding in report.findings:
        assert 1 <= finding.line <= finding.end_line <= last_line
        assert finding.column >= 1 and finding.end_column >= 1
    assert report.stats is not None and report.stats.words == len(article.body.words)
