"""Views: the article's body, or the whole page, as a rule reads it.

A :class:`View` is a part of the page (its blocks and its elements) with every
reading a rule needs computed on first use and kept: the prose paragraphs,
sentences, words, headings, the elements of some tag, the text lower-cased for
cheap searches. :attr:`Article.body <lint_article.document.Article.body>` is
the article the writer wrote (found by :mod:`~lint_article.document.region`);
:attr:`Article.page <lint_article.document.Article.page>` is everything a reader
of the page sees, template and all.
"""

from __future__ import annotations

import bisect
import itertools
import operator
from array import array
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass
from functools import cached_property, partial
from typing import TYPE_CHECKING, Any, NamedTuple, overload

from . import formulas
from .anchors import occurrences
from .layout import PROSE_KINDS, Block
from .scores import ParagraphScores, Scores, article_scores, combined, paragraph_scores
from .tokens import UNSPACED_LANGUAGES, WORD, in_spans, quoted_spans, sentence_bounds, split_words, unspaced
from .tree import Element

if TYPE_CHECKING:
    from .article import Article

# What ends a written sentence (a colon or a semicolon ends a lead-in: "You
# will need:"; the danda ends Hindi and Bengali ones, "۔" Urdu, "։" Armenian,
# "።" Amharic), and the closing quotes and brackets that may follow it.
_STOPS = frozenset(".!?…:;。！？।॥؟۔։።")
_CLOSING = frozenset("\"'”’»)]」』）")


@dataclass(frozen=True, slots=True)
class Heading:
    """A heading of the page: its level, its visible text and where its start tag is."""

    level: int
    text: str
    element: Element
    line: int
    """1-based line of the heading's start tag in the source."""
    column: int


class Sentence(NamedTuple):
    start: int
    end: int
    block: int
    """Index of the sentence's block in :attr:`Article.blocks`."""


class Word(NamedTuple):
    text: str
    start: int
    end: int
    sentence: int
    """Index of the word's sentence in its view's :attr:`View.sentences`."""


_make_word = partial(tuple.__new__, Word)  # Word(...) without its Python-level __new__


class Words(Sequence[Word]):
    """Words kept as four columns, their texts, starts, ends and sentences; a
    :class:`Word` is made when one is read. A tuple of word objects would cost
    about 150 bytes a word, and a 10 MB page has 1.8 million words: the columns
    cost 20. Rules that read every word of a long page read the column they need
    (``words.texts``, ``words.sentences``) rather than one object a word."""

    __slots__ = ("ends", "sentences", "starts", "texts")

    def __init__(
        self,
        texts: list[str] | None = None,
        starts: array[int] | None = None,
        ends: array[int] | None = None,
        sentences: array[int] | None = None,
        *,
        text_length: int = 2**63 - 1,
    ) -> None:
        # Offsets take 4 bytes where the text allows, 8 beyond 2 GiB.
        typecode = "i" if text_length < 2**31 else "q"
        self.texts: list[str] = [] if texts is None else texts
        """Each word as written; equal words share one string."""
        self.starts: array[int] = array(typecode) if starts is None else starts
        """Offset in :attr:`Article.text` of each word's first character."""
        self.ends: array[int] = array(typecode) if ends is None else ends
        self.sentences: array[int] = array(typecode) if sentences is None else sentences
        """Index of each word's sentence in its view's :attr:`View.sentences`."""

    def append(self, text: str, start: int, end: int, sentence: int) -> None:
        self.texts.append(text)
        self.starts.append(start)
        self.ends.append(end)
        self.sentences.append(sentence)

    def __len__(self) -> int:
        return len(self.texts)

    @overload
    def __getitem__(self, index: int) -> Word: ...
    @overload
    def __getitem__(self, index: slice) -> Words: ...
    def __getitem__(self, index: int | slice) -> Word | Words:
        if isinstance(index, slice):
            return Words(self.texts[index], self.starts[index], self.ends[index], self.sentences[index])
        return _make_word((self.texts[index], self.starts[index], self.ends[index], self.sentences[index]))

    def __iter__(self) -> Iterator[Word]:
        return map(_make_word, zip(self.texts, self.starts, self.ends, self.sentences, strict=True))

    def __repr__(self) -> str:
        return f"Words({len(self)} words)"


