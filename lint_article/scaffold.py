"""Adding a built-in rule: ``python -m lint_article.scaffold RULE-ID``.

A built-in rule is four files that must agree, and this command writes them:

- the rule, ``lint_article/rules/<module>.py``: one class with its id, summary,
  severity, messages, options, documentation and check;
- its entry point in ``pyproject.toml``, under
  ``[project.entry-points."lint_article.rules"]``, which is how the registry
  finds built-in rules and plugins alike;
- its table of cases, ``tests/rules/test_<module>.py`` (``CASES``);
- its page, ``rules/<rule-id>.md``, generated from the docstring.

Then it reinstalls the package (``pip install -e .``), since an installed
package's entry points are read from the metadata written when it was
installed. :func:`missing_pieces` says which of the four a rule lacks, and the
command to run; the test suite calls it.
"""

from __future__ import annotations

import argparse
import ast
import importlib.util
import json
import keyword
import subprocess
import sys
import tomllib
from dataclasses import dataclass
from pathlib import Path

from . import docs
from .registry import ENTRY_POINT_GROUP, RULE_ID
from .rule import Rule

__all__ = ["Checkout", "ScaffoldError", "class_name", "missing_pieces", "module_name", "scaffold"]

REGENERATE_PAGES = "python -m lint_article.docs rules"
_SUMMARY_LENGTH = 100
_ENTRY_POINTS_TABLE = f'[project.entry-points."{ENTRY_POINT_GROUP}"]'


@dataclass(frozen=True)
class Checkout:
    """Where a rule's four files live in a checkout of lint-article."""

    root: Path

    @property
    def pyproject(self) -> Path:
        return self.root / "pyproject.toml"

    @property
    def rules_folder(self) -> Path:
        return self.root / "lint_article" / "rules"

    def rule_module(self, module: str) -> Path:
        return self.rules_folder / f"{module}.py"

    def table_test(self, module: str) -> Path:
        return self.root / "tests" / "rules" / f"test_{module}.py"

    def page(self, rule_id: str) -> Path:
        return self.root / "rules" / f"{rule_id}.md"

    def shown(self, path: Path) -> str:
        """*path* as a message names it: relative to the checkout."""
        return path.relative_to(self.root).as_posix()

    def entry_points(self) -> dict[str, str]:
        """Rule id to ``module:Class``, as ``pyproject.toml`` declares them."""
        project = tomllib.loads(self.pyproject.read_text(encoding="utf-8")).get("project", {})
        declared: dict[str, str] = project.get("entry-points", {}).get(ENTRY_POINT_GROUP, {})
        return declared


def module_name(rule_id: str) -> str:
    return rule_id.replace("-", "_")


def class_name(rule_id: str) -> str:
    return "".join(part.capitalize() for part in rule_id.split("-"))


def missing_pieces(root: Path) -> list[str]:
    """What the built-in rules of the checkout at *root* lack, one sentence each,
    naming the file and what to run or write; empty when every rule is whole."""
    checkout = Checkout(root)
    problems: list[str] = []
    declared_modules: set[str] = set()
    for rule_id, target in checkout.entry_points().items():
        module = target.partition(":")[0].removeprefix("lint_article.rules.")
        declared_modules.add(module)
        problems += _missing_beside_entry_point(checkout, rule_id, module)
    for source in sorted(checkout.rules_folder.glob("*.py")):
        if source.stem != "__init__" and source.stem not in declared_modules:
            problems.append(_undeclared(checkout, source))
    return problems


def _missing_beside_entry_point(checkout: Checkout, rule_id: str, module: str) -> list[str]:
    source, table, page = checkout.rule_module(module), checkout.table_test(module), checkout.page(rule_id)
    if not source.exists():
        return [
            f"pyproject.toml: the entry point {rule_id} names {checkout.shown(source)}, which does not exist: "
            "restore the module, or remove the entry point"
        ]
    problems = []
    if not table.exists():
        problems.append(
            f"{checkout.shown(table)} is missing: write {rule_id}'s table there, CASES = [ok(...), bad(...)] "
            "(python -m lint_article.scaffold writes one with each new rule)"
        )
    elif "CASES" not in _assigned_names(table):
        problems.append(f"{checkout.shown(table)} has no CASES table: the registry tests run {rule_id}'s CASES")
    if not page.exists():
        problems.append(f"{checkout.shown(page)} is missing: run {REGENERATE_PAGES}")
    return problems


