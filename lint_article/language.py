"""Which language an article is written in, and the words that carry no content."""

from __future__ import annotations

from .article import Article

# The most frequent English function words (after the Brown corpus lists); an
# n-gram made only of these is no phrase worth reporting.
ENGLISH_STOPWORDS = frozenset(
    """
    a about above after again against all am an and any are as at be because been before being
    below between both but by can could did do does doing down during each few for from further
    had has have having he her here hers herself him himself his how i if in into is it its
    itself just me more most my myself no nor not now of off on once only or other our ours
    ourselves out over own same she should so some such than that the their theirs them
    themselves then there these they this those through to too under until up very was we were
    what when where which while who whom why will with would you your yours yourself yourselves
    also may might must shall s t don't it's i'm you're we're they're isn't aren't wasn't
    weren't won't
    """.split()  # noqa: SIM905 - a word list reads better as prose
)

# Without a lang attribute, an article is taken as English when at least this
# share of its words are English function words (they are about 40% of English
# prose and well under 5% of other languages' prose).
_ENGLISH_SHARE = 0.15
_SAMPLE_WORDS = 2000


def primary_language(article: Article, configured: str | None = None) -> str | None:
    """The primary language subtag (``en``, ``fr``) of *article*.

    *configured* (from the configuration) wins, then ``<html lang>``; without
    either, English is recognised by its function words and anything else is
    unknown (None) rather than guessed.
    """
    tag = configured or article.lang
    if tag:
        return tag.split("-")[0].lower()
    words = article.words[:_SAMPLE_WORDS]
    if not words:
        return None
    common = sum(1 for word in words if word.text.lower() in ENGLISH_STOPWORDS)
    return "en" if common / len(words) >= _ENGLISH_SHARE else None
