"""Measures of every container of a page, in one pass down the tree and one back up it: its name,
its flags, the characters of its blocks and links, and the prose value of what it holds."""

from __future__ import annotations

import bisect
import re
from collections.abc import Iterator
from typing import TYPE_CHECKING

from ...regex import on_use
from ..layout import BLOCK_KINDS, CONTAINERS, HEADING_LEVELS, Block, is_hidden
from ..tree import Element

if TYPE_CHECKING:
    from ..article import Article

from .naming import (
    _FURNITURE_ROLES,
    _FURNITURE_TAGS,
    _MARKED_WEIGHT,
    _NAME_WEIGHT,
    _NEVER_WRAPPERS,
    _PROSELESS_KINDS,
    _WEAK_TAGS,
    _WRAPPER_PROSE,
    _anchors_a_section,
    _class_and_id,
    _names_a_counter,
    _names_a_recipe,
    _naming,
    _spells_its_heading,
)
from .wording import (
    _AD_LABEL,
    _AD_LABEL_LENGTH,
    _CAPTION_CREDIT,
    _CAPTION_LENGTH,
    _CREDIT,
    _CREDIT_LENGTH,
    _DATELINE,
    _DATELINE_LENGTH,
    _EXCERPT_END,
    _EXCERPT_REACH,
    _NAMED_DATE,
    _POINTER,
    _POINTER_LENGTH,
    _PROSE_LENGTH,
    _SENTENCE_END,
    _SENTENCE_LENGTH,
    _credits_in_tail,
    _in_caption,
    _names_a_source,
)

# The elements that start a block of text in the document model.
_BLOCK_TAGS = frozenset(BLOCK_KINDS) | CONTAINERS
# The elements not read (but for their links): running text and what holds
# none; the others hold blocks of text, or are named by their tag, or are
# a page's own elements ("<app-teaser>").
_PHRASING = (
    frozenset(
        "a abbr b bdi bdo br cite code data del dfn em i img ins kbd mark q s samp small span strong sub sup time "
        "u var wbr svg path g use picture source font script style noscript template iframe input textarea "
        "link meta video audio canvas embed object param track area map".split()
    )
    - _BLOCK_TAGS
)
# Flags of an element: hidden from sight, inside a link, inside what is named
# like readers' comments.
_HIDDEN = 1
_LINKED = 2
_COMMENTED = 4
# Elements that a browser shows unless an attribute hides them.
_PLAIN_VISIBLE = frozenset(
    "a abbr address article aside b blockquote br caption cite code dd div dl dt em figcaption figure footer "
    "h1 h2 h3 h4 h5 h6 header hr i img li main nav ol p pre q s section small span strong sub sup table tbody "
    "td tfoot th thead tr u ul".split()
)
_PROSE_KINDS = frozenset({"paragraph", "block", "preformatted", "quote"})


# How a control that closes what holds it is named: by a class word, or by
# its label ("Close gallery", "Schließen").
_CLOSE_CLASS = on_use(r"(?:^|[\s_-])close(?:$|[\s_-])", re.IGNORECASE)
_CLOSE_LABEL = on_use(r"\s*(?:close|schlie(?:ß|ss)en|fermer|cerrar|chiudi|sluiten|zamknij)\b", re.IGNORECASE)


def _closes(control: Element) -> bool:
    """Whether *control* (a link or a button) closes what holds it."""
    name = control.get("class")
    if name is not None and "lose" in name and _CLOSE_CLASS.search(name):
        return True
    label = control.get("aria-label") or control.get("title")
    return label is not None and _CLOSE_LABEL.match(label) is not None


# The fields of a form that ask for where to write to the reader.
_ADDRESS_FIELDS = frozenset({"email", "tel"})


def _asks_for_an_address(form: Element) -> bool:
    """Whether *form* asks for an e-mail address or a phone number: a sign-up
    to a newsletter or to texted offers, or a request to be called back."""
    return any((field.get("type") or "").strip().lower() in _ADDRESS_FIELDS for field in form.iter("input"))


# A link that goes nowhere, only runs the page's script: a glossary's pop-up
# on a word of the story (NHK's easy news links a word in four), not a way
# off the page; its text is the paragraph's, not a link's. A script that does
# something ("javascript:linkTo_UnCryptMailto(...)", a contact's address)
# still counts as a link.
_INERT_HREF = on_use(r"\s*javascript:\s*(?:void\s*\(\s*0?\s*\)\s*)?;?\s*", re.IGNORECASE)


