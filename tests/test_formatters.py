"""Every output format: golden files, and a check of validity that owes nothing to
our own code (the SARIF schema, an XML parser, the platforms' documented syntax).

The goldens in ``tests/golden/`` are the output of each format for three cases:

* ``fixtures``: ``fixtures/sahel-article.html`` with the structural rules, whose
  messages are stable;
* ``default-rules``: the other shared fixtures of ``fixtures/`` (a clean
  article, bad structure, a CMS fragment, a Latin-1 page, paragraphs used as
  headings) in one multi-file report, with every default rule: a change to a
  rule's findings or messages shows here too;
* ``edge``: hand-made reports (an unreadable file, a crashed rule, every
  severity, characters that need escaping).

After an intended change, regenerate them and review the diff::

    UPDATE_GOLDEN=1 python -m pytest tests/test_formatters.py -k golden

A change to a formatter shows in every case. A change to a rule's findings
shows only in the fixtures' reports (``default-rules``, and ``fixtures`` for a
structural rule); one to its summary, in the rule descriptions of SARIF and of
the statistics too, in every case.
"""

from __future__ import annotations

import dataclasses
import json
import os
import re
import subprocess
import sys
import xml.etree.ElementTree as ET
from collections.abc import Callable
from pathlib import Path
from typing import Any
from urllib.parse import unquote, urlsplit

import jsonschema
import pytest
from hypothesis import given
from hypothesis import strategies as st

from lint_article.api import lint_path, make_linter
from lint_article.config import Config
from lint_article.findings import Finding, Severity
from lint_article.formatters import FORMATTERS, FormatOptions, github, junit, rule_infos, sarif
from lint_article.formatters.base import printable
from lint_article.registry import Registry, load_registry
from lint_article.report import INTERNAL_ERROR, Report, Stats

from .conftest import CORPUS, FIXTURES, ROOT

GOLDEN = ROOT / "tests" / "golden"
SARIF_SCHEMA = json.loads((ROOT.parent / "shared" / "schemas" / "sarif-schema-2.1.0.json").read_text(encoding="utf-8"))
SUFFIX = {
    "text": "txt",
    "json": "json",
    "jsonl": "jsonl",
    "sarif": "json",
    "github": "txt",
    "gitlab": "json",
    "junit": "xml",
    "checkstyle": "xml",
    "html": "html",
}
STABLE_RULES = ("heading-order", "no-inline-style", "single-h1")


def builtin_registry() -> Registry:
    return Registry({k: v for k, v in load_registry().rules.items() if v.origin == "lint-article"})


OPTIONS = FormatOptions(rules=rule_infos(builtin_registry()))


# The shared fixtures other than the one above, one of each kind.
DEFAULT_RULES_FIXTURES = (
    "good-article.html",
    "bad-structure.html",
    "cms-fragment.html",
    "latin1-page.html",
    "sahel-article-paragraph-headings.html",
)


def lint_fixtures(config: Config, names: tuple[str, ...]) -> list[Report]:
    linter = make_linter(config, builtin_registry())
    return [lint_path(linter, FIXTURES / name, f"fixtures/{name}") for name in names]


def fixture_reports() -> list[Report]:
    return lint_fixtures(Config(select=STABLE_RULES), ("sahel-article.html",))


def default_rules_reports() -> list[Report]:
    return lint_fixtures(Config(), DEFAULT_RULES_FIXTURES)


def finding(rule: str, severity: Severity, message: str, line: int, column: int, **extra: Any) -> Finding:
    values: dict[str, Any] = {
        "rule": rule,
        "severity": severity,
        "message": message,
        "message_id": "m",
        "line": line,
        "column": column,
        "end_line": line,
        "end_column": column + 4,
        "snippet": "<h1>",
        "selector": "main > h1",
    }
    values.update(extra)
    return Finding(**values)


STATS = Stats(12, 2, 1, 1, 0.1, 80.0, 4.1)
EDGE = [
    Report("fixtures/missing.html", error="no such file"),
    Report(
        "news/odd, name: 100%.html",
        (
            finding("single-h1", Severity.ERROR, "two\r\nlines, 100% sure: here", 3, 1),
            finding("heading-order", Severity.WARNING, 'quote " & <tag> and \x0b control', 4, 2, end_line=9),
            finding("plugin-rule", Severity.INFO, "a rule that is not installed here", 10, 7, snippet="", selector=""),
        ),
        STATS,
    ),
    Report(
        "news/crashed.html",
        (
            finding(
                "no-inline-style",
                Severity.ERROR,
                "rule 'no-inline-style' crashed: KeyError: 'x'",
                1,
                1,
                message_id=INTERNAL_ERROR,
                end_column=1,
                snippet="",
                selector="",
            ),
        ),
        STATS,
    ),
    Report("news/clean.html", (), STATS),
]

