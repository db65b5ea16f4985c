"""Configuration files: discovery, precedence, every key, every error."""

from __future__ import annotations

from pathlib import Path

import pytest

from lint_article import Config, ConfigError, Severity, make_linter
from lint_article.config_files import Settings, find_config_file, read_config_file


def write(path: Path, text: str) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")
    return path


def test_each_source_in_its_own_syntax(tmp_path: Path) -> None:
    toml = read_config_file(
        write(tmp_path / "a" / ".lint-article.toml", 'select = ["word-count"]\n[rules.word-count]\nmin = 600\n')
    )
    pyproject = read_config_file(
        write(
            tmp_path / "b" / "pyproject.toml",
            '[project]\nname = "x"\n[tool.lint-article]\nselect = ["word-count"]\n'
            "[tool.lint-article.rules.word-count]\nmin = 600\n",
        )
    )
    setup_cfg = read_config_file(
        write(
            tmp_path / "c" / "setup.cfg",
            "[metadata]\nname = x\n[lint-article]\nselect =\n    word-count\n"
            "[lint-article.rules.word-count]\nmin = 600\n",
        )
    )
    for config in (toml, pyproject, setup_cfg):
        assert config is not None
        assert config.select == ("word-count",)
        assert config.rules == {"word-count": {"min": 600}}


def test_files_without_our_settings_are_passed_over(tmp_path: Path) -> None:
    write(tmp_path / "pyproject.toml", "[tool.ruff]\nline-length = 100\n")
    write(tmp_path / "setup.cfg", "[flake8]\nmax-line-length = 100\n")
    assert find_config_file(tmp_path) is None
    assert read_config_file(tmp_path / "pyproject.toml") is None


def test_precedence_in_one_folder_and_up_the_tree(tmp_path: Path) -> None:
    write(tmp_path / "setup.cfg", "[lint-article]\nignore = readability\n")
    write(tmp_path / "pyproject.toml", '[tool.lint-article]\nignore = ["word-count"]\n')
    assert find_config_file(tmp_path) == tmp_path / "pyproject.toml"
    write(tmp_path / ".lint-article.toml", 'ignore = ["heading-order"]\n')
    assert find_config_file(tmp_path) == tmp_path / ".lint-article.toml"
    deep = tmp_path / "site" / "posts"
    deep.mkdir(parents=True)
    assert find_config_file(deep) == tmp_path / ".lint-article.toml"
    write(tmp_path / "site" / "pyproject.toml", '[tool.lint-article]\nignore = ["single-h1"]\n')
    assert find_config_file(deep) == tmp_path / "site" / "pyproject.toml"


def test_settings_per_file_command_line_wins(tmp_path: Path) -> None:
    write(tmp_path / "news" / ".lint-article.toml", 'fail-on = "warning"\nlanguage = "fr"\n')
    write(tmp_path / "blog" / ".lint-article.toml", 'ignore = ["word-count"]\n')
    overrides = Config.from_mapping({"language": "de", "ignore": ["readability"]}, source="command line")
    settings = Settings(overrides=overrides)
    news = settings.for_path(tmp_path / "news" / "a.html")
    blog = settings.for_path(tmp_path / "blog" / "b.html")
    assert news.fail_on is Severity.WARNING and news.language == "de"
    assert news.origins["fail-on"].endswith(".lint-article.toml")
    assert news.origins["language"] == "command line"
    assert blog.ignore == ("word-count", "readability")


def test_explicit_config_and_isolated(tmp_path: Path) -> None:
    write(tmp_path / ".lint-article.toml", 'select = ["single-h1"]\n')
    other = write(tmp_path / "elsewhere.toml", 'select = ["word-count"]\n')
    article = tmp_path / "a.html"
    assert Settings(config_file=other).for_path(article).select == ("word-count",)
    assert Settings(isolated=True).for_path(article).select is None
    assert Settings().for_path(article).select == ("single-h1",)


def test_per_file_ignores_and_exclude(tmp_path: Path) -> None:
    config = read_config_file(
        write(
            tmp_path / ".lint-article.toml",
            'exclude = ["drafts/*", "*.tmp.html"]\n'
            '[per-file-ignores]\n"archive/**" = ["readability", "word-count"]\n"*.amp.html" = ["no-inline-style"]\n',
        )
    )
    assert config is not None
    assert config.ignored_for(tmp_path / "archive" / "2019" / "a.html") == {"readability", "word-count"}
    assert config.ignored_for(tmp_path / "news" / "b.amp.html") == {"no-inline-style"}
    assert config.ignored_for(tmp_path / "news" / "c.html") == frozenset()
    assert config.excludes(tmp_path / "drafts" / "x.html")
    assert config.excludes(tmp_path / "a" / "b.tmp.html")
    assert not config.excludes(tmp_path / "news" / "c.html")


