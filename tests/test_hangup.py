"""A dropped SSH link or closed terminal (SIGHUP) saves the last edit: the app runs for real in a
pseudo-terminal, gets a key that changes the plan, and is hung up on before autosave would run."""

from __future__ import annotations

import contextlib
import fcntl
import os
import pty
import select
import signal
import struct
import subprocess
import sys
import termios
import threading
import time
import tomllib
from collections.abc import Iterator
from pathlib import Path

import pytest
from conftest import ROOT
from waiting import until_sync

pytestmark = pytest.mark.serial  # real pseudo-terminals and signals, timed from outside the app

DOWN = "\x1b[B"
CTRL_S = "\x13"


class Terminal:
    """The far end of a pseudo-terminal: collects what the app draws, sends keys."""

    def __init__(self) -> None:
        self.leader, self.follower = pty.openpty()
        self.output = bytearray()
        self._closing = threading.Event()
        self._reader = threading.Thread(target=self._read, daemon=True)
        self._reader.start()

    def _read(self) -> None:
        while not self._closing.is_set():
            ready, _, _ = select.select([self.leader], [], [], 0.05)
            if not ready:
                continue
            try:
                chunk = os.read(self.leader, 65536)
            except OSError:
                return
            if not chunk:
                return
            self.output.extend(chunk)

    def stop_reading(self) -> None:
        self._closing.set()
        self._reader.join()

    def read_rest(self) -> None:
        """Once the app has ended and reading stopped: take what it drew last from the terminal's buffer,
        so that a check of the whole output never depends on how quickly the reader was."""
        while select.select([self.leader], [], [], 0)[0]:
            try:
                chunk = os.read(self.leader, 65536)
            except OSError:
                return
            if not chunk:
                return
            self.output.extend(chunk)

    def hang_up(self) -> None:
        """Close the terminal as a closed window or a dropped SSH link does. The reader stops first: a
        descriptor that another thread still reads from is not really closed."""
        self._closing.set()
        self._reader.join()
        os.close(self.leader)
        os.close(self.follower)

    def wait_for(self, text: str, timeout: float = 30, *, since: int = 0) -> None:
        """Wait until the app has drawn ``text`` (after the first ``since`` bytes of output, see :meth:`mark`)."""
        until_sync(lambda: text.encode() in self.output[since:], f"{text!r} appears on the screen", timeout=timeout)

    def mark(self) -> int:
        """Where the output is now: pass it as ``since`` to wait for what is drawn from here on."""
        return len(self.output)

    def send(self, keys: str) -> None:
        os.write(self.leader, keys.encode())


@pytest.mark.parametrize("signal_number", [signal.SIGHUP, signal.SIGTERM], ids=["SIGHUP", "SIGTERM"])
def test_hangup_saves_the_edit(workbook_file: Path, signal_number: int) -> None:
    terminal = Terminal()
    env = {**os.environ, "TERM": "xterm-256color", "WERKBOEK_AUTOSAVE_SECONDS": "600", "COLUMNS": "100", "LINES": "30"}
    process = subprocess.Popen(
        [sys.executable, "-c", "from cli.main import main; main()", str(workbook_file)],
        stdin=terminal.follower,
        stdout=terminal.follower,
        stderr=terminal.follower,
        cwd=ROOT,
        env=env,
        start_new_session=True,
    )
    try:
        terminal.wait_for("Succesfactoren")
        terminal.send("4")
        terminal.wait_for("van 20 acties")
        terminal.send(DOWN * 2)  # A1, A2 (both klaar), A3 (bezig)
        terminal.wait_for("status bezig")  # the detail pane shows A3: the cursor is there
        edited = terminal.mark()
        terminal.send(" ")  # A3: bezig → klaar; autosave would wait ten minutes
        terminal.wait_for("A3: status bezig → klaar", since=edited)
        assert 'status = "bezig"' in workbook_file.read_text(encoding="utf-8"), "not yet saved"
        process.send_signal(signal_number)
        assert process.wait(timeout=20) is not None
    finally:
        if process.poll() is None:
            process.kill()
        os.close(terminal.follower)
    document = tomllib.loads(workbook_file.read_text(encoding="utf-8"))
    a3 = next(action for action in document["acties"] if action["id"] == "A3")
    assert a3["status"] == "klaar"


