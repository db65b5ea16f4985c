"""The region's steps, in order: measure the page, choose the body's root and the headline, then set
aside what inside the root is not the story (see the package's overview)."""

from __future__ import annotations

import itertools
from collections.abc import Iterable
from dataclasses import dataclass
from typing import TYPE_CHECKING, Literal, TypeAlias

from ..layout import Block
from ..tree import Element

if TYPE_CHECKING:
    from ..article import Article

from .edges import (
    _without_captions,
    _without_closing_notes,
    _without_editors_notes,
    _without_empty_headings,
    _without_header,
    _without_labels_over_headline,
    _without_opening_notes,
    _without_trailing_boxes,
)
from .headline import _find_headline, _json_ld_values, _opening_h1, _titled_headings, _titling_h1
from .inside import _members, _named_controls, _set_aside, _set_aside_hidden, _set_aside_stranded
from .naming import _STORY_KINDS
from .page import _Page
from .root import (
    _choose_root,
    _declared_paragraphs,
    _front_teasers,
    _headlines_article,
    _join_sections,
    _join_siblings,
    _unname_wrappers,
    _widen_to_headline,
)


@dataclass(frozen=True, slots=True)
class Region:
    """The article's part of a page."""

    root: Element
    """The element that holds the article's body (the common ancestor of what is kept)."""
    excluded: frozenset[Element]
    """Roots of the subtrees inside :attr:`root` that are not the article:
    share bars, related links, bylines, comment threads, the headline..."""
    headline: Element | None
    """The heading that titles the story; it may lie outside :attr:`root`."""
    evidence: str
    """Why :attr:`root` was taken for the article's body, for people: ``the whole
    fragment``, ``paragraph scoring`` (perhaps ``widened to the headline``,
    ``joined with the sections made like it`` or ``joined with its siblings``,
    and ``cleaned leniently`` when nearly all of it looked like clutter; or
    ``a section front of N teasers``, all set aside: no story), or ``the whole
    page`` (no paragraph to score)."""
    blocks: tuple[Block, ...]
    """The article's blocks, in order: those whose element is one of :meth:`members`."""
    boxes: frozenset[Element] = frozenset()
    """The excluded subtrees inside :attr:`root` that are the story's own, not
    the site's template: fact boxes (``<aside>``), datelines, labels, bylines."""
    left_out: frozenset[Block] = frozenset()
    """Blocks of :meth:`members` that are not the body's prose: the rest of the
    story's ``<header>`` (a deck, a byline), the pictures' captions, and a
    publisher's note (a dateline, "Back to all news") written in the text of a
    container that also holds the story's blocks, so that no element can be
    excluded for it. They are not among :attr:`blocks`; the story (``boxes``)
    keeps them, as it keeps such notes in elements of their own."""
    teasers: int = 0
    """On a section front (a page of teasers of other stories, none of its own),
    how many teasers stand where a story would; the region then holds none of them."""

    def members(self, *, boxes: bool = False) -> frozenset[Element]:
        """Every element of the article: inside :attr:`root`, outside the excluded
        subtrees (but for the :attr:`boxes`, when *boxes*)."""
        skipped = self.excluded - self.boxes if boxes else self.excluded
        # Only the ancestors of skipped elements are walked one by one; any other
        # subtree holds nothing skipped, and lxml lists it whole in C (a fifth of
        # the time of a walk that stops at each element), never entering the
        # skipped subtrees (a page's furniture may outweigh its article).
        above: set[Element] = set()
        for element in skipped:
            parent = element.getparent()
            while parent is not None and parent not in above:
                above.add(parent)
                parent = parent.getparent()
        found: list[Element] = []
        stack = [self.root]
        while stack:
            element = stack.pop()
            if element in skipped:
                continue
            if element in above:
                found.append(element)
                stack.extend(element)
            else:
                found.extend(element.iter())
        return frozenset(found)

    def holds(self, element: Element) -> bool:
        """Whether *element* is part of the article's body (one of :meth:`members`)."""
        el: Element | None = element
        while el is not None:
            if el in self.excluded:
                return False
            if el is self.root:
                return True
            el = el.getparent()
        return False


Cleaning: TypeAlias = Literal["thorough", "lenient", "none"]
"""How much of a region is set aside: furniture and clutter; furniture beyond doubt; nothing."""


