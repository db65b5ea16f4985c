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
smaller size, one run at the larger), so that the other processes of a shared
machine do not distort the ratio; a time under 10 ms counts as 10 ms, since
below that it is mostly noise. A shape that takes longer than --deadline
seconds of wall time at either size is stopped there and fails. An article
that the linter refuses by design (an element with too many attributes) is
timed like any other, and its error is shown.

``tests/test_scaling.py`` runs it in CI at 32 KB and 256 KB.
"""

from __future__ import annotations

import argparse
import random
import signal
import statistics
import sys
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

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


@shape("dr-runs")
def _dr_runs(size: int) -> str:
    return repeated("Dr. ", size, "<p>", "</p>")


@shape("ellipses")
def _ellipses(size: int) -> str:
    return repeated("…", size, "<p>", "</p>")


@shape("exclamations")
def _exclamations(size: int) -> str:
    return repeated("!", size, "<p>", "</p>")


@shape("ab-stops")
def _ab_stops(size: int) -> str:
    return repeated("ab. ", size, "<p>", "</p>")


@shape("lowercase-sentences")
def _lowercase_sentences(size: int) -> str:
    def sentence(rng: random.Random) -> str:
        return " ".join(rng.choice(_WORDS) for _ in range(rng.randint(4, 14))) + "."

    return "<p>" + prose(size, 1, sentence) + "</p>"


@shape("prompt-echo")
def _prompt_echo(size: int) -> str:
    return repeated("as per your instructions, ", size, "<p>", "</p>")


@shape("attributes-on-one-element")
def _attributes_on_one_element(size: int) -> str:
    return numbered(' a{}="v"', size, "<p", ">text</p>")


# -- the document model ---------------------------------------------------------------


@shape("deep-divs")
def _deep_divs(size: int) -> str:
    return repeated("<div>", size, "", "<p>Deep words.</p>")


@shape("deep-spans-in-a-paragraph")
def _deep_spans(size: int) -> str:
    return repeated("<span>", size, "<p>", "<b>Bold</b> words.</p>")


@shape("deep-lists")
def _deep_lists(size: int) -> str:
    return repeated("<ul><li>item ", size)


@shape("unclosed-paragraphs")
def _unclosed_paragraphs(size: int) -> str:
    return repeated("<p>Unclosed words here", size)


@shape("one-huge-line")
def _one_huge_line(size: int) -> str:
    def sentence(rng: random.Random) -> str:
        words = [rng.choice(_WORDS) for _ in range(rng.randint(6, 20))]
        return " ".join([words[0].capitalize(), *words[1:]]) + rng.choice(".!?")

    return "<h1>Title</h1><p>" + prose(size, 2, sentence) + "</p>"


@shape("many-lines")
def _many_lines(size: int) -> str:
    return repeated("word\n", size, "<p>", "</p>")


@shape("comments")
def _comments(size: int) -> str:
    return repeated("<!-- a comment -->x ", size, "<p>", "</p>")


@shape("unclosed-comment")
def _unclosed_comment(size: int) -> str:
    return repeated("text -- > ", size, "<p>start</p><!--")


@shape("bogus-comments")
def _bogus_comments(size: int) -> str:
    return repeated("<!x><?y>", size, "<p>", "</p>")


@shape("less-than-signs")
def _less_than_signs(size: int) -> str:
    return repeated("<", size, "<p>", "</p>")


@shape("unclosed-start-tags")
def _unclosed_start_tags(size: int) -> str:
    return repeated("<a", size, "<p>")


@shape("stray-end-tags")
def _stray_end_tags(size: int) -> str:
    return repeated("</span></p></div>x", size, "<p>")


@shape("unclosed-quotes-in-tags")
def _unclosed_quotes(size: int) -> str:
    return repeated('<a b="', size, "<p>")


@shape("unclosed-raw-text")
def _unclosed_raw_text(size: int) -> str:
    return repeated("<textarea>x", size, "<p>")


@shape("long-attribute-value")
def _long_attribute_value(size: int) -> str:
    return repeated("x", size, '<p title="', '">text</p>')


@shape("attributes-on-many-elements")
def _attributes_on_many_elements(size: int) -> str:
    element = "<span " + " ".join(f'a{i}="v"' for i in range(200)) + ">w</span>"
    return repeated(element, size, "<p>", "</p>")


@shape("named-entities")
def _named_entities(size: int) -> str:
    return repeated("&amp;&lt;&eacute;&ampx ", size, "<p>", "</p>")


@shape("numeric-entities")
def _numeric_entities(size: int) -> str:
    return repeated("&#x41;&#66;&#0;&#xD800; ", size, "<p>", "</p>")


@shape("huge-numeric-reference")
def _huge_numeric_reference(size: int) -> str:
    return repeated("9", size, "<p>&#", ";</p>")


@shape("huge-hex-reference")
def _huge_hex_reference(size: int) -> str:
    return repeated("f", size, "<p title='&#x", "'>&#x" + "f" * 5000 + "</p>")


@shape("stray-text-in-a-table")
def _stray_text_in_a_table(size: int) -> str:
    return repeated("stray <b>bold</b><tr><td>cell</td></tr>", size, "<table>", "</table>")


@shape("nested-tables")
def _nested_tables(size: int) -> str:
    return repeated("<table><tr><td>cell", size)


@shape("nested-void-elements")
def _nested_void_elements(size: int) -> str:
    return repeated("a<wbr>b<source>", size, "<p>", "</p>")


@shape("line-breaks")
def _line_breaks(size: int) -> str:
    return repeated("word<br>", size, "<p>", "</p>")


@shape("nul-and-carriage-returns")
def _nul_and_carriage_returns(size: int) -> str:
    return repeated("a\x00\r\rb\r\n", size, "<p>", "</p>")


@shape("hidden-elements")
def _hidden_elements(size: int) -> str:
    return repeated('<span hidden>x</span><span style="display:none">y</span> z ', size, "<p>", "</p>")


@shape("svg-and-math")
def _svg_and_math(size: int) -> str:
    return repeated("<svg><title>t</title><text>x</text></svg><math><mi>y</mi></math> ", size, "<p>", "</p>")


@shape("text-between-blocks")
def _text_between_blocks(size: int) -> str:
    return repeated("loose text <p>para</p> more <code>x</code> ", size, "<div>", "</div>")


@shape("text-between-blocks-with-links-and-bold")
def _text_between_blocks_with_links(size: int) -> str:
    unit = "Short Title <a href=x>link</a> <b>bold</b><br><p>The council met on Monday to agree on it.</p>"
    return repeated(unit, size, "<div>", "</div>")


# -- text -----------------------------------------------------------------------------


@shape("one-long-word")
def _one_long_word(size: int) -> str:
    return repeated("abcdefghij", size, "<p>", "</p>")


@shape("no-spaces")
def _no_spaces(size: int) -> str:
    return repeated("abc.def,ghi;jkl!", size, "<p>", "</p>")


@shape("numbers-and-initials")
def _numbers_and_initials(size: int) -> str:
    return repeated("1.2,3:4 A.B.C. U.S. e.g. ", size, "<p>", "</p>")


@shape("hyphens-and-apostrophes")
def _hyphens_and_apostrophes(size: int) -> str:
    return repeated("a-b'c’d-", size, "<p>", "</p>")


@shape("cjk")
def _cjk(size: int) -> str:
    return repeated("東京は大きい都市です。", size, '<html lang="ja"><body><p>', "</p></body></html>")


@shape("cjk-without-full-stops")
def _cjk_without_stops(size: int) -> str:
    return repeated("東京大都市", size, "<p>", "</p>")


@shape("rtl")
def _rtl(size: int) -> str:
    sentence = "\u200fقال رئيس البلدية إن الميزانية ستغطي معظم الأعمال. "
    return repeated(sentence, size, '<html lang="ar" dir="rtl"><body><p>', "</p></body></html>")


@shape("bidi-controls")
def _bidi_controls(size: int) -> str:
    return repeated("\u202ea\u202cb\u2066c\u2069 ", size, "<p>", "</p>")


@shape("white-space")
def _white_space(size: int) -> str:
    return repeated(" \t\n\u00a0\u2028 x", size, "<p>", "</p>")


@shape("question-and-closing-quotes")
def _question_and_closing_quotes(size: int) -> str:
    return repeated("?”)’", size, "<p>", " end</p>")


@shape("quotation-marks")
def _quotation_marks(size: int) -> str:
    return repeated("“a \"b ‘c 'd «e ", size, "<p>", "</p>")


# -- rules ------------------------------------------------------------------------------


@shape("headings")
def _headings(size: int) -> str:
    return numbered("<h2>Part {0}</h2><p>Text {0}.</p>", size, "<h1>Title</h1>")


@shape("headline-printed-again")
def _headline_printed_again(size: int) -> str:
    headline = "Big News From The Council Today"
    before = f"<title>{headline}</title><h1>{headline}</h1><div>"
    return repeated(f"{headline}<p>x</p><a href=y>{headline}</a>", size, before, "</div>")


@shape("same-headings")
def _same_headings(size: int) -> str:
    return repeated("<h3>Pros</h3><h4>Cons</h4><h2>Pros</h2>", size, "<h1>Title</h1>")


@shape("empty-and-skipped-headings")
def _empty_and_skipped_headings(size: int) -> str:
    return repeated("<h1></h1><h6> </h6><h3><img src=a.png></h3>", size)


@shape("links")
def _links(size: int) -> str:
    return numbered('<a href="https://example.org/{0}">click here</a> <a href="#x{0}"></a> ', size, "<p>", "</p>")


@shape("bare-url-links")
def _bare_url_links(size: int) -> str:
    return numbered('<a href="https://example.org/{0}">https://example.org/{0}</a> ', size, "<p>", "</p>")


@shape("images")
def _images(size: int) -> str:
    return numbered('<img src="photo_{0}.jpg"><img src="a.png" alt="IMG_{0}.JPG"><img alt="#image_title">', size)


@shape("images-deep-inside")
def _images_deep_inside(size: int) -> str:
    return repeated("<img src=a.png>", size, "<div>" * 990 + "<a href=x>")


@shape("findings-deep-inside")
def _findings_deep_inside(size: int) -> str:
    return numbered('<img src="photo_{0}.jpg">', size, "<div>" * 990)


@shape("inline-styles")
def _inline_styles(size: int) -> str:
    return repeated("<p style=\"color: red\">x</p><span style='a'>y</span>", size)


@shape("placeholders")
def _placeholders(size: int) -> str:
    return repeated("[Insert quote here] {{name}} %%title%% TKTK TODO: #image_title Lorem ipsum ", size, "<p>", "</p>")


@shape("open-brackets")
def _open_brackets(size: int) -> str:
    return repeated("{{[{%${[insert ", size, "<p>", "</p>")


@shape("boilerplate")
def _boilerplate(size: int) -> str:
    return repeated("<p>Share on Facebook</p><p>5 min read</p><p>Viral_X By Viral_X</p>", size)


@shape("fake-headings")
def _fake_headings(size: int) -> str:
    body = "<p>" + "The council met on Monday and agreed to repair the old bridge. " * 2 + "</p>"
    return repeated("<p><strong>Short Bold Title</strong></p>" + body, size, "<h1>T</h1>")


@shape("bold-deep-inside")
def _bold_deep_inside(size: int) -> str:
    return repeated("<span>", size, "<p>", "<b>Title</b></p><p>" + "word " * 30 + "</p>")


@shape("long-paragraph-with-breaks")
def _long_paragraph_with_breaks(size: int) -> str:
    return repeated("word " * 160 + "<br><p>x</p>", size, "<div>", "</div>")


@shape("one-long-sentence")
def _one_long_sentence(size: int) -> str:
    return repeated("word and ", size, "<p>", ".</p>")


@shape("repeated-phrase")
def _repeated_phrase(size: int) -> str:
    return repeated("the quick brown fox jumps over ", size, "<p>", "</p>")


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


@shape("opening-marks-that-never-close")
def _opening_marks_that_never_close(size: int) -> str:
    return repeated("‘a “b «c „d ", size, "<p>TODO: check. ", "</p>")


@shape("generation-signals-in-quotes")
def _generation_signals_in_quotes(size: int) -> str:
    return repeated("“as per your instructions” <code>per your request</code> ", size, "<p>", "</p>")


@shape("grading-list")
def _grading_list(size: int) -> str:
    return repeated("<li>Neutral Tone: Ensured language remained factual</li>", size, "<p>Review:</p><ul>", "</ul>")


@shape("openings")
def _openings(size: int) -> str:
    return repeated("<p>Sure! Here is an article about the Sahel:</p><p>Meta description: x</p>", size)


@shape("directives")
def _directives(size: int) -> str:
    unit = (
        "<!-- lint-article-disable-next-line no-inline-style -->\n<p style='x'>x</p>\n"
        "<!-- lint-article-disable word-count, readability --><p>y</p><!-- lint-article-enable word-count -->\n"
    )
    return repeated(unit, size)


@shape("disable-attributes")
def _disable_attributes(size: int) -> str:
    return repeated('<span data-lint-article-disable="word-count">x</span> y ', size, "<p>", "</p>")


def sample(name: str, size: int) -> str:
    return SHAPES[name](size)


# -- measuring --------------------------------------------------------------------------

# Below this, a time is mostly noise (a garbage collection, the clock): the ratio
# is taken against it instead.
NOISE_FLOOR = 0.01


class TooSlow(BaseException):  # not Exception: the engine turns those into a crashed rule
    pass


@contextmanager
def deadline(seconds: float) -> Iterator[None]:
    """Stop what runs inside after *seconds* of wall time (the measurements run in the main thread)."""

    def expire(signum: int, frame: object) -> None:
        raise TooSlow

    previous = signal.signal(signal.SIGALRM, expire)
    signal.setitimer(signal.ITIMER_REAL, seconds)
    try:
        yield
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)
        signal.signal(signal.SIGALRM, previous)


def all_rules_linter():
    from lint_article import make_linter
    from lint_article.registry import load_registry

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
    from lint_article.api import lint_source

    samples = []
    error = None
    for _ in range(repeat):
        started = time.process_time()
        with deadline(limit):
            report = lint_source(linter, html, "<scaling>", max_bytes=None)
        samples.append(time.process_time() - started)
        crashes = [f.message for f in report.internal_errors]
        if crashes:
            raise RuntimeError(crashes[0])
        error = report.error
    return statistics.median(samples), error


def measure(name: str, small: int, factor: int, limit: float, repeat: int, linter) -> Row:
    """Times of shape *name* at *small* bytes and *factor* times that."""
    row = Row(name)
    size = small
    try:
        row.small, row.refused = cpu_seconds_to_lint(linter, sample(name, size), repeat, limit)
        size = small * factor
        row.large, _ = cpu_seconds_to_lint(linter, sample(name, size), max(1, repeat // 2), limit)
    except TooSlow:
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
        if row.failure is not None or row.ratio is None:
            failed.append(name)
            print(f"{name:<40} {row.failure}", flush=True)
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
