from __future__ import annotations

import re
from collections.abc import Iterator

from ..document import Article, View
from ..findings import Finding, Severity
from ..regex import on_use
from ..rule import Context, Rule, RuleOptions

# Words that open (or, in German and Dutch, close) an instruction in brackets:
# "[Insert quote here]", "[Insérer une citation ici]", "[Zitat einfügen]".
_INSTRUCTION = (
    r"insert|add|enter|include|paste|fill in|link to|your|name of"
    r"|insérer|insérez|insère|ajouter|ajoutez|indiquer|indiquez|compléter|votre|nom d[eu]"
    r"|insertar|inserte|inserta|añadir|añade|agregar|agrega|incluir|incluye|tu nombre|su nombre|nombre del?"
    r"|inserisci|inserire|aggiungi|aggiungere|il tuo|la tua|nome del"
    r"|inserir|insira|adicionar|adicione|incluir|seu nome|nome do"
    r"|voeg|vul|jouw|naam van"
    r"|wstaw|dodaj|uzupełnij|wpisz|twoje|twój|nazwa"
    r"|füge|trage|ihr name|dein name|name des"
)
_INSTRUCTION_LAST = r"einfügen|ergänzen|eintragen|einsetzen|invoegen|toevoegen|invullen|ici|aquí|aqui|tutaj"
# A bracket holding only one of these is a slot to fill: "[TK]", "[Name]", "[Zitat]".
_BARE = (
    r"TK|TBD|TBC|TBA|TODO|FIXME|XX+|placeholder|name|date|link|url|company(?: name)?|title|headline|quote"
    r"|number|amount|location|city|image|photo"
    r"|à compléter|a compléter|à venir|nom|titre|citation|lien|chiffre|ville"
    r"|por completar|pendiente|nombre|fecha|enlace|cita|cifra|ciudad"
    r"|da completare|da definire|nome|titolo|citazione|cifra|città"
    r"|a completar|data|título|citação|cidade"
    r"|aanvullen|nog aan te vullen|naam|datum|titel|citaat|bedrag|stad"
    r"|do uzupełnienia|imię|nazwisko|tytuł|cytat|kwota|miasto"
    r"|ergänzen|folgt|zitat|betrag|stadt|ort"
)
# Shortcodes of page builders and plugins, a leftover whatever follows them.
_BUILDER_SHORTCODES = (
    r"vc_\w+|et_pb_\w+|fusion_\w+|su_\w+|av_\w+|wpforms|gravityforms?|contact-form-7|mc4wp_form|rev_slider"
    r"|elementor-template|wp_\w+|ninja_forms?"
)
# WordPress's own shortcodes, a leftover with an attribute ("[caption id=…]") or as a closing tag.
_SHORTCODES = r"caption|gallery|embed|video|audio|playlist|youtube|tweet|button|column|row|tabs?|accordion|quote"

# Template leftovers, each with what to call it in the message. Each pattern
# opens with a literal character, so that the scan skips to the candidates.
_TOKENS: tuple[tuple[re.Pattern[str], str], ...] = tuple(
    (on_use(pattern), what)
    for pattern, what in (
        # Theme and SEO-plugin variables that were never filled in.
        (r"#(?i:image|post|site|page|author|featured)_(?i:title|caption|alt|name|description|url)\b",
         "template variable"),
        (r"%%[a-z_]{2,40}%%", "template variable"),
        (r"\{\{[^{}\n]{1,80}\}\}", "template variable"),
        (r"\{%[^%\n]{1,80}%\}", "template variable"),
        (r"\$\{[A-Za-z_][\w.]{0,40}\}", "template variable"),
        # Bracketed instructions to whoever fills the template in, in eight languages.
        (rf"\[(?i:(?:{_INSTRUCTION})\b[^\]\n]{{0,80}}|[^\]\n]{{0,80}}\b(?:{_INSTRUCTION_LAST})"
         rf"|(?:{_BARE})"
         r"|(?:image|photo|picture|graphic|chart|video|infographic|screenshot|bild|grafik|imagen|gráfico|immagine"
         r"|grafico|imagem|afbeelding|zdjęcie|obraz|wykres)(?: suggestion)?\s*:\s*[^\]\n]{1,120})\]",
         "bracketed placeholder"),
        # Shortcodes of WordPress and its page builders that were never rendered.
        (rf"\[/?(?:{_BUILDER_SHORTCODES})\b[^\]\n]{{0,300}}\]"
         rf"|\[(?:{_SHORTCODES})\s+[\w-]+\s*=[^\]\n]{{0,300}}\]|\[/(?:{_SHORTCODES})\]",
         "shortcode"),
        # "TK: add stats here", "TBD - confirm the date": a note left for later.
        (r"T(?<![\w]T)(?:K|BD|BC)\s*[:–—-]\s", "TK marker"),
        # The journalist's "to come".
        (r"TK(?:TK)+\b", "TK marker"),
        # Notes left in capitals ("TODO:", "[TODO", or opening a block; see _is_note).
        (r"TODO\b", "note"),
        (r"FIXME\b", "note"),
    )
)  # fmt: skip
# "Votre texte ici", "Tu texto aquí": a possessive, one of these nouns and one of these words for "here".
_YOUR_NOUNS = (
    "texte", "text", "texto", "testo", "tekst", "titre", "título", "titolo", "titel", "tytuł", "nom", "nombre", "nome",
    "name", "naam", "légende", "leyenda", "didascalia", "legenda", "bildunterschrift", "bijschrift", "podpis",
)  # fmt: skip
_HERE = ("ici", "aquí", "qui", "aqui", "hier", "tutaj")
# Page-builder defaults, found through their anchors (see View.blocks_holding).
_DEFAULT_TEXT = on_use(
    r"\b(?:your|insert|add|enter|type) (?:\w+ ){0,2}(?:text|content|title|headline|caption|copy|description"
    r"|heading|name) here\b|\b(?:text|caption|content|title|copy|heading) (?:goes|will go) here\b"
    r"|\bclick to (?:edit|add) (?:text|title|heading|content)\b"
    rf"|\b(?:votre|ton|tu|il tuo|seu|sua|ihr|dein|jouw|uw|twój) (?:{'|'.join(_YOUR_NOUNS)}) (?:{'|'.join(_HERE)})\b",
    re.IGNORECASE,
)


