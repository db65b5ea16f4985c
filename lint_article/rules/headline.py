from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterator
from dataclasses import dataclass

from ..document import Article, Element
from ..findings import Finding, Severity
from ..regex import on_use
from ..rule import Context, Rule, RuleOptions, option

# Advance widths of an Arial-like sans serif, in thousandths of an em (the
# metrics every Helvetica clone shares); search engines set titles at 20 px.
_WIDTHS: dict[str, int] = {
    **dict.fromkeys(" !,./:;I[\\]ft", 278), **dict.fromkeys("ijl", 222), **dict.fromkeys("'", 191),
    **dict.fromkeys('"', 355), **dict.fromkeys("#$0123456789?L_abdeghnopqu", 556), "%": 889, "&": 667,
    **dict.fromkeys("()-`r", 333), "*": 389, **dict.fromkeys("+<=>~", 584), "@": 1015,
    **dict.fromkeys("ABEKPSVXY", 667), **dict.fromkeys("CDHNRUw", 722), **dict.fromkeys("GOQ", 778),
    **dict.fromkeys("FTZ", 611), "J": 500, **dict.fromkeys("Mm", 833), "W": 944, "^": 469,
    **dict.fromkeys("cksvxyz", 500), **dict.fromkeys("{}", 334), "|": 260,
    **dict.fromkeys("‘’‚", 222), **dict.fromkeys("“”„", 333), **dict.fromkeys("–•", 556), "—": 1000, "…": 1000,
    "«": 556, "»": 556, "·": 278, "ß": 611, "æ": 889, "Æ": 1000, "ø": 611, "Ø": 778, "œ": 944, "Œ": 1000,
}  # fmt: skip
_FONT_SIZE = 20
_LONGEST_TITLE = 300
"""Characters of the longest text read for clickbait: keeps the patterns' work small on any input."""
_AVERAGE = 556
_UNKNOWN_SHARE = 0.2
"""A title with more characters than this share outside the table is in another script: counted in characters."""
_ELLIPSIS = "…"

# "Headline - Site name", "Headline | Site", "Headline — Site".
_TITLE_SEPARATOR = on_use(r"\s+[-|–—:·»]+\s+|\s*[|·»]\s*")


def _patterns(*phrases: str) -> re.Pattern[str]:
    """One case-insensitive pattern of word-bounded *phrases* (regular expressions)."""
    return on_use(r"(?<!\w)(?:" + "|".join(phrases) + r")(?!\w)", re.IGNORECASE)


