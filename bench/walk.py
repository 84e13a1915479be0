"""What a person does with the app, in a real pseudo-terminal, timed from outside (bench/terminal.py).

:func:`launch` starts an app and waits for its first screen's text; :func:`walk` starts the app on a
plan and goes where a consultant goes: reads the dashboard for two seconds (meanwhile the app preloads
its other screens, tui/app.py), opens every main screen the first time, then on Acties types a filter,
scrolls, changes a status twice (each followed by an autosave) and switches screens. Every step is a
key and the text that answers it; the app's stall watch logs every event-loop stall meanwhile.

Both apps are started the same way, as ``uv run werkboek`` starts the app but without uv in between:
a Python script file run by the project's Python (the venv's ``werkboek`` script; ``bench/probes.py``).
"""

from __future__ import annotations

import contextlib
import datetime as dt
import os
import re
import sys
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

from bench import terminal
from bench.stalls import Stall, read_stalls
from bench.terminal import BACKSPACE, DOWN, ESCAPE, HOME, PAGE_DOWN, PAGE_UP, Terminal, TerminalTimeout
from models.action_list import ActionFilter, filtered
from models.workbook import Workbook
from screens.registry import MAIN_SCREENS, PORTFOLIO

ROOT = Path(__file__).resolve().parent.parent
APP = [str(Path(sys.executable).parent / "werkboek")]
MINIMAL = [sys.executable, str(ROOT / "bench" / "probes.py")]

MINIMAL_READY = ("Hallo", "palette")
"""The minimal app's first screen: its text and its footer (the last line drawn)."""
DASHBOARD_READY = ("─ Succesfactoren", "Opdrachten")
"""The dashboard's first panel and the footer's last key: both on screen means the first frame is whole."""
WIDE_DASHBOARD_READY = (*DASHBOARD_READY, "Acties per status")
"""At 160×45 the dashboard shows more panels; the last of them must be there too."""

SCREEN_TEXT = {
    "dashboard": "─ Wat nu? ─",
    "succesfactoren": "nu (was)",
    "fasen": "huidige fase",
    "acties": "gesorteerd op",
    "bibliotheek": "Resultaten ·",
    "wettelijk": "─ Wettelijk minimum ·",
    "logboek": "─ Logboek ─",
    "organisatie": "─ Profiel ─",
}
"""Text each main screen shows and the one before it does not: the key has been answered when it is there."""
PORTFOLIO_TEXT = re.compile(r"\d\s+werkboek(en)?\s+in\s")
FIRST_OPENS = ("2", "3", "4", "6", "7", "8", "5")
"""First opens in this order; the Bibliotheek last of the number keys, because its search box takes the focus."""
KEY_MODES = {"1": "dashboard", "2": "succesfactoren", "3": "fasen", "4": "acties", "5": "bibliotheek",
             "6": "wettelijk", "7": "logboek", "8": "organisatie"}  # fmt: skip
QUERY = "werkdruk kampen"
READING_SECONDS = 2.0
"""How long a person looks at the dashboard before the first key; the app preloads screens after 1.5 s."""
TYPING_PAUSE = 0.03
"""Seconds between one filter keystroke answered and the next (a quick typist)."""
COUNT = re.compile(r"(\d[\d.]*)\s+van\s+([\d.]+)\s+acties?")


def environment(folder: Path, stall_log: Path | None = None) -> dict[str, str]:
    """The environment of every app the benchmark starts: no settings or memory of the developer's own
    (files in ``folder``), compiled bytecode kept as for a user (in .pytest_cache, never beside the
    sources), and the stall watch when ``stall_log`` is given."""
    env = dict(os.environ)
    env.pop("PYTHONDONTWRITEBYTECODE", None)
    env["PYTHONPYCACHEPREFIX"] = str(ROOT / ".pytest_cache" / "pycache")
    env["WERKBOEK_CONFIG"] = str(folder / "instellingen.toml")
    env["WERKBOEK_STATE"] = str(folder / "staat.toml")
    env["TERM"] = "xterm-256color"
    env.pop("WERKBOEK_STALL_LOG", None)
    if stall_log is not None:
        env["WERKBOEK_STALL_LOG"] = str(stall_log)
        env["WERKBOEK_STALL_MS"] = "50"
    return env


