"""Action ids are never given twice: the highest number ever given is kept in the file (laatste_actie)."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest
from conftest import TODAY

from models.canonical import dumps_workbook
from models.content import Content
from models.diff import diff_workbooks
from models.history import Change, History
from models.plan import next_action_id, with_action, without_action
from models.problems import WorkbookError
from models.schema import ValidationError
from models.store import load_workbook, save_workbook
from models.workbook import Action, Organisation, Workbook
from screens.action_form import ActionFormScreen
from tests.test_actions_app import go_to, open_actions, saved
from tui.app import WerkboekApp

ROOT = Path(__file__).resolve().parent.parent


def plan(*ids: str, last: int | None = None) -> Workbook:
    return Workbook(
        organisatie=Organisation(naam="Klant"),
        acties=[Action(id=i, titel=f"Actie {i}") for i in ids],
        laatste_actie=last,
    )


def test_delete_then_add_gives_a_new_number() -> None:
    workbook = without_action(plan("A1", "A19", "A20"), "A20")
    assert workbook.laatste_actie == 20
    assert next_action_id(workbook) == "A21"
    added = with_action(workbook, Action(id=next_action_id(workbook), titel="Nieuw"))
    assert [a.id for a in added.acties] == ["A1", "A19", "A21"]
    assert added.laatste_actie is None  # the highest in use says it again
    assert next_action_id(added) == "A22"


def test_deleting_a_lower_number_keeps_no_counter() -> None:
    workbook = without_action(plan("A1", "A19", "A20"), "A19")
    assert workbook.laatste_actie is None
    assert next_action_id(workbook) == "A21"


def test_deleting_everything_still_remembers() -> None:
    workbook = without_action(without_action(plan("A1", "A2"), "A2"), "A1")
    assert workbook.acties == [] and workbook.laatste_actie == 2
    assert next_action_id(workbook) == "A3"


def test_delete_the_last_save_reload_add(content: Content, workbook_file: Path) -> None:
    loaded = load_workbook(workbook_file, content)
    assert next_action_id(loaded.workbook) == "A21"
    save_workbook(loaded, without_action(loaded.workbook, "A20"), content=content)
    text = workbook_file.read_text(encoding="utf-8")
    assert text.splitlines()[:2] == ["schema = 1", "laatste_actie = 20"]
    reloaded = load_workbook(workbook_file, content)
    assert reloaded.workbook.laatste_actie == 20
    assert next_action_id(reloaded.workbook) == "A21"
    added = with_action(reloaded.workbook, Action(id="A21", titel="Nieuw"))
    save_workbook(reloaded, added, content=content)
    assert "laatste_actie" not in workbook_file.read_text(encoding="utf-8")  # A21 says it now
    assert next_action_id(load_workbook(workbook_file, content).workbook) == "A22"


def test_the_counter_round_trips_byte_identically(content: Content, workbook_file: Path) -> None:
    loaded = load_workbook(workbook_file, content)
    save_workbook(loaded, without_action(loaded.workbook, "A20"), content=content)
    first = workbook_file.read_bytes()
    reloaded = load_workbook(workbook_file, content)
    assert dumps_workbook(reloaded.workbook, content).encode() == first
    save_workbook(reloaded, reloaded.workbook, content=content)
    assert workbook_file.read_bytes() == first


def test_the_example_is_unchanged_without_a_counter(content: Content, example_text: str) -> None:
    workbook = load_workbook(ROOT / "saves" / "van-dijk-installatietechniek.toml", content).workbook
    assert workbook.laatste_actie is None
    assert dumps_workbook(workbook, content) == example_text


def test_undo_brings_back_the_same_id_and_redo_deletes_it_again() -> None:
    history = History()
    before = plan("A1", "A20")
    after = without_action(before, "A20")
    history.record(Change("Actie A20 verwijderd", before, after))
    undone = history.undo()
    assert undone is not None and undone.before.action("A20") is not None
    assert next_action_id(undone.before) == "A21"
    redone = history.redo()
    assert redone is not None and redone.after.action("A20") is None
    assert next_action_id(redone.after) == "A21"


def test_a_stale_counter_is_raised_silently() -> None:
    """A hand-added A25 or a line-wise merge can leave the counter behind: the ids in use are given too."""
    workbook = plan("A1", "A25", last=20)
    assert workbook.laatste_actie is None
    assert workbook.last_action_number() == 25
    assert next_action_id(workbook) == "A26"
    assert plan("A1", last=1).laatste_actie is None
    assert plan("A1", last=7).laatste_actie == 7


@pytest.mark.parametrize("value", [0, -3, "A20", 2.5, True])
def test_a_counter_that_is_no_whole_number_is_refused(value: object) -> None:
    with pytest.raises(ValidationError):
        Workbook.model_validate({"organisatie": {"naam": "Klant"}, "laatste_actie": value})


def test_diff_does_not_report_the_counter_of_a_delete_or_add(content: Content) -> None:
    old = plan("A1", "A20")
    deleted = without_action(old, "A20")
    assert [line.text for line in diff_workbooks(old, deleted, content)] == ["A20 Actie A20: verwijderd (was idee)"]
    added = with_action(deleted, Action(id="A21", titel="Nieuw"))
    assert [line.text for line in diff_workbooks(deleted, added, content)] == ["A21 Nieuw: nieuw (idee)"]


def test_diff_reports_a_hand_edited_counter_in_dutch(content: Content) -> None:
    old = plan("A1", "A20", last=None)
    new = plan("A1", "A20", last=30)
    lines = diff_workbooks(old, new, content)
    assert [(line.section, line.text) for line in lines] == [
        ("Acties", "hoogste actienummer ooit gegeven: A20 → A30 (de volgende actie wordt A31)")
    ]


def _check(path: Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "cli.main", "check", str(path)], capture_output=True, text=True, cwd=ROOT, check=False
    )


def test_check_accepts_a_counter_and_a_stale_one(workbook_file: Path, example_text: str) -> None:
    workbook_file.write_text(example_text.replace("schema = 1\n", "schema = 1\nlaatste_actie = 24\n", 1), "utf-8")
    assert _check(workbook_file).returncode == 0
    workbook_file.write_text(example_text.replace("schema = 1\n", "schema = 1\nlaatste_actie = 3\n", 1), "utf-8")
    assert _check(workbook_file).returncode == 0


def test_check_and_load_refuse_a_counter_that_is_no_number(
    content: Content, workbook_file: Path, example_text: str
) -> None:
    workbook_file.write_text(example_text.replace("schema = 1\n", 'schema = 1\nlaatste_actie = "A20"\n', 1), "utf-8")
    result = _check(workbook_file)
    assert result.returncode != 0
    assert "laatste_actie" in result.stdout + result.stderr
    assert ":2:" in result.stdout + result.stderr
    with pytest.raises(WorkbookError) as error:
        load_workbook(workbook_file, content)
    assert "geheel getal" in str(error.value)


async def test_in_the_app_delete_undo_redo_and_add(workbook_file: Path) -> None:
    app = WerkboekApp(workbook_file, today=TODAY)
    async with app.run_test(size=(100, 40)) as pilot:
        await open_actions(pilot)
        await go_to(pilot, "A20")
        await pilot.press("x")
        await pilot.pause()
        assert app.session.workbook.action("A20") is None
        await pilot.press("ctrl+z")
        await pilot.pause()
        assert app.session.workbook.action("A20") is not None
        await pilot.press("ctrl+y")
        await pilot.pause()
        assert app.session.workbook.action("A20") is None
        await pilot.press("n")
        await pilot.pause()
        assert isinstance(app.screen, ActionFormScreen)
        await pilot.press(*"Nieuwe actie")
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert app.session.workbook.action("A21") is not None
        assert app.session.workbook.action("A20") is None
        await pilot.press("q")
    assert "A21" in saved(workbook_file) and "A20" not in saved(workbook_file)
