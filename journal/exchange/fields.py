"""Field-by-field checking of incoming records with the validators the models declare.

``journal.store.validation.validate_record`` stops at the first bad field, which is right for a
form but not for a file: an import reports every bad cell at once. This module runs the very same
validators one field at a time (no second copy of the ranges) and, for JSON, first checks that a
value has the JSON type the field needs, so ``"mood": "5"`` or ``"title": 12`` is reported rather
than silently converted.
"""

from __future__ import annotations

import dataclasses
import functools
import types
import typing
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

FieldProblem = tuple[str, str]  # (field name, reason)


@dataclass(frozen=True)
class _FieldSpec:
    """What one model field accepts, worked out once per model from its annotations."""

    optional: bool
    kinds: tuple[type, ...]  # scalar JSON types accepted, e.g. (int,) or (str,)
    item_kind: type | None  # for tuple fields: the type of their elements
    validator: Any
    wanted: str  # how the JSON type is described in a problem
    exact: frozenset[type]  # Python types json.loads gives that surely pass (a fast path)


@functools.cache
def _specs(model: type) -> dict[str, _FieldSpec]:
    hints = typing.get_type_hints(model)
    specs = {}
    for field in dataclasses.fields(model):
        hint = hints[field.name]
        options = (
            typing.get_args(hint)
            if isinstance(hint, types.UnionType) or typing.get_origin(hint) is typing.Union
            else (hint,)
        )
        kinds = tuple(o for o in options if o is not type(None) and typing.get_origin(o) is None)
        tuples = [typing.get_args(o)[0] for o in options if typing.get_origin(o) is tuple]
        item_kind = tuples[0] if tuples else None
        wanted = [_NAMES[kind][0] for kind in kinds]
        if item_kind is not None:
            wanted.append(f"a list of {_NAMES[item_kind][1]}")
        specs[field.name] = _FieldSpec(
            optional=type(None) in options,
            kinds=kinds,
            item_kind=item_kind,
            validator=field.metadata.get("validate"),
            wanted=" or ".join(wanted),
            exact=frozenset(t for kind in kinds for t in _EXACT.get(kind, ())),
        )
    return specs


@functools.cache
def required_fields(model: type) -> tuple[str, ...]:
    """Fields without a default: a record cannot exist without them."""
    return tuple(
        f.name
        for f in dataclasses.fields(model)
        if f.default is dataclasses.MISSING and f.default_factory is dataclasses.MISSING
    )


def _accepts(kind: type, value: Any) -> bool:
    """JSON's view of types: true/false is not a number, a whole number is a number."""
    if kind is bool or isinstance(value, bool):
        return kind is bool and isinstance(value, bool)
    if kind is float:
        return isinstance(value, int | float)
    return isinstance(value, kind)


#: For each field type, the exact types of JSON values it takes (``_accepts``'s common cases).
_EXACT: dict[type, tuple[type, ...]] = {
    str: (str,),
    int: (int,),
    float: (int, float),
    bool: (bool,),
}


def _json_type_ok(spec: _FieldSpec, value: Any) -> bool:
    if type(value) in spec.exact or any(_accepts(kind, value) for kind in spec.kinds):
        return True
    item = spec.item_kind
    return item is not None and isinstance(value, list) and all(_accepts(item, v) for v in value)


_NAMES: dict[Any, tuple[str, str]] = {
    str: ("text", "texts"),
    int: ("a whole number", "whole numbers"),
    float: ("a number", "numbers"),
    bool: ("true or false", "true/false values"),
}


def _json_name(value: Any) -> str:
    if value is None:
        return "null"
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, str):
        return "text"
    if isinstance(value, int | float):
        return f"the number {value}"
    return "a list" if isinstance(value, list) else "an object"


def clean_fields(
    model: type, raw: Mapping[str, Any], *, json_types: bool = False, complete: bool = True
) -> tuple[dict[str, Any], list[FieldProblem]]:
    """Validate each given field of ``model``; return the clean values and *every* problem.

    ``None`` is missing: it stays None for optional fields and falls back to the default for
    the others. Unknown names are problems, and so are missing required fields unless
    ``complete`` is false (the caller fills them in). With ``json_types`` values must already
    have their JSON type; lists become the models' tuples.
    """
    specs = _specs(model)
    values: dict[str, Any] = {}
    problems: list[FieldProblem] = []
    for name, value in raw.items():
        spec = specs.get(name)
        if spec is None:
            problems.append((name, f"unknown field (known: {', '.join(specs)})"))
            continue
        if value is None:
            if spec.optional:
                values[name] = None
            continue
        if json_types:
            if not _json_type_ok(spec, value):
                problems.append((name, f"must be {spec.wanted}, got {_json_name(value)}"))
                continue
            if isinstance(value, list):
                value = tuple(value)
        try:
            values[name] = spec.validator(value) if spec.validator is not None else value
        except ValueError as exc:
            problems.append((name, str(exc)))
    for name in required_fields(model) if complete else ():
        if name not in values and not any(p[0] == name for p in problems):
            problems.append((name, "is required"))
    return values, problems
