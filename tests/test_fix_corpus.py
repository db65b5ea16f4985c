"""On every real page and article body, fixing changes nothing outside the fixes'
edits, and a second fix changes nothing: the 130 Readability pages, their 130
article bodies, and every eighth of the 990 pages of the extraction corpus
(all 990 take about two minutes; ``benchmarks/fix_counts.py`` reads them all)."""

from __future__ import annotations

import gzip
from pathlib import Path

import pytest

from lint_article import Article
from lint_article.fixes import fix_bytes

from .conftest import CORPUS, corpus_files
from .test_fixes import LINTER, check_fix

EXTRACTION = sorted((CORPUS / "extraction" / "pages").glob("*.html.gz"))[::8]
FILES = corpus_files("articles") + corpus_files("pages") + EXTRACTION


def read(path: Path) -> bytes:
    data = path.read_bytes()
    return gzip.decompress(data) if path.suffix == ".gz" else data


@pytest.mark.skipif(not FILES, reason="../shared/corpus is not beside this checkout")
@pytest.mark.parametrize("path", FILES, ids=[f"{p.parent.name}/{p.name}" for p in FILES])
def test_a_corpus_page_changes_only_in_its_edits_and_settles(path: Path) -> None:
    # Unsafe fixes included: they edit all that safe ones do, and more.
    outcome = fix_bytes(LINTER, read(path), str(path), unsafe=True)
    assert outcome.result.report.error is None
    if outcome.refused:  # bytes that do not read back the same (qq.html's GB2312): left as they are
        assert outcome.data is None and outcome.result.applied == ()
        return
    check_fix(outcome.before, outcome.result, unsafe=True)
    if outcome.data is not None:  # the new bytes read back as the fixed text
        assert Article.from_html(outcome.data).source == Article(outcome.result.text).source
