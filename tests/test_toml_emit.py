"""The TOML writer's shortcuts give exactly the bytes ``tomli_w`` gives, and tables stay blocks."""

from __future__ import annotations

import datetime as dt
import tomllib

import pytest
import tomli_w

from models.toml_emit import dumps, format_key, format_value

TEXTS = [
    "",
    "gewoon",
    "met 'enkele' en tab\there",
    'met "dubbele"',
    "back\\slash",
    "regel 1\nregel 2",
    "regel 1\nregel 2\n",
    'eindigt op quote"\n',
    'drie """ quotes\nerin',
    "windows\r\nregels",
    "los \r teken",
    "Zürich – café ✓ 🚐",
    "\x00\x07\x1b\x7f",
    "\n",
    "\n\n",
    *[chr(code) for code in range(128)],
    *[f"a{chr(code)}\nb" for code in range(128)],
]


def reference(value: object) -> str:
    return tomli_w.dumps({"k": value}, multiline_strings=True)[len("k = ") : -1]


def test_text_is_formatted_exactly_like_tomli_w() -> None:
    """All 271 texts in one test (as 271 tests, collecting and reporting them cost more than the checks);
    every text that goes wrong is listed, not only the first."""
    wrong = []
    for number, text in enumerate(TEXTS):
        formatted = format_value(text)
        if formatted != reference(text):
            wrong.append(f"{number} {text!r}: {formatted} instead of {reference(text)}")
            continue
        try:
            read_back = tomllib.loads(f"k = {formatted}")["k"]
        except tomllib.TOMLDecodeError as error:
            wrong.append(f"{number} {text!r}: {formatted} is no valid TOML ({error})")
            continue
        if read_back != text.replace("\r\n", "\n"):
            wrong.append(f"{number} {text!r}: {formatted} reads back as {read_back!r}")
    assert len(TEXTS) == 271
    assert wrong == [], "\n".join(wrong)


@pytest.mark.parametrize(
    "value",
    [
        0,
        -3,
        10**12,
        1.5,
        2.0,
        -0.25,
        1e20,
        True,
        False,
        dt.date(2026, 12, 1),
        dt.datetime(2026, 1, 1, 9, 30),
        [],
        ["a", "b"],
        ['met "quote"'],
        ["a\nb"],
        [1, 2],
        [["x"]],
        {"a": 1},
    ],
    ids=repr,
)
def test_other_values_are_formatted_exactly_like_tomli_w(value: object) -> None:
    assert format_value(value) == reference(value)


@pytest.mark.parametrize("key", ["naam", "in-kaart", "A_1", "met spatie", "ë", 'q"uote', ""])
def test_keys(key: str) -> None:
    assert format_key(key) == tomli_w.dumps({key: 1}).split(" = ")[0]


def test_small_tables_in_a_list_stay_blocks() -> None:
    text = dumps({"schema": 1, "acties": [{"id": "A1"}, {"id": "A2", "sub": {"x": 1}}], "leeg": {}})
    assert text == 'schema = 1\n\n[[acties]]\nid = "A1"\n\n[[acties]]\nid = "A2"\n\n[acties.sub]\nx = 1\n\n[leeg]\n'
    assert tomllib.loads(text) == {"schema": 1, "acties": [{"id": "A1"}, {"id": "A2", "sub": {"x": 1}}], "leeg": {}}
