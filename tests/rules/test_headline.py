"""Table tests for headline."""

from __future__ import annotations

import pytest

from lint_article import Severity
from lint_article.rules.headline import Headline
from lint_article.testing import Case, bad, finding, lint_with, ok, run_cases

RULE = "headline"
DESCRIPTION = '<meta name="description" content="The junta in Mali met US envoys on Tuesday to talk about security.">'
BODY = "<p>The junta met US envoys on Tuesday.</p>"


def page(title: str, headline: str, head: str = DESCRIPTION) -> str:
    """A page: <title> on line 2, the head's extra on line 3, the headline on line 5."""
    return (
        f"<html><head>\n<title>{title}</title>\n{head}\n</head><body><article>\n"
        f"<h1>{headline}</h1>\n{BODY}</article></body></html>"
    )


CASES = [
    ok(f"<h1>US envoys meet Mali's junta in Bamako</h1>\n{BODY}"),
    ok(page("US envoys meet Mali's junta in Bamako - Viral Post", "US envoys meet Mali's junta in Bamako")),
    # Curiosity gaps, in four languages.
    bad(
        f"<h1>You won't believe what happened next in Bamako</h1>\n{BODY}",
        finding(RULE, "curiosity-gap", line=1, column=1, what="headline", evidence="You won't believe"),
    ),
    bad(
        f"<p>Kicker</p>\n<h1>Sie werden nicht glauben, was dann geschah</h1>\n{BODY}",
        finding(RULE, "curiosity-gap", line=2, column=1, evidence="Sie werden nicht glauben"),
    ),
    bad(f"<h1>Cette astuce fait baisser la facture</h1>\n{BODY}", finding(RULE, "curiosity-gap", line=1)),
    bad(f"<h1>No vas a creer lo que pasó después</h1>\n{BODY}", finding(RULE, "curiosity-gap", line=1)),
    # Forward references and withheld subjects.
    bad(
        f"<h1>Voici pourquoi le prix du pain augmente</h1>\n{BODY}",
        finding(RULE, "forward-reference", line=1, evidence="Voici pourquoi"),
    ),
    bad(
        f"<h1>Here's what the junta told the envoys</h1>\n{BODY}",
        finding(RULE, "forward-reference", line=1, evidence="Here's what"),
    ),
    bad(
        f"<h1>Este hombre ganó la lotería dos veces</h1>\n{BODY}",
        finding(RULE, "withheld-subject", line=1, evidence="Este hombre"),
    ),
    bad(
        f"<h1>She was told she'd never walk. Now she runs marathons</h1>\n{BODY}",
        finding(RULE, "withheld-subject", line=1, evidence="She was"),
    ),
    bad(f"<h1>So sieht der Kinderstar heute aus</h1>\n{BODY}", finding(RULE, "curiosity-gap", line=1)),
    bad(f"<h1>Así luce hoy la niña de la película</h1>\n{BODY}", finding(RULE, "curiosity-gap", line=1)),
    # One way of holding the news back is named, not each pattern it matches.
    bad(
        f"<h1>Voilà ce qui arrive quand on arrête le sucre</h1>\n{BODY}",
        finding(RULE, "curiosity-gap", line=1, evidence="ce qui arrive quand"),
    ),
    ok(f"<h1>This week in Congress: Senate passes defense bill</h1>\n{BODY}"),
    ok(f"<h1>Der Bundestag wählt neuen Präsidenten</h1>\n{BODY}"),
    ok(f"<h1>So reagiert Berlin auf die neuen Zölle</h1>\n{BODY}"),
    ok(f"<h1>Darum geht es beim Klimagipfel in Baku</h1>\n{BODY}"),
    ok(f"<h1>L'Assemblée adopte la réforme des retraites</h1>\n{BODY}"),
    ok(f"<h1>Here is the full text of the ruling</h1>\n{BODY}"),
    # A list that sells a feeling; a list that does not.
    bad(
        f"<h1>10 things you didn't know about Paris</h1>\n{BODY}",
        finding(RULE, "listicle", line=1, evidence="10 things … you"),
    ),
    ok(f"<h1>Five things to know about the budget</h1>\n{BODY}"),
    # Shouting and stacked punctuation; acronyms and an all-capitals style are not shouting.
    bad(
        f"<h1>SHOCKING: mayor resigns after audit</h1>\n{BODY}", finding(RULE, "shouting", line=1, evidence="SHOCKING")
    ),
    ok(f"<h1>NATO and the EU agree on Ukraine aid</h1>\n{BODY}"),
    ok(f"<h1>MAYOR RESIGNS AFTER AUDIT</h1>\n{BODY}"),
    bad(
        f"<h1>Mayor resigns after audit!!!</h1>\n{BODY}",
        finding(RULE, "stacked-punctuation", line=1, evidence="!!!"),
    ),
    # Betteridge: a yes-no question, not a question word, not a quotation.
    bad(f"<h1>Can diplomacy halt Russia's advance?</h1>\n{BODY}", finding(RULE, "question", line=1)),
    bad(f"<h1>Droht Deutschland eine Rezession?</h1>\n{BODY}", finding(RULE, "question", line=1)),
    bad(f"<h1>La France va-t-elle sortir de l'euro ?</h1>\n{BODY}", finding(RULE, "question", line=1)),
    ok(f"<h1>How did the Sahel become Russia's foothold?</h1>\n{BODY}"),
    ok(f"<h1>¿Qué pasará con el euro?</h1>\n{BODY}"),
    ok(f"<h1>'Are there any happy voters?'</h1>\n{BODY}"),
    # A second <h1> is a title too (the seed's "catchy" one).
    bad(
        f"<h1>US moves to re-engage Sahel juntas</h1>\n{BODY}\n"
        "<h1>Washington's Sahel Gamble: Can Diplomacy Halt Russia's Advance?</h1>",
        finding(RULE, "question", line=3, column=1, what="second <h1>"),
    ),
    # The same clickbait in the headline and the page title is reported once.
    bad(
        page("You won't believe this Bamako deal", "You won't believe this Bamako deal"),
        finding(RULE, "curiosity-gap", line=5, what="headline"),
    ),
    # Search results cut a title after about 600 pixels; a cut site name costs nothing.
    bad(
        page(
            "US moves to re-engage Sahel juntas as Russia tightens grip on Mali, Niger and Burkina Faso - Viral Post",
            "US moves to re-engage Sahel juntas as Russia tightens grip on Mali, Niger and Burkina Faso",
        ),
        finding(
            RULE,
            "title-too-wide",
            line=2,
            column=1,
            shown=61,
            hidden=5,
            cut="US moves to re-engage Sahel juntas as Russia tightens grip on…",
        ),
    ),
    ok(page("Yahoo's sale to Verizon leaves shareholders with little say - The New York Times", "Yahoo's sale")),
    # The headline is the title's news: a cut byline, section and site name after it cost nothing ...
    ok(
        page(
            "US envoys meet Mali's junta in Bamako | Jane Doe and John Roe | Africa and the Sahel | The Daily Planet",
            "US envoys meet Mali's junta in Bamako",
        )
    ),
    # ... a site name before it pushes its words out ...
    bad(
        page(
            "The Daily Planet | World news | US envoys meet Mali's junta in Bamako as Russia tightens grip",
            "US envoys meet Mali's junta in Bamako as Russia tightens grip",
        ),
        finding(RULE, "title-too-wide", line=2, column=1, shown=62, hidden=5),
    ),
    # ... and a headline that holds a dash is news to its end, not a headline and a site name.
    bad(
        page(
            "Fans feared for the singer's sudden weight loss – then the star confirmed the real cause",
            "Fans feared for the singer's sudden weight loss – then the star confirmed the real cause",
        ),
        finding(RULE, "title-too-wide", line=2, column=1, shown=63, hidden=4),
    ),
    # A cut of a word or two is no loss a reader notices.
    ok(f"<h1>US envoys meet Mali's junta in Bamako as Russia tightens its grip now</h1>\n{BODY}"),
    # WWWW… is wider than iiii…: pixels, not characters.
    bad(
        page("WWW " * 14, "A sober headline"),
        finding(RULE, "title-too-wide", line=2),
        finding(RULE, "titles-disagree", line=2),
    ),
    ok(page("Mali " + "i" * 80, "Mali " + "i" * 80)),
    bad(page("日本" * 40, "日本" * 40), finding(RULE, "title-too-long", line=2, limit=60, hidden=21)),
    # A sign outside the table (a prime for an apostrophe) takes an average width.
    ok(page("Berlin confronts Germany′s colonial past", "Berlin confronts Germany′s colonial past")),
    # Without a <title>, the headline is what the CMS will make the title of.
    bad(f"<h1>{'Wide words ' * 9}</h1>\n{BODY}", finding(RULE, "title-too-wide", line=1)),
    bad(
        f"<h1>Ischgl</h1>\n{BODY}",
        finding(RULE, "headline-too-short", line=1, text="Ischgl", words=1),
        options={"min_headline_words": 3},
    ),
    ok(f"<h1>Ischgl</h1>\n{BODY}"),
    ok(f"<h1>Ischgl reopens</h1>\n{BODY}", options={"min_headline_words": 2}),
    # The meta description: missing, too short, too long (Yoast's lengths as options).
    bad(
        page("Mali's junta meets US envoys", "Mali's junta meets US envoys", ""),
        finding(RULE, "description-missing", line=2),
    ),
    bad(
        page(
            "Mali's junta meets US envoys", "Mali's junta meets US envoys", '<meta name="description" content="Mali.">'
        ),
        finding(RULE, "description-too-short", line=3, length=5, minimum=50),
    ),
    bad(
        page("Mali's junta meets US envoys", "Mali's junta meets US envoys"),
        finding(RULE, "description-too-short", line=3, length=66, minimum=120),
        options={"min_description": 120, "max_description": 156},
    ),
    bad(
        page(
            "Mali's junta meets US envoys",
            "Mali's junta meets US envoys",
            f'<meta name="description" content="{"Word " * 70}">',
        ),
        finding(RULE, "description-too-long", line=3, length=349, maximum=300),
    ),
    ok(page("Mali's junta meets US envoys", "Mali's junta meets US envoys", ""), options={"description": False}),
    # og:description written, its copy for search results left out by the template.
    ok(
        page(
            "Mali's junta meets US envoys",
            "Mali's junta meets US envoys",
            DESCRIPTION.replace("name=", "property=").replace('"description"', '"og:description"'),
        )
    ),
    # Titles that send the reader to another story than the one promised.
    bad(
        page("Quanta Magazine", "The hidden heroines of chaos"),
        finding(RULE, "titles-disagree", line=2, other_text="Quanta Magazine", text="The hidden heroines of chaos"),
    ),
    bad(
        page(
            "The hidden heroines of chaos | Quanta",
            "The hidden heroines of chaos",
            DESCRIPTION + '<meta property="og:title" content="Yahoo News - Latest News">',
        ),
        finding(RULE, "titles-disagree", line=3, other_text="Yahoo News - Latest News"),
    ),
    ok(page("Quanta Magazine", "The hidden heroines of chaos"), options={"min_title_overlap": 0}),
    # The site name in og:title is the site's, not the headline's shouting.
    ok(
        page(
            "Snow fun without footprints - FOGS GREEN STYLE MAGAZIN",
            "Snow fun without footprints",
            DESCRIPTION + '<meta property="og:title" content="Snow fun without footprints - FOGS GREEN STYLE MAGAZIN">',
        )
    ),
    ok(f"<h1>You won't believe this Bamako deal</h1>\n{BODY}", options={"clickbait": False}),
]


@pytest.mark.parametrize("case", CASES, ids=str)
def test_headline(case: Case) -> None:
    run_cases(Headline, case)


def test_a_question_headline_is_a_hint_among_warnings() -> None:
    (question,) = lint_with(Headline, f"<h1>Can diplomacy halt Russia's advance?</h1>\n{BODY}")
    assert (question.message_id, question.severity) == ("question", Severity.INFO)
    (gap,) = lint_with(Headline, f"<h1>You won't believe this Bamako deal</h1>\n{BODY}")
    assert gap.severity == Severity.WARNING


def test_the_message_says_what_search_results_show() -> None:
    html = page(
        "Mali's junta meets US envoys as Russia tightens its grip on the whole Sahel region",
        "Mali's junta meets US envoys as Russia tightens its grip on the whole Sahel region",
    )
    (wide,) = lint_with(Headline, html)
    assert wide.message.startswith("search results will cut this title after about ")
    assert wide.message.endswith("…”")
