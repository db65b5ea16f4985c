"""One hash over everything the default linter reports on the 1,250 corpus files.

    python benchmarks/findings_hash.py
    PYTHONPATH=/tmp/old-main python benchmarks/findings_hash.py   # another checkout's lint_article

Lints every corpus article (articles/*.html), page (pages/*.html) and extraction
page (extraction/pages/*.html.gz) with the default linter and no time limit, and
prints a SHA-256 over every finding in full (rule, message id, line, column, end,
message, snippet, selector, advice, data, fix), one over every report's
statistics, and the counts. A change meant to make the linter faster, not to
change what it says, leaves both hashes as they were.
"""

from __future__ import annotations

import gzip
import hashlib
import json
from collections.abc import Iterator

from corpus import CORPUS


def corpus_files() -> Iterator[tuple[str, bytes]]:
    """Each corpus file's name (relative to the corpus) and its bytes, in a fixed order."""
    for pattern in ("articles/*.html", "pages/*.html", "extraction/pages/*.html.gz"):
        for path in sorted(CORPUS.glob(pattern)):
            data = path.read_bytes()
            yield str(path.relative_to(CORPUS)), gzip.decompress(data) if path.suffix == ".gz" else data


def main() -> None:
    from lint_article import make_linter

    linter = make_linter()
    findings_hash, stats_hash = hashlib.sha256(), hashlib.sha256()
    files = findings = 0
    for name, data in corpus_files():
        report = linter.lint(data, name, timeout=None)
        files += 1
        findings += len(report.findings)
        for finding in report.findings:
            findings_hash.update(json.dumps(finding.to_dict(), sort_keys=True, ensure_ascii=False).encode())
            findings_hash.update(b"\n")
        findings_hash.update(f"{name}\t{report.error}\n".encode())
        stats_hash.update(f"{name}\t{report.stats!r}\n".encode())
    print(f"files    {files}")
    print(f"findings {findings} {findings_hash.hexdigest()}")
    print(f"stats    {stats_hash.hexdigest()}")


if __name__ == "__main__":
    main()
