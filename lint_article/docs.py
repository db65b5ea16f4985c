"""Rule documentation, generated from the rules themselves.

A rule's docstring is its documentation: a first line (the summary for
readers), then the sections ``## What it checks``, ``## Why``, ``## Fails``
and ``## Passes``. The two example sections each hold one fenced ``html``
block, optionally preceded by a line ``Options: `{...}` `` (JSON) that the
example needs. This module renders the pages in the top-level ``rules/``
folder (``python -m lint_article.docs rules``) and exposes the examples so
that tests can run them.
"""

from __future__ import annotations

import dataclasses
import inspect
import json
import re
import sys
import typing
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from .regex import on_use
from .registry import load_registry
from .rule import DOC_SECTIONS, DOCS_URL, Rule, unfilled

__all__ = [
    "DOCS_URL",
    "Example",
    "example",
    "fixability",
    "missing_sections",
    "options_table",
    "render",
    "sections",
    "write_pages",
]

_SECTION = on_use(r"^## (.+)$", re.MULTILINE)
_FENCE = on_use(r"```html\n(.*?)```", re.DOTALL)
_OPTIONS = on_use(r"^Options: `(\{.*\})`$", re.MULTILINE)


@dataclass(frozen=True)
class Example:
    html: str
    options: dict[str, Any]


def sections(rule: type[Rule]) -> dict[str, str]:
    """The docstring's sections by heading; the text before the first is ``""``."""
    doc = inspect.cleandoc(rule.__doc__ or "")
    parts = _SECTION.split(doc)
    result = {"": parts[0].strip()}
    for title, body in zip(parts[1::2], parts[2::2], strict=True):
        result[title.strip()] = body.strip()
    return result


def missing_sections(rule: type[Rule]) -> list[str]:
    found = sections(rule)
    return [name for name in DOC_SECTIONS if not found.get(name)]


def example(rule: type[Rule], section: str) -> Example:
    """The example of the ``Fails`` or ``Passes`` section."""
    body = sections(rule).get(section, "")
    fence = _FENCE.search(body)
    if fence is None:
        raise ValueError(f"rule {rule.id}: section {section!r} has no ```html example")
    options = _OPTIONS.search(body)
    return Example(fence.group(1), json.loads(options.group(1)) if options else {})


def options_table(rule: type[Rule]) -> str:
    fields = dataclasses.fields(rule.Options)
    if not fields:
        return "This rule has no options."
    hints = typing.get_type_hints(rule.Options)
    rows = ["| option | type | default | meaning |", "| --- | --- | --- | --- |"]
    for f in fields:
        kind = str(hints[f.name]).replace("typing.", "").replace("NoneType", "None").replace("<class '", "")
        kind = kind.replace("'>", "").replace("|", "\\|")
        meaning = f.metadata.get("doc", "")
        bounds = [f"≥ {f.metadata['minimum']:g}"] if f.metadata.get("minimum") is not None else []
        bounds += [f"≤ {f.metadata['maximum']:g}"] if f.metadata.get("maximum") is not None else []
        if bounds:
            meaning += f" ({', '.join(bounds)})"
        rows.append(f"| `{f.name}` | `{kind}` | `{json.dumps(f.default)}` | {meaning} |")
    return "\n".join(rows)


def fixability(rule: type[Rule]) -> str:
    """Whether *rule*'s findings get fixes, and which are safe: "no", or "yes:
    `extra` safe, `missing` none"."""
    if not rule.fixable:
        return "no"
    kinds = [f"`{message_id}` {rule.fix_applicability[message_id]}" for message_id in rule.fix_applicability]
    unfixed = [f"`{message_id}` none" for message_id in rule.messages if message_id not in rule.fix_applicability]
    return "yes (" + ", ".join(kinds + unfixed) + "; safe fixes apply with `--fix`, unsafe ones with `--unsafe-fixes`)"


def render(rule: type[Rule]) -> str:
    """The Markdown page of *rule*: first what a writer needs (what the rule
    wants, why, how to fix a finding, an example), then the details, and the
    configuration last."""
    found = sections(rule)
    lines = [f"# {rule.id}", "", found[""], "", "## Why", "", found.get("Why", ""), ""]
    lines += ["## How to fix", "", *_how_to_fix(rule), ""]
    for name in ("Fails", "Passes"):
        lines += [f"## {name}", "", found.get(name, ""), ""]
    lines += ["## What it checks", "", found.get("What it checks", ""), ""]
    lines += [
        "## Messages",
        "",
        *[f"- `{message_id}`: {text}" for message_id, text in rule.messages.items()],
        "",
        "## Options",
        "",
        f"- Default severity: `{rule.severity}`",
        f"- On by default: {'yes' if rule.default_enabled else 'no'}",
        f"- Fixable: {fixability(rule)}",
        "",
        options_table(rule),
        "",
        "Set options in `[tool.lint-article.rules." + rule.id + "]`, or change the severity with `severity = ...`.",
        "",
        "## Disabling",
        "",
        f"- For a run: `lint-article check --ignore {rule.id}`; for a project: "
        f'`ignore = ["{rule.id}"]` in the configuration, or `per-file-ignores` for some files.',
        f"- For a passage of an article: `<!-- lint-article-disable {rule.id} -->` … `<!-- lint-article-enable -->`;",
        f"  for the next line with content: `<!-- lint-article-disable-next-line {rule.id} -->`;",
        f"  for the whole file: `<!-- lint-article-disable-file {rule.id} -->`.",
        f'- For one element and everything in it (CMS HTML on one line): `data-lint-article-disable="{rule.id}"`.',
        "",
    ]
    return "\n".join(lines)


def _how_to_fix(rule: type[Rule]) -> list[str]:
    """One line per message: the message as a writer sees it (values left out) and its advice."""
    return [
        f"- “{unfilled(text)}”" + (f": {unfilled(rule.advice[message_id])}" if message_id in rule.advice else "")
        for message_id, text in rule.messages.items()
    ]


def write_pages(folder: Path) -> list[Path]:
    folder.mkdir(parents=True, exist_ok=True)
    written = []
    registry = load_registry()
    for rule_id, entry in registry.rules.items():
        if entry.origin != "lint-article":
            continue
        page = folder / f"{rule_id}.md"
        page.write_text(render(entry.rule), encoding="utf-8")
        written.append(page)
    return written


if __name__ == "__main__":
    for path in write_pages(Path(sys.argv[1] if len(sys.argv) > 1 else "rules")):
        print(path)
