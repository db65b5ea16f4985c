"""Hostile and odd inputs: each has a test and a clear outcome.

Every input goes through the oracle (no exception, no rule crash, positions
inside the input, JSON per the contract, same report twice) and then its own
expectation: what a reader of that page would see.
"""

from __future__ import annotations

import codecs
import json
import os
import subprocess
import sys
import time
from pathlib import Path

import pytest

from fuzz.oracle import check_json, check_positions, lint_and_check
from lint_article.api import MAX_BYTES, lint, lint_file
from lint_article.document import Article, ArticleError
from lint_article.document.decoding import decode_html
from lint_article.document.scan import MAX_ATTRIBUTES
from lint_article.inputs import MAX_FILE_SIZE_HINT as HINT
from lint_article.report import Stats

from .conftest import FIXTURES, ROOT, corpus_files, finding_lines

SENTENCE = "The council met on Monday and agreed to repair the old bridge before winter. "


def words(html: str | bytes) -> list[str]:
    return [w.text for w in Article.from_html(html).page.words]


# -- empty and next to empty --------------------------------------------------


@pytest.mark.parametrize(
    ("html", "error"),
    [
        ("", "not HTML: it is empty"),
        (b"", "not HTML: it is empty"),
        ("   \n\t\n  ", "not HTML: nothing but white space"),
        (b"\r\n\r\n", "not HTML: nothing but white space"),
        ("\ufeff", "not HTML: nothing but white space"),
        (b"\xef\xbb\xbf", "not HTML: nothing but white space"),
    ],
)
def test_empty_or_blank_input_is_refused_as_no_article(html: str | bytes, error: str) -> None:
    report = lint_and_check(html)
    assert report.error == error and report.findings == ()


# -- bytes and encodings ------------------------------------------------------


def test_binary_data_is_refused_and_would_read_as_text_with_replacement_characters() -> None:
    png = b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(range(256)) * 20
    assert lint_and_check(png).error == "not HTML: this is a PNG image"
    assert lint_and_check(png[8:]).error == "not HTML: binary data"
    assert Article.from_html(png).encoding in ("utf-8", "cp1252")


@pytest.mark.parametrize("encoding", ["utf-16-le", "utf-16-be"])
def test_utf16_with_a_byte_order_mark_is_decoded(encoding: str) -> None:
    html = "<p>Été à Paris: naïve café, 東京.</p>"
    bom = "\ufeff".encode(encoding)
    data = bom + html.encode(encoding)
    lint_and_check(data)
    assert decode_html(data).encoding == encoding
    assert words(data) == ["Été", "à", "Paris", "naïve", "café", "東", "京"]


def test_a_page_labelled_utf8_but_written_in_latin1_shows_replacement_characters() -> None:
    # What a browser shows: the declaration wins, undecodable bytes become U+FFFD.
    data = '<meta charset="utf-8"><p>Caf\xe9 cr\xe8me</p>'.encode("latin-1")
    lint_and_check(data)
    assert Article.from_html(data).text == "Caf\ufffd cr\ufffdme"


def test_a_page_labelled_latin1_but_written_in_utf8_shows_mojibake_as_a_browser_does() -> None:
    data = '<meta charset="iso-8859-1"><p>Café</p>'.encode()
    lint_and_check(data)
    assert Article.from_html(data).text == "CafÃ©"


def test_invalid_utf8_without_a_label_falls_back_to_windows_1252() -> None:
    data = b"<p>Caf\xe9 \x93quoted\x94 \xff</p>"
    lint_and_check(data)
    assert decode_html(data).encoding == "cp1252"
    assert words(data) == ["Café", "quoted", "ÿ"]


@pytest.mark.parametrize("label", ["hex", "zlib", "base64", "rot13", "undefined", "unicode_escape", "x\x00y"])
def test_a_charset_label_that_no_browser_knows_is_ignored(label: str) -> None:
    data = f'<meta charset="{label}"><p>Plain words</p>'.encode()
    lint_and_check(data)
    assert decode_html(data).encoding == "utf-8"
    assert words(data) == ["Plain", "words"]


