"""What the editorial rules share: where the article is on the page, which
elements a reader sees, and how its text compares.

The :class:`~lint_article.article.Article` finds the content element (the
largest ``<article>``, else ``<main>``); on a full page that has neither, it
falls back to ``<body>``, navigation and all. :func:`article_region` narrows
that fallback to the container that holds most of the page's paragraph text,
the way reader modes find an article, and inside the content it sets aside
what the page itself marks as beside the article: ``<aside>``, ``<nav>``,
complementary and navigation regions, and the readers' comments. Rules about
furniture, headings and links then do not read the site's menus, sidebars
and comment threads as part of the story.
"""

from __future__ import annotations

import bisect
import itertools
import math
import re
from collections import defaultdict
from collections.abc import Callable, Hashable
from dataclasses import dataclass
from functools import cached_property
from operator import attrgetter
from typing import Any, TypeVar

from lxml import etree

from .article import QUOTING_TAGS, Article, Block

T = TypeVar("T")

# Elements whose content a reader never sees (as in the document model).
_INVISIBLE = frozenset(
    {"head", "script", "style", "template", "noscript", "iframe", "object", "embed", "noembed",
     "noframes", "datalist", "param", "source", "track", "area", "map"}
)  # fmt: skip
_HIDDEN_STYLE = re.compile(r"display\s*:\s*none|visibility\s*:\s*hidden", re.IGNORECASE)
# Code is quoted, not written: rules about prose leave it alone.
CODE_TAGS = frozenset({"code", "pre", "kbd", "samp", "tt", "var"})
# Languages written without spaces between words: a "word" of the shared
# tokeniser is one character there, so word-count thresholds mean nothing.
UNSPACED_LANGUAGES = frozenset({"ja", "zh", "th", "lo", "km", "my", "bo"})
_CJK = re.compile(r"[\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff]")
_NOT_WORD = re.compile(r"[\W_]+")

# A container must hold this share of the page's paragraph text to stand for
# the article; below it, the search widens to the container's parent.
_ARTICLE_SHARE = 0.5


# Parts of a page that sit beside the article even inside its element:
# complementary and navigation regions, and the readers' comments (which the
# HTML standard nests inside <article>).
_NAVIGATION_ROLES = frozenset({"navigation", "menu", "menubar", "contentinfo", "banner", "search"})
_COMMENTS_TOKEN = re.compile(r"^(?:[\w-]*[-_])?(?:comments?|respond|disqus_thread)(?:[-_][\w-]*)?$", re.IGNORECASE)
_PARAGRAPH_KINDS = frozenset({"paragraph", "block"})
_TEXT_OF = attrgetter("text")


@dataclass(frozen=True)
class Region:
    """The article's own part of the page: an element, its block range, and
    the parts inside it that are not the article (asides, comments)."""

    element: etree._Element
    first: int
    """Index in :attr:`Article.blocks` of the region's first block."""
    last: int
    """Index one past the region's last block."""
    beside: frozenset[etree._Element] = frozenset()
    """Elements inside :attr:`element` that belong to the page, not the article."""

    def blocks(self, article: Article) -> tuple[Block, ...]:
        """The article's blocks, without those beside it."""
        blocks = article.blocks[self.first : self.last]
        if not self.beside:
            return blocks
        return tuple(block for block in blocks if block.element not in self.beside)

    def contains(self, article: Article, index: int) -> bool:
        """Whether block *index* of :attr:`Article.blocks` is the article's."""
        return self.first <= index < self.last and article.blocks[index].element not in self.beside

    def holds(self, element: etree._Element) -> bool:
        """Whether *element* is part of the article."""
        return element not in self.beside and element in self._members

    @cached_property
    def _members(self) -> frozenset[etree._Element]:
        # One pass over the element, not a walk up from each element asked about.
        return frozenset(self.element.iter())


def article_region(article: Article, *, comments: bool = False, asides: bool = False) -> Region:
    """Where the article is: the content element, or on a full page without
    ``<article>`` or ``<main>``, the container with the most paragraph text.
    Navigation inside it is set aside, and so are asides (unless *asides*: a
    rule about the writer's text reads sidebars and fact boxes) and comment
    sections (unless *comments*)."""
    return article.derived(_find_region, comments, asides)


