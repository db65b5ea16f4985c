"""Directives in the article that silence rules: comments and the data attribute."""

from __future__ import annotations

import pytest

from lint_article import Article, Config, make_linter

H1S = "<h1>First</h1>\n"


def rules_at(html: str, **config: object) -> list[tuple[int, str]]:
    # Pages: the directives, not the shape of these small inputs, are under test.
    settings = Config.from_mapping({"select": ["single-h1", "no-inline-style"], "profile": "page", **config})
    return [(f.line, f.rule) for f in make_linter(settings).lint(Article.from_html(html)).findings]


@pytest.mark.parametrize(
    ("html", "expected"),
    [
        # A region for named rules.
        (
            H1S + "<!-- lint-article-disable single-h1 -->\n<h1>2</h1>\n<!-- lint-article-enable -->\n<h1>3</h1>",
            [(5, "single-h1")],
        ),
        # No rule named: every rule.
        (
            H1S
            + '<!-- lint-article-disable -->\n<h1 style="x">2</h1>\n<!-- lint-article-enable -->\n<p style="y">3</p>',
            [(5, "no-inline-style")],
        ),
        # An unclosed region runs to the end of the file.
        (H1S + "<!-- lint-article-disable single-h1 -->\n<h1>2</h1>\n<h1>3</h1>", []),
        # Other rules keep reporting inside a region for one rule.
        (
            H1S + '<!-- lint-article-disable single-h1 -->\n<h1 style="x">2</h1>',
            [(3, "no-inline-style")],
        ),
        # Nested: enabling one rule of a wider region leaves the rest disabled.
        (
            H1S + "<!-- lint-article-disable single-h1, no-inline-style -->\n"
            "<!-- lint-article-enable no-inline-style -->\n"
            '<h1 style="x">2</h1>',
            [(4, "no-inline-style")],
        ),
        # Enabling one rule inside a disable-all region.
        (
            H1S + "<!-- lint-article-disable -->\n<!-- lint-article-enable single-h1 -->\n"
            '<h1 style="x">2</h1>\n<!-- lint-article-enable -->\n<p style="y">3</p>',
            [(4, "single-h1"), (6, "no-inline-style")],
        ),
        # Regions that overlap end, each for each rule, at the first enable that names it.
        (
            H1S + "<!-- lint-article-disable single-h1 -->\n<!-- lint-article-disable single-h1, no-inline-style -->\n"
            "<!-- lint-article-enable no-inline-style -->\n"
            '<h1 style="x">2</h1>\n<!-- lint-article-enable single-h1 -->\n<h1 style="y">3</h1>',
            [(5, "no-inline-style"), (7, "single-h1"), (7, "no-inline-style")],
        ),
        # The next line that has content.
        (
            H1S + "<!-- lint-article-disable-next-line single-h1 -->\n\n   \n<h1>2</h1>\n<h1>3</h1>",
            [(6, "single-h1")],
        ),
        # The whole file, from anywhere in it.
        (H1S + "<h1>2</h1>\n<!-- lint-article-disable-file single-h1 -->", []),
        # On an element, for one-line CMS HTML: the element and everything inside.
        (
            '<h1>1</h1><aside data-lint-article-disable="single-h1"><div><h1>2</h1></div></aside><h1>3</h1>',
            [(1, "single-h1")],
        ),
        (
            '<h1>1</h1><aside data-lint-article-disable=""><h1 style="a">2</h1></aside><p style="b">3</p>',
            [(1, "no-inline-style")],
        ),
        # Prose that merely mentions a directive is not one.
        (H1S + "<p>Write lint-article-disable in a comment.</p>\n<h1>2</h1>", [(3, "single-h1")]),
        # Nor is a directive quoted in script text, an attribute value or a <textarea>.
        (H1S + "<script>var s = '<!-- lint-article-disable -->';</script>\n<h1>2</h1>", [(3, "single-h1")]),
        (H1S + '<img alt="<!-- lint-article-disable -->">\n<h1>2</h1>', [(3, "single-h1")]),
        (H1S + "<textarea><!-- lint-article-disable --></textarea>\n<h1>2</h1>", [(3, "single-h1")]),
    ],
)
def test_directives(html: str, expected: list[tuple[int, str]]) -> None:
    assert rules_at(html) == expected


WORDS = " ".join(["word"] * 30)


