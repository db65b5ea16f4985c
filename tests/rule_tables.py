"""The table of each built-in rule, run: what registry tests learn from the rule's behaviour."""

from __future__ import annotations

import importlib
from functools import cache
from pathlib import Path

import pytest

from lint_article import Finding, Rule
from lint_article.scaffold import Checkout
from lint_article.testing import lint_with

from .conftest import ROOT


def table_of(rule: type[Rule]) -> Path:
    """The table of the built-in *rule*: ``tests/rules/test_<module>.py``."""
    return Checkout(ROOT).table_test(rule.__module__.rpartition(".")[2])


@cache
def table_findings(rule: type[Rule]) -> tuple[Finding, ...]:
    """What *rule* finds in the bad cases of its table."""
    table = table_of(rule)
    if not table.exists():
        pytest.fail(f"{table.relative_to(ROOT)} is missing: every built-in rule has a table of cases there")
    cases = importlib.import_module(f"tests.rules.{table.stem}").CASES
    return tuple(
        found
        for case in cases
        if case.expected
        for found in lint_with(rule, case.html, case.options, case.language, case.profile)
    )