def _find_region(article: Article, comments: bool, asides: bool) -> Region:
    element, first, last = article.derived(_content)
    navigation, complementary, threads = article.derived(_beside_candidates)
    found: set[etree._Element] = set()
    for candidate in (*navigation, *(() if asides else complementary), *(() if comments else threads)):
        if candidate not in found:
            found.update(candidate.iter())
    return Region(element, first, last, frozenset(found))


def _content(article: Article) -> tuple[etree._Element, int, int]:
    content = article.content
    if article.is_fragment or content.tag != "body" or not article.blocks:
        if not article.content_blocks:
            return content, 0, 0
        first = article.block_at(article.content_blocks[0].start)
        return content, first, first + len(article.content_blocks)
    scores: dict[etree._Element, float] = defaultdict(float)
    total = 0
    for block in article.blocks:
        if block.kind not in _PARAGRAPH_KINDS:
            continue
        size = block.end - block.start
        total += size
        parent = block.element.getparent()
        if parent is None:
            continue
        scores[parent] += size
        grandparent = parent.getparent()
        if grandparent is not None:
            scores[grandparent] += size / 2
    if not scores:
        return content, 0, len(article.blocks)
    best = max(scores, key=lambda el: scores[el])
    members = set(best.iter())
    while _paragraph_text(article, members) < _ARTICLE_SHARE * total:
        parent = best.getparent()
        if parent is None or parent.tag in ("body", "html"):
            return content, 0, len(article.blocks)
        best = parent
        members = set(best.iter())
    inside = [i for i, block in enumerate(article.blocks) if block.element in members]
    return best, inside[0], inside[-1] + 1


def _paragraph_text(article: Article, members: set[etree._Element]) -> int:
    return sum(b.end - b.start for b in article.blocks if b.kind in _PARAGRAPH_KINDS and b.element in members)


Candidates = tuple[list[etree._Element], list[etree._Element], list[etree._Element]]


def _beside_candidates(article: Article) -> Candidates:
    """Navigation, complementary parts (asides) and comment threads inside the
    content element, in one pass over it (faster than XPath predicates)."""
    content = article.derived(_content)[0]
    navigation: list[etree._Element] = []
    complementary: list[etree._Element] = []
    threads: list[etree._Element] = []
    for el in content.iter(etree.Element):
        if el is content:
            continue
        tag = el.tag
        role = el.get("role")
        if tag == "nav" or (role and role.strip().lower() in _NAVIGATION_ROLES):
            navigation.append(el)
        elif tag == "aside" or (role and role.strip().lower() == "complementary"):
            complementary.append(el)
        names = f"{el.get('id') or ''} {el.get('class') or ''}"
        if ("omment" in names or "respond" in names or "disqus" in names) and any(
            _COMMENTS_TOKEN.match(token) for token in names.split()
        ):
            threads.append(el)
    return navigation, complementary, threads


def is_visible(element: etree._Element, article: Article | None = None) -> bool:
    """False when *element* or an ancestor is hidden from readers. Given the
    *article*, the answer for each ancestor on the way is remembered for every
    rule that asks: a page of images nested a thousand levels deep then costs a
    step an image, not a thousand."""
    return not _up_the_tree(element, _hides, article.derived(_answers, "hidden") if article else None)


def _hides(element: etree._Element) -> bool:
    if element.tag in _INVISIBLE or element.get("hidden") is not None:
        return True
    style = element.get("style")
    return bool(style and _HIDDEN_STYLE.search(style))


def within(element: etree._Element, tags: frozenset[str], article: Article | None = None) -> bool:
    """True when *element* or one of its ancestors is one of *tags* (given the
    *article*, remembered as :func:`is_visible` remembers)."""
    return _up_the_tree(element, lambda el: el.tag in tags, article.derived(_answers, tags) if article else None)


def _up_the_tree(
    element: etree._Element, test: Callable[[etree._Element], bool], known: dict[etree._Element, bool] | None
) -> bool:
    """Whether *test* holds for *element* or one of its ancestors; *known* holds
    the answers found so far, and gets those of every element on the way."""
    path: list[etree._Element] = []
    el: etree._Element | None = element
    found = False
    while el is not None:
        if known is not None and el in known:
            found = known[el]
            break
        path.append(el)
        if test(el):
            found = True
            break
        el = el.getparent()
    if known is not None:
        known.update(dict.fromkeys(path, found))
    return found


def _answers(article: Article, question: Hashable) -> dict[etree._Element, Any]:
    """An empty memo, one per article and *question*."""
    return {}


