"""Strict, immutable records validated from TOML data, with every error named by its place.

The workbook, the settings and the reference content are such records: classes whose annotated fields
say what a TOML table may hold. :meth:`BaseModel.model_validate` checks a parsed table strictly (text is
text, a date is a date, no quiet conversions), reports *every* error with its location, keeps or refuses
unknown keys as the class says, and gives an object that never changes (a change is a copy,
:meth:`BaseModel.model_copy`), so every undo step and a save in the background see a whole state.

It offers the part of pydantic's model API the workbook was first written against (the same names and
the same error kinds, which ``models.dutch_messages`` turns into Dutch), without pydantic's cost at every
start of the app: importing pydantic and building its validators for the workbook, settings and content
classes took 80–90 ms of a 350 ms start (issue 16, measured with ``-X importtime`` and ``perf_counter``).
Here a class is only read when it is first validated, and the validators are plain closures.

Supported in annotations: ``str``, ``int``, ``float``, ``bool``, ``datetime.date``, ``Any``, ``Literal``,
``list[X]``, ``dict[K, V]``, unions (``X | None``), nested records, and ``Annotated`` with :func:`Field`
bounds, :class:`StringConstraints`, :class:`BeforeValidator`, :class:`AfterValidator` and
:class:`PlainValidator`. Anything else is refused when the class is first used.
"""

from __future__ import annotations

import datetime as dt
import re
import sys
import types
import typing
from collections.abc import Callable, Iterator, Mapping
from dataclasses import dataclass
from typing import Any, ClassVar, Literal, Self, TypedDict, dataclass_transform

Loc = tuple[str | int, ...]


class ErrorDetails(TypedDict, total=False):
    """One validation error: its kind, where it is, the value found and the kind's particulars."""

    type: str
    loc: Loc
    msg: str
    input: Any
    ctx: dict[str, Any]


class ValidationError(ValueError):
    """All errors found in one validation, in the order of the fields."""

    def __init__(self, title: str, details: list[ErrorDetails]) -> None:
        self.title = title
        self._details = details
        super().__init__(str(self))

    def errors(self, *, include_url: bool = False) -> list[ErrorDetails]:
        """Every error, each a dictionary (``include_url`` is accepted for pydantic's callers and ignored)."""
        return [ErrorDetails(**detail) for detail in self._details]

    def error_count(self) -> int:
        return len(self._details)

    def __str__(self) -> str:
        count = len(self._details)
        lines = [f"{count} validation error{'s' if count != 1 else ''} for {self.title}"]
        for detail in self._details:
            lines.append(".".join(str(part) for part in detail["loc"]) or "(geheel)")
            lines.append(f"  {detail['msg']} [type={detail['type']}, input_value={detail.get('input')!r:.60}]")
        return "\n".join(lines)


class ConfigDict(TypedDict, total=False):
    """How a record class treats its input: unknown keys kept (``allow``), refused (``forbid``) or dropped."""

    extra: Literal["allow", "forbid", "ignore"]
    populate_by_name: bool
    strict: bool
    frozen: bool
    defer_build: bool


# -- what annotations and fields may carry ---------------------------------------------------------


@dataclass(frozen=True, slots=True)
class BeforeValidator:
    """Runs on the raw value before its type is checked; a ValueError becomes an error at the field."""

    func: Callable[[Any], Any]


@dataclass(frozen=True, slots=True)
class AfterValidator:
    """Runs on the value once its type and bounds are right; may return a changed value."""

    func: Callable[[Any], Any]


@dataclass(frozen=True, slots=True)
class PlainValidator:
    """Replaces the type check: the function alone decides (and returns the value kept)."""

    func: Callable[[Any], Any]


@dataclass(frozen=True, slots=True)
class StringConstraints:
    """Text that must match a regular expression."""

    pattern: str | None = None


_MISSING: Any = object()
_INVALID: Any = object()
"""Returned by a validator that added an error: the value is not kept."""


