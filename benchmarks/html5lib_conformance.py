"""How closely the linter sees what a browser builds, over the html5lib tree-construction tests.

Each test of ``../shared/corpus/html5lib-tests/*.dat`` gives an input and the
``#document`` tree that an HTML5 parser (and so a browser) builds from it. For
every test this script builds an :class:`~lint_article.document.Article` and
compares:

* **text**: the article's visible text with the text nodes of the expected tree
  that a reader sees: those under ``<body>``, outside the elements a browser
  does not render as text (:data:`INVISIBLE`), with a line break where a
  browser lays out a box of its own (:data:`BOXES`) or breaks the line
  (``<br>``), as ``innerText`` does;
* **headings**: the list of ``(level, text)`` of the article's headings with
  the HTML ``<h1>``-``<h6>`` elements of the expected tree.

Each is compared in two ways:

* **normalised**: runs of white space collapsed to one space, the ends
  trimmed. Words must come out as the browser's: two words merged into one
  (``foo<search>bar`` read as ``foobar``) or one split in two (``1</p>2`` where
  the browser keeps ``12``) is a mismatch. This is the figure to compare with
  other parsers;
* **lenient**: all white space deleted on both sides, so only the characters
  and their order count, and merged or split words still match.

White space is what :meth:`str.split` splits on, on both sides: a no-break
space separates two words as a space does (the linter's words split there too).

Fragment tests (``#document-fragment``) are parsed by a browser in the context
of an element the input does not contain; they are reported apart.

    python benchmarks/html5lib_conformance.py            # per file and overall
    python benchmarks/html5lib_conformance.py --failures tests1.dat   # show what differs
    python benchmarks/html5lib_conformance.py --failures --measure lenient
"""

from __future__ import annotations

import argparse
import re
import sys
import time
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
CORPUS = ROOT.parent / "shared" / "corpus" / "html5lib-tests"

# What a browser does not render as text, whatever the reader does (unlike a
# closed <details> or <dialog>, which show their text on demand and so count).
# Foreign elements are prefixed with their namespace, as in the expected trees.
INVISIBLE = frozenset(
    {
        # display: none in the HTML Standard's user-agent style sheet
        # (Rendering, "Hidden elements"), so never a box, nor any text below it;
        # <template>'s own contents are not even children (see _hidden).
        "head", "title", "script", "style", "template", "datalist", "rp", "noembed", "noframes",
        # display: none when scripting is on, which the linter assumes; the
        # #script-off tests describe a browser without scripting, which would
        # show it: the linter, like this set, reads as one browser does.
        "noscript",
        # Raw text, never shown: the frame shows the document its src names.
        "iframe",
        # Fallback for a browser that cannot play the media: one that can shows
        # its player, never the text inside.
        "audio", "video",
        # SVG's descriptive elements: a tooltip and a description, never drawn.
        "svg title", "svg desc",
        # A ruby's readings: drawn, small, above the characters they spell, and
        # in innerText, but no part of the sentence a reader reads; the linter
        # counts the base text alone (a story's readings would swell its word
        # counts), so this measure leaves them out as well.
        "rt", "rtc",
        # A form field's value and a menu's choices: drawn inside their
        # controls, and in innerText, but no sentence of the page's (an embed
        # code to copy, a script's template, two hundred countries); the linter
        # leaves them out, as Readability does, and so does this measure.
        "textarea", "select",
    }
)  # fmt: skip
# Void elements (<embed>, <param>, <source>, <track>, <area>...) are not listed:
# they never hold a text node in an HTML5 tree. <map> is not either: a browser
# renders its content inline. An <object> shows its children (fallback) unless
# it has a resource to show instead (_hidden). Other text in an <svg> outside
# <text> is not drawn by a browser, but it is a text node and the linter counts
# it, so this measure counts it too.

