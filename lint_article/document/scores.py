"""Flesch reading ease and Flesch-Kincaid grade, computed on the Article's own words.

The formulas and their per-language coefficients are textstat's
(``textstat.backend.utils.constants.LANG_CONFIGS``), and so is the syllable
count: the first pronunciation in the CMU Pronouncing Dictionary, else Pyphen's
hyphenation points plus one. Two things differ on purpose. Words and sentences
come from the article's :class:`~lint_article.document.View`, so scores agree with every
other rule's counts; and for English both the dictionary and Pyphen's patterns
are read from compact tables built by ``scripts/build_syllable_table.py``,
because textstat fetches NLTK's copy of the dictionary over the network on
first use, and loading the two takes a quarter of a second. Tests check these
scores against textstat's own on the same text, and the tables against the
packages they come from.
"""

from __future__ import annotations

import bisect
import gzip
import threading
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass
from functools import cache, cached_property, lru_cache
from pathlib import Path
from typing import TYPE_CHECKING

from ..regex import on_use
from .layout import PROSE_KINDS

if TYPE_CHECKING:
    from .layout import Block
    from .views import View, Word

# textstat's LANG_CONFIGS for the languages that have Flesch coefficients:
# (base, weight of words per sentence, weight of syllables per word).
# tests/test_readability.py fails if textstat's table changes.
FLESCH_COEFFICIENTS: dict[str, tuple[float, float, float]] = {
    "en": (206.835, 1.015, 84.6),
    "de": (180.0, 1.0, 58.5),
    "es": (206.84, 1.02, 60.0),
    "fr": (207.0, 1.015, 73.6),
    "it": (217.0, 1.3, 60.0),
    "nl": (206.835, 0.93, 77.0),
    "ru": (206.835, 1.3, 60.1),
    "hu": (206.835, 1.015, 58.5),
}
# Flesch-Kincaid grade was fitted on English only.
GRADE_LANGUAGES = frozenset({"en"})
# textstat does not count a "sentence" of two words or fewer (a dateline, a label).
MIN_SENTENCE_WORDS = 3
_table_lock = threading.Lock()


@dataclass(frozen=True, slots=True)
class Scores:
    """The Flesch scores of a text, with the counts they are computed from."""

    words: int
    sentences: int
    syllables: int
    reading_ease: float
    grade: float | None
    """None where the grade formula does not apply (languages other than English)."""


# The package's data, beside its modules (importlib.resources would cost every
# run's start-up 5 ms of imports for files that are always on disk).
_DATA = Path(__file__).resolve().parent.parent / "data"


def _data_text(name: str) -> str:
    data = (_DATA / name).read_bytes()
    return (gzip.decompress(data) if name.endswith(".gz") else data).decode("utf-8")


class SyllableTable:
    """The CMU dictionary's syllable counts, looked up by binary search.

    The data file holds a first line with one character a word,
    ``chr(ord("0") + count)``, then the words in sorted order, :data:`CHUNK`
    to a line, separated by spaces. A look-up finds the line by its first
    word, then the word within it: splitting only the lines that an article
    asks for, rather than all 126,000 words, takes a one-file run's first
    article 7 ms less (and building a dict took ten times as long as that)."""

    CHUNK = 32

    def __init__(self, data: str) -> None:
        self.counts, _, lines = data.partition("\n")
        self._lines = lines.split("\n")
        self._firsts = [line.partition(" ")[0] for line in self._lines]

    def get(self, word: str) -> int | None:
        line = bisect.bisect_right(self._firsts, word) - 1
        if line < 0:
            return None
        words = self._lines[line].split(" ")
        index = bisect.bisect_left(words, word)
        if index < len(words) and words[index] == word:
            return ord(self.counts[line * self.CHUNK + index]) - ord("0")
        return None

    @cached_property
    def words(self) -> list[str]:
        """Every word, in order (for textstat's iteration over its dictionary)."""
        return " ".join(self._lines).split(" ")

    def items(self) -> Iterator[tuple[str, int]]:
        return ((word, ord(count) - ord("0")) for word, count in zip(self.words, self.counts, strict=True))


