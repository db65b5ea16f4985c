"""The document model: an HTML article parsed once, with every view a rule needs.

An :class:`Article` holds the lxml tree, the visible text split into blocks,
the headings, and (computed on first use) the sentences and words. Every piece
of text maps back to its line and column in the source, so a rule reports
where a reader would look, and no rule ever parses or tokenises on its own.
"""

from __future__ import annotations

import bisect
import html
import re
from collections import Counter, deque
from collections.abc import Callable, Hashable, Iterator, Sequence
from dataclasses import dataclass
from functools import cached_property
from typing import Any, NamedTuple, TypeVar, cast

from lxml import etree

from . import markup
from .decoding import decode_html
from .text import WORD, sentence_spans

HEADING_LEVELS = {"h1": 1, "h2": 2, "h3": 3, "h4": 4, "h5": 5, "h6": 6}

# Which elements start a block of text, and what kind of block it is. Any other
# block-level element gathers the text written directly inside it as "block".
_BLOCK_KINDS = {
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
_CONTAINERS = frozenset(
    {
        "html", "body", "address", "article", "aside", "center", "details", "dialog", "dir",
        "div", "dl", "fieldset", "figure", "footer", "form", "header", "hgroup", "hr", "legend",
        "listing", "main", "menu", "nav", "ol", "search", "section", "summary", "table", "tbody", "tfoot",
        "thead", "tr", "ul", "frameset", "frame", "option", "select", "textarea",
    }
)  # fmt: skip
# Content that a reader never sees as article text (``<title>`` in the body too:
# browsers' style sheets hide it, and SVG's).
_INVISIBLE = frozenset(
    {"head", "title", "script", "style", "template", "noscript", "iframe", "object", "embed", "noembed",
     "noframes", "datalist", "param", "source", "track", "area", "map"}
)  # fmt: skip
# What may stand inside a table outside its cells; anything else, text or
# element, a browser moves out in front of the table ("foster parenting").
_TABLE_SECTIONS = frozenset({"table", "tbody", "thead", "tfoot", "tr"})
_TABLE_CONTENT = frozenset(
    {"tbody", "thead", "tfoot", "tr", "td", "th", "caption", "colgroup", "col", "script", "style", "template",
     "table"}
)  # fmt: skip
_TABLE_PARTS = _TABLE_CONTENT - {"script", "style", "template", "table"}
_CONTENT_TAGS = frozenset({"article", "main"})
_HIDDEN_STYLE = re.compile(r"display\s*:\s*none|visibility\s*:\s*hidden", re.IGNORECASE)
_NON_SPACE = re.compile(r"\S+")
_SPACE_RUN = re.compile(r"\s\s")
_NUL = re.compile("\x00")
_NOT_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff\ud800-\udfff]")
# How many text runs a text node joined from several may start after the last
# one placed, and how many with more than white space, or in all, it may span.
_RUN_LOOKAHEAD = 32
_RUN_SPAN = 4096
_OTHER_SPACE = re.compile(r"[^\S ]")
_LONE_CR = re.compile(r"\r\n?")
_ENTITY = re.compile(r"&(?:#[0-9]+;?|#[xX][0-9a-fA-F]+;?|[A-Za-z][A-Za-z0-9]*;?)")
# A decimal character reference too long to name a character (U+10FFFF has 7
# digits); html.unescape would hand its digits to int(), which refuses more than 4,300.
_LONG_DECIMAL_REFERENCE = re.compile(r"&#([0-9]{8,})(;?)")
# The parser drops everything nested deeper than about a thousand levels.
_MAX_PARSER_DEPTH = 1000

BLOCK_SEPARATOR = "\n\n"
SELECTOR_LEVELS = 64
"""The most levels a selector names; real pages nest 30 or 40 deep."""
SPAN_ATTRIBUTE = "data-lint-article-disable"
"""Elements with this attribute (suppression) get their text span recorded:
an inline ``<span>`` may silence part of a paragraph's words."""
QUOTING_TAGS = frozenset({"code", "kbd", "samp", "tt", "q"})
"""Inline elements that quote rather than write, whose text span is recorded
too: rules ask whether a passage lies inside one."""
T = TypeVar("T")


