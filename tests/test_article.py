"""The document model: what a reader sees, and where it is in the source."""

from __future__ import annotations

import pytest

from lint_article import Article
from lint_article.document.tokens import sentence_spans


def test_visible_text_leaves_out_what_a_reader_never_sees() -> None:
    article = Article.from_html(
        "<html><head><title>Tab title</title><style>p{color:red}</style></head><body>"
        '<p title="attribute words">Seen</p><script>var hidden = 1;</script>'
        "<template><p>later</p></template><noscript>no script</noscript><!-- comment -->"
        '<div hidden>hidden attr</div><p style="display: none">display none</p><p>Also seen</p>'
        "</body></html>"
    )
    assert article.text == "Seen\n\nAlso seen"
    assert [w.text for w in article.page.words] == ["Seen", "Also", "seen"]


@pytest.mark.parametrize(
    ("most", "expected"),
    [
        (None, "ShareNext storyMore"),
        (24, "ShareNext storyMore"),  # 5 elements (the hidden one too) and 19 characters: within the bound
        (23, None),  # one element or character too many
        (5, None),
    ],
)
def test_visible_text_with_a_bound_stops_past_it(most: int | None, expected: str | None) -> None:
    article = Article.from_html('<div id="bar">Share<div><p>Next <b>story</b></p><span hidden>x</span>More</div></div>')
    bar = article.tree.find(".//div")
    assert (article.visible_text(bar) if most is None else article.visible_text(bar, most)) == expected


def test_a_bound_counts_a_link_holding_its_text_alone_as_one_element_and_its_characters() -> None:
    article = Article.from_html('<p><a href="/s">Share</a></p>')
    link = article.tree.find(".//a")
    assert article.visible_text(link, 6) == "Share"
    assert article.visible_text(link, 5) is None


def test_noscript_holds_text_so_an_element_left_open_in_it_holds_nothing_after_it() -> None:
    # A browser that runs scripts reads <noscript>'s content as text: the
    # <div> in it opens nothing, and the page after </noscript> is shown.
    # Its lines still count: the elements after it keep theirs.
    source = '<body><noscript>\n<div id="no-js">\n</noscript>\n<p>Shown <b>text</b></p><p>after</p></body>'
    article = Article.from_html(source)
    assert article.text == "Shown text\n\nafter"
    assert [el.tag for el in article.tree.iter()] == ["html", "body", "noscript", "p", "b", "p"]
    bold = article.tree.find(".//b")
    assert article.element_span(bold) == (source.index("<b>"), source.index("<b>") + 3)


def test_a_page_that_shows_its_content_only_without_scripts_is_read_without_scripts() -> None:
    # A Discourse topic: its script draws the posts from data, and a <noscript>
    # holds them for readers without scripts. Read with scripts, the page shows
    # nothing; read without, its posts, each word at its place in the source.
    post = "The resolver reads every file in the directory in turn before it answers. " * 30
    source = (
        '<html><body><section id="splash">Loading</section><div id="app"></div>'
        f'<noscript data-path="/t/1"><div id="main-outlet"><h1>A topic</h1><div class="post"><p>{post}</p>'
        "<p>Second <b>post</b></p></div></div></noscript></body></html>"
    )
    article = Article.from_html(source)
    assert article.scripting is False
    assert article.text.startswith("Loading\n\nA topic\n\nThe resolver reads")
    assert [h.text for h in article.headings] == ["A topic"]
    assert source.startswith("post</b>", article.source_offset(article.text.rindex("post")))
    # A page whose <noscript> holds a tracking pixel, or less than ten times the
    # text it shows with scripts, is read with scripts.
    for unscripted in ('<img src="/pixel.gif">', f"<p>{post * 2}</p>"):
        page = Article.from_html(f"<html><body><p>{post}</p><noscript>{unscripted}</noscript></body></html>")
        assert page.scripting is True
        assert page.text == post.strip()


