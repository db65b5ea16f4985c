"""Per-article median time of named rules (or of all default rules) on the corpus's articles and pages.

Each document is parsed once; then each rule set is run three times on it and the
fastest run kept, so that the figure is the rules' own cost. To compare with
another checkout, run the same command with that checkout first on the path:

    python benchmarks/rule_speed.py generation-artifact placeholder-text markdown-leftover
    git archive main lint_article | tar -x -C /tmp/main
    PYTHONPATH=/tmp/main python benchmarks/rule_speed.py generation-artifact placeholder-text
    python benchmarks/rule_speed.py --all         # every default rule, parse included
"""

from __future__ import annotations

import argparse
import statistics
import time

from corpus import CORPUS

import lint_article
from lint_article import Article, make_linter


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("rules", nargs="*", help="rule ids, each timed alone")
    parser.add_argument("--all", action="store_true", help="time every default rule together, parse included")
    args = parser.parse_args()
    files = sorted((CORPUS / "articles").glob("*.html")) + sorted((CORPUS / "pages").glob("*.html"))
    print(f"lint_article from {lint_article.__file__}")
    if args.all:
        linter = make_linter()
        times = []
        for path in files:
            data = path.read_bytes()
            runs = []
            for _ in range(3):
                start = time.perf_counter()
                linter.lint(Article.from_html(data), str(path))
                runs.append(time.perf_counter() - start)
            times.append(min(runs))
        print(f"default rules, parse included: median {statistics.median(times) * 1000:.3f} ms per document")
    articles = [Article.from_html(path.read_bytes()) for path in files]
    for rule in args.rules:
        linter = make_linter({"select": [rule]})
        times = []
        for article in articles:
            runs = []
            for _ in range(3):
                start = time.perf_counter()
                linter.lint(article, "corpus")
                runs.append(time.perf_counter() - start)
            times.append(min(runs))
        print(f"{rule:<22} median {statistics.median(times) * 1000:.3f} ms per document")


if __name__ == "__main__":
    main()