CASES: dict[str, Callable[[], list[Report]]] = {
    "fixtures": fixture_reports,
    "default-rules": default_rules_reports,
    "edge": lambda: EDGE,
}


def normalise(text: str) -> str:
    return text.replace(f'"version": "{sarif.tool_version()}"', '"version": "<version>"')


def assert_golden(name: str, text: str) -> None:
    path = GOLDEN / name
    text = normalise(text)
    if os.environ.get("UPDATE_GOLDEN"):
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8", newline="")
        return
    assert path.exists(), f"no golden {name}; create it with UPDATE_GOLDEN=1"
    with path.open(encoding="utf-8", newline="") as stream:
        expected = stream.read()
    assert text == expected, f"{name} differs from its golden; if the change is intended, run with UPDATE_GOLDEN=1"


# -- golden files --------------------------------------------------------------


@pytest.mark.parametrize("case", sorted(CASES))
@pytest.mark.parametrize("name", sorted(FORMATTERS))
def test_golden(name: str, case: str) -> None:
    reports = CASES[case]()
    # The html format shows the articles: given here, so that the golden does not depend on the working directory.
    sources = {r.path: (ROOT / r.path).read_bytes() for r in reports if (ROOT / r.path).is_file()}
    options = dataclasses.replace(OPTIONS, sources=sources)
    assert_golden(f"{case}.{name}.{SUFFIX[name]}", FORMATTERS[name](reports, options))


@pytest.mark.parametrize("case", sorted(CASES))
def test_golden_text_with_colour_and_statistics(case: str) -> None:
    options = FormatOptions(color=True, statistics=True, rules=OPTIONS.rules)
    assert_golden(f"{case}.text-colour-statistics.txt", FORMATTERS["text"](CASES[case](), options))


def test_every_golden_is_one_that_a_test_writes() -> None:
    """A golden left over from a renamed case or format would go unchecked."""
    written = {f"{case}.{name}.{SUFFIX[name]}" for case in CASES for name in FORMATTERS}
    written |= {f"{case}.text-colour-statistics.txt" for case in CASES}
    assert {path.name for path in GOLDEN.iterdir()} == written


def test_default_rules_reports_cover_each_fixture_and_more_than_the_structural_rules() -> None:
    reports = default_rules_reports()
    assert [r.path for r in reports] == [f"fixtures/{name}" for name in DEFAULT_RULES_FIXTURES]
    assert all(r.error is None for r in reports)
    assert any(not r.findings for r in reports), "a clean file, as a report without findings"
    rules = {f.rule for r in reports for f in r.findings}
    assert len(rules - set(STABLE_RULES)) >= 5, rules


def test_goldens_hold_no_machine_paths() -> None:
    for path in GOLDEN.iterdir():
        text = path.read_text(encoding="utf-8")
        assert str(ROOT) not in text and "/tmp/" not in text, path.name


def test_no_formatter_names_a_rule() -> None:
    """Formatters take reports and know no rule (STYLE.md, point 14)."""
    source = "".join(p.read_text(encoding="utf-8") for p in (ROOT / "lint_article" / "formatters").glob("*.py"))
    for rule_id in load_registry().rules:
        assert f'"{rule_id}"' not in source, rule_id


# -- SARIF ---------------------------------------------------------------------


def validate_sarif(document: dict[str, Any]) -> None:
    """The OASIS schema, then what GitHub code scanning documents that it needs."""
    jsonschema.Draft4Validator(SARIF_SCHEMA).validate(document)
    assert document["version"] == "2.1.0" and len(document["runs"]) == 1
    run = document["runs"][0]
    rules = run["tool"]["driver"]["rules"]
    assert run["tool"]["driver"]["name"] and len({r["id"] for r in rules}) == len(rules)
    for rule in rules:
        if "helpUri" in rule:
            assert urlsplit(rule["helpUri"]).scheme == "https"
    for result in run["results"]:
        assert rules[result["ruleIndex"]]["id"] == result["ruleId"]
        assert result["level"] in {"error", "warning", "note"} and result["message"]["text"]
        location = result["locations"][0]["physicalLocation"]
        uri = location["artifactLocation"]["uri"]
        assert not uri.startswith("/") and "\\" not in uri and " " not in uri, uri
        region = location["region"]
        assert region["startLine"] >= 1 and region["startColumn"] >= 1
        assert (region["endLine"], region["endColumn"]) >= (region["startLine"], region["startColumn"])
        assert len(result["partialFingerprints"][sarif.FINGERPRINT_KEY]) == 32


