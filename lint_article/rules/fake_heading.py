from __future__ import annotations

import itertools
import re
from collections.abc import Iterator
from dataclasses import dataclass

from ..document import PARAGRAPH_KINDS, PROSE_KINDS, Article, Block, Element, View
from ..document.wordlists import FIRST_PERSON, SECOND_PERSON
from ..findings import Finding, Severity
from ..regex import on_use
from ..rule import Context, Rule, RuleOptions, option

_BOLD = frozenset({"b", "strong"})
# A paragraph in these is a label, a caption, a quote or a cell, not a section title.
_NOT_FLOW = frozenset(
    {"li", "dt", "dd", "td", "th", "table", "blockquote", "figure", "figcaption", "header", "footer", "nav",
     "aside", "address", "form", "label", "button", "pre", "code", "q", "cite"}
)  # fmt: skip
# A heading may end in a question mark; a sentence, a label or a quotation ends otherwise.
_CLOSING = frozenset('.!:;,…"”’»)]')
# Bylines, datelines, credits, addresses and prompts: short, capitalised, not titles.
_NOT_A_TITLE = on_use(
    r"^(?:by|photo|photos|credit|credits|source|image|video|via|©|written|posted|published|updated|last updated"
    r"|reviewed|edited|photographed|powered|sponsored|presented|produced|illustrated|courtesy)\b"
    r"|^(?:see also|read more|learn more|related|also read|more)\s*:|\b(?:image|photo|credit|source)\s*:"
    r"|\b(?:jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)[a-z]*\.?\s+\d|\b(?:19|20)\d{2}\b"
    r"|[@/]|\.(?:com|org|net|io|co|uk)\b",
    re.IGNORECASE,
)
_BY_NAME = on_use(r"\b(?:by|par|por|von)\s+[A-Z]")
# A label and its figure ("YOY Growth: 171%", "Open Box: $230.99", "Total Reviews: 726",
# "Welcome Offer: 80,000 Points"): a line of data, as a specification's or a ranking's;
# a title after a colon is words ("Step 1: Gather Your Tools").
_LABELLED_FIGURE = on_use(r":\s*[-+~≈]?[$€£¥]?\s*\d[\d.,]*\s*(?:%|[^\W\d_]{1,12})?\s*$")
# Words that stay lower case in English title case.
_SMALL_WORDS = frozenset(
    """
    a an the and or but nor for so yet of in on at to by with from as vs via into onto over per up off out than
    upon about
    """.split()
)
# A figure-like wrapper: an image and its caption, and little else.
_CAPTION_SIBLINGS = 3
# How many of an answer's first words are read for its speaker's "I" or "we".
_ANSWER_OPENING = 30
# How many questions answered in the first person make an article an interview.
_INTERVIEW_TURNS = 2