def _undeclared(checkout: Checkout, source: Path) -> str:
    """What to do about a module of lint_article/rules/ that no entry point names."""
    rule = _declared_rule(source)
    if rule is None:
        return f"{checkout.shown(source)} declares no rule (a class with an id): lint_article/rules/ holds rules only"
    rule_id, name = rule
    return (
        f'{checkout.shown(source)} has no entry point: add {rule_id} = "lint_article.rules.{source.stem}:{name}" '
        f"under {_ENTRY_POINTS_TABLE} in pyproject.toml, then run pip install -e ."
    )


def _assigned_names(path: Path) -> set[str]:
    tree = ast.parse(path.read_text(encoding="utf-8"))
    return {
        target.id
        for node in tree.body
        if isinstance(node, ast.Assign | ast.AnnAssign)
        for target in (node.targets if isinstance(node, ast.Assign) else [node.target])
        if isinstance(target, ast.Name)
    }


def _declared_rule(path: Path) -> tuple[str, str] | None:
    """(rule id, class name) of the class in *path* that assigns ``id = "..."``."""
    for node in ast.parse(path.read_text(encoding="utf-8")).body:
        if not isinstance(node, ast.ClassDef):
            continue
        for statement in node.body:
            if (
                isinstance(statement, ast.Assign)
                and [getattr(target, "id", None) for target in statement.targets] == ["id"]
                and isinstance(statement.value, ast.Constant)
                and isinstance(statement.value.value, str)
            ):
                return statement.value.value, node.name
    return None


class ScaffoldError(ValueError):
    """The rule cannot be scaffolded; the message says why."""


def scaffold(rule_id: str, root: Path, summary: str, severity: str = "warning") -> list[Path]:
    """Write a new rule's module, table test and page in the checkout at *root*,
    and declare its entry point; return the files written or changed."""
    checkout = Checkout(root)
    module = module_name(rule_id)
    _check_new(checkout, rule_id, module, summary, severity)
    names = {
        "rule_id": rule_id,
        "module": module,
        "class_name": class_name(rule_id),
        "summary": summary,
        "summary_literal": json.dumps(summary, ensure_ascii=False),
        "severity": severity.upper(),
    }
    source, table, page = checkout.rule_module(module), checkout.table_test(module), checkout.page(rule_id)
    source.write_text(_RULE_TEMPLATE.format(**names), encoding="utf-8")
    table.write_text(_TABLE_TEMPLATE.format(**names), encoding="utf-8")
    _declare_entry_point(checkout, rule_id, f"lint_article.rules.{module}:{names['class_name']}")
    page.parent.mkdir(exist_ok=True)
    page.write_text(docs.render(_load_rule(source, module, names["class_name"])), encoding="utf-8")
    return [source, table, checkout.pyproject, page]


def _check_new(checkout: Checkout, rule_id: str, module: str, summary: str, severity: str) -> None:
    if not RULE_ID.match(rule_id):
        raise ScaffoldError(f"{rule_id!r} is not a rule id: lower-case words joined by hyphens, as in heading-order")
    if keyword.iskeyword(module):
        raise ScaffoldError(f"{rule_id!r} would make a module named after a Python keyword; choose another id")
    if rule_id in checkout.entry_points():
        raise ScaffoldError(f"pyproject.toml already declares a rule {rule_id}")
    for path in (checkout.rule_module(module), checkout.table_test(module), checkout.page(rule_id)):
        if path.exists():
            raise ScaffoldError(f"{checkout.shown(path)} exists already; the scaffold writes new rules only")
    if not summary.endswith(".") or "\n" in summary or len(summary) > _SUMMARY_LENGTH:
        raise ScaffoldError(f"the summary is one sentence ending with a period, at most {_SUMMARY_LENGTH} characters")
    if '"' in summary or "\\" in summary:
        raise ScaffoldError("the summary has no straight quotes or backslashes; quote with “ and ”")
    if severity not in ("error", "warning", "info"):
        raise ScaffoldError(f"unknown severity {severity!r}; expected error, warning or info")


def _declare_entry_point(checkout: Checkout, rule_id: str, target: str) -> None:
    """Add the entry point as the last line of its table, leaving the rest of the file as written."""
    lines = checkout.pyproject.read_text(encoding="utf-8").splitlines(keepends=True)
    try:
        at = next(i for i, line in enumerate(lines) if line.strip() == _ENTRY_POINTS_TABLE) + 1
    except StopIteration:
        raise ScaffoldError(f"pyproject.toml has no {_ENTRY_POINTS_TABLE} table") from None
    while at < len(lines) and lines[at].strip() and not lines[at].lstrip().startswith("["):
        at += 1
    lines.insert(at, f'{rule_id} = "{target}"\n')
    checkout.pyproject.write_text("".join(lines), encoding="utf-8")
    if checkout.entry_points().get(rule_id) != target:
        raise ScaffoldError(f"pyproject.toml: the entry point {rule_id} did not read back as written")


