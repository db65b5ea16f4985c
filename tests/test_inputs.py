"""Input that is not an HTML article is refused with a reason, in the library and on
the command line, and the other files of a run are linted all the same."""

from __future__ import annotations

import io
import json
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest

from lint_article import lint, lint_file, make_linter
from lint_article.inputs import refusal

from .conftest import FIXTURES, finding_lines

PNG = b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00\x00\x10" + bytes(range(256)) * 8


def docx() -> bytes:
    """A .docx as a word processor writes one: a ZIP archive of XML parts."""
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        archive.writestr("[Content_Types].xml", "<Types/>")
        archive.writestr("word/document.xml", "<w:document><w:p>Twenty words of text.</w:p></w:document>")
    return buffer.getvalue()


@pytest.mark.parametrize(
    ("data", "error"),
    [
        (b"", "not HTML: it is empty"),
        (" \n\t", "not HTML: nothing but white space"),
        (PNG, "not HTML: this is a PNG image"),
        (b"\xff\xd8\xff\xe0\x00\x10JFIF", "not HTML: this is a JPEG image"),
        (b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj", "not HTML: this is a PDF document"),
        (docx(), "not HTML: this is a ZIP archive (a .docx, .xlsx, .odt or .epub file is one)"),
        (bytes(range(256)) * 16, "not HTML: binary data"),
        (
            "# Notes\n\nSee [the link](https://example.org) and *this*.\n",
            "not HTML: no HTML tag in the text (plain text or Markdown?)",
        ),
        ("Just a sentence, with a < b in it.", "not HTML: no HTML tag in the text (plain text or Markdown?)"),
    ],
    ids=["empty", "blank", "png", "jpeg", "pdf", "docx", "binary", "markdown", "plain-text"],
)
def test_what_is_not_an_html_article_is_refused_with_the_reason(data: str | bytes, error: str) -> None:
    assert refusal(data) == error
    report = lint(data)
    assert report.error == error and report.findings == ()
    assert report.to_dict()["stats"] is None


@pytest.mark.parametrize(
    "html",
    [
        "<p>One paragraph.</p>",
        "Text, then <br> a line break",
        "<!DOCTYPE html><title>T</title>",
        "<!-- a comment --> and words",
        "<my-widget>custom elements count</my-widget>",
        "\ufeff<H1>Upper case</H1>",
        "<h1>Title</h1>\x00<p>stray NUL bytes\x00 do not make it binary</p>",
        "<p>Été</p>".encode("utf-16"),
        b"\xef\xbb\xbf<p>UTF-8 with its byte order mark</p>",
    ],
)
def test_html_is_not_refused_whatever_its_shape(html: str | bytes) -> None:
    assert refusal(html) is None
    assert lint(html).error is None


def test_the_library_refuses_what_is_not_text_instead_of_raising(tmp_path: Path) -> None:
    for value in (None, 42, ["<p>x</p>"]):
        report = lint(value)  # type: ignore[arg-type]
        assert report.error == f"no text given: the html is {type(value).__name__}, not str or bytes"
    assert lint_file(None).error == "no path given: NoneType, not str or os.PathLike"  # type: ignore[arg-type]
    png = tmp_path / "photo.html"
    png.write_bytes(PNG)
    assert lint_file(png).error == "not HTML: this is a PNG image"


def test_a_linter_takes_text_and_bytes_as_well_as_articles() -> None:
    linter = make_linter({"select": ["single-h1"]})
    from_text = linter.lint("<body><h1>A</h1>\n<h1>B</h1>", "a.html")
    assert [(f.rule, f.line) for f in from_text.findings] == [("single-h1", 2)]
    assert linter.lint(b"<body><h1>A</h1>\n<h1>B</h1>", "a.html") == from_text
    assert linter.lint(PNG, "b.html").error == "not HTML: this is a PNG image"
    assert linter.lint("<p>" + "x" * 100, max_bytes=10).error is not None


def run(*args: str, cwd: Path) -> subprocess.CompletedProcess[str]:
    command = [sys.executable, "-m", "lint_article", "check", "--select", "single-h1", *args]
    return subprocess.run(command, capture_output=True, text=True, cwd=cwd, check=False)


def test_the_cli_refuses_each_file_that_is_not_html_and_lints_the_others(tmp_path: Path) -> None:
    (tmp_path / "photo.png").write_bytes(PNG)
    (tmp_path / "report.docx").write_bytes(docx())
    (tmp_path / "notes.md").write_text("# Notes\n\n[link]: https://example.org\n", encoding="utf-8")
    (tmp_path / "empty.html").write_bytes(b"")
    (tmp_path / "two.html").write_text("<body><h1>A</h1>\n<h1>B</h1>", encoding="utf-8")
    names = ["photo.png", "report.docx", "notes.md", "empty.html", "two.html"]
    result = run(*names, cwd=tmp_path)
    assert result.returncode == 2, result.stdout + result.stderr
    assert finding_lines(result.stdout) == [
        "photo.png: error: not HTML: this is a PNG image",
        "report.docx: error: not HTML: this is a ZIP archive (a .docx, .xlsx, .odt or .epub file is one)",
        "notes.md: error: not HTML: no HTML tag in the text (plain text or Markdown?)",
        "empty.html: error: not HTML: it is empty",
        "two.html:2:1: error single-h1 extra <h1>; the first <h1> is on line 1",
        "Found 1 finding (1 error) in 5 files; 4 files could not be linted.",
    ]
    assert "Traceback" not in result.stderr


def test_a_directory_without_html_files_is_an_error_not_a_clean_run(tmp_path: Path) -> None:
    (tmp_path / "docs").mkdir()
    (tmp_path / "docs" / "notes.md").write_text("# Notes\n", encoding="utf-8")
    (tmp_path / "site").mkdir()
    (tmp_path / "site" / "a.html").write_text("<h1>A</h1>", encoding="utf-8")
    result = run("docs", "site", cwd=tmp_path)
    assert result.returncode == 2, result.stdout + result.stderr
    assert "docs: error: nothing to lint in this directory: no *.html or *.htm file below it" in result.stdout
    assert "No findings" not in result.stdout
    json_run = run("--format", "json", "docs", cwd=tmp_path)
    assert json.loads(json_run.stdout)["summary"] == {"files": 1, "findings": 0, "errors": 1}


def test_the_fixtures_are_all_html() -> None:
    for path in sorted(FIXTURES.rglob("*.html")):
        assert refusal(path.read_bytes()) is None, path
