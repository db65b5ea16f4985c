"""What must hold for any input at all: the oracle of the fuzzer and the property tests.

:func:`lint_and_check` lints one input with every installed rule and raises
:class:`AssertionError` when a promise is broken: the report has an error other
than the refusal of input that is not HTML, or a rule crashed, a finding lies
outside the input, the JSON output does not parse or does not match the
contract, or a second run gives another report. Input that ``lint()`` refuses
(empty, binary, no HTML tag) is still parsed and linted as an article, so that
every rule meets it all the same.
"""

from __future__ import annotations

import json
from collections.abc import Mapping
from functools import cache
from typing import Any

from lint_article.api import lint, make_linter
from lint_article.config import Config
from lint_article.document import Article, ArticleError
from lint_article.formatters import FORMATTERS
from lint_article.inputs import refusal
from lint_article.registry import load_registry
from lint_article.report import Report

SEVERITIES = ("error", "warning", "info")
FINDING_FIELDS: Mapping[str, type | tuple[type, ...]] = {
    "rule": str,
    "severity": str,
    "message": str,
    "message_id": str,
    "line": int,
    "column": int,
    "end_line": int,
    "end_column": int,
    "snippet": str,
    "selector": str,
    "url": str,
    "advice": str,
}
STATS_FIELDS: Mapping[str, type | tuple[type, ...]] = {
    "words": int,
    "sentences": int,
    "paragraphs": int,
    "headings": int,
    "reading_time_minutes": (int, float),
    "flesch_reading_ease": (int, float, type(None)),
    "flesch_kincaid_grade": (int, float, type(None)),
    "paragraph_scores": list,
}
PARAGRAPH_FIELDS: Mapping[str, type | tuple[type, ...]] = {
    "line": int,
    "column": int,
    "words": int,
    "reading_ease": (int, float),
    "grade": (int, float, type(None)),
}


@cache
def every_rule() -> Config:
    """A configuration that runs every installed rule, those off by default too."""
    return Config(select=tuple(load_registry().rules))


def lint_and_check(data: str | bytes, *, path: str = "input.html") -> Report:
    """Lint *data* with every rule and check every promise; return the report of ``lint()``."""
    given = lint(data, config=every_rule(), path=path)
    try:
        source = Article.from_html(data).source
    except ArticleError as crowded:  # an element with too many attributes: the promised error, and no crash
        assert given.error == str(crowded), f"the report has another error: {given.error}"
        return given
    refused = refusal(data)
    assert given.error == refused, f"the report has an error: {given.error}"
    report = given if refused is None else _lint_article(data, path)
    crashes = [f.message for f in report.internal_errors]
    assert not crashes, f"a rule crashed: {crashes}"
    check_positions(report, source)
    check_json(report)
    again = lint(data, config=every_rule(), path=path) if refused is None else _lint_article(data, path)
    assert again.to_dict() == report.to_dict(), "a second run gave another report"
    return given


def _lint_article(data: str | bytes, path: str) -> Report:
    """*data* parsed and linted as an article, whatever it is."""
    return make_linter(every_rule()).lint(Article.from_html(data), path)


def check_positions(report: Report, source: str) -> None:
    """Every finding starts and ends inside *source* (lines and columns 1-based;
    a column may point just past the end of its line), the end not before the start."""
    lines = source.split("\n")
    for finding in report.findings:
        for line, column in ((finding.line, finding.column), (finding.end_line, finding.end_column)):
            assert 1 <= line <= len(lines), f"line {line} outside 1..{len(lines)}: {finding}"
            assert 1 <= column <= len(lines[line - 1]) + 1, (
                f"column {column} outside 1..{len(lines[line - 1]) + 1} on line {line}: {finding}"
            )
        start, end = (finding.line, finding.column), (finding.end_line, finding.end_column)
        assert end >= start, f"ends before it starts: {finding}"


def check_json(report: Report) -> None:
    """The JSON output parses and holds exactly the fields of contract version 1."""
    document = json.loads(FORMATTERS["json"]([report]))
    assert document["version"] == 1
    assert document["summary"] == {"files": 1, "findings": len(report.findings), "errors": 0}
    (entry,) = document["files"]
    assert set(entry) >= {"path", "error", "findings", "stats"}
    assert entry["path"] == report.path and entry["error"] is None
    _check_fields(entry["stats"], STATS_FIELDS, "stats")
    for paragraph in entry["stats"]["paragraph_scores"]:
        _check_fields(paragraph, PARAGRAPH_FIELDS, "paragraph")
    for finding in entry["findings"]:
        _check_fields(finding, FINDING_FIELDS, "finding")
        assert finding["severity"] in SEVERITIES, finding


def _check_fields(data: Any, fields: Mapping[str, type | tuple[type, ...]], what: str) -> None:
    assert isinstance(data, dict), f"{what} is not an object: {data!r}"
    missing = set(fields) - set(data)
    assert not missing, f"{what} lacks {sorted(missing)}"
    for name, kind in fields.items():
        value = data[name]
        assert isinstance(value, kind) and not isinstance(value, bool), f"{what}.{name} is {value!r}"
