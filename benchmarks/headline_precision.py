"""Precision of the headline and tone rules on real articles: findings per rule.

Runs ``headline``, ``loaded-language`` and ``reading-time`` (enabled, default
options) over the real documents of ``../shared/corpus/articles`` and
``../shared/corpus/pages`` (Readability's synthetic test pages left out, see
corpus.py) and over the extraction benchmark's pages
(``extraction/pages/*.html.gz``), and prints, per folder, rule and message id,
how many findings and how many documents with findings there are. Read the
findings (``--show``) to judge them: a rule that fires on most real news
headlines has wrong defaults.

    python benchmarks/headline_precision.py                      # the table
    python benchmarks/headline_precision.py --show headline      # every finding of one rule
    python benchmarks/headline_precision.py --folder extraction --limit 200
"""

from __future__ import annotations

import argparse
import gzip
from collections import Counter
from collections.abc import Iterator

from corpus import CORPUS, SYNTHETIC

from lint_article import load_registry, make_linter
from lint_article.document import Article
from lint_article.findings import Finding

RULES = ("headline", "loaded-language", "reading-time")
FOLDERS = ("articles", "pages", "extraction")


def documents(folder: str, limit: int | None) -> Iterator[tuple[str, bytes]]:
    """The real documents of *folder*: name and bytes."""
    if folder == "extraction":
        paths = sorted((CORPUS / "extraction" / "pages").glob("*.html.gz"))[:limit]
        for path in paths:
            yield path.name.removesuffix(".html.gz"), gzip.decompress(path.read_bytes())
        return
    paths = [p for p in sorted((CORPUS / folder).glob("*.html")) if p.stem not in SYNTHETIC][:limit]
    for path in paths:
        yield path.stem, path.read_bytes()


def lint_folder(folder: str, rules: tuple[str, ...], limit: int | None) -> tuple[int, dict[str, list[Finding]]]:
    """How many documents *folder* has, and the findings of *rules* in each."""
    linter = make_linter({"select": [rule for rule in rules if rule in load_registry().rules]})
    found: dict[str, list[Finding]] = {}
    count = 0
    for name, blob in documents(folder, limit):
        count += 1
        found[name] = list(linter.lint(Article.from_html(blob), name).findings)
    return count, found


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--show", metavar="RULE", help="print every finding of RULE")
    parser.add_argument("--folder", choices=FOLDERS, help="only this corpus folder")
    parser.add_argument("--limit", type=int, help="only the first LIMIT documents of each folder")
    args = parser.parse_args(argv)
    for folder in [args.folder] if args.folder else FOLDERS:
        count, found = lint_folder(folder, RULES, args.limit)
        by_message = Counter((f.rule, f.message_id) for fs in found.values() for f in fs)
        documents_with = Counter(key for fs in found.values() for key in {(f.rule, f.message_id) for f in fs})
        print(f"{folder}: {count} real documents")
        for rule in RULES:
            with_rule = sum(1 for fs in found.values() if any(f.rule == rule for f in fs))
            total = sum(n for (r, _), n in by_message.items() if r == rule)
            print(f"  {rule:18} {total:5} findings in {with_rule:4} documents")
            for (r, message_id), n in sorted(by_message.items()):
                if r == rule:
                    print(f"    {message_id:24} {n:5} findings in {documents_with[(r, message_id)]:4} documents")
        if args.show:
            for name, fs in found.items():
                for f in fs:
                    if f.rule == args.show:
                        print(f"    {name}:{f.line}:{f.column} {f.severity} {f.message_id}: {f.message}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
