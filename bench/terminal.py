"""A real pseudo-terminal for the benchmark: what text is on screen, and when it got there.

:func:`start` runs a command in a fresh pseudo-terminal of a given size. One thread reads what the
command draws and stamps every chunk with the time it was read (and does nothing else, so a stamp is
never late because the emulator was busy); a second thread feeds the chunks, in order, to a terminal
emulator (pyte), so the benchmark knows the text on screen after each chunk. A wait names what it
waits for (a text on screen, any change of the text) and returns the stamp of the chunk that brought
it: launch → text on screen and key → screen changed are measured from outside the app, as a person
sees them.

Keys go in as one string (``send("4")``, ``send("/werk")``), as a terminal or an SSH link delivers a
burst. :meth:`Terminal.close` asks the app to quit (ctrl+q), and kills its whole process group if it
does not, so no process is left behind.
"""

from __future__ import annotations

import contextlib
import fcntl
import os
import pty
import queue
import select
import signal
import struct
import subprocess
import termios
import threading
import time
from collections.abc import Callable, Iterator, Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pyte
from wcwidth import wcwidth

CTRL_Q = "\x11"
DOWN = "\x1b[B"
UP = "\x1b[A"
PAGE_DOWN = "\x1b[6~"
PAGE_UP = "\x1b[5~"
HOME = "\x1b[H"
ESCAPE = "\x1b"
BACKSPACE = "\x7f"


class TerminalTimeout(AssertionError):
    """What the benchmark waited for did not come; says what is on screen instead."""


@dataclass(frozen=True)
class Hit:
    """When a wait was met: the read time of the chunk that met it (``time.perf_counter``), the same
    moment in wall-clock time (``time.time``, as the app's stall log writes it), and the app's memory
    read from /proc right when the emulator saw it (KiB; 0 when the process was gone)."""

    at: float
    wall: float
    rss_kib: int = 0
    peak_kib: int = 0
    since: float = 0.0
    """When the wait began (or its keys were sent): ``(at - since) * 1000`` is the latency in ms."""

    @property
    def ms(self) -> float:
        return (self.at - self.since) * 1000


@dataclass
class _Waiter:
    condition: Callable[[str], bool]
    after: float
    memory: bool
    done: threading.Event
    hit: Hit | None = None


def _line_text(line: Mapping[int, Any], columns: int) -> str:
    """One screen line as text, trailing spaces dropped (as pyte's ``Screen.display``, which renders every
    line: too slow to run after each chunk at 160×45)."""
    chars = []
    wide = False
    for x in range(columns):
        if wide:  # the second cell of a wide character
            wide = False
            continue
        char = line[x].data
        wide = bool(char) and wcwidth(char[0]) == 2
        chars.append(char)
    return "".join(chars).rstrip()


def _holds(condition: Callable[[str], bool], text: str) -> bool:
    """``condition(text)``; a condition that fails counts as not met, so the emulator thread carries on."""
    try:
        return condition(text)
    except Exception:
        return False


def memory_kib(pid: int) -> tuple[int, int]:
    """(VmRSS, VmHWM) of ``pid`` in KiB from /proc; (0, 0) when it has gone."""
    values = {"VmRSS": 0, "VmHWM": 0}
    with contextlib.suppress(OSError):
        for line in Path(f"/proc/{pid}/status").read_text().splitlines():
            name, _, value = line.partition(":")
            if name in values:
                values[name] = int(value.split()[0])
    return values["VmRSS"], values["VmHWM"]