_make_sentence = partial(tuple.__new__, Sentence)


class Sentences(Sequence[Sentence]):
    """Sentences kept as three columns, their starts, ends and blocks; a
    :class:`Sentence` is made when one is read. A tuple of sentence objects
    costs about 170 bytes a sentence (the tuple and three int objects), and a
    10 MB page of short paragraphs has 400,000 sentences in each view: the
    columns cost 12."""

    __slots__ = ("blocks", "ends", "starts")

    def __init__(self, starts: array[int], ends: array[int], blocks: array[int]) -> None:
        self.starts = starts
        """Offset in :attr:`Article.text` of each sentence's first character."""
        self.ends = ends
        self.blocks = blocks
        """Index of each sentence's block in :attr:`Article.blocks`."""

    def __len__(self) -> int:
        return len(self.starts)

    @overload
    def __getitem__(self, index: int) -> Sentence: ...
    @overload
    def __getitem__(self, index: slice) -> Sentences: ...
    def __getitem__(self, index: int | slice) -> Sentence | Sentences:
        if isinstance(index, slice):
            return Sentences(self.starts[index], self.ends[index], self.blocks[index])
        return _make_sentence((self.starts[index], self.ends[index], self.blocks[index]))

    def __iter__(self) -> Iterator[Sentence]:
        return map(_make_sentence, zip(self.starts, self.ends, self.blocks, strict=True))

    def __repr__(self) -> str:
        return f"Sentences({len(self)} sentences)"


def _word_key(word: str) -> str:
    """How a word is compared (with word lists, with other words): lower-cased,
    apostrophes straight."""
    return word.lower().replace("’", "'")


def _keys(texts: list[str]) -> list[str]:
    lowered = {text: _word_key(text) for text in set(texts)}
    return list(map(lowered.__getitem__, texts))


class SentenceWords(Sequence[tuple[str, ...]]):
    """The words of each sentence as a tuple, made when read from the view's
    word keys and where each sentence's words begin. Kept, the tuples cost 1.8
    times a page of short paragraphs, and the keys are kept anyway."""

    __slots__ = ("_bounds", "_keys")

    def __init__(self, keys: list[str], bounds: array[int]) -> None:
        self._keys = keys
        self._bounds = bounds
        """Sentence *i*'s words are ``keys[bounds[i]:bounds[i + 1]]``."""

    def __len__(self) -> int:
        return len(self._bounds) - 1

    @overload
    def __getitem__(self, index: int) -> tuple[str, ...]: ...
    @overload
    def __getitem__(self, index: slice) -> tuple[tuple[str, ...], ...]: ...
    def __getitem__(self, index: int | slice) -> tuple[str, ...] | tuple[tuple[str, ...], ...]:
        if isinstance(index, slice):
            return tuple(self[i] for i in range(*index.indices(len(self))))
        if not -len(self) <= index < len(self):
            raise IndexError("sentence index out of range")
        index %= len(self)
        return tuple(self._keys[self._bounds[index] : self._bounds[index + 1]])

    def __iter__(self) -> Iterator[tuple[str, ...]]:
        keys, bounds = self._keys, self._bounds
        return (tuple(keys[low:high]) for low, high in itertools.pairwise(bounds))


