"""How many of each rule's findings on full pages lie outside the article.

For every finding on a full page, the script finds the element at the
finding's position and judges whether it belongs to the article:

- ``../shared/corpus/pages/NAME.html``: the article is what Mozilla Readability
  extracted (``../shared/corpus/articles/NAME.html``); the element is inside
  when most of the word trigrams of the text around it (its nearest element
  with 80 characters of text) occur in the article's text (the 32 synthetic
  test pages are left out). An element without text of its own (an empty
  heading, an image) is judged by the text just before it and just after it
  in its parent, inside when both are: its parent may hold a gallery that
  Readability leaves out around story paragraphs that it keeps. Text in a
  script written without spaces is compared a character at a time.
- ``../shared/corpus/extraction/pages/ID.html.gz``: the article is marked by
  snippets (``expected.json``: ``with`` snippets of the article, ``without``
  snippets of the page's furniture), about three of each per page, so most
  findings lie in text that no snippet marks. Three judges (``--judge``):

  - ``near`` (the default): the finding's element is climbed until an
    ancestor covers some snippet (found in the page's visible text, placed at
    its source offset). If the snippets it covers are all of one kind, that
    kind decides; if both kinds, a finding with a ``with`` snippet of that
    ancestor before it and another after it is inside (the story goes on
    around it, and the ``without`` snippet lies in a box inserted into the
    story), and otherwise the snippet nearest to the finding in the source
    decides. So a table in the story is judged by the story's container, a
    paragraph below a newsletter box in the story by the story around it, and
    a footer menu by the footer, or by the furniture snippet nearest to it. A
    page on which no snippet is found is left out.

    Before the nearest snippet decides, a ``without`` snippet that is a
    picture's caption (in a ``<figure>``, a ``<figcaption>`` or an element
    whose class names a caption, or after a picture in the same ``<p>``) counts
    as the story's on the "goes on around it" test: a finding with the
    story's text or captions on both sides in that ancestor is inside. This
    corpus marks captions as furniture, yet a caption within the story's
    container is the story's figure; with the three ``with`` snippets often
    in the story's first part, the rest of a long story (a blog post on
    avalanches, its paragraphs and pictures between "Abbildung n: ..."
    captions) was judged by the nearest caption, outside. Captions count only
    on that test, and only where both kinds are held: a caption alone still
    puts what holds it outside, and the nearest snippet may still be one.
    A picture is not judged by its own caption either: when the first
    ancestor of a picture that covers some snippet covers only ``without``
    ones, in no more than 400 characters of text (a figure with its caption),
    the climb goes on past it, and the picture is inside only if the story
    goes on around that figure, by the test above; else outside, as before.
    Checked with the control (``--scope page``): extraction findings judged
    outside 21,864 -> 21,811 of 45,645; 38 of the 53 are findings that the
    region keeps too (15 template ones: an ad slot in the story, a sign-up
    form); the earlier rule that dropped captions from every test (and
    took any text after a picture for a caption) moved 470 template findings
    inside and was reverted.
  - ``fair``: the text around the finding (its nearest element with some
    text) is counted for the snippets of each kind it holds: inside when it
    holds more ``with`` snippets, outside when more ``without`` ones; on a tie
    (mostly none of either), inside when the finding lies between the first
    and the last ``with`` snippet of the page, outside otherwise. Text of the
    story that lies before the first or after the last ``with`` snippet (its
    first paragraph, a closing table) is judged outside, so this judge
    overstates the share outside.
  - ``old``: as ``fair``, but text that holds any ``without`` snippet is
    outside, whatever else it holds.

On both corpora a finding in the document's ``<head>`` (the story's title
and description, which ``headline`` checks) is judged inside, and so is the
story's headline, when most of its words
are in a title the page gives itself (``<title>``, ``og:title``, or
Readability's metadata): the extracted body and the snippets leave the
headline out, yet it is the story's (``single-h1`` and ``headline`` are about
it). So is the story's deck, the line under the headline that sums it up,
when most of its words are in the description the page gives itself
(``description``, ``og:description``, ``twitter:description``, or
Readability's ``excerpt``): Readability leaves it out of the body it
extracts, yet it is the writer's, and the findings about the whole article
(``readability``, ``subheading-distribution``) stand on the article's first
block, which the deck often is. Control (``--scope page``): 4,915 -> 4,909
and 21,811 -> 21,781 findings judged outside (36 in all), beside 309 -> 302
and 773 -> 747 (33) in the default scope: the decks, not the template.

``--scope page`` lints the whole page, template and all: the control, which
shows what the judge makes of findings in the template.

It prints, per rule, the findings, how many lie outside the article and their
share. Run it on another checkout (say, an older commit) for a "before" column:

    python benchmarks/scope_precision.py [--limit N] [--judge near|fair|old] [--scope page]
    PYTHONPATH=/tmp/old-checkout python benchmarks/scope_precision.py

Only APIs that every version of the library has are used (``make_linter``,
``Article.from_html``, ``Article.tree``, ``Article.element_span``, positions).
"""

