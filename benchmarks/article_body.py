"""The article finder on benchmarks no extractor here was tuned on, beside Trafilatura.

Two published sets of real pages, each with the article's body marked:

- Zyte's (Scrapinghub's) article body benchmark: 181 news and blog pages with
  the body a person marked (https://github.com/scrapinghub/article-extraction-benchmark:
  ``html/*.html.gz`` and ``ground-truth.json``);
- a modern set, pages of 2025 and 2026 (1,000 with the main content an LLM
  marked and people checked; 450 of them typed ``article``), from
  https://github.com/Murrough-Foley/web-content-extraction-benchmark (read from
  its copy tiptopjaw/web-content-extraction-benchmark at 977613a:
  ``release/html/*.html.gz`` and ``benchmark/ground-truth/*.json``). Many
  pages are built by today's tools (Next.js's streamed content, Elementor's
  widgets, Tailwind's class names), which the older sets hardly hold.

Both are scored as Zyte's ``evaluate.py`` scores: the shingles of ``\\w+``
tokens, per page the 4-shingle multisets' true positives, false positives and
false negatives, normalised by their sum; precision and recall are the means
over the pages, F1 their harmonic mean. This script scores ``article.body.text``
(the text ``lint-article outline`` prints as ``article.text``) exactly that way,
with Trafilatura on the same pages in the same run (its published figure on
Zyte's: 0.958), and times both.

The pages are not in ``../shared``: give a checkout of either benchmark::

    git clone --depth 1 https://github.com/scrapinghub/article-extraction-benchmark /tmp/aeb
    python benchmarks/article_body.py /tmp/aeb [--misses 15] [--no-trafilatura]
    python benchmarks/article_body.py WEB_CONTENT_EXTRACTION_BENCHMARK [--page-type article|all]
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
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import NamedTuple

from lint_article import Article

try:
    import trafilatura
except ImportError:  # a benchmark-only dependency: pip install -e ".[bench]"
    trafilatura = None

_TOKEN = re.compile(r"\w+")
SHINGLE = 4

Counts = tuple[float, float, float]


class Page(NamedTuple):
    key: str
    url: str
    html: bytes
    body: str
    """The article's body as the benchmark marks it."""


def zyte_pages(checkout: Path) -> Iterator[Page]:
    truth: dict[str, dict[str, str]] = json.loads((checkout / "ground-truth.json").read_text(encoding="utf-8"))
    for key, marked in sorted(truth.items()):
        raw = gzip.decompress((checkout / "html" / f"{key}.html.gz").read_bytes())
        yield Page(key, marked.get("url", ""), raw, marked.get("articleBody", ""))


def modern_pages(checkout: Path, page_type: str) -> Iterator[Page]:
    for path in sorted((checkout / "benchmark" / "ground-truth").glob("*.json")):
        marked = json.loads(path.read_text(encoding="utf-8"))
        if page_type != "all" and marked["_internal"]["page_type"]["primary"] != page_type:
            continue
        page_file = checkout / "release" / "html" / f"{marked['file_id']}.html.gz"
        if not page_file.is_file():
            continue  # one annotation of the 1,000 names a page the release lacks
        raw = gzip.decompress(page_file.read_bytes())
        yield Page(marked["file_id"], marked.get("url", ""), raw, marked["ground_truth"]["main_content"])


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
    parser.add_argument("checkout", type=Path, help="a checkout of either benchmark")
    parser.add_argument("--misses", type=int, default=0, metavar="N", help="print the N pages scored lowest")
    parser.add_argument("--no-trafilatura", action="store_true", help="our figures only")
    parser.add_argument(
        "--page-type", default="article", help="the modern set's pages of this type only (all: every page)"
    )
    args = parser.parse_args()
    if (args.checkout / "ground-truth.json").is_file():
        pages = zyte_pages(args.checkout)
    elif (args.checkout / "benchmark" / "ground-truth").is_dir():
        pages = modern_pages(args.checkout, args.page_type)
    else:
        sys.exit(f"{args.checkout} is a checkout of neither benchmark (see --help)")
    rival = None if args.no_trafilatura else trafilatura
    ours: dict[str, Counts] = {}
    theirs: dict[str, Counts] = {}
    urls: dict[str, str] = {}
    our_ms: list[float] = []
    their_ms: list[float] = []
    for page in pages:
        urls[page.key] = page.url
        text = timed(lambda raw=page.html: Article.from_html(raw).body.text, our_ms)
        ours[page.key] = matched(text, page.body)
        if rival is not None:
            html = page.html.decode("utf-8", errors="replace")
            found = timed(lambda html=html: rival.extract(html, include_comments=False) or "", their_ms)
            theirs[page.key] = matched(found, page.body)
    print(f"{len(ours)} pages, word {SHINGLE}-shingles as Zyte's evaluate.py counts them")
    print(f"{'':14}{'F1':>8}{'precision':>11}{'recall':>8}{'ms per page (median)':>24}")
    for label, counted, times in (("lint-article", ours, our_ms), ("trafilatura", theirs, their_ms)):
        if counted:
            p, r, f = scores(list(counted.values()))
            print(f"{label:14}{f:8.3f}{p:11.3f}{r:8.3f}{statistics.median(times):24.2f}")
    for key in sorted(ours, key=lambda k: page_f1(ours[k]))[: args.misses]:
        _, fp, fn = ours[key]
        rival_f1 = f"  trafilatura {page_f1(theirs[key]):.3f}" if key in theirs else ""
        print(f"{key[:12]}  F1 {page_f1(ours[key]):.3f}  fp {fp:.2f}  fn {fn:.2f}{rival_f1}  {urls[key]}")


if __name__ == "__main__":
    main()