def _leads_away(link: Element) -> bool:
    """Whether *link* points to another page (not to a place on this one, nor to a script)."""
    href = (link.get("href") or "").strip()
    return bool(href) and href[0] != "#" and not href.startswith("javascript:")


def _text_beside_blocks(link: Element) -> int:
    """The characters of *link*'s visible text outside the blocks it holds
    (their text counts through :data:`_LINKED`), white space collapsed: a
    teaser linked whole, its title in a ``<span>`` after a ``<div>`` of its
    picture, is all link."""
    if not len(link):  # most links hold their text alone
        text = link.text
        return len(" ".join(text.split())) if text else 0
    pieces = [link.text or ""]
    stack = list(link)
    while stack:
        el = stack.pop()
        tag = el.tag
        if isinstance(tag, str) and tag not in _BLOCK_TAGS and not is_hidden(el):
            pieces.append(el.text or "")
            stack.extend(el)
        pieces.append(el.tail or "")
    return len(" ".join(" ".join(pieces).split()))


class _Page:
    """Measures of every element of a page, by the element's index in document
    order (its subtree is the range of indices up to :attr:`end`)."""

    def __init__(self, article: Article) -> None:
        self.elements: list[Element] = []
        self.index: dict[Element, int] = {}
        self.parent: list[int] = []
        self.furniture: list[str | None] = []
        """What furniture each element is named or marked as, if any."""
        self.sure: list[bool] = []
        """Whether the element is furniture beyond doubt (its tag or role says so,
        or its name without a word of the story's container beside it)."""
        self.class_weight: list[int] = []
        self.state: list[int] = []
        """Each element's flags: _HIDDEN, _LINKED (inside a link)."""
        self.links: list[int]
        """Characters inside links in each element's subtree."""
        self.marked: list[int] = []
        """The elements that the publisher marks as the story's body (``itemprop="articleBody"``)."""
        self.address_forms: list[int] = []
        """The forms that ask for an e-mail address or a phone number (see :func:`_asks_for_an_address`), in order."""
        self.blocks = article.blocks
        self._read_tree(article)
        self._measure(article)

    def _read_tree(self, article: Article) -> None:
        """One pass down the tree's containers (all but the phrasing elements):
        each one's parent and name, and whether it is hidden or inside a link;
        then the links' characters, counted in their containers."""
        tree = article.tree
        top = next(tree.iter("body"), tree)
        index, elements, parents = self.index, self.elements, self.parent
        furniture, sure, class_weight = self.furniture, self.sure, self.class_weight
        state = self.state
        closers: list[Element] = []
        for el in top.iter():
            tag = el.tag
            if tag in _PHRASING or tag.__class__ is not str:  # most elements are phrasing: asked first
                continue  # text, comments: their blocks are the article's to count
            # The nearest container above: phrasing (a link, a span) may stand between.
            up_el = el.getparent()
            up = index.get(up_el, -1)  # type: ignore[arg-type]
            flags = 0
            while up < 0 and up_el is not None and el is not top:
                if up_el.tag == "a":
                    flags = _LINKED
                up_el = up_el.getparent()
                up = index.get(up_el, -1)  # type: ignore[arg-type]
            if up >= 0:
                flags |= state[up]
            at = len(elements)
            index[el] = at
            elements.append(el)
            parents.append(up)
            names = el.keys()
            if tag == "button" and _closes(el):
                closers.append(el)
            elif tag == "form" and _asks_for_an_address(el):
                self.address_forms.append(at)
            # Only a tag, a style or a hidden attribute hides an element.
            if (
                not flags & _HIDDEN
                and (tag not in _PLAIN_VISIBLE or "style" in names or "hidden" in names)
                and is_hidden(el)
            ):
                flags |= _HIDDEN
            state.append(flags)
            kind, certain, weight = None, False, 0
            if names:
                name = klass = el.get("class") if "class" in names else None
                ident = el.get("id") if "id" in names else None
                if ident and tag in HEADING_LEVELS and _spells_its_heading(ident, el):
                    ident = None
                name = f"{klass} {ident}" if klass and ident else klass or ident
                if name:
                    kind, certain, weight = _naming(name)
                    if kind is not None and ident and _anchors_a_section(ident, el):
                        # Named furniture by its id, the anchor of the heading it holds: named by its class alone.
                        kind, certain, weight = _naming(klass) if klass else (None, False, 0)
                    if kind == "control" and tag in _TABLE_PARTS:
                        # A table's row or cell named for a player or a rating is its data
                        # (a league's standings, "player-2020-213"), not a media player's controls.
                        kind, certain, weight = None, False, weight + _NAME_WEIGHT  # the furniture's weight undone
                    if kind is None and klass and _names_a_counter(klass):
                        kind = "widget"
                if "role" in names:
                    role = (el.get("role") or "").strip().lower()
                    if role in _FURNITURE_ROLES:
                        kind, certain = _FURNITURE_ROLES[role], True
                if "itemprop" in names:
                    properties = (el.get("itemprop") or "").split()
                    if "articleBody" in properties:
                        # The publisher marks the story's body (schema.org).
                        self.marked.append(at)
                        kind, certain, weight = None, False, weight + _MARKED_WEIGHT
                    elif "publisher" in properties:
                        # The publisher's card for search engines (its name, its logo), which
                        # the template adds to every story: the site's, not the writer's.
                        kind, certain = "publisher", True
            if tag in _FURNITURE_TAGS:
                kind, certain = _FURNITURE_TAGS[tag], True
            elif kind is None and tag in _WEAK_TAGS:
                kind = _WEAK_TAGS[tag]
            if kind == "comments":
                state[at] |= _COMMENTED
            furniture.append(kind)
            sure.append(certain)
            class_weight.append(weight)
        self.links = links = [0] * len(elements)
        self._pointed_lists: dict[Element, bool] = {}
        """Lists already judged by :meth:`pointed_to`."""
        self.overlaid: set[int] = set()
        """The containers that hold an empty link to another page beside their
        text: a teaser's "stretched" link, laid over the whole box by its style."""
        for link in top.iter("a"):
            if _closes(link):
                closers.append(link)
            # _container_of's walk, written out: a page has thousands of links.
            up_el = link.getparent()
            up = index.get(up_el, -1)  # type: ignore[arg-type]
            while up < 0 and up_el is not None:
                up_el = up_el.getparent()
                up = index.get(up_el, -1)  # type: ignore[arg-type]
            if up >= 0 and not state[up] & _HIDDEN:
                # A link that holds blocks counts through them (see _LINKED), and
                # here for its text beside them (a teaser's title after its picture).
                chars = _text_beside_blocks(link)
                if not _INERT_HREF.fullmatch(link.get("href", "")):
                    links[up] += chars
                if not chars and not len(link) and _leads_away(link):
                    self.overlaid.add(up)
        self.closers: list[tuple[Element, int]] = [(control, self._container_of(control)) for control in closers]
        """The links and buttons that close what holds them (see :func:`_closes`), each with its container's index."""
        for _, container in self.closers:
            self._mark_closable(container)

    def _container_of(self, element: Element) -> int:
        """The index of the nearest container above *element* (-1: none)."""
        up_el = element.getparent()
        up = self.index.get(up_el, -1)  # type: ignore[arg-type]
        while up < 0 and up_el is not None:
            up_el = up_el.getparent()
            up = self.index.get(up_el, -1)  # type: ignore[arg-type]
        return up

    def _mark_closable(self, i: int) -> None:
        """Element *i* holds a control that closes it: it lies over the page (a
        gallery's full view, a notice, a form), and is never the story."""
        if i > 0:
            self.furniture[i], self.sure[i] = "popup", True

    def _measure(self, article: Article) -> None:
        """The value of each block, then one pass back up the tree: what each
        element's subtree holds, and which furniture wraps the story."""
        count = len(self.elements)
        parent, links, sure, furniture, index = self.parent, self.links, self.sure, self.furniture, self.index
        text = article.text
        block_chars = [0] * count
        value = [0.0] * count
        first_block = [-1] * count
        last_block = [-1] * count
        prose_total = 0.0
        self.owner = owner = [index.get(block.element, -1) for block in article.blocks]
        """The index of the element that holds each of the article's blocks (-1: none)."""
        for block, at in zip(article.blocks, owner, strict=True):
            if at >= 0:
                block_chars[at] += block.end - block.start
        for at, flags in enumerate(self.state):
            if flags & _LINKED:
                links[at] = block_chars[at]  # inside a link, all its text is the link's
        self.worth = [0.0] * len(article.blocks)
        """The prose value of each of the article's blocks."""
        self._next_heading: list[int] | None = None
        self._cards: _Cards | None = None
        self.text = text
        for number, (block, at) in enumerate(zip(article.blocks, owner, strict=True)):
            if at < 0:
                continue
            size = block.end - block.start
            if first_block[at] < 0:
                first_block[at] = number
            last_block[at] = number
            density = min(1.0, links[at] / block_chars[at]) if block_chars[at] else 0.0
            worth = _prose_value(block, size, density, text, in_comments=bool(self.state[at] & _COMMENTED))
            self.worth[number] = worth
            value[at] += worth
            if worth > 0:
                prose_total += worth
        self.own_block_chars = block_chars[:]
        """Characters of the blocks that each element holds itself (not in a block-level descendant)."""
        end = list(range(1, count + 1))
        # Back up the tree: a child's index is greater than its parent's.
        for i in range(count - 1, 0, -1):
            up = parent[i]
            if up < 0:
                continue
            links[up] += links[i]
            if end[i] > end[up]:
                end[up] = end[i]
            block_chars[up] += block_chars[i]
            if first_block[i] >= 0:
                if first_block[up] < 0 or first_block[i] < first_block[up]:
                    first_block[up] = first_block[i]
                if last_block[i] > last_block[up]:
                    last_block[up] = last_block[i]
            if sure[i] and (
                (0 < value[i] >= 0.5 * prose_total and furniture[i] not in _NEVER_WRAPPERS)
                or (furniture[i] in _PROSELESS_KINDS and value[i] >= _WRAPPER_PROSE)
            ):
                # Named like furniture, it holds the page's prose: it wraps the story
                # (readers' comments are prose, and may outweigh a short story).
                furniture[i], sure[i] = None, False
            # Furniture is set aside wherever it stands, so it weighs neither
            # for nor against the container around it.
            if not sure[i]:
                value[up] += value[i]
        self.end = end
        """One past the index of the last element of each element's subtree."""
        self.block_chars = block_chars
        """Characters of the blocks in each element's subtree (the article's own count)."""
        self.value = value
        """Net prose value of each element's subtree, furniture left out."""
        self.first_block = first_block
        """Index in the article's blocks of each element's first block (-1: none)."""
        self.last_block = last_block

    def sets_aside(self, number: int) -> bool:
        """Whether the article's block *number* says nothing of the story: an
        advertisement's label, a photo credit, or a heading or a short line that
        points to other pages ("Related stories", "Lire aussi :")."""
        block = self.blocks[number]
        size, text = block.end - block.start, self.text
        if size < _AD_LABEL_LENGTH and _AD_LABEL.fullmatch(text, block.start, block.end) is not None:
            return True
        if (
            size < _CREDIT_LENGTH
            and block.kind != "heading"
            and (_CREDIT.match(text, block.start, block.end) is not None or _names_a_source(block, text))
        ):
            return True
        if (
            size < _CAPTION_LENGTH
            and _in_caption(block.element)
            and _CAPTION_CREDIT.search(text, block.start, block.end) is not None
        ) or _credits_in_tail(block, text):
            return True
        return self.points_away(number) or self._excerpt(block, size)

    def points_away(self, number: int) -> bool:
        """Whether the article's block *number* is a heading or a short line that
        points to other pages ("Related stories", "Lire aussi :", "Das könnte dir
        auch gefallen"), not a sentence of the story."""
        block = self.blocks[number]
        return (
            block.end - block.start < _POINTER_LENGTH
            and (block.kind == "heading" or self.text[block.end - 1] != ".")
            and _POINTER.match(self.text, block.start, block.end) is not None
        )

    def _excerpt(self, block: Block, size: int) -> bool:
        """Whether *block*, *size* characters long, is another page's excerpt in
        a teaser: its text cut short and linked to the rest ("... Kompl … mehr",
        "[…] Read more »"); the story's own paragraphs end in sentences."""
        if size >= _CARD_TEXT:
            return False
        # Only the block's end is read, and searched only when it holds a cut.
        start = max(block.start, block.end - _EXCERPT_REACH)
        text = self.text
        if text.find("…", start, block.end) < 0 and text.find("...", start, block.end) < 0:
            return False
        found = _EXCERPT_END.search(text, start, block.end)
        # The call to read on is a link (a line that ends "… more" in words is the writer's).
        return found is not None and self.links[self.index[block.element]] >= len(found.group(1))

    def dateline(self, number: int) -> bool:
        """Whether the article's block *number* is a short line with a date, a
        time or a separator, or a date whose month is named (asked only of the
        few lines that may be set aside: trying every word as a month's name
        costs as much as the numeric test)."""
        block = self.blocks[number]
        return block.end - block.start < _DATELINE_LENGTH and (
            _DATELINE.search(self.text, block.start, block.end) is not None
            or _NAMED_DATE.search(self.text, block.start, block.end) is not None
        )

    def next_heading(self, number: int) -> int:
        """The number of the first of the article's blocks from *number* on that
        is a heading (the number of blocks when none is): worked out for every
        block at the first question, so that asking it of many is linear."""
        if self._next_heading is None:
            blocks = self.blocks
            after = [len(blocks)] * (len(blocks) + 1)
            for at in range(len(blocks) - 1, -1, -1):
                after[at] = at if blocks[at].kind == "heading" else after[at + 1]
            self._next_heading = after
        return self._next_heading[min(number, len(self.blocks))]

    def cards(self, root: int) -> _Cards:
        """The teasers of other pages in grids or lists of them inside *root*
        (see :class:`_Cards`), found once for each root asked of."""
        if self._cards is None or self._cards.root != root:
            self._cards = _Cards(self, root)
        return self._cards

    def recipe_part(self, i: int) -> bool:
        """Whether element *i* is named as a recipe's part and is no list of
        links (a gallery of other recipes)."""
        name = _class_and_id(self.elements[i])
        # Asked of the few elements that may be set aside, not read off every name.
        return bool(name) and _names_a_recipe(name) and self.link_density(i) <= 0.5

    def pointed_to(self, i: int) -> bool:
        """Whether list item *i* is one of a list of links to other pages that a
        pointer line heads ("More Great WIRED Stories", "Read also:"): the list
        follows the line, and each of its items holds a link. Answered once a
        list, not once an item (a list of thousands would take their square)."""
        items = self.elements[i].getparent()
        if items is None or items.tag not in ("ul", "ol"):
            return False
        known = self._pointed_lists.get(items)
        if known is None:
            known = self._pointed_lists[items] = self._points_to(items)
        return known

    def _points_to(self, items: Element) -> bool:
        line = items.getprevious()
        at = self.index.get(line, -1) if line is not None else -1
        number = self.first_block[at] if at >= 0 else -1
        if number < 0 or number != self.last_block[at] or not self.sets_aside(number):
            return False
        return all(self.links[self.index[item]] > 0 for item in items if item.tag == "li" and item in self.index)

    def holds_an_address_form(self, i: int) -> bool:
        """Whether element *i* holds a form that asks for an e-mail address or a phone number (or is one)."""
        at = bisect.bisect_left(self.address_forms, i)
        return at < len(self.address_forms) and self.address_forms[at] < self.end[i]

    def link_density(self, i: int) -> float:
        chars = self.block_chars[i]
        return min(1.0, self.links[i] / chars) if chars else 0.0

    def ancestors(self, i: int) -> Iterator[int]:
        i = self.parent[i]
        while i >= 0:
            yield i
            i = self.parent[i]

    def inside(self, i: int, ancestor: int) -> bool:
        """Whether element *i* lies in *ancestor*'s subtree (or is *ancestor*)."""
        return ancestor <= i < self.end[ancestor]

    def child_indices(self, i: int) -> Iterator[int]:
        child = i + 1
        while child < self.end[i]:
            yield child
            child = self.end[child]


