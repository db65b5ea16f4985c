"""The region finder: which text of a page is the article, and which heading titles it.

Each case is a small hand-written page: the texts that must be in the region's
text, those that must not, and the headline's text (None: no headline).
"""

from __future__ import annotations

import gzip
import re
from dataclasses import dataclass
from pathlib import Path

import pytest

from lint_article import Article
from lint_article.document.region import Region

from .conftest import corpus_files

# The story every page below wraps: prose a reader would recognise as one.
STORY = (
    "The river rose overnight, and by dawn the lower town was under a metre of brown water, "
    "with boats moving slowly between the roofs of the market hall.",
    "Officials said the levee, built in 1954 and repaired twice since, gave way shortly after "
    "midnight, when the rain had been falling for eleven hours without a pause.",
    "Volunteers filled sandbags in the school gym until the power failed, then carried on by "
    "the light of their phones, passing the bags hand to hand up the stairs.",
    "By noon the water had begun to fall, leaving a line of mud on every wall, and the first "
    "families came back to count what they had lost and what they could save.",
)
BODY = "".join(f"<p>{paragraph}</p>\n" for paragraph in STORY)
# The story's last part, in a section of its own (over 500 characters of prose).
LATER = (
    "Engineers from the capital arrived in the afternoon to inspect the levee, and they warned that a "
    "second breach was likely if the forecast rain fell on the hills before the gap could be closed, "
    "so the army has been asked for pumps, lorries of gravel and a crew to work through the weekend.",
    "The council has asked every household below the church to keep a bag packed, and the school will "
    "stay open through the night as a shelter, with blankets and hot food from the parish kitchen, "
    "while the ferry will carry those who cannot walk to the dry ground above the old railway cutting.",
)
# A publisher's appeal, prose of a kind, but no part of any story.
APPEAL = (
    "Independent local journalism costs money. If you value our reporting, please consider a monthly "
    "contribution to keep the Courier free for every reader in the valley."
)
TITLE = "Flood waters reach the lower town"
MONTHS = ("January", "February", "March", "April", "May", "June", "July", "August", "September", "October")


def glossed(text: str) -> str:
    """*text* with each word a link that opens a glossary's pop-up (as NHK's easy news links its words)."""
    return re.sub(r"\w+", lambda word: f'<a href="javascript:void(0)" class="dicWin">{word.group()}</a>', text)


@dataclass(frozen=True)
class Page:
    name: str
    html: str
    kept: tuple[str, ...] = STORY
    """Texts that the region's text holds."""
    dropped: tuple[str, ...] = ()
    """Texts that it does not hold."""
    story_only: tuple[str, ...] = ()
    """Texts that the story holds and the body's prose does not: pictures'
    captions, and the deck in the story's ``<header>``."""
    headline: str | None = TITLE

    def __str__(self) -> str:
        return self.name


def page(body: str, *, head: str = "") -> str:
    """A full document: a <head> that declares the story's title, and *body*."""
    return (
        f'<!DOCTYPE html><html lang="en"><head><title>{TITLE} | The Valley Courier</title>'
        f'<meta property="og:title" content="{TITLE}">{head}</head>\n<body>\n{body}\n</body></html>'
    )


SITE_HEADER = """<header class="site-header"><a href="/">The Valley Courier</a>
<nav><ul><li><a href="/news">News</a></li><li><a href="/sport">Sport</a></li>
<li><a href="/weather">Weather</a></li></ul></nav>
</header>"""

# A box beside the story with more paragraphs than the story has: it wins the
# paragraph scoring unless the publisher marks the story's body.
HISTORY_BOX = """<div class="col"><div class="box"><p>Our valley, from the source of the river to the sea,
has been home to farmers, millers and boat builders for a thousand years, and to their stories, told in every
village inn.</p>
<p>The history society meets on the first Monday of each month in the library, where anyone may come, listen,
and bring old photographs, letters and maps to be copied for the archive.</p>
<p>Membership costs twelve euros a year, and members receive the quarterly journal, with articles on local
history, walks along the old towpath, and the society's annual calendar of events.</p>
<p>Volunteers are always welcome, whether to sort the archive, to guide the summer walks, or to help with
the exhibition that the society puts on every autumn in the town hall.</p>
<p>The society's founder, a retired teacher, wrote its first history in 1962, and his notebooks, with their
sketches of mills and bridges long gone, are still the archive's most borrowed items.</p></div></div></div>"""

