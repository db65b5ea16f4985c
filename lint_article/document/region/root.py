"""The element that holds the story's body: Readability's paragraph scores, its corrections, and
the widening to the headline and to the sections that continue the story."""

from __future__ import annotations

import html
from typing import TYPE_CHECKING

from ...regex import on_use
from ..layout import HEADING_LEVELS
from ..tree import Element

if TYPE_CHECKING:
    from ..article import Article

from .inside import _is_deck
from .page import _CARD_TEXT, _Page
from .wording import _PROSE_LENGTH, _SENTENCE_END

# Readability's head start for a candidate by its tag; <article> and <main>,
# which HTML gives the page's own content, start further ahead.
_TAG_WEIGHT = {
    "div": 5,
    "article": 15,
    "main": 15,
    "section": 3,
    "pre": 3,
    "td": 3,
    "blockquote": 3,
    "address": -3,
    "ol": -3,
    "ul": -3,
    "dl": -3,
    "dd": -3,
    "dt": -3,
    "li": -3,
    "form": -3,
    "th": -5,
    **dict.fromkeys(HEADING_LEVELS, -5),
}
# The blocks that vote for their ancestors. List items too (Readability scores
# none): a story told in lists, as release notes are, would otherwise have its
# pictures' captions for its only paragraphs, and the body would be a caption,
# widened to the headline; a menu's short, linked items seldom reach the vote.
_SCORED_KINDS = frozenset({"paragraph", "block", "preformatted", "cell", "quote", "list-item"})
_COMMAS = on_use("[,\u060c\ufe50\ufe10\ufe11\u2e41\u2e34\u2e32\uff0c\u3001]")
# How much more a paragraph that the page's JSON-LD declares as the story's body weighs.
_DECLARED_BOOST = 3
_TEXT_WORD = on_use(r"\w+")
# A sibling after the body carries on the story when it holds this share of
# the body's prose (Readability's threshold for joining siblings).
_CONTINUATION = 0.2
# How many levels above the body a run of sections made alike is looked for,
# and the prose a section of it holds (more than a support box's appeal).
_SECTION_REACH = 3
_SECTION_PROSE = 500
# A candidate that scores this share of the best one's score, and holds this
# many times its prose, is taken instead.
_RIVAL_SCORE = 0.9
_RIVAL_PROSE = 2


def _choose_root(article: Article, page: _Page, declared: frozenset[int]) -> tuple[int, str]:
    """The index of the body's root, and the evidence for it; the paragraphs *declared* as the
    story's body (block numbers) weigh more."""
    scores = _paragraph_scores(article, page, _furniture_flags(page), declared)
    if scores:
        top = max(scores, key=scores.__getitem__)
        # Scores this close say little (a short paragraph full of commas scores
        # as high as a story of plain sentences): of such rivals, the one that
        # holds far more prose is the story.
        rivals = [c for c in scores if scores[c] >= _RIVAL_SCORE * scores[top]]
        best = max(rivals, key=page.value.__getitem__, default=top)
        if page.value[best] > _RIVAL_PROSE * max(page.value[top], 0.0):
            top = best
        return _readability_refinement(page, scores, top), "paragraph scoring"
    # No paragraph long enough to vote: the page's own markup says where the story is.
    for tag, evidence in (("article", "the <article> with the most text"), ("main", "the <main>")):
        candidates = [i for i, el in enumerate(page.elements) if page.block_chars[i] and _is_a(el, tag)]
        if candidates:
            return max(candidates, key=page.block_chars.__getitem__), evidence
    return 0, "the whole page"


def _is_a(element: Element, tag: str) -> bool:
    """Whether *element* is an ``<article>`` or ``<main>`` (by tag or role)."""
    return element.tag == tag or (element.get("role") or "").strip().lower() == tag


def _unname_wrappers(page: _Page, i: int) -> None:
    """Clear the furniture names of *i*'s ancestors, and count their prose in the
    subtrees around them (one walk up, however many there are)."""
    gained = 0.0
    """What the current ancestor's value gains: the ancestors below it that
    were furniture counted for nothing in it."""
    for ancestor in page.ancestors(i):
        page.value[ancestor] += gained
        if page.sure[ancestor]:
            page.sure[ancestor], page.furniture[ancestor] = False, None
            gained = page.value[ancestor]


def _declared_paragraphs(article: Article, bodies: list[str]) -> frozenset[int]:
    """The numbers of the blocks whose text the page's JSON-LD ``articleBody``
    holds: most of their word triples occur in it."""
    if not bodies:
        return frozenset()
    triples: set[tuple[str, ...]] = set()
    for body in bodies:
        words = _TEXT_WORD.findall(html.unescape(body).casefold())
        triples.update(zip(words, words[1:], words[2:], strict=False))
    declared: set[int] = set()
    for number, block in enumerate(article.blocks):
        if block.kind not in _SCORED_KINDS or block.end - block.start < 25:
            continue
        words = _TEXT_WORD.findall(article.text[block.start : block.end].casefold())
        own = list(zip(words, words[1:], words[2:], strict=False))
        if own and sum(triple in triples for triple in own) >= 0.8 * len(own):
            declared.add(number)
    return frozenset(declared)


