"""The rule protocol: what a rule declares and how it reports.

A rule is one small class::

    class SingleH1(Rule):
        \"\"\"Documentation, with the sections listed in :data:`DOC_SECTIONS`.\"\"\"

        id = "single-h1"
        summary = "An article has exactly one <h1>."
        severity = Severity.ERROR
        messages = {"missing": "no <h1> found", "extra": "extra <h1>; the first is on line {first}"}
        advice = {"missing": "Give the article its title as an <h1>.", "extra": "Make this heading an <h2>."}

        @dataclass(frozen=True, kw_only=True)
        class Options(RuleOptions):
            ...

        def check(self, article, ctx):
            yield ctx.at_element(element, "extra", first=3)

Rules are stateless: everything a check needs arrives in its arguments, and it
yields :class:`~lint_article.findings.Finding` objects made by ``ctx``.
"""

from __future__ import annotations

import contextlib
import dataclasses
import types
import typing
from collections import Counter
from collections.abc import Iterator, Mapping, Sequence
from dataclasses import dataclass
from string import Formatter
from typing import TYPE_CHECKING, Any, ClassVar, Generic, TypeVar

from .findings import Applicability, Edit, Finding, Fix, Severity

if TYPE_CHECKING:  # only named in annotations: configuration can be read without loading the parser
    from .document import Article, Element, View, Words
    from .suppression import Suppressions

DOC_SECTIONS = ("What it checks", "Why", "Fails", "Passes")
DOCS_URL = "https://github.com/lint-article/lint-article/blob/main/rules/{id}.md"
_SNIPPET_LENGTH = 80
_WHOLE_PAGE_TAGS = frozenset({"html", "head", "body", "main", "article"})
"""Elements that are never deleted as a block's: they hold the article itself."""


class ConfigError(ValueError):
    """Configuration that is wrong; the message says where and why, one line per
    problem (:attr:`problems`), so that every mistake is reported at once."""

    def __init__(self, *problems: str) -> None:
        super().__init__("\n".join(problems))
        self.problems: tuple[str, ...] = problems


class Problems:
    """Collects the problems of several checks, to raise them together::

    problems = Problems()
    with problems.collected():
        check_one()
    with problems.collected("rules.word-count: "):
        check_another()
    problems.raise_if_any()
    """

    def __init__(self) -> None:
        self.found: list[str] = []

    @contextlib.contextmanager
    def collected(self, prefix: str = "") -> Iterator[None]:
        """Record the problems of a ConfigError raised inside, each after *prefix*."""
        try:
            yield
        except ConfigError as exc:
            self.found.extend(prefix + problem for problem in exc.problems)

    def raise_if_any(self) -> None:
        if self.found:
            raise ConfigError(*dict.fromkeys(self.found))


def option(default: Any, doc: str, *, minimum: float | None = None, maximum: float | None = None) -> Any:
    """Declare a rule option: its default, its documentation and its range."""
    return dataclasses.field(default=default, metadata={"doc": doc, "minimum": minimum, "maximum": maximum})


