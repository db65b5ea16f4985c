"""A load test of the HTTP service: a real `lint-article serve` (uvicorn) on a free
loopback port, against linting the same articles in-process in the same run.

    python benchmarks/service_load.py [--requests 2000] [--concurrency 16] [--tiny 10000] [--workers N] [--articles N]

Starts the server as a user does (`python -m lint_article serve --port 0
--isolated`, one worker per CPU unless --workers), then, from --concurrency
client threads each keeping one connection alive:

1. passes over the corpus articles (../shared/corpus/articles, 130 CMS
   bodies), not timed: four at least, so that every worker meets every
   article, and more until a pass leaves the memory as it found it (within
   1%, at most twelve passes): the workers' working size;
2. the load: --requests POSTs of the articles in turn, each under a name of
   its own, so that each is linted; throughput, latency (median, p99, max),
   errors, and the linting time the server reports (``Server-Timing``), so
   that what the service adds beyond the linting shows;
3. an open loop: --open-requests of the articles arriving at random moments
   (Poisson), at --open-share of the throughput step 2 reached, from twice as
   many threads, each latency counted from the moment its request was due: the
   traffic of many independent editors, where the order of the waiting line
   shows better than in a closed loop, whose mean latency is fixed by
   Little's law (connections / throughput) whatever the order;
4. the same articles sent again under the names they had the first time in
   step 2, as a CMS's autosaves send an unchanged draft: answered from the
   server's memory of answers (``--cache-size``);
5. --tiny POSTs of a tiny article: many small requests.

The baseline is the same article sequence linted in this process, one article
after another, with a warmed linter: the throughput of one core doing nothing
but lint. Memory: the resident set of the server and its workers (from /proc)
after start-up, after the warm-up passes, after each phase, less the answers the
server keeps within its --cache-size; it must not grow once every worker has
met every article. The load
average, before and after, says how busy the machine was. Traffic goes to
127.0.0.1 only; every phase is bounded in count; the server is stopped at the
end. Exits with 1 on any error or when memory grows by more than --max-growth.
"""

from __future__ import annotations

import argparse
import http.client
import itertools
import json
import os
import statistics
import sys
import tempfile
import threading
import time
from collections import Counter
from pathlib import Path
from random import Random

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))  # this checkout's lint_article and its test helper

from lint_article import make_linter  # noqa: E402
from tests.server_process import ServerProcess  # noqa: E402

ARTICLES = ROOT.parent / "shared" / "corpus" / "articles"
TINY = b"<h1>Tiny</h1><p>A tiny article of a few words.</p>"


SPANS = ("wait", "send", "lint", "encode", "return", "app")
"""The entries of the server's ``Server-Timing`` header, in the order a request meets them."""


class Results:
    def __init__(self) -> None:
        self.latencies: list[float] = []
        self.large: list[float] = []
        """The latencies of the requests that carried one of the largest articles."""
        self.spans: dict[str, list[float]] = {name: [] for name in (*SPANS, "http")}
        self.statuses: Counter[str] = Counter()
        self.lock = threading.Lock()
        self.cpu_before = self.cpu_after = (0.0, 0.0, 0.0)

    def add(self, elapsed: float, status: str, timing: str, large: bool) -> None:
        with self.lock:
            self.latencies.append(elapsed)
            self.statuses[status] += 1
            if large:
                self.large.append(elapsed)
            spans = parse_timing(timing)
            if "app" in spans:
                for name in SPANS:
                    self.spans[name].append(spans[name])
                self.spans["http"].append(elapsed - spans["app"])
            elif "lint" in spans:  # a server that says only how long the linting took
                self.spans["lint"].append(spans["lint"])


def parse_timing(header: str) -> dict[str, float]:
    """The durations, in seconds, of a ``Server-Timing`` header (``name;dur=MS, ...``)."""
    spans = {}
    for entry in header.split(","):
        name, _, parameters = entry.strip().partition(";")
        for parameter in parameters.split(";"):
            key, _, value = parameter.partition("=")
            if key.strip() == "dur":
                spans[name] = float(value) / 1000
    return spans


