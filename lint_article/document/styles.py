"""Which of a page's variants for several screen widths a reader sees at the
width the linter reads in, and which templates a script framework keeps
hidden until it has filled them in.

A page built for several screen widths may print its content once for each
(Framer writes a page's every section three times, one for desktops, one for
tablets, one for phones) and hide all but one with its style sheet:
``@media (min-width: 1200px) { .hidden-1rq27kw { display: none !important } }``.
A reader sees one of them; read whole, the page says everything three times,
each heading "repeated", each word counted thrice. The linter reads a page as a
desktop browser :data:`VIEWPORT` pixels wide shows it: an element is hidden
when a rule of the page's ``<style>`` elements hides its class outright (a
selector of one class, ``display: none``) inside a media query on the width
that holds at that width, and its parent holds a variant (an element, it too,
whose class is hidden at another width). Nothing else of CSS is read: a lone element hidden
on desktops (a menu button for phones) is left shown, so that a tree that the
parser nests otherwise than a browser (a whole page inside that button) is not
hidden whole; a rule outside a media query (``.tab-pane { display: none }``,
shown again by ``.tab-pane.active``) and any selector but a bare class are left
to the browser, as are style sheets the page links to (the linter fetches nothing).
"""

from __future__ import annotations

import operator
import re
from collections.abc import Callable, Iterator
from functools import lru_cache

from ..regex import on_use
from .tree import Element

VIEWPORT = 1440
"""The width, in CSS pixels, of the window the linter reads a page in: a desktop's."""
_EM = 16
"""Pixels in an ``em`` or ``rem`` of a media query (the browser's default font size)."""
# An at-rule's media query (a few hundred characters at most) and the opening brace of its block.
_MEDIA = on_use(r"@media\b([^{;@]{0,500})\{", re.IGNORECASE)
# A rule whose selector is one class, after the brace that ends what stands before it.
_CLASS_RULE = on_use(r"(?<=[{}])\s*\.(-?[_a-zA-Z][\w-]*)\s*\{([^{}]*)\}")
_DISPLAY_NONE = on_use(r"(?:^|;)\s*display\s*:\s*none\s*(?:!\s*important\s*)?(?:;|$)", re.IGNORECASE)
# One condition of a media query on the width: "(min-width: 1200px)", "(width >= 810px)".
_WIDTH_FEATURE = on_use(
    r"\(\s*(?:(min|max)-width\s*:\s*([\d.]+)(px|r?em)|width\s*(>=|<=|>|<)\s*([\d.]+)(px|r?em))\s*\)", re.IGNORECASE
)
_BRACE = on_use(r"[{}]")
# The rest of a block, nested two deep at most, to its closing brace.
_BLOCK = on_use(r"(?:[^{}]++|\{(?:[^{}]++|\{[^{}]*+\})*+\})*+\}")
# A rule that hides a bare class, anywhere in a style sheet.
_HIDDEN_CLASS_RULE = on_use(r"[{}]\s*\.-?[_a-zA-Z][\w-]*\s*\{[^{}]*?display\s*:\s*none", re.IGNORECASE)
_AND = on_use(r"\s+and\s+", re.IGNORECASE)
_MEDIA_TYPE = on_use(r"(?:only\s+)?(?:screen|all)", re.IGNORECASE)
# How many characters of the page's style sheets are read: a page's own CSS is a
# few hundred kilobytes at most; past that, the rest is left to the browser.
_MOST_CSS = 4_000_000


def hidden_variants(root: Element) -> frozenset[Element]:
    """The elements that the page's ``<style>`` elements hide at :data:`VIEWPORT`
    and whose parent holds a variant: an element (it too may be one) whose
    class they hide at another width."""
    here, elsewhere = _responsive_classes(root)
    if not here or not elsewhere:
        return frozenset()
    hidden: set[Element] = set()
    has_variant: dict[Element, bool] = {}
    for element in root.iter():
        names = element.get("class")
        if not names or here.isdisjoint(names.split()):
            continue
        parent = element.getparent()
        if parent is None:
            continue
        if parent not in has_variant:
            has_variant[parent] = any(
                not elsewhere.isdisjoint((child.get("class") or "").split()) for child in parent.iterchildren()
            )
        if has_variant[parent]:
            hidden.add(element)
    return frozenset(hidden)


# A script framework's mark on a template that its own style sheet hides until
# the framework has filled it in: AngularJS's ng-cloak (its attribute, its
# data- and x- forms, its class), Vue's v-cloak, Alpine's x-cloak.
_CLOAKS = frozenset({"ng-cloak", "data-ng-cloak", "x-ng-cloak", "v-cloak", "x-cloak"})
_INTERPOLATION = "{{"
"""Where these frameworks put a value in a template: "{{ upvoteCount }}"."""