def _load_rule(source: Path, module: str, name: str) -> type[Rule]:
    """The rule class of the module just written, loaded from its file (the
    installed package does not know it yet)."""
    spec = importlib.util.spec_from_file_location(f"lint_article.rules.{module}", source)
    assert spec is not None and spec.loader is not None
    loaded = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = loaded  # dataclasses and type hints look the module up by name
    spec.loader.exec_module(loaded)
    rule: type[Rule] = getattr(loaded, name)
    return rule


def _reinstall(root: Path) -> bool:
    # As the set-up installs it: a build without isolation may leave the checkout's own
    # lint_article.egg-info as it was, and running from the checkout, the registry reads that.
    command = [sys.executable, "-m", "pip", "install", "--quiet", "--no-deps", "-e", str(root)]
    result = subprocess.run(command, capture_output=True, text=True, check=False)
    if result.returncode != 0:
        print(result.stderr, file=sys.stderr)
        print(f"pip failed; run it yourself: {' '.join(command)}", file=sys.stderr)
    return result.returncode == 0


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        prog="python -m lint_article.scaffold",
        description="Write a new built-in rule: its module, its table test, its entry point and its page.",
    )
    parser.add_argument("rule_id", metavar="RULE-ID", help="the new rule's id, lower-case words joined by hyphens")
    parser.add_argument("--summary", help="one sentence: what the rule wants of an article")
    parser.add_argument("--severity", default="warning", choices=("error", "warning", "info"))
    parser.add_argument("--root", type=Path, default=Path.cwd(), help="the checkout (default: this folder)")
    parser.add_argument(
        "--no-install", action="store_true", help="do not run pip install -e, which the registry needs to see the rule"
    )
    args = parser.parse_args(argv)
    root = args.root.resolve()
    summary = args.summary or f"What {args.rule_id} wants of an article, in one sentence."
    try:
        written = scaffold(args.rule_id, root, summary, args.severity)
    except ScaffoldError as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 2
    checkout = Checkout(root)
    for path in written:
        print(f"wrote {checkout.shown(path)}")
    if args.no_install:
        print("The registry sees the rule once the package is reinstalled: pip install -e .")
    elif not _reinstall(root):
        return 2
    table = f"tests/rules/test_{module_name(args.rule_id)}.py"
    print(
        f"\nNext: write the check, the docstring and the table of {args.rule_id}, then run\n"
        f"  python -m pytest {table} tests/test_registry.py tests/test_docs.py\n"
        f"and {REGENERATE_PAGES} after each change to the docstring or the options."
    )
    return 0


_RULE_TEMPLATE = '''\
from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass

from ..document import Article
from ..findings import Finding, Severity
from ..rule import Context, Rule, RuleOptions, option


class {class_name}(Rule):
    """{summary}

    ## What it checks
    What the rule reports, and what it leaves alone. As scaffolded, it
    reports each element named by the `tag` option: replace the check, this
    documentation, the messages and the options with the rule's own.

    ## Why
    Why a writer or an editor should care.

    ## Fails
    ```html
    <h1>Title</h1><p><blink>Now</blink></p>
    ```

    ## Passes
    ```html
    <h1>Title</h1><p>Now</p>
    ```
    """

    id = "{rule_id}"
    summary = {summary_literal}
    severity = Severity.{severity}
    messages = {{"found": "<{{tag}}> found; remove it"}}

    @dataclass(frozen=True, kw_only=True)
    class Options(RuleOptions):
        tag: str = option("blink", "The element reported.")

    def check(self, article: Article, ctx: Context[Options]) -> Iterator[Finding]:
        for element in ctx.view.elements(ctx.options.tag):
            yield ctx.at_element(element, "found", tag=element.tag)
'''

_TABLE_TEMPLATE = '''\
"""Table tests for {rule_id}."""

from __future__ import annotations

import pytest

from lint_article.rules.{module} import {class_name}
from lint_article.testing import Case, bad, finding, ok, run_cases

RULE = "{rule_id}"

CASES = [
    ok("<h1>Title</h1><p>Now</p>"),
    bad("<h1>Title</h1>\\n<p><blink>Now</blink></p>", finding(RULE, "found", line=2, column=4, tag="blink")),
    ok("<h1>Title</h1><p><blink>Now</blink></p>", options={{"tag": "marquee"}}),
]


@pytest.mark.parametrize("case", CASES, ids=str)
def test_{module}(case: Case) -> None:
    run_cases({class_name}, case)
'''


if __name__ == "__main__":
    sys.exit(main())
