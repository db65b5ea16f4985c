"""Findings of the leak rules on real text: per rule, per folder of the corpus.

Runs ``generation-artifact``, ``placeholder-text`` and ``markdown-leftover``
(and any rule named with ``--rule``) over ``../shared/corpus/articles``,
``../shared/corpus/pages`` and the 990 gzipped pages of
``../shared/corpus/extraction/pages``, and prints how many findings and files
with findings each rule gets in each folder. All of it is human-written text,
except Readability's test pages (``SYNTHETIC``: Lorem ipsum, and one with
"**WRONG**" in an aria-hidden span) and one extraction page made of its
theme's demo text (``TEMPLATE_DEMOS``), where only generation-artifact is
counted: placeholder-text must report their filler.

    python benchmarks/leak_precision.py            # the table
    python benchmarks/leak_precision.py --show     # every finding, to read
    python benchmarks/leak_precision.py --check    # exit 1 on any finding
"""

from __future__ import annotations

import argparse
import gzip
import sys
from collections import Counter
from pathlib import Path

from corpus import CORPUS, SYNTHETIC, TEMPLATE_DEMOS

from lint_article import make_linter
from lint_article.document import Article

RULES = ("generation-artifact", "placeholder-text", "markdown-leftover")
FOLDERS = {
    "articles": (CORPUS / "articles", "*.html"),
    "pages": (CORPUS / "pages", "*.html"),
    "extraction": (CORPUS / "extraction" / "pages", "*.html.gz"),
}


def _read(path: Path) -> bytes:
    data = path.read_bytes()
    return gzip.decompress(data) if path.suffix == ".gz" else data


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--rule", action="append", default=[], help="another rule to count (opt-in rules too)")
    parser.add_argument("--show", action="store_true", help="print every finding")
    parser.add_argument("--check", action="store_true", help="exit 1 when any rule reports anything")
    args = parser.parse_args()
    rules = (*RULES, *args.rule)
    linter = make_linter({"select": list(rules)})
    findings: dict[tuple[str, str], int] = Counter()
    files: dict[tuple[str, str], int] = Counter()
    documents: Counter[str] = Counter()
    for folder, (path, pattern) in FOLDERS.items():
        for file in sorted(path.glob(pattern)):
            documents[folder] += 1
            report = linter.lint(Article.from_html(_read(file)), str(file))
            stem = file.name.split(".")[0]
            seen = set()
            for finding in report.findings:
                if finding.rule != "generation-artifact" and stem in SYNTHETIC | TEMPLATE_DEMOS:
                    continue
                findings[folder, finding.rule] += 1
                seen.add(finding.rule)
                if args.show:
                    print(f"{folder}/{file.name}:{finding.line} {finding.rule} {finding.message}")
            for rule in seen:
                files[folder, rule] += 1
    print(f"{'rule':<22}" + "".join(f"{f'{folder} ({documents[folder]})':>22}" for folder in FOLDERS))
    for rule in rules:
        cells = "".join(f"{f'{findings[folder, rule]} in {files[folder, rule]} files':>22}" for folder in FOLDERS)
        print(f"{rule:<22}{cells}")
    return 1 if args.check and any(findings.values()) else 0


if __name__ == "__main__":
    sys.exit(main())
