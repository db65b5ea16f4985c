"""How pages name their parts: the furniture that a ``class`` or ``id`` word, a tag or a ``role``
names (navigation, share bars, comments...), and the words of the story's own container."""

from __future__ import annotations

import itertools
from collections.abc import Iterable
from functools import lru_cache

from ...regex import on_use
from ..layout import HEADING_LEVELS, visible_text
from ..tree import Element

# Words of class and id values (split at punctuation and camelCase) that name
# page furniture, by what the furniture is. A word names it when it
# is one of these or, for the stems ending in "*", starts with one
# ("relatedposts", "commentform", "sharedaddy").
_FURNITURE_WORDS = {
    "navigation": "nav* menu* breadcrumb* crumbs pagination pager paging skiplinks toolbar topbar masthead noprint"
    " calendar* kalender* hamburger",
    "header": "header",
    "footer": "footer* colophon",
    "sidebar": "sidebar* aside textwidget",
    "share": "share* sharing social* sociable shariff addthis",
    "related": "related* recommend* similar* popular trending recent nextstor* nextpost* morestor* yarpp cprp outbrain"
    " taboola plista ligatus zergnet",
    "comments": "comment comments commentlist commentform disqus respond reply replies akismet kommentar* comentario*"
    " commentaire*",
    "newsletter": "newsletter* subscribe* subscription* signup paywall* cta",
    "consent": "cookie* consent* gdpr",
    "advertising": "ad ads adv advert* adsense adslot adunit anzeige werbung sponsor* affiliate* disclaimer*"
    " disclosure* bannerize",
    "byline": "byline* author* autor* auteur* dateline timestamp",
    "tags": "tags tagcloud keywords",
    "meta": "meta*",
    "dialog": "overlay lightbox dialog tooltip login signin",
    "popup": "modal popup offcanvas*",
    "teaser": "teaser* promo*",
    "widget": "widget*",
    "credit": "credit* copyright",
    "control": "player* jwplayer* vjs mejs button buttons btn rating* ratings",
}
_FURNITURE_BY_WORD = {
    word: kind for kind, words in _FURNITURE_WORDS.items() for word in words.split() if not word.endswith("*")
}
_FURNITURE_STEMS: dict[str, list[tuple[str, str]]] = {}
"""The stems by their first three letters (every stem has three or more), with their kinds."""
for _kind, _words in _FURNITURE_WORDS.items():
    for _stem in _words.split():
        if _stem.endswith("*"):
            _FURNITURE_STEMS.setdefault(_stem[:3], []).append((_stem[:-1], _kind))