class FakeHeading(Rule):
    """Section titles are headings, not paragraphs dressed as headings.

    ## What it checks
    A paragraph inside the article that works as a heading is a finding:

    - a paragraph whose text is all bold (`<p><strong>…</strong></p>` or
      `<b>`), at most `max_words` words long, not ending like a sentence; or
    - a short paragraph (`min_words` to `max_words` words) in title case
      ("Regional Instability and Humanitarian Crisis") with no closing
      punctuation, that does not sit directly under a real heading;

    and in both cases followed by body text: a paragraph of at least
    `min_body_words` words that is longer than the candidate, or another
    such title. Section titles
    come in series: an article needs at least `min_count` such paragraphs for
    any to be reported, since a lone short line is more often a caption, a
    name or a dateline. Bylines, datelines, credits, addresses, "See also:"
    prompts, figures and a label's figure ("YOY Growth: 171%"), paragraphs
    that are only links, captions beside an image, and
    paragraphs in lists, tables, quotes, figures, headers, footers, asides
    and comment sections are not candidates. The finding suggests a level:
    one below the nearest real heading above.

    The defaults were set on the corpus's real articles and pages
    (`benchmarks/precision.py`): their 385 real `<h2>` and `<h3>` headings
    have a median of 3 words and 97% have 12 or fewer; with a single
    candidate allowed, captions, bylines and names made up most findings,
    and with two they make up none.

    Title case is an English convention, so the second test runs only on
    articles in English (from `<html lang>`, the `language` setting, or text
    that reads as English); the bold test runs in every language.

    ## Why
    A paragraph that looks like a heading is not one for screen readers,
    which navigate by headings, nor for search engines or the CMS's table of
    contents: the outline loses the section. It is what a paste from a word
    processor or a text file leaves behind, as the seed article's section
    titles show when its text is pasted as paragraphs. axe-core's
    `p-as-heading` is the precedent.

    ## Fails
    ```html
    <h1>US moves to re-engage Sahel juntas</h1>
    <p>The United States is recalibrating its approach to military juntas in the Sahel.</p>
    <p><strong>Regional Instability and Humanitarian Crisis</strong></p>
    <p>The security situation remains dire. The withdrawal of Western forces
    has not improved the fight against armed groups.</p>
    <p><strong>Democratic Backsliding</strong></p>
    <p>The coups have severely hampered democratic progress. All three
    nations face protracted transitions with uncertain timelines for civilian rule.</p>
    ```

    ## Passes
    ```html
    <h1>US moves to re-engage Sahel juntas</h1>
    <p>The United States is recalibrating its approach to military juntas in the Sahel.</p>
    <h2>Regional Instability and Humanitarian Crisis</h2>
    <p>The security situation remains dire. The withdrawal of Western forces
    has not improved the fight against armed groups.</p>
    <h2>Democratic Backsliding</h2>
    <p>The coups have severely hampered democratic progress. All three
    nations face protracted transitions with uncertain timelines for civilian rule.</p>
    ```
    """

    id = "fake-heading"
    summary = "No paragraph is used as a heading."
    severity = Severity.WARNING
    messages = {
        "fake-heading": "paragraph “{text}” works as a heading ({reason}); mark it up as <h{level}>",
    }
    advice = {
        "fake-heading": (
            "Make the paragraph a real heading (<h{level}>), so that readers and search engines see the outline."
        ),
    }

    @dataclass(frozen=True, kw_only=True)
    class Options(RuleOptions):
        max_words: int = option(12, "Longest paragraph, in words, taken for a heading.", minimum=1)
        min_words: int = option(2, "Shortest title-case paragraph, in words, taken for a heading.", minimum=1)
        min_count: int = option(2, "Fewest such paragraphs in an article before any is reported.", minimum=1)
        min_body_words: int = option(15, "Fewest words of the paragraph that must follow a title.", minimum=1)

    def check(self, article: Article, ctx: Context[Options]) -> Iterator[Finding]:
        options = ctx.options
        english = ctx.language == "en"
        view = ctx.view
        blocks = view.blocks
        reasons: list[str | None] = [
            _reason(article, view, i, options, english) if blocks[i].kind in PARAGRAPH_KINDS else None
            for i in range(len(blocks))
        ]
        asks = any(
            reason is not None and _is_question(article, block) for reason, block in zip(reasons, blocks, strict=True)
        )
        if asks and _is_interview(article, view, ctx.language):
            reasons = [
                None if reason is not None and _is_question(article, block) else reason
                for reason, block in zip(reasons, blocks, strict=True)
            ]
        followed = [False] * (len(blocks) + 1)
        for i in range(len(blocks) - 1, -1, -1):
            nxt = i + 1
            followed[i] = (
                reasons[i] is not None
                and nxt < len(blocks)
                and (followed[nxt] or _is_body(view, blocks[nxt], blocks[i], options.min_body_words))
            )
        if sum(followed) < options.min_count:
            return
        level = 1
        for i, block in enumerate(blocks):
            if block.kind == "heading":
                level = int(str(block.element.tag)[1])
                continue
            reason = reasons[i]
            if reason is not None and followed[i]:
                text = article.block_text(block)
                yield ctx.at_text(block.start, block.end, "fake-heading", text=text, reason=reason,
                                  level=min(level + 1, 6))  # fmt: skip


def _reason(article: Article, view: View, index: int, options: FakeHeading.Options,
            english: bool) -> str | None:  # fmt: skip
    """Why the view's block *index* looks like a heading, or None when it does not."""
    blocks = view.blocks
    block = blocks[index]
    if not 0 < view.word_count_in(block.start, block.end) <= options.max_words:
        return None
    text = article.block_text(block)
    words = view.words_in(block.start, block.end).texts
    if text[-1] in _CLOSING:
        return None
    if _NOT_A_TITLE.search(text) or _BY_NAME.search(text):
        return None
    if sum(any(c.isdigit() for c in w) for w in words) * 2 > len(words) or _LABELLED_FIGURE.search(text):
        return None  # a score, a figure
    element = block.element
    if article.within(element, _NOT_FLOW) or article.once(element, _beside_image):
        return None
    if article.once(element, _all_bold):
        reason = "only bold text"
    elif not english or len(words) < options.min_words:
        return None
    elif index > 0 and blocks[index - 1].kind == "heading":
        return None  # a standfirst or subtitle under a heading
    elif _title_case(words):
        reason = "short, title case, no closing punctuation"
    else:
        return None
    # Last, as it reads the text of every link in the block: on a page of short
    # linked lines (references, navigation) most are told apart before this.
    return None if _only_links(article, element, text) else reason