def test_nul_bytes_neither_cut_the_text_nor_crash() -> None:
    data = b"<h1>Title</h1>\x00<p>before\x00 after\x00</p>\x00\x00<p>last</p>"
    report = lint_and_check(data)
    assert report.stats is not None and report.stats.words == 3  # the headline is not the body
    assert words(data)[-1] == "last"


@pytest.mark.parametrize("zeros", [0, 5000])
def test_a_numeric_character_reference_of_thousands_of_digits_is_a_replacement_character(zeros: int) -> None:
    # int() refuses more than 4,300 digits; a browser shows U+FFFD for any reference past U+10FFFF.
    html = "<p>Before &#" + "9" * 5000 + "; after &#" + "0" * zeros + "65; end.</p>"
    lint_and_check(html)
    article = Article.from_html(html)
    assert article.text == "Before \ufffd after A end."
    assert [w.text for w in article.page.words] == ["Before", "after", "A", "end"]
    positions = [article.position(article.source_offset(w.start)) for w in article.page.words]
    assert positions[2:] == [(1, 5021), (1, 5027 + zeros)]


# -- size ------------------------------------------------------------------------


def deep(levels: int, tag: str = "div") -> str:
    return f"<{tag}>" * levels + "<p>Deep words survive here.</p>" + f"</{tag}>" * levels


@pytest.mark.parametrize("tag", ["div", "span", "b"])
def test_fifty_thousand_levels_of_nesting_keep_their_text(tag: str) -> None:
    # How the time grows with the depth is benchmarks/scaling.py's `deep-*` shapes.
    html = deep(50_000, tag)
    report = lint_and_check(html)
    assert words(html) == ["Deep", "words", "survive", "here"]
    assert report.stats is not None and report.stats.words == 4


