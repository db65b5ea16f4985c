"""How well lint-article finds the article inside a full page, beside Trafilatura.

Prints, in one run, for :func:`lint_article.document.region.find_region` and for
Trafilatura (a benchmark-only dependency; without it only our figures print):

1. ``../shared/corpus/extraction/`` (990 pages with snippets that belong to the
   article, ``with``, and snippets of page furniture, ``without``): precision,
   recall and F1 over all snippets, Trafilatura's own method. A ``with``
   snippet found in the extracted text is a true positive, one missing a false
   negative; a ``without`` snippet found is a false positive. White space is
   normalised on both sides, and soft hyphens (U+00AD) are dropped from both:
   the corpus's snippets keep them on some German pages and not on others,
   and a reader sees none (the linter's text leaves them out).
2. ``../shared/corpus/pages/`` against ``articles/`` (what Mozilla Readability
   extracts): F1 of the word 4-shingles (multisets) of the extracted text
   against the article's visible text; median and mean, for the real pages and
   for Readability's synthetic test pages apart.
3. Headlines: how often the headline's text matches Readability's title
   (``metadata/NAME.json``), normalised, allowing a site name before or after.
4. Cost per page, in processor time (the machine is shared): a bare lxml parse,
   ``Article.from_html``, ``find_region`` alone (median and p90 over all the pages
   of both folders, and over the corpus pages alone, whose median issue 9 sets at
   2 ms), and Trafilatura's ``extract``; and the ratios of the medians.

Install and run::

    .venv/bin/pip install -e ".[bench]"
    .venv/bin/python benchmarks/extraction.py
    .venv/bin/python benchmarks/extraction.py --misses 20   # also the worst pages, to read
    .venv/bin/python benchmarks/extraction.py --no-trafilatura --against ../main/lint_article/document/region

With ``--against``, also times another version of the region finder (another
checkout's ``lint_article/document/region`` package, or the single
``region.py`` module of a checkout older than the package) against this one's
in the same run: on every page of both folders, each finds the region of the
same parsed article, in alternating order, and the medians and their ratio
print (the only fair comparison on a shared machine).

The extracted text is the region's blocks joined by newlines
(``article.body.text``).
"""

from __future__ import annotations

import argparse
import gzip
import importlib.util
import json
import re
import statistics
import sys
import time
from collections import Counter
from collections.abc import Callable
from pathlib import Path

from lxml import etree

from lint_article import Article

try:
    import trafilatura
except ImportError:  # a benchmark-only dependency: the "bench" extra
    trafilatura = None

sys.path.insert(0, str(Path(__file__).resolve().parent))
from corpus import SYNTHETIC

CORPUS = Path(__file__).resolve().parent.parent.parent / "shared" / "corpus"
EXTRACTION = CORPUS / "extraction"
SHINGLE = 4
_WORD = re.compile(r"\w+")
_NOT_WORD = re.compile(r"[\W_]+")


def normalise(text: str) -> str:
    return " ".join(text.replace("\xad", "").split())


def ours(article: Article) -> str:
    return article.body.text


# -- 1. snippets ------------------------------------------------------------------------------------


class Snippets:
    """True and false positives and negatives over the snippets of many pages."""

    def __init__(self) -> None:
        self.counts: Counter[str] = Counter()
        self.pages: dict[str, Counter[str]] = {}

    def score(self, page: str, text: str, expected: dict[str, list[str]]) -> None:
        text = normalise(text)
        counts: Counter[str] = Counter()
        for snippet in expected["with"]:
            counts["tp" if normalise(snippet) in text else "fn"] += 1
        for snippet in expected["without"]:
            counts["fp" if normalise(snippet) in text else "tn"] += 1
        self.counts.update(counts)
        self.pages[page] = counts

    def figures(self) -> tuple[float, float, float]:
        tp, fp, fn = self.counts["tp"], self.counts["fp"], self.counts["fn"]
        precision = tp / (tp + fp) if tp + fp else 0.0
        recall = tp / (tp + fn) if tp + fn else 0.0
        f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
        return precision, recall, f1


# -- 2. shingles ------------------------------------------------------------------------------------


def shingles(text: str) -> Counter[tuple[str, ...]]:
    words = _WORD.findall(text.casefold())
    if len(words) < SHINGLE:
        return Counter([tuple(words)]) if words else Counter()
    return Counter(tuple(words[i : i + SHINGLE]) for i in range(len(words) - SHINGLE + 1))


def shingle_f1(found: str, truth: str) -> float:
    a, b = shingles(found), shingles(truth)
    common = sum((a & b).values())
    if not common:
        return 0.0
    precision, recall = common / sum(a.values()), common / sum(b.values())
    return 2 * precision * recall / (precision + recall)


# -- 3. headlines -----------------------------------------------------------------------------------


