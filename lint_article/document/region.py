"""Where the article is on a page: the element that holds its body, the parts
inside it that are not the article, and the heading that titles it.

A saved web page wraps the story in the site's template: navigation, cookie
banners, share bars, bylines, teasers of other stories, comment threads and
footers. :func:`find_region` finds the story the way the best extractors do,
reading only the parsed :class:`~lint_article.document.article.Article`, so that every
position stays the document model's:

1. One pass down the tree and one back up it measure every container: how its
   tag, ``role``, ``class`` and ``id`` name it (navigation, share bar,
   comments...), the characters of its blocks and of its links, and the net
   prose value of its blocks (a paragraph of prose counts for its length; a
   link list, a label or a dateline against it). Nothing below walks a subtree
   again, so the cost stays linear in the page whatever its shape.
2. The headline is the heading most like the title that the page declares
   (``og:title``, JSON-LD ``headline``, ``<title>``).
3. Paragraphs vote for their ancestors, as in Mozilla Readability (length,
   commas, link density, class weights), outside furniture; what the publisher
   marks as the body weighs more (``itemprop="articleBody"``, JSON-LD
   ``articleBody``). The best container is widened to the headline above it:
   the lead between them joins the body, what comes before the headline does not.
4. Inside that root, what is not the story is set aside: furniture, link lists,
   headings over nothing, and the datelines, labels and calls to follow a link
   at the edges of the story's prose.
"""

from __future__ import annotations

import bisect
import html
import itertools
import json
import operator
import re
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass
from functools import lru_cache
from typing import TYPE_CHECKING, Literal, TypeAlias

from ..regex import on_use
from .layout import BLOCK_KINDS, CONTAINERS, HEADING_LEVELS, PARAGRAPH_KINDS, Block, is_hidden, visible_text
from .tree import Element
from .views import Heading

if TYPE_CHECKING:
    from .article import Article

__all__ = ["Region", "find_region"]


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
        blocks = _without_captions(page, blocks, root, left_out)
    if cleaning != "none" and not article.is_fragment:
        _set_aside_hidden(page, root, excluded)
        _set_aside_stranded(article, page, root, excluded, headline)
    boxes = (page.elements[i] for i in excluded if page.furniture[i] in _STORY_KINDS and page.inside(i, root))
    named = _named_controls(page.elements[root]) if cleaning != "none" and not article.is_fragment else ()
    return Region(
        page.elements[root],
        frozenset(itertools.chain((page.elements[i] for i in excluded), named)),
        headline,
        evidence,
        tuple(blocks),
        frozenset(boxes),
        frozenset(left_out),
    )


def _without_header(
    page: _Page, blocks: list[Block], root: int, headline: Element | None, left_out: list[Block]
) -> list[Block]:
    """*blocks* without the rest of the story's header (see :func:`_set_apart`):
    what the ``<header>`` that holds the headline holds besides it (a deck, a
    byline, a date) is the story's, but not the body's prose. A CMS keeps them
    in fields of their own, as it keeps the headline, and renders them above
    the body: the same article linted as its CMS body or as its page reads
    the same. A header that holds most of the text holds the story, and stays."""
    header = next(headline.iterancestors("header"), None) if headline is not None else None
    at = page.index.get(header, -1) if header is not None else -1
    if at <= root or not page.inside(at, root):
        return blocks
    end = page.end[at]
    return _set_apart(blocks, [b for b in blocks if at <= page.index.get(b.element, -1) < end], left_out)


def _without_captions(page: _Page, blocks: list[Block], root: int, left_out: list[Block]) -> list[Block]:
    """*blocks* without the pictures' captions (see :func:`_set_apart`): a
    caption is written to a picture, often by another desk, in a register of
    its own ("In this Dec. 12, 2006, file photo, made available by NASA, ...").
    Where the captions outweigh the rest, the story is told in them (a
    gallery's slides), and they stay."""
    return _set_apart(blocks, [b for b in blocks if _captions_a_picture(page, b, root)], left_out)


def _set_apart(blocks: list[Block], held: list[Block], left_out: list[Block]) -> list[Block]:
    """*blocks* without those *held*, which join *left_out* (the story keeps them,
    the body's prose does not); all of *blocks* when *held* is at least half of
    their text: then it is what the story is told in."""
    if not held or 2 * sum(b.end - b.start for b in held) >= sum(b.end - b.start for b in blocks):
        return blocks
    left_out.extend(held)
    dropped = set(held)
    return [b for b in blocks if b not in dropped]


def _without_empty_headings(article: Article, page: _Page, blocks: list[Block], excluded: set[int]) -> list[Block]:
    """*blocks* without what heads nothing once the furniture is gone (a
    "Related stories" heading, or a short "Read also:" line, over a list of
    links), which joins *excluded*. A heading over nothing but the writer's
    own next heading, or over nothing at all, stays: it is the writer's."""
    kept: list[Block] = []
    following: Block | None = None
    for block in reversed(blocks):
        level = _heading_level(article, block)
        if (
            level is not None
            # A line of a container that holds more than it (its text beside
            # the story's paragraphs) cannot go alone.
            and page.block_chars[page.index[block.element]] == block.end - block.start
            and (
                following is None
                or (following.kind == "heading" and HEADING_LEVELS.get(following.element.tag, 0) <= level)
            )
            and _heads_furniture(page, page.index[block.element], excluded)
        ):
            excluded.add(page.index[block.element])
            continue
        kept.append(block)
        following = block
    kept.reverse()
    return kept


def _without_closing_notes(page: _Page, blocks: list[Block], excluded: set[int], left_out: list[Block]) -> list[Block]:
    """*blocks* without the publisher's notes that close the story on a page
    (a copyright or reprint notice, a call to subscribe, donate or follow,
    "Published on ... and filed under ...", "Back to all news"), with the
    short lines among and after them ("RIRM", "Kontakt"): see :func:`_leave_out`.
    Only the last blocks are looked at, and only a run of such lines that
    reaches the end: a note in the story's middle is the writer's. A note
    may be text of a container that holds more (the story's own container:
    "Zurück zu allen Meldungen" after its paragraphs); a short line that is
    none stops the search there. A fragment keeps them: what its writer
    pasted, the leak rules report."""
    text = page.text
    cut = len(blocks)
    for k in range(len(blocks) - 1, max(-1, len(blocks) - 1 - _CLOSING_REACH), -1):
        block = blocks[k]
        at = page.index[block.element]
        size = block.end - block.start
        if _is_note(text, block, size):
            cut = k
        elif page.block_chars[at] != size:
            break  # its element holds more than this block: it cannot go alone
        elif size >= _DATELINE_LENGTH or page.worth[page.first_block[at]] > 0:
            break  # the story's own prose
    if cut == len(blocks):
        return blocks
    _leave_out(page, blocks[cut:], excluded, left_out)
    return blocks[:cut]


def _leave_out(page: _Page, notes: list[Block], excluded: set[int], left_out: list[Block]) -> None:
    """The *notes* go: each one's element joins *excluded* when the note is all
    its text, else the note joins *left_out* (the element holds the story's
    blocks too, which stay)."""
    for block in notes:
        at = page.index[block.element]
        if page.block_chars[at] == block.end - block.start:
            excluded.add(at)
        else:
            left_out.append(block)


def _without_trailing_boxes(page: _Page, blocks: list[Block], excluded: set[int]) -> list[Block]:
    """*blocks* without the small boxes that follow the story's paragraphs in
    the element that holds most of their prose (an appeal to join or donate,
    an advertisement, another story's teaser, a disclaimer), which join
    *excluded*: each a ``<div>`` or ``<aside>`` child of that element after
    its last paragraph of prose, with little text (:data:`_BOX_TEXT`), made
    unlike the children that hold the story's paragraphs, and holding no
    list, table or recipe (the story's own parts, set in a box of their
    own). At least :data:`_BOX_PARAGRAPHS` paragraphs must stand directly
    in that element: where the story is in boxes itself, nothing goes."""
    prose: dict[int, float] = {}
    last: dict[int, int] = {}
    count: dict[int, int] = {}
    index, worth, parent, first_block = page.index, page.worth, page.parent, page.first_block
    for block in blocks:
        if block.kind != "paragraph":
            continue
        at = index[block.element]
        number = first_block[at]
        if worth[number] > 0:
            up = parent[at]
            prose[up] = prose.get(up, 0.0) + worth[number]
            last[up] = number
            count[up] = count.get(up, 0) + 1
    if not prose:
        return blocks
    body = max(prose, key=prose.__getitem__)
    if count[body] < _BOX_PARAGRAPHS:
        return blocks
    before: list[int] = []
    boxes: list[int] = []
    for child in page.child_indices(body):
        first = first_block[child]
        if first <= last[body]:
            before.append(child)
        elif (
            page.block_chars[child] <= _BOX_TEXT
            and page.elements[child].tag in _BOX_TAGS
            and child not in excluded
            and not any(page.blocks[n].kind in _BOX_PARTS for n in range(first, page.last_block[child] + 1))
        ):
            boxes.append(child)
    if not boxes:
        return blocks
    story_names = {_shape(page, child) for child in before if page.value[child] > 0}
    cut = [child for child in boxes if _shape(page, child) not in story_names and not page.recipe_part(child)]
    if not cut:
        return blocks
    excluded.update(cut)
    ends = [page.end[c] for c in cut]

    def boxed(block: Block) -> bool:
        at = index[block.element]
        k = bisect.bisect_right(cut, at) - 1
        return k >= 0 and at < ends[k]

    return [block for block in blocks if not boxed(block)]


def _shape(page: _Page, i: int) -> tuple[str, str]:
    """Element *i*'s tag and class: how it is made."""
    element = page.elements[i]
    return str(element.tag), element.get("class") or ""


# What may follow the story's paragraphs in a box of its own and go (see :func:`_without_trailing_boxes`).
_BOX_TAGS = frozenset({"div", "aside"})
_BOX_TEXT = 1000
_BOX_PARTS = frozenset({"list-item", "cell"})
_BOX_PARAGRAPHS = 3


