"""What each readability formula costs per article, and how often it goes past its default threshold.

    python benchmarks/formula_cost.py [--repeat 5]

For each of the real corpus articles (../shared/corpus/articles, Readability's
synthetic pages left out) that the linter reads as English, and for the German
pages among the first 400 of the extraction set (``extraction/pages``,
``<html lang="de">``), it parses the document once and then times, --repeat
times, each formula made for the language on its prose, keeping each
document's fastest time: the formula's own cost, with the view's words and
sentences already there (every default run builds them). textstat's caches are
emptied before each timing, so that no formula profits from counts another left
behind. The unit is a bare lxml parse of the same document, timed in the same
run. Flesch reading ease and the Flesch-Kincaid grade are computed together,
in the pass over the words that gives the stats their per-paragraph scores;
that pass is what their rows time. It prints, per formula: the median per document in milliseconds, that
median over the parse's, and on how many documents the value is past the
formula's default threshold. Last, the one-time cost of loading textstat (in a
fresh process), which a run pays on the first optional formula it computes.
"""

from __future__ import annotations

import argparse
import gzip
import statistics
import subprocess
import sys
import time
from functools import partial

from corpus import CORPUS, SYNTHETIC
from lxml import etree

from lint_article import Article
from lint_article.document import FORMULAS
from lint_article.document.formulas import _metrics, value
from lint_article.document.scores import combined, paragraph_scores


def bare_parse(data: bytes) -> int:
    root = etree.fromstring(data, etree.HTMLParser(encoding="utf-8"))
    return 0 if root is None else len("".join(str(t) for t in root.itertext()))


def documents() -> dict[str, list[bytes]]:
    """The documents of each language measured."""
    english = []
    for path in sorted((CORPUS / "articles").glob("*.html")):
        if path.stem not in SYNTHETIC:
            data = path.read_bytes()
            if Article.from_html(data).language(None).code == "en":
                english.append(data)
    german = []
    for path in sorted((CORPUS / "extraction" / "pages").glob("*.html.gz"))[:400]:
        data = gzip.decompress(path.read_bytes())
        if b'lang="de' in data[:3000].lower() and len(Article.from_html(data).body.words) >= 100:
            german.append(data)
    return {"en": english, "de": german}


NATIVE_FLESCH = ("flesch_reading_ease", "flesch_kincaid_grade")


def combined_flesch(view, lang: str) -> None:
    combined(paragraph_scores(view, lang), lang)


def clear_textstat_caches() -> None:
    for name, module in list(sys.modules.items()):
        if name.startswith("textstat.backend"):
            for attribute in vars(module).values():
                if hasattr(attribute, "cache_clear"):
                    attribute.cache_clear()


def fastest(function, repeat: int, before=lambda: None) -> float:
    best = float("inf")
    for _ in range(repeat):
        before()
        start = time.perf_counter()
        function()
        best = min(best, time.perf_counter() - start)
    return best


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--repeat", type=int, default=5)
    args = parser.parse_args()
    _metrics()  # textstat loaded once, before anything is timed
    print(f"{'formula':32} {'lang':4} {'docs':>4} {'median ms':>9} {'/ parse':>8} {'past threshold':>15}")
    for lang, blobs in documents().items():
        parse = statistics.median(fastest(lambda data=data: bare_parse(data), args.repeat) for data in blobs)
        views = [Article.from_html(data).body for data in blobs]
        for view in views:
            view.prose_text  # noqa: B018 (built once per article, as the stats' scores are)
            view.paragraph_scores(lang)
        for formula in FORMULAS.values():
            if lang not in formula.languages:
                continue

            times = []
            past = 0
            for view in views:
                if formula.id in NATIVE_FLESCH:  # the stats' pass, which both come from: timed uncached
                    compute = partial(combined_flesch, view, lang)
                else:
                    compute = partial(value, view, formula.id, lang)
                times.append(fastest(compute, args.repeat, clear_textstat_caches))
                result = value(view, formula.id, lang)
                past += result is not None and formula.beyond(result, formula.threshold)
            median = statistics.median(times)
            print(
                f"{formula.id:32} {lang:4} {len(views):4} {median * 1000:9.3f} {median / parse:8.2f} "
                f"{past:5} of {len(views):<4} ({formula.harder} {formula.threshold:g})"
            )
        print(f"{'(bare lxml parse)':32} {lang:4} {len(views):4} {parse * 1000:9.3f}")
    code = "import time; t = time.perf_counter(); from lint_article.document.formulas import _metrics; _metrics(); "
    code += "print(time.perf_counter() - t)"
    loads = [
        float(subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout)
        for _ in range(5)
    ]
    print(f"loading textstat (once per process): median {statistics.median(loads) * 1000:.0f} ms of 5 processes")


if __name__ == "__main__":
    main()
