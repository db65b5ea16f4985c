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
    """.split()
)

# The commonest function words of the other languages the readability formulas
# know; enough to tell "et de la" from a phrase worth reporting.
FUNCTION_WORDS: dict[str, frozenset[str]] = {
    "en": ENGLISH_STOPWORDS,
    "fr": frozenset(
        "le la les l' un une des du de d' et ou à au aux en dans par pour sur avec sans sous ce cet cette ces "
        "qui que qu' quoi dont où il elle ils elles on nous vous je j' tu se s' son sa ses leur leurs est sont "
        "a ont été être avoir ne n' pas plus ce c' y".split()
    ),
    "es": frozenset(
        "el la los las un una unos unas de del al y o a en con por para sin sobre que quien como cuando donde "
        "se su sus lo le les es son fue ser ha han no más muy ya este esta estos estas ese esa".split()
    ),
    "de": frozenset(
        "der die das den dem des ein eine einen einem einer und oder zu zum zur im in am an auf aus bei mit "
        "von vom für über unter nach vor ist sind war waren wird werden hat haben sich nicht auch es er sie wir "
        "ihr als wie dass so".split()
    ),
    "it": frozenset(
        "il lo la i gli le un uno una di del della dei delle da dal in nel nella con su per tra fra e o che "
        "chi non si è sono era ha hanno come anche più al alla".split()
    ),
    "pt": frozenset(
        "o a os as um uma de do da dos das em no na nos nas por para com sem e ou que se não é são foi ser "
        "ao à mais como seu sua".split()
    ),
    "nl": frozenset(
        "de het een en of van in op te aan met voor door bij naar uit over als dat die dit is zijn was waren "
        "wordt niet ook er zich".split()
    ),
}

# Without a lang attribute, an article is taken as English when at least this
# share of its words are English function words (they are about 40% of English
# prose and well under 5% of other languages' prose).
_ENGLISH_SHARE = 0.15
_SAMPLE_WORDS = 2000


def primary_language(article: Article, configured: str | None = None) -> str | None:
    """The primary language subtag (``en``, ``fr``) of *article*.

    ``<html lang>`` wins, as the article's own word about itself; then
    *configured* (from the configuration); without either, English is
    recognised by its function words and anything else is unknown (None)
    rather than guessed.
    """
    tag = article.lang or configured
    if tag:
        return tag.split("-")[0].lower()
    words = article.words[:_SAMPLE_WORDS]
    if not words:
        return None
    common = sum(1 for word in words if word.text.lower() in ENGLISH_STOPWORDS)
    return "en" if common / len(words) >= _ENGLISH_SHARE else None
