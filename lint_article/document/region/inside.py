"""What inside the body's root is not the story: furniture, clutter (link lists, teasers), hidden
and stranded elements, the site's named controls; and the members that remain."""

from __future__ import annotations

import bisect
import itertools
import operator
import re
from collections.abc import Iterator
from typing import TYPE_CHECKING

from ...regex import on_use
from ..layout import HEADING_LEVELS
from ..tree import Element

if TYPE_CHECKING:
    from ..article import Article

from .naming import _STORY_KINDS, _WEAK_KINDS, _class_and_id, _naming
from .page import _CARD_TEXT, _HIDDEN, _Page
from .wording import _DATELINE, _DATELINE_LENGTH, _PROSE_LENGTH, _SENTENCE_END


def _set_aside(page: _Page, root: int, excluded: set[int], *, thorough: bool, headline: int = -1) -> None:
    """Add to *excluded* the subtrees inside the root that are not the article:
    furniture beyond doubt; when *thorough*, also what is named like furniture
    and holds no prose, link lists, and clutter before or after the story's prose
    (but the deck under the *headline*, see :func:`_decks`), and the boxes
    around a sign-up form (see :func:`_signs_up`)."""
    root_text = page.block_chars[root] or 1
    span = _ProseSpan(page, root, excluded)
    signing_up = thorough and bool(page.address_forms)  # most pages ask for no address: no box is tried
    i = root + 1
    while i < page.end[root]:
        if i in excluded:
            i = page.end[i]
            continue
        if page.sure[i] or (thorough and page.block_chars[i] < 0.5 * root_text and _clutter(page, i, span)):
            decks = _decks(page, i, headline, span.first) if not page.sure[i] and page.furniture[i] == "header" else ()
            if decks:
                _set_aside_around(page, i, decks, excluded)
            else:
                excluded.add(i)
            i = page.end[i]
        elif signing_up and page.block_chars[i] < 0.5 * root_text and _signs_up(page, i, root, headline):
            page.furniture[i] = "newsletter"  # the site's, never a box of the story
            excluded.add(i)
            i = page.end[i]
        else:
            i += 1


# The most text that a sign-up box holds besides its form: a heading, a line
# that says what the reader gets, the fine print of the consent.
_SIGN_UP_TEXT = 600


def _signs_up(page: _Page, i: int, root: int, headline: int) -> bool:
    """Whether element *i* is a box around a form that asks for the reader's
    e-mail address or phone number (a newsletter's or offers' sign-up, a
    request to be called back), with a little text of its own: the site's,
    however it is named or not (a Tailwind ``<section>``), with the pitch
    and fine print around the form, which itself is furniture by its tag.
    Not a box that holds half the *root*'s prose (a short story's own
    container, its sign-up form after its few lines) or the *headline* (a
    story's header, a sign-up form in its rail)."""
    return (
        page.block_chars[i] <= _SIGN_UP_TEXT
        and page.holds_an_address_form(i)
        and page.value[i] < 0.5 * page.value[root]
        and not page.inside(headline, i)
    )


def _decks(page: _Page, i: int, headline: int, body: int) -> list[int]:
    """The decks in element *i*, a story's header that holds its *headline*
    and goes as clutter (with its datelines, labels and links), before the
    story's prose from block *body* on: see :func:`_is_deck`."""
    if not page.inside(headline, i) or page.first_block[headline] < 0:
        return []
    found = []  # in document order, as the blocks are: each deck is a block of its own
    for number in range(page.last_block[headline] + 1, page.last_block[i] + 1):
        at = page.owner[number]
        if at >= 0 and _is_deck(page, at, body):
            found.append(at)
    return found


def _is_deck(page: _Page, i: int, body: int) -> bool:
    """Whether element *i*, under the story's headline, is its deck: a line of
    prose that sums the story up, a block of its own as long as a paragraph
    and no link (a kicker or a byline is shorter), no dateline, not named as
    furniture, and no heading between it and the story's prose from block
    *body* on (a blog's motto under its name, over the post's own title, is
    none). A heading, it weighs nothing as prose, yet it is the writer's."""
    number = page.first_block[i]
    if number < 0 or number != page.last_block[i] or page.links[i] or page.sure[i]:
        return False
    block = page.blocks[number]
    size = block.end - block.start
    return (
        block.kind in _DECK_KINDS
        and size >= _PROSE_LENGTH
        and page.block_chars[i] == size
        and _DATELINE.search(page.text, block.start, block.end) is None
        and page.next_heading(number + 1) >= body
    )


