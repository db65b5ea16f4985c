"""The library face, as a CMS calls it: a string or bytes in, a typed report out."""

from __future__ import annotations

import json
import subprocess
import sys
from types import MappingProxyType

import pytest

from lint_article import Config, ConfigError, Report, Severity, lint, lint_file
from lint_article.inputs import MAX_FILE_SIZE_HINT

from .conftest import FIXTURES

SEED = FIXTURES / "sahel-article.html"


def test_lint_takes_text_and_bytes_and_gives_the_same_report() -> None:
    html = SEED.read_text(encoding="utf-8")
    from_text = lint(html, path="seed")
    from_bytes = lint(html.encode("utf-8"), path="seed")
    assert isinstance(from_text, Report)
    assert from_text == from_bytes
    assert any(f.rule == "single-h1" and f.line == 23 for f in from_text.findings)


def test_configuration_as_a_dict_or_a_config_object() -> None:
    html = "<h2>Body</h2><p>" + "word " * 20 + "</p>"
    as_dict = lint(html, config={"profile": "fragment", "rules": {"word-count": {"min": 10}}})
    as_object = lint(html, config=Config.from_mapping({"profile": "fragment", "rules": {"word-count": {"min": 10}}}))
    assert as_dict.findings == as_object.findings
    assert {f.rule for f in as_dict.findings}.isdisjoint({"single-h1", "heading-order", "word-count"})
    severe = lint(html, config={"select": ["word-count"], "rules": {"word-count": {"severity": "error"}}})
    assert [f.severity for f in severe.findings] == [Severity.ERROR]


def test_a_bad_dict_is_a_config_error_naming_the_key() -> None:
    with pytest.raises(ConfigError, match=r"rules\.word-count: unknown option 'minimum'"):
        lint("<p>x</p>", config={"rules": {"word-count": {"minimum": 3}}})
    with pytest.raises(ConfigError, match="unknown key 'selec'; did you mean 'select'"):
        lint("<p>x</p>", config={"selec": ["single-h1"]})


def test_to_dict_is_a_files_entry_of_the_json_output() -> None:
    report = lint_file(SEED)
    output = subprocess.run(
        [sys.executable, "-m", "lint_article", "check", "--format", "json", str(SEED)],
        capture_output=True,
        text=True,
        check=False,
    )
    assert json.loads(output.stdout)["files"][0] == json.loads(json.dumps(report.to_dict()))


def test_findings_carry_their_rules_documentation_url() -> None:
    report = lint_file(SEED)
    assert all(f.url.endswith(f"/rules/{f.rule}.md") for f in report.findings)


def test_lint_file_reports_what_it_cannot_read(tmp_path) -> None:
    assert lint_file(tmp_path / "missing.html").error == "no such file"
    assert lint_file(tmp_path).error == "is a directory"


def test_the_configured_size_limit_applies_unless_max_bytes_is_given(tmp_path) -> None:
    html = "<h1>Title</h1><p>" + "word " * 10 + "</p>"
    limited = {"max-file-size": 10}
    too_large = f"file too large: {len(html)} bytes, over the limit of 10 bytes ({MAX_FILE_SIZE_HINT})"
    assert lint(html, config=limited).error == too_large
    path = tmp_path / "a.html"
    path.write_text(html, encoding="utf-8")
    assert lint_file(path, config=limited).error == too_large
    # An explicit max_bytes wins over the configuration, a limit or none.
    assert lint(html, config=limited, max_bytes=None).error is None
    assert lint_file(path, config=limited, max_bytes=1_000).error is None
    assert lint(html, config={"max-file-size": 1_000}, max_bytes=10).error is not None


def test_lint_keeps_the_linter_of_each_configuration_for_the_next_call() -> None:
    from lint_article.api import shared_linter

    assert shared_linter() is shared_linter(None)
    short = {"rules": {"word-count": {"min": 10}}, "profile": "fragment"}
    # An equal mapping, keys in another order, finds the same linter; another one makes its own.
    assert shared_linter(short) is shared_linter({"profile": "fragment", "rules": {"word-count": {"min": 10}}})
    assert shared_linter(short) is not shared_linter({"rules": {"word-count": {"min": 11}}})
    assert shared_linter(short) is not shared_linter()
    # A Config object, or a mapping that JSON cannot spell (so cannot compare), is made anew each time.
    config = Config.from_mapping(short)
    assert shared_linter(config) is not shared_linter(config)
    unspelled = {"rules": MappingProxyType({"word-count": {"min": 10}})}
    assert shared_linter(unspelled) is not shared_linter(unspelled)


def test_a_kept_linter_lints_as_a_new_one_would() -> None:
    html = "<h2>Body</h2><p>" + "word " * 20 + "</p>"
    config = {"profile": "fragment", "rules": {"word-count": {"min": 30}}}
    first = lint(html, config=config)
    assert [(f.rule, f.message_id, f.data["count"]) for f in first.findings if f.rule == "word-count"] == [
        ("word-count", "too-short", 21)  # the heading's word and the paragraph's 20
    ]
    assert lint(html, config=config) == first
    assert lint(html, config={**config, "rules": {"word-count": {"min": 10}}}).findings != first.findings


def test_a_bad_configuration_is_refused_at_every_call_not_kept() -> None:
    for _ in range(2):
        with pytest.raises(ConfigError, match=r"rules\.word-count: unknown option 'minimum'"):
            lint("<p>x</p>", config={"rules": {"word-count": {"minimum": 3}}})


def test_only_the_latest_configurations_linters_are_kept() -> None:
    from lint_article import api

    first = api.shared_linter({"rules": {"word-count": {"min": 1}}})
    for least in range(2, 2 + api._SHARED_LINTERS):
        api.shared_linter({"rules": {"word-count": {"min": least}}})
    assert len(api._shared) == api._SHARED_LINTERS
    assert api.shared_linter({"rules": {"word-count": {"min": 1}}}) is not first