def word_count(html: str) -> int | None:
    """The count that word-count reports above its maximum of 40, or None when it reports nothing."""
    settings = Config.from_mapping({"select": ["word-count"], "rules": {"word-count": {"min": 1, "max": 40}}})
    report = make_linter(settings).lint(Article.from_html(html))
    return report.findings[0].data["count"] if report.findings else None


def test_prose_rules_leave_disabled_text_out_of_their_counts() -> None:
    html = f"<h1>T</h1><p>{WORDS}</p><p>{WORDS}</p>"
    assert word_count(html) == 60
    boxed = f'<h1>T</h1><p>{WORDS}</p><div data-lint-article-disable="word-count"><p>{WORDS}</p></div>'
    assert word_count(boxed) is None
    commented = (
        f"<h1>T</h1><p>{WORDS}</p><!-- lint-article-disable word-count --><p>{WORDS}</p><!-- lint-article-enable -->"
    )
    assert word_count(commented) is None
    other_rule = f'<h1>T</h1><p>{WORDS}</p><div data-lint-article-disable="single-h1"><p>{WORDS}</p></div>'
    assert word_count(other_rule) == 60
    # An inline element silences its own words, not the rest of its paragraph.
    inline = f'<h1>T</h1><p>{WORDS} <span data-lint-article-disable="word-count">{WORDS}</span> {WORDS}</p>'
    assert word_count(inline) == 60


def test_repeated_phrases_ignore_a_disabled_passage() -> None:
    phrase = "<p>the security situation remains dire</p>"
    html = phrase * 2 + f'<blockquote data-lint-article-disable="repeated-phrases">{phrase}</blockquote>'
    settings = Config.from_mapping({"select": ["repeated-phrases"]})
    assert make_linter(settings).lint(Article.from_html(html)).findings == ()
    assert len(make_linter(settings).lint(Article.from_html(phrase * 3)).findings) == 1


def test_report_unused_disables() -> None:
    html = (
        "<h1>1</h1>\n"
        "<!-- lint-article-disable-next-line single-h1 -->\n<h1>2</h1>\n"
        "<!-- lint-article-disable-next-line single-h1 -->\n<p>nothing to silence</p>\n"
        '<div data-lint-article-disable="no-inline-style"><p>plain</p></div>\n'
        "<!-- lint-article-disable heading-order -->"
    )
    found = rules_at(html, **{"report-unused-disables": True})
    assert found == [(4, "unused-directive"), (6, "unused-directive")]
    assert rules_at(html) == []


def test_thousands_of_directives_each_silence_their_own_finding() -> None:
    # How the time grows with the directives (13.6 s for these 8,000 while every
    # finding was checked against every directive) is the `directives` shape of
    # benchmarks/scaling.py, run by tests/test_scaling.py as a ratio of two sizes.
    html = "<!-- lint-article-disable-next-line -->\n<p style='x'>Word here.</p>\n" * 8_000
    settings = Config.from_mapping({"select": ["no-inline-style", "word-count"], "report-unused-disables": True})
    findings = make_linter(settings).lint(Article.from_html(html)).findings
    assert [f.rule for f in findings] == ["word-count"]  # at line 1, which no directive covers


def test_a_directive_naming_a_rule_nobody_provides_is_reported_by_default() -> None:
    html = (
        "<h1>1</h1>\n"
        "<!-- lint-article-disable no-inline-styl -->\n<p style='a'>x</p>\n"
        "<!-- lint-article-disable-next-line single-h1, bogus-rule -->\n<h1>2</h1>"
    )
    report = make_linter({"profile": "page"}).lint(Article.from_html(html))
    found = [(f.line, f.rule, f.message) for f in report.findings if f.rule != "word-count"]
    assert found == [
        (2, "invalid-directive", "this disable directive names no installed rule: no-inline-styl; "
         "did you mean 'no-inline-style'?"),
        (3, "no-inline-style", "<p> has an inline style attribute; use the style sheet"),
        (4, "invalid-directive", "this disable-next-line directive names no installed rule: bogus-rule"),
    ]  # fmt: skip
    # The second <h1> stays silenced: the directive's single-h1 is installed.
    unused = make_linter({"profile": "page", "report-unused-disables": True}).lint(Article.from_html(html))
    assert [f.line for f in unused.findings if f.rule == "unused-directive"] == []  # reported once, not twice


