from __future__ import annotations

import re
from collections.abc import Iterator

from ..document import Article, Element
from ..findings import Finding, Severity
from ..regex import on_use
from ..rule import Context, Rule, RuleOptions

# Link texts that say nothing about where the link goes, by language (after
# WCAG technique F84 and the lists of the SEO plugins); compared after case,
# punctuation and arrows are dropped.
_GENERIC = {
    "en": {
        "click here", "click", "here", "read more", "more", "read on", "this", "this link", "link",
        "learn more", "continue", "continue reading", "go", "details", "more info", "more information",
        "find out more", "see more", "this page", "this article", "this post", "read this", "clicking here",
        "click this link", "see here", "go here", "read here", "more here", "website",
    },
    "fr": {"ici", "cliquez ici", "cliquer ici", "en savoir plus", "lire la suite", "plus", "la suite", "lien"},
    "es": {"aquí", "aqui", "haga clic aquí", "haz clic aquí", "clic aquí", "leer más", "más", "ver más", "enlace"},
    "de": {"hier", "hier klicken", "klicken sie hier", "mehr", "weiterlesen", "mehr erfahren", "link"},
    "it": {"qui", "clicca qui", "leggi di più", "scopri di più", "altro"},
    "pt": {"aqui", "clique aqui", "leia mais", "saiba mais", "mais"},
}  # fmt: skip
# A URL a screen reader would spell out: a scheme or "www.", a host of
# letters, digits and hyphens, and a path without wildcards or template
# braces. "www.*.com" and "https://*.example.org/*" are patterns, "https://"
# alone a fragment: text about URLs, not a URL used as a link's name.
_HOST_LABEL = r"[^\W_](?:[\w-]*[^\W_])?"
_BARE_URL = on_use(
    rf"^(?:https?://(?:[^\s/?#@*]+@)?(?:{_HOST_LABEL}\.)*|www\.(?:{_HOST_LABEL}\.)+){_HOST_LABEL}\.?"
    r"(?::\d{1,5})?(?:[/?#][^\s*{}<>]*)?$",
    re.IGNORECASE,
)
_LONGEST_GENERIC = max(len(phrase) for phrases in _GENERIC.values() for phrase in phrases) + 6


class LinkText(Rule):
    """Link text says where the link goes.

    ## What it checks
    Each link (`<a href>`) inside the article is read as a screen reader
    names it: its `aria-label`, else its visible text, else the `alt` of the
    images inside it. A finding when that name is a phrase that says nothing
    on its own ("click here", "here", "read more", "this link"), when it is a
    bare URL (`https://…` or `www.…` and a host name: a pattern such as
    `www.*.com` is not one, and a URL in `<pre>`, `<code>`, `<kbd>` or
    `<samp>` is code, even when a tool linked it), or when there is no name
    at all (not counting a link named by a `title`, or by an `aria-label`
    or `<title>` inside it such as an SVG logo's, a heading's empty
    permalink anchor, a `javascript:` control, or a link around an image
    without `alt`, which `image-alt` reports, as it reports an image whose
    `alt` is a URL). Links in a social post's embed code (a tweet's
    `<blockquote class="twitter-tweet">`, Instagram's `instagram-media`) are
    the post's, which the platform's script shows as its author wrote it.
    The phrases are known for English, French, Spanish, German, Italian and
    Portuguese and are only looked for in articles in those languages (from
    `<html lang>` or the `language` setting; English also when the text reads
    as English); in other languages only bare URLs and empty links are
    reported. Navigation, asides and comment sections are not checked.

    ## Why
    Screen-reader users often list a page's links out of context; a list of
    "click here" tells them nothing (WCAG 2.4.4 and technique F84). Search
    engines read link text as a description of the target, and a reader
    skimming the page looks for it too. A bare URL is read out letter by
    letter.

    ## Fails
    ```html
    <p>The full report is <a href="/report.pdf">here</a>.</p>
    <p>Source: <a href="https://example.org/sahel">https://example.org/sahel</a></p>
    ```

    ## Passes
    ```html
    <p>Read <a href="/report.pdf">the State Department's full report on the Sahel</a>.</p>
    ```
    """

    id = "link-text"
    summary = "Link text describes the link's target."
    severity = Severity.WARNING
    messages = {
        "generic": "the link text “{text}” says nothing about where the link goes",
        "bare-url": "the link text is a bare URL; say where the link goes",
        "empty": "the link has no text, and no image alt or aria-label to name it",
    }
    advice = {
        "generic": "Rewrite the link text to name where it goes (“the council's budget”, not “click here”).",
        "bare-url": "Replace the address with words that name the page it leads to.",
        "empty": "Give the link words, or an aria-label that names where it goes.",
    }

    def check(self, article: Article, ctx: Context[RuleOptions]) -> Iterator[Finding]:
        generic = _GENERIC.get(ctx.language or "", set())
        plain: set[str] = set()  # short names found not generic: a page of references repeats "^", "doi", "PMID"
        for link in ctx.view.elements("a"):
            href = (link.get("href") or "").strip()
            if not href or href.lower().startswith("javascript:"):
                continue  # no link, or a widget's control rather than a link in the text
            name = (link.get("aria-label") or "").strip() or article.visible_text(link)
            bare = _BARE_URL.match(name) is not None
            if len(name) > _LONGEST_GENERIC and not bare:
                continue  # the common case: a link with words of its own
            # A short name that is no address and not generic is fine, whether the link shows or not:
            # a page of short links (references, navigation) need not be walked up for each.
            if name and not bare:
                if not generic or name in plain:
                    continue
                if article.comparison_key(name) not in generic:
                    plain.add(name)
                    continue
            if link.get("aria-hidden") == "true" or not article.is_visible(link):
                continue
            if article.is_embedded_post(link):
                continue  # a tweet's own link, drawn by the platform's script as the post's author wrote it
            if not name:
                name = " ".join(alt.strip() for img in link.iter("img") if (alt := img.get("alt")) and alt.strip())
                if _BARE_URL.match(name):
                    continue  # an image's alt that is a URL: image-alt reports it as a file name
            if not name:
                if not _anchor_or_unlabelled_image(article, link, href):
                    yield ctx.at_element(link, "empty")
            elif bare:
                if not article.is_code(link):  # a URL in code is code, linked or not
                    yield ctx.at_element(link, "bare-url")
            elif article.comparison_key(name) in generic:
                yield ctx.at_element(link, "generic", text=name)


def _anchor_or_unlabelled_image(article: Article, link: Element, href: str) -> bool:
    """An empty link that is named after all, reported elsewhere, or not met as a link."""
    if article.has_name(link):
        return True
    if href.startswith("#"):
        target = href[1:]
        owners = (link, *link.iterancestors())
        if len(link) == 0 or any(target and target in (el.get("id"), el.get("name")) for el in owners):
            return True  # an in-page anchor, or a heading's permalink drawn by an icon
    return any(img.get("alt") is None for img in link.iter("img"))
