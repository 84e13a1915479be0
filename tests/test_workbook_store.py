"""The workbook store driven by hand, without Textual: a clock the test moves and background work the
test runs, so every autosave, retry and disk check happens exactly when the test says."""

from __future__ import annotations

import datetime as dt
import errno
import os
import re
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

import pytest

import core.store
from core.ports import Severity
from core.session import WorkbookSession
from core.store import WorkbookStore
from models.content import Content
from models.plan import with_action
from models.recovery import recovery_copies
from models.store import load_workbook
from models.workbook import Action, Workbook

TODAY = dt.date(2026, 11, 22)


@dataclass
class Timer:
    due: float
    callback: Callable[[], None]
    name: str
    every: float | None = None
    stopped: bool = False

    def stop(self) -> None:
        self.stopped = True


@dataclass
class HandClock:
    """A :class:`core.ports.Scheduler` whose time moves only when the test says."""

    now: float = 0.0
    timers: list[Timer] = field(default_factory=list)
    background: list[tuple[Callable[[], None], Callable[[Exception | None], None]]] = field(default_factory=list)

    def later(self, seconds: float, callback: Callable[[], None], *, name: str) -> Timer:
        timer = Timer(self.now + seconds, callback, name)
        self.timers.append(timer)
        return timer

    def every(self, seconds: float, callback: Callable[[], None], *, name: str) -> Timer:
        timer = Timer(self.now + seconds, callback, name, every=seconds)
        self.timers.append(timer)
        return timer

    def in_background(self, job: Callable[[], None], done: Callable[[Exception | None], None], *, name: str) -> None:
        self.background.append((job, done))

    def advance(self, seconds: float) -> None:
        """Move the clock, firing every timer that comes due on the way (in order)."""
        end = self.now + seconds
        while due := sorted((t for t in self.timers if not t.stopped and t.due <= end), key=lambda t: t.due):
            timer = due[0]
            self.now = timer.due
            if timer.every is None:
                timer.stopped = True
            else:
                timer.due += timer.every
            timer.callback()
        self.now = end

    def run_background(self) -> int:
        """Run the background work waiting now (as a thread would), then its completion; how many ran."""
        ran = 0
        while self.background:
            job, done = self.background.pop(0)
            try:
                job()
                problem = None
            except Exception as error:
                problem = error
            done(problem)
            ran += 1
        return ran


@dataclass
class Listener:
    """A :class:`core.ports.StoreListener` that records what the user would have seen."""

    changed: list[Workbook] = field(default_factory=list)
    file_states: list[str] = field(default_factory=list)
    messages: list[tuple[str, str, Severity]] = field(default_factory=list)
    asked_outside: int = 0

    def workbook_changed(self, session: WorkbookSession) -> None:
        self.changed.append(session.workbook)

    def file_state_changed(self, session: WorkbookSession) -> None:
        self.file_states.append(session.file_state)

    def tell(self, message: str, *, title: str = "", severity: Severity = "information", timeout: float = 6) -> None:
        self.messages.append((title, message, severity))

    def changed_outside(self, session: WorkbookSession) -> None:
        self.asked_outside += 1

    def said(self, text: str) -> bool:
        return any(text in f"{title} {message}" for title, message, _ in self.messages)


@pytest.fixture
def clock() -> HandClock:
    return HandClock()


@pytest.fixture
def listener() -> Listener:
    return Listener()


@pytest.fixture
def store(clock: HandClock, listener: Listener, workbook_file: Path, content: Content) -> WorkbookStore:
    store = WorkbookStore(clock, listener, autosave_seconds=0.3, disk_check_seconds=2.0, retry_seconds=15.0)
    assert store.load(workbook_file, content, TODAY) == []
    return store


def _with_new_action(workbook: Workbook, title: str) -> Workbook:
    number = max(int(action.id[1:]) for action in workbook.acties) + 1
    return with_action(workbook, Action(id=f"A{number}", titel=title))


def _titles_on_disk(path: Path, content: Content) -> list[str]:
    return [action.titel for action in load_workbook(path, content).workbook.acties]