def find_region(article: Article) -> Region:
    """The article's body region and headline in *article*."""
    page = _Page(article)
    if article.is_fragment:
        # A CMS body is the story, cleaned as the body of a page is: the same
        # article linted as a fragment or inside a page reads the same.
        return _cleaned(article, page, 0, set(), _opening_h1(article), "the whole fragment")
    declared = _json_ld_values(article, "headline", "articleBody")
    titled = _titled_headings(article, page, declared)
    if titled:
        # What holds the story's headline is no furniture, however the
        # template names it ("modal", "sidebar").
        _unname_wrappers(page, page.index[titled[0][1].element])
    for marked in page.marked:
        _unname_wrappers(page, marked)
    root, evidence = _choose_root(article, page, _declared_paragraphs(article, declared["articleBody"]))
    headline = _find_headline(page, titled, article.headings, root, _titling_h1(article, page, declared))
    if headline is None and (teasers := _front_teasers(page, root)):
        # A section front: teasers of other pages and no story of its own. None
        # of it is an article, not even what the page puts between its teasers.
        nothing = frozenset({page.elements[root]})
        why = f"{evidence}, a section front of {len(teasers)} teasers"
        return Region(page.elements[root], nothing, None, why, (), teasers=len(teasers))
    if headline is not None and root != (story := _headlines_article(page, root, page.index[headline])):
        root, evidence = story, evidence + ", moved to the headline's <article>"
    excluded: set[int] = set()
    top = root
    if headline is not None:
        root = _widen_to_headline(page, top, page.index[headline], excluded)
        if root != top:
            evidence += ", widened to the headline"
    if root == top:
        root = _join_sections(page, top, excluded)
        if root != top:
            evidence += ", joined with the sections made like it"
    if root == top and headline is None:
        root = _join_siblings(page, top, excluded)
        if root != top:
            evidence += ", joined with its siblings"
    return _cleaned(article, page, root, excluded, headline, evidence)


# A story shorter than this, when its root holds more, was cleaned too hard.
_SHORTEST = 200


def _cleaned(
    article: Article, page: _Page, root: int, excluded: set[int], headline: Element | None, evidence: str
) -> Region:
    """The region of *root* without *excluded* and what is not the article inside it."""
    region = _region(article, page, root, set(excluded), headline, evidence)
    if sum(b.end - b.start for b in region.blocks) >= min(_SHORTEST, page.block_chars[root]):
        return region
    # Nearly all of it looked like clutter (a page that is a list of links, say):
    # keep what is not furniture beyond doubt.
    lenient = _region(
        article, page, root, set(excluded), headline, f"{evidence}, cleaned leniently", cleaning="lenient"
    )
    if lenient.blocks or not page.block_chars[root]:
        return lenient
    # Even that left nothing (a product form, or a <label>, around all the text):
    # the region's text is all the article there is.
    whole = _region(article, page, root, excluded, headline, f"{evidence}, not cleaned", cleaning="none")
    return whole if whole.blocks else lenient


def _region(
    article: Article,
    page: _Page,
    root: int,
    excluded: set[int],
    headline: Element | None,
    evidence: str,
    *,
    cleaning: Cleaning = "thorough",
) -> Region:
    """The region of *root* without *excluded*, the furniture inside it, and the headline."""
    if cleaning != "none":
        top = page.index[headline] if headline is not None else -1
        _set_aside(page, root, excluded, thorough=cleaning == "thorough", headline=top)
    if headline is not None and page.inside(page.index[headline], root):
        excluded.add(page.index[headline])
    members = _members(page, root, excluded)
    blocks = [block for block, at in zip(article.blocks, page.owner, strict=True) if at in members]
    left_out: list[Block] = []
    if cleaning == "thorough":
        blocks = _without_empty_headings(article, page, blocks, excluded)
        if not article.is_fragment:
            blocks = _without_closing_notes(page, blocks, excluded, left_out)
            blocks = _without_opening_notes(page, blocks, excluded, left_out)
            blocks = _without_editors_notes(page, blocks, excluded, left_out)
            blocks = _without_trailing_boxes(page, blocks, excluded)
    if cleaning != "none":
        blocks = _without_header(page, blocks, root, headline, left_out)
        blocks = _without_labels_over_headline(page, blocks, root, headline, left_out)
        blocks = _without_captions(page, blocks, root, left_out)
    if cleaning != "none" and not article.is_fragment:
        _set_aside_hidden(page, root, excluded)
        _set_aside_stranded(article, page, root, excluded, headline)
    boxes = (page.elements[i] for i in excluded if page.furniture[i] in _STORY_KINDS and page.inside(i, root))
    named: Iterable[Element] = ()
    if cleaning != "none" and not article.is_fragment:
        # The site's controls, and those that close what holds them (a menu's or a pop-up's "×", with its icon).
        closers = (control for control, at in page.closers if page.inside(at, root))
        named = itertools.chain(_named_controls(page.elements[root]), closers)
    return Region(
        page.elements[root],
        frozenset(itertools.chain((page.elements[i] for i in excluded), named)),
        headline,
        evidence,
        tuple(blocks),
        frozenset(boxes),
        frozenset(left_out),
    )
