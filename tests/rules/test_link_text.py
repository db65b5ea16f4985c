"""Table tests for link-text."""

from __future__ import annotations

import pytest

from lint_article.rules.link_text import LinkText
from lint_article.testing import Case, bad, finding, ok, run_cases

RULE = "link-text"

CASES = [
    ok('<html lang="en"><body><p>Read <a href="/r.pdf">the full report on the Sahel</a>.</p></body></html>'),
    bad(
        '<html lang="en"><body>\n<p>The report is <a href="/r.pdf">here</a>.</p></body></html>',
        finding(RULE, "generic", line=2, column=18, text="here"),
    ),
    bad(
        '<html lang="en"><body>\n<p><a href="/more">Read more »</a></p></body></html>',
        finding(RULE, "generic", line=2, text="Read more »"),
    ),
    bad(
        '<p>See <a href="https://example.org/x">https://example.org/x</a></p>',
        finding(RULE, "bare-url", line=1),
    ),
    bad('<p><a href="/x"><img src="a.png" alt=""></a></p>', finding(RULE, "empty", line=1)),
    ok('<p><a href="/x"><img src="a.png" alt="The full report"></a></p>'),
    ok('<p><a href="/x" aria-label="Full report on the Sahel">here</a></p>'),
    # Not links a reader meets in the text: anchors, permalinks, controls, unlabelled images (image-alt's).
    ok('<h2 id="a">Part <a href="#a"><svg></svg></a></h2><p><a href="#top"></a><a href="javascript:void(0)"></a></p>'),
    ok('<p><a href="/x"><img src="a.png"></a></p>'),
    # An image whose alt is a URL is image-alt's (a file name), however it names the link around it.
    ok('<p><a href="/photo/1"><img src="s.jpg" alt="https://cdn.example.org/images/1/s6/spy-photo.jpg"></a></p>'),
    bad(
        '<p><a href="/photo/1"><img src="s.jpg" alt="https://cdn.example.org/s.jpg"> https://example.org/1</a></p>',
        finding(RULE, "bare-url", line=1, column=4),
    ),
    # A player's fallback link shows only where the browser cannot play the file.
    ok('<audio controls><source src="/a.mp3"><a href="/a.mp3">https://x.org/a.mp3</a></audio>'),
    # A social post's embed code is the post's, which the platform's script draws as its author wrote it.
    ok(
        '<blockquote class="twitter-tweet"><p lang="de">Mehr dazu: <a href="https://t.co/iONyQpdFwy">'
        "https://t.co/iONyQpdFwy</a></p>&mdash; CDU/CSU (@cducsubt)</blockquote>"
    ),
    ok('<blockquote class="instagram-media"><div><a href="https://www.instagram.com/p/x/"></a></div></blockquote>'),
    bad(
        '<blockquote class="pull-quote">\n<p><a href="https://t.co/iONyQpdFwy">https://t.co/iONyQpdFwy</a></p>'
        "</blockquote>",
        finding(RULE, "bare-url", line=2, column=4),
    ),
    # A URL in code is code, auto-linked or not (an IETF draft is one <pre>).
    ok('<pre>"@context": "<a href="http://remotestorage.io/spec/x">http://remotestorage.io/spec/x</a>",</pre>'),
    ok('<p>Open <code><a href="https://x.org/a">https://x.org/a</a></code>.</p>'),
    ok('<p>Type <kbd><a href="/b">www.x.org</a></kbd>.</p>'),
    ok('<p>It prints <samp><a href="https://x.org/">https://x.org/</a></samp>.</p>'),
    bad(
        '<p>See <code>main</code> and <a href="https://x.org/a">https://x.org/a</a></p>',
        finding(RULE, "bare-url", line=1, column=30),
    ),
    # A pattern or a fragment of a URL is not a URL a screen reader spells out.
    ok('<ul><li>URL canonization (<a href="about:blank">www.*.com</a>) now uses https</li></ul>'),
    ok('<p>Matches <a href="/m">https://*.example.org/*</a>.</p>'),
    ok('<p>Type <a href="/s">https://</a> or <a href="/w">www.</a> first.</p>'),
    bad('<p><a href="https://www.example.org">www.example.org</a></p>', finding(RULE, "bare-url", line=1)),
    bad(
        '<p><a href="http://x.org:8080/a?b#c">http://x.org:8080/a?b#c</a></p>',
        finding(RULE, "bare-url", line=1),
    ),
    # The phrases are looked for in the languages they belong to.
    bad(
        '<html lang="fr"><body>\n<p>Le rapport est <a href="/r">ici</a>.</p></body></html>',
        finding(RULE, "generic", line=2, text="ici"),
    ),
    ok('<html lang="en"><body><p>Le rapport est <a href="/r">ici</a>.</p></body></html>'),
]


@pytest.mark.parametrize("case", CASES, ids=str)
def test_link_text(case: Case) -> None:
    run_cases(LinkText, case)
