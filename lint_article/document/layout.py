"""The text layout: what a reader sees of the tree, in blocks, with its source map.

One walk over the repaired tree lays out the visible text, block by block, as
a browser shows it (white space collapsed, hidden content left out) and
records where each piece of text comes from in the source, so that any span of
the text maps back to a line and column. This module holds the one definition
of what is visible and of what a block of prose is.
"""

from __future__ import annotations

import bisect
import collections
import html
import itertools
import re
from array import array
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass
from typing import overload

from ..regex import on_use
from . import scan
from .tree import Element

HEADING_LEVELS = {"h1": 1, "h2": 2, "h3": 3, "h4": 4, "h5": 5, "h6": 6}

# Which elements start a block of text, and what kind of block it is. Any other
# block-level element gathers the text written directly inside it as "block".
BLOCK_KINDS = {
    **dict.fromkeys(HEADING_LEVELS, "heading"),
    "p": "paragraph",
    "li": "list-item",
    "dt": "list-item",
    "dd": "list-item",
    "blockquote": "quote",
    "td": "cell",
    "th": "cell",
    "caption": "caption",
    "figcaption": "caption",
    "pre": "preformatted",
    "xmp": "preformatted",
    "plaintext": "preformatted",
}
PARAGRAPH_KINDS = frozenset({"paragraph", "block"})
"""The kinds of block that are the writer's paragraphs: a ``<p>``, or text written directly in a container."""
PROSE_KINDS = PARAGRAPH_KINDS | {"quote", "list-item"}
"""The kinds of block that hold running prose (not headings, captions, cells or code)."""
CONTAINERS = frozenset(
    {
        "html", "body", "address", "article", "aside", "center", "details", "dialog", "dir",
        "div", "dl", "fieldset", "figure", "footer", "form", "header", "hgroup", "hr", "legend",
        "listing", "main", "menu", "nav", "ol", "search", "section", "summary", "table", "tbody", "tfoot",
        "thead", "tr", "ul", "frameset", "frame", "option", "select", "textarea",
    }
)  # fmt: skip
INVISIBLE = frozenset(
    {"head", "title", "script", "style", "template", "noscript", "iframe", "object", "embed", "noembed",
     "noframes", "datalist", "param", "source", "track", "area", "map", "rp", "rt", "rtc", "audio", "video",
     "textarea", "select"}
)  # fmt: skip
"""Elements whose content a reader never sees as text (``<title>`` in the body too:
browsers' style sheets hide it, and SVG's; what an ``<audio>`` or ``<video>``
holds is for browsers that cannot play it, "Your browser does not support the
video tag." and a link to the file, where the others show their player), or
never reads as part of it: a form field's value (a ``<textarea>``'s: an embed
code to copy, a script's template, a comment's draft) and a menu's choices (a
``<select>``'s two hundred countries), which Readability removes too; a ruby's
reading (``<rt>``, ``<rtc>``) is set small above the characters it spells, and
``<rp>`` holds the parentheses that only a browser without ruby shows. Counted,
a Japanese story's readings would swell its characters and break its words:
``<ruby>子<rt>こ</rt></ruby>ども`` reads 子ども, not 子こども."""
HIDDEN_STYLE = on_use(r"display\s*:\s*none|visibility\s*:\s*hidden", re.IGNORECASE)
_NON_SPACE = on_use(r"\S+")
_DROPPABLE = on_use("[\xad\ufffd]")
"""A soft hyphen, or U+FFFD (a NUL of the source, which a browser drops, became one)."""
_SPACE_RUN = on_use(r"\s\s")
_OTHER_SPACE = on_use(r"[^\S ]")
_STRETCH = on_use(r"\S+(?:\s\S+)*")
"""Words parted by one white-space character each."""
_ENTITY = on_use(r"&(?:#[0-9]+;?|#[xX][0-9a-fA-F]+;?|[A-Za-z][A-Za-z0-9]*;?)")
# How many text runs a text node joined from several may start after the last
# one placed, and how many with more than white space, or in all, it may span.
_RUN_LOOKAHEAD = 32
_RUN_SPAN = 4096
# How many text runs with more than white space a text node's run is looked
# for among, after the last one placed, before every run is keyed by its text.
_RUN_SEARCH = 32
# How many pieces of text the layout joins into one chunk of the text.
_CHUNK_PIECES = 4096

