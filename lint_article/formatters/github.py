"""GitHub Actions workflow commands: each finding becomes an annotation.

``::error file=a.html,line=3,endLine=3,col=1,endColumn=5,title=lint-article (single-h1)::extra <h1>``

``error``, ``warning`` and ``notice`` follow the finding's severity. Values are
escaped as the Actions toolkit does (``@actions/core``, ``command.ts``): in the
message ``%``, ``\\r`` and ``\\n``; in properties also ``:`` and ``,``. Before
that, a control character that came from the article or a file name (a
newline, an escape sequence) is shown as its escape (:func:`.base.printable`),
so that no article can end a command and start one of its own.
"""

from __future__ import annotations

from collections.abc import Sequence

from ..findings import Severity
from ..report import Report
from .base import TOOL_NAME, FormatOptions, printable, region, relative_posix, shown_path

COMMANDS = {Severity.ERROR: "error", Severity.WARNING: "warning", Severity.INFO: "notice"}


def escape_data(value: str) -> str:
    return value.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def escape_property(value: str) -> str:
    return escape_data(value).replace(":", "%3A").replace(",", "%2C")


def command(name: str, message: str, **properties: str | int) -> str:
    props = ",".join(f"{key}={escape_property(printable(str(value)))}" for key, value in properties.items())
    return f"::{name}{' ' + props if props else ''}::{escape_data(printable(message))}"


def format_reports(reports: Sequence[Report], options: FormatOptions | None = None, /) -> str:
    lines = []
    for report in reports:
        path = shown_path(relative_posix(report.path))
        if report.error is not None:
            lines.append(command("error", f"could not be linted: {report.error}", file=path, title=TOOL_NAME))
            continue
        for f in report.findings:
            line, column, end_line, end_column = region(f)
            lines.append(
                command(
                    COMMANDS[f.severity],
                    f.message,
                    file=path,
                    line=line,
                    endLine=end_line,
                    col=column,
                    endColumn=end_column,
                    title=f"{TOOL_NAME} ({f.rule})",
                )
            )
    return "".join(line + "\n" for line in lines)
