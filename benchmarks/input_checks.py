"""What the checks before and around the rules cost: refusing what is not HTML
(lint_article.inputs.refusal) and reading the directives addressed to lint-article
(lint_article.suppression.Suppressions), against a full lint in the same run.

    python benchmarks/input_checks.py [--repeat 3]

For each corpus document (../shared/corpus/articles and pages) it times, --repeat
times each and each time on an article parsed anew (a lint keeps what it reads on the
article, so a second lint of the same one is cheaper than any real lint), the full
lint with every default rule, and the two checks; it prints the medians and the
checks' median share of the lint. Then the
worst case of the input check, text without a single tag (scanned to its end), at
10 MB and 40 MB (both well past the processor's caches, which make a 1 MB scan look
ten times cheaper per byte): the ratio of the two times shows that it grows linearly.
"""

from __future__ import annotations

import argparse
import statistics
import time
from collections.abc import Callable
from functools import partial
from pathlib import Path
from typing import TypeVar

from lint_article import Article, make_linter
from lint_article.inputs import refusal
from lint_article.suppression import Suppressions

T = TypeVar("T")

CORPUS = Path(__file__).resolve().parent.parent.parent / "shared" / "corpus"


def timed(action: Callable[[T], object], prepare: Callable[[], T], repeat: int) -> float:
    """The median time of *action* on what *prepare* makes anew for each run (the making not timed)."""
    runs = []
    for _ in range(repeat):
        subject = prepare()
        started = time.perf_counter()
        action(subject)
        runs.append(time.perf_counter() - started)
    return statistics.median(runs)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeat", type=int, default=3)
    repeat = parser.parse_args().repeat
    linter = make_linter()
    for folder in ("articles", "pages"):
        lint_times, check_times = [], []
        for path in sorted((CORPUS / folder).glob("*.html")):
            data = path.read_bytes()
            parsed = partial(Article.from_html, data)
            lint_times.append(timed(linter.lint, parsed, repeat))
            check_times.append(timed(lambda article, data=data: (refusal(data), Suppressions(article)), parsed, repeat))
        share = statistics.median(c / f for c, f in zip(check_times, lint_times, strict=True))
        print(
            f"{folder} ({len(lint_times)} documents): lint median {statistics.median(lint_times) * 1000:.2f} ms, "
            f"input check + directive scan median {statistics.median(check_times) * 1000:.3f} ms "
            f"({share:.1%} of the lint)"
        )
    sentence = b"The council met on Monday and agreed to repair the old bridge before winter. "
    small, large = (sentence * (size // len(sentence)) for size in (10_000_000, 40_000_000))
    time_small, time_large = timed(refusal, lambda: small, repeat), timed(refusal, lambda: large, repeat)
    print(
        f"text without a tag: 10 MB {time_small * 1000:.1f} ms, 40 MB {time_large * 1000:.1f} ms "
        f"(ratio {time_large / time_small:.1f} for 4 times the input)"
    )


if __name__ == "__main__":
    main()
