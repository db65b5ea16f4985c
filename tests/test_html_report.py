"""``--format html``: one self-contained page, the articles in it defused, and its
behaviour in a real browser.

The first tests read the page as data (an HTML parser of the standard library):
what the sanitiser leaves of a hostile article, the policy, the marks. The
others open it in a headless Chromium, the system's (Debian's ``chromium`` and
``chromium-driver``, which ``.ci/run`` installs), driven by Selenium: the page
loads with no console error and makes no request but for itself; choosing a
finding highlights its passage; nothing the hostile article holds runs or loads.
Without Chromium those tests are skipped, saying why.
"""

from __future__ import annotations

import base64
import hashlib
import json
import os
import re
import shutil
import subprocess
import sys
import time
from collections.abc import Iterator
from dataclasses import replace
from html.parser import HTMLParser
from pathlib import Path
from typing import Any

import pytest

from lint_article.api import lint, lint_path, make_linter
from lint_article.config import Config
from lint_article.document import Article
from lint_article.findings import Finding, Severity
from lint_article.formatters import FORMATTERS, FormatOptions
from lint_article.formatters.base import printable
from lint_article.formatters.html import ARTICLE_START_ID, CONTENT_SECURITY_POLICY, marked_article, sanitise
from lint_article.report import Report

from .conftest import FIXTURES, ROOT, script_module

CHROMIUM = shutil.which("chromium")
CHROMEDRIVER = shutil.which("chromedriver")
# Where nothing listens (the discard port): a request there shows in the browser's log, and goes nowhere.
NOWHERE = "http://127.0.0.1:9"
HOSTILE = f"""<!DOCTYPE html><html><head><title>Hostile</title>
<base href="{NOWHERE}/base/">
<meta http-equiv="refresh" content="0; url={NOWHERE}/refresh">
<link rel="stylesheet" href="{NOWHERE}/style.css">
<style>@import url({NOWHERE}/import.css); @font-face {{ font-family: x; src: url({NOWHERE}/font.woff2); }}
body {{ background: url({NOWHERE}/background.png); font-family: x; }}</style>
<script>parent.document.body.setAttribute("data-pwned", "head script");
document.body && (document.body.dataset.pwned = 1);</script>
</head><body>
<h1 onclick="parent.document.body.dataset.pwned = 'onclick'">Hostile article</h1>
<p>Some text with a <a href="javascript:parent.document.body.dataset.pwned='link'">javascript link</a>
and an image <img src="{NOWHERE}/image.png" alt="remote" onerror="parent.document.body.dataset.pwned='onerror'">
and another <img src="x" onerror="parent.document.body.dataset.pwned='onerror2'" alt="broken">.</p>
<script>parent.document.body.dataset.pwned = "body script";</script>
<iframe src="{NOWHERE}/frame" srcdoc="&lt;script&gt;top.document.body.dataset.pwned='srcdoc'&lt;/script&gt;"></iframe>
<form action="{NOWHERE}/form" method="post">
<input name="q" value="x" autofocus onfocus="parent.document.body.dataset.pwned='focus'"><button>Send</button></form>
<svg><script>parent.document.body.dataset.pwned = "svg";</script><image href="{NOWHERE}/svg.png"/></svg>
<object data="{NOWHERE}/object"></object><embed src="{NOWHERE}/embed">
<video poster="{NOWHERE}/poster.png" src="{NOWHERE}/video.mp4" autoplay></video>
<p style="background:url({NOWHERE}/inline.png)">Styled <span style="font-family:x">text</span>.</p>
<math><mtext><table><mglyph><style>
<img src=x onerror="parent.document.body.dataset.pwned='mxss'"></style></mglyph></table></mtext></math>
<h3>Skipped a level</h3>
<p>The end \U000f0001 of a forged mark \U00100001.</p>
</body></html>
"""
HOSTILE_NAME = '<img src=x onerror="document.body.dataset.pwned=1">.html'


class _Collect(HTMLParser):
    """Tags and attributes of an HTML text, as a browser's tokeniser reads them."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.tags: list[tuple[str, dict[str, str | None]]] = []
        self.scripts: list[str] = []
        self._in_script = False

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags.append((tag, dict(attrs)))
        self._in_script = tag == "script"

    def handle_endtag(self, tag: str) -> None:
        self._in_script = False

    def handle_data(self, data: str) -> None:
        if self._in_script:
            self.scripts.append(data)


def parse(html: str) -> _Collect:
    collected = _Collect()
    collected.feed(html)
    collected.close()
    return collected


def frames(report: str) -> list[str]:
    """The documents shown in the report's iframes."""
    return [str(attrs["data-doc"]) for tag, attrs in parse(report).tags if tag == "iframe"]


