"""One registry of screens and keys (screens/registry.py): every screen and every widget with keys is
in it, every key has an id that the keymap accepts and that help and ``werkboek config --toetsen``
show, and a key remapped in the config file works."""

from __future__ import annotations

import importlib
import inspect
import pkgutil
import re
from collections.abc import Iterator
from pathlib import Path

import pytest
from conftest import TODAY
from textual.binding import Binding
from textual.screen import Screen
from textual.widgets import Static

import screens
import tui
import widgets
from models.settings import config_path
from screens import registry
from screens.actions import ActionsScreen
from screens.help import HelpScreen
from tui.app import WerkboekApp
from tui.keymap import all_bindings, binding_ids, checked_keymap
from widgets.action_table import ActionTable
from widgets.text_box import TextBox
from widgets.text_field import SearchField

ACTION_TABLE_IDS = {
    "acties.omhoog",
    "acties.omlaag",
    "acties.pagina-omhoog",
    "acties.pagina-omlaag",
    "acties.eerste",
    "acties.laatste",
}


def classes_of_the_app() -> Iterator[type]:
    """Every class defined in screens/, widgets/ and tui/."""
    for package in (screens, widgets, tui):
        for module_info in pkgutil.iter_modules(package.__path__):
            module = importlib.import_module(f"{package.__name__}.{module_info.name}")
            for _, found in inspect.getmembers(module, inspect.isclass):
                if found.__module__ == module.__name__:
                    yield found


def registered(entries: Iterator[registry.Registered]) -> set[tuple[str, str]]:
    return {(entry.module, entry.class_name) for entry in entries}


# -- (a) everything with keys is registered, every key has an id -----------------------------------


def test_every_class_with_keys_is_registered_and_every_key_has_an_id() -> None:
    owners = registered(registry.key_owners())
    with_keys = 0
    for found in classes_of_the_app():
        own = found.__dict__.get("BINDINGS")
        if not own:
            continue
        with_keys += 1
        assert (found.__module__, found.__name__) in owners, (
            f"{found.__module__}.{found.__name__} has keys but is not in screens/registry.py"
        )
        for binding in own:
            assert isinstance(binding, Binding), (found.__name__, binding)
            assert binding.id, f"{found.__name__}: the key {binding.key!r} has no id, so it cannot be remapped"
    assert with_keys >= 30


def test_every_screen_is_registered() -> None:
    """A new screen or dialog needs a Dutch title (help, notices) and its place in the registry."""
    known = registered(registry.screens()) | registered(iter(registry.BASES))
    for found in classes_of_the_app():
        if issubclass(found, Screen) and found.__module__.startswith("screens."):
            assert (found.__module__, found.__name__) in known, f"{found.__name__} is not in screens/registry.py"


def test_every_registry_entry_names_a_class_that_exists() -> None:
    for entry in (*registry.key_owners(), *registry.BASES):
        loaded = entry.load()
        assert loaded.__name__ == entry.class_name and loaded.__module__ == entry.module
        assert entry.title
    for module in registry.PRELOADED:
        importlib.import_module(module)


def test_the_widgets_of_the_app_with_keys_are_registered() -> None:
    """Widgets whose keys are Textual's, given an id again (lists, the checkbox list, the text fields,
    the text box, the drop-down choice and the scrolling pane)."""
    titles = {entry.class_name: entry.title for entry in registry.WIDGETS}
    for name in (
        *("ActionTable", "ChoiceList", "HangingOptionList", "CheckboxList", "TextField", "SearchField"),
        *("TextBox", "Choice", "ChoiceOverlay", "Scroll"),
    ):
        assert name in titles
    table_ids = {binding.id for owner, binding in all_bindings() if owner.class_name == "ActionTable"}
    assert table_ids == ACTION_TABLE_IDS


