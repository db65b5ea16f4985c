"""Words and sentences: the one tokenisation that every rule shares.

A word is what :data:`WORD` matches; a sentence what :func:`sentence_spans`
yields within one block. Comparing two texts goes through :func:`comparison_key`,
and quotation through :func:`quoted_spans`. Rules never split text themselves.
"""

from __future__ import annotations

import bisect
import math
import re
from collections.abc import Iterator

from ..regex import on_use

# Chinese and Japanese are written without spaces; each ideograph or kana counts
# as one word, as word processors count them. Elsewhere a word is a run of
# letters and digits, joined by apostrophes and hyphens, by "." "," ":" between
# digits (3.5, 10:30) and by "." between single letters (U.S). Each joiner is
# read before its look-behind is tried, and nothing is given back (no letter
# or joiner given back could let the rest match): a fifth less time a word.
# The one group is the whole word, so that WORD.split gives the words with the
# text between them (see :func:`split_words`). A letter's combining marks are
# part of its word: Hindi's and Bengali's vowel signs, Thai's tone marks,
# Arabic's and Hebrew's vowel points, an accent typed apart ("e" + U+0301),
# none of which Python's \w matches ("भारत" read as "भ", "रत"). They are tried
# only where a run of letters stops, once a word in most text.
CJK = "\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff"
# The combining marks of the Basic Multilingual Plane (Unicode's categories Mn,
# Mc and Me, as of Unicode 14).
MARKS = (
    "\u0300-\u036f\u0483-\u0489\u0591-\u05bd\u05bf\u05c1-\u05c2\u05c4-\u05c5\u05c7\u0610-\u061a"
    "\u064b-\u065f\u0670\u06d6-\u06dc\u06df-\u06e4\u06e7-\u06e8\u06ea-\u06ed\u0711\u0730-\u074a"
    "\u07a6-\u07b0\u07eb-\u07f3\u07fd\u0816-\u0819\u081b-\u0823\u0825-\u0827\u0829-\u082d\u0859-\u085b"
    "\u0898-\u089f\u08ca-\u08e1\u08e3-\u0903\u093a-\u093c\u093e-\u094f\u0951-\u0957\u0962-\u0963"
    "\u0981-\u0983\u09bc\u09be-\u09c4\u09c7-\u09c8\u09cb-\u09cd\u09d7\u09e2-\u09e3\u09fe\u0a01-\u0a03"
    "\u0a3c\u0a3e-\u0a42\u0a47-\u0a48\u0a4b-\u0a4d\u0a51\u0a70-\u0a71\u0a75\u0a81-\u0a83\u0abc"
    "\u0abe-\u0ac5\u0ac7-\u0ac9\u0acb-\u0acd\u0ae2-\u0ae3\u0afa-\u0aff\u0b01-\u0b03\u0b3c\u0b3e-\u0b44"
    "\u0b47-\u0b48\u0b4b-\u0b4d\u0b55-\u0b57\u0b62-\u0b63\u0b82\u0bbe-\u0bc2\u0bc6-\u0bc8\u0bca-\u0bcd"
    "\u0bd7\u0c00-\u0c04\u0c3c\u0c3e-\u0c44\u0c46-\u0c48\u0c4a-\u0c4d\u0c55-\u0c56\u0c62-\u0c63"
    "\u0c81-\u0c83\u0cbc\u0cbe-\u0cc4\u0cc6-\u0cc8\u0cca-\u0ccd\u0cd5-\u0cd6\u0ce2-\u0ce3\u0d00-\u0d03"
    "\u0d3b-\u0d3c\u0d3e-\u0d44\u0d46-\u0d48\u0d4a-\u0d4d\u0d57\u0d62-\u0d63\u0d81-\u0d83\u0dca"
    "\u0dcf-\u0dd4\u0dd6\u0dd8-\u0ddf\u0df2-\u0df3\u0e31\u0e34-\u0e3a\u0e47-\u0e4e\u0eb1\u0eb4-\u0ebc"
    "\u0ec8-\u0ecd\u0f18-\u0f19\u0f35\u0f37\u0f39\u0f3e-\u0f3f\u0f71-\u0f84\u0f86-\u0f87\u0f8d-\u0f97"
    "\u0f99-\u0fbc\u0fc6\u102b-\u103e\u1056-\u1059\u105e-\u1060\u1062-\u1064\u1067-\u106d\u1071-\u1074"
    "\u1082-\u108d\u108f\u109a-\u109d\u135d-\u135f\u1712-\u1715\u1732-\u1734\u1752-\u1753\u1772-\u1773"
    "\u17b4-\u17d3\u17dd\u180b-\u180d\u180f\u1885-\u1886\u18a9\u1920-\u192b\u1930-\u193b\u1a17-\u1a1b"
    "\u1a55-\u1a5e\u1a60-\u1a7c\u1a7f\u1ab0-\u1ace\u1b00-\u1b04\u1b34-\u1b44\u1b6b-\u1b73\u1b80-\u1b82"
    "\u1ba1-\u1bad\u1be6-\u1bf3\u1c24-\u1c37\u1cd0-\u1cd2\u1cd4-\u1ce8\u1ced\u1cf4\u1cf7-\u1cf9"
    "\u1dc0-\u1dff\u20d0-\u20f0\u2cef-\u2cf1\u2d7f\u2de0-\u2dff\u302a-\u302f\u3099-\u309a\ua66f-\ua672"
    "\ua674-\ua67d\ua69e-\ua69f\ua6f0-\ua6f1\ua802\ua806\ua80b\ua823-\ua827\ua82c\ua880-\ua881"
    "\ua8b4-\ua8c5\ua8e0-\ua8f1\ua8ff\ua926-\ua92d\ua947-\ua953\ua980-\ua983\ua9b3-\ua9c0\ua9e5"
    "\uaa29-\uaa36\uaa43\uaa4c-\uaa4d\uaa7b-\uaa7d\uaab0\uaab2-\uaab4\uaab7-\uaab8\uaabe-\uaabf\uaac1"
    "\uaaeb-\uaaef\uaaf5-\uaaf6\uabe3-\uabea\uabec-\uabed\ufb1e\ufe00-\ufe0f\ufe20-\ufe2f"
)
_LETTERS = rf"[^\W_{CJK}]++(?:[{MARKS}]++[^\W_{CJK}]*+)*+"
WORD = on_use(
    rf"([{CJK}]"
    rf"|{_LETTERS}(?:(?:['’\-]|[.,:](?:(?<=\d[.,:])(?=\d)|(?<=\b[^\W\d_]\.)(?=[^\W\d_]\b))){_LETTERS})*+)"
)
# Characters of a block read a stretch at a time by split_words.
_STRETCH = 1 << 16