def per_element(article: Article, element: etree._Element, compute: Callable[[etree._Element], T]) -> T:
    """``compute(element)``, once per article and element: a container that holds
    many blocks (text written between its paragraphs) is read once, not once a block."""
    memo: dict[etree._Element, T] = article.derived(_answers, compute)
    if element not in memo:
        memo[element] = compute(element)
    return memo[element]


def visible_text(element: etree._Element) -> str:
    """The text a reader sees inside *element*, white space collapsed."""
    parts: list[str] = []
    stack: list[tuple[etree._Element, bool]] = [(element, False)]
    while stack:
        el, tail_only = stack.pop()
        if tail_only:
            if el.tail:
                parts.append(el.tail)
            continue
        if el is not element:
            stack.append((el, True))
        if not isinstance(el.tag, str):  # a comment: its tail is text, its content is not
            continue
        if el.tag in _INVISIBLE or el.get("hidden") is not None:
            continue
        if el.text:
            parts.append(el.text)
        stack.extend((child, False) for child in reversed(el))
    return " ".join("".join(parts).split())


_NAMING = ("aria-label", "aria-labelledby", "title")


def has_name(element: etree._Element) -> bool:
    """Whether something in *element* names it for screen readers besides its
    text: an ``aria-label``, ``aria-labelledby`` or ``title``, an image's
    ``alt``, or an inline SVG's ``<title>``."""
    for el in element.iter(etree.Element):
        if any((el.get(attribute) or "").strip() for attribute in _NAMING):
            return True
        if el.tag in ("img", "image") and (el.get("alt") or "").strip():
            return True
        if el.tag == "title" and "".join(str(t) for t in el.itertext()).strip():
            return True
    return False


def key(text: str) -> str:
    """*text* reduced for comparison: case, punctuation and spacing ignored."""
    return " ".join(_NOT_WORD.sub(" ", text.casefold().replace("’", "'").replace("'", "")).split())


def line_of(article: Article, text_offset: int) -> int:
    """The source line of a character of :attr:`Article.text`."""
    return article.position(article.source_offset(text_offset))[0]


def counts_words(article: Article, language: str | None) -> bool:
    """Whether word counts mean something in this article: not in languages
    written without spaces, declared or (when undeclared) evident from the text."""
    if language is not None:
        return language not in UNSPACED_LANGUAGES
    sample = article.text[:2000]
    return len(_CJK.findall(sample)) < 0.2 * max(1, len(sample))


# Text in quotation marks: the writer is quoting or naming a phrase, not using it.
# Each opening mark, the marks that close it, and whether a closing mark between
# two letters is an apostrophe inside the quotation (‘it’s’) rather than its end.
_QUOTATION_MARKS = {
    "“": ("”", False), '"': ('"', False), "«": ("»", False), "„": ("“”", False), "‹": ("›", False),
    "‘": ("’", True), "'": ("'", True),
}  # fmt: skip
_LONGEST_QUOTATION = 500
_OPENING_MARK = re.compile("[“\"«„‹‘']")
_WORD_CHARACTER = re.compile(r"\w")


def quoted_spans(text: str) -> list[tuple[int, int]]:
    """(start, end) of each passage of *text* in quotation marks (1 to 500
    characters between them), in order and not overlapping.

    One pass: each opening mark looks up the first mark after it that could
    close it, instead of reading up to 500 characters ahead (a page of opening
    marks would cost 500 steps a character)."""
    closings: dict[str, list[int]] = {}
    spans: list[tuple[int, int]] = []
    pos = 0
    while (opening := _OPENING_MARK.search(text, pos)) is not None:
        at = opening.start()
        pos = at + 1
        closers, apostrophes = _QUOTATION_MARKS[text[at]]
        if text[at] == "'" and at > 0 and _WORD_CHARACTER.match(text, at - 1):
            continue  # an apostrophe ("it's"), not an opening mark
        if closers not in closings:
            closings[closers] = _closing_marks(text, closers, apostrophes)
        ends = closings[closers]
        found = bisect.bisect_right(ends, at)
        if found == len(ends) or not 1 <= ends[found] - at - 1 <= _LONGEST_QUOTATION:
            continue
        close = ends[found]
        if apostrophes and _WORD_CHARACTER.match(text, close + 1):
            continue
        spans.append((at, close + 1))
        pos = close + 1
    return spans


