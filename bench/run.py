"""Benchmark: what a person sees, measured in a real pseudo-terminal, against references in the same run.

    uv run python bench/run.py [--runs N] [--quick]

Every app runs in a fresh pseudo-terminal (bench/terminal.py) and is timed from outside: launch → its
first screen's text on screen, key → the answering text on screen, with the app's own event-loop stall
watch on (tui/stall_watch.py). Figures, each beside its reference or target in one table:

- start-up: the app to the dashboard of the example workbook against a minimal Textual app (Header,
  Static, Footer; bench/probes.py), at 80×24 and 160×45, N interleaved pairs, medians; and the memory
  of each at that moment (VmHWM);
- a walk through the app (bench/walk.py) on the example and on generated plans of 2,000, 10,000 and
  50,000 actions (one in four with all six W's), at 80×24 and 160×45: first open of every main screen
  (after two seconds on the dashboard, as a person reads it; the app preloads screens after 1.5 s),
  then on Acties a filter typed and erased, scrolling, two status changes each followed by an autosave,
  and screen switches; memory on Acties; the longest event-loop stall after the dashboard appeared;
- the dashboard of the 10,000-action plan at 160×45 against the same at 80×24;
- Werkboeken on a folder of 1,000 workbooks to the full table, against ``werkboek check`` of the files;
- loading and saving a 2,000-action workbook and ``werkboek diff`` of two (in this process).

``--quick`` takes 3 pairs and skips the 50,000-action plan: for trying the benchmark, not for figures.
"""

from __future__ import annotations

import argparse
import os
import platform
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from bench import terminal  # noqa: E402
from bench.data import diff_ms, load_save_ms, make_portfolio  # noqa: E402
from bench.plans import generated_action, generated_workbook, write_plan  # noqa: E402
from bench.stalls import longest  # noqa: E402
from bench.walk import (  # noqa: E402
    APP,
    DASHBOARD_READY,
    MINIMAL,
    MINIMAL_READY,
    WIDE_DASHBOARD_READY,
    Launch,
    WalkResult,
    all_of,
    environment,
    launch,
    walk,
)

__all__ = ["generated_action", "generated_workbook"]  # tests and other benchmarks import them from here

EXAMPLE = ROOT / "saves" / "van-dijk-installatietechniek.toml"
SIZES = ((80, 24), (160, 45))
PLAN_SIZES = (2000, 10_000, 50_000)
FULL_EVERY = 4
PORTFOLIO_SIZE = 1000

TARGET_STARTUP_RATIO = 1.25
TARGET_STARTUP_MEMORY_RATIO = 1.3
TARGET_FIRST_OPEN_MS = {"voorbeeld": 150.0, "10.000": 300.0}
TARGET_WIDE_DASHBOARD_RATIO = 1.5
TARGET_KEYSTROKE_MS = 50.0
TARGET_STALL_MS = {"2.000": 100.0, "10.000": 100.0, "50.000": 500.0}
TARGET_ACTIONS_MIB = 120.0
TARGET_PORTFOLIO_RATIO = 1.5
TARGET_LOAD_MS = 150.0
TARGET_SAVE_MS = 100.0
TARGET_DIFF_MS = 300.0


@dataclass
class Row:
    figure: str
    ours: str
    reference: str = "—"
    ratio: float | None = None
    target: str = "—"
    met: bool | None = None


