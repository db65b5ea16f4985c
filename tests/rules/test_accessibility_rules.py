"""Table tests for empty-heading, image-alt and link-text."""

from __future__ import annotations

import pytest

from lint_article.rules.empty_heading import EmptyHeading
from lint_article.rules.image_alt import ImageAlt
from lint_article.rules.link_text import LinkText
from lint_article.testing import Case, bad, finding, ok, run_cases

EMPTY_HEADING = [
    ok("<h1>Title</h1><h2>Part</h2>"),
    bad("<h1>T</h1>\n<h2> </h2>", finding("empty-heading", line=2, column=1, message="<h2> has no text")),
    bad("<h1>T</h1>\n<h3><a href='#x'></a></h3>", finding("empty-heading", line=2, message="<h3>")),
    ok("<h2><img src='logo.png' alt='Dealbook'></h2>"),
    ok("<h2><svg role='img' aria-label='Dealbook'></svg></h2>"),
    ok("<h2 aria-label='Key developments'></h2><h2 hidden></h2><h2 aria-hidden='true'></h2>"),
    # Navigation and asides around the article are the page's.
    ok("<html><body><nav><h2></h2></nav><article><h1>T</h1><aside><h3></h3></aside></article></body></html>"),
]

IMAGE_ALT = [
    ok('<img src="a.jpg" alt="Soldiers at Air Base 201">'),
    ok('<img src="rule.png" alt="">'),
    bad('<p>x</p>\n<img src="a.jpg">', finding("image-alt", line=2, column=1, message="no alt attribute")),
    bad('<img src="a.jpg" alt="IMG_0042.jpg">', finding("image-alt", line=1, message="“IMG_0042.jpg” is a file name")),
    bad('<img src="a.jpg" alt="DSC_1234">', finding("image-alt", line=1, message="file name")),
    bad('<img src="a.jpg" alt="sahel-1200x675">', finding("image-alt", line=1, message="file name")),
    # Camera and phone defaults, numbered CMS slugs, hashes.
    bad('<img src="a.jpg" alt="PXL_20230105_123456789">', finding("image-alt", line=1, message="file name")),
    bad('<img src="a.jpg" alt="IMG-20230101-WA0001">', finding("image-alt", line=1, message="file name")),
    bad('<img src="a.jpg" alt="Screenshot 2024-01-05 at 10.22.31">', finding("image-alt", line=1, message="file name")),
    bad('<img src="a.jpg" alt="Screen Shot 2019-03-01 at 9.41.22 AM">', finding("image-alt", line=1, message="file")),
    bad('<img src="a.jpg" alt="Screen Shot 2016 11 11 at 15.10.08">', finding("image-alt", line=1, message="file")),
    bad('<img src="a.jpg" alt="0225-lupita-nyongo-getty-01">', finding("image-alt", line=1, message="file name")),
    bad('<img src="a.jpg" alt="1fb5ee36-d9ae-4125-96d9-f52eb403f1e1">', finding("image-alt", line=1, message="file")),
    bad('<img src="a.jpg" alt="https://example.org/a">', finding("image-alt", line=1, message="file name")),
    # Names with a number in them are not file names.
    ok('<img src="a.jpg" alt="COVID-19"><img src="b.jpg" alt="Apollo-11"><img src="c.jpg" alt="F-35">'),
    ok('<img src="a.jpg" alt="Class_of_2019"><img src="b.jpg" alt="Screenshot 2 shows the new dashboard">'),
    # One finding for copies of one file.
    bad(
        '<img src="tick.png">\n<img src="tick.png"><img src="tick.png">', finding("image-alt", line=1, message="2 more")
    ),
    ok('<img src="a.jpg" role="presentation"><img src="b.jpg" aria-hidden="true">'),
    ok('<img src="pixel.gif" width="1" height="1"><noscript><img src="a.jpg"></noscript>'),
    ok('<img src="a.jpg" alt="#image_title">'),  # a placeholder: placeholder-text reports it
]

LINK_TEXT = [
    ok('<html lang="en"><body><p>Read <a href="/r.pdf">the full report on the Sahel</a>.</p></body></html>'),
    bad(
        '<html lang="en"><body>\n<p>The report is <a href="/r.pdf">here</a>.</p></body></html>',
        finding("link-text", line=2, column=18, message="the link text “here” says nothing"),
    ),
    bad(
        '<html lang="en"><body>\n<p><a href="/more">Read more »</a></p></body></html>',
        finding("link-text", line=2, message="“Read more »”"),
    ),
    bad(
        '<p>See <a href="https://example.org/x">https://example.org/x</a></p>',
        finding("link-text", line=1, message="URL"),
    ),
    bad('<p><a href="/x"><img src="a.png" alt=""></a></p>', finding("link-text", line=1, message="has no text")),
    ok('<p><a href="/x"><img src="a.png" alt="The full report"></a></p>'),
    ok('<p><a href="/x" aria-label="Full report on the Sahel">here</a></p>'),
    # Not links a reader meets in the text: anchors, permalinks, controls, unlabelled images (image-alt's).
    ok('<h2 id="a">Part <a href="#a"><svg></svg></a></h2><p><a href="#top"></a><a href="javascript:void(0)"></a></p>'),
    ok('<p><a href="/x"><img src="a.png"></a></p>'),
    # A URL in code is code, auto-linked or not (an IETF draft is one <pre>).
    ok('<pre>"@context": "<a href="http://remotestorage.io/spec/x">http://remotestorage.io/spec/x</a>",</pre>'),
    ok('<p>Open <code><a href="https://x.org/a">https://x.org/a</a></code>.</p>'),
    ok('<p>Type <kbd><a href="/b">www.x.org</a></kbd>.</p>'),
    ok('<p>It prints <samp><a href="https://x.org/">https://x.org/</a></samp>.</p>'),
    bad(
        '<p>See <code>main</code> and <a href="https://x.org/a">https://x.org/a</a></p>',
        finding("link-text", line=1, column=30, message="bare URL"),
    ),
    # A pattern or a fragment of a URL is not a URL a screen reader spells out.
    ok('<ul><li>URL canonization (<a href="about:blank">www.*.com</a>) now uses https</li></ul>'),
    ok('<p>Matches <a href="/m">https://*.example.org/*</a>.</p>'),
    ok('<p>Type <a href="/s">https://</a> or <a href="/w">www.</a> first.</p>'),
    bad('<p><a href="https://www.example.org">www.example.org</a></p>', finding("link-text", line=1, message="URL")),
    bad(
        '<p><a href="http://x.org:8080/a?b#c">http://x.org:8080/a?b#c</a></p>',
        finding("link-text", line=1, message="URL"),
    ),
    # The phrases are looked for in the languages they belong to.
    bad(
        '<html lang="fr"><body>\n<p>Le rapport est <a href="/r">ici</a>.</p></body></html>',
        finding("link-text", line=2, message="“ici”"),
    ),
    ok('<html lang="en"><body><p>Le rapport est <a href="/r">ici</a>.</p></body></html>'),
]


@pytest.mark.parametrize("case", EMPTY_HEADING, ids=str)
def test_empty_heading(case: Case) -> None:
    run_cases(EmptyHeading, case)


@pytest.mark.parametrize("case", IMAGE_ALT, ids=str)
def test_image_alt(case: Case) -> None:
    run_cases(ImageAlt, case)


@pytest.mark.parametrize("case", LINK_TEXT, ids=str)
def test_link_text(case: Case) -> None:
    run_cases(LinkText, case)
