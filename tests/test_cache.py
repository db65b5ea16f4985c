"""The result cache: the same reports as a fresh run, in every format; keyed so that
exactly the right entries go stale; safe when damaged or shared."""

from __future__ import annotations

import hashlib
import json
import os
import shutil
import subprocess
import sys
import time
from pathlib import Path

import pytest

import lint_article
from lint_article import Registry, lint_many
from lint_article.cache import SETTLED_NS, ResultCache, _source_stamp, linter_key
from lint_article.config import Config
from lint_article.config_files import Settings
from lint_article.formatters import FORMATTERS
from lint_article.registry import RegisteredRule, load_registry
from lint_article.rules.single_h1 import SingleH1

from .conftest import FIXTURES, corpus_files, finding_lines

TWO_H1 = "<html><body><h1>a</h1>\n<h1>b</h1></body></html>"  # a page: one <h1> expected


def run_cli(*args: str, cwd: Path | None = None) -> subprocess.CompletedProcess[bytes]:
    return subprocess.run(
        [sys.executable, "-m", "lint_article", *args],
        capture_output=True,
        cwd=cwd,
        env={**os.environ, "NO_COLOR": "1"},
        check=False,
    )


def entries(cache: Path) -> dict[str, bytes]:
    return {str(path.relative_to(cache)): path.read_bytes() for path in cache.glob("results-*/*/*")}


def payload(path: Path) -> object:
    return json.loads(path.read_bytes().partition(b"\n")[2])


def rewrite_entry(path: Path, data: object) -> None:
    """Give an entry other content, with a checksum that holds, as a run would have written it."""
    text = json.dumps(data).encode()
    path.write_bytes(hashlib.sha256(text).hexdigest().encode() + b"\n" + text)


@pytest.fixture
def articles(tmp_path: Path) -> Path:
    folder = tmp_path / "articles"
    folder.mkdir()
    for page in [*sorted(FIXTURES.glob("*.html")), *corpus_files("pages")[:4]]:
        shutil.copy(page, folder / page.name)
    return folder


@pytest.mark.slow
def test_a_cached_run_prints_what_a_fresh_run_prints(articles: Path, tmp_path: Path) -> None:
    cache = tmp_path / "cache"

    def outcome(result: subprocess.CompletedProcess[bytes]) -> tuple[int, bytes, bytes]:
        return result.returncode, result.stdout, result.stderr

    first = run_cli("check", "--cache-dir", str(cache), "articles", cwd=tmp_path)
    assert outcome(first) == outcome(run_cli("check", "--no-cache", "articles", cwd=tmp_path))
    kept = entries(cache)
    assert len(kept) == len(list(articles.iterdir()))
    # The format is not part of an entry: every format is printed from the entries the first run kept.
    for output_format in sorted(FORMATTERS):
        fresh = run_cli("check", "--no-cache", "--format", output_format, "articles", cwd=tmp_path)
        cached = run_cli("check", "--cache-dir", str(cache), "--format", output_format, "articles", cwd=tmp_path)
        assert outcome(cached) == outcome(fresh), output_format
    assert entries(cache) == kept  # read, not written again


def test_the_cache_is_what_a_second_run_reads_and_paths_come_from_the_run(tmp_path: Path) -> None:
    cache = tmp_path / "cache"
    (tmp_path / "a.html").write_text(TWO_H1)
    run_cli("check", "--select", "single-h1", "--cache-dir", str(cache), "a.html", cwd=tmp_path)
    [entry] = (cache / name for name in entries(cache))
    strings, findings, stats = payload(entry)  # type: ignore[misc]
    findings[0][2] = "from the cache"  # rule, severity, message, ...
    rewrite_entry(entry, [strings, findings, stats])
    # The same article under another name: the entry is keyed by content, the path is this run's.
    shutil.copy(tmp_path / "a.html", tmp_path / "copy.html")
    result = run_cli("check", "--select", "single-h1", "--cache-dir", str(cache), "copy.html", "a.html", cwd=tmp_path)
    assert finding_lines(result.stdout.decode())[:2] == [
        "copy.html:2:1: error single-h1 from the cache",
        "a.html:2:1: error single-h1 from the cache",
    ]
    # A changed article is linted again.
    (tmp_path / "a.html").write_text(TWO_H1 + " ")
    result = run_cli("check", "--select", "single-h1", "--cache-dir", str(cache), "a.html", cwd=tmp_path)
    assert (
        result.stdout.decode().splitlines()[0] == "a.html:2:1: error single-h1 extra <h1>; the first <h1> is on line 1"
    )


@pytest.mark.parametrize("damage", ["truncated", "garbage", "empty", "other shape"])
def test_a_damaged_entry_is_ignored_and_written_anew(tmp_path: Path, damage: str) -> None:
    cache = ResultCache(tmp_path / "cache")
    items = [("a.html", TWO_H1), ("b.html", "<h1>one</h1>")]
    fresh = [r.to_dict() for r in lint_many(items, jobs=1)]
    assert [r.to_dict() for r in lint_many(items, jobs=1, cache_dir=cache)] == fresh
    good = entries(cache.directory)
    path = cache.directory / sorted(good)[0]
    if damage == "truncated":
        path.write_bytes(good[sorted(good)[0]][:-7])
    elif damage == "garbage":
        path.write_bytes(os.urandom(300))
    elif damage == "empty":
        path.write_bytes(b"")
    else:
        rewrite_entry(path, [[["x"]], None])
    assert [r.to_dict() for r in lint_many(items, jobs=1, cache_dir=cache)] == fresh
    assert entries(cache.directory) == good