def test_a_change_is_written_once_the_pause_after_it_has_passed(
    store: WorkbookStore, clock: HandClock, listener: Listener, workbook_file: Path, content: Content
) -> None:
    assert store.session is not None
    assert store.change(_with_new_action(store.session.workbook, "Werkplekonderzoek"), "actie toegevoegd")
    assert listener.changed and listener.file_states[-1] == "niet-opgeslagen"
    clock.advance(0.29)
    assert clock.run_background() == 0, "nothing is written before the pause is over"
    assert "Werkplekonderzoek" not in _titles_on_disk(workbook_file, content)
    clock.advance(0.02)
    assert clock.run_background() == 1
    assert "Werkplekonderzoek" in _titles_on_disk(workbook_file, content)
    assert not store.session.dirty and listener.file_states[-1] == "opgeslagen"


def test_changes_in_quick_succession_go_in_one_write(
    store: WorkbookStore, clock: HandClock, workbook_file: Path, content: Content
) -> None:
    assert store.session is not None
    for title in ("Een", "Twee", "Drie"):
        store.change(_with_new_action(store.session.workbook, title), f"{title} toegevoegd")
        clock.advance(0.2)
    clock.advance(0.2)
    assert clock.run_background() == 1
    assert _titles_on_disk(workbook_file, content)[-3:] == ["Een", "Twee", "Drie"]


def test_a_change_while_a_save_runs_is_written_right_after_it(
    store: WorkbookStore, clock: HandClock, workbook_file: Path, content: Content
) -> None:
    assert store.session is not None
    store.change(_with_new_action(store.session.workbook, "Eerste"), "eerste")
    clock.advance(0.3)
    assert store.saving and len(clock.background) == 1
    store.change(_with_new_action(store.session.workbook, "Tweede"), "tweede")
    clock.advance(0.3)
    assert len(clock.background) == 1, "the second change waits for the running save"
    clock.run_background()
    assert "Tweede" not in _titles_on_disk(workbook_file, content)
    clock.advance(0.3)
    clock.run_background()
    assert _titles_on_disk(workbook_file, content)[-2:] == ["Eerste", "Tweede"]
    assert not store.session.dirty


def test_undo_and_redo_say_what_they_did(store: WorkbookStore, listener: Listener) -> None:
    assert store.session is not None
    before = store.session.workbook
    assert store.undo() is None
    assert listener.said("Er is niets om ongedaan te maken.")
    store.change(_with_new_action(before, "Terug te draaien"), "Actie A99 toegevoegd")
    assert store.undo() is not None
    assert store.session.workbook is before
    assert listener.said("Ongedaan gemaakt: Actie A99 toegevoegd.")
    assert store.redo() is not None
    assert store.session.workbook.acties[-1].titel == "Terug te draaien"
    assert listener.said("Opnieuw gedaan: Actie A99 toegevoegd.")


def test_a_read_only_workbook_refuses_changes_and_says_why(
    clock: HandClock, listener: Listener, workbook_file: Path, content: Content
) -> None:
    text = workbook_file.read_text(encoding="utf-8")
    workbook_file.write_text(re.sub(r"(?m)^schema = \d+$", "schema = 99", text), encoding="utf-8")
    store = WorkbookStore(clock, listener)
    assert store.load(workbook_file, content, TODAY) == []
    assert store.session is not None and store.session.loaded.read_only_reason
    assert store.notices and store.notices[0][0].startswith("Alleen-lezen")
    assert not store.change(store.session.workbook, "iets")
    assert listener.said("Niet gewijzigd")