@dataclass(frozen=True, slots=True)
class Block:
    """A run of visible text that a reader sees as one unit."""

    kind: str
    """``heading``, ``paragraph``, ``list-item``, ``quote``, ``cell``, ``caption``,
    ``preformatted`` or ``block`` (text written directly inside a container)."""
    element: etree._Element
    start: int
    """Offset of the block's first character in :attr:`Article.text`."""
    end: int


@dataclass(frozen=True, slots=True)
class Heading:
    level: int
    text: str
    element: etree._Element
    line: int
    """1-based line of the heading's start tag in the source."""
    column: int


class Sentence(NamedTuple):
    start: int
    end: int
    block: int
    """Index of the sentence's block in :attr:`Article.blocks`."""


class Word(NamedTuple):
    text: str
    start: int
    end: int
    sentence: int
    """Index of the word's sentence in :attr:`Article.sentences`."""


class ArticleError(ValueError):
    """An article that is not parsed, because parsing it would take too long;
    the message says why and where."""


class Article:
    """An HTML article, parsed once. Build it with :meth:`from_html` (which
    raises :class:`ArticleError` for an element with more than
    :data:`~lint_article.markup.MAX_ATTRIBUTES` attributes)."""

    def __init__(self, source: str, *, encoding: str | None = None) -> None:
        self.source, nuls = _normalise(source)
        """The source text, newlines normalised to ``\\n`` (lines and columns are
        those of the original file)."""
        self.encoding = encoding
        self.lines = markup.LineIndex(self.source)
        scanned = markup.scan(self.source)
        if scanned.crowded is not None:
            offset, count = scanned.crowded
            line, column = self.lines.position(offset)
            raise ArticleError(
                f"an element with {count:,} attributes at line {line}, column {column}:"
                f" more than the {markup.MAX_ATTRIBUTES:,} an element may have"
            )
        parsed = self.source
        if scanned.max_depth > _MAX_PARSER_DEPTH:
            parsed = markup.flatten_deep(self.source, _MAX_PARSER_DEPTH)
            scanned = markup.scan(parsed)
        if scanned.ignored_end_tags:
            parsed = markup.blank(parsed, scanned.ignored_end_tags)
        self.is_fragment = not scanned.has_document_tags
        """True for a CMS body (no ``<html>``, ``<head>`` or ``<body>`` in the source)."""
        self.comments: tuple[tuple[int, int], ...] = tuple(scanned.comments)
        """Source spans of the comments, ``<!--`` to ``-->``, where suppression directives live."""
        self.tree = _parse(parsed)
        self._tags = _pair_elements(self.tree, scanned.tags, self.lines)
        # Once every element has its tag, mend the tree where libxml2 builds it
        # otherwise than a browser.
        _unnest_void_elements(self.tree)
        _foster_parent(self.tree)
        builder = _TextBuilder(parsed, scanned.texts, self._tags, nuls)
        builder.walk(self.tree, SPAN_ATTRIBUTE if SPAN_ATTRIBUTE in self.source else None)
        self.text = builder.text()
        """The visible text: blocks joined by a blank line, white space collapsed."""
        self.blocks: tuple[Block, ...] = tuple(builder.blocks)
        self.content, first, last = _content_region(self.tree, builder.regions, self.blocks)
        """The element that holds the article itself: on a full page the largest
        ``<article>``, else ``<main>``, else ``<body>``; in a fragment, its root."""
        self.content_blocks: tuple[Block, ...] = self.blocks[first:last]
        """The blocks inside :attr:`content`; prose views (sentences, words,
        paragraphs) read only these, so navigation and comments never count."""
        self.headings: tuple[Heading, ...] = tuple(
            Heading(
                HEADING_LEVELS[el.tag], self._element_text(el, builder), el, *self.position(self.element_span(el)[0])
            )
            for el in builder.headings
        )
        self._text_spans = builder.text_spans
        self._segment_text_starts = builder.segment_text_starts
        self._segment_source_starts = builder.segment_source_starts
        self._derived: dict[tuple[Any, ...], Any] = {}
        self._sibling_ranks: dict[etree._Element, dict[etree._Element, tuple[int, int]]] = {}

    @classmethod
    def from_html(cls, html_input: str | bytes) -> Article:
        """Parse *html_input*; bytes are decoded as a browser would decode them."""
        if isinstance(html_input, bytes):
            decoded = decode_html(html_input)
            return cls(decoded.text, encoding=decoded.encoding)
        return cls(html_input)

    # -- views -------------------------------------------------------------

    @cached_property
    def lang(self) -> str | None:
        """The article's language from ``<html lang>``, lower-cased (``en-gb``)."""
        for el in (self.tree, *self.tree.iter("body", "article", "main")):
            value = el.get("lang") or el.get("{http://www.w3.org/XML/1998/namespace}lang")
            if value and value.strip():
                return value.strip().lower().replace("_", "-")
        return None

    @cached_property
    def title(self) -> str | None:
        """The text of ``<title>``, if any."""
        for el in self.tree.iter("title"):
            text = " ".join("".join(str(t) for t in el.itertext()).split())
            if text:
                return text
        return None

    @cached_property
    def sentences(self) -> tuple[Sentence, ...]:
        """Sentences of the content blocks, never spanning two blocks."""
        result: list[Sentence] = []
        text = self.text
        for index, block in enumerate(self.blocks):
            if block.start < self._content_start or block.end > self._content_end:
                continue
            for start, end in sentence_spans(text[block.start : block.end]):
                result.append(Sentence(block.start + start, block.start + end, index))
        return tuple(result)

    @cached_property
    def words(self) -> tuple[Word, ...]:
        """Words of the content blocks in reading order, each tied to its sentence."""
        result: list[Word] = []
        text = self.text
        # One string object per distinct word: a long article repeats its words,
        # and a million copies of "the" cost 50 MB.
        spelled: dict[str, str] = {}
        for index, sentence in enumerate(self.sentences):
            for match in WORD.finditer(text, sentence.start, sentence.end):
                word = match.group()
                result.append(Word(spelled.setdefault(word, word), match.start(), match.end(), index))
        return tuple(result)

    @cached_property
    def paragraphs(self) -> tuple[Block, ...]:
        """The blocks that hold running prose: paragraphs, quotes, list items and loose text."""
        return tuple(b for b in self.content_blocks if b.kind in ("paragraph", "quote", "list-item", "block"))

    @cached_property
    def _content_start(self) -> int:
        return self.content_blocks[0].start if self.content_blocks else 0

    @cached_property
    def _content_end(self) -> int:
        return self.content_blocks[-1].end if self.content_blocks else 0

    def block_text(self, block: Block) -> str:
        return self.text[block.start : block.end]

    def block_at(self, text_offset: int) -> int:
        """Index of the block that contains *text_offset*."""
        starts = self._block_starts
        return max(0, bisect.bisect_right(starts, text_offset) - 1)

    @cached_property
    def _block_starts(self) -> list[int]:
        return [b.start for b in self.blocks]

    def words_in(self, start: int, end: int) -> Sequence[Word]:
        """The words that lie within text offsets [start, end)."""
        starts = self._word_starts
        return self.words[bisect.bisect_left(starts, start) : bisect.bisect_left(starts, end)]

    @cached_property
    def _word_starts(self) -> list[int]:
        return [w.start for w in self.words]

    def elements(self) -> Iterator[etree._Element]:
        """Every element in document order (no comments or processing instructions)."""
        return self.tree.iter(etree.Element)

    def derived(self, compute: Callable[..., T], *args: Hashable) -> T:
        """``compute(self, *args)``, computed once per article and shared by every
        rule that asks (readability scores feed both a rule and the stats)."""
        key = (compute, *args)
        if key not in self._derived:
            self._derived[key] = compute(self, *args)
        return cast(T, self._derived[key])

    # -- positions ---------------------------------------------------------

    def source_offset(self, text_offset: int) -> int:
        """The source offset of the character at *text_offset* in :attr:`text`."""
        starts = self._segment_text_starts
        if not starts:
            return 0
        index = max(0, bisect.bisect_right(starts, text_offset) - 1)
        return min(
            self._segment_source_starts[index] + max(0, text_offset - starts[index]),
            max(0, len(self.source) - 1),
        )

    def text_span(self, element: etree._Element) -> tuple[int, int] | None:
        """Offsets [start, end) in :attr:`text` of what *element* shows, for an
        element that carries :data:`SPAN_ATTRIBUTE` or is one of :data:`QUOTING_TAGS`
        (others: None)."""
        return self._text_spans.get(element)

    def element_span(self, element: etree._Element) -> tuple[int, int]:
        """Source offsets of *element*'s start tag; for an element the parser
        implied (no tag in the source), the start of its line or of its first child."""
        tag = self._tags.get(element)
        if tag is not None:
            return tag.start, tag.end
        for descendant in element.iter(etree.Element):
            tag = self._tags.get(descendant)
            if tag is not None:
                return tag.start, tag.start
        line = cast(int | None, element.sourceline)
        offset = self.lines.line_start(line) if line else 0
        return offset, offset

    def position(self, offset: int) -> tuple[int, int]:
        """1-based line and column of a source offset."""
        return self.lines.position(offset)

    def start_tag_source(self, element: etree._Element) -> str | None:
        """The start tag of *element* exactly as written, if the source has one."""
        tag = self._tags.get(element)
        return self.source[tag.start : tag.end] if tag else None

    def selector(self, element: etree._Element) -> str:
        """A CSS selector that finds *element* from the document's ``<body>``
        (or, for a fragment, from the fragment's container); for an element
        nested deeper than :data:`SELECTOR_LEVELS`, from that many levels up
        (a page of images nested a thousand deep would otherwise have a
        selector of 6 KB for each)."""
        parts: list[str] = []
        el: etree._Element | None = element
        while el is not None and el.tag not in ("body", "html") and len(parts) < SELECTOR_LEVELS:
            parent = el.getparent()
            tag = el.tag if isinstance(el.tag, str) else "*"
            if parent is None:
                parts.append(tag)
                break
            nth, of = self._nth_of_type(parent)[el]
            parts.append(f"{tag}:nth-of-type({nth})" if of > 1 else tag)
            el = parent
        if el is not None and el.tag == "html" and element.tag == "html":
            parts.append("html")
        return " > ".join(reversed(parts))

    def _nth_of_type(self, parent: etree._Element) -> dict[etree._Element, tuple[int, int]]:
        """For each child of *parent*: its rank among the children of its tag
        and their number; computed once per parent (a finding on each of 25,000
        sibling headings must not count the siblings 25,000 times)."""
        ranks = self._sibling_ranks.get(parent)
        if ranks is None:
            totals = Counter(child.tag for child in parent)
            seen: Counter[object] = Counter()
            ranks = {}
            for child in parent:
                seen[child.tag] += 1
                ranks[child] = (seen[child.tag], totals[child.tag])
            self._sibling_ranks[parent] = ranks
        return ranks

    def _element_text(self, element: etree._Element, builder: _TextBuilder) -> str:
        spans = builder.element_blocks.get(element, ())
        return " ".join(self.text[b.start : b.end] for b in spans)


