"""models/formatting.py: the one place for Dutch numbers, money, hours, dates and counts, used alike
by the detail pane, the diff, the reports and the CSV."""

from __future__ import annotations

import csv
import datetime as dt
import io

import pytest
from conftest import EXAMPLE, TODAY

from models.content import Content
from models.diff import diff_workbooks
from models.formatting import (
    aantal,
    clock,
    days_phrase,
    form_date,
    hours,
    long_date,
    money,
    number,
    percentage,
    plain_number,
    short_date,
)
from models.plan import with_action
from models.report import report_text
from models.report_csv import actions_csv
from models.store import load_workbook
from models.workbook import Workbook

VALUES = (0, 1, 1.5, 1250, 1250.5, 1_000_000)


def test_number() -> None:
    assert [number(v) for v in VALUES] == ["0", "1", "1,5", "1.250", "1.250,5", "1.000.000"]
    assert number(-1250.5) == "-1.250,5"
    assert number(0.25) == "0,25" and number(0.126) == "0,13" and number(2.999) == "3"
    assert number(-0.001) == "0"  # no "-0"
    assert [number(v, decimals=1) for v in (0, 2.44, 2.45001, 1250)] == ["0,0", "2,4", "2,5", "1.250,0"]


def test_plain_number_is_what_forms_and_excel_read() -> None:
    assert [plain_number(v) for v in VALUES] == ["0", "1", "1,5", "1250", "1250,5", "1000000"]
    assert plain_number(None) == "" and plain_number(-1250.5) == "-1250,5"
    assert plain_number(0.125) == "0,125" and plain_number(0.1 + 0.2) == "0,3" and plain_number(1e-5) == "0,00001"


def test_money_has_cents_only_when_there_are_any() -> None:
    assert [money(v) for v in VALUES] == ["€ 0", "€ 1", "€ 1,50", "€ 1.250", "€ 1.250,50", "€ 1.000.000"]
    assert money(-1250.5) == "€ -1.250,50"
    assert money(0.05) == "€ 0,05" and money(1249.999) == "€ 1.250"


def test_hours() -> None:
    assert [hours(v) for v in VALUES] == ["0 uur", "1 uur", "1,5 uur", "1.250 uur", "1.250,5 uur", "1.000.000 uur"]


def test_percentage() -> None:
    assert [percentage(v) for v in (0, 1, 1.5, 4.25, 100)] == ["0%", "1%", "1,5%", "4,25%", "100%"]


def test_dates() -> None:
    day = dt.date(2026, 4, 17)
    assert short_date(day) == "17 apr 2026" and short_date(day, with_year=False) == "17 apr"
    assert form_date(day) == "17-4-2026" and form_date(dt.date(2026, 12, 1)) == "1-12-2026" and form_date(None) == ""
    assert long_date(day) == "17 april 2026" and long_date(dt.date(2027, 3, 1)) == "1 maart 2027"
    assert clock(dt.datetime(2026, 4, 17, 9, 5)) == "09:05" and clock(dt.time(14, 35)) == "14:35"


def test_days_phrase() -> None:
    today = dt.date(2026, 4, 17)
    shown = [days_phrase(today + dt.timedelta(days=d), today) for d in (0, 1, 5, -1, -3)]
    assert shown == ["vandaag", "morgen", "over 5 dagen", "1 dag te laat", "3 dagen te laat"]


def test_aantal() -> None:
    shown = [aantal(n, "actie", "acties") for n in (0, 1, 2, 1250)]
    assert shown == ["0 acties", "1 actie", "2 acties", "1.250 acties"]


@pytest.fixture
def example(content: Content) -> Workbook:
    return load_workbook(EXAMPLE, content).workbook


def test_a_budget_reads_the_same_in_detail_pane_diff_report_and_csv(example: Workbook, content: Content) -> None:
    from widgets.action_view import action_detail

    action = example.acties[0]
    old = example.model_copy(update={"acties": [action.model_copy(update={"budget": 10.0, "uren": 2.0})]})
    new = with_action(old, action.model_copy(update={"budget": 1250.5, "uren": 1.5}))
    shown_budget, shown_hours = "€ 1.250,50", "1,5 uur"

    detail = action_detail(new.acties[0], content, TODAY).plain
    diff = "\n".join(line.text for line in diff_workbooks(old, new, content))
    report = report_text(new, content, TODAY, "md")
    for text in (detail, diff, report):
        assert shown_budget in text and shown_hours in text
    assert f"budget {shown_budget} · {shown_hours}" in detail
    assert f"budget € 10 → {shown_budget}" in diff and f"uren 2 uur → {shown_hours}" in diff
    assert f"Budget: {shown_budget} · Uren: {shown_hours}" in report

    row = next(csv.DictReader(io.StringIO(actions_csv(new, content)), delimiter=";"))
    assert (row["Budget (euro)"], row["Uren"]) == ("1250,5", "1,5")  # Excel (NL) reads these as numbers