@pytest.mark.parametrize(
    ("source", "text", "places"),
    [
        # What lies inside a hidden element (comments, elements, nested hidden ones)
        # is passed over; the tails of each, and of comments, are shown in order.
        (
            "<p>a<span hidden>x<!--c-->y<b>z<i>v</i></b>w</span>b<!--c-->c</p>"
            '<div style="display:none"><p>q<span hidden>r</span></p>t</div>u<p>d<br>e</p>',
            "abc\n\nu\n\nd e",
            {"b": "b", "c": "c", "u": "u", "e": "e"},
        ),
        # A ruby's reading sits above the characters it spells; <rp>'s parentheses
        # show only where ruby does not. The words are the base text's.
        (
            "<p><ruby>子<rt>こ</rt></ruby>どもの<ruby>漢字<rp>(</rp><rtc><rt>かんじ</rt></rtc><rp>)</rp></ruby>です。</p>",
            "子どもの漢字です。",
            {"ども": "ども", "漢字": "漢字", "です": "です"},
        ),
        # German sites hyphenate with &shy;: a browser shows nothing where it does
        # not break the line, so "Ita&shy;li&shy;ens" reads whole, each letter in its place.
        (
            "<p>Wei&shy;ne Ita&shy;li\xadens, neben <a href='/b'>Baro&shy;lo</a>.</p>",
            "Weine Italiens, neben Barolo.",
            {"ne ": "ne ", "Italiens": "Ita&shy;", "iens": "i\xadens", "lo.": "lo</a>"},
        ),
        # A form field's value and a menu's choices are controls, not text: an
        # embed code or a script's template in a <textarea>, a <select>'s countries.
        (
            '<p>Embed it:</p><textarea>&lt;iframe src="{{url}}"&gt;</textarea>'
            "<form><select><option>Chad</option><option>Mali</option></select></form><p>Done.</p>",
            "Embed it:\n\nDone.",
            {"Done": "Done"},
        ),
        # A script framework's template, hidden by its style sheet until the script
        # fills it in: a reader never sees the braces. A cloaked section whose text
        # the server wrote (no braces left) is shown once the script has run.
        (
            "<p>Votes: <span ng-cloak>{{ upvotes }}</span></p><div v-cloak><p>{{ name }}</p></div>"
            '<p class="big ng-cloak">{{ x }}</p><p x-cloak>{{ y }}</p><!-- cloak -->'
            "<section v-cloak><p>Done.</p></section>",
            "Votes:\n\nDone.",
            {"Done": "Done"},
        ),
        # What a player holds is for browsers that cannot play it: the others show the player.
        (
            '<p>Listen:</p><audio controls><source src="a.mp3"><a href="a.mp3">https://x.org/a.mp3</a></audio>'
            "<video><p>Your browser does not support the video tag.</p></video><p>End.</p>",
            "Listen:\n\nEnd.",
            {"End": "End"},
        ),
    ],
    ids=[
        "hidden content and comments",
        "ruby readings",
        "soft hyphens",
        "form controls",
        "framework templates",
        "media fallback",
    ],
)
def test_what_the_text_leaves_out_leaves_the_rest_in_its_place(source: str, text: str, places: dict[str, str]) -> None:
    article = Article.from_html(source)
    assert article.text == text
    for piece, written in places.items():
        assert source.startswith(written, article.source_offset(article.text.index(piece)))