class FieldInfo:
    """One field of a record class: its default, alias, bounds and (once the class is used) its type."""

    __slots__ = ("_owner", "alias", "annotation", "default", "default_factory", "ge", "le", "max_length", "min_length")

    def __init__(
        self,
        default: Any = _MISSING,
        *,
        default_factory: Callable[[], Any] | None = None,
        alias: str | None = None,
        ge: float | None = None,
        le: float | None = None,
        min_length: int | None = None,
        max_length: int | None = None,
    ) -> None:
        self.default = default
        self.default_factory = default_factory
        self.alias = alias
        self.ge, self.le = ge, le
        self.min_length, self.max_length = min_length, max_length
        self.annotation: Any = None
        self._owner: type[BaseModel] | None = None

    def is_required(self) -> bool:
        return self.default is _MISSING and self.default_factory is None

    def make_default(self) -> Any:
        return self.default_factory() if self.default_factory is not None else self.default


def Field(
    default: Any = _MISSING,
    *,
    default_factory: Callable[[], Any] | None = None,
    alias: str | None = None,
    ge: float | None = None,
    le: float | None = None,
    min_length: int | None = None,
    max_length: int | None = None,
) -> Any:
    """A field's default (or factory), its name in the file when that differs, and its bounds."""
    return FieldInfo(
        default,
        default_factory=default_factory,
        alias=alias,
        ge=ge,
        le=le,
        min_length=min_length,
        max_length=max_length,
    )


class ValidationInfo:
    """What a field validator sees besides its value: the fields validated before it."""

    __slots__ = ("data",)

    def __init__(self, data: dict[str, Any]) -> None:
        self.data = data


@dataclass(frozen=True, slots=True)
class _FieldCheck:
    fields: tuple[str, ...]
    method: Any


@dataclass(frozen=True, slots=True)
class _ModelCheck:
    method: Callable[[Any], Any]


F = typing.TypeVar("F")


def field_validator(*fields: str) -> Callable[[F], F]:
    """Marks a classmethod ``(cls, value[, info])`` that checks the named fields after their type."""

    def mark(method: F) -> F:
        return _FieldCheck(fields, method)  # type: ignore[return-value]

    return mark


def model_validator(*, mode: Literal["after"]) -> Callable[[F], F]:
    """Marks a method ``(self) -> self`` that checks the whole record once every field is right."""

    def mark(method: F) -> F:
        return _ModelCheck(method)  # type: ignore[arg-type, return-value]

    return mark


# -- errors ----------------------------------------------------------------------------------------

_MESSAGES: dict[str, str] = {
    "missing": "Field required",
    "string_type": "Input should be a valid string",
    "int_type": "Input should be a valid integer",
    "float_type": "Input should be a valid number",
    "bool_type": "Input should be a valid boolean",
    "date_type": "Input should be a valid date",
    "list_type": "Input should be a valid list",
    "dict_type": "Input should be a valid dictionary",
    "none_required": "Input should be None",
    "extra_forbidden": "Extra inputs are not permitted",
}


def _error(errors: list[ErrorDetails], kind: str, loc: Loc, value: Any, **ctx: Any) -> Any:
    message = _MESSAGES.get(kind) or _message_with_context(kind, ctx)
    detail = ErrorDetails(type=kind, loc=loc, msg=message, input=value)
    if ctx:
        detail["ctx"] = ctx
    errors.append(detail)
    return _INVALID


