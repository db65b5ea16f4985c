"""How well the region holds on pages it was never tuned on: Trafilatura's real-world tests.

Trafilatura's repository keeps about a hundred saved pages (``tests/cache/``)
and, in ``tests/realworld_tests.py``, assertions about what its extraction of
each holds (``assert "..." in result``) and leaves out (``not in result``).
This script reads those assertions (parsing the test file, never running it)
as ``with`` and ``without`` snippets, and scores ``article.body.text`` on them
as ``extraction.py`` scores the shared corpus: a ``with`` snippet in the text
is a true positive, one left out a false negative, a ``without`` snippet in
it a false positive; snippets the page's text does not hold are not counted.

Trafilatura's extraction keeps the readers' comments, and some of its
assertions are about them; the linter leaves comment sections out of the
article on purpose (they are not the writer's). So the figures print twice:
over every snippet, and without the ``with`` snippets that stand in a comment
section (an element whose ``class`` or ``id`` says ``comment``).

Nothing here is in ``../shared``: the pages come from a checkout of
Trafilatura (https://github.com/adbar/trafilatura), given as the argument::

    git clone --depth 1 https://github.com/adbar/trafilatura /tmp/trafilatura
    python benchmarks/realworld.py /tmp/trafilatura [--misses]

The region was never tuned on these pages: they stand in for the held-out
pages that the issue "Lint the article, not the page" is judged on.
"""

from __future__ import annotations

import argparse
import ast
import re
import sys
from collections import Counter
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path

from lint_article import Article

_COMMENTS = re.compile(r"comment", re.IGNORECASE)
_LOADERS = frozenset({"do_load_page", "load_mock_page"})


@dataclass
class Snippets:
    file: str
    with_: list[str] = field(default_factory=list)
    without: list[str] = field(default_factory=list)


def normalise(text: str) -> str:
    return " ".join(text.replace("\xad", "").split())


def mock_pages(tree: ast.Module) -> dict[str, str]:
    """The test file's table of cached pages: URL -> file name in ``tests/cache``."""
    pages: dict[str, str] = {}
    for node in ast.walk(tree):
        if isinstance(node, ast.Dict):
            for key, value in zip(node.keys, node.values, strict=True):
                named = isinstance(key, ast.Constant) and isinstance(value, ast.Constant)
                if named and isinstance(value.value, str) and value.value.endswith(".html"):
                    pages[str(key.value)] = value.value
    return pages


def _statements(body: list[ast.stmt]) -> Iterator[ast.stmt]:
    """*body*'s statements in order, those inside ``if``, ``for`` and ``with`` too."""
    for statement in body:
        yield statement
        if isinstance(statement, ast.If | ast.For | ast.With):
            yield from _statements(statement.body)
            yield from _statements(getattr(statement, "orelse", []))


def _loaded_url(value: ast.expr) -> str | None:
    """The URL of ``do_load_page("https://...")`` and the like, else None."""
    if isinstance(value, ast.Call) and value.args and isinstance(value.args[0], ast.Constant):
        name = getattr(value.func, "id", None) or getattr(value.func, "attr", None)
        if name in _LOADERS and isinstance(value.args[0].value, str):
            return value.args[0].value
    return None


def snippets(test_file: Path) -> list[Snippets]:
    """Each cached page's snippets, from the assertions that follow its loading."""
    tree = ast.parse(test_file.read_text(encoding="utf-8"))
    files = mock_pages(tree)
    found: dict[str, Snippets] = {}
    for function in (node for node in ast.walk(tree) if isinstance(node, ast.FunctionDef)):
        url = None
        for statement in _statements(function.body):
            if isinstance(statement, ast.Assign) and getattr(statement.targets[0], "id", None) == "result":
                url = _loaded_url(statement.value)
            elif isinstance(statement, ast.Assert) and url in files:
                tests = statement.test.values if isinstance(statement.test, ast.BoolOp) else [statement.test]
                for test in tests:
                    if not (
                        isinstance(test, ast.Compare)
                        and len(test.ops) == 1
                        and isinstance(test.left, ast.Constant)
                        and isinstance(test.left.value, str)
                        and getattr(test.comparators[0], "id", None) == "result"
                    ):
                        continue
                    text = test.left.value
                    if not text.strip() or "<" in text:  # markup: an assertion about XML output
                        continue
                    entry = found.setdefault(url, Snippets(files[url]))
                    kind = entry.with_ if isinstance(test.ops[0], ast.In) else entry.without
                    if isinstance(test.ops[0], ast.In | ast.NotIn) and text not in kind:
                        kind.append(text)
    return list(found.values())


def in_comments(article: Article, snippet: str) -> bool:
    """Whether the block that holds *snippet* stands in a comment section."""
    for block in article.blocks:
        if snippet in normalise(article.block_text(block)):
            chain = [block.element, *block.element.iterancestors()]
            return any(_COMMENTS.search(f"{el.get('class') or ''} {el.get('id') or ''}") for el in chain)
    return False


def f1(counts: Counter[str]) -> tuple[float, float, float]:
    precision = counts["tp"] / max(1, counts["tp"] + counts["fp"])
    recall = counts["tp"] / max(1, counts["tp"] + counts["fn"])
    return precision, recall, 2 * precision * recall / max(1e-9, precision + recall)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("checkout", type=Path, help="a checkout of Trafilatura's repository")
    parser.add_argument("--misses", action="store_true", help="print each snippet the region gets wrong")
    args = parser.parse_args()
    test_file, cache = args.checkout / "tests" / "realworld_tests.py", args.checkout / "tests" / "cache"
    if not test_file.is_file() or not cache.is_dir():
        sys.exit(f"no {test_file} or {cache}: give a checkout of https://github.com/adbar/trafilatura")
    every: Counter[str] = Counter()
    article_only: Counter[str] = Counter()
    pages = 0
    for page in snippets(test_file):
        path = cache / page.file
        if not path.is_file():
            continue
        pages += 1
        article = Article.from_html(path.read_bytes())
        text, whole = normalise(article.body.text), normalise(article.page.text)
        for kind, listed in (("with", page.with_), ("without", page.without)):
            for snippet in map(normalise, listed):
                if snippet not in whole:
                    continue  # the assertion is about something else (metadata, markup)
                held = snippet in text
                verdict = ("tp" if held else "fn") if kind == "with" else ("fp" if held else "tn")
                every[verdict] += 1
                commented = verdict == "fn" and in_comments(article, snippet)
                if not commented:
                    article_only[verdict] += 1
                if args.misses and verdict in ("fn", "fp"):
                    print(f"{verdict.upper()} {page.file}: {snippet[:70]!r}{' (comments)' if commented else ''}")
    print(f"Trafilatura's real-world test pages: {pages} pages, {sum(every.values())} snippets")
    print("                                             precision   recall       F1")
    for label, counts in (("every snippet", every), ("comment sections left out", article_only)):
        precision, recall, score = f1(counts)
        print(f"  {label:40} {precision:9.4f} {recall:8.4f} {score:8.4f}   {dict(sorted(counts.items()))}")


if __name__ == "__main__":
    main()
