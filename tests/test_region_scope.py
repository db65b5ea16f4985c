"""The region's scope on full pages: which elements without text of their own
(a hidden slide, a teaser's picture) are the article's, and which are the
template's. The texts of ``test_region.py`` cannot show these: the elements
hold no text a reader sees, yet the rules about markup (inline styles, alt
texts, link texts) report them where the region holds them.
"""

from __future__ import annotations

from lint_article import Article, Finding, make_linter

from .test_region import BODY, SITE_HEADER, STORY, TITLE, page


def element(article: Article, tag: str, **attributes: str) -> object:
    """The first *tag* element of *article* with all of *attributes*."""
    return next(
        el
        for el in article.tree.iter(tag)
        if all(el.get(name.rstrip("_")) == value for name, value in attributes.items())
    )


SLIDER = """<div class="slider" style="width: 300%"><div class="slide" id="s1"><img src="1.jpg" alt="The levee"></div>
<div class="slide" id="s2" style="visibility: hidden; opacity: 0"><img src="2.jpg" style="width: 100%"></div>
<div class="slide" id="s3" style="display: none"><img src="3.jpg"></div></div>
<div hidden id="placeholder"><div class="lazy" style="height: 200px"></div></div>"""


def test_what_the_page_hides_inside_the_story_is_no_part_of_it() -> None:
    """A slider's hidden slides and a hidden placeholder hold no text a reader
    sees: they are the template's machinery, and go with everything in them;
    the slide on show, and the story's headings over hidden parts, stay."""
    article = Article.from_html(
        page(f"""{SITE_HEADER}<article><h1>{TITLE}</h1>{BODY}<h2>In pictures</h2>{SLIDER}
<p>A hidden word <span style="display: none">(draft)</span> in a paragraph is the writer's.</p></article>""")
    )
    region = article.region
    for ident in ("s2", "s3", "placeholder"):
        hidden = element(article, "div", id=ident)
        assert not region.holds(hidden) and hidden not in region.members(boxes=True), ident
    assert not region.holds(element(article, "img", src="2.jpg"))
    assert region.holds(element(article, "div", id="s1")) and region.holds(element(article, "img", src="1.jpg"))
    assert region.holds(element(article, "div", class_="slider"))
    assert region.holds(element(article, "span", style="display: none"))
    assert "In pictures" in article.body.text and STORY[-1] in article.body.text


def test_a_fragment_keeps_what_it_hides_for_the_rules_to_see() -> None:
    """A CMS body is the writer's markup through and through: a hidden part of
    it is theirs, and no-inline-style reports its style."""
    article = Article.from_html(f"{BODY}{SLIDER}")
    region = article.region
    for ident in ("s2", "s3", "placeholder"):
        assert region.holds(element(article, "div", id=ident)), ident


def tile(number: int, title: str) -> str:
    """A teaser linked whole: its picture in a <div>, its title in spans after it."""
    return (
        f'<article class="tile"><span class="tile-inner"><a href="/story-{number}"><div class="tile-image">'
        f'<img src="{number}.jpg" style="display: none"></div><span class="h3"><span>{title}</span></span>'
        f'<span class="views">New</span></a></span></article>\n'
    )


TILES = tuple(
    f"{place} {event} after the flood"
    for place in ("Ferry service", "The school", "The farmers' market", "The bakery", "The library", "The bus line")
    for event in ("reopens", "resumes on Monday", "counts the cost", "asks for help")
)


def test_teasers_linked_whole_around_their_picture_are_links_and_go() -> None:
    """A row of teasers, each one link around a <div> of its picture and its
    title, beside the story in its root: the title is link text, though the
    link holds a block, so the teasers are a list of links, and go."""
    before = "".join(tile(n, title) for n, title in enumerate(TILES[:3]))
    after = "".join(tile(n, title) for n, title in enumerate(TILES[3:], start=3))
    story = f'<div id="story"><div class="wrap"><h1>{TITLE}</h1><div class="text">{BODY}</div></div></div>'
    article = Article.from_html(page(f'{SITE_HEADER}<section id="content">{before}{story}{after}</section>'))
    text = article.body.text
    assert STORY[0] in text and STORY[-1] in text
    for title in TILES:
        assert title not in text
    assert not article.region.holds(element(article, "img", src="0.jpg"))


NEXT_STORY = (
    "The regional orchestra will open its season in the restored theatre, whose roof was mended over the summer, "
    "with a programme of Dvořák, Janáček and a new piece by a composer from the valley.",
    "Tickets went on sale on Monday, and by the evening the first three concerts were sold out, the box office said, "
    "though seats for the rehearsals, open to schools, are still to be had free of charge.",
    "The conductor, who has led the orchestra for eleven years, said the theatre's sound was warmer than before, "
    "and that the players had asked to rehearse there every week until the end of the season.",
    "The council, which owns the building, hopes the concerts will bring visitors back to the old town, where "
    "shops have struggled since the bypass opened, and plans a market on the square on concert nights.",
    "A second season, with opera, is planned for next year if the heating, which still dates from the sixties, "
    "can be replaced in time, and the orchestra's friends have started to raise money for it.",
)


