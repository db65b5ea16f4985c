"""Where a lint's time goes: the median per corpus document of each stage, in the order a lint runs them.

    python benchmarks/stage_speed.py [--folder articles|pages] [--only wikipedia-2]
    git archive main lint_article | tar -x -C /tmp/old-main
    python benchmarks/stage_speed.py --folder pages --against /tmp/old-main

Each document is read as a lint reads it, each stage timed on its own: the parse
into the Article (decoding, scan, tree, layout), the article's region, the body
view, its sentences and words, the language, the suppressions, every default
rule in the engine's order (each sees what the stages and rules before it have
built, as in a real run) and the statistics. Each document runs --repeat times,
its fastest time per stage kept. ``--against DIR`` measures this checkout and the
lint_article package in *DIR* alternately, each round in its own process, so that
both see the same machine at the same moments (compare them, not runs made apart).
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

ROUNDS = 3


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--folder", default="articles", choices=("articles", "pages"))
    parser.add_argument("--only", help="the document's name, without .html")
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--top", type=int, default=20, help="stages shown, costliest first")
    parser.add_argument("--against", type=Path, help="a folder holding another checkout's lint_article package")
    parser.add_argument("--raw", action="store_true", help=argparse.SUPPRESS)  # one round's times, as JSON
    args = parser.parse_args()
    if args.raw:
        print(json.dumps(_times(args.folder, args.only, args.repeat)))
        return
    if not args.against:
        times = _times(args.folder, args.only, args.repeat)
        _show({"this checkout": times}, args.top)
        return
    here = Path(__file__).resolve().parent.parent
    sides = {"this checkout": here, str(args.against): args.against.resolve()}
    best: dict[str, dict[str, list[float]]] = {}
    for _ in range(ROUNDS):
        for side, root in sides.items():
            command = [sys.executable, __file__, "--raw", "--folder", args.folder, "--repeat", str(args.repeat)]
            command += ["--only", args.only] if args.only else []
            env = {**os.environ, "PYTHONPATH": str(root)}
            found = json.loads(subprocess.run(command, env=env, check=True, capture_output=True).stdout)
            kept = best.setdefault(side, found)
            for stage, values in found.items():
                if stage in kept:
                    kept[stage] = [min(a, b) for a, b in zip(kept[stage], values, strict=True)]
    _show(best, args.top)


def _show(sides: dict[str, dict[str, list[float]]], top: int) -> None:
    first = next(iter(sides.values()))
    documents = len(first["total"])
    print(f"median ms per document over {documents} documents; " + " | ".join(sides))
    stages = sorted(first, key=lambda stage: -statistics.median(first[stage]))
    for stage in stages[: top + 1]:
        shown = [
            f"{statistics.median(times[stage]) * 1000:8.3f}" if stage in times else "       -"
            for times in sides.values()
        ]
        print(f"  {stage:<26}" + " | ".join(shown))


def _times(folder: str, only: str | None, repeat: int) -> dict[str, list[float]]:
    """Seconds per document of each stage (the fastest of *repeat* runs)."""
    from lint_article import Article, make_linter
    from lint_article.engine import article_stats
    from lint_article.rule import Context
    from lint_article.suppression import Suppressions

    files = sorted((CORPUS / folder).glob(f"{only or '*'}.html"))
    linter = make_linter()
    rules = sorted(linter.rules, key=lambda active: active.rule.runs_last)
    for path in files[:10]:  # tables, patterns and dictionaries loaded once, as in a long run
        linter.lint(Article.from_html(path.read_bytes()))
    times: dict[str, list[float]] = {}
    for path in files:
        data = path.read_bytes()
        fastest: dict[str, float] = {}
        for _ in range(repeat):
            spent: dict[str, float] = {}
            clock = time.perf_counter
            start = clock()
            article = Article.from_html(data)
            spent["parse"], start = clock() - start, clock()
            _ = article.region
            spent["region"], start = clock() - start, clock()
            _ = article.body.sentences
            spent["body sentences"], start = clock() - start, clock()
            _ = article.body.words
            spent["body words"], start = clock() - start, clock()
            language = article.language(None).code
            spent["language"], start = clock() - start, clock()
            suppressions = Suppressions(article)
            spent["suppressions"] = clock() - start
            for active in rules:
                ctx = Context(
                    active.rule, article, active.options, active.severity, language, suppressions, active.scope
                )
                start = clock()
                list(active.rule.check(article, ctx))
                spent[active.rule.id] = clock() - start
            start = clock()
            article_stats(article, language)
            spent["stats"] = clock() - start
            spent["total"] = sum(spent.values())
            for stage, seconds in spent.items():
                fastest[stage] = min(seconds, fastest.get(stage, seconds))
        for stage, seconds in fastest.items():
            times.setdefault(stage, []).append(seconds)
    return times


if __name__ == "__main__":
    main()
