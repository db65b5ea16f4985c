"""The document model: an HTML article parsed once, with every view a rule needs.

An :class:`Article` is built in four steps, each a module of this package: the
source is scanned and parsed into the tree a browser builds (:mod:`.tree`), the
visible text is laid out in blocks with its source map (:mod:`.layout`), the
article is told apart from the page around it (:mod:`.region`), and views read
words, sentences and headings from either (:mod:`.views`). Every piece of text
maps back to its line and column in the source, so a rule reports where a
reader would look, and no rule ever parses or tokenises on its own.
"""

from __future__ import annotations

import bisect
import itertools
import re
from collections import Counter
from collections.abc import Callable, Hashable, Iterable
from functools import cached_property
from typing import Any, TypeVar, cast, overload

from ..regex import on_use
from . import styles
from . import tree as tree_module
from .collector import collector_paused
from .decoding import decode_html
from .language import Language, detect_language
from .layout import HEADING_LEVELS, QUOTING_TAGS, Block, Layout, is_hidden, visible_text
from .region import Region, find_region
from .tokens import WORD, comparison_key
from .tree import Element
from .views import Heading, View

SELECTOR_LEVELS = 64
"""The most levels a selector names; real pages nest 30 or 40 deep."""
SPAN_ATTRIBUTE = "data-lint-article-disable"
"""Elements with this attribute (suppression) get their text span recorded:
an inline ``<span>`` may silence part of a paragraph's words."""
CODE_TAGS = frozenset({"code", "pre", "kbd", "samp", "tt", "var"})
"""Code is quoted, not written: rules about prose leave it alone."""
_INLINE_CODE_TAGS = QUOTING_TAGS & CODE_TAGS
"""The code elements whose text spans the layout records."""
_NAMING = ("aria-label", "aria-labelledby", "title")
# An end tag as the scanner reads one (see scan._MARKUP).
_END_TAG = on_use(r"</([A-Za-z][^\t\n\f\r />]*)[^>]*>")
# An attribute in a start tag as the HTML tokeniser reads it, after the white
# space (or slashes) before it; a quote opens a value only after "=".
_TAG_ATTRIBUTE = on_use(
    r"""([\t\n\f\r /]*)([^\t\n\f\r />][^\t\n\f\r />=]*)"""
    r"""(?:[\t\n\f\r ]*=[\t\n\f\r ]*(?:"[^"]*"|'[^']*'|[^\t\n\f\r >]*))?"""
)
_TAG_NAME = on_use(r"<[^\t\n\f\r />]*")
# The class of the <blockquote> that a platform's embed code puts in a page for
# its script to replace with the post itself (a tweet's "twitter-tweet",
# Instagram's "instagram-media", Facebook's "fb-xfbml-parse-ignore", Threads'
# "text-post-media"): the post's words and links, quoted whole, not the writer's.
_EMBEDDED_POST = on_use(
    r"(?<![\w-])(?:twitter-(?:tweet|video)|instagram-media|tiktok-embed|bluesky-embed|mastodon-embed"
    r"|reddit-embed-bq|reddit-card|fb-xfbml-parse-ignore|text-post-media|imgur-embed-pub)(?![\w-])"
)
T = TypeVar("T")


# A page shows its content only to a reader without scripts (a Discourse forum's
# topic, whose posts its script draws from data, and which it writes in a
# <noscript> for readers without scripts) when its <noscript>s hold this many
# characters, and this many times the text a browser with scripts shows.
_UNSCRIPTED_CONTENT = 2000
_UNSCRIPTED_SHARE = 10