def _content_region(
    root: etree._Element, regions: dict[etree._Element, tuple[int, int]], blocks: tuple[Block, ...]
) -> tuple[etree._Element, int, int]:
    """The content element and its block range: the ``<article>`` with the most
    text, else the ``<main>`` (or ``role=main``) with the most, else everything."""

    def text_size(span: tuple[int, int]) -> int:
        first, last = span
        return blocks[last - 1].end - blocks[first].start if last > first else 0

    articles = [el for el in regions if el.tag == "article"]
    mains = [el for el in regions if el.tag != "article"]
    for tier in (articles, mains):
        size, best = max(((text_size(regions[el]), el) for el in tier), key=lambda c: c[0], default=(0, None))
        if best is not None and size > 0:
            return best, *regions[best]
    body = next(root.iter("body"), root)
    return body, 0, len(blocks)


def _normalise(source: str) -> tuple[str, frozenset[int]]:
    """The source with CR LF and lone CR made LF (the HTML standard does the
    same), so lines are counted as editors count them; and NUL, at which libxml2
    would cut the text, made U+FFFD. Also the offsets of those NULs: a browser
    shows no NUL of the text (it shows U+FFFD in an attribute)."""
    source = _LONE_CR.sub("\n", source) if "\r" in source else source
    if "\x00" not in source:
        return source, frozenset()
    nuls = frozenset(match.start() for match in _NUL.finditer(source))
    return source.replace("\x00", "\ufffd"), nuls