class Terminal:
    """One command in its own pseudo-terminal, with an emulator that keeps the screen's text."""

    def __init__(self, size: tuple[int, int]) -> None:
        self.columns, self.lines = size
        self.leader, self.follower = pty.openpty()
        fcntl.ioctl(self.follower, termios.TIOCSWINSZ, struct.pack("HHHH", self.lines, self.columns, 0, 0))
        self.screen = pyte.Screen(self.columns, self.lines)
        # Answer the terminal queries an app may send (device attributes, cursor position), as a terminal does.
        self.screen.write_process_input = self._answer
        self.stream = pyte.ByteStream(self.screen)
        self.process: subprocess.Popen[bytes] | None = None
        self.started = 0.0
        self.chunks = 0
        self.last_output = time.perf_counter()
        self._text = ""
        self._lines = [""] * self.lines
        self._text_changed_at = time.perf_counter()
        self._lock = threading.Lock()
        self._waiters: list[_Waiter] = []
        self._chunks: queue.SimpleQueue[tuple[float, bytes] | None] = queue.SimpleQueue()
        self._closing = threading.Event()
        self._wall_offset = time.time() - time.perf_counter()
        self._reader = threading.Thread(target=self._read, name="pty-reader", daemon=True)
        self._emulator = threading.Thread(target=self._emulate, name="pty-emulator", daemon=True)

    # -- the two threads -------------------------------------------------------------------------

    def _read(self) -> None:
        """Read and stamp; nothing else, so the stamps stay close to when the app wrote."""
        while not self._closing.is_set():
            try:
                ready, _, _ = select.select([self.leader], [], [], 0.05)
                if not ready:
                    continue
                chunk = os.read(self.leader, 65536)
            except OSError:
                break
            if not chunk:
                break
            self._chunks.put((time.perf_counter(), chunk))
        self._chunks.put(None)

    def _emulate(self) -> None:
        while (item := self._chunks.get()) is not None:
            at, chunk = item
            with self._lock:
                self.stream.feed(chunk)
                self.chunks += 1
                self.last_output = at
                for y in self.screen.dirty:  # only the lines this chunk touched: cheap enough for every chunk
                    if y < self.lines:
                        self._lines[y] = _line_text(self.screen.buffer[y], self.columns)
                self.screen.dirty.clear()
                text = "\n".join(self._lines)
                if text != self._text:
                    self._text, self._text_changed_at = text, at
                waiters = [w for w in self._waiters if w.after <= at]
            for waiter in waiters:
                if _holds(waiter.condition, text):
                    rss, peak = memory_kib(self.process.pid) if waiter.memory and self.process else (0, 0)
                    waiter.hit = Hit(at, at + self._wall_offset, rss, peak, waiter.after)
                    with self._lock:
                        self._waiters.remove(waiter)
                    waiter.done.set()

    def _answer(self, data: str) -> None:
        with contextlib.suppress(OSError):
            os.write(self.leader, data.encode())

    # -- what is on screen -----------------------------------------------------------------------

    @property
    def text(self) -> str:
        """The screen's text now, one line per row (trailing spaces dropped)."""
        with self._lock:
            return self._text

    def wall(self, at: float) -> float:
        """``at`` (``time.perf_counter``) as wall-clock time (``time.time``)."""
        return at + self._wall_offset

    def wait(
        self,
        condition: Callable[[str], bool],
        what: str,
        *,
        timeout: float = 60,
        after: float | None = None,
        memory: bool = False,
        send: str | None = None,
    ) -> Hit:
        """Wait until ``condition(screen text)`` holds after a chunk read at or after ``after`` (default:
        now); ``send`` keys are sent once the wait is in place. Returns when the chunk that met it came."""
        waiter = _Waiter(condition, time.perf_counter() if after is None else after, memory, threading.Event())
        with self._lock:
            met_already = after is not None and condition(self._text) and self._text_changed_at >= waiter.after
            if not met_already:
                self._waiters.append(waiter)
        if met_already:
            at = self._text_changed_at
            rss, peak = memory_kib(self.process.pid) if memory and self.process else (0, 0)
            return Hit(at, self.wall(at), rss, peak, waiter.after)
        if send is not None:
            waiter.after = time.perf_counter()  # output stamped from here on may be the keys' answer
            self.send(send)
        if not waiter.done.wait(timeout):
            with self._lock:
                if waiter in self._waiters:
                    self._waiters.remove(waiter)
            raise TerminalTimeout(f"waited {timeout:g} s for {what}; on screen:\n{self.text}")
        assert waiter.hit is not None
        return waiter.hit

    def wait_for_text(self, text: str, timeout: float = 60, *, memory: bool = False) -> Hit:
        """Wait until ``text`` is on screen (now or later); the hit of the chunk that brought it.

        Looking at the screen and waiting for the next chunk happen under one lock (any chunk counts:
        ``after=0``), so a chunk that lands in between is never missed."""
        return self.wait(
            lambda screen: text in screen, f"{text!r} on screen", timeout=timeout, after=0.0, memory=memory
        )

    def press(self, keys: str, text: str, timeout: float = 60, *, memory: bool = False) -> float:
        """Send ``keys`` and wait until ``text`` is on screen (drawn after the keys went): ms from the keys."""
        return self.wait(lambda screen: text in screen, f"{text!r} after {keys!r}", timeout=timeout, send=keys).ms

    def press_until(self, keys: str, condition: Callable[[str], bool], what: str, timeout: float = 60) -> float:
        """Send ``keys`` and wait until the screen's text meets ``condition``: ms from the keys."""
        return self.wait(condition, what, timeout=timeout, send=keys).ms

    def press_and_change(self, keys: str, timeout: float = 60) -> float:
        """Send ``keys`` and wait until the screen's text differs from before: ms from the keys."""
        before = self.text
        return self.press_until(keys, lambda screen: screen != before, f"a change after {keys!r}", timeout)

    def settle(self, quiet: float = 0.3, timeout: float = 60) -> None:
        """Wait until the screen's text has not changed for ``quiet`` seconds (a blinking cursor does not count)."""
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            with self._lock:
                still = time.perf_counter() - self._text_changed_at
            if still >= quiet:
                return
            time.sleep(min(0.05, quiet - still + 0.005))
        raise TerminalTimeout(f"the screen did not settle within {timeout:g} s")

    def memory(self) -> tuple[int, int]:
        """(VmRSS, VmHWM) of the app now, in KiB."""
        return memory_kib(self.process.pid) if self.process else (0, 0)

    # -- keys and the end ------------------------------------------------------------------------

    def send(self, keys: str) -> None:
        """Keys as one write, as a terminal or an SSH link delivers a burst."""
        os.write(self.leader, keys.encode())

    def close(self, timeout: float = 10) -> int | None:
        """Quit the app (ctrl+q); kill its process group when it does not end. Returns its exit code."""
        process = self.process
        code = None
        try:
            if process is not None and process.poll() is None:
                with contextlib.suppress(OSError):
                    self.send(CTRL_Q)
                try:
                    code = process.wait(timeout=timeout)
                except subprocess.TimeoutExpired:
                    code = None
            elif process is not None:
                code = process.returncode
        finally:
            if process is not None:
                with contextlib.suppress(ProcessLookupError, PermissionError):
                    os.killpg(process.pid, signal.SIGKILL)  # anything it left behind in its session
                with contextlib.suppress(subprocess.TimeoutExpired):
                    process.wait(timeout=5)
            self._closing.set()
            self._reader.join(timeout=2)
            self._emulator.join(timeout=5)
            for descriptor in (self.leader, self.follower):
                with contextlib.suppress(OSError):
                    os.close(descriptor)
        return code