# A sentence ends at terminal punctuation (optionally followed by closing quotes
# or brackets) and white space; CJK full stops need no space after them. A run
# of punctuation is tried once, from its start, and never given back: "!!!…"
# not followed by a space would otherwise be tried again from each of its
# characters, each time to its end. The pattern opens with the one class of
# every terminal mark, so that the search skips to the next mark in C (opening
# with the look-behind, it was tried at every character of the text, eight
# times slower); the look-behinds then tell the two kinds apart.
_SENTENCE_END = on_use(
    r"[.!?…。！？](?:(?<=[.!?…])(?<![.!?…][.!?…])[.!?…]*+[\"'”’»)\]]*+(?=\s)|(?<=[。！？])[。！？]*[」』”’）]*)"
)
# A full stop after one of these (or after a single capital) ends no sentence.
_ABBREVIATIONS = (
    "Mr Mrs Ms Mx Dr Prof Sr Jr St Mt Gen Col Capt Lt Sgt Gov Sen Rep Rev Hon vs etc e.g i.e cf al approx No Nos "
    "Inc Ltd Co Corp Jan Feb Mar Apr Jun Jul Aug Sep Sept Oct Nov Dec U.S U.K U.N E.U a.m p.m"
).split()
# Matched at the full stop, looking behind it, rather than searched for in the
# characters before it: one try instead of one at each of them (a look-behind
# holds words of one length, hence one a length).
_ABBREVIATION = on_use(
    "(?:"
    + "|".join(
        rf"(?<=\b(?:{'|'.join(re.escape(word) for word in _ABBREVIATIONS if len(word) == length)}))"
        for length in sorted({len(word) for word in _ABBREVIATIONS})
    )
    + r"|(?<=\b[A-Z]))\."
)
_LOWER_START = on_use(r"\s*[\"'“‘(\[«]*[a-zà-ÿа-я]")
_CUT = on_use(rf"[^\w'’\-.,:]|[{CJK}]")
"""Where text may be cut between two stretches without changing its words:
before a character that no word holds (neither a word character nor a
joiner), or before a CJK character (a word of its own, which no other word
runs into). Only a long block needs it."""


def split_words(text: str, start: int, end: int) -> Iterator[list[str]]:
    """``text[start:end]`` split at its words, a stretch of some 64,000
    characters at a time: ``[between, word, between, ..., word, between]``, the
    pieces' lengths adding up to the stretch's, so that each word's offset is
    the sum of the lengths before it. Where :data:`WORD` matches, as finditer
    would find them, without a match object a word (a third of the time they
    take to read); a stretch at a time, as a block may hold a whole page, and
    its pieces all at once would cost many times its size."""
    while start < end:
        cut = end
        if end - start > _STRETCH:
            found = _CUT.search(text, start + _STRETCH, end)
            cut = end if found is None else found.start()
        yield WORD.split(text[start:cut])
        start = cut


def sentence_spans(text: str, start: int = 0, end: int | None = None) -> Iterator[tuple[int, int]]:
    """Yield (start, end) of each sentence of one block of *text*: of the whole
    text, or of ``text[start:end]`` (see :func:`sentence_bounds`)."""
    return zip(*sentence_bounds(text, start, len(text) if end is None else end), strict=True)