@pytest.mark.parametrize(
    ("source", "text", "places"),
    [
        # React streams a page's shell first, a boundary's fallback in it, and
        # the content later, in a hidden <div id="S:n">, with a call that shows
        # it in the boundary's place: a reader sees it, the fallback gone. The
        # linter reads it where its source is.
        (
            '<body><nav>Menu</nav><main><!--$?--><template id="B:0"></template><p>Loading</p><!--/$--></main>'
            '<footer>Footer</footer><div hidden id="S:0"><h1>Title</h1><p>Story <b>text</b></p>tail</div>'
            '<script>$RC("B:0","S:0")</script></body>',
            "Menu\n\nFooter\n\nTitle\n\nStory text\n\ntail",
            {"Story": "Story <b>", "text": "text</b>", "tail": "tail</div>", "Footer": "Footer</footer>"},
        ),
        # A segment fills its placeholder, which goes; the text after the placeholder stays.
        (
            '<body><p>Lead</p><template id="P:1"></template>after<p>End</p>'
            '<div hidden id="S:1">seg <i>one</i></div><script>$RS("S:1","P:1")</script></body>',
            "Lead\n\nafter\n\nEnd\n\nseg one",
            {"seg": "seg <i>", "after": "after<p>"},
        ),
        # The fallback runs to the boundary's own end: a boundary nested in it goes with it.
        (
            '<body><!--$?--><template id="B:0"></template><!--$--><p>inner</p><!--/$--><p>fallback</p><!--/$-->'
            '<p>after</p><div hidden id="S:0"><p>Streamed</p></div><script>$RC("B:0","S:0")</script></body>',
            "after\n\nStreamed",
            {"Streamed": "Streamed</p></div>", "after": "after</p>"},
        ),
        # With an error's digest the client renders the boundary: the fallback stays,
        # and content that no call shows stays hidden.
        (
            '<body><!--$?--><template id="B:0"></template><p>fallback</p><!--/$-->'
            '<div hidden id="S:0"><p>Streamed</p></div><div hidden id="S:1"><p>Unclaimed</p></div>'
            '<script>$RC("B:0","S:0","digest")</script></body>',
            "fallback",
            {"fallback": "fallback</p>"},
        ),
    ],
    ids=["boundary", "segment", "nested boundary in the fallback", "client-rendered boundary"],
)
def test_content_streamed_after_the_shell_is_shown_as_react_s_script_shows_it(
    source: str, text: str, places: dict[str, str]
) -> None:
    article = Article.from_html(source)
    assert article.text == text
    for piece, written in places.items():
        assert source.startswith(written, article.source_offset(article.text.index(piece)))


def test_a_word_hyphenated_with_soft_hyphens_is_one_word_in_the_words_and_in_a_links_text() -> None:
    article = Article.from_html("<p>Ita&shy;li\xadens, neben <a href='/b'>Baro&shy;lo</a>.</p>")
    assert [word.text for word in article.page.words] == ["Italiens", "neben", "Barolo"]
    assert article.visible_text(article.tree.find(".//a")) == "Barolo"


def test_words_never_run_together_across_blocks_but_inline_markup_joins() -> None:
    article = Article.from_html("<ul><li>one</li><li>two</li></ul><p>in<b>line</b> three<br>four</p><td>five</td>")
    assert [w.text for w in article.page.words] == ["one", "two", "inline", "three", "four", "five"]


@pytest.mark.parametrize(
    ("html", "code"),
    [
        ("<p>Run <code>pip install</code> then <kbd>q</kbd>.</p>", ["pip", "install", "q"]),
        ("<p>Type this:</p><pre>ls -la\ncd /tmp</pre><p>Done.</p>", ["ls", "la", "cd", "tmp"]),
        # Code nested in code is marked once, and a <q> is a quotation, not code.
        ("<pre><code>a <code>b <code>c</code></code> d</code></pre><p>Said <q>hi there</q>.</p>", ["a", "b", "c", "d"]),
        ("<p>No code at all.</p>", []),
    ],
)
def test_the_words_of_code_are_marked_as_code(html: str, code: list[str]) -> None:
    body = Article.from_html(html).body
    words = body.words
    assert [text for text, flag in zip(words.texts, body.in_code(words), strict=True) if flag] == code


