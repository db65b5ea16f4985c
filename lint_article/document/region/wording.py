"""How the short lines around a story read: datelines, photo credits, advertisements' labels,
pointers to other pages ("Related stories"), excerpts, and the captions of pictures."""

from __future__ import annotations

import re
from functools import lru_cache

from ...regex import on_use
from ..layout import Block
from ..tree import Element

# How a sentence ends, in the scripts of the corpus (a closing quote or bracket may follow).
_SENTENCE_END = on_use(r"[.!?…。！？:;][\"'”»“’)\]]*\s*$")
# A paragraph this long is prose whatever its punctuation; a shorter one must end like a sentence.
_PROSE_LENGTH = 80
_SENTENCE_LENGTH = 20
# A short line with a date, a time or fields split by bars is a dateline or a byline.
_NUMERIC_DATE = on_use(r"\b\d{1,2}[./-] ?\d{1,2}[./-] ?\d{2,4}\b|\b\d{4}-\d{2}-\d{2}\b|\b\d{1,2}:\d{2}\b")
_DATELINE = on_use(f"{_NUMERIC_DATE.pattern}| [|·•] ")
_DATELINE_LENGTH = 120
# A date with its month by name ("2. Februar 2022", "3 de mayo de 2022",
# "January 13, 2020"): a short line with one, before or after the story's
# prose, is a dateline (in a line of prose it is the story's).
_NAMED_DATE = on_use(
    r"\b\d{1,2}\.? (?:de )?[^\W\d_]{3,10}\.?,? (?:de )?\d{4}\b|\b[^\W\d_]{3,10}\.? \d{1,2}(?:st|nd|rd|th)?, \d{4}\b"
)
# A photo credit: a short line that names whose picture it is ("Foto: DBT/Stella",
# "(Quelle: Unsplash)", "Crédits photos : Bestimage", "Kuva: A. Becher").
_CREDIT = on_use(
    r"\W{0,2}(?:(?:titel|symbol|beitrags|vorschau|aufmacher|header|teaser|cover)?(?:fotos?|bild(?:er)?)"
    r"|photos?|photograph|quellen?|sources?|credits?|crédits?|créditos?|kuva|bildnachweis|bildrechte"
    r"|imagen|images?|zdjęcie|fot|źródło|fuente|fonte)\b[^:：\n]{0,20}[:：]",
    re.IGNORECASE,
)
_CREDIT_LENGTH = 80
# An advertisement's label, a line of its own where the page's script puts the
# advertisement ("Advertisement", "Anzeige", "- Publicidad -").
_AD_LABEL = on_use(
    r"\W*(?:advertisement|advert|anzeige|werbung|publicidad|publicité|pubblicità|reklama|sponsored|gesponsert)\W*",
    re.IGNORECASE,
)
_AD_LABEL_LENGTH = 30
# A caption that credits its picture anywhere in it, by a copyright sign or a
# label ("Die Wiese im Mai. Foto: A. Huber", "... (Quelle: Unsplash/DJV)"):
# the picture's credit line, which the page's template adds to the caption.
_CAPTION_CREDIT = on_use(
    r"©|\(c\)|\b(?:fotos?|photos?|bild|quelle|source|credits?|crédits?|kuva|imagen|źródło|fot)\s?[:：]",
    re.IGNORECASE,
)
_CAPTION_LENGTH = 400
# A credit at the end of a block's last characters, wherever it stands: a labelled one in
# brackets ("... im Überblick. (Foto: Getty)"), or after a copyright sign
# without a year ("| © Bundesrat"; "© 2019 The Times" is a copyright notice).
_TAIL_CREDIT = on_use(
    r"(?:\((?:fotos?|photos?|bild|quelle|source|credits?)\s?[:：][^()]{1,60}\)|©(?!\s*\d{4})[^.!?©]{1,60})\s*$",
    re.IGNORECASE,
)
# The last words of a short line, after its last sentence, that are names
# split by a slash: the photographer and the agency ("(mlharing / iStock.com)",
# "... Mitzscherlich.DCV / Oppitz", "praca / ShutterStock"); only in a caption
# but for a spaced slash in brackets. A longer caption that ends so keeps
# them: what it tells of the picture outweighs its credit.
_SLASHED_NAMES = on_use(r"(?:^|[.!?]\s*)(\(?[^.!?/\s(][^.!?/(]{0,30}/[^!?/]{1,30})$")
_SLASHED_WORDS = 5
# How far from a block's end a credit in brackets or after a copyright sign may start.
_CREDIT_REACH = 80
# A heading or a short line that points to other pages than the story: "Related
# stories", "Read also:", "Mehr zum Thema", "Lire aussi", "Notas relacionadas",
# "Leia também", "Zobacz również", "Читайте также"... (its start, in lower case).
_POINTER = on_use(
    r"\W*(?:"
    # English
    r"related\b|read (?:also|more|next)\b|also read\b|see also\b|more (?:from|on|in|about|stories|articles|news"
    r"|to read|like this)\b|more (?:[\w-]+ ){1,2}(?:stories|articles|news|posts|reads)\W*$"
    r"|you (?:may|might|could) also\b|recommended (?:for you|reading|stories|articles)"
    r"|further reading|most (?:popular|read|viewed|shared)(?: (?:stories|articles|posts|news|now|today))?\W*$"
    r"|trending (?:now|stories)|don'?t miss\b"
    r"|about the author\b|what to read next|latest (?:news|stories|articles|posts)\b|newest (?:articles|posts)\b"
    # German
    r"|mehr (?:zum thema|zu diesem thema|dazu|aus der|aus dem|aus den|zum|von|artikel|news|lesen)\b"
    r"|weitere (?:artikel|beiträge|informationen|infos|themen|news|nachrichten|meldungen|links|tipps|texte)"
    r"|lesen sie (?:auch|dazu|mehr|weiter)\b|(?:das )?könnte (?:sie|dich|euch) (?:auch )?interessieren"
    r"|auch interessant|(?:zum )?weiterlesen\b|schon gelesen\b|meistgelesen|ähnliche (?:artikel|beiträge|themen)"
    r"|verwandte (?:artikel|beiträge|themen)|über (?:den|die) autor(?:in)?\b|passend zum thema"
    r"|neueste (?:artikel|beiträge|nachrichten|meldungen)|weitere \w*(?:tipps|artikel|beiträge|themen)\b"
    r"|zusatzinformationen|weiterführende (?:links|informationen|artikel)|vorschau auf (?:den|die) nächsten?"
    # French, Spanish, Portuguese, Italian, Dutch
    r"|(?:à )?lire (?:aussi|également|encore)\b|voir aussi\b|sur le même (?:sujet|thème)|les plus lus"
    r"|(?:articles|vidéos)(?: et vidéos)? sur le (?:même )?sujet|derni(?:ers|ères) (?:articles|actualités)"
    r"|últimas noticias\b|otras noticias\b"
    r"|(?:notas|noticias|artículos|articulos|publicaciones) relacionad[oa]s|(?:te|le) puede(?:n)? interesar"
    r"|le(?:e|a) (?:también|además)\b|más (?:noticias|leídas|información sobre)\b|lo más (?:leído|visto)"
    r"|leia (?:também|mais)\b|veja (?:também|mais)\b|(?:notícias|artigos|matérias) relacionad[oa]s"
    r"|leggi anche\b|potrebbe(?:ro)? interessarti|articoli correlati|(?:i )?più letti"
    r"|lees ook\b|gerelateerde (?:artikelen|berichten)"
    # "You may also like", in the same languages
    r"|você (?:também )?(?:pode|poderá) (?:também )?gostar\b|(?:también )?te (?:puede|podría)n? gustar\b"
    r"|vous (?:aimerez|pourriez aimer) aussi\b|(?:ti )?potrebbe(?:ro)? (?:anche )?piacer(?:ti|e)\b"
    r"|das (?:könnte|dürfte) (?:ihnen|dir|euch|sie|dich) auch gefallen|dies passt zum thema|misschien ook interessant"
    # Polish, Czech, Russian, Ukrainian
    r"|zobacz (?:też|również|także)\b|czytaj (?:też|także|również|więcej)\b|polecamy\b|przeczytaj (?:też|także)"
    r"|čtěte (?:také|též)\b|читайте (?:также|тоже|еще|ещё)|смотрите также|по теме\b|похожие (?:статьи|новости)"
    r"|читайте також"
    r")",
    re.IGNORECASE,
)
_POINTER_LENGTH = 60
# How a teaser's excerpt ends: cut short ("…", "...", "[…]"), then a link to
# read on (its text is the group).
_EXCERPT_END = on_use(
    r"\[?(?:…|\.\.\.)\]?\s*[\[(]?(read more|more|continue reading|read on|weiterlesen|mehr|mehr lesen|lire la suite"
    r"|la suite|lire plus|leer más|seguir leyendo|ver más|leggi (?:tutto|di più)|continua a leggere|leia mais"
    r"|czytaj (?:dalej|więcej)|lees (?:meer|verder)|verder lezen)\W{0,4}$",
    re.IGNORECASE,
)
_EXCERPT_REACH = 40
# A caption this short made of names alone ("Getty Images", "AFP / MARCO BERTORELLO",
# "Bundesregierung/Steffen Kugler", "(Lucy Akins)") credits the picture: it says nothing of it.
_NAMES_LENGTH = 50
_NAMES_WORDS = 6
_NAME_WORD = on_use(r"[^\W_][\w'’.-]*")
# Small words that names hold ("Museo de la Ciudad", "Photo by", "Ludwig van Beethoven").
_NAME_PARTICLES = frozenset("by de del della der des di da du la le van von y und and et e for für via".split())