# What the story holds besides its body, set aside but written with it (None:
# an unnamed dateline or label); every other kind is the site's template.
_STORY_KINDS = frozenset({None, "sidebar", "header", "byline", "meta", "credit"})
# Kinds of furniture that hold no prose: an element named so that holds this
# much prose wraps the story ("socialicons-sticky" around the whole post).
_PROSELESS_KINDS = frozenset({"navigation", "share", "advertising", "tags", "hidden", "control", "publisher"})
_WRAPPER_PROSE = 500
# Kinds of furniture that hold prose of their own, however much of the page's:
# readers' comments (which may outweigh a short story) and popups (a notice,
# or another story, over the page). What holds the story's headline is
# unnamed all the same.
_NEVER_WRAPPERS = frozenset({"comments", "popup"})
# Kinds that a word of the story's container beside them does not soften
# ("article-share", "image-credit-text", "field-related-articles": related
# stories are never the story, however their box is named).
_PLAIN_KINDS = frozenset({"share", "credit", "related"})
# Kinds whose names also stand on the story's own parts ("article-header",
# "elementor-widget"): they never make an element furniture beyond doubt.
_WEAK_KINDS = frozenset({"teaser", "widget", "meta", "header"})
# Words that name the story's own container (after Readability's "positive" and
# "okMaybeItsACandidate" class names).
_CONTENT_WORDS = frozenset(
    "article articles articlebody body content contents entry hentry main post story text prose blog "
    "richtext storybody postbody column".split()
)
# Words of class and id values that name a recipe's parts ("recipe-ingredients",
# "wprm-recipe-container", "zutatenliste"): its lines are short, and no prose,
# but they are what the story is.
_RECIPE = on_use(r"re(?:cipe|zept|ceta|cette)|ingredient|zutaten|ricetta|przepis")
# A class that hides its element from sight, after an optional namespace
# (``sr-only``, ``u-screen-reader-text``, ``mfp-hide``; not ``hidden-xs``,
# ``field--label-hidden``, ``lazy-hidden`` or ``overflow-hidden``, nor
# ``elementor-invisible``: an entrance animation's start, which the page's
# script shows as the reader scrolls to it).
_HIDING_CLASS = on_use(
    r"(?!lazy[-_]|overflow[-_]|elementor[-_]invisible)(?:[a-z0-9]+[-_]{1,2})?"
    r"(?:hidden|hide|invisible|d-?none|sr-?only|screen-?reader(?:-?text)?|screen-?only|visually-?hidden)"
)
# Utility classes ("Mstart(137px)--modalMinWidth", "lg:hidden") say how an element looks, not what it is.
_UTILITY_MARK = on_use(r"[():!$\[]")
# Words that turn the furniture words after them in a class into a description
# of the element's content (``o-section--has-ads``, ``enable-pin-share``, ``no-sidebar``).
_MODIFIERS = frozenset("has with enable enabled no without".split())
# Names of two words, neither furniture alone ("read", "twitter": a "twitter-tweet"
# embed is the story's), that name the site's list of its most read stories
# ("most-read", "mostViewed", "meistgelesen") or a feed of its social accounts
# ("widget_twitter", "twitter-timeline"), or a carousel of other stories
# ("articles-slider", "latest-carousel", "ArticlesSlider"; a slider alone is
# the story's gallery): other pages' content, never the story.
_OTHER_CONTENT = on_use(
    r"(?<![a-z0-9])(?:most|meist)[ _-]?(?:read|view|popular|shared|comment|discussed|emailed|click|gelesen|kommentiert"
    r"|diskutiert|geklickt)"
    r"|(?<![a-z0-9])(?:twitter|instagram|insta|facebook)[ _-]?(?:timeline|feed|widget)"
    r"|(?<![a-z0-9])widget[ _-]?(?:twitter|instagram|facebook)"
    r"|(?<![a-z0-9])(?:articles|posts|stories|latest|recent|more|artikel|beitraege)[ _-]?"
    r"(?:slider|carousel|swiper|slideshows?)(?![a-z0-9])"
)
# A link back to the page's top ("back-to-top", "toTop", "go-to-top-mobile"): the site's navigation.
_TO_TOP = on_use(r"(?<![a-z0-9])(?:(?:back|go|scroll|jump)[ _-]?)?to[ _-]?top(?![a-z0-9])")
_FURNITURE_TAGS = {
    "nav": "navigation",
    "aside": "sidebar",
    "footer": "footer",
    "dialog": "popup",
    "menu": "navigation",
    "button": "control",
    "select": "control",
    "form": "form",
    # Contact details for the story or its writer (HTML's meaning of the tag).
    "address": "byline",
}
# What a publisher's mark of the story's body (itemprop="articleBody") adds to
# the class weight of the element (Readability gives +25 to a content name).
_MARKED_WEIGHT = 50
# Tags of the story's own parts as often as of the page's (the article's
# <header> holds its headline and lead).
_WEAK_TAGS = {"header": "header"}
_FURNITURE_ROLES = {
    "navigation": "navigation",
    "menu": "navigation",
    "menubar": "navigation",
    "tablist": "navigation",
    "toolbar": "navigation",
    "banner": "header",
    "contentinfo": "footer",
    "complementary": "sidebar",
    "search": "navigation",
    "dialog": "popup",
    "alertdialog": "popup",
    "alert": "dialog",
    "button": "control",
    "tooltip": "dialog",
}
_CAMEL = on_use(r"(?<=[a-z])(?=[A-Z])")
_WORD = on_use(r"[a-z0-9]+")


_NAME_WEIGHT = 25
"""Readability's class weight: what a content name adds, and a furniture name takes away."""


def _class_and_id(element: Element) -> str:
    """An element's ``class`` and ``id`` values as one name, as :func:`_naming`
    reads them ("" for neither). The tree's one pass joins them in line, beside
    its rule for a heading's own id: a call there costs on every container."""
    klass, ident = element.get("class"), element.get("id")
    return f"{klass} {ident}" if klass and ident else klass or ident or ""


@lru_cache(maxsize=8192)
def _naming(value: str, passing: str | None = None) -> tuple[str | None, bool, int]:
    """What a ``class`` + ``id`` value names: a kind of furniture (or None);
    whether it names it beyond doubt (no word of the story's container beside
    it); and Readability's class weight (+25 for a content name, -25 for furniture).
    The words of the kind *passing* are passed over: a control's name read for
    what it works ("btn … social-link")."""
    if _UTILITY_MARK.search(value):
        # "Mstart(137px)--modalMinWidth" says how it looks, not what it is.
        value = " ".join(token for token in value.split() if not _UTILITY_MARK.search(token))
    lowered = value.lower()
    if _hints_hiding(lowered) and any(_HIDING_CLASS.fullmatch(token) for token in lowered.split()):
        return "hidden", True, -_NAME_WEIGHT
    # Words apart: "articleBody" reads "article body", "share-bar2" "share bar2".
    spaced = lowered if lowered == value else _CAMEL.sub(" ", value).lower()
    words = _WORD.findall(spaced)
    if _MODIFIERS.isdisjoint(words):
        kind = _words_kind(words, passing)
    else:  # a modifier turns the furniture words after it in its class into a description
        kind = _strongest(_furniture_word(_WORD.findall(token), passing) for token in spaced.split())
    if (kind is None or kind in _WEAK_KINDS) and _names_other_content(spaced):
        kind = "related"
    elif kind is None and "top" in spaced and _TO_TOP.search(spaced) is not None:
        kind = "navigation"
    content = not _CONTENT_WORDS.isdisjoint(words)
    weight = (_NAME_WEIGHT if content else 0) - (_NAME_WEIGHT if kind is not None else 0)
    sure = kind is not None and kind not in _WEAK_KINDS and (not content or kind in _PLAIN_KINDS)
    return kind, sure, weight