CASES = [
    Page(
        "cookie banner",
        page(f"""
<div id="cookie-consent" class="cookie-banner"><p>We use cookies to give you the best experience on our
website, to analyse traffic and to show you personalised advertising. By clicking Accept you agree to this.</p>
<button>Accept all cookies</button></div>
{SITE_HEADER}
<main><article><h1>{TITLE}</h1>{BODY}</article></main>"""),
        dropped=("We use cookies", "Accept all cookies", "Sport"),
    ),
    Page(
        "footer menu with <h6> headings",
        page(f"""{SITE_HEADER}
<article><h1>{TITLE}</h1>{BODY}</article>
<footer><div class="footer-col"><h6>Company</h6><ul><li><a href="/about">About us</a></li>
<li><a href="/jobs">Jobs</a></li></ul></div><div class="footer-col"><h6>Legal</h6><ul>
<li><a href="/privacy">Privacy policy</a></li><li><a href="/terms">Terms of use</a></li></ul></div>
<p>Copyright 2024 The Valley Courier. All rights reserved.</p></footer>"""),
        dropped=("Company", "Legal", "About us", "Privacy policy", "All rights reserved"),
    ),
    Page(
        "gallery overlay",
        page(f"""{SITE_HEADER}
<article><h1>{TITLE}</h1>{BODY}</article>
<div class="gallery-overlay lightbox" aria-modal="true"><div class="counter">1 / 12</div>
<figure><img src="a.jpg" alt=""><figcaption>Boats moving between the roofs of the market hall on Tuesday
morning, seen from the church tower, with the hills behind them.</figcaption></figure>
<button>Close gallery</button><button>Next image</button></div>"""),
        dropped=("1 / 12", "seen from the church tower", "Close gallery"),
    ),
    Page(
        "a popup with more prose than the story is no wrapper of it",
        page(f"""{SITE_HEADER}
<main><article><h1>{TITLE}</h1>{BODY}</article></main>
<div class="pum pum-overlay" role="dialog"><div class="pum-container">{HISTORY_BOX}</div></div>"""),
        dropped=("history society meets", "Membership costs"),
    ),
    Page(
        "an off-canvas panel with more prose than the story, before it",
        page(f"""<div id="offcanvas-top"><div class="offcanvas-top-inside">{HISTORY_BOX}</div></div>
{SITE_HEADER}<div id="main"><div class="mod_article"><h1>{TITLE}</h1>
{"".join(f'<div class="ce_text"><div class="inside"><p>{paragraph}</p></div></div>' for paragraph in STORY)}
</div></div>"""),
        dropped=("history society meets", "Membership costs"),
    ),
    Page(
        "a story inside a wrapper named for its picture gallery's lightbox",
        page(f"""{SITE_HEADER}
<main><h1>{TITLE}</h1><div class="media media--left js-lightbox-gallery"><img src="a.jpg" alt="Boats">
<div class="media__body">{BODY}</div></div></main>"""),
    ),
    Page(
        "a booking calendar, what is not for print and a paywall's notice inside the article",
        page(f"""{SITE_HEADER}
<article><h1>{TITLE}</h1>{BODY}<table class="occupancy_kalender"><tr><th colspan="7">October 2024</th></tr>
<tr><td>Mo</td><td>Tu</td><td>We</td><td>Th</td><td>Fr</td><td>Sa</td><td>Su</td></tr>
<tr><td style="background: red">01</td><td>02</td><td>03</td><td>04</td><td>05</td><td>06</td><td>07</td></tr></table>
<div id="wp-calendar-box"><div>November 2024</div></div>
<div class="noprint"><div class="titlebar">Write a comment</div><p>Danke für diesen Bericht!</p></div>
<div class="paywallBox"><p>You have read three free stories this month.</p></div></article>"""),
        dropped=(
            "October 2024",
            "Mo Tu We",
            "November 2024",
            "Write a comment",
            "Danke für diesen Bericht",
            "three free",
        ),
    ),
    Page(
        "the publisher's notes that close the story, and the short lines among them",
        page(f"""{SITE_HEADER}
<article><h1>{TITLE}</h1><p>{STORY[0]}</p>
<p>Readers who want to help can donate to the relief fund at the town hall, which opens at nine.</p>
<p>{STORY[1]}</p><p>{STORY[2]}</p><p>{STORY[3]}</p>
<p>Follow the Valley Courier on Twitter @valleycourier and on Facebook for the latest on the flood.</p>
<p>VCN</p>
<p>© 2024 The Valley Courier. This article may not be reprinted without written permission.</p>
<div class="x">Published on 3 May 2024 and filed under News, Weather</div>
<p>If you enjoyed this story, subscribe to our weekly letter from the valley.</p>
<div><a href="/news">Back to all news</a></div><a href="https://x.com/valleycourier">Join The Conversation</a>
</article>"""),
        kept=(*STORY, "Readers who want to help can donate to the relief fund"),
        dropped=(
            "Follow the Valley Courier",
            "VCN",
            "© 2024",
            "Published on 3 May",
            "If you enjoyed",
            "Back to all",
            "Join The Conversation",
        ),
    ),
    Page(
        "notes written in the story's own container, beside its paragraphs, go; the story's short last line stays",
        page(f"""{SITE_HEADER}
<article class="news-article"><h1>{TITLE}</h1>Published 12 March 2024, 10:41 {BODY}
<p>Officials will meet on Monday.</p> <a href="/news">Back to all news</a></article>"""),
        kept=(*STORY, "Officials will meet on Monday."),
        dropped=("Published 12 March", "Back to all news"),
    ),
    Page(
        "a dated line that opens the story's own container goes; a short dated first sentence stays",
        page(f"""{SITE_HEADER}
<article><h1>{TITLE}</h1><div class="entry">By Jane Doe | March 3, 2024 <p>On 3 March 2024 the levee broke.</p>
{BODY}</div></article>"""),
        kept=(*STORY, "On 3 March 2024 the levee broke."),
        dropped=("By Jane Doe",),
    ),
    Page(
        "a date by its month's name that opens the story's own container goes",
        page(f"""{SITE_HEADER}
<article><h1>{TITLE}</h1><div class="entry">Tuesday, 2 November 2021 {BODY}</div></article>"""),
        dropped=("Tuesday, 2 November",),
    ),
    Page(
        "the same notes, each the only text of its own container, go as before",
        page(f"""{SITE_HEADER}
<article class="news-article"><h1>{TITLE}</h1><div>Published 12 March 2024, 10:41</div>{BODY}
<div><a href="/news">Back to all news</a></div></article>"""),
        dropped=("Published 12 March", "Back to all news"),
    ),
    Page(
        "an editor's note or a correction amid the story goes; where it first appeared, or a disclaimer, stays",
        page(f"""{SITE_HEADER}
<article><h1>{TITLE}</h1><p>{STORY[0]}</p><p>Editor's note: this story was updated at 14:00 with the mayor's words.</p>
<p>{STORY[1]}</p><div class="entry">Correction: the levee was built in 1954, not 1945. <p>{STORY[2]}</p></div>
<p>Disclaimer: the author lives in the lower town.</p><p>{STORY[3]}</p>
<p>This story originally appeared in the Hill Gazette.</p></article>"""),
        kept=(*STORY, "Disclaimer: the author lives", "This story originally appeared"),
        dropped=("Editor's note", "Correction:"),
    ),
    Page(
        "a line that points to other stories, written in the story's own container after it, goes",
        page(f"""{SITE_HEADER}
<article><h1>{TITLE}</h1>{BODY}More on the flood <a href="/rain">Rain warning extended</a></article>"""),
        dropped=("More on the flood", "Rain warning extended"),
    ),
    Page(
        "an agency's or the writers' sign-off closes the story and goes, with what follows it",
        page(f"""{SITE_HEADER}
<article><h1>{TITLE}</h1>{BODY}<p>jm/dpa</p><p>Later</p></article>"""),
        dropped=("jm/dpa", "Later"),
    ),
    Page(
        "a word in lower case that ends the story is no sign-off",
        page(f"""{SITE_HEADER}
<article><h1>{TITLE}</h1>{BODY}<p>Fin</p></article>"""),
        kept=(*STORY, "Fin"),
    ),
    Page(
        "a table's last cells, capitals or initials, are no sign-off",
        page(f"""{SITE_HEADER}
<article><h1>{TITLE}</h1>{BODY}<table><tr><td>Ulm</td><td>UL</td></tr><tr><td>Bonn</td><td>BN</td></tr></table>
</article>"""),
        kept=(*STORY, "Ulm", "UL", "BN"),
    ),
    Page(
        "related stories named beside a word of the story's container, with teasers written as prose",
        page(f"""{SITE_HEADER}
<article class="node node--view-mode-full"><h1>{TITLE}</h1>{BODY}
<div class="field field--name-field-related-articles"><div class="field__item"><article class="node--view-mode-teaser">
<h3><a href="/bridge">Council approves the new bridge</a></h3><div class="field--name-field-teaser-lead">
<p>The vote ends a decade of debate over the crossing, which will open in 2027 after three years of work.</p>
</div></article></div></div>
<ul class="related_post wp_rp"><li><a href="/levee">The levee's history</a> The levee was built in 1954, and
repaired twice since, each time after a flood that reached the market hall.</li></ul></article>"""),
        dropped=("Council approves", "a decade of debate", "each time after a flood"),
    ),
    Page(
        # sonntag-sachsen.de, mixed.de: boxes named by two words, neither furniture
        # alone, or by a weak word ("widget") before the one that says what they
        # are; each holds prose enough to stay as a "widget" would
        "a feed of the site's tweets and a list of its most read stories inside the story's container",
        page(f"""{SITE_HEADER}
<div class="content"><h1>{TITLE}</h1><p>{STORY[0]}</p><p>{STORY[1]}</p>
<div class="widget_twitter hidden-desktop"><div class="tweet"><p>Our reporters are in the lower town all day:
follow the live blog for every update on the levee, the shelters and the roads that are closed.</p>
<a class="tweet-link" href="https://t.co/x1">https://t.co/x1</a></div></div>
<p>{STORY[2]}</p>
<div class="teaser-mostViewed"><p>Three villages cut off as the valley road closes for the second time this
month, and the council says it cannot promise when it will open again.</p></div>
<div class="post-container widget-panel widget-trending"><p>Why the ferry to the island stopped running last
winter, and what the council now plans to do about the harbour wall and the old slipway.</p></div>
<p>{STORY[3]}</p></div>"""),
        dropped=("Our reporters are in the lower town", "https://t.co/x1", "Three villages cut off", "Why the ferry"),
    ),
    Page(
        "an embedded tweet in the story is the story's",
        page(f"""{SITE_HEADER}
<article><h1>{TITLE}</h1>{BODY}<blockquote class="twitter-tweet"><p>The water is at the church steps now,
and still rising.</p>&mdash; Valley Courier (@courier)</blockquote></article>"""),
        kept=(*STORY, "The water is at the church steps now"),
    ),
    Page(
        "a copyright sign within the story's last sentence is no notice",
        page(f"""{SITE_HEADER}
<article><h1>{TITLE}</h1>{BODY}<p>This is no manifesto™© we just wanted to share what the flood taught us.</p>
</article>"""),
        kept=(*STORY, "This is no manifesto™© we just wanted to share"),
    ),
    Page(
        "teaser <article> beside the real one",
        page(f"""{SITE_HEADER}
<div class="layout"><article class="story"><h1>{TITLE}</h1>{BODY}</article>
<article class="card"><h2><a href="/other">Council approves the new bridge</a></h2>
<p>The vote ends a decade of debate over the crossing, which will open in 2027.</p></article></div>"""),
        dropped=("Council approves the new bridge", "a decade of debate"),
    ),
    Page(
        "headline in a header above the body, with a lead and a byline: the lead is the story's, not the body's",
        page(f"""{SITE_HEADER}
<div class="story-page"><header class="story-header"><h1>{TITLE}</h1>
<p class="lead">Hundreds of homes were flooded when a levee failed in the night after eleven hours of rain.</p>
<p class="byline">By Ana Ruiz, 3 May 2024, 08:15</p></header>
<div class="story-text">{BODY}</div></div>"""),
        story_only=("Hundreds of homes were flooded when a levee failed",),
        dropped=("By Ana Ruiz", "Sport"),
    ),
    Page(
        "share bar and related stories inside the article",
        page(f"""{SITE_HEADER}
<article><h1>{TITLE}</h1>
<div class="share-bar"><a href="#">Share on Facebook</a> <a href="#">Share on X</a> <a href="#">Email</a></div>
{BODY}
<div class="related-stories"><h3>Related stories</h3><ul>
<li><a href="/a">Rain warning extended to the weekend for the whole valley</a></li>
<li><a href="/b">How the 1954 levee was built, and why it was repaired twice</a></li></ul></div>
</article>"""),
        dropped=("Share on Facebook", "Related stories", "Rain warning extended"),
    ),
    Page(
        # boingboing.net: each next story's headline, picture and opening, beside the story in one container
        "the next stories' openings after the story",
        page(f"""{SITE_HEADER}
<div id="container"><h1>{TITLE}</h1><div id="story">{BODY}</div>
<div id="next-post-thumbnails"><div class="nextstory"><h2><a href="/a">Rain warning extended to the weekend</a></h2>
<a href="/a"><img src="a.jpg"></a><p>The weather service extended its warning for the whole valley to Sunday
evening, as another eleven hours of rain are expected to fall on ground that can take no more water.</p>
<h3><a href="/a">READ THE REST</a></h3></div>
<div class="nextstory"><h2><a href="/b">How the 1954 levee was built</a></h2><a href="/b"><img src="b.jpg"></a>
<p>The levee that failed on Tuesday night was built in 1954 by the valley's farmers, with clay dug from the
river bed, and it was repaired twice since, after the floods of 1971 and of 2002.</p>
<h3><a href="/b">READ THE REST</a></h3></div></div></div>"""),
        dropped=("Rain warning extended", "The weather service extended", "built in 1954 by", "READ THE REST"),
    ),
    Page(
        "a figure's caption is the story's, not the body's prose; its credit line is neither",
        page(f"""{SITE_HEADER}
<article><h1>{TITLE}</h1>{BODY}<figure><img src="boats.jpg" alt="Boats">
<figcaption>Boats between the roofs of the market hall on Tuesday morning.</figcaption>
<p class="image-credit">Photo: R. Ruiz / Valley Press Agency</p></figure></article>"""),
        story_only=("Boats between the roofs of the market hall on Tuesday morning.",),
        dropped=("Valley Press Agency",),
    ),
    Page(
        "a caption of names alone credits the picture; a caption that tells of it is the story's",
        page(f"""{SITE_HEADER}
<article><h1>{TITLE}</h1><p>{STORY[0]}</p><figure><img src="a.jpg" alt="Boats">
<figcaption>AFP / Jean Dupont</figcaption></figure><p>{STORY[1]}</p>
<figure><img src="b.jpg" alt=""><figcaption class="image-caption">Getty Images</figcaption></figure>
<p>{STORY[2]}</p><div class="media-caption"><span>(Ana Ruiz)</span></div>
<figure><img src="c.jpg" alt=""><figcaption>Volunteers in the gym (Ana Ruiz)</figcaption></figure>
<p>{STORY[3]}</p><p>Reuters Staff</p></article>"""),
        kept=(*STORY, "Reuters Staff"),
        story_only=("Volunteers in the gym (Ana Ruiz)",),
        dropped=("Jean Dupont", "Getty Images", "stairs. (Ana Ruiz)"),
    ),
    Page(
        "a short line that is all the text of a wrapper around a picture is its caption, whatever the markup",
        page(f"""{SITE_HEADER}
<article><h1>{TITLE}</h1><p>{STORY[0]}</p><div class="image top"><img src="a.jpg" alt="Boats">
<p>In this Tuesday photo, boats move between the roofs of the market hall.</p></div><p>{STORY[1]}</p>
<div class="photo changeSpace"><img src="b.jpg" alt="">Sandbags at the gym door before the power failed</div>
{"".join(f"<p>{paragraph}</p>" for paragraph in STORY[2:])}</article>"""),
        story_only=(
            "In this Tuesday photo, boats move between the roofs of the market hall.",
            "Sandbags at the gym door before the power failed",
        ),
    ),
    Page(
        "text beside a picture is no caption in a quote, a cell, a figure of its own or with a smiley in it",
        page(f"""{SITE_HEADER}
<article><h1>{TITLE}</h1><p>{STORY[0]}</p><blockquote><p><img src="a.jpg" alt=""></p><p>Very kind people,
and a warm shelter for the night.</p></blockquote><p>{STORY[1]}</p><table><tr><td>Shelter at the school</td>
<td><img src="ok.svg" alt="yes"></td></tr></table><p>{STORY[2]}</p><div class="textpic"><div class="bodytext">
<p>The ferry runs every hour until the water falls.</p></div><div class="gallery"><figure class="image">
<img src="d.jpg" alt=""></figure></div></div><div><p>We stayed dry <img src="smile.gif" alt=":)"> on the church
steps.</p></div><p>{STORY[3]}</p></article>"""),
        kept=(
            *STORY,
            "Very kind people, and a warm shelter for the night.",
            "Shelter at the school",
            "The ferry runs every hour until the water falls.",
            "We stayed dry on the church steps.",
        ),
    ),
    Page(
        "captions that outweigh the rest of the story tell it: a gallery's",
        page(f"""{SITE_HEADER}
<article><h1>{TITLE}</h1><p>Pictures from the flood.</p>
<figure><img src="a.jpg" alt=""><figcaption>{STORY[0]}</figcaption></figure>
<figure><img src="b.jpg" alt=""><figcaption>{STORY[1]}</figcaption></figure></article>"""),
        kept=("Pictures from the flood.", STORY[0], STORY[1]),
    ),
    Page(
        "the list under a line that points to more stories goes, though its items say more than their links",
        page(f"""{SITE_HEADER}
<article><h1>{TITLE}</h1>{BODY}<hr><div class="heading-h3">More Great Courier Stories</div><ul>
<li>The mayor's budget leaves out the schools again this year. <a href="/budget">Read why</a></li>
<li>Why does the ferry still run on time after the flood? <a href="/ferry">Ask the captain</a></li></ul>
</article>"""),
        dropped=("More Great Courier Stories", "The mayor's budget", "Why the ferry still runs"),
    ),
    Page(
        "an advertisement's label on a line of its own goes, wherever it stands in the story",
        page(f"""{SITE_HEADER}
<article><h1>{TITLE}</h1><p>{STORY[0]}</p><div class="slot"><center>Anzeige</center></div><p>{STORY[1]}</p>
<div><p>- Advertisement -</p></div><p>{STORY[2]}</p><p>Advertising paid for the new levee, the mayor said.</p>
<p>{STORY[3]}</p></article>"""),
        kept=(*STORY, "Advertising paid for the new levee"),
        dropped=("Anzeige", "- Advertisement -"),
    ),
    Page(
        "a call to action named so (a 'cta' box) goes, however much it says",
        page(f"""{SITE_HEADER}
<article><h1>{TITLE}</h1><p>{STORY[0]}</p><p>{STORY[1]}</p><div class="zone-widget custom-cta-letter">
<h5>A Word to Our Loyal Readers</h5><p>Most of our stories begin when readers ask us whether something is
true, and those questions send our reporters across the whole valley, from the dam to the ferry.</p></div>
<p>{STORY[2]}</p><p>{STORY[3]}</p></article>"""),
        dropped=("A Word to Our Loyal Readers", "Most of our stories begin"),
    ),
    Page(
        "a table's rows named for its players are the standings, not a media player's controls",
        page(f"""{SITE_HEADER}
<article><h1>{TITLE}</h1>{BODY}<table><tr><th>Pos.</th><th>Driver</th><th>Points</th></tr>
<tr class="oddrow player-2020-213"><td>1</td><td>Kyle Busch</td><td>5040</td></tr>
<tr class="evenrow player-2020-4646"><td>2</td><td>Martin Truex Jr.</td><td>5035</td></tr>
<tr class="oddrow player-2020-617"><td>3</td><td>Kevin Harvick</td><td>5033</td></tr></table>
<div class="video-player"><p>Now playing: highlights of the race</p></div></article>"""),
        kept=(*STORY, "Kyle Busch", "Martin Truex Jr.", "Kevin Harvick"),
        dropped=("Now playing",),
    ),
    *(
        Page(
            f"the list under '{pointer}' goes: another language's 'you may also like'",
            page(f"""{SITE_HEADER}
<article><h1>{TITLE}</h1>{BODY}<h3>{pointer}</h3><ul>
<li>The mayor's budget leaves out the schools again this year. <a href="/budget">Read why</a></li>
<li>Why does the ferry still run on time after the flood? <a href="/ferry">Ask the captain</a></li></ul>
</article>"""),
            dropped=(pointer, "The mayor's budget", "Why the ferry still runs"),
        )
        for pointer in (
            "Você também pode gostar",
            "También te puede gustar",
            "Vous aimerez aussi",
            "Potrebbero piacerti",
            "Das könnte Sie auch gefallen",
            "Das könnte dir auch gefallen",
            "Misschien ook interessant",
        )
    ),
    Page(
        "a story written straight into its column, beside its dateline and share links, outweighs the footer",
        page(
            """<div class="container"><div class="row"><div class="col-md-3"><ul>"""
            # An archive of past months beside the story: links outweigh the prose of the row they share.
            + "".join(f'<li><a href="/archive/{y}/{m}">{m} {y}</a></li>' for y in range(2010, 2019) for m in MONTHS)
            + f"""</ul></div><div class="col-md-9"><small><b>05/10/2018</b> - Published by: Ana Ruiz - Tags:
<a href="/t/flood">flood</a></small><br><br>{" ".join(STORY)}<br><br><div class="row">
<a class="btn" href="#">Facebook</a> <a class="btn" href="#">Twitter</a></div></div></div></div>
<div class="rodape"><div class="row"><div class="col-lg-12"><div>Valley Town Council, 12 Market Square, Post
box 421, Valley Town, telephone (047) 2106-8000, open Monday, Tuesday, Wednesday, Thursday and Friday from nine
to five, closed on holidays</div></div></div></div>"""
        ),
        kept=STORY,
        dropped=("Post box 421",),
        headline=None,
    ),
    Page(
        "a deck in the story's <header>, as long as a paragraph, is the story's but not the body's prose",
        page(f"""{SITE_HEADER}
<article><header><h1>{TITLE}</h1><h2 class="subheadline">After eleven hours of rain the levee gave way, and the
lower town woke to a metre of water; volunteers worked through the night to save what they could.</h2>
</header><div class="story-body">{BODY}</div></article>"""),
        story_only=("After eleven hours of rain the levee gave way",),
    ),
    Page(
        "the deck under the headline is the story's when the header around them goes with its byline and links",
        page(f"""{SITE_HEADER}
<article><header class="article-header"><p class="kicker"><a href="/world">World</a></p><h1>{TITLE}</h1>
<h2 class="article-subheadline">Hundreds of homes flooded as the old levee gives way in the night
after eleven hours of heavy rain</h2>
<div class="meta"><a href="/ana">Ana Ruiz</a> 03.05.2024</div></header>
<div class="story-body">{BODY}</div></article>"""),
        story_only=("Hundreds of homes flooded as the old levee gives way",),
        dropped=("World", "Ana Ruiz", "03.05.2024"),
    ),
    Page(
        "the deck under a headline beside the body stays; a linked line after it goes",
        page(f"""{SITE_HEADER}
<div class="page"><div class="head"><span class="kicker">Floods</span><h1>{TITLE}</h1>
<h2>Hundreds of homes flooded as the old levee gives way in the night after eleven hours of heavy rain</h2>
<p><a href="/more">More on the floods in the valley this week</a></p></div>
<div class="story-body">{BODY}</div></div>"""),
        kept=(*STORY, "Hundreds of homes flooded as the old levee gives way"),
        dropped=("More on the floods",),
    ),
    Page(
        "a blog's motto under its name is no deck when a heading stands between it and the post",
        page(f"""<div id="header"><h1>{TITLE}</h1>
<h2>A diary of walks along the river and of the small towns on its banks, kept since the year 2009</h2></div>
<div id="main"><h2>The second day of the flood</h2><div class="post">{BODY}</div></div>"""),
        dropped=("A diary of walks along the river",),
    ),
    Page(
        "a short line with a date by its month's name before the story is a dateline; one in it stays",
        page(f"""{SITE_HEADER}
<article><h1>{TITLE}</h1><p class="date">Veröffentlichung: 2. Februar 2022</p>
<p>{STORY[0]}</p><p>{STORY[1]}</p><p>On 3 May 2024, the water stood at the door.</p><p>{STORY[2]}</p>
<p>{STORY[3]}</p><p>January 13, 2020</p></article>"""),
        kept=(*STORY, "On 3 May 2024, the water stood at the door."),
        dropped=("Veröffentlichung", "January 13, 2020"),
    ),
    Page(
        "a publisher's short note that opens the story goes; a lead that names a newsletter stays",
        page(f"""{SITE_HEADER}
<article><h1>{TITLE}</h1><div class="entry"><p>Anzeige: Dieser Beitrag enthält Affiliate-Links.</p>
<p>Readers of this newsletter asked us what happened to the levee, and here is the answer.</p>
{BODY}</div></article>"""),
        kept=(*STORY, "Readers of this newsletter asked us"),
        dropped=("Anzeige",),
    ),
    Page(
        "a short line ending in a colon inside the story's own container heads nothing alone",
        page(f"""{SITE_HEADER}
<article><h1>{TITLE}</h1><div class="text">{BODY}Links zum Thema:</div>
<ul class="related"><li><a href="/a">Rain warning extended to the weekend</a></li></ul></article>"""),
        dropped=("Rain warning extended",),
    ),
    Page(
        "a caption that credits its picture anywhere in it is the picture's credit line",
        page(f"""{SITE_HEADER}
<article><h1>{TITLE}</h1><figure><img src="a.jpg" alt="Boats"><figcaption>Boats between the roofs of the
market hall on Tuesday morning. Foto: R. Ruiz</figcaption></figure>{BODY}
<figure><img src="b.jpg" alt=""><figcaption class="wp-caption-text">Sandbags at the gym door
(Quelle: Valley Press/Unsplash)</figcaption></figure>
<div class="media-caption"><p>The market hall at noon. © Ana Ruiz</p></div>
<figure><img src="c.jpg" alt=""><figcaption>Volunteers passing sandbags up the stairs.</figcaption></figure>
</article>"""),
        story_only=("Volunteers passing sandbags up the stairs.",),
        dropped=("Boats between the roofs", "Sandbags at the gym door", "The market hall at noon"),
    ),
    Page(
        "of two containers scoring nearly alike, the one with far more prose is the story",
        page(f"""{SITE_HEADER}
<div class="intro"><div class="market"><p>Market today: apples, pears, plums, quinces, cherries, onions, leeks,
beans, peas, kale, chard, beets, carrots, radishes, turnips, melons, figs, grapes, nuts, eggs, cheese, honey,
bread, oil, salt, rice, oats, rye, tea, milk, jam, butter, cream, fish.</p></div></div>
<h1>{TITLE}</h1><div class="story">{"".join(f"<p>{s.replace(',', '')}</p>" for s in STORY)}</div>"""),
        kept=tuple(s.replace(",", "") for s in STORY),
        dropped=("Market today",),
    ),
    Page(
        "an <address> holds contact details for the story, not its prose",
        page(f"""{SITE_HEADER}
<article><h1>{TITLE}</h1>{BODY}<div class="contactbox"><h3>Press contact</h3>
<address><p>Ana Ruiz</p><p>Valley Courier, Market Street 4, 1234 Valley Town</p></address></div></article>"""),
        dropped=("Ana Ruiz", "Market Street 4"),
    ),
    Page(
        "headings and lines that point to other pages, in several languages",
        page(f"""{SITE_HEADER}
<article><h1>{TITLE}</h1><p>{STORY[0]}</p><p><strong>Lire aussi :</strong></p>
<h2>More than a metre of water</h2><p>{STORY[1]}</p>
<div class="box"><h3>Mehr zum Thema</h3><p>Hochwasser im Tal: die Chronik.</p></div>
<p>{STORY[2]}</p><h4>Leia também</h4><h4>Читайте также</h4><h4>Most popular</h4>
<h2>Most popular dishes of the valley</h2><p>{STORY[3]}</p>
<h3>About the author</h3><p>Ana Ruiz has covered the valley for twenty years, from its floods to its festivals.</p>
</article>"""),
        kept=(*STORY, "More than a metre of water", "Most popular dishes of the valley", "Hochwasser im Tal"),
        dropped=(
            "Lire aussi",
            "Mehr zum Thema",
            "Leia também",
            "Читайте также",
            "Most popular Most",
            "About the author",
        ),
    ),
    Page(
        "buttons, rating widgets and affiliate disclaimers inside the article",
        page(f"""{SITE_HEADER}
<article><h1>{TITLE}</h1><div class="print-button"><a href="#">Print this article</a></div>{BODY}
<div class="post-rating"><div>Rate this article</div><span>(No ratings yet)</span></div>
<p class="affiliate-disclaimer">Links marked with a star are affiliate links: we earn a commission on purchases.</p>
</article>"""),
        dropped=("Print this article", "Rate this article", "No ratings yet", "affiliate links"),
    ),
    Page(
        "comments below the article",
        page(f"""{SITE_HEADER}
<main><article><h1>{TITLE}</h1>{BODY}</article>
<section id="comments" class="comments-area"><h2>3 comments</h2>
<div class="comment"><p class="comment-author">riverwatcher</p><p>I lived in the lower town for thirty years,
and I have never seen the water this high, not even in the spring of 1988 when the bridge closed.</p></div>
<div class="comment"><p class="comment-author">m.k.</p><p>Thank you to every volunteer who carried sandbags
through the night, and to the school for opening its doors when nobody else would.</p></div>
</section></main>"""),
        dropped=("3 comments", "I lived in the lower town for thirty years", "riverwatcher"),
    ),
    Page(
        "comments and bylines named in German, Spanish or French",
        page(f"""{SITE_HEADER}
<main><article><h1>{TITLE}</h1><p class="autor-name">Von Maria Weber</p>{BODY}</article>
<div class="kommentarModul"><p>Sie sind aktuell nicht eingeloggt. Melden Sie sich an, um Kommentare zu schreiben,
und diskutieren Sie mit den anderen Lesern dieses Artikels über die Folgen des Hochwassers.</p></div>
<div class="comentarios-lista"><p>Muy buen artículo, gracias por contar lo que pasó en el pueblo esa noche.</p></div>
</main>"""),
        dropped=("Von Maria Weber", "Sie sind aktuell nicht eingeloggt", "Muy buen artículo"),
    ),
    Page(
        "an article written as lists, with links in its items (release notes, a newsletter)",
        page(f"""{SITE_HEADER}
<article><h1>{TITLE}</h1><div class="entry-content"><h3>Highlights</h3><ul>
<li><a href="/review">Here is our year in review!</a></li>
<li>We have just landed <a href="/bug/1">Bug 1553982</a>, which stops an update from starting while another copy
of the program is still running.</li>
<li>Thanks to a volunteer, users can now <a href="/import">import their saved logins</a> from two other password
managers, without a plug-in.</li></ul>
<h3>Friends of the team</h3><ul><li>Amy joins the search team today, from the marketing engineers. Welcome!</li>
</ul></div></article>"""),
        kept=(
            "We have just landed Bug 1553982",
            "import their saved logins",
            "Amy joins the search team today",
        ),
    ),
    Page(
        "readers' comments listed after a story, in a box named as comments",
        page(f"""{SITE_HEADER}
<div class="content"><article><h1>{TITLE}</h1>{BODY}</article>
<div class="user-post-box comment-box"><ul class="single-post"><li class="post-info">Cora 2013/12/29 20:27</li>
<li class="post-text">What a terrible night for the lower town; we drove past the market hall on Sunday and the
mud was still a metre up the walls of every shop along the river.</li></ul></div></div>"""),
        kept=STORY,
        dropped=("we drove past the market hall on Sunday",),
    ),
    Page(
        "a video player's menus inside the story",
        page(f"""{SITE_HEADER}
<article><h1>{TITLE}</h1>{BODY}<div class="vp-container" id="ym-player"><div class="yvp-settings-quality">
<div>Auto</div><div>High (HD)</div><div>Medium</div><div>Low</div></div><div class="yvp-main-settings">
<div>Quality</div><div>Subtitles</div><div>English</div></div></div></article>"""),
        kept=STORY,
        dropped=("High (HD)", "Subtitles"),
    ),
    Page(
        "photo credits in captions and lines of their own, in several languages",
        page(f"""{SITE_HEADER}
<article><h1>{TITLE}</h1><p>{STORY[0]}</p><figure><img src="a.jpg" alt="Boats">
<figcaption>(Foto: DBT/Stella)</figcaption></figure><p>{STORY[1]}</p>
<figure><img src="b.jpg" alt="Sandbags"><figcaption>Volunteers fill sandbags in the school gym.</figcaption></figure>
<p>Crédits photos : Bestimage</p><p>{STORY[2]}</p><div class="img-note">Kuva: Alexander Becher</div>
<p>{STORY[3]}</p></article>"""),
        story_only=("Volunteers fill sandbags in the school gym.",),
        dropped=("DBT/Stella", "Bestimage", "Alexander Becher"),
    ),
    Page(
        "credits at a line's end, in captions named otherwise, and under compound labels",
        page(f"""{SITE_HEADER}
<article><h1>{TITLE}</h1><p>{STORY[0]}</p><div class="photo"><img src="a.jpg" alt="Boats">
<p class="imagedescription">Boats in the market hall at dawn. Foto: Ana Ruiz, Valley Press</p></div>
<p>{STORY[1]}</p><p>Sandbags at the gym door, before the power failed. (Foto: Valley Press)</p>
<figure><img src="b.jpg" alt=""><figcaption>Volunteers in the gym.Ana Ruiz/Valley Press</figcaption></figure>
<p>{STORY[2]}</p><p>The lower town from the church tower. (ana_ruiz / Valley Press)</p>
<figure><img src="c.jpg" alt="">Judy Eddy/Valley.com</figure><p>Titelbild: Ana Ruiz</p>
<figure><img src="d.jpg" alt=""><figcaption>Volunteers fill sandbags in the school gym.</figcaption></figure>
<p>{STORY[3]}</p><p>The levee, shown on the 1954 map in red / blue, gave way at midnight.</p></article>"""),
        kept=(*STORY, "The levee, shown on the 1954 map in red / blue, gave way at midnight."),
        story_only=("Volunteers fill sandbags in the school gym.",),
        dropped=(
            "Boats in the market hall",
            "Sandbags at the gym door",
            "Volunteers in the gym",
            "church tower",
            "Judy Eddy",
            "Titelbild",
        ),
    ),
    Page(
        "a teaser with its link after the story's first prose is another story's; the story's lead stays",
        page(f"""{SITE_HEADER}
<article><h1>{TITLE}</h1><p class="article-teaser">After eleven hours of rain the levee gave way, and the lower
town woke to a metre of water.</p>{BODY}<div class="teaser-box"><h3><a href="/levee">The levee's history</a></h3>
<p class="teasertext">Built in 1954 by the county and repaired twice since, the levee has held back the river
for seventy years, until this week's storm.</p></div></article>"""),
        kept=(*STORY, "After eleven hours of rain the levee gave way"),
        dropped=("The levee's history", "Built in 1954 by the county"),
    ),
    Page(
        "the story's last lines that ask the reader to rate, share or write, to join or take the app, are the site's",
        page(f"""{SITE_HEADER}
<article><h1>{TITLE}</h1>{BODY}<p>Was this article helpful? Tell us below.</p>
<p>When you join the Courier family, you get unlimited digital access to every story from the valley, the
archive back to 1954 and the weekly print edition delivered to your door.</p>
<p>Get the latest news straight to your phone with the Courier app.</p></article>"""),
        dropped=("Was this article helpful", "unlimited digital access", "Courier app"),
    ),
    Page(
        "a paragraph of sentences whose names are linked is the story's; a paragraph linked all through is not",
        page(f"""{SITE_HEADER}
<article><h1>{TITLE}</h1><p>{STORY[0]}</p><p>{STORY[1]}</p><p><a href="/a">The Valley Water Board</a> and
<a href="/b">the County Engineering Office of the Lower Valley</a> said that <a href="/c">the levee of 1954</a>
will be rebuilt by spring.</p>
<p>{STORY[2]}</p><p>{STORY[3]}</p><p><a href="/d">How the county plans to pay for the repairs to the levee,
and what the engineers found when they walked its length.</a></p></article>"""),
        kept=(*STORY, "will be rebuilt by spring."),
        dropped=("How the county plans to pay",),
    ),
    Page(
        "headings that point to other pages, in several languages, are the site's",
        page(f"""{SITE_HEADER}
<article><h1>{TITLE}</h1><p>{STORY[0]}</p><h2>Latest stories</h2><p>{STORY[1]}</p><h2>Neueste Artikel</h2>
<p>{STORY[2]}</p><h3>Weitere Tourentipps</h3><p>{STORY[3]}</p><h4>Articles et vidéos sur le sujet</h4>
<p>{LATER[0]}</p><h3>Zusatzinformationen:</h3><p>{LATER[1]}</p></article>"""),
        kept=(*STORY, *LATER),
        dropped=("Latest stories", "Neueste Artikel", "Tourentipps", "sur le sujet", "Zusatzinformationen"),
    ),
    Page(
        "a recipe's ingredients are short lines, and the story; a gallery of other recipes is not",
        page(f"""{SITE_HEADER}
<main><h1>{TITLE}</h1><div class="story">{BODY}</div><div class="recipe-ingredients"><p>200 g Mehl</p>
<p>100 g kalte Butter</p><p>2 Eier, Größe M</p></div>
<div class="recipe-gallery"><p><a href="/r/1">Apfelkuchen vom Blech</a></p><p><a href="/r/2">Käsekuchen</a></p></div>
</main>"""),
        kept=(*STORY, "200 g Mehl", "100 g kalte Butter", "2 Eier, Größe M"),
        dropped=("Apfelkuchen vom Blech", "Käsekuchen"),
    ),
    Page(
        "itemprop=articleBody marks the body",
        page(f"""{SITE_HEADER}
<div class="columns"><div class="col"><h1>{TITLE}</h1><div itemprop="articleBody">{BODY}</div></div>
{HISTORY_BOX}"""),
        dropped=("history society meets", "Membership costs"),
    ),
    Page(
        "JSON-LD articleBody declares the body",
        page(
            f"""{SITE_HEADER}
<div class="columns"><div class="col"><h1>{TITLE}</h1><div class="x">{BODY}</div></div>
{HISTORY_BOX}""",
            head='<script type="application/ld+json">{"@context": "https://schema.org", "@type": "NewsArticle", '
            f'"headline": "{TITLE}", "articleBody": "{" ".join(STORY)}"}}</script>',
        ),
        dropped=("history society meets", "Membership costs"),
    ),
    Page(
        "a story cut into sections made alike (as Medium does), the headline in the first",
        page(f"""{SITE_HEADER}
<article><section class="story-part"><div class="part-inner"><h1>{TITLE}</h1>{BODY}</div></section>
<section class="story-part"><div class="part-inner"><h2>What comes next</h2><p>{LATER[0]}</p><p>{LATER[1]}</p></div>
</section></article>
<footer><a href="/imprint">Imprint</a></footer>"""),
        kept=(*STORY, "What comes next", LATER[0], LATER[1]),
        dropped=("Imprint",),
    ),
    Page(
        "an appeal in a page builder's row made like the story's row stays out",
        page(f"""{SITE_HEADER}
<div class="vc-row"><div class="vc-column"><h1>{TITLE}</h1>{BODY}</div></div>
<div class="vc-row"><div class="vc-column"><p>{APPEAL}</p></div></div>"""),
        dropped=(APPEAL,),
    ),
    Page(
        "a list of prose items keeps the items that are only links (release notes)",
        page(f"""{SITE_HEADER}
<article><h1>{TITLE}</h1><p>{STORY[0]}</p><p>{STORY[1]}</p><ul>
<li>{STORY[2]}</li><li><a href="/bugs/1647931">Bug 1647931 fixed in the importer</a></li>
<li>{STORY[3]}</li><li><a href="/bugs/1649618">Bug 1649618 fixed in the updater</a></li></ul>
<p>{LATER[0]}</p></article>"""),
        kept=(*STORY, "Bug 1647931 fixed in the importer", "Bug 1649618 fixed in the updater", LATER[0]),
    ),
    Page(
        "a list that stays, no link list, keeps its items that are only links (names among names)",
        page(f"""{SITE_HEADER}
<article><h1>{TITLE}</h1><p>{STORY[0]}</p><p>{STORY[1]}</p><p>The shelters that opened on Tuesday:</p><ol>
<li><a href="/shelters/school">Riverside school</a></li><li><a href="/shelters/hall">Parish hall</a></li>
<li><a href="/shelters/gym">Sports hall</a> (from Wednesday, for families with small children only)</li></ol>
<p>{STORY[2]}</p><p>{STORY[3]}</p></article>"""),
        kept=(*STORY, "Riverside school", "Parish hall", "Sports hall", "for families with small children"),
    ),
    Page(
        "a linked heading amid the story heads its paragraph; a teaser's, opening its box, does not",
        page(f"""{SITE_HEADER}
<article><h1>{TITLE}</h1><div class="story-body"><p>{STORY[0]}</p><p>{STORY[1]}</p>
<h3><a href="https://shop.example.org/sandbags">Sandbag kit ($30)</a></h3><p>{STORY[2]}</p><p>{STORY[3]}</p>
<div class="box"><h3><a href="/more/levees">Why levees fail</a></h3><p>{APPEAL}</p></div>
<p>{LATER[0]}</p></div></article>"""),
        kept=(*STORY, "Sandbag kit ($30)", LATER[0]),
        dropped=("Why levees fail",),
    ),
    Page(
        "a heading in a box named a widget, amid the story's prose and over a paragraph of it, is the story's",
        page(f"""{SITE_HEADER}
<article><h1>{TITLE}</h1><div class="widget-text"><p>{STORY[0]}</p><p>{STORY[1]}</p></div>
<div class="widget-heading"><h2>What the engineers found</h2></div>
<div class="widget-text"><p>{STORY[2]}</p><p>{STORY[3]}</p></div></article>"""),
        kept=(*STORY, "What the engineers found"),
    ),
    Page(
        "a linked heading that opens a box of more than a teaser's text heads the story's section (a roundup's pick)",
        page(f"""{SITE_HEADER}
<article><h1>{TITLE}</h1><div class="story-body"><p>{STORY[0]}</p>
<div class="pick"><h2><a href="https://shop.example.org/pump">1. Basement pump</a></h2><p>{STORY[1]}</p>
<p>{STORY[2]}</p><p>{LATER[0]}</p></div><p>{STORY[3]}</p><p>{LATER[1]}</p></div></article>"""),
        kept=(*STORY, *LATER, "1. Basement pump"),
    ),
    Page(
        "a gallery's full view, which a reader can close, inside the story stays out",
        page(f"""{SITE_HEADER}
<article><h1>{TITLE}</h1>{BODY}<div class="full-gallery"><div class="scroller">
<a href="#" class="icon-close" title="Close gallery"></a><h2>Business news in pictures</h2><ul>
<li><p>1/50 {LATER[0]}</p></li><li><p>2/50 {LATER[1]}</p></li><li><p>3/50 {APPEAL}</p></li></ul></div></div>
</article>"""),
        dropped=("Business news in pictures", LATER[0], LATER[1]),
    ),
    Page(
        "a close button in the story's own container, beside its headline, closes nothing of it",
        page(f"""{SITE_HEADER}
<article><button aria-label="Close this notice">×</button><h1>{TITLE}</h1>{BODY}</article>"""),
    ),
    Page(
        "a grid of teasers made alike after the story, each titled by a link, goes",
        page(f"""{SITE_HEADER}
<article><h1>{TITLE}</h1>{BODY}<div class="grid">
<div class="card"><a href="/a"><img src="a.jpg" alt=""></a><h3><a href="/a">Ferry service resumes on Monday</a></h3>
<p>The ferry will run again from Monday, the operator said, after the landing stage was checked by divers.</p>
<a href="/a">Read more</a></div>
<div class="card"><a href="/b"><img src="b.jpg" alt=""></a><h3><a href="/b">School reopens after the storm</a></h3>
<p>Pupils returned to the school on the hill, where the gym had served as a shelter for three nights.</p>
<a href="/b">Read more</a></div>
<div class="card"><a href="/c"><img src="c.jpg" alt=""></a><h3><a href="/c">Farmers count the cost of the rain</a></h3>
<p>Fields along the river will not be sown this spring, farmers say, and they have asked for help.</p>
<a href="/c">Read more</a></div></div></article>"""),
        dropped=("Ferry service resumes", "landing stage was checked", "School reopens", "Farmers count"),
    ),
    Page(
        "a list of teasers after the story, each box covered by an empty link laid over it, goes, though their "
        "excerpts outweigh the story",
        page(f"""{SITE_HEADER}
<article><h1>{TITLE}</h1>{BODY}</article><div><ul class="timeline">
<li><div class="wrapper"><div class="image"><a href="/n/ferry"></a><img src="a.jpg"></div><div class="text">
<a href="/n/ferry"></a><div class="title">Ferry service resumes on Monday</div><p>The ferry will run again from
Monday, the operator said, after divers checked the landing stage and found the piles sound, though the ramp
itself will need new planks before the lorries can use it again.</p></div></div></li>
<li><div class="wrapper"><div class="image"><a href="/n/school"></a><img src="b.jpg"></div><div class="text">
<a href="/n/school"></a><div class="title">School reopens after the storm</div><p>Pupils returned to the school
on the hill, where the gym had served as a shelter for three nights, and the teachers said that lessons would
follow the usual timetable from Wednesday on.</p></div></div></li>
<li><div class="wrapper"><div class="image"><a href="/n/farm"></a><img src="c.jpg"></div><div class="text">
<a href="/n/farm"></a><div class="title">Farmers count the cost of the rain</div><p>Fields along the river will
not be sown this spring, the farmers say, and they have asked the county for help with the seed and the fuel
that they had already paid for in the winter.</p></div></div></li>
<li><div class="wrapper"><div class="image"><a href="/n/bridge"></a><img src="d.jpg"></div><div class="text">
<a href="/n/bridge"></a><div class="title">The old bridge will be inspected</div><p>Divers will inspect the
piers of the old stone bridge next week, the council said, and until then only walkers and cyclists may cross
it, while the buses take the long road by the mill.</p></div></div></li></ul></div>"""),
        dropped=("Ferry service resumes", "landing stage", "School reopens", "Farmers count", "old stone bridge"),
    ),
    Page(
        "teasers' excerpts cut short and linked to the rest (an accordion of related news) go",
        page(f"""{SITE_HEADER}
<div class="main"><div class="col"><h1>{TITLE}</h1>{BODY}</div>
<div class="plugins"><div class="box"><div class="h3">More on the valley</div><ul class="accordion"><li>
<a href="#" class="opener">News</a><div class="post-holder"><div class="post"><p class="h4"><a href="/n/1">Ferry
service resumes</a></p><p>The ferry will run again from Monday, the operator said, after divers checked the landing
stage and found the piles sound, though the ramp … <a href="/n/1" class="more">mehr</a></p></div>
<div class="post"><p class="h4"><a href="/n/2">School reopens</a></p><p>Pupils returned to the school on the hill,
where the gym had served as a shelter for three nights, and teachers said the lessons [...]
<a href="/n/2">Read more »</a></p></div></div></li></ul></div></div></div>"""),
        dropped=("The ferry will run again", "Pupils returned", "mehr", "Read more"),
    ),
    Page(
        'an id is the writer\'s anchor, named after what it marks: a list item with "stats" in its id stays',
        page(f"""{SITE_HEADER}
<article><h1>{TITLE}</h1><p>{STORY[0]}</p><p>{STORY[1]}</p><ul><li id="FloodStats">Highest water: 4.2 m</li>
<li id="TownStats">Homes flooded: 340</li></ul><p>{STORY[2]}</p><p>{STORY[3]}</p></article>"""),
        kept=(*STORY, "Highest water: 4.2 m", "Homes flooded: 340"),
    ),
    Page(
        "a site's statistics and its customers' ratings after the story, in boxes of short lines, go",
        page(f"""{SITE_HEADER}
<article><h1>{TITLE}</h1>{BODY}<section id="statistics"><h3>Statistics</h3><div class="row stats-news">
<div><img src="a.jpg">Highest water</div><div>4.2 m</div><div><img src="b.jpg">Homes flooded</div><div>340</div></div>
</section><section class="product-reviews"><h5>Overall rating</h5><div><img src="star.svg">4.5 of 5</div>
<div>12 ratings</div></section></article>"""),
        dropped=("Highest water", "4.2 m", "Homes flooded", "Overall rating", "12 ratings"),
    ),
    Page(
        "a gallery's slides made alike, titled by links, that outweigh the lead, are the story",
        page(f"""{SITE_HEADER}
<article><h1>{TITLE}</h1><p>{STORY[0]}</p><div class="slides">
<figure class="slide"><h2><a href="#slide-1">The market hall at dawn</a></h2><figcaption><p>{STORY[1]}</p></figcaption>
</figure><figure class="slide"><h2><a href="#slide-2">Sandbags in the school gym</a></h2><figcaption><p>{STORY[2]}</p>
</figcaption></figure><figure class="slide"><h2><a href="#slide-3">The line of mud on the walls</a></h2>
<figcaption><p>{STORY[3]}</p></figcaption></figure></div></article>"""),
        kept=STORY,
    ),
    Page(
        "a WordPress text widget amid the story's container is a box set aside",
        page(f"""{SITE_HEADER}
<div id="main"><h1>{TITLE}</h1><p>{STORY[0]}</p><p>{STORY[1]}</p>
<div class="item-right"><div class="textwidget"><p>{APPEAL}</p></div></div><p>{STORY[2]}</p><p>{STORY[3]}</p></div>"""),
        dropped=(APPEAL,),
    ),
    Page(
        "a small box after the story's paragraphs, in their element, goes",
        page(f"""{SITE_HEADER}
<article><h1>{TITLE}</h1>{BODY}<div class="support-box"><p>{APPEAL}</p></div></article>"""),
        dropped=(APPEAL,),
    ),
    Page(
        "a box after the story's paragraphs goes with a few paragraphs of its own (700 characters)",
        page(f"""{SITE_HEADER}
<article><h1>{TITLE}</h1>{BODY}<p>{LATER[0]}</p><p>{LATER[1]}</p><div class="membership"><p>{APPEAL}</p>
<p>Members receive the printed weekend edition, early access to our reporting on the valley's councils and
courts, invitations to the readers' evenings in the library, and a monthly letter from the editor.</p>
<p>Membership starts at five euros a month and can be cancelled at any time from your account page, or by
writing to the Courier's office on the market square, which is open every weekday from nine to five.</p>
<p>Gift memberships for friends and family can be bought at the same office, or ordered by telephone.</p></div>
</article>"""),
        kept=(*STORY, *LATER),
        dropped=(APPEAL, "Members receive the printed weekend edition", "Membership starts at five euros"),
    ),
    Page(
        "a box after the story's paragraphs that holds a list, or is made as a box of the story, stays",
        page(f"""{SITE_HEADER}
<article><h1>{TITLE}</h1><div class="note"><p>{LATER[0]}</p></div>{BODY}
<div class="note"><p>Shelters: the school, the parish hall.</p></div>
<div class="facts"><ul><li>Rain: 120 mm in eleven hours</li><li>Homes flooded: 340</li></ul></div></article>"""),
        kept=(*STORY, LATER[0], "Shelters: the school", "Homes flooded: 340"),
    ),
    Page(
        "three boxes made alike after the story's paragraphs are its own series (an FAQ's questions), and stay",
        page(f"""{SITE_HEADER}
<article><h1>{TITLE}</h1>{BODY}
<div class="faq"><p>Where can residents get sandbags? At the fire station on Mill Street, until six.</p></div>
<div class="faq"><p>Is the tap water safe? The water board says it is, but asks residents to boil it.</p></div>
<div class="faq"><p>When will the bridge reopen? Not before the engineers have inspected its piers.</p></div>
<div class="support-box"><p>{APPEAL}</p></div></article>"""),
        kept=(*STORY, "Where can residents get sandbags?", "Is the tap water safe?", "When will the bridge reopen?"),
        dropped=(APPEAL,),
    ),
    Page(
        "three boxes made alike after the story's paragraphs that open with a link to another page are teasers, and go",
        page(
            f"""{SITE_HEADER}
<article><h1>{TITLE}</h1>{BODY}"""
            + "".join(
                f"""<div class="link-box"><a href="/{slug}" class="cover"></a><div class="box-text">
<div class="box-title">{title}</div><div class="box-summary">{summary}</div></div></div>"""
                for slug, title, summary in (
                    ("dam", "The dam that held", "Engineers say the old dam held back the worst of the water."),
                    ("school", "Schools stay shut", "The district closes its three schools until Monday at least."),
                    ("farms", "Farms count losses", "Fields along the river are under water for the second time."),
                )
            )
            + "</article>"
        ),
        kept=STORY,
        dropped=("The dam that held", "Engineers say the old dam held", "Schools stay shut", "Farms count losses"),
    ),
    Page(
        "footnotes after the story's paragraphs, each opening with a link back to its mark, stay",
        page(
            f"""{SITE_HEADER}
<article><h1>{TITLE}</h1>{BODY}"""
            + "".join(
                f"""<div class="note-entry"><a href="https://courier.example/flood#mark-{n}">{n}</a>
<div><p>{note}</p></div></div>"""
                for n, note in enumerate(
                    (
                        "The gauge at the old mill, read by the water board every hour.",
                        "Figures from the district's fire service, as of Tuesday evening.",
                        "The bridge was last inspected in 2019, the council's records show.",
                    ),
                    1,
                )
            )
            + "</article>"
        ),
        kept=(
            *STORY,
            "The gauge at the old mill",
            "Figures from the district's fire service",
            "last inspected in 2019",
        ),
    ),
    Page(
        "where the story's paragraphs are in boxes themselves, a box after them stays",
        page(f"""{SITE_HEADER}
<article><h1>{TITLE}</h1><p>{STORY[0]}</p><p>{STORY[1]}</p><div class="quote"><p>{STORY[2]}</p></div>
<div class="end"><p>{STORY[3]}</p></div></article>"""),
    ),
    Page(
        "paragraphs whose every word opens a glossary's pop-up are prose, not a link list",
        page(f"""{SITE_HEADER}
<div class="article-body"><h1>{TITLE}</h1><p>{STORY[0]}</p><p>{glossed(STORY[1])}</p><p>{glossed(STORY[2])}</p>
<p>{STORY[3]}</p></div>
<div class="side"><ul><li><a href="/a">Other news one</a></li><li><a href="/b">Other news two</a></li></ul></div>"""),
        dropped=("Other news",),
    ),
    Page(
        "a story told in list items, whose one <p> is a picture's caption deep in a list, is found whole",
        page(f"""{SITE_HEADER}
<main><article><h1>{TITLE}</h1><div class="entry-content"><h4>The night</h4>
<ul><li>{STORY[0]}<ul><li><div class="wp-caption"><img src="boats.jpg" alt="Boats">
<p class="wp-caption-text">Boats between the roofs of the market hall, seen from the tower.</p></div></li></ul></li>
<li>{STORY[1]}</li></ul>
<h4>The morning</h4><ul><li>{STORY[2]}</li><li>{STORY[3]}</li></ul>
<h4>What comes next</h4><ul><li>{LATER[0]}</li><li>{LATER[1]}</li></ul></div></article></main>
<footer><ul><li><a href="/about">About us</a></li><li><a href="/privacy">Privacy policy</a></li></ul></footer>"""),
        kept=(*STORY, *LATER, "The night", "The morning", "What comes next"),
        dropped=("About us", "Privacy policy"),
    ),
    Page(
        "a share bar named beside a modifier and a weak name is a share bar",
        page(f"""{SITE_HEADER}
<article><h1>{TITLE}</h1><p>{STORY[0]}</p><p>{STORY[1]}</p>
<div class="widget has-icons share-bar"><p>Tell your friends about this story, and follow the Courier for more
news from the valley every day.</p></div><p>{STORY[2]}</p><p>{STORY[3]}</p></article>"""),
        dropped=("Tell your friends",),
    ),
    Page(
        "a subheading whose id is its own anchor is the story's, though the id reads 'nav'",
        # heise.de: "nav_" ids are the targets of the story's table of contents.
        page(f"""{SITE_HEADER}
<article><h1>{TITLE}</h1>{BODY}<h3 class="subheading" id="nav_the_levee_gives_way__1">The levee gives way</h3>
{"".join(f"<p>{paragraph}</p>" for paragraph in LATER)}<h3 id="nav-more">More from the valley</h3></article>"""),
        kept=(*STORY, *LATER, "The levee gives way"),
        dropped=("More from the valley", "Sport"),
    ),
    Page(
        "the page's one <h1>, like the story's declared title, is the headline, though a subheading is more like it",
        # tastewise.io: "Top 10 Health and Nutrition Trends to Watch" over "FAQs about health and nutrition trends".
        page(f"""{SITE_HEADER}
<div class="hero"><h1>Floods: the water reaches the lower town at last</h1></div>
<article>{BODY}<h2>Flood waters in the lower town</h2>
{"".join(f"<p>{paragraph}</p>" for paragraph in LATER)}</article>"""),
        kept=(*STORY, *LATER),
        headline="Floods: the water reaches the lower town at last",
    ),
    Page(
        "a section whose id is its heading's anchor is the story's, though the id reads 'popular'",
        # nccih.nih.gov: each section's wrapper is the target of the table of contents.
        page(f"""{SITE_HEADER}
<main><h1>{TITLE}</h1><div id="1-heading-the-river-rises"><div><h2>The river rises</h2></div>{BODY}</div>
<div id="2-heading-how-popular-are-the-valley-s-levees"><div><h2>How popular are the valley's levees?</h2></div>
{"".join(f"<p>{paragraph}</p>" for paragraph in LATER)}</div>
<div id="popular-now"><h2>Most read</h2><p><a href="/x">Another story</a></p></div></main>"""),
        kept=(*STORY, *LATER),
        dropped=("Most read", "Another story", "Sport"),
    ),
    Page(
        "after the story, a list whose items say more than their links is the story's",
        # github.blog: the speakers of an event, each a linked name and a title; a list of bare links still goes.
        page(f"""{SITE_HEADER}
<article><h1>{TITLE}</h1>{BODY}<p>The panel that evening:</p><ul>
<li><a href="/p/ana">Ana Ruiz</a>, hydrologist at the valley water board</li>
<li><a href="/p/tom">Tom Berg</a>, engineer for the river authority</li></ul>
<ul><li><a href="https://facebook.com/courier">Facebook</a></li><li><a href="https://x.com/courier">X</a></li>
</ul></article>"""),
        kept=(*STORY, "hydrologist at the valley water board", "engineer for the river authority"),
        dropped=("Facebook",),
    ),
    Page(
        "a box around a form that asks for the reader's phone number is the site's, however plainly named",
        # mashable.com: a Tailwind <section> of texted offers amid the story, its pitch and fine print prose.
        page(f"""{SITE_HEADER}
<article><h1>{TITLE}</h1><p>{STORY[0]}</p><p>{STORY[1]}</p>
<section class="relative p-8 my-12 border"><div class="font-bold">Be the first to know!</div>
<div>Get the Courier's flood warnings texted right to your phone.</div>
<form><input type="tel" placeholder="Phone number"><button type="submit">Sign me up</button></form>
<div class="text-xs">By signing up, you agree to receive recurring automated text messages at the number
provided. Reply STOP to opt out.</div></section><p>{STORY[2]}</p><p>{STORY[3]}</p></article>"""),
        dropped=("Be the first to know", "texted right to your phone", "By signing up"),
    ),
    Page(
        "a short story's own container is no sign-up box, though a sign-up form follows its lines",
        # boingboing.net: a post of a few lines, then the newsletter's form, in one <div id="story">.
        page(f"""{SITE_HEADER}
<div id="container"><h1>{TITLE}</h1><div id="story"><p>{STORY[0]}</p><p>{STORY[1]}</p>
<p><a href="/a">Read also: the ferry timetable</a></p>
<form>Our newsletter: <input type="email" name="EMAIL"><input type="submit" value="Subscribe"></form></div>
<ul><li><a href="/a">The ferry timetable for the winter season on the lower river</a></li>
<li><a href="/b">The new bridge over the cutting opens to traffic in the spring</a></li>
<li><a href="/c">A history of the valley's floods, from the great storm of 1890 on</a></li>
<li><a href="/d">The parish kitchen is looking for volunteers for the winter</a></li>
<li><a href="/e">The school's shelter stays open through the night as the rain goes on</a></li>
<li><a href="/f">What the new levee on the lower river will cost, and who will pay</a></li></ul></div>"""),
        kept=STORY[:2],
        dropped=("Read also", "The new bridge"),
    ),
    Page(
        "no semantic markup: paragraph scoring finds the body",
        page(f"""<div class="t1"><div class="t2"><a href="/">Home</a> | <a href="/news">News</a>
| <a href="/sport">Sport</a> | <a href="/contact">Contact</a></div></div>
<div class="w"><div class="l"><div><a href="/a">Archive 2023</a></div><div><a href="/b">Archive 2022</a></div>
<div><a href="/c">Archive 2021</a></div></div>
<div class="r"><div class="h">{TITLE}</div>
<div class="x">{STORY[0]}<br><br>{STORY[1]}</div><div class="x">{STORY[2]}</div><div class="x">{STORY[3]}</div>
</div></div>
<div class="b"><a href="/imprint">Imprint</a> <a href="/privacy">Privacy</a></div>"""),
        dropped=("Archive 2023", "Contact", "Imprint"),
        headline=None,
    ),
    Page(
        "a related-posts plugin's list, named for the plugin alone, goes from a post too short to clean hard",
        # swap-stop.org: a gallery's post of a few words, cleaned leniently, then CP Related Posts' list.
        page(f"""{SITE_HEADER}
<article><h1>{TITLE}</h1><div class="entry-content"><p>{STORY[0]}</p><h2 class="cprp_section_title">Related
Posts</h2><div class="cprp_items list"><ul><li><div class="cprp_data"><div class="cprp_title"><a href="/a">The
ferry timetable for the winter</a></div><div class="cprp_percentage">98</div><a href="/a"><img src="a.jpg"
class="cprp_thumbnail"></a></div></li></ul></div></div></article>"""),
        kept=STORY[:1],
        dropped=("Related", "The ferry timetable", "98"),
    ),
    Page(
        "a shop's slider that opens 'Das könnte dir auch gefallen' and tells no story goes, amid the story",
        page(f"""{SITE_HEADER}
<article><h1>{TITLE}</h1><p>{STORY[0]}</p><p>{STORY[1]}</p><div class="v-paidbox v-paidbox--slider">
<div class="v-paidbox-teaser"><span>Das könnte dir auch gefallen</span></div><div class="swiper-wrapper">
<div class="swiper-slide"><div class="v-paidbox-headline">Let it Burn: Fatburning zu Hause</div>
<div><img src="plan.jpg"><small>14,90 €</small><p>7,90 €</p></div><ul><li>Trainingsplan für 8 Wochen</li>
<li>kein Equipment nötig</li></ul><a href="javascript:;">mehr Infos</a></div></div></div>
<p>{STORY[2]}</p><p>{STORY[3]}</p></article>"""),
        dropped=("Das könnte dir", "Let it Burn", "7,90 €", "Trainingsplan für 8 Wochen", "mehr Infos"),
    ),
    Page(
        "a short line that opens a box of the story's facts, without pointing elsewhere, keeps the box",
        page(f"""{SITE_HEADER}
<article><h1>{TITLE}</h1><p>{STORY[0]}</p><p>{STORY[1]}</p><div class="facts"><div>Shelters tonight</div>
<div>School gym, Mill Lane</div><div>Parish hall, Church Street</div></div><p>{STORY[2]}</p><p>{STORY[3]}</p>
</article>"""),
        kept=(*STORY, "Shelters tonight", "School gym, Mill Lane"),
    ),
    Page(
        "the line that labels the readers' comments, written in the story's own container after it, goes",
        page(f"""{SITE_HEADER}
<article><h1>{TITLE}</h1><div class="entry">{BODY}Kommentare (2)<div class="comment-box">Danke!</div></div>
</article>"""),
        dropped=("Kommentare", "Danke!"),
    ),
]