def _names_a_source(block: Block, text: str) -> bool:
    """Whether *block* is a short caption made of names alone: a picture's
    credit without a "Photo:" before it."""
    if block.end - block.start >= _NAMES_LENGTH or not _in_caption(block.element):
        return False
    words = _NAME_WORD.findall(text, block.start, block.end)
    return 0 < len(words) <= _NAMES_WORDS and all(
        word[0].isupper() or word[0].isdigit() or word in _NAME_PARTICLES for word in words
    )


# Class names of a picture's caption besides "caption" ("imagedescription",
# "image-annotation", "media-desc", "bildunterschrift").
_CAPTION_NAME = on_use(r"caption|bildunterschrift|(?:image|img|photo|media)[-_]?(?:desc|annotation)")


def _in_caption(element: Element) -> bool:
    """Whether *element* is a ``<figcaption>`` or named a caption, or its parent
    is, or it is a ``<figure>`` whose own text is a line beside its picture."""
    if element.tag == "figure":
        return True
    for el in (element, element.getparent()):
        if el is not None and (el.tag == "figcaption" or _names_a_caption(el.get("class"))):
            return True
    return False


_PICTURE_NAME = on_use(r"(?:^|[\s_-])(?:image|img|photo|picture|pic|foto|bild)s?(?:$|[\s_-])")
_PICTURES = ("img", "picture")
# What wraps a picture and its caption, and nothing else: not a quote, a list item or a cell.
_WRAPPERS = frozenset({"div", "span", "a", "p"})


