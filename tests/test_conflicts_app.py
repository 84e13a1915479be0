"""The Conflicten screen: a pull that leaves conflicts opens it, one key takes a side, each choice is an
ordinary saved and undoable change, and the last one closes it; committing then concludes the merge.
Snapshots at 80×24 and 160×45 of a workbook with two conflicts (a field, and an edit against a delete)."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from conftest import EXAMPLE, TODAY
from git_remote import WORKBOOK, git, replace_in, shared_repository
from textual.pilot import Pilot
from textual.widgets import Static
from waiting import saved_to_disk, until

from models.compare import workbook_from_file
from models.content import Content, default_content
from models.merge import MergeSource, merge_sources
from screens.commit_form import CommitFormScreen
from screens.conflicts import ConflictsScreen, full_value, typed_value
from tui.app import WerkboekApp

OWNER = 'eigenaar = "Linda Bos (office manager)"'
STATUS_A3 = 'titel = "RI&E aanvullen met werkdruk en storingsdienst"\nstatus = "bezig"'


def _messages(app: WerkboekApp) -> str:
    return "\n".join(f"{notice.title} {notice.message}" for notice in app._notifications)


def _column(app: WerkboekApp, side: str) -> str:
    return str(app.screen.query_one(f"#conflict-{side}", Static).render())


@pytest.mark.skipif(shutil.which("git") is None, reason="git is niet geïnstalleerd")
async def test_a_pull_with_a_conflict_opens_conflicten_and_a_key_resolves_it(tmp_path: Path) -> None:
    _, anna, bob = shared_repository(tmp_path)
    replace_in(bob / WORKBOOK, OWNER, 'eigenaar = "Bob Jansen"')
    replace_in(bob / WORKBOOK, STATUS_A3, STATUS_A3.replace("bezig", "gestopt"))
    git(bob, "commit", "--quiet", "-am", "Bob")
    git(bob, "push", "--quiet")
    replace_in(anna / WORKBOOK, OWNER, 'eigenaar = "Anna de Vries"')
    git(anna, "commit", "--quiet", "-am", "Anna")

    app = WerkboekApp(anna / WORKBOOK, today=TODAY)
    async with app.run_test(size=(100, 30)) as pilot:
        await until(lambda: app.session is not None and app.session.git is not None, "git state", pilot=pilot)
        await pilot.press("b")
        await until(lambda: isinstance(app.screen, ConflictsScreen), "Conflicten opens after the pull", pilot=pilot)
        # The screen is pushed before it is composed and before the pull's notice is handled (both queued).
        await until(lambda: app.screen.query("#conflict-basis"), "Conflicten shows the first conflict", pilot=pilot)
        await until(lambda: "niet alles kon samen" in _messages(app), "the pull says what is left", pilot=pilot)
        assert (_column(app, "basis"), _column(app, "ons"), _column(app, "hun")) == (
            "Linda Bos (office manager)",
            "Anna de Vries",
            "Bob Jansen",
        )
        assert app.session is not None and app.session.workbook.acties[2].status == "gestopt", "merged cleanly"

        await pilot.press("h")
        await until(lambda: not isinstance(app.screen, ConflictsScreen), "the last choice closes it", pilot=pilot)
        await saved_to_disk(pilot)
        saved = workbook_from_file(anna / WORKBOOK, default_content())
        assert saved.acties[0].eigenaar == "Bob Jansen" and not saved.conflicten
        assert "Alle conflicten zijn opgelost" in _messages(app)

        await pilot.press("ctrl+z")  # a choice is a change like any other
        await until(lambda: app.session is not None and app.session.workbook.conflicten, "undone", pilot=pilot)
        app.show_conflicts()
        await until(lambda: isinstance(app.screen, ConflictsScreen), "back on Conflicten", pilot=pilot)
        await pilot.press("o")
        await until(lambda: not isinstance(app.screen, ConflictsScreen), "resolved again", pilot=pilot)
        assert app.session is not None and app.session.workbook.acties[0].eigenaar == "Anna de Vries"

        await pilot.press("v")
        form = await until(lambda: app.screen if isinstance(app.screen, CommitFormScreen) else None,
                           "the commit form", pilot=pilot)  # fmt: skip
        assert "rondt de samenvoeging af" in str(form.query_one(".form-help", Static).render())
        await pilot.press("ctrl+s")
        await until(lambda: "Vastgelegd als" in _messages(app), "the merge is concluded", pilot=pilot)
    parents = git(anna, "log", "-1", "--format=%p").split()
    assert len(parents) == 2, "a merge commit"
    assert git(anna, "status", "--porcelain", "--", WORKBOOK) == ""


def _conflicted_workbook(folder: Path, content: Content) -> Path:
    """The example with two conflicts: A1's owner changed on both sides, A2 changed here and deleted there."""
    base = EXAMPLE.read_text(encoding="utf-8")
    ours = base.replace(OWNER, 'eigenaar = "Anna de Vries"', 1).replace(
        'titel = "Korte vragenlijst en teamgesprekken met monteurs"',
        'titel = "Korte vragenlijst en gesprekken met alle monteurs"',
    )
    theirs = base.replace(OWNER, 'eigenaar = "Bob Jansen"', 1)
    start = theirs.index('[[acties]]\nid = "A2"')
    theirs = theirs[:start] + theirs[theirs.index("[[acties]]", start + 10) :]
    result = merge_sources(MergeSource("basis", base), MergeSource("ons", ours), MergeSource("hun", theirs), content)
    assert len(result.workbook.conflicten) == 2, result.conflicts
    target = folder / "klant.toml"
    target.write_text(result.text, encoding="utf-8")
    return target


def test_values_are_shown_in_full_and_read_back_as_their_kind() -> None:
    assert full_value(["tijd", "openheid"]) == "• tijd\n• openheid"
    assert full_value({"titel": "X", "fase": "plan", "succesfactoren": ["tijd", "kennis"]}) == (
        "titel: X\nfase: plan\nsuccesfactoren: tijd, kennis"
    )
    assert full_value(None) == "(leeg)"
    assert typed_value("3,5", 1.0) == 3.5
    assert typed_value("tijd; openheid", ["x"]) == ["tijd", "openheid"]
    assert typed_value("  ", "iets") is None


@pytest.mark.parametrize("size", [(80, 24), (160, 45)], ids=["80x24", "160x45"])
def test_conflicten_snapshot(
    snap_compare, size: tuple[int, int], tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)
    path = _conflicted_workbook(tmp_path, default_content())

    async def run_before(pilot: Pilot[None]) -> None:
        app = pilot.app
        await until(lambda: isinstance(app.screen, ConflictsScreen), "Conflicten opens", pilot=pilot)
        await pilot.press("down")  # the second conflict: the whole action, edited here and deleted there
        await pilot.pause()

    assert snap_compare(WerkboekApp(Path(path.name), today=TODAY), terminal_size=size, run_before=run_before)