def test_main_screens_modes_and_number_keys_come_from_the_registry() -> None:
    modes = [screen.mode for screen in registry.MAIN_SCREENS]
    assert list(WerkboekApp.MODES) == [*modes, registry.PORTFOLIO.mode]
    keys = {binding.key: binding for binding in WerkboekApp.BINDINGS if isinstance(binding, Binding)}
    for screen in registry.MAIN_SCREENS:
        assert keys[screen.key].id == f"app.scherm-{screen.mode}"
        assert keys[screen.key].description == screen.title
    assert [screen.key for screen in registry.MAIN_SCREENS] == [str(n) for n in range(1, 9)]


def test_each_form_draft_comes_back_on_its_main_screen() -> None:
    modes = {screen.mode for screen in registry.MAIN_SCREENS}
    for form in registry.FORMS:
        assert form.draft == form.load().DRAFT_FORM
        assert registry.DRAFT_FORMS[form.draft] == form.returns_to and form.returns_to in modes


def test_titles_come_from_the_registry() -> None:
    assert registry.title_of("ActionsScreen") == "Acties"
    assert registry.title_of("ActionFormScreen") == "Actieformulier"
    assert registry.title_of("Onbekend") == "dit scherm"


# -- (b) ids are unique per owner and mean one thing -------------------------------------------------


def test_ids_are_unique_per_owner_and_mean_one_thing_everywhere() -> None:
    meanings: dict[str, tuple[str, str, str]] = {}
    for owner in registry.key_owners():
        cls = owner.load()
        ids: list[str] = []
        for base in cls.__mro__:  # the keys it has from its own bases too (FormScreen, ChoiceList …)
            ids += [b.id for b in base.__dict__.get("BINDINGS", []) if isinstance(b, Binding) and b.id]
        assert len(ids) == len(set(ids)), (owner.class_name, sorted(ids))
    for owner, binding in all_bindings():
        assert binding.id
        meaning = (binding.description, binding.tooltip, owner.class_name)
        first = meanings.setdefault(binding.id, meaning)
        assert first[:2] == meaning[:2], f"{binding.id} means {first} and {meaning}"


# -- (c) the keymap accepts every registered id -----------------------------------------------------


def test_the_keymap_accepts_every_registered_id_and_refuses_an_unknown_one() -> None:
    ids = binding_ids()
    assert ACTION_TABLE_IDS | {"lijst.omlaag", "vinklijst.aan-uit", "tekstveld.begin", "herstel.openen"} <= ids
    assert {
        "tekstveld.invoeren",
        "tekstvak.regel-begin",
        "keuzemenu.openen",
        "scrollen.omlaag",
        "scherm.volgende",
    } <= ids
    source = Path("instellingen.toml")
    usable, problems = checked_keymap(dict.fromkeys(ids, "f5"), source)
    assert problems == [] and set(usable) == ids
    usable, problems = checked_keymap({"acties.omlaagg": "j"}, source)
    assert usable == {}
    assert [str(problem) for problem in problems] == [
        'instellingen.toml: toetsen."acties.omlaagg": geen toets met dit id; de hulp (?) toont de ids'
    ]


# -- (d) a remapped key of the action table ---------------------------------------------------------


async def test_a_remapped_action_table_key_moves_the_cursor(workbook_file: Path) -> None:
    config_path().write_text('[toetsen]\n"acties.omlaag" = "j"\n"acties.laatste" = "G"\n', encoding="utf-8")
    app = WerkboekApp(workbook_file, today=TODAY)
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.press("4")
        await pilot.pause()
        assert isinstance(app.screen, ActionsScreen)
        table = app.screen.query_one(ActionTable)
        assert app.focused is table and table.cursor == 0
        await pilot.press("j", "j")
        await pilot.pause()
        assert table.cursor == 2
        await pilot.press("down")  # the old key no longer moves the cursor
        await pilot.pause()
        assert table.cursor == 2
        await pilot.press("G")
        await pilot.pause()
        assert table.cursor == len(table.actions) - 1
        notices = "\n".join(notification.message for notification in app._notifications)
        assert "Instellingen niet gebruikt" not in notices


