"""``werkboek serve``: the app in a browser. A real server, a real headless Chromium that opens the
page, and the app started behind it showing the dashboard. Only the server's own page gets in: the
per-start token and the websocket's Origin are checked (issue 11, defect 5).

Skipped (with the reason) where Chromium is not installed; ``.ci/run`` installs it so that CI runs it.
"""

from __future__ import annotations

import asyncio
import http.server
import json
import os
import re
import shutil
import signal
import socket
import subprocess
import sys
import threading
import urllib.error
import urllib.request
from collections.abc import Iterator
from contextlib import contextmanager
from functools import partial
from pathlib import Path

import aiohttp
import pytest
from conftest import EXAMPLE, ROOT
from waiting import until_sync

from cli.serve import serve_parser
from tui.serve import app_command, start_text

pytestmark = pytest.mark.serial  # a real server on a port, and headless Chromium

CHROMIUM = shutil.which("chromium") or shutil.which("chromium-browser") or shutil.which("google-chrome")


def test_serve_listens_on_this_computer_only_unless_told() -> None:
    assert serve_parser().parse_args([]).host == "127.0.0.1"
    assert serve_parser().parse_args(["--host", "0.0.0.0", "--port", "9000"]).port == 9000
    command = app_command(Path("saves/van-dijk-installatietechniek.toml"))
    assert command.startswith(f"{sys.executable} -m cli.main /") and command.endswith(
        "van-dijk-installatietechniek.toml"
    )


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


def wait_for(check, seconds: float, what: str):  # type: ignore[no-untyped-def]
    return until_sync(check, what, timeout=seconds, poll=0.2)


def children_of(pid: int) -> list[int]:
    """The processes that ``pid`` started and that still run (from /proc; empty where there is none)."""
    found = []
    for stat in Path("/proc").glob("[0-9]*/stat"):
        try:
            parent = int(stat.read_text(encoding="utf-8").rsplit(")", 1)[1].split()[1])
        except (OSError, IndexError, ValueError):
            continue  # ended meanwhile
        if parent == pid:
            found.append(int(stat.parent.name))
    return found


def answers(url: str) -> bool:
    try:
        with urllib.request.urlopen(url, timeout=1) as response:
            return bool(response.status == 200)
    except OSError:
        return False


async def evaluate(devtools_port: int, expression: str) -> str:
    """``expression`` evaluated in the browser's page, over the DevTools protocol."""
    async with aiohttp.ClientSession() as session:
        async with session.get(f"http://127.0.0.1:{devtools_port}/json") as response:
            pages = [target for target in await response.json() if target["type"] == "page"]
        async with session.ws_connect(pages[0]["webSocketDebuggerUrl"]) as socket_:
            await socket_.send_json({"id": 1, "method": "Runtime.evaluate", "params": {"expression": expression}})
            while True:
                message = json.loads((await socket_.receive()).data)
                if message.get("id") == 1:
                    return str(message["result"]["result"].get("value", ""))


def evaluated(devtools_port: int, expression: str) -> str:
    """Like :func:`evaluate`; empty while the browser is not listening yet or has no page."""
    try:
        return asyncio.run(evaluate(devtools_port, expression))
    except (OSError, aiohttp.ClientError, IndexError, KeyError):
        return ""


def body_class(devtools_port: int) -> str:
    """The page's ``<body class>``."""
    return evaluated(devtools_port, "document.body.className")


class Served:
    """A running ``werkboek serve``: its port, its token and the file the app writes when it is up."""

    def __init__(self, process: subprocess.Popen[bytes], port: int, token: str, ready: Path) -> None:
        self.process, self.port, self.token, self.ready = process, port, token, ready
        self.base = f"http://127.0.0.1:{port}"


@contextmanager
def serving(tmp_path: Path, *extra: str) -> Iterator[Served]:
    """Start ``werkboek serve`` on a copy of the example; read the token from the link it prints."""
    workbook = tmp_path / "klant.toml"
    shutil.copyfile(EXAMPLE, workbook)
    port = free_port()
    ready = tmp_path / "klaar.txt"
    environment = {**os.environ, "WERKBOEK_READY_FILE": str(ready), "PYTHONPATH": str(ROOT)}
    server = subprocess.Popen(
        [sys.executable, "-m", "cli.main", "serve", str(workbook), "--port", str(port), *extra],
        cwd=ROOT,
        env=environment,
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
        start_new_session=True,
    )
    lines: list[str] = []

    def drain() -> None:  # keeps reading, so the server never blocks on a full pipe
        assert server.stdout is not None
        for raw in server.stdout:
            lines.append(raw.decode("utf-8", "replace"))

    threading.Thread(target=drain, daemon=True).start()
    try:
        found = wait_for(
            lambda: next((m for line in lines if (m := re.search(r"/\?token=([A-Za-z0-9_-]+)", line))), None),
            20,
            "de link met het token",
        )
        served = Served(server, port, found.group(1), ready)
        wait_for(lambda: answers(f"{served.base}/?token={served.token}"), 20, "de server")
        yield served
    finally:
        os.killpg(server.pid, signal.SIGTERM)
        server.wait(timeout=20)