def region_text(case: Page) -> tuple[Article, Region, str]:
    article = Article.from_html(case.html)
    region = article.region
    return article, region, " ".join(article.body.text.split())


def text_of(element: object) -> str:
    return " ".join("".join(element.itertext()).split())  # type: ignore[attr-defined]


@pytest.mark.parametrize("case", CASES, ids=str)
def test_region(case: Page) -> None:
    article, region, text = region_text(case)
    for kept in case.kept:
        assert " ".join(kept.split()) in text, f"missing from the region: {kept!r}\nregion: {text}"
    for dropped in case.dropped:
        assert dropped not in text, f"in the region, though not the article's: {dropped!r}"
    story = " ".join(article.story.text.split())
    for line in case.story_only:
        assert line in story, f"missing from the story: {line!r}\nstory: {story}"
        assert line not in text, f"in the body's prose, though the story's alone: {line!r}"
    if case.headline is None:
        assert region.headline is None
    else:
        assert region.headline is not None and text_of(region.headline) == case.headline
        assert case.headline not in text, "the region's text leaves out the headline"


def test_the_declared_body_is_what_makes_the_difference() -> None:
    """Without their mark, the two pages above lose their body to the longer
    history-society box: the structured signal is what finds it."""
    for name, mark in (("itemprop", ' itemprop="articleBody"'), ("JSON-LD", "application/ld+json")):
        case = next(c for c in CASES if name in c.name)
        unmarked = case.html.replace(mark, "" if name == "itemprop" else "text/plain")
        text = " ".join(Article.from_html(unmarked).body.text.split())
        assert "history society meets" in text, f"the {name} page is no test: its body wins unmarked"


