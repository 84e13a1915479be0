"""``werkboek serve``: the app in a browser. A real server, a real headless Chromium that opens the
page, and the app started behind it showing the dashboard.

Skipped (with the reason) where Chromium is not installed; ``.ci/run`` installs it so that CI runs it.
"""

from __future__ import annotations

import asyncio
import json
import os
import shutil
import signal
import socket
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

import aiohttp
import pytest
from conftest import EXAMPLE, ROOT

from tui.serve import app_command, serve_parser

CHROMIUM = shutil.which("chromium") or shutil.which("chromium-browser") or shutil.which("google-chrome")


def test_serve_listens_on_this_computer_only_unless_told() -> None:
    assert serve_parser().parse_args([]).host == "127.0.0.1"
    assert serve_parser().parse_args(["--host", "0.0.0.0", "--port", "9000"]).port == 9000
    command = app_command(Path("saves/van-dijk-installatietechniek.toml"))
    assert command.startswith(f"{sys.executable} -m tui.cli /") and command.endswith(
        "van-dijk-installatietechniek.toml"
    )


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


def wait_for(check, seconds: float, what: str):  # type: ignore[no-untyped-def]
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        result = check()
        if result:
            return result
        time.sleep(0.2)
    raise AssertionError(f"{what} kwam er niet binnen {seconds:.0f} s")


def answers(url: str) -> bool:
    try:
        with urllib.request.urlopen(url, timeout=1) as response:
            return bool(response.status == 200)
    except OSError:
        return False


async def body_class(devtools_port: int) -> str:
    """The page's ``<body class>``, read over the DevTools protocol."""
    async with aiohttp.ClientSession() as session:
        async with session.get(f"http://127.0.0.1:{devtools_port}/json") as response:
            pages = [target for target in await response.json() if target["type"] == "page"]
        async with session.ws_connect(pages[0]["webSocketDebuggerUrl"]) as socket_:
            await socket_.send_json(
                {"id": 1, "method": "Runtime.evaluate", "params": {"expression": "document.body.className"}}
            )
            while True:
                message = json.loads((await socket_.receive()).data)
                if message.get("id") == 1:
                    return str(message["result"]["result"].get("value", ""))


@pytest.mark.skipif(CHROMIUM is None, reason="Chromium is niet geïnstalleerd (Debian-pakket chromium)")
def test_the_dashboard_opens_in_a_headless_browser(tmp_path: Path) -> None:
    workbook = tmp_path / "klant.toml"
    shutil.copyfile(EXAMPLE, workbook)
    port, devtools = free_port(), free_port()
    ready = tmp_path / "klaar.txt"
    environment = {**os.environ, "WERKBOEK_READY_FILE": str(ready), "PYTHONPATH": str(ROOT)}
    server = subprocess.Popen(
        [sys.executable, "-m", "tui.cli", "serve", str(workbook), "--port", str(port)],
        cwd=ROOT,
        env=environment,
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
        start_new_session=True,
    )
    browser = None
    try:
        wait_for(lambda: answers(f"http://127.0.0.1:{port}/"), 20, "de server")
        assert CHROMIUM is not None
        browser = subprocess.Popen(
            [
                CHROMIUM,
                "--headless",
                "--no-sandbox",
                "--disable-gpu",
                "--window-size=1200,800",
                f"--remote-debugging-port={devtools}",
                f"--user-data-dir={tmp_path / 'chromium'}",
                f"http://127.0.0.1:{port}/",
            ],
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
            start_new_session=True,
        )
        # The page opens a websocket; the server starts the app for it; the app says which screen it shows.
        shown = wait_for(lambda: ready.exists() and ready.read_text(), 60, "het werkboek in de browser")
        assert shown == "DashboardScreen"
        # The browser got the app's first output (the page marks that on its body).
        classes = wait_for(lambda: asyncio.run(body_class(devtools)), 20, "uitvoer in de browser")
        assert "-first-byte" in classes.split()
    finally:
        for process in (browser, server):
            if process is not None:
                os.killpg(process.pid, signal.SIGTERM)
                process.wait(timeout=20)
