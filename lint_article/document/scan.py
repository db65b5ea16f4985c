"""A light scan of the HTML source: where lines start and where tags and text runs are.

lxml tells the line of each element but not its column, and nothing about text.
This scanner reads the source once (regular expressions, so C speed) and records
every start tag and every run of text between tags with its offset, skipping
comments and the raw text of ``<script>``/``<style>``-like elements just as the
parser does. :mod:`lint_article.document.tree` pairs these tokens with the parsed
tree to give every element and every word an exact line and column.
"""

from __future__ import annotations

import bisect
import re
import sys
from array import array
from dataclasses import dataclass
from functools import partial
from typing import NamedTuple

from ..regex import on_use

# Elements whose content is raw text: no tags inside, the parser only looks
# for the matching end tag.
RAW_TEXT_ELEMENTS = frozenset(
    {"script", "style", "textarea", "title", "xmp", "iframe", "noembed", "noframes", "plaintext", "noscript"}
)
UNPARSED_RAW_TEXT = frozenset({"noscript"})
"""Raw text elements that libxml2 reads as markup: a browser that runs scripts,
as the linter reads pages, takes ``<noscript>``'s content for text, so that
``<noscript><div></noscript>`` leaves no ``<div>`` open; libxml2 would keep it
open and hold the rest of the page in the ``<noscript>``, hidden. Their content
is blanked out before libxml2 reads it (see :attr:`Scan.unparsed`)."""
VOID_ELEMENTS = frozenset(
    {
        "area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta",
        "param", "source", "track", "wbr", "basefont", "bgsound", "frame", "keygen",
    }
)  # fmt: skip
# HTML5 void elements that libxml2 (an HTML 4 parser) does not know as void: it
# nests what follows inside them, so they count towards its depth limit.
NESTED_VOID_ELEMENTS = frozenset({"bgsound", "embed", "keygen", "source", "track", "wbr"})
_FLAT_VOID_ELEMENTS = VOID_ELEMENTS - NESTED_VOID_ELEMENTS

# One alternative per kind of markup; the first that matches after "<" wins. The
# literal "<" in front lets the engine skip to each "<" as str.find would. Start
# tags, half of all markup, are tried first: an alternative that fails at its
# first character still costs the engine a try, and the others begin with "/",
# "!" or "?", which a start tag never does (a tenth of the scan's matching).
_MARKUP = on_use(
    r"""<(?:
      (?P<start>(?P<name>[A-Za-z][^\t\n\f\r />]*)
        # Attributes as the HTML tokeniser reads them: a quote opens a value only
        # after "="; elsewhere it is part of a name (<h1 "tabindex="0">).
        (?:[\t\n\f\r /]+
          | [^\t\n\f\r />][^\t\n\f\r />=]*
            (?:[\t\n\f\r ]*=[\t\n\f\r ]*(?>"[^"]*"|'[^']*'|[^\t\n\f\r >]*))?
        )*+>?)
    | (?P<ignored>/(?:[Bb][Oo][Dd][Yy]|[Hh][Tt][Mm][Ll])(?![^\t\n\f\r />])[^>]*>?)  # see IGNORED_END_TAGS
    | (?P<end>/(?P<endname>[A-Za-z][^\t\n\f\r />]*)[^>]*>?)
    | (?P<comment>!--.*?(?:-->|--!>|\Z))
    | (?P<bogus>[!?][^>]*>?)
    )""",
    re.VERBOSE | re.DOTALL,
)
_NAME = _MARKUP.groupindex["name"]
MAX_ATTRIBUTES = 1000
"""The most attributes one element may have. libxml2 compares each attribute of
an element with every earlier one, so one element with tens of thousands of them
takes seconds (Java's XML parsers refuse an element past 10,000:
``jdk.xml.elementAttributeLimit``); real elements have a few dozen at most."""
# An attribute in a start tag, with its value (which may hold spaces).
_ATTRIBUTE = on_use(r"""[^\s"'>/=]+(?:\s*=\s*(?:"[^"]*"|'[^']*'|[^\s>]*))?""")
# End tags that an HTML5 parser reads as nothing: whatever follows ``</body>`` or
# ``</html>`` still goes into the body, where libxml2 drops it.
IGNORED_END_TAGS = frozenset({"body", "html"})
_DOCUMENT_TAGS = frozenset({"html", "head", "body"})
_SPECIAL_TAGS = _DOCUMENT_TAGS | RAW_TEXT_ELEMENTS
_CROWDED_LENGTH = 2 * MAX_ATTRIBUTES
_NOT_LINE_BREAK = on_use(r"[^\n]")
_RAW_TEXT_ENDS = {name: on_use(rf"</{name}[\s/>]", re.IGNORECASE) for name in RAW_TEXT_ELEMENTS}


class StartTag(NamedTuple):
    """A start tag of the source, as :class:`StartTags` hands one out."""

    name: str
    start: int
    end: int
    """Offset just past the closing ``>``."""


_make_tag = partial(tuple.__new__, StartTag)  # StartTag(...) without its Python-level __new__