def drive(
    server: ServerProcess,
    bodies: list[bytes],
    count: int,
    concurrency: int,
    phase: str,
    *,
    again: bool = False,
    large: frozenset[int] = frozenset(),
    rate: float | None = None,
) -> tuple[Results, float]:
    """POST *count* bodies (in turn) from *concurrency* threads; the results and
    the wall time. Each request names a path of its own in this *phase*, so that
    each is linted, unless *again*: then an article keeps its path, as a CMS's
    autosaves do, and the server may answer from its memory. The bodies whose
    indexes are in *large* have their latencies counted apart too.

    Without *rate*, each thread sends its next request as soon as it has the
    answer to the last (a closed loop: as many requests in flight as threads).
    With it, requests are due at random moments, *rate* a second on average
    (Poisson arrivals, as from many independent editors), and each latency is
    counted from the moment its request was due, so that a request sent late
    because every thread was busy still counts its delay."""
    results = Results()
    random = Random(15)
    due_times = list(itertools.accumulate(random.expovariate(rate) for _ in range(count))) if rate else None
    results.cpu_before = cpu_seconds(server.process.pid)
    tickets = iter(range(count))
    ticket_lock = threading.Lock()
    origin = time.perf_counter()

    def client() -> None:
        connection = http.client.HTTPConnection(server.host, server.port, timeout=60)
        headers = {"content-type": "text/html"}
        while True:
            with ticket_lock:
                number = next(tickets, None)
            if number is None:
                break
            started = time.perf_counter()
            if due_times is not None:
                started = origin + due_times[number]
                time.sleep(max(0.0, started - time.perf_counter()))
            try:
                body = bodies[number % len(bodies)]
                name = number % len(bodies) if again else number
                connection.request("POST", f"/v1/lint?path={phase}-{name}.html", body=body, headers=headers)
                response = connection.getresponse()
                response.read()
                status, timing = str(response.status), response.getheader("server-timing", "")
            except (OSError, http.client.HTTPException) as exc:
                status, timing = type(exc).__name__, ""
                connection.close()
                connection = http.client.HTTPConnection(server.host, server.port, timeout=60)
            results.add(time.perf_counter() - started, status, timing, number % len(bodies) in large)
        connection.close()

    threads = [threading.Thread(target=client) for _ in range(concurrency)]
    started = time.perf_counter()
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    results.cpu_after = cpu_seconds(server.process.pid)
    return results, time.perf_counter() - started


def warm_up(server: ServerProcess, bodies: list[bytes], concurrency: int) -> int:
    """Pass over *bodies* until the server has its working size: at least
    _WARM_UP_PASSES times (each worker all but surely meets each article, the
    largest ones included), then until a pass leaves the resident memory of
    the server and its workers within _SETTLED of what the pass before left,
    at most _MAX_WARM_UP_PASSES times. Each pass sends the articles under
    names of its own, so that each is linted. The number of passes made."""
    sizes: list[int] = []
    for number in range(_MAX_WARM_UP_PASSES):
        drive(server, bodies, len(bodies), concurrency, f"warm-up-{number}")
        sizes.append(sum(resident_kib(server).values()))
        if len(sizes) >= _WARM_UP_PASSES and sizes[-1] <= (1 + _SETTLED) * sizes[-2]:
            break
    after_each = " ".join(f"{size / 1024:.0f}" for size in sizes)
    print(f"warm-up: {len(sizes)} passes; server and workers, MiB after each: {after_each}")
    return len(sizes)


# The workers' memory grows over the first passes (a worker's heap reaches the
# size its largest articles need only after meeting them a few times) and then
# holds: growth is counted from there.
_WARM_UP_PASSES = 4
_MAX_WARM_UP_PASSES = 12
_SETTLED = 0.01


