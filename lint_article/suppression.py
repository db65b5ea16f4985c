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

import re
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass, field

from lxml import etree

from .article import SPAN_ATTRIBUTE, Article, Word

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
        self.directives: list[Directive] = _comment_directives(article) + _element_directives(article)

    def __bool__(self) -> bool:
        return bool(self.directives)

    def silencing(self, rule_id: str, offset: int, element: etree._Element | None) -> Directive | None:
        """The directive that silences *rule_id* at source *offset* (or on *element*), if any."""
        for directive in self.directives:
            if not directive.applies_to(rule_id):
                continue
            if directive.element is not None:
                if element is not None and _is_within(element, directive.element):
                    return directive
                continue
            start, end = directive.covers
            if start <= offset < end:
                return directive
        return None

    def words_for(self, rule_id: str) -> Sequence[Word]:
        """The article's words less those a directive hides from *rule_id*."""
        article = self._article
        relevant = [d for d in self.directives if d.applies_to(rule_id)]
        if not relevant:
            return article.words
        spans = [(directive, *self._span(directive)) for directive in relevant]
        kept = []
        for word in article.words:
            offset = article.source_offset(word.start)
            for directive, start, end, in_text in spans:
                if start <= (word.start if in_text else offset) < end:
                    directive.used = True
                    break
            else:
                kept.append(word)
        return tuple(kept)

    def _span(self, directive: Directive) -> tuple[int, int, bool]:
        """What *directive* covers, as [start, end) and whether that is in the
        visible text (an element) or in the source (a comment)."""
        if directive.element is None:
            return (*directive.covers, False)
        span = self._article.text_span(directive.element)
        return (*(span or (0, 0)), True)

    def unused(self) -> Iterable[Directive]:
        return (d for d in self.directives if not d.used)


def _is_within(element: etree._Element, ancestor: etree._Element) -> bool:
    node: etree._Element | None = element
    while node is not None:
        if node is ancestor:
            return True
        node = node.getparent()
    return False


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