def test_the_headline_inside_the_root_is_excluded_and_the_rest_belongs() -> None:
    case = CASES[0]
    article, region, _ = region_text(case)
    assert region.headline is not None and region.headline in region.excluded
    assert not region.holds(region.headline)
    members = region.members()
    assert all(region.holds(block.element) and block.element in members for block in region.blocks)
    nav = next(article.tree.iter("nav"))
    assert not region.holds(nav) and nav not in members and region.headline not in members
    assert article.body.text == "\n".join(STORY)


def test_members_are_the_roots_subtree_less_the_excluded_ones_within_it() -> None:
    """The subtrees listed whole and the ancestors of skipped elements walked one
    by one give what a walk from the root that stops at each excluded element
    reaches: an excluded element outside the root (here the page's <body>) cuts
    nothing; one inside a box stays out of the story; the boxes join it, and
    comments come along."""
    article = Article.from_html(
        "<html><body><div id=root><nav><a href=/>Home</a></nav><p>Text<!-- note --></p>"
        "<aside><p>Fact</p><div id=ad><p>Buy</p></div></aside></div></body></html>"
    )
    tree = article.tree
    root, nav, aside, body = (next(tree.iter(tag)) for tag in ("div", "nav", "aside", "body"))
    ad = next(el for el in tree.iter("div") if el.get("id") == "ad")
    region = Region(root, frozenset({nav, aside, ad, body}), None, "by hand", (), boxes=frozenset({aside}))
    inside = set(root.iter())

    def walked(skipped: frozenset[object]) -> frozenset[object]:
        return frozenset(
            el for el in inside if not any(up in skipped for up in (el, *el.iterancestors()) if up in inside)
        )

    assert region.members() == walked(region.excluded) and root in region.members()
    assert aside not in region.members() and any(not isinstance(el.tag, str) for el in region.members())
    story = region.members(boxes=True)
    assert story == walked(region.excluded - region.boxes) and aside in story and ad not in story and nav not in story
    assert Region(root, frozenset({root}), None, "by hand", ()).members() == frozenset()