@pytest.mark.parametrize(
    ("html", "unpunctuated"),
    [
        # A block of one sentence without a stop is a label: a bulleted feature, a name.
        ("<ul><li>Strategic use case discovery</li><li>We find the cases.</li></ul>", ["Strategic use case discovery"]),
        # A colon ends a lead-in; closing quotes and brackets follow a stop.
        (
            "<p>You will need:</p><p>(Bring your own.)</p><p>He said “Go!”</p><p>Open media 12 in modal</p>",
            ["Open media 12 in modal"],
        ),
        # The last sentence of a block of several, its stop forgotten, is prose all the same.
        ("<p>Taxes rise in May. Fares stay the same</p>", []),
        ("<p>বাজেট পাস হয়েছে।</p><p>東京に行きました。</p>", []),
    ],
)
def test_a_block_of_one_sentence_without_a_stop_is_unpunctuated(html: str, unpunctuated: list[str]) -> None:
    article = Article.from_html(html)
    body = article.body
    flagged = [article.text[s.start : s.end] for s, flag in zip(body.sentences, body.unpunctuated, strict=True) if flag]
    assert flagged == unpunctuated


def test_closest_finds_the_list_item_or_cell_a_block_is_part_of() -> None:
    article = Article.from_html(
        "<p>Lead</p><ul><li><p>One</p><p>Two</p></li><li><p>Three</p></li></ul>"
        "<table><tr><td><div><p>Four</p></div></td></tr></table>"
    )
    items = frozenset({"li", "td"})
    holders = [article.closest(block.element, items) for block in article.blocks]
    assert [holder.tag if holder is not None else None for holder in holders] == [None, "li", "li", "li", "td"]
    assert holders[1] is holders[2] and holders[2] is not holders[3]
    assert [article.within(block.element, items) for block in article.blocks] == [False, True, True, True, True]
    assert article.closest(holders[4], items) is holders[4]  # an element is its own closest


def test_blocks_have_kinds_and_elements() -> None:
    article = Article.from_html(
        "<h2>Head</h2><p>Para</p><blockquote>Quote</blockquote><ul><li>Item</li></ul>"
        "<table><caption>Cap</caption><tr><td>Cell</td></tr></table><div>Loose</div>"
    )
    assert [(b.kind, article.block_text(b)) for b in article.blocks] == [
        ("heading", "Head"),
        ("paragraph", "Para"),
        ("quote", "Quote"),
        ("list-item", "Item"),
        ("caption", "Cap"),
        ("cell", "Cell"),
        ("block", "Loose"),
    ]


def test_sentences_split_at_terminal_punctuation_but_not_abbreviations() -> None:
    article = Article.from_html(
        "<p>Dr. Smith met the U.S. envoy at 3.15 p.m. today. Was it late? Yes! “Quite,” she said.</p>"
    )
    texts = [article.text[s.start : s.end] for s in article.page.sentences]
    assert texts == ["Dr. Smith met the U.S. envoy at 3.15 p.m. today.", "Was it late?", "Yes!", "“Quite,” she said."]


@pytest.mark.parametrize(
    ("text", "sentences"),
    [
        ("Dr. Dr. Dr. Smith came. Then he left.", ["Dr. Dr. Dr. Smith came.", "Then he left."]),
        ("Wait… What happened… nothing.", ["Wait…", "What happened… nothing."]),
        ("No!!! Really?! Yes.", ["No!!!", "Really?!", "Yes."]),
        ("!!!!", ["!!!!"]),
        ("!!!!x Then.", ["!!!!x Then."]),
        ("ab. ab. ab. Ab. Cd.", ["ab. ab. ab.", "Ab.", "Cd."]),
        ("It costs approx. 5 euros. Fine.", ["It costs approx. 5 euros.", "Fine."]),
        ("A. B. Smith wrote it. Yes.", ["A. B. Smith wrote it.", "Yes."]),
        ("He said “Go!” Then he went.", ["He said “Go!”", "Then he went."]),
        ("東京。大阪！", ["東京。", "大阪！"]),
    ],
)
def test_sentence_boundaries_in_runs_of_punctuation_and_abbreviations(text: str, sentences: list[str]) -> None:
    assert [text[start:end] for start, end in sentence_spans(text)] == sentences