class View:
    """The blocks and elements of one part of the page, and what is read from them.

    What a view reads is kept in its ``__dict__``, a dict that the article keeps
    for the view's scope (:meth:`Article.view`): the article holds the readings,
    not the view, and the view holds the article. No cycle ties the two, so an
    article that is let go is freed at once, its tree and readings with it,
    instead of waiting (with everything it holds, walked at each pass) for the
    cycle collector. Two views of one scope share every reading.
    """

    __slots__ = ("__dict__", "_article")

    def __init__(
        self,
        article: Article,
        scope: str,
        indices: Sequence[int],
        contains: Callable[[Element], bool],
        *,
        within: str | None = None,
    ) -> None:
        self._article = article
        self.scope = scope
        """``article`` (the writer's article) or ``page`` (everything a reader of the page sees)."""
        # A column of machine integers: a tuple of int objects cost 40 bytes a block.
        self.block_indices: Sequence[int] = array("i" if len(article.blocks) < 2**31 else "q", indices)
        """Indices in :attr:`Article.blocks` of this view's blocks, in order."""
        self.blocks: tuple[Block, ...] = tuple(article.blocks[i] for i in self.block_indices)
        self.contains = contains
        """Whether an element belongs to this view."""
        self._quotations: dict[int, list[tuple[int, int]]] = {}
        self._within = within
        """The scope of a view whose blocks are all this one's (the story's body), whose readings this one may reuse."""

    @classmethod
    def sharing(cls, article: Article, readings: dict[str, Any]) -> View:
        """Another view of *article* with the *readings* (the ``__dict__``) of one made before."""
        view = cls.__new__(cls)
        view._article = article
        view.__dict__ = readings
        return view

    @cached_property
    def _held(self) -> bytearray:
        """1 at the index of each of the view's blocks in :attr:`Article.blocks`, 0
        elsewhere: a byte a block of the page, where a set of the indices cost 80."""
        held = bytearray(len(self._article.blocks))
        for index in self.block_indices:
            held[index] = 1
        return held

    def holds_block(self, index: int) -> bool:
        """Whether block *index* of :attr:`Article.blocks` is one of this view's."""
        held = self._held
        return 0 <= index < len(held) and held[index] == 1

    @cached_property
    def paragraphs(self) -> tuple[Block, ...]:
        """The blocks that hold running prose: paragraphs, quotes, list items and loose text."""
        return tuple(b for b in self.blocks if b.kind in PROSE_KINDS)

    @cached_property
    def sentences(self) -> Sentences:
        """The sentences of the view's blocks, never spanning two blocks."""
        text, blocks = self._article.text, self._article.blocks
        typecode = "i" if len(text) < 2**31 else "q"
        sentences = Sentences(array(typecode), array(typecode), array(typecode))
        for index in self.block_indices:
            block = blocks[index]
            starts, ends = sentence_bounds(text, block.start, block.end)
            sentences.starts.extend(starts)
            sentences.ends.extend(ends)
            sentences.blocks.extend(itertools.repeat(index, len(starts)))
        return sentences

    @cached_property
    def sentence_blocks(self) -> tuple[Block, ...]:
        """The block of each of :attr:`sentences`."""
        return tuple(map(self._article.blocks.__getitem__, self.sentences.blocks))

    @cached_property
    def unpunctuated(self) -> bytearray:
        """A byte for each of :attr:`sentences`, 1 for one that is its block's
        only sentence and ends without a full stop, question or exclamation
        mark, ellipsis, colon or semicolon (closing quotes and brackets
        aside): words set down as a label, not a sentence written. A bulleted
        feature ("Strategic use case discovery"), a name in a list of winners,
        a button's "Open media 12 in modal". A block of several sentences whose
        last one lacks its stop is prose all the same. One look at each
        sentence's last characters."""
        text, sentences = self._article.text, self.sentences
        blocks, ends = sentences.blocks, sentences.ends
        flags = bytearray(len(sentences))
        last = len(blocks) - 1
        for index, block in enumerate(blocks):
            if (index > 0 and blocks[index - 1] == block) or (index < last and blocks[index + 1] == block):
                continue
            end = ends[index]
            start = sentences.starts[index]
            while end > start and text[end - 1] in _CLOSING:
                end -= 1
            flags[index] = end > start and text[end - 1] not in _STOPS
        return flags

    @cached_property
    def words(self) -> Words:
        """The words in reading order, each tied to its sentence."""
        text, blocks = self._article.text, self._article.blocks
        result = Words(text_length=len(text))
        # The words of each run of blocks that follow one another on the page
        # are read at once (the text between two blocks holds no word): the
        # whole page, or the body in a few runs, rather than a search a block.
        # One string object per distinct word: a long article repeats its words,
        # and a million copies of "the" cost 50 MB.
        spelled: dict[str, str] = {}
        low = high = 0
        previous = -2  # no block yet: the first one starts a run
        for index in self.block_indices:
            if index != previous + 1:
                _read_words(result, spelled, text, low, high)
                low = blocks[index].start
            high, previous = blocks[index].end, index
        _read_words(result, spelled, text, low, high)
        # Each sentence's words are those that start before its end and after
        # the previous sentence's: only white space lies between two sentences,
        # and no word runs across a sentence's end (punctuation before white
        # space, or a CJK full stop and its closing marks, none of which a
        # word holds). Counted in C, not a Python step a sentence.
        typecode = result.sentences.typecode
        befores = array(typecode, map(partial(bisect.bisect_left, result.starts), self.sentences.ends))
        counts = map(operator.sub, befores, itertools.chain((0,), befores))
        result.sentences.extend(itertools.chain.from_iterable(map(itertools.repeat, range(len(befores)), counts)))
        return result

    @cached_property
    def sentence_words(self) -> SentenceWords:
        """The words of each of :attr:`sentences`, lower-cased, apostrophes straight:
        what word lists (:mod:`~lint_article.document.wordlists`) are matched against."""
        sentences = self.words.sentences
        bounds = array("l", [0])
        for index in range(len(self.sentences)):
            bounds.append(bisect.bisect_right(sentences, index, bounds[-1]))
        return SentenceWords(self.word_keys, bounds)

    @cached_property
    def word_keys(self) -> list[str]:
        """Each of :attr:`words` lower-cased, apostrophes straight: how words are
        compared (with word lists, with each other). Equal keys share one string."""
        return _keys(self.words.texts)

    def keys_of(self, words: Words) -> list[str]:
        """The :attr:`word_keys` of some of the view's words (all of them: the ones kept)."""
        return self.word_keys if words is self.words else _keys(words.texts)

    def in_code(self, words: Words) -> bytearray:
        """A byte for each of *words* (some of the view's), 1 for a word of code
        (see :attr:`Article.code_spans`): a name, a command or its output, not
        the writer's prose. Two binary searches a span, and each word marked
        once, however deep code nests in code."""
        flags = bytearray(len(words))
        word_starts = words.starts
        covered = 0
        for low, reach in zip(*self._article.code_spans, strict=True):
            if reach > covered:
                first = bisect.bisect_left(word_starts, max(low, covered))
                after = bisect.bisect_left(word_starts, reach)
                flags[first:after] = b"\x01" * (after - first)
                covered = reach
        return flags

    @cached_property
    def headings(self) -> tuple[Heading, ...]:
        """The view's headings, in order; the article's include its headline, wherever the page puts it."""
        return tuple(h for h in self._article.headings if self.contains(h.element))

    @cached_property
    def text(self) -> str:
        """The view's visible text, one block a line."""
        text = self._article.text
        return "\n".join(text[b.start : b.end] for b in self.blocks)

    def sentences_in(self, start: int, end: int) -> Sentences:
        """The view's sentences that start within text offsets [start, end) of :attr:`Article.text`."""
        starts = self.sentences.starts
        return self.sentences[bisect.bisect_left(starts, start) : bisect.bisect_left(starts, end)]

    def words_in(self, start: int, end: int) -> Words:
        """The view's words that lie within text offsets [start, end) of :attr:`Article.text`."""
        first, after = self.word_range(start, end)
        return self.words[first:after]

    def word_count_in(self, start: int, end: int) -> int:
        """How many of :meth:`words_in` there are, without copying them (a block may hold a whole page)."""
        first, after = self.word_range(start, end)
        return after - first

    def word_range(self, start: int, end: int, low: int = 0) -> tuple[int, int]:
        """The indices [first, after) in :attr:`words` of :meth:`words_in`, without
        copying them; *low*, an index known to be at or before the first (a rule
        reading its blocks in order passes the previous block's end)."""
        starts = self.words.starts
        first = bisect.bisect_left(starts, start, low)
        return first, bisect.bisect_left(starts, end, first)

    def elements(self, *tags: str) -> Iterator[Element]:
        """The view's elements of *tags* (every element without), in document order."""
        tree, contains = self._article.tree, self.contains
        if tags:  # no comment has a tag name: filtered in C, not a Python step for each of a page's 2,000 links
            return filter(contains, tree.iter(*tags))
        return (el for el in tree.iter() if isinstance(el.tag, str) and contains(el))

    def with_attribute(self, name: str) -> Iterator[Element]:
        """The view's elements that carry the attribute *name*, in document order."""
        # The attribute asked first: most elements lack it, and asking is cheaper
        # than whether the element is one (a comment's answer is None too) and in the view.
        contains = self.contains
        return (
            el
            for el in self._article.tree.iter()
            if el.get(name) is not None and isinstance(el.tag, str) and contains(el)
        )

    def counts_words(self, language: str | None) -> bool:
        """Whether word counts mean something here: not in languages written without
        spaces, declared or (when undeclared) evident from the text."""
        if language is not None:
            return language not in UNSPACED_LANGUAGES
        return not unspaced(self.text)

    def scores(self, language: str | None, words: Sequence[Word] | None = None) -> Scores | None:
        """Readability scores of the view's prose (or of the prose among *words*,
        some of its words), or None when its language has no formula."""
        if words is None or words is self.words:
            return self._article.derived(_combined_scores, self.scope, language)
        return article_scores(self, language, words)

    def paragraph_scores(self, language: str) -> tuple[ParagraphScores, ...]:
        """Readability scores of each prose paragraph with words, computed once per
        article (the article's own scores are their sum); () when the language has no formula."""
        return self._article.derived(paragraph_scores_of, self.scope, language)

    def formula(self, formula_id: str, language: str, words: Sequence[Word] | None = None) -> float | None:
        """The value of readability formula *formula_id* (a key of
        :data:`~lint_article.document.formulas.FORMULAS`) on the view's prose, or
        on the prose among *words*; None when the formula is not made for
        *language* or there is no prose. Computed once per article and shared."""
        if words is None or words is self.words:
            return self._article.derived(_formula, self.scope, formula_id, language)
        return formulas.value(self, formula_id, language, words)

    @cached_property
    def prose_text(self) -> str:
        """The view's prose as readability formulas read it: each sentence's words,
        one space apart, ended by a full stop (see :func:`~lint_article.document.formulas.prose_text`)."""
        return formulas.prose_text(self)

    @cached_property
    def vocabulary(self) -> frozenset[str]:
        """The view's distinct words, lower-cased: a cheap test of whether a phrase
        can occur at all before it is searched for. Read from the blocks (the
        same matches as :attr:`words`, without their offsets), unless the words
        are built already: then from their :attr:`word_keys`. A view around
        another whose words are built (the story around the body) reads only
        the blocks that one lacks."""
        if "words" in self.__dict__:
            return frozenset(self.word_keys)
        within = None if self._within is None else self._article.view(self._within)
        if within is not None and "words" not in within.__dict__:
            within = None
        text, blocks = self._article.text, self._article.blocks
        spelled: set[str] = set()
        if within is None:
            unread: Sequence[int] = self.block_indices
        else:
            held = within._held  # the body's byte column read in place, not a method call a block
            unread = [index for index in self.block_indices if not held[index]]
        for index in unread:
            spelled.update(WORD.findall(text, blocks[index].start, blocks[index].end))
        found = frozenset(map(_word_key, spelled))
        if within is None:
            return found
        if "vocabulary" in within.__dict__:
            return within.vocabulary | found
        # One set from the body's keys and the rest, not the body's own set (no
        # rule but this one asks for it) copied into a second one.
        return frozenset(itertools.chain(within.word_keys, found))

    @property
    def section_front(self) -> int:
        """The teasers of other stories that stand where the article would, when the
        page is a section front with no story of its own (see :attr:`Region.teasers`);
        0 on a story's page, for a CMS body, and in the page view."""
        return 0 if self.scope == "page" else self._article.region.teasers

    def blocks_with(self, anchors: tuple[str, ...], holding: dict[str, list[int]] | None = None) -> list[int]:
        """Indices in :attr:`Article.blocks` of the view's blocks that hold one of
        *anchors* (lower-case strings; one may start with a newline to mean
        "at the start of a block"), in order. *holding*: what :meth:`blocks_holding`
        found for a set of anchors that includes these, so that a rule reads its
        text once for all its anchors and asks here for each group of them."""
        if holding is None:
            holding = self.blocks_holding(anchors)
        # The anchors found are few (most articles hold none of a rule's hundreds): the
        # intersection is taken in C, not a look-up for each anchor.
        return sorted({index for anchor in holding.keys() & anchors for index in holding[anchor]})

    def blocks_holding(self, anchors: tuple[str, ...]) -> dict[str, list[int]]:
        """For each of *anchors* that the view holds (lower-case strings, as in
        :meth:`blocks_with`), the indices of its blocks that hold it, in order:
        all found in one read of the text, however many the anchors, lower-cased
        as :func:`~lint_article.document.anchors.lower` does."""
        article, blocks = self._article, self.blocks
        found: dict[str, set[int]] = {}
        if blocks:
            for at, anchor in occurrences(anchors, article.text, blocks[0].start, blocks[-1].end):
                # A match of "\nword" starts at the line break before its block.
                found.setdefault(anchor, set()).add(article.block_at(at + (anchor[0] == "\n")))
        within = {anchor: sorted(filter(self.holds_block, held)) for anchor, held in found.items()}
        return {anchor: held for anchor, held in within.items() if held}

    def is_quoted(self, index: int, start: int, end: int) -> bool:
        """Whether text offsets [start, end) of block *index* are quoted rather than
        written: in quotation marks, or inside inline ``<code>``, ``<kbd>``,
        ``<samp>``, ``<tt>`` or ``<q>``. A binary search, once the block's marks are found."""
        article = self._article
        block = article.blocks[index]
        if index not in self._quotations:
            self._quotations[index] = quoted_spans(article.text[block.start : block.end])
        if in_spans(self._quotations[index], start - block.start, end - block.start):
            return True
        starts, reaches = article.inline_quotations
        found = bisect.bisect_right(starts, start) - 1
        return found >= 0 and end <= reaches[found]


def _read_words(words: Words, spelled: dict[str, str], text: str, start: int, end: int) -> None:
    """Add the words of text offsets [start, end) to *words*, each spelling
    the one string that *spelled* keeps for it."""
    for pieces in split_words(text, start, end):
        found = pieces[1::2]
        words.texts.extend(map(spelled.setdefault, found, found))
        # A word starts where the lengths of the pieces before it add up to.
        offsets = list(itertools.accumulate(map(len, pieces), initial=start))
        words.starts.extend(offsets[1:-1:2])
        words.ends.extend(offsets[2::2])
        start = offsets[-1]


def _combined_scores(article: Article, scope: str, language: str | None) -> Scores | None:
    return None if language is None else combined(article.view(scope).paragraph_scores(language), language)


def paragraph_scores_of(article: Article, scope: str, language: str) -> tuple[ParagraphScores, ...]:
    return paragraph_scores(article.view(scope), language)


def _formula(article: Article, scope: str, formula_id: str, language: str) -> float | None:
    return formulas.value(article.view(scope), formula_id, language)
