"""Table tests for the six rules of the design card."""

from __future__ import annotations

import pytest

from lint_article.rules.heading_order import HeadingOrder
from lint_article.rules.no_inline_style import NoInlineStyle
from lint_article.rules.readability import Readability
from lint_article.rules.repeated_phrases import RepeatedPhrases
from lint_article.rules.single_h1 import SingleH1
from lint_article.rules.word_count import WordCount
from lint_article.testing import Case, bad, finding, ok, run_cases

SINGLE_H1 = [
    ok("<h1>Title</h1><h2>Part</h2>"),
    bad("<p>No title here</p>", finding("single-h1", line=1, column=1, message="no <h1> found")),
    bad(
        "<h1>First</h1>\n<p>x</p>\n<h1>Second</h1>\n<h1>Third</h1>",
        finding("single-h1", line=3, column=1, message="the first <h1> is on line 1"),
        finding("single-h1", line=4, column=1, message="the first <h1> is on line 1"),
    ),
    # Minified CMS HTML: the column tells the two apart.
    bad("<h1>A</h1><p>x</p><h1>B</h1>", finding("single-h1", line=1, column=19, message="extra <h1>")),
    ok("<h1>Real</h1><template><h1>Later</h1></template>"),
    ok("<h1>Real</h1><!-- <h1>Old title</h1> -->"),
    ok("<h1>Real</h1><script>document.write('<h1>x</h1>')</script>"),
    ok("<h1>Real</h1><div hidden><h1>Hidden</h1></div>"),
    bad("<template><h1>Later</h1></template><p>x</p>", finding("single-h1", line=1, message="no <h1>")),
    ok("<h2>Body heading</h2><p>x</p>", options={"min": 0, "max": 0}),
    bad(
        "<h2>A</h2>\n<h1>Title</h1>",
        finding("single-h1", line=2, column=1, message="use <h2> and below"),
        options={"min": 0, "max": 0},
    ),
]

HEADING_ORDER = [
    ok("<h1>T</h1><h2>A</h2><h3>B</h3><h2>C</h2>"),
    ok("<h1>T</h1><h2>A</h2><h3>B</h3><h4>C</h4><h2>D</h2>"),
    bad("<h1>T</h1>\n<h3>B</h3>", finding("heading-order", line=2, column=1, message="expected <h2>")),
    bad(
        "<h1>T</h1>\n<h2>A</h2>\n<h4>B</h4>",
        finding("heading-order", line=3, column=1, message="heading jumps from <h2> to <h4>; expected <h3>"),
    ),
    bad("<h2>A</h2>\n<h3>B</h3>", finding("heading-order", line=1, column=1, message="first heading is <h2>")),
    ok("<h2>A</h2><h3>B</h3>", options={"start_level": 2}),
    bad("<h1>T</h1>", finding("heading-order", line=1, message="expected <h2>"), options={"start_level": 2}),
    # Going back up any number of levels is fine; only the next one down is checked.
    bad(
        "<h1>T</h1><h2>A</h2><h3>B</h3><h4>C</h4><h1>U</h1>\n<h3>D</h3>",
        finding("heading-order", line=2, message="from <h1> to <h3>"),
    ),
    ok("<h1>T</h1><template><h4>x</h4></template><h2>A</h2>"),
]

NO_INLINE_STYLE = [
    ok('<p class="x">Plain</p>'),
    bad(
        '<h1>T</h1>\n<p>a <span style="color:red">b</span></p>',
        finding("no-inline-style", line=2, column=12, message="<span> has an inline style attribute"),
    ),
    bad(
        '<div>\n  <p\n    class="x"\n    style="margin:0">t</p></div>',
        finding("no-inline-style", line=4, column=5, message="<p>"),
    ),
    # Prose that mentions the attribute, and commented-out markup, are not elements.
    ok('<p>Never write style="color:red" in an article.</p>'),
    ok('<!-- <p style="color:red">old</p> --><p>new</p>'),
    ok("<pre>&lt;p style=&quot;x&quot;&gt;</pre>"),
    bad(
        '<p style="a">1</p><p style="b">2</p>',
        finding("no-inline-style", line=1, column=4),
        finding("no-inline-style", line=1, column=22),
    ),
]

