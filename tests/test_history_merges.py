"""Geschiedenis with branches, in real repositories: a merge is shown with what each side brought,
every commit is compared with its own parent (a colleague's commit never "undoes" ours), and a file
whose content equals the last commit never shows "nog niet vastgelegd"."""

from __future__ import annotations

import io
import os
import shlex
import shutil
import sys
from pathlib import Path

import pytest
from conftest import EXAMPLE, TODAY
from test_git import git
from textual.widgets import OptionList, Static

from cli.git_setup import git_setup_command
from models.content import Content
from models.diff import DiffLine
from models.file_history import Version, versions
from models.git import file_changes
from models.store import load_workbook
from screens.history import HistoryScreen
from tui.app import WerkboekApp

pytestmark = pytest.mark.skipif(shutil.which("git") is None, reason="git is niet geïnstalleerd")

PLANNED = 'titel = "PAGO aanbieden via de arbodienst"\nstatus = "gepland"'
DONE = 'titel = "PAGO aanbieden via de arbodienst"\nstatus = "klaar"'
STATUS = "A4 PAGO aanbieden via de arbodienst: status gepland → klaar"
STAFF = "medewerkers 34 → 36"


def edit(path: Path, old: str, new: str) -> None:
    text = path.read_text(encoding="utf-8")
    assert old in text
    path.write_text(text.replace(old, new, 1), encoding="utf-8")


def texts(lines: list[DiffLine] | None) -> list[str] | None:
    return None if lines is None else [line.text for line in lines]


def merged_repository(folder: Path, *, rename: bool = False) -> Path:
    """Main and a colleague's branch each change the workbook, then the colleague's branch is merged.

    The colleague's commit is the newer one, so in date order it comes between the merge and ours:
    compared with the entry listed next to it, it would look as if it put the staff number back.
    With ``rename`` the colleague also renames the file on the branch.
    """
    folder.mkdir()
    git(folder, "init", "-q", "-b", "main")
    path = folder / "klant.toml"
    shutil.copyfile(EXAMPLE, path)
    git(folder, "add", "klant.toml")
    git(folder, "commit", "-q", "-m", "Nulmeting", date="2026-03-10T16:00:00+01:00")
    git(folder, "switch", "-q", "-c", "collega")
    edit(path, PLANNED, DONE)
    if rename:
        git(folder, "mv", "klant.toml", "van-dijk.toml")
        edit(folder / "van-dijk.toml", "", "")
    git(folder, "commit", "-q", "-am", "PAGO afgerond", date="2026-04-02T10:00:00+02:00")
    git(folder, "switch", "-q", "main")
    edit(path, "medewerkers = 34", "medewerkers = 36")
    git(folder, "commit", "-q", "-am", "Twee nieuwe monteurs", date="2026-04-01T10:00:00+02:00")
    git(folder, "merge", "-q", "--no-edit", "collega", date="2026-04-03T09:00:00+02:00")
    return folder / ("van-dijk.toml" if rename else "klant.toml")


def summary(found: list[Version]) -> list[tuple[str | None, list[str] | None]]:
    return [(v.commit.message if v.commit else None, texts(v.changes)) for v in found]


def every_change(found: list[Version]) -> list[str]:
    lines = [text for v in found for text in texts(v.changes) or []]
    return lines + [text for v in found for side in v.sides for text in texts(side.changes) or []]


def test_a_merge_shows_what_each_side_brought_and_nothing_is_undone(tmp_path: Path, content: Content) -> None:
    path = merged_repository(tmp_path / "klanten")
    found = list(versions(path, content))
    assert summary(found) == [
        ("Merge branch 'collega'", [STATUS]),  # against the first parent: what the colleague brought
        ("PAGO afgerond", [STATUS]),  # against its own parent, not against our commit listed below it
        ("Twee nieuwe monteurs", [STAFF]),
        ("Nulmeting", None),
    ]
    merge = found[0]
    assert merge.commit is not None and merge.commit.is_merge and merge.commit.merged_branch == "collega"
    assert [(side.brought_by, side.merged, texts(side.changes)) for side in merge.sides] == [
        ("collega", True, [STATUS]),
        ("", False, [STAFF]),  # git leaves "into main" out of the message
    ]
    assert [side.against for side in merge.sides] == [sha[:7] for sha in merge.commit.parents]
    assert found[-1].first and not any(v.first for v in found[:-1])
    assert not [line for line in every_change(found) if "→ 34" in line or "klaar → gepland" in line]


def test_a_rename_on_the_other_branch_is_followed_through_the_merge(tmp_path: Path, content: Content) -> None:
    path = merged_repository(tmp_path / "klanten", rename=True)
    found = list(versions(path, content))
    assert summary(found) == [
        ("Merge branch 'collega'", [STATUS]),
        ("PAGO afgerond", [STATUS]),
        ("Twee nieuwe monteurs", [STAFF]),
        ("Nulmeting", None),
    ]
    assert [v.commit.path for v in found if v.commit] == ["van-dijk.toml", "van-dijk.toml", "klant.toml", "klant.toml"]
    assert [texts(side.changes) for side in found[0].sides] == [[STATUS], [STAFF]]