def sentence_bounds(text: str, start: int, size: int) -> tuple[list[int], list[int]]:
    """The starts and the ends of the sentences of one block, ``text[start:size]``
    (offsets still in *text*: a view reads its blocks in place, without a copy
    of each; *start* where a block starts, after white space or at the text's
    start). Two lists, not a generator of pairs (and none a sentence to trim
    it), as a page has thousands of sentences: a view adds them to its columns
    in C."""
    ends: list[int] = []
    opened = start
    for match in _SENTENCE_END.finditer(text, start, size):
        if _ABBREVIATION.match(text, match.start()) or _LOWER_START.match(text, match.end(), size):
            continue
        opened = match.end()
        ends.append(opened)
    if opened < size:
        ends.append(size)  # the text after the last sentence's end is a sentence too
    firsts: list[int] = []
    lasts: list[int] = []
    isspace = str.isspace
    for end in ends:
        first, last = start, end
        while first < last and isspace(text[first]):
            first += 1
        while last > first and isspace(text[last - 1]):
            last -= 1
        if last > first:
            firsts.append(first)
            lasts.append(last)
        start = end
    return firsts, lasts


# Languages written without spaces between words: a "word" is one character
# there, so word-count thresholds mean nothing.
UNSPACED_LANGUAGES = frozenset({"ja", "zh", "th", "lo", "km", "my", "bo"})
_NOT_WORD = on_use(rf"(?:[^\w{MARKS}]|_)+")
_CJK_CHARACTER = on_use(f"[{CJK}]")
"""One CJK character: only a text whose language is neither declared nor
recognised asks, and the class of 28,000 characters takes 3 ms to compile
(the re module lists them in Python)."""


def unspaced(text: str) -> bool:
    """Whether *text* is mostly written without spaces between words (Chinese, Japanese)."""
    sample = text[:2000]
    return len(_CJK_CHARACTER.findall(sample)) >= 0.2 * max(1, len(sample))


def comparison_key(text: str) -> str:
    """*text* reduced for comparison: case, punctuation and spacing ignored."""
    return " ".join(_NOT_WORD.sub(" ", text.casefold().replace("’", "'").replace("'", "")).split())


# Text in quotation marks: the writer is quoting or naming a phrase, not using it.
# Each opening mark, the marks that close it, and whether a closing mark between
# two letters is an apostrophe inside the quotation (‘it’s’) rather than its end.
_QUOTATION_MARKS = {
    "“": ("”", False), '"': ('"', False), "«": ("»", False), "„": ("“”", False), "‹": ("›", False),
    "‘": ("’", True), "'": ("'", True),
}  # fmt: skip
_LONGEST_QUOTATION = 500
_OPENING_MARK = on_use("[“\"«„‹‘']")
_WORD_CHARACTER = on_use(r"\w")


def quoted_spans(text: str) -> list[tuple[int, int]]:
    """(start, end) of each passage of *text* in quotation marks (1 to 500
    characters between them), in order and not overlapping.

    One pass: each opening mark looks up the first mark after it that could
    close it, instead of reading up to 500 characters ahead (a page of opening
    marks would cost 500 steps a character)."""
    closings: dict[str, list[int]] = {}
    spans: list[tuple[int, int]] = []
    pos = 0
    while (opening := _OPENING_MARK.search(text, pos)) is not None:
        at = opening.start()
        pos = at + 1
        closers, apostrophes = _QUOTATION_MARKS[text[at]]
        if text[at] == "'" and at > 0 and _WORD_CHARACTER.match(text, at - 1):
            continue  # an apostrophe ("it's"), not an opening mark
        if closers not in closings:
            closings[closers] = _closing_marks(text, closers, apostrophes)
        ends = closings[closers]
        found = bisect.bisect_right(ends, at)
        if found == len(ends) or not 1 <= ends[found] - at - 1 <= _LONGEST_QUOTATION:
            continue
        close = ends[found]
        if apostrophes and _WORD_CHARACTER.match(text, close + 1):
            continue
        spans.append((at, close + 1))
        pos = close + 1
    return spans


def _closing_marks(text: str, closers: str, apostrophes: bool) -> list[int]:
    """Offsets of the marks among *closers* that end a quotation; with
    *apostrophes*, not those between two word characters."""
    return [
        match.start()
        for match in re.finditer(f"[{re.escape(closers)}]", text)
        if not (
            apostrophes
            and match.start() > 0
            and _WORD_CHARACTER.match(text, match.start() - 1)
            and _WORD_CHARACTER.match(text, match.end())
        )
    ]


def in_spans(spans: list[tuple[int, int]], start: int, end: int) -> bool:
    """True when [start, end) lies inside one of *spans* (in order and not
    overlapping, as :func:`quoted_spans` gives them)."""
    found = bisect.bisect_right(spans, (start, math.inf)) - 1
    return found >= 0 and end <= spans[found][1]