_DECK_KINDS = frozenset({"heading", "paragraph", "block"})


def _set_aside_around(page: _Page, i: int, kept: list[int], excluded: set[int]) -> None:
    """Add to *excluded* the parts of element *i* that hold none of the *kept*
    elements, in document order (the text that *i* or an ancestor of a kept
    element holds itself stays: a region leaves out whole elements)."""
    for child in page.child_indices(i):
        # The first kept element from the child on: the child itself, or one in its subtree, or neither.
        at = bisect.bisect_left(kept, child)
        first = kept[at] if at < len(kept) else -1
        if first == child:
            continue
        if child < first < page.end[child]:
            _set_aside_around(page, child, kept, excluded)
        else:
            excluded.add(child)


def _clutter(page: _Page, i: int, span: _ProseSpan) -> bool:
    """Whether element *i* inside the root is clutter: named like furniture and
    no prose; a link list; or, owning its text, a dateline or label before the
    story's prose, or after it also a short line with a link ("Subscribe now");
    never a recipe's part (its ingredients and steps are short lines, and the
    story: asked last, as it is rare)."""
    return _cluttered(page, i, span) and not page.recipe_part(i)


def _cluttered(page: _Page, i: int, span: _ProseSpan) -> bool:
    """Whether element *i* looks like clutter, by :func:`_clutter`'s tests but the recipe's."""
    kind, value = page.furniture[i], page.value[i]
    if kind is not None and value <= (-1 if kind == "header" else 0):
        # A <header> holds the lead as often as clutter: it goes only with clutter.
        # A page builder names each of the story's parts a widget, its headings too.
        return kind not in _WEAK_KINDS or not _heads_prose(page, i, span)
    if not page.block_chars[i]:
        return False
    if kind == "teaser" and page.links[i] > 0 and page.first_block[i] > span.first:
        return True  # another story's teaser, with its link: the story's own lead opens its prose
    if span.teaser(i):
        return True  # another story's teaser in a grid of them, beside the story
    if value < 0 and page.link_density(i) > 0.5:
        return not _tells_the_story(page, i, span)
    first = page.first_block[i]
    if value < 0 and first != page.last_block[i] and page.points_away(first):
        return True  # a box that opens by pointing to other pages ("You may also like") and tells no story
    if page.block_chars[i] != page.own_block_chars[i]:
        return False
    if all(page.sets_aside(k) for k in range(page.first_block[i], page.last_block[i] + 1)):
        return True  # a photo's credit, or "Read also:", wherever it stands
    if value < 0 and (page.last_block[i] < span.first or page.first_block[i] > span.last):
        # Before or after the prose, a label with a link or a date goes; a bare
        # line ("Title options:") is the writer's, and the leak rules must see it.
        lines = range(page.first_block[i], page.last_block[i] + 1)
        return page.links[i] > 0 or kind is not None or all(page.dateline(k) for k in lines)
    if page.elements[i].tag == "li" and page.pointed_to(i):
        return True  # an item, linked, of the list under "More stories", however much it says
    if page.elements[i].tag == "li" and (value > 0 or page.link_density(i) < 0.5):
        # An item of a story told in lists ("We've just landed Bug 1553982, which..."),
        # or one that says more than its link (a speaker's linked name and title).
        return False
    return page.first_block[i] > span.last_long and page.block_chars[i] < _DATELINE_LENGTH and page.links[i] > 0


def _heads_prose(page: _Page, i: int, span: _ProseSpan) -> bool:
    """Whether element *i* holds a heading alone, amid the story's prose, over
    a paragraph of it: the story's heading, whether it is linked (see
    :func:`_tells_the_story`) or named a widget (an Elementor heading widget,
    between the text widgets)."""
    first = page.first_block[i]
    return (
        0 <= first == page.last_block[i]
        and page.blocks[first].kind == "heading"
        and span.first < first < span.last
        and page.worth[first + 1] > 0
    )


