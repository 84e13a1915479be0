"""Palette, help, keymap, settings, themes, small terminals and quiet screens over slow links."""

from __future__ import annotations

import os
import time
from pathlib import Path

import pytest
from conftest import TODAY
from textual.command import CommandPalette
from textual.widgets import Static
from waiting import palette_searched, until

from models.settings import CONFIG_TEMPLATE, config_path, create_config, load_settings, read_state, state_path
from screens.action_form import ActionFormScreen
from screens.actions import ActionsScreen
from screens.dashboard import DashboardScreen
from screens.export import ExportScreen
from screens.help import HelpScreen
from screens.too_small import TooSmallScreen
from tui.app import WerkboekApp
from tui.keymap import valid_key


async def run_palette(pilot, words: str) -> None:  # type: ignore[no-untyped-def]
    await pilot.press("ctrl+p")
    await pilot.pause()
    assert isinstance(pilot.app.screen, CommandPalette)
    await pilot.press(*words)
    await palette_searched(pilot)  # the palette searches in the background
    await pilot.press("enter")
    await pilot.pause()


def runs_of_timer(app: WerkboekApp, name: str) -> list[float]:
    """From now on, each time the app's timer ``name`` fires, the moment is added to the list returned."""
    [timer] = [timer for timer in app._timers if timer.name == name]
    callback = timer._callback
    assert callback is not None
    runs: list[float] = []

    def counted() -> object:
        runs.append(time.monotonic())
        return callback()

    timer._callback = counted
    return runs


def notifications(app: WerkboekApp) -> str:
    return "\n".join(notification.message for notification in app._notifications)


# -- palette --------------------------------------------------------------------------------------


async def test_the_palette_runs_a_command_by_its_dutch_name(workbook_file: Path) -> None:
    app = WerkboekApp(workbook_file, today=TODAY)
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.press("4")
        await run_palette(pilot, "nieuw")
        assert isinstance(app.screen, ActionFormScreen)  # the screen's own "Nieuw" comes first


async def test_the_palette_finds_commands_by_an_english_word(workbook_file: Path) -> None:
    app = WerkboekApp(workbook_file, today=TODAY)
    async with app.run_test(size=(100, 30)) as pilot:
        await run_palette(pilot, "export")
        assert isinstance(app.screen, ExportScreen)
        await pilot.press("escape")
        await pilot.press("6", "space")  # a change: arbobeleid onbekend → aanwezig …
        await pilot.pause()
        assert app.session is not None and "arbobeleid" in app.session.workbook.wettelijk
        await run_palette(pilot, "undo")  # … and undone by the English word
        await pilot.pause()
        assert "arbobeleid" not in app.session.workbook.wettelijk
        assert "Ongedaan gemaakt" in notifications(app)


async def test_the_palette_offers_other_screens_commands_and_goes_there(workbook_file: Path) -> None:
    app = WerkboekApp(workbook_file, today=TODAY)
    async with app.run_test(size=(100, 30)) as pilot:
        assert isinstance(app.screen, DashboardScreen)
        await run_palette(pilot, "voeg een actie toe")
        assert isinstance(app.screen, ActionFormScreen)
        assert app.current_mode == "acties"


# -- help and the first-run hint ------------------------------------------------------------------


async def test_help_lists_the_keys_of_the_screen_in_view(workbook_file: Path) -> None:
    app = WerkboekApp(workbook_file, today=TODAY)
    async with app.run_test(size=(100, 40)) as pilot:
        await pilot.press("4", "question_mark")
        await pilot.pause()
        assert isinstance(app.screen, HelpScreen)
        text = app.screen.query_one("#help-text", Static).render().plain  # type: ignore[union-attr]
        own, everywhere = text.split("\nOveral\n")
        assert text.startswith(ActionsScreen.HELP[:40])
        for line in ("       n  Nieuw: Voeg een actie toe  [acties.nieuw]", "Verwijderen: ", "[acties.filter]"):
            assert line in own
        assert "[app.ongedaan]" in everywhere and "[acties.nieuw]" not in everywhere
        await pilot.press("escape")
        await pilot.pause()
        assert isinstance(app.screen, ActionsScreen)


