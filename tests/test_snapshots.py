"""SVG snapshots of every screen at 80×24 and at a wide size (160×45).

Update after a deliberate change with ``uv run pytest --snapshot-update`` and look at each
changed picture before committing it.
"""

from __future__ import annotations

import os
import shutil
from pathlib import Path

import pytest
from conftest import ROOT, TODAY
from test_git import make_repository
from textual.pilot import Pilot
from textual.widgets import Input
from waiting import detail_follows_the_cursor, palette_searched, saved_to_disk, until

from screens.external_change import ExternalChangeScreen
from tui.app import WerkboekApp
from widgets.hanging_list import HangingOptionList

EXAMPLE = Path("saves/van-dijk-installatietechniek.toml")
BROKEN = Path("tests/fixtures/kapot-werkboek.toml")
SIZES = {"80x24": (80, 24), "160x45": (160, 45)}


@pytest.fixture(autouse=True)
def _in_a_sandbox(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Run in a private folder with copies of the files at the same relative paths: paths on screen
    look the same everywhere, and edits (saved on quitting) never touch the repository's files."""
    for relative in (EXAMPLE, BROKEN):
        target = tmp_path / relative
        target.parent.mkdir(parents=True, exist_ok=True)
        shutil.copyfile(ROOT / relative, target)
    monkeypatch.chdir(tmp_path)


async def steady_cursor(pilot: Pilot[None]) -> None:
    """A blinking cursor would make the picture depend on timing."""
    await pilot.pause()
    for search in pilot.app.screen.query(Input):
        search.cursor_blink = False


async def saved(pilot: Pilot[None]) -> None:
    """Wait until the autosave has written every change and the header says so (on a busy machine
    the save can take longer than the keys): the picture then never depends on timing."""
    assert isinstance(pilot.app, WerkboekApp)
    await saved_to_disk(pilot)


async def lists_wrapped(pilot: Pilot[None]) -> None:
    """Lists with a hanging indent wrap their rows again once they know their width (after layout)."""
    screen = pilot.app.screen
    await until(
        lambda: all(
            shown._width == shown._text_width() > 0 for shown in screen.query(HangingOptionList) if shown._rows
        ),
        "every list wrapped to its width",
        pilot=pilot,
    )


def app() -> WerkboekApp:
    return WerkboekApp(EXAMPLE, today=TODAY)


@pytest.mark.parametrize("size", SIZES, ids=list(SIZES))
def test_dashboard(snap_compare, size: str) -> None:
    assert snap_compare(app(), terminal_size=SIZES[size])


def test_dashboard_scrolled_to_the_end_80x24(snap_compare) -> None:
    assert snap_compare(app(), terminal_size=(80, 24), press=["end"])


@pytest.mark.parametrize("size", SIZES, ids=list(SIZES))
def test_load_error(snap_compare, size: str) -> None:
    assert snap_compare(WerkboekApp(BROKEN, today=TODAY), terminal_size=SIZES[size])


async def _library(pilot: Pilot[None]) -> None:
    await pilot.press("5")
    await steady_cursor(pilot)


@pytest.mark.parametrize("size", SIZES, ids=list(SIZES))
def test_library_empty_search(snap_compare, size: str) -> None:
    assert snap_compare(app(), terminal_size=SIZES[size], run_before=_library)


@pytest.mark.parametrize("size", SIZES, ids=list(SIZES))
def test_library_search_with_results(snap_compare, size: str) -> None:
    assert snap_compare(app(), terminal_size=SIZES[size], run_before=_library, press=[*"werkdruk"])


def test_library_detail_of_a_legal_item_80x24(snap_compare) -> None:
    async def run_before(pilot: Pilot[None]) -> None:
        await _library(pilot)
        await pilot.press(*"bedrijfshulp", "enter")

    assert snap_compare(app(), terminal_size=(80, 24), run_before=run_before)


@pytest.mark.parametrize("size", SIZES, ids=list(SIZES))
def test_factors(snap_compare, size: str) -> None:
    assert snap_compare(app(), terminal_size=SIZES[size], press=["2", "down", "down"])


@pytest.mark.parametrize("size", SIZES, ids=list(SIZES))
def test_phases(snap_compare, size: str) -> None:
    assert snap_compare(app(), terminal_size=SIZES[size], press=["3"])


def test_item_detail_from_the_factor_screen_80x24(snap_compare) -> None:
    assert snap_compare(app(), terminal_size=(80, 24), press=["2", "enter", "enter"])


@pytest.mark.parametrize("size", SIZES, ids=list(SIZES))
def test_actions_table(snap_compare, size: str) -> None:
    async def run_before(pilot: Pilot[None]) -> None:
        await pilot.press("4", "down", "down")
        await detail_follows_the_cursor(pilot)

    assert snap_compare(app(), terminal_size=SIZES[size], run_before=run_before)


def test_action_form_empty_80x24(snap_compare) -> None:
    async def run_before(pilot: Pilot[None]) -> None:
        await pilot.press("4", "n")
        await steady_cursor(pilot)

    assert snap_compare(app(), terminal_size=(80, 24), run_before=run_before)


async def _editing_a1_at_its_factors(pilot: Pilot[None]) -> None:
    await pilot.press("4", "enter", "tab", "tab", "tab", "tab")
    await steady_cursor(pilot)


@pytest.mark.parametrize("size", SIZES, ids=list(SIZES))
def test_action_form_editing_with_ticked_factors(snap_compare, size: str) -> None:
    assert snap_compare(app(), terminal_size=SIZES[size], run_before=_editing_a1_at_its_factors)


def test_action_form_without_colour_80x24(snap_compare, monkeypatch: pytest.MonkeyPatch) -> None:
    """NO_COLOR: ticked (☑) and unticked (☐) factors differ in their sign, not in colour."""
    monkeypatch.setenv("NO_COLOR", "1")
    assert snap_compare(app(), terminal_size=(80, 24), run_before=_editing_a1_at_its_factors)


def test_action_form_with_an_error_80x24(snap_compare) -> None:
    async def run_before(pilot: Pilot[None]) -> None:
        await pilot.press("4", "n")
        await pilot.pause()
        deadline = pilot.app.screen.query_one("#deadline", Input)
        deadline.value = "31-02-2027"
        await pilot.press("ctrl+s")
        await steady_cursor(pilot)

    assert snap_compare(app(), terminal_size=(80, 24), run_before=run_before)


def test_external_change_notice_80x24(snap_compare) -> None:
    async def run_before(pilot: Pilot[None]) -> None:
        await pilot.press("4", "down", "down", "down", "down", "down", "down")
        await pilot.pause()
        # The file changes before the edit, and only the autosave may find it (not the watch of the file,
        # nor an autosave that ran first): the notice then always has unsaved edits.
        app = pilot.app
        assert isinstance(app, WerkboekApp)
        app.store.hold_disk_watch(True)
        path = Path(EXAMPLE)
        path.write_text(
            path.read_text(encoding="utf-8").replace("medewerkers = 34", "medewerkers = 35"), encoding="utf-8"
        )
        await pilot.press("space")
        await until(lambda: isinstance(app.screen, ExternalChangeScreen), "the autosave asks", pilot=pilot)

    assert snap_compare(app(), terminal_size=(80, 24), run_before=run_before)


def test_action_filter_picker_80x24(snap_compare) -> None:
    assert snap_compare(app(), terminal_size=(80, 24), press=["4", "f", "down", "down"])


@pytest.mark.parametrize("size", SIZES, ids=list(SIZES))
def test_scoring_round(snap_compare, size: str) -> None:
    """A new round after two factors: the third factor's guide with the earlier score marked."""

    async def run_before(pilot: Pilot[None]) -> None:
        await pilot.press("2", "m", "3", "2")
        await saved(pilot)

    assert snap_compare(app(), terminal_size=SIZES[size], run_before=run_before)


def test_scoring_round_note_80x24(snap_compare) -> None:
    async def run_before(pilot: Pilot[None]) -> None:
        await pilot.press("2", "m", "n", *"Portaal is omslachtig")
        await steady_cursor(pilot)

    assert snap_compare(app(), terminal_size=(80, 24), run_before=run_before)


def test_round_picker_80x24(snap_compare) -> None:
    assert snap_compare(app(), terminal_size=(80, 24), press=["2", "c"])


@pytest.mark.parametrize("size", SIZES, ids=list(SIZES))
def test_phase_checklist(snap_compare, size: str) -> None:
    async def run_before(pilot: Pilot[None]) -> None:
        await pilot.press("3", "down", "enter", "down")
        await lists_wrapped(pilot)  # the checklist wraps to its width once laid out

    assert snap_compare(app(), terminal_size=SIZES[size], run_before=run_before)


@pytest.mark.parametrize("size", SIZES, ids=list(SIZES))
def test_legal_minimum(snap_compare, size: str) -> None:
    async def run_before(pilot: Pilot[None]) -> None:
        await pilot.press("6", *["down"] * 15)
        await lists_wrapped(pilot)

    assert snap_compare(app(), terminal_size=SIZES[size], run_before=run_before)


@pytest.mark.parametrize("size", SIZES, ids=list(SIZES))
def test_legal_minimum_small_client(snap_compare, size: str) -> None:
    """At 12 medewerkers without OR or PVT: exemptions under toetsing and preventiemedewerker, the consent
    right of the OR or PVT not counted, and the reason for the highlighted item in the detail."""
    text = EXAMPLE.read_text(encoding="utf-8")
    EXAMPLE.write_text(
        text.replace("medewerkers = 34", "medewerkers = 12").replace(
            'medezeggenschap = "pvt"', 'medezeggenschap = "geen"'
        ),
        encoding="utf-8",
    )

    async def run_before(pilot: Pilot[None]) -> None:
        await pilot.press("6", *["down"] * 5)
        await lists_wrapped(pilot)

    assert snap_compare(app(), terminal_size=SIZES[size], run_before=run_before)


def test_legal_form_80x24(snap_compare) -> None:
    async def run_before(pilot: Pilot[None]) -> None:
        await pilot.press("6", "down", "enter")
        await steady_cursor(pilot)

    assert snap_compare(app(), terminal_size=(80, 24), run_before=run_before)


@pytest.mark.parametrize("size", SIZES, ids=list(SIZES))
def test_logbook(snap_compare, size: str) -> None:
    assert snap_compare(app(), terminal_size=SIZES[size], press=["7"])


def test_log_form_80x24(snap_compare) -> None:
    async def run_before(pilot: Pilot[None]) -> None:
        await pilot.press("7", "n", *"Werkoverleg elektra")
        await steady_cursor(pilot)

    assert snap_compare(app(), terminal_size=(80, 24), run_before=run_before)


@pytest.mark.parametrize("size", SIZES, ids=list(SIZES))
def test_organisation(snap_compare, size: str) -> None:
    assert snap_compare(app(), terminal_size=SIZES[size], press=["8"])


def test_profile_form_with_an_error_80x24(snap_compare) -> None:
    async def run_before(pilot: Pilot[None]) -> None:
        await pilot.press("8", "e")
        await pilot.pause()
        pilot.app.screen.query_one("#verzuimpercentage", Input).value = "120"
        await pilot.press("ctrl+s")
        await steady_cursor(pilot)

    assert snap_compare(app(), terminal_size=(80, 24), run_before=run_before)


def test_level_picker_80x24(snap_compare) -> None:
    assert snap_compare(app(), terminal_size=(80, 24), press=["8", "t", "down"])


def _client_folder() -> Path:
    """Two clients and a broken file, beside the example in the sandbox."""
    folder = Path("klanten")
    folder.mkdir()
    shutil.copyfile(EXAMPLE, folder / "van-dijk.toml")
    text = EXAMPLE.read_text(encoding="utf-8").replace("Van Dijk Installatietechniek B.V.", "Bakkerij Aarts")
    (folder / "aarts.toml").write_text(text.replace("medewerkers = 34", "medewerkers = 8"), encoding="utf-8")
    (folder / "kapot.toml").write_text('schema = 1\n[organisatie]\nnaam = "X"\nmedewerkers = "veel"\n')
    for path in folder.iterdir():  # a fixed "last changed", so the picture does not depend on the clock
        os.utime(path, (1_790_000_000, 1_790_000_000))
    return folder


@pytest.mark.parametrize("size", SIZES, ids=list(SIZES))
def test_portfolio(snap_compare, size: str) -> None:
    assert snap_compare(WerkboekApp(_client_folder(), today=TODAY), terminal_size=SIZES[size], press=["down"])


@pytest.mark.parametrize("size", SIZES, ids=list(SIZES))
def test_portfolio_quiet_client_in_a_subfolder(snap_compare, size: str) -> None:
    """A client a year quiet, in a subfolder; sorted by Laatste sessie."""
    folder = _client_folder()
    (folder / "archief").mkdir()
    text = EXAMPLE.read_text(encoding="utf-8").replace("Van Dijk Installatietechniek B.V.", "Zorggroep Oost")
    (folder / "archief" / "oost.toml").write_text(text.replace("2026-", "2025-"), encoding="utf-8")
    os.utime(folder / "archief" / "oost.toml", (1_790_000_000, 1_790_000_000))
    app = WerkboekApp(folder, today=TODAY)
    assert snap_compare(app, terminal_size=SIZES[size], press=[*"ssssss", "down"])


async def _history(pilot: Pilot[None]) -> None:
    app = pilot.app
    assert isinstance(app, WerkboekApp)
    # The header shows the git state once it is looked up (in a thread): the picture waits for it.
    await until(lambda: app.session is not None and app.session.git is not None, "the git state known", pilot=pilot)
    await pilot.press("g")
    await pilot.pause()
    await pilot.app.workers.wait_for_complete()
    await pilot.press("down")
    await pilot.pause()


@pytest.mark.parametrize("size", SIZES, ids=list(SIZES))
def test_history(snap_compare, size: str) -> None:
    path = make_repository(Path("repo"))
    assert snap_compare(WerkboekApp(path, today=TODAY), terminal_size=SIZES[size], run_before=_history)


def test_old_version_80x24(snap_compare) -> None:
    async def run_before(pilot: Pilot[None]) -> None:
        await _history(pilot)
        await pilot.press("enter")
        await pilot.pause()

    path = make_repository(Path("repo"))
    assert snap_compare(WerkboekApp(path, today=TODAY), terminal_size=(80, 24), run_before=run_before)


def test_export_dialog_80x24(snap_compare) -> None:
    async def run_before(pilot: Pilot[None]) -> None:
        await pilot.press("r", "down")
        await steady_cursor(pilot)

    assert snap_compare(app(), terminal_size=(80, 24), run_before=run_before)


@pytest.mark.parametrize("theme", ["werkboek-licht", "werkboek-contrast"])
def test_theme_80x24(snap_compare, theme: str) -> None:
    async def run_before(pilot: Pilot[None]) -> None:
        pilot.app.theme = theme
        await pilot.pause()

    assert snap_compare(app(), terminal_size=(80, 24), run_before=run_before)


@pytest.mark.parametrize("theme", ["werkboek-licht", "werkboek-contrast"])
def test_theme_actions_80x24(snap_compare, theme: str) -> None:
    async def run_before(pilot: Pilot[None]) -> None:
        pilot.app.theme = theme
        await pilot.press("4", "down", "down")
        await detail_follows_the_cursor(pilot)

    assert snap_compare(app(), terminal_size=(80, 24), run_before=run_before)


def test_too_small_message(snap_compare) -> None:
    assert snap_compare(app(), terminal_size=(56, 18))


def test_help_80x24(snap_compare) -> None:
    assert snap_compare(app(), terminal_size=(80, 24), press=["4", "question_mark"])


def test_palette_80x24(snap_compare) -> None:
    async def run_before(pilot: Pilot[None]) -> None:
        await pilot.press("ctrl+p", *"export")
        await palette_searched(pilot)
        await steady_cursor(pilot)

    assert snap_compare(app(), terminal_size=(80, 24), run_before=run_before)


def test_confirm_dialog_80x24(snap_compare) -> None:
    async def run_before(pilot: Pilot[None]) -> None:
        await pilot.press("4", "n", *"Half ingevuld", "escape")
        await steady_cursor(pilot)

    assert snap_compare(app(), terminal_size=(80, 24), run_before=run_before)


@pytest.mark.parametrize("size", SIZES)
def test_progress_since(snap_compare, size: str) -> None:
    from screens.progress import ProgressScreen, ask_progress

    async def run_before(pilot: Pilot[None]) -> None:
        app = pilot.app
        await pilot.pause()
        assert isinstance(app, WerkboekApp) and app.session is not None
        ask_progress(app, app.session)
        await pilot.pause()
        app.screen.query_one(Input).value = "10-3-2026"
        await pilot.press("enter")
        await until(lambda: isinstance(app.screen, ProgressScreen), "the progress is shown", pilot=pilot)
        await pilot.pause()

    path = make_repository(Path("repo"))
    assert snap_compare(WerkboekApp(path, today=TODAY), terminal_size=SIZES[size], run_before=run_before)
