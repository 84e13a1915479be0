"""Memory over workbook switches: frozen objects, cached action blocks and peak memory.

Starts the app the way ``werkboek PAD`` does (``cli.app.create_app``), headless, on a copy of the
example workbook, then switches between it and a generated larger one through the app's own path
(``open_path``, what the Werkboeken screen calls) and renders each workbook for saving once, as the
first autosave does. After each switch it prints the garbage collector's frozen objects, the cached
action blocks, the memory in use now and the peak so far. Flat numbers mean a switch leaves nothing
of the previous workbook behind.

    uv run python bench/memory.py [--switches 20] [--actions 5000]
"""

from __future__ import annotations

import argparse
import asyncio
import gc
import os
import resource
import shutil
import sys
import tempfile
import weakref
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from bench.run import generated_workbook  # noqa: E402
from cli.app import create_app  # noqa: E402
from models import canonical  # noqa: E402
from models.content import default_content  # noqa: E402
from models.store import LoadedWorkbook, save_workbook  # noqa: E402
from screens.registry import PRELOADED  # noqa: E402

EXAMPLE = ROOT / "saves" / "van-dijk-installatietechniek.toml"


@dataclass
class Sample:
    switch: int
    workbook: str
    frozen: int
    cached_blocks: int
    rss_mib: float
    peak_mib: float
    opened: weakref.ref[object] | None = None
    """The workbook open at this sample: dead once a later switch has closed it, unless something leaks it."""


def rss_mib() -> float:
    pages = int(Path("/proc/self/statm").read_text().split()[1])
    return pages * os.sysconf("SC_PAGE_SIZE") / 2**20


def peak_mib() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def make_folder(folder: Path, actions: int) -> tuple[Path, Path]:
    """The example workbook and a generated one of ``actions`` actions, in ``folder``."""
    small = folder / "voorbeeld.toml"
    shutil.copyfile(EXAMPLE, small)
    large = folder / "groot.toml"
    seed = LoadedWorkbook(path=large, workbook=generated_workbook(actions, 3), digest=None)
    save_workbook(seed, seed.workbook, content=default_content())
    return small, large


async def switch_to(app, pilot, path: Path) -> None:  # type: ignore[no-untyped-def]
    """Open ``path`` the way the Werkboeken screen does and wait until its dashboard shows."""
    app.open_path(path)
    for _ in range(2000):
        await pilot.pause()
        session = app.session
        if session is not None and session.loaded.path == path and app.current_mode == "dashboard":
            break
    else:
        raise RuntimeError(f"{path.name} did not open")
    canonical.dumps_workbook(session.workbook, session.content)  # what the first autosave renders


def sample(switch: int, app) -> Sample:  # type: ignore[no-untyped-def]
    return Sample(
        switch=switch,
        workbook=app.session.loaded.path.name,
        frozen=gc.get_freeze_count(),
        cached_blocks=len(canonical._RENDERED),
        rss_mib=rss_mib(),
        peak_mib=peak_mib(),
        opened=weakref.ref(app.session.workbook),
    )


async def wait_for_preload(app, pilot) -> None:  # type: ignore[no-untyped-def]
    """Wait until the app has imported its other screens (tui/app.py, a moment after start).

    On a busy machine that import lands late, in the middle of the switches, and would read as growth
    between them; counting starts once it is done, so what is measured is the switches alone."""
    for _ in range(2000):
        await pilot.pause(0.01)
        imported = all(module in sys.modules for module in PRELOADED)
        running = any(worker.group == "preload" and not worker.is_finished for worker in app.workers)
        if imported and not running:
            return
    raise RuntimeError("the app did not preload its screens")


async def _measure(small: Path, large: Path, switches: int, report) -> list[Sample]:  # type: ignore[no-untyped-def]
    app = create_app([str(small)])
    samples: list[Sample] = []
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        await wait_for_preload(app, pilot)
        canonical.dumps_workbook(app.session.workbook, app.session.content)
        samples.append(sample(0, app))
        report(samples[-1])
        for switch in range(1, switches + 1):
            await switch_to(app, pilot, large if switch % 2 else small)
            samples.append(sample(switch, app))
            report(samples[-1])
    return samples


def measure(folder: Path, switches: int = 20, actions: int = 5000, report=lambda s: None) -> list[Sample]:  # type: ignore[no-untyped-def]
    small, large = make_folder(folder, actions)
    return asyncio.run(_measure(small, large, switches, report))


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n", 1)[0])
    parser.add_argument("--switches", type=int, default=20)
    parser.add_argument("--actions", type=int, default=5000, help="actions in the generated workbook")
    args = parser.parse_args()

    def report(s: Sample) -> None:
        print(
            f"switch {s.switch:>2}  {s.workbook:<16} frozen {s.frozen:>9,}  cached blocks {s.cached_blocks:>6,}  "
            f"rss {s.rss_mib:6.1f} MiB  peak {s.peak_mib:6.1f} MiB",
            flush=True,
        )

    with tempfile.TemporaryDirectory() as folder:
        samples = measure(Path(folder), args.switches, args.actions, report)
    first, last = samples[1], samples[-1] if len(samples) % 2 == 0 else samples[-2]
    print(
        f"\nfrozen objects after the first switch to the large workbook {first.frozen:,}, after the last "
        f"{last.frozen:,}; peak memory {samples[0].peak_mib:.0f} → {samples[-1].peak_mib:.0f} MiB"
    )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
