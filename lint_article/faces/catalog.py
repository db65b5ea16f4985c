"""What the faces say about the installed rules, and the JSON Schema of a type.

Both come from the code: a rule's metadata and its options dataclass (the one
declaration that drives validation, defaults and the documentation pages), and
the type hints of the report dataclasses, so that the rule list and the OpenAPI
document cannot drift from what the linter does.
"""

from __future__ import annotations

import dataclasses
import enum
import types
import typing
from collections.abc import Mapping, Sequence
from typing import Any

from ..registry import RegisteredRule, Registry

_SCALARS = {int: "integer", float: "number", str: "string", bool: "boolean"}


def rule_catalog(registry: Registry) -> list[dict[str, Any]]:
    """Every installed rule, in id order, as :func:`rule_entry` describes it."""
    return [rule_entry(entry) for entry in registry.rules.values()]


def rule_entry(entry: RegisteredRule) -> dict[str, Any]:
    """A rule's id, summary, default severity, whether it is on by default and
    fixable, where it comes from, its documentation, and its options."""
    rule = entry.rule
    return {
        "id": rule.id,
        "summary": rule.summary,
        "severity": str(rule.severity),
        "default_enabled": rule.default_enabled,
        "fixable": rule.fixable,
        "origin": entry.origin,
        "url": rule.docs_url(),
        "options": [_option(f, hint) for f, hint in _fields(rule.Options)],
    }


def _option(field: dataclasses.Field[Any], hint: Any) -> dict[str, Any]:
    """An option as its name, JSON type, default and doc, and its bounds when it has them."""
    doc = field.metadata.get("doc", "")
    described = {"name": field.name, **json_schema(hint), "default": field.default, "doc": doc}
    for bound in ("minimum", "maximum"):
        if field.metadata.get(bound) is not None:
            described[bound] = field.metadata[bound]
    return described


def _fields(cls: type) -> list[tuple[dataclasses.Field[Any], Any]]:
    hints = typing.get_type_hints(cls)
    return [(f, hints[f.name]) for f in dataclasses.fields(cls)]


def json_schema(hint: Any, refs: Mapping[Any, str] | None = None) -> dict[str, Any]:
    """The JSON Schema of a value of type *hint* as the JSON output writes it;
    a dataclass in *refs* becomes a ``$ref`` to the name given there."""
    refs = refs or {}
    if hint in refs:
        return {"$ref": refs[hint]}
    args = typing.get_args(hint)
    if isinstance(hint, types.UnionType) or typing.get_origin(hint) is typing.Union:
        choices = [json_schema(arg, refs) for arg in args if arg is not type(None)]
        nullable = type(None) in args
        if len(choices) == 1 and set(choices[0]) <= {"type", "items"} and isinstance(choices[0]["type"], str):
            return {**choices[0], "type": [choices[0]["type"], "null"] if nullable else choices[0]["type"]}
        return {"anyOf": [*choices, {"type": "null"}] if nullable else choices}
    origin = typing.get_origin(hint)
    if origin in (tuple, list) or (isinstance(origin, type) and issubclass(origin, Sequence)):
        return {"type": "array", "items": json_schema(args[0], refs)}
    if isinstance(origin, type) and issubclass(origin, Mapping):
        return {"type": "object", "additionalProperties": json_schema(args[1], refs) if args[1] is not Any else {}}
    if isinstance(hint, type) and issubclass(hint, enum.Enum):
        return {"type": "string", "enum": [str(member) for member in hint]}
    if hint in _SCALARS:
        return {"type": _SCALARS[hint]}
    if dataclasses.is_dataclass(hint) and isinstance(hint, type):
        return dataclass_schema(hint, refs)
    if typing.is_typeddict(hint):
        return typed_dict_schema(hint, refs)
    if hint is Any:
        return {}
    raise TypeError(f"no JSON Schema for {hint!r}")


def typed_dict_schema(cls: Any, refs: Mapping[Any, str] | None = None) -> dict[str, Any]:
    """An object with every key of the TypedDict *cls*, the required ones required, no other."""
    hints = typing.get_type_hints(cls)
    return {
        "type": "object",
        "required": [key for key in hints if key in cls.__required_keys__],
        "properties": {key: json_schema(hint, refs) for key, hint in hints.items()},
        "additionalProperties": False,
    }


def dataclass_schema(cls: type, refs: Mapping[Any, str] | None = None) -> dict[str, Any]:
    """An object with every field of the dataclass *cls*, each required, no other."""
    fields = _fields(cls)
    return {
        "type": "object",
        "required": [f.name for f, _ in fields],
        "properties": {f.name: json_schema(hint, refs) for f, hint in fields},
        "additionalProperties": False,
    }
