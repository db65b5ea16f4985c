"""Directives in the article that silence rules, and what each one silenced.

In comments, for files a writer edits::

    <!-- lint-article-disable rule-a, rule-b -->   ...   <!-- lint-article-enable -->
    <!-- lint-article-disable-next-line rule-a -->
    <!-- lint-article-disable-file rule-a -->

No rule named means every rule. On an element, for CMS HTML minified onto
one line where line comments cannot work::

    <aside data-lint-article-disable="boilerplate link-text">...</aside>

(an empty value silences every rule) covers the element and everything in it.
"""

from __future__ import annotations

import bisect
import heapq
import re
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass, field

from lxml import etree

from .document import SPAN_ATTRIBUTE, Article, View, Word

_DIRECTIVE = re.compile(
    r"<!--\s*lint-article-(?P<kind>disable-next-line|disable-file|disable|enable)\b(?P<rules>.*?)-->", re.DOTALL
)
_RULE_LIST = re.compile(r"[\s,]+")


@dataclass
class Directive:
    """One suppression directive and the source range it covers."""

    kind: str
    rules: frozenset[str]
    """Empty for every rule."""
    start: int
    """Source offset of the directive itself."""
    covers: tuple[int, int]
    """Source offsets [start, end) whose findings it silences."""
    element: etree._Element | None = None
    excluded: frozenset[str] = frozenset()
    """Rules re-enabled inside a region that silences every rule."""
    used: bool = field(default=False)

    def applies_to(self, rule_id: str) -> bool:
        return (not self.rules or rule_id in self.rules) and rule_id not in self.excluded


class Suppressions:
    """The directives of one article."""

    def __init__(self, article: Article) -> None:
        self._article = article
        comments = _comment_directives(article)
        elements = _element_directives(article)
        self.directives: list[Directive] = comments + elements
        self._comments = comments
        self._on_element = {d.element: d for d in elements if d.element is not None}
        self._source_spans: dict[str, _Spans] = {}

    def __bool__(self) -> bool:
        return bool(self.directives)

    def silencing(self, rule_id: str, offset: int, element: etree._Element | None) -> Directive | None:
        """The directive that silences *rule_id* at source *offset* (or on *element*), if any:
        the first in :attr:`directives` when several do."""
        found = self._comment_spans(rule_id).at(offset)
        node = element if self._on_element and found is None else None
        while node is not None:  # the outermost element directive comes first
            directive = self._on_element.get(node)
            if directive is not None and directive.applies_to(rule_id):
                found = directive
            node = node.getparent()
        return found

    def words_for(self, rule_id: str, view: View) -> Sequence[Word]:
        """The *view*'s words less those a directive hides from *rule_id*."""
        article = self._article
        in_source = self._comment_spans(rule_id)
        in_text = _Spans(
            [(*(article.text_span(e) or (0, 0)), d) for e, d in self._on_element.items() if d.applies_to(rule_id)]
        )
        if not (in_source or in_text):
            return view.words
        kept = []
        for word in view.words:
            directive = in_source.at(article.source_offset(word.start)) or in_text.at(word.start)
            if directive is None:
                kept.append(word)
            else:
                directive.used = True
        return tuple(kept)

    def _comment_spans(self, rule_id: str) -> _Spans:
        if rule_id not in self._source_spans:
            relevant = [(*d.covers, d) for d in self._comments if d.applies_to(rule_id)]
            self._source_spans[rule_id] = _Spans(relevant)
        return self._source_spans[rule_id]

    def unused(self) -> Iterable[Directive]:
        return (d for d in self.directives if not d.used)


class _Spans:
    """Which of some directives' [start, end) spans holds a point; the first one
    given when several do. One look-up is a binary search, so that an article
    with thousands of directives and findings costs n log n, not n²."""

    def __init__(self, spans: Sequence[tuple[int, int, Directive]]) -> None:
        spans = [span for span in spans if span[0] < span[1]]
        self._bounds = sorted({start for start, _, _ in spans} | {end for _, end, _ in spans})
        """Where the set of spans that hold a point changes."""
        self._owners: list[Directive | None] = []
        """The directive that holds each stretch from one bound to the next."""
        starts = sorted((start, index) for index, (start, _, _) in enumerate(spans))
        held: list[tuple[int, int]] = []  # a heap of (index, end): the first given on top
        opened = 0
        for bound in self._bounds:
            while opened < len(starts) and starts[opened][0] <= bound:
                index = starts[opened][1]
                heapq.heappush(held, (index, spans[index][1]))
                opened += 1
            while held and held[0][1] <= bound:  # closed: spans closed under the top wait till they surface
                heapq.heappop(held)
            self._owners.append(spans[held[0][0]][2] if held else None)

    def __bool__(self) -> bool:
        return bool(self._bounds)

    def at(self, point: int) -> Directive | None:
        stretch = bisect.bisect_right(self._bounds, point) - 1
        return self._owners[stretch] if stretch >= 0 else None


def _rule_ids(text: str) -> frozenset[str]:
    return frozenset(part for part in _RULE_LIST.split(text.strip()) if part)


def _comment_directives(article: Article) -> list[Directive]:
    source = article.source
    if "lint-article-" not in source:
        return []
    directives: list[Directive] = []
    open_regions: list[Directive] = []
    for match in _directive_comments(article):
        kind, rules, at = match.group("kind"), _rule_ids(match.group("rules")), match.start()
        if kind == "disable-file":
            directives.append(Directive(kind, rules, at, (0, len(source) + 1)))
        elif kind == "disable-next-line":
            directives.append(Directive(kind, rules, at, _next_content_line(article, match.end())))
        elif kind == "disable":
            region = Directive(kind, rules, at, (match.end(), len(source) + 1))
            directives.append(region)
            open_regions.append(region)
        else:
            for region in list(open_regions):
                open_regions.remove(region)
                region.covers = (region.covers[0], at)
                rest = _still_disabled(region, rules, match.end(), len(source) + 1)
                if rest is not None:
                    directives.append(rest)
                    open_regions.append(rest)
    return directives


def _directive_comments(article: Article) -> Iterator[re.Match[str]]:
    """The directives written as comments: not those quoted in script text, an
    attribute value or a ``<textarea>``, which only look like comments."""
    for start, end in article.comments:
        match = _DIRECTIVE.match(article.source, start, end)
        if match is not None:
            yield match


def _still_disabled(region: Directive, enabled: frozenset[str], start: int, end: int) -> Directive | None:
    """What of *region* stays disabled after ``lint-article-enable`` names *enabled*
    (no name enables everything)."""
    if not enabled:
        return None
    if region.rules:
        remaining = region.rules - enabled
        return Directive(region.kind, remaining, region.start, (start, end)) if remaining else None
    return Directive(region.kind, region.rules, region.start, (start, end), excluded=region.excluded | enabled)


def _next_content_line(article: Article, after: int) -> tuple[int, int]:
    """The source range of the first line after *after* that holds more than white space."""
    source = article.source
    line_end = source.find("\n", after)
    while line_end >= 0:
        start = line_end + 1
        end = source.find("\n", start)
        end = len(source) if end < 0 else end
        if source[start:end].strip():
            return start, end + 1
        line_end = end if end < len(source) else -1
    return after, after


def _element_directives(article: Article) -> list[Directive]:
    if SPAN_ATTRIBUTE not in article.source:
        return []
    directives = []
    for element in article.tree.iter(etree.Element):
        value = element.get(SPAN_ATTRIBUTE)
        if value is not None:
            start, _ = article.element_span(element)
            directives.append(Directive("attribute", _rule_ids(value), start, (start, start), element))
    return directives
