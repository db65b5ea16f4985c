"""Throughput per core on a Dask cluster of 1 and of 2 workers, against ``check --jobs``.

    python benchmarks/cluster.py [--copies 4] [--repeat 3] [--pages DIR]

Lints the corpus's 130 pages (../shared/corpus/pages), each named --copies
times, with ``lint_article.distributed.lint_paths`` on a LocalCluster of N worker
processes (one thread each; the cluster is started before the clock starts, as
a real cluster is already running), and with ``lint-article check --jobs N
--no-cache --format jsonl`` on the same files, for N = 1 and 2. Runs alternate
between the two ways, so that a change in the machine's load hits both alike.

For each it prints the median wall-clock seconds and CPU seconds (the cluster's:
its workers, its scheduler and this client; ``check``'s: the process and its
workers), the articles per second per core, and the cluster's overhead against
``--jobs`` with as many processes. Articles per core-hour, and so the core-hours
for ten million articles, come from CPU seconds: on a shared machine a core's
wall-clock time is not all the article's, its CPU time is. The cluster's entries
must equal those of a sequential run.
"""

from __future__ import annotations

import argparse
import os
import statistics
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

import whole_run

ROOT = Path(__file__).resolve().parent.parent
PAGES = ROOT.parent / "shared" / "corpus" / "pages"
ARCHIVE = 10_000_000


def check_times(jobs: int, paths: list[str]) -> tuple[float, float]:
    """Wall-clock and CPU seconds of one ``check --jobs`` process over *paths*."""
    with tempfile.NamedTemporaryFile(suffix=".jsonl") as output:
        return whole_run.timed(
            "check", "--no-cache", "--jobs", str(jobs), "--format", "jsonl", "-o", output.name, *paths
        )


def cluster_cpu(client: Any) -> float:
    """CPU seconds used so far by the cluster's workers and scheduler, and by this client."""
    workers = sum(client.run(time.process_time).values())
    return float(workers + client.run_on_scheduler(time.process_time) + time.process_time())


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
    per_core_hour = {}
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
            cluster_runs, check_runs = [], []
            for _ in range(args.repeat):
                start, cpu = time.perf_counter(), cluster_cpu(client)
                lint_paths(paths, client)
                cluster_runs.append((time.perf_counter() - start, cluster_cpu(client) - cpu))
                check_runs.append(check_times(workers, paths))
        wall, cpu = (statistics.median(run[i] for run in cluster_runs) for i in (0, 1))
        check_wall, check_cpu = (statistics.median(run[i] for run in check_runs) for i in (0, 1))
        per_core_hour[workers] = len(paths) / cpu * 3600
        print(
            f"{workers} worker{'s' if workers > 1 else ''} (cluster started in {startup:.1f} s): "
            f"cluster {wall:.2f} s wall, {cpu:.2f} s CPU; check --jobs {workers} {check_wall:.2f} s wall, "
            f"{check_cpu:.2f} s CPU; per core {len(paths) / wall / workers:.1f} articles/s on the cluster, "
            f"{len(paths) / check_wall / workers:.1f} with --jobs (wall); overhead {wall / check_wall - 1:+.0%} wall, "
            f"{cpu / check_cpu - 1:+.0%} CPU"
        )
    print(
        f"{per_core_hour[2]:,.0f} articles per core-hour (2 workers, CPU time): {ARCHIVE:,} articles take "
        f"{ARCHIVE / per_core_hour[2]:,.0f} core-hours, {ARCHIVE / per_core_hour[2] / 100:.1f} hours on 100 cores"
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