def resident_kib(server: ServerProcess) -> dict[int, int]:
    """The resident set, in KiB, of the server and of each of its workers, less
    (from the server's) the answers it keeps within its --cache-size (as
    /healthz says): memory it was allowed, not memory that leaks."""
    pid = server.process.pid
    connection = http.client.HTTPConnection(server.host, server.port, timeout=60)
    connection.request("GET", "/healthz")
    kept = json.loads(connection.getresponse().read())["cache"]["bytes"] // 1024
    connection.close()
    sizes = {}
    for process in [pid, *children(pid)]:
        for line in Path(f"/proc/{process}/status").read_text().splitlines():
            if line.startswith("VmRSS:"):
                sizes[process] = int(line.split()[1]) - (kept if process == pid else 0)
    return sizes


def cpu_seconds(pid: int) -> tuple[float, float, float]:
    """CPU time so far of *pid*, of its live child processes, and of this process (the load)."""

    def of(process: int) -> float:
        fields = Path(f"/proc/{process}/stat").read_text().rpartition(")")[2].split()
        return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")  # utime + stime

    return of(pid), sum(of(child) for child in children(pid)), time.process_time()


def children(pid: int) -> list[int]:
    tasks = Path(f"/proc/{pid}/task").iterdir()
    return [int(child) for task in tasks for child in (task / "children").read_text().split()]


def percentile(values: list[float], share: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(share * (len(ordered) - 1)))]


def report(name: str, results: Results, wall: float) -> None:
    ms = [1000 * t for t in results.latencies]
    errors = sum(n for status, n in results.statuses.items() if status != "200")
    print(f"{name}: {len(ms):,} requests in {wall:.2f} s: {len(ms) / wall:,.0f} requests/s; errors: {errors}")
    print(f"  latency ms: median {statistics.median(ms):.1f}, p99 {percentile(ms, 0.99):.1f}, max {max(ms):.1f}")
    if results.large:
        large = [1000 * t for t in results.large]
        summary = f"median {statistics.median(large):.1f}, p99 {percentile(large, 0.99):.1f}, max {max(large):.1f}"
        print(f"  latency ms of the largest tenth of the articles ({len(large):,} requests): {summary}")
    spans = {name: [1000 * t for t in values] for name, values in results.spans.items() if values}
    if spans:
        print("  where the time went, ms (from Server-Timing; http: the client's latency less the server's app):")
        print("    " + "  ".join(f"{name:>7}" for name in ("", *spans)))
        for label, share in (("p50", 0.5), ("p99", 0.99)):
            print("    " + "  ".join([f"{label:>7}", *(f"{percentile(v, share):7.1f}" for v in spans.values())]))
        print("    " + "  ".join([f"{'mean':>7}", *(f"{statistics.fmean(v):7.1f}" for v in spans.values())]))
    spent = zip(results.cpu_before, results.cpu_after, strict=True)
    server, workers, load = (1000 * (after - before) / len(ms) for before, after in spent)
    print(f"  CPU ms per request: server process {server:.2f}, workers {workers:.2f}, load generator {load:.2f}")
    print(f"  statuses: {dict(results.statuses)}")