def test_headings_with_levels_text_and_positions() -> None:
    source = "<h1>Title</h1>\n<section>\n  <h2 class='x'>Part <em>one</em></h2>\n</section>"
    article = Article.from_html(source)
    assert [(h.level, h.text) for h in article.headings] == [(1, "Title"), (2, "Part one")]
    assert [(h.line, h.column) for h in article.headings] == [(1, 1), (3, 3)]
    assert article.selector(article.headings[1].element) == "section > h2"


def test_every_word_maps_back_to_its_line_and_column() -> None:
    source = "<p>alpha beta\n   gamma &amp; d&eacute;lta</p>\n<p>\n\tepsilon</p>"
    article = Article.from_html(source)
    positions = {w.text: article.position(article.source_offset(w.start)) for w in article.page.words}
    assert positions == {"alpha": (1, 4), "beta": (1, 10), "gamma": (2, 4), "délta": (2, 16), "epsilon": (4, 2)}


def test_positions_survive_crlf_and_lone_cr() -> None:
    article = Article.from_html("<p>a</p>\r\n<p>b</p>\r<h1>c</h1>")
    assert [article.position(article.element_span(h.element)[0]) for h in article.headings] == [(3, 1)]


def test_selector_counts_siblings_of_the_same_type() -> None:
    article = Article.from_html(
        "<article><section><p>a</p></section><section><h1>t</h1><p>b</p><p>c</p></section></article>"
    )
    h1 = article.headings[0].element
    assert article.selector(h1) == "article > section:nth-of-type(2) > h1"
    last_p = article.blocks[-1].element
    assert article.selector(last_p) == "article > section:nth-of-type(2) > p:nth-of-type(2)"


def test_fragment_and_page_are_told_apart() -> None:
    assert Article.from_html("<h2>Body</h2><p>text</p>").is_fragment
    assert not Article.from_html("<html><body><p>text</p></body></html>").is_fragment


def test_on_a_page_prose_views_read_only_the_article_element() -> None:
    article = Article.from_html(
        "<html><body><nav><ul><li>Home</li><li>World</li></ul></nav>"
        "<article><h1>Title</h1><p>Body text here.</p></article>"
        "<section id='comments'><p>Leave a reply</p></section></body></html>"
    )
    assert article.region.root.tag == "article"
    assert article.headline is not None and article.headline.text == "Title"
    assert [w.text for w in article.body.words] == ["Body", "text", "here"]
    assert [article.block_text(b) for b in article.body.paragraphs] == ["Body text here."]


def test_main_is_the_content_when_there_is_no_article_element() -> None:
    article = Article.from_html(
        "<html><body><header>Site</header><main><p>Story</p></main><footer>Foot</footer></body></html>"
    )
    assert article.region.root.tag == "main"
    assert [w.text for w in article.body.words] == ["Story"]


@pytest.mark.parametrize("depth", [300, 3000])
def test_deeply_nested_text_is_never_lost(depth: int) -> None:
    source = "<div>" * depth + "<p>deep words survive</p>" + "</div>" * depth + "<p>after</p>"
    article = Article.from_html(source)
    assert [w.text for w in article.page.words] == ["deep", "words", "survive", "after"]
    deep = article.page.words[0]
    assert article.position(article.source_offset(deep.start)) == (1, 5 * depth + 4)


def test_latin1_page_with_meta_charset_reads_correctly() -> None:
    data = '<html><head><meta charset="iso-8859-1"></head><body><p>Café déjà vu</p></body></html>'.encode("latin-1")
    assert Article.from_html(data).text == "Café déjà vu"