FRAGMENT = f"""<h2>What happened</h2>{BODY}
<figure><img src="a.jpg" alt="Boats"><figcaption>Boats in the market square.</figcaption></figure>
<figure><img src="b.jpg" alt="Levee"><figcaption>The levee after the breach. Photo: R. Ruiz</figcaption></figure>
<aside class="factbox"><p>The levee was built in 1954 and repaired in 1971 and 1999.</p></aside>
<p>Read also: <a href="/rain">Rain warning extended to the weekend</a></p>
<div class="share-buttons"><a href="#">Share</a></div>
<div id="comments"><p>Hope this helps! Let me know if you need any changes.</p></div>"""


def test_a_fragment_is_its_whole_body_less_what_a_page_would_leave_out() -> None:
    """The writer's captions are the story's, not the body's prose, but for one
    that credits its picture; the fact box, the link line, the share buttons
    and the comments go, as they would from a page's body."""
    article = Article.from_html(FRAGMENT)
    region = article.region
    assert article.is_fragment and region.evidence == "the whole fragment"
    assert region.root.tag == "body" and region.headline is None
    assert article.body.text == "\n".join(("What happened", *STORY))
    assert "Boats in the market square." in article.story.text.split("\n")


def test_a_fragment_and_a_page_around_it_read_the_same() -> None:
    """The same CMS body, alone or inside a page's template, gives the same
    text: what the page's cleaning leaves out of a body, the fragment's does too."""
    fragment = Article.from_html(FRAGMENT)
    whole = Article.from_html(page(f"{SITE_HEADER}<main><article><h1>{TITLE}</h1>{FRAGMENT}</article></main>"))
    assert fragment.body.text == whole.body.text


