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


@cache
def _automaton(strings: tuple[str, ...]) -> Any:
    """The automaton of *strings*, built once for each set (a module's constant)."""
    automaton = ahocorasick.Automaton()
    for string in strings:
        automaton.add_word(string, string)
    automaton.make_automaton()
    return automaton


_WINDOW = 1 << 16
"""Characters read at a time: the automaton copies what it reads, four bytes a
character, and a page's text may be one block of ten million characters."""


def occurrences(strings: tuple[str, ...], text: str) -> Iterator[tuple[int, str]]:
    """Where each of *strings* (none empty) occurs in *text*, overlapping
    occurrences included: ``(offset, string)``, in the order of their ends
    within each window of the text."""
    if not strings:
        return
    automaton = _automaton(strings)
    reach = max(map(len, strings)) - 1  # each window overlaps the next by this much
    for low in range(0, len(text), _WINDOW):
        for end, string in automaton.iter(text[low : low + _WINDOW + reach]):
            start = end - len(string) + 1
            if start < _WINDOW:  # one that starts in the overlap is the next window's
                yield low + start, string