def start(
    command: Sequence[str],
    size: tuple[int, int] = (80, 24),
    env: Mapping[str, str] | None = None,
    cwd: Path | None = None,
) -> Terminal:
    """Run ``command`` in a fresh pseudo-terminal of ``size`` (columns, lines), as its controlling terminal.

    ``env`` is the whole environment; TERM defaults to xterm-256color, and COLUMNS and LINES are dropped so
    the app reads its size from the terminal. ``Terminal.started`` is when the process was started."""
    terminal = Terminal(size)
    environment = {**(os.environ if env is None else env)}
    environment.setdefault("TERM", "xterm-256color")
    for name in ("COLUMNS", "LINES"):
        environment.pop(name, None)
    terminal._reader.start()
    terminal._emulator.start()

    def take_terminal() -> None:
        fcntl.ioctl(0, termios.TIOCSCTTY, 0)

    terminal.started = time.perf_counter()
    terminal.process = subprocess.Popen(
        list(command),
        stdin=terminal.follower,
        stdout=terminal.follower,
        stderr=terminal.follower,
        cwd=cwd,
        env=environment,
        start_new_session=True,
        preexec_fn=take_terminal,  # noqa: PLW1509 - only an ioctl, before anything else runs in the child
    )
    return terminal


@contextlib.contextmanager
def running(
    command: Sequence[str],
    size: tuple[int, int] = (80, 24),
    env: Mapping[str, str] | None = None,
    cwd: Path | None = None,
) -> Iterator[Terminal]:
    """:func:`start`, closed again (and nothing left running) however the block ends."""
    terminal = start(command, size, env, cwd)
    try:
        yield terminal
    finally:
        terminal.close()