def _readability_refinement(page: _Page, scores: dict[int, float], top: int) -> int:
    """Mozilla Readability's corrections to the best-scoring candidate."""
    top_score = scores[top]
    ranked = sorted(scores, key=scores.__getitem__, reverse=True)[1:5]
    # When three of the other best candidates lie inside one ancestor of the
    # best, the story is split across them and the ancestor holds it.
    alternatives = [set(page.ancestors(c)) for c in ranked if scores[c] >= 0.75 * top_score]
    if len(alternatives) >= 3:
        for ancestor in page.ancestors(top):
            if ancestor == 0:
                break
            if sum(1 for ancestors in alternatives if ancestor in ancestors) >= 3:
                top = ancestor
                break
    # A parent that scores better than the candidate is the story's wrapper.
    last = scores.get(top, 0.0)
    threshold = last / 3
    for ancestor in page.ancestors(top):
        if ancestor == 0:
            break
        score = scores.get(ancestor)
        if score is None:
            continue
        if score < threshold:
            break
        if score > last:
            top = ancestor
            break
        last = score
    return top


def _front_teasers(page: _Page, root: int) -> list[int]:
    """The teasers at *root* when it is a section front (a page of teasers of
    other stories, nothing that is one story): at least :data:`_FRONT_TEASERS`
    teasers, those of a grid (see :class:`_Cards`) and the short ``<article>``
    elements with a link, that hold at least as much prose as the rest of the
    root. Asked only where no heading titles a story: a story's page has one.
    Empty when *root* is no section front."""
    found = set(page.cards(root).found)
    found.update(
        i
        for i in range(root + 1, page.end[root])
        if page.links[i] and page.block_chars[i] <= _CARD_TEXT and _is_a(page.elements[i], "article")
    )
    teasers: list[int] = []
    for i in sorted(found):
        if not teasers or i >= page.end[teasers[-1]]:  # the outermost, in document order
            teasers.append(i)
    if len(teasers) < _FRONT_TEASERS or page.first_block[root] < 0:
        return []
    teased = sum(
        max(page.worth[n], 0.0)
        for i in teasers
        if page.first_block[i] >= 0
        for n in range(page.first_block[i], page.last_block[i] + 1)
    )
    prose = sum(max(page.worth[n], 0.0) for n in range(page.first_block[root], page.last_block[root] + 1))
    return teasers if teased >= prose - teased else []


# How many teasers, outweighing the rest of the page's prose, make a section front.
_FRONT_TEASERS = 5


def _widen_to_headline(page: _Page, top: int, headline: int, excluded: set[int]) -> int:
    """The root that holds both the headline and the body found at *top*; what
    lies before the headline is set aside, and so is what stands beside the
    body unless it carries the story (a lead paragraph under the headline,
    the rest of a story split by an advertisement)."""
    if page.inside(headline, top) or headline > top:
        return top
    root = next(a for a in page.ancestors(top) if page.inside(headline, a))
    # From the body up to the common root: the body's siblings.
    node = top
    while node != root:
        up = page.parent[node]
        for sibling in page.child_indices(up):
            if sibling == node:
                continue
            if page.inside(headline, sibling):
                _keep_after_headline(page, sibling, headline, excluded, page.first_block[top])
            elif (
                sibling < headline
                or page.sure[sibling]
                or (
                    # A recipe's parts carry on the story, however little prose they hold.
                    not page.recipe_part(sibling)
                    and (
                        page.value[sibling] < 0
                        or (
                            sibling > node
                            and page.value[sibling] <= _CONTINUATION * page.value[top]
                            and not _continues(page, sibling, node)
                        )
                    )
                )
            ):
                excluded.add(sibling)
        node = up
    return root


def _headlines_article(page: _Page, top: int, headline: int) -> int:
    """The ``<article>`` that holds the *headline* and prose of its own, where
    the body found at *top* lies in another ``<article>`` made as it is beside
    it (a page of whole stories one after the other, the next ones loaded as
    the reader scrolls): the headline's is the story, not the longest; else
    *top*."""
    if page.inside(headline, top) or headline > top:
        return top
    body, story = top, headline
    while page.parent[body] >= 0 and not page.inside(headline, page.parent[body]):
        body = page.parent[body]
    while not page.inside(top, page.parent[story]):
        story = page.parent[story]
    a, b = page.elements[body], page.elements[story]
    if (
        _is_a(a, "article")
        and _is_a(b, "article")
        and a.tag == b.tag
        and a.get("class") == b.get("class")
        and page.value[story] >= _SECTION_PROSE
    ):
        return story
    return top