async def test_a_remapped_list_key_works_on_a_hanging_list(workbook_file: Path) -> None:
    config_path().write_text('[toetsen]\n"lijst.omlaag" = "j"\n', encoding="utf-8")
    app = WerkboekApp(workbook_file, today=TODAY)
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.press("6")
        await pilot.pause()
        items = app.screen.query_one("#legal-list")
        assert app.focused is items
        before = items.highlighted  # type: ignore[attr-defined]
        await pilot.press("j")
        await pilot.pause()
        assert items.highlighted == (before or 0) + 1  # type: ignore[attr-defined]


async def test_a_remapped_list_key_works_in_the_werkboeken_table(tmp_path: Path) -> None:
    import shutil

    from conftest import EXAMPLE
    from textual.widgets import DataTable

    folder = tmp_path / "klanten"
    folder.mkdir()
    for name in ("a.toml", "b.toml", "c.toml"):
        shutil.copyfile(EXAMPLE, folder / name)
    config_path().write_text('[toetsen]\n"lijst.omlaag" = "j"\n"lijst.laatste" = "G"\n', encoding="utf-8")
    app = WerkboekApp(folder, today=TODAY)
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        table = app.screen.query_one(DataTable)
        assert app.focused is table and table.cursor_row == 0
        await pilot.press("j")
        await pilot.pause()
        assert table.cursor_row == 1
        await pilot.press("G")
        await pilot.pause()
        assert table.cursor_row == 2


async def test_a_remapped_key_works_in_the_acties_search_box(workbook_file: Path) -> None:
    config_path().write_text('[toetsen]\n"tekstveld.begin" = "f9"\n', encoding="utf-8")
    app = WerkboekApp(workbook_file, today=TODAY)
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.press("4", "slash", *"overleg")
        await pilot.pause()
        box = app.screen.query_one("#actions-filter", SearchField)
        assert app.focused is box and box.cursor_position == len("overleg")
        await pilot.press("home")  # the old key no longer moves the cursor
        await pilot.pause()
        assert box.cursor_position == len("overleg")
        await pilot.press("f9")
        await pilot.pause()
        assert box.cursor_position == 0
        await pilot.press("enter")  # enter still goes on to the table, as before
        await pilot.pause()
        assert app.focused is app.screen.query_one(ActionTable) and box.value == "overleg"


async def test_a_remapped_key_works_in_a_text_box_of_the_log_form(workbook_file: Path) -> None:
    config_path().write_text('[toetsen]\n"tekstvak.regel-begin" = "f9"\n', encoding="utf-8")
    app = WerkboekApp(workbook_file, today=TODAY)
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.press("7", "n")
        await pilot.pause()
        box = app.screen.query_one("#notitie", TextBox)
        box.focus()
        await pilot.press(*"kort overleg")
        await pilot.pause()
        assert box.cursor_location == (0, len("kort overleg"))
        await pilot.press("home")
        await pilot.pause()
        assert box.cursor_location == (0, len("kort overleg"))
        await pilot.press("f9")
        await pilot.pause()
        assert box.cursor_location == (0, 0) and box.text == "kort overleg"


async def test_remapped_tab_moves_the_focus_in_the_action_form_and_tab_no_longer_does(workbook_file: Path) -> None:
    config_path().write_text('[toetsen]\n"scherm.volgende" = "ctrl+n"\n', encoding="utf-8")
    app = WerkboekApp(workbook_file, today=TODAY)
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.press("4", "n")
        await pilot.pause()
        title = app.screen.query_one("#titel")
        assert app.focused is title
        await pilot.press("tab")
        await pilot.pause()
        assert app.focused is title
        await pilot.press("ctrl+n")
        await pilot.pause()
        assert app.focused is app.screen.query_one("#status")
        await pilot.press("shift+tab")  # scherm.vorige keeps its key
        await pilot.pause()
        assert app.focused is title
        notices = "\n".join(notification.message for notification in app._notifications)
        assert "Instellingen niet gebruikt" not in notices


