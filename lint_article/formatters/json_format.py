"""The JSON contract (version 1) that pipelines and CMSs read.

``{"version": 1, "files": [Report.to_dict(), ...], "summary": {"files", "findings", "errors"}}``
where ``summary.errors`` counts the files that could not be linted. Fields are
only ever added within a version, never renamed or removed.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from ..report import Report
from .base import FormatOptions, json_text

VERSION = 1


def document(reports: Sequence[Report]) -> dict[str, Any]:
    return {
        "version": VERSION,
        "files": [r.to_dict() for r in reports],
        "summary": {
            "files": len(reports),
            "findings": sum(len(r.findings) for r in reports),
            "errors": sum(1 for r in reports if r.error is not None),
        },
    }


def format_reports(reports: Sequence[Report], options: FormatOptions | None = None, /) -> str:
    return json_text(document(reports))