class StartTags:
    """The start tags of the source, in order, as three columns, their names,
    starts and ends; a :class:`StartTag` is made when one is read. A page has
    tens of thousands of tags: an object each, with its two int objects, cost
    130 bytes a tag, the columns 16."""

    __slots__ = ("ends", "names", "starts")

    def __init__(self, source_length: int) -> None:
        typecode = "i" if source_length < 2**31 else "q"
        self.names: list[str] = []
        """Each tag's name, lower-cased and interned."""
        self.starts: array[int] = array(typecode)
        """Offset of each tag's ``<``."""
        self.ends: array[int] = array(typecode)
        """Offset just past each tag's closing ``>``."""

    def __len__(self) -> int:
        return len(self.names)

    def __getitem__(self, index: int) -> StartTag:
        return _make_tag((self.names[index], self.starts[index], self.ends[index]))


class TextRuns:
    """The runs of text between tags, in order, as two columns of source offsets:
    a page has tens of thousands of runs, and an object each would be as many
    more for the cycle collector to walk while the page is read."""

    __slots__ = ("ends", "starts")

    def __init__(self, source_length: int) -> None:
        typecode = "i" if source_length < 2**31 else "q"
        self.starts: array[int] = array(typecode)
        """Offset of each run's first character."""
        self.ends: array[int] = array(typecode)
        """Offset just past each run's last character."""

    def __len__(self) -> int:
        return len(self.starts)


@dataclass(frozen=True, slots=True)
class Scan:
    """What one read of the source found: its start tags, its text runs and its comments."""

    tags: StartTags
    texts: TextRuns
    has_document_tags: bool
    """True when the source spells out ``<html>``, ``<head>`` or ``<body>``."""
    unparsed: list[tuple[int, int]]
    """Spans, in source order, that the parser is to read as blanks: the
    ``</body>`` and ``</html>`` end tags (see :data:`IGNORED_END_TAGS`), and the
    content of each element of :data:`UNPARSED_RAW_TEXT`."""
    comments: list[tuple[int, int]]
    """Spans of the comments, ``<!--`` to ``-->``."""
    crowded: tuple[int, int] | None = None
    """Offset and attribute count of the first start tag with more than
    :data:`MAX_ATTRIBUTES` attributes, if any."""
    unscripted: int = 0
    """Characters of content that only a browser without scripts reads as
    markup (the content of each :data:`UNPARSED_RAW_TEXT` element): what a page
    may hold for such readers alone."""


def scan(source: str, *, scripting: bool = True) -> Scan:
    """Tokenise *source* into start tags and text runs, as a browser that runs
    scripts reads it, or (*scripting* False) one that does not: there, the
    content of a ``<noscript>`` is markup, not text."""
    raw_text_elements = RAW_TEXT_ELEMENTS if scripting else RAW_TEXT_ELEMENTS - UNPARSED_RAW_TEXT
    special_tags = _SPECIAL_TAGS if scripting else _DOCUMENT_TAGS | raw_text_elements
    unscripted = 0
    tags = StartTags(len(source))
    texts = TextRuns(len(source))
    unparsed: list[tuple[int, int]] = []
    comments: list[tuple[int, int]] = []
    has_document_tags = False
    crowded: tuple[int, int] | None = None
    text_start = 0
    """Where the text run that is being read began."""
    resume: int | None = 0
    intern = sys.intern
    names: dict[str, str] = {}
    """Each name as written, lower-cased and interned: a look-up a tag, not two calls."""
    # A page has tens of thousands of each.
    add_text_start, add_text_end = texts.starts.append, texts.ends.append
    add_name, add_tag_start, add_tag_end = tags.names.append, tags.starts.append, tags.ends.append
    while resume is not None:
        # The regular expression finds each "<" that opens markup (a "<" that
        # opens nothing, as in "a < b", is text); the search restarts after the
        # raw text of a <script> or <style>, where no markup is.
        matches, resume = _MARKUP.finditer(source, resume), None
        for match in matches:
            lt, end = match.span()
            kind = match.lastgroup
            if kind == "ignored":
                # The parser is to read this end tag as nothing: the text on either side is one run.
                unparsed.append((lt, end))
                continue
            if lt > text_start:
                add_text_start(text_start)
                add_text_end(lt)
            text_start = end
            if kind != "start":
                if kind == "comment":
                    comments.append((lt, end))
                continue
            written = match.group(_NAME)
            name = names.get(written)
            if name is None:
                name = names[written] = intern(written.lower())
            add_name(name)
            add_tag_start(lt)
            add_tag_end(end)
            # Counted only in a tag long enough to hold that many (each takes two characters).
            if end - lt > _CROWDED_LENGTH and crowded is None:
                count = len(_ATTRIBUTE.findall(source, match.end("name"), end))
                crowded = (lt, count) if count > MAX_ATTRIBUTES else None
            if name not in special_tags:  # most tags: one test, not two
                continue
            if name in _DOCUMENT_TAGS:
                has_document_tags = True
            if name in raw_text_elements:
                close = _RAW_TEXT_ENDS[name].search(source, end)
                raw_end = close.start() if close else len(source)
                if name in ("textarea", "title") and raw_end > end:
                    add_text_start(end)
                    add_text_end(raw_end)
                elif name in UNPARSED_RAW_TEXT and raw_end > end:
                    unparsed.append((end, raw_end))
                    unscripted += raw_end - end
                text_start = resume = raw_end
                break
    if len(source) > text_start:
        add_text_start(text_start)
        add_text_end(len(source))
    return Scan(tags, texts, has_document_tags, unparsed, comments, crowded, unscripted)


