"""No article can write to the reader's terminal or CI log, nor forge a line of the report.

An article whose alt text, headings, paragraphs and directives are full of
newlines, terminal control sequences (OSC 52, which writes the clipboard; BEL;
ESC[2J, which clears the screen; the 8-bit CSI), GitHub workflow commands, a
forged ``path:line:col`` finding and XML/JSON metacharacters, under a file name
made of the same, goes through the real command line in every format. Each
output must parse back to exactly the findings the library reports: the text
and GitHub formats with every control character shown as its escape, JSON and
SARIF and GitLab with the original strings intact, JUnit (whose XML cannot
carry most control characters) with their escapes.
"""

from __future__ import annotations

import json
import os
import re
import subprocess
import sys
import xml.etree.ElementTree as ET
from html import escape
from pathlib import Path
from urllib.parse import unquote

import jsonschema
import pytest

from lint_article.api import lint_path, make_linter
from lint_article.config import Config
from lint_article.formatters.base import printable
from lint_article.report import Report

from .conftest import ROOT, finding_lines

FORGED = (
    "\n::error file=x.html,line=1::FORGED\nforged.html:1:1: error single-h1 forged\r\n"
    '\x1b]52;c;aGVsbG8=\x07\x1b[2J\x9b31m\u2028\u202e <b a="&amp;"> ]]> \\" \'</x>'
)
# The same without white space, where a rule's pattern wants none (a file name as alt text).
FORGED_WORD = "x\x1b]52;c;aGVsbG8=\x07\x1b[2J\x9b31m::error::FORGED\u202e&quot;<x>.png"
# A template variable holds at most 80 characters and no newline.
FORGED_SHORT = "\x1b]52;c;aGVsbG8=\x07\x1b[2J\x9b31m ::error::F forged.html:1:1: error x"
ARTICLE = f"""<h1>Title</h1>
<p>A paragraph with a {{{{{escape(FORGED_SHORT)}}}}} left in it.</p>
<img src="a.png" alt="{{{{{escape(FORGED)}}}}}">
<img src="b.png" alt="{escape(FORGED_WORD)}">
<section><h2>Same {escape(FORGED)}</h2><p>text</p><h2>Same {escape(FORGED)}</h2></section>
<!-- lint-article-disable {FORGED_WORD.replace(".png", "")} -->
"""
FILE_NAME = "evil\n::error file=y.html::FORGED\x1b[2J.html"
SELECT = "placeholder-text,image-alt,duplicate-title,single-h1,invalid-directive"
# Any control character but the newlines that end the output's own lines.
RAW_CONTROL = re.compile("[\x00-\x09\x0b-\x1f\x7f-\x9f\u2028\u2029\u202a-\u202e\u2066-\u2069]")