def key(text: str) -> str:
    return " ".join(_NOT_WORD.sub(" ", text.casefold()).split())


def same_title(found: str | None, title: str) -> bool:
    """Whether *found* is *title*, or *title* is *found* with a site name before or after."""
    if found is None:
        return not key(title)
    found, title = key(found), key(title)
    return bool(found) and (found == title or title.startswith(found + " ") or title.endswith(" " + found)
                            or found.startswith(title + " ") or found.endswith(" " + title))  # fmt: skip


# -- running ----------------------------------------------------------------------------------------


def timed(function: Callable[[], object], into: list[float]) -> object:
    """*function*'s result; its processor time in milliseconds goes *into* the list
    (the machine is shared: time spent waiting for a core is not the code's)."""
    start = time.process_time()
    result = function()
    into.append((time.process_time() - start) * 1000)
    return result


def percentile(values: list[float], share: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(share * len(ordered)))]


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--misses", type=int, default=0, help="list the N pages we score worst on")
    parser.add_argument("--no-trafilatura", action="store_true", help="our figures only (faster)")
    parser.add_argument("--limit", type=int, default=0, help="only the first N extraction pages")
    parser.add_argument(
        "--against", type=Path, help="another checkout's region package (or region.py) to time against this one's (A/B)"
    )
    args = parser.parse_args()
    if not CORPUS.is_dir():
        print(f"{CORPUS} is missing: the corpus lies in ../shared beside the checkout", file=sys.stderr)
        return 2
    rival = None if args.no_trafilatura else trafilatura
    if rival is None and not args.no_trafilatura:
        print('Trafilatura is not installed (pip install -e ".[bench]"): our figures only.\n')
    lxml_ms: list[float] = []
    parse_ms: list[float] = []
    region_ms: list[float] = []
    rival_ms: list[float] = []

    # 1. the extraction corpus
    expected = json.loads((EXTRACTION / "expected.json").read_text(encoding="utf-8"))
    names = sorted(expected)[: args.limit or None]
    snippets, rival_snippets = Snippets(), Snippets()
    for name in names:
        raw = gzip.decompress((EXTRACTION / "pages" / f"{name}.gz").read_bytes())
        timed(lambda raw=raw: etree.HTML(raw), lxml_ms)
        article = timed(lambda raw=raw: Article.from_html(raw), parse_ms)
        assert isinstance(article, Article)
        timed(lambda article=article: article.region, region_ms)
        snippets.score(name, article.body.text, expected[name])
        if rival is not None:
            text = timed(lambda raw=raw: rival.extract(raw), rival_ms)
            rival_snippets.score(name, str(text or ""), expected[name])

    # 2 and 3. Readability's pages
    pages = sorted((CORPUS / "pages").glob("*.html"))
    f1s: dict[str, float] = {}
    rival_f1s: dict[str, float] = {}
    titles: dict[str, bool] = {}
    rival_titles: dict[str, bool] = {}
    headlines: dict[str, str | None] = {}
    for path in pages:
        name = path.stem
        raw = path.read_bytes()
        truth_article = Article.from_html((CORPUS / "articles" / path.name).read_bytes())
        truth = truth_article.page.text
        title = json.loads((CORPUS / "metadata" / f"{name}.json").read_text(encoding="utf-8")).get("title") or ""
        timed(lambda raw=raw: etree.HTML(raw), lxml_ms)
        article = timed(lambda raw=raw: Article.from_html(raw), parse_ms)
        assert isinstance(article, Article)
        timed(lambda article=article: article.region, region_ms)
        f1s[name] = shingle_f1(article.body.text, truth)
        headline = article.region.headline
        headlines[name] = None if headline is None else " ".join("".join(headline.itertext()).split())
        titles[name] = same_title(headlines[name], title)
        if rival is not None:
            document = timed(lambda raw=raw: rival.bare_extraction(raw, with_metadata=True), rival_ms)
            rival_f1s[name] = shingle_f1(str(getattr(document, "text", "") or ""), truth)
            rival_titles[name] = same_title(getattr(document, "title", None), title)

    report(snippets, rival_snippets if rival else None, f1s, rival_f1s, titles, rival_titles)
    print("\n4. Processor time per page, ms, all pages of both folders         median      p90")
    timings = (
        ("bare lxml parse (etree.HTML)", lxml_ms),
        ("Article.from_html", parse_ms),
        ("find_region", region_ms),
        ("trafilatura", rival_ms),
    )
    for label, times in timings:
        if times:
            row(label, f"{statistics.median(times):.2f}", f"{percentile(times, 0.9):.2f}")
    # The corpus pages were timed last: issue 9's target (2 ms) is their median.
    corpus_region_ms = region_ms[-len(pages) :]
    row(f"find_region, the {len(pages)} corpus pages alone", f"{statistics.median(corpus_region_ms):.2f}",
        f"{percentile(corpus_region_ms, 0.9):.2f}")  # fmt: skip
    ratio = statistics.median(region_ms) / statistics.median(parse_ms)
    row("find_region / Article.from_html (medians)", f"{ratio:.3f}")
    ratio = statistics.median(region_ms) / statistics.median(lxml_ms)
    row("find_region / bare lxml parse (medians)", f"{ratio:.3f}")
    if args.against is not None:
        if not (args.against.is_file() or (args.against / "__init__.py").is_file()):
            print(f"{args.against} is neither a region package nor a region.py", file=sys.stderr)
            return 2
        raws = [gzip.decompress((EXTRACTION / "pages" / f"{name}.gz").read_bytes()) for name in names]
        ours_ms, theirs_ms = against(args.against, raws + [path.read_bytes() for path in pages])
        print(f"\n5. find_region, ms per page, this region finder against {args.against}    median")
        row("this one", f"{statistics.median(ours_ms):.3f}")
        row("the other", f"{statistics.median(theirs_ms):.3f}")
        row("this one / the other (medians)", f"{statistics.median(ours_ms) / statistics.median(theirs_ms):.3f}")
    if args.misses:
        misses(snippets, f1s, titles, headlines, args.misses)
    return 0