@pytest.mark.parametrize("case", sorted(CASES))
def test_sarif_is_valid(case: str) -> None:
    validate_sarif(json.loads(FORMATTERS["sarif"](CASES[case](), OPTIONS)))


def test_sarif_describes_the_rules_that_produced_results() -> None:
    run = json.loads(FORMATTERS["sarif"](fixture_reports(), OPTIONS))["runs"][0]
    rules = {r["id"]: r for r in run["tool"]["driver"]["rules"]}
    assert set(rules) == {r["ruleId"] for r in run["results"]}
    single = rules["single-h1"]
    assert single["shortDescription"]["text"] == "An article has exactly one <h1>."
    assert single["defaultConfiguration"]["level"] == "error"
    assert single["helpUri"].endswith("/rules/single-h1.md")
    assert run["invocations"][0]["executionSuccessful"] is True


def test_sarif_reports_faults_as_notifications_not_results() -> None:
    run = json.loads(FORMATTERS["sarif"](EDGE, OPTIONS))["runs"][0]
    assert run["invocations"][0]["executionSuccessful"] is False
    notes = run["invocations"][0]["toolExecutionNotifications"]
    assert [n.get("associatedRule", {}).get("id") for n in notes] == [None, "no-inline-style"]
    assert all(r["ruleId"] != "no-inline-style" for r in run["results"])
    uris = [r["locations"][0]["physicalLocation"]["artifactLocation"]["uri"] for r in run["results"]]
    assert {unquote(u) for u in uris} == {"news/odd, name: 100%.html"}
    levels = [r["level"] for r in run["results"]]
    assert levels == ["error", "warning", "note"]


def test_sarif_of_the_corpus_is_valid() -> None:
    pages = sorted((CORPUS / "pages").glob("*.html"))[:12]
    if not pages:
        pytest.skip("the corpus is not beside this checkout")
    linter = make_linter(Config(), builtin_registry())
    validate_sarif(json.loads(FORMATTERS["sarif"]([lint_path(linter, p) for p in pages])))


def test_sarif_from_the_command_line_is_valid(tmp_path: Path) -> None:
    out = tmp_path / "report.sarif"
    result = run_cli("check", "--format", "sarif", "-o", str(out), "fixtures/sahel-article.html", "fixtures/none.html")
    assert result.returncode == 2 and result.stdout == ""
    assert "fixtures/none.html: error: no such file" in result.stderr
    validate_sarif(json.loads(out.read_text(encoding="utf-8")))


# -- GitHub Actions --------------------------------------------------------------

# ::command key=value,key=value::message, as the Actions runner parses it.
COMMAND = re.compile(r"^::(?P<name>[a-z-]+)(?: (?P<props>[^:]*))?::(?P<message>.*)$")


def unescape(value: str, prop: bool) -> str:
    pairs = [("%0D", "\r"), ("%0A", "\n")] + ([("%3A", ":"), ("%2C", ",")] if prop else [])
    for escaped, raw in [*pairs, ("%25", "%")]:
        value = value.replace(escaped, raw)
    return value


def parse_github(text: str) -> list[tuple[str, dict[str, str], str]]:
    commands = []
    for line in text.removesuffix("\n").split("\n"):  # the runner reads lines ended by \n (or \r)
        match = COMMAND.match(line)
        assert match, f"not a workflow command: {line!r}"
        props = {}
        for pair in filter(None, (match["props"] or "").split(",")):
            key, _, value = pair.partition("=")
            props[key] = unescape(value, prop=True)
        commands.append((match["name"], props, unescape(match["message"], prop=False)))
    return commands


@pytest.mark.parametrize("case", sorted(CASES))
def test_github_commands_parse_back_to_the_findings(case: str) -> None:
    reports = CASES[case]()
    commands = parse_github(FORMATTERS["github"](reports, OPTIONS))
    expected: list[tuple[str, str, int | None, str]] = []
    for report in reports:
        if report.error:
            expected.append(("error", printable(report.path), None, printable(f"could not be linted: {report.error}")))
        for f in report.findings:
            name = {Severity.ERROR: "error", Severity.WARNING: "warning", Severity.INFO: "notice"}[f.severity]
            expected.append((name, printable(report.path), f.line, printable(f.message)))
    actual = [(n, p["file"], int(p["line"]) if "line" in p else None, m) for n, p, m in commands]
    assert actual == expected
    for _, props, _ in commands:
        assert set(props) <= {"file", "line", "endLine", "col", "endColumn", "title"}