@cache
def english_syllables() -> SyllableTable:
    return SyllableTable(_data_text("syllables-en.txt"))


class _Hyphenation:
    """Pyphen's hyphenation points (Liang's algorithm, as Pyphen applies it) over a
    table of patterns: a pattern's letters -> the pattern, its values read on
    the first hit (an article hits a few hundred of tens of thousands).

    For English the table is pre-parsed (``hyphenation-en.txt.gz``), so that
    English needs neither Pyphen's import nor its dictionary. Other languages
    read Pyphen's own dictionary file, but not as Pyphen does: Pyphen parses
    every pattern's values up front, which costs German's 78,000 patterns
    0.75 s and Hungarian's 0.8 s, paid by a one-file run and by each service
    worker's first article in that language; here a pattern is one dictionary
    entry until it is hit."""

    LEFT, RIGHT = 2, 2  # Pyphen's defaults: no point before the 2nd or after the 2nd-last letter

    def __init__(self, patterns: dict[str, str], values: Callable[[str], tuple[int, list[int]]]) -> None:
        self.patterns = patterns
        self.longest = max(map(len, patterns))
        self._values = lru_cache(maxsize=None)(values)

    @classmethod
    def english(cls) -> _Hyphenation:
        """en_US, from the table ``scripts/build_syllable_table.py`` writes: letters, offset, values."""
        lines = _data_text("hyphenation-en.txt.gz").split("\n")[1:]
        return cls(dict(line.split("\t", 1) for line in lines), _table_values)

    @classmethod
    def pyphen(cls, lang: str) -> _Hyphenation:
        """*lang*'s Pyphen dictionary (en_US where Pyphen has none), read as Pyphen reads it."""
        import pyphen  # imported only for a language other than English

        path = pyphen.LANGUAGES[pyphen.language_fallback(lang) or "en_US"]
        data = path.read_bytes()
        encoding = data[: data.find(b"\n")].decode().strip()
        encoding = "cp1251" if encoding.lower() == "microsoft-cp1251" else encoding
        # Each pattern's letters, its digits taken out of the whole file at once
        # (its encodings are ASCII's supersets): a line at a time took 5 times as long.
        lines = data.decode(encoding).split("\n")[1:]
        letter_lines = data.translate(None, _DIGITS.encode()).decode(encoding).split("\n")[1:]
        patterns: dict[str, str] = {}
        for pattern, letters in zip(lines, letter_lines, strict=True):
            pattern = pattern.strip()
            if not pattern or pattern.startswith(_NOT_PATTERNS):
                continue
            if "^^" in pattern or "/" in pattern:
                # A character written in hex; a nonstandard hyphenation ("ff=f"),
                # of which only where it breaks counts here.
                pattern = _HEX_CHARACTER.sub(lambda match: chr(int(match.group(1), 16)), pattern)
                if "/" in pattern and "=" in pattern:
                    pattern = pattern.split("/", 1)[0]
                letters = pattern.translate(_NO_DIGITS)
            else:
                letters = letters.strip()
            if len(letters) == len(pattern) or ("0" in pattern and _NONZERO_VALUE.search(pattern) is None):
                continue  # no value but zeros: Pyphen keeps no such pattern, nor lets it replace one
            patterns[letters] = pattern
        return cls(patterns, _pattern_values)

    def points(self, word: str) -> int:
        """How many hyphenation points Pyphen finds in *word*."""
        pointed = f".{word.lower()}."
        scores = [0] * (len(pointed) + 1)
        patterns, values_of = self.patterns, self._values
        for i in range(len(pointed) - 1):
            for j in range(i + 1, min(i + self.longest, len(pointed)) + 1):
                found = patterns.get(pointed[i:j])
                if found:
                    offset, values = values_of(found)
                    # Values past the word's end are dropped, as Pyphen drops them.
                    for k, value in zip(range(i + offset, len(scores)), values, strict=False):
                        if value > scores[k]:
                            scores[k] = value
        last = len(word) - self.RIGHT
        return sum(1 for i, score in enumerate(scores) if score % 2 and self.LEFT <= i - 1 <= last)