def _is_note(text: str, block: Block, size: int) -> bool:
    """Whether *block*, *size* characters long, is a publisher's note (see :func:`_without_closing_notes`)."""
    return size < _NOTE_LENGTH and (
        _NOTE.search(text[block.start : block.end].lower()) is not None
        or _NOTE_OPENING.match(text, block.start, block.end) is not None
        or (size < _DATELINE_LENGTH and _NOTE_LINE.match(text, block.start, block.end) is not None)
        or (
            size < _POINTER_LENGTH
            and text[block.end - 1] != "."
            and _POINTER.match(text, block.start, block.end) is not None
        )
        or (
            size <= _SIGN_OFF_LENGTH
            and block.kind in _SIGN_OFF_KINDS
            and _signs_off(text[block.start : block.end].strip())
        )
    )


def _signs_off(line: str) -> bool:
    """Whether *line* is a news agency's or the writers' sign-off: initials or
    an agency's name, split by slashes or in capitals ("aja/PAP", "RIRM",
    "(dpa)", "jm/sda"); a word in lower case alone is the story's ("Fin")."""
    return _SIGN_OFF.fullmatch(line) is not None and ("/" in line or line.isupper())


def _without_opening_notes(page: _Page, blocks: list[Block], excluded: set[int], left_out: list[Block]) -> list[Block]:
    """*blocks* without the publisher's short notes that open the story, before
    its first line of prose ("Anzeige, enthält Affiliate-Links", "*Werbung.
    Dieser Beitrag...", "Published on 3 May 2024", "Back to the newsroom"),
    with the short lines before them: as :func:`_without_closing_notes` does
    at its end, but only by how a note starts, not by the words it holds (a
    lead may well name a newsletter, or copyright), and a heading ends the search."""
    text = page.text
    cut = 0
    for k in range(min(len(blocks), _CLOSING_REACH)):
        block = blocks[k]
        at = page.index[block.element]
        size = block.end - block.start
        if block.kind == "heading":
            break
        if size < _DATELINE_LENGTH and (
            _NOTE_OPENING.match(text, block.start, block.end) is not None
            or _NOTE_LINE.match(text, block.start, block.end) is not None
            or _dated_line(text, block)
        ):
            cut = k + 1
        elif page.block_chars[at] != size or size >= _DATELINE_LENGTH or page.worth[page.first_block[at]] > 0:
            break  # the story's own prose, or a line of a container that holds more
    if not cut:
        return blocks
    _leave_out(page, blocks[:cut], excluded, left_out)
    return blocks[cut:]


def _dated_line(text: str, block: Block) -> bool:
    """Whether *block*, a short line, is dated (a date or a time in it) and is no
    sentence: a byline or dateline ("By Jane Doe | March 3, 2024", "24. März
    2004, 19:49 | Genesis"), not a lead's short first sentence that names a day."""
    return _SENTENCE_END.search(text, block.start, block.end) is None and (
        _NUMERIC_DATE.search(text, block.start, block.end) is not None
        or _NAMED_DATE.search(text, block.start, block.end) is not None
    )


def _without_editors_notes(page: _Page, blocks: list[Block], excluded: set[int], left_out: list[Block]) -> list[Block]:
    """*blocks* without the editor's notes held in the story's body, wherever
    they stand (an editor's note, a correction, "This story has been updated",
    "Alle Angaben ohne Gewähr"): short lines that say so as they start
    (:data:`_EDITORS_NOTE`); they go as :func:`_leave_out` says, the rest of
    their container stays. Not where the story first appeared ("This post
    originally appeared on Grist.": the extraction corpus counts it the
    story's), nor the writer's own "Disclaimer:"."""
    text = page.text
    notes = [
        block
        for block in blocks
        if block.end - block.start < _NOTE_LENGTH
        and block.kind in _EDITORS_NOTE_KINDS
        and _EDITORS_NOTE.match(text, block.start, block.end) is not None
    ]
    if not notes:
        return blocks
    _leave_out(page, notes, excluded, left_out)
    gone = set(map(id, notes))
    return [block for block in blocks if id(block) not in gone]


# How an editor's note in the story's body starts: its label ("Editor's note:",
# "Correction:", "Anmerkung der Redaktion:", "Nota de la redacción:", "NDLR :"),
# or a sentence about the story's updates or its figures' reliability.
_EDITORS_NOTE = on_use(
    r"\W{0,3}(?:(?:(?:editor'?s|editors'|editor’s|editorial) note|note from the editor|corrections?|clarification"
    r"|anmerkung der redaktion|hinweis der redaktion|redaktioneller hinweis|transparenzhinweis|korrektur"
    r"|berichtigung|nota del editor|nota de la redacci[óo]n|fe de erratas|note de la rédaction|n\.?d\.?l\.?r\.?"
    r"|nota della redazione)\s*[:：.–—]"
    r"|this (?:story|article|post) (?:has been|was) (?:updated|corrected)"
    r"|(?:dieser|der) (?:artikel|beitrag|text) wurde (?:aktualisiert|korrigiert)|alle angaben ohne gewähr)",
    re.IGNORECASE,
)
_EDITORS_NOTE_KINDS = frozenset({"paragraph", "block", "quote"})


# How many of the last blocks of a story are looked at for its closing notes.
_SIGN_OFF = on_use(r"\(?[^\W\d_]{1,8}(?: ?[/,] ?[^\W\d_]{1,8}){0,3}\)?")
_SIGN_OFF_LENGTH = 30
# A sign-off is a line of its own, not the last cell of a table ("WÜ", "X").
_SIGN_OFF_KINDS = frozenset({"paragraph", "block"})
_CLOSING_REACH = 6
_NOTE_LENGTH = 400
# What a publisher's note at the story's end holds (in lower case: a
# case-blind search of so many words costs twice as much): a copyright or reprint
# notice, how to cite it, a call to subscribe, to donate, a question whether
# the reader liked the story.
_NOTE = on_use(
    r"(?:©|\(c\)) ?\d{4}|\bcopyright\b|all rights reserved|alle rechte vorbehalten|tous droits réservés"
    r"|derechos reservados|written permission|reprinted (?:by|with)|\bnachdruck"
    r"|suggested citation|zitiervorschlag|citation suggérée|cite this (?:article|post)"
    r"|newsletter|\bsubscri(?:be|ption|bers?)\b|\babonn(?:ieren|ement|ez)|\bsuscr[ií]b|subskrypc"
    r"|\bdonat(?:e|ion)\b|\bspenden? (?:per|via|an|auf)\b|apóyanos|unterstütze (?:uns|unabhängig|ich)"
    r"|support (?:us|our work|independent)|if you (?:enjoyed|liked) (?:this|reading)"
    r"|gefällt (?:dir|ihnen|euch) (?:unser|der|dieser|das)|lust auf mehr|kennt ihr schon"
    # a question to the reader about the story, or a call to rate or comment
    # on it, to join, to take the site's app or to write in (not a call to
    # share it: the boilerplate rule reports that line, pasted with the story)
    r"|(?:war|ist) (?:der|dieser) (?:artikel|beitrag|text) (?:hilfreich|nützlich)|was this (?:article|post|page)"
    r" (?:helpful|useful)|(?:noch )?keine bewertungen|no ratings yet|fragen (?:und|oder) anregungen"
    r"|give us (?:your )?feedback|(?:eingeloggt|angemeldet) sein,? um|logged in to (?:post a )?comment"
    r"|werden sie mitglied|become a member|hazte (?:miembro|socio)|únete a|\bjoin (?:us|now)\b"
    r"|unlimited (?:digital )?access|straight to your (?:phone|inbox)|(?:download|get) (?:the|our) app\b"
    r"|(?:nuestro|unseren?|our) (?:canal|kanal|channel) (?:de|auf|on) youtube|letters? to the editor"
    r"|jede (?:kleine )?spende",
)
# How such a note starts: a copyright sign ("© Thomson Reuters"; within a
# sentence it may be a joke), a call to follow on a social network; when the post
# was published or filed (with a date: "Published in 1998, the book..." is prose).
_NOTE_OPENING = on_use(
    r"\W*(?:©|(?:follow|folge|folgt|folgen sie|síguenos|suivez)\b[^.!?]{0,80}"
    r"\b(?:twitter|facebook|instagram|youtube|linkedin|telegram|tiktok|mastodon)"
    r"|(?:(?:erstellt|veröffentlicht|publiziert|aktualisiert|verfasst|geschrieben|posted|published|updated"
    r"|last (?:updated|modified)|filed under|abgelegt|publicado|publié|actualizado|mis à jour)\b"
    r"|(?:der|dieser) (?:beitrag|eintrag|artikel) wurde|this (?:entry|post|article) was (?:posted|filed|published))"
    r"[^\d]{0,40}\d)",
    re.IGNORECASE,
)
# How a short line at the story's end starts when it is the site's: a
# byline's label, a link back, an advertisement's label.
_NOTE_LINE = on_use(
    r"\W*(?:(?:von|by|par|por|autor|author|text|texto) ?:|(?:zurück|back to|retour|volver|torna)\b"
    r"|(?:anzeige|werbung|advertisement|publicidad|publicité|sponsored)\b)",
    re.IGNORECASE,
)


# How many elements after a heading are looked at for the furniture it heads
# (a <div> around a <ul class="related">).
_HEADED_REACH = 3


def _heads_furniture(page: _Page, heading: int, excluded: set[int]) -> bool:
    """Whether the first elements after *heading* (outside its subtree) are set
    aside or named as furniture."""
    start = page.end[heading]
    return any(
        i in excluded or page.sure[i] or page.furniture[i] is not None
        for i in range(start, min(start + _HEADED_REACH, len(page.elements)))
    )


def _heading_level(article: Article, block: Block) -> int | None:
    """The level of what *block* heads: a heading's; below every heading for a
    short line that ends with a colon; None for a block that heads nothing."""
    if block.kind == "heading":
        return HEADING_LEVELS.get(block.element.tag)
    if block.end - block.start < _DATELINE_LENGTH and article.text[block.start : block.end].rstrip().endswith(":"):
        return 7
    return None


# -- how pages name their parts -------------------------------------------------------------------