def _continues(page: _Page, sibling: int, node: int) -> bool:
    """Whether *sibling* carries on the story that *node* holds part of: it
    holds paragraphs of prose and is made as *node* is, the same tag and the
    same classes, or none (a story that the publisher cuts into sections of
    one kind, as Medium does, its sections bare ``<div>``s), however little it
    holds beside the body."""
    if page.value[sibling] < _SECTION_PROSE:
        return False
    a, b = page.elements[sibling], page.elements[node]
    if _is_a(a, "article"):
        return False  # a story of its own (see _headlines_article), however made
    return a.tag == b.tag and (a.get("class") or "").split() == (b.get("class") or "").split()


def _keep_after_headline(page: _Page, branch: int, headline: int, excluded: set[int], body: int) -> None:
    """In the *branch* that holds the headline, set aside the headline and
    what comes before it, and what comes after it unless it is prose or the
    story's deck (the body's first block is *body*)."""
    node = branch
    while node != headline:
        following = None
        for child in page.child_indices(node):
            if page.inside(headline, child):
                following = child
            elif child < headline or (
                page.value[child] <= 0 and not page.recipe_part(child) and not _is_deck(page, child, body)
            ):
                excluded.add(child)
        if following is None:
            return
        node = following
    excluded.add(headline)


def _join_sections(page: _Page, top: int, excluded: set[int]) -> int:
    """Where the body found at *top* is one of a run of sections made alike
    (see :func:`_continues`), perhaps a few levels up, the run joins under its
    parent, without what stands among them that is furniture or no prose."""
    node = top
    for _ in range(_SECTION_REACH):
        parent = page.parent[node]
        if parent <= 0:
            break
        siblings = [child for child in page.child_indices(parent) if child != node]
        if any(_continues(page, sibling, node) for sibling in siblings):
            excluded.update(s for s in siblings if page.sure[s] or (page.value[s] < 0 and not page.recipe_part(s)))
            return parent
        node = parent
    return top


def _join_siblings(page: _Page, top: int, excluded: set[int]) -> int:
    """Readability's sibling joining: the body's siblings that carry prose join
    it, under their common parent, and the others are set aside."""
    parent = page.parent[top]
    if parent <= 0:
        return top
    siblings = [child for child in page.child_indices(parent) if child != top]
    joined = [s for s in siblings if not page.sure[s] and page.value[s] > 0]
    if not joined:
        return top
    excluded.update(s for s in siblings if s not in joined)
    return parent


def _paragraph_scores(article: Article, page: _Page, vetoed: list[bool], declared: frozenset[int]) -> dict[int, float]:
    """Readability's candidate scores: each paragraph (but those *vetoed*) adds
    to its ancestors, less the further up they are, more if *declared*; a
    candidate's score shrinks with its link density."""
    scores: dict[int, float] = {}
    text, parent = article.text, page.parent
    for number, block in enumerate(article.blocks):
        if block.kind not in _SCORED_KINDS:
            continue
        size = block.end - block.start
        if size < 25:
            continue
        at = page.owner[number]
        if at < 0 or vetoed[at]:
            continue
        score = 1 + len(_COMMAS.findall(text, block.start, block.end)) + min(size // 100, 3)
        if number in declared:
            score *= _DECLARED_BOOST
        # Prose written straight into a container beside other blocks is a
        # paragraph of its own, as Readability reads it (it wraps such text in
        # a <p>): the container is its parent. A container that holds nothing
        # else is the paragraph itself (Readability makes it a <p>). A short
        # line ("Follow me on Twitter.") or addresses (structured data a class
        # hides) are no prose.
        prose = (
            block.kind == "block"
            and size >= _PROSE_LENGTH
            and page.block_chars[at] != size
            and _SENTENCE_END.search(text, block.start, block.end) is not None
            and text.find("://", block.start, block.end) < 0
        )
        # The paragraph's five nearest ancestors (itself first, if prose), a step up each.
        ancestor = at if prose else parent[at]
        for level in range(5):
            if ancestor < 0:
                break
            if ancestor not in scores:
                scores[ancestor] = _TAG_WEIGHT.get(page.elements[ancestor].tag, 0) + page.class_weight[ancestor]
            scores[ancestor] += score if level == 0 else score / 2 if level == 1 else score / (level * 3)
            ancestor = parent[ancestor]
    for i in scores:
        scores[i] *= 1 - page.link_density(i)
    return scores


def _furniture_flags(page: _Page) -> list[bool]:
    """For each element, whether it lies inside furniture beyond doubt."""
    flags = [False] * len(page.elements)
    for i in range(1, len(page.elements)):
        flags[i] = flags[page.parent[i]] or page.sure[i]
    return flags
