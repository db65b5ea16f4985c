"""Configuration files: discovery, precedence, every key, every error."""

from __future__ import annotations

from pathlib import Path

import pytest

from lint_article import Config, ConfigError, Severity, config_files, make_linter
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


def test_isolated_settings_are_one_object_so_their_linter_is_built_once(tmp_path: Path) -> None:
    # Linters are cached by the identity of their settings: a long-lived process
    # (the HTTP service's workers) would otherwise build, and keep, one per article.
    settings = Settings(isolated=True)
    assert settings.for_path(tmp_path / "a.html") is settings.for_path(tmp_path / "b" / "c.html")
    assert settings.linter_for(tmp_path / "a.html") is settings.linter_for(tmp_path / "d.html")


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
        ("max-file-size = -1", "max-file-size: expected a number of bytes from 1 to 4,294,967,296 (4 GiB), got -1"),
        ("max-file-size = 99999999999999999999", "max-file-size: expected a number of bytes from 1 to 4,294,967,296"),
        ("timeout = -1", "timeout: expected a number of seconds from 0 (no limit) to 86,400, got -1"),
        ('timeout = "60"', "timeout: expected a number of seconds from 0 (no limit) to 86,400, got '60'"),
        ("timeout = inf", "timeout: expected a number of seconds from 0 (no limit) to 86,400, got inf"),
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


@pytest.mark.parametrize(
    ("name", "text", "warnings"),
    [
        (
            "pyproject.toml",
            '[tool.lint_article]\nfail-on = "warning"\n',
            ["[tool.lint_article] is not read; did you mean [tool.lint-article]?"],
        ),
        (
            "pyproject.toml",
            '[tool.lint-articles]\nfail-on = "warning"\n[tool."lint artcle".rules.word-count]\nmin = 1\n',
            [
                "[tool.lint-articles] is not read; did you mean [tool.lint-article]?",
                "[tool.lint artcle] is not read; did you mean [tool.lint-article]?",
            ],
        ),
        (
            "pyproject.toml",
            '[lint-article]\nfail-on = "warning"\n',
            ["[lint-article] is not read; did you mean [tool.lint-article]?"],
        ),
        (
            "setup.cfg",
            "[lint_article]\nfail-on = warning\n",
            ["[lint_article] is not read; did you mean [lint-article]?"],
        ),
        (
            "setup.cfg",
            "[tool:lint-article]\nfail-on = warning\n[lint-article.rule.word-count]\nmin = 1\n",
            [
                "[tool:lint-article] is not read; did you mean [lint-article]?",
                "[lint-article.rule.word-count] is not read; did you mean [lint-article.rules.word-count]?",
            ],
        ),
        # Dotted keys and inline tables name tables too.
        (
            "pyproject.toml",
            '[project]\nname = "x"\n\n[tool]\nlint_article = { fail-on = "warning" }\n',
            ["[tool.lint_article] is not read; did you mean [tool.lint-article]?"],
        ),
        (
            "pyproject.toml",
            'tool.lint_article.fail-on = "warning"\n',
            ["[tool.lint_article] is not read; did you mean [tool.lint-article]?"],
        ),
        # A plugin's entry points mention lint_article in a table of its own.
        ("pyproject.toml", '[project.entry-points."lint_article.rules"]\nmy-rule = "p:Rule"\n', []),
        # Tools with names of their own are no near miss.
        ("pyproject.toml", '[tool.pylint]\nx = 1\n[tool.linter]\ny = 2\n[tool.lint-article]\nfail-on = "info"\n', []),
    ],
)
def test_a_table_that_looks_meant_for_lint_article_but_is_not_read_is_a_warning(
    tmp_path: Path, name: str, text: str, warnings: list[str]
) -> None:
    path = write(tmp_path / name, text)
    settings = Settings()
    settings.for_path(tmp_path / "a.html")
    assert list(settings.warnings) == [f"{path}: {warning}" for warning in warnings]


