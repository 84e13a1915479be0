"""The two apps whose start-up the benchmark compares; each exits as soon as it is ready.

Run as ``python bench/probes.py minimal`` or ``python bench/probes.py werkboek PATH``.
"""

from __future__ import annotations

import os
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))


async def _exit_when_ready(pilot) -> None:  # type: ignore[no-untyped-def]
    """Let the first frame paint, note the time, then leave; exit code 3 if the wrong screen shows."""
    await pilot.pause()
    ready_file = os.environ.get("WERKBOEK_BENCH_READY_FILE")
    if ready_file:
        Path(ready_file).write_text(repr(time.time()))
    expected = getattr(pilot.app, "EXPECTED_SCREEN", None)
    ok = expected is None or type(pilot.app.screen).__name__ == expected
    pilot.app.exit(return_code=0 if ok else 3)


def minimal() -> int:
    from textual.app import App, ComposeResult
    from textual.widgets import Footer, Header, Static

    class MinimalApp(App[None]):
        def compose(self) -> ComposeResult:
            yield Header()
            yield Static("Hallo")
            yield Footer()

    app = MinimalApp()
    app.run(auto_pilot=_exit_when_ready)
    return app.return_code or 0


def werkboek(path: str) -> int:
    from cli.app import create_app

    app = create_app([path])
    app.EXPECTED_SCREEN = "DashboardScreen"  # type: ignore[attr-defined]
    app.run(auto_pilot=_exit_when_ready)
    return app.return_code or 0


if __name__ == "__main__":
    kind = sys.argv[1]
    raise SystemExit(minimal() if kind == "minimal" else werkboek(sys.argv[2]))
