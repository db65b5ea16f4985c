"""Directives in the article that silence rules, and what each one silenced.

In comments, for files a writer edits::

    <!-- lint-article-disable rule-a, rule-b -->   ...   <!-- lint-article-enable -->
    <!-- lint-article-disable-next-line rule-a -->
    <!-- lint-article-disable-file rule-a -->

No rule named means every rule. On an element, for CMS HTML minified onto
one line where line comments cannot work::

    <aside data-lint-article-disable="boilerplate link-text">...</aside>

(an empty value silences every rule) covers the element and everything in it.

A comment that starts with the tool's name but is not one of these directives
exactly (``lint-article-disable-line``, ``lint-article disable``, a rule id in
capitals), or a ``data-lint-article-*`` attribute other than this one, silences
nothing: it is an :class:`InvalidDirective`, which the ``invalid-directive``
rule reports, rather than a directive half understood.
"""

from __future__ import annotations

import bisect
import heapq
import re
from collections.abc import Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass, field

from .document import SPAN_ATTRIBUTE, Article, Element, View, Words
from .findings import Finding
from .regex import on_use

KINDS = ("disable", "enable", "disable-next-line", "disable-file")
PREFIX = "lint-article-"
_DIRECTIVE = on_use(
    r"\s*lint-article-(?P<kind>disable-next-line|disable-file|disable|enable)(?P<rules>(?:\s.*)?)", re.DOTALL
)
# What a directive meant for this tool starts with, however mistyped: "lint-article",
# "lint_article", "Lint Article", "lintarticle". Matched at the start of each comment
# only: a case-blind search of a whole page costs more than its few comments.
_ADDRESSED = on_use(r"\s*lint[-_ ]?article", re.IGNORECASE)
_RULE_LIST = on_use(r"[\s,]+")
_RULE_ID = on_use(r"[a-z][a-z0-9]*(?:-[a-z0-9]+)*")
_COMMENT_END = on_use(r"(?:-->|--!>)\Z")
# Directives of other linters (ESLint, markdownlint) that writers carry over, and ours that do their work.
_OTHER_TOOLS_KINDS = {
    "disable-line": "“lint-article-disable-next-line” on the line before",
    "disable-next": "“lint-article-disable-next-line”",
}


@dataclass
class Directive:
    """One suppression directive and the source range it covers."""

    kind: str
    rules: frozenset[str]
    """Empty for every rule."""
    start: int
    """Source offset of the directive itself."""
    covers: tuple[int, int]
    """Source offsets [start, end) whose findings it silences; a ``disable``
    region runs to the end of the file, and for each rule to the first
    ``lint-article-enable`` after it that names the rule or no rule."""
    element: Element | None = None
    used: bool = field(default=False)
    end: int = -1
    """Source offset just past the directive itself: its comment, or its element's start tag."""

    def applies_to(self, rule_id: str) -> bool:
        return not self.rules or rule_id in self.rules


@dataclass(frozen=True)
class InvalidDirective:
    """A comment or attribute addressed to lint-article that is no directive: it silences nothing."""

    start: int
    end: int
    """Source offsets [start, end) of the comment or of the element's start tag."""
    problem: str
    """``unknown-directive``, ``bad-rule-id`` or ``unknown-attribute``."""
    values: Mapping[str, str]
    """What the message says: the text written and, where one is close, what was meant."""
    element: Element | None = None


class Suppressions:
    """The directives of one article, and what each silenced.

    The one place that knows suppression: the rule context hands it each
    finding it makes (:meth:`judge`), the engine keeps what it does not silence
    (:meth:`kept`), prose rules count the words it leaves them
    (:meth:`words_for`), and the rules about directives read :attr:`directives`
    and :attr:`invalid`."""

    def __init__(self, article: Article) -> None:
        self._article = article
        addressed = list(_addressed_comments(article))
        comments, self._enables = _comment_directives(article, addressed)
        # The attributes' common prefix, as written: one read of a long page's source tells that it has none.
        attributed = "data-lint" in article.source
        elements = _element_directives(article) if attributed else []
        self.directives: list[Directive] = comments + elements
        """The valid directives, comments first, then attributes."""
        self.invalid: list[InvalidDirective] = sorted(
            [invalid for _, _, _, invalid in addressed if invalid is not None]
            + (_invalid_attributes(article) if attributed else []),
            key=lambda invalid: invalid.start,
        )
        """Comments and attributes addressed to lint-article that are no directive, in source order."""
        self._comments = comments
        self._on_element = {d.element: d for d in elements if d.element is not None}
        self._source_spans: dict[str, _Spans] = {}
        self._silenced: dict[int, Finding] = {}
        """The silenced findings by identity; held, so that no other finding can take a freed one's id."""

    def judge(self, finding: Finding, rule_id: str, offset: int, element: Element | None) -> None:
        """Note *finding* of *rule_id*, made at source *offset* (on *element*):
        silenced, and its directive used, when a directive covers it."""
        if not self.directives:
            return
        directive = self.silencing(rule_id, offset, element)
        if directive is not None:
            directive.used = True
            self._silenced[id(finding)] = finding

    def carry(self, finding: Finding, replacement: Finding) -> None:
        """Judge *replacement* (the same finding with a fix attached) as *finding* was judged."""
        if id(finding) in self._silenced:
            del self._silenced[id(finding)]
            self._silenced[id(replacement)] = replacement

    def kept(self, findings: Iterable[Finding]) -> list[Finding]:
        """*findings* less those a directive silenced."""
        return [finding for finding in findings if id(finding) not in self._silenced]

    def silencing(self, rule_id: str, offset: int, element: Element | None) -> Directive | None:
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

    def words_for(self, rule_id: str, view: View) -> Words:
        """The *view*'s words less those a directive hides from *rule_id*."""
        if not self.directives:  # most articles: no spans to build for each prose rule that asks
            return view.words
        article = self._article
        in_source = self._comment_spans(rule_id)
        in_text = _Spans(
            [(*(article.text_span(e) or (0, 0)), d) for e, d in self._on_element.items() if d.applies_to(rule_id)]
        )
        if not (in_source or in_text):
            return view.words
        kept = Words(text_length=len(article.text))
        for word in view.words:
            directive = in_source.at(article.source_offset(word.start)) or in_text.at(word.start)
            if directive is None:
                kept.append(*word)
            else:
                directive.used = True
        return kept

    def _comment_spans(self, rule_id: str) -> _Spans:
        if rule_id not in self._source_spans:
            # Each region ends at the first enable after it that names the rule: found
            # by a binary search, rather than splitting every open region at every
            # enable (n regions and n enables would make n² pieces).
            enabled_at = [at for at, names in self._enables if not names or rule_id in names]
            relevant = []
            for directive in self._comments:
                if not directive.applies_to(rule_id):
                    continue
                start, end = directive.covers
                if directive.kind == "disable":
                    enable = bisect.bisect_left(enabled_at, start)
                    end = enabled_at[enable] if enable < len(enabled_at) else end
                relevant.append((start, end, directive))
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