async def test_the_first_run_hint_goes_once_help_was_used(workbook_file: Path) -> None:
    app = WerkboekApp(workbook_file, today=TODAY)
    async with app.run_test(size=(100, 30)) as pilot:
        assert app.screen.query("#first-run-hint")
        await pilot.press("f1")
        await pilot.pause()
        await pilot.press("escape")
        await pilot.pause()
        assert not app.screen.query("#first-run-hint")
    assert read_state()["hint_gezien"] is True
    again = WerkboekApp(workbook_file, today=TODAY)
    async with again.run_test(size=(100, 30)):
        assert not again.screen.query("#first-run-hint")


# -- settings: keymap, bad files, themes ----------------------------------------------------------


async def test_a_remapped_key_works_and_the_old_one_no_longer_does(workbook_file: Path) -> None:
    config_path().write_text('[toetsen]\n"acties.nieuw" = "a"\n', encoding="utf-8")
    app = WerkboekApp(workbook_file, today=TODAY)
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.press("4", "n")
        await pilot.pause()
        assert isinstance(app.screen, ActionsScreen)
        await pilot.press("a")
        await pilot.pause()
        assert isinstance(app.screen, ActionFormScreen)


@pytest.mark.parametrize(
    ("config", "message"),
    [
        ('thema = "paars"\n', 'thema: onbekend thema "paars"; kies uit "donker", "licht", "contrast"'),
        ("thema = \n", "instellingen.toml:1:"),
        ("kleur = 3\n", "kleur: onbekend veld"),
        ('[toetsen]\n"acties.nieuuw" = "a"\n', 'toetsen."acties.nieuuw": geen toets met dit id'),
        ('[toetsen]\n"acties.nieuw" = "ctlr+a"\n', 'toetsen."acties.nieuw": "ctlr+a" is geen toets'),
    ],
)
async def test_a_bad_config_file_starts_with_defaults_and_says_what_is_wrong(
    workbook_file: Path, config: str, message: str
) -> None:
    config_path().write_text(config, encoding="utf-8")
    app = WerkboekApp(workbook_file, today=TODAY)
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.pause()
        assert isinstance(app.screen, DashboardScreen) and app.theme == "werkboek-donker"
        shown = notifications(app)
        assert message in shown and str(config_path()) in shown
        await pilot.press("4", "n")
        await pilot.pause()
        assert isinstance(app.screen, ActionFormScreen)  # default keys still work


async def test_a_theme_chosen_in_the_palette_is_remembered(workbook_file: Path) -> None:
    app = WerkboekApp(workbook_file, today=TODAY)
    async with app.run_test(size=(100, 30)) as pilot:
        await run_palette(pilot, "thema licht")
        assert app.theme == "werkboek-licht"
        await pilot.pause()
    assert read_state()["thema"] == "werkboek-licht"
    again = WerkboekApp(workbook_file, today=TODAY)
    async with again.run_test(size=(100, 30)):
        assert again.theme == "werkboek-licht"


async def test_the_config_file_sets_the_first_theme(workbook_file: Path) -> None:
    config_path().write_text('thema = "contrast"\n', encoding="utf-8")
    app = WerkboekApp(workbook_file, today=TODAY)
    async with app.run_test(size=(100, 30)):
        assert app.theme == "werkboek-contrast"


def test_werkboek_config_writes_a_commented_template_once() -> None:
    path, made = create_config()
    assert made and path == config_path() and path.read_text(encoding="utf-8") == CONFIG_TEMPLATE
    assert load_settings(path).problems == []  # everything in it is a comment or an empty table
    path.write_text('thema = "licht"\n', encoding="utf-8")
    assert create_config() == (path, False) and path.read_text(encoding="utf-8") == 'thema = "licht"\n'
    assert state_path().parent == path.parent  # the test's own folder, never the user's


