"""Peak memory of linting a batch of files, at 1,000 and at 20,000 files: it stays flat.

    python benchmarks/stream_memory.py                  # 1,000 and 20,000 files
    python benchmarks/stream_memory.py --files 500 --files 5000

The files are the corpus's 130 articles (../shared/corpus/articles), round and
round, each made unique by a comment with its number, written into a temporary
folder that is deleted afterwards. Each measurement is a fresh Python process
that runs one way of linting the whole folder and then reads its own peak
resident memory (``VmHWM`` in /proc/self/status, libxml2's memory included):

* ``check --format jsonl``: the command line, as ``lint-article check --format
  jsonl --no-cache --jobs N DIR -o FILE`` runs it (its main process; with
  ``--jobs 2`` each worker holds only the chunk it lints);
* ``lint_many``: the library, given the files as a generator (``os.scandir``), each
  report turned into its ``to_dict()`` and let go.

The number that must not grow is the difference between the two sizes. The command
line keeps one thing per file: its name, since it sorts the files of a directory and
checks the settings of every one before it lints any.
"""

from __future__ import annotations

import argparse
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
ARTICLES = ROOT.parent / "shared" / "corpus" / "articles"

# Run in the measured process: lint DIR one way, then print VmHWM in KiB on the last line.
_MEASURE = """
import sys
from pathlib import Path

def peak_kib():
    with open("/proc/self/status", encoding="ascii") as status:
        for line in status:
            if line.startswith("VmHWM:"):
                return int(line.split()[1])
    raise RuntimeError("no VmHWM in /proc/self/status (this benchmark needs Linux)")

way, folder, jobs, output = sys.argv[1], sys.argv[2], int(sys.argv[3]), sys.argv[4]
if way == "cli":
    from lint_article.cli import main
    try:
        main(["check", "--format", "jsonl", "--no-cache", "--jobs", str(jobs), "-o", output, folder])
    except SystemExit as exit:
        assert exit.code in (0, 1), exit.code
else:
    import os
    from lint_article import lint_many
    files = (entry.path for entry in os.scandir(folder) if entry.name.endswith(".html"))
    count = sum(1 for report in lint_many(files, jobs=jobs) if report.to_dict())
    assert count == int(output), count
print(peak_kib())
"""


def make_files(folder: Path, count: int) -> None:
    articles = [path.read_bytes() for path in sorted(ARTICLES.glob("*.html"))]
    if not articles:
        sys.exit(f"no articles in {ARTICLES}")
    for number in range(count):
        body = articles[number % len(articles)]
        (folder / f"{number:06d}.html").write_bytes(body + f"\n<!-- copy {number} -->\n".encode())


def measure(way: str, folder: Path, jobs: int) -> tuple[float, float]:
    """Peak memory in MiB and wall seconds of linting *folder* in a fresh process."""
    files = len(list(folder.glob("*.html")))
    with tempfile.NamedTemporaryFile(suffix=".jsonl") as output:
        start = time.perf_counter()
        result = subprocess.run(
            [sys.executable, "-c", _MEASURE, way, str(folder), str(jobs), output.name if way == "cli" else str(files)],
            cwd=ROOT,  # this checkout's lint_article, whatever is installed
            capture_output=True,
            text=True,
            check=False,
        )
        seconds = time.perf_counter() - start
        if result.returncode != 0:
            sys.exit(f"{way} failed:\n{result.stderr}")
        if way == "cli":
            lines = len(Path(output.name).read_bytes().splitlines())
            assert lines == files, lines
    return int(result.stdout.split()[-1]) / 1024, seconds


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--files", type=int, action="append", help="batch sizes (default: 1,000 and 20,000)")
    parser.add_argument("--way", choices=["cli", "library"], action="append", help="what to measure (default: both)")
    args = parser.parse_args()
    sizes = sorted(args.files or [1_000, 20_000])
    ways = [("check --format jsonl", "cli", 1), ("check --format jsonl", "cli", 2), ("lint_many", "library", 2)]
    ways = [way for way in ways if way[1] in (args.way or ["cli", "library"])]
    peaks: dict[tuple[str, int], list[float]] = {}
    with tempfile.TemporaryDirectory(prefix="lint-article-stream-") as temporary:
        for size in sizes:
            folder = Path(temporary, str(size))
            folder.mkdir()
            make_files(folder, size)
            for label, way, jobs in ways:
                peak, seconds = measure(way, folder, jobs)
                peaks.setdefault((label, jobs), []).append(peak)
                print(f"{label:<22} --jobs {jobs}  {size:>7,} files  peak {peak:6.1f} MiB  ({seconds:.0f} s)")
            shutil.rmtree(folder)
    for (label, jobs), values in peaks.items():
        growth = values[-1] - values[0]
        print(f"{label:<22} --jobs {jobs}  {sizes[0]:,} -> {sizes[-1]:,} files: {growth:+.1f} MiB")
    return 0


if __name__ == "__main__":
    sys.exit(main())