def all_of(*texts: str) -> Callable[[str], bool]:
    return lambda screen: all(text in screen for text in texts)


@dataclass
class Launch:
    ms: float
    """From starting the process to the first screen's text on screen."""
    rss_kib: int
    peak_kib: int
    """VmRSS and VmHWM of the app when that text appeared."""


def launch(
    command: list[str], size: tuple[int, int], ready: tuple[str, ...], env: dict[str, str], timeout: float = 180
) -> Launch:
    """Start ``command`` in a fresh terminal, wait for all of ``ready`` on screen, quit it."""
    with terminal.running(command, size, env, cwd=ROOT) as term:
        hit = term.wait(all_of(*ready), f"{ready} on screen", timeout=timeout, after=term.started, memory=True)
        return Launch((hit.at - term.started) * 1000, hit.rss_kib, hit.peak_kib)


@dataclass
class WalkResult:
    plan: str
    size: tuple[int, int]
    dashboard_ms: float = 0.0
    first_open: dict[str, float] = field(default_factory=dict)
    """Title of the screen → ms from its key to its text on screen, the first time."""
    filter_ms: list[float] = field(default_factory=list)
    scroll_ms: dict[str, float] = field(default_factory=dict)
    edit_ms: list[float] = field(default_factory=list)
    """Space on a row → "niet opgeslagen" in the header."""
    save_ms: list[float] = field(default_factory=list)
    """Space on a row → "✓ opgeslagen" again (includes the autosave's own wait, 0.3 s)."""
    switch_ms: dict[str, float] = field(default_factory=dict)
    actions_rss_kib: int = 0
    stalls: list[Stall] = field(default_factory=list)
    error: str = ""


class _Walker:
    def __init__(self, term: Terminal, result: WalkResult) -> None:
        self.term = term
        self.result = result
        self.phases: list[tuple[float, str]] = []

    def phase(self, name: str) -> None:
        self.phases.append((time.time(), name))

    def screen_key(self, key: str, text: str | re.Pattern[str], timeout: float = 120) -> float:
        condition = (lambda screen: text in screen) if isinstance(text, str) else (lambda s: bool(text.search(s)))
        ms = self.term.press_until(key, condition, f"{text} after key {key!r}", timeout)
        self.term.settle(0.4, timeout)
        return ms


def _count(screen: str) -> int | None:
    match = COUNT.search(screen)
    return int(match.group(1).replace(".", "")) if match else None


def _filter_box(screen: str) -> str:
    lines = screen.split("\n")
    return lines[1].strip() if len(lines) > 1 else ""


def walk(
    plan_file: Path,
    workbook: Workbook | None,
    *,
    size: tuple[int, int],
    env: dict[str, str],
    stall_log: Path,
    label: str,
) -> WalkResult:
    """Walk the app on ``plan_file``; with ``workbook`` (its actions, for the expected filter counts) also
    the Acties walk: filter, scroll, two autosaves, screen switches."""
    titles = {screen.key: screen.title for screen in MAIN_SCREENS}
    result = WalkResult(label, size)
    wide = size[1] >= 45
    ready = WIDE_DASHBOARD_READY if wide else DASHBOARD_READY
    with terminal.running([*APP, str(plan_file)], size, env, cwd=ROOT) as term:
        walker = _Walker(term, result)
        try:
            shown = term.wait(all_of(*ready), "the dashboard", timeout=300, after=term.started)
        except TerminalTimeout as timeout:
            result.error = str(timeout)
            return result
        result.dashboard_ms = (shown.at - term.started) * 1000
        walker.phase("dashboard lezen (voorladen)")
        try:
            time.sleep(READING_SECONDS)
            term.settle(0.3, 300)
            for key in FIRST_OPENS:
                walker.phase(f"eerste keer {titles[key]}")
                result.first_open[titles[key]] = walker.screen_key(key, SCREEN_TEXT[KEY_MODES[key]])
            term.send("\t")  # out of the Bibliotheek's search box, so the next key is a screen key again
            term.settle(0.3)
            walker.phase("naar dashboard")
            walker.screen_key("1", SCREEN_TEXT["dashboard"])
            walker.phase(f"eerste keer {PORTFOLIO.title}")
            result.first_open[PORTFOLIO.title] = walker.screen_key("w", PORTFOLIO_TEXT)
            walker.phase("terug")
            walker.screen_key(ESCAPE, SCREEN_TEXT["dashboard"])
            if workbook is not None:
                _actions_walk(walker, workbook)
        except TerminalTimeout as timeout:
            result.error = str(timeout)
        finally:
            walker.phase("afsluiten")
            phases = walker.phases
    # Stalls while quitting (ctrl+q) are left out: the person is leaving, nothing is on screen to wait for.
    result.stalls = [stall for stall in read_stalls(stall_log, shown.wall, phases) if stall.phase != "afsluiten"]
    return result