# Words of class and id values (split at punctuation and camelCase) that name
# page furniture, by what the furniture is. A word names it when it
# is one of these or, for the stems ending in "*", starts with one
# ("relatedposts", "commentform", "sharedaddy").
_FURNITURE_WORDS = {
    "navigation": "nav* menu* breadcrumb* crumbs pagination pager paging skiplinks toolbar topbar masthead noprint"
    " calendar* kalender* hamburger",
    "header": "header",
    "footer": "footer* colophon",
    "sidebar": "sidebar* aside textwidget",
    "share": "share* sharing social* sociable shariff addthis",
    "related": "related* recommend* similar* popular trending recent nextstor* nextpost* morestor* yarpp outbrain"
    " taboola plista ligatus zergnet",
    "comments": "comment comments commentlist commentform disqus respond reply replies akismet kommentar* comentario*"
    " commentaire*",
    "newsletter": "newsletter* subscribe* subscription* signup paywall* cta",
    "consent": "cookie* consent* gdpr",
    "advertising": "ad ads adv advert* adsense adslot adunit anzeige werbung sponsor* affiliate* disclaimer*"
    " disclosure*",
    "byline": "byline* author* autor* auteur* dateline timestamp",
    "tags": "tags tagcloud keywords",
    "meta": "meta*",
    "dialog": "overlay lightbox dialog tooltip login signin",
    "popup": "modal popup offcanvas*",
    "teaser": "teaser* promo*",
    "widget": "widget*",
    "credit": "credit* copyright",
    "control": "player* jwplayer* vjs mejs button buttons btn rating* ratings",
}
_FURNITURE_BY_WORD = {
    word: kind for kind, words in _FURNITURE_WORDS.items() for word in words.split() if not word.endswith("*")
}
_FURNITURE_STEMS: dict[str, list[tuple[str, str]]] = {}
"""The stems by their first three letters (every stem has three or more), with their kinds."""
for _kind, _words in _FURNITURE_WORDS.items():
    for _stem in _words.split():
        if _stem.endswith("*"):
            _FURNITURE_STEMS.setdefault(_stem[:3], []).append((_stem[:-1], _kind))
# Kinds of furniture that hold no prose: an element named so that holds this
# much prose wraps the story ("socialicons-sticky" around the whole post).
# What the story holds besides its body, set aside but written with it (None:
# an unnamed dateline or label); every other kind is the site's template.
_STORY_KINDS = frozenset({None, "sidebar", "header", "byline", "meta", "credit"})
_PROSELESS_KINDS = frozenset({"navigation", "share", "advertising", "tags", "hidden", "control"})
_WRAPPER_PROSE = 500
# Kinds of furniture that hold prose of their own, however much of the page's:
# readers' comments (which may outweigh a short story) and popups (a notice,
# or another story, over the page). What holds the story's headline is
# unnamed all the same.
_NEVER_WRAPPERS = frozenset({"comments", "popup"})
# Kinds that a word of the story's container beside them does not soften
# ("article-share", "image-credit-text", "field-related-articles": related
# stories are never the story, however their box is named).
_PLAIN_KINDS = frozenset({"share", "credit", "related"})
# Kinds whose names also stand on the story's own parts ("article-header",
# "elementor-widget"): they never make an element furniture beyond doubt.
_WEAK_KINDS = frozenset({"teaser", "widget", "meta", "header"})
# Words that name the story's own container (after Readability's "positive" and
# "okMaybeItsACandidate" class names).
_CONTENT_WORDS = frozenset(
    "article articles articlebody body content contents entry hentry main post story text prose blog "
    "richtext storybody postbody column".split()
)
# Words of class and id values that name a recipe's parts ("recipe-ingredients",
# "wprm-recipe-container", "zutatenliste"): its lines are short, and no prose,
# but they are what the story is.
_RECIPE = on_use(r"re(?:cipe|zept|ceta|cette)|ingredient|zutaten|ricetta|przepis")
# A class that hides its element from sight, after an optional namespace
# (``sr-only``, ``u-screen-reader-text``, ``mfp-hide``; not ``hidden-xs``,
# ``field--label-hidden``, ``lazy-hidden`` or ``overflow-hidden``, nor
# ``elementor-invisible``: an entrance animation's start, which the page's
# script shows as the reader scrolls to it).
_HIDING_CLASS = on_use(
    r"(?!lazy[-_]|overflow[-_]|elementor[-_]invisible)(?:[a-z0-9]+[-_]{1,2})?"
    r"(?:hidden|hide|invisible|d-?none|sr-?only|screen-?reader(?:-?text)?|screen-?only|visually-?hidden)"
)
# Utility classes ("Mstart(137px)--modalMinWidth", "lg:hidden") say how an element looks, not what it is.
_UTILITY_MARK = on_use(r"[():!$\[]")
# Words that turn the furniture words after them in a class into a description
# of the element's content (``o-section--has-ads``, ``enable-pin-share``, ``no-sidebar``).
_MODIFIERS = frozenset("has with enable enabled no without".split())
# Names of two words, neither furniture alone ("read", "twitter": a "twitter-tweet"
# embed is the story's), that name the site's list of its most read stories
# ("most-read", "mostViewed", "meistgelesen") or a feed of its social accounts
# ("widget_twitter", "twitter-timeline"): other pages' content, never the story.
_OTHER_CONTENT = on_use(
    r"(?<![a-z0-9])(?:most|meist)[ _-]?(?:read|view|popular|shared|comment|discussed|emailed|click|gelesen|kommentiert"
    r"|diskutiert|geklickt)"
    r"|(?<![a-z0-9])(?:twitter|instagram|insta|facebook)[ _-]?(?:timeline|feed|widget)"
    r"|(?<![a-z0-9])widget[ _-]?(?:twitter|instagram|facebook)"
)
# A link back to the page's top ("back-to-top", "toTop", "go-to-top-mobile"): the site's navigation.
_TO_TOP = on_use(r"(?<![a-z0-9])(?:(?:back|go|scroll|jump)[ _-]?)?to[ _-]?top(?![a-z0-9])")
_FURNITURE_TAGS = {
    "nav": "navigation",
    "aside": "sidebar",
    "footer": "footer",
    "dialog": "popup",
    "menu": "navigation",
    "button": "control",
    "select": "control",
    "form": "form",
    # Contact details for the story or its writer (HTML's meaning of the tag).
    "address": "byline",
}
# What a publisher's mark of the story's body (itemprop="articleBody") adds to
# the class weight of the element (Readability gives +25 to a content name).
_MARKED_WEIGHT = 50
# Tags of the story's own parts as often as of the page's (the article's
# <header> holds its headline and lead).
_WEAK_TAGS = {"header": "header"}
_FURNITURE_ROLES = {
    "navigation": "navigation",
    "menu": "navigation",
    "menubar": "navigation",
    "tablist": "navigation",
    "toolbar": "navigation",
    "banner": "header",
    "contentinfo": "footer",
    "complementary": "sidebar",
    "search": "navigation",
    "dialog": "popup",
    "alertdialog": "popup",
    "alert": "dialog",
    "button": "control",
    "tooltip": "dialog",
}
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
_CAMEL = on_use(r"(?<=[a-z])(?=[A-Z])")
_WORD = on_use(r"[a-z0-9]+")
# How a sentence ends, in the scripts of the corpus (a closing quote or bracket may follow).
_SENTENCE_END = on_use(r"[.!?…。！？:;][\"'”»“’)\]]*\s*$")
# A paragraph this long is prose whatever its punctuation; a shorter one must end like a sentence.
_PROSE_LENGTH = 80
_SENTENCE_LENGTH = 20
# A short line with a date, a time or fields split by bars is a dateline or a byline.
_NUMERIC_DATE = on_use(r"\b\d{1,2}[./-] ?\d{1,2}[./-] ?\d{2,4}\b|\b\d{4}-\d{2}-\d{2}\b|\b\d{1,2}:\d{2}\b")
_DATELINE = on_use(f"{_NUMERIC_DATE.pattern}| [|·•] ")
_DATELINE_LENGTH = 120
# A date with its month by name ("2. Februar 2022", "3 de mayo de 2022",
# "January 13, 2020"): a short line with one, before or after the story's
# prose, is a dateline (in a line of prose it is the story's).
_NAMED_DATE = on_use(
    r"\b\d{1,2}\.? (?:de )?[^\W\d_]{3,10}\.?,? (?:de )?\d{4}\b|\b[^\W\d_]{3,10}\.? \d{1,2}(?:st|nd|rd|th)?, \d{4}\b"
)
# A photo credit: a short line that names whose picture it is ("Foto: DBT/Stella",
# "(Quelle: Unsplash)", "Crédits photos : Bestimage", "Kuva: A. Becher").
_CREDIT = on_use(
    r"\W{0,2}(?:(?:titel|symbol|beitrags|vorschau|aufmacher|header|teaser|cover)?(?:fotos?|bild(?:er)?)"
    r"|photos?|photograph|quellen?|sources?|credits?|crédits?|créditos?|kuva|bildnachweis|bildrechte"
    r"|imagen|images?|zdjęcie|fot|źródło|fuente|fonte)\b[^:：\n]{0,20}[:：]",
    re.IGNORECASE,
)
_CREDIT_LENGTH = 80
# An advertisement's label, a line of its own where the page's script puts the
# advertisement ("Advertisement", "Anzeige", "- Publicidad -").
_AD_LABEL = on_use(
    r"\W*(?:advertisement|advert|anzeige|werbung|publicidad|publicité|pubblicità|reklama|sponsored|gesponsert)\W*",
    re.IGNORECASE,
)
_AD_LABEL_LENGTH = 30
# A caption that credits its picture anywhere in it, by a copyright sign or a
# label ("Die Wiese im Mai. Foto: A. Huber", "... (Quelle: Unsplash/DJV)"):
# the picture's credit line, which the page's template adds to the caption.
_CAPTION_CREDIT = on_use(
    r"©|\(c\)|\b(?:fotos?|photos?|bild|quelle|source|credits?|crédits?|kuva|imagen|źródło|fot)\s?[:：]",
    re.IGNORECASE,
)
_CAPTION_LENGTH = 400
# A credit at the end of a block's last characters, wherever it stands: a labelled one in
# brackets ("... im Überblick. (Foto: Getty)"), or after a copyright sign
# without a year ("| © Bundesrat"; "© 2019 The Times" is a copyright notice).
_TAIL_CREDIT = on_use(
    r"(?:\((?:fotos?|photos?|bild|quelle|source|credits?)\s?[:：][^()]{1,60}\)|©(?!\s*\d{4})[^.!?©]{1,60})\s*$",
    re.IGNORECASE,
)
# The last words of a short line, after its last sentence, that are names
# split by a slash: the photographer and the agency ("(mlharing / iStock.com)",
# "... Mitzscherlich.DCV / Oppitz", "praca / ShutterStock"); only in a caption
# but for a spaced slash in brackets. A longer caption that ends so keeps
# them: what it tells of the picture outweighs its credit.
_SLASHED_NAMES = on_use(r"(?:^|[.!?]\s*)(\(?[^.!?/\s(][^.!?/(]{0,30}/[^!?/]{1,30})$")
_SLASHED_WORDS = 5
# How far from a block's end a credit in brackets or after a copyright sign may start.
_CREDIT_REACH = 80
# A heading or a short line that points to other pages than the story: "Related
# stories", "Read also:", "Mehr zum Thema", "Lire aussi", "Notas relacionadas",
# "Leia também", "Zobacz również", "Читайте также"... (its start, in lower case).
_POINTER = on_use(
    r"\W*(?:"
    # English
    r"related\b|read (?:also|more|next)\b|also read\b|see also\b|more (?:from|on|in|about|stories|articles|news"
    r"|to read|like this)\b|more (?:[\w-]+ ){1,2}(?:stories|articles|news|posts|reads)\W*$"
    r"|you (?:may|might|could) also\b|recommended (?:for you|reading|stories|articles)"
    r"|further reading|most (?:popular|read|viewed|shared)(?: (?:stories|articles|posts|news|now|today))?\W*$"
    r"|trending (?:now|stories)|don'?t miss\b"
    r"|about the author\b|what to read next|latest (?:news|stories|articles|posts)\b|newest (?:articles|posts)\b"
    # German
    r"|mehr (?:zum thema|zu diesem thema|dazu|aus der|aus dem|aus den|zum|von|artikel|news|lesen)\b"
    r"|weitere (?:artikel|beiträge|informationen|infos|themen|news|nachrichten|meldungen|links|tipps|texte)"
    r"|lesen sie (?:auch|dazu|mehr|weiter)\b|(?:das )?könnte (?:sie|dich|euch) (?:auch )?interessieren"
    r"|auch interessant|(?:zum )?weiterlesen\b|schon gelesen\b|meistgelesen|ähnliche (?:artikel|beiträge|themen)"
    r"|verwandte (?:artikel|beiträge|themen)|über (?:den|die) autor(?:in)?\b|passend zum thema"
    r"|neueste (?:artikel|beiträge|nachrichten|meldungen)|weitere \w*(?:tipps|artikel|beiträge|themen)\b"
    r"|zusatzinformationen|weiterführende (?:links|informationen|artikel)|vorschau auf (?:den|die) nächsten?"
    # French, Spanish, Portuguese, Italian, Dutch
    r"|(?:à )?lire (?:aussi|également|encore)\b|voir aussi\b|sur le même (?:sujet|thème)|les plus lus"
    r"|(?:articles|vidéos)(?: et vidéos)? sur le (?:même )?sujet|derni(?:ers|ères) (?:articles|actualités)"
    r"|últimas noticias\b|otras noticias\b"
    r"|(?:notas|noticias|artículos|articulos|publicaciones) relacionad[oa]s|(?:te|le) puede(?:n)? interesar"
    r"|le(?:e|a) (?:también|además)\b|más (?:noticias|leídas|información sobre)\b|lo más (?:leído|visto)"
    r"|leia (?:também|mais)\b|veja (?:também|mais)\b|(?:notícias|artigos|matérias) relacionad[oa]s"
    r"|leggi anche\b|potrebbe(?:ro)? interessarti|articoli correlati|(?:i )?più letti"
    r"|lees ook\b|gerelateerde (?:artikelen|berichten)"
    # "You may also like", in the same languages
    r"|você (?:também )?(?:pode|poderá) (?:também )?gostar\b|(?:también )?te (?:puede|podría)n? gustar\b"
    r"|vous (?:aimerez|pourriez aimer) aussi\b|(?:ti )?potrebbe(?:ro)? (?:anche )?piacer(?:ti|e)\b"
    r"|das (?:könnte|dürfte) (?:sie|dich|euch) auch gefallen|dies passt zum thema|misschien ook interessant"
    # Polish, Czech, Russian, Ukrainian
    r"|zobacz (?:też|również|także)\b|czytaj (?:też|także|również|więcej)\b|polecamy\b|przeczytaj (?:też|także)"
    r"|čtěte (?:také|též)\b|читайте (?:также|тоже|еще|ещё)|смотрите также|по теме\b|похожие (?:статьи|новости)"
    r"|читайте також"
    r")",
    re.IGNORECASE,
)
_POINTER_LENGTH = 60
# How a teaser's excerpt ends: cut short ("…", "...", "[…]"), then a link to
# read on (its text is the group).
_EXCERPT_END = on_use(
    r"\[?(?:…|\.\.\.)\]?\s*[\[(]?(read more|more|continue reading|read on|weiterlesen|mehr|mehr lesen|lire la suite"
    r"|la suite|lire plus|leer más|seguir leyendo|ver más|leggi (?:tutto|di più)|continua a leggere|leia mais"
    r"|czytaj (?:dalej|więcej)|lees (?:meer|verder)|verder lezen)\W{0,4}$",
    re.IGNORECASE,
)
_EXCERPT_REACH = 40
# A caption this short made of names alone ("Getty Images", "AFP / MARCO BERTORELLO",
# "Bundesregierung/Steffen Kugler", "(Lucy Akins)") credits the picture: it says nothing of it.
_NAMES_LENGTH = 50
_NAMES_WORDS = 6
_NAME_WORD = on_use(r"[^\W_][\w'’.-]*")
# Small words that names hold ("Museo de la Ciudad", "Photo by", "Ludwig van Beethoven").
_NAME_PARTICLES = frozenset("by de del della der des di da du la le van von y und and et e for für via".split())