_APOSTROPHE = "['’]"
# Promises of a surprise in place of the news: the reader must click to learn what it is.
_CURIOSITY_GAP = _patterns(
    # English
    rf"you won{_APOSTROPHE}?t believe", r"you will never believe", rf"you{_APOSTROPHE}ll never (?:guess|believe)",
    r"(?:what|who) happened next", r"this one (?:weird |simple )?trick", r"one (?:weird|simple) trick",
    r"this (?:weird|simple|little) trick",
    r"will (?:blow your mind|shock you|surprise you|amaze you|make you (?:cry|smile|laugh|gasp))",
    r"blew (?:my|our) mind",
    r"the reason (?:why )?(?:is|will) (?:shocking|surprising|amazing|hilarious)", r"nobody (?:is talking|tells you)",
    r"no one (?:is talking|tells you)", r"doctors hate", r"(?:is|are) going viral", r"wait (?:until|till) you see",
    r"what (?:she|he|they) (?:did|found|said) next", r"the results? (?:will|may) (?:surprise|shock) you",
    r"the real reason(?: why)?", r"find out (?:why|what|how|who)", r"number \d+ will", r"you (?:need|have) to see",
    r"(?:people|everyone|fans|the internet) (?:is|are) (?:freaking out|losing (?:it|their minds)|going (?:crazy|wild))",
    r"(?:will leave you|left (?:everyone|fans|us)) speechless",
    # German
    r"(?:Sie|du) (?:werden|wirst) (?:es )?nicht glauben", r"was dann (?:geschah|passierte|passiert)",
    r"(?:dieser|mit diesem) (?:einfache[nm]? )?(?:Trick|Geheimtipp)", r"unfassbar, was",
    r"unglaublich, was", r"das hat (?:niemand|keiner) erwartet", r"(?:wird|werden) Sie (?:schockieren|überraschen)",
    r"das passiert, wenn", r"so sieht \w+(?: \w+){0,4} heute aus", r"(?:Sie|du) glaub(?:en|st) nicht, (?:was|wie|wer)",
    r"(?:Sie|du) (?:werden|wirst) staunen",
    # French
    rf"vous n{_APOSTROPHE}allez (?:jamais |pas )(?:croire|deviner)", r"vous ne (?:le )?croirez (?:jamais|pas)",
    rf"ce qui (?:s{_APOSTROPHE}est passé|est arrivé|arrive) ensuite", r"cette (?:simple |petite )?astuce",
    r"la suite va vous", r"(?:va|vont) vous (?:choquer|surprendre|étonner|faire pleurer)",
    r"(?:personne|on) ne vous (?:le )?dit", r"vous allez (?:adorer|halluciner|pleurer)",
    r"vous ne (?:devinerez|croirez) jamais", r"ce qui (?:arrive|se passe) quand",
    r"(?:à quoi|voici à quoi) ressemble \w+(?: \w+){0,4} aujourd['’]hui",
    # Spanish
    r"no (?:vas|van) a creer", r"no (?:te )?lo (?:vas|van) a creer", r"no creer[áa]s",
    r"lo que (?:pas[óo]|sucedi[óo]) después", r"(?:con )?este (?:simple |sencillo )?truco",
    r"te (?:sorprender[áa]n?|dejar[áa]n? sin palabras)", r"te (?:va|van) a (?:sorprender|impactar|encantar)",
    r"nadie te (?:lo )?(?:dice|cuenta)", r"as[íi] (?:luce|est[áa]) (?:hoy|ahora)", r"mira (?:lo que|cómo|quién)",
    r"te dejar[áa]n? con la boca abierta",
)  # fmt: skip
# The headline points at its own news ("This is why…") instead of telling it.
_FORWARD_REFERENCE = on_use(
    r"^(?:"
    rf"(?:this|that|these|here){_APOSTROPHE}?s? (?:is |are )?(?:why|what|how|the reason|who)\b"
    r"|(?:this|that|here) is (?:why|what|how|the reason|who)\b"
    r"|(?:das|dies|hier) (?:ist|sind) (?:der Grund|die Gründe|warum|was|wie)\b|darum (?:sollten|müssen) Sie\b"
    r"|so einfach\b|das steckt dahinter\b|deshalb sollten Sie\b"
    rf"|voici (?:pourquoi|ce qu|comment|la raison)|voilà (?:pourquoi|ce qu|comment)|c{_APOSTROPHE}est pour ça que"
    r"|(?:esta|estas) (?:es|son) (?:la razón|las razones)|esto es lo que|as[íi] es como|por eso (?:debes|deberías)"
    r"|aqu[íi] (?:est[áa]|tienes) (?:por qué|lo que|c[óo]mo)"
    r")",
    re.IGNORECASE,
)
# "This man…", "Cette femme…": the subject is kept back so that the reader clicks to learn it.
_TIME_WORDS = (
    r"week|weekend|year|month|morning|afternoon|evening|night|time|season|summer|winter|spring|autumn|fall|day|"
    r"woche|jahr|monat|morgen|abend|sommer|winter|herbst|frühling|mal|"
    r"semaine|année|mois|matin|soir|été|hiver|automne|printemps|fois|"
    r"semana|año|mes|mañana|noche|verano|invierno|otoño|primavera|vez"
)
_WITHHELD_SUBJECT = on_use(
    r"^(?:he|she|they)\s+\w+"  # "She was told she'd never walk…": a pronoun with nobody before it
    rf"|^(?:this|these|dieser|diese|dieses|cette|cet|ces|este|esta|estos|estas)\s+(?!(?:{_TIME_WORDS})\b)"
    r"(?:\w+\s+){0,2}?(?:man|woman|guy|girl|boy|mom|dad|mother|father|couple|family|kid|teen|celebrity|star|"
    r"actor|actress|singer|person|people|dog|cat|photo|picture|video|town|city|country|food|map|chart|"
    r"Mann|Frau|Mutter|Vater|Paar|Familie|Kind|Promi|Star|Foto|Bild|Video|Stadt|Hund|Katze|"
    r"homme|femme|mère|père|couple|famille|enfant|star|photo|vidéo|ville|chien|chat|"
    r"hombre|mujer|madre|padre|pareja|familia|niño|niña|famoso|famosa|foto|vídeo|video|ciudad|perro|gato)s?\b",
    re.IGNORECASE,
)
# "17 photos that will make you cry": a list that sells a feeling.
_NUMBER = (
    r"\d{1,3}|three|four|five|six|seven|eight|nine|ten|eleven|twelve|fifteen|twenty|drei|vier|fünf|sechs|sieben|"
    r"acht|neun|zehn|trois|quatre|cinq|sept|huit|neuf|dix|tres|cuatro|cinco|seis|siete|ocho|nueve|diez"
)
_LISTICLE = on_use(
    rf"^(?:(?:these|diese|ces|estas|estos)\s+)?(?:{_NUMBER})\s+(?:\w+\s+){{0,2}}?"
    r"(?:things|reasons|ways|photos|pictures|signs|facts|secrets|tricks|times|people|celebrities|moments|foods|"
    r"places|Dinge|Gründe|Fotos|Bilder|Fakten|Geheimnisse|Tricks|Momente|Zeichen|Lebensmittel|Orte|Promis|"
    r"choses|raisons|façons|photos|signes|secrets|astuces|moments|aliments|endroits|lieux|stars|"
    r"cosas|razones|formas|fotos|señales|secretos|trucos|momentos|alimentos|lugares|famosos)\b",
    re.IGNORECASE,
)
_EMOTION = _patterns(
    r"you|your|you'll|you’ll|will make|amazing|incredible|unbelievable|shocking|insane|hilarious|adorable|"
    r"heartbreaking|heartwarming|jaw-dropping|mind-blowing|cry|tears|wtf|omg|"
    r"Sie|du|dich|dein|Ihre?n?|unglaublich|krass|schockierend|herzzerreißend|umwerfend|weinen|"
    r"vous|votre|vos|tu|ton|ta|tes|incroyables?|choquantes?|hallucinantes?|bouleversantes?|pleurer|"
    r"te|tu|tus|increíbles?|impactantes?|alucinantes?|conmovedoras?|llorar",
)
_SHOUTED = frozenset(
    """SHOCKING SHOCK BREAKING MUST URGENT INSANE UNBELIEVABLE AMAZING INCREDIBLE HUGE NEVER EVER OMG WOW WTF
    EPIC FREE SECRET EXPOSED REVEALED WATCH UNGLAUBLICH SCHOCK KRASS SENSATIONELL ACHTUNG INCROYABLE CHOC
    ÉNORME ENORME INCREÍBLE INCREIBLE URGENTE IMPACTANTE BOMBAZO""".split()
)
# A question that asks yes or no (Betteridge's law), not "Why…?" or "How…?", and not a quotation:
# its last clause opens with an auxiliary, a verb before its subject, or (Spanish) ¿ without a question word.
_YES_NO_QUESTION = on_use(
    r"(?:^|[:–—]\s*|\s-\s)(?:"
    r"(?:is|are|were|do|does|did|can|could|will|would|should|shall|has|have|had|may|might|must|isn['’]t|"
    r"aren['’]t|won['’]t|can['’]t|doesn['’]t|"
    r"ist|sind|war|waren|kann|können|wird|werden|soll|sollte|sollen|hat|haben|muss|müssen|droht|gibt|bringt|"
    r"est-ce)\b"
    r"|¿(?!\s*(?:qué|quién|quiénes|cómo|cuándo|dónde|por qué|cuál|cuáles|cuánto|cuánta|cuántos|cuántas|adónde)\b)"
    r")[^:–—]*[?？]\s*$"
    r"|\w-(?:t-)?(?:il|elle|ils|elles|on)\b[^:–—]*[?？]\s*$",  # French: the verb before its subject
    re.IGNORECASE,
)
_STACKED = on_use(r"[!?¡¿]*(?:\?!|!\?|!!|\?\?)[!?]*")


