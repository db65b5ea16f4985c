"""A GitLab Code Quality report: a JSON array of issues.

Each issue has ``description``, ``check_name``, ``fingerprint``, ``severity`` and
``location.path`` with ``location.lines.begin``, the fields GitLab documents
for the ``codequality`` report artifact. The fingerprint hashes the file, rule,
message id and the finding's anchor (see :mod:`lint_article.baseline`), not its
line, so that the same finding keeps its fingerprint across runs and edits
elsewhere, and GitLab can tell new issues from fixed ones in a merge request.
Files that could not be linted and rules that crashed are faults of the run,
not quality issues: the CLI reports them on standard error and exits with 2.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from ..baseline import fingerprints
from ..findings import Severity
from ..report import INTERNAL_ERROR, Report
from .base import FormatOptions, json_text, relative_posix

SEVERITIES = {Severity.ERROR: "major", Severity.WARNING: "minor", Severity.INFO: "info"}


def issues(reports: Sequence[Report]) -> list[dict[str, Any]]:
    found = []
    for report in reports:
        path = relative_posix(report.path)
        for finding, fingerprint in fingerprints(path, report.findings):
            if finding.message_id == INTERNAL_ERROR:
                continue
            found.append(
                {
                    "type": "issue",
                    "description": finding.message,
                    "check_name": finding.rule,
                    "fingerprint": fingerprint,
                    "severity": SEVERITIES[finding.severity],
                    "location": {"path": path, "lines": {"begin": finding.line}},
                }
            )
    return found


def format_reports(reports: Sequence[Report], options: FormatOptions | None = None, /) -> str:
    return json_text(issues(reports))