def _parse(source: str) -> etree._Element:
    parser = etree.HTMLParser(  # type: ignore[call-arg]  # lxml-stubs lags behind lxml
        encoding="utf-8", huge_tree=True, remove_comments=False, no_network=True, default_doctype=False
    )
    # Bytes with an explicit encoding: a <meta charset> inside the text must not
    # make the parser decode it a second time.
    root = etree.fromstring(source.encode("utf-8", errors="surrogatepass"), parser)
    if root is None:
        root = etree.fromstring(b"<html><body></body></html>", parser)
    return root


def _pair_elements(
    root: etree._Element, tags: list[markup.StartTag], lines: markup.LineIndex
) -> dict[etree._Element, markup.StartTag]:
    """Match each element to the start tag it was built from.

    Tags are taken in source order, one queue per tag name. An element whose
    line lies before its queue's next tag was implied by the parser (it has no
    tag of its own); a tag whose line lies before the element's was dropped by
    the parser (a second ``<body>``, say) and is skipped.
    """
    queues: dict[str, deque[tuple[int, int, markup.StartTag]]] = {}
    for tag in tags:
        queues.setdefault(tag.name, deque()).append((lines.position(tag.start)[0], lines.position(tag.end - 1)[0], tag))
    paired: dict[etree._Element, markup.StartTag] = {}
    for el in root.iter(etree.Element):
        queue = queues.get(el.tag if isinstance(el.tag, str) else "")
        if not queue:
            continue
        line = cast(int | None, el.sourceline)
        if line is None or line >= 65535:
            # libxml2 stops counting lines there; trust the order alone.
            paired[el] = queue.popleft()[2]
            continue
        while queue and queue[0][1] < line:
            queue.popleft()
        if queue and queue[0][0] <= line:
            paired[el] = queue.popleft()[2]
    return paired