@dataclass(frozen=True, kw_only=True)
class RuleOptions:
    """Base of every rule's options; a rule with no options uses it as is."""

    def __init_subclass__(cls, **kwargs: Any) -> None:
        super().__init_subclass__(**kwargs)
        if not cls.__dict__.get("__doc__"):
            # Else @dataclass writes one from the class's signature, through
            # inspect: 0.3 ms a rule, paid by every one-file run at start-up.
            cls.__doc__ = f"The options of {cls.__qualname__.removesuffix('.Options')}."

    def __post_init__(self) -> None:
        problems = []
        for field in dataclasses.fields(self):
            value = getattr(self, field.name)
            low, high = field.metadata.get("minimum"), field.metadata.get("maximum")
            if value is None or isinstance(value, bool):
                continue
            if isinstance(value, int | float):
                if low is not None and value < low:
                    problems.append(f"option {field.name!r} must be at least {low}, got {value}")
                if high is not None and value > high:
                    problems.append(f"option {field.name!r} must be at most {high}, got {value}")
        if problems:
            raise ConfigError(*problems)
        self.validate()

    def validate(self) -> None:
        """Checks across options (``min`` below ``max``); raise :class:`ConfigError`."""

    @classmethod
    def from_mapping(cls, values: Mapping[str, Any]) -> RuleOptions:
        """Build options from configuration, rejecting unknown keys and wrong types."""
        fields, hints = _described(cls)
        kwargs: dict[str, Any] = {}
        problems = Problems()
        for key, value in values.items():
            field = fields.get(key)
            if field is None:
                known = ", ".join(sorted(f.name for f in dataclasses.fields(cls))) or "none"
                problems.found.append(f"unknown option {key!r} (known options: {known})")
                continue
            with problems.collected():
                kwargs[field.name] = _coerce(field.name, value, hints[field.name])
        with problems.collected():  # the ranges of the values that are right are checked too
            options = cls(**kwargs)
        problems.raise_if_any()
        return options


_Described = tuple[dict[str, "dataclasses.Field[Any]"], dict[str, Any]]
_DESCRIBED: dict[type[RuleOptions], _Described] = {}


def _described(options: type[RuleOptions]) -> _Described:
    """The fields of *options* by name (``max_words`` and ``max-words``) and their
    type hints: read once a class, as ``get_type_hints`` compiles each annotation
    anew at every call (four fifths of a linter's making)."""
    described = _DESCRIBED.get(options)
    if described is None:
        fields = {f.name.replace("_", "-"): f for f in dataclasses.fields(options)}
        fields.update({f.name: f for f in dataclasses.fields(options)})
        described = _DESCRIBED[options] = (fields, typing.get_type_hints(options))
    return described


def _coerce(name: str, value: Any, hint: Any) -> Any:
    allowed = (
        typing.get_args(hint)
        if isinstance(hint, types.UnionType) or typing.get_origin(hint) is typing.Union
        else (hint,)
    )
    for kind in allowed:
        if kind is type(None) and value is None:
            return None
        if kind is float and isinstance(value, int | float) and not isinstance(value, bool):
            return float(value)
        if kind is int and isinstance(value, int) and not isinstance(value, bool):
            return value
        if kind in (str, bool) and isinstance(value, kind):
            return value
        is_string_list = isinstance(value, list | tuple) and all(isinstance(item, str) for item in value)
        if typing.get_origin(kind) is tuple and is_string_list:
            return tuple(value)
    names = " or ".join(getattr(kind, "__name__", str(kind)).replace("NoneType", "none") for kind in allowed)
    raise ConfigError(f"option {name!r} must be {names}, got {type(value).__name__} {value!r}")


OptionsT = TypeVar("OptionsT", bound=RuleOptions)


