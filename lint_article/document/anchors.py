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


def occurrences(strings: tuple[str, ...], text: str) -> Iterator[tuple[int, str]]:
    """Where each of *strings* (none empty) occurs in *text*, overlapping
    occurrences included: ``(offset, string)``, in the order of their ends."""
    if not strings:
        return
    for end, string in _automaton(strings).iter(text):
        yield end - len(string) + 1, string
