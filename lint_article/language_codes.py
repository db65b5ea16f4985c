"""The language codes a setting may name, checked against ISO 639 kept in the package.

``data/languages.tsv`` lists the ISO 639-2 languages with their ISO 639-1
codes and English names (built by ``scripts/build_language_codes.py`` from the
iso-codes package). A language setting is a BCP 47 tag; its first subtag must
be a two-letter ISO 639-1 code, or a three-letter ISO 639-2 code for a
language that has no two-letter one. The table is read only when a setting
names a language, and nothing is looked up on the network.
"""

from __future__ import annotations

import functools
from typing import NamedTuple

from .regex import on_use


class Language(NamedTuple):
    alpha3: str
    alpha2: str
    """The ISO 639-1 code; empty when the language has none."""
    bibliographic: str
    name: str


# Country codes, and withdrawn ISO 639-1 codes, that are written where a language code belongs.
_MISTAKEN = {
    "jp": "ja", "cn": "zh", "gr": "el", "dk": "da", "cz": "cs", "ua": "uk", "gb": "en", "us": "en", "il": "he",
    "ir": "fa", "vn": "vi", "at": "de", "mx": "es", "iw": "he", "in": "id", "ji": "yi", "mo": "ro",
}  # fmt: skip
_LOCAL_USE = on_use(r"q[a-t][a-z]")
"""ISO 639-2 reserves qaa to qtz for local use."""
_SUBTAGS = on_use(r"[-_]")


@functools.cache
def _languages() -> tuple[dict[str, Language], dict[str, Language], dict[str, Language]]:
    """The languages by two-letter code, by three-letter code (bibliographic too), and by lower-case name."""
    from importlib import resources  # read on first use: kept off start-up

    text = resources.files("lint_article").joinpath("data/languages.tsv").read_text(encoding="utf-8")
    by_two: dict[str, Language] = {}
    by_three: dict[str, Language] = {}
    by_name: dict[str, Language] = {}
    for line in text.splitlines():
        language = Language(*line.split("\t"))
        by_three[language.alpha3] = language
        if language.bibliographic:
            by_three[language.bibliographic] = language
        if language.alpha2:
            by_two[language.alpha2] = language
        for name in language.name.split(";"):
            by_name.setdefault(name.strip().lower(), language)
    return by_two, by_three, by_name


def language_problem(tag: str) -> str | None:
    """What is wrong with the language tag *tag* (``en``, ``pt-BR``), with the code
    probably meant; None when its language is known."""
    primary = _SUBTAGS.split(tag, maxsplit=1)[0].lower()
    by_two, by_three, by_name = _languages()
    if len(primary) == 2:
        if primary in by_two:
            return None
        meant = by_two.get(_MISTAKEN.get(primary, ""))
        if meant is not None:
            return f"{primary!r} is no ISO 639-1 language code; did you mean {_named(meant)}?"
        return f"{primary!r} is no ISO 639-1 language code (such as 'en', 'fr', 'de' or 'pt-BR')"
    if len(primary) == 3 and primary.isalpha():
        language = by_three.get(primary)
        if language is not None and language.alpha2:
            return f"{primary!r} has a two-letter code, which language tags use: {_named(language)}"
        if language is not None or _LOCAL_USE.fullmatch(primary):
            return None
        return f"{primary!r} is no ISO 639 language code (such as 'en', 'fr', 'de' or 'pt-BR')"
    language = by_name.get(tag.strip().lower())
    if language is not None:
        return f"{tag!r} is a language name, not a code; did you mean {_named(language)}?"
    return f"{tag!r} is no language tag (such as 'en', 'fr', 'de' or 'pt-BR')"


def _named(language: Language) -> str:
    code = language.alpha2 or language.alpha3
    return f"{code!r} ({language.name.split(';')[0]})"