BLOCK_SEPARATOR = "\n\n"
SOFT_HYPHEN = "\xad"
"""Shown only where a browser breaks a word at it: never part of the text."""
QUOTING_TAGS = frozenset({"code", "kbd", "samp", "tt", "q"})
"""Inline elements that quote rather than write, whose text span is recorded:
rules ask whether a passage lies inside one."""
# A decimal character reference too long to name a character (U+10FFFF has 7
# digits); html.unescape would hand its digits to int(), which refuses more than 4,300.
_LONG_DECIMAL_REFERENCE = on_use(r"&#([0-9]{8,})(;?)")


@dataclass(frozen=True, slots=True)
class Block:
    """A run of visible text that a reader sees as one unit."""

    kind: str
    """``heading``, ``paragraph``, ``list-item``, ``quote``, ``cell``, ``caption``,
    ``preformatted`` or ``block`` (text written directly inside a container)."""
    element: Element
    start: int
    """Offset of the block's first character in :attr:`Article.text`."""
    end: int


@overload
def visible_text(element: Element) -> str: ...
@overload
def visible_text(element: Element, most: int) -> str | None: ...
def visible_text(element: Element, most: int | None = None) -> str | None:
    """The text a reader sees inside *element*, white space collapsed; with
    *most*, None once the walk has passed that many characters or elements: a
    question about a block's element ("does it show only this line?") is
    answered without reading the rest of the page nested inside it."""
    if most is None and not len(element) and isinstance(element.tag, str):
        # Most links hold their text alone: no walk, no pieces to join.
        text = element.text
        return " ".join(text.replace(SOFT_HYPHEN, "").split()) if text and not is_hidden(element) else ""
    parts: list[str] = []
    stack: list[tuple[Element, bool]] = [(element, False)]
    bounded, budget = most is not None, most or 0  # the elements and characters still to pass
    while stack:
        el, tail_only = stack.pop()
        if tail_only:
            if el.tail:
                parts.append(el.tail)
                budget -= len(el.tail)
        else:
            if el is not element:
                stack.append((el, True))
            budget -= 1
            # A comment's tail is text, its content is not; a hidden element shows nothing.
            if isinstance(el.tag, str) and not is_hidden(el):
                if el.text:
                    parts.append(el.text)
                    budget -= len(el.text)
                stack.extend((child, False) for child in reversed(el))
        if bounded and budget < 0:
            return None
    return " ".join("".join(parts).replace(SOFT_HYPHEN, "").split())


