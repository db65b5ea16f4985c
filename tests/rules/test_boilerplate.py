"""Table tests for boilerplate."""

from __future__ import annotations

import pytest

from lint_article.rule import ConfigError
from lint_article.rules.boilerplate import Boilerplate
from lint_article.testing import Case, bad, finding, lint_with, ok, run_cases

RULE = "boilerplate"
PAGE = "<html><body>\n<nav><a href='/'>Home</a> <a href='/n'>Subscribe to our newsletter</a></nav>\n<main>\n<article>\n"
END = "\n</article>\n{after}</main>\n</body></html>"


def page(body: str, after: str = "") -> str:
    return PAGE + body + END.format(after=after)


CASES = [
    ok(page("<h1>Sahel</h1><p>The juntas hold power.</p>")),
    bad(
        page("<h1>Sahel</h1>\n<p>Share This Article</p>"),
        finding(RULE, "share", line=6, column=4, text="Share This Article", fix="unsafe"),
        fixed=page("<h1>Sahel</h1>"),
    ),
    # Inside a longer line, the label alone goes, where the source spells it as shown.
    bad(
        page("<p>Photo: Reuters. Share this article</p>"),
        finding(RULE, "share", line=5, text="Share this article", fix="unsafe"),
        fixed=page("<p>Photo: Reuters. </p>"),
    ),
    bad(page("<p>Leave a Comment</p>"), finding(RULE, "comments", line=5, text="Leave a Comment")),
    bad(
        page('<div class="meta">By Jane Doe · 11 Min Read</div>'),
        finding(RULE, "reading-time", line=5, text="11 Min Read"),
    ),
    bad(
        page("<p>Sign up for our newsletter</p>"),
        finding(RULE, "newsletter", line=5, text="Sign up for our newsletter"),
    ),
    bad(page("<p>Read more: How the juntas took power</p>"), finding(RULE, "read-more", line=5)),
    bad(page("<h3>Related Articles</h3>"), finding(RULE, "read-more", line=5, text="Related Articles")),
    bad(page("<p>Follow us on Mastodon</p>"), finding(RULE, "follow", line=5, column=4, text="Follow us on")),
    # The byline printed twice, in one block or in two.
    bad(page("<div>Viral_X By Viral_X</div>"), finding(RULE, "byline-twice", line=5, name="Viral_X")),
    bad(page("<p>Viral_X</p>\n<p>By Viral_X</p>"), finding(RULE, "byline-twice", line=6, name="Viral_X")),
    bad(
        page("<p>By Jane Doe</p>\n<p>Text.</p>\n<p>By Jane Doe</p>"),
        finding(RULE, "byline-twice", line=7, name="Jane Doe"),
    ),
    ok(page("<p>By Jane Doe</p>")),
    ok(page("<p>The changesets by changesets table shows it.</p>")),
    # Running prose may mention comments and sharing.
    ok(page("<p>Leave a comment below and tell us how your garden is doing this spring, and share the article.</p>")),
    # Around the article, the page's own widgets are not reported...
    ok(page("<p>Text.</p>", after='<section id="comments"><h3>Leave a Reply</h3></section>\n')),
    ok(page('<p>Text.</p><aside><h3>Related Articles</h3></aside><div id="comments"><p>3 Comments</p></div>')),
    # ...unless the scope is the whole page, to audit a template on purpose.
    bad(
        page("<p>Text.</p>", after='<section id="comments">\n<h3>Leave a Reply</h3></section>\n'),
        finding(RULE, "newsletter", line=2, text="Subscribe to our newsletter"),
        finding(RULE, "comments", line=8, text="Leave a Reply"),
        options={"scope": "page"},
    ),
    # A CMS fragment is read whole.
    bad(
        "<p>Text of the article.</p>\n<p>Share this article</p>",
        finding(RULE, "share", line=2, text="Share this article"),
    ),
]


@pytest.mark.parametrize("case", CASES, ids=str)
def test_boilerplate(case: Case) -> None:
    run_cases(Boilerplate, case)


def test_scope_is_checked() -> None:
    with pytest.raises(ConfigError, match=r"rules\.boilerplate: expected article or story or page, got 'main'"):
        lint_with(Boilerplate, "<p>x</p>", {"scope": "main"})
