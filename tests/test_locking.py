"""Two windows on one workbook: saves are locked, so no edit is ever silently lost.

Two real processes (started with ``spawn``, as two terminals or two ``werkboek serve`` tabs are) load
the same file, each make a different edit, and save at the same instant, 200 times. After every
round either both edits are in the file, or exactly one process saved and the other was told the
file changed on disk (:class:`ChangedOnDiskError`). Without the lock, the check on disk and the
rename of two saves interleave and the first edit is lost while its window thinks it was saved.
"""

from __future__ import annotations

import multiprocessing
import os
import signal
import threading
import time
import tomllib
from multiprocessing.synchronize import Barrier
from pathlib import Path

import pytest
from waiting import until, until_sync

from models import file_lock
from models.file_lock import LockTimeoutError, lock_path, workbook_lock
from models.problems import ChangedOnDiskError
from models.store import load_workbook, save_workbook

pytestmark = pytest.mark.serial  # processes racing for the lock, and waits measured in wall-clock time

ROUNDS = 200
BASE = 'schema = 1\n\n[organisatie]\nnaam = "Racebaan B.V."\n'
FIELDS = {"a": "sector", "b": "adviseur"}
"""Each process edits its own field, so a file with both edits is possible and recognisable."""


def _racer(
    name: str,
    path: str,
    *,
    state: str,
    rounds: int,
    start: Barrier,
    go: Barrier,
    results: multiprocessing.Queue,
) -> None:
    """One window: per round, load the file, edit its own field, and save when the other one does."""
    os.environ["WERKBOEK_STATE"] = state
    from models.content import default_content

    content = default_content()
    field = FIELDS[name]
    for number in range(rounds):
        start.wait()
        loaded = load_workbook(Path(path), content)
        profile = loaded.workbook.organisatie.model_copy(update={field: f"{name}-{number}"})
        edited = loaded.workbook.model_copy(update={"organisatie": profile})
        go.wait()
        try:
            save_workbook(loaded, edited, content=content)
            outcome = "saved"
        except ChangedOnDiskError:
            outcome = "told"
        except Exception as error:  # reported to the test, which fails with it
            outcome = f"error: {error!r}"
        results.put((name, number, outcome))


def race(path: Path, state: Path, rounds: int) -> dict[str, int]:
    """Run ``rounds`` rounds of two processes saving at once; counts of what happened."""
    context = multiprocessing.get_context("spawn")
    start, go = context.Barrier(3, timeout=60), context.Barrier(2, timeout=60)
    results: multiprocessing.Queue = context.Queue()
    workers = [
        context.Process(
            target=_racer,
            args=(name, str(path)),
            kwargs={"state": str(state), "rounds": rounds, "start": start, "go": go, "results": results},
            daemon=True,
        )
        for name in FIELDS
    ]
    for worker in workers:
        worker.start()
    counts = {"rounds": 0, "lost": 0, "both saved": 0, "one saved, one told": 0, "other": 0}
    try:
        for number in range(rounds):
            path.write_text(BASE, encoding="utf-8")
            start.wait()
            outcomes: dict[str, str] = {}
            for _ in FIELDS:
                name, got, outcome = results.get(timeout=60)
                assert got == number
                outcomes[name] = outcome
            profile = tomllib.loads(path.read_text(encoding="utf-8"))["organisatie"]
            in_file = {name: profile.get(field) == f"{name}-{number}" for name, field in FIELDS.items()}
            saved = {name for name, outcome in outcomes.items() if outcome == "saved"}
            told = {name for name, outcome in outcomes.items() if outcome == "told"}
            counts["rounds"] += 1
            counts["lost"] += sum(1 for name in saved if not in_file[name])
            if all(in_file.values()):
                counts["both saved"] += 1
            elif len(saved) == 1 and len(told) == 1 and in_file[next(iter(saved))]:
                counts["one saved, one told"] += 1
            else:
                counts["other"] += 1
                print(f"round {number}: {outcomes}, in file: {in_file}")
    finally:
        for worker in workers:
            worker.join(timeout=10)
            if worker.is_alive():
                worker.kill()
    return counts


