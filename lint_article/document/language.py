"""Which language an article is written in, and the words that carry no content.

``<html lang>`` wins, as the article's own word about itself, unless a text
of some length barely uses the declared language's function words (a theme's
``lang="en"`` over German prose); then the configured language; without
either, the language is recognised from the article's own text: by its
script where the script tells (Greek, Hebrew, Japanese kana...), else by
which language's function words it uses most. No model and no network: a
few dozen of the commonest words per language tell apart prose of a few
sentences.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass
from typing import TYPE_CHECKING

from ..regex import on_use

if TYPE_CHECKING:
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

# Further languages, recognised but without rules of their own: their
# commonest function words (after the frequency lists of the Leipzig Corpora).
_RECOGNISED_ONLY: dict[str, frozenset[str]] = {
    "pl": frozenset("i w na z do się nie że to jest o jak od po za dla przez ale czy jego jej są był była".split()),
    "sv": frozenset("och i att det som en på är av för med till den har de inte om ett var men".split()),
    "da": frozenset("og i at det som en på er af for med til den har de ikke om et var men".split()),
    "no": frozenset("og i at det som en på er av for med til den har de ikke om et var men ble".split()),
    "fi": frozenset("ja on ei se että oli ovat myös kuin mutta tai hän joka sekä jo vain tämä".split()),
    "cs": frozenset("a v se na je že s z do o to i by k jako pro ale jsou byl bylo".split()),
    "tr": frozenset("ve bir bu da de için ile olarak daha çok gibi en olan ama ya kadar sonra".split()),
    "ro": frozenset("și în de la a cu pe care nu din o un mai este sunt fost pentru că".split()),
    "hu": frozenset("a az és hogy nem is egy meg van volt de csak már mint még ez azt".split()),
}
# Scripts that name their language (or the commonest one written in them).
# Most texts are told by their Latin letters before any script is looked for,
# and the classes of the Chinese and Korean characters, tens of thousands of
# them, take 4 ms to compile (the re module lists them in Python): on_use.
_SCRIPT_CLASSES: tuple[tuple[str, re.Pattern[str]], ...] = (
    ("zh", on_use("[\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff]")),
    ("ko", on_use("[\uac00-\ud7af\u1100-\u11ff]")),
    ("el", on_use("[\u0370-\u03ff]")),
    ("he", on_use("[\u0590-\u05ff]")),
    ("ar", on_use("[\u0600-\u06ff]")),
    ("th", on_use("[\u0e00-\u0e7f]")),
    ("hi", on_use("[\u0900-\u097f]")),
    ("bn", on_use("[\u0980-\u09ff]")),
    ("ru", on_use("[\u0400-\u04ff]")),
)
# Within a script, the letters that tell one of its languages: Japanese
# writes kana between its Chinese characters, Ukrainian has letters Russian lacks.
_TELLING_LETTERS = {"zh": ("ja", on_use("[\u3040-\u30ff]"), 0.05), "ru": ("uk", on_use("[іїєґІЇЄҐ]"), 0.01)}


# Letters are counted as what is left when everything else is removed: one
# string built in C, where findall would build a string per letter.
_NOT_LETTERS = on_use(r"[\W\d_]+")
_NOT_LATIN = on_use("[^A-Za-z\u00c0-\u024f]+")
_ASCII_RUN = on_use("[\x00-\x7f]+")
_ASCII_NOT_LETTERS = bytes(b for b in range(128) if not chr(b).isalpha())
_SAMPLE_WORDS = 2000
_SAMPLE_CHARACTERS = 5000
# Function words are a third to a half of running prose in the languages
# above, and a few percent in any other; the best language must also lead the
# next by a margin, or the text is not told apart (a list of names, say).
_MIN_SHARE = 0.12
_MIN_LEAD = 1.3
# A declared language with fewer of its function words than this share of a
# text of this many words is not the one the text is written in: a theme's
# default (<html lang="en"> over German or Bengali prose), which the text's own
# language overrides.
_DISOWNED_SHARE = _MIN_SHARE / 2
_DISOWNING_WORDS = 100


@dataclass(frozen=True, slots=True)
class Language:
    """An article's primary language subtag (``en``), or None, and where it came from."""

    code: str | None
    source: str
    """``html`` (``<html lang>``), ``config`` (the settings), ``text`` (recognised
    from the article's words) or ``unknown``."""