class Context(Generic[OptionsT]):
    """What a rule's check receives besides the article: its options, and the
    means to make findings with the right rule id, severity and position."""

    __slots__ = (
        "_article",
        "_rule",
        "_suppressions",
        "_url",
        "_words",
        "known_rules",
        "language",
        "options",
        "rules_run",
        "severity",
        "view",
    )

    def __init__(
        self,
        rule: Rule,
        article: Article,
        options: OptionsT,
        severity: Severity,
        language: str | None,
        suppressions: Suppressions | None = None,
        scope: str = "article",
        *,
        rules_run: frozenset[str] = frozenset(),
        known_rules: frozenset[str] | None = None,
    ) -> None:
        self._rule = rule
        self._article = article
        if suppressions is None:
            from .suppression import Suppressions  # the engine passes the article's; a test may not

            suppressions = Suppressions(article)
        self._suppressions = suppressions
        self._words: Words | None = None
        self._url: str | None = None
        self.options = options
        self.severity = severity
        self.language = language
        """The article's primary language subtag (``en``), or None when unknown."""
        self.view: View = article.view(scope)
        """What the rule reads: the article's body (:attr:`Article.body`), or the
        whole page (:attr:`Article.page`) when it audits the site's template."""
        self.rules_run = rules_run
        """The ids of every rule that runs on this article."""
        self.known_rules = known_rules
        """Every installed rule id (None: not known)."""

    @property
    def suppressions(self) -> Suppressions:
        """The article's suppression directives; a rule that :attr:`~Rule.runs_last`
        sees which of them silenced a finding."""
        return self._suppressions

    @property
    def words(self) -> Words:
        """The view's words less those that suppression directives hide from
        this rule: prose rules count these, so a disabled passage is left out."""
        if self._words is None:
            self._words = self._suppressions.words_for(self._rule.id, self.view)
        return self._words

    def _docs_url(self) -> str:
        """The rule's :meth:`~Rule.docs_url`, asked once per article: its findings
        share one string (a page of 50,000 headings held 50,000 copies)."""
        if self._url is None:
            self._url = self._rule.docs_url()
        return self._url

    def message(self, message_id: str, /, **values: Any) -> str:
        return self._rule.messages[message_id].format(**values)

    def advice(self, message_id: str, /, **values: Any) -> str:
        """The rule's advice for *message_id*, filled in as the message is ("" without one)."""
        advice = self._rule.advice.get(message_id)
        return advice.format(**values) if advice else ""

    def fix(self, title: str, edits: Sequence[tuple[int, int, str]], *, unsafe: bool = False) -> Fix:
        """A fix for a finding: *edits* are ``(start, end, replacement)`` over
        source offsets of the article, in order and not overlapping; *unsafe* for
        one that deletes or restructures the writer's prose. Pass it to a finding
        with :meth:`fixed`; the engine refuses it from a rule that is not ``fixable``."""
        position = self._article.position
        return Fix(
            title,
            tuple(Edit(start, end, text, *position(start), *position(end)) for start, end, text in edits),
            Applicability.UNSAFE if unsafe else Applicability.SAFE,
        )

    def relevel(self, element: Element, level: int) -> list[tuple[int, int, str]] | None:
        """The edits that make the heading *element* an ``<h{level}>``: the digit of
        its start tag and of its end tag, nothing else; None when the source does
        not spell out both tags."""
        article = self._article
        start, _ = article.element_span(element)
        closing = article.end_tag_span(element)
        if article.start_tag_source(element) is None or closing is None:
            return None
        return [(start + 2, start + 3, str(level)), (closing[0] + 3, closing[0] + 4, str(level))]

    def removal(self, element: Element) -> list[tuple[int, int, str]] | None:
        """The edit that deletes *element*, start tag to end tag, with its line
        when it stands on lines of its own; None when the source does not spell
        out both tags."""
        article = self._article
        closing = article.end_tag_span(element)
        if article.start_tag_source(element) is None or closing is None:
            return None
        start, end = article.standalone_span(article.element_span(element)[0], closing[1])
        return [(start, end, "")]

    def fixed(self, finding: Finding, fix: Fix | None) -> Finding:
        """*finding*, made by this context, with *fix* attached (as it is when *fix* is None)."""
        if fix is None:
            return finding
        with_fix = dataclasses.replace(finding, fix=fix)
        self._suppressions.carry(finding, with_fix)
        return with_fix

    def deletion(self, start: int, end: int) -> list[tuple[int, int, str]] | None:
        """The edits that delete the text from *start* to *end* of
        :attr:`Article.text`: the elements of the blocks it covers whole (start
        tag to end tag, with their lines when they stand alone), or, inside one
        block, the span itself where the source spells it as the reader sees
        it. None when neither is possible: an element that holds more than its
        block, a block with no end tag, a span with markup or entities inside."""
        article = self._article
        text = article.text
        first, last = article.block_at(start), article.block_at(max(start, end - 1))
        block = article.blocks[first] if article.blocks else None
        if block is None:
            return None
        if first == last and text[start:end].strip() != article.block_text(block).strip():
            low, high = article.source_offset(start), article.source_offset(max(start, end - 1)) + 1
            return [(low, high, "")] if article.source[low:high] == text[start:end] else None
        edits: list[tuple[int, int, str]] = []
        for index in range(first, last + 1):
            block = article.blocks[index]
            element = block.element
            if element.tag in _WHOLE_PAGE_TAGS:
                return None
            expected = article.block_text(block)
            # Read no further than twice the block: an element that holds the rest
            # of the page (nested inside it) would be read whole for each block.
            shown = article.visible_text(element, 2 * len(expected) + 16)
            if shown is None or article.comparison_key(shown) != article.comparison_key(expected):
                return None  # the element holds more than this block: deleting it would take that too
            removal = self.removal(element)
            if removal is None:
                return None
            if not edits or removal[0][0] >= edits[-1][1]:
                edits.extend(removal)
            elif removal[0][:2] != edits[-1][:2]:
                return None
        return edits

    def at_source(
        self, start: int, end: int, message_id: str, element: Element | None = None, /, **values: Any
    ) -> Finding:
        """A finding over source offsets [start, end)."""
        article = self._article
        line, column = article.position(start)
        end_line, end_column = article.position(max(start, end))
        snippet = " ".join(article.source[start : min(end, start + 4 * _SNIPPET_LENGTH)].split())
        if len(snippet) > _SNIPPET_LENGTH:
            snippet = snippet[: _SNIPPET_LENGTH - 1] + "…"
        lighter = self._rule.message_severity.get(message_id)
        finding = Finding(
            rule=self._rule.id,
            severity=self.severity if lighter is None else min(self.severity, lighter),
            message=self.message(message_id, **values),
            message_id=message_id,
            line=line,
            column=column,
            end_line=end_line,
            end_column=end_column,
            snippet=snippet,
            selector=article.selector(element) if element is not None else "",
            url=self._docs_url(),
            data=values,
            advice=self.advice(message_id, **values),
        )
        self._suppressions.judge(finding, self._rule.id, start, element)
        return finding

    def at_element(self, element: Element, message_id: str, /, **values: Any) -> Finding:
        """A finding at *element*'s start tag."""
        start, end = self._article.element_span(element)
        return self.at_source(start, end, message_id, element, **values)

    def at_text(self, start: int, end: int, message_id: str, /, **values: Any) -> Finding:
        """A finding over a span of :attr:`Article.text`, located at its block's element."""
        article = self._article
        source_start = article.source_offset(start)
        source_end = article.source_offset(max(start, end - 1)) + 1
        element = article.blocks[article.block_at(start)].element if article.blocks else None
        return self.at_source(source_start, source_end, message_id, element, **values)

    def at_document(self, message_id: str, /, **values: Any) -> Finding:
        """A finding about the whole article: where the article starts (its first
        block) when the rule reads the article of a full page, else at line 1, column 1."""
        article, view = self._article, self.view
        if article.is_fragment or view.scope == "page" or not view.block_indices:
            return self.at_source(0, 0, message_id, None, **values)
        first = article.blocks[view.block_indices[0]]
        start = article.source_offset(first.start)
        return self.at_source(start, start, message_id, first.element, **values)