@pytest.mark.parametrize(
    "text",
    [
        '[project]\ndependencies = [\n    "lint-article>=0.1",\n]\n[project.scripts]\nlint-article = "x.cli:run"\n',
        '[project.entry-points."lint_article.rules"]\nmy-rule = "p:Rule"\n',
        '[tool.setuptools.package-data]\nlint_article = ["py.typed"]\n',
    ],
)
def test_a_pyproject_that_only_mentions_lint_article_is_not_parsed(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, text: str
) -> None:
    # A project that depends on lint-article would otherwise pay a TOML parse on every run.
    parsed: list[Path] = []
    monkeypatch.setattr(config_files, "load_toml", lambda text, path: parsed.append(path) or {})
    write(tmp_path / "pyproject.toml", text)
    monkeypatch.chdir(tmp_path)  # the working directory's file is the fallback: this one
    settings = Settings()
    settings.for_path(tmp_path / "a.html")
    assert parsed == []
    assert list(settings.warnings) == []


def test_every_configuration_error_is_reported_at_once(tmp_path: Path) -> None:
    text = (
        '[tool.lint-article]\nselect = ["single-h2"]\nfail-on = "fatal"\nlanguage = "xx"\nprofle = "page"\n'
        "[tool.lint-article.rules.word-count]\nmn = 600\nmax = -1\n"
        "[tool.lint-article.rules.readability]\nmin_reading_ease = 500\n"
    )
    path = write(tmp_path / "pyproject.toml", text)
    where = f"{path} [tool.lint-article]"
    with pytest.raises(ConfigError) as raised:
        read_config_file(path)
    assert raised.value.problems == (
        f"{where}: unknown key 'profle'; did you mean 'profile'?",
        f"{where}: fail-on: unknown severity 'fatal'; expected error, warning or info",
        f"{where}: language: unknown language: 'xx' is no ISO 639-1 language code "
        "(such as 'en', 'fr', 'de' or 'pt-BR')",
        f"{where}: select: unknown rule 'single-h2'; did you mean 'single-h1'?",
        f"{where}: rules.readability: option 'min_reading_ease' must be at most 121, got 500.0",
        f"{where}: rules.word-count: unknown option 'mn' (known options: max, min, target, tolerance)",
        f"{where}: rules.word-count: option 'max' must be at least 1, got -1",
    )


@pytest.mark.parametrize(
    ("language", "error"),
    [
        ("xx", "unknown language: 'xx' is no ISO 639-1 language code (such as 'en', 'fr', 'de' or 'pt-BR')"),
        ("jp", "unknown language: 'jp' is no ISO 639-1 language code; did you mean 'ja' (Japanese)?"),
        ("iw", "unknown language: 'iw' is no ISO 639-1 language code; did you mean 'he' (Hebrew)?"),
        ("eng", "unknown language: 'eng' has a two-letter code, which language tags use: 'en' (English)"),
        ("fre-CA", "unknown language: 'fre' has a two-letter code, which language tags use: 'fr' (French)"),
        ("xyz", "unknown language: 'xyz' is no ISO 639 language code (such as 'en', 'fr', 'de' or 'pt-BR')"),
        ("English", "unknown language: 'English' is a language name, not a code; did you mean 'en' (English)?"),
        ("Klingon", "unknown language: 'Klingon' is a language name, not a code; did you mean 'tlh' (Klingon)?"),
        ("elvish", "unknown language: 'elvish' is no language tag (such as 'en', 'fr', 'de' or 'pt-BR')"),
        ("en us", "expected a language tag such as 'en' or 'pt-BR', got 'en us'"),
    ],
)
def test_an_unknown_language_is_an_error_with_the_code_meant(language: str, error: str) -> None:
    with pytest.raises(ConfigError) as raised:
        Config.from_mapping({"language": language}, source="here")
    assert raised.value.problems == (f"here: language: {error}",)


@pytest.mark.parametrize("language", ["en", "pt-BR", "en_GB", "zh-Hant-TW", "FR", "fil", "haw", "qaa", "und"])
def test_known_languages_are_accepted(language: str) -> None:
    assert Config.from_mapping({"language": language}).language == language