@dataclass(frozen=True, slots=True)
class _Title:
    """A title as one reader sees it: the headline, another <h1>, <title> or og:title."""

    what: str
    text: str
    element: Element | None


class Headline(Rule):
    """The headline and the page's titles read as news, and fit where they are shown.

    ## What it checks
    The article's headline (the heading that titles the story), any other
    `<h1>` in the article, the page's `<title>` (its site name after a
    ` - `, ` | ` or ` — ` set aside) and its `og:title`, as editors and
    search engines see them:

    - **Length.** A search engine shows about 600 pixels of a title
      (Yoast's limit). The `<title>` (or, on a CMS body, the headline) is
      measured with a table of Arial's character widths at 20 px; text in
      scripts the table does not know is counted in characters instead
      (`max_title_characters`). A title is reported when the cut hides
      `min_hidden_words` words of its news or more: a site name after the
      headline, or a last word or two, is no loss a reader notices (on the
      corpus, a cut of any size hit 30% of real pages). The news is the
      headline where the title holds it whole between its separators, so a
      byline, a section path or a tagline after it ("Headline | Author |
      Environment | The Guardian", "Headline - 21/12/2018 - Esporte -
      Folha") is not counted, and a site name before it ("Site | Section |
      Headline") pushes its words out (on 2,250 real pages, 38 of the 285
      findings hid only such a tail); a title that does not hold the
      headline whole is counted up to its site name. A headline of fewer than
      `min_headline_words` words is too short to say what happened (off by
      default: the 30 one-word headlines of the 990 extraction pages were
      recipes, products, services and a misread "Quicklinks", none news;
      set 3 for a news desk). The
      meta description is missing, or shorter than `min_description` or
      longer than `max_description` characters, on a page with a `<title>`
      (a CMS body has neither: the CMS writes them). Yoast asks for 120 to
      156 characters; half of the corpus's real pages fall outside that, so
      the defaults report only a label (under 50) or a pasted paragraph
      (over 300); set 120 and 156 for Yoast's check. A page with an
      `og:description` but no meta description has its summary written (the
      template forgot its copy), and is not reported as missing one.
    - **Clickbait**, in English, German, French and Spanish: curiosity gaps
      ("you won't believe", "was dann geschah", "ce qui s'est passé
      ensuite", "este truco"), forward references ("This is why…",
      "Here's what…", "Voici pourquoi…"), a withheld subject ("This man…",
      "Cette femme…"), a list that sells a feeling ("17 photos that will
      make you cry"), shouted words ("SHOCKING", or three capitalised words
      of four letters or more in a row, in a headline that is not all
      capitals: acronyms are not shouting) and stacked punctuation ("?!",
      "!!!"). One way of holding the news back is named per title. A text
      of more than 300 characters is a paragraph set as a heading, not read.
    - **A question headline** (Betteridge's law: the answer is usually
      no), reported as info: a question that asks yes or no ("Can
      diplomacy halt…?", "Droht eine Rezession?", "La France va-t-elle…?",
      "¿Es el fin…?"), not one that asks why or how, nor a quotation.
    - **Titles that disagree.** The headline, the `<title>` and the
      `og:title` share fewer than `min_title_overlap` of their words (of the
      shorter one): a reader who clicks a search result or a shared link
      lands on another story than the one promised.

    A headline printed twice is `duplicate-title`'s to report.

    ## Why
    Search results cut a long title after its first 600 pixels, and show a
    description of the page's own choosing when the meta description is
    missing. A headline that hides its news to make the reader click
    ("Reviewed the H1 title to ensure it was catchy and
    attention-grabbing", as the seed's leaked self-review says) costs a
    news site its readers' trust, and search engines and social networks
    demote it.

    ## Fails
    ```html
    <h1>You won't believe what happened next in Bamako</h1>
    <p>The junta met US envoys on Tuesday.</p>
    ```

    ## Passes
    ```html
    <h1>US envoys meet Mali's junta in Bamako</h1>
    <p>The junta met US envoys on Tuesday.</p>
    ```
    """

    id = "headline"
    summary = "The headline and the page's titles are news, not clickbait, and fit search results."
    severity = Severity.WARNING
    messages = {
        "title-too-wide": (
            "search results will cut this title after about {shown} characters, hiding {hidden} words of its news: "
            "“{cut}”"
        ),
        "title-too-long": (
            "search results will cut this title after about {limit} characters, hiding {hidden} characters of its "
            "news: “{cut}”"
        ),
        "headline-too-short": "the headline “{text}” has {words} word(s); a reader cannot tell what happened",
        "description-missing": (
            "the page has no meta description; search results will show a snippet of their own choosing"
        ),
        "description-too-short": (
            "the meta description has {length} characters, fewer than {minimum}: too little to sum up the story"
        ),
        "description-too-long": (
            "the meta description has {length} characters, more than {maximum}; search results will show about "
            "its first 156: “{cut}”"
        ),
        "curiosity-gap": "the {what} promises a surprise instead of telling the news (“{evidence}”): “{text}”",
        "forward-reference": "the {what} points at its news instead of telling it (“{evidence}”): “{text}”",
        "withheld-subject": "the {what} keeps back who or what it is about (“{evidence}”): “{text}”",
        "listicle": "the {what} sells a list with a feeling (“{evidence}”): “{text}”",
        "shouting": "the {what} shouts “{evidence}” in capitals: “{text}”",
        "stacked-punctuation": "the {what} stacks punctuation (“{evidence}”): “{text}”",
        "question": "the {what} asks a question that readers will answer no: “{text}”",
        "titles-disagree": "{other} reads “{other_text}”, but the headline reads “{text}”",
    }
    advice = {
        "title-too-wide": "Put the news in the first 55 characters, and the site name last or not at all.",
        "title-too-long": "Put the news in the first {limit} characters, and the site name last or not at all.",
        "headline-too-short": "Say who did what in the headline.",
        "description-missing": "Write a meta description of 120 to 156 characters that sums up the story.",
        "description-too-short": "Sum up the story in {minimum} to 156 characters.",
        "description-too-long": "Sum up the story in at most {maximum} characters.",
        "curiosity-gap": "Tell the reader what happened; the surprise is the news.",
        "forward-reference": "Replace the pointer with the news it points at.",
        "withheld-subject": "Name the subject.",
        "listicle": "Say what the list is about, without the promised feeling.",
        "shouting": "Write the word in lower case; the news carries the weight.",
        "stacked-punctuation": "End the headline with one mark, or none.",
        "question": "State what is known instead of asking.",
        "titles-disagree": "Give the page one headline, and let <title> and og:title repeat it.",
    }
    message_severity = {"question": Severity.INFO}

    @dataclass(frozen=True, kw_only=True)
    class Options(RuleOptions):
        max_title_pixels: int = option(
            600, "Widest title, in pixels at 20 px Arial, that search results show.", minimum=1
        )
        max_title_characters: int = option(
            60, "Longest title, in characters, in scripts that the width table does not know.", minimum=1
        )
        min_hidden_words: int = option(
            3, "Fewest words of a too wide title's news that search results must hide for a finding.", minimum=1
        )
        min_headline_words: int = option(0, "Fewest words a headline needs (0: no minimum).", minimum=0)
        description: bool = option(True, "Check the meta description (missing, or outside the lengths below).")
        min_description: int = option(
            50, "Shortest meta description, in characters (0: no minimum; Yoast asks for 120).", minimum=0
        )
        max_description: int = option(
            300, "Longest meta description, in characters (Yoast's search-result limit is 156).", minimum=1
        )
        clickbait: bool = option(True, "Report clickbait patterns and question headlines.")
        min_title_overlap: float = option(
            0.3, "Share of the shorter title's words that the headline and the page's titles must have in common "
            "(0: not compared).", minimum=0, maximum=1,
        )  # fmt: skip

        def validate(self) -> None:
            if self.min_description > self.max_description:
                from ..rule import ConfigError

                raise ConfigError("option 'min_description' must not exceed 'max_description'")

    def check(self, article: Article, ctx: Context[Options]) -> Iterator[Finding]:
        options = ctx.options
        titles = _titles(article, ctx)
        if options.clickbait:
            seen: set[str] = set()
            for title in titles:
                if len(title.text) > _LONGEST_TITLE:  # not a title but a paragraph set as one: not read as news
                    continue
                key = article.comparison_key(title.text)
                if key and key not in seen:
                    seen.add(key)
                    yield from self._clickbait(article, ctx, title)
        yield from self._lengths(article, ctx)
        if options.min_title_overlap > 0:
            yield from self._disagreement(article, ctx, titles)

    def _clickbait(self, article: Article, ctx: Context[Options], title: _Title) -> Iterator[Finding]:
        text = title.text
        found: list[tuple[str, str]] = []
        # One way of holding the news back is enough to name: the first that the headline shows.
        phrase = _held_back(text)
        if phrase is not None:
            found.append(phrase)
        shouted = _shouted(article, text)
        if shouted:
            found.append(("shouting", shouted))
        stacked = _STACKED.search(text)
        if stacked:
            found.append(("stacked-punctuation", stacked.group()))
        elif _YES_NO_QUESTION.search(text):
            found.append(("question", "?"))
        for message_id, evidence in found:
            values = {"what": title.what, "evidence": evidence, "text": text}
            yield self._at(article, ctx, title.element, message_id, **values)

    def _lengths(self, article: Article, ctx: Context[Options]) -> Iterator[Finding]:
        options = ctx.options
        headline = article.headline
        shown = article.title or (headline.text if headline is not None else None)
        element = article.title_element if article.title else (headline.element if headline is not None else None)
        if shown:
            widths = [_width(c) for c in shown]
            # A cut site name, section or byline costs the reader nothing: only the news counts.
            start, end = _news_span(article, shown) if article.title else (0, len(shown))
            news = shown[:end]
            if widths.count(None) <= len(widths) * _UNKNOWN_SHARE:  # a stray sign takes an average width
                pixels = [(_AVERAGE if w is None else w) * _FONT_SIZE / 1000 for w in widths]
                if sum(pixels[:end]) > options.max_title_pixels:
                    cut = _cut(shown, pixels, options.max_title_pixels - _FONT_SIZE)
                    hidden = article.count_words(news[max(len(cut), start) :])
                    if hidden >= options.min_hidden_words:
                        values = {"shown": len(cut), "cut": cut + _ELLIPSIS, "hidden": hidden}
                        yield self._at(article, ctx, element, "title-too-wide", **values)
            elif len(news) > options.max_title_characters:
                cut = shown[: options.max_title_characters - 1].rstrip()
                limit, hidden = options.max_title_characters, len(news) - len(cut)
                yield self._at(article, ctx, element, "title-too-long", limit=limit, cut=cut + _ELLIPSIS, hidden=hidden)
        if headline is not None and options.min_headline_words:
            words = article.count_words(headline.text)
            if 0 < words < options.min_headline_words:
                yield ctx.at_element(headline.element, "headline-too-short", text=headline.text, words=words)
        if options.description and article.title_element is not None:
            yield from self._description(article, ctx)

    def _description(self, article: Article, ctx: Context[Options]) -> Iterator[Finding]:
        options = ctx.options
        description = article.meta("description")
        element = article.metadata.get("description")
        if not description:
            if article.meta("og:description") or article.meta("twitter:description"):
                return  # the summary is written, for shares: the template leaves out its copy for search results
            yield self._at(
                article, ctx, element if element is not None else article.title_element, "description-missing"
            )
            return
        length = len(description)
        if length < options.min_description:
            yield self._at(
                article, ctx, element, "description-too-short", length=length, minimum=options.min_description
            )
        elif length > options.max_description:
            cut = description[:155].rstrip() + _ELLIPSIS
            values = {"length": length, "maximum": options.max_description, "cut": cut}
            yield self._at(article, ctx, element, "description-too-long", **values)

    def _disagreement(self, article: Article, ctx: Context[Options], titles: list[_Title]) -> Iterator[Finding]:
        headline = article.headline
        if headline is None:
            return
        mine = set(article.words_of(article.comparison_key(headline.text)))
        for title in titles:
            if title.what not in ("page title", "og:title"):
                continue
            text = (article.title if title.what == "page title" else article.meta("og:title")) or title.text
            keys = [set(article.words_of(article.comparison_key(part))) for part in _title_parts(text)]
            overlaps = [_overlap(mine, theirs) for theirs in keys]
            if mine and max(overlaps, default=1.0) < ctx.options.min_title_overlap:
                other = "the page's <title>" if title.what == "page title" else "the og:title that shares show"
                values = {"other": other, "other_text": text, "text": headline.text}
                yield self._at(article, ctx, title.element, "titles-disagree", **values)
                return  # one title that disagrees is enough to send the reader elsewhere

    @staticmethod
    def _at(
        article: Article, ctx: Context[Options], element: Element | None, message_id: str, **values: object
    ) -> Finding:
        return (
            ctx.at_element(element, message_id, **values)
            if element is not None
            else ctx.at_document(message_id, **values)
        )