_WORDS_40 = " ".join(["word"] * 40)

WORD_COUNT = [
    ok(f"<h1>T</h1><p>{_WORDS_40}</p>", options={"min": 10, "max": 100}),
    bad(
        f"<h1>T</h1>\n<p>{_WORDS_40}</p>",
        finding("word-count", line=1, column=5, message="the article has 41 words; expected 300 to 5,000"),
    ),
    bad(
        f"<h1>T</h1>\n<p>{_WORDS_40}</p>\n<p>{_WORDS_40}</p>",
        finding("word-count", line=3, message="the article has 81 words; expected 10 to 50"),
        options={"min": 10, "max": 50},
    ),
    bad(
        f"<h1>T</h1><p>{_WORDS_40}</p>",
        finding("word-count", line=1, message="expected 45 to 55"),
        options={"target": 50, "tolerance": 0.1},
    ),
    ok(f"<h1>T</h1><p>{_WORDS_40}</p>", options={"min": 0, "max": None}),
    bad("", finding("word-count", line=1, column=1, message="the article has 0 words")),
    # Scripts, styles, comments, attributes and hidden text are not words a reader sees.
    ok(
        '<p title="one two three">a b c</p><script>x y z</script><style>p{}</style>'
        "<!-- d e f --><div hidden>g h</div><noscript>i j</noscript>",
        options={"min": 3, "max": 3},
    ),
    # Blocks never run together: "end" and "Start" stay two words.
    ok("<p>end</p><p>Start</p>", options={"min": 2, "max": 2}),
    ok("<td>a</td><td>b</td><li>c<li>d", options={"min": 4, "max": 4}),
]

_EASY = (
    "<p>The town will fix the roads this year. Work starts in May. It will take six weeks. "
    "Some streets will close for a day or two. Buses will run on the main road. The work will "
    "cost less than last time. The money comes from the state. People can ask questions at the "
    "town hall on Monday night. The mayor said the roads are in bad shape. She thanked people "
    "for their patience. Crews will work from seven in the morning to five at night. Signs will "
    "show which streets are shut. Check the town website for the latest news.</p>"
)
_HARD = (
    "<p>Notwithstanding the aforementioned considerations, institutional stakeholders' "
    "multidimensional interdependencies necessitate comprehensive, systematically coordinated "
    "intergovernmental reconceptualisation of contemporaneous administrative responsibilities, "
    "particularly regarding infrastructural modernisation, environmental sustainability, "
    "socioeconomic inclusivity, and technological transformation initiatives. Consequently, "
    "organisational representatives unanimously recommended establishing supplementary "
    "interdisciplinary consultative committees, simultaneously prioritising transparency, "
    "accountability, responsiveness, and evidence-based evaluation methodologies throughout "
    "implementation. Furthermore, participating municipalities' administrative authorities "
    "acknowledged considerable operational difficulties originating from insufficiently harmonised "
    "regulatory frameworks, contradictory jurisdictional interpretations, and persistently "
    "inadequate intergovernmental communication mechanisms.</p>"
) * 2

READABILITY = [
    ok(f'<html lang="en"><body><h1>Roads</h1>{_EASY}</body></html>'),
    bad(
        f'<html lang="en"><body><h1>Notice</h1>\n{_HARD}</body></html>',
        finding("readability", line=2, column=4, message="Flesch reading ease is -189.7, below the minimum of 50"),
        finding(
            "readability",
            line=2,
            column=4,
            message="grade is 45.9, above the maximum of 12; hardest paragraphs: line 2",
        ),
    ),
    # Too short to score.
    ok('<html lang="en"><body><p>Notwithstanding institutional multidimensionality.</p></body></html>'),
    # Thresholds are options, both ways.
    bad(
        f'<html lang="en"><body>{_EASY}</body></html>',
        finding("readability", line=1, message="below the minimum of 110"),
        options={"min_reading_ease": 110},
    ),
    ok(f'<html lang="en"><body>{_HARD}</body></html>', options={"min_words": 1000}),
    # A language textstat has no coefficients for is skipped, not guessed at.
    ok(f'<html lang="ja"><body>{_HARD}</body></html>'),
    # Without lang, English is recognised by its function words...
    bad(
        f"<div>\n{_EASY}</div>",
        finding("readability", line=2, message="minimum of 110"),
        options={"min_reading_ease": 110},
    ),
    # ... and a configured language wins over the guess.
    ok(f"<div>{_EASY}</div>", options={"min_reading_ease": 110}, language="ja"),
    # ... but not over the article's own <html lang>.
    bad(
        f'<html lang="en"><body>\n{_EASY}</body></html>',
        finding("readability", line=2, message="minimum of 110"),
        options={"min_reading_ease": 110},
        language="ja",
    ),
    # German has its own coefficients (Amstad) and no grade.
    bad(
        f'<html lang="de"><body>\n{_HARD}</body></html>',
        finding("readability", line=2, message="Flesch reading ease"),
    ),
]