def detect_language(article: Article, configured: str | None = None) -> Language:
    """The primary language subtag (``en``, ``fr``) of *article*, and its source."""
    declared = _primary(article.lang) if article.lang else None
    words = article.body.words.texts[:_SAMPLE_WORDS]
    if declared is not None and not _disowned(declared, words):
        return Language(declared, "html")
    # No <html lang>, or one that the text does not use (a theme's default):
    # the settings, then the text; the declared one when the text does not tell.
    if configured:
        return Language(_primary(configured), "config")
    code = recognise(article.body.text[:_SAMPLE_CHARACTERS], words)
    if code is None and declared is not None:
        return Language(declared, "html")
    return Language(code, "text" if code else "unknown")


def _disowned(declared: str, words: list[str]) -> bool:
    """Whether *words*, a text long enough to tell, hold too few of the *declared*
    language's function words to be written in it (a language without a list of them is taken at its word)."""
    common = _PROFILES.get(declared)
    if common is None or len(words) < _DISOWNING_WORDS:
        return False
    return sum(map(common.__contains__, map(str.lower, words))) < _DISOWNED_SHARE * len(words)


def recognise(text: str, words: list[str]) -> str | None:
    """The language that *text* (with its *words*) is written in, or None when it does not tell."""
    # ASCII letters are Latin letters: only the rest of the text (in most
    # articles a few quotation marks and accents) goes through the patterns.
    ascii_letters = len(text.encode("ascii", "ignore").translate(None, _ASCII_NOT_LETTERS))
    rest = _ASCII_RUN.sub("", text)
    letters = ascii_letters + len(_NOT_LETTERS.sub("", rest))
    if letters and ascii_letters + len(_NOT_LATIN.sub("", rest)) < 0.7 * letters:
        for code, script in _SCRIPT_CLASSES:
            if len(script.findall(text)) >= 0.3 * letters:
                telling = _TELLING_LETTERS.get(code)
                if telling is not None and len(telling[1].findall(text)) >= telling[2] * letters:
                    return telling[0]
                return code
    if not words:
        return None
    # Only function words are counted, and each adds to the languages that list
    # it: most words are none, and a dict entry each, then one pass over the
    # counts per language, cost more than the lowering.
    counts = Counter(filter(_PROFILE_WORDS.__contains__, map(str.lower, words)))
    totals = dict.fromkeys(_PROFILES, 0)
    for word, count in counts.items():
        for code in _LANGUAGES_OF[word]:
            totals[code] += count
    shares = sorted(((total / len(words), code) for code, total in totals.items()), reverse=True)
    (best, code), (second, _) = shares[0], shares[1]
    return code if best >= _MIN_SHARE and best >= _MIN_LEAD * second else None


def _primary(tag: str) -> str:
    return tag.split("-")[0].split("_")[0].lower()


_PROFILES = {**FUNCTION_WORDS, **_RECOGNISED_ONLY}


def _languages_of(profiles: dict[str, frozenset[str]]) -> dict[str, tuple[str, ...]]:
    """The languages whose function words hold each word, by word."""
    found: dict[str, list[str]] = {}
    for code, common in profiles.items():
        for word in common:
            found.setdefault(word, []).append(code)
    return {word: tuple(codes) for word, codes in found.items()}


_LANGUAGES_OF = _languages_of(_PROFILES)
_PROFILE_WORDS = frozenset(_LANGUAGES_OF)