def line_list(positions: Sequence[tuple[int, int]]) -> str:
    """Where occurrences are, for a message: their lines, each once, "lines 3, 10, 22";
    occurrences that share a line (one-line HTML) as line:column, "lines 3, 7:4, 7:41",
    and all on one line, "line 1, columns 5, 80, 212"."""
    columns: dict[int, list[int]] = {}
    for line, column in positions:
        columns.setdefault(line, []).append(column)
    if len(columns) == 1 and len(positions) > 1:
        ((line, found),) = columns.items()
        return f"line {line}, columns {', '.join(map(str, found))}"
    parts = [
        str(line) if len(found) == 1 else ", ".join(f"{line}:{c}" for c in found) for line, found in columns.items()
    ]
    return ("line " if len(positions) == 1 else "lines ") + ", ".join(parts)


def place_names(positions: Sequence[tuple[int, int]]) -> list[str]:
    """Each position for a message, "line 56"; as line:column, "line 1:568", where
    another position shares its line (one-line HTML)."""
    lines = Counter(line for line, _ in positions)
    return [f"line {line}:{column}" if lines[line] > 1 else f"line {line}" for line, column in positions]


def span_name(start: tuple[int, int], end: tuple[int, int]) -> str:
    """A stretch of the source for a message: "lines 12–30", or "line 1, columns 5–900"."""
    if start[0] == end[0]:
        return f"line {start[0]}, columns {start[1]}–{end[1]}"
    return f"lines {start[0]}–{end[0]}"