def report_of(html: str, path: str = "article.html") -> str:
    return FORMATTERS["html"]([lint(html, path=path)], FormatOptions(sources={path: html}))


# -- the page as data ------------------------------------------------------------


def test_the_report_runs_only_its_own_script_named_by_its_hash_in_the_policy() -> None:
    page = parse(report_of(HOSTILE))
    [policy] = [
        a["content"] for tag, a in page.tags if tag == "meta" and a.get("http-equiv") == "Content-Security-Policy"
    ]
    assert policy == CONTENT_SECURITY_POLICY
    directives = dict(part.strip().split(" ", 1) for part in str(policy).split(";"))
    assert directives["default-src"] == "'none'" and directives["img-src"] == "data:"
    [script] = page.scripts
    digest = base64.b64encode(hashlib.sha256(script.encode("utf-8")).digest()).decode("ascii")
    assert directives["script-src"] == f"'sha256-{digest}'"
    assert [tag for tag, _ in page.tags].count("script") == 1


def test_nothing_of_a_hostile_article_that_runs_loads_or_submits_survives() -> None:
    [document] = frames(report_of(HOSTILE))
    shown = parse(document)
    tags = {tag for tag, _ in shown.tags}
    forbidden = {
        "script",
        "iframe",
        "form",
        "input",
        "button",
        "base",
        "link",
        "object",
        "embed",
        "video",
        "svg",
        "math",
    }
    assert not tags & forbidden
    assert [tag for tag, _ in shown.tags].count("style") == 1  # the frame's own
    assert [a for tag, a in shown.tags if tag == "meta" and a.get("http-equiv") == "refresh"] == []
    for tag, attributes in shown.tags:
        for name, value in attributes.items():
            assert not name.startswith("on"), (tag, name)
            assert name not in {"href", "srcset", "poster", "action", "data", "background"}, (tag, name)
            if tag != "meta":
                assert name != "style", tag
            assert "javascript:" not in (value or "").lower() and NOWHERE not in (value or ""), (tag, name, value)
    assert "Hostile article" in document and "pwned" not in document.split("</style>", 1)[1]


def test_an_inline_data_image_is_kept_and_every_other_source_dropped() -> None:
    pixel = "data:image/png;base64,iVBORw0KGgo="
    clean = sanitise(
        f'<img src="{pixel}" alt="a"><img src="https://example.com/b.png" alt="b"><img src="data:text/html,x">'
    )
    assert [a.get("src") for tag, a in parse(clean).tags if tag == "img"] == [pixel, None, None]


def test_a_mark_cannot_be_forged_by_the_article() -> None:
    article = Article.from_html("<p>The end \U000f0001 of a forged mark \U00100001.</p>")
    marked, shown = marked_article(article, ())
    assert "<mark" not in marked and shown == set() and "\ufffd" in marked


def mark_texts(document: str) -> dict[int, str]:
    """The text each finding's marks hold, by finding index, as a browser would show it."""
    texts: dict[int, str] = {}

    class Marks(HTMLParser):
        open: list[list[int]] = []

        def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
            if tag == "mark":
                self.open.append([int(n) for n in (dict(attrs).get("data-f") or "").split()])

        def handle_endtag(self, tag: str) -> None:
            if tag == "mark":
                self.open.pop()

        def handle_data(self, data: str) -> None:
            for indices in self.open:
                for index in indices:
                    texts[index] = texts.get(index, "") + data

    Marks(convert_charrefs=True).feed(document)
    return texts


def test_a_finding_on_text_marks_exactly_its_text_and_one_on_an_element_marks_what_it_holds() -> None:
    source = (FIXTURES / "bad-structure.html").read_text(encoding="utf-8")
    report = lint(source, config={"select": ["repeated-phrases", "single-h1", "heading-order", "headline"]})
    marked, shown = marked_article(Article.from_html(source), report.findings)
    texts = mark_texts(marked)
    by_rule = {f.rule: index for index, f in enumerate(report.findings)}
    phrase = report.findings[by_rule["repeated-phrases"]]
    assert texts[by_rule["repeated-phrases"]] == phrase.snippet == "the new parks plan is a good start"
    assert texts[by_rule["single-h1"]] == "Council approves budget, again"  # the element's text, not its tag
    assert texts[by_rule["heading-order"]] == "Reactions"
    assert by_rule["headline"] not in shown  # it is about the <head>, which is not shown