def test_a_changed_rule_option_invalidates_exactly_the_files_it_runs_on(tmp_path: Path) -> None:
    (tmp_path / "archive").mkdir()
    (tmp_path / "news").mkdir()
    for number in range(3):
        for folder in ("archive", "news"):
            (tmp_path / folder / f"{number}.html").write_text(f"<h1>{folder} {number}</h1><p>Some words here.</p>")
    files = sorted(tmp_path.glob("*/*.html"))
    config = tmp_path / ".lint-article.toml"
    settings = '[per-file-ignores]\n"archive/*" = ["word-count"]\n[rules.word-count]\nmin = {}\n'
    cache = tmp_path / "cache"

    def run(minimum: int, **changes: str) -> set[str]:
        config.write_text(settings.format(minimum) + "".join(f"{k} = {v}\n" for k, v in changes.items()))
        before = set(entries(cache))
        list(lint_many(files, config=Settings(), jobs=1, cache_dir=cache))
        return set(entries(cache)) - before

    assert len(run(300)) == 6
    assert len(run(400)) == 3  # the news files; word-count does not run on the archive
    assert run(400) == set()
    # Settings that do not change a report leave every entry valid.
    config.write_text(settings.format(400) + 'fail-on = "warning"\nexclude = ["drafts/*"]\n')
    list(lint_many(files, config=Settings(), jobs=1, cache_dir=cache))
    assert run(400) == set()


def linter_for(config: dict[str, object], registry: Registry | None = None) -> str:
    from lint_article.api import make_linter

    registry = registry or load_registry()
    return linter_key(make_linter(Config.from_mapping(config), registry), registry)


def test_the_linter_key_follows_options_severity_language_rules_and_their_origin() -> None:
    base = linter_for({})
    changed = [
        linter_for({"rules": {"word-count": {"min": 301}}}),
        linter_for({"rules": {"word-count": {"severity": "error"}}}),
        linter_for({"language": "fr"}),
        linter_for({"profile": "fragment"}),
        linter_for({"profile": "page"}),
        linter_for({"scope": "page"}),
        linter_for({"ignore": ["word-count"]}),
        linter_for({"report-unused-disables": True}),
    ]
    assert len({base, *changed}) == len(changed) + 1
    assert linter_for({}) == base
    assert linter_for({"fail-on": "info", "max-file-size": 10, "exclude": ["x/*"]}) == base
    # The same rule class from another distribution (a plugin) is another linter.
    built_in = load_registry()
    plugin = Registry({**built_in.rules, "single-h1": RegisteredRule(SingleH1, "pytest")})
    assert linter_for({}, plugin) != base


def test_an_edit_to_lint_articles_own_files_invalidates_everything() -> None:
    marker = Path(lint_article.__file__).parent / "py.typed"
    before = marker.stat()
    base = linter_for({})
    try:
        os.utime(marker, ns=(before.st_atime_ns, before.st_mtime_ns + 1_000_000_000))
        _source_stamp.cache_clear()
        assert linter_for({}) != base
    finally:
        os.utime(marker, ns=(before.st_atime_ns, before.st_mtime_ns))
        _source_stamp.cache_clear()
    assert linter_for({}) == base


def test_reports_that_say_the_run_went_wrong_are_not_kept(tmp_path: Path) -> None:
    class Crashes(SingleH1):
        """Crashes on every article."""

        def check(self, article, ctx):  # type: ignore[no-untyped-def]
            raise RuntimeError("boom")

    cache = tmp_path / "cache"
    registry = Registry.of([Crashes])
    items = [("a.html", TWO_H1), str(tmp_path / "missing.html")]
    reports = list(lint_many(items, registry=registry, jobs=1, cache_dir=cache))
    assert reports[0].internal_errors and reports[1].error == "no such file"
    assert entries(cache) == {}


def test_the_cache_folder_tells_git_and_backups_to_pass_it_by(tmp_path: Path) -> None:
    list(lint_many([("a.html", TWO_H1)], jobs=1, cache_dir=tmp_path / "cache"))
    assert (tmp_path / "cache" / ".gitignore").read_text().splitlines()[-1] == "*"
    assert (tmp_path / "cache" / "CACHEDIR.TAG").read_text().startswith("Signature: 8a477f597d28d172789f06886806bc55")