@pytest.fixture(scope="module")
def folder(tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = tmp_path_factory.mktemp("forgery")
    (folder / FILE_NAME).write_text(ARTICLE, encoding="utf-8")
    return folder


@pytest.fixture(scope="module")
def expected(folder: Path) -> Report:
    """What the library finds: the findings each format must carry, no more and no fewer."""
    config = Config.from_mapping({"select": SELECT.split(","), "report-unused-disables": True, "profile": "page"})
    cwd = Path.cwd()
    os.chdir(folder)
    try:
        report = lint_path(make_linter(config), Path(FILE_NAME))
    finally:
        os.chdir(cwd)
    rules = {f.rule for f in report.findings}
    # The directive names no rule id: reported, with what it quotes, by invalid-directive.
    assert {"placeholder-text", "image-alt", "duplicate-title", "invalid-directive"} <= rules
    assert all(FORGED in f.message or FORGED_WORD[:6] in f.message or "\x1b" in f.message for f in report.findings)
    return report


def run(folder: Path, output_format: str, *options: str) -> str:
    command = [
        sys.executable,
        "-m",
        "lint_article",
        "check",
        "--select",
        SELECT,
        "--report-unused-disables",
        "--profile",
        "page",
    ]
    result = subprocess.run(
        [*command, "--format", output_format, *options, FILE_NAME],
        capture_output=True,
        cwd=folder,
        env={**os.environ, "PYTHONPATH": str(ROOT)},
        timeout=60,
        check=False,
    )
    assert result.returncode == 1, result.stderr.decode(errors="replace")
    return result.stdout.decode("utf-8")


def test_text_has_one_line_per_finding_and_every_control_character_escaped(folder: Path, expected: Report) -> None:
    output = run(folder, "text")
    assert not RAW_CONTROL.search(output)
    lines = output.split("\n")
    assert lines.pop() == ""
    assert lines.pop().startswith("Found ")
    # One line per finding; under each, indented, its snippet and its advice (escaped too).
    assert finding_lines(output)[:-1] == [
        f"{printable(FILE_NAME)}:{f.line}:{f.column}: {f.severity} {f.rule} {printable(f.message)}"
        for f in expected.findings
    ]
    assert all(line.startswith("    ") for line in lines if not line.startswith(printable(FILE_NAME)))


def test_coloured_text_carries_no_escape_sequence_but_its_own_colours(folder: Path, expected: Report) -> None:
    output = run(folder, "text", "--color")
    without_colours = re.sub(r"\x1b\[[0-9;]*m", "", output)
    assert not RAW_CONTROL.search(without_colours)
    assert len(finding_lines(without_colours)) == len(expected.findings) + 1


def github_unescape(value: str) -> str:
    for escaped, raw in (("%0D", "\r"), ("%0A", "\n"), ("%3A", ":"), ("%2C", ","), ("%25", "%")):
        value = value.replace(escaped, raw)
    return value


def test_github_has_exactly_one_workflow_command_per_finding(folder: Path, expected: Report) -> None:
    output = run(folder, "github")
    assert not RAW_CONTROL.search(output)
    lines = output.split("\n")
    assert lines.pop() == ""
    commands = [re.fullmatch(r"::(error|warning|notice) ([^:]*)::(.*)", line) for line in lines]
    assert all(commands), lines
    parsed = [
        (dict(github_unescape(part).split("=", 1) for part in match.group(2).split(",")), github_unescape(match[3]))
        for match in commands
        if match is not None
    ]
    assert [(props["file"], int(props["line"]), message) for props, message in parsed] == [
        (printable(FILE_NAME), f.line, printable(f.message)) for f in expected.findings
    ]


def test_json_round_trips_every_string(folder: Path, expected: Report) -> None:
    output = run(folder, "json")
    assert not RAW_CONTROL.search(output.replace("\t", ""))
    [entry] = json.loads(output)["files"]
    assert entry["path"] == FILE_NAME
    assert [(f["message"], f["snippet"], f["selector"]) for f in entry["findings"]] == [
        (f.message, f.snippet, f.selector) for f in expected.findings
    ]


def test_sarif_is_valid_and_round_trips_every_string(folder: Path, expected: Report) -> None:
    output = run(folder, "sarif")
    assert not RAW_CONTROL.search(output)
    document = json.loads(output)
    schema = json.loads((ROOT.parent / "shared" / "schemas" / "sarif-schema-2.1.0.json").read_text(encoding="utf-8"))
    jsonschema.Draft4Validator(schema).validate(document)
    results = document["runs"][0]["results"]
    assert [r["message"]["text"] for r in results] == [f.message for f in expected.findings]
    uris = {unquote(loc["physicalLocation"]["artifactLocation"]["uri"]) for r in results for loc in r["locations"]}
    assert uris == {FILE_NAME}


def test_gitlab_round_trips_every_string(folder: Path, expected: Report) -> None:
    output = run(folder, "gitlab")
    assert not RAW_CONTROL.search(output)
    issues = json.loads(output)
    assert [(i["description"], i["location"]["path"]) for i in issues] == [
        (f.message, FILE_NAME) for f in expected.findings
    ]


def test_junit_parses_to_one_failure_per_finding_with_the_escapes(folder: Path, expected: Report) -> None:
    output = run(folder, "junit")
    assert not RAW_CONTROL.search(output)
    [case] = ET.fromstring(output).findall("testsuite/testcase")
    assert case.get("name") == printable(FILE_NAME)
    failures = case.findall("failure")
    assert [(f.get("message"), f.text) for f in failures] == [
        (
            printable(f"{f.rule}: {f.message}"),
            printable(f"{FILE_NAME}:{f.line}:{f.column}: {f.severity} {f.rule} {f.message}"),
        )
        for f in expected.findings
    ]


def test_html_shows_every_finding_once_with_its_strings_escaped(folder: Path, expected: Report) -> None:
    from html.parser import HTMLParser

    output = run(folder, "html")
    assert not RAW_CONTROL.search(output)

    class Findings(HTMLParser):
        """The file name and, per finding button, its message, as a browser reads them."""

        def __init__(self) -> None:
            super().__init__(convert_charrefs=True)
            self.tags: list[str] = []
            self.messages: list[str] = []
            self.headings: list[str] = []
            self._in: str | None = None

        def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
            self.tags.append(tag)
            if self._in == "heading":  # the file's counts follow its name
                self._in = None
            classes = dict(attrs).get("class") or ""
            if tag == "span" and classes == "message":
                self._in, self.messages = "message", [*self.messages, ""]
            elif tag == "h2" and not self.headings:
                self._in, self.headings = "heading", [""]

        def handle_endtag(self, tag: str) -> None:
            if tag in ("span", "h2"):
                self._in = None

        def handle_data(self, data: str) -> None:
            if self._in == "message":
                self.messages[-1] += data
            elif self._in == "heading":
                self.headings[-1] += data

    page = Findings()
    page.feed(output)
    assert page.tags.count("script") == 1  # the report's own; the article's forgeries are text
    assert page.headings == [printable(FILE_NAME)]
    assert page.messages == [printable(f.message) for f in expected.findings]