def status_of(url: str, headers: dict[str, str] | None = None) -> tuple[int, str]:
    request = urllib.request.Request(url, headers=headers or {})
    try:
        with urllib.request.urlopen(request, timeout=5) as response:
            return int(response.status), response.read().decode("utf-8")
    except urllib.error.HTTPError as error:
        return error.code, error.read().decode("utf-8")


async def websocket_status(url: str, origin: str | None) -> int:
    """The HTTP status the server answers a websocket handshake with (101 when it is accepted)."""
    headers = {"Origin": origin} if origin else {}
    async with aiohttp.ClientSession() as session:
        try:
            async with session.ws_connect(url, headers=headers) as socket_:
                await socket_.close()
                return 101
        except aiohttp.WSServerHandshakeError as error:
            return error.status


def test_the_start_prints_a_link_with_a_token_and_warns_off_this_computer() -> None:
    here = start_text("127.0.0.1", 8000, "geheim")
    assert "http://127.0.0.1:8000/?token=geheim" in here and "Let op" not in here
    network = start_text("0.0.0.0", 8000, "geheim")
    assert "http://0.0.0.0:8000/?token=geheim" in network
    assert "Let op: de server luistert op 0.0.0.0, dus niet alleen op deze computer" in network
    assert "niet versleuteld" in network


def test_the_page_and_the_websocket_refuse_a_missing_or_wrong_token_and_a_foreign_origin(tmp_path: Path) -> None:
    with serving(tmp_path) as served:
        own = served.base
        status, text = status_of(f"{own}/")
        assert status == 403 and text.startswith("Geen toegang: open het werkboek met de link")
        assert status_of(f"{own}/?token=fout")[0] == 403
        assert status_of(f"{own}/?token={served.token}", {"Host": f"evil.example:{served.port}"})[0] == 403
        status, page = status_of(f"{own}/?token={served.token}")
        assert status == 200 and f'data-session-websocket-url="ws://127.0.0.1:{served.port}/ws/{served.token}"' in page
        ws = f"ws://127.0.0.1:{served.port}"
        checks = [
            (f"{ws}/ws?width=80&height=24", own, 403),  # textual-serve's own websocket, without a token
            (f"{ws}/ws/fout?width=80&height=24", own, 403),  # a wrong token
            (f"{ws}/ws/{served.token}?width=80&height=24", "http://evil.example", 403),  # another site
            (f"{ws}/ws?token={served.token}&width=80", "http://127.0.0.1:1", 403),  # another port is another site
            (f"{ws}/ws/{served.token}?width=80&height=24", None, 403),  # no Origin at all
        ]
        for url, origin, expected in checks:
            assert asyncio.run(websocket_status(url, origin)) == expected, (url, origin)
        assert not served.ready.exists()  # none of them started the app


@contextmanager
def browser(tmp_path: Path, url: str) -> Iterator[int]:
    """A headless Chromium that opens ``url``; yields its DevTools port."""
    assert CHROMIUM is not None
    devtools = free_port()
    process = subprocess.Popen(
        [
            CHROMIUM,
            "--headless",
            "--no-sandbox",
            "--disable-gpu",
            "--window-size=1200,800",
            f"--remote-debugging-port={devtools}",
            f"--user-data-dir={tmp_path / 'chromium'}",
            url,
        ],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
        start_new_session=True,
    )
    try:
        yield devtools
    finally:
        os.killpg(process.pid, signal.SIGTERM)
        process.wait(timeout=20)


@pytest.mark.skipif(CHROMIUM is None, reason="Chromium is niet geïnstalleerd (Debian-pakket chromium)")
def test_the_dashboard_opens_in_a_headless_browser(tmp_path: Path) -> None:
    with serving(tmp_path) as served, browser(tmp_path, f"{served.base}/?token={served.token}") as devtools:
        # The page opens a websocket; the server starts the app for it; the app says which screen it shows.
        shown = wait_for(lambda: served.ready.exists() and served.ready.read_text(), 60, "het werkboek in de browser")
        assert shown == "DashboardScreen"
        assert children_of(served.process.pid), "the app runs as a child of the server (the test below counts on that)"
        # The browser got the app's first output (the page marks that on its body).
        classes = wait_for(lambda: body_class(devtools), 20, "uitvoer in de browser")
        assert "-first-byte" in classes.split()