def _tells_the_story(page: _Page, i: int, span: _ProseSpan) -> bool:
    """Whether element *i*, a link, is part of the story all the same: an item
    of a list that is prose on the whole (release notes whose items are links
    to the bugs they fixed) or that stays, no link list itself (a linked name
    among names: "Lettuce", "Tomatoes (by transplant)"; the list is the
    story's or the site's as a whole, never with holes), or a heading amid
    the story's prose, and amid its own container's, that heads a paragraph
    of it (a product's name, linked to the shop, over its review, perhaps
    opening a box of its own with it); not a teaser's heading, which opens a
    box of a few lines."""
    element = page.elements[i]
    if element.tag == "li":
        items = page.parent[i]
        return page.value[items] > 0 or page.link_density(items) <= 0.5
    if element.tag == "p" and _linked_sentences(page, i):
        return True
    up = page.parent[i]
    return (
        element.tag in HEADING_LEVELS
        and _heads_prose(page, i, span)
        # A teaser's heading opens its box, which holds a few lines besides.
        and (page.first_block[up] < page.first_block[i] or page.block_chars[up] > _CARD_TEXT)
    )


# The share of a paragraph's text that links may hold when it is the writer's
# sentences with their sources linked, not a teaser (linked all through).
_LINKED_PROSE = 0.8


def _linked_sentences(page: _Page, i: int) -> bool:
    """Whether element *i*, a paragraph with more link text than its own, is
    sentences all the same: as long as a paragraph of prose, ending like a
    sentence, with words of its own between its links (names and sources
    linked, as a press release links every firm it names)."""
    first, chars = page.first_block[i], page.block_chars[i]
    if first < 0 or first != page.last_block[i] or chars < _DATELINE_LENGTH:
        return False
    block = page.blocks[first]
    return (
        page.links[i] <= _LINKED_PROSE * chars and _SENTENCE_END.search(page.text, block.start, block.end) is not None
    )


class _ProseSpan:
    """Where the story's prose starts and ends inside a root (numbers of the
    article's blocks): its first and last block of prose, and its last long one."""

    def __init__(self, page: _Page, root: int, excluded: set[int]) -> None:
        # The root's subtree, less the excluded subtrees and those of furniture beyond doubt.
        end = page.end
        live = bytearray(len(end) + 1)  # and a last 0, for the index -1 (no element)
        live[root : end[root]] = b"\x01" * (end[root] - root)
        sure = itertools.compress(range(root + 1, end[root]), page.sure[root + 1 : end[root]])
        cut = sorted(itertools.chain(excluded, sure))
        reach = -1
        for i in cut:
            if root <= i < end[root] and i >= reach:
                live[i : end[i]] = bytes(end[i] - i)
                reach = end[i]
        self.first, self.last, self.last_long = len(page.blocks), -1, -1
        self._page, self._root = page, root
        self._prose: list[int] = []
        """The numbers of the blocks of prose."""
        self._story: tuple[int, int, bool] | None = None
        if page.first_block[root] < 0:
            return
        for number in range(page.first_block[root], page.last_block[root] + 1):
            worth = page.worth[number]
            if worth > 0 and live[page.owner[number]]:
                self.first = min(self.first, number)
                self.last = number
                self._prose.append(number)
                if worth >= _DATELINE_LENGTH:
                    self.last_long = number

    def teaser(self, i: int) -> bool:
        """Whether element *i* is a teaser of another page in a grid of them
        (see :class:`_Cards`) that stands before or after the story's long
        prose outside such teasers, and the story outweighs them all in prose
        (a gallery's slides, titled and linked, are the story) or a link laid
        over the box makes it one (see :attr:`_Cards.covered`)."""
        page = self._page
        if page.block_chars[i] > _CARD_TEXT or not (page.links[i] or page.overlaid):
            return False
        cards = page.cards(self._root)
        if i not in cards.found:
            return False
        if self._story is None:
            first, last, story, teased = len(page.blocks), -1, 0.0, 0.0
            for number in self._prose:
                worth = page.worth[number]
                if cards.holds(page.owner[number]):
                    teased += worth
                    continue
                story += worth
                if worth >= _DATELINE_LENGTH:
                    first, last = min(first, number), number
            self._story = first, last, teased < story
        first, last, outweighs = self._story
        return (outweighs or i in cards.covered) and (
            page.first_block[i] > last >= 0 or page.last_block[i] < first < len(page.blocks)
        )


def _set_aside_hidden(page: _Page, root: int, excluded: set[int]) -> None:
    """Add to *excluded* the containers inside the root that the page hides
    by a style or the ``hidden`` attribute and that hold no text a reader
    sees (a slider's hidden slides, a gallery's closed overlay, a list of
    placeholders): they are the template's machinery, set aside as the class
    names that hide an element are (see :func:`_naming`), and named so, that
    they be no box of the story. Asked after the headings are cleaned: a
    heading over a hidden part (an embed shown by a script) is the writer's.
    A hidden phrasing element (a ``<span>`` in a paragraph) is no container,
    and stays: the writer's markup."""
    state, parent, block_chars, end = page.state, page.parent, page.block_chars, page.end
    i = root + 1
    while i < end[root]:
        if i in excluded:
            i = end[i]
        elif state[i] & _HIDDEN and not state[parent[i]] & _HIDDEN and not block_chars[i]:
            excluded.add(i)
            page.furniture[i] = "hidden"
            i = end[i]
        else:
            i += 1