APP_WIDGET_FOR = {
    "OptionList": "ChoiceList",
    "SelectionList": "CheckboxList",
    "DataTable": "ChoiceTable",
    "Input": "TextField or SearchField",
    "TextArea": "TextBox",
    "Select": "Choice",
    "VerticalScroll": "Scroll",
}


def test_every_widget_on_screen_has_remappable_keys() -> None:
    """Screens use the app's lists, tables, fields, text boxes, choices and scrolling panes (widgets/),
    never Textual's plain ones, whose keys have no id."""
    plain = re.compile(rf"\b({'|'.join(APP_WIDGET_FOR)})(\[[^\]]*\])?\(")
    for path in sorted((Path(screens.__file__).parent).glob("*.py")):
        found = [match.group(1) for match in plain.finditer(path.read_text(encoding="utf-8"))]
        assert not found, f"{path.name} makes a plain {found[0]}: use {APP_WIDGET_FOR[found[0]]}"


# -- (e) werkboek config --toetsen ------------------------------------------------------------------


def test_werkboek_config_lists_the_action_table_keys(capsys: pytest.CaptureFixture[str]) -> None:
    from cli.main import main

    assert main(["config", "--toetsen"]) == 0
    shown = capsys.readouterr().out
    lines = {line.split()[0]: line for line in shown.splitlines() if line.startswith("  ")}
    for binding_id in ACTION_TABLE_IDS:
        assert binding_id in lines and "(Actietabel)" in lines[binding_id]
    assert lines["acties.omlaag"].split()[1] == "down"
    assert "(Lijst" in lines["lijst.omlaag"] and "Vinklijst" in lines["lijst.omlaag"]
    assert set(lines) == binding_ids()


# -- (f) help lists the action table's keys with their ids -------------------------------------------


async def test_help_on_acties_lists_the_action_table_keys(workbook_file: Path) -> None:
    app = WerkboekApp(workbook_file, today=TODAY)
    async with app.run_test(size=(100, 60)) as pilot:
        await pilot.press("4", "question_mark")
        await pilot.pause()
        assert isinstance(app.screen, HelpScreen)
        assert app.screen.title_text == "Acties"
        text = app.screen.query_one("#help-text", Static).render().plain  # type: ignore[union-attr]
        own = text.split("\nOveral\n")[0]
        for binding_id in ACTION_TABLE_IDS:
            assert f"[{binding_id}]" in own
        assert "Eerste actie  [acties.eerste]" in own


async def test_help_in_a_form_lists_the_text_field_keys(workbook_file: Path) -> None:
    app = WerkboekApp(workbook_file, today=TODAY)
    async with app.run_test(size=(100, 60)) as pilot:
        await pilot.press("4", "n")
        await pilot.pause()
        await pilot.press("f1")
        await pilot.pause()
        assert isinstance(app.screen, HelpScreen) and app.screen.title_text == "Actieformulier"
        text = app.screen.query_one("#help-text", Static).render().plain  # type: ignore[union-attr]
        for binding_id in ("formulier.opslaan", "tekstveld.begin", "tekstveld.woord-wissen", "scherm.volgende"):
            assert f"[{binding_id}]" in text


# -- (g) the palette still finds commands of other screens ------------------------------------------


async def test_the_palette_offers_commands_of_other_screens_but_not_widget_keys(workbook_file: Path) -> None:
    from tui.commands import other_screen_commands, screen_commands

    app = WerkboekApp(workbook_file, today=TODAY)
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.press("4")
        await pilot.pause()
        here = [command.name for command in screen_commands(app, app.screen)]
        assert "Nieuw" in here and "Omlaag" not in here  # moving in the table is in help, not a command
        elsewhere = [command.name for command in other_screen_commands(app)]
        assert "Logboek: Een nieuw verslag, met de datum van vandaag" in elsewhere
        assert not any(name.startswith("Acties:") for name in elsewhere)


def test_the_palettes_english_words_belong_to_keys_that_exist() -> None:
    from tui.commands import ENGLISH

    assert set(ENGLISH) <= binding_ids()
