"""A dropped SSH link or closed terminal (SIGHUP) saves the last edit: the app runs for real in a
pseudo-terminal, gets a key that changes the plan, and is hung up on before autosave would run."""

from __future__ import annotations

import os
import pty
import signal
import subprocess
import sys
import threading
import time
import tomllib
from pathlib import Path

import pytest
from conftest import ROOT

DOWN = "\x1b[B"


class Terminal:
    """The far end of a pseudo-terminal: collects what the app draws, sends keys."""

    def __init__(self) -> None:
        self.leader, self.follower = pty.openpty()
        self.output = bytearray()
        self._reader = threading.Thread(target=self._read, daemon=True)
        self._reader.start()

    def _read(self) -> None:
        while True:
            try:
                chunk = os.read(self.leader, 65536)
            except OSError:
                return
            if not chunk:
                return
            self.output.extend(chunk)

    def wait_for(self, text: str, timeout: float = 20) -> None:
        deadline = time.monotonic() + timeout
        while text.encode() not in self.output:
            if time.monotonic() > deadline:
                raise AssertionError(f"{text!r} did not appear on the screen")
            time.sleep(0.05)

    def send(self, keys: str) -> None:
        os.write(self.leader, keys.encode())


@pytest.mark.parametrize("signal_number", [signal.SIGHUP, signal.SIGTERM], ids=["SIGHUP", "SIGTERM"])
def test_hangup_saves_the_edit(workbook_file: Path, signal_number: int) -> None:
    terminal = Terminal()
    env = {**os.environ, "TERM": "xterm-256color", "WERKBOEK_AUTOSAVE_SECONDS": "600", "COLUMNS": "100", "LINES": "30"}
    process = subprocess.Popen(
        [sys.executable, "-c", "from tui.cli import main; main()", str(workbook_file)],
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
        terminal.send(DOWN * 2)  # A1, A2, A3 (bezig)
        time.sleep(0.5)
        terminal.send(" ")  # A3: bezig → klaar; autosave would wait ten minutes
        terminal.wait_for("status bezig")
        time.sleep(0.5)
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
