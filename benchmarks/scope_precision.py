"""How many of each rule's findings on full pages lie outside the article.

For every finding on a full page, the script finds the element at the
finding's position, climbs to the nearest ancestor with some text, and judges
whether that text belongs to the article:

- ``../shared/corpus/pages/NAME.html``: the article is what Mozilla Readability
  extracted (``../shared/corpus/articles/NAME.html``); the element is inside
  when most of its word trigrams occur in the article's text (the 32 synthetic
  test pages are left out).
- ``../shared/corpus/extraction/pages/ID.html.gz``: the article is marked by
  snippets (``expected.json``: ``with`` snippets of the article, ``without``
  snippets of the page's furniture), and there are two judges (``--judge``):

  - ``fair`` (the default): the text around the finding (as above: its nearest
    element with some text) is counted for the snippets of each kind it holds.
    It is inside when it holds more ``with`` snippets than ``without`` ones,
    outside when it holds more ``without`` ones; when it holds as many of each
    (none, or a container as wide as the page holding all of them), it is
    inside when the finding lies between the first and the last ``with``
    snippet of the page in document order, and outside otherwise.
  - ``old``: the judge of earlier versions of this script, biased against the
    article: text that holds a ``without`` snippet is outside, whatever else it
    holds (so a container with the story and a "Related" line is outside); else
    text that holds a ``with`` snippet is inside; else the position decides, as
    above.

  A finding on a page where no ``with`` snippet is found, and that neither
  count decides, is left out.

It prints, per rule, the findings, how many lie outside the article and their
share. Run it on another checkout (say, an older commit) for a "before" column:

    python benchmarks/scope_precision.py [--limit N] [--judge fair|old]
    PYTHONPATH=/tmp/old-checkout python benchmarks/scope_precision.py

Only APIs that every version of the library has are used (``make_linter``,
``Article.from_html``, ``Article.tree``, ``Article.element_span``, positions).
"""

from __future__ import annotations

import argparse
import bisect
import gzip
import json
import re
from collections import Counter
from collections.abc import Callable, Iterator

from corpus import CORPUS, SYNTHETIC

from lint_article import Article, make_linter
from lint_article.document import ArticleError
from lint_article.findings import Finding
from lint_article.report import Report

_WORD = re.compile(r"\w+")
_MIN_TEXT = 20


def words(text: str) -> list[str]:
    return _WORD.findall(text.casefold())


def trigrams(text: str) -> set[tuple[str, ...]]:
    tokens = words(text)
    return {tuple(tokens[i : i + 3]) for i in range(len(tokens) - 2)}


def normalised(text: str) -> str:
    return " ".join(text.split())


class Locator:
    """The element at a source offset, and the text around it."""

    def __init__(self, article: Article) -> None:
        self.article = article
        pairs = []
        for element in article.tree.iter():
            if isinstance(element.tag, str):
                pairs.append((article.element_span(element)[0], element))
        pairs.sort(key=lambda pair: pair[0])
        self.starts = [start for start, _ in pairs]
        self.elements = [element for _, element in pairs]
        self.offsets = _line_offsets(article.source)

    def element_at(self, line: int, column: int):
        offset = self.offsets[line - 1] + column - 1
        index = max(0, bisect.bisect_right(self.starts, offset) - 1)
        return self.elements[index]

    def text_around(self, element) -> str:
        while element is not None:
            text = normalised(" ".join(str(t) for t in element.itertext()))
            if len(text) >= _MIN_TEXT or element.getparent() is None:
                return text
            element = element.getparent()
        return ""


def _line_offsets(source: str) -> list[int]:
    offsets = [0]
    at = source.find("\n")
    while at >= 0:
        offsets.append(at + 1)
        at = source.find("\n", at + 1)
    return offsets


def readability_pages(limit: int | None):
    """(name, page bytes, judge) for the real Readability test pages."""
    for path in sorted((CORPUS / "pages").glob("*.html"))[:limit]:
        if path.stem in SYNTHETIC:
            continue
        article_text = " ".join(Article.from_html((CORPUS / "articles" / path.name).read_bytes()).text.split())
        article_grams = trigrams(article_text)

        def judge(text: str, offset: int, grams: set = article_grams, whole: str = article_text) -> bool:
            mine = trigrams(text)
            if not mine:
                return normalised(text).casefold() in whole.casefold()
            return len(mine & grams) >= 0.5 * len(mine)

        yield path.stem, path.read_bytes(), judge


