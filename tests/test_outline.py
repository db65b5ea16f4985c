"""``lint-article outline``: the article as the linter sees it, and its JSON contract."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

from lint_article import Article
from lint_article.outline import outline_of

from .conftest import FIXTURES, ROOT

PAGE = """\
<html lang="en"><head><title>Floods - Daily</title></head><body>
<nav><ul><li><a href="/">Home</a></li><li><a href="/world">World</a></li></ul></nav>
<main><article>
<header><h1>Floods in the delta</h1></header>
<p>The river rose overnight and the villages emptied.</p>
<h2>Rescue</h2>
<p>Boats came at dawn.</p>
</article></main>
<footer><h6>About</h6><p>Contact us</p></footer>
</body></html>
"""


def outline_json(*args: str, stdin: str | None = None) -> dict:
    result = subprocess.run(
        [sys.executable, "-m", "lint_article", "outline", "--format", "json", *args],
        input=stdin,
        capture_output=True,
        text=True,
        cwd=ROOT,
        check=False,
    )
    assert "Traceback" not in result.stderr
    return {"returncode": result.returncode, **json.loads(result.stdout)}


def test_the_json_contract_of_a_page(tmp_path: Path) -> None:
    page = tmp_path / "floods.html"
    page.write_text(PAGE, encoding="utf-8")
    result = outline_json(str(page))
    assert result["returncode"] == 0 and result["version"] == 1
    (entry,) = result["files"]
    assert entry["path"] == str(page) and entry["error"] is None
    assert entry["shape"] == "page" and entry["scripts"] is True
    assert entry["language"] == {"code": "en", "source": "html"}
    assert entry["headline"] == {
        "text": "Floods in the delta", "selector": "main > article > header > h1", "line": 4, "column": 9,
    }  # fmt: skip
    article = entry["article"]
    assert (article["selector"], article["line"], article["column"]) == ("main > article", 3, 7)
    assert (article["end_line"], article["end_column"]) == (7, 23)
    # The body is the story: not the menu, not the footer, not the headline.
    assert article["text"] == "The river rose overnight and the villages emptied.\nRescue\nBoats came at dawn."
    assert article["words"] == 13
    assert [(h["level"], h["text"], h["line"], h["words"]) for h in entry["headings"]] == [
        (1, "Floods in the delta", 4, 8),
        (2, "Rescue", 6, 4),
    ]
    assert entry["stats"]["words"] == 13


def test_a_fragment_and_a_language_recognised_from_its_text() -> None:
    fragment = "<p>Le café de la gare rouvre ses portes après deux ans de travaux, et les habitués sont là.</p>"
    (entry,) = outline_json("-", stdin=fragment)["files"]
    assert entry["path"] == "-" and entry["shape"] == "fragment"
    assert entry["language"] == {"code": "fr", "source": "text"}
    assert entry["headline"] is None


def test_a_configured_language_wins_over_the_text_but_not_over_html_lang(tmp_path: Path) -> None:
    (tmp_path / "a.html").write_text("<p>Le café de la gare rouvre ses portes après deux ans.</p>", encoding="utf-8")
    (tmp_path / "b.html").write_text('<html lang="de"><body><p>Le café de la gare.</p>', encoding="utf-8")
    files = outline_json("--language", "es", str(tmp_path))["files"]
    assert [f["language"] for f in files] == [{"code": "es", "source": "config"}, {"code": "de", "source": "html"}]


def test_an_unreadable_file_is_an_error_entry_and_the_others_are_outlined(tmp_path: Path) -> None:
    result = outline_json(str(tmp_path / "missing.html"), str(FIXTURES / "cms-fragment.html"))
    assert result["returncode"] == 2
    missing, fragment = result["files"]
    assert missing == {"path": str(tmp_path / "missing.html"), "error": "no such file"}
    assert fragment["error"] is None and fragment["article"]["words"] == 27


def test_the_text_form_names_the_region_and_the_outline() -> None:
    result = subprocess.run(
        [sys.executable, "-m", "lint_article", "outline", "-"], input=PAGE, capture_output=True, text=True, check=False
    )
    lines = result.stdout.splitlines()
    assert lines[:5] == [
        "-",
        "  shape     a full page",
        "  language  en (from <html lang>)",
        "  headline  “Floods in the delta” (line 4, main > article > header > h1)",
        "  article   main > article, lines 3–7, 13 words",
    ]
    assert "    h1 Floods in the delta  (line 4, 8 words)" in lines
    assert "      h2 Rescue  (line 6, 4 words)" in lines


def test_a_page_read_without_scripts_says_so() -> None:
    # A Discourse topic writes its posts in <noscript> alone: read so, and told.
    post = "The resolver reads every file in the directory in turn before it answers. " * 30
    page = f'<html lang="en"><body><div id="app"></div><noscript><h1>A topic</h1><p>{post}</p></noscript></body></html>'
    result = subprocess.run(
        [sys.executable, "-m", "lint_article", "outline", "-"], input=page, capture_output=True, text=True, check=False
    )
    assert result.stdout.splitlines()[1] == (
        "  shape     a full page, read without scripts (it shows its content in <noscript> only)"
    )
    (entry,) = outline_json("-", stdin=page)["files"]
    assert entry["scripts"] is False and entry["article"]["words"] == 13 * 30


def test_the_text_form_says_what_the_story_sets_apart_from_the_body() -> None:
    """A deck in the header and a picture's caption are the story's, not the
    body's prose: the outline says how many words they hold, so that a writer
    sees why the body's count leaves them out."""
    page = PAGE.replace(
        "<header><h1>Floods in the delta</h1></header>",
        "<header><h1>Floods in the delta</h1><p>Thousands left their homes as the water rose.</p></header>",
    ).replace(
        "<p>Boats came at dawn.</p>",
        '<p>Boats came at dawn.</p><figure><img src="a.jpg" alt="Boats">'
        "<figcaption>Boats at dawn.</figcaption></figure>",
    )
    outline = outline_of(Article.from_html(page))
    # The deck (8 words) and the caption (3); the headline has a line of its own.
    assert (outline.words, outline.set_apart) == (13, 8 + 3)
    assert "Thousands" not in outline.text and "Boats at dawn." not in outline.text
    result = subprocess.run(
        [sys.executable, "-m", "lint_article", "outline", "-"], input=page, capture_output=True, text=True, check=False
    )
    assert "  set apart 11 words of captions, the header and boxes: not the body's prose" in result.stdout.splitlines()
    assert (
        "set apart"
        not in subprocess.run(
            [sys.executable, "-m", "lint_article", "outline", "-"],
            input=PAGE,
            capture_output=True,
            text=True,
            check=False,
        ).stdout
    )


def test_the_library_gives_the_same_outline() -> None:
    outline = outline_of(Article.from_html(PAGE), "floods.html")
    assert outline.to_dict()["article"]["words"] == 13
    assert outline.headline is not None and outline.headline[0] == "Floods in the delta"