class Table:
    """The benchmark's one table: cijfer | ons | referentie | verhouding | doel | gehaald, with notes."""

    def __init__(self) -> None:
        self.rows: list[Row | str] = []
        self.notes: list[str] = [
            "verhouding: ons gedeeld door de referentie uit dezelfde run, of door het doel als dat in ms of MiB "
            "is; haperingen: stilstand van de event loop van ≥ 50 ms (tui/stall_watch.py), geteld vanaf het "
            "dashboard op scherm tot ctrl+q."
        ]

    def section(self, title: str) -> None:
        self.rows.append(title)

    def ratio(self, figure: str, ours: float, reference: float, target: float, unit: str = "ms") -> None:
        """A figure against a reference measured in the same run; the target is a ratio."""
        ratio = ours / reference if reference else float("inf")
        self.rows.append(
            Row(figure, _value(ours, unit), _value(reference, unit), ratio, f"≤ {target:g}×", ratio <= target)
        )

    def limit(self, figure: str, ours: float, target: float | None, unit: str = "ms") -> None:
        """A figure against an absolute target (the ratio is to the target), or with none (for reading)."""
        if target is None:
            self.rows.append(Row(figure, _value(ours, unit)))
            return
        self.rows.append(
            Row(figure, _value(ours, unit), "—", ours / target, f"≤ {_value(target, unit)}", ours <= target)
        )

    def failed(self, figure: str, why: str) -> None:
        self.rows.append(Row(figure, "mislukt", met=False))
        self.notes.append(f"{figure}: {why}")

    def print(self) -> None:
        headers = ("cijfer", "ons", "referentie", "verhouding", "doel", "gehaald")
        cells = [
            (r.figure, r.ours, r.reference, "—" if r.ratio is None else f"{r.ratio:.2f}×", r.target, _met(r.met))
            for r in self.rows
            if isinstance(r, Row)
        ]
        widths = [max(len(h), *(len(c[i]) for c in cells)) for i, h in enumerate(headers)]
        right = {1, 2, 3}

        def line(values: tuple[str, ...]) -> str:
            return " | ".join(
                v.rjust(w) if i in right else v.ljust(w) for i, (v, w) in enumerate(zip(values, widths, strict=True))
            )

        print(line(headers))
        print("-+-".join("-" * w for w in widths))
        index = 0
        for row in self.rows:
            if isinstance(row, str):
                print(f"· {row}")
            else:
                print(line(cells[index]))
                index += 1
        met = [r.met for r in self.rows if isinstance(r, Row) and r.met is not None]
        print(f"\n{sum(met)} van {len(met)} doelen gehaald.")
        if self.notes:
            print("\nToelichting:")
            for note in self.notes:
                print(f"- {note}")


def _value(value: float, unit: str) -> str:
    if unit == "MiB":
        return f"{value:.0f} MiB"
    return f"{value:,.0f} ms".replace(",", ".") if value >= 10 else f"{value:.1f} ms"


def _met(met: bool | None) -> str:
    return "—" if met is None else ("ja" if met else "NEE")


def _size(size: tuple[int, int]) -> str:
    return f"{size[0]}×{size[1]}"


def _label(count: int) -> str:
    return f"{count:,}".replace(",", ".")


def progress(message: str) -> None:
    print(f"[{time.strftime('%H:%M:%S')}] {message}", file=sys.stderr, flush=True)


# -- start-up --------------------------------------------------------------------------------------