class Article:
    """An HTML article, parsed once. Build it with :meth:`from_html`."""

    def __init__(self, source: str, *, encoding: str | None = None) -> None:
        with collector_paused():  # a long page is hundreds of thousands of objects, none of them garbage
            self._build(source, encoding)

    def _build(self, source: str, encoding: str | None) -> None:
        parsed = tree_module.build(source)
        layout = self._laid_out(parsed)
        self.scripting = True
        """Whether the page is read as a browser that runs scripts reads it (a
        ``<noscript>``'s content unseen), as every page is unless it shows its
        content only to a reader without scripts: one parse more, for such pages alone."""
        unscripted = parsed.scanned.unscripted
        if unscripted >= _UNSCRIPTED_CONTENT and layout.size * _UNSCRIPTED_SHARE < unscripted:
            parsed = tree_module.build(source, scripting=False)
            layout = self._laid_out(parsed)
            self.scripting = False
        self.source = parsed.source
        """The source text, newlines normalised to ``\\n`` (lines and columns are
        those of the original file)."""
        self.encoding = encoding
        self.lines = parsed.lines
        self.is_fragment = not parsed.scanned.has_document_tags
        """True for a CMS body (no ``<html>``, ``<head>`` or ``<body>`` in the source)."""
        self.comments: tuple[tuple[int, int], ...] = tuple(parsed.scanned.comments)
        """Source spans of the comments, ``<!--`` to ``-->``, where suppression directives live."""
        self.tree = parsed.root
        self._tags = parsed.tags
        self._scanned_tags = parsed.scanned.tags
        self._text_runs = parsed.scanned.texts
        self.text = layout.text()
        """The visible text of the whole page: blocks joined by a blank line, white space collapsed."""
        self.blocks: tuple[Block, ...] = tuple(layout.blocks)
        """Every block of the page, in reading order."""
        texts = self._heading_texts(layout.heading_blocks)
        self.headings: tuple[Heading, ...] = tuple(
            Heading(HEADING_LEVELS[el.tag], texts.get(el, ""), el, *self.position(self._tag_start(el)))
            for el in layout.headings
        )
        """Every visible heading of the page (a view's :attr:`View.headings` are its own)."""
        self._text_spans = layout.text_spans
        self._segment_text_starts = layout.segment_text_starts
        self._segment_source_starts = layout.segment_source_starts
        self._derived: dict[tuple[Any, ...], Any] = {}
        self._view_readings: dict[str, dict[str, Any]] = {}
        """The readings of each view, by scope (see :meth:`_kept_view`)."""
        self._sibling_ranks: dict[Element, dict[Element, int]] = {}

    def _laid_out(self, parsed: tree_module.Tree) -> Layout:
        self._hidden_by_style = styles.hidden_variants(parsed.root) | styles.cloaked(parsed.root, parsed.source)
        layout = Layout(parsed.parsed, parsed.scanned.texts, parsed.tags, parsed.nuls)
        layout.walk(parsed.root, SPAN_ATTRIBUTE if SPAN_ATTRIBUTE in parsed.source else None, self._hidden_by_style)
        return layout

    @classmethod
    def from_html(cls, html_input: str | bytes) -> Article:
        """Parse *html_input*; bytes are decoded as a browser would decode them."""
        if isinstance(html_input, bytes):
            decoded = decode_html(html_input)
            return cls(decoded.text, encoding=decoded.encoding)
        return cls(html_input)

    # -- the article and the page --------------------------------------------

    @cached_property
    def region(self) -> Region:
        """Where the article is: the element that holds its body, the parts inside
        it that are page furniture, and its headline."""
        return find_region(self)

    @cached_property
    def headline(self) -> Heading | None:
        """The heading that titles the story (on a page often above the body, in
        a header), or None when the article has none of its own."""
        element = self.region.headline
        return next((h for h in self.headings if h.element is element), None) if element is not None else None

    @property
    def body(self) -> View:
        """The article the writer wrote, without the page's template around and
        inside it: its elements and headings, the headline's included; its
        text, the headline's, the rest of the story's ``<header>`` (a deck, a
        byline) and the pictures' captions left out (they are not the body's
        prose: the :attr:`story` reads them)."""
        return self._kept_view(
            "article", lambda: self._region_view("article", self.region.members(), self.region.left_out)
        )

    @property
    def story(self) -> View:
        """The article with the boxes that the finder sets aside inside it (fact
        boxes, datelines, labels; see :attr:`Region.boxes`), its header's deck and
        its pictures' captions (:attr:`Region.left_out`), still without the site's template:
        what a leak of generated text or a placeholder may hide in. Without
        such boxes it is :attr:`body` itself, whose readings are then shared."""
        if not self.region.boxes and not self.region.left_out:
            return self.body
        return self._kept_view(
            "story", lambda: self._region_view("story", self.region.members(boxes=True), within="article")
        )

    def _region_view(
        self,
        scope: str,
        members: frozenset[Element],
        left_out: frozenset[Block] = frozenset(),
        within: str | None = None,
    ) -> View:
        """The view of the blocks of *members* but those *left_out*, whose elements are
        *members* and the headline's; *within*, the scope of a view whose blocks are all among them."""
        indices = [i for i, b in enumerate(self.blocks) if b.element in members and not (left_out and b in left_out)]
        headline = self.region.headline
        # Most headlines are members already: no copy of the members (a set as
        # large as the page's elements) is made for them.
        if headline is not None and not all(el in members for el in headline.iter()):
            members = members | frozenset(headline.iter())
        return View(self, scope, indices, members.__contains__, within=within)

    @property
    def page(self) -> View:
        """Everything a reader of the page sees, template and all."""
        return self._kept_view("page", lambda: View(self, "page", range(len(self.blocks)), _everything))

    def view(self, scope: str) -> View:
        """:attr:`body` for ``article``, :attr:`story` for ``story``, :attr:`page` for ``page``."""
        if scope == "article":
            return self.body
        return self.story if scope == "story" else self.page

    def _kept_view(self, scope: str, make: Callable[[], View]) -> View:
        """The view of *scope*, made by *make* the first time; then another view
        on the readings the article keeps for that scope (see :class:`View`:
        kept as views, they would tie the article in a reference cycle)."""
        readings = self._view_readings.get(scope)
        if readings is None:
            view = make()
            self._view_readings[scope] = view.__dict__
            return view
        return View.sharing(self, readings)

    def language(self, configured: str | None = None) -> Language:
        """The article's language: ``<html lang>`` (unless its text barely uses that
        language's words), else *configured*, else the one its own text is written
        in (see :mod:`.language`)."""
        return self.derived(detect_language, configured)

    @cached_property
    def lang(self) -> str | None:
        """The language that ``<html lang>`` declares, lower-cased (``en-gb``)."""
        # Lazily: the root's lang, when there is one, settles it without a walk
        # over the whole tree (2 ms of a 1 MB page).
        for el in itertools.chain((self.tree,), self.tree.iter("body", "article", "main")):
            value = el.get("lang") or el.get("{http://www.w3.org/XML/1998/namespace}lang")
            if value and value.strip():
                return value.strip().lower().replace("_", "-")
        return None

    @cached_property
    def title(self) -> str | None:
        """The text of ``<title>``, if any."""
        element = self.title_element
        return " ".join("".join(str(t) for t in element.itertext()).split()) if element is not None else None

    @cached_property
    def title_element(self) -> Element | None:
        """The first ``<title>`` element with some text, if any: the one whose text is :attr:`title`."""
        return next((el for el in self.tree.iter("title") if "".join(str(t) for t in el.itertext()).strip()), None)

    @cached_property
    def metadata(self) -> dict[str, Element]:
        """The page's ``<meta>`` elements with a content, by their ``name`` or
        ``property`` lower-cased (``description``, ``og:title``); the first of each."""
        found: dict[str, Element] = {}
        for meta in self.tree.iter("meta"):
            name = (meta.get("property") or meta.get("name") or "").strip().lower()
            if name and name not in found and meta.get("content") is not None:
                found[name] = meta
        return found

    def meta(self, name: str) -> str | None:
        """The content of the page's ``<meta>`` named *name* (``description``,
        ``og:title``), white space collapsed; None without one."""
        element = self.metadata.get(name)
        return " ".join((element.get("content") or "").split()) if element is not None else None

    def derived(self, compute: Callable[..., T], *args: Hashable) -> T:
        """``compute(self, *args)``, computed once per article and shared by every
        rule that asks (readability scores feed both a rule and the stats)."""
        # One look-up where the answer is known (rules ask thousands of times a page).
        key = (compute, *args)
        value: T = self._derived.get(key, _UNKNOWN)
        if value is _UNKNOWN:
            value = self._derived[key] = compute(self, *args)
        return value

    # -- elements ------------------------------------------------------------

    @overload
    def visible_text(self, element: Element) -> str: ...
    @overload
    def visible_text(self, element: Element, most: int) -> str | None: ...
    def visible_text(self, element: Element, most: int | None = None) -> str | None:
        """The text a reader sees inside *element*, white space collapsed; read once
        per article and element, as several rules ask it of the same links. With
        *most*, None past that many characters or elements (see
        :func:`~lint_article.document.layout.visible_text`), read anew."""
        if most is not None:
            return visible_text(element, most)
        return self.once(element, visible_text)

    def is_visible(self, element: Element) -> bool:
        """False when *element* or an ancestor is hidden from readers. The answer
        for each ancestor on the way is remembered for every rule that asks: a
        page of images nested a thousand levels deep costs a step an image, not a thousand."""
        hidden_by_style = self._hidden_by_style
        return self._nearest(element, lambda el: el in hidden_by_style or is_hidden(el), "hidden") is None

    def within(self, element: Element, tags: frozenset[str]) -> bool:
        """True when *element* or one of its ancestors is one of *tags* (remembered
        as :meth:`is_visible` remembers)."""
        return self.closest(element, tags) is not None

    def closest(self, element: Element, tags: frozenset[str]) -> Element | None:
        """*element*, or its nearest ancestor, that is one of *tags*; None when
        neither is (remembered as :meth:`is_visible` remembers). Which list item
        or which table cell a block is part of: two paragraphs in one ``<li>``
        are one item's, two in two items are parallel."""
        return self._nearest(element, lambda el: el.tag in tags, tags)

    def is_code(self, element: Element) -> bool:
        """True when *element* is, or lies inside, code (``<code>``, ``<pre>``, ...)."""
        return self.within(element, CODE_TAGS)

    def is_embedded_post(self, element: Element) -> bool:
        """True when *element* lies inside a social post's embed code (a tweet's
        ``<blockquote class="twitter-tweet">``), which the platform's script
        replaces with the post as its author wrote it (remembered as
        :meth:`is_visible` remembers)."""
        return self._nearest(element, _is_embedded_post, "embedded post") is not None

    def once(self, element: Element, compute: Callable[[Element], T]) -> T:
        """``compute(element)``, once per article and element: a container that holds
        many blocks (text written between its paragraphs) is read once, not once a block."""
        memo: dict[Element, T] = self.derived(_answers, compute)
        if element in memo:
            return memo[element]
        value = memo[element] = compute(element)
        return value

    def _nearest(self, element: Element, test: Callable[[Element], bool], question: Hashable) -> Element | None:
        """*element* or its nearest ancestor for which *test* holds, or None; the
        answers to *question* found so far are remembered, with those of every
        element on the way."""
        known: dict[Element, Element | None] = self.derived(_answers, question)
        path: list[Element] = []
        el: Element | None = element
        found: Element | None = None
        while el is not None:
            if el in known:
                found = known[el]
                break
            path.append(el)
            if isinstance(el.tag, str) and test(el):
                found = el
                break
            el = el.getparent()
        known.update(dict.fromkeys(path, found))
        return found

    @cached_property
    def inline_quotations(self) -> tuple[list[int], list[int]]:
        """The text spans of the inline quoting elements (``<code>``, ``<q>``...):
        their starts in order, and the furthest end of any span that starts at or
        before each, so that whether a passage lies inside one is a binary search."""
        return _searchable(span for el, span in self._text_spans.items() if el.tag in QUOTING_TAGS)

    @cached_property
    def code_spans(self) -> tuple[list[int], list[int]]:
        """The text spans of code, as :attr:`inline_quotations` gives those of the
        quoting elements: each ``<pre>`` block, and each inline ``<code>``,
        ``<kbd>``, ``<samp>`` or ``<tt>``."""
        blocks = ((block.start, block.end) for block in self.blocks if block.kind == "preformatted")
        # The layout's spans, not a walk of the tree: it keeps them for these elements alone.
        inline = (span for el, span in self._text_spans.items() if el.tag in _INLINE_CODE_TAGS)
        return _searchable(itertools.chain(blocks, inline))

    @staticmethod
    def comparison_key(text: str) -> str:
        """*text* reduced for comparison: case, punctuation and spacing ignored."""
        return comparison_key(text)

    @staticmethod
    def count_words(text: str, most: int | None = None) -> int:
        """How many words *text* has, by the one definition of a word (:data:`.tokens.WORD`);
        with *most*, counted no further than that many (is a long block more than a label?)."""
        return sum(1 for _ in itertools.islice(WORD.finditer(text), most))

    @staticmethod
    def words_of(text: str) -> list[str]:
        """The words of a short *text* (a headline), by the one definition of a word."""
        return WORD.findall(text)

    @staticmethod
    def has_name(element: Element) -> bool:
        """Whether something in *element* names it for screen readers besides its
        text: an ``aria-label``, ``aria-labelledby`` or ``title``, an image's
        ``alt``, or an inline SVG's ``<title>``."""
        for el in element.iter():
            if not isinstance(el.tag, str):
                continue
            if any((el.get(attribute) or "").strip() for attribute in _NAMING):
                return True
            if el.tag in ("img", "image") and (el.get("alt") or "").strip():
                return True
            if el.tag == "title" and "".join(str(t) for t in el.itertext()).strip():
                return True
        return False

    # -- positions -----------------------------------------------------------

    def block_text(self, block: Block) -> str:
        return self.text[block.start : block.end]

    def block_at(self, text_offset: int) -> int:
        """Index of the block that contains *text_offset*."""
        return max(0, bisect.bisect_right(self._block_starts, text_offset) - 1)

    @cached_property
    def _block_starts(self) -> list[int]:
        return [b.start for b in self.blocks]

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

    def position_of(self, text_offset: int) -> tuple[int, int]:
        """The source line and column of the character at *text_offset* in :attr:`text`."""
        return self.position(self.source_offset(text_offset))

    def line_of(self, text_offset: int) -> int:
        """The source line of the character at *text_offset* in :attr:`text`."""
        return self.position_of(text_offset)[0]

    def text_span(self, element: Element) -> tuple[int, int] | None:
        """Offsets [start, end) in :attr:`text` of what *element* shows, for an
        element that carries :data:`SPAN_ATTRIBUTE` or is one of the quoting
        tags (``<code>``, ``<q>``...; others: None)."""
        return self._text_spans.get(element)

    def element_span(self, element: Element) -> tuple[int, int]:
        """Source offsets of *element*'s start tag; for an element the parser
        implied (no tag in the source), the start of its line or of its first child."""
        tag = self._tags.get(element)
        if tag is not None:
            return tag.start, tag.end
        for descendant in element.iter():
            tag = self._tags.get(descendant)
            if tag is not None:
                return tag.start, tag.start
        line = cast(int | None, element.sourceline)
        offset = self.lines.line_start(line) if line else 0
        return offset, offset

    def end_tag_span(self, element: Element) -> tuple[int, int] | None:
        """Source offsets of the end tag written for *element*: the first that
        closes it after its content's last start tag and before the next start
        tag (for a heading, any ``</h1>``–``</h6>``, which a browser reads as
        closing it). None when the element has no start tag of its own, holds an
        element of its own name (whose end tag would come first), or the source
        has no end tag there (the parser implied it)."""
        tag = self._tags.get(element)
        if tag is None:
            return None
        low = tag.end
        for descendant in element.iterdescendants():
            if descendant.tag == element.tag:
                return None
            inner = self._tags.get(descendant)
            if inner is not None:
                low = max(low, inner.end)
        tag_starts = self._scanned_tags.starts
        index = bisect.bisect_left(tag_starts, low)
        high = tag_starts[index] if index < len(tag_starts) else len(self.source)
        closing = HEADING_LEVELS.keys() if element.tag in HEADING_LEVELS else {element.tag}
        for match in _END_TAG.finditer(self.source, low, high):
            if match.group(1).lower() in closing and not self.in_comment(match.start()):
                return match.span()
        return None

    def in_comment(self, offset: int) -> bool:
        """Whether source *offset* lies inside a comment."""
        index = bisect.bisect_right(self.comments, (offset, len(self.source) + 1)) - 1
        return index >= 0 and self.comments[index][0] <= offset < self.comments[index][1]

    def attribute_spans(self, element: Element, name: str) -> list[tuple[int, int]]:
        """Source offsets of each attribute *name* written in *element*'s start
        tag (the browser keeps the first of duplicates; all are listed), with
        the white space before it when the tag's end or more white space
        follows: deleting a span leaves a well-formed tag (``<p style="x">``
        becomes ``<p>``, ``<p style="x"class="y">`` becomes ``<p class="y">``)."""
        tag = self._tags.get(element)
        if tag is None:
            return []
        source = self.source
        after_name = _TAG_NAME.match(source, tag.start)
        at = after_name.end() if after_name else tag.end
        end = tag.end - 1 if source.startswith(">", tag.end - 1) else tag.end
        spans = []
        for match in _TAG_ATTRIBUTE.finditer(source, at, end):
            if match.group(2).lower() != name:
                continue
            start = match.start(2)
            following = source[match.end() : match.end() + 1]
            if following in ("", ">", "/") or following.isspace() or match.end() >= end:
                start = match.start()
            spans.append((start, match.end()))
        return spans

    def standalone_span(self, start: int, end: int) -> tuple[int, int]:
        """[start, end) grown to its whole lines, line break included, when
        nothing but white space shares those lines with it; as it is otherwise.
        Deleting an element that stands on lines of its own leaves no blank line."""
        source = self.source
        line_start = source.rfind("\n", 0, start) + 1
        line_end = source.find("\n", end)
        line_end = len(source) if line_end < 0 else line_end
        if source[line_start:start].strip() or source[end:line_end].strip():
            return start, end
        return line_start, min(line_end + 1, len(source))

    @cached_property
    def text_runs(self) -> tuple[tuple[int, int], ...]:
        """Source spans [start, end) of the text between tags, in order: what the
        parser reads as text (``<title>`` and ``<textarea>`` included; comments
        and the raw text of ``<script>`` and ``<style>`` left out)."""
        return tuple(zip(self._text_runs.starts, self._text_runs.ends, strict=True))

    def element_at(self, offset: int) -> Element | None:
        """The element whose start tag begins at source *offset*, if one does."""
        return self._elements_by_start.get(offset)

    @cached_property
    def _elements_by_start(self) -> dict[int, Element]:
        return {tag.start: element for element, tag in self._tags.items()}

    def content_span(self, element: Element, reach: int | None = None) -> tuple[int, int]:
        """Source offsets of what *element* holds: from the end of its start tag to
        its end tag, or, where the source leaves the end tag out (``<p>``, ``<li>``),
        to the next element that is not inside it. With *reach*, the end tag is
        looked for no further than that many characters: an element that holds
        more ends at the next element outside it."""
        start = self.element_span(element)[1]
        following = len(self.source)
        node: Element | None = element
        while node is not None:
            sibling = node.getnext()
            while sibling is not None and not isinstance(sibling.tag, str):  # comments
                sibling = sibling.getnext()
            if sibling is not None:
                following = max(start, self.element_span(sibling)[0])
                break
            node = node.getparent()
        end_tag = re.compile(rf"</{re.escape(str(element.tag))}[\t\n\f\r />]", re.IGNORECASE)
        last = None
        stop = following if reach is None else min(following, start + reach)
        for last in end_tag.finditer(self.source, start, stop):  # noqa: B007 - the last one is its own
            pass
        return start, last.start() if last is not None and stop == following else following

    def _tag_start(self, element: Element) -> int:
        return self.element_span(element)[0]

    def position(self, offset: int) -> tuple[int, int]:
        """1-based line and column of a source offset."""
        return self.lines.position(offset)

    def start_tag_source(self, element: Element) -> str | None:
        """The start tag of *element* exactly as written, if the source has one."""
        tag = self._tags.get(element)
        return self.source[tag.start : tag.end] if tag else None

    def selector(self, element: Element) -> str:
        """A CSS selector that finds *element* from the document's ``<body>``
        (or, for a fragment, from the fragment's container); for an element
        nested deeper than :data:`SELECTOR_LEVELS`, from that many levels up
        (a page of images nested a thousand deep would otherwise have a
        selector of 6 KB for each)."""
        parts: list[str] = []
        el: Element | None = element
        while el is not None and el.tag not in ("body", "html") and len(parts) < SELECTOR_LEVELS:
            parent = el.getparent()
            tag = el.tag if isinstance(el.tag, str) else "*"
            if parent is None:
                parts.append(tag)
                break
            nth = self._nth_of_type(parent)[el]
            parts.append(f"{tag}:nth-of-type({nth})" if nth else tag)
            el = parent
        if el is not None and el.tag == "html" and element.tag == "html":
            parts.append("html")
        return " > ".join(reversed(parts))

    def _nth_of_type(self, parent: Element) -> dict[Element, int]:
        """For each child of *parent*: its rank among the children of its tag, or 0
        when no other child has its tag (a selector then names the tag alone).
        Computed once per parent (a finding on each of 25,000 sibling headings
        must not count the siblings 25,000 times); an int a child, not a pair
        with the count, which cost 60 bytes a sibling more."""
        ranks = self._sibling_ranks.get(parent)
        if ranks is None:
            totals = Counter(child.tag for child in parent)
            seen: Counter[object] = Counter()
            ranks = {}
            for child in parent:
                seen[child.tag] += 1
                ranks[child] = seen[child.tag] if totals[child.tag] > 1 else 0
            self._sibling_ranks[parent] = ranks
        return ranks

    def _heading_texts(self, heading_blocks: Iterable[int]) -> dict[Element, str]:
        """The text of each heading that shows any, from the indices of the
        headings' blocks (one a heading, unless a block inside it splits it),
        joined by a space. A str a heading, not a list of its blocks: a page
        of nothing but headings has hundreds of thousands."""
        texts: dict[Element, str] = {}
        text, blocks = self.text, self.blocks
        for index in heading_blocks:
            block = blocks[index]
            element, shown = block.element, text[block.start : block.end]
            texts[element] = f"{texts[element]} {shown}" if element in texts else shown
        return texts


_UNKNOWN: Any = object()
"""What :meth:`Article.derived` finds for an answer not computed yet (None may be one)."""


def _everything(element: Element) -> bool:
    return True


def _answers(article: Article, question: Hashable) -> dict[Element, Any]:
    """An empty memo, one per article and *question*."""
    return {}


def _searchable(spans: Iterable[tuple[int, int]]) -> tuple[list[int], list[int]]:
    """*spans*' starts in order, and the furthest end of any span that starts at
    or before each: whether an offset lies in one is then a binary search."""
    ordered = sorted(spans)
    return [low for low, _ in ordered], list(itertools.accumulate((high for _, high in ordered), max))


def _is_embedded_post(element: Element) -> bool:
    """Whether *element* is the <blockquote> of a social post's embed code."""
    return element.tag == "blockquote" and _EMBEDDED_POST.search(element.get("class") or "") is not None