_CONTEXT_MESSAGES: dict[str, Callable[[dict[str, Any]], str]] = {
    "literal_error": lambda ctx: f"Input should be {ctx['expected']}",
    "model_type": lambda ctx: f"Input should be a valid dictionary or instance of {ctx['class_name']}",
    "greater_than_equal": lambda ctx: f"Input should be greater than or equal to {ctx['ge']}",
    "less_than_equal": lambda ctx: f"Input should be less than or equal to {ctx['le']}",
    "too_short": lambda ctx: f"List should have at least {ctx['min_length']} items, not {ctx['actual_length']}",
    "too_long": lambda ctx: f"List should have at most {ctx['max_length']} items, not {ctx['actual_length']}",
    "string_too_short": lambda ctx: f"String should have at least {ctx['min_length']} characters",
    "string_too_long": lambda ctx: f"String should have at most {ctx['max_length']} characters",
    "string_pattern_mismatch": lambda ctx: f"String should match pattern '{ctx['pattern']}'",
    "value_error": lambda ctx: f"Value error, {ctx['error']}",
}


def _message_with_context(kind: str, ctx: dict[str, Any]) -> str:
    message = _CONTEXT_MESSAGES.get(kind)
    return message(ctx) if message is not None else kind


def _guarded(func: Callable[[Any], Any], value: Any, loc: Loc, errors: list[ErrorDetails]) -> Any:
    """``func(value)``; a ValueError (or AssertionError) it raises becomes a ``value_error`` at ``loc``."""
    try:
        return func(value)
    except (ValueError, AssertionError) as error:
        return _error(errors, "value_error", loc, value, error=error)


# -- validators compiled from annotations ----------------------------------------------------------

Validator = Callable[[Any, Loc, list[ErrorDetails]], Any]
"""Checks one value at a location: returns it (possibly converted) or adds errors and returns _INVALID."""


def _compile(annotation: Any, info: FieldInfo | None = None) -> Validator:
    """The validator of an annotation, with a field's own bounds applied after its type."""
    check = _compile_type(annotation)
    if info is not None and _has_bounds(info):
        return _bounded(check, info)
    return check


def _compile_type(annotation: Any) -> Validator:  # noqa: PLR0911 - one case per kind of type
    if annotation is Any or annotation is object:
        return _anything
    origin = typing.get_origin(annotation)
    if origin is typing.Annotated:
        return _compile_annotated(annotation.__origin__, annotation.__metadata__)
    if origin is typing.Union or origin is types.UnionType:
        return _compile_union(typing.get_args(annotation))
    if origin is Literal:
        return _literal(typing.get_args(annotation))
    if origin is list:
        (item,) = typing.get_args(annotation)
        return _list(_compile(item))
    if origin is dict:
        key, value = typing.get_args(annotation)
        return _dict(_compile(key), _compile(value))
    if isinstance(annotation, type):
        if issubclass(annotation, BaseModel):
            return _record(annotation)
        simple = _SIMPLE.get(annotation)
        if simple is not None:
            return simple
    raise TypeError(f"models.schema kent dit type niet: {annotation!r}")


def _anything(value: Any, loc: Loc, errors: list[ErrorDetails]) -> Any:
    return value


def _text(value: Any, loc: Loc, errors: list[ErrorDetails]) -> Any:
    return value if isinstance(value, str) else _error(errors, "string_type", loc, value)


def _whole(value: Any, loc: Loc, errors: list[ErrorDetails]) -> Any:
    return value if type(value) is int else _error(errors, "int_type", loc, value)


def _number(value: Any, loc: Loc, errors: list[ErrorDetails]) -> Any:
    kind = type(value)
    if kind is float:
        return value
    if kind is int:
        return float(value)
    return _error(errors, "float_type", loc, value)


def _boolean(value: Any, loc: Loc, errors: list[ErrorDetails]) -> Any:
    return value if type(value) is bool else _error(errors, "bool_type", loc, value)


def _date(value: Any, loc: Loc, errors: list[ErrorDetails]) -> Any:
    return value if type(value) is dt.date else _error(errors, "date_type", loc, value)


def _none(value: Any, loc: Loc, errors: list[ErrorDetails]) -> Any:
    return value if value is None else _error(errors, "none_required", loc, value)


_SIMPLE: dict[type, Validator] = {
    str: _text,
    int: _whole,
    float: _number,
    bool: _boolean,
    dt.date: _date,
    type(None): _none,
}