def baseline(bodies: list[bytes], count: int) -> tuple[float, float]:
    """Articles per second, and CPU ms per article, when this process lints the
    same sequence, one after another."""
    linter = make_linter()
    for body in bodies:  # warm: every article once
        linter.lint(body, "warm.html")
    started, cpu = time.perf_counter(), time.process_time()
    for body in itertools.islice(itertools.cycle(bodies), count):
        linter.lint(body, "a.html")
    return count / (time.perf_counter() - started), 1000 * (time.process_time() - cpu) / count


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--requests", type=int, default=2000, help="corpus articles to POST (default: 2000)")
    parser.add_argument("--concurrency", type=int, default=16, help="client connections (default: 16)")
    parser.add_argument("--tiny", type=int, default=10_000, help="tiny articles to POST (default: 10000)")
    parser.add_argument("--workers", type=int, default=None, help="server workers (default: one per CPU)")
    parser.add_argument("--baseline-articles", type=int, default=390, help="articles linted in-process (default: 390)")
    parser.add_argument("--articles", type=int, default=None, help="only the first N corpus articles (default: all)")
    parser.add_argument("--open-requests", type=int, default=1000, help="articles arriving at random (default: 1000)")
    parser.add_argument(
        "--open-share",
        type=float,
        default=0.7,
        help="their mean rate, as a share of the closed loop's throughput in the same run (default: 0.7)",
    )
    parser.add_argument("--max-growth", type=float, default=0.10, help="fail when memory grows more (default: 0.10)")
    args = parser.parse_args()
    bodies = [path.read_bytes() for path in sorted(ARTICLES.glob("*.html"))[: args.articles]]
    if not bodies:
        sys.exit(f"no articles in {ARTICLES}")
    by_size = sorted(range(len(bodies)), key=lambda index: len(bodies[index]))
    largest = frozenset(by_size[-max(1, len(bodies) // 10) :])
    cpus = len(os.sched_getaffinity(0))
    print(f"{cpus} CPUs; load average before: {' '.join(f'{x:.2f}' for x in os.getloadavg())}")
    per_core, cpu_ms = baseline(bodies, args.baseline_articles)
    print(
        f"baseline: one core linting in-process, {args.baseline_articles} articles: {per_core:,.0f} articles/s, "
        f"CPU {cpu_ms:.2f} ms per article"
    )

    workers = ["--workers", str(args.workers)] if args.workers else []
    with tempfile.TemporaryDirectory() as folder:
        server = ServerProcess("--isolated", *workers, cwd=Path(folder))
        try:
            memory = {"after start-up": resident_kib(server)}
            passes = warm_up(server, bodies, args.concurrency)
            memory[f"after {passes} warm-up passes"] = resident_kib(server)
            load, wall = drive(server, bodies, args.requests, args.concurrency, "load", large=largest)
            memory[f"after {args.requests:,} articles"] = resident_kib(server)
            report(f"load, {args.concurrency} connections, each request linted", load, wall)
            print(f"  throughput / one core's in-process baseline: {len(load.latencies) / wall / per_core:.2f}")
            rate = args.open_share * len(load.latencies) / wall
            arriving, arriving_wall = drive(
                server, bodies, args.open_requests, 2 * args.concurrency, "open", large=largest, rate=rate
            )
            memory[f"after {args.open_requests:,} open-loop articles"] = resident_kib(server)
            name = f"open loop: {args.open_requests:,} articles arriving at random, {rate:.0f}/s on average"
            report(f"{name} ({args.open_share:.0%} of the throughput above)", arriving, arriving_wall)
            again, again_wall = drive(server, bodies, args.requests, args.concurrency, "load", again=True)
            memory[f"after {args.requests:,} articles sent again"] = resident_kib(server)
            report(f"the same articles sent again under their names, {args.concurrency} connections", again, again_wall)
            tiny, tiny_wall = drive(server, [TINY], args.tiny, args.concurrency, "tiny")
            memory[f"after {args.tiny:,} tiny requests"] = resident_kib(server)
            report("tiny requests", tiny, tiny_wall)
        finally:
            code = server.stop()
    print(f"load average after: {' '.join(f'{x:.2f}' for x in os.getloadavg())}; server exit status {code}")
    print("memory (resident, MiB): server process + workers")
    for moment, sizes in memory.items():
        pid = server.process.pid
        print(f"  {moment:>26}: {sizes[pid] / 1024:6.1f} + {sum(v for p, v in sizes.items() if p != pid) / 1024:6.1f}")
    warm = sum(memory[f"after {passes} warm-up passes"].values())
    final = sum(list(memory.values())[-1].values())
    growth = final / warm - 1
    print(f"growth after the warm-up passes: {100 * growth:+.1f}%")
    errors = sum(
        n for results in (load, arriving, again, tiny) for status, n in results.statuses.items() if status != "200"
    )
    return 1 if errors or growth > args.max_growth else 0


if __name__ == "__main__":
    sys.exit(main())