def _titles(article: Article, ctx: Context[Headline.Options]) -> list[_Title]:
    """The titles a reader or a search engine sees, the headline first."""
    titles: list[_Title] = []
    headline = article.headline
    if headline is not None:
        titles.append(_Title("headline", headline.text, headline.element))
    for heading in ctx.view.headings:
        if heading.level == 1 and (headline is None or heading.element is not headline.element):
            titles.append(_Title("second <h1>", heading.text, heading.element))
    if article.title:
        titles.append(_Title("page title", _news_part(article.title), article.title_element))
    og_title = article.meta("og:title")
    if og_title:
        titles.append(_Title("og:title", _news_part(og_title), article.metadata.get("og:title")))
    return titles


def _news_part(title: str) -> str:
    """The longest part of *title* around a site name's separator: its news."""
    return max((p for p in _TITLE_SEPARATOR.split(title) if p.strip()), key=len, default=title)


def _title_parts(title: str) -> list[str]:
    """*title* and its parts around a site name's separator, whole title first."""
    parts = [p for p in _TITLE_SEPARATOR.split(title) if p.strip()]
    return [title, *parts] if len(parts) > 1 else [title]


def _news_span(article: Article, title: str) -> tuple[int, int]:
    """Where *title*'s news starts and ends: the headline, where it is one or more
    of the parts around the title's separators ("Headline | Author | Section |
    Site", "Site - Headline"); else the title up to its site name."""
    headline = article.headline
    bounds = [0]
    for separator in _TITLE_SEPARATOR.finditer(title):
        bounds += [separator.start(), separator.end()]
    bounds.append(len(title))
    parts = list(zip(bounds[::2], bounds[1::2], strict=True))
    wanted = " ".join(article.words_of(article.comparison_key(headline.text))) if headline is not None else ""
    if wanted and len(parts) > 1:
        # The parts' words one after another, with the part each one starts and
        # ends at: one search for the headline, which must start where a part
        # starts and end where a part ends.
        keys: list[str] = []
        starting: dict[int, int] = {}
        ending: dict[int, int] = {}
        offset = 0
        for index, (low, high) in enumerate(parts):
            key = " ".join(article.words_of(article.comparison_key(title[low:high])))
            if key:
                keys.append(key)
                starting[offset] = index
                offset += len(key)
                ending[offset] = index
                offset += 1
        found = " ".join(keys).find(wanted)
        if found in starting and found + len(wanted) in ending:
            return parts[starting[found]][0], parts[ending[found + len(wanted)]][1]
    return 0, len(_without_site(title))