from __future__ import annotations

import argparse
import bisect
import gzip
import itertools
import json
import re
from collections import Counter
from collections.abc import Callable, Iterator

from corpus import CORPUS, SYNTHETIC

from lint_article import Article, make_linter
from lint_article.document import ArticleError
from lint_article.findings import Finding
from lint_article.report import Report

_UNSPACED = "\u3040-\u30ff\u3400-\u9fff\uac00-\ud7af\uf900-\ufaff"
_WORD = re.compile(rf"[{_UNSPACED}]|[^\W{_UNSPACED}]+")
"""A word, or one character of a script written without spaces (Chinese,
Japanese, Korean): a page and Readability's output break such text into runs
at different places, so runs are not compared whole."""
_MIN_TEXT = 20
_MIN_JUDGED = 80
"""Characters of text a Readability page's finding is judged on: a formula or
a chart label alone is text that Readability's output may spell otherwise;
the paragraph around it is not."""


def words(text: str) -> list[str]:
    return _WORD.findall(text.casefold())


def trigrams(text: str) -> set[tuple[str, ...]]:
    tokens = words(text)
    return {tuple(tokens[i : i + 3]) for i in range(len(tokens) - 2)}


def normalised(text: str) -> str:
    return " ".join(text.split())


class Locator:
    """The element at a source offset, the stretch of source each element
    covers, and the text around it."""

    def __init__(self, article: Article) -> None:
        self.article = article
        ordered = [element for element in article.tree.iter() if isinstance(element.tag, str)]
        starts = [article.element_span(element)[0] for element in ordered]
        # An element covers the source from its start tag to the start of the
        # first element after its last descendant (its own tail aside).
        self.extent: dict[object, tuple[int, int]] = {}
        last: dict[object, int] = {}  # the index of each element's last descendant
        for index in range(len(ordered) - 1, -1, -1):
            children = [child for child in ordered[index] if isinstance(child.tag, str)]
            last[ordered[index]] = last[children[-1]] if children else index
        for index, element in enumerate(ordered):
            after = last[element] + 1
            end = starts[after] if after < len(starts) else len(article.source)
            self.extent[element] = (starts[index], max(end, starts[index]))
        by_start = sorted(range(len(ordered)), key=starts.__getitem__)
        self.starts = [starts[index] for index in by_start]
        self.elements = [ordered[index] for index in by_start]
        self.offsets = _line_offsets(article.source)

    def offset_of(self, line: int, column: int) -> int:
        return self.offsets[line - 1] + column - 1

    def element_at(self, offset: int):
        index = max(0, bisect.bisect_right(self.starts, offset) - 1)
        return self.elements[index]

    def text_around(self, element, least: int = _MIN_TEXT) -> str:
        """The text of *element*, or of its nearest ancestor with at least *least* characters of text."""
        while element is not None:
            text = normalised(" ".join(str(t) for t in element.itertext()))
            if len(text) >= least or element.getparent() is None:
                return text
            element = element.getparent()
        return ""

    def text_beside(self, element, least: int) -> tuple[str, str] | None:
        """For an element without text of its own (an empty heading, an image),
        the text of its parent just before it and just after it (each at least
        *least* characters), or None when it has text, or not that much text
        on both sides."""
        if normalised(" ".join(str(t) for t in element.itertext())):
            return None
        parent = element.getparent()
        if parent is None:
            return None
        siblings = list(parent)
        at = siblings.index(element)
        before = _gathered(reversed(siblings[:at]), least, tails_first=True) if at else ""
        after = _gathered(siblings[at + 1 :], least, tails_first=False, lead=element.tail or "")
        if len(before) < least or len(after) < least:
            return None
        return before, after


def _gathered(siblings, least: int, *, tails_first: bool, lead: str = "") -> str:
    """The text of *siblings* in the order given, with their tails, until it
    reaches *least* characters."""
    pieces = [lead]
    size = len(lead.strip())
    for sibling in siblings:
        own = " ".join(str(t) for t in sibling.itertext()) if isinstance(sibling.tag, str) else ""
        parts = [sibling.tail or "", own] if tails_first else [own, sibling.tail or ""]
        pieces.extend(parts)
        size += sum(len(part.strip()) for part in parts)
        if size >= least:
            break
    if tails_first:
        pieces.reverse()
    return normalised(" ".join(pieces))


