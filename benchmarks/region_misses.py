"""Where the article finder goes wrong on the extraction corpus, to read.

For each page of ``../shared/corpus/extraction/`` (worst first: two points for a
``without`` snippet inside the region, one for a ``with`` snippet outside it),
prints each such snippet with the path of the block that holds it: the
block's element and its ancestors up to ``<body>`` (tag, ``class``, ``id``,
``role``), the region's root marked ``[ROOT]`` and an excluded subtree
``[OUT]``. A snippet that no single block holds (it spans blocks, or is not
visible text) is printed without a path.

    python benchmarks/region_misses.py [--pages N] [--limit N] [--only fp|fn]
"""

from __future__ import annotations

import argparse
import gzip
import json
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from corpus import CORPUS

from lint_article import Article

EXTRACTION = CORPUS / "extraction"


def normalise(text: str) -> str:
    return " ".join(text.split())


def label(element, region) -> str:  # type: ignore[no-untyped-def]
    """``tag.class#id[role]`` of *element*, with the region's marks."""
    parts = [str(element.tag)]
    if element.get("class"):
        parts.append("." + ".".join(element.get("class").split())[:60])
    if element.get("id"):
        parts.append("#" + element.get("id")[:40])
    if element.get("role"):
        parts.append(f"[role={element.get('role')}]")
    if element is region.root:
        parts.append("[ROOT]")
    if element in region.excluded:
        parts.append("[OUT]")
    return "".join(parts)


def path(element, region) -> str:  # type: ignore[no-untyped-def]
    chain = []
    while element is not None and element.tag not in ("body", "html"):
        chain.append(label(element, region))
        element = element.getparent()
    return " < ".join(chain)


def where(article: Article, snippet: str) -> str:
    wanted = normalise(snippet)
    for block in article.blocks:
        if wanted in normalise(article.text[block.start : block.end]):
            return path(block.element, article.region)
    return "(no single block holds it)"


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--pages", type=int, default=30, help="how many of the worst pages to print")
    parser.add_argument("--limit", type=int, default=0, help="only the first N pages of the corpus")
    parser.add_argument("--only", choices=("fp", "fn"), help="print only one kind of error")
    args = parser.parse_args()
    expected = json.loads((EXTRACTION / "expected.json").read_text(encoding="utf-8"))
    rows = []
    for name in sorted(expected)[: args.limit or None]:
        raw = gzip.decompress((EXTRACTION / "pages" / f"{name}.gz").read_bytes())
        article = Article.from_html(raw)
        text = normalise(article.body.text)
        fps = [s for s in expected[name]["without"] if normalise(s) in text]
        fns = [s for s in expected[name]["with"] if normalise(s) not in text]
        if args.only == "fp":
            fns = []
        elif args.only == "fn":
            fps = []
        if fps or fns:
            rows.append((2 * len(fps) + len(fns), name, article, fps, fns))
    rows.sort(key=lambda row: -row[0])
    for _, name, article, fps, fns in rows[: args.pages]:
        print(f"== {name}  {expected[name]['url'][:100]}")
        print(f"   root: {path(article.region.root, article.region)}  ({article.region.evidence})")
        for snippet in fps:
            print(f"   FP {snippet[:60]!r}\n      {where(article, snippet)}")
        for snippet in fns:
            print(f"   FN {snippet[:60]!r}\n      {where(article, snippet)}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
