"""How fast lint-article lints real articles, against a bare lxml parse in the same run.

    python benchmarks/speed.py [--repeat 5] [--startup-runs 10]

For each corpus document (../shared/corpus/articles: 130 CMS bodies;
../shared/corpus/pages: 130 full pages) it times, in-process, (a) lxml's parse
plus text extraction, the floor no linter can go below, and (b) a full lint with
every installed rule: decode, parse once into the Article, run the rules, stats;
and (c) the library's ``lint(html)`` per call, which keeps the linter of its configuration.
Each document is timed --repeat times and its median kept; the script prints the
median and total over documents, and the ratio to the bare parse. Then it times
whole processes: `lint-article check` on one fixture (what a pre-commit hook
pays per run) against `python -c pass` and an lxml import, each run from
compiled bytecode as an installed package runs, and once more without the
patterns' code that a run keeps beside that bytecode (a first run).
"""

from __future__ import annotations

import argparse
import statistics
import subprocess
import sys
import time
from collections.abc import Callable
from pathlib import Path

import whole_run
from lxml import etree

from lint_article import Article, lint, make_linter, regex

ROOT = Path(__file__).resolve().parent.parent
CORPUS = ROOT.parent / "shared" / "corpus"


def bare_parse(data: bytes) -> int:
    root = etree.fromstring(data, etree.HTMLParser(encoding="utf-8"))
    return 0 if root is None else len("".join(str(t) for t in root.itertext()))


def median_seconds(function, data: bytes, repeat: int) -> float:
    samples = []
    for _ in range(repeat):
        start = time.perf_counter()
        function(data)
        samples.append(time.perf_counter() - start)
    return statistics.median(samples)


def corpus_table(folder: str, repeat: int) -> None:
    files = sorted((CORPUS / folder).glob("*.html"))
    if not files:
        print(f"{folder}: no corpus at {CORPUS / folder}")
        return
    linter = make_linter()
    linter.lint(Article.from_html(files[0].read_bytes()))  # load rules and tables once, as a long run would
    blobs = [f.read_bytes() for f in files]
    bare = [median_seconds(bare_parse, b, repeat) for b in blobs]
    full = [median_seconds(lambda d: linter.lint(Article.from_html(d)), b, repeat) for b in blobs]
    # What a CMS pays that calls the library's lint() per article (its linter is kept, see api.shared_linter).
    called = [median_seconds(lint, b, repeat) for b in blobs]
    ms = 1000
    print(f"{folder} ({len(files)} documents, median of {repeat} runs each)")
    rows = (("bare lxml parse + text", bare), ("lint-article, all rules", full), ("lint(html), per call", called))
    for label, times in rows:
        print(f"  {label:23}: median {statistics.median(times) * ms:7.2f} ms   total {sum(times) * ms:8.1f} ms")
    print(f"  ratio (median)         : {statistics.median(full) / statistics.median(bare):7.1f}x")
    worst = max(range(len(files)), key=lambda i: full[i])
    print(f"  slowest document       : {files[worst].name} {full[worst] * ms:.1f} ms ({len(blobs[worst]):,} bytes)")


def process_seconds(
    argv: list[str], runs: int, env: dict[str, str] | None = None, before: Callable[[], object] = lambda: None
) -> float:
    subprocess.run(argv, capture_output=True, check=False, env=env)  # not timed: writes the bytecode
    samples = []
    for _ in range(runs):
        before()
        start = time.perf_counter()
        subprocess.run(argv, capture_output=True, check=False, env=env)
        samples.append(time.perf_counter() - start)
    return statistics.median(samples)


def startup_table(runs: int) -> None:
    fixture = str(ROOT / "fixtures" / "sahel-article.html")
    python = sys.executable
    env = whole_run.environment()
    base = process_seconds([python, "-c", "pass"], runs, env)
    lxml_import = process_seconds([python, "-c", "import lxml.etree"], runs, env)
    check = [python, "-m", "lint_article", "check", "--no-cache", fixture]  # linted each time
    full = process_seconds(check, runs, env)
    # The patterns' code that a run keeps beside the bytecode (lint_article.regex), removed before each run.
    kept_code = Path(regex._path())
    first = process_seconds(check, runs, env, before=lambda: kept_code.unlink(missing_ok=True))
    print(f"whole process, median of {runs} runs")
    print(f"  python -c pass                          : {base * 1000:6.0f} ms")
    print(f"  python -c 'import lxml.etree'           : {lxml_import * 1000:6.0f} ms")
    print(f"  lint-article check sahel-article.html   : {full * 1000:6.0f} ms  (all rules, readability included)")
    print(f"    the same, its patterns compiled anew  : {first * 1000:6.0f} ms  (a first run)")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeat", type=int, default=5)
    parser.add_argument("--startup-runs", type=int, default=10, help="0: skip the whole-process table")
    args = parser.parse_args()
    corpus_table("articles", args.repeat)
    corpus_table("pages", args.repeat)
    if args.startup_runs > 0:
        startup_table(args.startup_runs)


if __name__ == "__main__":
    main()
