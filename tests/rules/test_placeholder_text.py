"""Table tests for placeholder-text."""

from __future__ import annotations

import pytest

from lint_article.rules.placeholder_text import PlaceholderText
from lint_article.testing import Case, bad, finding, ok, run_cases

RULE = "placeholder-text"
BRACKETED = "bracketed placeholder"
VARIABLE = "template variable"

CASES = [
    ok("<h1>Sahel</h1><p>The juntas hold power in Mali, Niger and Burkina Faso.</p>"),
    bad('<img src="a.jpg" alt="#image_title">', finding(RULE, "alt-placeholder", line=1, column=1, alt="#image_title")),
    bad(
        "<figure>\n<figcaption>#image_title</figcaption></figure>",
        finding(RULE, "placeholder", line=2, column=13, text="#image_title"),
    ),
    bad(
        "<p>The minister said [Insert quote here].</p>",
        finding(RULE, "placeholder", line=1, column=22, text="[Insert quote here]"),
    ),
    bad("<p>Regards, [Your Name]</p>", finding(RULE, "placeholder", line=1, what=BRACKETED, text="[Your Name]")),
    bad("<p>Casualties: [TK]</p>", finding(RULE, "placeholder", line=1, text="[TK]")),
    bad("<p>The budget is TKTK million.</p>", finding(RULE, "placeholder", line=1, what="TK marker")),
    bad("<p>Written by {{author}}</p>", finding(RULE, "placeholder", line=1, what=VARIABLE, text="{{author}}")),
    bad(
        "<p>%%title%% %%sep%% %%sitename%%</p>",
        *[
            finding(RULE, "placeholder", line=1, what=VARIABLE, text=name)
            for name in ("%%title%%", "%%sep%%", "%%sitename%%")
        ],
    ),
    bad("<p>Your text here</p>", finding(RULE, "placeholder", line=1, what="default text")),
    bad(
        "<p>TODO: add the minister's reply</p>",
        finding(RULE, "placeholder", line=1, column=4, what="note", text="TODO"),
    ),
    bad("<p>Quote from the mayor [TODO]</p>", finding(RULE, "placeholder", line=1, text="[TODO]")),
    bad("<h1>T</h1>\n<p>TODO fix this</p>", finding(RULE, "placeholder", line=2, column=4, what="note", text="TODO")),
    bad("<p>TODO: list the ministers</p>", finding(RULE, "placeholder", line=1, what="note", text="TODO")),
    # A to-do list is a thing people write about.
    ok("<p>TODO list for the new government: fix the trains, build the houses.</p>"),
    ok("<ul><li>TODO lists, to-do lists and TO-DO lists all work.</li></ul>"),
    # A run of filler is one finding.
    bad(
        "<p>Lorem ipsum dolor sit amet.</p>\n<p>Lorem ipsum again.</p>\n<p>Real text.</p>",
        finding(RULE, "lorem-ipsum", line=1, extent="2 blocks"),
    ),
    # Talking about placeholders is not leaving them.
    ok("<p>Designers call it “Lorem ipsum”: filler text.</p>"),
    ok("<p>Many developers leave TODO comments in their code.</p>"),
    ok("<pre>TODO: fix this</pre><p><code>{{ user.name }}</code></p>"),
    # Quoted where it stands, not wherever the same words occur in the paragraph.
    bad(
        "<p>Type <code>{{name}}</code> where the name goes; here {{name}} was left.</p>",
        finding(RULE, line=1, column=57, message="template variable “{{name}}”"),
    ),
    ok("<p>His words, [sic], were clear, and [citation needed] appears in the draft.</p>"),
    # Instructions in the other languages, notes for later, shortcodes.
    bad(
        "<p>Le ministre a déclaré [Insérer une citation ici].</p>",
        finding(RULE, "placeholder", line=1, column=26, what=BRACKETED, text="[Insérer une citation ici]"),
    ),
    bad("<p>Er sagte: [Zitat einfügen]</p>", finding(RULE, "placeholder", line=1, text="[Zitat einfügen]")),
    bad("<p>Powiedział: [Wstaw cytat]</p>", finding(RULE, "placeholder", line=1, text="[Wstaw cytat]")),
    bad("<p>Fecha: [por completar]</p>", finding(RULE, "placeholder", line=1, text="[por completar]")),
    bad("<p>TK: add stats here</p>", finding(RULE, "placeholder", line=1, column=4, what="TK marker", text="TK:")),
    bad(
        '<p>[caption id="attachment_5"]A photo[/caption]</p>',
        finding(RULE, "placeholder", line=1, column=4, what="shortcode", text='[caption id="attachment_5"]'),
        finding(RULE, "placeholder", line=1, column=38, what="shortcode", text="[/caption]"),
    ),
    bad("<p>[vc_column_text]</p>", finding(RULE, "placeholder", line=1, what="shortcode", text="[vc_column_text]")),
    bad("<p>Votre texte ici</p>", finding(RULE, "placeholder", line=1, what="default text")),
    ok("<p>Dijo que [su madre] lo sabía; « [celui qui] part » ; [hier: die Regierung].</p>"),
    ok("<p>TK Maxx opened a shop. The date is TBD. Watch: [video]</p>"),
    ok('<img src="qgis.png" alt="[QGIS main interface]">'),
    ok('<img src="a.jpg" alt="Soldiers in Niamey">'),
]


@pytest.mark.parametrize("case", CASES, ids=str)
def test_placeholder_text(case: Case) -> None:
    run_cases(PlaceholderText, case)
