"""Checkstyle XML, as ESLint, html-validate, HTMLHint and textlint write it; Jenkins
(Warnings Next Generation), SonarQube and many editors read it.

``<checkstyle version="4.3"><file name="a.html"><error line="3" column="1"
severity="error" message="extra &lt;h1&gt; (single-h1)" source="lint-article.rules.single-h1"/>
</file></checkstyle>``: a ``<file>`` per linted file (empty when it is clean), an
``<error>`` per finding, its severity ``error``, ``warning`` or ``info`` and its
message followed by the rule id, as ESLint writes it. A file that could not be
linted gets one ``<error>`` at line 1 from ``lint-article.unreadable``, so that a
dashboard does not show it as clean. Characters that XML 1.0 cannot carry are
replaced with U+FFFD.
"""

from __future__ import annotations

import xml.etree.ElementTree as ET
from collections.abc import Sequence

from ..report import Report
from .base import TOOL_NAME, FormatOptions, relative_posix
from .junit import xml_text

VERSION = "4.3"


def format_reports(reports: Sequence[Report], options: FormatOptions | None = None, /) -> str:
    root = ET.Element("checkstyle", version=VERSION)
    for report in reports:
        entry = ET.SubElement(root, "file", name=xml_text(relative_posix(report.path)))
        if report.error is not None:
            ET.SubElement(
                entry,
                "error",
                line="1",
                column="1",
                severity="error",
                message=xml_text(f"could not be linted: {report.error}"),
                source=f"{TOOL_NAME}.unreadable",
            )
            continue
        for f in report.findings:
            ET.SubElement(
                entry,
                "error",
                line=str(f.line),
                column=str(f.column),
                severity=str(f.severity),
                message=xml_text(f"{f.message} ({f.rule})"),
                source=f"{TOOL_NAME}.rules.{f.rule}",
            )
    ET.indent(root)
    return '<?xml version="1.0" encoding="UTF-8"?>\n' + ET.tostring(root, encoding="unicode") + "\n"
