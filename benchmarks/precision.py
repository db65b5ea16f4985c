"""Precision of the rules on real articles: findings per rule over the corpus.

Runs every installed rule, with default options, over ``../shared/corpus/articles``
(CMS-style fragments) and ``../shared/corpus/pages`` (the full pages they came
from) and prints, per rule, how many findings and how many files with findings
each folder gets. Read the findings (``--show``) to judge them.

Thirty-two of the corpus "articles" are not articles but Readability's synthetic test
pages, made of Lorem ipsum filler (listed in SYNTHETIC below, checked by eye):
``placeholder-text`` must report them and nothing else. ``--check`` fails (exit 1)
when ``generation-artifact`` or ``placeholder-text`` report anything on a real,
human-written article or page.

    python benchmarks/precision.py                       # the table
    python benchmarks/precision.py --show fake-heading   # every finding of one rule
    python benchmarks/precision.py --check               # the precision gate
    python benchmarks/precision.py --timing              # cost of the editorial rules

``--timing`` lints each document, parse included, with the six card rules
alone (before the editorial rules) and with every installed rule, interleaved
so that both see the same machine load, and keeps the fastest of ``--repeat``
runs of each; it prints the median over documents.
"""

from __future__ import annotations

import argparse
import statistics
import sys
import time
from collections import Counter, defaultdict

from corpus import CORPUS, SYNTHETIC

from lint_article import make_linter
from lint_article.document import Article
from lint_article.findings import Finding

FOLDERS = ("articles", "pages")
MUST_BE_SILENT = ("generation-artifact", "placeholder-text")
CARD_RULES = ("single-h1", "heading-order", "no-inline-style", "word-count", "readability", "repeated-phrases")


def lint_folder(folder: str) -> dict[str, list[Finding]]:
    linter = make_linter()
    return {
        path.stem: list(linter.lint(Article.from_html(path.read_bytes()), str(path)).findings)
        for path in sorted((CORPUS / folder).glob("*.html"))
    }


def timing(folder: str, repeat: int) -> tuple[float, float]:
    """Median milliseconds per document: card rules only, and every rule."""
    before, after = make_linter({"select": list(CARD_RULES)}), make_linter()
    blobs = [path.read_bytes() for path in sorted((CORPUS / folder).glob("*.html"))]
    medians: list[list[float]] = [[], []]
    for blob in blobs:
        best = [float("inf"), float("inf")]
        for _ in range(repeat):
            for which, linter in enumerate((before, after)):
                start = time.perf_counter()
                linter.lint(Article.from_html(blob))
                best[which] = min(best[which], time.perf_counter() - start)
        for which in (0, 1):
            medians[which].append(best[which] * 1000)
    return statistics.median(medians[0]), statistics.median(medians[1])


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--show", metavar="RULE", help="print every finding of RULE")
    parser.add_argument("--folder", choices=FOLDERS, help="only this corpus folder")
    parser.add_argument("--check", action="store_true", help=f"fail if {', '.join(MUST_BE_SILENT)} report real text")
    parser.add_argument("--timing", action="store_true", help="time the card rules alone against every rule")
    parser.add_argument("--repeat", type=int, default=5, help="runs per document for --timing (the fastest counts)")
    args = parser.parse_args(argv)
    folders = [args.folder] if args.folder else list(FOLDERS)
    if args.timing:
        for folder in folders:
            card, every = timing(folder, args.repeat)
            print(f"{folder}: median {card:.2f} ms per document with the card rules, {every:.2f} ms with every rule")
        return 0
    results = {folder: lint_folder(folder) for folder in folders}

    rules = sorted({f.rule for files in results.values() for found in files.values() for f in found})
    header = f"{'rule':<26}" + "".join(f"{folder + ' (findings/files)':>30}" for folder in folders)
    print(header)
    print("-" * len(header))
    for rule in rules:
        cells = []
        for folder in folders:
            files = results[folder]
            real = {
                name: [f for f in found if f.rule == rule] for name, found in files.items() if name not in SYNTHETIC
            }
            count = sum(len(found) for found in real.values())
            cells.append(f"{count:>6} / {sum(1 for found in real.values() if found):>3} of {len(real):<3}")
        print(f"{rule:<26}" + "".join(f"{cell:>30}" for cell in cells))
    for folder in folders:
        synthetic = Counter(f.rule for name, found in results[folder].items() if name in SYNTHETIC for f in found)
        shown = ", ".join(f"{rule} {count}" for rule, count in sorted(synthetic.items()))
        print(
            f"\n{folder}: {len(SYNTHETIC & results[folder].keys())} synthetic Lorem ipsum pages, "
            f"left out above: {shown}"
        )

    if args.show:
        for folder in folders:
            print(f"\n== {args.show} in {folder}")
            for name, found in results[folder].items():
                for f in found:
                    if f.rule == args.show:
                        tag = " (synthetic)" if name in SYNTHETIC else ""
                        print(f"{name}{tag}:{f.line}:{f.column}: {f.message} | {f.snippet}")

    if args.check:
        leaks: dict[str, list[str]] = defaultdict(list)
        for folder in folders:
            for name, found in results[folder].items():
                for f in found:
                    if f.rule in MUST_BE_SILENT and name not in SYNTHETIC:
                        leaks[f.rule].append(f"{folder}/{name}:{f.line}: {f.message}")
        for rule, where in leaks.items():
            print(f"\nFAIL {rule} reports real text:", *where, sep="\n  ")
        return 1 if leaks else 0
    return 0


if __name__ == "__main__":
    sys.exit(main())