def _actions_walk(walker: _Walker, workbook: Workbook) -> None:
    term, result = walker.term, walker.result
    total = len(workbook.acties)
    walker.phase("naar Acties")
    result.switch_ms["dashboard → Acties"] = walker.screen_key("4", SCREEN_TEXT["acties"])
    result.actions_rss_kib = term.memory()[0]

    walker.phase("filter typen")
    term.send("/")
    time.sleep(0.2)  # a pause after the slash, as a person makes: settle alone returned at once, before the
    term.settle(0.2)  # focus had moved, and the first letter was timed together with the work of the slash
    today = dt.date.today()
    typed = [QUERY[: n + 1] for n in range(len(QUERY))]
    steps = [(char, text) for char, text in zip(QUERY, typed, strict=True)]
    steps += [(BACKSPACE, text) for text in reversed(typed[:-1])]
    shown = ("", total)
    for key, text in steps:
        expected = len(filtered(workbook.acties, ActionFilter(text=text), today))
        if (text.strip(), expected) == shown:  # a space typed or erased at the end: nothing to see change
            term.send(key)
            term.settle(0.3, 120)
            continue
        shown = (text.strip(), expected)
        result.filter_ms.append(
            term.press_until(
                key,
                lambda screen, text=text, expected=expected: (
                    _filter_box(screen) == text.strip() and _count(screen) == expected
                ),
                f"{expected} actions for {text!r}",
                timeout=120,
            )
        )
        time.sleep(TYPING_PAUSE)
    walker.phase("filter wissen")
    term.press_until(ESCAPE, lambda screen: _count(screen) == total, "the filter cleared", timeout=120)
    term.settle(0.4, 120)

    walker.phase("scrollen")
    target = sorted(workbook.acties, key=lambda a: int(a.id[1:]) if a.id[1:].isdigit() else 0)[min(30, total - 1)].id
    row = re.compile(rf"^\s*{target}\s", re.MULTILINE)
    result.scroll_ms["30× omlaag in één keer"] = term.press_until(
        DOWN * 30, lambda screen: bool(row.search(screen)), f"row {target}", timeout=120
    )
    term.settle(0.4, 120)
    result.scroll_ms["3× page down"] = term.press_and_change(PAGE_DOWN * 3, timeout=120)
    term.settle(0.4, 120)
    result.scroll_ms["3× page up"] = term.press_and_change(PAGE_UP * 3, timeout=120)
    term.settle(0.4, 120)
    first = re.compile(rf"^\s*{workbook.acties[0].id}\s", re.MULTILINE)
    term.press_until(HOME, lambda screen: bool(first.search(screen)), "the first row", timeout=120)
    term.settle(0.4, 120)

    for number in (1, 2):
        walker.phase(f"status wijzigen + autosave {number}")
        if number == 2:
            term.send(DOWN)
            term.settle(0.4, 120)
        edited = term.wait(lambda s: "niet opgeslagen" in s, "the edit in the header", timeout=120, send=" ")
        result.edit_ms.append(edited.ms)
        saved = term.wait(
            lambda s: "✓ opgeslagen" in s and "niet opgeslagen" not in s,
            "✓ opgeslagen after the edit",
            timeout=300,
            after=edited.at,
        )
        result.save_ms.append((saved.at - edited.since) * 1000)
        term.settle(0.5, 120)

    for number, (key, name) in enumerate(
        (("1", "dashboard"), ("4", "acties"), ("2", "succesfactoren"), ("4", "acties"))
    ):
        walker.phase(f"wisselen naar {name}")
        result.switch_ms[f"{number + 1}: → {name} ({key})"] = walker.screen_key(key, SCREEN_TEXT[name])
    with contextlib.suppress(TerminalTimeout):
        term.settle(0.5, 30)