def _literal(allowed: tuple[Any, ...]) -> Validator:
    """One of the given values, of the same type (``1`` is not ``"1"``, ``True`` is not ``1``)."""
    kinds = {(value, type(value)) for value in allowed}
    shown = [repr(value) for value in allowed]
    expected = shown[0] if len(shown) == 1 else f"{', '.join(shown[:-1])} or {shown[-1]}"

    def check(value: Any, loc: Loc, errors: list[ErrorDetails]) -> Any:
        try:
            if (value, type(value)) in kinds:
                return value
        except TypeError:  # an unhashable value (a list or table) is no literal
            pass
        return _error(errors, "literal_error", loc, value, expected=expected)

    return check


def _list(item: Validator) -> Validator:
    def check(value: Any, loc: Loc, errors: list[ErrorDetails]) -> Any:
        if not isinstance(value, list):
            return _error(errors, "list_type", loc, value)
        before = len(errors)
        items = [item(element, (*loc, index), errors) for index, element in enumerate(value)]
        return _INVALID if len(errors) > before else items

    if item is _anything:
        return lambda value, loc, errors: (
            list(value) if isinstance(value, list) else _error(errors, "list_type", loc, value)
        )
    return check


def _dict(key: Validator, item: Validator) -> Validator:
    def check(value: Any, loc: Loc, errors: list[ErrorDetails]) -> Any:
        if not isinstance(value, dict):
            return _error(errors, "dict_type", loc, value)
        before = len(errors)
        checked = {}
        for name, element in value.items():
            checked_key = key(name, (*loc, name, "[key]"), errors)
            checked[checked_key] = item(element, (*loc, name), errors)
        return _INVALID if len(errors) > before else checked

    return check


def _compile_union(members: tuple[Any, ...]) -> Validator:
    """``X | None``: None or an X. Other unions: the first member that accepts the value."""
    others = [member for member in members if member is not type(None)]
    nullable = len(others) < len(members)
    if len(others) == 1:
        inner = _compile(others[0])
        if nullable:
            return lambda value, loc, errors: None if value is None else inner(value, loc, errors)
        return inner
    choices = [_compile(member) for member in others]

    def check(value: Any, loc: Loc, errors: list[ErrorDetails]) -> Any:
        if nullable and value is None:
            return None
        tried: list[ErrorDetails] = []
        for choice in choices:
            attempt: list[ErrorDetails] = []
            result = choice(value, loc, attempt)
            if not attempt:
                return result
            tried.extend(attempt)
        errors.extend(tried)
        return _INVALID

    return check


def _compile_annotated(base: Any, metadata: tuple[Any, ...]) -> Validator:
    """``Annotated[T, ...]``: before-validators, then T (or a plain validator instead), bounds, after-validators."""
    plain = next((item.func for item in metadata if isinstance(item, PlainValidator)), None)
    befores = [item.func for item in metadata if isinstance(item, BeforeValidator)]
    afters = [item.func for item in metadata if isinstance(item, AfterValidator)]
    patterns = [re.compile(item.pattern) for item in metadata if isinstance(item, StringConstraints) and item.pattern]
    bounds = [item for item in metadata if isinstance(item, FieldInfo)]
    if plain is not None:
        plain_func = plain
        return lambda value, loc, errors: _guarded(plain_func, value, loc, errors)
    check = _compile(base)
    for info in bounds:
        check = _bounded(check, info)
    for pattern in patterns:
        check = _matching(check, pattern)
    if not befores and not afters:
        return check
    inner = check

    def annotated(value: Any, loc: Loc, errors: list[ErrorDetails]) -> Any:
        for before in befores:
            value = _guarded(before, value, loc, errors)
            if value is _INVALID:
                return value
        value = inner(value, loc, errors)
        for after in afters:
            if value is _INVALID:
                return value
            value = _guarded(after, value, loc, errors)
        return value

    return annotated