# Elements that a browser lays out as a box apart from the text around them, so
# that a word never runs on across their edge: display block, list-item or a
# table part in the HTML Standard's user-agent style sheet (Rendering, "Flow
# content", "Sections and headings", "Lists", "Tables"); the form controls that
# hold text, each an inline-block ("Form controls"); and the options, each a row
# of its list.
BOXES = frozenset(
    {
        "html", "body", "address", "blockquote", "center", "dialog", "div", "figure", "figcaption", "footer",
        "form", "header", "hr", "legend", "listing", "main", "p", "plaintext", "pre", "search", "xmp",
        "article", "aside", "h1", "h2", "h3", "h4", "h5", "h6", "hgroup", "nav", "section",
        "dir", "dd", "dl", "dt", "menu", "ol", "ul", "li", "details", "summary", "fieldset",
        "table", "caption", "colgroup", "col", "thead", "tbody", "tfoot", "tr", "td", "th",
        "frameset", "frame",
        "button", "select", "textarea", "optgroup", "option",
    }
)  # fmt: skip
_HIDDEN_STYLE = re.compile(r"display\s*:\s*none|visibility\s*:\s*hidden", re.IGNORECASE)
HEADINGS = {"h1": 1, "h2": 2, "h3": 3, "h4": 4, "h5": 5, "h6": 6}


@dataclass
class Node:
    kind: str
    """``element``, ``text``, ``comment``, ``doctype`` or ``content`` (template contents)."""
    name: str = ""
    """Element name, prefixed with ``svg `` or ``math `` for foreign elements."""
    value: str = ""
    attributes: dict[str, str] = field(default_factory=dict)
    children: list[Node] = field(default_factory=list)


@dataclass
class Case:
    file: str
    index: int
    data: str
    document: Node
    fragment: str | None
    script: str | None
    """``on``, ``off`` or None (both)."""


def read_cases(path: Path) -> Iterator[Case]:
    """The tests of one ``.dat`` file, in order."""
    lines = path.read_bytes().decode("utf-8").split("\n")
    index = 0
    pos = 0
    while pos < len(lines):
        if lines[pos] != "#data":
            pos += 1
            continue
        sections: dict[str, list[str]] = {}
        key = "data"
        pos += 1
        while pos < len(lines):
            line = lines[pos]
            if line == "#data" and key == "document" and pos > 0 and lines[pos - 1] == "":
                break
            if line.startswith("#") and line[1:] in _SECTIONS and (key != "data" or line == "#errors"):
                key = line[1:]
                sections[key] = []
            else:
                sections.setdefault(key, []).append(line)
            pos += 1
        document = sections.get("document", [])
        while document and document[-1] == "":
            document.pop()
        fragment = sections.get("document-fragment")
        script = "on" if "script-on" in sections else "off" if "script-off" in sections else None
        yield Case(
            path.name,
            index,
            "\n".join(sections.get("data", [])),
            parse_tree(document),
            fragment[0] if fragment else None,
            script,
        )
        index += 1


_SECTIONS = frozenset({"data", "errors", "new-errors", "document", "document-fragment", "script-on", "script-off"})
_ELEMENT = re.compile(r"^<(?:(svg|math) )?([^ >]+)>$")
_ATTRIBUTE = re.compile(r'^(?:(?:xlink|xml|xmlns) )?([^"=\s][^=]*)="(.*)"$', re.DOTALL)


def parse_tree(lines: list[str]) -> Node:
    """The ``#document`` section (``| `` lines, two spaces per level) as a tree."""
    entries: list[str] = []
    for line in lines:
        if line.startswith("| "):
            entries.append(line[2:])
        elif entries:  # a text node or comment that spans lines
            entries[-1] += "\n" + line
    root = Node("document")
    stack: list[tuple[int, Node]] = [(-1, root)]
    for entry in entries:
        content = entry.lstrip(" ")
        depth = (len(entry) - len(content)) // 2
        while stack[-1][0] >= depth:
            stack.pop()
        parent = stack[-1][1]
        element = _ELEMENT.match(content)
        if content.startswith('"') and content.endswith('"') and len(content) >= 2:
            node = Node("text", value=content[1:-1])
        elif content.startswith("<!-- "):
            node = Node("comment", value=content)
        elif content.startswith("<!DOCTYPE"):
            node = Node("doctype", value=content)
        elif element:
            namespace, name = element.groups()
            node = Node("element", name=f"{namespace} {name}" if namespace else name)
        elif content == "content" and parent.kind == "element" and parent.name == "template":
            node = Node("content")
        else:
            attribute = _ATTRIBUTE.match(content)
            if attribute and parent.kind == "element" and not parent.children:
                parent.attributes[attribute.group(1)] = attribute.group(2)
                continue
            raise ValueError(f"cannot read tree line {entry!r}")
        parent.children.append(node)
        stack.append((depth, node))
    return root