def _holds_a_picture(element: Element, besides: Element | None) -> bool:
    """Whether *element* holds a picture outside *besides* (a smiley in the
    text is none) and, when *besides* is given, outside any ``<figure>`` (a
    figure's caption is its own ``<figcaption>``). One walk of the subtree,
    which passes over those parts: a picture nested deep is not walked up from."""
    stack = list(element)
    while stack:
        el = stack.pop()
        if el is besides or (besides is not None and el.tag == "figure"):
            continue
        if el.tag in _PICTURES:
            return True
        stack.extend(el)
    return False


@lru_cache(maxsize=4096)
def _names_a_caption(name: str | None) -> bool:
    return name is not None and _CAPTION_NAME.search(name.lower()) is not None


def _credits_in_tail(block: Block, text: str) -> bool:
    """Whether *block*, short, ends with a picture's credit: anywhere, one in
    brackets or after a copyright sign; in a caption, names split by a slash."""
    size = block.end - block.start
    if size >= _CAPTION_LENGTH:
        return False
    # A credit is short: only the block's end is read, and searched only when
    # it holds what a credit needs (most blocks go by these tests alone).
    start = max(block.start, block.end - _CREDIT_REACH)
    last = text[block.end - 1]
    if (
        last == ")"
        or text.find("©", start, block.end) >= 0
        or (last.isspace() and text[start : block.end].rstrip()[-1:] == ")")
    ) and _TAIL_CREDIT.search(text[start : block.end].rstrip()) is not None:
        return True
    if size >= _DATELINE_LENGTH or text.find("/", start, block.end) < 0:
        return False
    slashed = _SLASHED_NAMES.search(text[block.start : block.end].rstrip())
    if slashed is None or len(_NAME_WORD.findall(slashed.group(1))) > _SLASHED_WORDS:
        return False
    names = slashed.group(1)
    return _in_caption(block.element) or (names.startswith("(") and names.endswith(")") and " / " in names)