def _has_bounds(info: FieldInfo) -> bool:
    return any(bound is not None for bound in (info.ge, info.le, info.min_length, info.max_length))


def _bounded(inner: Validator, info: FieldInfo) -> Validator:
    """The type's check, then the field's bounds (numbers: ge/le; lists and text: their length)."""
    ge, le, shortest, longest = info.ge, info.le, info.min_length, info.max_length

    def check(value: Any, loc: Loc, errors: list[ErrorDetails]) -> Any:
        value = inner(value, loc, errors)
        if value is _INVALID or value is None:
            return value
        if ge is not None and value < ge:
            return _error(errors, "greater_than_equal", loc, value, ge=ge)
        if le is not None and value > le:
            return _error(errors, "less_than_equal", loc, value, le=le)
        if shortest is not None or longest is not None:
            kind = "string_too" if isinstance(value, str) else "too"
            size = len(value)
            if shortest is not None and size < shortest:
                return _error(errors, f"{kind}_short", loc, value, min_length=shortest, actual_length=size)
            if longest is not None and size > longest:
                return _error(errors, f"{kind}_long", loc, value, max_length=longest, actual_length=size)
        return value

    return check


def _matching(inner: Validator, pattern: re.Pattern[str]) -> Validator:
    def check(value: Any, loc: Loc, errors: list[ErrorDetails]) -> Any:
        value = inner(value, loc, errors)
        if value is _INVALID or pattern.search(value):
            return value
        return _error(errors, "string_pattern_mismatch", loc, value, pattern=pattern.pattern)

    return check


def _record(model: type[BaseModel]) -> Validator:
    def check(value: Any, loc: Loc, errors: list[ErrorDetails]) -> Any:
        if isinstance(value, model):
            return value
        if not isinstance(value, dict):
            return _error(errors, "model_type", loc, value, class_name=model.__name__)
        return model._validated(value, loc, errors)

    return check


# -- record classes --------------------------------------------------------------------------------


@dataclass(slots=True)
class _Plan:
    """How one record class validates: per field its name, key in the file, info and validator."""

    fields: list[tuple[str, str, FieldInfo, Validator, tuple[Any, ...]]]
    keys: dict[str, str]
    """Every accepted key (alias, and the name when ``populate_by_name``) to its field name."""
    extra: str
    model_checks: tuple[Callable[[Any], Any], ...]


