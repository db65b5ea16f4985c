"""Parsing and tree repair: the source text made into the tree a browser builds.

lxml (libxml2) parses HTML as HTML 4 did; where that differs from what an HTML5
browser shows, the tree is mended here, once, before anything reads it: void
elements that libxml2 nests content into, text that stands in a table outside
its cells (foster parenting), nesting deeper than the parser keeps, end
tags (``</body>``, ``</html>``) that a browser reads as nothing, and content
that a server streamed in after the page's shell, hidden until an inline script
shows it (React's streaming). Every start
tag of the source is paired with its element, so that each element has an
exact line and column.
"""

from __future__ import annotations

import sys
from collections import deque
from collections.abc import Iterator, Mapping
from dataclasses import dataclass

from lxml import etree

from ..regex import on_use
from . import scan

Element = etree._Element
"""An element of the parsed tree (lxml's)."""


@dataclass(frozen=True, slots=True)
class Tree:
    """The parsed, repaired tree of a source text, with what the scan found."""

    source: str
    """The source text, newlines normalised to ``\\n`` (lines and columns are
    those of the original file)."""
    parsed: str
    """What the parser read: :attr:`source` with the tags it cannot keep blanked out, offsets unchanged."""
    nuls: frozenset[int]
    """Source offsets of the NUL characters (shown as U+FFFD in the tree)."""
    lines: scan.LineIndex
    scanned: scan.Scan
    root: Element
    tags: PairedTags
    """The start tag that each element was built from; implied elements have none."""


class ArticleError(ValueError):
    """An article that is not parsed, because parsing it would take too long;
    the message says why and where."""


def build(text: str, *, scripting: bool = True) -> Tree:
    """Parse *text* and mend the tree where libxml2 builds it otherwise than a
    browser, one that runs scripts or (*scripting* False) one that does not
    (which shows a ``<noscript>``'s content); raises :class:`ArticleError` for
    an element with more than :data:`~lint_article.document.scan.MAX_ATTRIBUTES`
    attributes."""
    source, nuls = normalise(text)
    lines = scan.LineIndex(source)
    parsed, scanned, root = _parse_scanned(source, lines, scripting)
    if root is None:
        # Nested deeper than the parser goes, it gave up: the tags below the
        # limit are blanked out (their text stays, at its offsets) and it reads again.
        parsed, scanned, root = _parse_scanned(scan.flatten_deep(source, _MAX_PARSER_DEPTH), lines, scripting)
    if root is None:
        # Still too deep: the parser nests tags that the scan, as a browser,
        # took for closed (<dd> after <dd> outside a list); counted as nested.
        flat = scan.flatten_deep(source, _MAX_PARSER_DEPTH, implied_ends=False)
        parsed, scanned, root = _parse_scanned(flat, lines, scripting)
        root = root if root is not None else etree.fromstring(_EMPTY_DOCUMENT, etree.HTMLParser())
    tags = pair_elements(root, scanned.tags, lines)
    # Once every element has its tag, mend the tree where libxml2 builds it
    # otherwise than a browser.
    if not scripting:
        etree.strip_tags(root, *scan.UNPARSED_RAW_TEXT)  # without scripts, a <noscript> is no element
    _unnest_void_elements(root)
    _foster_parent(root)
    if "$RC(" in source or "$RS(" in source:
        _place_streamed_content(root)
    return Tree(source, parsed, nuls, lines, scanned, root, tags)


# What may stand inside a table outside its cells; anything else, text or
# element, a browser moves out in front of the table ("foster parenting").
_TABLE_SECTIONS = frozenset({"table", "tbody", "thead", "tfoot", "tr"})
_TABLE_CONTENT = frozenset(
    {"tbody", "thead", "tfoot", "tr", "td", "th", "caption", "colgroup", "col", "script", "style", "template",
     "table"}
)  # fmt: skip
_TABLE_PARTS = _TABLE_CONTENT - {"script", "style", "template", "table"}
_NUL = on_use("\x00")
_NOT_XML = on_use("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff\ud800-\udfff]")
_LONE_CR = on_use(r"\r\n?")
_EMPTY_DOCUMENT = b"<html><body></body></html>"
# The parser gives up on a document nested more than 2,048 levels deep; where it
# does, the tags below this depth (by an estimate from the scan) are blanked out.
_MAX_PARSER_DEPTH = 1000


def normalise(source: str) -> tuple[str, frozenset[int]]:
    """The source with CR LF and lone CR made LF (the HTML standard does the
    same), so lines are counted as editors count them; and NUL, at which libxml2
    would cut the text, made U+FFFD. Also the offsets of those NULs: a browser
    shows no NUL of the text (it shows U+FFFD in an attribute)."""
    source = _LONE_CR.sub("\n", source) if "\r" in source else source
    if "\x00" not in source:
        return source, frozenset()
    nuls = frozenset(match.start() for match in _NUL.finditer(source))
    return source.replace("\x00", "\ufffd"), nuls


