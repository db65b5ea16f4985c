"""Whether linting time grows linearly with the input, whatever the input's shape.

    python benchmarks/scaling.py [--small 125000] [--factor 8] [--limit 20] [--only NAME,...]
    python benchmarks/scaling.py --write-seeds fuzz/seeds    # the shapes, small, for the fuzzer

Each shape below is an adversarial article: the inputs that once made a stage
quadratic (runs of "Dr. ", "…" or "!", a sentence of lower-case fragments, an
echo of the prompt repeated, an element with thousands of attributes), and for
each rule and each stage of the document model the input that makes it work
hardest (deep nesting, one huge line, thousands of headings, links, images,
comments or directives, long words, no spaces, CJK, RTL, entity floods, huge
numeric character references). Each is linted with every built-in rule at two
sizes *factor* times apart (by default 125 KB and 1 MB); the script prints both
times and their ratio, and fails when a ratio exceeds *limit*: linear time
grows 8 times, quadratic time 64 times.

Times are CPU seconds of this process (the median of --repeat runs at the
smaller size, one run at the larger; a shape over the limit is measured once
more, the larger size then as often as the smaller, and the lower ratio kept),
so that the other processes of a shared
machine do not distort the ratio; a time under 10 ms counts as 10 ms, since
below that it is mostly noise. A shape that takes longer than --deadline
seconds of wall time at either size is stopped there (by lint-article's own
time limit) and fails. An article that the linter refuses by design (an
element with too many attributes) is timed like any other, and its error shown.

``tests/test_scaling.py`` runs it in CI at 32 KB and 256 KB.
"""

from __future__ import annotations

import argparse
import random
import statistics
import sys
import time
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from lint_article import make_linter
from lint_article.registry import load_registry
from lint_article.time_limit import TimeLimitExceeded, time_limit

Shape = Callable[[int], str]
SHAPES: dict[str, Shape] = {}


def shape(name: str) -> Callable[[Shape], Shape]:
    def register(function: Shape) -> Shape:
        SHAPES[name] = function
        return function

    return register


