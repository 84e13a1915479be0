"""Benchmark: ``werkboek merge`` of two 2,000-action branches with 100 changes each, against ``werkboek check``
of one such file (issue 13: the merge within 3× the check).

    uv run python bench/merge.py [--runs N]

Both commands run alternately in fresh processes (``python -m cli.main ...``), as git runs the driver;
the figure is the wall time of each process, the median of each, and their ratio. Each branch makes 100
changes to the generated plan of bench/run.py: 60 field edits (20 of them on actions the other branch
edits in other fields; five of those change a multi-line text that the other side changes in another line), 20
new actions (the same numbers on both sides: theirs are renumbered), 10 deletions and 10 log entries.
The merge also has to write the result; the check only reads.
"""

from __future__ import annotations

import argparse
import datetime as dt
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from bench.run import generated_workbook
from models.content import default_content
from models.logbook import with_log_entry
from models.plan import with_action, without_action
from models.store import LoadedWorkbook, save_workbook
from models.workbook import Action, LogEntry, Workbook

SIZE = 2000


def branch(workbook: Workbook, side: int) -> Workbook:
    """100 changes; ``side`` 0 (ours) or 1 (theirs) picks different fields and actions."""
    changed = workbook
    shared = range(4, 84, 4)  # 20 actions (all with six W's) both sides edit, in different fields
    own = range(101 + side * 400, 101 + side * 400 + 40 * 5, 5)  # 40 actions only this side edits
    for index, n in enumerate(shared):
        action = changed.action(f"A{n}")
        assert action is not None and action.werkwijze is not None
        update: dict[str, object] = {"eigenaar": f"Nieuwe eigenaar {n}"} if side == 0 else {"prioriteit": "hoog"}
        if index < 5:  # a multi-line text changed on both sides, in different lines
            lines = action.werkwijze.split("\n")
            lines[0 if side == 0 else -1] += " (bijgewerkt)"
            update["werkwijze"] = "\n".join(lines)
        changed = with_action(changed, action.model_copy(update=update))
    for n in own:
        action = changed.action(f"A{n}")
        assert action is not None
        changed = with_action(
            changed, action.model_copy(update={"status": "klaar", "afgerond_op": dt.date(2026, 12, 1)})
        )
    for n in range(1001 + side * 100, 1011 + side * 100):
        changed = without_action(changed, f"A{n}")
    for number in range(20):
        new = Action(id=f"A{changed.last_action_number() + 1}", titel=f"Nieuw op tak {side}, {number}", fase="plannen")
        changed = with_action(changed, new)
    for number in range(10):
        entry = LogEntry(
            datum=dt.date(2026, 11, 1 + number), titel=f"Sessie {number} tak {side}", id=f"b{side}e{number}"
        )
        changed = with_log_entry(changed, entry)
    return changed


def seconds(args: list[str]) -> float:
    started = time.perf_counter()
    subprocess.run([sys.executable, "-m", "cli.main", *args], capture_output=True, check=False)
    return time.perf_counter() - started


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=9)
    runs = parser.parse_args().runs
    content = default_content()
    base = generated_workbook(SIZE, 4)
    with tempfile.TemporaryDirectory() as folder:
        paths = {name: Path(folder) / f"{name}.toml" for name in ("basis", "ons", "hun")}
        for name, plan in (("basis", base), ("ons", branch(base, 0)), ("hun", branch(base, 1))):
            save_workbook(LoadedWorkbook(path=paths[name], workbook=plan, digest=None), plan, content=content)
        result = Path(folder) / "resultaat.toml"
        merge = ["merge", str(paths["basis"]), str(paths["ons"]), str(paths["hun"]), "--uitvoer", str(result)]
        check = ["check", str(paths["ons"])]
        status = subprocess.run([sys.executable, "-m", "cli.main", *merge], capture_output=True, text=True, check=False)
        told = status.stderr.splitlines()
        renumbered = sum("heet nu" in line for line in told)
        print(f"merge: exitcode {status.returncode}, {renumbered} acties van hun tak vernummerd; {told[-1]}")
        seconds(check), seconds(merge)  # warm-up: bytecode and file cache
        checks, merges = [], []
        for _ in range(runs):
            checks.append(seconds(check))
            merges.append(seconds(merge))
        check_ms, merge_ms = statistics.median(checks) * 1000, statistics.median(merges) * 1000
        size = paths["ons"].stat().st_size / 1_000_000
        print(f"{SIZE} acties ({size:.1f} MB), 100 wijzigingen per tak, {runs}× afwisselend in verse processen:")
        print(f"  werkboek check ONS          {check_ms:6.0f} ms (mediaan)")
        print(f"  werkboek merge BASIS ONS HUN {merge_ms:6.0f} ms (mediaan)")
        ratio = merge_ms / check_ms
        print(f"  verhouding {ratio:.2f} (doel ≤ 3): {'gehaald' if ratio <= 3 else 'NIET GEHAALD'}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
