"""An action's opmerking (the employer's remark, e.g. from the Excel read back) is shown and edited in the
app and survives every edit of the action in the form."""

from __future__ import annotations

from conftest import TODAY

from models.action_form import action_from_form, form_values
from models.content import Content
from models.workbook import Action
from widgets.action_view import action_detail


def test_editing_an_action_keeps_its_remark_and_can_change_it(content: Content) -> None:
    original = Action(id="A3", titel="RI&E aanvullen", status="bezig", opmerking="Na de zomer, zegt Marco.")
    values = form_values(original)
    assert values["opmerking"] == "Na de zomer, zegt Marco."
    kept, errors = action_from_form(
        {**values, "titel": "RI&E aanvullen met werkdruk"}, [], action_id="A3", today=TODAY, original=original
    )
    assert not errors and kept is not None
    assert (kept.titel, kept.opmerking) == ("RI&E aanvullen met werkdruk", "Na de zomer, zegt Marco.")
    cleared, _ = action_from_form({**values, "opmerking": ""}, [], action_id="A3", today=TODAY, original=original)
    assert cleared is not None and cleared.opmerking is None


def test_the_detail_shows_the_remark(content: Content) -> None:
    action = Action(id="A3", titel="RI&E aanvullen", opmerking="Na de zomer, zegt Marco.")
    shown = action_detail(action, content, TODAY).plain
    assert "Opmerking\nNa de zomer, zegt Marco." in shown