@given(st.text())
def test_github_escaping_round_trips_and_leaves_no_separator(value: str) -> None:
    assert unescape(github.escape_property(value), prop=True) == value
    assert unescape(github.escape_data(value), prop=False) == value
    assert not set(github.escape_property(value)) & {":", ",", "\r", "\n"}
    assert not set(github.escape_data(value)) & {"\r", "\n"}


# -- GitLab Code Quality -----------------------------------------------------------

# The fields GitLab documents for a Code Quality report (docs.gitlab.com, "Code
# Quality report format"), as a schema: required keys, types, severities.
GITLAB_SCHEMA = {
    "type": "array",
    "items": {
        "type": "object",
        "required": ["description", "check_name", "fingerprint", "severity", "location"],
        "properties": {
            "description": {"type": "string", "minLength": 1},
            "check_name": {"type": "string", "minLength": 1},
            "fingerprint": {"type": "string", "minLength": 1},
            "severity": {"enum": ["info", "minor", "major", "critical", "blocker"]},
            "location": {
                "type": "object",
                "required": ["path", "lines"],
                "properties": {
                    "path": {"type": "string", "pattern": "^[^/]"},
                    "lines": {
                        "type": "object",
                        "required": ["begin"],
                        "properties": {"begin": {"type": "integer", "minimum": 1}},
                    },
                },
            },
        },
    },
}


@pytest.mark.parametrize("case", sorted(CASES))
def test_gitlab_report_is_valid_with_unique_fingerprints(case: str) -> None:
    issues = json.loads(FORMATTERS["gitlab"](CASES[case](), OPTIONS))
    jsonschema.Draft7Validator(GITLAB_SCHEMA).validate(issues)
    assert len({i["fingerprint"] for i in issues}) == len(issues)


def test_gitlab_fingerprints_survive_an_edit_above_and_a_rerun(tmp_path: Path) -> None:
    page = tmp_path / "a.html"
    body = '<h1>T</h1>\n<p style="x">one</p>\n<h1>Again</h1>\n<h1>Again</h1>\n'
    page.write_text(body, encoding="utf-8")
    linter = make_linter(Config(select=STABLE_RULES), builtin_registry())

    def fingerprints() -> dict[str, tuple[str, int]]:
        issues = json.loads(FORMATTERS["gitlab"]([lint_path(linter, page, "a.html")]))
        return {i["fingerprint"]: (i["check_name"], i["location"]["lines"]["begin"]) for i in issues}

    first = fingerprints()
    assert fingerprints() == first
    page.write_text("<p>A new paragraph</p>\n<p>and another</p>\n" + body, encoding="utf-8")
    moved = fingerprints()
    assert moved.keys() == first.keys()
    assert all(moved[k][1] == first[k][1] + 2 for k in first)


# -- JUnit -------------------------------------------------------------------------

TESTCASE_CHILDREN = {"failure", "error", "skipped", "system-out", "system-err"}


def validate_junit(text: str) -> ET.Element:
    """Parse as XML and check the structure that Jenkins' junit-10.xsd prescribes:
    testsuites > testsuite (name, tests, failures, errors required) > testcase
    (name required; name, classname, time, group allowed) > failure/error/..."""
    root = ET.fromstring(text.encode("utf-8"))
    assert root.tag == "testsuites"
    for suite in root:
        assert suite.tag == "testsuite"
        assert {"name", "tests", "failures", "errors"} <= set(suite.attrib)
        for case in suite:
            assert case.tag == "testcase" and "name" in case.attrib
            assert set(case.attrib) <= {"name", "classname", "time", "group"}
            assert {child.tag for child in case} <= TESTCASE_CHILDREN
            for child in case:
                assert set(child.attrib) <= {"type", "message"}
    return root