class _Cards:
    """The teasers of other pages in a grid or list of them inside a root. A
    teaser is a short box with a title near its top that is all link (another
    story's headline, linked) or that stands beside an empty link to another
    page (laid over the whole box by the site's style: the box is the link),
    one of at least :data:`_CARD_RUN` made alike
    (the same tag and first class) under one parent. The same shape, but the
    unit of their data, are a table's rows and a list's lists. Found from the
    titles up: each title's few short ancestors are the only candidates."""

    def __init__(self, page: _Page, root: int) -> None:
        self.root = root
        links, block_chars, parent, first_block = page.links, page.block_chars, page.parent, page.first_block
        shaped: dict[tuple[int, str, str], list[int]] = {}
        seen: set[int] = set()
        covered: set[int] = set()
        own, last_block = page.own_block_chars, page.last_block
        overlaid = page.overlaid
        for title in range(root + 1, page.end[root]):
            # A title: an element that holds one block, long enough for a headline, all
            # link or beside an empty link laid over its box (the box is the link).
            size = block_chars[title]
            if size < _CARD_TITLE_LENGTH:
                continue
            linked = 0 < links[title] >= _CARD_LINKED * size
            beside = not linked and parent[title] in overlaid
            if not (linked or beside):
                continue
            number = first_block[title]
            if number != last_block[title] or own[title] != size:
                continue
            at = title
            while at > root and block_chars[at] <= _CARD_TEXT and first_block[at] >= number - _CARD_TITLE:
                if at not in seen:
                    seen.add(at)
                    element = page.elements[at]
                    if element.tag not in _NO_CARDS and (links[at] or (beside and at != title)):
                        name = element.get("class") or ""
                        key = (parent[at], str(element.tag), name.split(maxsplit=1)[0] if name.strip() else "")
                        shaped.setdefault(key, []).append(at)
                        if beside and at != title:
                            covered.add(at)
                at = parent[at]
        self.found = {i for run in shaped.values() if len(run) >= _CARD_RUN for i in run}
        """The teasers."""
        self.covered = covered & self.found
        """The teasers that a link laid over the whole box makes one: no slide of
        the story's gallery, which a reader leafs through where it stands."""
        # The outermost teasers, in document order: a teaser that starts before the
        # end of the last one kept lies inside it (elements are numbered in document order).
        self._starts: list[int] = []
        self._ends: list[int] = []
        for i in sorted(self.found):
            if not self._ends or i >= self._ends[-1]:
                self._starts.append(i)
                self._ends.append(page.end[i])

    def holds(self, i: int) -> bool:
        """Whether element *i* is, or lies in, a teaser."""
        at = bisect.bisect_right(self._starts, i) - 1
        return at >= 0 and i < self._ends[at]


