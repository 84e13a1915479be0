"""Plan edits, undo history, the action form's parsing, and filtering and sorting the plan."""

from __future__ import annotations

import datetime as dt
import itertools

import pytest
from conftest import TODAY

from models.action_form import action_from_form, form_values
from models.action_list import ActionFilter, filtered, sorted_actions
from models.content import Content
from models.form_parsing import FormError, parse_amount, parse_date
from models.history import Change, History
from models.plan import advanced, next_action_id, with_action, without_action
from models.workbook import Action, Organisation, Workbook


def workbook(*actions: Action) -> Workbook:
    return Workbook(organisatie=Organisation(naam="Bakkerij De Vries"), acties=list(actions))


@pytest.mark.parametrize(
    ("text", "expected"),
    [("2026-12-01", dt.date(2026, 12, 1)), ("1-12-2026", dt.date(2026, 12, 1)), ("01/12/2026", dt.date(2026, 12, 1)),
     ("29-2-2028", dt.date(2028, 2, 29)), ("", None), ("  ", None)],
)  # fmt: skip
def test_dates_in_both_forms(text: str, expected: dt.date | None) -> None:
    assert parse_date(text) == expected


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("31-02-2026", "31-2-2026 bestaat niet: februari 2026 heeft 28 dagen"),
        ("2026-04-31", "31-4-2026 bestaat niet: april 2026 heeft 30 dagen"),
        ("1-13-2026", "maand 13 bestaat niet"),
        ("morgen", "'morgen' is geen datum; schrijf dag-maand-jaar, zoals 1-12-2026"),
    ],
)
def test_impossible_dates_get_a_clear_message(text: str, message: str) -> None:
    with pytest.raises(FormError) as caught:
        parse_date(text)
    assert message in str(caught.value)


def test_amounts() -> None:
    assert parse_amount("1250") == 1250 and parse_amount("12,5") == 12.5 and parse_amount("€ 300") == 300
    assert parse_amount("") is None
    with pytest.raises(FormError, match="geen getal"):
        parse_amount("veel")
    with pytest.raises(FormError, match="negatief"):
        parse_amount("-5")


def test_form_to_action_and_back() -> None:
    values = {"titel": "  Werkoverleg werkdruk ", "status": "gepland", "fase": "invoeren", "start": "1-12-2026",
              "deadline": "2027-02-01", "budget": "250", "uren": "1,5", "werkwijze": "regel 1\nregel 2\n"}  # fmt: skip
    action, errors = action_from_form(values, ["communicatie"], action_id="A7", today=TODAY)
    assert errors == {}
    assert action == Action(
        id="A7", titel="Werkoverleg werkdruk", status="gepland", fase="invoeren", succesfactoren=["communicatie"],
        start=dt.date(2026, 12, 1), deadline=dt.date(2027, 2, 1), budget=250.0, uren=1.5, werkwijze="regel 1\nregel 2",
    )  # fmt: skip
    assert form_values(action)["deadline"] == "1-2-2027" and form_values(action)["budget"] == "250"


def test_form_errors_name_the_field() -> None:
    values = {"titel": "", "start": "2027-01-01", "deadline": "1-12-2026", "afgerond_op": "30-2-2026", "uren": "x"}
    action, errors = action_from_form(values, [], action_id="A1", today=TODAY)
    assert action is None
    assert errors["titel"] == "vul een titel in"
    assert "30-2-2026 bestaat niet" in errors["afgerond_op"]
    assert "geen getal" in errors["uren"]
    values = {"titel": "T", "start": "2027-01-01", "deadline": "1-12-2026"}
    _, errors = action_from_form(values, [], action_id="A1", today=TODAY)
    assert errors == {
        "deadline": "deadline 1-12-2026 ligt vóór start 1-1-2027; de deadline moet op of na de startdatum liggen"
    }


def test_form_keeps_unknown_keys_and_fills_the_finish_date() -> None:
    original = Action.model_validate({"id": "A3", "titel": "Oud", "label": "x"})
    action, _ = action_from_form(
        {"titel": "Nieuw", "status": "klaar"}, [], action_id="A3", today=TODAY, original=original
    )
    assert action is not None and action.model_extra == {"label": "x"} and action.afgerond_op == TODAY


def test_status_steps_and_finish_date() -> None:
    action = Action(id="A1", titel="T")
    steps = [action.status]
    while (action := advanced(action, TODAY) or action).status not in steps:  # type: ignore[assignment]
        steps.append(action.status)
    assert steps == ["idee", "gepland", "bezig", "klaar"]
    assert action.afgerond_op == TODAY
    assert advanced(Action(id="A2", titel="T", status="gestopt"), TODAY) is None


def test_edits_leave_the_original_untouched() -> None:
    original = workbook(Action(id="A10", titel="tien"), Action(id="A2", titel="twee"))
    added = with_action(original, Action(id="A11", titel="elf"))
    assert [a.id for a in original.acties] == ["A10", "A2"]
    assert [a.id for a in added.acties] == ["A2", "A10", "A11"]
    assert next_action_id(added) == "A12"
    renamed = with_action(added, Action(id="A2", titel="twee!"))
    assert [a.titel for a in renamed.acties] == ["twee!", "tien", "elf"]
    assert [a.id for a in without_action(renamed, "A10").acties] == ["A2", "A11"]
    with pytest.raises(TypeError, match="verandert niet"):
        original.acties[0].titel = "mag niet"  # type: ignore[misc]


def test_history_undo_redo_and_its_reach() -> None:
    history = History()
    states = [workbook(Action(id=f"A{n}", titel=f"stap {n}")) for n in range(151)]
    for before, after in itertools.pairwise(states):
        history.record(Change("stap", before, after))
    undone = [history.undo() for _ in range(150)]
    assert all(change is not None for change in undone)
    assert undone[-1].before is states[0]  # type: ignore[union-attr]
    assert history.undo() is None
    assert history.redo().after is states[1]  # type: ignore[union-attr]
    history.record(Change("nieuw", states[1], states[5]))
    assert not history.can_redo


def test_filter_and_sort(content: Content) -> None:
    actions = [
        Action(id="A1", titel="Werkdruk bespreken", status="bezig", deadline=dt.date(2026, 11, 1), eigenaar="Jan"),
        Action(id="A2", titel="Tilhulp", status="gepland", wat="minder werkdruk door hulpmiddel", eigenaar="Ans"),
        Action(id="A10", titel="Knie", status="klaar", deadline=dt.date(2026, 1, 1)),
    ]
    assert [a.id for a in filtered(actions, ActionFilter(text="WERKDRUK"), TODAY)] == ["A1", "A2"]
    assert [a.id for a in filtered(actions, ActionFilter(overdue_only=True), TODAY)] == ["A1"]
    assert [a.id for a in filtered(actions, ActionFilter(owner="Ans"), TODAY)] == ["A2"]
    assert [a.id for a in sorted_actions(actions, "deadline", content)] == ["A10", "A1", "A2"]
    assert [a.id for a in sorted_actions(actions, "deadline", content, reverse=True)] == ["A1", "A10", "A2"]
    assert [a.id for a in sorted_actions(actions, "titel", content)] == ["A10", "A2", "A1"]
    assert [a.id for a in sorted_actions(actions, "id", content)] == ["A1", "A2", "A10"]
