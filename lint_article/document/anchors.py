"""Many strings found in one pass over a text.

Rules find the blocks worth a closer look by short lower-case strings, their
anchors: generation-artifact has about 500 of them. Searched one by one, each
string costs a read of the whole text; an Aho-Corasick automaton (pyahocorasick,
in C) reads the text once for all of them, at about a twentieth of the cost on
the corpus articles (``benchmarks/rule_speed.py``).
"""

from __future__ import annotations

from collections.abc import Iterator
from functools import cache
from typing import Any

import ahocorasick

_WINDOW = 1 << 16
"""Characters read at a time. The automaton copies what it reads, four bytes a
character, and a page's text may be one block of ten million characters; the
window is lower-cased as it is read, so that no lower-cased copy of a whole
page is kept either."""


@cache
def _automaton(strings: tuple[str, ...]) -> Any:
    """The automaton of *strings*, built once for each set (a module's constant)."""
    automaton = ahocorasick.Automaton()
    for string in strings:
        automaton.add_word(string, string)
    automaton.make_automaton()
    return automaton


def lower(text: str) -> str:
    """*text* lower-cased, one character for one: "İ" becomes "i" (its simple
    lower case, as a case-insensitive pattern reads it), where ``str.lower``
    writes two characters, the only one of all Unicode that it lengthens."""
    return text.replace("İ", "i").lower()


def occurrences(
    strings: tuple[str, ...], text: str, start: int = 0, end: int | None = None
) -> Iterator[tuple[int, str]]:
    """Where each of *strings* (lower-case, none empty) occurs in *text* [*start*:*end*]
    lower-cased, overlapping occurrences included: ``(offset in text, string)``.
    The text is read as if a line break stood before *start*, so that a string
    that starts with one may match there (its offset is then ``start - 1``)."""
    if not strings:
        return
    end = len(text) if end is None else end
    automaton = _automaton(strings)
    reach = max(map(len, strings)) - 1  # each window overlaps the next by this much
    for low in range(start, end, _WINDOW):
        before = text[low - 1] if low > start else "\n"
        for last, string in automaton.iter(lower(before + text[low : min(low + _WINDOW + reach, end)])):
            at = last - len(string)  # the window's first character is the one before low
            if at < _WINDOW - 1:  # one that starts in the overlap is the next window's
                yield low + at, string
