"""A page's variants for several screen widths: the linter reads the one a desktop shows."""

from __future__ import annotations

import pytest

from lint_article import Article, api
from lint_article.document import styles

# Framer's style sheet: each variant is hidden at the widths of the others.
VARIANTS_CSS = (
    "@media (min-width: 1200px) { .hidden-desktop { display: none !important } }"
    "@media (min-width: 810px) and (max-width: 1199px) { .hidden-tablet { display: none !important } }"
    "@media (max-width: 809px) { .hidden-phone { display: none !important } }"
)
STORY = "<h1>Remodel costs</h1><h2>Permits</h2><p>Permits cost more in the city than in the valley.</p>"


def variants_page(story: str = STORY, css: str = VARIANTS_CSS) -> str:
    variant = '<div class="ssr-variant {}">{}</div>'
    return (
        f"<html><head><style>{css}</style></head><body><main>"
        + variant.format("hidden-tablet hidden-phone", story)
        + variant.format("hidden-desktop hidden-phone", story.replace("<p>", '<p><img src="t.jpg">'))
        + variant.format("hidden-desktop hidden-tablet", story)
        + "</main></body></html>"
    )


def test_a_page_written_once_for_each_width_reads_once() -> None:
    article = Article.from_html(variants_page())
    assert article.text == "Remodel costs\n\nPermits\n\nPermits cost more in the city than in the valley."
    assert [h.text for h in article.headings] == ["Remodel costs", "Permits"]
    # The tablet's variant holds a picture without alt text: hidden, it is no finding.
    (image,) = article.tree.iter("img")
    assert not article.is_visible(image)
    report = api.lint(variants_page(), config={"select": ["duplicate-title", "image-alt"]})
    assert report.findings == ()


def test_an_element_hidden_on_desktops_without_a_variant_beside_it_stays_shown() -> None:
    # A phone's menu button, nothing beside it for a desktop: left shown, so a
    # page that the parser nests inside it (as it nests the rest of a page in
    # a <button> that holds an unclosed <div>) is never hidden whole.
    css = "@media (min-width: 70em) { .menu-button { display: none } }"
    page = f'<html><head><style>{css}</style></head><body><button class="menu-button"><div>Menu</button>{STORY}'
    assert "Permits cost more" in Article.from_html(page).text


@pytest.mark.parametrize(
    ("css", "found"),
    [
        ("@media (min-width: 1200px) { .a { display: none } }", [(True, "a")]),
        ("@media (max-width: 809px) { .a { display:none!important; } }", [(False, "a")]),
        ("@media only screen and (min-width: 48em) { .a { display: none } }", [(True, "a")]),  # 768 px
        (
            "@media (width >= 1024px) { .a { display: none } } @media (width < 60em) { .b { display: none } }",
            [
                (True, "a"),
                (False, "b"),
            ],
        ),
        ("@media (max-width: 600px), (min-width: 1400px) { .a { display: none } }", [(True, "a")]),
        # What the linter does not read: another feature, another selector, another declaration, no query.
        ("@media print { .a { display: none } }", []),
        ("@media (prefers-color-scheme: dark) { .a { display: none } }", []),
        ("@media (min-width: 1200px) and (orientation: portrait) { .a { display: none } }", []),
        ("@media (min-width: 1200px) { .a .b { display: none } div.c { display: none } #d { display: none } }", []),
        ("@media (min-width: 1200px) { .a { visibility: hidden } .b { display: none-ish } }", []),
        (".a { display: none }", []),
        # A nested block's rules are the query's too.
        (
            "@media (min-width: 1px) { @supports (x: y) { .a { display: none } } .b { display: none } }",
            [(True, "a"), (True, "b")],
        ),
    ],
)
def test_which_rules_hide_a_class_at_which_width(css: str, found: list[tuple[bool, str]]) -> None:
    assert sorted(styles._hidden_in(css)) == sorted(found)
