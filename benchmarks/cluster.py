"""Throughput per core on a Dask cluster of 1 and of 2 workers, against ``check --jobs``.

    python benchmarks/cluster.py [--copies 4] [--repeat 3] [--pages DIR]

Lints the corpus's 130 pages (../shared/corpus/pages), each named --copies
times, with ``lint_article.distributed.lint_paths`` on a LocalCluster of N worker
processes (one thread each; the cluster is started before the clock starts, as
a real cluster is already running), and with ``lint-article check --jobs N
--no-cache --format jsonl`` on the same files, for N = 1 and 2. Runs alternate
between the two ways, so that a change in the machine's load hits both alike.
Prints the median seconds, the articles per second per core, the cluster's
overhead against ``--jobs`` with as many processes, and the articles per core-hour
with what that means for ten million articles. The cluster's entries must equal
those of a sequential run.
"""

from __future__ import annotations

import argparse
import os
import statistics
import sys
import tempfile
import time
from pathlib import Path

import whole_run

ROOT = Path(__file__).resolve().parent.parent
PAGES = ROOT.parent / "shared" / "corpus" / "pages"
ARCHIVE = 10_000_000


def check_seconds(jobs: int, paths: list[str]) -> float:
    """Wall-clock seconds of one ``check --jobs`` process over *paths*."""
    with tempfile.NamedTemporaryFile(suffix=".jsonl") as output:
        return whole_run.seconds(
            "check", "--no-cache", "--jobs", str(jobs), "--format", "jsonl", "-o", output.name, *paths
        )


def main() -> int:
    from distributed import Client, LocalCluster

    from lint_article import lint_many
    from lint_article.distributed import lint_paths

    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--copies", type=int, default=4, help="times each page is linted (default: 4)")
    parser.add_argument("--repeat", type=int, default=3, help="runs of each way (default: 3)")
    parser.add_argument("--pages", type=Path, default=PAGES, help="folder of pages (default: the corpus pages)")
    args = parser.parse_args()
    pages = [str(path) for path in sorted(args.pages.glob("*.html"))]
    if not pages:
        sys.exit(f"no pages in {args.pages}")
    paths = pages * args.copies
    print(f"{len(paths)} articles ({len(pages)} pages x {args.copies}); load average {os.getloadavg()[0]:.1f}")
    expected = [report.to_dict() for report in lint_many(pages, jobs=1)] * args.copies
    rates = {}
    for workers in (1, 2):
        started = time.perf_counter()
        with (
            LocalCluster(
                n_workers=workers, threads_per_worker=1, processes=True, dashboard_address="127.0.0.1:0"
            ) as cluster,
            Client(cluster) as client,
        ):
            startup = time.perf_counter() - started
            if lint_paths(paths, client) != expected:  # also warms the workers: their imports are not timed
                sys.exit("the cluster's entries differ from a sequential run's")
            cluster_times, check_times = [], []
            for _ in range(args.repeat):
                start = time.perf_counter()
                lint_paths(paths, client)
                cluster_times.append(time.perf_counter() - start)
                check_times.append(check_seconds(workers, paths))
        on_cluster, with_jobs = statistics.median(cluster_times), statistics.median(check_times)
        rates[workers] = len(paths) / on_cluster / workers
        print(
            f"{workers} worker{'s' if workers > 1 else ''}: cluster {on_cluster:.2f} s (started in {startup:.1f} s), "
            f"check --jobs {workers} {with_jobs:.2f} s; {rates[workers]:.1f} articles/s per core on the cluster, "
            f"{len(paths) / with_jobs / workers:.1f} with --jobs; cluster overhead {on_cluster / with_jobs - 1:+.0%}"
        )
    per_core_hour = rates[2] * 3600
    print(
        f"{per_core_hour:,.0f} articles per core-hour (2 workers): {ARCHIVE:,} articles take "
        f"{ARCHIVE / per_core_hour:,.0f} core-hours, {ARCHIVE / per_core_hour / 100:.1f} hours on 100 cores"
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