def _closing_marks(text: str, closers: str, apostrophes: bool) -> list[int]:
    """Offsets of the marks among *closers* that end a quotation; with
    *apostrophes*, not those between two word characters."""
    return [
        match.start()
        for match in re.finditer(f"[{re.escape(closers)}]", text)
        if not (
            apostrophes
            and match.start() > 0
            and _WORD_CHARACTER.match(text, match.start() - 1)
            and _WORD_CHARACTER.match(text, match.end())
        )
    ]


def in_spans(spans: list[tuple[int, int]], start: int, end: int) -> bool:
    """True when [start, end) lies inside one of *spans* (in order and not
    overlapping, as :func:`quoted_spans` gives them)."""
    found = bisect.bisect_right(spans, (start, math.inf)) - 1
    return found >= 0 and end <= spans[found][1]


class Quotations:
    """Which passages of the article's blocks are quoted rather than written:
    in quotation marks, or inside inline ``<code>``, ``<kbd>``, ``<samp>`` or ``<q>``.
    Computed per block on first use; each question is then a binary search."""

    def __init__(self, article: Article) -> None:
        self._article = article
        self._marks: dict[int, list[tuple[int, int]]] = {}
        self._inline: tuple[list[int], list[int]] | None = None
        """Starts of the inline quoting elements' text spans, in order, and the
        furthest end of any span that starts at or before each."""

    def holds(self, index: int, start: int, end: int) -> bool:
        """Whether text offsets [start, end) of block *index* are quoted."""
        article = self._article
        block = article.blocks[index]
        if index not in self._marks:
            self._marks[index] = quoted_spans(article.text[block.start : block.end])
        if in_spans(self._marks[index], start - block.start, end - block.start):
            return True
        if self._inline is None:
            self._inline = _inline_quotations(article)
        starts, reaches = self._inline
        found = bisect.bisect_right(starts, start) - 1
        return found >= 0 and end <= reaches[found]


def _inline_quotations(article: Article) -> tuple[list[int], list[int]]:
    spans = sorted(span for el in article.tree.iter(*QUOTING_TAGS) if (span := article.text_span(el)) is not None)
    return [low for low, _ in spans], list(itertools.accumulate((high for _, high in spans), max))


@dataclass(frozen=True)
class Lowered:
    """The article's region of :attr:`Article.text`, lower-cased once for
    cheap substring searches (``str.find`` runs in C; most regular
    expressions do not run fast enough over a long page)."""

    start: int
    """Offset in :attr:`Article.text` of ``text[1]`` (``text[0]`` is a newline, so
    that an anchor may start with one to mean "at the start of a block")."""
    text: str
    exact: bool
    """False when lower-casing changed the text's length; offsets are then unknown."""


def lowered(article: Article) -> Lowered:
    """The region's text, lower-cased (computed once, shared by the rules)."""
    return article.derived(_lowered)


def _lowered(article: Article) -> Lowered:
    region = article_region(article)
    if region.last <= region.first:
        return Lowered(0, "\n", True)
    start, end = article.blocks[region.first].start, article.blocks[region.last - 1].end
    original = article.text[start:end]
    text = "\n" + original.lower()
    return Lowered(start, text, len(text) == len(original) + 1)


def words_of(article: Article) -> frozenset[str]:
    """The article's words, lower-cased (computed once): a cheap test of
    whether a phrase can occur at all before it is searched for."""
    return article.derived(_words_of)


def _words_of(article: Article) -> frozenset[str]:
    distinct = set(map(_TEXT_OF, article.words))
    return frozenset(text.lower().replace("’", "'") for text in distinct)


def blocks_with(article: Article, anchors: tuple[str, ...], region: Region | None = None) -> list[int]:
    """Indices in :attr:`Article.blocks` of the blocks of *region* (by default,
    the article's) that hold one of *anchors* (lower-case strings), in order."""
    region = region or article_region(article)
    low = lowered(article)
    if not low.exact:
        found = {i for i in range(region.first, region.last) if any(a in article.text[article.blocks[i].start :
                 article.blocks[i].end].lower() for a in anchors)}  # fmt: skip
    else:
        found = set()
        text = low.text
        for anchor in anchors:
            at = text.find(anchor)
            while at >= 0:
                found.add(article.block_at(low.start + max(at - 1, 0) + (anchor[0] == "\n")))
                at = text.find(anchor, at + 1)
    return sorted(i for i in found if region.contains(article, i))
