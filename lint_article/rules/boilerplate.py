from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass

from ..document import Article, Block
from ..findings import Applicability, Finding, Fix, Severity
from ..regex import on_use
from ..rule import Context, Rule, RuleOptions, option

# Widget labels, by kind: what a theme prints around an article. Each pattern
# is looked for in short blocks only (option max_label_words): in running prose,
# "leave a comment below" is the writer talking to the reader.
_LABELS: tuple[tuple[str, re.Pattern[str]], ...] = tuple(
    (kind, on_use(pattern, re.IGNORECASE))
    for kind, pattern in (
        ("share", r"\bshare (?:this|the) (?:article|post|story|page)\b|\bshare (?:on|via) "
                  r"(?:facebook|twitter|x|linkedin|whatsapp|reddit|e-?mail|pinterest)\b|^share(?: it| now)?:?$"
                  r"|\bpartager (?:cet|l')\s?article\b|\bcompartir (?:este|el) artículo\b"
                  r"|\b(?:diesen )?artikel teilen\b"),
        ("comments", r"\bleave a (?:comment|reply)\b|\bpost a comment\b|\badd a comment\b|\bjoin the "
                     r"(?:conversation|discussion)\b|\b(?:view|show|load|read|see) (?:all )?(?:\d+ )?comments\b"
                     r"|^\d+ comments?$|^comments? \(\d+\)$|\blaisser un commentaire\b|\bdeja(?:r)? un comentario\b"
                     r"|\b(?:einen )?kommentar (?:schreiben|hinterlassen)\b"),
        ("reading-time", r"\b\d+\s*(?:-\s*)?min(?:ute)?s?\.?\s+read\b|\breading time\s*:?\s*\d+"
                         r"|\b\d+\s*min(?:utes?)?\.? de lecture\b|\b\d+\s*min(?:utos?)?\.? de lectura\b"
                         r"|\b\d+\s*min(?:\.|uten)?\s*lesezeit\b|\blesezeit\s*:?\s*\d+"),
        ("newsletter", r"\b(?:subscribe|sign up) (?:to|for) (?:our|the|my) (?:free )?(?:\w+ )?newsletters?\b"
                       r"|\bnewsletter sign[- ]?up\b|^subscribe(?: now| today)?!?$|\binscrivez-vous à (?:notre|la) "
                       r"newsletter\b|\bsuscríbete a (?:nuestro|el) boletín\b|\bnewsletter abonnieren\b"),
        ("read-more", r"^(?:read more|also read|read also|more reading|lire aussi|à lire aussi|lee también"
                      r"|mehr zum thema|auch interessant)\s*[:|»›>–—-]\s*\S"
                      r"|^(?:related (?:articles|posts|stories|coverage|content|reading|links)|more from [\w ]{1,40}"
                      r"|you (?:may|might) also (?:like|enjoy)|recommended (?:for you|reading|stories|articles)"
                      r"|most (?:popular|read)|trending now|more stories|don't miss)$"),
        ("follow", r"^follow us (?:on|@)\b|^follow @\w+ on\b"),
    )
)  # fmt: skip
# A label block holds one of these words (lower case, punctuation stripped);
# others are not tried against the patterns.
_LABEL_KEYS = frozenset(
    """
    share partager compartir teilen comment comments reply commentaire comentario kommentar conversation
    discussion read min mins minute minutes lecture lectura lesezeit reading newsletter newsletters subscribe
    inscrivez-vous suscríbete abonnieren sign more also related recommended popular trending stories miss lire
    lee mehr auch follow like enjoy
    """.split()
)
# "Viral_X By Viral_X": a name (capitalised words, or a handle), then "By" and the same name.
_BY = ("By", "BY", "Par", "Por", "Von", "Di")
_DOUBLE_BYLINE = on_use(rf"(?<!\S)(?P<name>[A-Z@]\S*(?: [A-Z]\S*){{0,3}}) (?:{'|'.join(_BY)}) (?P=name)(?!\S)")
_BYLINE = on_use(rf"^(?:{'|'.join(_BY)}) (?P<name>[A-Z@][^\d,;:]{{1,60}})$")
# Both patterns need "By" (or "Von"...) as a word of its own, between spaces or
# opening the block: a block whose words hold none is not searched.
_BY_WORDS = frozenset(_BY)
_BYLINE_WORDS = 20


