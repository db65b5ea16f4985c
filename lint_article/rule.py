"""The rule protocol: what a rule declares and how it reports.

A rule is one small class::

    class SingleH1(Rule):
        \"\"\"Documentation, with the sections listed in :data:`DOC_SECTIONS`.\"\"\"

        id = "single-h1"
        summary = "An article has exactly one <h1>."
        severity = Severity.ERROR
        messages = {"missing": "no <h1> found", "extra": "extra <h1>; the first is on line {first}"}

        @dataclass(frozen=True, kw_only=True)
        class Options(RuleOptions):
            ...

        def check(self, article, ctx):
            yield ctx.at_element(element, "extra", first=3)

Rules are stateless: everything a check needs arrives in its arguments, and it
yields :class:`~lint_article.findings.Finding` objects made by ``ctx``.
"""

from __future__ import annotations

import dataclasses
import types
import typing
from collections.abc import Iterator, Mapping, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any, ClassVar, Generic, TypeVar

from .findings import Finding, Severity

if TYPE_CHECKING:  # only named in annotations: configuration can be read without loading the parser
    from .document import Article, Element, View, Word
    from .suppression import Suppressions

DOC_SECTIONS = ("What it checks", "Why", "Fails", "Passes")
DOCS_URL = "https://github.com/lint-article/lint-article/blob/main/rules/{id}.md"
_SNIPPET_LENGTH = 80


class ConfigError(ValueError):
    """A configuration value is wrong; the message says where and why."""


def option(default: Any, doc: str, *, minimum: float | None = None, maximum: float | None = None) -> Any:
    """Declare a rule option: its default, its documentation and its range."""
    return dataclasses.field(default=default, metadata={"doc": doc, "minimum": minimum, "maximum": maximum})


@dataclass(frozen=True, kw_only=True)
class RuleOptions:
    """Base of every rule's options; a rule with no options uses it as is."""

    def __post_init__(self) -> None:
        for field in dataclasses.fields(self):
            value = getattr(self, field.name)
            low, high = field.metadata.get("minimum"), field.metadata.get("maximum")
            if value is None or isinstance(value, bool):
                continue
            if isinstance(value, int | float):
                if low is not None and value < low:
                    raise ConfigError(f"option {field.name!r} must be at least {low}, got {value}")
                if high is not None and value > high:
                    raise ConfigError(f"option {field.name!r} must be at most {high}, got {value}")
        self.validate()

    def validate(self) -> None:
        """Checks across options (``min`` below ``max``); raise :class:`ConfigError`."""

    @classmethod
    def from_mapping(cls, values: Mapping[str, Any]) -> RuleOptions:
        """Build options from configuration, rejecting unknown keys and wrong types."""
        fields = {f.name.replace("_", "-"): f for f in dataclasses.fields(cls)}
        fields.update({f.name: f for f in dataclasses.fields(cls)})
        hints = typing.get_type_hints(cls)
        kwargs: dict[str, Any] = {}
        for key, value in values.items():
            field = fields.get(key)
            if field is None:
                known = ", ".join(sorted(f.name for f in dataclasses.fields(cls))) or "none"
                raise ConfigError(f"unknown option {key!r} (known options: {known})")
            kwargs[field.name] = _coerce(field.name, value, hints[field.name])
        return cls(**kwargs)


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
        "_article", "_rule", "_suppressions", "_words", "language", "options", "severity", "silenced", "view"
    )  # fmt: skip

    def __init__(
        self,
        rule: Rule,
        article: Article,
        options: OptionsT,
        severity: Severity,
        language: str | None,
        suppressions: Suppressions | None = None,
        scope: str = "article",
    ) -> None:
        self._rule = rule
        self._article = article
        self._suppressions = suppressions
        self._words: Sequence[Word] | None = None
        self.options = options
        self.severity = severity
        self.language = language
        """The article's primary language subtag (``en``), or None when unknown."""
        self.view: View = article.view(scope)
        """What the rule reads: the article's body (:attr:`Article.body`), or the
        whole page (:attr:`Article.page`) when it audits the site's template."""
        self.silenced: set[int] = set()
        """ids of the findings made here that a directive in the article silences."""

    @property
    def words(self) -> Sequence[Word]:
        """The view's words less those that suppression directives hide from
        this rule: prose rules count these, so a disabled passage is left out."""
        if self._words is None:
            suppressions = self._suppressions
            self._words = suppressions.words_for(self._rule.id, self.view) if suppressions else self.view.words
        return self._words

    def message(self, message_id: str, /, **values: Any) -> str:
        return self._rule.messages[message_id].format(**values)

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
        finding = Finding(
            rule=self._rule.id,
            severity=self.severity,
            message=self.message(message_id, **values),
            message_id=message_id,
            line=line,
            column=column,
            end_line=end_line,
            end_column=end_column,
            snippet=snippet,
            selector=article.selector(element) if element is not None else "",
            url=self._rule.docs_url(),
            data=values,
        )
        if self._suppressions:
            directive = self._suppressions.silencing(self._rule.id, start, element)
            if directive is not None:
                directive.used = True
                self.silenced.add(id(finding))
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
        """A finding about the whole article, at line 1, column 1."""
        return self.at_source(0, 0, message_id, None, **values)


class Rule:
    """Base class of every rule, built-in or plugin."""

    id: ClassVar[str]
    summary: ClassVar[str]
    severity: ClassVar[Severity] = Severity.WARNING
    messages: ClassVar[Mapping[str, str]]
    Options: ClassVar[type[RuleOptions]] = RuleOptions
    fixable: ClassVar[bool] = False
    default_enabled: ClassVar[bool] = True
    scope: ClassVar[str] = "article"
    """What the rule reads by default: ``article`` (the writer's article, without
    the site's template) or ``page`` (a rule about the whole page by nature).
    The ``scope`` setting overrides it, to audit a site's template on purpose."""
    shapes: ClassVar[Mapping[str, Mapping[str, Any]]] = {}
    """Option values for a shape of input other than a full page: ``fragment``
    (a CMS body, whose title the CMS renders). Settings of the user win."""

    @classmethod
    def docs_url(cls) -> str:
        """Where the rule's documentation lives; plugins override this."""
        return DOCS_URL.format(id=cls.id)

    def check(self, article: Article, ctx: Context[Any]) -> Iterator[Finding]:
        raise NotImplementedError
