"""Baselines: adopt the linter on an existing archive without fixing it first.

``lint-article check --write-baseline FILE`` records today's findings; later runs
with ``--baseline FILE`` report only findings that are not in it. A finding is
keyed by what it is, not by where it is: its file, rule, message id and an
*anchor* (the normalised source snippet, else the element's selector). The line
number is left out, so an edit elsewhere in the file does not resurface a
recorded finding. Keys are counted: when a file has two recorded ``<h1>``
extras and a third appears, the third is reported.

The file is JSON, sorted, one entry per key, with paths relative to the
baseline's own folder, so that it can be committed and reviewed::

    {"version": 1, "tool": "lint-article",
     "findings": [{"path": "news/a.html", "rule": "single-h1", "message_id": "extra",
                   "anchor": "<h1>", "count": 1}]}
"""

from __future__ import annotations

import hashlib
import json
import os
from collections import Counter
from collections.abc import Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any, NamedTuple

from .api import TooLarge, read_limited
from .findings import Finding
from .formatters.base import json_text
from .report import INTERNAL_ERROR, Report

VERSION = 1
TOOL = "lint-article"
MAX_BYTES = 128 * 1024 * 1024
"""The largest baseline read: room for some 600,000 recorded findings, and a bound
on what a mistaken ``--baseline /dev/zero`` or a huge file can cost."""


class BaselineError(ValueError):
    """A baseline file is missing, unreadable or malformed."""


class Key(NamedTuple):
    path: str
    rule: str
    message_id: str
    anchor: str


def anchor(finding: Finding) -> str:
    """What identifies a finding within its file, whatever its line: the snippet
    with its whitespace collapsed and any truncation mark dropped, else the selector."""
    snippet = " ".join(finding.snippet.split()).removesuffix("…").rstrip()
    return snippet or finding.selector


def finding_key(path: str, finding: Finding) -> Key:
    return Key(path, finding.rule, finding.message_id, anchor(finding))


def fingerprints(path: str, findings: Iterable[Finding]) -> Iterator[tuple[Finding, str]]:
    """Each finding with a fingerprint that is stable across runs and edits elsewhere
    in the file, and unique within the file (equal keys are numbered in order)."""
    seen: Counter[Key] = Counter()
    for finding in findings:
        key = finding_key(path, finding)
        seen[key] += 1
        text = "\0".join((*key, str(seen[key])))
        # surrogatepass: a file name that is not UTF-8 holds lone surrogates; a valid one hashes as before.
        yield finding, hashlib.sha256(text.encode("utf-8", "surrogatepass")).hexdigest()[:32]


def baselinable(finding: Finding) -> bool:
    """A crashed rule is never recorded: it is a fault of the run, not of the article."""
    return finding.message_id != INTERNAL_ERROR


def key_path(path: str, base_dir: Path) -> str:
    """*path* (as reported, relative to the working directory) relative to *base_dir*."""
    if path == "-" or path.startswith("<"):
        return path
    try:
        return Path(os.path.relpath(Path(path).absolute(), base_dir.absolute())).as_posix()
    except ValueError:  # another drive, on Windows
        return Path(path).absolute().as_posix()


@dataclass(frozen=True)
class Filtered:
    """Reports without their baselined findings, and what the baseline matched."""

    reports: list[Report]
    matched: int
    """Findings left out because the baseline records them."""
    stale: int
    """Recorded findings in the linted files that no longer occur (fixed since)."""


@dataclass(frozen=True)
class Baseline:
    counts: Mapping[Key, int] = field(default_factory=dict)
    base_dir: Path = Path(".")
    """The folder that the recorded paths are relative to: the baseline file's."""

    @classmethod
    def from_reports(cls, reports: Iterable[Report], base_dir: Path) -> Baseline:
        counts: Counter[Key] = Counter()
        for report in reports:
            path = key_path(report.path, base_dir)
            counts.update(finding_key(path, f) for f in report.findings if baselinable(f))
        return cls(dict(counts), base_dir)

    @classmethod
    def load(cls, file: str | os.PathLike[str]) -> Baseline:
        path = Path(file)
        try:
            with path.open("rb") as stream:
                data = json.loads(read_limited(stream, MAX_BYTES).decode("utf-8"))
        except FileNotFoundError:
            raise BaselineError(f"baseline {str(path)!r} does not exist; create it with --write-baseline") from None
        # ValueError: not UTF-8, not JSON, or a number of more digits than Python converts;
        # RecursionError: arrays nested too deep.
        except (OSError, TooLarge, ValueError, RecursionError) as exc:
            raise BaselineError(f"cannot read baseline {str(path)!r}: {exc}") from None
        return cls(_parse(data, str(path)), path.absolute().parent)

    def to_dict(self) -> dict[str, Any]:
        entries = [{**key._asdict(), "count": count} for key, count in sorted(self.counts.items())]
        return {"version": VERSION, "tool": TOOL, "findings": entries}

    def dumps(self) -> str:
        return json_text(self.to_dict())

    def write(self, file: str | os.PathLike[str]) -> None:
        Path(file).write_text(self.dumps(), encoding="utf-8")

    def __len__(self) -> int:
        return sum(self.counts.values())

    def filter(self, reports: Sequence[Report]) -> Filtered:
        """*reports* without the findings that the baseline records."""
        remaining = Counter(self.counts)
        kept_reports = []
        matched = 0
        linted = set()
        for report in reports:
            path = key_path(report.path, self.base_dir)
            linted.add(path)
            kept = []
            for finding in report.findings:
                key = finding_key(path, finding)
                if baselinable(finding) and remaining[key] > 0:
                    remaining[key] -= 1
                    matched += 1
                else:
                    kept.append(finding)
            kept_reports.append(report if len(kept) == len(report.findings) else replace(report, findings=tuple(kept)))
        stale = sum(count for key, count in remaining.items() if key.path in linted)
        return Filtered(kept_reports, matched, stale)


def _parse(data: Any, source: str) -> dict[Key, int]:
    if not isinstance(data, dict) or data.get("version") != VERSION or not isinstance(data.get("findings"), list):
        raise BaselineError(f"{source}: not a lint-article baseline (version {VERSION})")
    counts: dict[Key, int] = {}
    for number, entry in enumerate(data["findings"], start=1):
        try:
            key = Key(*(entry[name] for name in Key._fields))
            count = entry.get("count", 1)
        except (KeyError, TypeError, AttributeError):
            raise BaselineError(f"{source}: entry {number} needs {', '.join(Key._fields)} and count") from None
        if not all(isinstance(part, str) for part in key) or not isinstance(count, int) or count < 1:
            raise BaselineError(f"{source}: entry {number} is malformed")
        counts[key] = counts.get(key, 0) + count
    return counts