def findings_of(html: str, *rules: str, **config: object) -> list[tuple[int, str, str]]:
    settings = Config.from_mapping({"select": list(rules), "profile": "page", **config})
    return [(f.line, f.rule, f.message) for f in make_linter(settings).lint(Article.from_html(html)).findings]


@pytest.mark.parametrize(
    ("comment", "message"),
    [
        (
            "<!-- lint-article-disable-line no-inline-style -->",
            "“lint-article-disable-line” is not a lint-article directive and silences nothing; "
            "did you mean “lint-article-disable-next-line” on the line before?",
        ),
        (
            "<!-- lint-article disable no-inline-style -->",
            "“lint-article disable” is not a lint-article directive and silences nothing; "
            "did you mean “lint-article-disable”?",
        ),
        (
            "<!--lint_article-disable-file no-inline-style-->",
            "“lint_article-disable-file” is not a lint-article directive and silences nothing; "
            "did you mean “lint-article-disable-file”?",
        ),
        (
            "<!-- lint-article-disable: no-inline-style -->",
            "“lint-article-disable:” is not a lint-article directive and silences nothing; "
            "did you mean “lint-article-disable”?",
        ),
        (
            "<!-- LINT-ARTICLE-DISABLE no-inline-style -->",
            "“LINT-ARTICLE-DISABLE” is not a lint-article directive and silences nothing; "
            "did you mean “lint-article-disable”?",
        ),
        (
            "<!-- lint-article-disablenext-line no-inline-style -->",
            "“lint-article-disablenext-line” is not a lint-article directive and silences nothing; "
            "did you mean “lint-article-disable-next-line”?",
        ),
        (
            "<!-- lint-article-disable No_Inline_Style -->",
            "“No_Inline_Style” in this directive is not a rule id; the directive silences nothing",
        ),
        (
            "<!-- lint-article: skip this page -->",
            "“lint-article:” is not a lint-article directive and silences nothing (directives: "
            "lint-article-disable, lint-article-enable, lint-article-disable-next-line, lint-article-disable-file)",
        ),
    ],
)
def test_a_comment_addressed_to_the_linter_that_is_no_directive_is_reported_and_obeyed_in_nothing(
    comment: str, message: str
) -> None:
    html = f'<h1>T</h1>\n{comment}\n<p style="x">a</p>\n<p style="y">b</p>'
    assert findings_of(html, "no-inline-style", "invalid-directive") == [
        (2, "invalid-directive", message),
        (3, "no-inline-style", "<p> has an inline style attribute; use the style sheet"),
        (4, "no-inline-style", "<p> has an inline style attribute; use the style sheet"),
    ]


def test_invalid_directives_are_reported_by_default_and_comments_that_merely_mention_the_tool_are_not() -> None:
    html = (
        "<h1>T</h1>\n<!-- checked with lint-article -->\n<!-- lint-article-enable -->\n"
        "<!-- lint-article-disable-line -->\n"
        '<aside data-lint-article-disabled="single-h1"><h1>2</h1></aside>\n'
        '<aside data-lint-article-disable="Single H1"><h1>3</h1></aside>'
    )
    report = make_linter({"profile": "page"}).lint(Article.from_html(html))
    assert [(f.line, f.column, f.rule, f.message_id) for f in report.findings if f.rule != "word-count"] == [
        (4, 1, "invalid-directive", "unknown-directive"),
        (5, 1, "invalid-directive", "unknown-attribute"),
        (5, 47, "single-h1", "extra"),
        (6, 1, "invalid-directive", "bad-rule-id"),
        (6, 46, "single-h1", "extra"),
    ]
    attribute = next(f for f in report.findings if f.message_id == "unknown-attribute")
    assert attribute.message == (
        "the attribute data-lint-article-disabled is not one lint-article reads and silences nothing; "
        "did you mean “data-lint-article-disable”?"
    )


def test_unused_directive_is_a_rule_that_can_be_selected_ignored_and_explained() -> None:
    html = "<h1>1</h1>\n<!-- lint-article-disable-next-line single-h1 -->\n<p>nothing to silence</p>"
    assert findings_of(html, "single-h1", "unused-directive") == [
        (2, "unused-directive", "this disable-next-line directive (single-h1) silenced nothing; remove it")
    ]
    assert findings_of(html, "single-h1", **{"report-unused-disables": True}) == findings_of(
        html, "single-h1", "unused-directive"
    )
    ignored = findings_of(html, "single-h1", **{"report-unused-disables": True, "ignore": ["unused-directive"]})
    assert ignored == []