_TABLE_PARTS = frozenset({"table", "thead", "tbody", "tfoot", "tr", "td", "th"})
"""A table's parts: its rows and cells are its data."""
# A table's rows are its data, a list's lists its parts: neither is a teaser.
_NO_CARDS = _TABLE_PARTS | {"ul", "ol", "dl"}
# A teaser holds at most this much text (its title, a few lines of the story
# it points to, a date), and its title is nearly all link.
_CARD_TEXT = 600
_CARD_LINKED = 0.9
# How many teasers made alike make a grid of them.
_CARD_RUN = 3
# How many of a teaser's first blocks may come before its linked title (a label, a date).
_CARD_TITLE = 3
# A teaser's title is another story's headline, not a "home page" link.
_CARD_TITLE_LENGTH = 12


def _prose_value(block: Block, size: int, link_density: float, text: str, *, in_comments: bool = False) -> float:
    """What a block says about the container around it being the story: prose
    counts for its length, link lists, labels and datelines against it; a
    list item as long as a paragraph counts as one, but in readers' comments;
    headings, shorter list items and captions are neutral unless they are
    links, and table cells are."""
    if block.kind == "cell":
        return 0.0  # a table's cells are its data, links and all
    if link_density > 0.5:
        return -float(size)
    if block.kind == "heading" and size >= _DATELINE_LENGTH and _SENTENCE_END.search(text, block.start, block.end):
        # A heading as long as a paragraph and ending like a sentence is a lead.
        return size * (1 - link_density)
    if block.kind == "list-item" and not in_comments and size >= _PROSE_LENGTH:
        # A list of sentences is prose (a newsletter, release notes), unless it
        # lists readers' comments.
        return size * (1 - link_density)
    if block.kind not in _PROSE_KINDS:
        return 0.0
    if size < _DATELINE_LENGTH and _DATELINE.search(text, block.start, block.end):
        return -float(size)
    if size >= _PROSE_LENGTH or (size >= _SENTENCE_LENGTH and _SENTENCE_END.search(text, block.start, block.end)):
        return size * (1 - link_density)
    return -float(size)
