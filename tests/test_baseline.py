"""Baselines: record today's findings, then report only new ones."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from lint_article import lint
from lint_article.baseline import Baseline, BaselineError, anchor, finding_key
from lint_article.findings import Finding, Severity
from lint_article.report import INTERNAL_ERROR, Report

ARTICLE = """\
<html lang="en"><body><main><article>
<h1>Floods in the delta</h1>
<p>The river rose overnight.</p>
<p style="color: red">Villagers moved their cattle to the dyke.</p>
<h1>A second title</h1>
<h3>Skipped a level</h3>
</article></main></body></html>
"""
RULES = "single-h1,heading-order,no-inline-style"


def run(*args: str, cwd: Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "lint_article", "check", "--select", RULES, *args],
        capture_output=True,
        text=True,
        cwd=cwd,
        env={**os.environ, "NO_COLOR": "1"},
        check=False,
    )


@pytest.fixture
def site(tmp_path: Path) -> Path:
    (tmp_path / "news").mkdir()
    (tmp_path / "news" / "delta.html").write_text(ARTICLE, encoding="utf-8")
    written = run("--write-baseline", "baseline.json", "news", cwd=tmp_path)
    assert written.returncode == 0, written.stdout + written.stderr
    assert written.stdout.strip() == "No findings in 1 file."
    assert "Wrote a baseline of 3 findings to baseline.json." in written.stderr
    return tmp_path


def findings_of(result: subprocess.CompletedProcess[str]) -> list[str]:
    return [line.split(": ", 1)[1] for line in result.stdout.splitlines()[:-1]]


def test_a_baselined_run_reports_nothing_and_passes(site: Path) -> None:
    result = run("--baseline", "baseline.json", "news", cwd=site)
    assert result.returncode == 0
    assert result.stdout.strip() == "No findings in 1 file."
    assert "3 findings recorded in the baseline baseline.json are not shown" in result.stderr
    assert run("news", cwd=site).returncode == 1  # without it, the findings are back


def test_an_unrelated_edit_above_does_not_resurface_a_baselined_finding(site: Path) -> None:
    page = site / "news" / "delta.html"
    edited = ARTICLE.replace(
        "<h1>Floods in the delta</h1>\n",
        "<h1>Floods in the delta</h1>\n<p>Updated at noon.</p>\n<p>More rain.</p>\n<p>Roads are shut.</p>\n",
    )
    page.write_text(edited, encoding="utf-8")
    moved = run("news", cwd=site)
    assert [line.split(":")[1] for line in moved.stdout.splitlines()[:-1]] == ["7", "8", "9"]  # 3 lines lower
    result = run("--baseline", "baseline.json", "news", cwd=site)
    assert result.returncode == 0, result.stdout
    assert result.stdout.strip() == "No findings in 1 file."


def test_a_new_finding_is_reported_and_fails(site: Path) -> None:
    page = site / "news" / "delta.html"
    page.write_text(ARTICLE.replace("</article>", "<h1>A third title</h1>\n</article>"), encoding="utf-8")
    result = run("--baseline", "baseline.json", "news", cwd=site)
    assert result.returncode == 1
    assert findings_of(result) == ["error single-h1 extra <h1>; the first <h1> is on line 2"]
    assert result.stdout.splitlines()[0].startswith("news/delta.html:7:1:")  # the later one is the new one


def test_a_new_kind_of_finding_in_a_new_file_is_reported(site: Path) -> None:
    (site / "news" / "other.html").write_text('<h2>T</h2>\n<p style="x">y</p>', encoding="utf-8")
    result = run("--baseline", "baseline.json", "--fail-on", "warning", "news", cwd=site)
    assert result.returncode == 1
    assert [line.split(":")[0] for line in result.stdout.splitlines()[:-1]] == ["news/other.html"]


def test_fixed_findings_are_noted_so_the_baseline_can_shrink(site: Path) -> None:
    page = site / "news" / "delta.html"
    page.write_text(ARTICLE.replace(' style="color: red"', ""), encoding="utf-8")
    result = run("--baseline", "baseline.json", "news", cwd=site)
    assert result.returncode == 0
    assert "1 recorded findings no longer occur" in result.stderr


def test_paths_are_relative_to_the_baseline_so_any_working_directory_works(site: Path) -> None:
    data = json.loads((site / "baseline.json").read_text(encoding="utf-8"))
    assert {entry["path"] for entry in data["findings"]} == {"news/delta.html"}
    result = run("--baseline", "../baseline.json", "delta.html", cwd=site / "news")
    assert result.returncode == 0 and result.stdout.strip() == "No findings in 1 file."


def test_the_baseline_file_is_stable_and_keyed_without_line_numbers(site: Path) -> None:
    first = (site / "baseline.json").read_text(encoding="utf-8")
    run("--write-baseline", "baseline.json", "news", cwd=site)
    assert (site / "baseline.json").read_text(encoding="utf-8") == first
    entries = json.loads(first)["findings"]
    assert entries == sorted(entries, key=lambda e: (e["path"], e["rule"], e["message_id"], e["anchor"]))
    assert all(set(e) == {"path", "rule", "message_id", "anchor", "count"} for e in entries)
    assert {e["anchor"] for e in entries} == {"<h1>", "<h3>", 'style="color: red"'}


def test_a_missing_or_malformed_baseline_is_a_usage_error(site: Path) -> None:
    missing = run("--baseline", "nope.json", "news", cwd=site)
    assert missing.returncode == 2 and "does not exist; create it with --write-baseline" in missing.stderr
    (site / "bad.json").write_text('{"version": 1, "findings": [{"path": 1}]}', encoding="utf-8")
    bad = run("--baseline", "bad.json", "news", cwd=site)
    assert bad.returncode == 2 and "entry 1" in bad.stderr
    (site / "other.json").write_text("[]", encoding="utf-8")
    assert "not a lint-article baseline" in run("--baseline", "other.json", "news", cwd=site).stderr


def crash(line: int = 1) -> Finding:
    return Finding("single-h1", Severity.ERROR, "rule crashed", INTERNAL_ERROR, line, 1, line, 1, "", "")


def test_crashes_are_never_baselined(tmp_path: Path) -> None:
    report = Report("a.html", (crash(),))
    baseline = Baseline.from_reports([report], tmp_path)
    assert len(baseline) == 0
    assert baseline.filter([report]).reports[0].findings == (crash(),)


def test_equal_keys_are_counted(tmp_path: Path) -> None:
    html = "<body><h1>a</h1>\n<h1>b</h1>\n<h1>c</h1>"
    recorded = lint("<body><h1>a</h1>\n<h1>b</h1>", config={"select": ["single-h1"]}, path="a.html")
    now = lint(html, config={"select": ["single-h1"]}, path="a.html")
    filtered = Baseline.from_reports([recorded], Path.cwd()).filter([now])
    assert filtered.matched == 1 and len(filtered.reports[0].findings) == 1


def test_anchor_is_the_normalised_snippet_else_the_selector() -> None:
    finding = Finding("r", Severity.INFO, "m", "x", 3, 1, 3, 9, "  <p\n   class=a …", "main > p")
    assert anchor(finding) == "<p class=a"
    assert anchor(Finding("r", Severity.INFO, "m", "x", 3, 1, 3, 9, "", "main > p")) == "main > p"
    assert finding_key("a.html", finding) == ("a.html", "r", "x", "<p class=a")


def test_dump_and_load_round_trip(tmp_path: Path) -> None:
    report = lint(ARTICLE, config={"select": RULES.split(",")}, path=str(tmp_path / "a.html"))
    baseline = Baseline.from_reports([report], tmp_path)
    baseline.write(tmp_path / "b.json")
    loaded = Baseline.load(tmp_path / "b.json")
    assert loaded.counts == baseline.counts and loaded.base_dir == tmp_path
    with pytest.raises(BaselineError):
        Baseline.load(tmp_path / "missing.json")
