"""Words and sentences: the one tokenisation that every rule shares.

A word is what :data:`WORD` matches; a sentence what :func:`sentence_spans`
yields within one block. Comparing two texts goes through :func:`comparison_key`,
and quotation through :func:`quoted_spans`. Rules never split text themselves.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

# Chinese and Japanese are written without spaces; each ideograph or kana counts
# as one word, as word processors count them.
CJK = "\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff"
WORD = re.compile(
    rf"[{CJK}]"
    rf"|[^\W_{CJK}]+(?:(?:['’\-]|(?<=\d)[.,:](?=\d)|(?<=\b[^\W\d_])\.(?=[^\W\d_]\b))[^\W_{CJK}]+)*"
)

# A sentence ends at terminal punctuation (optionally followed by closing quotes
# or brackets) and white space; CJK full stops need no space after them.
_SENTENCE_END = re.compile(r"[.!?…]+[\"'”’»)\]]*(?=\s)|[。！？]+[」』”’）]*")
_ABBREVIATION = re.compile(
    r"(?:\b(?:Mr|Mrs|Ms|Mx|Dr|Prof|Sr|Jr|St|Mt|Gen|Col|Capt|Lt|Sgt|Gov|Sen|Rep|Rev|Hon"
    r"|vs|etc|e\.g|i\.e|cf|al|approx|No|Nos|Inc|Ltd|Co|Corp|Jan|Feb|Mar|Apr|Jun|Jul|Aug"
    r"|Sep|Sept|Oct|Nov|Dec|U\.S|U\.K|U\.N|E\.U|a\.m|p\.m)|\b[A-Z])\.$"
)
_LOWER_START = re.compile(r"\s*[\"'“‘(\[«]*[a-zà-ÿа-я]")


def sentence_spans(text: str) -> Iterator[tuple[int, int]]:
    """Yield (start, end) of each sentence of one block of *text*."""
    start = 0
    size = len(text)
    for match in _SENTENCE_END.finditer(text):
        end = match.end()
        if match.group().startswith(".") and _ABBREVIATION.search(text, max(0, start), match.start() + 1):
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


# Languages written without spaces between words: a "word" is one character
# there, so word-count thresholds mean nothing.
UNSPACED_LANGUAGES = frozenset({"ja", "zh", "th", "lo", "km", "my", "bo"})
_CJK_CHARACTER = re.compile(f"[{CJK}]")
_NOT_WORD = re.compile(r"[\W_]+")


def unspaced(text: str) -> bool:
    """Whether *text* is mostly written without spaces between words (Chinese, Japanese)."""
    sample = text[:2000]
    return len(_CJK_CHARACTER.findall(sample)) >= 0.2 * max(1, len(sample))


def comparison_key(text: str) -> str:
    """*text* reduced for comparison: case, punctuation and spacing ignored."""
    return " ".join(_NOT_WORD.sub(" ", text.casefold().replace("’", "'").replace("'", "")).split())


# Text in quotation marks: the writer is quoting or naming a phrase, not using it.
_QUOTED = re.compile(
    r"“[^”]{1,500}”|\"[^\"]{1,500}\"|«[^»]{1,500}»|„[^“”]{1,500}[“”]|‹[^›]{1,500}›"
    r"|‘(?:[^’]|(?<=\w)’(?=\w)){1,500}’(?!\w)|(?<!\w)'(?:[^']|(?<=\w)'(?=\w)){1,500}'(?!\w)"
)


def quoted_spans(text: str) -> list[tuple[int, int]]:
    """(start, end) of each passage of *text* in quotation marks."""
    return [match.span() for match in _QUOTED.finditer(text)]