class Layout:
    """Walks the tree once and lays its visible text out in blocks."""

    def __init__(
        self,
        source: str,
        runs: scan.TextRuns,
        tags: Mapping[Element, scan.StartTag],
        nuls: frozenset[int] = frozenset(),
    ) -> None:
        self._source = source
        self._nuls = nuls
        self._run_starts, self._run_ends = runs.starts, runs.ends
        self._run_cursor = 0
        self._used = bytearray(len(runs))
        """1 for each run that a text node was found in (a byte a run, not a set of int objects)."""
        self._runs_by_text: dict[str, list[int]] | None = None
        """The runs of each text, made the first time a text node is not among
        the runs just ahead of the cursor (see :meth:`_find_run`); most pages never need it."""
        self._keyed_runs: array[int] = array("i" if len(runs) < 2**31 else "q")
        """Indices of the runs that hold more than white space (made with :attr:`_runs_by_text`)."""
        self._tags = tags
        self._parts: list[str] = []
        """The pieces of text laid out since the last chunk was joined."""
        self._chunks: list[str] = []
        """The text laid out before, joined a few thousand pieces at a time: the
        pieces of a long page (a str object for each word or text node, many
        of them copies) would otherwise all be alive at the final join."""
        self._size = 0
        self.blocks: list[Block] = []
        self.headings: list[Element] = []
        self.heading_blocks: array[int] = array("i")
        """The index in :attr:`blocks` of each block of a heading: most pages
        have few, and a page of headings needs no pass over all its blocks."""
        self.text_spans: dict[Element, tuple[int, int]] = {}
        """Text offsets [start, end) of the elements that carry the attribute walk() tracks."""
        # The source map: where each segment of the text starts, in the text and
        # in the source; two columns of machine integers, not two int objects a
        # segment (a long page has a segment for most of its text nodes).
        typecode = "i" if len(source) < 2**30 else "q"  # text offsets too: the text is never twice the source
        self.segment_text_starts: array[int] = array(typecode)
        self.segment_source_starts: array[int] = array(typecode)
        self._block_element: Element | None = None
        self._block_kind = "block"
        self._block_start = -1
        self._pending_space = False

    @property
    def size(self) -> int:
        """The characters laid out so far."""
        return self._size

    def text(self) -> str:
        self._switch_block(None, "block")
        self._join_pieces()
        return "".join(self._chunks)

    def _join_pieces(self) -> None:
        """Join the pieces laid out since the last chunk into one."""
        self._chunks.append("".join(self._parts))
        self._parts.clear()

    def walk(
        self, root: Element, tracked_attribute: str | None = None, hidden_by_style: frozenset[Element] = frozenset()
    ) -> None:
        """Lay out the text below *root*, recording the text span of every
        element that has *tracked_attribute*; the elements *hidden_by_style*
        (by the page's style sheets) are hidden as the attributes hide others."""
        # Iterative: articles nest a thousand levels deep, Python recursion does
        # not. lxml hands out the elements in document order (comments too), at
        # C speed; an element is left when the next one is not inside it. A step
        # an element, so what is done for each is kept to a few look-ups (a page
        # has thousands, most of them without text of their own).
        hidden = _frameset_parts(root) | hidden_by_style
        block_stack: list[tuple[Element, str]] = [(root, "block")]
        entered: list[tuple[Element, str]] = []
        """The elements entered and not yet left, with their tags (empty for one
        not shown): the ancestors of the next one, or an element passed over."""
        text_spans = self.text_spans
        add_text = self._add_text
        elements = root.iter()
        for el in itertools.chain(elements, (None,)):  # None: the end, where every element is left
            parent = el.getparent() if el is not None else None
            while entered and entered[-1][0] is not parent:
                left, tag = entered.pop()
                if tag in _BLOCK_TAGS:
                    block_stack.pop()
                    self._switch_block(*block_stack[-1])
                if text_spans and left in text_spans:
                    text_spans[left] = (text_spans[left][0], self._size)
                if tag == "br":
                    self._pending_space = True
                tail = left.tail
                if tail:
                    if tail.isspace():
                        self._pending_space = True
                    else:
                        add_text(tail, entered[-1][0] if entered else left.getparent())
            if el is None:
                break
            tag = el.tag
            if tag.__class__ is not str or _hides(el, tag) or el in hidden:
                # A comment, a processing instruction or a hidden element: only
                # its tail is shown (once it is left), what lies inside is passed over.
                if len(el):
                    collections.deque(itertools.islice(elements, sum(1 for _ in el.iter()) - 1), maxlen=0)
                entered.append((el, ""))
            else:
                if tag in HEADING_LEVELS:
                    self.headings.append(el)
                if tag in _BLOCK_TAGS:
                    kind = BLOCK_KINDS.get(tag, "block")
                    block_stack.append((el, kind))
                    self._switch_block(el, kind)
                if tag in QUOTING_TAGS or (tracked_attribute is not None and el.get(tracked_attribute) is not None):
                    text_spans[el] = (self._size, self._size)
                entered.append((el, tag))
                text = el.text
                if text:
                    if text.isspace():
                        self._pending_space = True
                    else:
                        add_text(text, el)

    def _switch_block(self, element: Element | None, kind: str) -> None:
        """Close the open block, if any: the next text opens one of *element*
        (None: the layout is done). One call, not two: a page switches blocks
        at each of thousands of elements."""
        if self._block_start >= 0 and self._block_element is not None:
            if self._block_kind == "heading":
                self.heading_blocks.append(len(self.blocks))
            self.blocks.append(Block(self._block_kind, self._block_element, self._block_start, self._size))
        self._block_start = -1
        self._pending_space = False
        self._block_element = element
        self._block_kind = kind

    def _add_text(self, text: str, owner: Element | None) -> None:
        """Lay out *text* (not only white space), written inside *owner*."""
        stripped = text.strip()
        lead = len(text) - len(text.lstrip())
        where = self._locate(text, stripped, lead, owner)
        nuls = self._nuls if self._nuls and "\ufffd" in text and not _in_foreign_content(owner) else None
        if nuls is not None or SOFT_HYPHEN in text:
            offsets = _offset_function(where)
            drops = [
                i
                for i in (match.start() for match in _DROPPABLE.finditer(text))
                if text[i] == SOFT_HYPHEN or (nuls is not None and offsets(i) in nuls)
            ]
            if drops:
                # A NUL of the source, which a browser drops from the text; a
                # soft hyphen, where a browser may break a long word, and shows
                # nothing unless it does: the word reads whole ("Ita&shy;li&shy;ens").
                # Where the text has character references, each word is mapped from its own start.
                self._add_without(text, offsets, drops, _STRETCH if isinstance(where, int) else _NON_SPACE)
                return
        if isinstance(where, int):  # an offset: a NUL or a soft hyphen never changed the text
            # Printable text has no white space but the plain space: two str
            # methods then answer what the two patterns would (most text nodes).
            plain = stripped.isprintable()
            if ("  " not in stripped) if plain else not _SPACE_RUN.search(stripped):
                stretches: Iterable[tuple[int, str]] = ((lead, stripped),)  # most text nodes
            else:
                stretches = ((match.start(), match.group()) for match in _STRETCH.finditer(text))
            for start, stretch in stretches:
                # Every gap in a stretch is one white-space character: one
                # segment maps the whole stretch, each gap becoming one space (a
                # million-word page makes a million segments otherwise, and
                # text wrapped over lines a segment a word).
                self._start_segment(start > 0, where + start)
                self._parts.append(stretch if plain else _OTHER_SPACE.sub(" ", stretch))
                self._size += len(stretch)
            self._pending_space = text[-1].isspace()
            return
        offsets = _offset_function(where)
        for match in _NON_SPACE.finditer(text):
            self._start_segment(match.start() > 0, offsets(match.start()))
            self._parts.append(match.group())
            self._size += match.end() - match.start()
            self._pending_space = False
        self._pending_space = text[-1].isspace()

    def _add_without(self, text: str, offsets: Callable[[int], int], drops: list[int], runs: re.Pattern[str]) -> None:
        """Lay out *text* less the characters at the indices *drops* (in order),
        which a reader never sees; *offsets* maps an index of *text* to its
        source offset. Each of the *runs* of words (stretches, see
        :meth:`_add_text`, or words) is laid out in the pieces between them,
        each mapped from its own first character, the pieces of a word joined."""
        emitted = False
        for match in runs.finditer(text):
            start, end = match.span()
            spaced, piece = start > 0, start
            for cut in itertools.chain(drops[bisect.bisect_left(drops, start) : bisect.bisect_left(drops, end)], [end]):
                raw = text[piece:cut]
                body = raw.strip()
                if body:
                    lead = len(raw) - len(raw.lstrip())
                    self._start_segment(spaced or lead > 0, offsets(piece + lead))
                    self._parts.append(body if body.isprintable() else _OTHER_SPACE.sub(" ", body))
                    self._size += len(body)
                    self._pending_space, spaced, emitted = False, raw[-1].isspace(), True
                elif raw:
                    spaced = True  # only white space between two of them
                piece = cut + 1
        last = len(text) - 1
        dropped = set(drops)
        while last >= 0 and last in dropped:
            last -= 1
        if last >= 0:  # the last character shown: white space, or the end of a word
            self._pending_space = text[last].isspace() or (self._pending_space and not emitted)

    def _start_segment(self, spaced: bool, source_offset: int) -> None:
        """Open a block if none is open, or put a space where the text had one;
        then record where the next characters come from."""
        # Checked at each segment, not as a block closes: one block may hold
        # every word of the page (text nested past the parser's depth limit).
        if len(self._parts) >= _CHUNK_PIECES:
            self._join_pieces()
        if self._block_start < 0:
            if self._size:
                self._parts.append(BLOCK_SEPARATOR)
                self._size += len(BLOCK_SEPARATOR)
            self._block_start = self._size
        elif self._pending_space or spaced:
            self._parts.append(" ")
            self._size += 1
        self.segment_text_starts.append(self._size)
        self.segment_source_starts.append(source_offset)

    def _locate(self, text: str, stripped: str, lead: int, owner: Element | None) -> int | Callable[[int], int]:
        """Where *text* (*stripped* is ``text.strip()``, *lead* the length of its
        leading white space) comes from in the source: the offset of its index 0,
        when each index lies that far after it (most text nodes, which then need
        no closure made for them), or a function from an index to its source offset.

        Text nodes come in document order and so, but for the rare node the
        parser moves, do the source's text runs: the node's run is the first run
        with the same text after the previous node's.
        """
        index = self._find_run(stripped)
        if index >= 0:
            self._used[index] = 1
            start = self._run_starts[index]
            raw = self._source[start : self._run_ends[index]]
            if "&" not in raw:
                return start + len(raw) - len(raw.lstrip()) - lead
            offsets = _decoded_offsets(raw, start)
            shift = len(offsets) - len(_unescape(raw).lstrip()) - lead
            last = len(offsets) - 1
            return lambda i: offsets[min(max(i + shift, 0), last)]
        joined = self._locate_across_runs(text)
        if joined is not None:
            end = len(joined) - 1
            return lambda i: joined[min(i, end)]
        anchor = self._anchor(owner)
        return lambda i: anchor

    def _find_run(self, stripped: str) -> int:
        """The index of the run whose text is *stripped*: the first such run after
        the cursor (then the cursor moves past it), else one of the last unused
        ones before it; -1 when no run has that text."""
        by_text = self._runs_by_text
        if by_text is None:
            # Mostly the run a node comes from lies a few runs ahead (past white
            # space, or text the layout leaves out): looked for there, no page
            # needs every run's text keyed. The first node not found there has
            # the runs keyed once, for it and every node after it.
            index = self._run_cursor
            starts, ends, source = self._run_starts, self._run_ends, self._source
            passed = 0
            while index < len(starts) and passed < _RUN_SEARCH:
                raw = source[starts[index] : ends[index]]
                if not raw.isspace():
                    if _run_key(raw) == stripped:
                        self._run_cursor = index + 1
                        return index
                    passed += 1
                index += 1
            by_text = self._runs_by_text = self._key_runs()
        candidates = by_text.get(stripped)
        if not candidates:
            return -1
        found = bisect.bisect_left(candidates, self._run_cursor)
        if found < len(candidates):
            index = candidates[found]
            self._run_cursor = index + 1
            return index
        # Text moved before its place in the source (foster parenting).
        return next((i for i in reversed(candidates[max(0, found - 8) : found]) if not self._used[i]), -1)

    def _key_runs(self) -> dict[str, list[int]]:
        """The runs of each text (for :attr:`_runs_by_text`); fills :attr:`_keyed_runs`."""
        by_text: dict[str, list[int]] = {}
        source = self._source
        for index, (start, end) in enumerate(zip(self._run_starts, self._run_ends, strict=True)):
            key = _run_key(source[start:end])
            if key:
                by_text.setdefault(key, []).append(index)
                self._keyed_runs.append(index)
        return by_text

    def _locate_across_runs(self, text: str) -> list[int] | None:
        """Source offsets of each character of *text* when it is several runs
        in a row: libxml2 joins the text on either side of an end tag it drops
        (``a</span>b`` with no ``<span>`` open). None when no such runs follow."""
        starts, ends, source = self._run_starts, self._run_ends, self._source
        body = text.strip()
        lead = len(text) - len(text.lstrip())
        after = bisect.bisect_left(self._keyed_runs, self._run_cursor)
        for first in self._keyed_runs[after : after + _RUN_LOOKAHEAD]:
            offsets: list[int] = []
            index = first
            words = 0
            while len(offsets) < len(body) and index < len(starts) and index - first < _RUN_SPAN:
                start, end = starts[index], ends[index]
                raw = source[start:end]
                if not raw.isspace():
                    words += 1
                    if words > _RUN_LOOKAHEAD:
                        break
                decoded = _unescape(raw) if "&" in raw else raw
                skip = len(decoded) - len(decoded.lstrip()) if index == first else 0
                piece = decoded[skip : skip + len(body) - len(offsets)]
                rest = decoded[skip + len(piece) :]
                if not body.startswith(piece, len(offsets)) or (rest and not rest.isspace()):
                    break
                where = _decoded_offsets(raw, start) if "&" in raw else range(start, end)
                offsets.extend(where[skip : skip + len(piece)])
                index += 1
            if index - first > 1 and len(offsets) == len(body):
                self._run_cursor = index
                self._used[first:index] = b"\x01" * (index - first)
                return [offsets[0]] * lead + offsets + [offsets[-1]] * (len(text) - lead - len(body))
        return None

    def _anchor(self, owner: Element | None) -> int:
        while owner is not None:
            tag = self._tags.get(owner)
            if tag is not None:
                return tag.end
            owner = owner.getparent()
        return 0