def test_a_page_too_short_to_score_is_its_article_less_asides_and_comments() -> None:
    """No paragraph is long enough to vote: <article> says where the story is,
    and what is named as furniture inside it still goes (an empty page has no
    prose, and furniture holding none of it is no wrapper of the story)."""
    article = Article.from_html(
        "<html><body><nav><a href='/'>Home</a></nav><main><article><p>Text.</p>"
        "<aside><h3>Related Articles</h3></aside><div id='comments'><p>3 Comments</p></div></article></main>"
        "</body></html>"
    )
    region = article.region
    assert region.root.tag == "article" and region.evidence.startswith("the <article> with the most text")
    assert article.body.text == "Text."


def test_a_fragment_keeps_the_notes_after_its_story_for_the_leak_rules() -> None:
    closing = "<p>Subscribe to our newsletter for more stories from the valley.</p><p>© 2024 Ana Ruiz</p>"
    body = Article.from_html(FRAGMENT + closing).body.text
    assert "Subscribe to our newsletter" in body and "© 2024 Ana Ruiz" in body
    assert "© 2024 Ana Ruiz" not in Article.from_html(page(f"<article>{FRAGMENT}{closing}</article>")).body.text


def test_a_fragment_opening_with_an_h1_has_it_as_headline() -> None:
    article = Article.from_html(f"<h1>{TITLE}</h1>{BODY}")
    region = article.region
    assert region.headline is not None and text_of(region.headline) == TITLE
    assert article.body.text == "\n".join(STORY)