def _unnest_void_elements(root: etree._Element) -> None:
    """Move what libxml2 put inside an HTML5 void element out after it."""
    for el in list(root.iter(*markup.NESTED_VOID_ELEMENTS)):
        if el.text is None and not len(el):
            continue
        children = list(el)
        last_tail = children[-1].tail if children else None
        if not _writable(el.text, el.tail, last_tail):
            continue  # it stays nested, and visible: see _is_invisible
        text, tail = el.text, el.tail
        el.text = None
        last = el
        for child in children:
            last.addnext(child)
            last = child
        el.tail = text
        if tail:
            last.tail = (last.tail or "") + tail


def _writable(*texts: str | None) -> bool:
    """True when lxml accepts every one of *texts* as text; it refuses control
    characters that the parser itself lets through from the source."""
    return not any(text and _NOT_XML.search(text) for text in texts)


def _foster_parent(root: etree._Element) -> None:
    """Move text and elements that stand in a table outside its cells to just
    before the table, in their order, as a browser does (libxml2 leaves them
    in place)."""
    for table in list(root.iter("table")):
        parent = table.getparent()
        if parent is None:
            continue
        moved: set[etree._Element] = set()
        for item in _misplaced(table):
            if isinstance(item, tuple):
                node, attribute = item
                text = getattr(node, attribute)
                if node in moved or not text:  # the tail of a moved element moved with it
                    continue
                before = table.getprevious()
                target, slot = (before, "tail") if before is not None else (parent, "text")
                if not _writable(text, getattr(target, slot)):
                    continue  # the text stays where libxml2 put it
                setattr(target, slot, (getattr(target, slot) or "") + text)
                setattr(node, attribute, None)
            else:
                if item.tail and item.tail.isspace():
                    item.tail = None
                table.addprevious(item)
                moved.add(item)


