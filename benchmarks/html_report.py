"""What ``--format html`` costs on the 130 corpus pages, against linting them and
against writing them as JSON, all measured in the same run.

Each round lints the pages in this process (one linter, the default rules),
then formats the same reports as JSON and as HTML; the medians of the rounds
are printed with their ratios. The HTML format parses each article again (its
outline, the places of the marks) and sanitises it: the question is whether
that dominates a run.

    python benchmarks/html_report.py [--rounds 5]
"""

from __future__ import annotations

import argparse
import statistics
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from lint_article.api import make_linter  # noqa: E402
from lint_article.config import Config  # noqa: E402
from lint_article.formatters import FORMATTERS, FormatOptions  # noqa: E402

PAGES = ROOT.parent / "shared" / "corpus" / "pages"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--rounds", type=int, default=5)
    arguments = parser.parse_args()
    paths = sorted(PAGES.glob("*.html"))
    sources = {str(path): path.read_bytes() for path in paths}
    linter = make_linter(Config())
    options = FormatOptions(sources=sources)
    FORMATTERS["json"]([], options)  # the rules' metadata and both modules loaded before timing
    FORMATTERS["html"]([], options)
    times: dict[str, list[float]] = {"lint": [], "json": [], "html": []}
    size = 0
    for _ in range(arguments.rounds):
        start = time.perf_counter()
        reports = [linter.lint(source, path) for path, source in sources.items()]
        times["lint"].append(time.perf_counter() - start)
        for name in ("json", "html"):
            start = time.perf_counter()
            text = FORMATTERS[name](reports, options)
            times[name].append(time.perf_counter() - start)
            if name == "html":
                size = len(text.encode("utf-8"))
    lint, json_, html = (statistics.median(times[name]) for name in ("lint", "json", "html"))
    print(f"{len(paths)} pages, {sum(len(s) for s in sources.values()) / 1e6:.1f} MB, {arguments.rounds} rounds")
    print(f"lint        median {lint:.3f} s")
    print(f"format json median {json_:.3f} s  ({json_ / lint:.2f} x the lint)")
    print(f"format html median {html:.3f} s  ({html / lint:.2f} x the lint; {html / json_:.1f} x json)")
    print(f"html report {size / 1e6:.1f} MB")


if __name__ == "__main__":
    main()
