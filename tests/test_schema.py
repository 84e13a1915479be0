"""models/schema.py: strict, immutable records that report every error with its place (issue 16 replaced
pydantic by it; the Dutch messages read its errors, so their kinds and locations are pinned here)."""

from __future__ import annotations

import datetime as dt
import math
from typing import Annotated, Any, Literal

import pytest

from models.dutch_messages import dutch_validation_message
from models.schema import (
    AfterValidator,
    BaseModel,
    BeforeValidator,
    ConfigDict,
    Field,
    StringConstraints,
    ValidationError,
    ValidationInfo,
    field_validator,
    model_validator,
)


def _positive(value: float) -> float:
    if isinstance(value, float) and math.isnan(value):
        raise ValueError("geen getal")
    return value


class Part(BaseModel):
    model_config = ConfigDict(extra="allow")

    code: Annotated[str, StringConstraints(pattern=r"^[a-z]+$")]
    aantal: Annotated[int, Field(ge=1, le=9)] = 1


class Record(BaseModel):
    model_config = ConfigDict(extra="allow", populate_by_name=True)

    versie: int = Field(default=1, alias="schema", ge=1)
    naam: Annotated[str, AfterValidator(str.strip)]
    soort: Literal["a", "b"] = "a"
    start: dt.date | None = None
    datum: dt.date | None = None
    """After start: its validator sees the fields before it."""
    bedrag: Annotated[float, BeforeValidator(_positive)] | None = None
    delen: list[Part] = Field(default_factory=list)
    labels: dict[str, str] = Field(default_factory=dict)
    vrij: Any = None

    @field_validator("datum")
    @classmethod
    def _after_start(cls, datum: dt.date | None, info: ValidationInfo) -> dt.date | None:
        start = info.data.get("start")
        if start and datum and datum < start:
            raise ValueError("datum vóór start")
        return datum


class Strict(BaseModel):
    model_config = ConfigDict(extra="forbid")

    van: int
    tot: int

    @model_validator(mode="after")
    def _in_order(self) -> Strict:
        if self.tot < self.van:
            raise ValueError("tot ligt vóór van")
        return self


def _errors(model: type[BaseModel], data: dict[str, Any]) -> list[tuple[str, tuple[str | int, ...]]]:
    with pytest.raises(ValidationError) as caught:
        model.model_validate(data)
    return [(detail["type"], tuple(detail["loc"])) for detail in caught.value.errors()]


def test_a_valid_table_becomes_a_record_with_defaults_and_converted_values() -> None:
    record = Record.model_validate({"naam": "  Klant  ", "bedrag": 12, "delen": [{"code": "ab"}]})
    assert record.naam == "Klant"
    assert record.versie == 1 and record.soort == "a" and record.labels == {}
    assert record.bedrag == 12.0 and type(record.bedrag) is float
    assert record.delen == [Part(code="ab")]


def test_every_error_is_reported_with_its_place_not_only_the_first() -> None:
    data = {
        "naam": 3,
        "soort": "c",
        "datum": "2026-01-01",
        "bedrag": True,
        "delen": [{"code": "ok"}, {"code": "Niet Goed", "aantal": 10}, "los"],
        "labels": {"x": 1},
    }
    assert _errors(Record, data) == [
        ("string_type", ("naam",)),
        ("literal_error", ("soort",)),
        ("date_type", ("datum",)),
        ("float_type", ("bedrag",)),
        ("string_pattern_mismatch", ("delen", 1, "code")),
        ("less_than_equal", ("delen", 1, "aantal")),
        ("model_type", ("delen", 2)),
        ("string_type", ("labels", "x")),
    ]


def test_types_are_strict_no_quiet_conversions() -> None:
    assert _errors(Strict, {"van": True, "tot": 2.0}) == [("int_type", ("van",)), ("int_type", ("tot",))]
    assert _errors(Record, {"naam": "x", "datum": dt.datetime(2026, 1, 1, 9)}) == [("date_type", ("datum",))]
    assert _errors(Record, {"naam": "x", "soort": 1}) == [("literal_error", ("soort",))]


def test_missing_and_unknown_keys() -> None:
    assert _errors(Strict, {"van": 1, "extra": 5}) == [("missing", ("tot",)), ("extra_forbidden", ("extra",))]
    record = Record.model_validate({"naam": "x", "nieuw_veld": [1, 2], "delen": [{"code": "a", "kleur": "rood"}]})
    assert record.model_extra == {"nieuw_veld": [1, 2]}
    assert record.delen[0].model_extra == {"kleur": "rood"}
    assert record.model_dump(by_alias=True, exclude_none=True) == {
        "schema": 1,
        "naam": "x",
        "soort": "a",
        "delen": [{"code": "a", "aantal": 1, "kleur": "rood"}],
        "labels": {},
        "nieuw_veld": [1, 2],
    }


def test_alias_and_field_name_are_both_accepted_when_populate_by_name() -> None:
    assert Record.model_validate({"schema": 2, "naam": "x"}).versie == 2
    assert Record.model_validate({"versie": 3, "naam": "x"}).versie == 3
    assert _errors(Record, {"schema": 0, "naam": "x"}) == [("greater_than_equal", ("schema",))]


def test_validators_see_earlier_fields_and_the_whole_record() -> None:
    errors = _errors(Record, {"naam": "x", "start": dt.date(2026, 5, 1), "datum": dt.date(2026, 4, 1)})
    assert errors == [("value_error", ("datum",))]
    assert _errors(Strict, {"van": 5, "tot": 1}) == [("value_error", ())]
    assert _errors(Record, {"naam": "x", "bedrag": float("nan")}) == [("value_error", ("bedrag",))]
    with pytest.raises(ValidationError, match="tot ligt vóór van"):
        Strict(van=5, tot=1)


def test_the_dutch_messages_read_these_errors() -> None:
    with pytest.raises(ValidationError) as caught:
        Record.model_validate({"naam": "x", "soort": "c", "delen": [{"code": "a", "aantal": 0}]})
    messages = [dutch_validation_message(detail) for detail in caught.value.errors()]
    assert messages == ['ongeldige waarde "c"; toegestaan: a, b', "moet minstens 1 zijn, niet 0"]


def test_a_record_never_changes_a_copy_does() -> None:
    record = Record.model_validate({"naam": "x", "oud": 1})
    with pytest.raises(TypeError, match="verandert niet"):
        record.naam = "y"  # type: ignore[misc]
    copy = record.model_copy(update={"naam": "y", "oud": 2})
    assert (record.naam, record.model_extra) == ("x", {"oud": 1})
    assert (copy.naam, copy.model_extra) == ("y", {"oud": 2})
    assert copy != record and copy.model_copy(update={"naam": "x", "oud": 1}) == record
