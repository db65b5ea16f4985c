"""``lint-article check --stdin-jsonl``: one long-lived process, driven line by line.

Each line of standard input is a JSON object ``{"id", "html", "path"?, "config"?}``;
for each, one line goes out, in order and flushed at once: ``{"id", "line",
...the files[] entry of --format json...}``, or, for a line that cannot be linted
as sent, ``{"id", "line", "error": {"code", "message"}}`` (``id`` is null when
the line has none, or cannot be read; ``line`` is its number). Then the next
line is read; end of input ends the process. Any language that can write a line
and read one can keep the linter warm without a server.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from typing import IO, Any

from ..report import Report
from .service import LintService, RequestError, compact_json, decode_json, error_document, parse_request

STDIN_PATH = "-"
"""The report's ``path`` when a line names none: standard input, as ``check -`` names it."""

_SKIP_CHUNK = 1024 * 1024


def run_jsonl(
    service: LintService, lines_in: IO[bytes], out: IO[str], *, max_line: int, judge: Callable[[Report], int]
) -> int:
    """Answer every line of *lines_in* on *out*; the exit code is the worst of
    *judge* over the reports (0, 1 or 2), and 2 when a line could not be linted."""
    worst = 0
    for number, line in enumerate(_lines(lines_in, max_line), start=1):
        if line is not None and not line.strip():
            continue  # a blank line asks for nothing
        answer, code = _answer(service, number, line, max_line, judge)
        out.write(compact_json(answer) + "\n")
        out.flush()
        worst = max(worst, code)
    return worst


def _answer(
    service: LintService, number: int, line: bytes | None, max_line: int, judge: Callable[[Report], int]
) -> tuple[dict[str, Any], int]:
    head = {"id": None, "line": number}
    if line is None:
        return {**head, **error_document("line-too-long", f"the line is over {max_line:,} bytes")}, 2
    try:
        data = decode_json(line)
        if isinstance(data, dict):
            head["id"] = data.get("id")
        report = service.lint(parse_request(data, default_path=STDIN_PATH, extra_fields=("id",)))
    except RequestError as exc:
        return {**head, **exc.to_dict()}, 2
    return {**head, **report.to_dict()}, judge(report)


def _lines(stream: IO[bytes], max_line: int) -> Iterator[bytes | None]:
    """The lines of *stream* as they arrive, each read only up to *max_line*
    bytes: a longer one is None, and the rest of it is skipped a chunk at a time."""
    while line := stream.readline(max_line + 1):
        if len(line) <= max_line or line.endswith(b"\n"):
            yield line
            continue
        while (rest := stream.readline(_SKIP_CHUNK)) and not rest.endswith(b"\n"):
            pass
        yield None
