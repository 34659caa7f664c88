"""Field kinds and their validation, shared by the repositories and the file importers.

Each dataclass field in ``journal.store.models`` declares its kind through ``metadata``. The
schema's CHECK constraints repeat the same ranges so that a bug in code can never store an
out-of-range value; ``tests/store/test_constraints.py`` keeps the two in step.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import functools
import re
from collections.abc import Callable
from typing import TYPE_CHECKING, Any, TypeVar

from journal.store.errors import ValidationError

if TYPE_CHECKING:
    from _typeshed import DataclassInstance

Validator = Callable[[Any], Any]
Record = TypeVar("Record", bound="DataclassInstance")

_TIME_RE = re.compile(r"^([01]\d|2[0-3]):[0-5]\d$")
_DATE_RE = re.compile(r"\d{4}-\d{2}-\d{2}")
_INTEGER_RE = re.compile(r"[+-]?\d+")


def parse_date(value: Any) -> str:
    """Return an ISO ``YYYY-MM-DD`` string or raise ``ValueError`` with a readable reason."""
    if isinstance(value, dt.datetime):
        value = value.date()
    if isinstance(value, dt.date):
        return value.isoformat()
    text = str(value).strip()
    if not _DATE_RE.fullmatch(text):
        raise ValueError(f"expected a date as YYYY-MM-DD, got {text!r}")
    try:
        dt.date.fromisoformat(text)
    except ValueError:
        raise ValueError(f"{text!r} is not a real calendar date") from None
    return text


def _integer(value: Any) -> int:
    if isinstance(value, bool):
        raise ValueError("expected a whole number, got true/false")
    if isinstance(value, int):
        return value
    if isinstance(value, float) and value.is_integer():
        return int(value)
    text = str(value).strip()
    if not _INTEGER_RE.fullmatch(text):
        raise ValueError(f"expected a whole number, got {text!r}")
    return int(text)


def _number(value: Any) -> float:
    if isinstance(value, bool):
        raise ValueError("expected a number, got true/false")
    if isinstance(value, int | float):
        number = float(value)
    else:
        text = str(value).strip()
        try:
            number = float(text)
        except ValueError:
            raise ValueError(f"expected a number, got {text!r}") from None
    if number != number or number in (float("inf"), float("-inf")):
        raise ValueError("expected a finite number")
    return number


def integer_range(low: int, high: int | None, unit: str = "") -> Validator:
    """Whole numbers in ``[low, high]`` (``high=None``: no upper bound)."""

    def check(value: Any) -> int:
        number = _integer(value)
        if number < low or (high is not None and number > high):
            span = f"from {low} to {high}" if high is not None else f"of {low} or more"
            raise ValueError(f"must be a whole number {span}{unit}, got {number}")
        return number

    return check


def number_range(low: float, high: float, unit: str = "") -> Validator:
    """Numbers (fractions allowed) in ``[low, high]``."""

    def check(value: Any) -> float:
        number = _number(value)
        if not low <= number <= high:
            raise ValueError(f"must be between {low:g} and {high:g}{unit}, got {number:g}")
        return number

    return check


def choice(*options: str) -> Validator:
    """One of a fixed set of lower-case words."""

    def check(value: Any) -> str:
        text = str(value).strip().lower()
        if text not in options:
            raise ValueError(f"must be one of {', '.join(options)}, got {value!r}")
        return text

    return check


def boolean(value: Any) -> bool:
    """``true/false/1/0/yes/no`` (any case) as in the daily CSV."""
    if isinstance(value, bool):
        return value
    if isinstance(value, int) and value in (0, 1):
        return bool(value)
    text = str(value).strip().lower()
    if text in ("true", "1", "yes"):
        return True
    if text in ("false", "0", "no"):
        return False
    raise ValueError(f"must be true/false, 1/0 or yes/no, got {value!r}")


def clock_time(value: Any) -> str:
    """A 24-hour ``HH:MM`` time."""
    text = str(value).strip()
    if re.fullmatch(r"\d:[0-5]\d", text):
        text = "0" + text
    if not _TIME_RE.match(text):
        raise ValueError(f"expected a time as HH:MM (24-hour), got {value!r}")
    return text


def text(max_length: int, *, nul: bool = True) -> Validator:
    """Free text up to ``max_length`` characters; ``nul=False`` refuses NUL characters (where
    the schema checks ``length()``, which SQLite counts only up to the first NUL)."""

    def check(value: Any) -> str:
        result = str(value)
        if len(result) > max_length:
            raise ValueError(f"is too long ({len(result)} characters, at most {max_length})")
        if not nul and "\x00" in result:
            raise ValueError("cannot contain a NUL character (\\x00)")
        return result

    return check


def iso_date(value: Any) -> str:
    """Validator form of :func:`parse_date`."""
    return parse_date(value)


SCALE = integer_range(0, 10)
HOURS = number_range(0, 24, " hours")
MINUTES = integer_range(0, 1440, " minutes")
COUNT = integer_range(0, None)
PERCENT = number_range(0, 100)


def checked(validator: Validator) -> dict[str, Any]:
    """Metadata for a dataclass field naming its validator (see ``validate_record``)."""
    return {"validate": validator}


@functools.cache
def _validators(model: type) -> tuple[tuple[str, Validator], ...]:
    """The fields of a record type that declare a validator, worked out once per type."""
    return tuple(
        (field.name, field.metadata["validate"])
        for field in dataclasses.fields(model)
        if "validate" in field.metadata
    )


def validate_record(record: Record) -> Record:
    """Return the record with every field validated and normalised (a copy if anything
    changed, else the record itself: they are frozen).

    ``None`` always means *missing* and passes; the first bad field raises ``ValidationError``.
    """
    changes: dict[str, Any] = {}
    for name, validator in _validators(type(record)):
        value = getattr(record, name)
        if value is None:
            continue
        try:
            clean = validator(value)
        except ValueError as exc:
            raise ValidationError(name, str(exc)) from None
        if type(clean) is not type(value) or clean != value:
            changes[name] = clean
    return dataclasses.replace(record, **changes) if changes else record