def _names_a_source(block: Block, text: str) -> bool:
    """Whether *block* is a short caption made of names alone: a picture's
    credit without a "Photo:" before it."""
    if block.end - block.start >= _NAMES_LENGTH or not _in_caption(block.element):
        return False
    words = _NAME_WORD.findall(text, block.start, block.end)
    return 0 < len(words) <= _NAMES_WORDS and all(
        word[0].isupper() or word[0].isdigit() or word in _NAME_PARTICLES for word in words
    )


# Class names of a picture's caption besides "caption" ("imagedescription",
# "image-annotation", "media-desc", "bildunterschrift").
_CAPTION_NAME = on_use(r"caption|bildunterschrift|(?:image|img|photo|media)[-_]?(?:desc|annotation)")


def _in_caption(element: Element) -> bool:
    """Whether *element* is a ``<figcaption>`` or named a caption, or its parent
    is, or it is a ``<figure>`` whose own text is a line beside its picture."""
    if element.tag == "figure":
        return True
    for el in (element, element.getparent()):
        if el is not None and (el.tag == "figcaption" or _names_a_caption(el.get("class"))):
            return True
    return False


_PICTURE_NAME = on_use(r"(?:^|[\s_-])(?:image|img|photo|picture|pic|foto|bild)s?(?:$|[\s_-])")
_PICTURES = ("img", "picture")
# What wraps a picture and its caption, and nothing else: not a quote, a list item or a cell.
_WRAPPERS = frozenset({"div", "span", "a", "p"})


def _captions_a_picture(page: _Page, block: Block, root: int) -> bool:
    """Whether *block* is a picture's caption: in a caption (see :func:`_in_caption`),
    or the only text, short, of an element up to two levels above it that holds
    a picture, or of an element named for a picture that holds one."""
    element = block.element
    if _in_caption(element):
        return True
    size = block.end - block.start
    if size >= _CAPTION_LENGTH or block.kind not in PARAGRAPH_KINDS:
        return False
    at = page.index.get(element, -1)
    name = element.get("class")
    if at > root and name and _PICTURE_NAME.search(name.lower()) and _holds_a_picture(element, None):
        return page.block_chars[at] == size
    for _ in range(2):
        at = page.parent[at] if at > root else -1
        if at <= root or page.block_chars[at] != size or page.elements[at].tag not in _WRAPPERS:
            return False
        if _holds_a_picture(page.elements[at], element):
            return True
    return False


def _holds_a_picture(element: Element, besides: Element | None) -> bool:
    """Whether *element* holds a picture outside *besides* (a smiley in the
    text is none) and, when *besides* is given, outside any ``<figure>`` (a
    figure's caption is its own ``<figcaption>``). One walk of the subtree,
    which passes over those parts: a picture nested deep is not walked up from."""
    stack = list(element)
    while stack:
        el = stack.pop()
        if el is besides or (besides is not None and el.tag == "figure"):
            continue
        if el.tag in _PICTURES:
            return True
        stack.extend(el)
    return False


@lru_cache(maxsize=4096)
def _names_a_caption(name: str | None) -> bool:
    return name is not None and _CAPTION_NAME.search(name.lower()) is not None


def _credits_in_tail(block: Block, text: str) -> bool:
    """Whether *block*, short, ends with a picture's credit: anywhere, one in
    brackets or after a copyright sign; in a caption, names split by a slash."""
    size = block.end - block.start
    if size >= _CAPTION_LENGTH:
        return False
    # A credit is short: only the block's end is read, and searched only when
    # it holds what a credit needs (most blocks go by these tests alone).
    start = max(block.start, block.end - _CREDIT_REACH)
    last = text[block.end - 1]
    if (
        last == ")"
        or text.find("©", start, block.end) >= 0
        or (last.isspace() and text[start : block.end].rstrip()[-1:] == ")")
    ) and _TAIL_CREDIT.search(text[start : block.end].rstrip()) is not None:
        return True
    if size >= _DATELINE_LENGTH or text.find("/", start, block.end) < 0:
        return False
    slashed = _SLASHED_NAMES.search(text[block.start : block.end].rstrip())
    if slashed is None or len(_NAME_WORD.findall(slashed.group(1))) > _SLASHED_WORDS:
        return False
    names = slashed.group(1)
    return _in_caption(block.element) or (names.startswith("(") and names.endswith(")") and " / " in names)


_NAME_WEIGHT = 25
"""Readability's class weight: what a content name adds, and a furniture name takes away."""