def test_a_finding_over_the_whole_body_is_painted_only_when_chosen() -> None:
    source = (FIXTURES / "sahel-article.html").read_text(encoding="utf-8")
    report = lint(source, config={"select": ["readability", "reading-time"]})
    marked, _ = marked_article(Article.from_html(source), report.findings)
    classes = {
        report.findings[int(match["f"].split()[0])].rule: set(match["classes"].split())
        for match in re.finditer(r'<mark data-f="(?P<f>[^"]*)" class="(?P<classes>[^"]*)"', marked)
    }
    assert "wide" in classes["readability"] and "wide" not in classes["reading-time"]


def test_the_frame_of_a_page_knows_where_its_article_starts_and_that_of_a_fragment_needs_not() -> None:
    page = (FIXTURES / "sahel-article.html").read_text(encoding="utf-8")
    marked, _ = marked_article(Article.from_html(page), ())
    start = marked.index(f'<span id="{ARTICLE_START_ID}"></span>')
    assert marked.index("Viral Post") < start < marked.index("US moves to re-engage")
    fragment, _ = marked_article(Article.from_html("<h2>Body</h2><p>Text.</p>"), ())
    assert ARTICLE_START_ID not in fragment


def test_a_finding_inside_a_tag_is_pinned_where_what_the_tag_holds_starts() -> None:
    source = '<h1>Title</h1>\n<p>One <span style="color:red">red</span> word.</p>'
    report = lint(source, config={"select": ["no-inline-style"]})
    marked, shown = marked_article(Article.from_html(source), report.findings)
    assert shown == {0}
    assert re.search(r'<p>One <span><mark data-f="0" class="warning pin"[^>]*></mark>red</span> word\.</p>', marked)


def finding_at(column: int, end_column: int) -> Finding:
    """A finding over columns [column, end_column) of line 1."""
    return Finding("a-rule", Severity.WARNING, "a message", "m", 1, column, 1, end_column, "", "")


def test_marks_split_at_block_edges_so_the_structure_stays_whole() -> None:
    source = "<h1>T</h1><p>alpha &amp; beta</p><p>gamma</p>"
    article = Article.from_html(source)
    start = source.index("&amp;") + 2  # inside the reference: the mark takes it whole
    end = source.index("gamma") + len("gamma")
    spanning = finding_at(start + 1, end + 1)
    marked, _ = marked_article(article, (spanning,))
    assert marked.count("<mark") == 2
    assert "<p>alpha <mark" in marked and "&amp; beta</mark></p><p><mark" in marked and "gamma</mark></p>" in marked


def test_every_string_from_the_article_and_the_file_name_is_escaped(tmp_path: Path) -> None:
    finding = replace(
        finding_at(1, 2),
        rule="x-rule<b>",
        message='message <script>alert(1)</script> "quoted"\x1b[2J',
        snippet="<img src=x onerror=alert(1)>",
        advice="<b>advice</b>",
    )
    report = Report(HOSTILE_NAME, (finding,))
    page = FORMATTERS["html"]([report, Report("<other>", error="<b>boom</b>")], FormatOptions(sources={}))
    collected = parse(page)
    assert [tag for tag, _ in collected.tags].count("script") == 1
    assert {tag for tag, _ in collected.tags} & {"img", "b"} == set()
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in page and printable("\x1b[2J") in page and "\x1b" not in page


def test_a_batch_starts_with_an_index_of_counts_per_file_and_a_chart_per_rule() -> None:
    first = Report("a.html", (finding_at(1, 2), replace(finding_at(3, 4), severity=Severity.ERROR, rule="b-rule")))
    second = Report("b.html", (finding_at(1, 2),))
    page = FORMATTERS["html"]([first, second, Report("c.html", error="no such file")], FormatOptions(sources={}))
    index = page.split('<section class="index">', 1)[1].split("</section>", 1)[0]
    rows = re.findall(
        r'<tr><td><a href="#file-(\d)">([^<]*)</a>[^<]*</td><td>(\d+)</td><td>(\d+)</td><td>(\d+)</td>', index
    )
    assert rows == [("0", "a.html", "1", "1", "0"), ("1", "b.html", "0", "1", "0"), ("2", "c.html", "0", "0", "0")]
    bars = re.findall(r'<span title="([^"]*)">[^<]*</span><div class="bar" style="width:([\d.]+)%"><span>(\d+)', index)
    assert bars == [("a-rule", "80.0", "2"), ("b-rule", "40.0", "1")]