@pytest.mark.slow
def test_two_runs_sharing_a_cache_at_once_leave_only_whole_entries(tmp_path: Path) -> None:
    pages = corpus_files("pages")[:24] or sorted(FIXTURES.glob("*.html"))
    cache = tmp_path / "cache"
    fresh = run_cli("check", "--no-cache", "--format", "json", *map(str, pages)).stdout
    command = [sys.executable, "-m", "lint_article", "check", "--cache-dir", str(cache), "--jobs", "1"]
    runs = [
        subprocess.Popen([*command, "--format", "json", *map(str, order)], stdout=subprocess.PIPE)
        for order in (pages, pages[::-1])
    ]
    outputs = [json.loads(run.communicate(timeout=300)[0]) for run in runs]
    expected = json.loads(fresh)
    assert outputs[0] == expected
    assert outputs[1]["files"] == expected["files"][::-1]
    kept = entries(cache)
    assert len(kept) == len(set(map(Path.read_bytes, pages)))
    for data in kept.values():
        checksum, _, payload = data.partition(b"\n")
        assert hashlib.sha256(payload).hexdigest().encode() == checksum
    assert not list(cache.rglob(".tmp-*"))
    assert json.loads(run_cli("check", "--cache-dir", str(cache), "--format", "json", *map(str, pages)).stdout) == (
        expected
    )


def test_without_a_usable_cache_the_run_goes_on_and_says_so(tmp_path: Path) -> None:
    (tmp_path / "not-a-folder").write_text("")
    (tmp_path / "a.html").write_text(TWO_H1)
    result = run_cli("check", "--cache-dir", "not-a-folder/cache", "a.html", cwd=tmp_path)
    assert result.returncode == 1
    assert "a.html:2:1: error single-h1 extra <h1>" in result.stdout.decode()
    assert result.stderr.decode().startswith("warning: cannot write to the cache not-a-folder/cache: ")


def test_the_environment_names_the_default_folder_and_clean_removes_it(tmp_path: Path) -> None:
    (tmp_path / "a.html").write_text(TWO_H1)
    cache = Path(os.environ["LINT_ARTICLE_CACHE_DIR"])
    run_cli("check", "a.html", cwd=tmp_path)
    assert entries(cache)
    assert run_cli("check", "--no-cache", "a.html", cwd=tmp_path).returncode == 1
    result = run_cli("clean", cwd=tmp_path)
    assert (result.returncode, result.stdout.decode()) == (0, f"Removed {cache}.\n")
    assert not cache.exists()
    assert run_cli("clean", cwd=tmp_path).stdout.decode() == f"No cache at {cache}.\n"


def test_clean_leaves_a_folder_that_is_not_a_cache_alone(tmp_path: Path) -> None:
    (tmp_path / "precious").mkdir()
    (tmp_path / "precious" / "notes.txt").write_text("keep me")
    result = run_cli("clean", "--cache-dir", "precious", cwd=tmp_path)
    assert result.returncode == 2
    assert "precious is not a lint-article cache" in result.stderr.decode()
    assert (tmp_path / "precious" / "notes.txt").read_text() == "keep me"


def stamps(cache: Path) -> dict[str, list]:
    return {str(path.relative_to(cache)): payload(path) for path in cache.glob("files-*/*/*")}  # type: ignore[misc]


def test_a_settled_file_is_known_by_its_stamp_without_being_read(tmp_path: Path) -> None:
    cache = tmp_path / "cache"
    first, second = FIXTURES / "sahel-article.html", FIXTURES / "good-article.html"  # written well before the tests
    expected = [r.to_dict() for r in lint_many([first, second], jobs=1)]
    assert [r.to_dict() for r in lint_many([first, second], jobs=1, cache_dir=cache)] == expected
    known = stamps(cache)
    assert len(known) == 2
    # Swap what the stamps say: the files are not read, so each gets the other's report.
    (a, a_stamp), (b, b_stamp) = known.items()
    rewrite_entry(cache / a, [*a_stamp[:-1], b_stamp[-1]])
    rewrite_entry(cache / b, [*b_stamp[:-1], a_stamp[-1]])
    swapped = [r.to_dict() for r in lint_many([first, second], jobs=1, cache_dir=cache)]
    assert [(r["path"], r["findings"]) for r in swapped] == [
        (str(first), expected[1]["findings"]),
        (str(second), expected[0]["findings"]),
    ]


@pytest.mark.slow
def test_an_edit_that_keeps_the_size_and_the_modification_time_is_seen(tmp_path: Path) -> None:
    cache, article = tmp_path / "cache", tmp_path / "a.html"
    article.write_text("<html><body><h1>One</h1><h1>Two</h1></body></html>")
    assert [
        len(r.findings) for r in lint_many([article], jobs=1, cache_dir=cache, config={"select": ["single-h1"]})
    ] == [1]
    assert stamps(cache) == {}  # written just now: its times cannot be trusted yet
    time.sleep(SETTLED_NS / 1e9 + 0.2)
    list(lint_many([article], jobs=1, cache_dir=cache, config={"select": ["single-h1"]}))
    assert len(stamps(cache)) == 1
    before = article.stat()
    article.write_text("<html><body><h1>One</h1><h2>Two</h2></body></html>")  # the same size
    os.utime(article, ns=(before.st_atime_ns, before.st_mtime_ns))
    assert [
        len(r.findings) for r in lint_many([article], jobs=1, cache_dir=cache, config={"select": ["single-h1"]})
    ] == [0]