def _long_s(word: str) -> list[str]:
    """*word* with each of its s's written either way, short or long ("ſ"): the
    pattern, case-insensitive, takes both, where the anchors' lower case does not."""
    spellings = [""]
    for letter in word:
        spellings = [spelled + variant for spelled in spellings for variant in ("sſ" if letter == "s" else letter)]
    return spellings


_DEFAULT_ANCHORS = (
    "text here", "content here", "title here", "headline here", "caption here", "copy here", "description here",
    "heading here", "name here", "goes here", "go here", "click to edit", "click to add",
    # The noun and "here" together, not "here" alone: " qui" and " hier" begin "quite" and "hierarchy",
    # and a block that holds only those would be searched for nothing.
    *(f"{spelled} {here}" for noun in _YOUR_NOUNS for spelled in _long_s(noun) for here in _HERE),
)  # fmt: skip
_LOREM_ANCHOR = "lorem ipsum"
_ANCHORS = (_LOREM_ANCHOR, *_DEFAULT_ANCHORS)
"""Found together, in one read of the view's text."""
_LOREM = on_use(r"\blorem ipsum\b", re.IGNORECASE)
# What a template puts in alt when nobody wrote one.
# (Text in brackets is not one by itself: LWN writes "[QGIS main interface]",
# Wikipedia "[icon]", for text browsers.)
_ALT_PLACEHOLDER = on_use(
    r"^(?:#\w+_\w+|%%\w+%%|\{\{[^}]*\}\}|\[(?:insert|add|enter|your)\b[^\]]*\]|\[(?:image|photo|alt|alt text"
    r"|placeholder)\]|placeholder|alt|alt text|alt text here|insert alt text|image description|your alt text"
    r"|enter alt text|add alt text)$",
    re.IGNORECASE,
)


