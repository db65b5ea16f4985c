"""Recall and precision of generation-artifact.

``fixtures/generation/leaked`` holds articles with text that writing assistants
left in them (different models' habits, six languages, in paragraphs, lists,
headings and asides), each marked ``<!-- expect: generation-artifact -->`` on the
line where the leaked passage starts; ``fixtures/generation/near-miss`` holds
articles that come close without leaking anything (an article about chatbots
that quotes one, a style guide that mentions word counts, a recipe's "Note:").
Several examples may share a file, each on its own line, two plain paragraphs
apart. The real articles of the corpus must get no finding at all, from this
rule, placeholder-text or markdown-leftover.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from lint_article import Article, lint_file, make_linter
from lint_article.rules.generation_artifact import GenerationArtifact
from lint_article.testing import inline_expectations

from .conftest import CORPUS, FIXTURES, corpus_files, script_module

RULE = "generation-artifact"
LEAKED = sorted((FIXTURES / "generation" / "leaked").glob("*.html"))
NEAR_MISSES = sorted((FIXTURES / "generation" / "near-miss").glob("*.html"))
ONLY_THIS_RULE = {"select": [RULE]}
DEFAULT_MIN_CONFIDENCE = GenerationArtifact.Options().min_confidence


def _near_misses(path: Path) -> int:
    """Examples in a near-miss file: each marked ``<!-- near-miss -->``, or the file as one."""
    return max(path.read_text(encoding="utf-8").count("<!-- near-miss -->"), 1)


def test_there_are_a_hundred_leaks_and_sixty_near_misses() -> None:
    leaks = sum(len(inline_expectations(path.read_text(encoding="utf-8"))) for path in LEAKED)
    assert leaks >= 100
    assert sum(_near_misses(path) for path in NEAR_MISSES) >= 60


@pytest.mark.parametrize("path", LEAKED, ids=[p.name for p in LEAKED])
def test_leaked_text_is_found_once_where_it_starts(path: Path) -> None:
    expected = [line for line, rule in inline_expectations(path.read_text(encoding="utf-8")) if rule == RULE]
    assert expected, "a leaked example marks where its passage starts"
    findings = lint_file(path, config=ONLY_THIS_RULE).findings
    assert [f.line for f in findings] == expected
    assert all(f.message_id == "leaked" and f.data["confidence"] >= DEFAULT_MIN_CONFIDENCE for f in findings)


@pytest.mark.parametrize("path", NEAR_MISSES, ids=[p.name for p in NEAR_MISSES])
def test_near_misses_are_not_reported(path: Path) -> None:
    report = lint_file(path, config=ONLY_THIS_RULE)
    assert [(f.line, f.message) for f in report.findings] == []


def test_a_leaked_list_is_one_finding_over_the_whole_list() -> None:
    findings = lint_file(FIXTURES / "generation" / "leaked" / "08-title-options-list.html", config=ONLY_THIS_RULE)
    assert [(f.line, f.end_line) for f in findings.findings] == [(10, 14)]


@pytest.mark.skipif(not CORPUS.is_dir(), reason="the shared corpus is not beside the checkout")
def test_real_articles_get_no_generation_placeholder_or_markdown_finding() -> None:
    synthetic = frozenset(script_module("benchmarks/corpus.py").SYNTHETIC)
    linter = make_linter({"select": [RULE, "placeholder-text", "markdown-leftover"]})
    found = []
    for folder in ("articles", "pages"):
        for path in corpus_files(folder):
            article = Article.from_html(path.read_bytes())
            report = linter.lint(article, str(path))
            if path.stem in synthetic:
                # Readability's Lorem ipsum test pages: visible filler must be found.
                if "lorem ipsum" in article.text.lower():
                    assert any(f.message_id == "lorem-ipsum" for f in report.findings), path
                # They are test fixtures, not writing: one shows "**WRONG**" in an aria-hidden span.
                found += [f"{folder}/{path.name}:{f.line} {f.rule}" for f in report.findings if f.rule == RULE]
            else:
                found += [f"{folder}/{path.name}:{f.line} {f.rule} {f.message}" for f in report.findings]
    assert found == []