def _misplaced(table: etree._Element) -> list[tuple[etree._Element, str] | etree._Element]:
    """The elements, and the text (as element and ``text`` or ``tail``), of
    *table* that belong before it, in document order."""
    misplaced: list[tuple[etree._Element, str] | etree._Element] = []
    if table.text and not table.text.isspace():
        misplaced.append((table, "text"))
    # Depth first in document order; a child's tail comes after its content.
    stack: list[tuple[Iterator[etree._Element], etree._Element]] = [(iter(table), table)]
    while stack:
        children, owner = stack[-1]
        child = next(children, None)
        if child is None:
            stack.pop()
            last: etree._Element | None = owner if owner is not table else None
        else:
            tag = child.tag
            is_section = tag in _TABLE_SECTIONS and tag != "table"
            if not is_section and isinstance(tag, str) and tag not in _TABLE_CONTENT:
                if not _holds_table_parts(child):
                    misplaced.append(child)
                    last = child
                else:
                    is_section = True  # <b><tr>...</tr></b>: the rows stay, the rest goes.
            else:
                last = child
            if is_section:
                if child.text and not child.text.isspace():
                    misplaced.append((child, "text"))
                stack.append((iter(child), child))
                continue
        if last is not None and last.tail and not last.tail.isspace():
            misplaced.append((last, "tail"))
    return misplaced


def _holds_table_parts(element: etree._Element) -> bool:
    """True when rows, cells or sections of the enclosing table lie inside *element*."""
    stack = list(element)
    while stack:
        el = stack.pop()
        if el.tag in _TABLE_PARTS:
            return True
        if el.tag != "table":
            stack.extend(el)
    return False


