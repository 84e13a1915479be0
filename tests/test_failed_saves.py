"""A save that fails (disk full, no permission, read-only disk, a fault in the program) loses nothing: it is
reported in Dutch, the unsaved workbook goes to a recovery copy in the state folder, quitting and hang-ups
end cleanly (no traceback), and the next start of that workbook offers the copy. Conflict and recovery
copies are never written over."""

from __future__ import annotations

import errno
import os
import signal
import subprocess
import sys
import tomllib
from pathlib import Path

import pytest
from conftest import ROOT, TODAY
from test_actions_app import go_to, open_actions, saved
from test_hangup import Terminal
from waiting import until, until_sync

import core.store
import models.store
from models.content import Content
from models.recovery import recovery_copies, recovery_folder, set_aside_folder
from models.settings import state_path
from models.store import load_workbook, save_conflict_copy
from screens.confirm import ConfirmScreen
from screens.external_change import ExternalChangeScreen
from screens.recovery import RecoveryScreen
from tui.app import WerkboekApp

FAILURES = {
    "ENOSPC": (errno.ENOSPC, "de schijf is vol"),
    "EACCES": (errno.EACCES, "geen toestemming om te schrijven in"),
    "EROFS": (errno.EROFS, "alleen-lezen schijf"),
}
ENGLISH = ("Errno", "No space", "Permission denied", "Read-only file system", "Traceback")


def fail_writes_to(monkeypatch: pytest.MonkeyPatch, workbook: Path, code: int) -> None:
    """The workbook's own file cannot be written (as on a full or read-only disk); other files can."""
    original = models.store.write_atomic

    def write_atomic(path: Path, data: bytes, **options: object) -> None:
        if Path(path).resolve() == workbook.resolve():
            raise OSError(code, os.strerror(code), str(path.with_name(f".{path.name}.x1y2z3.tmp")))
        original(path, data, **options)  # type: ignore[arg-type]

    monkeypatch.setattr(models.store, "write_atomic", write_atomic)


def status_in(text: str, action_id: str) -> str:
    document = tomllib.loads(text)
    return str(next(action for action in document["acties"] if action["id"] == action_id)["status"])


def messages(app: WerkboekApp) -> str:
    return "\n".join(f"{note.title} {note.message}" for note in app._notifications)


@pytest.mark.parametrize("failure", FAILURES, ids=list(FAILURES))
async def test_a_failed_save_is_told_in_dutch_kept_in_a_recovery_copy_and_q_ends(
    workbook_file: Path, monkeypatch: pytest.MonkeyPatch, failure: str
) -> None:
    code, dutch = FAILURES[failure]
    before = workbook_file.read_text(encoding="utf-8")
    fail_writes_to(monkeypatch, workbook_file, code)
    app = WerkboekApp(workbook_file, today=TODAY)
    async with app.run_test(size=(100, 40)) as pilot:
        await open_actions(pilot)
        await go_to(pilot, "A7")
        await pilot.press("space")  # A7: idee → gepland; autosave fails
        await until(lambda: "Opslaan mislukt" in messages(app), "the failed save is told", pilot=pilot)
        shown = messages(app)
        assert dutch in shown and "herstelkopie" in shown
        assert not any(word in shown for word in ENGLISH), shown
        assert not app.store.saving, "autosave is ready for the next try"
        await pilot.press("q")
        await pilot.pause()
        assert not app.is_running, "q ends the app even though the save failed"
    assert workbook_file.read_text(encoding="utf-8") == before
    copies = recovery_copies(workbook_file)
    assert len(copies) == 1 and copies[0].parent == recovery_folder()
    assert status_in(copies[0].read_text(encoding="utf-8"), "A7") == "gepland"
    assert str(copies[0]) in shown