def test_http_equiv_charset_is_honoured() -> None:
    data = '<meta http-equiv="Content-Type" content="text/html; charset=windows-1251"><p>Привет</p>'.encode("cp1251")
    assert Article.from_html(data).text == "Привет"


def test_utf8_without_declaration_is_not_read_as_latin1() -> None:
    data = "<p>naïve “quotes” — 東京</p>".encode()
    article = Article.from_html(data)
    assert article.text == "naïve “quotes” — 東京"
    assert article.encoding == "utf-8"


def test_byte_order_mark_wins_over_a_wrong_declaration() -> None:
    data = b"\xef\xbb\xbf" + '<meta charset="iso-8859-1"><p>Zoë</p>'.encode()
    assert Article.from_html(data).text == "Zoë"


def test_utf16_with_bom() -> None:
    data = "<p>Grüße aus Köln</p>".encode("utf-16")
    assert Article.from_html(data).text == "Grüße aus Köln"


def test_undeclared_bytes_that_are_not_utf8_fall_back_to_windows_1252() -> None:
    article = Article.from_html(b"<p>ok \xff\xfe bytes \x93quoted\x94</p>")
    assert article.text == "ok ÿþ bytes “quoted”"
    assert article.encoding == "cp1252"


@pytest.mark.parametrize(
    ("head", "encoding", "text"),
    [
        # A script pushes the declaration past the 1,024 bytes a browser prescans:
        # the parser meets it and the browser reads the page again in it.
        ('<script>var padding = "' + "x" * 1100 + '";</script><meta charset="gb2312">', "gb2312", "谷歌在2014年收购"),
        (
            "<!--" + "x" * 1100 + '--><meta http-equiv="Content-Type" content="text/html; charset=gb2312"/>',
            "gb2312",
            "谷歌在2014年收购",
        ),
        # Bytes that are UTF-8 are read as UTF-8, whatever a late declaration says.
        ("<!--" + "x" * 1100 + '--><meta charset="iso-8859-1">', "utf-8", "谷歌在2014年收购"),
    ],
)
def test_a_declaration_past_the_prescan_decodes_bytes_that_are_not_utf8(head: str, encoding: str, text: str) -> None:
    data = head.encode() + "<p>谷歌在2014年收购</p>".encode("gb2312" if encoding == "gb2312" else "utf-8")
    article = Article.from_html(data)
    assert (article.encoding, article.text) == (encoding, text)


def test_invalid_bytes_in_declared_utf8_become_replacement_characters_not_silence() -> None:
    article = Article.from_html(b'<meta charset="utf-8"><p>ok \xff bytes</p>')
    assert article.text == "ok \ufffd bytes"


def test_a_meta_charset_inside_text_input_does_not_garble_it() -> None:
    article = Article.from_html('<meta charset="iso-8859-1"><p>Café</p>')
    assert article.text == "Café"


def test_cjk_characters_count_as_words() -> None:
    article = Article.from_html("<p>北京大学 is in 北京</p>")
    assert len(article.page.words) == 8


def test_language_from_html_lang() -> None:
    assert Article.from_html('<html lang="en-GB"><body><p>x</p></body></html>').lang == "en-gb"
    assert Article.from_html("<p>x</p>").lang is None


def test_empty_and_whitespace_inputs_give_an_empty_article() -> None:
    for source in ("", "   \n\t", b"", "<!-- only a comment -->"):
        article = Article.from_html(source)
        assert article.text == ""
        assert len(article.page.words) == 0