def test_a_page_over_the_size_limit_is_refused_with_a_clear_error(tmp_path: Path) -> None:
    page = b"<p>" + b"word " * (50 * 1024 * 1024 // 5)  # 50 MB
    report = lint(page)
    assert report.error is not None and report.error.startswith("file too large")
    assert report.findings == () and report.to_dict()["stats"] is None
    assert lint(page.decode(), path="big.html").error is not None
    path = tmp_path / "big.html"
    path.write_bytes(page)
    assert "file too large" in (lint_file(path).error or "")


def test_the_size_limit_is_an_option() -> None:
    html = "<p>" + "word " * 100 + "</p>"
    assert lint(html, max_bytes=100).error == f"file too large: 507 bytes, over the limit of 100 bytes ({HINT})"
    assert lint(html, max_bytes=1000).error is None
    assert lint(html.encode(), max_bytes=None).error is None
    assert MAX_BYTES == 20 * 1024 * 1024


def test_the_size_limit_counts_utf8_bytes_of_text() -> None:
    assert lint("<p>" + "é" * 60, max_bytes=100).error is not None  # 123 bytes
    assert lint("<p>" + "e" * 60, max_bytes=100).error is None


def test_a_file_of_unknown_size_is_read_only_up_to_the_limit() -> None:
    if not Path("/dev/zero").exists():
        pytest.skip("no /dev/zero")
    report = lint_file("/dev/zero", max_bytes=1_000_000)
    assert report.error == f"file too large: over the limit of 1,000,000 bytes ({HINT})"


def limit_memory() -> None:
    """Run in the child before it starts: reading without bound fails within
    1 GiB of address space instead of filling the machine."""
    import resource

    resource.setrlimit(resource.RLIMIT_AS, (1 << 30, 1 << 30))


@pytest.mark.skipif(not Path("/dev/zero").exists(), reason="no /dev/zero")
def test_standard_input_is_read_only_up_to_the_size_limit(tmp_path: Path) -> None:
    config = tmp_path / ".lint-article.toml"
    config.write_text("max-file-size = 1000\n")
    command = [sys.executable, "-m", "lint_article", "check", "--config", str(config), "-"]
    with open("/dev/zero", "rb") as endless:
        result = subprocess.run(
            command, stdin=endless, capture_output=True, text=True, preexec_fn=limit_memory, timeout=60, check=False
        )
    assert "Traceback" not in result.stderr
    assert result.returncode == 2
    assert f"-: error: file too large: over the limit of 1,000 bytes ({HINT})" in result.stdout


@pytest.mark.skipif(not Path("/dev/zero").exists(), reason="no /dev/zero")
def test_a_baseline_is_read_only_up_to_its_size_limit(tmp_path: Path) -> None:
    (tmp_path / "a.html").write_text("<h1>A</h1>")
    (tmp_path / "deep.json").write_text("[" * 100_000)
    for baseline in ("/dev/zero", str(tmp_path / "deep.json")):
        command = [sys.executable, "-m", "lint_article", "check", "--baseline", baseline, str(tmp_path / "a.html")]
        result = subprocess.run(
            command, capture_output=True, text=True, preexec_fn=limit_memory, timeout=60, check=False
        )
        assert "Traceback" not in result.stderr
        assert result.returncode == 2
        assert f"error: cannot read baseline '{baseline}'" in result.stderr


@pytest.mark.slow
def test_a_single_five_megabyte_line() -> None:
    html = "<p>" + SENTENCE * (5 * 1024 * 1024 // len(SENTENCE)) + "</p>"
    report = lint(html)
    assert report.error is None and not report.internal_errors
    check_positions(report, html)
    check_json(report)
    assert report.stats is not None and report.stats.words == 14 * (5 * 1024 * 1024 // len(SENTENCE))
    assert all(f.line == 1 for f in report.findings)


@pytest.mark.slow
def test_a_hundred_thousand_headings() -> None:
    html = "<h1>Title</h1>\n" + "".join(f"<h2>Part {i}</h2>\n<p>Text {i}.</p>\n" for i in range(100_000))
    report = lint(html)
    assert report.error is None and not report.internal_errors
    assert report.stats is not None and report.stats.headings == 100_001
    last = Article.from_html(html).headings[-1]
    assert last.text == "Part 99999"


@pytest.mark.slow
def test_a_million_word_article() -> None:
    paragraph = "<p>" + SENTENCE * 10 + "</p>\n"
    html = "<article><h1>Long</h1>\n" + paragraph * (1_000_000 // 140) + "</article>"
    report = lint(html)
    assert report.error is None and not report.internal_errors
    assert report.stats is not None and report.stats.words == 140 * (1_000_000 // 140)


# -- broken and unusual markup -----------------------------------------------------


def test_unclosed_tags_keep_their_text() -> None:
    html = "<h1>Title<p>First <b>bold <i>both<div>block <span>inline <ul><li>item<li>other"
    lint_and_check(html)
    assert words(html) == ["Title", "First", "bold", "both", "block", "inline", "item", "other"]


def test_svg_and_mathml_islands_are_read_in_place() -> None:
    html = (
        "<p>Before <svg viewBox='0 0 10 10'><title>tooltip</title><text x=1>drawn</text>"
        "<foreignObject><div>embedded</div></foreignObject></svg> middle "
        "<math><mi>x</mi><mo>=</mo><mn>2</mn></math> after.</p>"
    )
    lint_and_check(html)
    # An SVG <title> is a tooltip, not text on the page.
    assert words(html) == ["Before", "drawn", "embedded", "middle", "x", "2", "after"]


def test_a_frameset_page_has_no_text_but_lints() -> None:
    html = (
        "<!DOCTYPE html><html><head><title>Frames</title></head>"
        "<frameset cols='50%,50%'><frame src='a.html'><frame src='b.html'></frameset>"
        "<noframes><p>Your browser does not show frames.</p></noframes></html>"
    )
    report = lint_and_check(html)
    assert report.stats is not None and report.stats.words == 0


def test_text_after_the_end_of_the_document_is_read_as_a_browser_reads_it() -> None:
    html = "<html><body><p>Inside.</p></body></html>\n<p>After the end.</p>"
    lint_and_check(html)
    assert words(html) == ["Inside", "After", "the", "end"]


def test_text_strayed_into_a_table_is_read_before_the_table() -> None:
    html = "<table><tr><td>cell</td></tr>stray<tr><td>other</td></tr></table>"
    article = Article.from_html(html)
    assert [w.text for w in article.page.words] == ["stray", "cell", "other"]
    stray = article.page.words[0]
    assert article.position(article.source_offset(stray.start)) == (1, 30)


# -- a batch with one bad file ------------------------------------------------------


def test_one_bad_file_in_a_batch_is_an_error_and_the_others_are_linted(tmp_path: Path) -> None:
    (tmp_path / "a-good.html").write_text("<body><h1>Title</h1>\n<h1>Second</h1>")
    (tmp_path / "b-huge.html").write_bytes(b"<p>" + b"x" * (MAX_BYTES + 10))
    (tmp_path / "c-binary.html").write_bytes(bytes(range(256)) * 64)
    (tmp_path / "d-dangling.html").symlink_to(tmp_path / "nowhere.html")
    (tmp_path / "e-good.html").write_text("<body><h1>One</h1>\n<h1>Two</h1>")
    command = [sys.executable, "-m", "lint_article", "check", "--format", "json", "--select", "single-h1"]
    result = subprocess.run([*command, str(tmp_path)], capture_output=True, text=True, cwd=ROOT, check=False)
    assert result.returncode == 2, result.stdout + result.stderr
    assert "Traceback" not in result.stderr
    files = {Path(f["path"]).name: f for f in json.loads(result.stdout)["files"]}
    assert "file too large" in files["b-huge.html"]["error"]
    assert files["d-dangling.html"]["error"] == "no such file"
    assert files["c-binary.html"]["error"] == "not HTML: binary data"
    for name in ("a-good.html", "e-good.html"):
        assert files[name]["error"] is None
        assert [(f["rule"], f["line"]) for f in files[name]["findings"]] == [("single-h1", 2)]


def test_an_element_with_more_attributes_than_the_limit_is_refused_before_the_parser_sees_it() -> None:
    def element(count: int) -> str:
        return "<h1>Title</h1>\n<p " + " ".join(f'a{i}="v w"' for i in range(count)) + ">text</p>"

    assert lint(element(MAX_ATTRIBUTES)).error is None
    report = lint(element(MAX_ATTRIBUTES + 1))
    assert report.error == (
        "an element with 1,001 attributes at line 2, column 1: more than the 1,000 an element may have"
    )
    assert report.findings == () and report.stats == Stats(0, 0, 0, 0, 0.0, None, None)
    with pytest.raises(ArticleError):
        Article.from_html(element(MAX_ATTRIBUTES + 1))


def run_check(*args: str, cwd: Path, **options: object) -> subprocess.CompletedProcess[str]:
    command = [sys.executable, "-m", "lint_article", "check", "--select", "single-h1", *args]
    return subprocess.run(command, capture_output=True, text=True, cwd=cwd, timeout=60, check=False, **options)


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="no named pipes")
def test_a_named_pipe_never_holds_up_the_run(tmp_path: Path) -> None:
    (tmp_path / "a.html").write_text("<body><h1>A</h1><h1>B</h1>")
    os.mkfifo(tmp_path / "nobody.html")
    os.mkfifo(tmp_path / "silent.html")
    silent_writer = os.open(tmp_path / "silent.html", os.O_RDWR | os.O_NONBLOCK)  # holds it open, writes nothing
    try:
        started = time.monotonic()
        result = run_check("--timeout", "1", "nobody.html", "silent.html", "a.html", cwd=tmp_path)
        assert time.monotonic() - started < 30
    finally:
        os.close(silent_writer)
    assert result.returncode == 2 and "Traceback" not in result.stderr
    assert finding_lines(result.stdout) == [
        "nobody.html: error: a named pipe that nothing was written to",
        "silent.html: error: reading took longer than the limit of 1 s",
        "a.html:1:17: error single-h1 extra <h1>; the first <h1> is on line 1",
        "Found 1 finding (1 error) in 3 files; 2 files could not be linted.",
    ]


@pytest.mark.skipif(not Path("/dev/fd").is_dir(), reason="no /dev/fd")
def test_a_pipe_from_a_process_substitution_is_read(tmp_path: Path) -> None:
    read_end, write_end = os.pipe()
    os.write(write_end, b"<body><h1>A</h1><h1>B</h1>")
    os.close(write_end)
    try:
        result = run_check(f"/dev/fd/{read_end}", cwd=tmp_path, pass_fds=(read_end,))
    finally:
        os.close(read_end)
    assert result.returncode == 1, result.stdout + result.stderr
    assert f"/dev/fd/{read_end}:1:17: error single-h1 extra <h1>" in result.stdout


@pytest.mark.parametrize(
    ("name", "text", "message"),
    [
        (".lint-article.toml", "x = " + "[" * 500 + "]" * 500, "invalid TOML: arrays or tables nested too deeply"),
        (
            "pyproject.toml",
            "[tool.lint-article]\nrules = " + "{a = " * 2000 + "1" + "}" * 2000,
            "invalid TOML: arrays or tables nested too deeply",
        ),
        (
            ".lint-article.toml",
            "max-file-size = 99999999999999999999",
            "max-file-size: expected a number of bytes from 1 to 4,294,967,296 (4 GiB), got 99999999999999999999",
        ),
    ],
)
def test_a_hostile_configuration_file_is_a_configuration_error(
    tmp_path: Path, name: str, text: str, message: str
) -> None:
    (tmp_path / name).write_text(text + "\n")
    (tmp_path / "a.html").write_text("<h1>A</h1>")
    result = run_check("a.html", cwd=tmp_path)
    assert "Traceback" not in result.stderr
    assert result.returncode == 2
    assert f"error: {tmp_path / name}" in result.stderr and message in result.stderr
    assert result.stdout == ""


# -- file names ------------------------------------------------------------------


def check(*args: str, cwd: Path, timeout: float = 60) -> subprocess.CompletedProcess[bytes]:
    """A run whose standard streams are strict UTF-8, as under an ``en_US.UTF-8``
    locale, so that output that UTF-8 cannot carry fails as it would there."""
    env = {**os.environ, "PYTHONIOENCODING": "utf-8:strict", "NO_COLOR": "1"}
    command = [sys.executable, "-m", "lint_article", "check", "--select", "single-h1", *args]
    return subprocess.run(command, capture_output=True, cwd=cwd, env=env, timeout=timeout, check=False)


@pytest.fixture
def odd_names(tmp_path: Path) -> Path:
    """A folder of articles named with a byte that is not UTF-8 and with a newline."""
    folder = tmp_path / "d"
    folder.mkdir()
    for name in (b"bad\xffname.html", b"new\nline.html"):
        (folder / os.fsdecode(name)).write_text("<body><h1>A</h1><h1>B</h1>")
    return tmp_path


@pytest.mark.parametrize("output_format", ["text", "json", "sarif", "github", "gitlab", "junit"])
def test_a_file_name_that_is_not_utf8_survives_every_format(odd_names: Path, output_format: str) -> None:
    result = check("--format", output_format, "d", cwd=odd_names)
    assert b"Traceback" not in result.stderr, result.stderr.decode(errors="replace")
    assert result.returncode == 1
    result.stdout.decode("utf-8")  # the output is UTF-8 throughout


def test_text_output_escapes_a_newline_and_a_byte_that_is_not_utf8_in_a_path(odd_names: Path) -> None:
    result = check("d", cwd=odd_names)
    lines = finding_lines(result.stdout.decode("utf-8"))
    assert lines[:2] == [
        "d/bad\\xffname.html:1:17: error single-h1 extra <h1>; the first <h1> is on line 1",
        "d/new\\nline.html:1:17: error single-h1 extra <h1>; the first <h1> is on line 1",
    ]


@pytest.mark.parametrize("output_format", ["text", "json"])
def test_a_report_file_holds_a_file_name_that_is_not_utf8(odd_names: Path, output_format: str) -> None:
    result = check("--format", output_format, "-o", "out", "d", cwd=odd_names)
    assert b"Traceback" not in result.stderr, result.stderr.decode(errors="replace")
    assert result.returncode == 1
    text = (odd_names / "out").read_text(encoding="utf-8")
    if output_format == "json":  # the name itself survives, byte for byte
        paths = [os.fsencode(f["path"]) for f in json.loads(text)["files"]]
        assert paths == [b"d/bad\xffname.html", b"d/new\nline.html"]


def test_a_baseline_records_a_file_name_that_is_not_utf8_and_matches_it_again(odd_names: Path) -> None:
    written = check("--write-baseline", "base.json", "d", cwd=odd_names)
    assert b"Traceback" not in written.stderr, written.stderr.decode(errors="replace")
    assert written.returncode == 0
    again = check("--baseline", "base.json", "d", cwd=odd_names)
    assert again.returncode == 0, again.stdout + again.stderr
    assert b"2 findings recorded in the baseline" in again.stderr


def _bs4_decoding(data: bytes) -> tuple[str, str]:
    """What decode_html gives when every declaration goes through bs4's EncodingDetector."""
    from bs4.dammit import EncodingDetector

    from lint_article.document.decoding import _codec_name, _decode, _late_declaration

    body, bom = EncodingDetector.strip_byte_order_mark(data)
    if bom:
        decoded = _decode(body, codecs.lookup(bom).name)
        return decoded.text, decoded.encoding
    declared = EncodingDetector.find_declared_encoding(data[:1024], is_html=True)
    codec = _codec_name(declared) if declared else None
    if codec:
        decoded = _decode(data, codec)
        if not decoded.replaced_bytes or codec == "utf-8" or not _valid_utf8(data):
            return decoded.text, decoded.encoding
    try:
        return data.decode("utf-8"), "utf-8"
    except UnicodeDecodeError:
        decoded = _decode(data, _late_declaration(data) or "cp1252")
        return decoded.text, decoded.encoding


def _valid_utf8(data: bytes) -> bool:
    try:
        data.decode("utf-8")
    except UnicodeDecodeError:
        return False
    return True


@pytest.mark.parametrize(
    ("data", "encoding", "text"),
    [
        # Re-encoded as UTF-8 when saved, the GB2312 declaration left behind (Readability's "qq" page).
        ('<meta charset="gb2312"><p>谷歌在2014年收购</p>'.encode(), "utf-8", "谷歌在2014年收购"),
        # The same text really in GB2312: the declaration holds.
        ('<meta charset="gb2312"><p>谷歌在2014年收购</p>'.encode("gb2312"), "gb2312", "谷歌在2014年收购"),
        # A declaration that decodes everything (windows-1252 does) is a browser's reading, garbled or not.
        ('<meta charset="windows-1252"><p>café</p>'.encode(), "cp1252", "cafÃ©"),
        # Neither decodes cleanly: the declaration, with replacement characters, as a browser shows it.
        (b'<meta charset="gb2312"><p>\xff\xfe\xa6</p>', "gb2312", "\ufffd"),
    ],
)
def test_a_declared_encoding_that_cannot_decode_valid_utf8_is_stale(data: bytes, encoding: str, text: str) -> None:
    decoded = decode_html(data)
    assert decoded.encoding == encoding
    assert text in decoded.text


@pytest.mark.parametrize(
    "data",
    [
        b'<meta charset="utf-8"><p>caf\xc3\xa9</p>',
        b"<META CHARSET=UTF-8><p>caf\xc3\xa9</p>",
        b'<meta charset="utf-8"><meta charset="iso-8859-1"><p>caf\xe9</p>',
        b'<?xml version="1.0" encoding="iso-8859-1"?><meta charset="utf-8"><p>caf\xe9</p>',
        b'<meta charset="utf-8"><p>broken \xff byte</p>',
        b'<meta http-equiv="Content-Type" content="text/html; charset=utf-8"><p>x</p>',
        b'<meta charset="utf-8-sig"><p>x</p>',
        b'\xef\xbb\xbf<meta charset="utf-8"><p>x</p>',
    ],
)
def test_the_plain_utf8_shortcut_decodes_as_bs4_would(data: bytes) -> None:
    decoded = decode_html(data)
    assert (decoded.text, decoded.encoding) == _bs4_decoding(data)


def test_every_corpus_and_fixture_file_decodes_as_bs4_would() -> None:
    paths = [*corpus_files("articles"), *corpus_files("pages"), *sorted(FIXTURES.rglob("*.html"))]
    for path in paths:
        data = path.read_bytes()
        decoded = decode_html(data)
        assert (decoded.text, decoded.encoding) == _bs4_decoding(data), path
