"""Where the article is on the page: its headline, and the element that holds its body.

A CMS body (a fragment) is the article, less what is plainly furniture. On a
full page the article is the ``<article>`` with the most text, else the
``<main>``, else the container that holds most of the page's paragraph text;
inside it, navigation, asides and comment threads belong to the page.
"""

from __future__ import annotations

import re
from collections import defaultdict
from dataclasses import dataclass
from typing import TYPE_CHECKING

from .layout import PARAGRAPH_KINDS
from .tree import Element

if TYPE_CHECKING:
    from .article import Article

# A container must hold this share of the page's paragraph text to stand for
# the article; below it, the search widens to the container's parent.
_ARTICLE_SHARE = 0.5
_NAVIGATION_ROLES = frozenset({"navigation", "menu", "menubar", "contentinfo", "banner", "search"})
_COMMENTS_TOKEN = re.compile(r"^(?:[\w-]*[-_])?(?:comments?|respond|disqus_thread)(?:[-_][\w-]*)?$", re.IGNORECASE)


@dataclass(frozen=True, slots=True)
class Region:
    """The article's part of the page."""

    root: Element
    """The element that holds the article's body."""
    excluded: frozenset[Element]
    """Roots of the subtrees inside :attr:`root` that belong to the page, not the article."""
    headline: Element | None
    """The heading that titles the story; it may lie outside :attr:`root`."""
    evidence: str
    """Why :attr:`root` was taken for the article, for people (``<article> with the most text``)."""

    def members(self) -> frozenset[Element]:
        """Every element of the article: inside :attr:`root`, outside the excluded subtrees."""
        found: list[Element] = []
        stack = [self.root]
        excluded = self.excluded
        while stack:
            element = stack.pop()
            if element in excluded:
                continue
            found.append(element)
            stack.extend(element)
        return frozenset(found)


def find_region(article: Article) -> Region:
    """The article's region of *article*'s page."""
    body = next(article.tree.iter("body"), article.tree)
    if article.is_fragment:
        root, evidence = body, "the whole fragment"
    else:
        root, evidence = _content(article, body)
    excluded = set(_beside(root))
    headline = _headline(article, root)
    if headline is not None and _inside(headline, root):
        excluded.add(headline)
    return Region(root, frozenset(excluded), headline, evidence)


def _content(article: Article, body: Element) -> tuple[Element, str]:
    sizes: dict[Element, int] = defaultdict(int)
    for block in article.blocks:
        for ancestor in block.element.iterancestors("article", "main"):
            sizes[ancestor] += block.end - block.start
    for tag, what in (("article", "the <article> with the most text"), ("main", "the <main>")):
        candidates = [el for el in sizes if el.tag == tag]
        if candidates:
            return max(candidates, key=sizes.__getitem__), what
    return _densest(article, body), "the container with most of the paragraph text"


def _densest(article: Article, body: Element) -> Element:
    scores: dict[Element, float] = defaultdict(float)
    total = 0
    for block in article.blocks:
        if block.kind not in PARAGRAPH_KINDS:
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
        return body
    best = max(scores, key=scores.__getitem__)
    while _paragraph_text(article, best) < _ARTICLE_SHARE * total:
        parent = best.getparent()
        if parent is None or parent.tag in ("body", "html"):
            return body
        best = parent
    return best


def _paragraph_text(article: Article, container: Element) -> int:
    return sum(
        b.end - b.start
        for b in article.blocks
        if b.kind in PARAGRAPH_KINDS and (b.element is container or _inside(b.element, container))
    )


def _beside(root: Element) -> list[Element]:
    """Navigation and comment threads inside *root* (a box or sidebar inside the
    article, ``<aside>``, is the writer's text)."""
    found = []
    for el in root.iter():
        if el is root or not isinstance(el.tag, str):
            continue
        role = (el.get("role") or "").strip().lower()
        names = f"{el.get('id') or ''} {el.get('class') or ''}"
        thread = ("omment" in names or "respond" in names or "disqus" in names) and any(
            _COMMENTS_TOKEN.match(token) for token in names.split()
        )
        if el.tag == "nav" or role in _NAVIGATION_ROLES or thread:
            found.append(el)
    return found


def _headline(article: Article, root: Element) -> Element | None:
    """The first ``<h1>`` of the page; in a fragment, an ``<h1>`` that opens it."""
    titles = [h.element for h in article.headings if h.level == 1]
    if not titles:
        return None
    if article.is_fragment:
        first = article.headings[0].element
        opens = bool(article.blocks) and article.blocks[0].element is first
        return first if first is titles[0] and opens else None
    return titles[0]


def _inside(element: Element, container: Element) -> bool:
    return any(ancestor is container for ancestor in element.iterancestors())