@pytest.mark.parametrize(("key", "valid"), [("a", True), ("ctrl+s", True), ("f5", True), ("question_mark", True),
                                            ("ctlr+a", False), ("ctrl+", False), ("enterr", False)])  # fmt: skip
def test_keys_are_checked(key: str, valid: bool) -> None:
    assert valid_key(key) is valid


# -- small terminals, NO_COLOR, quiet screens -----------------------------------------------------


async def test_below_60_by_20_a_message_replaces_the_layout(workbook_file: Path) -> None:
    app = WerkboekApp(workbook_file, today=TODAY)
    async with app.run_test(size=(56, 18)) as pilot:
        await pilot.pause()
        assert isinstance(app.screen, TooSmallScreen)
        assert "56×18 tekens" in app.screen.query_one(Static).render().plain  # type: ignore[union-attr]
        await pilot.resize_terminal(80, 24)
        await pilot.pause()
        assert isinstance(app.screen, DashboardScreen)


async def test_no_color_keeps_every_meaning_in_signs_and_words(
    workbook_file: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("NO_COLOR", "1")
    app = WerkboekApp(workbook_file, today=TODAY)
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        assert app.no_color
        deadlines = app.screen.query_one("#deadlines").render().plain  # type: ignore[attr-defined]
        assert "⚠ A15" in deadlines and "22 dagen te laat" in deadlines
        factors = app.screen.query_one("#factors").render().plain  # type: ignore[attr-defined]
        assert "▼ −1" in factors and "▲ +1" in factors
        await pilot.press("6")
        await pilot.pause()
        legal = app.screen.query_one("#legal-list")
        rows = [legal.get_option_at_index(i).prompt.plain for i in range(legal.option_count)]  # type: ignore[attr-defined]
        assert rows[1].startswith("✓ aanwezig") and any(row.startswith("✗ ontbreekt") for row in rows)


async def test_an_idle_app_sends_nothing_to_the_terminal(workbook_file: Path) -> None:
    """Over a slow link every update costs: an idle dashboard must not redraw on a timer."""
    os.environ["WERKBOEK_AUTOSAVE_SECONDS"] = os.environ.get("WERKBOEK_AUTOSAVE_SECONDS", "0.3")
    app = WerkboekApp(workbook_file, today=TODAY)
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.pause()
        driver = app._driver
        assert driver is not None
        checks = runs_of_timer(app, "disk-check")
        writes: list[str] = []
        original = driver.write
        driver.write = writes.append  # type: ignore[method-assign]
        try:
            await until(lambda: len(checks) >= 2, "two file checks while idle")
        finally:
            driver.write = original  # type: ignore[method-assign]
        assert writes == []
        assert app.animation_level == "none"


def test_every_binding_has_an_id_and_a_dutch_description() -> None:
    """Every key can be remapped (by its id) and found in the palette and the help (by its description)."""
    import importlib
    import inspect
    import pkgutil

    from textual.binding import Binding

    import screens
    import tui
    import widgets

    english = {"Quit", "Save", "Cancel", "Close", "Open", "Delete", "Edit", "Help", "Search", "Up", "Down"}
    checked = 0
    for package in (screens, tui, widgets):
        for module_info in pkgutil.iter_modules(package.__path__):
            module = importlib.import_module(f"{package.__name__}.{module_info.name}")
            for _, owner in inspect.getmembers(module, inspect.isclass):
                if owner.__module__ != module.__name__:
                    continue
                for binding in owner.__dict__.get("BINDINGS", []):
                    assert isinstance(binding, Binding), (owner, binding)
                    assert binding.id and binding.description, (owner.__name__, binding.key)
                    assert binding.description not in english, (owner.__name__, binding.description)
                    checked += 1
    assert checked > 60
