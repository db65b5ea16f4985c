"""A plugin that fails to import, as one with a missing dependency does."""

import lint_article_missing_dependency  # noqa: F401  # the point: this module does not exist
