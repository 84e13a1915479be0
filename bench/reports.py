"""Benchmark: every report of a 2,000-action plan, as ``werkboek export`` makes it, against the CSV export
(issue 14: the xlsx within 2× and the docx within 4× the CSV's time).

    uv run python bench/reports.py [--runs N] [--formats csv,xlsx,docx,...]

Each format's command runs in a fresh process (``python -m cli.main export ...``), the formats taking
turns run after run, so a busy moment of the machine falls on all of them alike; the figure is each
command's wall time (start-up, reading the workbook, making and writing the report), the median of each,
and its ratio to the CSV's median in the same run. It also says whether two runs gave the same bytes.
"""

from __future__ import annotations

import argparse
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from bench.run import generated_workbook
from models.content import default_content
from models.report_formats import FORMAT_KINDS
from models.store import LoadedWorkbook, save_workbook

SIZE = 2000
TARGETS = {"xlsx": 2.0, "docx": 4.0}
"""Ratio to the CSV export that issue 14 asks for."""


def export_seconds(workbook: Path, kind: str, target: Path) -> float:
    args = ["export", str(workbook), "-f", kind, "-o", str(target), "--overschrijven"]
    started = time.perf_counter()
    subprocess.run([sys.executable, "-m", "cli.main", *args], capture_output=True, check=True)
    return time.perf_counter() - started


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=7)
    parser.add_argument("--formats", default="csv,xlsx,docx,pdf,html,md")
    parsed = parser.parse_args()
    kinds = [kind for kind in parsed.formats.split(",") if kind in FORMAT_KINDS]
    if "csv" not in kinds:
        kinds.insert(0, "csv")
    content = default_content()
    plan = generated_workbook(SIZE, 4)
    with tempfile.TemporaryDirectory() as folder:
        workbook = Path(folder) / "groot.toml"
        save_workbook(LoadedWorkbook(path=workbook, workbook=plan, digest=None), plan, content=content)
        outputs = {kind: Path(folder) / f"rapport.{kind}" for kind in kinds}
        first: dict[str, bytes] = {}
        for kind in kinds:  # warm-up (bytecode, file cache), and the bytes of a first run
            export_seconds(workbook, kind, outputs[kind])
            first[kind] = outputs[kind].read_bytes()
        times: dict[str, list[float]] = {kind: [] for kind in kinds}
        for _ in range(parsed.runs):
            for kind in kinds:
                times[kind].append(export_seconds(workbook, kind, outputs[kind]))
        medians = {kind: statistics.median(values) * 1000 for kind, values in times.items()}
        print(f"{SIZE} acties, {parsed.runs}× om de beurt in verse processen (werkboek export, mediaan):")
        for kind in kinds:
            ratio = medians[kind] / medians["csv"]
            target = TARGETS.get(kind)
            verdict = f" (doel ≤ {target:g}: {'gehaald' if ratio <= target else 'NIET GEHAALD'})" if target else ""
            same = "dezelfde bytes" if outputs[kind].read_bytes() == first[kind] else "ANDERE BYTES"
            size = outputs[kind].stat().st_size / 1000
            print(f"  {kind:<5} {medians[kind]:7.0f} ms  {ratio:5.2f}× csv{verdict}; {size:,.0f} kB, {same}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