_REPEAT = "the security situation remains dire"

REPEATED_PHRASES = [
    ok(f"<p>{_REPEAT} in the north.</p><p>{_REPEAT} in the south.</p>"),
    bad(
        f"<h1>T</h1>\n<p>The {_REPEAT[4:]} here.</p>\n<p>Yes, {_REPEAT}.</p>\n<p>{_REPEAT.title()}!</p>",
        finding(
            "repeated-phrases",
            line=2,
            column=4,
            message="“The security situation remains dire” appears 3 times (lines 2, 3, 4)",
        ),
    ),
    # The longest repeated form is reported once, not each overlapping sub-phrase.
    bad(
        "<p>We must fix the broken roads before winter comes again.</p>"
        "<p>They said we must fix the broken roads before winter comes again.</p>"
        "<p>And we must fix the broken roads before winter comes again!</p>",
        finding(
            "repeated-phrases", line=1, message="“We must fix the broken roads before winter comes again” appears 3"
        ),
    ),
    # Never across a sentence or block boundary.
    ok("<p>It rained all day.</p><p>It rained</p><p>all day</p><p>It rained. All day</p>"),
    ok("<p>Red green blue. Yellow.</p><p>Red green blue. Pink.</p><p>Red green. Blue yellow.</p>"),
    # Function words alone are no phrase.
    ok("<p>Out of the box.</p><p>Out of the blue.</p><p>Out of the way.</p>"),
    ok(f"<p>{_REPEAT}.</p>" * 3, options={"min_occurrences": 4}),
    bad(
        f"<p>{_REPEAT}.</p>" * 2,
        finding("repeated-phrases", line=1, message="appears 2 times"),
        options={"min_occurrences": 2},
    ),
    # Case and punctuation do not hide a repeat.
    bad(
        "<p>Climate, change matters.</p><p>CLIMATE change matters!</p><p>climate change, matters</p>",
        finding("repeated-phrases", line=1, message="appears 3 times"),
    ),
    # Every occurrence's line is named, each line once; a line holding two, with their columns.
    bad(
        "\n".join([f"<p>{_REPEAT}.</p>"] * 12 + [f"<p>{_REPEAT}. {_REPEAT}.</p>"]),
        finding(
            "repeated-phrases",
            line=1,
            message=f"appears 14 times (lines {', '.join(map(str, range(1, 13)))}, 13:4, 13:{4 + len(_REPEAT) + 2})",
        ),
        options={"per_words": 10_000},
    ),
    # One-line HTML: every occurrence by its column.
    bad(
        f"<p>{_REPEAT}.</p><p>{_REPEAT}.</p><p>{_REPEAT}.</p>",
        finding("repeated-phrases", line=1, column=4, message="appears 3 times (line 1, columns 4, 47, 90)"),
    ),
]

TABLES = [
    (SingleH1, SINGLE_H1),
    (HeadingOrder, HEADING_ORDER),
    (NoInlineStyle, NO_INLINE_STYLE),
    (WordCount, WORD_COUNT),
    (Readability, READABILITY),
    (RepeatedPhrases, REPEATED_PHRASES),
]


@pytest.mark.parametrize(
    ("rule", "case"),
    [(rule, case) for rule, cases in TABLES for case in cases],
    ids=[f"{rule.id}-{i}" for rule, cases in TABLES for i, _ in enumerate(cases)],
)
def test_rule_case(rule: type, case: Case) -> None:
    run_cases(rule, case)