def _line_offsets(source: str) -> list[int]:
    offsets = [0]
    at = source.find("\n")
    while at >= 0:
        offsets.append(at + 1)
        at = source.find("\n", at + 1)
    return offsets


Judge = Callable[[Locator, object, int], "bool | None"]


def readability_pages(limit: int | None):
    """(name, page bytes, judge) for the real Readability test pages."""
    for path in sorted((CORPUS / "pages").glob("*.html"))[:limit]:
        if path.stem in SYNTHETIC:
            continue
        article_text = " ".join(Article.from_html((CORPUS / "articles" / path.name).read_bytes()).text.split())
        article_grams = trigrams(article_text)
        metadata = CORPUS / "metadata" / f"{path.stem}.json"
        known = json.loads(metadata.read_text(encoding="utf-8")) if metadata.exists() else {}
        titles = [known.get("title") or "", known.get("excerpt") or ""]

        def judge(
            locator: Locator, element, offset: int, grams: set = article_grams, whole: str = article_text, titles=titles
        ) -> bool:
            if in_head(element) or is_title(locator.text_around(element), titles):
                return True

            def extracted(text: str) -> bool:
                mine = trigrams(text)
                if not mine:
                    return normalised(text).casefold() in whole.casefold()
                return len(mine & grams) >= 0.5 * len(mine)

            sides = locator.text_beside(element, _MIN_JUDGED)
            if sides is not None:
                return all(extracted(side) for side in sides)
            return extracted(locator.text_around(element, _MIN_JUDGED))

        yield path.stem, path.read_bytes(), judge


def is_title(text: str, titles: list[str]) -> bool:
    """Whether *text* is the story's title or its deck: most of its words are
    in one of the page's *titles* (its ``<title>``, ``og:title``, its
    description, or Readability's metadata: the title and the excerpt), so
    the headline and the deck under it, which the extracted body and the
    snippets leave out, are judged part of the story they title and sum up."""
    mine = words(text)
    if not mine or len(mine) > 40:
        return False
    return any(len(set(mine) & set(words(title))) >= 0.8 * len(set(mine)) for title in titles if title)


def in_head(element) -> bool:
    """Whether *element* is in the document's ``<head>``: its title and
    description are the story's metadata, which no template region holds."""
    return any(ancestor.tag == "head" for ancestor in element.iterancestors()) or element.tag == "head"


def page_titles(article: Article) -> list[str]:
    """The titles and the summary a page gives itself: ``<title>``,
    ``og:title``/``twitter:title`` and its description (``description``,
    ``og:description``, ``twitter:description``)."""
    titles = [" ".join(element.itertext()) for element in article.tree.iter("title")]
    for meta in article.tree.iter("meta"):
        if (meta.get("property") or meta.get("name") or "").lower() in _SELF_DESCRIBED:
            titles.append(meta.get("content") or "")
    return titles


_SELF_DESCRIBED = frozenset({"og:title", "twitter:title", "description", "og:description", "twitter:description"})


def extraction_pages(limit: int | None):
    """(id, page bytes, judge) for the pages of Trafilatura's evaluation set."""
    expected = json.loads((CORPUS / "extraction" / "expected.json").read_text(encoding="utf-8"))
    for page_id in sorted(expected)[:limit]:
        marks = expected[page_id]
        data = gzip.decompress((CORPUS / "extraction" / "pages" / f"{page_id}.gz").read_bytes())
        yield page_id, data, marks


def run(limit: int | None, judge_name: str = "near", scope: str | None = None) -> dict[str, Counter[str]]:
    linter = make_linter({"scope": scope} if scope else None)
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
            judge = snippet_judge(article, judge_or_marks, judge_name) if corpus == "extraction" else judge_or_marks
            for finding, inside in verdicts(article, report, judge):
                tally[finding.rule] += 1
                if not inside:
                    tally[finding.rule + " outside"] += 1
        tallies[corpus] = tally
    return tallies


def verdicts(article: Article, report: Report, judge: Judge) -> Iterator[tuple[Finding, bool]]:
    """Each finding of *report* (crashes aside) that *judge* can place, with
    whether it lies inside the article."""
    locator = Locator(article)
    for finding in report.findings:
        if finding.message_id == "internal-error":
            continue
        offset = locator.offset_of(finding.line, finding.column)
        inside = judge(locator, locator.element_at(offset), offset)
        if inside is not None:
            yield finding, inside