def test_a_merge_that_took_one_side_as_it_was_is_left_out(tmp_path: Path, content: Content) -> None:
    """Only the colleague changed the workbook; the merge adds nothing to it, their commit says it all."""
    folder = tmp_path / "klanten"
    folder.mkdir()
    git(folder, "init", "-q", "-b", "main")
    path = folder / "klant.toml"
    shutil.copyfile(EXAMPLE, path)
    git(folder, "add", "klant.toml")
    git(folder, "commit", "-q", "-m", "Nulmeting")
    git(folder, "switch", "-q", "-c", "collega")
    edit(path, PLANNED, DONE)
    git(folder, "commit", "-q", "-am", "PAGO afgerond", date="2026-04-02T10:00:00+02:00")
    git(folder, "switch", "-q", "main")
    (folder / "notities.md").write_text("iets anders\n", encoding="utf-8")
    git(folder, "add", "notities.md")
    git(folder, "commit", "-q", "-m", "Notities", date="2026-04-03T10:00:00+02:00")
    git(folder, "merge", "-q", "--no-edit", "collega", date="2026-04-04T09:00:00+02:00")
    now = load_workbook(path, content).workbook
    assert summary(list(versions(path, content, now))) == [("PAGO afgerond", [STATUS]), ("Nulmeting", None)]


def test_a_file_deleted_and_made_again_starts_a_new_history(tmp_path: Path, content: Content) -> None:
    folder = tmp_path / "klanten"
    folder.mkdir()
    git(folder, "init", "-q", "-b", "main")
    path = folder / "klant.toml"
    shutil.copyfile(EXAMPLE, path)
    git(folder, "add", "klant.toml")
    git(folder, "commit", "-q", "-m", "Oude klant")
    git(folder, "rm", "-q", "klant.toml")
    git(folder, "commit", "-q", "-m", "Weg")
    shutil.copyfile(EXAMPLE, path)
    edit(path, "medewerkers = 34", "medewerkers = 36")
    git(folder, "add", "klant.toml")
    git(folder, "commit", "-q", "-m", "Nieuwe klant met dezelfde naam")
    assert [change.commit.message for change in file_changes(path)] == ["Nieuwe klant met dezelfde naam"]


def test_a_clean_tree_never_shows_uncommitted_changes(tmp_path: Path, content: Content) -> None:
    path = merged_repository(tmp_path / "klanten")
    out = io.StringIO()
    command = f"{shlex.quote(sys.executable)} -P -m cli.main"
    assert git_setup_command([str(path.parent)], out, io.StringIO(), command=command) == 0  # textconv on

    def first() -> Version:
        return next(iter(versions(path, content, load_workbook(path, content).workbook)))

    assert first().commit is not None
    os.utime(path, (1_800_000_000, 1_800_000_000))  # only the time stamp
    path.write_bytes(path.read_bytes().replace(b"\n", b"\r\n"))  # only the line endings
    assert first().commit is not None
    edit(path, "medewerkers = 36", "medewerkers   =   36   # twee nieuwe")  # only the layout and a comment
    assert first().commit is not None
    edit(path, "medewerkers   =   36", "medewerkers = 37")
    assert first().commit is None and texts(first().changes) == ["medewerkers 36 → 37"]


def test_an_unsaved_change_in_the_app_is_uncommitted(tmp_path: Path, content: Content) -> None:
    path = merged_repository(tmp_path / "klanten")
    saved = load_workbook(path, content).workbook
    now = saved.model_copy(update={"organisatie": saved.organisatie.model_copy(update={"medewerkers": 40})})
    found = next(iter(versions(path, content, now)))
    assert found.commit is None and texts(found.changes) == ["medewerkers 36 → 40"]


def _rows(app: WerkboekApp) -> list[list[str]]:
    commits = app.screen.query_one("#history-list", OptionList)
    return [commits.get_option_at_index(i).prompt.plain.split("\n") for i in range(commits.option_count)]  # type: ignore[union-attr]


def _detail(app: WerkboekApp) -> str:
    return app.screen.query_one("#history-detail-text", Static).render().plain  # type: ignore[union-attr]


async def test_the_history_screen_shows_the_merge_with_both_sides(tmp_path: Path) -> None:
    path = merged_repository(tmp_path / "klanten")
    app = WerkboekApp(path, today=TODAY)
    async with app.run_test(size=(110, 40)) as pilot:
        app.show_history()
        await pilot.pause()
        await app.workers.wait_for_complete()
        await pilot.pause()
        assert isinstance(app.screen, HistoryScreen)
        assert _rows(app) == [
            ["3 apr 2026 09:00  Sanne de Boer", "  samengevoegd: collega"],
            ["2 apr 2026 10:00  Sanne de Boer", "  PAGO afgerond"],
            ["1 apr 2026 10:00  Sanne de Boer", "  Twee nieuwe monteurs"],
            ["10 mrt 2026 16:00  Sanne de Boer", "  Nulmeting"],
        ]  # no "nog niet vastgelegd": the file is as committed
        merge = _detail(app)
        assert merge.startswith("Samengevoegd: collega\n")
        assert "Merge branch 'collega'" in merge
        assert f"Wat collega bracht  tegenover {app.screen.found[0].sides[0].against}\n" in merge
        assert f"  Acties\n    {STATUS}\n" in merge
        assert "Wat deze tak had en collega nog niet  tegenover " in merge
        assert f"  Profiel\n    {STAFF}" in merge
        await pilot.press("down")
        await pilot.pause()
        colleague = _detail(app)
        assert colleague.startswith("PAGO afgerond\n") and STATUS in colleague and "medewerkers" not in colleague
        await pilot.press("down")
        await pilot.pause()
        ours = _detail(app)
        assert STAFF in ours and "status" not in ours
        await pilot.press("down")
        await pilot.pause()
        assert "Eerste versie: 20 acties, 2 metingen, 5 verslagen." in _detail(app)
