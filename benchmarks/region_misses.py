"""Where the article finder goes wrong on the extraction corpus, to read.

For each page of ``../shared/corpus/extraction/`` (worst first: two points for a
``without`` snippet inside the region, one for a ``with`` snippet outside it),
prints each such snippet with the path of the block that holds it: the
block's element and its ancestors up to ``<body>`` (tag, ``class``, ``id``,
``role``), the region's root marked ``[ROOT]`` and an excluded subtree
``[OUT]``; a block left out of its element as a note (``Region.left_out``)
is marked ``[LEFT OUT]``. A snippet that no single block holds (it spans blocks, or is not
visible text) is printed without a path.

With ``--tally``, prints instead how many misses fall in each class: the kind
of block that holds the snippet, where it stands against the page's ``with``
snippets (before the first, between, after the last), and whether the region's
root is wrong altogether (it holds under half the ``with`` snippets), the
block lies outside the root, or inside it but set aside or left out as a note.

    python benchmarks/region_misses.py [--pages N] [--limit N] [--only fp|fn] [--tally]
"""

from __future__ import annotations

import argparse
import gzip
import json
import sys
from collections import Counter
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


def holder(article: Article, snippet: str) -> int | None:
    """The number of the first of *article*'s blocks that holds *snippet*."""
    wanted = normalise(snippet)
    for number, block in enumerate(article.blocks):
        if wanted in normalise(article.text[block.start : block.end]):
            return number
    return None


def where(article: Article, snippet: str) -> str:
    number = holder(article, snippet)
    if number is None:
        return "(no single block holds it)"
    block = article.blocks[number]
    note = "[LEFT OUT] " if block in article.region.left_out else ""
    return note + path(block.element, article.region)


def classes(article: Article, snippets: list[str], found: int, expected: list[str]) -> Counter[str]:
    """The classes of the missed *snippets* of one page (see --tally); *found* of
    the page's *expected* ``with`` snippets are in the region."""
    region = article.region
    anchors = [n for n in (holder(article, s) for s in expected) if n is not None]
    tally: Counter[str] = Counter()
    for snippet in snippets:
        number = holder(article, snippet)
        if number is None:
            tally["no single block holds it"] += 1
            continue
        block = article.blocks[number]
        inside = any(el is region.root for el in block.element.iterancestors()) or block.element is region.root
        if 2 * found < len(expected):
            place = "root wrong (under half the with snippets in)"
        elif not inside:
            place = "outside the root"
        elif block in region.left_out:
            place = "inside the root, left out as a note"
        elif region.holds(block.element):
            place = "inside the root, kept"
        else:
            place = "inside the root, set aside"
        side = "between"
        if anchors and number < min(anchors):
            side = "before"
        elif anchors and number > max(anchors):
            side = "after"
        tally[f"place: {place}"] += 1
        tally[f"kind: {block.kind}"] += 1
        tally[f"side: {side} the with snippets"] += 1
    return tally


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--pages", type=int, default=30, help="how many of the worst pages to print")
    parser.add_argument("--limit", type=int, default=0, help="only the first N pages of the corpus")
    parser.add_argument("--only", choices=("fp", "fn"), help="print only one kind of error")
    parser.add_argument("--tally", action="store_true", help="count the misses by class instead of listing pages")
    args = parser.parse_args()
    tallies: dict[str, Counter[str]] = {"fp": Counter(), "fn": Counter()}
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
        if args.tally:
            found = len(expected[name]["with"]) - len(fns)
            tallies["fp"].update(classes(article, fps, found, expected[name]["with"]))
            tallies["fn"].update(classes(article, fns, found, expected[name]["with"]))
            tallies["fp"]["all"] += len(fps)
            tallies["fn"]["all"] += len(fns)
        elif fps or fns:
            rows.append((2 * len(fps) + len(fns), name, article, fps, fns))
    if args.tally:
        for kind, title in (("fp", "without snippets inside the region"), ("fn", "with snippets outside it")):
            print(f"{title}: {tallies[kind].pop('all', 0)}")
            for label_, count in sorted(tallies[kind].items()):
                print(f"   {label_:<60}{count:>5}")
        return 0
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