class Boilerplate(Rule):
    """Page furniture stays out of the article.

    ## What it checks
    Text that a theme's widgets print, found inside the article's own
    content: share bars ("Share This Article"), comment widgets ("Leave a
    Comment", "Leave a Reply", "3 Comments"), reading-time labels ("11 Min
    Read"), newsletter prompts, "Read more:" and "Related articles" prompts,
    "Follow us on" lines, and a byline printed twice
    ("Viral_X By Viral_X", or two "By …" lines with the same name). Labels
    are looked for in short blocks (`max_label_words`, 12 by default: the
    longest widget label in the corpus, "Get the Mozilla newsletter and help
    us keep it open and free", has 11; bylines up to 20 words), so a writer
    who asks readers to "leave a comment below" in a paragraph is not
    reported.

    Only the article's body is read: on a full page, the widgets that the
    site's template draws around and inside the article (a share bar, a
    reading time in the article's header, a comment section) are the
    template's, and a writer cannot remove them; text of that kind in the
    body itself was pasted there. Set `scope = "page"` to audit a template's
    widgets on purpose.

    The phrases are known in English, French, Spanish and German; they are
    looked for whatever the article's language, since a widget's label is
    often in another language than the text it sits in.


    Each finding has an unsafe fix that deletes the widget's text: its
    element when the text is the whole block, else the words themselves
    where the source spells them as shown.
    ## Why
    Furniture copied into the article's text shows up wherever the text goes
    (newsletters, apps, syndication partners, text-to-speech), counts towards
    its length and reading time, and tells readers that nobody read the piece
    before it was published. The seed article shipped with "Viral_X By
    Viral_X", "11 Min Read", "Share This Article", "Leave a Comment" and
    "Leave a Reply" in its text.

    ## Fails
    ```html
    <article>
    <p>By Jane Doe</p>
    <p>The United States is recalibrating its approach to the Sahel juntas.</p>
    <p>Share This Article</p>
    </article>
    ```

    ## Passes
    ```html
    <nav><a href="/">Home</a> <a href="/newsletter">Subscribe to our newsletter</a></nav>
    <article>
    <p>By Jane Doe</p>
    <p>The United States is recalibrating its approach to the Sahel juntas.</p>
    </article>
    <section id="comments"><h3>Leave a Reply</h3></section>
    ```
    """

    id = "boilerplate"
    summary = "No share, comment, reading-time or newsletter widget text, and no doubled byline, in the article."
    severity = Severity.WARNING
    messages = {
        "share": "share widget text “{text}” inside the article",
        "comments": "comment widget text “{text}” inside the article",
        "reading-time": "reading-time label “{text}” inside the article",
        "newsletter": "newsletter prompt “{text}” inside the article",
        "read-more": "“{text}” prompt inside the article; related links belong to the page template",
        "follow": "“{text}” social prompt inside the article",
        "byline-twice": "the byline “{name}” is printed twice",
    }
    advice = {
        "share": "Remove the share buttons' text: the page template shows them, not the article.",
        "comments": "Remove the comment widget's text: the page template adds the comments.",
        "reading-time": "Remove the reading-time label: the page template shows it.",
        "newsletter": "Remove the newsletter prompt: the page template places the sign-up box.",
        "read-more": "Remove the prompt: related links belong to the page template.",
        "follow": "Remove the social prompt: the page template carries it.",
        "byline-twice": "Keep one byline and delete the other.",
    }
    fixable = True
    fix_applicability = {
        kind: Applicability.UNSAFE
        for kind in ("share", "comments", "reading-time", "newsletter", "read-more", "follow", "byline-twice")
    }

    @dataclass(frozen=True, kw_only=True)
    class Options(RuleOptions):
        max_label_words: int = option(12, "Longest block, in words, read as a widget's label.", minimum=1)

    def check(self, article: Article, ctx: Context[Options]) -> Iterator[Finding]:
        view = ctx.view
        bylines: dict[str, int] = {}
        previous: Block | None = None
        texts = view.words.texts
        after = 0  # the previous block's words end there: blocks are in order, and so are their words
        # A block's text is copied out only for the few blocks that the word tests leave.
        for block in view.blocks:
            first, after = view.word_range(block.start, block.end, after)
            count = after - first
            if count <= _BYLINE_WORDS and not _BY_WORDS.isdisjoint(texts[first:after]):
                yield from _doubled_byline(article, ctx, block, previous, bylines)
            previous = block
            if count > ctx.options.max_label_words or block.kind == "cell":
                continue
            if _LABEL_KEYS.isdisjoint(map(str.lower, texts[first:after])):
                continue
            text = article.block_text(block)
            for kind, pattern in _LABELS:
                match = pattern.search(text)
                if match:
                    start, end = block.start + match.start(), block.start + match.end()
                    yield ctx.fixed(ctx.at_text(start, end, kind, text=match.group()), _deleting(ctx, start, end))
                    break


def _doubled_byline(
    article: Article, ctx: Context[Boilerplate.Options], block: Block, previous: Block | None,
    bylines: dict[str, int],
) -> Iterator[Finding]:  # fmt: skip
    text = article.block_text(block)
    doubled = _DOUBLE_BYLINE.search(text)
    if doubled:
        start, end = block.start + doubled.start(), block.start + doubled.end()
        yield ctx.at_text(start, end, "byline-twice", name=doubled.group("name"))
        return
    byline = _BYLINE.match(text)
    if byline is None:
        return
    name = byline.group("name").strip()
    key = article.comparison_key(name)
    if previous is not None and article.comparison_key(article.block_text(previous)) == key:
        # The name on a line of its own, then "By" and the name again.
        found = ctx.at_text(block.start, block.end, "byline-twice", name=name)
        yield ctx.fixed(found, _deleting(ctx, block.start, block.end))
    elif key in bylines:
        found = ctx.at_text(block.start, block.end, "byline-twice", name=name)
        yield ctx.fixed(found, _deleting(ctx, block.start, block.end))
    else:
        bylines[key] = block.start


def _deleting(ctx: Context[Boilerplate.Options], start: int, end: int) -> Fix | None:
    """The unsafe fix that deletes the widget's text (its element, when it is the whole block)."""
    deletion = ctx.deletion(start, end)
    return ctx.fix("Delete the widget's text", deletion, unsafe=True) if deletion else None
