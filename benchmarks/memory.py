"""Peak memory of linting one large page, as a multiple of the file's size.

Each measurement runs in a fresh process: it imports lint-article, lints a tiny
page (so that the rules are loaded), notes its resident memory, lints the big
page with every default rule, and reads the peak resident memory of the process
(``VmHWM``, which counts libxml2's memory too). The ratio is

    (peak - resident memory before the page) / size of the page in bytes

    python benchmarks/memory.py                 # 10 MB pages of six shapes
    python benchmarks/memory.py --mb 20 --shape article
"""

from __future__ import annotations

import argparse
import json
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SHAPES = ("real-pages", "paragraphs", "article", "one-line", "deep", "headings")
CORPUS_PAGES = ROOT.parent / "shared" / "corpus" / "pages"
_ARTICLE_HEAD = "<!DOCTYPE html><html lang='en'><head><title>Big</title></head><body><article><h1>Big</h1>\n"
_ARTICLE_TAIL = "</article></body></html>\n"
_SENTENCE = "The council met on Monday and agreed, after a long debate, to repair the old bridge before winter. "


def make_page(shape: str, size: int) -> bytes:
    """A page of about *size* bytes."""
    if shape == "real-pages":
        # The corpus's 130 real pages (markup, scripts, styles, navigation and
        # prose, as saved from the web), one after the other, round and round.
        pages = [path.read_bytes() for path in sorted(CORPUS_PAGES.glob("*.html"))]
        if not pages:
            raise FileNotFoundError(CORPUS_PAGES)
        out = bytearray()
        while len(out) < size:
            for page in pages:
                out += page[: size - len(out)]
                if len(out) >= size:
                    break
        return bytes(out)
    if shape == "article":
        unit = (
            "<h2>Section heading</h2>\n<p>" + _SENTENCE * 4 + '<a href="/more">a link</a> and <em>stress</em>.</p>\n'
            "<ul><li>First point of the list</li><li>Second point</li></ul>\n"
            "<table><tr><th>Year</th><th>Cost</th></tr><tr><td>2024</td><td>1,200</td></tr></table>\n"
        )
        head, tail = _ARTICLE_HEAD, _ARTICLE_TAIL
    elif shape == "paragraphs":
        # Prose only: the article's paragraphs, without its headings, lists and tables.
        unit = "<p>" + _SENTENCE * 4 + "</p>\n"
        head, tail = _ARTICLE_HEAD, _ARTICLE_TAIL
    elif shape == "one-line":
        unit, head, tail = _SENTENCE, "<p>", "</p>"
    elif shape == "deep":
        unit, head, tail = "<div><p>" + _SENTENCE + "</p>", "", ""
    elif shape == "headings":
        unit, head, tail = "<h2>A heading</h2><p>Short text.</p>\n", "<h1>Title</h1>", ""
    else:
        raise ValueError(f"unknown shape {shape!r}")
    count = max(1, (size - len(head) - len(tail)) // len(unit))
    return (head + unit * count + tail).encode()


def measure_here(shape: str, size: int) -> dict[str, float]:
    """Lint a page in this process and report its memory (run it in a fresh one)."""
    from lint_article.api import lint

    page = make_page(shape, size)
    lint("<p>warm up</p>")
    before = _status_kib("VmRSS")
    report = lint(page, max_bytes=None)
    peak = _status_kib("VmHWM")
    assert report.error is None, report.error
    return {
        "shape": shape,  # type: ignore[dict-item]
        "bytes": len(page),
        "baseline_mib": before / 1024,
        "peak_mib": peak / 1024,
        "ratio": (peak - before) * 1024 / len(page),
        "words": report.stats.words if report.stats else 0,
    }


def _status_kib(field: str) -> int:
    """A memory figure of this process from /proc, in KiB.

    Not ``getrusage().ru_maxrss``: Linux carries that peak over from the parent
    across fork and exec, so a measurement started from a large process (a test
    run) would report the parent's peak instead of its own."""
    with open("/proc/self/status", encoding="ascii") as status:
        for line in status:
            if line.startswith(f"{field}:"):
                return int(line.split()[1])
    raise RuntimeError(f"no {field} in /proc/self/status (this benchmark needs Linux)")


def measure(shape: str, size: int) -> dict[str, float]:
    """Measure in a fresh Python process, so that nothing before counts."""
    code = f"import json, sys; sys.path.insert(0, {str(ROOT / 'benchmarks')!r}); import memory; "
    code += f"print(json.dumps(memory.measure_here({shape!r}, {size})))"
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, cwd=ROOT, check=True)
    return json.loads(result.stdout.strip().splitlines()[-1])  # type: ignore[no-any-return]


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--mb", type=float, default=10.0, help="page size in MB (default 10)")
    parser.add_argument("--shape", choices=SHAPES, action="append", help="page shape (default: all)")
    args = parser.parse_args(argv)
    size = int(args.mb * 1_000_000)
    print(f"{'shape':<10} {'bytes':>12} {'words':>10} {'before':>8} {'peak':>8} {'ratio':>6}")
    for shape in args.shape or SHAPES:
        row = measure(shape, size)
        print(
            f"{row['shape']:<10} {row['bytes']:>12,} {row['words']:>10,} {row['baseline_mib']:>6.0f}Mi "
            f"{row['peak_mib']:>6.0f}Mi {row['ratio']:>6.1f}"
        )
    return 0


if __name__ == "__main__":
    sys.exit(main())