@lru_cache(maxsize=8192)
def _naming(value: str) -> tuple[str | None, bool, int]:
    """What a ``class`` + ``id`` value names: a kind of furniture (or None);
    whether it names it beyond doubt (no word of the story's container beside
    it); and Readability's class weight (+25 for a content name, -25 for furniture)."""
    if _UTILITY_MARK.search(value):
        # "Mstart(137px)--modalMinWidth" says how it looks, not what it is.
        value = " ".join(token for token in value.split() if not _UTILITY_MARK.search(token))
    lowered = value.lower()
    if _hints_hiding(lowered) and any(_HIDING_CLASS.fullmatch(token) for token in lowered.split()):
        return "hidden", True, -_NAME_WEIGHT
    # Words apart: "articleBody" reads "article body", "share-bar2" "share bar2".
    spaced = lowered if lowered == value else _CAMEL.sub(" ", value).lower()
    words = _WORD.findall(spaced)
    if _MODIFIERS.isdisjoint(words):
        kind = _words_kind(words)
    else:  # a modifier turns the furniture words after it in its class into a description
        kind = _strongest(_furniture_word(_WORD.findall(token)) for token in spaced.split())
    if (kind is None or kind in _WEAK_KINDS) and _names_other_content(spaced):
        kind = "related"
    elif kind is None and "top" in spaced and _TO_TOP.search(spaced) is not None:
        kind = "navigation"
    content = not _CONTENT_WORDS.isdisjoint(words)
    weight = (_NAME_WEIGHT if content else 0) - (_NAME_WEIGHT if kind is not None else 0)
    sure = kind is not None and kind not in _WEAK_KINDS and (not content or kind in _PLAIN_KINDS)
    return kind, sure, weight


def _hints_hiding(lowered: str) -> bool:
    """Whether *lowered*, a name, holds one of the words that each of
    :data:`_HIDING_CLASS`'s names holds (most names hold none)."""
    return "hid" in lowered or "none" in lowered or "only" in lowered or "reader" in lowered or "invisible" in lowered


# How many elements from a section's start its heading may stand (a wrapper or two deep).
_ANCHOR_REACH = 8


def _anchors_a_section(ident: str, element: Element) -> bool:
    """Whether *ident*, the id of *element*, is the anchor of a section, named
    for the heading that the section's first few elements hold (see
    :func:`_spells_its_heading`): "1-heading-how-popular-are-meditation-and-mindfulness"
    on a section's wrapper names no box of most-read stories."""
    heading = next((el for el in itertools.islice(element.iter(), 1, _ANCHOR_REACH) if el.tag in HEADING_LEVELS), None)
    return heading is not None and _spells_its_heading(ident, heading)


def _spells_its_heading(ident: str, heading: Element) -> bool:
    """Whether *ident*, a heading's id, spells two or more of the heading's own
    words, at least half of its own: the anchor that a table of contents links
    to ("nav_nur_die_folie__1" on "Nur die Folie bleibt zurück", "related-work"
    on "Related Work"), which names the heading's text, not a box of furniture."""
    words = [word for word in _WORD.findall(ident.lower()) if not word.isdigit()]
    if len(words) < 2:
        return False
    spelled = set(_WORD.findall(visible_text(heading).lower()))
    found = sum(word in spelled for word in words)
    return found >= 2 and 2 * found >= len(words)


# Words of class values (not ids: Wikipedia's citation anchors read
# "cite_note-TourismStats") that name a site's counters and its customers'
# ratings ("stats-news", "product-reviews"): a widget, which goes only when it
# holds no prose.
_COUNTER = on_use(r"(?<![a-z0-9])(?:stats|statistics|reviews)(?![a-z0-9])")


@lru_cache(maxsize=1024)
def _names_a_counter(name: str) -> bool:
    return _COUNTER.search(name.lower()) is not None


@lru_cache(maxsize=1024)
def _names_a_recipe(name: str) -> bool:
    """Whether a ``class`` + ``id`` value names a recipe's part."""
    return _RECIPE.search(name.lower()) is not None


def _furniture_word(words: list[str]) -> str | None:
    """The kind of furniture that the words of a class name, unless a modifier
    comes first ("has-ads"), by :func:`_strongest` ("widget-trending" names
    related stories, "teaser-share" a share bar)."""
    return _words_kind(itertools.takewhile(lambda word: word not in _MODIFIERS, words))


_WORD_KINDS: dict[str, str | None] = {}
"""The kind of furniture that each word of a class met so far names (None: none).
A page's hundred class names repeat a few hundred words, and sites repeat them;
a name met for the first time costs its words' look-ups, not its stems' searches."""
_WORD_KINDS_KEPT = 16384
_UNMET = "?"


def _words_kind(words: Iterable[str]) -> str | None:
    """:func:`_strongest` of the kinds of furniture that *words* name, each word's
    kind looked up as it comes (one loop: a page's names are mostly new to it)."""
    met, weak = _WORD_KINDS, None
    for word in words:
        kind = met.get(word, _UNMET)
        if kind is _UNMET:
            kind = _meet_word(word)
        if kind is not None:
            if kind not in _WEAK_KINDS:
                return kind
            weak = weak or kind
    return weak


def _meet_word(word: str) -> str | None:
    if len(_WORD_KINDS) >= _WORD_KINDS_KEPT:
        _WORD_KINDS.clear()  # bounded: a service meets the class words of every site it is sent
    kind = _WORD_KINDS[word] = _FURNITURE_BY_WORD.get(word) or next(
        (kind for stem, kind in _FURNITURE_STEMS.get(word[:3], ()) if word.startswith(stem)), None
    )
    return kind


def _names_other_content(spaced: str) -> bool:
    """Whether *spaced*, a name's words, names other pages' content (see
    :data:`_OTHER_CONTENT`): searched only where one of the words that each of
    its alternatives needs stands, which few names hold."""
    return (
        "most" in spaced
        or "meist" in spaced
        or "twitter" in spaced
        or "insta" in spaced
        or "facebook" in spaced
        or "widget" in spaced
    ) and _OTHER_CONTENT.search(spaced) is not None


def _strongest(kinds: Iterable[str | None]) -> str | None:
    """The first of *kinds* that is not weak, else the first weak one (None: no kind)."""
    weak = None
    for kind in kinds:
        if kind is not None and kind not in _WEAK_KINDS:
            return kind
        weak = weak or kind
    return weak


# -- measuring the page ---------------------------------------------------------------------------


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
                if "itemprop" in names and "articleBody" in (el.get("itemprop") or "").split():
                    # The publisher marks the story's body (schema.org).
                    self.marked.append(at)
                    kind, certain, weight = None, False, weight + _MARKED_WEIGHT
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
        for control in closers:
            self._mark_closable(self._container_of(control))

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
        return (
            size < _POINTER_LENGTH
            and (block.kind == "heading" or text[block.end - 1] != ".")
            and _POINTER.match(text, block.start, block.end) is not None
        ) or self._excerpt(block, size)

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
        element = self.elements[i]
        name = element.get("class")
        ident = element.get("id")
        if ident:
            name = f"{name} {ident}" if name else ident
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


# -- the body's root ------------------------------------------------------------------------------

# Readability's head start for a candidate by its tag; <article> and <main>,
# which HTML gives the page's own content, start further ahead.
_TAG_WEIGHT = {
    "div": 5,
    "article": 15,
    "main": 15,
    "section": 3,
    "pre": 3,
    "td": 3,
    "blockquote": 3,
    "address": -3,
    "ol": -3,
    "ul": -3,
    "dl": -3,
    "dd": -3,
    "dt": -3,
    "li": -3,
    "form": -3,
    "th": -5,
    **dict.fromkeys(HEADING_LEVELS, -5),
}
# The blocks that vote for their ancestors. List items too (Readability scores
# none): a story told in lists, as release notes are, would otherwise have its
# pictures' captions for its only paragraphs, and the body would be a caption,
# widened to the headline; a menu's short, linked items seldom reach the vote.
_SCORED_KINDS = frozenset({"paragraph", "block", "preformatted", "cell", "quote", "list-item"})
_COMMAS = on_use("[,\u060c\ufe50\ufe10\ufe11\u2e41\u2e34\u2e32\uff0c\u3001]")
# How much more a paragraph that the page's JSON-LD declares as the story's body weighs.
_DECLARED_BOOST = 3
_TEXT_WORD = on_use(r"\w+")
# A sibling after the body carries on the story when it holds this share of
# the body's prose (Readability's threshold for joining siblings).
_CONTINUATION = 0.2
# How many levels above the body a run of sections made alike is looked for,
# and the prose a section of it holds (more than a support box's appeal).
_SECTION_REACH = 3
_SECTION_PROSE = 500
# A candidate that scores this share of the best one's score, and holds this
# many times its prose, is taken instead.
_RIVAL_SCORE = 0.9
_RIVAL_PROSE = 2
# A story shorter than this, when its root holds more, was cleaned too hard.
_SHORTEST = 200


def _choose_root(article: Article, page: _Page, declared: frozenset[int]) -> tuple[int, str]:
    """The index of the body's root, and the evidence for it; the paragraphs *declared* as the
    story's body (block numbers) weigh more."""
    scores = _paragraph_scores(article, page, _furniture_flags(page), declared)
    if scores:
        top = max(scores, key=scores.__getitem__)
        # Scores this close say little (a short paragraph full of commas scores
        # as high as a story of plain sentences): of such rivals, the one that
        # holds far more prose is the story.
        rivals = [c for c in scores if scores[c] >= _RIVAL_SCORE * scores[top]]
        best = max(rivals, key=page.value.__getitem__, default=top)
        if page.value[best] > _RIVAL_PROSE * max(page.value[top], 0.0):
            top = best
        return _readability_refinement(page, scores, top), "paragraph scoring"
    # No paragraph long enough to vote: the page's own markup says where the story is.
    for tag, evidence in (("article", "the <article> with the most text"), ("main", "the <main>")):
        candidates = [i for i, el in enumerate(page.elements) if page.block_chars[i] and _is_a(el, tag)]
        if candidates:
            return max(candidates, key=page.block_chars.__getitem__), evidence
    return 0, "the whole page"


def _is_a(element: Element, tag: str) -> bool:
    """Whether *element* is an ``<article>`` or ``<main>`` (by tag or role)."""
    return element.tag == tag or (element.get("role") or "").strip().lower() == tag