# What Pyphen skips in a dictionary: comments and the hyphen-minimum settings.
_NOT_PATTERNS = ("%", "#", "LEFTHYPHENMIN", "RIGHTHYPHENMIN", "COMPOUNDLEFTHYPHENMIN", "COMPOUNDRIGHTHYPHENMIN")
_HEX_CHARACTER = on_use(r"\^{2}([0-9a-f]{2})")
_DIGITS = "0123456789"  # Pyphen's dictionaries write their values in these alone
_NO_DIGITS = str.maketrans("", "", _DIGITS)
_NONZERO_VALUE = on_use("[1-9]")


def _table_values(entry: str) -> tuple[int, list[int]]:
    offset, values = entry.split("\t")
    return int(offset), [int(digit) for digit in values]


def _pattern_values(pattern: str) -> tuple[int, list[int]]:
    """A pattern's values as Pyphen reads them, the zeros at both ends cut off
    and counted in the offset. Pyphen reads a digit, then a letter, either
    optional, over and over: "1ba2b" is 1, 0, 2 before the letters; a run of
    digits ("mil12112211") takes a place for each digit after the first."""
    values: list[int] = []
    at, size = 0, len(pattern)
    while at < size:
        value = 0
        if pattern[at] in _DIGITS:
            value = ord(pattern[at]) - 48
            at += 1
        if at < size and pattern[at] not in _DIGITS:
            at += 1
        values.append(value)
    start = next(i for i, value in enumerate(values) if value)
    end = len(values) - next(i for i, value in enumerate(reversed(values)) if value)
    return start, values[start:end]


def _hyphenation_points(lang: str) -> Callable[[str], int]:
    return (_Hyphenation.english() if lang == "en" else _Hyphenation.pyphen(lang)).points


_NOT_IN_WORDS = on_use(r"[^\w']")
# textstat's RE_NONCONTRACTION_APOSTROPHE: an apostrophe not before a contraction's
# ending goes, as in French elisions ("l'étranger" is counted as "létranger").
_NONCONTRACTION_APOSTROPHE = on_use(r"'(?![tsd]|ve|ll|re)")


def syllable_counter(lang: str) -> Callable[[str], int]:
    """A function that counts the syllables of a word of *lang*, as textstat does:
    punctuation dropped but the apostrophes of contractions, the CMU dictionary's count for English
    words it knows, else hyphenation points plus one. Counts are remembered:
    an article's words repeat, and a long one asks for the same word hundreds
    of times."""
    with _table_lock:  # each table is built once, not once per thread
        return _counter(lang)


@cache
def _counter(lang: str) -> Callable[[str], int]:
    table = english_syllables() if lang == "en" else None
    points = _hyphenation_points(lang)

    @lru_cache(maxsize=1 << 16)
    def count(word: str) -> int:
        word = _NOT_IN_WORDS.sub("", _NONCONTRACTION_APOSTROPHE.sub("", word.replace("’", "'"))).lower()
        known = table.get(word) if table is not None else None
        return known if known is not None else points(word) + 1

    return count


def supports(lang: str | None) -> bool:
    return lang in FLESCH_COEFFICIENTS


def _scores(words: int, sentences: int, syllables: int, lang: str) -> Scores:
    """Scores from the counts: *sentences* those of three words or more (at least one is assumed)."""
    sentences = max(1, sentences)
    per_sentence = words / sentences
    per_word = syllables / words
    base, sentence_weight, syllable_weight = FLESCH_COEFFICIENTS[lang]
    ease = base - sentence_weight * per_sentence - syllable_weight * per_word
    grade = 0.39 * per_sentence + 11.8 * per_word - 15.59 if lang in GRADE_LANGUAGES else None
    return Scores(words, sentences, syllables, round(ease, 2), None if grade is None else round(grade, 2))


