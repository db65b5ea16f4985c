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

    python benchmarks/scope_misses.py [--pages N] [--limit N] [--rule RULE]
    python benchmarks/scope_misses.py --page 389e0bda7912 [--rule no-inline-style]
"""

from __future__ import annotations

import argparse
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
    args = parser.parse_args()
    linter = make_linter()
    if args.page:
        return list_page(linter, args.page.removesuffix(".html") + ".html", args.rule)
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


if __name__ == "__main__":
    raise SystemExit(main())
