"""Words read a stretch at a time are the words WORD finds in the whole text."""

from __future__ import annotations

import pytest

from lint_article.document.tokens import WORD, split_words


@pytest.mark.parametrize(
    "unit",
    [
        "The U.S. Army paid 3,500.25 at 10:30 for rock-'n’-roll. ",  # cut at spaces
        "a,b.c:d-e'f’g",  # joiners and letters only: no cut until the end
        "中文字・かな",  # CJK words, one a character: cut before one
        "x.y!z",
    ],
)
def test_split_words_finds_what_word_finds_across_its_stretches(unit: str) -> None:
    text = "«" + unit * (200_000 // len(unit)) + "»"
    start, end = 1, len(text) - 1
    pieces = list(split_words(text, start, end))
    assert len(pieces) > 1 or unit == "a,b.c:d-e'f’g"
    found, offset = [], start
    for stretch in pieces:
        for between, word in zip(stretch[:-1:2], stretch[1::2], strict=True):
            offset += len(between)
            found.append((word, offset, offset + len(word)))
            offset += len(word)
        offset += len(stretch[-1])
    assert offset == end
    assert found == [(m.group(), m.start(), m.end()) for m in WORD.finditer(text, start, end)]


@pytest.mark.parametrize(
    ("text", "words"),
    [
        # A letter's combining marks are its word's: vowel signs, tone marks,
        # vowel points and an accent typed apart, which Python's \w does not match.
        ("भारत की राजधानी नई दिल्ली है।", ["भारत", "की", "राजधानी", "नई", "दिल्ली", "है"]),
        ("রাজধানী ঢাকায় আজ বৃষ্টি হয়েছে।", ["রাজধানী", "ঢাকায়", "আজ", "বৃষ্টি", "হয়েছে"]),
        ("ที่นี่ สวัสดี", ["ที่นี่", "สวัสดี"]),
        ("قال مُحَمَّد", ["قال", "مُحَمَّد"]),
        ("cafe\u0301 cre\u0300me", ["cafe\u0301", "cre\u0300me"]),
        # A mark with no letter before it starts no word.
        ("\u0301 x", ["x"]),
    ],
)
def test_a_word_keeps_its_combining_marks(text: str, words: list[str]) -> None:
    assert WORD.findall(text) == words
    assert next(split_words(text, 0, len(text)))[1::2] == words