def against(path: Path, raws: list[bytes]) -> tuple[list[float], list[float]]:
    """The processor times of this ``find_region`` and of the one in *path* (a
    region package's folder, or a region.py module) on each page of *raws*:
    both on the same parsed article, once each to fill its memos, then timed in
    turn, who goes first alternating from page to page."""
    from lint_article.document import region

    name = "lint_article.document._region_against"  # its relative imports resolve in lint_article.document
    if path.is_dir():
        spec = importlib.util.spec_from_file_location(
            name, path / "__init__.py", submodule_search_locations=[str(path)]
        )
    else:
        spec = importlib.util.spec_from_file_location(name, path)
    assert spec is not None and spec.loader is not None
    other = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = other
    spec.loader.exec_module(other)
    ours: list[float] = []
    theirs: list[float] = []
    for number, raw in enumerate(raws):
        article = Article.from_html(raw)
        region.find_region(article)
        other.find_region(article)
        turns = ((region, ours), (other, theirs))
        for module, into in turns if number % 2 else turns[::-1]:
            timed(lambda module=module, article=article: module.find_region(article), into)
    return ours, theirs


def row(label: str, *figures: str) -> None:
    """One line of the report: a label, then figures in columns."""
    print(f"   {label:<56}" + "".join(f"{figure:>9}" for figure in figures))


def report(
    snippets: Snippets,
    rival_snippets: Snippets | None,
    f1s: dict[str, float],
    rival_f1s: dict[str, float],
    titles: dict[str, bool],
    rival_titles: dict[str, bool],
) -> None:
    print(f"1. Snippets of {len(snippets.pages)} extraction pages" + " " * 24 + "precision   recall       F1")
    for label, counted in (("lint-article", snippets), ("trafilatura", rival_snippets)):
        if counted is not None:
            row(label, *(f"{figure:.4f}" for figure in counted.figures()))
    print(f"\n2. Word {SHINGLE}-shingle F1 against Readability's articles" + " " * 12 + "median     mean    pages")
    for label, results in (("lint-article", f1s), ("trafilatura", rival_f1s)):
        for part, synthetic in (("real pages", False), ("synthetic pages", True)):
            values = [f1 for name, f1 in results.items() if (name in SYNTHETIC) == synthetic]
            if values:
                row(f"{label}, {part}", f"{statistics.median(values):.4f}", f"{statistics.mean(values):.4f}",
                    str(len(values)))  # fmt: skip
    print("\n3. Headline matches Readability's title" + " " * 38 + "share    pages")
    for label, results in (("lint-article", titles), ("trafilatura", rival_titles)):
        if results:
            row(label, f"{sum(results.values()) / len(results):.4f}", str(len(results)))


def misses(snippets: Snippets, f1s: dict[str, float], titles: dict[str, bool],
           headlines: dict[str, str | None], count: int) -> None:  # fmt: skip
    print("\nExtraction pages with the most errors (fp, fn):")
    worst = sorted(snippets.pages.items(), key=lambda item: -(2 * item[1]["fp"] + item[1]["fn"]))
    for name, counts in worst[:count]:
        print(f"   {name}  fp {counts['fp']}  fn {counts['fn']}")
    print("\nReadability pages with the lowest shingle F1:")
    for name in sorted(f1s, key=f1s.__getitem__)[:count]:
        print(f"   {name:50} {f1s[name]:.3f}")
    print("\nHeadline misses:")
    for name in sorted(n for n, same in titles.items() if not same):
        print(f"   {name:50} {headlines[name]!r}")


if __name__ == "__main__":
    sys.exit(main())