def start_in_terminal(
    terminal: Terminal, workbook: Path, env: dict[str, str], *, size: tuple[int, int] = (100, 30)
) -> subprocess.Popen[bytes]:
    """Start the app with the pseudo-terminal as its controlling terminal, as a login shell would: then
    closing the terminal sends it what a real hang-up sends (SIGHUP, then SIGCONT)."""
    columns, lines = size
    fcntl.ioctl(terminal.follower, termios.TIOCSWINSZ, struct.pack("HHHH", lines, columns, 0, 0))

    def take_terminal() -> None:
        fcntl.ioctl(0, termios.TIOCSCTTY, 0)

    return subprocess.Popen(
        [sys.executable, "-c", "from cli.main import main; main()", str(workbook)],
        stdin=terminal.follower,
        stdout=terminal.follower,
        stderr=terminal.follower,
        cwd=ROOT,
        env={**os.environ, "TERM": "xterm-256color", **env},
        start_new_session=True,
        preexec_fn=take_terminal,  # noqa: PLW1509 - runs before any thread exists in the child
    )


@contextlib.contextmanager
def app_in_terminal(workbook: Path, env: dict[str, str]) -> Iterator[tuple[Terminal, subprocess.Popen[bytes]]]:
    """The app running in a fresh pseudo-terminal; killed if a test leaves it running."""
    terminal = Terminal()
    process = start_in_terminal(terminal, workbook, env)
    try:
        yield terminal, process
    finally:
        if process.poll() is None:
            process.kill()
            process.wait()
        os.close(terminal.follower)


def test_closing_the_terminal_never_leaves_the_app_running(workbook_file: Path) -> None:
    """The terminal is closed at once or a little after the dashboard appears, 20 times: every time the
    app has ended within 2 seconds (Textual's driver used to deadlock on the SIGCONT of a hang-up)."""
    survivors = []
    for launch in range(20):
        terminal = Terminal()
        process = start_in_terminal(terminal, workbook_file, {})
        try:
            terminal.wait_for("Succesfactoren")
            terminal.stop_reading()  # the terminal is going: what the app still draws is not read
            time.sleep((launch % 5) * 0.05)
            terminal.hang_up()
            try:
                process.wait(timeout=2)
            except subprocess.TimeoutExpired:
                survivors.append(launch)
        finally:
            if process.poll() is None:
                process.kill()
                process.wait()
    assert survivors == [], f"still running 2 s after the terminal closed: launches {survivors}"


def test_keys_in_one_burst_land_in_the_fields_they_were_aimed_at(workbook_file: Path) -> None:
    """Over SSH a whole line of keys arrives at once: name, tab, date, save, screen key."""
    with app_in_terminal(workbook_file, {}) as (terminal, process):
        terminal.wait_for("Succesfactoren")
        terminal.send("4\r" + "\t" * 5 + "Anna de Boer" + "\t" + "1-3-2026" + CTRL_S + "1")
        until_sync(lambda: _action(workbook_file, "A1").get("eigenaar") == "Anna de Boer", "A1's new owner saved")
        assert str(_action(workbook_file, "A1").get("start")) == "2026-03-01"
        process.send_signal(signal.SIGTERM)
        process.wait(timeout=10)


@pytest.mark.parametrize("signal_number", [signal.SIGHUP, signal.SIGTERM], ids=["SIGHUP", "SIGTERM"])
def test_a_form_open_when_the_terminal_goes_becomes_a_draft(
    workbook_file: Path, tmp_path: Path, signal_number: int
) -> None:
    state = tmp_path / "staat" / "staat.toml"
    env = {"WERKBOEK_STATE": str(state)}
    before = workbook_file.read_text(encoding="utf-8")
    with app_in_terminal(workbook_file, env) as (terminal, process):
        terminal.wait_for("Succesfactoren")
        terminal.send("4\r" + "\t" * 5 + "Carla Jansen")
        terminal.wait_for("Carla Jansen")
        process.send_signal(signal_number)
        assert process.wait(timeout=5) is not None
    assert workbook_file.read_text(encoding="utf-8") == before, "an unconfirmed form is not saved into the plan"
    drafts = list((state.parent / "concepten").glob("*.toml"))
    assert len(drafts) == 1
    kept = tomllib.loads(drafts[0].read_text(encoding="utf-8"))
    assert kept["concepten"][0]["doel"] == "A1"
    assert kept["concepten"][0]["velden"]["eigenaar"] == "Carla Jansen"


def _action(path: Path, action_id: str) -> dict[str, object]:
    document = tomllib.loads(path.read_text(encoding="utf-8"))
    return next(action for action in document["acties"] if action["id"] == action_id)