@dataclass_transform(kw_only_default=True, frozen_default=True, field_specifiers=(Field, FieldInfo))
class BaseModel:
    """A strict, immutable record. Subclasses declare fields as annotations; see the module's docstring."""

    model_config: ClassVar[ConfigDict] = {}
    model_fields: ClassVar[dict[str, FieldInfo]] = {}

    def __init_subclass__(cls, **kwargs: Any) -> None:
        super().__init_subclass__(**kwargs)
        fields: dict[str, FieldInfo] = {}
        for base in reversed(cls.__mro__[1:]):
            if issubclass(base, BaseModel):
                fields.update(base.__dict__.get("model_fields", {}))
        for name, annotation in cls.__dict__.get("__annotations__", {}).items():  # noqa: RUF063 - as written
            if name.startswith("_") or name in {"model_config", "model_fields"} or "ClassVar" in str(annotation):
                continue
            value = cls.__dict__.get(name, _MISSING)
            info = value if isinstance(value, FieldInfo) else FieldInfo(value)
            info._owner = cls
            info.annotation = annotation
            fields[name] = info
            if value is not _MISSING:
                delattr(cls, name)
        cls.model_fields = fields

    # -- building the plan on first use --

    @classmethod
    def _plan(cls) -> _Plan:
        plan: _Plan | None = cls.__dict__.get("_schema_plan")
        if plan is None:
            plan = cls._build()
            type.__setattr__(cls, "_schema_plan", plan)
        return plan

    @classmethod
    def model_rebuild(cls) -> None:
        """Reads the class now (its fields' annotations become types), as its first validation would."""
        cls._plan()

    @classmethod
    def _build(cls) -> _Plan:
        config = cls.model_config
        checks_by_field: dict[str, list[Any]] = {}
        model_checks: list[Callable[[Any], Any]] = []
        for klass in reversed(cls.__mro__):
            for attribute in vars(klass).values():
                if isinstance(attribute, _FieldCheck):
                    for name in attribute.fields:
                        checks_by_field.setdefault(name, []).append(_field_check(cls, attribute.method))
                elif isinstance(attribute, _ModelCheck):
                    model_checks.append(attribute.method)
        fields = []
        keys: dict[str, str] = {}
        for name, info in cls.model_fields.items():
            annotation = info.annotation
            if isinstance(annotation, str):
                owner = info._owner or cls
                namespace = {**vars(sys.modules[owner.__module__]), owner.__name__: owner}
                annotation = eval(annotation, namespace)
                info.annotation = annotation
            key = info.alias or name
            keys[key] = name
            if config.get("populate_by_name") and info.alias:
                keys[name] = name
            fields.append((name, key, info, _compile(annotation, info), tuple(checks_by_field.get(name, ()))))
        return _Plan(fields, keys, config.get("extra", "ignore"), tuple(model_checks))

    # -- validation --

    @classmethod
    def model_validate(cls, data: Any) -> Self:
        """A record from a parsed table (a record of this class is returned as it is)."""
        if isinstance(data, cls):
            return data
        errors: list[ErrorDetails] = []
        if not isinstance(data, dict):
            _error(errors, "model_type", (), data, class_name=cls.__name__)
            raise ValidationError(cls.__name__, errors)
        record = cls._validated(data, (), errors)
        if errors:
            raise ValidationError(cls.__name__, errors)
        return record  # type: ignore[no-any-return]

    def __init__(self, **data: Any) -> None:
        errors: list[ErrorDetails] = []
        values = type(self)._field_values(data, (), errors)
        if values is not None:
            self.__dict__.update(values)
            self._after_checks(self, data, (), errors)
        if errors:
            raise ValidationError(type(self).__name__, errors)

    @classmethod
    def _validated(cls, data: dict[str, Any], loc: Loc, errors: list[ErrorDetails]) -> Any:
        values = cls._field_values(data, loc, errors)
        if values is None:
            return _INVALID
        record = cls.__new__(cls)
        record.__dict__.update(values)
        return cls._after_checks(record, data, loc, errors)

    @classmethod
    def _after_checks(cls, record: Any, data: Any, loc: Loc, errors: list[ErrorDetails]) -> Any:
        for check in cls._plan().model_checks:
            try:
                record = check(record)
            except (ValueError, AssertionError) as error:
                return _error(errors, "value_error", loc, data, error=error)
        return record

    @classmethod
    def _field_values(cls, data: Mapping[str, Any], loc: Loc, errors: list[ErrorDetails]) -> dict[str, Any] | None:
        """Every field's checked value (and ``_extra`` for unknown keys kept), or None after errors."""
        plan = cls._plan()
        before = len(errors)
        values: dict[str, Any] = {}
        for name, key, info, check, field_checks in plan.fields:
            if key in data:
                raw = data[key]
                where = (*loc, key)
            elif name != key and name in data and plan.keys.get(name) == name:
                raw = data[name]
                where = (*loc, name)
            elif info.is_required():
                _error(errors, "missing", (*loc, key), data)
                continue
            else:
                values[name] = info.make_default()
                continue
            value = check(raw, where, errors)
            for field_check in field_checks:
                if value is _INVALID:
                    break
                value = field_check(value, ValidationInfo(values), where, errors)
            if value is not _INVALID:
                values[name] = value
        extra = _unknown_keys(plan, data, loc, errors)
        if len(errors) > before:
            return None
        values["_extra"] = extra
        return values

    # -- the record's own API --

    @property
    def model_extra(self) -> dict[str, Any] | None:
        """Keys kept without being known (for a class that allows them), in the order they were read."""
        extra: dict[str, Any] | None = self.__dict__.get("_extra")
        return extra

    def model_copy(self, *, update: Mapping[str, Any] | None = None, deep: bool = False) -> Self:
        """A copy with some fields replaced, not validated again: the caller gives values of the right type."""
        copied = object.__new__(type(self))
        values = dict(self.__dict__)
        extra = values.get("_extra")
        if extra is not None:
            values["_extra"] = extra = dict(extra)
        for name, value in (update or {}).items():
            if name in type(self).model_fields or extra is None:
                values[name] = value
            else:
                extra[name] = value
        copied.__dict__.update(values)
        return copied

    def model_dump(self, *, mode: str = "python", by_alias: bool = False, exclude_none: bool = False) -> dict[str, Any]:
        """The record as plain dictionaries and lists (nested records too), unknown keys after the fields."""
        out: dict[str, Any] = {}
        for name, info in type(self).model_fields.items():
            value = self.__dict__[name]
            if exclude_none and value is None:
                continue
            out[(info.alias or name) if by_alias else name] = _dumped(value, by_alias, exclude_none)
        for key, value in (self.model_extra or {}).items():
            if not (exclude_none and value is None):
                out[key] = _dumped(value, by_alias, exclude_none)
        return out

    def __iter__(self) -> Iterator[tuple[str, Any]]:
        for name in type(self).model_fields:
            yield name, self.__dict__[name]
        yield from (self.model_extra or {}).items()

    def __setattr__(self, name: str, value: Any) -> None:
        raise TypeError(f"{type(self).__name__} verandert niet; maak een kopie met model_copy(update=...)")

    def __delattr__(self, name: str) -> None:
        raise TypeError(f"{type(self).__name__} verandert niet")

    def __eq__(self, other: object) -> bool:
        if type(other) is not type(self):
            return NotImplemented
        return self.__dict__ == other.__dict__

    def __hash__(self) -> int:
        return hash((type(self), *(self.__dict__[name] for name in type(self).model_fields)))

    def __repr__(self) -> str:
        shown = ", ".join(f"{name}={self.__dict__[name]!r}" for name in type(self).model_fields)
        return f"{type(self).__name__}({shown})"