def _offset_function(where: int | Callable[[int], int]) -> Callable[[int], int]:
    """The function from an index to its source offset that :meth:`Layout._locate`'s answer stands for."""
    if isinstance(where, int):
        return lambda i: where + i
    return where


def _run_key(raw: str) -> str:
    """The text of a run as a text node of the tree holds it, stripped: how a node finds its run."""
    return (_unescape(raw) if "&" in raw else raw).strip()


def _unescape(raw: str) -> str:
    """*raw* with its character references decoded, as html.unescape decodes
    them: one past U+10FFFF, however long, is U+FFFD (as libxml2 and browsers read it)."""
    return html.unescape(_LONG_DECIMAL_REFERENCE.sub(_shortened_reference, raw))


def _shortened_reference(match: re.Match[str]) -> str:
    digits = match.group(1).lstrip("0") or "0"
    return f"&#{digits if len(digits) < 8 else 0x110000}{match.group(2)}"


def _decoded_offsets(raw: str, base: int) -> list[int]:
    """Source offset of each character of ``_unescape(raw)``."""
    offsets: list[int] = []
    pos = 0
    for match in _ENTITY.finditer(raw):
        offsets.extend(range(base + pos, base + match.start()))
        offsets.extend([base + match.start()] * len(_unescape(match.group())))
        pos = match.end()
    offsets.extend(range(base + pos, base + len(raw)))
    return offsets