def test_the_next_story_loaded_below_is_no_part_of_the_headlines() -> None:
    """Whole stories one after the other, each an <article> made alike (the
    next loaded as the reader scrolls): the story is the headline's
    <article>, though the next one is longer, and the next is not joined to it."""
    nxt = "".join(f"<p>{paragraph}</p>" for paragraph in NEXT_STORY)
    article = Article.from_html(
        page(f"""{SITE_HEADER}<div class="list"><article class="item"><header><h1>{TITLE}</h1></header>{BODY}</article>
<article class="item"><header><h2>The orchestra returns to the theatre</h2></header>{nxt}</article></div>""")
    )
    text = article.body.text
    assert all(paragraph in text for paragraph in STORY)
    assert "The orchestra returns" not in text and not any(paragraph in text for paragraph in NEXT_STORY)
    assert article.region.root.tag == "article"


def test_a_box_named_similar_is_related_stories_and_goes() -> None:
    """ "similar" names related stories as "related" does ("similar-posts",
    "timeline similar"): their teasers, with excerpts long enough to pass for
    prose, are no part of the story."""
    teasers = "".join(
        f'<li><a href="/{n}"><h3>{title}</h3></a><p>{excerpt}</p></li>'
        for n, (title, excerpt) in enumerate(zip(TILES[:2], NEXT_STORY[:2], strict=True))
    )
    article = Article.from_html(
        page(f'{SITE_HEADER}<article><h1>{TITLE}</h1>{BODY}<ul class="timeline similar">{teasers}</ul></article>')
    )
    text = article.body.text
    assert STORY[-1] in text
    assert TILES[0] not in text and NEXT_STORY[0] not in text and NEXT_STORY[1] not in text


def teaser(number: int, title: str, excerpt: str) -> str:
    """A section front's teaser of another story: its picture linked, with an
    empty alt (a link without a name), its title linked, and its excerpt."""
    return (
        f'<li><article><figure><a href="/2024/story-{number}.html"><img src="{number}.jpg" alt=""></a></figure>\n'
        f'<h2><a href="/2024/story-{number}.html">{title}</a></h2><p>{excerpt}</p></article></li>\n'
    )


SECTION_FRONT = "<ol>\n{}</ol>".format(
    "".join(teaser(n, title, excerpt) for n, (title, excerpt) in enumerate(zip(TILES[:5], NEXT_STORY, strict=True)))
)


SECTION_FRONT_PAGE = (
    '<!DOCTYPE html><html lang="en"><head><title>The Valley Courier</title></head><body>\n'
    f'{SITE_HEADER}<main id="site-content">{SECTION_FRONT}</main></body></html>'
)
"""A section front, titled by the site's name, not a story's headline."""


def test_a_section_front_of_teasers_has_no_article() -> None:
    """A page of teasers of other stories and no story of its own: none of it
    is the article, so the rules about markup report none of the teasers'
    links; the same markup pasted as a CMS body is the writer's, and they do."""
    article = Article.from_html(SECTION_FRONT_PAGE)
    region = article.region
    assert region.headline is None and not region.blocks
    assert region.evidence.endswith("a section front of 5 teasers") and region.teasers == 5
    assert not region.members()  # not even what stands between the teasers
    assert not [f for f in make_linter().lint(article).findings if f.rule == "link-text"]
    fragment = make_linter().lint(Article.from_html(SECTION_FRONT))
    assert [(f.rule, f.message_id, f.line, f.column) for f in fragment.findings if f.rule == "link-text"] == [
        ("link-text", "empty", 2 + 2 * n, 22) for n in range(5)
    ]


def test_teasers_under_a_story_leave_it_the_article() -> None:
    """The same teasers under a story with its headline: the page is the
    story's, and its teasers of other stories go as a grid of them."""
    article = Article.from_html(
        page(f"{SITE_HEADER}<main><article><h1>{TITLE}</h1>{BODY}</article>{SECTION_FRONT}</main>")
    )
    assert "section front" not in article.region.evidence
    assert STORY[0] in article.body.text and TILES[0] not in article.body.text