def snippet_judge(article: Article, marks: dict, name: str = "near") -> Judge:
    """A judge for one extraction page (see the module's docstring for *name*)."""
    text, starts = _spaced(article.text)
    found: list[tuple[int, bool]] = []  # (source offset, whether a ``with`` snippet)
    for kind, snippets in ((True, marks["with"]), (False, marks["without"])):
        for snippet in snippets:
            at = text.find(normalised(snippet)) if snippet.strip() else -1
            if at >= 0:
                found.append((article.source_offset(starts[at]), kind))
    found.sort()
    offsets = [offset for offset, _ in found]
    within = [offset for offset, kind in found if kind]
    low, high = (within[0], within[-1]) if within else (-1, -1)
    titles = page_titles(article)

    captions: list[set[int]] = []  # the source offsets of the ``without`` snippets that are captions, read once

    def story_marks(locator: Locator, held: list[tuple[int, bool]]) -> list[int]:
        """The offsets of the ``with`` snippets in *held* and of the ``without`` ones that are captions."""
        if not captions:
            captions.append({at for at, kind in found if not kind and is_caption(locator.element_at(at))})
        return [at for at, kind in held if kind or at in captions[0]]

    def near(locator: Locator, element, offset: int) -> bool | None:
        if in_head(element) or is_title(locator.text_around(element), titles):
            return True
        figure: tuple[int, int] | None = None  # the picture's own captioned figure, once passed
        picture = element.tag in _IMAGES
        while element is not None:
            start, end = locator.extent[element]
            held = found[bisect.bisect_left(offsets, start) : bisect.bisect_left(offsets, end)]
            if figure is not None:
                held = [(at, kind) for at, kind in held if not figure[0] <= at < figure[1]]
            elif (
                picture
                and held
                and not any(kind for _, kind in held)
                and len(locator.text_around(element, 0)) <= _FIGURE_TEXT
            ):
                figure = start, end
                element = element.getparent()
                continue
            if held:
                kinds = {kind for _, kind in held}
                if len(kinds) == 1 and figure is None:
                    return kinds.pop()
                marks = story_marks(locator, held)
                if any(at < offset for at in marks) and any(at > offset for at in marks):
                    # The story (its text, or its pictures' captions) goes on around it: a
                    # box inserted into it holds the ``without`` snippet, or a caption is one.
                    return True
                if figure is not None:
                    return False
                return min(held, key=lambda pair: abs(pair[0] - offset))[1]
            element = element.getparent()
        return None if figure is None else False

    def counted(locator: Locator, element, offset: int) -> bool | None:
        text = locator.text_around(element)
        outside = sum(1 for snippet in marks["without"] if snippet.strip() and normalised(snippet) in text)
        inside = sum(1 for snippet in marks["with"] if snippet.strip() and normalised(snippet) in text)
        if name == "fair" and inside != outside:
            return inside > outside
        if name == "old" and outside:
            return False
        if name == "old" and inside:
            return True
        if low < 0:
            return None
        return low <= offset <= high

    return near if name == "near" else counted


_IMAGES = frozenset({"img", "picture", "svg", "video", "iframe"})
_CAPTION_HOLDERS = frozenset({"figure", "figcaption"})
_FIGURE_TEXT = 400


def is_caption(element) -> bool:
    """Whether the snippet in *element* is a picture's caption: it lies in a
    ``<figure>``, a ``<figcaption>`` or an element whose class names a caption,
    or a picture comes before it in the paragraph that holds it
    (``<p><img><br><em>Abbildung 4: ...``), within three levels of *element*."""
    for node in itertools.islice(itertools.chain([element], element.iterancestors()), 3):
        if node.tag in _CAPTION_HOLDERS or "caption" in (node.get("class") or "").lower():
            return True
        parent = node.getparent()
        if (
            parent is not None
            and parent.tag == "p"
            and any(True for before in node.itersiblings(preceding=True) for _ in before.iter(*_IMAGES))
        ):
            return True
    return False


def _spaced(text: str) -> tuple[str, list[int]]:
    """*text* with each run of white space made one space, and for each of its
    characters the offset in *text* it came from."""
    pieces: list[str] = []
    starts: list[int] = []
    for match in re.finditer(r"\S+", text):
        if pieces:
            pieces.append(" ")
            starts.append(match.start() - 1)
        pieces.append(match.group())
        starts.extend(range(match.start(), match.end()))
    return "".join(pieces), starts


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--limit", type=int, help="only the first N pages of each corpus")
    parser.add_argument(
        "--judge",
        choices=("near", "fair", "old"),
        default="near",
        help="how findings on extraction pages are judged (see the docstring)",
    )
    parser.add_argument(
        "--scope",
        choices=("page",),
        help="lint the whole page, template and all: the control that shows what the judge makes of template findings",
    )
    args = parser.parse_args()
    tallies = run(args.limit, args.judge, args.scope)
    print(f"extraction pages judged by the {args.judge} judge (see the docstring); scope: {args.scope or 'default'}")
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
