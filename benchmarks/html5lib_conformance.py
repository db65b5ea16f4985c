"""How closely the linter sees what a browser builds, over the html5lib tree-construction tests.

Each test of ``../shared/corpus/html5lib-tests/*.dat`` gives an input and the
``#document`` tree that an HTML5 parser (and so a browser) builds from it. For
every test this script builds an :class:`~lint_article.article.Article` and
compares:

* **text**: the article's visible text with the text nodes of the expected tree
  that a reader sees (under ``<body>``, outside the elements the linter treats
  as invisible: ``<script>``, ``<style>``, ``<template>`` contents, ``hidden``,
  ``<title>``, which browsers' style sheets hide, and SVG's ``<title>``, a
  tooltip, ...), white space removed on both sides, since block boundaries are
  spaces in one and nothing in the other;
* **headings**: the list of ``(level, text)`` of the article's headings with
  the HTML ``<h1>``-``<h6>`` elements of the expected tree.

Fragment tests (``#document-fragment``) are parsed by a browser in the context
of an element the input does not contain; they are reported apart.

    python benchmarks/html5lib_conformance.py            # per file and overall
    python benchmarks/html5lib_conformance.py --failures tests1.dat   # show what differs
"""

from __future__ import annotations

import argparse
import re
import sys
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
CORPUS = ROOT.parent / "shared" / "corpus" / "html5lib-tests"

# What the linter leaves out of an article's visible text (see "How the article
# is read" in the README); the expected text leaves out the same.
INVISIBLE = frozenset(
    {"head", "title", "script", "style", "template", "noscript", "iframe", "object", "embed", "noembed",
     "noframes", "datalist", "param", "source", "track", "area", "map", "svg title"}
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
    if node.kind == "content":
        return True
    if node.kind != "element":
        return False
    if node.name in INVISIBLE or "hidden" in node.attributes:
        return True
    style = node.attributes.get("style")
    return bool(style and _HIDDEN_STYLE.search(style))


def visible_text(root: Node, *, whole: bool) -> tuple[str, list[tuple[int, str]]]:
    """Visible text (no white space) and headings of an expected tree; only
    what lies in ``<body>`` (or ``<frameset>``) unless *whole*."""
    texts: list[str] = []
    headings: list[tuple[int, list[str]]] = []
    open_headings: list[list[str]] = []

    def walk(node: Node, inside: bool) -> None:
        if _hidden(node):
            return
        if node.kind == "text":
            if inside:
                texts.append(node.value)
                for heading in open_headings:
                    heading.append(node.value)
            return
        if node.kind == "element" and node.name in ("body", "frameset"):
            inside = True
        level = HEADINGS.get(node.name) if node.kind == "element" and inside else None
        if level:
            headings.append((level, []))
            open_headings.append(headings[-1][1])
        for child in node.children:
            walk(child, inside)
        if level:
            open_headings.pop()

    sys.setrecursionlimit(max(sys.getrecursionlimit(), 10_000))
    walk(root, whole)
    return squash("".join(texts)), [(level, squash("".join(parts))) for level, parts in headings]


def squash(text: str) -> str:
    return "".join(text.split())


@dataclass
class Outcome:
    case: Case
    text_ok: bool
    headings_ok: bool
    expected_text: str
    actual_text: str
    expected_headings: list[tuple[int, str]]
    actual_headings: list[tuple[int, str]]


def compare(case: Case) -> Outcome:
    from lint_article.article import Article

    article = Article.from_html(case.data)
    expected_text, expected_headings = visible_text(case.document, whole=case.fragment is not None)
    actual_text = squash(article.text)
    actual_headings = [(h.level, squash(h.text)) for h in article.headings]
    return Outcome(
        case,
        actual_text == expected_text,
        actual_headings == expected_headings,
        expected_text,
        actual_text,
        expected_headings,
        actual_headings,
    )


def all_cases(corpus: Path = CORPUS) -> list[Case]:
    return [case for path in sorted(corpus.glob("*.dat")) for case in read_cases(path)]


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--corpus", type=Path, default=CORPUS)
    parser.add_argument("--failures", nargs="*", metavar="FILE", help="print the failing tests (of these files)")
    args = parser.parse_args(argv)
    cases = all_cases(args.corpus)
    if not cases:
        print(f"no tests found in {args.corpus}", file=sys.stderr)
        return 1
    outcomes = [compare(case) for case in cases]
    by_file: dict[str, list[Outcome]] = {}
    for outcome in outcomes:
        by_file.setdefault(outcome.case.file, []).append(outcome)

    def share(items: list[Outcome], attribute: str) -> str:
        return f"{100 * sum(getattr(o, attribute) for o in items) / len(items):5.1f}%" if items else "    -"

    print(f"{'file':<44} {'tests':>5} {'text':>6} {'heads':>6} {'frag text':>9}")
    for name, items in sorted(by_file.items(), key=lambda kv: sum(o.text_ok for o in kv[1]) / len(kv[1])):
        documents = [o for o in items if o.case.fragment is None]
        fragments = [o for o in items if o.case.fragment is not None]
        print(
            f"{name:<44} {len(items):>5} {share(documents, 'text_ok'):>6} "
            f"{share(documents, 'headings_ok'):>6} {share(fragments, 'text_ok'):>9}"
        )
    documents = [o for o in outcomes if o.case.fragment is None]
    fragments = [o for o in outcomes if o.case.fragment is not None]
    print(
        f"\ndocuments: {len(documents)} tests, text {share(documents, 'text_ok').strip()}, "
        f"headings {share(documents, 'headings_ok').strip()}, both "
        f"{100 * sum(o.text_ok and o.headings_ok for o in documents) / len(documents):.1f}%"
    )
    if fragments:
        print(
            f"fragments: {len(fragments)} tests, text {share(fragments, 'text_ok').strip()}, "
            f"headings {share(fragments, 'headings_ok').strip()}"
        )
    if args.failures is not None:
        for outcome in outcomes:
            if outcome.case.fragment is not None or (args.failures and outcome.case.file not in args.failures):
                continue
            if outcome.text_ok and outcome.headings_ok:
                continue
            print(f"\n--- {outcome.case.file} #{outcome.case.index}: {outcome.case.data!r}")
            if not outcome.text_ok:
                print(f"  expected text {outcome.expected_text!r}\n  actual   text {outcome.actual_text!r}")
            if not outcome.headings_ok:
                print(f"  expected headings {outcome.expected_headings}\n  actual   headings {outcome.actual_headings}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