def _bad_rule_id(text: str) -> str | None:
    """The first word of a rule list that cannot be a rule id, if any."""
    return next((part for part in _rule_ids(text) if not _RULE_ID.fullmatch(part)), None)


Addressed = tuple[int, int, "re.Match[str] | None", "InvalidDirective | None"]


def _comment_directives(
    article: Article, addressed: list[Addressed]
) -> tuple[list[Directive], list[tuple[int, frozenset[str]]]]:
    """The directives that silence, in source order, and where each
    ``lint-article-enable`` is with the rules it names (none: every rule)."""
    source = article.source
    directives: list[Directive] = []
    enables: list[tuple[int, frozenset[str]]] = []
    for at, after, match, _ in addressed:
        if match is None:
            continue
        kind, rules = match.group("kind"), _rule_ids(match.group("rules"))
        if kind == "disable-file":
            directives.append(Directive(kind, rules, at, (0, len(source) + 1), end=after))
        elif kind == "disable-next-line":
            directives.append(Directive(kind, rules, at, _next_content_line(article, after), end=after))
        elif kind == "disable":
            directives.append(Directive(kind, rules, at, (after, len(source) + 1), end=after))
        else:
            enables.append((at, rules))
    return directives, enables


def _addressed_comments(article: Article) -> Iterator[Addressed]:
    """(start, end, directive, invalid) for each comment addressed to lint-article:
    its span, and either the directive it spells or what is wrong with it. Only
    real comments count, not one quoted in script text, an attribute value or a
    ``<textarea>``, which only looks like a comment."""
    source = article.source
    for start, end in article.comments:
        body_start = start + len("<!--")
        if not _ADDRESSED.match(source, body_start, end):
            continue
        closing = _COMMENT_END.search(source, body_start, end)
        body = source[body_start : closing.start() if closing else end]
        match = _DIRECTIVE.fullmatch(body)
        bad = _bad_rule_id(match.group("rules")) if match else None
        if match is not None and bad is None:
            yield start, end, match, None
        elif bad is not None:
            yield start, end, None, InvalidDirective(start, end, "bad-rule-id", {"word": bad})
        else:
            yield start, end, None, _unknown_directive(start, end, body)


def _unknown_directive(start: int, end: int, body: str) -> InvalidDirective:
    """What a mistyped directive says, with the directive meant where one is close."""
    words = body.split()
    written = words[0] if words else ""
    if _ADDRESSED.fullmatch(written) and len(words) > 1:  # "lint-article disable ...": the name in two words
        written = f"{written} {words[1]}"
    kind = re.sub(r"^lint[-_ ]?article[-_ :]*", "", written.lower()).replace("_", "-").rstrip(":,")
    names = [PREFIX + kind for kind in KINDS]
    if kind in _OTHER_TOOLS_KINDS:
        hint = f"; did you mean {_OTHER_TOOLS_KINDS[kind]}?"
    else:
        import difflib  # only for a mistake: kept off start-up

        close = difflib.get_close_matches(PREFIX + kind, names, n=1, cutoff=0.75) if kind else []
        hint = f"; did you mean “{close[0]}”?" if close else f" (directives: {', '.join(names)})"
    return InvalidDirective(start, end, "unknown-directive", {"text": written, "hint": hint})


def _invalid_attributes(article: Article) -> list[InvalidDirective]:
    """``data-lint-article-*`` attributes other than :data:`SPAN_ATTRIBUTE`, and
    values of it that name something other than rule ids (on a page whose source holds "data-lint")."""
    found = []
    for element in article.page.elements():
        for key, raw in element.attrib.items():
            name, value = str(key), str(raw)
            if not name.startswith("data-lint"):
                continue
            start, end = article.element_span(element)
            bad = _bad_rule_id(value) if name == SPAN_ATTRIBUTE else None
            if bad is not None:
                found.append(InvalidDirective(start, end, "bad-rule-id", {"word": bad}, element))
            elif name != SPAN_ATTRIBUTE:
                values = {"name": name, "hint": f"; did you mean “{SPAN_ATTRIBUTE}”?"}
                found.append(InvalidDirective(start, end, "unknown-attribute", values, element))
    return found


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
    for element in article.page.elements():
        value = element.get(SPAN_ATTRIBUTE)
        if value is not None and _bad_rule_id(value) is None:
            start, end = article.element_span(element)
            directives.append(Directive("attribute", _rule_ids(value), start, (start, start), element, end=end))
    return directives
