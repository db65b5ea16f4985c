"""The blocks at the story's edges that are not its body's prose: the rest of its header, the
captions, headings over nothing, publishers' notes before and after the story, and the boxes that
close it."""

from __future__ import annotations

import bisect
import re
from collections import Counter
from typing import TYPE_CHECKING

from ...regex import on_use
from ..layout import HEADING_LEVELS, PARAGRAPH_KINDS, Block, visible_text
from ..tree import Element

if TYPE_CHECKING:
    from ..article import Article

from .page import _leads_away, _Page
from .wording import (
    _CAPTION_LENGTH,
    _DATELINE_LENGTH,
    _NAMED_DATE,
    _NUMERIC_DATE,
    _PICTURE_NAME,
    _POINTER,
    _POINTER_LENGTH,
    _SENTENCE_END,
    _WRAPPERS,
    _holds_a_picture,
    _in_caption,
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


def _without_labels_over_headline(
    page: _Page, blocks: list[Block], root: int, headline: Element | None, left_out: list[Block]
) -> list[Block]:
    """*blocks* without the short lines written straight into the root above the
    story's headline (see :func:`_set_apart`): a section's name over the title
    ("Learn", "Pétition"), a skip link, a trail of breadcrumbs. What stands
    above the headline in an element of its own is set aside with it (see
    :func:`~.root._widen_to_headline`); these lines have none but the root.
    A line that ends as a sentence does is the story's prose, and stays."""
    at = page.index.get(headline, -1) if headline is not None else -1
    if at <= root or not page.inside(at, root) or page.first_block[at] < 0:
        return blocks
    top = page.blocks[page.first_block[at]].start
    held: list[Block] = []
    for block in blocks:
        if block.start >= top:
            break
        if (
            page.index.get(block.element, -1) == root
            and block.end - block.start < _DATELINE_LENGTH
            and _SENTENCE_END.search(page.text, block.start, block.end) is None
        ):
            held.append(block)
    return _set_apart(blocks, held, left_out)


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
    unlike the children that hold the story's paragraphs and unlike each
    other, and holding no list, table or recipe (the story's own parts, set
    in a box of their own). Boxes made alike, :data:`_SERIES` or more, are a
    series of the story's own entries (the questions of its FAQ, its
    footnotes), unless one opens with a link to another page (teasers of
    other stories): a site appends one box of each kind. At least
    :data:`_BOX_PARAGRAPHS` paragraphs must stand directly in that element:
    where the story is in boxes itself, nothing goes."""
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
    alike = Counter(_shape(page, child) for child in boxes)
    if max(alike.values()) >= _SERIES:
        for child in boxes:
            if _opens_with_a_link_away(page.elements[child]):
                alike[_shape(page, child)] = 0  # other pages' teasers: the site's
        story_names.update(shape for shape, boxed in alike.items() if boxed >= _SERIES)
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


def _opens_with_a_link_away(box: Element) -> bool:
    """Whether *box*'s first link points to another page and no text comes
    before it: a teaser, its picture or title linked to the story it points
    to (a footnote opens with a link back to its mark, an answer with words).
    A link to a place on a page ("…/post#footnote-anchor-1", the page's own
    address written out) is a footnote's, not a teaser's."""
    link = next((a for a in box.iter("a") if a.get("href")), None)
    if link is None or not _leads_away(link) or "#" in (link.get("href") or ""):
        return False
    node = link
    while node is not box:
        up = node.getparent()
        if up is None or (up.text and up.text.strip()):
            return False
        if any(
            visible_text(before) or (before.tail and before.tail.strip())
            for before in node.itersiblings(preceding=True)
        ):
            return False
        node = up
    return True


def _shape(page: _Page, i: int) -> tuple[str, str]:
    """Element *i*'s tag and class: how it is made."""
    element = page.elements[i]
    return str(element.tag), element.get("class") or ""


# What may follow the story's paragraphs in a box of its own and go (see :func:`_without_trailing_boxes`).
_BOX_TAGS = frozenset({"div", "aside"})
_BOX_TEXT = 1000
_BOX_PARTS = frozenset({"list-item", "cell"})
_BOX_PARAGRAPHS = 3
_SERIES = 3


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
    r"|werden sie mitglied|become a member|hazte (?:miembro|socio)|únete a"
    r"|\bjoin (?:us|now|the conversation|the discussion)\b"
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
# byline's label, a link back, an advertisement's label; or the whole line
# that labels the readers' comments ("Kommentare", "3 Comments", "Commentaires (2)").
_NOTE_LINE = on_use(
    r"\W*(?:(?:von|by|par|por|autor|author|text|texto) ?:|(?:zurück|back to|retour|volver|torna)\b"
    r"|(?:anzeige|werbung|advertisement|publicidad|publicité|sponsored)\b"
    r"|(?:\d+ )?(?:leser)?(?:kommentare|comments|commentaires|comentarios|commenti|komentarze|reacties)"
    r"(?: ?\(\d+\))?\W*$)",
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