def startup(table: Table, runs: int, folder: Path) -> None:

    env = environment(folder)
    example = folder / "voorbeeld" / "van-dijk-installatietechniek.toml"
    example.parent.mkdir()
    shutil.copyfile(EXAMPLE, example)
    table.section(f"start-up tot het eerste scherm, voorbeeldwerkboek, {runs} paren om en om, mediaan")
    peaks: dict[str, list[int]] = {"app": [], "minimal": []}
    for size in SIZES:
        ready = WIDE_DASHBOARD_READY if size[1] >= 45 else DASHBOARD_READY
        app_run: Callable[[], Launch] = lambda size=size, ready=ready: launch([*APP, str(example)], size, ready, env)  # noqa: E731
        minimal_run: Callable[[], Launch] = lambda size=size: launch(MINIMAL, size, MINIMAL_READY, env)  # noqa: E731
        app_run(), minimal_run()  # warm-up: bytecode and file cache
        times: dict[str, list[float]] = {"app": [], "minimal": []}
        for run in range(runs):
            order = (("app", app_run), ("minimal", minimal_run))
            for name, start in order if run % 2 == 0 else order[::-1]:
                measured = start()
                times[name].append(measured.ms)
                peaks[name].append(measured.peak_kib)
        progress(f"start-up {_size(size)}: app {statistics.median(times['app']):.0f} ms, minimaal "
                 f"{statistics.median(times['minimal']):.0f} ms")  # fmt: skip
        table.ratio(
            f"start → dashboard op scherm, {_size(size)}",
            statistics.median(times["app"]),
            statistics.median(times["minimal"]),
            TARGET_STARTUP_RATIO,
        )
    table.ratio(
        "geheugen bij het eerste scherm (VmHWM)",
        statistics.median(peaks["app"]) / 1024,
        statistics.median(peaks["minimal"]) / 1024,
        TARGET_STARTUP_MEMORY_RATIO,
        "MiB",
    )
    table.notes.append(
        "start-up: beide apps als Python-script van dezelfde venv gestart (de `werkboek`-opdracht van de venv, "
        "zoals `uv run werkboek` maar zonder uv ertussen; bench/probes.py), bytecode bewaard zoals bij een "
        "gebruiker; referentie = minimale Textual-app (Header, Static('Hallo'), Footer) tot 'Hallo' en zijn "
        "footer op scherm; het dashboard telt als er als zijn eerste paneel en de footer (160×45: ook "
        "'Acties per status') op scherm staan."
    )


# -- walks -----------------------------------------------------------------------------------------


Results = dict[tuple[str, tuple[int, int]], WalkResult]


def run_walks(folder: Path, counts: tuple[int, ...]) -> Results:
    """One walk per plan and terminal size: the example, then each generated plan (written once)."""
    results: Results = {}
    for count in (None, *counts):
        label = "voorbeeld" if count is None else _label(count)
        workbook = None
        source = EXAMPLE
        if count is not None:
            progress(f"plan met {label} acties maken")
            workbook = generated_workbook(count, FULL_EVERY)
            source = write_plan(folder / f"plan-{count}.toml", workbook)
        for size in SIZES:
            run_folder = Path(tempfile.mkdtemp(prefix="wandeling-", dir=folder))
            (run_folder / "plan").mkdir()
            plan_file = run_folder / "plan" / "plan.toml"
            shutil.copyfile(source, plan_file)
            log = run_folder / "haperingen.jsonl"
            progress(f"wandeling: {label} op {_size(size)}")
            result = walk(plan_file, workbook, size=size, env=environment(run_folder, log), stall_log=log, label=label)
            results[(label, size)] = result
            if result.error:
                progress(f"  afgebroken: {result.error.splitlines()[0]}")
        del workbook
    return results


def report_first_opens(table: Table, results: Results) -> None:
    table.notes.append(
        "eerste keer: na het dashboard eerst 2 s wachten, zoals iemand het dashboard leest (de app laadt de "
        "andere schermen na 1,5 s voor), en tussen twee toetsen wachten tot het scherm 0,4 s stil staat; "
        "Werkboeken (w) vanaf het dashboard, de Bibliotheek als laatste cijfertoets (haar zoekvak krijgt de focus)."
    )
    table.section("eerste keer elk hoofdscherm: toets → eigen tekst op scherm, traagste van 80×24 en 160×45")
    for label in ("voorbeeld", "10.000"):
        found = [results[(label, size)] for size in SIZES if (label, size) in results]
        if not found:
            continue
        for title in found[0].first_open:
            values = [r.first_open[title] for r in found if title in r.first_open]
            table.limit(f"{title}, {label}", max(values), TARGET_FIRST_OPEN_MS[label])
    for size in SIZES:
        result = results.get(("voorbeeld", size))
        if result is not None:
            report_stalls(table, result, None)