def test_an_empty_page_has_an_empty_region() -> None:
    for html in ("", "<html><body></body></html>", "<p></p>"):
        article = Article.from_html(html)
        region = article.region
        assert region.blocks == () and article.body.text == "" and region.headline is None


PAGES = corpus_files("pages")


@pytest.mark.slow
@pytest.mark.skipif(not PAGES, reason="../shared/corpus is not beside this checkout")
def test_every_corpus_page_has_a_region() -> None:
    """On every real page the finder returns a non-empty region whose blocks
    are the article's, in order: exactly those of its members but the notes
    left out of them. A section front of teasers (nytimes-5) has no story:
    its region is empty."""
    for path in PAGES:
        article = Article.from_html(path.read_bytes())
        region = article.region
        assert region.blocks or "a section front" in region.evidence, f"{path.name}: empty region"
        number = {id(block): n for n, block in enumerate(article.blocks)}
        positions = [number[id(block)] for block in region.blocks]
        assert positions == sorted(positions), path.name
        members = region.members()
        assert all(block.element in members for block in region.left_out), path.name
        kept = [b for b in article.blocks if b.element in members and b not in region.left_out]
        assert kept == list(region.blocks), path.name


EXTRACTION = Path(__file__).resolve().parent.parent.parent / "shared" / "corpus" / "extraction" / "pages"


