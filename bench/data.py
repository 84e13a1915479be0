"""The benchmark's figures that need no terminal: loading and saving a 2,000-action workbook, ``werkboek
diff`` of two such plans (both in this process), and the folder of client workbooks for Werkboeken."""

from __future__ import annotations

import io
import statistics
import tempfile
import time
from pathlib import Path

from bench.plans import generated_workbook, write_plan
from cli.diff import diff_command
from models.content import default_content
from models.plan import with_action, without_action
from models.store import load_workbook, save_workbook
from models.workbook import Action, Workbook

EXAMPLE = Path(__file__).resolve().parent.parent / "saves" / "van-dijk-installatietechniek.toml"


def load_save_ms(runs: int, count: int = 2000, full_every: int = 4) -> tuple[float, float, int]:
    """Median ms to load (and validate) and to save (atomically, one action changed) a generated
    workbook of ``count`` actions, and its size in bytes."""
    content = default_content()
    with tempfile.TemporaryDirectory() as folder:
        path = write_plan(Path(folder) / "groot.toml", generated_workbook(count, full_every))
        size = path.stat().st_size
        loads, saves = [], []
        for run in range(runs):
            started = time.perf_counter()
            loaded = load_workbook(path, content)
            loads.append((time.perf_counter() - started) * 1000)
            changed = loaded.workbook.acties[run % count].model_copy(update={"titel": f"Gewijzigd in ronde {run}"})
            workbook = with_action(loaded.workbook, changed)
            started = time.perf_counter()
            save_workbook(loaded, workbook, content=content)
            saves.append((time.perf_counter() - started) * 1000)
        return statistics.median(loads), statistics.median(saves), size


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


def diff_ms(runs: int, count: int = 2000) -> tuple[float, int]:
    """Median ms of ``werkboek diff OLD NEW`` (read, compare, print) on two plans of ``count`` actions,
    in this process, and the number of changes it found."""
    workbook = generated_workbook(count, 4)
    with tempfile.TemporaryDirectory() as folder:
        old = write_plan(Path(folder) / "oud.toml", workbook)
        new = write_plan(Path(folder) / "nieuw.toml", changed_plan(workbook))
        timings = []
        out = io.StringIO()
        for _ in range(runs):
            out = io.StringIO()
            started = time.perf_counter()
            diff_command([str(old), str(new)], out, io.StringIO())
            timings.append((time.perf_counter() - started) * 1000)
    changes = int(out.getvalue().splitlines()[-1].split()[0])
    return statistics.median(timings), changes


def make_portfolio(folder: Path, count: int) -> list[Path]:
    """``count`` client workbooks in ``folder``: the example under other client names and sizes."""
    text = EXAMPLE.read_text(encoding="utf-8")
    paths = []
    for number in range(count):
        client = text.replace("Van Dijk Installatietechniek B.V.", f"Klant {number:04d} B.V.")
        client = client.replace("medewerkers = 34", f"medewerkers = {5 + number % 200}")
        path = folder / f"klant-{number:04d}.toml"
        path.write_text(client, encoding="utf-8")
        paths.append(path)
    return paths