def test_the_page_s_meta_tags_are_read_by_name_or_property() -> None:
    article = Article.from_html(
        "<html><head><title> US envoys\n meet the junta </title>"
        '<meta name="Description" content="  The junta met\n US envoys. ">'
        '<meta property="og:title" content="US envoys meet the junta">'
        '<meta property="og:title" content="A second og:title">'
        "</head><body><h1>US envoys meet the junta</h1></body></html>"
    )
    assert article.meta("description") == "The junta met US envoys."
    assert article.meta("og:title") == "US envoys meet the junta"  # the first of each
    assert article.meta("twitter:title") is None
    assert article.title_element is not None and article.title_element.tag == "title"
    assert Article.from_html("<p>No head.</p>").title_element is None
    assert Article.words_of("Can diplomacy halt Russia's advance?") == [
        "Can",
        "diplomacy",
        "halt",
        "Russia's",
        "advance",
    ]


CONTENT_CASES = [
    # (source, the start tag's text, what the element holds)
    ("<p>one <b>two</b> three</p><p>next</p>", "<b>", "two"),
    ("<div><div>inner</div> tail</div><p>x</p>", "<div>", "<div>inner</div> tail"),
    ("<ul><li>first<li>second</ul>", "<li>", "first"),  # no end tag: up to the next element outside it
    ("<section><p>only</p></section>", "<p>", "only"),
    ("<H2 class=x>Upper</H2 ><p>y</p>", "<H2 class=x>", "Upper"),
]


@pytest.mark.parametrize(("source", "tag", "content"), CONTENT_CASES)
def test_content_span_is_what_an_element_holds_from_its_start_tag_to_its_end_tag(
    source: str, tag: str, content: str
) -> None:
    article = Article.from_html(source)
    start = source.index(tag)
    element = article.element_at(start)
    assert element is not None and article.element_span(element) == (start, start + len(tag))
    begin, end = article.content_span(element)
    assert source[begin:end] == content
    assert article.element_at(start + 1) is None


def test_content_span_looks_for_the_end_tag_no_further_than_its_reach() -> None:
    source = "<div>" + "word " * 100 + "</div><p>after</p>"
    article = Article.from_html(source)
    element = article.element_at(0)
    assert element is not None
    assert article.content_span(element, reach=1000) == (5, source.index("</div>"))
    assert article.content_span(element, reach=50) == (5, source.index("<p>"))  # cut short: to the next element


def test_text_runs_are_the_source_between_tags_without_comments_or_scripts() -> None:
    source = "<p>one<!-- c --> two</p><script>x</script><p>three &amp; four</p>"
    article = Article.from_html(source)
    assert [source[start:end] for start, end in article.text_runs] == ["one", " two", "three &amp; four"]


def test_sentence_words_are_each_sentence_s_word_keys_made_when_read() -> None:
    view = Article.from_html("<p>Don’t Panic. It is fine!</p><p>Next block</p>").body
    words = view.sentence_words
    expected = [("don't", "panic"), ("it", "is", "fine"), ("next", "block")]
    assert len(words) == 3 and list(words) == expected
    assert [words[0], words[-1], words[1:]] == [expected[0], expected[2], tuple(expected[1:])]
    with pytest.raises(IndexError):
        words[3]
    with pytest.raises(IndexError):
        words[-4]


def test_a_long_text_laid_out_in_chunks_is_the_text_of_its_pieces_at_their_places() -> None:
    # Thousands of pieces in one block, then more blocks and a heading: the
    # layout joins its pieces a few thousand at a time.
    words = [f"w{i}" for i in range(6000)]
    source = "<p>" + "".join(f"<b>{word}</b> " for word in words) + "</p><h2>Head <i>line</i></h2><p>end</p>"
    article = Article.from_html(source)
    assert article.text == " ".join(words) + "\n\nHead line\n\nend"
    # Each word as the text shows it, next to what follows it (words are prefixes of others).
    for word, shown in (
        ("w0", "w0 "),
        ("w4095", "w4095 "),
        ("w4096", "w4096 "),
        ("w5999", "w5999\n"),
        ("line", "line"),
    ):
        assert article.source_offset(article.text.index(shown)) == source.index(f">{word}<") + 1
    assert [h.text for h in article.headings] == ["Head line"]