def test_setup_cfg_lists_and_per_file_ignores_as_flake8_writes_them(tmp_path: Path) -> None:
    config = read_config_file(
        write(
            tmp_path / "setup.cfg",
            "[lint-article]\nselect = single-h1, word-count,\n    heading-order\nfail-on = warning\n"
            "per-file-ignores =\n    archive/*: word-count, readability\n    *.amp.html: single-h1\n"
            "report-unused-disables = true\nmax-file-size = 1000\n",
        )
    )
    assert config is not None
    assert config.select == ("single-h1", "word-count", "heading-order")
    assert config.per_file_ignores == (("archive/*", ("word-count", "readability")), ("*.amp.html", ("single-h1",)))
    assert config.report_unused_disables is True and config.max_file_size == 1000


def test_profiles_change_options_only() -> None:
    fragment = "<h2>Body</h2><p>text</p>"
    page = "<html><body><h1>T</h1><h2>Body</h2></body></html>"

    def rules(html: str, profile: str) -> list[str]:
        config = Config.from_mapping({"select": ["single-h1", "heading-order"], "profile": profile})
        from lint_article import Article

        return sorted(f.rule for f in make_linter(config).lint(Article.from_html(html)).findings)

    assert rules(fragment, "page") == ["heading-order", "single-h1"]
    assert rules(fragment, "fragment") == []
    assert rules("<h1>T</h1><h2>B</h2>", "fragment") == ["heading-order", "single-h1"]
    assert rules(fragment, "auto") == []
    assert rules(page, "auto") == []
    assert rules("<html><body><h2>B</h2></body></html>", "auto") == ["heading-order", "single-h1"]


def test_a_users_rule_options_win_over_the_profile() -> None:
    config = Config.from_mapping({"profile": "fragment", "rules": {"heading-order": {"start_level": 3}}})
    from lint_article import Article

    findings = make_linter(config).lint(Article.from_html("<h2>A</h2>")).findings
    assert [(f.message_id, f.data) for f in findings if f.rule == "heading-order"] == [
        ("first", {"level": 2, "expected": 3})
    ]


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ('select = ["single-h2"]', "select: unknown rule 'single-h2'; did you mean 'single-h1'?"),
        ('ignore = ["readabilty"]', "ignore: unknown rule 'readabilty'; did you mean 'readability'?"),
        ('selekt = ["single-h1"]', "unknown key 'selekt'; did you mean 'select'?"),
        ("select = 3", "select: expected a list of strings, got 3"),
        ('fail-on = "fatal"', "fail-on: unknown severity 'fatal'"),
        ('[rules.word-count]\nmin = "600"', "rules.word-count: option 'min' must be int, got str '600'"),
        ("[rules.word-count]\nmn = 600", "rules.word-count: unknown option 'mn' (known options: max, min, target"),
        ("[rules.word-count]\nmin = -5", "rules.word-count: option 'min' must be at least 0, got -5"),
        ("[rules.word-count]\nmin = 900\nmax = 100", "rules.word-count: option 'max' (100) is below 'min' (900)"),
        ('[rules.word-count]\nseverity = "fatal"', "rules.word-count: unknown severity 'fatal'"),
        ("[rules.wordcount]\nmin = 1", "rules: unknown rule 'wordcount'; did you mean 'word-count'?"),
        # A rule that does not run still has its settings checked.
        ('select = ["single-h1"]\n[rules.word-count]\nmin = "lots"', "rules.word-count: option 'min' must be int"),
        ('ignore = ["word-count"]\n[rules.word-count]\nbogus = 1', "rules.word-count: unknown option 'bogus'"),
        ('profile = "magazine"', "profile: expected one of auto, page, fragment, got 'magazine'"),
        ('language = "english language"', "language: expected a language tag"),
        ('exclude = [""]', "exclude: an empty glob matches nothing"),
        ('[per-file-ignores]\n"*.html" = "word-count"', None),
        ('[per-file-ignores]\n"*.html" = ["word-cont"]', "per-file-ignores: unknown rule 'word-cont'"),
        ("max-file-size = -1", "max-file-size: expected a number of bytes above 0"),
        ("report-unused-disables = 1", "report-unused-disables: expected true or false"),
        ("select = [", "invalid TOML"),
    ],
)
def test_every_error_names_the_file_and_the_key(tmp_path: Path, text: str, message: str | None) -> None:
    path = write(tmp_path / ".lint-article.toml", text + "\n")

    def load() -> None:
        config = read_config_file(path)
        assert config is not None
        make_linter(config)

    if message is None:
        load()
        return
    with pytest.raises(ConfigError) as caught:
        load()
    assert str(caught.value).startswith(str(path))
    assert message in str(caught.value)
