"""Applying the fixes that rules attach to their findings.

A fix is a list of edits to spans of the original source (:class:`~.findings.Fix`),
never a re-serialised tree: after fixing, every character outside the edited
spans is the character that was there. Fixes are applied in rounds: each round
lints the text, takes the fixes that do not overlap (the first of two that do
waits for the next round, when it is found again on the mended text), applies
them, and lints again, until no fix is left or :data:`MAX_ROUNDS` have run.
Safe fixes are applied always; unsafe ones, which delete or restructure prose,
only when asked for.

Offsets of an :class:`~.findings.Edit` count characters of the source with its
line breaks normalised to ``\\n`` (as :class:`~.document.Article` reads it); they are
mapped back onto the text as it was given, so a file with CR LF line breaks keeps them.
"""

from __future__ import annotations

import bisect
import codecs
import contextlib
import difflib
import os
import stat
import tempfile
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path

from .document import Article, ArticleError
from .engine import Linter
from .findings import Applicability, Edit, Finding, Fix
from .inputs import problem
from .regex import on_use
from .report import AppliedFixDict, FixResultDict, Report

MAX_ROUNDS = 10
"""The most rounds of fixes for one article; real articles settle in two or three."""
_CRLF = on_use("\r\n")
_BOMS = (codecs.BOM_UTF8, codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE, codecs.BOM_UTF32_BE, b"")


@dataclass(frozen=True, slots=True)
class AppliedFix:
    """A fix that was applied: the finding it mended, and in which round (its
    edits' offsets and positions are those of the text that round read)."""

    rule: str
    message_id: str
    line: int
    column: int
    fix: Fix
    round: int

    def to_dict(self) -> AppliedFixDict:
        return {
            "rule": self.rule,
            "message_id": self.message_id,
            "line": self.line,
            "column": self.column,
            "round": self.round,
            "fix": self.fix.to_dict(),
        }


@dataclass(frozen=True, slots=True)
class FixResult:
    """The fixed text, the fixes applied, and the report on the fixed text: what is left."""

    text: str
    applied: tuple[AppliedFix, ...]
    report: Report
    """The findings of the fixed text (of the text as given when nothing was applied)."""

    @property
    def changed(self) -> bool:
        return bool(self.applied)

    def to_dict(self) -> FixResultDict:
        """The answer of the HTTP service's ``/v1/fix`` and of the MCP ``fix`` tool."""
        return {
            "text": self.text,
            "applied": [fix.to_dict() for fix in self.applied],
            "report": self.report.to_dict(),
        }

    @property
    def unsafe_available(self) -> int:
        """How many findings left have a fix that only ``unsafe`` would apply."""
        return sum(1 for f in self.report.findings if f.fix and f.fix.applicability is Applicability.UNSAFE)


@dataclass(frozen=True, slots=True)
class FixedBytes:
    """The outcome of fixing a file's bytes: the new bytes (None when nothing
    changed, or the bytes could not be fixed: see ``refused``), the text before,
    and the result on it."""

    data: bytes | None
    before: str
    result: FixResult
    refused: str | None = None
    """Why the file was left alone although a fix was possible (its bytes do not survive decoding)."""

    def diff(self, name: str) -> Iterator[str]:
        """The change as a unified diff of the text, ``a/NAME`` to ``b/NAME`` (nothing when unchanged)."""
        if self.data is None:
            return iter(())
        lines = difflib.unified_diff(
            self.before.splitlines(keepends=True),
            self.result.text.splitlines(keepends=True),
            f"a/{name}",
            f"b/{name}",
        )
        return (line if line.endswith("\n") else line + "\n\\ No newline at end of file\n" for line in lines)


def fix_text(linter: Linter, html: str, path: str = "<string>", *, unsafe: bool = False) -> FixResult:
    """Fix *html* with *linter*'s rules: its safe fixes, and its unsafe ones too when
    *unsafe*. Input that cannot be linted (not HTML, too large) comes back as it was,
    with the report that says why."""
    first = linter.lint(html, path)
    if first.error is not None:
        return FixResult(html, (), first)
    text, report = html, first
    applied: list[AppliedFix] = []
    for round_number in range(1, MAX_ROUNDS + 1):
        chosen = choose(report.findings, unsafe=unsafe)
        if not chosen:
            break
        edits = [edit for finding in chosen for edit in finding.fix.edits]  # type: ignore[union-attr]
        fixed = apply_edits(text, sorted(edits, key=lambda edit: (edit.start, edit.end)))
        if fixed == text:
            break
        applied.extend(
            AppliedFix(f.rule, f.message_id, f.line, f.column, f.fix, round_number)  # type: ignore[arg-type]
            for f in chosen
        )
        text = fixed
        try:
            report = linter.lint(Article.from_html(text), path)
        except ArticleError as exc:  # the parser refuses the mended text (no fix adds attributes; said if one did)
            return FixResult(text, tuple(applied), Report(path, error=str(exc)))
    return FixResult(text, tuple(applied), report)