@pytest.mark.skipif(CHROMIUM is None, reason="Chromium is niet geïnstalleerd (Debian-pakket chromium)")
def test_a_page_from_another_site_gets_no_websocket_even_with_the_token(tmp_path: Path) -> None:
    with serving(tmp_path) as served:
        ws = f"ws://127.0.0.1:{served.port}"
        site = tmp_path / "site"
        site.mkdir()
        # The worst case: the other page even knows the token. Its Origin is another port, another site.
        (site / "index.html").write_text(
            "<!DOCTYPE html><html><body><script>\n"
            "const results = {};\n"
            "function tryIt(name, url) {\n"
            "  const socket = new WebSocket(url);\n"
            "  socket.onopen = () => { results[name] = 'open'; };\n"
            "  socket.onclose = () => { results[name] = results[name] || 'refused'; };\n"
            "}\n"
            f"tryIt('token', '{ws}/ws/{served.token}?width=80&height=24');\n"
            f"tryIt('query', '{ws}/ws?token={served.token}&width=80&height=24');\n"
            f"tryIt('none', '{ws}/ws?width=80&height=24');\n"
            "</script></body></html>\n",
            encoding="utf-8",
        )
        handler = partial(http.server.SimpleHTTPRequestHandler, directory=str(site))
        other_site = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
        threading.Thread(target=other_site.serve_forever, daemon=True).start()
        try:
            with browser(tmp_path, f"http://127.0.0.1:{other_site.server_address[1]}/") as devtools:
                outcome = wait_for(
                    lambda: (found := evaluated(devtools, "JSON.stringify(results)")).count(":") == 3 and found,
                    30,
                    "de pogingen van de andere site",
                )
        finally:
            other_site.shutdown()
        assert json.loads(outcome) == {"token": "refused", "query": "refused", "none": "refused"}
        # The server answered all three before the page saw them refused: an app started for one of them
        # would be running now, as the server's child.
        assert children_of(served.process.pid) == [], "no app was started for that page"
        assert not served.ready.exists()


async def _socket_url(session: aiohttp.ClientSession, devtools_port: int, target: str) -> str:
    """The DevTools websocket of the page (``target="page"``) or of the browser."""
    if target == "page":
        async with session.get(f"http://127.0.0.1:{devtools_port}/json") as response:
            return str(next(t for t in await response.json() if t["type"] == "page")["webSocketDebuggerUrl"])
    async with session.get(f"http://127.0.0.1:{devtools_port}/json/version") as response:
        return str((await response.json())["webSocketDebuggerUrl"])


async def _send(socket_: aiohttp.ClientWebSocketResponse, commands: list[tuple[str, dict[str, object]]]) -> None:
    """Send DevTools commands one after another, each waiting for its answer."""
    for number, (method, params) in enumerate(commands, 1):
        await socket_.send_json({"id": number, "method": method, "params": params})
        while json.loads((await socket_.receive()).data).get("id") != number:
            pass


def _key(key: str, code: int, text: str = "") -> list[tuple[str, dict[str, object]]]:
    """A key pressed and released in the page, as a person types it."""
    down: dict[str, object] = {"type": "keyDown", "key": key, "code": key, "windowsVirtualKeyCode": code}
    if text:
        down["text"] = text
    return [("Input.dispatchKeyEvent", down), ("Input.dispatchKeyEvent", {**down, "type": "keyUp", "text": ""})]


async def _download_after_keys(
    devtools_port: int, keys: list[tuple[str, dict[str, object]]], downloads: Path, seconds: float
) -> list[Path]:
    """Type ``keys`` into the page and wait for the files the browser downloads into ``downloads``.

    The browser's session stays open the whole time: Chromium forgets where downloads go when it closes.
    """
    async with aiohttp.ClientSession() as session:
        browser_url = await _socket_url(session, devtools_port, "browser")
        page_url = await _socket_url(session, devtools_port, "page")
        async with session.ws_connect(browser_url) as browser_socket, session.ws_connect(page_url) as page_socket:
            allow = {"behavior": "allow", "downloadPath": str(downloads)}
            await _send(browser_socket, [("Browser.setDownloadBehavior", allow)])
            focus = "document.querySelector('.xterm-helper-textarea').focus()"
            await _send(page_socket, [("Runtime.evaluate", {"expression": focus}), *keys])
            deadline = asyncio.get_running_loop().time() + seconds
            while asyncio.get_running_loop().time() < deadline:
                done = [path for path in downloads.iterdir() if not path.name.endswith(".crdownload")]
                if done:
                    return done
                await asyncio.sleep(0.2)
    return []


@pytest.mark.skipif(CHROMIUM is None, reason="Chromium is niet geïnstalleerd (Debian-pakket chromium)")
def test_a_report_made_in_the_browser_arrives_as_a_download(tmp_path: Path) -> None:
    downloads = tmp_path / "downloads"
    downloads.mkdir()
    with serving(tmp_path) as served, browser(tmp_path, f"{served.base}/?token={served.token}") as devtools:
        wait_for(lambda: served.ready.exists() and served.ready.read_text(), 60, "het werkboek in de browser")
        wait_for(lambda: "-first-byte" in body_class(devtools).split(), 20, "uitvoer in de browser")
        # Rapport maken opens with HTML chosen and the file name filled in: enter writes it. Both keys at
        # once, as a person types them.
        keys = [*_key("r", 82, "r"), *_key("Enter", 13, "\r")]
        arrived = asyncio.run(_download_after_keys(devtools, keys, downloads, 40))
        report = tmp_path / "klant-plan-van-aanpak.html"
        assert report.exists(), "written beside the workbook on the server"
    assert [path.name for path in arrived] == ["klant-plan-van-aanpak.html"]
    assert arrived[0].read_bytes() == report.read_bytes()
