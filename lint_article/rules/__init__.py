"""The built-in rules, one module each. They are registered through the
``lint_article.rules`` entry points in pyproject.toml, as plugins are."""
