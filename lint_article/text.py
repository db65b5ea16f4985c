"""Words and sentences: the one tokenisation that every prose rule shares."""

from __future__ import annotations

import re
from collections.abc import Iterator

# Chinese and Japanese are written without spaces; each ideograph or kana counts
# as one word, as word processors count them.
_CJK = "\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff"
WORD = re.compile(
    rf"[{_CJK}]"
    rf"|[^\W_{_CJK}]+(?:(?:['’\-]|(?<=\d)[.,:](?=\d)|(?<=\b[^\W\d_])\.(?=[^\W\d_]\b))[^\W_{_CJK}]+)*"
)

# A sentence ends at terminal punctuation (optionally followed by closing quotes
# or brackets) and white space; CJK full stops need no space after them. A run
# of punctuation is tried once, from its start, and never given back: "!!!…"
# not followed by a space would otherwise be tried again from each of its
# characters, each time to its end.
_SENTENCE_END = re.compile(r"(?<![.!?…])[.!?…]++[\"'”’»)\]]*+(?=\s)|[。！？]+[」』”’）]*")
_ABBREVIATION = re.compile(
    r"(?:\b(?:Mr|Mrs|Ms|Mx|Dr|Prof|Sr|Jr|St|Mt|Gen|Col|Capt|Lt|Sgt|Gov|Sen|Rep|Rev|Hon"
    r"|vs|etc|e\.g|i\.e|cf|al|approx|No|Nos|Inc|Ltd|Co|Corp|Jan|Feb|Mar|Apr|Jun|Jul|Aug"
    r"|Sep|Sept|Oct|Nov|Dec|U\.S|U\.K|U\.N|E\.U|a\.m|p\.m)|\b[A-Z])\.$"
)
# More characters than the longest abbreviation above ("approx."): the search
# for one ending at a full stop looks back no further.
_ABBREVIATION_REACH = 16
_LOWER_START = re.compile(r"\s*[\"'“‘(\[«]*[a-zà-ÿа-я]")


def sentence_spans(text: str) -> Iterator[tuple[int, int]]:
    """Yield (start, end) of each sentence of one block of *text*."""
    start = 0
    size = len(text)
    for match in _SENTENCE_END.finditer(text):
        end = match.end()
        stop = match.start()
        if match.group().startswith(".") and _ABBREVIATION.search(
            text, max(start, stop - _ABBREVIATION_REACH), stop + 1
        ):
            continue
        if _LOWER_START.match(text, end):
            continue
        yield from _trimmed(text, start, end)
        start = end
    if start < size:
        yield from _trimmed(text, start, size)


def _trimmed(text: str, start: int, end: int) -> Iterator[tuple[int, int]]:
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    if end > start:
        yield start, end