def test_two_processes_saving_at_the_same_instant_never_lose_an_edit(tmp_path: Path) -> None:
    path = tmp_path / "klant.toml"
    path.write_text(BASE, encoding="utf-8")
    began = time.monotonic()
    counts = race(path, tmp_path / "staat" / "staat.toml", ROUNDS)
    print(f"{counts} in {time.monotonic() - began:.1f} s")
    assert counts["rounds"] == ROUNDS
    assert counts["lost"] == 0, counts
    assert counts["other"] == 0, counts


def _hold_and_wait(path: str, ready: str) -> None:
    """A process that takes the workbook's lock and then hangs, until it is killed."""
    with workbook_lock(Path(path)):
        Path(ready).write_text("vast", encoding="utf-8")
        time.sleep(120)


def test_a_lock_left_by_a_killed_process_does_not_block_a_save(tmp_path: Path) -> None:
    path = tmp_path / "klant.toml"
    path.write_text(BASE, encoding="utf-8")
    loaded = load_workbook(path)
    ready = tmp_path / "klaar"
    holder = multiprocessing.get_context("spawn").Process(target=_hold_and_wait, args=(str(path), str(ready)))
    holder.start()
    try:
        until_sync(ready.exists, "the process takes the lock")
        with workbook_lock(path, wait=0) as free:
            assert not free, "the lock is taken while that process lives"
    finally:
        assert holder.pid is not None
        os.kill(holder.pid, signal.SIGKILL)
        holder.join(timeout=10)
    assert lock_path(path).exists(), "the killed process left its lock file"
    began = time.monotonic()
    profile = loaded.workbook.organisatie.model_copy(update={"sector": "Bouw"})
    save_workbook(loaded, loaded.workbook.model_copy(update={"organisatie": profile}))
    assert time.monotonic() - began < 1.0
    assert 'sector = "Bouw"' in path.read_text(encoding="utf-8")


def test_a_leftover_lock_file_with_anything_in_it_never_blocks(tmp_path: Path) -> None:
    path = tmp_path / "klant.toml"
    path.write_text(BASE, encoding="utf-8")
    lock_path(path).write_text("pid 999999 van een crash\n", encoding="utf-8")
    lock_path(path).chmod(0o444)  # even one that is not ours to write
    loaded = load_workbook(path)
    profile = loaded.workbook.organisatie.model_copy(update={"sector": "Zorg"})
    save_workbook(loaded, loaded.workbook.model_copy(update={"organisatie": profile}), content=None)
    assert 'sector = "Zorg"' in path.read_text(encoding="utf-8")


def tries_of_the_lock(monkeypatch: pytest.MonkeyPatch) -> list[bool]:
    """From now on, every try to take a workbook lock adds whether it got it."""
    tries: list[bool] = []
    try_lock = file_lock._try_lock

    def counted(fd: int) -> bool:
        held = try_lock(fd)
        tries.append(held)
        return held

    monkeypatch.setattr(file_lock, "_try_lock", counted)
    return tries