def test_a_change_on_disk_is_asked_about_and_never_overwritten(
    store: WorkbookStore, clock: HandClock, listener: Listener, workbook_file: Path, content: Content
) -> None:
    assert store.session is not None
    store.watch_file()
    theirs = workbook_file.read_text(encoding="utf-8").replace("Van Dijk", "Van Dijk & Zn")
    store.change(_with_new_action(store.session.workbook, "Mijn actie"), "mijn actie")
    workbook_file.write_text(theirs, encoding="utf-8")
    os.utime(workbook_file, ns=(1, 1))  # a different modification time, whatever the clock's resolution
    clock.advance(2.0)  # the disk check comes before the autosave (due at 0.3) is written
    clock.run_background()
    assert listener.asked_outside == 1
    assert store.session.conflict and listener.file_states[-1] == "conflict"
    clock.advance(30)
    clock.run_background()
    assert workbook_file.read_text(encoding="utf-8") == theirs, "a conflict is never written over"
    message = store.keep_edits_on_exit()
    assert message is not None and "jouw wijzigingen staan in" in message
    copy = Path(message.rsplit(" ", 1)[1].rstrip("."))
    assert "Mijn actie" in _titles_on_disk(copy, content)
    assert workbook_file.read_text(encoding="utf-8") == theirs


def test_a_failed_save_keeps_a_recovery_copy_and_tries_again(
    store: WorkbookStore,
    clock: HandClock,
    listener: Listener,
    workbook_file: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    assert store.session is not None
    content = store.session.content
    real_save = core.store.save_workbook

    def disk_full(*args: object, **kwargs: object) -> object:
        raise OSError(errno.ENOSPC, "No space left on device")

    monkeypatch.setattr(core.store, "save_workbook", disk_full)
    store.change(_with_new_action(store.session.workbook, "Niet kwijt"), "niet kwijt")
    clock.advance(0.3)
    clock.run_background()
    assert listener.said("Opslaan mislukt")
    assert any(severity == "error" for *_, severity in listener.messages)
    assert not any("No space" in message for _, message, _ in listener.messages), "Dutch, not Python's text"
    copies = recovery_copies(workbook_file)
    assert len(copies) == 1 and "Niet kwijt" in _titles_on_disk(copies[0], content)
    assert not store.saving
    clock.advance(14.9)
    assert clock.run_background() == 0, "the retry waits"
    monkeypatch.setattr(core.store, "save_workbook", real_save)
    clock.advance(0.1)
    assert clock.run_background() == 1
    assert "Niet kwijt" in _titles_on_disk(workbook_file, content)
    assert listener.said("Opslaan lukt weer")
    assert recovery_copies(workbook_file) == [], "the copy goes once everything is in the file"


def test_a_recovery_copy_is_offered_at_the_next_open(
    clock: HandClock, listener: Listener, workbook_file: Path, content: Content, monkeypatch: pytest.MonkeyPatch
) -> None:
    first = WorkbookStore(clock, listener)
    first.load(workbook_file, content, TODAY)
    assert first.session is not None
    real_save = core.store.save_workbook

    def read_only_disk(*args: object, **kwargs: object) -> object:
        raise OSError(errno.EROFS, "Read-only file system")

    monkeypatch.setattr(core.store, "save_workbook", read_only_disk)
    first.change(_with_new_action(first.session.workbook, "Uit de herstelkopie"), "herstel")
    message = first.keep_edits_on_exit()
    assert message is not None and "herstelkopie" in message
    monkeypatch.setattr(core.store, "save_workbook", real_save)

    second = WorkbookStore(clock, Listener())
    second.load(workbook_file, content, TODAY)
    offer = second.recovery_offer()
    assert offer is not None and offer.others == 0
    assert any("Uit de herstelkopie" in line for line in offer.changes)
    assert second.open_recovery(offer)
    assert second.session is not None and second.session.workbook.acties[-1].titel == "Uit de herstelkopie"
    clock.advance(0.3)
    clock.run_background()
    assert "Uit de herstelkopie" in _titles_on_disk(workbook_file, content)
    assert recovery_copies(workbook_file) == []


def test_leaving_with_nothing_unsaved_says_nothing(store: WorkbookStore) -> None:
    assert store.keep_edits_on_exit() is None
    assert store.keep_drafts([]) is None


def test_opening_a_broken_file_gives_its_problems(
    clock: HandClock, listener: Listener, tmp_path: Path, content: Content
) -> None:
    broken = tmp_path / "kapot.toml"
    broken.write_text("[organisatie\nnaam = 'x'\n", encoding="utf-8")
    store = WorkbookStore(clock, listener)
    problems = store.load(broken, content, TODAY)
    assert problems and store.session is None and store.tried == broken
