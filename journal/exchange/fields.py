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
from typing import Any

FieldProblem = tuple[str, str]  # (field name, reason)


@functools.cache
def _hints(model: type) -> dict[str, Any]:
    return typing.get_type_hints(model)


def field_names(model: type) -> tuple[str, ...]:
    return tuple(f.name for f in dataclasses.fields(model))


def required_fields(model: type) -> tuple[str, ...]:
    """Fields without a default: a record cannot exist without them."""
    return tuple(
        f.name
        for f in dataclasses.fields(model)
        if f.default is dataclasses.MISSING and f.default_factory is dataclasses.MISSING
    )


def _options(hint: Any) -> tuple[Any, ...]:
    if isinstance(hint, types.UnionType) or typing.get_origin(hint) is typing.Union:
        return typing.get_args(hint)
    return (hint,)


def _json_type_reason(hint: Any, value: Any) -> str | None:
    """Why ``value`` (decoded JSON) cannot fill a field annotated ``hint``; None if it can."""
    options = _options(hint)
    wanted = []
    for option in options:
        if option is type(None):
            continue
        if typing.get_origin(option) is tuple:
            item = typing.get_args(option)[0]
            if isinstance(value, list) and all(
                _json_type_reason(item, element) is None for element in value
            ):
                return None
            wanted.append(f"a list of {_NAMES[item][1]}")
        else:
            if _accepts(option, value):
                return None
            wanted.append(_NAMES[option][0])
    return f"must be {' or '.join(wanted)}, got {_json_name(value)}"


def _accepts(kind: type, value: Any) -> bool:
    if kind is bool:
        return isinstance(value, bool)
    if isinstance(value, bool):
        return False
    if kind is float:
        return isinstance(value, int | float)
    return isinstance(value, kind)


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
    declared = {f.name: f for f in dataclasses.fields(model)}
    hints = _hints(model)
    values: dict[str, Any] = {}
    problems: list[FieldProblem] = []
    for name, value in raw.items():
        field = declared.get(name)
        if field is None:
            problems.append((name, f"unknown field (known: {', '.join(declared)})"))
            continue
        if value is None:
            if type(None) in _options(hints[name]):
                values[name] = None
            continue
        if json_types:
            reason = _json_type_reason(hints[name], value)
            if reason is not None:
                problems.append((name, reason))
                continue
            if isinstance(value, list):
                value = tuple(value)
        validator = field.metadata.get("validate")
        try:
            values[name] = validator(value) if validator is not None else value
        except ValueError as exc:
            problems.append((name, str(exc)))
    for name in required_fields(model) if complete else ():
        if name not in values and not any(p[0] == name for p in problems):
            problems.append((name, "is required"))
    return values, problems