def _hidden(node: Node) -> bool:
    """Whether a browser renders nothing of *node*: an element of :data:`INVISIBLE`,
    one with the ``hidden`` attribute or an inline ``display: none`` (or
    ``visibility: hidden``), an ``<object>`` that shows its resource, a
    ``<template>``'s contents."""
    if node.kind == "content":
        return True
    if node.kind != "element":
        return False
    if node.name in INVISIBLE or "hidden" in node.attributes:
        return True
    if node.name == "object" and node.attributes.get("data"):
        return True  # it shows the resource; its children are the fallback
    style = node.attributes.get("style")
    return bool(style and _HIDDEN_STYLE.search(style))


def visible_text(root: Node, *, whole: bool) -> tuple[str, list[tuple[int, str]]]:
    """Visible text and headings of an expected tree, as a browser lays them out:
    the text nodes in order, a line break at either edge of each of
    :data:`BOXES` and at each ``<br>``; only what lies in ``<body>`` (or
    ``<frameset>``) unless *whole*. White space is left as it is."""
    texts: list[str] = []
    headings: list[tuple[int, list[str]]] = []
    open_headings: list[list[str]] = []

    def add(text: str) -> None:
        texts.append(text)
        for heading in open_headings:
            heading.append(text)

    def walk(node: Node, inside: bool) -> None:
        if _hidden(node):
            return
        if node.kind == "text":
            if inside:
                add(node.value)
            return
        if node.kind == "element" and node.name in ("body", "frameset"):
            inside = True
        breaks = node.kind == "element" and (node.name in BOXES or node.name == "br")
        if breaks and inside:
            add("\n")
        level = HEADINGS.get(node.name) if node.kind == "element" and inside else None
        if level:
            headings.append((level, []))
            open_headings.append(headings[-1][1])
        for child in node.children:
            walk(child, inside)
        if level:
            open_headings.pop()
        if breaks and inside:
            add("\n")

    sys.setrecursionlimit(max(sys.getrecursionlimit(), 10_000))
    walk(root, whole)
    return "".join(texts), [(level, "".join(parts)) for level, parts in headings]


def squash(text: str) -> str:
    """The lenient form: every white-space character deleted."""
    return "".join(text.split())


def normalise(text: str) -> str:
    """The normalised form: each run of white space one space, none at the ends."""
    return " ".join(text.split())


MEASURES: dict[str, Callable[[str], str]] = {"normalised": normalise, "lenient": squash}


@dataclass
class Outcome:
    case: Case
    expected_text: str
    """As :func:`visible_text` gives it, white space as it is."""
    actual_text: str
    expected_headings: list[tuple[int, str]]
    actual_headings: list[tuple[int, str]]

    def text_ok(self, measure: str) -> bool:
        form = MEASURES[measure]
        return form(self.actual_text) == form(self.expected_text)

    def headings_ok(self, measure: str) -> bool:
        form = MEASURES[measure]
        return [(level, form(text)) for level, text in self.actual_headings] == [
            (level, form(text)) for level, text in self.expected_headings
        ]

    @property
    def is_fragment(self) -> bool:
        return self.case.fragment is not None


def compare(case: Case) -> Outcome:
    from lint_article.document import Article

    article = Article.from_html(case.data)
    expected_text, expected_headings = visible_text(case.document, whole=case.fragment is not None)
    return Outcome(
        case,
        expected_text,
        article.text,
        expected_headings,
        [(h.level, h.text) for h in article.headings],
    )


def all_cases(corpus: Path = CORPUS) -> list[Case]:
    return [case for path in sorted(corpus.glob("*.dat")) for case in read_cases(path)]


def share(outcomes: list[Outcome], check: Callable[[Outcome], bool]) -> float | None:
    """The share of *outcomes* that pass *check*; None for none."""
    return sum(check(o) for o in outcomes) / len(outcomes) if outcomes else None