class _TextBuilder:
    """Walks the tree once and lays its visible text out in blocks."""

    def __init__(
        self,
        source: str,
        runs: list[markup.TextRun],
        tags: dict[etree._Element, markup.StartTag],
        nuls: frozenset[int] = frozenset(),
    ) -> None:
        self._source = source
        self._nuls = nuls
        self._runs = runs
        self._run_cursor = 0
        self._used: set[int] = set()
        self._runs_by_text: dict[str, list[int]] = {}
        self._keyed_runs: list[int] = []
        """Indices of the runs that hold more than white space."""
        for index, run in enumerate(runs):
            raw = source[run.start : run.end]
            key = (_unescape(raw) if "&" in raw else raw).strip()
            if key:
                self._runs_by_text.setdefault(key, []).append(index)
                self._keyed_runs.append(index)
        self._tags = tags
        self._parts: list[str] = []
        self._size = 0
        self.blocks: list[Block] = []
        self.headings: list[etree._Element] = []
        self.element_blocks: dict[etree._Element, list[Block]] = {}
        self.regions: dict[etree._Element, tuple[int, int]] = {}
        """Block index range [first, last) of each candidate content element."""
        self.text_spans: dict[etree._Element, tuple[int, int]] = {}
        """Text offsets [start, end) of the elements that carry the attribute walk() tracks."""
        self.segment_text_starts: list[int] = []
        self.segment_source_starts: list[int] = []
        self._block_element: etree._Element | None = None
        self._block_kind = "block"
        self._block_start = -1
        self._pending_space = False

    def text(self) -> str:
        self._close_block()
        return "".join(self._parts)

    def walk(self, root: etree._Element, tracked_attribute: str | None = None) -> None:
        """Lay out the text below *root*, recording the text span of every
        element that has *tracked_attribute* or is one of :data:`QUOTING_TAGS`."""
        # Iterative: articles nest a thousand levels deep, Python recursion does not.
        hidden = _frameset_parts(root)
        block_stack: list[tuple[etree._Element, str]] = [(root, "block")]
        stack: list[tuple[etree._Element, bool]] = [(root, False)]
        while stack:
            el, leaving = stack.pop()
            if leaving:
                if _is_block(el):
                    block_stack.pop()
                    self._switch_block(*block_stack[-1])
                if el in self.text_spans:
                    self.text_spans[el] = (self.text_spans[el][0], self._size)
                if el in self.regions:
                    self.regions[el] = (self.regions[el][0], len(self.blocks))
                elif el.tag == "br":
                    self._pending_space = True
                self._add_text(el.tail, el.getparent(), block_stack)
                continue
            tag = el.tag
            if not isinstance(tag, str):  # comment or processing instruction
                self._add_text(el.tail, el.getparent(), block_stack)
                continue
            if _is_invisible(el) or el in hidden:
                self._add_text(el.tail, el.getparent(), block_stack)
                continue
            if tag in HEADING_LEVELS:
                self.headings.append(el)
            if _is_block(el):
                kind = _BLOCK_KINDS.get(tag, "block")
                block_stack.append((el, kind))
                self._switch_block(el, kind)
            if tag in _CONTENT_TAGS or el.get("role") == "main":
                self.regions[el] = (len(self.blocks), len(self.blocks))
            if tag in QUOTING_TAGS or (tracked_attribute is not None and el.get(tracked_attribute) is not None):
                self.text_spans[el] = (self._size, self._size)
            stack.append((el, True))
            self._add_text(el.text, el, block_stack)
            stack.extend((child, False) for child in reversed(el))

    def _switch_block(self, element: etree._Element, kind: str) -> None:
        self._close_block()
        self._block_element = element
        self._block_kind = kind

    def _close_block(self) -> None:
        if self._block_start >= 0 and self._block_element is not None:
            block = Block(self._block_kind, self._block_element, self._block_start, self._size)
            self.blocks.append(block)
            self.element_blocks.setdefault(self._block_element, []).append(block)
        self._block_start = -1
        self._pending_space = False

    def _add_text(
        self, text: str | None, owner: etree._Element | None, block_stack: list[tuple[etree._Element, str]]
    ) -> None:
        if not text:
            return
        if text.isspace():
            self._pending_space = True
            return
        base, offsets = self._locate(text, owner)
        if self._nuls and "\ufffd" in text and not _in_foreign_content(owner):
            kept = [i for i, char in enumerate(text) if char != "\ufffd" or offsets(i) not in self._nuls]
            if len(kept) < len(text):
                # A NUL of the source: a browser drops it from the text.
                mapped = [offsets(i) for i in kept]
                text = "".join(text[i] for i in kept)
                if not text or text.isspace():
                    self._pending_space = self._pending_space or bool(text)
                    return
                base, offsets = None, lambda i: mapped[min(i, len(mapped) - 1)]
        if base is not None:
            lead = len(text) - len(text.lstrip())
            stripped = text.strip()
            if not _SPACE_RUN.search(stripped):
                # Every gap is one white-space character: one segment maps the
                # whole node, each gap becoming one space (a million-word page
                # makes a million segments otherwise).
                self._start_segment(lead > 0, base + lead)
                self._parts.append(_OTHER_SPACE.sub(" ", stripped))
                self._size += len(stripped)
                self._pending_space = text[-1].isspace()
                return
        for match in _NON_SPACE.finditer(text):
            self._start_segment(match.start() > 0, offsets(match.start()))
            self._parts.append(match.group())
            self._size += match.end() - match.start()
            self._pending_space = False
        self._pending_space = text[-1].isspace()

    def _start_segment(self, spaced: bool, source_offset: int) -> None:
        """Open a block if none is open, or put a space where the text had one;
        then record where the next characters come from."""
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

    def _locate(self, text: str, owner: etree._Element | None) -> tuple[int | None, Callable[[int], int]]:
        """A function from an index in *text* to its source offset, and the
        offset of index 0 when the function is that offset plus the index.

        Text nodes come in document order and so, but for the rare node the
        parser moves, do the source's text runs: the node's run is the first run
        with the same text after the previous node's.
        """
        candidates = self._runs_by_text.get(text.strip())
        if candidates:
            found = bisect.bisect_left(candidates, self._run_cursor)
            if found < len(candidates):
                index = candidates[found]
                self._run_cursor = index + 1
            else:
                # Text moved before its place in the source (foster parenting).
                index = next((i for i in reversed(candidates[max(0, found - 8) : found]) if i not in self._used), -1)
            if index >= 0:
                self._used.add(index)
                run = self._runs[index]
                raw = self._source[run.start : run.end]
                leading = len(text) - len(text.lstrip())
                if "&" not in raw:
                    base = run.start + len(raw) - len(raw.lstrip()) - leading
                    return base, lambda i: base + i
                offsets = _decoded_offsets(raw, run.start)
                shift = len(offsets) - len(_unescape(raw).lstrip()) - leading
                last = len(offsets) - 1
                return None, lambda i: offsets[min(max(i + shift, 0), last)]
        joined = self._locate_across_runs(text)
        if joined is not None:
            end = len(joined) - 1
            return None, lambda i: joined[min(i, end)]
        anchor = self._anchor(owner)
        return None, lambda i: anchor

    def _locate_across_runs(self, text: str) -> list[int] | None:
        """Source offsets of each character of *text* when it is several runs
        in a row: libxml2 joins the text on either side of an end tag it drops
        (``a</span>b`` with no ``<span>`` open). None when no such runs follow."""
        runs, source = self._runs, self._source
        body = text.strip()
        lead = len(text) - len(text.lstrip())
        after = bisect.bisect_left(self._keyed_runs, self._run_cursor)
        for first in self._keyed_runs[after : after + _RUN_LOOKAHEAD]:
            offsets: list[int] = []
            index = first
            words = 0
            while len(offsets) < len(body) and index < len(runs) and index - first < _RUN_SPAN:
                run = runs[index]
                raw = source[run.start : run.end]
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
                where = _decoded_offsets(raw, run.start) if "&" in raw else range(run.start, run.end)
                offsets.extend(where[skip : skip + len(piece)])
                index += 1
            if index - first > 1 and len(offsets) == len(body):
                self._run_cursor = index
                self._used.update(range(first, index))
                return [offsets[0]] * lead + offsets + [offsets[-1]] * (len(text) - lead - len(body))
        return None

    def _anchor(self, owner: etree._Element | None) -> int:
        while owner is not None:
            tag = self._tags.get(owner)
            if tag is not None:
                return tag.end
            owner = owner.getparent()
        return 0


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


def _in_foreign_content(element: etree._Element | None) -> bool:
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


def _frameset_parts(root: etree._Element) -> set[etree._Element]:
    """A frameset page's ``<frameset>`` and the ``<body>`` that libxml2 adds after
    it: a browser shows the frames, never text written around them."""
    parts: set[etree._Element] = set()
    for child in root.iterchildren("frameset", "body"):
        if child.tag == "frameset" or parts:
            parts.add(child)
    return parts


def _is_block(el: etree._Element) -> bool:
    return el.tag in _BLOCK_KINDS or el.tag in _CONTAINERS


def _is_invisible(el: etree._Element) -> bool:
    if el.tag in markup.NESTED_VOID_ELEMENTS:
        return False  # void: what lies inside was nested there by libxml2
    if el.tag in _INVISIBLE or el.get("hidden") is not None:
        return True
    style = el.get("style")
    return bool(style and _HIDDEN_STYLE.search(style))
