"""How many of the corpus's findings have a fix, safe or unsafe, rule by rule.

Lints every page of ``../shared/corpus/`` with the default settings (the
``auto`` profile: each input as it is shaped) and counts, per rule, the
findings, those whose fix is safe (``--fix`` applies it), those whose fix is
unsafe (``--unsafe-fixes``), and those with none. Folders: ``articles/`` (130
article bodies from Mozilla Readability's tests), ``pages/`` (their 130 full
pages) and ``extraction/pages/`` (990 real pages, gzipped). With ``--apply``
it also runs ``--fix`` on each page (in memory), safe fixes only, and counts
the fixes applied over all rounds, the findings before and after, and the pages
that changed.

Run::

    .venv/bin/python benchmarks/fix_counts.py            # all three folders
    .venv/bin/python benchmarks/fix_counts.py --apply    # and what --fix does
"""

from __future__ import annotations

import argparse
import gzip
from collections import Counter
from collections.abc import Iterator
from pathlib import Path

from lint_article import make_linter
from lint_article.fixes import fix_bytes

CORPUS = Path(__file__).resolve().parent.parent.parent / "shared" / "corpus"
FOLDERS = {
    "articles": (CORPUS / "articles", "*.html"),
    "pages": (CORPUS / "pages", "*.html"),
    "extraction": (CORPUS / "extraction" / "pages", "*.html.gz"),
}


def pages(folder: str) -> Iterator[tuple[Path, bytes]]:
    directory, pattern = FOLDERS[folder]
    for path in sorted(directory.glob(pattern)):
        data = path.read_bytes()
        yield path, gzip.decompress(data) if path.suffix == ".gz" else data


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--folders", nargs="+", choices=list(FOLDERS), default=list(FOLDERS))
    parser.add_argument("--apply", action="store_true", help="also apply the safe fixes and count what they do")
    args = parser.parse_args()
    linter = make_linter()
    counts: dict[str, Counter[str]] = {}
    totals: Counter[str] = Counter()
    for folder in args.folders:
        kept: Counter[str] = Counter()
        for path, data in pages(folder):
            kept["pages"] += 1
            report = linter.lint(data, str(path))
            for finding in report.findings:
                kind = "none" if finding.fix is None else str(finding.fix.applicability)
                counts.setdefault(finding.rule, Counter())[kind] += 1
                kept["findings"] += 1
                kept[kind] += 1
            if args.apply:
                outcome = fix_bytes(linter, data, str(path))
                kept["applied"] += len(outcome.result.applied)
                kept["changed"] += outcome.data is not None
                kept["refused"] += outcome.refused is not None
                kept["left"] += (
                    len(outcome.result.report.findings) if outcome.data is not None else len(report.findings)
                )
        totals.update(kept)
        applied = (
            f"; --fix applied {kept['applied']:,} fixes to {kept['changed']:,} pages "
            f"({kept['refused']} left alone: bytes that do not read back the same), "
            f"{kept['findings']:,} findings before and {kept['left']:,} after"
            if args.apply
            else ""
        )
        print(
            f"{folder}: {kept['pages']:,} pages, {kept['findings']:,} findings, {kept['safe']:,} with a safe fix "
            f"({share(kept['safe'], kept['findings'])}), {kept['unsafe']:,} with an unsafe one "
            f"({share(kept['unsafe'], kept['findings'])}){applied}"
        )
    print()
    print("| rule | findings | safe fix | unsafe fix | no fix |")
    print("| --- | ---: | ---: | ---: | ---: |")
    for rule, kinds in sorted(counts.items(), key=lambda item: -item[1].total()):
        print(f"| {rule} | {kinds.total():,} | {kinds['safe']:,} | {kinds['unsafe']:,} | {kinds['none']:,} |")
    total = totals["findings"]
    unfixable = total - totals["safe"] - totals["unsafe"]
    print(f"| all | {total:,} | {totals['safe']:,} | {totals['unsafe']:,} | {unfixable:,} |")
    print()
    print(
        f"{totals['safe']:,} of {total:,} findings ({share(totals['safe'], total)}) have a safe fix, "
        f"{totals['unsafe']:,} ({share(totals['unsafe'], total)}) an unsafe one."
    )


def share(part: int, whole: int) -> str:
    return f"{part / whole:.1%}" if whole else "–"


if __name__ == "__main__":
    main()