@pytest.mark.parametrize("case", sorted(CASES))
def test_junit_is_valid_with_a_testcase_per_file_and_a_failure_per_finding(case: str) -> None:
    reports = CASES[case]()
    root = validate_junit(FORMATTERS["junit"](reports, OPTIONS))
    cases = root.findall("testsuite/testcase")
    assert [c.get("name") for c in cases] == [r.path for r in reports]
    for report, element in zip(reports, cases, strict=True):
        problems = element.findall("failure") + element.findall("error")
        assert len(problems) == (1 if report.error else len(report.findings))
    suite = root.find("testsuite")
    assert suite is not None
    assert int(suite.get("tests", "")) == len(reports)
    assert int(suite.get("failures", "")) + int(suite.get("errors", "")) == sum(
        1 for r in reports if r.error or r.findings
    )


# -- Checkstyle ----------------------------------------------------------------------

CHECKSTYLE_SEVERITIES = {"error", "warning", "info", "ignore"}


def validate_checkstyle(text: str) -> ET.Element:
    """Parse as XML and check the structure that Checkstyle writes and its readers
    (Jenkins Warnings NG's CheckStyleParser, ESLint's formatter) expect:
    checkstyle (version) > file (name) > error (line, severity, message, source
    required; column optional; line and column positive integers)."""
    root = ET.fromstring(text.encode("utf-8"))
    assert root.tag == "checkstyle" and root.get("version")
    for file in root:
        assert file.tag == "file" and set(file.attrib) == {"name"} and file.get("name")
        for error in file:
            assert error.tag == "error" and not list(error)
            assert {"line", "severity", "message", "source"} <= set(error.attrib) <= {
                "line", "column", "severity", "message", "source"
            }  # fmt: skip
            assert int(error.get("line", "")) >= 1 and int(error.get("column", "1")) >= 1
            assert error.get("severity") in CHECKSTYLE_SEVERITIES
    return root


@pytest.mark.parametrize("case", sorted(CASES))
def test_checkstyle_is_valid_with_a_file_per_report_and_an_error_per_finding(case: str) -> None:
    reports = CASES[case]()
    root = validate_checkstyle(FORMATTERS["checkstyle"](reports, OPTIONS))
    files = root.findall("file")
    assert [f.get("name") for f in files] == [r.path for r in reports]
    for report, element in zip(reports, files, strict=True):
        errors = element.findall("error")
        if report.error is not None:
            assert [e.get("source") for e in errors] == ["lint-article.unreadable"]
            continue
        assert [(int(e.get("line", "")), int(e.get("column", "")), e.get("severity")) for e in errors] == [
            (f.line, f.column, str(f.severity)) for f in report.findings
        ]
        assert [e.get("source") for e in errors] == [f"lint-article.rules.{f.rule}" for f in report.findings]


XML_FORMATS = [
    ("junit", validate_junit, "testsuite/testcase/failure", "single-h1: {}"),
    ("checkstyle", validate_checkstyle, "file/error", "{} (single-h1)"),
]


@pytest.mark.parametrize(("name", "validate", "where", "shown"), XML_FORMATS, ids=[f[0] for f in XML_FORMATS])
@given(message=st.text())
def test_xml_formats_carry_any_message(
    name: str, validate: Callable[[str], ET.Element], where: str, shown: str, message: str
) -> None:
    report = Report("a.html", (finding("single-h1", Severity.ERROR, message, 1, 1),))
    element = validate(FORMATTERS[name]([report])).find(where)
    assert element is not None
    assert element.get("message") == junit.xml_text(shown.format(message))


# -- text ------------------------------------------------------------------------


def test_statistics_count_per_rule_as_flake8_does() -> None:
    text = FORMATTERS["text"](EDGE, FormatOptions(statistics=True, rules=OPTIONS.rules))
    lines = text.splitlines()
    start = lines.index(next(line for line in lines if line.startswith("1    heading-order")))
    assert lines[start : start + 4] == [
        "1    heading-order    warning  Headings go down one level at a time, starting at the start level.",
        "1    no-inline-style  error    Elements carry no style attribute.",
        "1    plugin-rule      info     a rule that is not installed here",
        "1    single-h1        error    An article has exactly one <h1>.",
    ]


def run_cli(*args: str, env: dict[str, str] | None = None) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "lint_article", *args],
        capture_output=True,
        text=True,
        cwd=ROOT,
        env={**os.environ, **(env or {})},
        check=False,
    )


def test_colour_follows_the_flags_and_no_color() -> None:
    seed = "fixtures/sahel-article.html"
    assert "\x1b[" not in run_cli("check", seed).stdout  # not a terminal
    assert "\x1b[" in run_cli("check", "--color", seed).stdout
    assert "\x1b[" in run_cli("check", "--color", seed, env={"NO_COLOR": "1"}).stdout  # the flag wins
    assert "\x1b[" not in run_cli("check", "--no-color", seed).stdout
    assert "\x1b[" not in run_cli("check", "--color", "--format", "json", seed).stdout  # text only