def test_a_picture_keeps_to_the_text_around_it() -> None:
    """An element with no text is the article's when the text beside it is:
    the picture under the headline, one between two paragraphs and a logo
    by the byline stay. One whose text on both sides is set aside goes with
    it (a ratings widget's spinner between a share bar and the tags), and so
    does a container whose text is all set aside (a box of related links
    with a picture beside them), unless a picture in it stands by the
    story's text (a card's photo under its title, in a wrapper with the
    card's rating form)."""
    article = Article.from_html(
        page(f"""{SITE_HEADER}<article><h1>{TITLE}</h1><div class="lead"><img src="lead.jpg"></div>
<p>{STORY[0]}</p><h2>Sandbags by the school gym</h2>
<div class="w3"><img src="gym.jpg"><form><button>Rate this photo</button></form></div>
<p>{STORY[1]}</p><div class="photo"><img src="middle.jpg"></div><p>{STORY[2]}</p>
<p>{STORY[3]}</p><div class="byline">By Ann Weaver, river correspondent</div>
<div class="portrait"><img src="logo.png"></div>
<div class="share-bar"><a href="https://x.com/share">Share on X</a></div>
<div class="w1"><img src="loading.gif" style="width: 16px"></div>
<div class="tags"><a href="/tag/flood">flood</a> <a href="/tag/river">river</a></div>
<div class="c2"><div class="related-posts"><a href="/other">The river, ten years on</a></div>
<img src="teaser.jpg"></div></article>""")
    )
    findings = pictures_held(article, ("lead.jpg", "gym.jpg", "middle.jpg", "logo.png"), ("loading.gif", "teaser.jpg"))
    assert not article.region.holds(element(article, "div", class_="c2"))
    assert not [f for f in findings if f.rule == "no-inline-style"]


def test_links_named_as_the_sites_controls_go_and_the_storys_pictures_stay() -> None:
    """A share button or an advertisement's link inside the story's container
    is named so on the link itself: it goes, with its icon, and so does a
    button named for what it works ("btn … social-link" shares). A lightbox
    link around the story's photo, a photo named for the share button laid
    over it, and a button named for nothing else, stay: only a link, button
    or frame is read by its name."""
    article = Article.from_html(
        page(f"""{SITE_HEADER}<article><h1>{TITLE}</h1><div class="entry">{BODY}
<p><a class="lightbox" href="/flood.jpg"><img src="flood.jpg"></a></p>
<p><img class="img-share" src="levee.jpg"></p>
<p><a class="btn btn--primary" href="/report.pdf"><img src="report.png"></a></p>
<p><a class="resp-sharing-button__link" href="https://x.com/share"><img src="x.png"></a>
<a class="btn btn--icon social-link" href="https://facebook.com/sharer"><img src="fb.png"></a>
<a class="advertisement-link" href="https://shop.example"><img src="ad.gif"></a></p></div></article>""")
    )
    findings = pictures_held(article, ("flood.jpg", "levee.jpg", "report.png"), ("x.png", "fb.png", "ad.gif"))
    assert not article.region.holds(element(article, "a", class_="resp-sharing-button__link"))
    assert not article.region.holds(element(article, "a", class_="btn btn--icon social-link"))
    assert not [f for f in findings if f.rule == "link-text"]


def test_a_carousel_of_other_stories_goes_and_the_storys_gallery_stays() -> None:
    """A slider named for the stories it shows ("articles-slider") is other
    pages' teasers, pictures and all, even between the story's paragraphs; a
    slider named for nothing else is the story's own gallery, whose pictures
    the rules still read."""
    cards = "".join(
        f'<div class="swiper-slide"><div class="card"><img src="card{n}.jpg"><span>Magazine</span>'
        f"<div>{title}</div></div></div>"
        for n, title in enumerate(TILES[:3])
    )
    article = Article.from_html(
        page(f"""{SITE_HEADER}<article><h1>{TITLE}</h1><p>{STORY[0]}</p>
<div class="gallery-slider"><div class="swiper-slide"><img src="levee.jpg"></div></div><p>{STORY[1]}</p>
<div class="articles-slider section"><div class="swiper-wrapper">{cards}</div></div>
{"".join(f"<p>{paragraph}</p>" for paragraph in STORY[2:])}</article>""")
    )
    pictures_held(article, ("levee.jpg",), ("card0.jpg", "card1.jpg", "card2.jpg"))
    assert STORY[-1] in article.body.text and TILES[0] not in article.body.text