def percent(value: float | None) -> str:
    return "-" if value is None else f"{100 * value:.1f}%"


def passes(what: str, measure: str) -> Callable[[Outcome], bool]:
    """The check of *what* (``text`` or ``headings``) under *measure*."""
    if what == "text":
        return lambda outcome: outcome.text_ok(measure)
    return lambda outcome: outcome.headings_ok(measure)


def summary(kind: str, outcomes: list[Outcome]) -> str:
    """One line of overall figures for documents or fragments."""
    figures = [f"{kind}: {len(outcomes)} tests"]
    for what in ("text", "headings"):
        parts = [f"{measure} {percent(share(outcomes, passes(what, measure)))}" for measure in MEASURES]
        figures.append(f"{what} {', '.join(parts)}")
    both = share(outcomes, lambda outcome: outcome.text_ok("normalised") and outcome.headings_ok("normalised"))
    figures.append(f"both normalised {percent(both)}")
    return "; ".join(figures)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--corpus", type=Path, default=CORPUS)
    parser.add_argument("--failures", nargs="*", metavar="FILE", help="print the failing tests (of these files)")
    parser.add_argument(
        "--measure", choices=sorted(MEASURES), default="normalised", help="which comparison --failures shows"
    )
    args = parser.parse_args(argv)
    started = time.perf_counter()
    cases = all_cases(args.corpus)
    if not cases:
        print(f"no tests found in {args.corpus}", file=sys.stderr)
        return 1
    outcomes = [compare(case) for case in cases]
    elapsed = time.perf_counter() - started
    by_file: dict[str, list[Outcome]] = {}
    for outcome in outcomes:
        by_file.setdefault(outcome.case.file, []).append(outcome)

    columns = [
        ("text", False, passes("text", "normalised")),
        ("lenient", False, passes("text", "lenient")),
        ("heads", False, passes("headings", "normalised")),
        ("lenient", False, passes("headings", "lenient")),
        ("frag text", True, passes("text", "normalised")),
        ("lenient", True, passes("text", "lenient")),
    ]
    print("Documents: text and headings, normalised then lenient; fragments: text. Worst first.")
    print(f"{'file':<44} {'tests':>5} " + " ".join(f"{title:>9}" for title, _, _ in columns))

    def worst(item: tuple[str, list[Outcome]]) -> tuple[float, str]:
        """The file's lower normalised text share, of documents or of fragments."""
        shares = (share([o for o in item[1] if o.is_fragment == kind], passes("text", "normalised")) for kind in (0, 1))
        return min(value for value in shares if value is not None), item[0]

    for name, items in sorted(by_file.items(), key=worst):
        cells = [
            percent(share([o for o in items if o.is_fragment == fragment], check)) for _, fragment, check in columns
        ]
        print(f"{name:<44} {len(items):>5} " + " ".join(f"{cell:>9}" for cell in cells))
    print()
    print(summary("documents", [o for o in outcomes if not o.is_fragment]))
    print(summary("fragments", [o for o in outcomes if o.is_fragment]))
    print(f"{len(cases)} tests read, parsed and compared in {elapsed:.2f} s")
    if args.failures is not None:
        for outcome in outcomes:
            if args.failures and outcome.case.file not in args.failures:
                continue
            text_ok, headings_ok = outcome.text_ok(args.measure), outcome.headings_ok(args.measure)
            if text_ok and headings_ok:
                continue
            kind = f" (fragment in <{outcome.case.fragment}>)" if outcome.is_fragment else ""
            kind += f" (script {outcome.case.script})" if outcome.case.script else ""
            print(f"\n--- {outcome.case.file} #{outcome.case.index}{kind}: {outcome.case.data!r}")
            form = MEASURES[args.measure]
            if not text_ok:
                print(f"  expected text {form(outcome.expected_text)!r}\n  actual   text {form(outcome.actual_text)!r}")
            if not headings_ok:
                expected = [(level, form(text)) for level, text in outcome.expected_headings]
                actual = [(level, form(text)) for level, text in outcome.actual_headings]
                print(f"  expected headings {expected}\n  actual   headings {actual}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
