"""How much --jobs 2 speeds up linting the corpus pages, against --jobs 1 in the same run.

    python benchmarks/jobs.py [--repeat 5] [--jobs 2] [--min-ratio 1.6] [--pages DIR]

Times whole runs of ``lint-article check --jobs N`` over ../shared/corpus/pages
(130 full web pages), as a user runs it: a fresh process each time, the default
text output written to a temporary file. Runs alternate between
--jobs 1 and --jobs N, so that a change in the machine's load hits both alike;
the script prints each median, the ratio of the medians and the CPU time, and
exits with 1 when the ratio is below --min-ratio. Both runs must report the same
findings in the same order. On a machine with fewer free CPUs than N, or one
that other work keeps busy, the ratio falls: the CPU time shows whether it was.
"""

from __future__ import annotations

import argparse
import os
import statistics
import sys
import tempfile
from pathlib import Path

import whole_run

ROOT = Path(__file__).resolve().parent.parent
PAGES = ROOT.parent / "shared" / "corpus" / "pages"


def run(jobs: int, output: Path, pages: Path) -> tuple[float, float]:
    """Wall-clock and CPU seconds (the process and its workers) of one check, without the
    cache (a cached run would not lint)."""
    return whole_run.timed("check", "--no-cache", "--jobs", str(jobs), "-o", str(output), str(pages))


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--repeat", type=int, default=5, help="runs of each setting (default: 5)")
    parser.add_argument("--jobs", type=int, default=2, help="the parallel setting (default: 2)")
    parser.add_argument("--min-ratio", type=float, default=1.6, help="fail below this speed-up (default: 1.6)")
    parser.add_argument("--pages", type=Path, default=PAGES, help="folder of pages (default: the corpus pages)")
    args = parser.parse_args()
    pages = sorted(args.pages.glob("*.html"))
    if not pages:
        sys.exit(f"no pages in {args.pages}")
    cpus = len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else os.cpu_count()
    print(f"{len(pages)} pages, {sum(p.stat().st_size for p in pages) / 1e6:.1f} MB; {cpus} CPUs available")
    walls: dict[int, list[float]] = {1: [], args.jobs: []}
    cpu: dict[int, list[float]] = {1: [], args.jobs: []}
    with tempfile.TemporaryDirectory() as folder:
        outputs = {jobs: Path(folder, f"jobs{jobs}.txt") for jobs in walls}
        run(1, outputs[1], args.pages)  # warm the file cache and the bytecode
        for _ in range(args.repeat):
            for jobs in walls:
                wall, seconds = run(jobs, outputs[jobs], args.pages)
                walls[jobs].append(wall)
                cpu[jobs].append(seconds)
        if outputs[1].read_bytes() != outputs[args.jobs].read_bytes():
            sys.exit("--jobs 1 and --jobs N reported different findings")
    medians = {jobs: statistics.median(samples) for jobs, samples in walls.items()}
    for jobs in walls:
        shown = ", ".join(f"{s:.2f}" for s in walls[jobs])
        print(f"--jobs {jobs}: median {medians[jobs]:.2f} s wall, {statistics.median(cpu[jobs]):.2f} s CPU  ({shown})")
    ratio = medians[1] / medians[args.jobs]
    verdict = "ok" if ratio >= args.min_ratio else f"below {args.min_ratio}"
    print(f"speed-up of --jobs {args.jobs} over --jobs 1: {ratio:.2f}x ({verdict})")
    # The fastest runs are the least disturbed by other work on the machine.
    print(f"(of the fastest runs: {min(walls[1]) / min(walls[args.jobs]):.2f}x)")
    return 0 if ratio >= args.min_ratio else 1


if __name__ == "__main__":
    sys.exit(main())
