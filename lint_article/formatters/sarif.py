"""SARIF 2.1.0, as GitHub code scanning and other dashboards read it.

One run. ``tool.driver.rules`` describes each rule that produced a result (id,
short description, help URI, default level); each result points at its rule by
``ruleIndex`` and at its place by a physical location: a relative POSIX
``artifactLocation.uri`` below ``%SRCROOT%`` and a region of 1-based lines and
Unicode code point columns, the end column exclusive. A file that could not be
read and a rule that crashed are faults of the run, not results: they become
``toolExecutionNotifications`` and make ``executionSuccessful`` false.
"""

from __future__ import annotations

from collections.abc import Sequence
from importlib.metadata import PackageNotFoundError, version
from typing import Any
from urllib.parse import quote

from ..baseline import fingerprints
from ..findings import Finding, Fix, Severity
from ..report import INTERNAL_ERROR, Report
from .base import TOOL_NAME, FormatOptions, RuleInfo, json_text, region, relative_posix

SCHEMA_URI = "https://json.schemastore.org/sarif-2.1.0.json"
INFORMATION_URI = "https://github.com/lint-article/lint-article"
SRCROOT = "%SRCROOT%"
FINGERPRINT_KEY = "lintArticle/v1"

LEVELS = {Severity.ERROR: "error", Severity.WARNING: "warning", Severity.INFO: "note"}


def tool_version() -> str:
    try:
        return version("lint-article")
    except PackageNotFoundError:  # running from a source tree that is not installed
        return "0+unknown"


def format_reports(reports: Sequence[Report], options: FormatOptions | None = None, /) -> str:
    return json_text(document(reports, options))


def document(reports: Sequence[Report], options: FormatOptions | None = None) -> dict[str, Any]:
    infos = (options or FormatOptions()).rule_infos()
    rule_ids = sorted({f.rule for r in reports for f in r.findings if f.message_id != INTERNAL_ERROR})
    rule_index = {rule_id: index for index, rule_id in enumerate(rule_ids)}
    results: list[dict[str, Any]] = []
    notifications: list[dict[str, Any]] = []
    for report in reports:
        path = relative_posix(report.path)
        if report.error is not None:
            notifications.append(_notification(f"{report.path}: could not be linted: {report.error}", path))
            continue
        for finding, fingerprint in fingerprints(path, report.findings):
            if finding.message_id == INTERNAL_ERROR:
                notifications.append(_notification(finding.message, path, finding))
            else:
                results.append(_result(finding, path, rule_index[finding.rule], fingerprint))
    run: dict[str, Any] = {
        "tool": {
            "driver": {
                "name": TOOL_NAME,
                "version": tool_version(),
                "informationUri": INFORMATION_URI,
                "rules": [_descriptor(rule_id, infos.get(rule_id)) for rule_id in rule_ids],
            }
        },
        "invocations": [{"executionSuccessful": not notifications, "toolExecutionNotifications": notifications}],
        "columnKind": "unicodeCodePoints",
        "results": results,
    }
    return {"$schema": SCHEMA_URI, "version": "2.1.0", "runs": [run]}


def _descriptor(rule_id: str, info: RuleInfo | None) -> dict[str, Any]:
    descriptor: dict[str, Any] = {"id": rule_id}
    if info is None:
        return descriptor
    descriptor["shortDescription"] = {"text": info.summary}
    if info.help_uri:
        descriptor["helpUri"] = info.help_uri
    if info.advice:
        descriptor["help"] = {"text": "\n".join(info.advice)}
    descriptor["defaultConfiguration"] = {"level": LEVELS[info.severity]}
    descriptor["properties"] = {"origin": info.origin}
    return descriptor


def _result(finding: Finding, path: str, index: int, fingerprint: str) -> dict[str, Any]:
    return {
        "ruleId": finding.rule,
        "ruleIndex": index,
        "level": LEVELS[finding.severity],
        "message": {"text": finding.message},
        "locations": [_location(path, finding)],
        "partialFingerprints": {FINGERPRINT_KEY: fingerprint},
        "properties": {
            "messageId": finding.message_id,
            **({"selector": finding.selector} if finding.selector else {}),
            **({"advice": finding.advice} if finding.advice else {}),
        },
        **({"fixes": [_fix(finding.fix, path)]} if finding.fix is not None else {}),
    }


def _fix(fix: Fix, path: str) -> dict[str, Any]:
    """A finding's fix as SARIF's: its edits as replacements of regions of the file."""
    return {
        "description": {"text": f"{fix.title} ({fix.applicability})"},
        "artifactChanges": [
            {
                "artifactLocation": _artifact(path),
                "replacements": [
                    {
                        "deletedRegion": {
                            "startLine": edit.line,
                            "startColumn": edit.column,
                            "endLine": edit.end_line,
                            "endColumn": edit.end_column,
                        },
                        "insertedContent": {"text": edit.replacement},
                    }
                    for edit in fix.edits
                ],
            }
        ],
        "properties": {"applicability": str(fix.applicability)},
    }


def _location(path: str, finding: Finding | None = None) -> dict[str, Any]:
    physical: dict[str, Any] = {"artifactLocation": _artifact(path)}
    if finding is not None:
        line, column, end_line, end_column = region(finding)
        physical["region"] = {"startLine": line, "startColumn": column, "endLine": end_line, "endColumn": end_column}
    return {"physicalLocation": physical}


def _artifact(path: str) -> dict[str, Any]:
    # A URI names the file's bytes: one that is not UTF-8 is percent-encoded as it is (%FF).
    uri = quote(path, errors="surrogateescape")
    if path.startswith("/"):
        return {"uri": "file://" + uri}
    return {"uri": uri, "uriBaseId": SRCROOT}


def _notification(message: str, path: str, finding: Finding | None = None) -> dict[str, Any]:
    """A fault of the run: a file that could not be read, or a rule's crash (*finding*)."""
    notification: dict[str, Any] = {
        "level": "error",
        "message": {"text": message},
        "locations": [_location(path, finding)],
    }
    if finding is not None:
        notification["associatedRule"] = {"id": finding.rule}
    return notification
