"""The heading that titles the story: the one most like the title that the page declares
(``og:title``, JSON-LD ``headline``, ``<title>``), wherever it stands."""

from __future__ import annotations

import json
from collections.abc import Sequence
from typing import TYPE_CHECKING

from ...regex import on_use
from ..tree import Element
from ..views import Heading

if TYPE_CHECKING:
    from ..article import Article

from .page import _Page

_TITLE_SEPARATORS = on_use(r"\s+[|\-–—:·•»/]\s+")
_NOT_WORD = on_use(r"[\W_]+")


def _opening_h1(article: Article) -> Element | None:
    """A fragment's headline: an ``<h1>`` that opens it."""
    first = article.blocks[0] if article.blocks else None
    return first.element if first is not None and first.element.tag == "h1" else None


def _titled_headings(
    article: Article, page: _Page, declared: dict[str, list[str]]
) -> list[tuple[tuple[float, int, bool], Heading]]:
    """The headings whose text is like a title the page declares, with how alike
    (the share of words in common, rounded; then how many words, so that the
    story's title wins over a site name that a part of ``<title>`` repeats; then
    whether it is an ``<h1>``), most alike first, then in document order."""
    titles = [set(title.split()) for title in _declared_titles(article, declared)]
    ranked: list[tuple[tuple[float, int, bool], Heading]] = []
    for heading in article.headings:
        if heading.element not in page.index:
            continue
        words = set(_normal(heading.text).split())
        if not words or not titles:
            continue
        similarity, common = _likeness(words, titles)
        if similarity >= 0.5:
            ranked.append(((similarity, common, heading.level == 1), heading))
    ranked.sort(key=lambda item: item[0], reverse=True)  # stable: document order among the equally alike
    return ranked


def _titling_h1(article: Article, page: _Page, declared: dict[str, list[str]]) -> Element | None:
    """The page's one ``<h1>``, when it is like the title the page declares for
    the story alone (see :func:`_story_titles`): the headline, though a
    subheading says the title's words in fewer ("FAQs about health and
    nutrition trends" under "Top 10 Health and Nutrition Trends to Watch")."""
    h1s = [heading for heading in article.headings if heading.level == 1 and heading.element in page.index]
    if len(h1s) != 1:
        return None
    words = set(_normal(h1s[0].text).split())
    titles = [set(title.split()) for title in _story_titles(article, declared)]
    if not words or not titles:
        return None
    similarity, common = _likeness(words, titles)
    return h1s[0].element if similarity >= _TITLING_H1_LIKENESS and common >= 2 else None


# How like the story's title the page's one <h1> is, at least, to be its headline.
_TITLING_H1_LIKENESS = 0.3


def _likeness(words: set[str], titles: list[set[str]]) -> tuple[float, int]:
    """How like the most alike of *titles* a heading of these *words* is: the
    share of words in common, rounded, then how many."""
    return max((round(len(words & title) / max(len(words), len(title)), 1), len(words & title)) for title in titles)


def _find_headline(
    page: _Page,
    titled: list[tuple[tuple[float, int, bool], Heading]],
    headings: Sequence[Heading],
    root: int,
    titling_h1: Element | None,
) -> Element | None:
    """The heading that titles the story: the page's one ``<h1>`` like the
    story's title (see :func:`_titling_h1`); else, of the headings most like
    the declared title, the nearest the body; else the ``<h1>`` nearest the body."""
    if titling_h1 is not None:
        return titling_h1
    if titled:
        return max(titled, key=lambda item: (item[0], -abs(page.index[item[1].element] - root)))[1].element
    h1s = [h for h in headings if h.level == 1 and h.element in page.index]
    if h1s:
        return min(h1s, key=lambda h: abs(page.index[h.element] - root)).element
    return None


def _declared_titles(article: Article, declared: dict[str, list[str]]) -> set[str]:
    """What the page declares as its title, normalised: the story's titles
    (see :func:`_story_titles`), ``<title>``, and its first and its longest
    part (the others name the site)."""
    titles = _story_titles(article, declared)
    if article.title:
        parts = _TITLE_SEPARATORS.split(article.title)
        titles.update(normal for normal in map(_normal, (article.title, parts[0], max(parts, key=len))) if normal)
    return titles


def _story_titles(article: Article, declared: dict[str, list[str]]) -> set[str]:
    """The story's title as the page declares it for the story alone:
    ``og:title``, ``twitter:title`` and JSON-LD ``headline`` (in *declared*),
    normalised (not ``<title>``, where the site's name stands beside it)."""
    titles = [
        meta.get("content") or ""
        for meta in article.tree.iter("meta")
        if (meta.get("property") or meta.get("name") or "").lower() in ("og:title", "twitter:title")
    ]
    titles.extend(declared["headline"])
    return {normal for normal in map(_normal, titles) if normal}


def _normal(text: str) -> str:
    """*text* for comparison: lower case, words only, no soft hyphens."""
    return " ".join(_NOT_WORD.sub(" ", text.replace("\xad", "").casefold()).split())


def _json_ld_values(article: Article, *keys: str) -> dict[str, list[str]]:
    """The string values of each of *keys* anywhere in the page's JSON-LD scripts."""
    values: dict[str, list[str]] = {key: [] for key in keys}
    for script in article.tree.iter("script"):
        text = script.text
        if not text or not any(f'"{key}"' in text for key in keys):
            continue
        if (script.get("type") or "").strip().lower() != "application/ld+json":
            continue
        try:
            data = json.loads(text)
        except (ValueError, RecursionError):  # not JSON, or nested deeper than the parser goes
            continue
        stack = [data]
        while stack:
            item = stack.pop()
            if isinstance(item, dict):
                for key in keys:
                    value = item.get(key)
                    if isinstance(value, str):
                        values[key].append(value)
                stack.extend(v for v in item.values() if isinstance(v, dict | list))
            elif isinstance(item, list):
                stack.extend(item)
    return values
