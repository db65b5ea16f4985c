"""Which extraction pages put the most findings outside the article, to read.

For each page of ``../shared/corpus/extraction/``, the findings that the
``near`` judge of ``scope_precision.py`` (its default) puts outside the
article, worst page first, with the region's root (its element path, as
``region_misses.py`` prints it), the evidence for it, and the share of the
page's ``with`` and ``without`` snippets that the region holds: a page whose
root is wrong altogether (a sidebar, a popup, a listing) holds few ``with``
snippets.

With ``--page ID``, prints instead each finding of that page (of ``--rule``
only, if given) with the judge's verdict, its line, and the path of the
element at its position: what to read to tell the template that the region
keeps from the judge's errors (a story's gallery with no snippet near it).

With ``--read outside`` (or ``inside``) and ``--rule``, prints each of that
rule's findings that the judge puts outside (or a random ``--sample`` of
those it puts inside, drawn with ``--seed``), each with the element's path
and the blocks just before and after it in the source, marked ``B`` when
they are the body's: what a reader needs to judge the judge, both ways (its
errors on a rule run in both directions, and may cancel).

    python benchmarks/scope_misses.py [--pages N] [--limit N] [--rule RULE]
    python benchmarks/scope_misses.py --page 389e0bda7912 [--rule no-inline-style]
    python benchmarks/scope_misses.py --rule image-alt --read inside --sample 40 --seed 7
"""

from __future__ import annotations

import argparse
import bisect
import random
from collections import Counter

from region_misses import path
from scope_precision import Locator, extraction_pages, normalised, snippet_judge, verdicts

from lint_article import Article, Linter, make_linter
from lint_article.document import ArticleError


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--pages", type=int, default=30, help="how many of the worst pages to print")
    parser.add_argument("--limit", type=int, help="only the first N pages of the corpus")
    parser.add_argument("--rule", help="count only this rule's findings")
    parser.add_argument("--page", help="list this page's findings (its id, with or without .html) instead")
    parser.add_argument("--read", choices=("outside", "inside"), help="print --rule's findings so judged, to read")
    parser.add_argument("--sample", type=int, default=40, help="with --read inside: how many findings to draw")
    parser.add_argument("--seed", type=int, default=7, help="with --read inside: the draw's seed")
    args = parser.parse_args()
    linter = make_linter()
    if args.page:
        return list_page(linter, args.page.removesuffix(".html") + ".html", args.rule)
    if args.read:
        if not args.rule:
            parser.error("--read needs --rule")
        return read_findings(linter, args.rule, args.read == "inside", args.sample, args.seed, args.limit)
    rows = []
    total: Counter[str] = Counter()
    for page_id, data, marks in extraction_pages(args.limit):
        try:
            article = Article.from_html(data)
        except ArticleError:
            continue
        report = linter.lint(article)
        outside = inside = 0
        for finding, verdict in verdicts(article, report, snippet_judge(article, marks)):
            if args.rule and finding.rule != args.rule:
                continue
            outside += not verdict
            inside += bool(verdict)
        total["outside"] += outside
        total["all"] += outside + inside
        region = article.region
        text = normalised(article.body.text)
        held = sum(normalised(s) in text for s in marks["with"])
        leaked = sum(normalised(s) in text for s in marks["without"])
        rows.append((outside, inside, page_id, marks, region, held, leaked))
    rows.sort(key=lambda row: row[0], reverse=True)
    for outside, inside, page_id, marks, region, held, leaked in rows[: args.pages]:
        print(f"== {page_id} {marks.get('url', '')[:90]}")
        print(
            f"   outside {outside}, inside {inside}; with {held}/{len(marks['with'])}, "
            f"without {leaked}/{len(marks['without'])}; {region.evidence}"
        )
        print(f"   root: {path(region.root, region)[:400]}")
    print(f"all: {total['outside']:,} of {total['all']:,} outside")
    return 0


def list_page(linter: Linter, page_id: str, rule: str | None) -> int:
    """Print each finding of one extraction page with its verdict and element path."""
    for found_id, data, marks in extraction_pages(None):
        if found_id != page_id:
            continue
        article = Article.from_html(data)
        region = article.region
        print(f"== {page_id} {marks.get('url', '')[:90]}\n   {region.evidence}")
        print(f"   root: {path(region.root, region)[:400]}")
        locator = Locator(article)
        for finding, inside in verdicts(article, linter.lint(article), snippet_judge(article, marks)):
            if rule and finding.rule != rule:
                continue
            element = locator.element_at(locator.offset_of(finding.line, finding.column))
            print(f"{'in ' if inside else 'OUT'} {finding.line:>6} {finding.rule}: {finding.message[:100]}")
            print(f"           {path(element, region)[:300]}")
        return 0
    print(f"no extraction page {page_id}")
    return 2


def read_findings(linter: Linter, rule: str, inside: bool, sample: int, seed: int, limit: int | None) -> int:
    """Print *rule*'s findings that the judge puts outside (or, *inside*, a
    random *sample* of those it puts inside), each with its context."""
    judged: list[tuple[str, int, int]] = []
    for page_id, data, marks in extraction_pages(limit):
        try:
            article = Article.from_html(data)
        except ArticleError:
            continue
        for finding, verdict in verdicts(article, linter.lint(article), snippet_judge(article, marks)):
            if finding.rule == rule and bool(verdict) == inside:
                judged.append((page_id, finding.line, finding.column))
    chosen = sorted(random.Random(seed).sample(judged, min(sample, len(judged)))) if inside else judged
    print(f"{rule}: {len(chosen)} of the {len(judged)} findings judged {'inside' if inside else 'outside'}")
    wanted = {page_id for page_id, _, _ in chosen}
    for page_id, data, marks in extraction_pages(limit):
        if page_id not in wanted:
            continue
        article = Article.from_html(data)
        locator = Locator(article)
        starts = [article.source_offset(block.start) for block in article.blocks]
        print(f"== {page_id} {marks.get('url', '')[:90]}")
        for found_id, line, column in chosen:
            if found_id != page_id:
                continue
            offset = locator.offset_of(line, column)
            after = bisect.bisect_right(starts, offset)
            print(f"   {line}:{column} {path(locator.element_at(offset), article.region)[:200]}")
            print(f"      before: {_block_line(article, after - 1)}\n      after:  {_block_line(article, after)}")
    return 0


def _block_line(article: Article, number: int) -> str:
    """Block *number*'s text, marked ``B`` when it is the body's ("" past either end)."""
    if not 0 <= number < len(article.blocks):
        return ""
    block = article.blocks[number]
    return ("B " if block in article.region.blocks else "- ") + " ".join(article.block_text(block).split())[:90]


if __name__ == "__main__":
    raise SystemExit(main())