def _set_aside_stranded(article: Article, page: _Page, root: int, excluded: set[int], headline: Element | None) -> None:
    """Add to *excluded* the containers inside the root that stand alone among
    what is set aside, and would go on being linted as the article: one with
    no text whose nearest blocks before and after are both not the story's (a
    ratings widget's spinner between a share bar and the tags) or that follows
    a line set aside that points to other pages and is followed by no text of
    the body (a row of teasers, their text left to a script, under "You may
    also like", before a sidebar), and one whose
    text is all set aside (a box of related links, with a picture beside
    them) unless a picture in it stands by the story's text (a recipe card's
    photo beside its title, in a wrapper with the card's rating form). The
    story's text is what the root holds outside the excluded subtrees, its
    boxes (a byline, a fact box) and its headline: a story's picture stands
    by one of them."""
    end, owner = page.end, page.owner
    top = page.index.get(headline, -1) if headline is not None else -1
    aside = bytearray(len(page.elements))
    """1 for each element of the root set aside as no part of the story."""
    marked = -1  # the end of the last subtree marked: one inside it is marked already
    for i in sorted(excluded):
        if marked <= i != top and root < i < end[root] and page.furniture[i] not in _STORY_KINDS:
            aside[i : end[i]] = b"\x01" * (end[i] - i)
            marked = end[i]
    # The characters of story text in the elements before each one (in document order).
    story_chars = list(
        itertools.accumulate(map(operator.mul, page.own_block_chars, map(operator.not_, aside)), initial=0)
    )
    # Where each block stands among the elements (its element's index, never
    # behind the block before it's): what comes before and after an element.
    standing = list(itertools.accumulate(owner, max))

    def story_at(number: int) -> bool:
        if not 0 <= number < len(owner):
            return False
        at = owner[number]
        return (root <= at < end[root] and not aside[at]) or (top >= 0 and top <= at < end[top])

    def pointed_at(before: int, after: int) -> bool:
        """Whether block *before*, just before an element, is a line set aside
        that points to other pages ("You may also like"), and block *after*, just
        after it, is no part of the story's body (a sidebar, the page's footer):
        the element is what the line points to. A picture between the line and
        the story's next paragraph is the story's ("Related post: ...", then
        the recipe's photo)."""
        return before >= 0 and owner[before] in excluded and page.points_away(before) and not in_body(after)

    in_body_of: dict[int, bool] = {}
    """Each element climbed from by :func:`in_body`, and its answer: each is climbed
    once, so that many blocks deep in one subtree cost its depth once. (What the
    loop below adds to *excluded* holds no block asked about later.)"""

    def in_body(number: int) -> bool:
        """Whether block *number* is the body's: in the root, outside every excluded subtree."""
        if not 0 <= number < len(owner) or not root <= owner[number] < end[root]:
            return False
        climbed: list[int] = []
        at = owner[number]
        while at > root and at not in excluded and at not in in_body_of:
            climbed.append(at)
            at = page.parent[at]
        answer = in_body_of.get(at, at == root)
        in_body_of.update(dict.fromkeys(climbed, answer))
        return answer

    sources: list[int] = []
    """Where each block starts in the source, read for the first picture asked about."""

    def story_beside(picture: Element) -> bool:
        """Whether the block just before *picture* in the source, or just after it, is the story's."""
        if not sources:
            sources.extend(article.source_offset(block.start) for block in page.blocks)
        after = bisect.bisect_right(sources, article.element_span(picture)[0])
        return story_at(after - 1) or story_at(after)

    i = root + 1
    while i < end[root]:
        if i in excluded:
            i = end[i]
        elif not page.block_chars[i]:
            before, after = bisect.bisect_left(standing, i) - 1, bisect.bisect_left(standing, end[i])
            if pointed_at(before, after) or (not story_at(before) and not story_at(after)):
                excluded.add(i)
            i = end[i]  # no text inside: nothing more to judge there
        elif story_chars[end[i]] == story_chars[i]:
            if not any(map(story_beside, _pictures(page, i, aside))):
                excluded.add(i)
            i = end[i]
        else:
            i += 1