@pytest.mark.slow
@pytest.mark.skipif(not EXTRACTION.is_dir(), reason="../shared/corpus is not beside this checkout")
def test_every_extraction_page_has_a_region() -> None:
    for path in sorted(EXTRACTION.glob("*.html.gz")):
        article = Article.from_html(gzip.decompress(path.read_bytes()))
        region = article.region
        if article.blocks:
            assert region.blocks, f"{path.name}: empty region on a page with text"


@pytest.mark.parametrize(
    "html",
    [
        page(BODY, head='<script type="application/ld+json">' + "[" * 100_000 + "]" * 100_000 + "</script>"),
        page(BODY, head='<script type="application/ld+json">{"headline": "unclosed</script>'),
        page('<div class="share">' * 3000 + BODY + "</div>" * 3000),
        page("<nav>" * 2000 + BODY),
    ],
    ids=["JSON-LD nested past the parser", "broken JSON-LD", "3,000 nested share bars", "2,000 unclosed navs"],
)
def test_hostile_pages_give_a_region(html: str) -> None:
    article = Article.from_html(html)
    region = article.region
    assert region.root is not None
    assert all(region.holds(block.element) for block in region.blocks)


def test_the_story_adds_the_boxes_set_aside_inside_the_article_but_not_the_template() -> None:
    html = page(
        f"""{SITE_HEADER}<article><h1>{TITLE}</h1>{BODY}
<aside><p>Fact box: the levee was 70 years old.</p></aside>
<div class="share-bar"><a href="/s">Share on Facebook</a></div></article>
<section id="comments" class="comments-area"><p>Great piece, thanks for writing it up so quickly.</p></section>"""
    )
    article = Article.from_html(html)
    assert "Fact box" not in article.body.text and "Fact box" in article.story.text
    for view in (article.body, article.story):
        assert STORY[0] in view.text
        assert "Share on Facebook" not in view.text and "Great piece" not in view.text
    assert "Great piece" in article.page.text


@pytest.mark.parametrize("body_first", [(), ("words",), ("words", "vocabulary"), ("vocabulary",)])
def test_the_storys_vocabulary_is_its_words_however_much_of_the_body_is_read(body_first: tuple[str, ...]) -> None:
    """The story reads only the blocks the body lacks when the body's words are
    built, whether or not the body's own vocabulary is; the same set either way."""
    html = page(f"""<article><h1>{TITLE}</h1>{BODY}<aside><p>Fact box: the Levee’s age.</p></aside></article>""")
    article = Article.from_html(html)
    for reading in body_first:
        getattr(article.body, reading)
    assert article.story.vocabulary == frozenset(article.story.word_keys)
    assert {"fact", "levee's"} <= article.story.vocabulary and "fact" not in article.body.vocabulary


def test_a_note_left_out_of_a_container_that_holds_the_story_stays_in_the_story_view() -> None:
    html = page(f"""<article><h1>{TITLE}</h1>{BODY}<a href="/news">Back to all news</a></article>""")
    article = Article.from_html(html)
    region = article.region
    assert [article.text[b.start : b.end] for b in region.left_out] == ["Back to all news"]
    assert all(block.element is region.root for block in region.left_out), "the note is the root's own text"
    assert region.root in region.members() and not region.left_out & set(region.blocks)
    assert "Back to all news" not in article.body.text and STORY[-1] in article.body.text
    assert article.story.text.endswith(STORY[-1] + "\nBack to all news")


@pytest.mark.parametrize(
    ("label", "text"),
    [
        ('<a href="/category/learn/">Learn</a>', "Learn"),
        ('<a href="#main">Skip to content</a>', "Skip to content"),
        ('<a href="/">Home</a> » <a href="/news/">News</a> »', "Home » News »"),
    ],
)
def test_a_label_written_straight_into_the_root_over_the_headline_is_no_body_prose(label: str, text: str) -> None:
    # A section's name over the title, a skip link, breadcrumbs: the root's own text, in no element to set aside.
    article = Article.from_html(page(f"<article>{label}<h1>{TITLE}</h1>{BODY}</article>"))
    assert [article.text[b.start : b.end] for b in article.region.left_out] == [text]
    assert article.body.text.startswith(STORY[0])


def test_a_sentence_written_straight_into_the_root_over_the_headline_stays_in_the_body() -> None:
    article = Article.from_html(page(f"<article>The council met on Monday night.<h1>{TITLE}</h1>{BODY}</article>"))
    assert article.body.text.startswith("The council met on Monday night.\n" + STORY[0])


def test_a_form_around_all_the_text_leaves_it_in_the_article() -> None:
    # Cleaning that would leave nothing (a shop's product form holds the whole
    # page) keeps the region's text as it is.
    form = "<form><div>Every word counts here.</div><div>Price: 36 EUR</div></form>"
    article = Article.from_html(page(f"<article><h1>{TITLE}</h1>{form}</article>"))
    assert article.body.text == "Every word counts here.\nPrice: 36 EUR"
    assert article.region.evidence == "the <article> with the most text, not cleaned"


def test_a_stray_quote_in_a_start_tag_is_an_attribute_name_not_a_value() -> None:
    # As in the HTML tokeniser: before "=", a quote is part of a name; the page
    # was once refused as "an element with more than 1,000 attributes".
    article = Article.from_html(page(f'<h1 class="h1" "tabindex="0">{TITLE}</h1>' + BODY))
    assert [h.text for h in article.headings] == [TITLE]
    assert STORY[-1] in article.body.text


@pytest.mark.parametrize(
    ("name", "kind", "sure", "weight"),
    [
        ("sidebar", "sidebar", True, -25),
        ("share-bar2", "share", True, -25),
        ("teaser-share", "share", True, -25),  # the strong kind wins over the weak one before it
        ("post-content", None, False, 25),
        ("entry-content sharedaddy", "share", True, 0),  # share stays sure beside a content word
        ("has-ads", None, False, 0),  # a modifier makes the words after it a description
        ("d-none", "hidden", True, -25),
        ("u-invisible", "hidden", True, -25),
        ("elementor-invisible", None, False, 0),  # an entrance animation's start: its script shows it
        ("Mstart(137px)--modalMinWidth", None, False, 0),  # a utility class says how it looks
        # Other pages' content, found by a search run only where one of its words stands:
        ("most-read", "related", True, -25),
        ("mostViewed", "related", True, -25),
        ("meistgelesen", "related", True, -25),
        ("widget_twitter", "related", True, -25),
        ("widget-trending", "related", True, -25),
        ("instagram-feed", "related", True, -25),
        ("twitter timeline", "related", True, -25),  # across two classes, a space apart
        ("facebook\twidget", "widget", False, -25),  # but not a tab apart
        ("twitter-tweet", None, False, 0),  # an embedded tweet is the story's
        ("almost-ready", None, False, 0),  # "most" inside a word
        # A carousel of other stories is theirs; a slider alone is the story's gallery:
        ("articles-slider section", "related", True, 0),
        ("ArticlesSlider_title__CUazO", "related", True, 0),
        ("latest-carousel", "related", True, -25),
        ("gallery-slider", None, False, 0),
        ("recipe-slider", None, False, 0),
        ("postslider", None, False, 0),  # the words run together: no carousel of posts named
        # A link back to the top, however written, is the site's navigation; "top" inside a word is not one:
        ("go-to-top-mobile", "navigation", True, -25),
        ("visible-xs toTop", "navigation", True, -25),
        ("back-to-top", "navigation", True, -25),
        ("desktop-only", None, False, 0),
        ("to-topic", None, False, 0),
        ("hamburger", "navigation", True, -25),
    ],
)
def test_what_a_class_and_id_name(name: str, kind: str | None, sure: bool, weight: int) -> None:
    from lint_article.document.region.naming import _naming

    assert _naming(name) == (kind, sure, weight)


@pytest.mark.parametrize(
    ("name", "kind", "sure"),
    [
        ("btn btn--darkgrey btn--icon social-link", "share", True),
        ("btn-nav", "navigation", True),
        ("button", None, False),
        ("btn has-share", None, False),  # a modifier: the button's look, not what it works
        ("btn entry-content comments-link", "comments", False),  # a word of the story's container beside it
    ],
)
def test_what_a_control_is_named_for(name: str, kind: str | None, sure: bool) -> None:
    from lint_article.document.region.naming import _naming

    assert _naming(name)[0] == "control"
    assert _naming(name, "control")[:2] == (kind, sure)


def test_the_class_words_kept_are_bounded_and_read_the_same_after_a_clearing() -> None:
    from lint_article.document.region import naming

    for number in range(naming._WORD_KINDS_KEPT + 10):
        naming._naming.__wrapped__(f"box{number}-sidebar")
    assert len(naming._WORD_KINDS) <= naming._WORD_KINDS_KEPT
    assert naming._naming.__wrapped__("comments-area") == ("comments", True, -25)