class PlaceholderText(Rule):
    """No template placeholder is left in the article.

    ## What it checks
    Visible text inside the article that a template or a writer left to be
    filled in:

    - theme and SEO-plugin variables: `#image_title`, `%%title%%`,
      `{{author}}`, `{% block %}`, `${name}`;
    - bracketed instructions, in English, German, French, Spanish, Italian,
      Portuguese, Dutch and Polish: `[Insert quote here]`, `[Your Name]`,
      `[Insérer une citation ici]`, `[Zitat einfügen]`, `[Wstaw cytat]`,
      `[TK]`, `[Link]`, `[Nombre]`, `[à compléter]`, `[Image: map of the region]`;
    - shortcodes that WordPress or a page builder never rendered:
      `[caption id="attachment_12"]…[/caption]`, `[vc_row]`, `[et_pb_section]`,
      `[contact-form-7 id="5"]`;
    - `TKTK`, the journalist's "to come", and notes left for later:
      "TK: add stats here", "TBD – confirm the date";
    - page-builder defaults: "Your text here", "Caption goes here",
      "Click to edit text", "Votre texte ici", "Tu texto aquí";
    - `TODO` and `FIXME` in capitals, as notes (`TODO:`, `[TODO]`, or
      opening a paragraph), but not a "TODO list", which people write
      about;
    - "Lorem ipsum" filler: one finding for a run of filler blocks;
    - an image whose `alt` is a placeholder (`#image_title`, `{{alt}}`,
      `[image]`, "alt text here"). An `alt` that is a file name is reported
      by `image-alt`.

    Text in quotation marks (an article *about* Lorem ipsum) and code
    (`<code>`, `<pre>`) are not reported, nor are navigation and readers'
    comment sections; the pictures' captions and the boxes set aside inside
    the article (fact boxes, bylines) are read: the rule's scope is `story`. The tokens do
    not depend on the article's language; the instructions and defaults are
    known in the eight languages above, and looked for whatever the article's
    language. Text in brackets is not a placeholder by itself: `[sic]`,
    `[citation needed]`, an editor's `[his mother]` or `[su madre]` and LWN's
    `alt="[QGIS main interface]"` are human conventions, and so are a bare
    `[video]` or `[quote]`; "TK Maxx" and "the date is TBD" are not notes.

    ## Why
    A placeholder in a published article is a visible mistake, and it says
    the piece went out unread. The seed article shipped `#image_title` as
    both the image's alternative text and its caption.

    ## Fails
    ```html
    <figure><img src="sahel.jpg" alt="#image_title"><figcaption>#image_title</figcaption></figure>
    <p>The minister said [Insert quote here].</p>
    ```

    ## Passes
    ```html
    <figure><img src="sahel.jpg" alt="Soldiers in Niamey">
    <figcaption>Soldiers in Niamey, July 2023.</figcaption></figure>
    <p>Designers call it “Lorem ipsum”: filler text that nobody should publish.</p>
    ```
    """

    id = "placeholder-text"
    summary = "No template placeholders, TK marks, TODOs or Lorem ipsum in the article."
    severity = Severity.ERROR
    scope = "story"
    messages = {
        "placeholder": "{what} “{text}” left in the article",
        "lorem-ipsum": "“Lorem ipsum” filler text in the article ({extent})",
        "alt-placeholder": "the image's alt text is the placeholder “{alt}”; describe the image",
    }
    advice = {
        "placeholder": "Replace the placeholder with the real text, or delete it.",
        "lorem-ipsum": "Replace the filler text with the article's own words.",
        "alt-placeholder": "Write alt text that says what the image shows.",
    }

    def check(self, article: Article, ctx: Context[RuleOptions]) -> Iterator[Finding]:
        view = ctx.view
        yield from self._images(article, ctx)
        if not view.blocks:
            return
        text = article.text
        start, end = view.blocks[0].start, view.blocks[-1].end
        found: list[tuple[int, int, str]] = []  # (start, end, what) in article.text
        for pattern, what in _TOKENS:
            found.extend(
                (m.start(), m.end(), what)
                for m in pattern.finditer(text, max(start - 1, 0), end)
                if what != "note" or _is_note(text, m.start(), m.end())
            )
        holding = view.blocks_holding(_ANCHORS)
        for index in view.blocks_with(_DEFAULT_ANCHORS, holding):
            block = article.blocks[index]
            found.extend(
                (m.start(), m.end(), "default text") for m in _DEFAULT_TEXT.finditer(text, block.start, block.end)
            )
        lorem = [
            index
            for index in holding.get(_LOREM_ANCHOR, ())
            if _prose(article, view, index)
            and any(not view.is_quoted(index, *m.span()) for m in _LOREM.finditer(text, *_span(article, index)))
        ]
        yield from self._lorem_runs(article, ctx, lorem)
        reported_until = -1
        for low, high, what in sorted(found):
            index = article.block_at(low)
            if low < reported_until or not _prose(article, view, index) or view.is_quoted(index, low, high):
                continue
            reported_until = high  # "[TODO]" is one placeholder, not a bracket and a note
            yield ctx.at_text(low, high, "placeholder", what=what, text=text[low:high].strip())

    @staticmethod
    def _lorem_runs(article: Article, ctx: Context[RuleOptions], indices: list[int]) -> Iterator[Finding]:
        """One finding for each run of consecutive blocks of filler."""
        run: list[int] = []
        for index in (*indices, None):
            if index is not None and (not run or index == run[-1] + 1):
                run.append(index)
                continue
            if run:
                first, last = article.blocks[run[0]], article.blocks[run[-1]]
                lorem = _LOREM.search(article.text, first.start, first.end)
                extent = "1 block" if len(run) == 1 else f"{len(run)} blocks"
                yield ctx.at_text(lorem.start() if lorem else first.start, last.end, "lorem-ipsum", extent=extent)
            run = [index] if index is not None else []

    @staticmethod
    def _images(article: Article, ctx: Context[RuleOptions]) -> Iterator[Finding]:
        for img in ctx.view.elements("img"):
            alt = (img.get("alt") or "").strip()
            if alt and _ALT_PLACEHOLDER.match(alt) and article.is_visible(img):
                yield ctx.at_element(img, "alt-placeholder", alt=alt)


def _span(article: Article, index: int) -> tuple[int, int]:
    block = article.blocks[index]
    return block.start, block.end


def _prose(article: Article, view: View, index: int) -> bool:
    """Whether block *index* is the view's own text, not code or a page's furniture."""
    block = article.blocks[index]
    return view.holds_block(index) and block.kind != "preformatted" and not article.is_code(block.element)


_NOTE_AFTER = on_use(r"\s*[:!(]")
# "TODO list for the new government": the noun that people write about.
_TODO_LIST = on_use(r"[\s-]*lists?\b", re.IGNORECASE)


def _is_note(text: str, start: int, end: int) -> bool:
    """A TODO or FIXME left as a note: followed by a colon, bracketed, or opening a block;
    not the first word of "TODO list"."""
    if _TODO_LIST.match(text, end):
        return False
    return _NOTE_AFTER.match(text, end) is not None or start == 0 or text[start - 1] in "[(\n"
