"""The article finder on a benchmark no extractor here was tuned on: Zyte's article body set.

Zyte (Scrapinghub) publishes 181 real article pages with the article body a
person marked on each (https://github.com/scrapinghub/article-extraction-benchmark:
``html/*.html.gz`` and ``ground-truth.json``), and scores extractors by the
shingles of ``\\w+`` tokens: per page, the 4-shingle multisets' true positives,
false positives and false negatives, normalised by their sum; precision and
recall are the means over the pages, F1 their harmonic mean. This script scores
``article.body.text`` (the text ``lint-article outline`` prints as
``article.text``) exactly that way, with Trafilatura on the same pages in the
same run (its published figure: 0.958), and times both.

The pages are not in ``../shared``: give a checkout of the benchmark::

    git clone --depth 1 https://github.com/scrapinghub/article-extraction-benchmark /tmp/aeb
    python benchmarks/article_body.py /tmp/aeb [--misses 15] [--no-trafilatura]
"""

from __future__ import annotations

import argparse
import gzip
import json
import re
import statistics
import sys
import time
from collections import Counter
from collections.abc import Callable
from pathlib import Path

from lint_article import Article

try:
    import trafilatura
except ImportError:  # a benchmark-only dependency: pip install -e ".[bench]"
    trafilatura = None

_TOKEN = re.compile(r"\w+")
SHINGLE = 4

Counts = tuple[float, float, float]


def shingles(text: str) -> Counter[tuple[str, ...]]:
    tokens = _TOKEN.findall(text)
    return Counter(tuple(tokens[i : i + SHINGLE]) for i in range(max(1, len(tokens) - SHINGLE + 1)) if tokens)


def matched(found: str, truth: str) -> Counts:
    """True positives, false positives and false negatives, as shares of their sum (the benchmark's own)."""
    a, b = shingles(found), shingles(truth)
    tp = float(sum((a & b).values()))
    fp = float(sum((a - b).values()))
    fn = float(sum((b - a).values()))
    total = tp + fp + fn
    return (tp / total, fp / total, fn / total) if total else (0.0, 0.0, 0.0)


def scores(counts: list[Counts]) -> tuple[float, float, float]:
    def precision(tp: float, fp: float, fn: float) -> float:
        return 1.0 if fp == fn == 0 else tp / (tp + fp) if tp + fp else 0.0

    def recall(tp: float, fp: float, fn: float) -> float:
        return 1.0 if fp == fn == 0 else tp / (tp + fn) if tp + fn else 0.0

    p = statistics.mean(precision(*c) for c in counts if c[0] + c[1] > 0)
    r = statistics.mean(recall(*c) for c in counts if c[0] + c[2] > 0)
    return p, r, 2 * p * r / (p + r) if p + r else 0.0


def page_f1(counts: Counts) -> float:
    tp, fp, fn = counts
    return 2 * tp / (2 * tp + fp + fn) if tp else 0.0


def timed(function: Callable[[], str], into: list[float]) -> str:
    start = time.perf_counter()
    result = function()
    into.append((time.perf_counter() - start) * 1000)
    return result


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("checkout", type=Path, help="a checkout of scrapinghub/article-extraction-benchmark")
    parser.add_argument("--misses", type=int, default=0, metavar="N", help="print the N pages scored lowest")
    parser.add_argument("--no-trafilatura", action="store_true", help="our figures only")
    args = parser.parse_args()
    truth_file = args.checkout / "ground-truth.json"
    if not truth_file.is_file():
        sys.exit(f"no {truth_file}: give a checkout of https://github.com/scrapinghub/article-extraction-benchmark")
    truth: dict[str, dict[str, str]] = json.loads(truth_file.read_text(encoding="utf-8"))
    rival = None if args.no_trafilatura else trafilatura
    ours: dict[str, Counts] = {}
    theirs: dict[str, Counts] = {}
    our_ms: list[float] = []
    their_ms: list[float] = []
    for key, marked in sorted(truth.items()):
        raw = gzip.decompress((args.checkout / "html" / f"{key}.html.gz").read_bytes())
        body = marked.get("articleBody", "")
        text = timed(lambda raw=raw: Article.from_html(raw).body.text, our_ms)
        ours[key] = matched(text, body)
        if rival is not None:
            html = raw.decode("utf-8", errors="replace")
            found = timed(lambda html=html: rival.extract(html, include_comments=False) or "", their_ms)
            theirs[key] = matched(found, body)
    print(f"{len(ours)} pages, word {SHINGLE}-shingles as the benchmark's evaluate.py counts them")
    print(f"{'':14}{'F1':>8}{'precision':>11}{'recall':>8}{'ms per page (median)':>24}")
    for label, counted, times in (("lint-article", ours, our_ms), ("trafilatura", theirs, their_ms)):
        if counted:
            p, r, f = scores(list(counted.values()))
            print(f"{label:14}{f:8.3f}{p:11.3f}{r:8.3f}{statistics.median(times):24.2f}")
    for key in sorted(ours, key=lambda k: page_f1(ours[k]))[: args.misses]:
        _, fp, fn = ours[key]
        rival_f1 = f"  trafilatura {page_f1(theirs[key]):.3f}" if key in theirs else ""
        url = truth[key].get("url", "")
        print(f"{key[:12]}  F1 {page_f1(ours[key]):.3f}  fp {fp:.2f}  fn {fn:.2f}{rival_f1}  {url}")


if __name__ == "__main__":
    main()