def _pictures(page: _Page, i: int, aside: bytearray) -> Iterator[Element]:
    """The pictures in element *i*'s subtree outside what is set aside."""
    for picture in page.elements[i].iter(*_PICTURE_TAGS):
        if not aside[page._container_of(picture)]:
            yield picture


_PICTURE_TAGS = ("img", "picture")


def _named_controls(root: Element) -> Iterator[Element]:
    """The links, buttons and frames inside *root* that their own names make the
    template's beyond doubt ("a.resp-sharing-button", "a.navigation.right",
    "iframe#ad-slot"), and the links whose address shares the page or goes
    through an advertising server (see :func:`_shares_or_advertises`), with
    what they hold: phrasing, no container, so no text of the body goes with
    them, but the rules about markup no longer read them as the article's. A
    picture's own name is not read: a story's photo may be named for the
    share button laid over it ("img-share"), and a lightbox or pop-up that a
    link opens shows the story's picture."""
    for element in root.iter(*_CONTROL_TAGS):
        name = _class_and_id(element)
        if name:  # most links are named by neither
            kind, certain, _ = _naming(name)
            if kind == "control":  # a button named for what it works: "btn … social-link" shares
                kind, certain, _ = _naming(name, "control")
            if certain and kind in _CONTROL_KINDS:
                yield element
                continue
        if element.tag == "a" and _shares_or_advertises(element.get("href") or ""):
            yield element


# A link that asks a platform to share the page ("facebook.com/sharer", "twitter.com/intent/tweet",
# "pinterest.com/pin/create"): a share button however it is named. The domain stands whole
# ("linux.com/share" is no x.com). Not an e-mail with no addressee: a campaign's "write to
# your MP here" is one, in the story's own words; nor a chat with a business's number
# ("whatsapp.com/send?phone=").
_SHARE_INTENT = on_use(
    r"(?<![\w-])(?:facebook\.com/(?:sharer|share\.php|dialog/(?:share|feed))|(?:twitter|x)\.com/(?:intent/(?:tweet|post)|share\b)"
    r"|pinterest\.[a-z.]+/pin/create|linkedin\.com/(?:shareArticle|sharing/share-offsite)|reddit\.com/submit"
    r"|whatsapp(?:\.com/|://)send/?\?(?![^#]*\bphone=)|wa\.me/\?|t(?:elegram)?\.me/share|tumblr\.com/(?:share|widgets/share)"
    r"|xing\.com/(?:spi/shares|social/share)|vk\.com/share\.php|getpocket\.com/(?:save|edit)|threads\.net/intent"
    r"|bsky\.app/intent/compose|flipboard\.com/bookmarklet|news\.ycombinator\.com/submitlink)",
    re.IGNORECASE,
)


# A link through an advertising server, which counts the click before it sends the
# reader on ("pubads.g.doubleclick.net/gampad/clk", "googleadservices.com/pagead/aclk"):
# an advertisement however it is named, its picture too.
_AD_CLICK = on_use(
    r"(?<![\w-])(?:doubleclick\.net|googleadservices\.com|googlesyndication\.com)/",
    re.IGNORECASE,
)


def _shares_or_advertises(href: str) -> bool:
    """Whether *href* asks a platform to share the page (see :data:`_SHARE_INTENT`)
    or goes through an advertising server (see :data:`_AD_CLICK`): each searched
    only where one of the words that each of its addresses holds stands (few links)."""
    if (
        "share" in href
        or "intent" in href
        or "/pin/" in href
        or "submit" in href
        or "send" in href
        or "wa.me" in href
        or "getpocket" in href
        or "bookmarklet" in href
    ) and _SHARE_INTENT.search(href) is not None:
        return True
    return ("doubleclick" in href or "google" in href) and _AD_CLICK.search(href) is not None


# The phrasing elements whose names are read, and the kinds that make them the site's own controls.
_CONTROL_TAGS = ("a", "button", "iframe")
_CONTROL_KINDS = frozenset({"navigation", "share", "advertising", "consent", "related", "comments"})


def _members(page: _Page, root: int, excluded: set[int]) -> set[int]:
    """Indices of the elements of the root's subtree outside the excluded subtrees."""
    inside = {root}
    i = root + 1
    while i < page.end[root]:
        if i in excluded:
            i = page.end[i]
            continue
        inside.add(i)
        i += 1
    return inside