@pytest.mark.skipif(sys.platform == "win32", reason="pseudo-terminals are POSIX")
def test_on_a_terminal_colour_and_progress_appear_unless_no_color(tmp_path: Path) -> None:
    import pty

    for number in range(12):
        (tmp_path / f"p{number:02}.html").write_text("<h1>a</h1>\n<h1>b</h1>", encoding="utf-8")

    def on_terminal(*args: str, env: dict[str, str]) -> tuple[str, str]:
        out_parent, out_child = pty.openpty()
        err_parent, err_child = pty.openpty()
        process = subprocess.Popen(
            [sys.executable, "-m", "lint_article", "check", "--select", "single-h1", *args, str(tmp_path)],
            stdout=out_child,
            stderr=err_child,
            env={**os.environ, "TERM": "xterm", **env},
        )
        os.close(out_child)
        os.close(err_child)
        outputs = []
        for fd in (out_parent, err_parent):
            chunks = []
            while True:
                try:
                    chunk = os.read(fd, 65536)
                except OSError:  # the child closed the terminal
                    break
                if not chunk:
                    break
                chunks.append(chunk)
            os.close(fd)
            outputs.append(b"".join(chunks).decode("utf-8", "replace"))
        process.wait(timeout=60)
        return outputs[0], outputs[1]

    out, err = on_terminal(env={})
    assert "\x1b[31m" in out and "Linting" in err
    out, _ = on_terminal(env={"NO_COLOR": "1"})
    assert "\x1b[" not in out
    out, err = on_terminal("--format", "json", env={})
    json.loads(out)  # machine-readable output holds no progress bar
    assert "Linting" in err


def test_output_file_holds_what_stdout_would(tmp_path: Path) -> None:
    for name in FORMATTERS:
        out = tmp_path / f"report.{name}"
        to_file = run_cli("check", "--format", name, "-o", str(out), "fixtures/sahel-article.html")
        to_stdout = run_cli("check", "--format", name, "fixtures/sahel-article.html")
        assert to_file.returncode == to_stdout.returncode == 1
        assert to_file.stdout == ""
        assert out.read_text(encoding="utf-8") == to_stdout.stdout, name


def test_a_path_cannot_split_a_line_or_drive_the_terminal() -> None:
    found = (finding("single-h1", Severity.ERROR, "extra <h1>", 1, 1),)
    report = Report("a\nb\x1b[31m\u2028c\udcff.html", found, STATS)
    for name in ("text", "github"):
        first = FORMATTERS[name]([report], OPTIONS).splitlines()[0]
        assert "a\\nb\\x1b[31m\\u2028c\\xff.html" in first, name


def test_text_shows_the_snippet_and_the_advice_under_a_finding_escaped_and_shortened() -> None:
    snippet = '<p style="\x1b]8;;https://evil.example\x07color:red">' + "x" * 100
    advice = "Remove the\nformatting.\x1b[2J"
    report = Report(
        "a.html", (finding("no-inline-style", Severity.WARNING, "m", 1, 4, snippet=snippet, advice=advice),)
    )
    lines = FORMATTERS["text"]([report], FormatOptions()).splitlines()
    shown = '<p style="\\x1b]8;;https://evil.example\\x07color:red">' + "x" * 100
    assert lines == [
        "a.html:1:4: warning no-inline-style m",
        "    " + shown[:71] + "…",
        "    help: Remove the\\nformatting.\\x1b[2J",
        "Found 1 finding (1 warning) in 1 file.",
    ]
    bare = Report("b.html", (finding("no-inline-style", Severity.WARNING, "m", 1, 4, snippet="", advice=""),))
    assert FORMATTERS["text"]([bare], FormatOptions()).splitlines()[1].startswith("Found ")


def test_json_and_sarif_carry_the_advice() -> None:
    report = lint_path(make_linter(Config(select=("single-h1",))), FIXTURES / "sahel-article.html")
    (entry,) = json.loads(FORMATTERS["json"]([report]))["files"]
    advice = "Keep one <h1>, the title; make this heading an <h2> or lower."
    assert [f["advice"] for f in entry["findings"]] == [advice]
    run = json.loads(FORMATTERS["sarif"]([report]))["runs"][0]
    assert run["results"][0]["properties"]["advice"] == advice
    assert run["tool"]["driver"]["rules"][0]["help"]["text"].splitlines()[1] == advice