def test_a_save_waits_for_another_save_and_then_sees_its_edit(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """The second window's save waits for the lock, then finds the file changed: it is told, not saved."""
    path = tmp_path / "klant.toml"
    path.write_text(BASE, encoding="utf-8")
    mine = load_workbook(path)
    outcome: list[object] = []
    tries = tries_of_the_lock(monkeypatch)

    def my_save() -> None:
        profile = mine.workbook.organisatie.model_copy(update={"sector": "mijn"})
        try:
            save_workbook(mine, mine.workbook.model_copy(update={"organisatie": profile}))
            outcome.append("saved")
        except Exception as error:
            outcome.append(error)

    with workbook_lock(path):  # the other window is in the middle of its save
        thread = threading.Thread(target=my_save)
        thread.start()
        until_sync(lambda: tries.count(False) >= 2, "the save finds the lock taken and tries again")
        assert outcome == [], "the save waits for the lock"
        path.write_text(BASE + 'adviseur = "hun"\n', encoding="utf-8")
    thread.join(timeout=10)
    assert len(outcome) == 1 and isinstance(outcome[0], ChangedOnDiskError)
    assert 'adviseur = "hun"' in path.read_text(encoding="utf-8")
    assert "mijn" not in path.read_text(encoding="utf-8")


def test_a_lock_held_too_long_gives_a_dutch_message(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    path = tmp_path / "klant.toml"
    path.write_text(BASE, encoding="utf-8")
    loaded = load_workbook(path)
    monkeypatch.setattr(file_lock, "WAIT_SECONDS", 0.2)
    with workbook_lock(path), pytest.raises(LockTimeoutError) as caught:
        profile = loaded.workbook.organisatie.model_copy(update={"sector": "Bouw"})
        save_workbook(loaded, loaded.workbook.model_copy(update={"organisatie": profile}))
    message = str(caught.value)
    assert "ander venster" in message and "klant.toml" in message and "niets overschreven" in message
    assert "Errno" not in message
    assert isinstance(caught.value, OSError), "the app reports it like any failed save"
    assert path.read_text(encoding="utf-8") == BASE


def test_without_os_locks_saving_still_works(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Where neither fcntl nor msvcrt exists, a save goes on with only the check on disk."""
    monkeypatch.setattr(file_lock, "fcntl", None)
    monkeypatch.setattr(file_lock, "msvcrt", None)
    path = tmp_path / "klant.toml"
    path.write_text(BASE, encoding="utf-8")
    loaded = load_workbook(path)
    profile = loaded.workbook.organisatie.model_copy(update={"sector": "Bouw"})
    save_workbook(loaded, loaded.workbook.model_copy(update={"organisatie": profile}))
    assert 'sector = "Bouw"' in path.read_text(encoding="utf-8")


def test_the_lock_of_a_symlinked_workbook_is_beside_its_target(tmp_path: Path) -> None:
    repo = tmp_path / "repo"
    repo.mkdir()
    target = repo / "klant.toml"
    target.write_text(BASE, encoding="utf-8")
    link = tmp_path / "snelkoppeling.toml"
    link.symlink_to(target)
    assert lock_path(link) == lock_path(target) == repo / ".klant.toml.lock"
    with workbook_lock(target), workbook_lock(link, wait=0) as free:
        assert not free, "a window on the link and one on the file share one lock"


async def test_the_window_whose_save_loses_the_race_is_told_never_saved(
    workbook_file: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The app's autosave waits while another window saves, then finds that window's edit: it says so."""
    from conftest import TODAY

    from screens.actions import ActionsScreen
    from screens.external_change import ExternalChangeScreen
    from tui.app import WerkboekApp
    from widgets.action_table import ActionTable

    app = WerkboekApp(workbook_file, today=TODAY)
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.press("4")
        await pilot.pause()
        assert isinstance(app.screen, ActionsScreen)
        table = app.screen.query_one(ActionTable)
        table.cursor = [action.id for action in table.actions].index("A7")
        await pilot.pause()
        theirs = workbook_file.read_text(encoding="utf-8").replace("medewerkers = 34", "medewerkers = 35")
        tries = tries_of_the_lock(monkeypatch)
        with workbook_lock(workbook_file):  # the other window is saving right now
            await pilot.press("space")  # a change here: autosave starts and has to wait for the lock
            await until(lambda: tries.count(False) >= 2, "the autosave finds the lock taken and waits")
            header = str(app.screen.query_one("WorkbookHeader").render())
            assert "✓" not in header and "niet opgeslagen" in header
            workbook_file.write_text(theirs, encoding="utf-8")  # the other window's save lands
        await until(
            lambda: isinstance(app.screen, ExternalChangeScreen), "this window is told the file changed", pilot=pilot
        )
        assert workbook_file.read_text(encoding="utf-8") == theirs, "their edit is not overwritten"
        header = str(app.screen_stack[-2].query_one("WorkbookHeader").render())
        assert "✓ opgeslagen" not in header
        assert app.session is not None and app.session.file_state == "conflict"


async def test_opening_a_workbook_removes_what_a_crashed_save_left(workbook_file: Path) -> None:
    from conftest import TODAY

    from tui.app import WerkboekApp

    leftover = workbook_file.with_name(".klant.toml.k1ll3d00.tmp")
    leftover.write_bytes(b"half")
    unrelated = workbook_file.with_name(".ander.toml.k1ll3d00.tmp")
    unrelated.write_bytes(b"van een ander")
    app = WerkboekApp(workbook_file, today=TODAY)
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        assert app.session is not None
    assert not leftover.exists()
    assert unrelated.exists()