# -- the CLI -------------------------------------------------------------------


def test_the_cli_writes_the_report_for_files_and_standard_input(tmp_path: Path) -> None:
    article = tmp_path / "a.html"
    article.write_text("<h1>Title</h1><h3>Jump</h3><p>Text.</p>", encoding="utf-8")
    result = subprocess.run(
        [sys.executable, "-m", "lint_article", "check", "--no-cache", "--format", "html", str(article), "-"],
        input=b"<h1>From stdin</h1><p>Words.</p>",
        capture_output=True,
        env={**os.environ, "PYTHONPATH": str(ROOT)},
        timeout=60,
        check=False,
    )
    assert result.returncode == 1, result.stderr
    page = result.stdout.decode("utf-8")
    documents = frames(page)
    assert len(documents) == 2 and "Jump" in documents[0] and "From stdin" in documents[1]
    assert 'href="#file-1"' in page  # the index of a batch


# -- in a real browser -------------------------------------------------------------


@pytest.fixture(scope="module")
def browser(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Any]:
    if CHROMIUM is None or CHROMEDRIVER is None:
        pytest.skip("no chromium and chromedriver here (Debian: apt-get install chromium chromium-driver)")
    pytest.importorskip("selenium.webdriver", reason="selenium is not installed (the test extra)")
    # scripts/report_screenshot.py opens the system's Chromium as these tests do.
    driver = script_module("scripts/report_screenshot.py").open_chromium(tmp_path_factory.mktemp("chromium-profile"))
    try:
        yield driver
    finally:
        driver.quit()


FRAME_LOADED = """
const frame = document.querySelectorAll('section.file iframe')[arguments[0]];
frame.scrollIntoView();
const doc = frame.contentDocument;
return Boolean(frame.srcdoc && doc && doc.readyState === 'complete' && doc.body && doc.body.childElementCount);
"""


def wait_until(driver: Any, script: str, *arguments: object, seconds: float = 30) -> None:
    """Poll until *script* returns true; selenium raises TimeoutException if it never does."""
    from selenium.webdriver.support.wait import WebDriverWait

    WebDriverWait(driver, seconds, poll_frequency=0.1).until(lambda d: d.execute_script(script, *arguments))


def open_page(driver: Any, page: Path) -> list[str]:
    """Open *page* and give its frames time to load; the URLs it requested."""
    driver.get("about:blank")
    driver.get_log("performance")
    driver.get_log("browser")
    driver.get(page.as_uri())
    # Frames fill when they come into view. A frame scrolled past before the browser looked would stay empty,
    # and a loaded machine (CI runs the suite on both cores) may take seconds to fill one: stay on each until it has.
    for index in range(driver.execute_script("return document.querySelectorAll('section.file iframe').length")):
        wait_until(driver, FRAME_LOADED, index)
    driver.execute_script("window.scrollTo(0, 0)")
    time.sleep(0.5)
    requested = []
    for entry in driver.get_log("performance"):
        message = json.loads(entry["message"])["message"]
        if message["method"] == "Network.requestWillBeSent":
            requested.append(message["params"]["request"]["url"])
    # The browser's own pages (its new tab page, loading in the background) are not the report's.
    return [url for url in requested if not url.startswith(("chrome://", "chrome-untrusted://"))]


def choose(driver: Any, index: int, file: int = 0) -> list[str]:
    """Click finding *index* of *file*; the texts of the marks highlighted in its article."""
    button = driver.find_element("css selector", f'#file-{file} button.finding[data-f="{index}"]')
    driver.execute_script("arguments[0].scrollIntoView({block: 'center'})", button)
    button.click()
    wait_until(driver, "return !!document.querySelector(arguments[0]).contentDocument.querySelector('mark.current')",
               f"#file-{file} iframe")  # fmt: skip
    texts: list[str] = driver.execute_script(
        "const frame = document.querySelector(arguments[0]);"
        "return Array.from(frame.contentDocument.querySelectorAll('mark.current')).map((m) => m.textContent);",
        f"#file-{file} iframe",
    )
    return texts


