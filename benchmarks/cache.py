"""How much faster a second run over unchanged articles is, with the result cache.

    python benchmarks/cache.py [--repeat 5] [--min-ratio 20] [--pages DIR]

Times whole ``lint-article check`` processes over ../shared/corpus/pages (130 full
web pages), as a user runs them, with the default ``--jobs``: a cold run starts
from an empty cache folder, and the warm run that follows it reads the cache the
cold run wrote. Cold and warm runs alternate, so that a change in the machine's
load hits both alike; the script prints each median and the ratio of the
medians, and exits with 1 when the ratio is below --min-ratio or when a warm
run's output differs from its cold run's by one byte (in every output format).
"""

from __future__ import annotations

import argparse
import shutil
import statistics
import sys
import tempfile
from pathlib import Path

import whole_run

ROOT = Path(__file__).resolve().parent.parent
PAGES = ROOT.parent / "shared" / "corpus" / "pages"
FORMATS = ("text", "json", "jsonl", "sarif", "github", "gitlab", "junit")


def run(cache: Path, output: Path, pages: Path, output_format: str = "text") -> float:
    """Wall-clock seconds of one check."""
    return whole_run.seconds(
        "check", "--cache-dir", str(cache), "--format", output_format, "-o", str(output), str(pages)
    )


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--repeat", type=int, default=5, help="cold and warm runs of each (default: 5)")
    parser.add_argument("--min-ratio", type=float, default=20.0, help="fail below this speed-up (default: 20)")
    parser.add_argument("--pages", type=Path, default=PAGES, help="folder of pages (default: the corpus pages)")
    args = parser.parse_args()
    pages = sorted(args.pages.glob("*.html"))
    if not pages:
        sys.exit(f"no pages in {args.pages}")
    print(f"{len(pages)} pages, {sum(p.stat().st_size for p in pages) / 1e6:.1f} MB")
    times: dict[str, list[float]] = {"cold": [], "warm": []}
    identical = True
    with tempfile.TemporaryDirectory() as folder:
        cache, cold, warm = Path(folder, "cache"), Path(folder, "cold.txt"), Path(folder, "warm.txt")
        run(cache, cold, args.pages)  # warm the file system's cache and the bytecode
        for _ in range(args.repeat):
            shutil.rmtree(cache, ignore_errors=True)
            times["cold"].append(run(cache, cold, args.pages))
            times["warm"].append(run(cache, warm, args.pages))
            identical &= cold.read_bytes() == warm.read_bytes()
        for output_format in FORMATS:  # every format, from an empty cache and then from a full one
            shutil.rmtree(cache, ignore_errors=True)
            run(cache, cold, args.pages, output_format)
            run(cache, warm, args.pages, output_format)
            if cold.read_bytes() != warm.read_bytes():
                print(f"--format {output_format}: the warm run's output differs from the cold run's")
                identical = False
    medians = {kind: statistics.median(samples) for kind, samples in times.items()}
    for kind, samples in times.items():
        print(f"{kind}: median {medians[kind]:.3f} s  ({', '.join(f'{s:.3f}' for s in samples)})")
    ratio = medians["cold"] / medians["warm"]
    verdict = "ok" if ratio >= args.min_ratio else f"below {args.min_ratio}"
    print(f"warm run {ratio:.1f}x as fast as the cold run ({verdict}); output byte-identical: {identical}")
    return 0 if ratio >= args.min_ratio and identical else 1


if __name__ == "__main__":
    sys.exit(main())