def fix_html(linter: Linter, html: str | bytes, path: str = "<string>", *, unsafe: bool = False) -> FixResult:
    """Fix *html*, text or bytes (decoded as a browser would; the result is text).
    Input that cannot be linted gives a result with the report's ``error`` set, and
    as its text the text given (nothing for bytes)."""
    if isinstance(html, bytes):
        refused = problem(html, linter.max_bytes)
        if refused is not None:
            return FixResult("", (), Report(path, error=refused))
        from .document.decoding import decode_html

        html = decode_html(html).text
    return fix_text(linter, html, path, unsafe=unsafe)


def fix_bytes(linter: Linter, data: bytes, path: str = "<string>", *, unsafe: bool = False) -> FixedBytes:
    """Fix the bytes of a file: decoded as a browser would, fixed, and encoded
    again in the same encoding (its byte order mark kept), so that every byte
    outside the edits stays as it was. Bytes that do not come back the same
    when decoded and encoded (undecodable bytes) are not fixed."""
    not_html = problem(data, linter.max_bytes)
    if not_html is not None:
        return FixedBytes(None, "", FixResult("", (), Report(path, error=not_html)))
    from .document.decoding import decode_html

    decoded = decode_html(data)
    try:
        encoded = None if decoded.replaced_bytes else decoded.text.encode(decoded.encoding)
    except UnicodeEncodeError:  # a character the codec reads but does not write back
        encoded = None
    prefix = data[: len(data) - len(encoded)] if encoded is not None else b""
    round_trips = encoded is not None and data.endswith(encoded) and prefix in _BOMS
    result = fix_text(linter, decoded.text, path, unsafe=unsafe)
    if not result.changed:
        return FixedBytes(None, decoded.text, result)
    if not round_trips:
        reason = f"its bytes do not read back the same as {decoded.encoding}: not fixed"
        return FixedBytes(None, decoded.text, FixResult(decoded.text, (), linter.lint(data, path)), reason)
    # A replacement the encoding cannot hold is written as a character reference, as HTML allows.
    new = prefix + result.text.encode(decoded.encoding, errors="xmlcharrefreplace")
    return FixedBytes(new, decoded.text, result)


def write_atomically(path: Path, data: bytes) -> None:
    """Replace the file at *path* (the file a link leads to) with *data*, whole or
    not at all: a temporary file beside it, given its mode, then renamed over it.
    Raises OSError when it cannot be written."""
    target = path.resolve()
    mode = stat.S_IMODE(target.stat().st_mode)
    descriptor, temporary = tempfile.mkstemp(dir=target.parent, prefix=f".{target.name}.", suffix=".fixing")
    try:
        with os.fdopen(descriptor, "wb") as stream:
            stream.write(data)
            stream.flush()
            os.fsync(stream.fileno())
        os.chmod(temporary, mode)
        os.replace(temporary, target)
    except BaseException:
        with contextlib.suppress(OSError):
            os.unlink(temporary)
        raise


def choose(findings: Iterable[Finding], *, unsafe: bool) -> list[Finding]:
    """The findings whose fixes are applied together in one round: those with a fix
    allowed by *unsafe*, first come first served, less any whose edits overlap or
    touch the edits of one taken before (it waits for the next round)."""
    candidates = sorted(
        (f for f in findings if f.fix is not None and (unsafe or f.fix.applicability is Applicability.SAFE)),
        key=lambda f: (f.fix.start, f.fix.end),  # type: ignore[union-attr]
    )
    taken: list[Finding] = []
    spans: list[tuple[int, int]] = []  # of the taken fixes' edits, sorted
    for finding in candidates:
        edits = finding.fix.edits  # type: ignore[union-attr]
        if any(_clashes(spans, edit) for edit in edits):
            continue
        taken.append(finding)
        for edit in edits:
            bisect.insort(spans, (edit.start, edit.end))
    return taken


def _clashes(spans: Sequence[tuple[int, int]], edit: Edit) -> bool:
    """Whether *edit* overlaps one of *spans*, or inserts where one starts or ends."""
    index = bisect.bisect_left(spans, (edit.start, edit.start))
    for start, end in spans[max(0, index - 1) : index + 1]:
        if edit.start < end and start < edit.end:
            return True
        if (edit.start == edit.end or start == end) and (edit.start in (start, end) or start in (edit.start, edit.end)):
            return True
    return False


def apply_edits(text: str, edits: Sequence[Edit]) -> str:
    """*text* with *edits* applied; their offsets are in *text* with its line breaks
    normalised to ``\\n``, and are mapped onto *text* as given (CR LF kept)."""
    to_original = _offset_map(text)
    pieces: list[str] = []
    kept_until = 0
    for edit in edits:
        start, end = to_original(edit.start), to_original(edit.end)
        pieces.append(text[kept_until:start])
        pieces.append(edit.replacement)
        kept_until = end
    pieces.append(text[kept_until:])
    return "".join(pieces)


def _offset_map(text: str) -> Callable[[int], int]:
    if "\r\n" not in text:
        return _identity
    pairs = [match.start() - index for index, match in enumerate(_CRLF.finditer(text))]
    return lambda offset: offset + bisect.bisect_left(pairs, offset)


def _identity(offset: int) -> int:
    return offset