# Where SVG and MathML hand back to HTML: text there follows HTML's rules.
_INTEGRATION_POINTS = frozenset({"foreignobject", "desc", "title", "mi", "mo", "mn", "ms", "mtext", "annotation-xml"})


def _in_foreign_content(element: Element | None) -> bool:
    """True when text in *element* is SVG or MathML text (where a browser shows
    a NUL as U+FFFD instead of dropping it)."""
    while element is not None:
        tag = element.tag
        if tag in ("svg", "math"):
            return True
        if tag in _INTEGRATION_POINTS:
            return False
        element = element.getparent()
    return False


def _frameset_parts(root: Element) -> set[Element]:
    """A frameset page's ``<frameset>`` and the ``<body>`` that libxml2 adds after
    it: a browser shows the frames, never text written around them."""
    parts: set[Element] = set()
    for child in root.iterchildren("frameset", "body"):
        if child.tag == "frameset" or parts:
            parts.add(child)
    return parts


_NESTED_VOID_ELEMENTS = scan.NESTED_VOID_ELEMENTS
_BLOCK_TAGS = frozenset(BLOCK_KINDS) | CONTAINERS
"""The elements that start a block of text."""


def is_hidden(el: Element) -> bool:
    return _hides(el, el.tag)  # read once: lxml makes the string anew at each read


def _hides(el: Element, tag: object) -> bool:
    """True when *el*, whose tag is *tag*, is hidden."""
    if tag in _NESTED_VOID_ELEMENTS:
        return False  # void: what lies inside was nested there by libxml2
    if tag in INVISIBLE or el.get("hidden") is not None:
        return True
    style = el.get("style")
    return bool(style and HIDDEN_STYLE.search(style))