def report_plan(table: Table, result: WalkResult) -> None:
    """The rows of one walk on a generated plan."""
    label, size = result.plan, result.size
    table.section(f"{label} acties, {_size(size)}")
    table.limit("start → dashboard op scherm", result.dashboard_ms, None)
    if label == "2.000":
        for title, ms in result.first_open.items():
            table.limit(f"eerste keer {title}", ms, None)
    if result.filter_ms:
        table.limit(
            f"filtertoets → tabel bijgewerkt, mediaan van {len(result.filter_ms)}",
            statistics.median(result.filter_ms),
            TARGET_KEYSTROKE_MS,
        )
        table.limit("filtertoets → tabel bijgewerkt, traagste", max(result.filter_ms), TARGET_KEYSTROKE_MS)
    for name, ms in result.scroll_ms.items():
        table.limit(f"scrollen: {name} → scherm bijgewerkt", ms, None)
    for number, (edit, save) in enumerate(zip(result.edit_ms, result.save_ms, strict=False), start=1):
        table.limit(f"spatie (status) {number} → 'niet opgeslagen' in de kop", edit, None)
        table.limit(f"spatie (status) {number} → '✓ opgeslagen' (autosave na 0,3 s)", save, None)
    if result.switch_ms:
        name, ms = max(result.switch_ms.items(), key=lambda item: item[1])
        table.limit(f"scherm wisselen, traagste van {len(result.switch_ms)} ({name})", ms, None)
    if label == "10.000" and size == SIZES[0] and result.actions_rss_kib:
        table.limit("geheugen op Acties (VmRSS)", result.actions_rss_kib / 1024, TARGET_ACTIONS_MIB, "MiB")
    report_stalls(table, result, TARGET_STALL_MS[label])


def report_stalls(table: Table, result: WalkResult, target: float | None) -> None:
    """The longest stall after the dashboard appeared, and where and when it (and any over the target) was."""
    where = f"{result.plan}, {_size(result.size)}"
    stall = longest(result.stalls)
    figure = f"langste hapering na het dashboard ({len(result.stalls)} ≥ 50 ms)"
    table.limit(figure if target is not None else f"{figure}, {where}", stall.ms if stall else 0.0, target)
    if stall is not None:
        table.notes.append(f"langste hapering {where}: {stall.ms:.0f} ms tijdens '{stall.phase}', in {stall.where}")
        over = [s for s in result.stalls if target is not None and s.ms > target]
        if over:
            phases = ", ".join(sorted({s.phase for s in over}))
            table.notes.append(f"  {len(over)} haperingen boven {target:.0f} ms ({where}), tijdens: {phases}")
    if result.error:
        table.failed(f"wandeling {where}", result.error.splitlines()[0])


def walks(table: Table, folder: Path, counts: tuple[int, ...]) -> None:
    results = run_walks(folder, counts)
    report_first_opens(table, results)
    for count in counts:
        for size in SIZES:
            if (_label(count), size) in results:
                report_plan(table, results[(_label(count), size)])


def wide_dashboard(table: Table, folder: Path, runs: int) -> None:
    """The 10,000-action dashboard at 160×45 against the same at 80×24, interleaved."""

    (folder / "breed").mkdir()
    plan = folder / "breed" / "plan.toml"
    made = folder / "plan-10000.toml"  # written by the walks
    if made.exists():
        shutil.copyfile(made, plan)
    else:
        write_plan(plan, generated_workbook(10_000, FULL_EVERY))
    env = environment(folder / "breed")
    times: dict[tuple[int, int], list[float]] = {size: [] for size in SIZES}
    for run in range(runs):
        for size in SIZES if run % 2 == 0 else SIZES[::-1]:
            ready = WIDE_DASHBOARD_READY if size[1] >= 45 else DASHBOARD_READY
            times[size].append(launch([*APP, str(plan)], size, ready, env, timeout=300).ms)
    table.section(f"dashboard met 10.000 acties, breed tegen smal, {runs} paren om en om, mediaan")
    table.ratio(
        "start → dashboard 160×45 (referentie: 80×24)",
        statistics.median(times[SIZES[1]]),
        statistics.median(times[SIZES[0]]),
        TARGET_WIDE_DASHBOARD_RATIO,
    )