def _parse_scanned(source: str, lines: scan.LineIndex, scripting: bool) -> tuple[str, scan.Scan, Element | None]:
    """*source* as the parser is to read it, its scan, and its tree (None when
    the parser gave up on it: nested deeper than it goes)."""
    scanned = scan.scan(source, scripting=scripting)
    if scanned.crowded is not None:
        offset, count = scanned.crowded
        line, column = lines.position(offset)
        raise ArticleError(
            f"an element with {count:,} attributes at line {line}, column {column}:"
            f" more than the {scan.MAX_ATTRIBUTES:,} an element may have"
        )
    parsed = scan.blank(source, scanned.unparsed) if scanned.unparsed else source
    return parsed, scanned, parse(parsed.encode("utf-8", errors="surrogatepass"))


def parse(data: bytes) -> Element | None:
    """The tree of UTF-8 *data*; None when the parser gave up on its depth."""
    # No table of ids: nothing looks an element up by its id, and libxml2
    # would hash every id attribute of the page into one.
    parser = etree.HTMLParser(  # type: ignore[call-arg]  # lxml-stubs lags behind lxml
        encoding="utf-8",
        huge_tree=True,
        remove_comments=False,
        no_network=True,
        default_doctype=False,
        collect_ids=False,
    )
    # Bytes with an explicit encoding: a <meta charset> inside the text must not
    # make the parser decode it a second time.
    root = etree.fromstring(data, parser)
    last = parser.error_log.last_error
    if last is not None and last.type_name == "ERR_RESOURCE_LIMIT":
        return None  # "Excessive depth in document": it stopped there and dropped everything
    if root is None:
        root = etree.fromstring(_EMPTY_DOCUMENT, parser)
    return root


class PairedTags(Mapping[Element, scan.StartTag]):
    """The start tag that each element was built from, by element: the index of
    its tag among the scan's columns, the tag made when one is asked for."""

    __slots__ = ("_indices", "_tags")

    def __init__(self, tags: scan.StartTags, indices: dict[Element, int]) -> None:
        self._tags = tags
        self._indices = indices

    def get(self, element: Element, default: None = None) -> scan.StartTag | None:  # type: ignore[override]
        # Written out, not Mapping's: asked for every element a finding names.
        index = self._indices.get(element)
        return None if index is None else self._tags[index]

    def __getitem__(self, element: Element) -> scan.StartTag:
        return self._tags[self._indices[element]]

    def __iter__(self) -> Iterator[Element]:
        return iter(self._indices)

    def __len__(self) -> int:
        return len(self._indices)


def pair_elements(root: Element, tags: scan.StartTags, lines: scan.LineIndex) -> PairedTags:
    """Match each element to the start tag it was built from.

    Tags are taken in source order, one queue per tag name. An element whose
    line lies before its queue's next tag was implied by the parser (it has no
    tag of its own); a tag whose line lies before the element's was dropped by
    the parser (a second ``<body>``, say) and is skipped.
    """
    # A tag's lines are compared through offsets: a tag lies on or after line n
    # when it ends at or after the line's start, on or before it when it starts
    # before the next line's (two look-ups an element, not a search a tag).
    queues: dict[str, deque[int]] = {}  # the indices of each name's tags
    for index, name in enumerate(tags.names):
        queue = queues.get(name)
        if queue is None:
            queue = queues[name] = deque()
        queue.append(index)
    tag_starts, tag_ends = tags.starts, tags.ends
    starts = lines.starts
    count = len(starts)
    paired: dict[Element, int] = {}
    for el in root.iter(etree.Element):
        queue = queues.get(el.tag)  # elements only: the tag is a name
        if not queue:
            continue
        # Annotated, not cast(): a call an element is a fifth of the pairing.
        line: int | None = el.sourceline  # type: ignore[assignment]  # lxml-stubs lags behind lxml
        if line is None or line >= 65535:
            # libxml2 stops counting lines there; trust the order alone.
            paired[el] = queue.popleft()
            continue
        # Where the element's line starts and where the next one does (as if
        # lines before the first and after the last were endless and empty).
        line_start = (starts[line - 1] if line <= count else _FAR) if line > 0 else -1
        next_start = (starts[line] if line < count else _FAR) if line > 0 else 0
        while queue and tag_ends[queue[0]] <= line_start:  # its last character lies on an earlier line
            queue.popleft()
        if queue and tag_starts[queue[0]] < next_start:
            paired[el] = queue.popleft()
    return PairedTags(tags, paired)


_FAR = sys.maxsize
"""An offset past any source."""