def test_links_that_share_the_page_go_by_their_address() -> None:
    """A share button unnamed but for its address (facebook.com/sharer,
    twitter.com/intent/tweet, a "Pin it" over the story's photo) is the
    template's, its icon too; a link to the paper's own page on a platform, a
    letter to write to an MP (an e-mail with no addressee) and a chat with a
    business stay the story's, their text read as the writer's."""
    article = Article.from_html(
        page(f"""{SITE_HEADER}<article><h1>{TITLE}</h1><p>{STORY[0]}</p>
<p><img src="flood.jpg"><a href="https://pinterest.com/pin/create/button/?media=flood.jpg"><img src="pin.png"></a></p>
<div class="d-flex"><span>Share:</span><a href="https://www.facebook.com/sharer/sharer.php?u=x"><svg></svg></a>
<a href="https://twitter.com/intent/tweet?url=x"><img src="x.png"></a></div>
<p>The council asks residents who lost their homes to follow its updates on
<a href="https://www.facebook.com/ValleyCourier"><img src="fb.png"></a>, to write to their MP about the levee
<a href="mailto:?subject=Levees">here</a>, or to <a href="https://api.whatsapp.com/send?phone=123">chat</a> with its
flood desk, which stays open through the night until the water has gone down again.</p>
{"".join(f"<p>{paragraph}</p>" for paragraph in STORY[1:])}</article>""")
    )
    findings = pictures_held(article, ("flood.jpg", "fb.png"), ("pin.png", "x.png"))
    assert not article.region.holds(element(article, "a", href="https://www.facebook.com/sharer/sharer.php?u=x"))
    letter = article.position(article.element_span(element(article, "a", href="mailto:?subject=Levees"))[0])
    assert [(f.message_id, f.line, f.column) for f in findings if f.rule == "link-text"] == [("generic", *letter)]


def pictures_held(article: Article, kept: tuple[str, ...], dropped: tuple[str, ...]) -> list[Finding]:
    """Assert that the region holds the pictures *kept* (by ``src``) and not those
    *dropped*, and that image-alt reports the kept ones alone (none has alt);
    return the default linter's findings."""
    for source in kept:
        assert article.region.holds(element(article, "img", src=source)), source
    for source in dropped:
        assert not article.region.holds(element(article, "img", src=source)), source
    findings = make_linter().lint(article).findings
    lines = {article.position(article.element_span(element(article, "img", src=source))[0])[0] for source in kept}
    assert {f.line for f in findings if f.rule == "image-alt"} == lines
    return findings


def test_the_sites_machinery_goes_and_the_storys_pictures_stay() -> None:
    """The template's own pictures inside the story's container go: the
    publisher's card for search engines (schema.org's publisher, its logo), a
    close button's icon, a link through an advertising server and a banner
    plugin's box, however they are named. The story's pictures stay, a lazy
    one's stand-in too (a spinner that loads the story's photo in its place)."""
    article = Article.from_html(
        page(f"""{SITE_HEADER}<article><a href="#" class="close" id="close"><img src="/img/svg/close.svg"></a>
<h1>{TITLE}</h1><div class="entry-content"><p>{STORY[0]}</p>
<p><img src="/themes/x/images/loading.gif" data-src="/uploads/levee.jpg"></p>
<p><img src="/img/ajaxLoader.gif" class="lazyload"></p><p>{STORY[1]}</p>
<p><img src="/uploads/loader-crane.jpg"></p><p>{STORY[2]}</p>
<table><tr><td><a href="https://pubads.g.doubleclick.net/gampad/clk?id=1"><img src="/img/antivirus.svg"></a></td>
</tr></table><div class="wp_bannerize_container"><div class="wp_bannerize_banner_box"><a href="/go"><img
src="/uploads/banner-300x250.gif"></a></div></div><p>{STORY[3]}</p>
<div class="org-wrap" itemprop="publisher" itemscope itemtype="https://schema.org/Organization">
<div class="org-logo" itemprop="logo"><img src="/uploads/logo.png"></div></div></div></article>""")
    )
    pictures_held(
        article,
        ("/themes/x/images/loading.gif", "/img/ajaxLoader.gif", "/uploads/loader-crane.jpg"),
        (
            "/img/svg/close.svg",
            "/img/antivirus.svg",
            "/uploads/banner-300x250.gif",
            "/uploads/logo.png",
        ),
    )
    assert STORY[-1] in article.body.text


def test_a_row_of_teasers_under_a_pointer_goes_though_a_script_writes_their_text() -> None:
    """Teasers whose titles a script fills in hold no text, only their
    pictures: under a line set aside that points to other pages ("Das könnte
    dich auch interessieren") they go, though the story's sidebar box follows
    them; the story's picture between its paragraphs stays."""
    tiles = "".join(
        f'<div class="col"><a href="javascript:;" class="c-tile"><img src="tile{n}.png"><h4 class="c-tile__title">'
        "</h4></a></div>"
        for n in range(2)
    )
    article = Article.from_html(
        page(f"""{SITE_HEADER}<div class="c-body"><div class="main"><h1>{TITLE}</h1><p>{STORY[0]}</p>
<div class="photo"><img src="levee.jpg"></div>{"".join(f"<p>{paragraph}</p>" for paragraph in STORY[1:])}
<div class="c-headline"><h2>Das könnte dich auch interessieren</h2></div><div class="row">{tiles}</div></div>
<div class="c-sidebar"><ul><li><a href="#part-1">Where the levee broke</a></li></ul></div></div>""")
    )
    pictures_held(article, ("levee.jpg",), ("tile0.png", "tile1.png"))