def _unname_wrappers(page: _Page, i: int) -> None:
    """Clear the furniture names of *i*'s ancestors, and count their prose in the
    subtrees around them (one walk up, however many there are)."""
    gained = 0.0
    """What the current ancestor's value gains: the ancestors below it that
    were furniture counted for nothing in it."""
    for ancestor in page.ancestors(i):
        page.value[ancestor] += gained
        if page.sure[ancestor]:
            page.sure[ancestor], page.furniture[ancestor] = False, None
            gained = page.value[ancestor]


def _declared_paragraphs(article: Article, bodies: list[str]) -> frozenset[int]:
    """The numbers of the blocks whose text the page's JSON-LD ``articleBody``
    holds: most of their word triples occur in it."""
    if not bodies:
        return frozenset()
    triples: set[tuple[str, ...]] = set()
    for body in bodies:
        words = _TEXT_WORD.findall(html.unescape(body).casefold())
        triples.update(zip(words, words[1:], words[2:], strict=False))
    declared: set[int] = set()
    for number, block in enumerate(article.blocks):
        if block.kind not in _SCORED_KINDS or block.end - block.start < 25:
            continue
        words = _TEXT_WORD.findall(article.text[block.start : block.end].casefold())
        own = list(zip(words, words[1:], words[2:], strict=False))
        if own and sum(triple in triples for triple in own) >= 0.8 * len(own):
            declared.add(number)
    return frozenset(declared)


def _readability_refinement(page: _Page, scores: dict[int, float], top: int) -> int:
    """Mozilla Readability's corrections to the best-scoring candidate."""
    top_score = scores[top]
    ranked = sorted(scores, key=scores.__getitem__, reverse=True)[1:5]
    # When three of the other best candidates lie inside one ancestor of the
    # best, the story is split across them and the ancestor holds it.
    alternatives = [set(page.ancestors(c)) for c in ranked if scores[c] >= 0.75 * top_score]
    if len(alternatives) >= 3:
        for ancestor in page.ancestors(top):
            if ancestor == 0:
                break
            if sum(1 for ancestors in alternatives if ancestor in ancestors) >= 3:
                top = ancestor
                break
    # A parent that scores better than the candidate is the story's wrapper.
    last = scores.get(top, 0.0)
    threshold = last / 3
    for ancestor in page.ancestors(top):
        if ancestor == 0:
            break
        score = scores.get(ancestor)
        if score is None:
            continue
        if score < threshold:
            break
        if score > last:
            top = ancestor
            break
        last = score
    return top


def _front_teasers(page: _Page, root: int) -> list[int]:
    """The teasers at *root* when it is a section front (a page of teasers of
    other stories, nothing that is one story): at least :data:`_FRONT_TEASERS`
    teasers, those of a grid (see :class:`_Cards`) and the short ``<article>``
    elements with a link, that hold at least as much prose as the rest of the
    root. Asked only where no heading titles a story: a story's page has one.
    Empty when *root* is no section front."""
    found = set(page.cards(root).found)
    found.update(
        i
        for i in range(root + 1, page.end[root])
        if page.links[i] and page.block_chars[i] <= _CARD_TEXT and _is_a(page.elements[i], "article")
    )
    teasers: list[int] = []
    for i in sorted(found):
        if not teasers or i >= page.end[teasers[-1]]:  # the outermost, in document order
            teasers.append(i)
    if len(teasers) < _FRONT_TEASERS or page.first_block[root] < 0:
        return []
    teased = sum(
        max(page.worth[n], 0.0)
        for i in teasers
        if page.first_block[i] >= 0
        for n in range(page.first_block[i], page.last_block[i] + 1)
    )
    prose = sum(max(page.worth[n], 0.0) for n in range(page.first_block[root], page.last_block[root] + 1))
    return teasers if teased >= prose - teased else []


# How many teasers, outweighing the rest of the page's prose, make a section front.
_FRONT_TEASERS = 5


def _widen_to_headline(page: _Page, top: int, headline: int, excluded: set[int]) -> int:
    """The root that holds both the headline and the body found at *top*; what
    lies before the headline is set aside, and so is what stands beside the
    body unless it carries the story (a lead paragraph under the headline,
    the rest of a story split by an advertisement)."""
    if page.inside(headline, top) or headline > top:
        return top
    root = next(a for a in page.ancestors(top) if page.inside(headline, a))
    # From the body up to the common root: the body's siblings.
    node = top
    while node != root:
        up = page.parent[node]
        for sibling in page.child_indices(up):
            if sibling == node:
                continue
            if page.inside(headline, sibling):
                _keep_after_headline(page, sibling, headline, excluded, page.first_block[top])
            elif (
                sibling < headline
                or page.sure[sibling]
                or (
                    # A recipe's parts carry on the story, however little prose they hold.
                    not page.recipe_part(sibling)
                    and (
                        page.value[sibling] < 0
                        or (
                            sibling > node
                            and page.value[sibling] <= _CONTINUATION * page.value[top]
                            and not _continues(page, sibling, node)
                        )
                    )
                )
            ):
                excluded.add(sibling)
        node = up
    return root


def _headlines_article(page: _Page, top: int, headline: int) -> int:
    """The ``<article>`` that holds the *headline* and prose of its own, where
    the body found at *top* lies in another ``<article>`` made as it is beside
    it (a page of whole stories one after the other, the next ones loaded as
    the reader scrolls): the headline's is the story, not the longest; else
    *top*."""
    if page.inside(headline, top) or headline > top:
        return top
    body, story = top, headline
    while page.parent[body] >= 0 and not page.inside(headline, page.parent[body]):
        body = page.parent[body]
    while not page.inside(top, page.parent[story]):
        story = page.parent[story]
    a, b = page.elements[body], page.elements[story]
    if (
        _is_a(a, "article")
        and _is_a(b, "article")
        and a.tag == b.tag
        and a.get("class") == b.get("class")
        and page.value[story] >= _SECTION_PROSE
    ):
        return story
    return top


def _continues(page: _Page, sibling: int, node: int) -> bool:
    """Whether *sibling* carries on the story that *node* holds part of: it
    holds paragraphs of prose and is made as *node* is, the same tag and the
    same classes, or none (a story that the publisher cuts into sections of
    one kind, as Medium does, its sections bare ``<div>``s), however little it
    holds beside the body."""
    if page.value[sibling] < _SECTION_PROSE:
        return False
    a, b = page.elements[sibling], page.elements[node]
    if _is_a(a, "article"):
        return False  # a story of its own (see _headlines_article), however made
    return a.tag == b.tag and (a.get("class") or "").split() == (b.get("class") or "").split()


def _keep_after_headline(page: _Page, branch: int, headline: int, excluded: set[int], body: int) -> None:
    """In the *branch* that holds the headline, set aside the headline and
    what comes before it, and what comes after it unless it is prose or the
    story's deck (the body's first block is *body*)."""
    node = branch
    while node != headline:
        following = None
        for child in page.child_indices(node):
            if page.inside(headline, child):
                following = child
            elif child < headline or (
                page.value[child] <= 0 and not page.recipe_part(child) and not _is_deck(page, child, body)
            ):
                excluded.add(child)
        if following is None:
            return
        node = following
    excluded.add(headline)


def _join_sections(page: _Page, top: int, excluded: set[int]) -> int:
    """Where the body found at *top* is one of a run of sections made alike
    (see :func:`_continues`), perhaps a few levels up, the run joins under its
    parent, without what stands among them that is furniture or no prose."""
    node = top
    for _ in range(_SECTION_REACH):
        parent = page.parent[node]
        if parent <= 0:
            break
        siblings = [child for child in page.child_indices(parent) if child != node]
        if any(_continues(page, sibling, node) for sibling in siblings):
            excluded.update(s for s in siblings if page.sure[s] or (page.value[s] < 0 and not page.recipe_part(s)))
            return parent
        node = parent
    return top


def _join_siblings(page: _Page, top: int, excluded: set[int]) -> int:
    """Readability's sibling joining: the body's siblings that carry prose join
    it, under their common parent, and the others are set aside."""
    parent = page.parent[top]
    if parent <= 0:
        return top
    siblings = [child for child in page.child_indices(parent) if child != top]
    joined = [s for s in siblings if not page.sure[s] and page.value[s] > 0]
    if not joined:
        return top
    excluded.update(s for s in siblings if s not in joined)
    return parent