def extraction_pages(limit: int | None):
    """(id, page bytes, judge) for the pages of Trafilatura's evaluation set."""
    expected = json.loads((CORPUS / "extraction" / "expected.json").read_text(encoding="utf-8"))
    for page_id in sorted(expected)[:limit]:
        marks = expected[page_id]
        data = gzip.decompress((CORPUS / "extraction" / "pages" / f"{page_id}.gz").read_bytes())
        yield page_id, data, marks


def run(limit: int | None, fair: bool = True) -> dict[str, Counter[str]]:
    linter = make_linter()
    tallies: dict[str, Counter[str]] = {}
    for corpus, pages in (("readability", readability_pages(limit)), ("extraction", extraction_pages(limit))):
        tally: Counter[str] = Counter()
        for _name, data, judge_or_marks in pages:
            try:
                article = Article.from_html(data)
            except ArticleError:  # refused (an older version refuses pages that a newer one reads)
                tally["(pages refused)"] += 1
                continue
            report = linter.lint(article)
            if not report.findings:
                continue
            judge = _snippet_judge(article, judge_or_marks, fair) if corpus == "extraction" else judge_or_marks
            for finding, inside in verdicts(article, report, judge):
                tally[finding.rule] += 1
                if not inside:
                    tally[finding.rule + " outside"] += 1
        tallies[corpus] = tally
    return tallies


def verdicts(
    article: Article, report: Report, judge: Callable[[str, int], bool | None]
) -> Iterator[tuple[Finding, bool]]:
    """Each finding of *report* (crashes aside) that *judge* can place, with
    whether it lies inside the article."""
    locator = Locator(article)
    for finding in report.findings:
        if finding.message_id == "internal-error":
            continue
        element = locator.element_at(finding.line, finding.column)
        offset = locator.offsets[finding.line - 1] + finding.column - 1
        inside = judge(locator.text_around(element), offset)
        if inside is not None:
            yield finding, inside


def _snippet_judge(article: Article, marks: dict, fair: bool = True):
    """A judge for one extraction page: snippets first (by which kind the text
    holds more of when *fair*, else ``without`` before ``with``), then the stretch
    of the source between the first and the last ``with`` snippet found in the
    page's text."""
    found = [at for at in (article.text.find(snippet) for snippet in marks["with"]) if at >= 0]
    low = article.source_offset(min(found)) if found else -1
    high = article.source_offset(max(found)) if found else -1
    without = [normalised(s) for s in marks["without"]]
    within = [normalised(s) for s in marks["with"]]

    def judge(text: str, offset: float) -> bool | None:
        if fair:
            outside = sum(1 for snippet in without if snippet and snippet in text)
            inside = sum(1 for snippet in within if snippet and snippet in text)
            if inside != outside:
                return inside > outside
        elif any(snippet and snippet in text for snippet in without):
            return False
        elif any(snippet and snippet in text for snippet in within):
            return True
        if low < 0:
            return None
        return low <= offset <= high

    return judge


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--limit", type=int, help="only the first N pages of each corpus")
    parser.add_argument(
        "--judge", choices=("fair", "old"), default="fair", help="how findings on extraction pages are judged"
    )
    args = parser.parse_args()
    tallies = run(args.limit, fair=args.judge == "fair")
    print(f"extraction pages judged by the {args.judge} judge (see the docstring)")
    rules = sorted({key for tally in tallies.values() for key in tally if _is_rule(key)})
    print(f"{'rule':<26}" + "".join(f"{corpus + ' (outside / all)':>34}" for corpus in tallies))
    for rule in rules:
        cells = []
        for tally in tallies.values():
            total, outside = tally[rule], tally[rule + " outside"]
            share = f"{outside / total:.0%}" if total else "-"
            cells.append(f"{outside:>8,} / {total:<8,} {share:>6}")
        print(f"{rule:<26}" + "".join(f"{cell:>34}" for cell in cells))
    for corpus, tally in tallies.items():
        total = sum(v for k, v in tally.items() if _is_rule(k))
        outside = sum(v for k, v in tally.items() if k.endswith(" outside"))
        share = outside / max(total, 1)
        print(f"all rules, {corpus}: {outside:,} of {total:,} findings outside the article ({share:.0%})")
        if tally["(pages refused)"]:
            print(f"  {tally['(pages refused)']:,} pages of {corpus} refused by this version, left out")


def _is_rule(key: str) -> bool:
    """Whether a tally's key is a rule's count (not its count outside, nor a note)."""
    return not key.endswith(" outside") and not key.startswith("(")


if __name__ == "__main__":
    main()
