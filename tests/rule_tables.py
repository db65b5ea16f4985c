"""The table of each built-in rule, run: what registry tests learn from the rule's behaviour."""

from __future__ import annotations

import importlib
from functools import cache

import pytest

from lint_article import Finding, Rule
from lint_article.scaffold import Checkout
from lint_article.testing import lint_with

from .conftest import ROOT


@cache
def table_findings(rule: type[Rule]) -> tuple[Finding, ...]:
    """What *rule* finds in the bad cases of its table, ``tests/rules/test_<module>.py``."""
    checkout = Checkout(ROOT)
    table = checkout.table_test(rule.__module__.rpartition(".")[2])
    if not table.exists():
        pytest.fail(f"{checkout.shown(table)} is missing: every built-in rule has a table of cases there")
    cases = importlib.import_module(f"tests.rules.{table.stem}").CASES
    return tuple(
        found
        for case in cases
        if case.expected
        for found in lint_with(rule, case.html, case.options, case.language, case.profile)
    )