def _paragraph_scores(article: Article, page: _Page, vetoed: list[bool], declared: frozenset[int]) -> dict[int, float]:
    """Readability's candidate scores: each paragraph (but those *vetoed*) adds
    to its ancestors, less the further up they are, more if *declared*; a
    candidate's score shrinks with its link density."""
    scores: dict[int, float] = {}
    text, parent = article.text, page.parent
    for number, block in enumerate(article.blocks):
        if block.kind not in _SCORED_KINDS:
            continue
        size = block.end - block.start
        if size < 25:
            continue
        at = page.owner[number]
        if at < 0 or vetoed[at]:
            continue
        score = 1 + len(_COMMAS.findall(text, block.start, block.end)) + min(size // 100, 3)
        if number in declared:
            score *= _DECLARED_BOOST
        # Prose written straight into a container beside other blocks is a
        # paragraph of its own, as Readability reads it (it wraps such text in
        # a <p>): the container is its parent. A container that holds nothing
        # else is the paragraph itself (Readability makes it a <p>). A short
        # line ("Follow me on Twitter.") or addresses (structured data a class
        # hides) are no prose.
        prose = (
            block.kind == "block"
            and size >= _PROSE_LENGTH
            and page.block_chars[at] != size
            and _SENTENCE_END.search(text, block.start, block.end) is not None
            and text.find("://", block.start, block.end) < 0
        )
        # The paragraph's five nearest ancestors (itself first, if prose), a step up each.
        ancestor = at if prose else parent[at]
        for level in range(5):
            if ancestor < 0:
                break
            if ancestor not in scores:
                scores[ancestor] = _TAG_WEIGHT.get(page.elements[ancestor].tag, 0) + page.class_weight[ancestor]
            scores[ancestor] += score if level == 0 else score / 2 if level == 1 else score / (level * 3)
            ancestor = parent[ancestor]
    for i in scores:
        scores[i] *= 1 - page.link_density(i)
    return scores


def _furniture_flags(page: _Page) -> list[bool]:
    """For each element, whether it lies inside furniture beyond doubt."""
    flags = [False] * len(page.elements)
    for i in range(1, len(page.elements)):
        flags[i] = flags[page.parent[i]] or page.sure[i]
    return flags


# -- what is not the article inside the root ------------------------------------------------------


def _set_aside(page: _Page, root: int, excluded: set[int], *, thorough: bool, headline: int = -1) -> None:
    """Add to *excluded* the subtrees inside the root that are not the article:
    furniture beyond doubt; when *thorough*, also what is named like furniture
    and holds no prose, link lists, and clutter before or after the story's prose
    (but the deck under the *headline*, see :func:`_decks`)."""
    root_text = page.block_chars[root] or 1
    span = _ProseSpan(page, root, excluded)
    i = root + 1
    while i < page.end[root]:
        if i in excluded:
            i = page.end[i]
            continue
        if page.sure[i] or (thorough and page.block_chars[i] < 0.5 * root_text and _clutter(page, i, span)):
            decks = _decks(page, i, headline, span.first) if not page.sure[i] and page.furniture[i] == "header" else ()
            if decks:
                _set_aside_around(page, i, decks, excluded)
            else:
                excluded.add(i)
            i = page.end[i]
        else:
            i += 1


def _decks(page: _Page, i: int, headline: int, body: int) -> list[int]:
    """The decks in element *i*, a story's header that holds its *headline*
    and goes as clutter (with its datelines, labels and links), before the
    story's prose from block *body* on: see :func:`_is_deck`."""
    if not page.inside(headline, i) or page.first_block[headline] < 0:
        return []
    found = []  # in document order, as the blocks are: each deck is a block of its own
    for number in range(page.last_block[headline] + 1, page.last_block[i] + 1):
        at = page.owner[number]
        if at >= 0 and _is_deck(page, at, body):
            found.append(at)
    return found


def _is_deck(page: _Page, i: int, body: int) -> bool:
    """Whether element *i*, under the story's headline, is its deck: a line of
    prose that sums the story up, a block of its own as long as a paragraph
    and no link (a kicker or a byline is shorter), no dateline, not named as
    furniture, and no heading between it and the story's prose from block
    *body* on (a blog's motto under its name, over the post's own title, is
    none). A heading, it weighs nothing as prose, yet it is the writer's."""
    number = page.first_block[i]
    if number < 0 or number != page.last_block[i] or page.links[i] or page.sure[i]:
        return False
    block = page.blocks[number]
    size = block.end - block.start
    return (
        block.kind in _DECK_KINDS
        and size >= _PROSE_LENGTH
        and page.block_chars[i] == size
        and _DATELINE.search(page.text, block.start, block.end) is None
        and page.next_heading(number + 1) >= body
    )


_DECK_KINDS = frozenset({"heading", "paragraph", "block"})


def _set_aside_around(page: _Page, i: int, kept: list[int], excluded: set[int]) -> None:
    """Add to *excluded* the parts of element *i* that hold none of the *kept*
    elements, in document order (the text that *i* or an ancestor of a kept
    element holds itself stays: a region leaves out whole elements)."""
    for child in page.child_indices(i):
        # The first kept element from the child on: the child itself, or one in its subtree, or neither.
        at = bisect.bisect_left(kept, child)
        first = kept[at] if at < len(kept) else -1
        if first == child:
            continue
        if child < first < page.end[child]:
            _set_aside_around(page, child, kept, excluded)
        else:
            excluded.add(child)


def _clutter(page: _Page, i: int, span: _ProseSpan) -> bool:
    """Whether element *i* inside the root is clutter: named like furniture and
    no prose; a link list; or, owning its text, a dateline or label before the
    story's prose, or after it also a short line with a link ("Subscribe now");
    never a recipe's part (its ingredients and steps are short lines, and the
    story: asked last, as it is rare)."""
    return _cluttered(page, i, span) and not page.recipe_part(i)


def _cluttered(page: _Page, i: int, span: _ProseSpan) -> bool:
    """Whether element *i* looks like clutter, by :func:`_clutter`'s tests but the recipe's."""
    kind, value = page.furniture[i], page.value[i]
    if kind is not None and value <= (-1 if kind == "header" else 0):
        return True  # a <header> holds the lead as often as clutter: it goes only with clutter
    if not page.block_chars[i]:
        return False
    if kind == "teaser" and page.links[i] > 0 and page.first_block[i] > span.first:
        return True  # another story's teaser, with its link: the story's own lead opens its prose
    if span.teaser(i):
        return True  # another story's teaser in a grid of them, beside the story
    if value < 0 and page.link_density(i) > 0.5:
        return not _tells_the_story(page, i, span)
    if page.block_chars[i] != page.own_block_chars[i]:
        return False
    if all(page.sets_aside(k) for k in range(page.first_block[i], page.last_block[i] + 1)):
        return True  # a photo's credit, or "Read also:", wherever it stands
    if value < 0 and (page.last_block[i] < span.first or page.first_block[i] > span.last):
        # Before or after the prose, a label with a link or a date goes; a bare
        # line ("Title options:") is the writer's, and the leak rules must see it.
        lines = range(page.first_block[i], page.last_block[i] + 1)
        return page.links[i] > 0 or kind is not None or all(page.dateline(k) for k in lines)
    if page.elements[i].tag == "li" and page.pointed_to(i):
        return True  # an item, linked, of the list under "More stories", however much it says
    if page.elements[i].tag == "li" and (value > 0 or page.link_density(i) < 0.5):
        # An item of a story told in lists ("We've just landed Bug 1553982, which..."),
        # or one that says more than its link (a speaker's linked name and title).
        return False
    return page.first_block[i] > span.last_long and page.block_chars[i] < _DATELINE_LENGTH and page.links[i] > 0


def _tells_the_story(page: _Page, i: int, span: _ProseSpan) -> bool:
    """Whether element *i*, a link, is part of the story all the same: an item
    of a list that is prose on the whole (release notes whose items are links
    to the bugs they fixed), or a heading amid the story's prose, and amid
    its own container's, that heads a paragraph of it (a product's name,
    linked to the shop, over its review); not a teaser's heading."""
    element = page.elements[i]
    if element.tag == "li":
        return page.value[page.parent[i]] > 0
    if element.tag == "p" and _linked_sentences(page, i):
        return True
    first = page.first_block[i]
    return (
        element.tag in HEADING_LEVELS
        and span.first < first < span.last
        and page.first_block[page.parent[i]] < first  # a teaser's heading opens its box
        and first + 1 < len(page.blocks)
        and page.worth[first + 1] > 0
    )


# The share of a paragraph's text that links may hold when it is the writer's
# sentences with their sources linked, not a teaser (linked all through).
_LINKED_PROSE = 0.8


def _linked_sentences(page: _Page, i: int) -> bool:
    """Whether element *i*, a paragraph with more link text than its own, is
    sentences all the same: as long as a paragraph of prose, ending like a
    sentence, with words of its own between its links (names and sources
    linked, as a press release links every firm it names)."""
    first, chars = page.first_block[i], page.block_chars[i]
    if first < 0 or first != page.last_block[i] or chars < _DATELINE_LENGTH:
        return False
    block = page.blocks[first]
    return (
        page.links[i] <= _LINKED_PROSE * chars and _SENTENCE_END.search(page.text, block.start, block.end) is not None
    )


class _ProseSpan:
    """Where the story's prose starts and ends inside a root (numbers of the
    article's blocks): its first and last block of prose, and its last long one."""

    def __init__(self, page: _Page, root: int, excluded: set[int]) -> None:
        # The root's subtree, less the excluded subtrees and those of furniture beyond doubt.
        end = page.end
        live = bytearray(len(end) + 1)  # and a last 0, for the index -1 (no element)
        live[root : end[root]] = b"\x01" * (end[root] - root)
        sure = itertools.compress(range(root + 1, end[root]), page.sure[root + 1 : end[root]])
        cut = sorted(itertools.chain(excluded, sure))
        reach = -1
        for i in cut:
            if root <= i < end[root] and i >= reach:
                live[i : end[i]] = bytes(end[i] - i)
                reach = end[i]
        self.first, self.last, self.last_long = len(page.blocks), -1, -1
        self._page, self._root = page, root
        self._prose: list[int] = []
        """The numbers of the blocks of prose."""
        self._story: tuple[int, int, bool] | None = None
        if page.first_block[root] < 0:
            return
        for number in range(page.first_block[root], page.last_block[root] + 1):
            worth = page.worth[number]
            if worth > 0 and live[page.owner[number]]:
                self.first = min(self.first, number)
                self.last = number
                self._prose.append(number)
                if worth >= _DATELINE_LENGTH:
                    self.last_long = number

    def teaser(self, i: int) -> bool:
        """Whether element *i* is a teaser of another page in a grid of them
        (see :class:`_Cards`) that stands before or after the story's long
        prose outside such teasers, and the story outweighs them all in prose
        (a gallery's slides, titled and linked, are the story) or a link laid
        over the box makes it one (see :attr:`_Cards.covered`)."""
        page = self._page
        if page.block_chars[i] > _CARD_TEXT or not (page.links[i] or page.overlaid):
            return False
        cards = page.cards(self._root)
        if i not in cards.found:
            return False
        if self._story is None:
            first, last, story, teased = len(page.blocks), -1, 0.0, 0.0
            for number in self._prose:
                worth = page.worth[number]
                if cards.holds(page.owner[number]):
                    teased += worth
                    continue
                story += worth
                if worth >= _DATELINE_LENGTH:
                    first, last = min(first, number), number
            self._story = first, last, teased < story
        first, last, outweighs = self._story
        return (outweighs or i in cards.covered) and (
            page.first_block[i] > last >= 0 or page.last_block[i] < first < len(page.blocks)
        )


def _set_aside_hidden(page: _Page, root: int, excluded: set[int]) -> None:
    """Add to *excluded* the containers inside the root that the page hides
    by a style or the ``hidden`` attribute and that hold no text a reader
    sees (a slider's hidden slides, a gallery's closed overlay, a list of
    placeholders): they are the template's machinery, set aside as the class
    names that hide an element are (see :func:`_naming`), and named so, that
    they be no box of the story. Asked after the headings are cleaned: a
    heading over a hidden part (an embed shown by a script) is the writer's.
    A hidden phrasing element (a ``<span>`` in a paragraph) is no container,
    and stays: the writer's markup."""
    state, parent, block_chars, end = page.state, page.parent, page.block_chars, page.end
    i = root + 1
    while i < end[root]:
        if i in excluded:
            i = end[i]
        elif state[i] & _HIDDEN and not state[parent[i]] & _HIDDEN and not block_chars[i]:
            excluded.add(i)
            page.furniture[i] = "hidden"
            i = end[i]
        else:
            i += 1


def _set_aside_stranded(article: Article, page: _Page, root: int, excluded: set[int], headline: Element | None) -> None:
    """Add to *excluded* the containers inside the root that stand alone among
    what is set aside, and would go on being linted as the article: one with
    no text whose nearest blocks before and after are both not the story's (a
    ratings widget's spinner between a share bar and the tags), and one whose
    text is all set aside (a box of related links, with a picture beside
    them) unless a picture in it stands by the story's text (a recipe card's
    photo beside its title, in a wrapper with the card's rating form). The
    story's text is what the root holds outside the excluded subtrees, its
    boxes (a byline, a fact box) and its headline: a story's picture stands
    by one of them."""
    end, owner = page.end, page.owner
    top = page.index.get(headline, -1) if headline is not None else -1
    aside = bytearray(len(page.elements))
    """1 for each element of the root set aside as no part of the story."""
    marked = -1  # the end of the last subtree marked: one inside it is marked already
    for i in sorted(excluded):
        if marked <= i != top and root < i < end[root] and page.furniture[i] not in _STORY_KINDS:
            aside[i : end[i]] = b"\x01" * (end[i] - i)
            marked = end[i]
    # The characters of story text in the elements before each one (in document order).
    story_chars = list(
        itertools.accumulate(map(operator.mul, page.own_block_chars, map(operator.not_, aside)), initial=0)
    )
    # Where each block stands among the elements (its element's index, never
    # behind the block before it's): what comes before and after an element.
    standing = list(itertools.accumulate(owner, max))

    def story_at(number: int) -> bool:
        if not 0 <= number < len(owner):
            return False
        at = owner[number]
        return (root <= at < end[root] and not aside[at]) or (top >= 0 and top <= at < end[top])

    sources: list[int] = []
    """Where each block starts in the source, read for the first picture asked about."""

    def story_beside(picture: Element) -> bool:
        """Whether the block just before *picture* in the source, or just after it, is the story's."""
        if not sources:
            sources.extend(article.source_offset(block.start) for block in page.blocks)
        after = bisect.bisect_right(sources, article.element_span(picture)[0])
        return story_at(after - 1) or story_at(after)

    i = root + 1
    while i < end[root]:
        if i in excluded:
            i = end[i]
        elif not page.block_chars[i]:
            if not story_at(bisect.bisect_left(standing, i) - 1) and not story_at(bisect.bisect_left(standing, end[i])):
                excluded.add(i)
            i = end[i]  # no text inside: nothing more to judge there
        elif story_chars[end[i]] == story_chars[i]:
            if not any(map(story_beside, _pictures(page, i, aside))):
                excluded.add(i)
            i = end[i]
        else:
            i += 1


def _pictures(page: _Page, i: int, aside: bytearray) -> Iterator[Element]:
    """The pictures in element *i*'s subtree outside what is set aside."""
    for picture in page.elements[i].iter(*_PICTURE_TAGS):
        if not aside[page._container_of(picture)]:
            yield picture


_PICTURE_TAGS = ("img", "picture")


def _named_controls(root: Element) -> Iterator[Element]:
    """The links, buttons and frames inside *root* that their own names make the
    template's beyond doubt ("a.resp-sharing-button", "a.navigation.right",
    "iframe#ad-slot"), with what they hold: phrasing, no container, so no
    text of the body goes with them, but the rules about markup no longer
    read them as the article's. A picture's own name is not read: a story's
    photo may be named for the share button laid over it ("img-share"), and
    a lightbox or pop-up that a link opens shows the story's picture."""
    for element in root.iter(*_CONTROL_TAGS):
        klass, ident = element.get("class"), element.get("id")
        if klass or ident:  # most links are named by neither
            kind, certain, _ = _naming(f"{klass} {ident}" if klass and ident else klass or ident or "")
            if certain and kind in _CONTROL_KINDS:
                yield element


# The phrasing elements whose names are read, and the kinds that make them the site's own controls.
_CONTROL_TAGS = ("a", "button", "iframe")
_CONTROL_KINDS = frozenset({"navigation", "share", "advertising", "consent", "related", "comments"})


def _members(page: _Page, root: int, excluded: set[int]) -> set[int]:
    """Indices of the elements of the root's subtree outside the excluded subtrees."""
    inside = {root}
    i = root + 1
    while i < page.end[root]:
        if i in excluded:
            i = page.end[i]
            continue
        inside.add(i)
        i += 1
    return inside


# -- the headline ---------------------------------------------------------------------------------

_TITLE_SEPARATORS = on_use(r"\s+[|\-–—:·•»/]\s+")
_NOT_WORD = on_use(r"[\W_]+")


def _opening_h1(article: Article) -> Element | None:
    """A fragment's headline: an ``<h1>`` that opens it."""
    first = article.blocks[0] if article.blocks else None
    return first.element if first is not None and first.element.tag == "h1" else None


def _titled_headings(
    article: Article, page: _Page, declared: dict[str, list[str]]
) -> list[tuple[tuple[float, int, bool], Heading]]:
    """The headings whose text is like a title the page declares, with how alike
    (the share of words in common, rounded; then how many words, so that the
    story's title wins over a site name that a part of ``<title>`` repeats; then
    whether it is an ``<h1>``), most alike first, then in document order."""
    titles = [set(title.split()) for title in _declared_titles(article, declared)]
    ranked: list[tuple[tuple[float, int, bool], Heading]] = []
    for heading in article.headings:
        if heading.element not in page.index:
            continue
        words = set(_normal(heading.text).split())
        if not words or not titles:
            continue
        similarity, common = _likeness(words, titles)
        if similarity >= 0.5:
            ranked.append(((similarity, common, heading.level == 1), heading))
    ranked.sort(key=lambda item: item[0], reverse=True)  # stable: document order among the equally alike
    return ranked


def _titling_h1(article: Article, page: _Page, declared: dict[str, list[str]]) -> Element | None:
    """The page's one ``<h1>``, when it is like the title the page declares for
    the story alone (see :func:`_story_titles`): the headline, though a
    subheading says the title's words in fewer ("FAQs about health and
    nutrition trends" under "Top 10 Health and Nutrition Trends to Watch")."""
    h1s = [heading for heading in article.headings if heading.level == 1 and heading.element in page.index]
    if len(h1s) != 1:
        return None
    words = set(_normal(h1s[0].text).split())
    titles = [set(title.split()) for title in _story_titles(article, declared)]
    if not words or not titles:
        return None
    similarity, common = _likeness(words, titles)
    return h1s[0].element if similarity >= _TITLING_H1_LIKENESS and common >= 2 else None


# How like the story's title the page's one <h1> is, at least, to be its headline.
_TITLING_H1_LIKENESS = 0.3


def _likeness(words: set[str], titles: list[set[str]]) -> tuple[float, int]:
    """How like the most alike of *titles* a heading of these *words* is: the
    share of words in common, rounded, then how many."""
    return max((round(len(words & title) / max(len(words), len(title)), 1), len(words & title)) for title in titles)


def _find_headline(
    page: _Page,
    titled: list[tuple[tuple[float, int, bool], Heading]],
    headings: Sequence[Heading],
    root: int,
    titling_h1: Element | None,
) -> Element | None:
    """The heading that titles the story: the page's one ``<h1>`` like the
    story's title (see :func:`_titling_h1`); else, of the headings most like
    the declared title, the nearest the body; else the ``<h1>`` nearest the body."""
    if titling_h1 is not None:
        return titling_h1
    if titled:
        return max(titled, key=lambda item: (item[0], -abs(page.index[item[1].element] - root)))[1].element
    h1s = [h for h in headings if h.level == 1 and h.element in page.index]
    if h1s:
        return min(h1s, key=lambda h: abs(page.index[h.element] - root)).element
    return None


def _declared_titles(article: Article, declared: dict[str, list[str]]) -> set[str]:
    """What the page declares as its title, normalised: the story's titles
    (see :func:`_story_titles`), ``<title>``, and its first and its longest
    part (the others name the site)."""
    titles = _story_titles(article, declared)
    if article.title:
        parts = _TITLE_SEPARATORS.split(article.title)
        titles.update(normal for normal in map(_normal, (article.title, parts[0], max(parts, key=len))) if normal)
    return titles


def _story_titles(article: Article, declared: dict[str, list[str]]) -> set[str]:
    """The story's title as the page declares it for the story alone:
    ``og:title``, ``twitter:title`` and JSON-LD ``headline`` (in *declared*),
    normalised (not ``<title>``, where the site's name stands beside it)."""
    titles = [
        meta.get("content") or ""
        for meta in article.tree.iter("meta")
        if (meta.get("property") or meta.get("name") or "").lower() in ("og:title", "twitter:title")
    ]
    titles.extend(declared["headline"])
    return {normal for normal in map(_normal, titles) if normal}


def _normal(text: str) -> str:
    """*text* for comparison: lower case, words only, no soft hyphens."""
    return " ".join(_NOT_WORD.sub(" ", text.replace("\xad", "").casefold()).split())


def _json_ld_values(article: Article, *keys: str) -> dict[str, list[str]]:
    """The string values of each of *keys* anywhere in the page's JSON-LD scripts."""
    values: dict[str, list[str]] = {key: [] for key in keys}
    for script in article.tree.iter("script"):
        text = script.text
        if not text or not any(f'"{key}"' in text for key in keys):
            continue
        if (script.get("type") or "").strip().lower() != "application/ld+json":
            continue
        try:
            data = json.loads(text)
        except (ValueError, RecursionError):  # not JSON, or nested deeper than the parser goes
            continue
        stack = [data]
        while stack:
            item = stack.pop()
            if isinstance(item, dict):
                for key in keys:
                    value = item.get(key)
                    if isinstance(value, str):
                        values[key].append(value)
                stack.extend(v for v in item.values() if isinstance(v, dict | list))
            elif isinstance(item, list):
                stack.extend(item)
    return values