def portfolio(table: Table, folder: Path, runs: int, count: int) -> None:
    """Werkboeken on ``count`` workbooks to the full table, against ``werkboek check`` of the same files."""

    clients = folder / "klanten"
    clients.mkdir()
    files = make_portfolio(clients, count)
    env = environment(folder)
    shown = f"{_label(count)} werkboeken"

    def app_ms() -> float:
        with terminal.running([*APP, str(clients)], SIZES[0], env, cwd=ROOT) as term:
            hit = term.wait(all_of(shown, "Opdrachten"), shown, timeout=300, after=term.started)
            return (hit.at - term.started) * 1000

    def check_ms() -> float:
        started = time.perf_counter()
        subprocess.run([*APP, "check", *map(str, files)], env=env, cwd=ROOT, capture_output=True, check=False)
        return (time.perf_counter() - started) * 1000

    app_ms(), check_ms()  # warm-up
    apps, checks = [], []
    for run in range(runs):
        for name, measure in (
            (("app", app_ms), ("check", check_ms)) if run % 2 == 0 else (("check", check_ms), ("app", app_ms))
        ):
            (apps if name == "app" else checks).append(measure())
    table.section(f"Werkboeken: map met {count} werkboeken, {runs} paren om en om, mediaan")
    table.ratio(
        f"start → '{shown} in …' op scherm (ref.: werkboek check)",
        statistics.median(apps),
        statistics.median(checks),
        TARGET_PORTFOLIO_RATIO,
    )
    table.notes.append(
        f"Werkboeken: `werkboek MAP` tot de titel '{shown} in …' en de footer op scherm staan, tegen de "
        "wandkloktijd van `werkboek check BESTAND…` van dezelfde bestanden, beide met dezelfde Python."
    )


def data(table: Table, runs: int) -> None:

    load, save, size = load_save_ms(runs)
    compare, changes = diff_ms(runs)
    table.section(f"gegevens (in dit proces): 2.000 acties ({size / 1024:.0f} KB), {runs} rondes, mediaan")
    table.limit("laden + valideren", load, TARGET_LOAD_MS)
    table.limit("opslaan (atomisch, één actie gewijzigd)", save, TARGET_SAVE_MS)
    table.limit(f"werkboek diff van twee plannen ({changes} wijzigingen)", compare, TARGET_DIFF_MS)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--runs", type=int, default=10, help="interleaved pairs per start-up figure (default 10)")
    parser.add_argument("--quick", action="store_true", help="3 pairs, no 50,000-action plan: for trying it")
    args = parser.parse_args()
    runs = 3 if args.quick else args.runs
    counts = PLAN_SIZES[:2] if args.quick else PLAN_SIZES
    started = time.monotonic()
    table = Table()
    with tempfile.TemporaryDirectory(prefix="werkboek-bench-") as name:
        folder = Path(name)
        progress("start-up")
        startup(table, runs, folder)
        progress("wandelingen")
        walks(table, folder, counts)
        progress("dashboard breed tegen smal")
        wide_dashboard(table, folder, max(3, runs // 2))
        progress("Werkboeken")
        portfolio(table, folder, max(3, runs // 3), PORTFOLIO_SIZE)
        progress("gegevens")
        data(table, max(5, runs))
    print(
        f"\nPreventiewerkboek benchmark · Python {platform.python_version()} · {os.cpu_count()} cores · "
        f"{'--quick' if args.quick else f'--runs {runs}'} · {(time.monotonic() - started) / 60:.1f} min\n"
    )
    table.print()
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
