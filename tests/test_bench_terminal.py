"""The benchmark's pseudo-terminal (bench/terminal.py) sees what an app draws: the minimal probe app's text
is on its screen, a key reaches the app, and closing leaves no process behind. Nothing here is timed."""

from __future__ import annotations

import os
import sys
from pathlib import Path

import pytest
from conftest import ROOT

from bench import terminal
from bench.walk import MINIMAL, MINIMAL_READY, environment

pytestmark = pytest.mark.serial  # a real pseudo-terminal, as the benchmark drives it


def test_the_terminal_sees_the_probe_apps_text_and_a_key(tmp_path: Path) -> None:
    term = terminal.start(MINIMAL, (80, 24), environment(tmp_path), cwd=ROOT)
    try:
        term.wait(terminal_shows(*MINIMAL_READY), "the minimal app", timeout=60, after=term.started)
        lines = term.text.split("\n")
        assert len(lines) == 24
        assert lines[1] == "Hallo"
        assert "palette" in lines[-1]
        term.press("\x10", "Search for commands", timeout=60)  # ctrl+p: Textual's command palette opens
        term.press_until(terminal.ESCAPE, lambda screen: "Search for commands" not in screen, "palette closed", 60)
        assert term.text.split("\n")[1] == "Hallo"
    finally:
        code = term.close()
    assert code == 0
    assert term.process is not None
    with pytest.raises(ProcessLookupError):
        os.kill(term.process.pid, 0)


def test_close_kills_a_command_that_ignores_ctrl_q(tmp_path: Path) -> None:
    script = "import sys, time; print('wacht'); sys.stdout.flush(); time.sleep(600)"
    term = terminal.start([sys.executable, "-c", script], (80, 24), environment(tmp_path))
    term.wait_for_text("wacht", timeout=60)
    term.close(timeout=1)
    assert term.process is not None
    assert term.process.poll() is not None


def terminal_shows(*texts: str):  # type: ignore[no-untyped-def]
    return lambda screen: all(text in screen for text in texts)