def blank(source: str, spans: list[tuple[int, int]]) -> str:
    """*source* with each [start, end) span turned into spaces but for its line
    breaks, so that every offset stays where it was, and every line (the
    parser numbers the lines of the elements it builds)."""
    pieces: list[str] = []
    kept_until = 0
    for start, end in spans:
        pieces.append(source[kept_until:start])
        blanked = source[start:end]
        pieces.append(_NOT_LINE_BREAK.sub(" ", blanked) if "\n" in blanked else " " * (end - start))
        kept_until = end
    pieces.append(source[kept_until:])
    return "".join(pieces)


# Start tags that close an open element implicitly, so that the depth estimate
# does not grow on sloppy but common markup such as unclosed <p> and <li>.
_CLOSES_P = frozenset(
    {
        "address", "article", "aside", "blockquote", "div", "dl", "fieldset", "footer", "form",
        "h1", "h2", "h3", "h4", "h5", "h6", "header", "hr", "main", "nav", "ol", "p", "pre",
        "section", "table", "ul", "li", "dd", "dt", "figure", "figcaption", "details",
    }
)  # fmt: skip
_SIBLING_CLOSES = {"li": ("li",), "dt": ("dt", "dd"), "dd": ("dt", "dd"), "td": ("td", "th"),
                   "th": ("td", "th"), "tr": ("tr", "td", "th"), "option": ("option",)}  # fmt: skip
# How far up the stack an end tag may look for its element.
_END_TAG_REACH = 16


def _open(stack: list[str], name: str) -> None:
    if stack:
        if name in _CLOSES_P and stack[-1] == "p":
            stack.pop()
        closes = _SIBLING_CLOSES.get(name)
        while closes and stack and stack[-1] in closes:
            stack.pop()
    stack.append(name)


def _close(stack: list[str], name: str) -> None:
    reach = 0
    # Void elements nested by libxml2 do not count towards the reach: it closes
    # them all on the way (<p>a<wbr>b<wbr>c</p>); but the walk stays bounded.
    for back in range(1, min(len(stack), 16 * _END_TAG_REACH) + 1):
        entry = stack[-back]
        if entry == name:
            del stack[-back:]
            return
        if entry not in NESTED_VOID_ELEMENTS:
            reach += 1
            if reach >= _END_TAG_REACH:
                return


def flatten_deep(source: str, limit: int, *, implied_ends: bool = True) -> str:
    """Blank out the tags nested deeper than *limit*, keeping every offset.

    The parser silently drops everything below about a thousand levels; spaces
    the length of each deep tag keep the text (and every position) and lose only
    structure that no article needs. Without *implied_ends*, a start tag never
    closes an open element (libxml2 nests some that a browser closes, such as a
    ``<dd>`` outside a list), so the depth counted is never below the parser's.
    """
    spans: list[tuple[int, int]] = []
    stack: list[str] = []
    for match in _TAG_OR_END.finditer(source):
        name = match.group(2).lower()
        if match.group(1):
            deep = len(stack) > limit
            _close(stack, name)
        elif name in _FLAT_VOID_ELEMENTS:
            continue
        else:
            if implied_ends:
                _open(stack, name)
            else:
                stack.append(name)
            deep = len(stack) > limit
        if deep:
            spans.append(match.span())
    return blank(source, spans)


_TAG_OR_END = on_use(r"<(/?)([A-Za-z][^\t\n\f\r />]*)[^>]*>")


class LineIndex:
    """Maps offsets in the source text to 1-based line and column."""

    __slots__ = ("_starts",)

    def __init__(self, source: str) -> None:
        starts = [0]
        find = source.find
        at = find("\n")
        while at >= 0:
            starts.append(at + 1)
            at = find("\n", at + 1)
        self._starts = starts

    @property
    def starts(self) -> list[int]:
        """The offset at which each line starts, in order: ``bisect_right(starts, offset)``
        is the 1-based line of *offset*."""
        return self._starts

    @property
    def line_count(self) -> int:
        return len(self._starts)

    def position(self, offset: int) -> tuple[int, int]:
        """Line and column (both 1-based) of *offset*."""
        line = bisect.bisect_right(self._starts, offset) - 1
        return line + 1, offset - self._starts[line] + 1

    def line_start(self, line: int) -> int:
        """Offset of the first character of 1-based *line*."""
        return self._starts[min(max(line, 1), len(self._starts)) - 1]
