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
# text between them (see :func:`split_words`).
CJK = "\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff"
WORD = on_use(
    rf"([{CJK}]"
    rf"|[^\W_{CJK}]++(?:(?:['’\-]|[.,:](?:(?<=\d[.,:])(?=\d)|(?<=\b[^\W\d_]\.)(?=[^\W\d_]\b)))[^\W_{CJK}]++)*+)"
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
_NOT_WORD = on_use(r"[\W_]+")
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
