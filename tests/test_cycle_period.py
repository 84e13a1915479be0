"""The period of a new cycle and the file named after it (``klant-2027.toml``), not after today's year."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from models.cycle_period import PeriodError, checked_period, cycle_file_name, proposed_period


def test_the_year_after_the_one_in_the_file_name_is_proposed() -> None:
    assert proposed_period(Path("klant-2026.toml"), dt.date(2026, 3, 1)) == "2027"
    assert proposed_period(Path("klant-2026-2027.toml"), dt.date(2027, 1, 5)) == "2028"
    assert proposed_period(Path("klant-2026-2.toml"), dt.date(2026, 3, 1)) == "2027"


def test_without_a_year_in_the_name_the_coming_year_from_october() -> None:
    assert proposed_period(Path("klant.toml"), dt.date(2026, 9, 30)) == "2026"
    assert proposed_period(Path("klant.toml"), dt.date(2026, 10, 1)) == "2027"


def test_a_period_is_a_year_or_two_consecutive_years() -> None:
    assert checked_period(" 2027 ") == "2027"
    assert checked_period("2027–2028") == "2027-2028"
    for wrong, says in (
        ("volgend jaar", "geef een jaar (2027)"),
        ("1999", "tussen 2000 en 2100"),
        ("2027-2029", "zoals 2027-2028"),
    ):
        with pytest.raises(PeriodError, match=says.replace("(", r"\(").replace(")", r"\)")):
            checked_period(wrong)


def test_the_file_is_named_after_the_period_and_counts_up_when_taken() -> None:
    assert cycle_file_name(Path("klant.toml"), "2027", []) == "klant-2027.toml"
    assert cycle_file_name(Path("klant-2026.toml"), "2027", []) == "klant-2027.toml"
    assert cycle_file_name(Path("klant-2026-2027.toml"), "2027-2028", []) == "klant-2027-2028.toml"
    assert cycle_file_name(Path("klant.toml"), "2027", ["klant-2027.toml"]) == "klant-2027-2.toml"
