"""A CMS body and a full page made of the same article get the same prose findings.

The page wraps the body in what real sites put around an article: a cookie
banner, a menu, a headline in a header, a byline and a share bar, a related-
stories list, comments and a footer. None of that is the writer's: the prose
rules must say the same about both.
"""

from __future__ import annotations

import re

import pytest

from lint_article import lint

from .conftest import CORPUS

PROSE_RULES = [
    "word-count", "readability", "repeated-phrases", "sentence-length", "paragraph-length",
    "subheading-distribution", "generation-artifact", "placeholder-text", "fake-heading",
]  # fmt: skip
TEMPLATE = """<!DOCTYPE html>
<html lang="{lang}"><head><meta charset="utf-8"><title>{title} | The Daily Example</title></head>
<body>
<div id="cookie-banner" class="cookie-consent"><p>We use cookies to improve your experience on our site.
By continuing to browse you agree to our use of cookies.</p><button>Accept all cookies</button></div>
<header class="site-header"><a class="logo" href="/">The Daily Example</a>
<nav class="main-menu"><ul><li><a href="/news">News</a></li><li><a href="/world">World</a></li>
<li><a href="/business">Business</a></li>
<li><a href="/culture">Culture and the arts this week</a></li></ul></nav></header>
<main>
<article class="post">
<header class="entry-header"><h1 class="entry-title">{title}</h1>
<div class="entry-meta"><span class="byline">By <a href="/author/staff">Staff Writer</a></span>
<time datetime="2024-05-01">1 May 2024</time></div></header>
<div class="share-bar"><a href="#">Share on Facebook</a> <a href="#">Share on X</a> <a href="#">Email</a></div>
<div class="entry-content">
{body}
</div>
<footer class="entry-footer"><div class="tags">Tags: <a href="/t/a">politics</a>,
<a href="/t/b">world news</a></div></footer>
</article>
<aside class="related-posts"><h2>Related stories</h2><ul>
<li><a href="/a">Parliament votes on the new budget after a long and bitter debate in the chamber</a></li>
<li><a href="/b">What the election means for the regions and for the people who live in them</a></li>
<li><a href="/c">Ten things to know before you travel abroad this summer with your family</a></li></ul></aside>
<section id="comments" class="comments-area"><h3>3 Comments</h3>
<div class="comment"><p>Great article, thanks for writing it. I learned a lot from it and will share it.</p></div>
<div class="comment"><p>I disagree with most of this but it was an interesting read all the same.</p></div></section>
</main>
<footer class="site-footer"><h6>About us</h6><p>The Daily Example is an independent newspaper founded in 1901.</p>
<h6>Contact</h6><p>Write to the editors at letters@example.org.</p><p>© 2024 The Daily Example</p></footer>
</body></html>
"""
ARTICLES = [
    "aclu", "ars-1", "bbc-1", "guardian-1", "nytimes-1", "wapo-1", "lemonde-1", "heise", "medium-1", "mozilla-1",
]  # fmt: skip


# Where a finding's data names lines: "line 47 (2.1)", "lines 29–71", "lines 28:50, 44:66, 46".
LINE_LIST = re.compile(r"\blines? [\d:–, ]*\d")
LINE_NUMBER = re.compile(r"(?<![:\d])\d+")  # not the column after "28:"


def prose_findings(html: str, first_line: int = 1) -> list[tuple[str, str, tuple[tuple[str, object], ...]]]:
    """The prose findings of *html*, with the line numbers in their data counted
    from *first_line*, the line where the article's body starts."""

    def shift(number: re.Match[str]) -> str:
        return str(int(number.group()) - first_line + 1)

    def from_body(value: object) -> object:
        if not isinstance(value, str):
            return value
        return LINE_LIST.sub(lambda lines: LINE_NUMBER.sub(shift, lines.group()), value)

    report = lint(html, config={"select": PROSE_RULES})
    return sorted((f.rule, f.message_id, tuple(sorted((k, from_body(v)) for k, v in f.data.items()))) for f in
                  report.findings)  # fmt: skip


@pytest.mark.skipif(not CORPUS.exists(), reason="../shared/corpus is not beside this checkout")
@pytest.mark.parametrize("name", ARTICLES)
def test_the_page_and_the_body_get_the_same_prose_findings(name: str) -> None:
    body = (CORPUS / "articles" / f"{name}.html").read_text(encoding="utf-8")
    lang = "en" if name not in ("lemonde-1", "heise") else ("fr" if name == "lemonde-1" else "de")
    fragment = f'<div lang="{lang}">{body}</div>'
    page = TEMPLATE.format(lang=lang, title="A headline for the story", body=body)
    body_report = lint(fragment, config={"select": PROSE_RULES})
    page_report = lint(page, config={"select": PROSE_RULES})
    assert body_report.stats is not None and page_report.stats is not None
    assert page_report.stats.words == body_report.stats.words
    body_line = page[: page.index(body)].count("\n") + 1
    assert prose_findings(page, body_line) == prose_findings(fragment)
