from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from itertools import chain

from ..document import PARAGRAPH_KINDS, Article, Element
from ..document.wordlists import FIRST_WORD_EXCEPTIONS
from ..findings import Finding, Severity
from ..rule import Context, Rule, RuleOptions, option

# Where a run of sentences is read: paragraphs and quotes. List items start alike by design.
_KINDS = PARAGRAPH_KINDS | {"quote"}
# A list's items and a table's cells are parallel by design, paragraphs inside them too.
_ITEMS = frozenset({"li", "dt", "dd", "td", "th"})


class ConsecutiveSentences(Rule):
    """Sentences in a row do not all start with the same word (Yoast's consecutive sentences check).

    ## What it checks
    Reports each run of `min_run` or more sentences in a row that start
    with the same word: Yoast SEO's readability analysis flags three or more.
    As in Yoast, a sentence that starts with an article, a number up to ten
    or a demonstrative ("the", "a", "two", "this") starts with its first two
    words, so "The mayor ... The council ..." do not start alike. The
    sentences are those of paragraphs and quotes, in reading order across
    paragraphs; a heading, a list, a table or a figure ends a run. List
    items are left out: a list's items are parallel on purpose. Paragraphs
    written inside list items and table cells (`<li><p>`, as a loose
    Markdown list makes) are read, but a run stays within its item or cell:
    it does not go on from one item to the next ("At the Start prompt ...",
    "At the End prompt ..."), nor from the text around the list into it.

    Done in English, German, French, Spanish, Italian and Dutch, the
    languages whose articles, numbers and demonstratives lint-article lists
    (`lint_article/document/wordlists.py`); the comparison needs nothing
    else. Other languages are skipped: without that list every "the" of
    theirs would count as a repeated beginning.

    On by default: it fires on 19 of the 98 real corpus articles, 32 runs
    (`python benchmarks/yoast_counts.py`), mostly first-person essays and
    fiction ("I ... I ... I") and chronologies ("In 1841 ... In 1907 ...").

    ## Why
    Sentences that open alike read as a drone; varying the openings keeps
    the reader moving.

    ## Fails
    ```html
    <html lang="en"><body>
    <p>We met the mayor. We asked about the roads. We got no answer. Then we left.</p>
    </body></html>
    ```

    ## Passes
    ```html
    <html lang="en"><body>
    <p>We met the mayor. Our first question was about the roads. No answer came. Then we left.</p>
    </body></html>
    ```
    """

    id = "consecutive-sentences"
    summary = "No three sentences in a row start with the same word (Yoast's check)."
    severity = Severity.INFO
    messages = {
        "same-start": "{count} sentences in a row start with “{start}”",
    }
    advice = {
        "same-start": "Vary the openings: start one of these sentences with its subject, a time or a place.",
    }

    @dataclass(frozen=True, kw_only=True)
    class Options(RuleOptions):
        min_run: int = option(3, "Fewest sentences in a row starting alike that are reported.", minimum=2)

    def check(self, article: Article, ctx: Context[Options]) -> Iterator[Finding]:
        lang = ctx.language
        if lang is None or lang not in FIRST_WORD_EXCEPTIONS:
            return
        exceptions = FIRST_WORD_EXCEPTIONS[lang]
        view = ctx.view
        sentences = view.sentences
        blocks = view.sentence_blocks
        run: list[int] = []  # indices of the sentences of the current run
        start: tuple[str, ...] = ()
        for index, words in enumerate(chain(view.sentence_words, [()])):  # a last, empty one ends the last run
            here: tuple[str, ...] = ()
            if index < len(sentences) and blocks[index].kind in _KINDS:
                here = _beginning(words, exceptions)
            if here and here == start and _same_item(article, blocks[run[-1]].element, blocks[index].element):
                run.append(index)
                continue
            if len(run) >= ctx.options.min_run:
                first, last = sentences[run[0]], sentences[run[-1]]
                shown = " ".join(word.text for word in view.words_in(first.start, first.end)[: len(start)])
                yield ctx.at_text(first.start, last.end, "same-start", count=len(run), start=shown)
            run, start = ([index], here) if here else ([], ())


def _same_item(article: Article, before: Element, after: Element) -> bool:
    """Whether two blocks are part of one list item or table cell, or of none
    (asked only of sentences that start alike: most never are)."""
    return before is after or article.closest(before, _ITEMS) is article.closest(after, _ITEMS)


def _beginning(words: tuple[str, ...], exceptions: frozenset[str]) -> tuple[str, ...]:
    """The first word of a sentence, or its first two when the first is an article, a number or a demonstrative."""
    if not words:
        return ()
    return words[:2] if words[0] in exceptions and len(words) > 1 else words[:1]