def _hints_hiding(lowered: str) -> bool:
    """Whether *lowered*, a name, holds one of the words that each of
    :data:`_HIDING_CLASS`'s names holds (most names hold none)."""
    return "hid" in lowered or "none" in lowered or "only" in lowered or "reader" in lowered or "invisible" in lowered


# How many elements from a section's start its heading may stand (a wrapper or two deep).
_ANCHOR_REACH = 8


def _anchors_a_section(ident: str, element: Element) -> bool:
    """Whether *ident*, the id of *element*, is the anchor of a section, named
    for the heading that the section's first few elements hold (see
    :func:`_spells_its_heading`): "1-heading-how-popular-are-meditation-and-mindfulness"
    on a section's wrapper names no box of most-read stories."""
    heading = next((el for el in itertools.islice(element.iter(), 1, _ANCHOR_REACH) if el.tag in HEADING_LEVELS), None)
    return heading is not None and _spells_its_heading(ident, heading)


def _spells_its_heading(ident: str, heading: Element) -> bool:
    """Whether *ident*, a heading's id, spells two or more of the heading's own
    words, at least half of its own: the anchor that a table of contents links
    to ("nav_nur_die_folie__1" on "Nur die Folie bleibt zurück", "related-work"
    on "Related Work"), which names the heading's text, not a box of furniture."""
    words = [word for word in _WORD.findall(ident.lower()) if not word.isdigit()]
    if len(words) < 2:
        return False
    spelled = set(_WORD.findall(visible_text(heading).lower()))
    found = sum(word in spelled for word in words)
    return found >= 2 and 2 * found >= len(words)


# Words of class values (not ids: Wikipedia's citation anchors read
# "cite_note-TourismStats") that name a site's counters and its customers'
# ratings ("stats-news", "product-reviews"): a widget, which goes only when it
# holds no prose.
_COUNTER = on_use(r"(?<![a-z0-9])(?:stats|statistics|reviews)(?![a-z0-9])")


@lru_cache(maxsize=1024)
def _names_a_counter(name: str) -> bool:
    return _COUNTER.search(name.lower()) is not None


@lru_cache(maxsize=1024)
def _names_a_recipe(name: str) -> bool:
    """Whether a ``class`` + ``id`` value names a recipe's part."""
    return _RECIPE.search(name.lower()) is not None


def _furniture_word(words: list[str], passing: str | None = None) -> str | None:
    """The kind of furniture that the words of a class name, unless a modifier
    comes first ("has-ads"), by :func:`_strongest` ("widget-trending" names
    related stories, "teaser-share" a share bar); words of the kind *passing* passed over."""
    return _words_kind(itertools.takewhile(lambda word: word not in _MODIFIERS, words), passing)


_WORD_KINDS: dict[str, str | None] = {}
"""The kind of furniture that each word of a class met so far names (None: none).
A page's hundred class names repeat a few hundred words, and sites repeat them;
a name met for the first time costs its words' look-ups, not its stems' searches."""
_WORD_KINDS_KEPT = 16384
_UNMET = "?"


def _words_kind(words: Iterable[str], passing: str | None = None) -> str | None:
    """:func:`_strongest` of the kinds of furniture that *words* name (but the
    kind *passing*), each word's kind looked up as it comes (one loop: a page's
    names are mostly new to it)."""
    met, weak = _WORD_KINDS, None
    for word in words:
        kind = met.get(word, _UNMET)
        if kind is _UNMET:
            kind = _meet_word(word)
        if kind is not None and kind != passing:
            if kind not in _WEAK_KINDS:
                return kind
            weak = weak or kind
    return weak


def _meet_word(word: str) -> str | None:
    if len(_WORD_KINDS) >= _WORD_KINDS_KEPT:
        _WORD_KINDS.clear()  # bounded: a service meets the class words of every site it is sent
    kind = _WORD_KINDS[word] = _FURNITURE_BY_WORD.get(word) or next(
        (kind for stem, kind in _FURNITURE_STEMS.get(word[:3], ()) if word.startswith(stem)), None
    )
    return kind


def _names_other_content(spaced: str) -> bool:
    """Whether *spaced*, a name's words, names other pages' content (see
    :data:`_OTHER_CONTENT`): searched only where one of the words that each of
    its alternatives needs stands, which few names hold."""
    return (
        "most" in spaced
        or "meist" in spaced
        or "twitter" in spaced
        or "insta" in spaced
        or "facebook" in spaced
        or "widget" in spaced
        or "slide" in spaced
        or "carousel" in spaced
        or "swiper" in spaced
    ) and _OTHER_CONTENT.search(spaced) is not None


def _strongest(kinds: Iterable[str | None]) -> str | None:
    """The first of *kinds* that is not weak, else the first weak one (None: no kind)."""
    weak = None
    for kind in kinds:
        if kind is not None and kind not in _WEAK_KINDS:
            return kind
        weak = weak or kind
    return weak