def test_in_chromium_the_report_loads_quietly_requests_nothing_and_highlights_the_chosen_finding(
    browser: Any, tmp_path: Path
) -> None:
    linter = make_linter(Config())
    reports = [lint_path(linter, FIXTURES / name, f"fixtures/{name}") for name in ("bad-structure.html",
                                                                                   "sahel-article.html")]  # fmt: skip
    sources = {r.path: (FIXTURES / Path(r.path).name).read_bytes() for r in reports}
    page = tmp_path / "report.html"
    page.write_text(FORMATTERS["html"](reports, FormatOptions(sources=sources)), encoding="utf-8")
    assert open_page(browser, page) == [page.as_uri()]
    assert [entry for entry in browser.get_log("browser") if entry["level"] == "SEVERE"] == []
    # The page's frame starts at its article, past the site's header.
    wait_until(browser, "return document.querySelector('#file-1 iframe').contentWindow.scrollY > 100")
    findings = reports[0].findings
    phrase = next(i for i, f in enumerate(findings) if f.rule == "repeated-phrases")
    assert choose(browser, phrase) == [findings[phrase].snippet]
    assert (
        browser.find_element("css selector", f'#file-0 button[data-f="{phrase}"]').get_attribute("aria-pressed")
        == "true"
    )
    extra = next(i for i, f in enumerate(findings) if f.rule == "single-h1")
    assert choose(browser, extra) == ["Council approves budget, again"]
    # Keyboard: focus the next finding and press Enter.
    from selenium.webdriver.common.keys import Keys

    browser.find_element("css selector", f'#file-0 button[data-f="{phrase}"]').send_keys(Keys.ENTER)
    current = "document.querySelector('#file-0 iframe').contentDocument.querySelector('mark.current').textContent"
    wait_until(browser, f"return {current} === arguments[0]", findings[phrase].snippet, seconds=5)
    # Filtering by rule hides the others.
    from selenium.webdriver.support.select import Select

    Select(browser.find_element("css selector", "#file-0 select.rule-filter")).select_by_value("repeated-phrases")
    visible = browser.execute_script(
        "return Array.from(document.querySelectorAll('#file-0 li.item')).filter((li) => !li.hidden).length"
    )
    assert visible == sum(f.rule == "repeated-phrases" for f in findings)
    browser.save_screenshot(str(tmp_path / "report.png"))
    assert (tmp_path / "report.png").stat().st_size > 10_000


def test_in_chromium_nothing_of_a_hostile_article_runs_or_loads(browser: Any, tmp_path: Path) -> None:
    article = tmp_path / HOSTILE_NAME
    article.write_text(HOSTILE, encoding="utf-8")
    page = tmp_path / "hostile-report.html"
    result = subprocess.run(
        [
            sys.executable,
            "-m",
            "lint_article",
            "check",
            "--no-cache",
            "--format",
            "html",
            "-o",
            str(page),
            HOSTILE_NAME,
        ],
        cwd=tmp_path,
        capture_output=True,
        env={**os.environ, "PYTHONPATH": str(ROOT)},
        timeout=60,
        check=False,
    )
    assert result.returncode in (0, 1), result.stderr
    assert open_page(browser, page) == [page.as_uri()]
    # Click everything the article shows, links included, then look for the sentinel everywhere.
    browser.execute_script(
        "const doc = document.querySelector('iframe').contentDocument;"
        "doc.querySelectorAll('a, img, h1, p').forEach((e) => e.click());"
    )
    time.sleep(1.0)
    state = browser.execute_script(
        "const frame = document.querySelector('iframe');"
        "return [document.body.dataset.pwned || null, document.body.getAttribute('data-pwned'),"
        " frame.contentDocument.body.dataset.pwned || null, frame.contentWindow.location.href,"
        " document.querySelectorAll('img').length];"
    )
    assert state == [None, None, None, "about:srcdoc", 0]
    assert [e for e in browser.get_log("browser") if e["level"] == "SEVERE"] == []
    browser.save_screenshot(str(tmp_path / "hostile.png"))
    assert (tmp_path / "hostile.png").exists()