class Rule:
    """Base class of every rule, built-in or plugin."""

    id: ClassVar[str]
    summary: ClassVar[str]
    severity: ClassVar[Severity] = Severity.WARNING
    messages: ClassVar[Mapping[str, str]]
    advice: ClassVar[Mapping[str, str]] = {}
    """For each message id, one line that tells the writer what to do, in their
    words ("Split the longest sentences in two."); its fields are the message's."""
    message_severity: ClassVar[Mapping[str, Severity]] = {}
    """The messages that are lighter than the rule's severity (a hint among
    warnings): each is reported at most at its severity here."""
    Options: ClassVar[type[RuleOptions]] = RuleOptions
    fixable: ClassVar[bool] = False
    """True for a rule that attaches fixes to its findings; the engine refuses a
    fix from a rule that does not say so."""
    fix_applicability: ClassVar[Mapping[str, Applicability]] = {}
    """For each message id that gets a fix, whether that fix is ``safe`` or
    ``unsafe`` (what ``explain`` and the rule pages say); a fix of a finding may
    be less safe than this where the rule is less sure."""
    default_enabled: ClassVar[bool] = True
    scope: ClassVar[str] = "article"
    """What the rule reads by default: ``article`` (the writer's article, without
    the site's template), ``story`` (the article with the boxes and captions set
    aside in it: bylines, fact boxes, pictures' captions) or ``page`` (a rule
    about the whole page by nature).
    The ``scope`` setting overrides it, to audit a site's template on purpose."""
    shapes: ClassVar[Mapping[str, Mapping[str, Any]]] = {}
    """Option values for a shape of input other than a full page: ``fragment``
    (a CMS body, whose title the CMS renders). Settings of the user win."""
    runs_last: ClassVar[bool] = False
    """True for a rule that judges the other rules' run on the article (which
    directives silenced nothing): it runs after them."""

    @classmethod
    def docs_url(cls) -> str:
        """Where the rule's documentation lives; plugins override this."""
        return DOCS_URL.format(id=cls.id)

    def check(self, article: Article, ctx: Context[Any]) -> Iterator[Finding]:
        raise NotImplementedError

    @classmethod
    def message_fields(cls, message_id: str) -> set[str]:
        return _fields(cls.messages[message_id])

    @classmethod
    def advice_fields(cls, message_id: str) -> set[str]:
        return _fields(cls.advice.get(message_id, ""))


def _fields(template: str) -> set[str]:
    return {name for _, name, _, _ in Formatter().parse(template) if name}


def unfilled(template: str) -> str:
    """A message or advice template as a reader may see it without its values: ``…`` for each."""
    return "".join(literal + ("…" if name is not None else "") for literal, name, _, _ in Formatter().parse(template))


def suggest(word: str, choices: Any) -> str:
    """A "did you mean" hint naming the closest of *choices*, or nothing."""
    import difflib  # only for a mistake: kept off start-up

    close = difflib.get_close_matches(word, list(choices), n=1)
    return f"; did you mean {close[0]!r}?" if close else ""
