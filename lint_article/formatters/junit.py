"""JUnit XML for CI dashboards (Jenkins, GitLab, Azure Pipelines, ...).

One ``<testsuite>``; one ``<testcase>`` per file, named by its path; a
``<failure>`` per finding, its ``type`` the severity and its text the
``path:line:col: severity rule-id message`` line. A file that could not be
linted, or a rule that crashed on it, gives an ``<error>`` instead. The
``failures`` and ``errors`` counts are of test cases, as JUnit counts them.
Messages and paths show control characters as their escapes (XML 1.0 cannot
carry most of them; see :func:`.base.printable`); any other character that it
cannot carry is replaced with U+FFFD.
"""

from __future__ import annotations

import xml.etree.ElementTree as ET
from collections.abc import Sequence

from ..regex import on_use
from ..report import INTERNAL_ERROR, Report
from .base import TOOL_NAME, FormatOptions, printable, relative_posix

_NOT_XML = on_use("[^\t\n\r\u0020-\ud7ff\ue000-\ufffd\U00010000-\U0010ffff]")


def xml_text(value: str) -> str:
    return _NOT_XML.sub("\ufffd", printable(value))


def format_reports(reports: Sequence[Report], options: FormatOptions | None = None, /) -> str:
    suite = ET.Element("testsuite", name=TOOL_NAME)
    failed = errored = 0
    for report in reports:
        path = xml_text(relative_posix(report.path))
        case = ET.SubElement(suite, "testcase", classname=TOOL_NAME, name=path)
        if report.error is not None:
            errored += 1
            message = xml_text(f"could not be linted: {report.error}")
            ET.SubElement(case, "error", type="unreadable", message=message).text = f"{path}: error: {message}"
            continue
        crashed = False
        for f in report.findings:
            line = xml_text(f"{path}:{f.line}:{f.column}: {f.severity} {f.rule} {f.message}")
            message = xml_text(f"{f.rule}: {f.message}")
            if f.message_id == INTERNAL_ERROR:
                crashed = True
                ET.SubElement(case, "error", type=INTERNAL_ERROR, message=message).text = line
            else:
                ET.SubElement(case, "failure", type=str(f.severity), message=message).text = line
        if crashed:
            errored += 1
        elif report.findings:
            failed += 1
    counts = {"tests": str(len(reports)), "failures": str(failed), "errors": str(errored), "skipped": "0"}
    suite.attrib.update(counts)
    root = ET.Element("testsuites", name=TOOL_NAME, tests=counts["tests"], failures=str(failed), errors=str(errored))
    root.append(suite)
    ET.indent(root)
    return '<?xml version="1.0" encoding="UTF-8"?>\n' + ET.tostring(root, encoding="unicode") + "\n"