async def test_the_next_start_offers_the_recovery_copy_and_o_opens_it(
    workbook_file: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    with monkeypatch.context() as patch:
        fail_writes_to(patch, workbook_file, errno.ENOSPC)
        app = WerkboekApp(workbook_file, today=TODAY)
        async with app.run_test(size=(100, 40)) as pilot:
            await open_actions(pilot)
            await go_to(pilot, "A7")
            await pilot.press("space", "q")
    [copy] = recovery_copies(workbook_file)

    again = WerkboekApp(workbook_file, today=TODAY)  # the disk has room again
    async with again.run_test(size=(100, 40)) as pilot:
        await until(lambda: isinstance(again.screen, RecoveryScreen), "the recovery copy is offered", pilot=pilot)
        assert "A7" in str(again.screen.query_one("#recovery-changes").render())
        await pilot.press("o")
        await until(
            lambda: saved(workbook_file)["A7"]["status"] == "gepland",
            "opened as unsaved edits, then autosaved",
            pilot=pilot,
        )
        await until(lambda: not copy.exists(), "once saved, the recovery copy is no longer needed", pilot=pilot)
        await pilot.press("q")


async def test_escape_keeps_the_recovery_copy_aside_and_w_throws_away_only_after_asking(
    workbook_file: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    before = workbook_file.read_text(encoding="utf-8")
    for session in range(2):  # two failed sessions: two copies, neither written over
        with monkeypatch.context() as patch:
            fail_writes_to(patch, workbook_file, errno.EROFS)
            app = WerkboekApp(workbook_file, today=TODAY)
            async with app.run_test(size=(100, 40)) as pilot:
                await pilot.pause()
                if session == 1:
                    await until(
                        lambda shown=app: isinstance(shown.screen, RecoveryScreen),
                        "the first copy offered",
                        pilot=pilot,
                    )
                    await pilot.press("escape")  # the first session's copy: kept aside
                    await pilot.pause()
                await open_actions(pilot)
                await go_to(pilot, "A7")
                await pilot.press("space", "q")
    assert len(list(set_aside_folder().glob("*.toml"))) == 1
    [copy] = recovery_copies(workbook_file)

    app = WerkboekApp(workbook_file, today=TODAY)
    async with app.run_test(size=(100, 40)) as pilot:
        await until(lambda: isinstance(app.screen, RecoveryScreen), "the recovery copy is offered", pilot=pilot)
        await pilot.press("w")
        await pilot.pause()
        assert isinstance(app.screen, ConfirmScreen), "throwing away asks first"
        await pilot.press("n")  # not sure: kept aside instead
        await pilot.pause()
        assert not isinstance(app.screen, RecoveryScreen)
        await pilot.press("q")
    assert not copy.exists() and len(list(set_aside_folder().glob("*.toml"))) == 2
    assert recovery_copies(workbook_file) == []
    assert workbook_file.read_text(encoding="utf-8") == before, "nothing was written without being asked"


@pytest.mark.parametrize("error", [RuntimeError("kapot"), ValueError("vreemd"), RecursionError()], ids=type)
async def test_autosave_failing_with_any_error_is_shown_and_quitting_still_ends(
    workbook_file: Path, monkeypatch: pytest.MonkeyPatch, error: Exception
) -> None:
    def broken(*args: object, **kwargs: object) -> None:
        raise error

    monkeypatch.setattr(core.store, "save_workbook", broken)
    app = WerkboekApp(workbook_file, today=TODAY)
    async with app.run_test(size=(100, 40)) as pilot:
        await open_actions(pilot)
        await go_to(pilot, "A7")
        await pilot.press("space")
        await until(lambda: "Opslaan mislukt" in messages(app), "the failed save is told", pilot=pilot)
        shown = messages(app)
        assert "Opslaan mislukt" in shown and "fout in het programma" in shown and type(error).__name__ in shown
        assert not app.store.saving, "a failed save does not leave autosave stuck"
        await pilot.press("q")
        await pilot.pause()
        assert not app.is_running
    [copy] = recovery_copies(workbook_file)
    assert status_in(copy.read_text(encoding="utf-8"), "A7") == "gepland"


@pytest.mark.skipif(os.name != "posix" or os.geteuid() == 0, reason="as root, chmod does not stop writes")
async def test_a_really_read_only_folder(tmp_path: Path, workbook_file: Path) -> None:
    """Without a monkeypatch: the folder of the workbook is made read-only (0o555). Skipped as root (as
    in the project's container), where the permission bits do not stop writes; the EACCES case is then
    covered by the simulated failures above."""
    folder = workbook_file.parent
    folder.chmod(0o555)
    try:
        app = WerkboekApp(workbook_file, today=TODAY)
        async with app.run_test(size=(100, 40)) as pilot:
            await open_actions(pilot)
            await go_to(pilot, "A7")
            await pilot.press("space")
            await until(lambda: "Opslaan mislukt" in messages(app), "the failed save is told", pilot=pilot)
            assert "geen toestemming om te schrijven in" in messages(app)
            await pilot.press("q")
            await pilot.pause()
            assert not app.is_running
    finally:
        folder.chmod(0o755)
    [copy] = recovery_copies(workbook_file)
    assert status_in(copy.read_text(encoding="utf-8"), "A7") == "gepland"


# -- conflict and recovery copies are never written over ----------------------------------------------


def test_two_conflicts_in_a_row_keep_both_copies(workbook_file: Path, content: Content) -> None:
    loaded = load_workbook(workbook_file, content)
    first = loaded.workbook.model_copy(update={"huidige_fase": "kiezen"})
    second = loaded.workbook.model_copy(update={"huidige_fase": "plannen"})
    one = save_conflict_copy(loaded, first, content=content)
    two = save_conflict_copy(loaded, second, content=content)
    assert one == workbook_file.with_name("klant.conflict.toml")
    assert two == workbook_file.with_name("klant.conflict-2.toml")
    assert tomllib.loads(one.read_text(encoding="utf-8"))["huidige_fase"] == "kiezen"
    assert tomllib.loads(two.read_text(encoding="utf-8"))["huidige_fase"] == "plannen"


async def test_two_conflicts_in_the_app_keep_both_edits(workbook_file: Path) -> None:
    app = WerkboekApp(workbook_file, today=TODAY)
    async with app.run_test(size=(100, 40)) as pilot:
        await open_actions(pilot)
        app.store.hold_disk_watch(True)  # only the autosave finds their change, after the edit (not the watch)
        for action_id, employees in (("A7", 35), ("A10", 36)):
            theirs = workbook_file.read_text(encoding="utf-8")
            theirs = theirs.replace(f"medewerkers = {employees - 1}", f"medewerkers = {employees}")
            workbook_file.write_text(theirs, encoding="utf-8")
            await go_to(pilot, action_id)
            await pilot.press("space")  # A7: idee → gepland, then A10: gepland → bezig
            await until(lambda: isinstance(app.screen, ExternalChangeScreen), "the autosave asks", pilot=pilot)
            await pilot.press("h")  # load theirs; my edit goes to a conflict copy
            await pilot.pause()
            await open_actions(pilot)
        await pilot.press("q")
    first = saved(workbook_file.with_name("klant.conflict.toml"))
    second = saved(workbook_file.with_name("klant.conflict-2.toml"))
    assert (first["A7"]["status"], first["A10"]["status"]) == ("gepland", "gepland")
    assert (second["A7"]["status"], second["A10"]["status"]) == ("idee", "bezig")
    assert (saved(workbook_file)["A7"]["status"], saved(workbook_file)["A10"]["status"]) == ("idee", "gepland")


def test_recovery_copies_made_in_the_same_second_are_both_kept(workbook_file: Path, content: Content) -> None:
    import datetime as dt

    from models.recovery import keep_recovery_copy

    loaded = load_workbook(workbook_file, content)
    moment = dt.datetime(2026, 11, 22, 10, 30, 0)
    one = keep_recovery_copy(
        workbook_file, loaded.workbook.model_copy(update={"huidige_fase": "kiezen"}), content, now=moment
    )
    two = keep_recovery_copy(
        workbook_file, loaded.workbook.model_copy(update={"huidige_fase": "plannen"}), content, now=moment
    )
    assert one != two and one.exists() and two.exists()
    assert one.parent == two.parent == state_path().parent / "herstel"
    assert 'huidige_fase = "kiezen"' in one.read_text(encoding="utf-8")
    assert 'huidige_fase = "plannen"' in two.read_text(encoding="utf-8")


# -- the real program in a terminal -------------------------------------------------------------------

FAILING_START = """
import errno, os, sys
from pathlib import Path
import models.store as store
code = getattr(errno, os.environ["TEST_FAIL_ERRNO"])
target = Path(sys.argv[1]).resolve()
original = store.write_atomic
def write_atomic(path, data, **options):
    if Path(path).resolve() == target:
        raise OSError(code, os.strerror(code), str(path))
    original(path, data, **options)
store.write_atomic = write_atomic
from cli.main import main
main()
"""


def start_failing(
    terminal: Terminal, workbook: Path, env: dict[str, str], failure: str | None
) -> subprocess.Popen[bytes]:
    code = FAILING_START if failure else "from cli.main import main; main()"
    return subprocess.Popen(
        [sys.executable, "-c", code, str(workbook)],
        stdin=terminal.follower,
        stdout=terminal.follower,
        stderr=terminal.follower,
        cwd=ROOT,
        env={
            **os.environ,
            "TERM": "xterm-256color",
            "COLUMNS": "100",
            "LINES": "30",
            "TEST_FAIL_ERRNO": failure or "",
            **env,
        },
        start_new_session=True,
    )


def edit_a3(terminal: Terminal) -> None:
    terminal.wait_for("Succesfactoren")
    terminal.send("4")
    terminal.wait_for("van 20 acties")
    terminal.send("\x1b[B" * 2)  # A1, A2 (both klaar), A3 (bezig)
    terminal.wait_for("status bezig")  # the detail pane shows A3: the cursor is there
    edited = terminal.mark()
    terminal.send(" ")  # A3: bezig → klaar
    terminal.wait_for("A3: status bezig → klaar", since=edited)


@pytest.mark.serial
@pytest.mark.parametrize(
    ("failure", "how"),
    [("ENOSPC", "q"), ("EACCES", "q"), ("EROFS", "q"), ("ENOSPC", "SIGHUP"), ("EROFS", "SIGTERM")],
)
def test_in_a_terminal_a_failed_save_ends_cleanly_and_is_offered_next_time(
    workbook_file: Path, tmp_path: Path, failure: str, how: str
) -> None:
    state = tmp_path / "staat" / "staat.toml"
    env = {"WERKBOEK_STATE": str(state), "WERKBOEK_AUTOSAVE_SECONDS": "0.3" if how == "q" else "600"}
    before = workbook_file.read_text(encoding="utf-8")
    terminal = Terminal()
    process = start_failing(terminal, workbook_file, env, failure)
    try:
        edit_a3(terminal)
        if how == "q":
            terminal.wait_for("Opslaan mislukt")
            terminal.send("q")
        else:
            process.send_signal(signal.SIGHUP if how == "SIGHUP" else signal.SIGTERM)
        code = process.wait(timeout=20)
        terminal.stop_reading()
        terminal.read_rest()  # what the app wrote on its way out
    finally:
        if process.poll() is None:
            process.kill()
        terminal.stop_reading()
        os.close(terminal.follower)
    output = terminal.output.decode("utf-8", "replace")
    assert "Traceback" not in output and "Errno" not in output, output[-3000:]
    assert code == 0
    if how == "q":
        assert "herstelkopie" in output.replace("\r\n", " ")
    assert workbook_file.read_text(encoding="utf-8") == before
    copies = list((state.parent / "herstel").glob("*.toml"))
    assert len(copies) == 1
    assert status_in(copies[0].read_text(encoding="utf-8"), "A3") == "klaar"

    terminal = Terminal()
    process = start_failing(terminal, workbook_file, {"WERKBOEK_STATE": str(state)}, None)
    try:
        terminal.wait_for("Herstelkopie gevonden")
        terminal.send("o")
        until_sync(
            lambda: status_in(workbook_file.read_text(encoding="utf-8"), "A3") == "klaar",
            "the opened recovery copy is saved",
        )
        terminal.send("q")
        assert process.wait(timeout=20) == 0
        terminal.stop_reading()
        terminal.read_rest()
    finally:
        if process.poll() is None:
            process.kill()
        terminal.stop_reading()
        os.close(terminal.follower)
    assert "Traceback" not in terminal.output.decode("utf-8", "replace")
    assert list((state.parent / "herstel").glob("*.toml")) == []