def cloaked(root: Element, source: str) -> frozenset[Element]:
    """The templates in *root* (parsed from *source*) that a script framework
    hides until it has filled them in, and that still hold its braces: a saved
    page shows ``{{ upvoteCount | shortNum }}`` there, a reader the count that
    the script puts in its place. The linter runs no script, so neither shows;
    read as text, the template would be a placeholder left in the article. A
    cloaked element without braces is shown: a theme marks whole sections so,
    their text already written by the server."""
    if "cloak" not in source or _INTERPOLATION not in source:  # most pages: two searches, no walk
        return frozenset()
    hidden: set[Element] = set()
    climbed: set[Element] = set()
    for element in root.iter():
        if _INTERPOLATION in (element.text or ""):
            holder: Element | None = element
        elif _INTERPOLATION in (element.tail or ""):
            holder = element.getparent()
        else:
            continue
        # Up to the nearest cloaked element; a climb that meets an element met
        # before stops, as that one's answer is known: linear whatever the depth.
        while holder is not None and holder not in climbed:
            climbed.add(holder)
            if not _CLOAKS.isdisjoint(holder.keys()) or "ng-cloak" in (holder.get("class") or "").split():
                hidden.add(holder)
                break
            holder = holder.getparent()
    return frozenset(hidden)


def _responsive_classes(root: Element) -> tuple[frozenset[str], frozenset[str]]:
    """The classes that the page's ``<style>`` elements hide at :data:`VIEWPORT`,
    and those they hide at other widths only."""
    here: set[str] = set()
    elsewhere: set[str] = set()
    budget = _MOST_CSS
    for style in root.iter("style"):
        css = style.text
        if not css or budget <= 0 or not _MEDIA.search(css) or not _HIDDEN_CLASS_RULE.search(css):
            continue  # most style sheets hide no class in a media query: found in C, not read rule by rule
        css = css[:budget]
        budget -= len(css)
        for holds, name in _hidden_in(css):
            (here if holds else elsewhere).add(name)
    return frozenset(here), frozenset(elsewhere - here)


def _hidden_in(css: str) -> Iterator[tuple[bool, str]]:
    """Each class that a media query on the width of *css* hides outright, with
    whether the query holds at :data:`VIEWPORT`."""
    at = 0
    while True:
        media = _MEDIA.search(css, at)
        if media is None:
            return
        block = _BLOCK.match(css, media.end())  # most blocks, in C; a deeper one, brace by brace
        end = block.end() - 1 if block is not None else _block_end(css, media.end())
        holds = _holds_at_viewport(media.group(1)) if css.find("none", media.end(), end) >= 0 else None
        if holds is not None:
            # The rules of a bare class in the block (a nested block's too), found in C.
            for rule in _CLASS_RULE.finditer(css, media.end() - 1, end + 1):
                if _DISPLAY_NONE.search(rule.group(2)):
                    yield holds, rule.group(1)
        at = end + 1


def _block_end(css: str, start: int) -> int:
    """The offset of the brace that closes the block opened just before *start*
    (the end of *css* if none does)."""
    depth = 1
    for match in _BRACE.finditer(css, start):
        depth += 1 if match.group() == "{" else -1
        if not depth:
            return match.start()
    return len(css)


@lru_cache(maxsize=1024)
def _holds_at_viewport(query: str) -> bool | None:
    """Whether the media query list *query*, on the width of a screen alone,
    holds in one :data:`VIEWPORT` wide; None for a query of any other
    feature (print, orientation, hover...), whose rules are not read."""
    verdicts = [_query_holds(part) for part in query.split(",")]
    if None in verdicts:
        return None
    return any(verdicts)


def _query_holds(query: str) -> bool | None:
    rest = query.strip()
    if not rest:
        return None  # no width: not a variant's rule
    holds = True
    width_said = False
    for word in map(str.strip, _AND.split(rest)):
        if _MEDIA_TYPE.fullmatch(word):
            continue
        feature = _WIDTH_FEATURE.fullmatch(word)
        if feature is None:
            return None
        width_said = True
        holds = holds and _width_holds(feature)
    return holds if width_said else None


def _width_holds(feature: re.Match[str]) -> bool:
    bound, value, unit, comparison, range_value, range_unit = feature.groups()
    if bound is not None:  # "min-width: N" is "width >= N"
        comparison, range_value, range_unit = (">=" if bound.lower() == "min" else "<="), value, unit
    width = float(range_value) * (_EM if range_unit.lower() != "px" else 1)
    return _COMPARISONS[comparison](VIEWPORT, width)


_COMPARISONS: dict[str, Callable[[float, float], bool]] = {
    ">=": operator.ge,
    "<=": operator.le,
    ">": operator.gt,
    "<": operator.lt,
}
