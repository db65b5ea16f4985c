"""The document model: everything about reading an article, in one place.

Decoding (:mod:`.decoding`), scanning and parsing with browser-style tree
repair (:mod:`.scan`, :mod:`.tree`), the text layout and its source map
(:mod:`.layout`), words and sentences (:mod:`.tokens`), the page/article split
(:mod:`.region`), the views (:mod:`.views`), the language (:mod:`.language`)
readability scores (:mod:`.scores`) and formulas (:mod:`.formulas`). Rules read an :class:`Article` and
its views, and import nothing else from here.
"""

from .article import CODE_TAGS, SPAN_ATTRIBUTE, Article
from .formulas import FORMULAS, LANGUAGE_FORMULAS, Formula, formula_name
from .language import Language
from .layout import PARAGRAPH_KINDS, PROSE_KINDS, Block
from .region import Region
from .scores import MIN_SENTENCE_WORDS, Scores
from .tree import ArticleError, Element
from .views import Heading, Sentence, Sentences, View, Word, Words

__all__ = [
    "CODE_TAGS",
    "FORMULAS",
    "LANGUAGE_FORMULAS",
    "MIN_SENTENCE_WORDS",
    "PARAGRAPH_KINDS",
    "PROSE_KINDS",
    "SPAN_ATTRIBUTE",
    "Article",
    "ArticleError",
    "Block",
    "Element",
    "Formula",
    "Heading",
    "Language",
    "Region",
    "Scores",
    "Sentence",
    "Sentences",
    "View",
    "Word",
    "Words",
    "formula_name",
]
