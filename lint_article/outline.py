"""What the linter sees in an article: its shape, language, headline, body and outline.

``lint-article outline`` prints it for a writer who wonders why a rule said what
it said ("which text did it count?"); ``--format json`` is a contract for
programs (see the README), and :func:`outline_of` is its library face.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import asdict, dataclass
from typing import Any

from .document import Article, Element
from .engine import article_stats
from .report import Stats


@dataclass(frozen=True, slots=True)
class Place:
    """Where something is: its CSS selector and its source line and column."""

    selector: str
    line: int
    column: int


@dataclass(frozen=True, slots=True)
class Section:
    level: int
    text: str
    place: Place
    words: int
    """Words of the body between this heading and the next one."""


@dataclass(frozen=True, slots=True)
class Outline:
    """An article as the linter sees it."""

    path: str
    shape: str
    """``page`` or ``fragment`` (a CMS body)."""
    scripts: bool
    """Whether the page is read as a browser that runs scripts shows it (True
    but for a page that shows its content only in ``<noscript>``)."""
    language: str | None
    language_source: str
    """``html``, ``config``, ``text`` or ``unknown``: see :class:`~lint_article.document.Language`."""
    headline: tuple[str, Place] | None
    body: Place
    body_end: tuple[int, int]
    """The line and column just past the body's last character."""
    words: int
    text: str
    """The body's visible text, one block a line."""
    set_apart: int
    """Words of the story that are not the body's prose: the pictures' captions,
    the rest of its header (a deck, a byline) and the boxes inside it, which
    the story's rules read (``placeholder-text``, ``generation-artifact``)."""
    headings: tuple[Section, ...]
    stats: Stats

    def to_dict(self) -> dict[str, Any]:
        """The ``files[]`` entry of ``lint-article outline --format json``."""
        headline = None
        if self.headline is not None:
            text, place = self.headline
            headline = {"text": text, **asdict(place)}
        return {
            "path": self.path,
            "error": None,
            "shape": self.shape,
            "scripts": self.scripts,
            "language": {"code": self.language, "source": self.language_source},
            "headline": headline,
            "article": {
                **asdict(self.body),
                "end_line": self.body_end[0],
                "end_column": self.body_end[1],
                "words": self.words,
                "text": self.text,
            },
            "headings": [
                {"level": s.level, "text": s.text, **asdict(s.place), "words": s.words} for s in self.headings
            ],
            "stats": asdict(self.stats),
        }


def outline_of(
    article: Article, path: str = "<string>", language: str | None = None, stats: Stats | None = None
) -> Outline:
    """The outline of *article*; *language* is the configured one, for an article
    whose ``<html lang>`` does not say; *stats*, its figures when a lint has
    computed them already (its report's)."""
    body = article.body
    detected = article.language(language)
    root = article.region.root
    end = body.blocks[-1].end if body.blocks else 0
    words = _section_words(article)
    headline = article.headline
    return Outline(
        path=path,
        shape="fragment" if article.is_fragment else "page",
        scripts=article.scripting,
        language=detected.code,
        language_source=detected.source,
        headline=(headline.text, _place(article, headline.element)) if headline is not None else None,
        body=_place(article, root),
        body_end=article.position(article.source_offset(end - 1) + 1) if body.blocks else (1, 1),
        words=len(body.words),
        text=body.text,
        set_apart=_set_apart_words(article),
        headings=tuple(
            Section(h.level, h.text, _place(article, h.element), words.get(h.element, 0)) for h in body.headings
        ),
        stats=stats if stats is not None else article_stats(article, detected.code),
    )


def _place(article: Article, element: Element) -> Place:
    line, column = article.position(article.element_span(element)[0])
    return Place(article.selector(element) or str(element.tag), line, column)


def _set_apart_words(article: Article) -> int:
    """Words of the story's blocks that are neither the body's nor the headline's."""
    story, body = article.story, article.body
    headline = article.headline.element if article.headline is not None else None
    return sum(
        story.word_count_in(block.start, block.end)
        for index, block in zip(story.block_indices, story.blocks, strict=True)
        if not body.holds_block(index) and block.element is not headline
    )


def _section_words(article: Article) -> dict[Element, int]:
    """Words of the body under each heading, up to the next heading."""
    body = article.body
    counts: dict[Element, int] = {}
    current = article.headline.element if article.headline is not None else None
    for block in body.blocks:
        if block.kind == "heading":
            current = block.element
            counts.setdefault(current, 0)
        elif current is not None:
            counts[current] = counts.get(current, 0) + body.word_count_in(block.start, block.end)
    return counts


def format_text(outlines: Sequence[Outline | tuple[str, str]]) -> str:
    """The outlines for people; a ``(path, error)`` pair stands for a file that could not be read."""
    from .formatters.base import shown_path

    lines: list[str] = []
    for item in outlines:
        if isinstance(item, tuple):
            lines += [f"{shown_path(item[0])}: error: {item[1]}", ""]
            continue
        source = {"html": "from <html lang>", "config": "from the settings", "text": "recognised from the text"}
        language = f"{item.language} ({source[item.language_source]})" if item.language else "unknown"
        lines.append(shown_path(item.path))
        shape = "a CMS body (fragment)" if item.shape == "fragment" else "a full page"
        if not item.scripts:
            shape += ", read without scripts (it shows its content in <noscript> only)"
        lines.append(f"  shape     {shape}")
        lines.append(f"  language  {language}")
        if item.headline is not None:
            text, place = item.headline
            lines.append(f"  headline  “{_short(text)}” (line {place.line}, {place.selector})")
        else:
            lines.append("  headline  none found")
        lines.append(
            f"  article   {item.body.selector}, lines {item.body.line}–{item.body_end[0]}, {item.words:,} words"
        )
        if item.set_apart:
            apart = f"{item.set_apart:,} words of captions, the header and boxes"
            lines.append(f"  set apart {apart}: not the body's prose")
        if item.headings:
            lines.append("  outline")
            top = min(s.level for s in item.headings)
            for section in item.headings:
                indent = "  " * (section.level - top)
                lines.append(f"    {indent}h{section.level} {_short(section.text)}  (line {section.place.line}, "
                             f"{section.words:,} words)")  # fmt: skip
        stats = item.stats
        figures = [f"{stats.sentences:,} sentences", f"{stats.reading_time_minutes} min to read"]
        if stats.flesch_reading_ease is not None:
            figures.append(f"reading ease {stats.flesch_reading_ease:.1f}")
        if stats.flesch_kincaid_grade is not None:
            figures.append(f"grade {stats.flesch_kincaid_grade:.1f}")
        lines += [f"  stats     {', '.join(figures)}", ""]
    return "\n".join(lines)


def _short(text: str, limit: int = 70) -> str:
    from .formatters.base import printable

    text = printable(text)
    return text if len(text) <= limit else text[: limit - 1] + "…"