@dataclass(frozen=True, slots=True)
class ParagraphScores:
    """The scores of one prose paragraph, with the counts the article's scores add up."""

    block: Block
    scores: Scores
    counted_sentences: int
    """Its sentences of three words or more (``scores.sentences`` is at least 1)."""


def paragraph_scores(view: View, lang: str) -> tuple[ParagraphScores, ...]:
    """Scores of each of the view's prose paragraphs that has words, in one pass
    over its sentences (a sentence never spans two blocks); () when *lang* has no formula.
    A sentence's words are a slice of the view's, whose syllables are summed in C
    (``map`` over the remembered counts), not a Python step a word."""
    if lang not in FLESCH_COEFFICIENTS:
        return ()
    count = syllable_counter(lang)
    sentence_blocks = view.sentence_blocks
    block_of_sentence = view.sentences.blocks
    texts, of_sentence = view.words.texts, view.words.sentences
    result: list[ParagraphScores] = []
    block = sentence = -1
    words = syllables = counted = 0
    low, size = 0, len(texts)
    while low < size:
        here_sentence = of_sentence[low]
        high = bisect.bisect_right(of_sentence, here_sentence, low)
        if sentence_blocks[here_sentence].kind in PROSE_KINDS:
            here = block_of_sentence[here_sentence]
            if here != block:
                if words:
                    result.append(_paragraph(sentence_blocks[sentence], words, counted, syllables, lang))
                block, words, syllables, counted = here, 0, 0, 0
            sentence = here_sentence
            words += high - low
            counted += high - low >= MIN_SENTENCE_WORDS
            syllables += sum(map(count, texts[low:high]))
        low = high
    if words:
        result.append(_paragraph(sentence_blocks[sentence], words, counted, syllables, lang))
    return tuple(result)


def _paragraph(block: Block, words: int, counted: int, syllables: int, lang: str) -> ParagraphScores:
    return ParagraphScores(block, _scores(words, counted, syllables, lang), counted)


def combined(paragraphs: Sequence[ParagraphScores], lang: str) -> Scores | None:
    """The scores of the text made of *paragraphs*, from their counts."""
    words = sum(p.scores.words for p in paragraphs)
    if not words:
        return None
    sentences = sum(p.counted_sentences for p in paragraphs)
    return _scores(words, sentences, sum(p.scores.syllables for p in paragraphs), lang)


def score(words: Iterable[Word], sentence_count: int, lang: str) -> Scores | None:
    """Scores for *words* in *sentence_count* sentences, or None for no words."""
    word_list = list(words)
    if not word_list or lang not in FLESCH_COEFFICIENTS:
        return None
    count = syllable_counter(lang)
    return _scores(len(word_list), sentence_count, sum(count(w.text) for w in word_list), lang)


def prose_words(view: View, words: Sequence[Word] | None = None) -> list[Word]:
    """The words of the view's running prose (headings, captions and table cells
    left out), from *words* (default: all of the view's)."""
    blocks = view.sentence_blocks
    return [w for w in (view.words if words is None else words) if blocks[w.sentence].kind in PROSE_KINDS]


def counted_sentences(words: list[Word]) -> int:
    """Sentences with at least three of *words*, as textstat counts them."""
    per_sentence: dict[int, int] = {}
    for word in words:
        per_sentence[word.sentence] = per_sentence.get(word.sentence, 0) + 1
    return sum(1 for n in per_sentence.values() if n >= MIN_SENTENCE_WORDS)


def article_scores(view: View, lang: str | None, words: Sequence[Word] | None = None) -> Scores | None:
    """Scores for the view's prose (or for the prose among *words*), or None
    when its language has no formula."""
    if lang is None or not supports(lang):
        return None
    prose = prose_words(view, words)
    return score(prose, counted_sentences(prose), lang)