def _unknown_keys(plan: _Plan, data: Mapping[str, Any], loc: Loc, errors: list[ErrorDetails]) -> dict[str, Any] | None:
    """Keys no field knows: kept as read (``allow``: a newer file or a hand edit survives), or refused."""
    if plan.extra == "allow":
        return {key: value for key, value in data.items() if key not in plan.keys}
    if plan.extra == "forbid":
        for key, value in data.items():
            if key not in plan.keys:
                _error(errors, "extra_forbidden", (*loc, key), value)
    return None


def _field_check(cls: type[BaseModel], method: Any) -> Callable[[Any, ValidationInfo, Loc, list[ErrorDetails]], Any]:
    """A field validator (a classmethod) as a step: ``(value, info, loc, errors) -> value``."""
    func = method.__func__ if isinstance(method, classmethod) else method
    takes_info = func.__code__.co_argcount >= 3

    def step(value: Any, info: ValidationInfo, loc: Loc, errors: list[ErrorDetails]) -> Any:
        try:
            return func(cls, value, info) if takes_info else func(cls, value)
        except (ValueError, AssertionError) as error:
            return _error(errors, "value_error", loc, value, error=error)

    return step


def _dumped(value: Any, by_alias: bool, exclude_none: bool) -> Any:
    if isinstance(value, BaseModel):
        return value.model_dump(by_alias=by_alias, exclude_none=exclude_none)
    if isinstance(value, list):
        return [_dumped(item, by_alias, exclude_none) for item in value]
    if isinstance(value, dict):
        return {key: _dumped(item, by_alias, exclude_none) for key, item in value.items()}
    return value