def _is_question(article: Article, block: Block) -> bool:
    return article.block_text(block).rstrip('"”’»)] ').endswith(("?", "？"))


def _is_interview(article: Article, view: View, language: str | None) -> bool:
    """Whether the view's bold questions are an interview's: at least
    :data:`_INTERVIEW_TURNS` of them, of any length, put to someone in the
    second person and answered, in the paragraph after, in the first."""
    addressed, speaking = SECOND_PERSON.get(language or ""), FIRST_PERSON.get(language or "")
    if addressed is None or speaking is None:
        return False
    blocks = view.blocks
    turns = 0
    for question, answer in itertools.pairwise(blocks):
        if (
            question.kind in PARAGRAPH_KINDS
            and _is_question(article, question)
            and _holds(view, question.start, question.end, addressed)
            and _holds(view, answer.start, answer.end, speaking, limit=_ANSWER_OPENING)
            and article.once(question.element, _all_bold)
        ):
            turns += 1
            if turns >= _INTERVIEW_TURNS:
                return True
    return False


def _holds(view: View, start: int, end: int, pronouns: frozenset[str], limit: int | None = None) -> bool:
    """Whether the view's words in [start, end) (the first *limit* of them) hold
    one of *pronouns*, as a word or an elided one ("j'ai")."""
    keys = view.keys_of(view.words_in(start, end))[:limit]
    return any(key in pronouns or key[: key.find("'") + 1] in pronouns for key in keys)


def _only_links(article: Article, element: Element, text: str) -> bool:
    """Whether all of the text is link text: a list of headlines, a call to action."""
    linked = article.derived(_linked_length, element)
    return linked > 0 and linked >= len(text.replace(" ", "")) * 0.9 - len(text) * 0.1


def _linked_length(article: Article, element: Element) -> int:
    return sum(len(article.visible_text(link)) for link in element.iter("a"))


def _beside_image(element: Element) -> bool:
    """Whether *element* is the caption in a small wrapper around an image."""
    parent = element.getparent()
    # Count no further than needed: len() walks every child in lxml, and a flat
    # page makes each of its thousands of paragraphs walk them all.
    if parent is None or sum(1 for _ in itertools.islice(parent, _CAPTION_SIBLINGS + 1)) > _CAPTION_SIBLINGS:
        return False
    return any(sibling is not element and next(sibling.iter("img", "picture", "svg"), None) is not None
               for sibling in parent)  # fmt: skip


def _all_bold(element: Element) -> bool:
    """True when every piece of visible text in *element* is inside <b> or <strong>."""
    if (element.text or "").strip() or len(element) == 0:
        return False
    for child in element:
        if not isinstance(child.tag, str):
            continue
        if (child.tail or "").strip():
            return False
        if child.tag in _BOLD:
            continue
        if child.tag in ("span", "em", "i", "a", "u") and _all_bold(child):
            continue
        if child.tag != "br":
            return False
    return any((isinstance(child.tag, str) and child.tag in _BOLD) or _has_bold(child) for child in element)


def _has_bold(element: Element) -> bool:
    return any(el.tag in _BOLD for el in element.iter())


def _title_case(words: list[str]) -> bool:
    words = [w for w in words if w[0].isalpha()]  # figures are neither title nor lower case
    if not words or not words[0][0].isupper():
        return False
    significant = [w for w in words[1:] if w.lower() not in _SMALL_WORDS]
    if not significant:
        return False
    capitalised = sum(1 for w in significant if w[0].isupper())
    return capitalised * 4 >= len(significant) * 3


def _is_body(view: View, block: Block, candidate: Block, min_words: int) -> bool:
    if block.kind not in PROSE_KINDS:
        return False
    size = view.word_count_in(block.start, block.end)
    return size >= min_words and size > view.word_count_in(candidate.start, candidate.end)
