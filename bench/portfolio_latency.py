"""The Werkboeken screen on a folder of 200 workbooks, and ``werkboek diff`` of two large plans.

Portfolio: the real app runs headless on the folder; the clock starts before the app does and
stops when the screen shows every row and has been refreshed. Diff: two 2,000-action workbooks
(one in ten actions changed, a few added and removed) read from disk, compared and rendered,
as ``werkboek diff OLD NEW`` does.
"""

from __future__ import annotations

import asyncio
import io
import statistics
import time
from pathlib import Path

from cli.diff import diff_command
from models.content import default_content
from models.plan import with_action, without_action
from models.store import LoadedWorkbook, save_workbook
from models.workbook import Action, Workbook
from screens.portfolio import PortfolioScreen
from tui.app import WerkboekApp

EXAMPLE = Path(__file__).resolve().parent.parent / "saves" / "van-dijk-installatietechniek.toml"


def make_portfolio(folder: Path, count: int) -> None:
    """``count`` client workbooks (the example under other names and sizes)."""
    text = EXAMPLE.read_text(encoding="utf-8")
    for number in range(count):
        client = text.replace("Van Dijk Installatietechniek B.V.", f"Klant {number:03d} B.V.")
        client = client.replace("medewerkers = 34", f"medewerkers = {5 + number % 200}")
        (folder / f"klant-{number:03d}.toml").write_text(client, encoding="utf-8")


async def _open_portfolio(folder: Path, count: int) -> float:
    started = time.perf_counter()
    app = WerkboekApp(folder)
    async with app.run_test(size=(120, 40)) as pilot:
        while not (isinstance(app.screen, PortfolioScreen) and app.screen.table.row_count == count):
            await asyncio.sleep(0)
        refreshed = asyncio.Event()
        app.call_after_refresh(refreshed.set)
        await refreshed.wait()
        elapsed = (time.perf_counter() - started) * 1000
        await pilot.pause()
    return elapsed


def portfolio_open_ms(folder: Path, count: int, runs: int) -> float:
    """Median ms from starting the app on ``folder`` to the full Werkboeken screen."""
    return statistics.median(asyncio.run(_open_portfolio(folder, count)) for _ in range(runs))


def changed_plan(workbook: Workbook) -> Workbook:
    """One in ten actions a status further, five removed, five added."""
    changed = workbook
    for action in workbook.acties[::10]:
        changed = with_action(changed, action.model_copy(update={"status": "klaar", "eigenaar": "Nieuwe eigenaar"}))
    for action in workbook.acties[1:6]:
        changed = without_action(changed, action.id)
    for number in range(5):
        changed = with_action(changed, Action(id=f"N{number}", titel=f"Nieuwe actie {number}", fase="plannen"))
    return changed


def diff_ms(workbook: Workbook, folder: Path, runs: int) -> tuple[float, int]:
    """Median ms of ``werkboek diff OLD NEW`` on two large plans, and the number of changes."""
    content = default_content()
    old, new = folder / "oud.toml", folder / "nieuw.toml"
    for path, plan in ((old, workbook), (new, changed_plan(workbook))):
        save_workbook(LoadedWorkbook(path=path, workbook=plan, digest=None), plan, content=content)
    timings = []
    out = io.StringIO()
    for _ in range(runs):
        out = io.StringIO()
        started = time.perf_counter()
        diff_command([str(old), str(new)], out, io.StringIO())
        timings.append((time.perf_counter() - started) * 1000)
    changes = int(out.getvalue().splitlines()[-1].split()[0])
    return statistics.median(timings), changes