def repeated(unit: str, size: int, before: str = "", after: str = "") -> str:
    """*unit* repeated to fill about *size* bytes of UTF-8 between *before* and *after*."""
    count = max(1, (size - len(before) - len(after)) // len(unit.encode()))
    return before + unit * count + after


def numbered(template: str, size: int, before: str = "", after: str = "") -> str:
    """*template* formatted with 0, 1, 2, ... until about *size* bytes."""
    parts: list[str] = []
    total = len(before) + len(after)
    index = 0
    while total < size:
        part = template.format(index)
        parts.append(part)
        total += len(part.encode())
        index += 1
    return before + "".join(parts) + after


def repeat(name: str, unit: str, before: str = "", after: str = "") -> None:
    """Shape *name*: *unit* repeated between *before* and *after*."""
    SHAPES[name] = lambda size: repeated(unit, size, before, after)


def number(name: str, template: str, before: str = "", after: str = "") -> None:
    """Shape *name*: *template* numbered 0, 1, 2, ... between *before* and *after*."""
    SHAPES[name] = lambda size: numbered(template, size, before, after)


_WORDS = (
    "the council met on monday and agreed to repair old bridge before winter road water town mayor said "
    "budget would cover most of work while residents asked about traffic during months ahead"
).split()


def prose(size: int, seed: int, sentence: Callable[[random.Random], str]) -> str:
    rng = random.Random(seed)
    parts: list[str] = []
    total = 0
    while total < size:
        parts.append(sentence(rng))
        total += len(parts[-1]) + 1
    return " ".join(parts)


# -- the shapes of the issue ---------------------------------------------------------


repeat("dr-runs", "Dr. ", "<p>", "</p>")
repeat("ellipses", "…", "<p>", "</p>")
repeat("exclamations", "!", "<p>", "</p>")
repeat("ab-stops", "ab. ", "<p>", "</p>")


@shape("lowercase-sentences")
def _lowercase_sentences(size: int) -> str:
    def sentence(rng: random.Random) -> str:
        return " ".join(rng.choice(_WORDS) for _ in range(rng.randint(4, 14))) + "."

    return "<p>" + prose(size, 1, sentence) + "</p>"


repeat("prompt-echo", "as per your instructions, ", "<p>", "</p>")
number("attributes-on-one-element", ' a{}="v"', "<p", ">text</p>")


# -- the document model ---------------------------------------------------------------


repeat("deep-divs", "<div>", "", "<p>Deep words.</p>")
repeat("deep-spans-in-a-paragraph", "<span>", "<p>", "<b>Bold</b> words.</p>")
repeat("deep-lists", "<ul><li>item ")
repeat("unclosed-paragraphs", "<p>Unclosed words here")


@shape("one-huge-line")
def _one_huge_line(size: int) -> str:
    def sentence(rng: random.Random) -> str:
        words = [rng.choice(_WORDS) for _ in range(rng.randint(6, 20))]
        return " ".join([words[0].capitalize(), *words[1:]]) + rng.choice(".!?")

    return "<h1>Title</h1><p>" + prose(size, 2, sentence) + "</p>"


repeat("many-lines", "word\n", "<p>", "</p>")
repeat("comments", "<!-- a comment -->x ", "<p>", "</p>")
repeat("unclosed-comment", "text -- > ", "<p>start</p><!--")
repeat("bogus-comments", "<!x><?y>", "<p>", "</p>")
repeat("less-than-signs", "<", "<p>", "</p>")
repeat("unclosed-start-tags", "<a", "<p>")
repeat("stray-end-tags", "</span></p></div>x", "<p>")
repeat("unclosed-quotes-in-tags", '<a b="', "<p>")
repeat("unclosed-raw-text", "<textarea>x", "<p>")
repeat("long-attribute-value", "x", '<p title="', '">text</p>')


@shape("attributes-on-many-elements")
def _attributes_on_many_elements(size: int) -> str:
    element = "<span " + " ".join(f'a{i}="v"' for i in range(200)) + ">w</span>"
    return repeated(element, size, "<p>", "</p>")


repeat("named-entities", "&amp;&lt;&eacute;&ampx ", "<p>", "</p>")
repeat("numeric-entities", "&#x41;&#66;&#0;&#xD800; ", "<p>", "</p>")
repeat("huge-numeric-reference", "9", "<p>&#", ";</p>")
repeat("huge-hex-reference", "f", "<p title='&#x", "'>&#x" + "f" * 5000 + "</p>")
repeat("stray-text-in-a-table", "stray <b>bold</b><tr><td>cell</td></tr>", "<table>", "</table>")
repeat("nested-tables", "<table><tr><td>cell")
repeat("nested-void-elements", "a<wbr>b<source>", "<p>", "</p>")
repeat("line-breaks", "word<br>", "<p>", "</p>")
repeat("nul-and-carriage-returns", "a\x00\r\rb\r\n", "<p>", "</p>")
repeat("hidden-elements", '<span hidden>x</span><span style="display:none">y</span> z ', "<p>", "</p>")
repeat("svg-and-math", "<svg><title>t</title><text>x</text></svg><math><mi>y</mi></math> ", "<p>", "</p>")
repeat("text-between-blocks", "loose text <p>para</p> more <code>x</code> ", "<div>", "</div>")


@shape("text-between-blocks-with-links-and-bold")
def _text_between_blocks_with_links(size: int) -> str:
    unit = "Short Title <a href=x>link</a> <b>bold</b><br><p>The council met on Monday to agree on it.</p>"
    return repeated(unit, size, "<div>", "</div>")


# -- text -----------------------------------------------------------------------------


repeat("one-long-word", "abcdefghij", "<p>", "</p>")
repeat("no-spaces", "abc.def,ghi;jkl!", "<p>", "</p>")
repeat("numbers-and-initials", "1.2,3:4 A.B.C. U.S. e.g. ", "<p>", "</p>")
repeat("hyphens-and-apostrophes", "a-b'c’d-", "<p>", "</p>")
repeat("cjk", "東京は大きい都市です。", '<html lang="ja"><body><p>', "</p></body></html>")
repeat("cjk-without-full-stops", "東京大都市", "<p>", "</p>")
repeat("combining-marks", "भारत की राजधानी cafe\u0301\u0301 ", '<html lang="hi"><body><p>', "</p></body></html>")
repeat("one-word-of-marks", "a\u0301\u0302", "<p>", "</p>")


@shape("rtl")
def _rtl(size: int) -> str:
    sentence = "\u200fقال رئيس البلدية إن الميزانية ستغطي معظم الأعمال. "
    return repeated(sentence, size, '<html lang="ar" dir="rtl"><body><p>', "</p></body></html>")


repeat("bidi-controls", "\u202ea\u202cb\u2066c\u2069 ", "<p>", "</p>")
repeat("white-space", " \t\n\u00a0\u2028 x", "<p>", "</p>")
repeat("question-and-closing-quotes", "?”)’", "<p>", " end</p>")
repeat("quotation-marks", "“a \"b ‘c 'd «e ", "<p>", "</p>")


# -- rules ------------------------------------------------------------------------------


number("headings", "<h2>Part {0}</h2><p>Text {0}.</p>", "<h1>Title</h1>")


@shape("headline-printed-again")
def _headline_printed_again(size: int) -> str:
    headline = "Big News From The Council Today"
    before = f"<title>{headline}</title><h1>{headline}</h1><div>"
    return repeated(f"{headline}<p>x</p><a href=y>{headline}</a>", size, before, "</div>")


@shape("story-header-lines")
def _story_header_lines(size: int) -> str:
    # A story's header of many lines as long as a deck, which the article finder
    # weighs as decks against each other (it once did so for every pair).
    line = (
        "<div>The council met on monday and agreed to repair the old bridge before the winter came</div>"
        + "<div>"
        + "<a href=/t>Council</a> <a href=/u>Bridges</a> <a href=/v>Winter</a> " * 5
        + "</div>"
    )
    header = repeated(line, size // 4, "<header class='article-header'><h1>Title</h1>", "<a href=/by>By</a></header>")
    paragraph = "<p>" + "The council met on Monday and agreed to repair the old bridge. " * 4 + "</p>"
    story = repeated(paragraph, size - size // 4)
    return f"<html><body><article>{header}{story}</article></body></html>"


@shape("streamed-boundaries")
def _streamed_boundaries(size: int) -> str:
    # React's streamed content, each boundary inside the content streamed before
    # it: moved into its boundary, each would nest one level deeper than the last.
    unit = (
        '<div hidden id="S:{0}"><p>The council met on Monday.</p>'
        '<!--$?--><template id="B:{1}"></template><!--/$--></div>'
    )
    call = '$RC("B:{0}","S:{0}");'
    count = max(1, size // (len(unit) + len(call) + 8))
    contents = "".join(unit.format(i, i + 1) for i in range(count))
    calls = "".join(call.format(i) for i in range(count))
    return f'<body><!--$?--><template id="B:0"></template><!--/$-->{contents}<script>{calls}</script></body>'


@shape("width-variants")
def _width_variants(size: int) -> str:
    # A page printed once for each screen width, each variant hidden at the others'
    # widths by a media query of its own style sheet (Framer's): half the input is
    # the style sheet (a rule a class, every other one for a desktop's width), half
    # the variants, side by side.
    rule = "@media (min-width: {1}px) {{ .v{0} {{ display: none }} }} "
    css = "".join(rule.format(i, 1000 + 1000 * (i % 2)) for i in range(size // 2 // len(rule)))
    variant = '<div class="v{0}"><p>The council met on Monday and agreed to repair the bridge.</p></div>'
    return f"<html><head><style>{css}</style></head><body>{numbered(variant, size // 2)}</body></html>"


# A grid of teasers deep inside the page, beside a story: the article finder
# once looked for each teaser's outermost teaser among all its ancestors.
repeat(
    "teasers-deep-inside",
    "<div class=card><h3><a href=/s>Another story's headline, linked</a></h3><p>A line of it.</p></div>",
    "<article><h1>Title</h1>" + "<p>" + "The council met on Monday and agreed to repair the old bridge. " * 30 + "</p>"
    "<div>" * 990,
)


# A long list under a pointer line ("Read also:"): each item once asked whether
# every item of its list holds a link (12 s for 8,000 items, against 0.3 s now).
repeat(
    "items-under-a-pointer",
    "<li>Some words that say more than the link here <a href=/x>x</a></li>",
    "<article><h1>Title</h1><p>" + "The council met on Monday and agreed to repair the old bridge. " * 40 + "</p>"
    "<div>Read also:</div><ul>",
)


# Pictures and named controls among the furniture set aside inside a story: each
# picture's neighbours are looked up, and each named link read.
repeat(
    "pictures-among-furniture",
    '<div class="share-bar"><a href="/s">Share</a></div><div class="pic"><img src="a.png"></div>'
    '<a class="share-button" href="/x"><img src="b.png"></a><p>The council met on Monday.</p>',
    "<html><body><article><h1>Title</h1><p>" + "The council met on Monday and agreed to repair it. " * 30 + "</p>",
    "</article></body></html>",
)
# Share bars left open, each inside the last: past the parser's depth limit (a
# thousand of them), their labels are the body's, and boilerplate reports each; a
# fix's deletion once read the rest of the page for each one (a short story, so
# that the bars outweigh it at both sizes).
repeat(
    "furniture-deep-inside",
    '<div class="share-bar"><a href="/s">Share</a>',
    "<html><body><article><h1>Title</h1><p>" + "The council met on Monday and agreed to repair it. " * 3 + "</p>",
)


repeat("same-headings", "<h3>Pros</h3><h4>Cons</h4><h2>Pros</h2>", "<h1>Title</h1>")
repeat("empty-and-skipped-headings", "<h1></h1><h6> </h6><h3><img src=a.png></h3>")
number("links", '<a href="https://example.org/{0}">click here</a> <a href="#x{0}"></a> ', "<p>", "</p>")
number("bare-url-links", '<a href="https://example.org/{0}">https://example.org/{0}</a> ', "<p>", "</p>")
number("images", '<img src="photo_{0}.jpg"><img src="a.png" alt="IMG_{0}.JPG"><img alt="#image_title">')
repeat("images-deep-inside", "<img src=a.png>", "<div>" * 990 + "<a href=x>")
# Pictures nested deep inside a short caption's wrapper: the caption test once
# walked up from each of them (1.5 s for 256 KB, against 3 ms now).
repeat("pictures-deep-in-a-caption", "<img src=a.png>", "<div><p>Boats in the market hall." + "<span>" * 990)
number("findings-deep-inside", '<img src="photo_{0}.jpg">', "<div>" * 990)
repeat("inline-styles", "<p style=\"color: red\">x</p><span style='a'>y</span>")
repeat("placeholders", "[Insert quote here] {{name}} %%title%% TKTK TODO: #image_title Lorem ipsum ", "<p>", "</p>")
repeat("open-brackets", "{{[{%${[insert ", "<p>", "</p>")
repeat("boilerplate", "<p>Share on Facebook</p><p>5 min read</p><p>Viral_X By Viral_X</p>")


@shape("fake-headings")
def _fake_headings(size: int) -> str:
    body = "<p>" + "The council met on Monday and agreed to repair the old bridge. " * 2 + "</p>"
    return repeated("<p><strong>Short Bold Title</strong></p>" + body, size, "<h1>T</h1>")


repeat("bold-deep-inside", "<span>", "<p>", "<b>Title</b></p><p>" + "word " * 30 + "</p>")
repeat("long-paragraph-with-breaks", "word " * 160 + "<br><p>x</p>", "<div>", "</div>")
repeat("one-long-sentence", "word and ", "<p>", ".</p>")
repeat("repeated-phrase", "the quick brown fox jumps over ", "<p>", "</p>")


@shape("distinct-phrases")
def _distinct_phrases(size: int) -> str:
    def sentence(rng: random.Random) -> str:
        return " ".join(f"w{rng.randrange(1 << 20)}" for _ in range(10)) + "."

    return "<p>" + prose(size, 3, sentence) + "</p>"


@shape("generation-signals")
def _generation_signals(size: int) -> str:
    unit = (
        "Sure! Here is an article about it: I hope this helps, says the ministry. Let me know if you'd like "
        "any changes. (Word count: 812) Note: this article is fictional. As an AI language model, I "
    )
    return repeated(unit, size, "<p>", "</p>")


repeat("opening-marks-that-never-close", "‘a “b «c „d ", "<p>TODO: check. ", "</p>")
repeat("generation-signals-in-quotes", "“as per your instructions” <code>per your request</code> ", "<p>", "</p>")
repeat("grading-list", "<li>Neutral Tone: Ensured language remained factual</li>", "<p>Review:</p><ul>", "</ul>")
repeat("openings", "<p>Sure! Here is an article about the Sahel:</p><p>Meta description: x</p>")
repeat(
    "leak-situations",
    "Möchtest du, dass ich den Text kürze? Lo siento, pero no puedo. 【1†source】 "
    ":contentReference[oaicite:1]{index=1} "
    "✅ Tone ✅ Laat me weten als je aanpassingen wilt, zal ik, czy mam, Stand meines Wissens ",
    "<p>",
    "</p>",
)
repeat("leak-openings", "<p>[Note: replace x</p><p>Introduction (approx. 150</p><p>You said:</p><p>Copy code</p>")
repeat("markdown-marks", "**a** [x](https://e.org/a) ``` |---| ## h - A - B ", "<p>- A ", "</p>")
repeat("markdown-open-marks", "**a [b]( ** |-- ## ", "<p>", "</p>")
repeat("bracket-instructions", "[Insérer une citation [caption id=x [vc_row [Zitat ", "<p>", "</p>")
repeat(
    "ai-style",
    "It's not a plan, it's a tapestry. Fast, cheap, and clean. Let's delve into the realm of ",
    "<p>",
    "</p>",
)


@shape("directives")
def _directives(size: int) -> str:
    unit = (
        "<!-- lint-article-disable-next-line no-inline-style -->\n<p style='x'>x</p>\n"
        "<!-- lint-article-disable word-count, readability --><p>y</p><!-- lint-article-enable word-count -->\n"
    )
    return repeated(unit, size)


repeat("disable-attributes", '<span data-lint-article-disable="word-count">x</span> y ', "<p>", "</p>")


def sample(name: str, size: int) -> str:
    return SHAPES[name](size)


# -- measuring --------------------------------------------------------------------------

# Below this, a time is mostly noise (a garbage collection, the clock): the ratio
# is taken against it instead.
NOISE_FLOOR = 0.01


def all_rules_linter():
    registry = load_registry()
    built_in = [rule_id for rule_id, entry in registry.rules.items() if entry.origin == "lint-article"]
    return make_linter({"select": built_in})


@dataclass
class Row:
    shape: str
    small: float | None = None
    large: float | None = None
    refused: str | None = None
    """The report's error, when the article is refused by design (an element with too many attributes)."""
    failure: str | None = None

    @property
    def ratio(self) -> float | None:
        if self.small is None or self.large is None:
            return None
        return self.large / max(self.small, NOISE_FLOOR)


def cpu_seconds_to_lint(linter, html: str, repeat: int, limit: float) -> tuple[float, str | None]:
    """Median CPU time of *repeat* runs (CPU time, so that the other processes of a
    shared machine do not count), and the report's error if it has one."""
    samples = []
    error = None
    for _ in range(repeat):
        started = time.process_time()
        with time_limit(limit):
            report = linter.lint(html, "<scaling>", max_bytes=None, timeout=None)
        samples.append(time.process_time() - started)
        crashes = [f.message for f in report.internal_errors]
        if crashes:
            raise RuntimeError(crashes[0])
        error = report.error
    return statistics.median(samples), error


def measure(name: str, small: int, factor: int, limit: float, repeat: int, linter, *, large_runs: int = 0) -> Row:
    """Times of shape *name* at *small* bytes and *factor* times that (the median
    of *large_runs* runs at the larger size; by default half of *repeat*)."""
    row = Row(name)
    size = small
    try:
        row.small, row.refused = cpu_seconds_to_lint(linter, sample(name, size), repeat, limit)
        size = small * factor
        row.large, _ = cpu_seconds_to_lint(linter, sample(name, size), large_runs or max(1, repeat // 2), limit)
    except TimeLimitExceeded:
        row.failure = f"over the deadline of {limit:g} s at {size_label(size)}"
    except Exception as exc:  # noqa: BLE001 - a crash is this shape's result, and the other shapes still run
        row.failure = f"failed at {size_label(size)}: {type(exc).__name__}: {str(exc)[:200]}"
    return row


def size_label(size: int) -> str:
    return f"{size / 1_000_000:g} MB" if size >= 1_000_000 else f"{size / 1000:g} KB"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--small", type=int, default=125_000, help="the smaller size, in bytes")
    parser.add_argument("--factor", type=int, default=8, help="the larger size is this many times the smaller")
    parser.add_argument("--limit", type=float, default=20.0, help="the largest ratio of the two times that passes")
    parser.add_argument("--deadline", type=float, default=60.0, help="seconds of wall time a shape may take at a size")
    parser.add_argument("--repeat", type=int, default=3, help="runs at the smaller size (the median is kept)")
    parser.add_argument("--only", help="comma-separated shape names")
    parser.add_argument("--write-seeds", type=Path, metavar="FOLDER", help="write each shape at 2 KB there, and stop")
    args = parser.parse_args(argv)
    names = args.only.split(",") if args.only else list(SHAPES)
    unknown = sorted(set(names) - set(SHAPES))
    if unknown:
        parser.error(f"unknown shapes: {', '.join(unknown)}")
    if args.write_seeds:
        for name in names:
            (args.write_seeds / f"scaling-{name}.html").write_bytes(sample(name, SEED_SIZE).encode())
        return 0
    linter = all_rules_linter()
    large = args.small * args.factor
    print(f"CPU seconds to lint with every rule; ratio of the two; limit {args.limit:g}")
    print(f"{'shape':<40} {size_label(args.small):>9} {size_label(large):>9} {'ratio':>6}")
    failed = []
    for name in names:
        row = measure(name, args.small, args.factor, args.deadline, args.repeat, linter)
        if row.ratio is not None and row.ratio > args.limit:
            # Measured again before it fails, the faster kept, the larger size as
            # often as the smaller: the one run at the larger size can meet a
            # disturbance that the median of the smaller runs smooths out (in CI,
            # 3.06 s once for a shape that takes 1.2 s, and 4.0 s for one that takes
            # 1.8 s while the other test worker ran); a stage that is really
            # quadratic is as slow every time.
            again = measure(name, args.small, args.factor, args.deadline, args.repeat, linter, large_runs=args.repeat)
            if again.ratio is not None and again.ratio < row.ratio:
                row = again
        if row.failure is not None or row.ratio is None:
            failed.append(name)
            small_time = f"{row.small:9.3f}" if row.small is not None else f"{'-':>9}"
            print(f"{name:<40} {small_time}  {row.failure}", flush=True)
            continue
        verdict = f"  over {args.limit:g}" if row.ratio > args.limit else ""
        note = f"  (refused: {row.refused})" if row.refused else ""
        if verdict:
            failed.append(name)
        print(f"{name:<40} {row.small:9.3f} {row.large:9.3f} {row.ratio:6.1f}{verdict}{note}", flush=True)
    if failed:
        print(f"not linear: {', '.join(failed)}")
        return 1
    print(f"every shape took at most {args.limit:g} times as long at {args.factor} times the size")
    return 0


SEED_SIZE = 2000
"""Bytes of each shape in the fuzzer's seeds (it mutates inputs of up to 4 KB in CI)."""


if __name__ == "__main__":
    sys.exit(main())
