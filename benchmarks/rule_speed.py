"""Per-document median time of named rules (or of all default rules) on the corpus's articles and pages.

Each document is parsed once; then each rule set is run three times on it and the
fastest run kept, so that the figure is the rules' own cost. ``--all`` times every
default rule together, parse included. ``--against DIR`` measures this checkout and
the lint_article package in *DIR* in the same run: five alternating rounds, each in
its own process, each document's fastest round kept, so that both sides see the
same machine at the same moments:

    python benchmarks/rule_speed.py generation-artifact placeholder-text markdown-leftover
    git archive 0ed87b0 lint_article | tar -x -C /tmp/old
    python benchmarks/rule_speed.py --all --against /tmp/old
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import subprocess
import sys
import time
from pathlib import Path

from corpus import CORPUS

ROUNDS = 5


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("rules", nargs="*", help="rule ids, each timed alone")
    parser.add_argument("--all", action="store_true", help="time every default rule together, parse included")
    parser.add_argument("--against", type=Path, help="a folder holding another checkout's lint_article package")
    parser.add_argument("--raw", action="store_true", help=argparse.SUPPRESS)  # one round's times, as JSON
    args = parser.parse_args()
    sets = (["<all>"] if args.all else []) + args.rules
    if args.raw:
        print(json.dumps({name: _times(name) for name in sets}))
    elif args.against:
        _compare(sets, args.against.resolve())
    else:
        import lint_article

        print(f"lint_article from {lint_article.__file__}")
        for name in sets:
            print(f"{_label(name):<32} median {statistics.median(_times(name)) * 1000:.3f} ms per document")


def _compare(sets: list[str], other: Path) -> None:
    """Alternating rounds of this checkout and *other*, each document's fastest kept."""
    here = Path(__file__).resolve().parent.parent
    sides = {"this checkout": here, str(other): other}
    best: dict[str, dict[str, list[float]]] = {side: {} for side in sides}
    for _ in range(ROUNDS):
        for side, root in sides.items():
            env = {**os.environ, "PYTHONPATH": str(root)}
            command = [sys.executable, __file__, "--raw", *(["--all"] if "<all>" in sets else [])]
            command += [name for name in sets if name != "<all>"]
            round_times = json.loads(subprocess.run(command, env=env, check=True, capture_output=True).stdout)
            for name, times in round_times.items():
                kept = best[side].setdefault(name, times)
                best[side][name] = [min(a, b) for a, b in zip(kept, times, strict=True)]
    for name in sets:
        medians = [statistics.median(best[side][name]) * 1000 for side in sides]
        shown = "  ".join(f"{side}: {median:.3f} ms" for side, median in zip(sides, medians, strict=True))
        print(f"{_label(name):<32} {shown}  difference {medians[0] - medians[1]:+.3f} ms")


def _label(name: str) -> str:
    return "default rules, parse included" if name == "<all>" else name


def _times(name: str) -> list[float]:
    """Seconds per corpus document for rule set *name* (``<all>``: every default rule, parse included)."""
    from lint_article import Article, make_linter

    files = sorted((CORPUS / "articles").glob("*.html")) + sorted((CORPUS / "pages").glob("*.html"))
    times = []
    if name == "<all>":
        linter = make_linter()
        for path in files:
            data = path.read_bytes()
            runs = []
            for _ in range(3):
                start = time.perf_counter()
                linter.lint(Article.from_html(data), str(path))
                runs.append(time.perf_counter() - start)
            times.append(min(runs))
        return times
    linter = make_linter({"select": [name]})
    for path in files:
        article = Article.from_html(path.read_bytes())
        runs = []
        for _ in range(3):
            start = time.perf_counter()
            linter.lint(article, "corpus")
            runs.append(time.perf_counter() - start)
        times.append(min(runs))
    return times


if __name__ == "__main__":
    main()