def _without_site(title: str) -> str:
    """*title* up to its site name ("Headline - Site"): the start of *title*."""
    parts = list(_TITLE_SEPARATOR.finditer(title))
    if not parts:
        return title
    last = parts[-1]
    return title[: last.start()] if len(title) - last.end() < last.start() else title


def _overlap(mine: set[str], theirs: set[str]) -> float:
    shorter = min(len(mine), len(theirs))
    return len(mine & theirs) / shorter if shorter else 1.0


def _width(character: str) -> int | None:
    """*character*'s width in thousandths of an em, or None for a script the table does not know."""
    width = _WIDTHS.get(character)
    if width is None:
        base = unicodedata.normalize("NFD", character)[:1]
        width = _WIDTHS.get(base)
    if width is None and character.isspace():
        width = _WIDTHS[" "]
    return width


def _cut(text: str, pixels: list[float], room: float) -> str:
    """The part of *text* that fits in *room* pixels, cut at a word boundary when one is near."""
    total, end = 0.0, 0
    for end, width in enumerate(pixels):  # noqa: B007
        if total + width > room:
            break
        total += width
    cut = text[:end]
    space = cut.rfind(" ")
    return (cut[:space] if space > len(cut) * 0.7 else cut).rstrip(" -|–—:,")


def _held_back(text: str) -> tuple[str, str] | None:
    """How *text* holds its news back, and the words that show it: a curiosity gap,
    a forward reference, a withheld subject or a list sold with a feeling."""
    for message_id, pattern in (("curiosity-gap", _CURIOSITY_GAP), ("forward-reference", _FORWARD_REFERENCE)):
        match = pattern.search(text)
        if match:
            return message_id, match.group().strip()
    withheld = _WITHHELD_SUBJECT.match(text)
    if withheld:
        return "withheld-subject", withheld.group()
    listicle = _LISTICLE.match(text)
    emotion = _EMOTION.search(text, listicle.end()) if listicle else None
    if listicle and emotion:
        return "listicle", f"{listicle.group()} … {emotion.group()}"
    return None


def _shouted(article: Article, text: str) -> str:
    """A word shouted in capitals in *text*, or three capitalised words in a row ("" for none)."""
    words = article.words_of(text)
    letters = [w for w in words if any(c.isalpha() for c in w)]
    if not letters or all(w.isupper() for w in letters):  # an all-capitals headline is the site's style
        return ""
    for word in letters:
        if word.isupper() and word in _SHOUTED:
            return word
    run: list[str] = []
    for word in letters:
        run = [*run, word] if word.isupper() and len(word) >= 4 else []
        if len(run) >= 3:
            return " ".join(run)
    return ""