def _unnest_void_elements(root: Element) -> None:
    """Move what libxml2 put inside an HTML5 void element out after it."""
    for el in list(root.iter(*scan.NESTED_VOID_ELEMENTS)):
        if el.text is None and not len(el):
            continue
        children = list(el)
        last_tail = children[-1].tail if children else None
        if not _writable(el.text, el.tail, last_tail):
            continue  # it stays nested, and visible: see layout.is_hidden
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


def _foster_parent(root: Element) -> None:
    """Move text and elements that stand in a table outside its cells to just
    before the table, in their order, as a browser does (libxml2 leaves them
    in place)."""
    for table in list(root.iter("table")):
        parent = table.getparent()
        if parent is None:
            continue
        moved: set[Element] = set()
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


def _misplaced(table: Element) -> list[tuple[Element, str] | Element]:
    """The elements, and the text (as element and ``text`` or ``tail``), of
    *table* that belong before it, in document order."""
    misplaced: list[tuple[Element, str] | Element] = []
    if table.text and not table.text.isspace():
        misplaced.append((table, "text"))
    # Depth first in document order; a child's tail comes after its content.
    stack: list[tuple[Iterator[Element], Element]] = [(iter(table), table)]
    while stack:
        children, owner = stack[-1]
        child = next(children, None)
        if child is None:
            stack.pop()
            last: Element | None = owner if owner is not table else None
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


# React's inline calls that move streamed content into place (react-dom's
# server runtime): $RC("B:0", "S:0") completes a boundary (its fallback goes and
# the hidden <div id="S:0">'s content takes its place), $RS("S:1", "P:1") fills a
# segment's placeholder. A third argument, an error's digest, leaves the
# boundary to the client to render: it is not matched.
_STREAMED_CONTENT_CALL = on_use(r'\$R([CS])\("([^"\\]+)","([^"\\]+)"\)')
_BOUNDARY_MARKERS = frozenset({"$", "$?", "$!"})
_BOUNDARY_END = "/$"


def _place_streamed_content(root: Element) -> None:
    """Do what React's inline scripts do to a streamed page (Next.js and other
    React servers), as far as a reader sees: the content of each hidden
    ``<div id="S:n">`` sent after the shell is shown, and what stood in for it
    (a boundary's fallback, a placeholder) goes, in the order the scripts call
    for it. Without this a reader sees the article and the linter sees a page
    with nothing but its template (the article hidden).

    The content is shown where its source is, not moved to its boundary's
    ``<template>``: each element keeps its place in the source, and the tree
    its depth (content moved into content, boundary by boundary, would nest as
    deep as a page has boundaries)."""
    calls = [
        match.groups()
        for script in root.iter("script")
        if script.text and "$R" in script.text
        for match in _STREAMED_CONTENT_CALL.finditer(script.text)
    ]
    if not calls:
        return
    by_id = {el.get("id"): el for el in root.iter("template", "div") if ":" in (el.get("id") or "")}
    for kind, first, second in calls:
        # $RC names the boundary, then the content; $RS the content, then its placeholder.
        # Each id is used once: the script removes what it names.
        content_id, marker_id = (second, first) if kind == "C" else (first, second)
        content, marker = by_id.pop(content_id, None), by_id.pop(marker_id, None)
        if content is None or marker is None or marker.tag != "template" or content.get("hidden") is None:
            continue
        del content.attrib["hidden"]
        if kind == "C":
            for dropped in _drop_fallback(marker):
                for el in dropped.iter("template", "div"):  # no longer in the page for a later call
                    by_id.pop(el.get("id"), None)
        else:
            _remove_keeping_tail(marker)


def _drop_fallback(template: Element) -> list[Element]:
    """$RC: a boundary's fallback, from its *template* to the boundary's end
    comment (``<!--/$-->``, nested boundaries counted; with none, to the end of
    the parent), goes. Returns what went."""
    parent = template.getparent()
    assert parent is not None
    doomed = [template]
    depth = 0
    for sibling in template.itersiblings():
        if isinstance(sibling, etree._Comment):
            data = (sibling.text or "").strip()
            if data == _BOUNDARY_END:
                if not depth:
                    break
                depth -= 1
            elif data in _BOUNDARY_MARKERS:
                depth += 1
        doomed.append(sibling)
    for node in doomed:
        parent.remove(node)  # with its tail: the fallback's text
    return doomed


def _remove_keeping_tail(element: Element) -> None:
    """Take *element* out of the tree, the text that follows it left in place."""
    parent = element.getparent()
    if parent is None:
        return
    if element.tail:
        previous = element.getprevious()
        if previous is not None:
            previous.tail = (previous.tail or "") + element.tail
        else:
            parent.text = (parent.text or "") + element.tail
    parent.remove(element)


def _holds_table_parts(element: Element) -> bool:
    """True when rows, cells or sections of the enclosing table lie inside *element*."""
    stack = list(element)
    while stack:
        el = stack.pop()
        if el.tag in _TABLE_PARTS:
            return True
        if el.tag != "table":
            stack.extend(el)
    return False
