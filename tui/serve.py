"""The server behind ``werkboek serve`` (cli/serve.py): the app in a browser, through textual-serve.

Every browser tab gets its own app process on the same workbook files. The server listens on
127.0.0.1 only, unless ``--host`` says otherwise: a workbook holds a client's data.

A web page from any other site can also talk to 127.0.0.1, so the server lets only its own page
in: every start makes a secret token (printed in the link, as Jupyter does) that the page and its
websocket must carry, and the websocket only accepts the server's own origin. Anything else gets
HTTP 403 with a short Dutch text.
"""

from __future__ import annotations

import ipaddress
import secrets
import shlex
import sys
from collections.abc import Awaitable, Callable
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

import aiohttp_jinja2
from aiohttp import web
from textual_serve.server import Server

Handler = Callable[[web.Request], Awaitable[web.StreamResponse]]

TOKEN_COOKIE = "werkboek_token"
NO_TOKEN = (
    "Geen toegang: open het werkboek met de link die 'werkboek serve' bij het starten liet zien (met ?token=...)."
)
FOREIGN_ORIGIN = "Geen toegang: deze verbinding komt van een andere website dan het werkboek zelf."
FOREIGN_HOST = "Geen toegang: dit adres hoort niet bij deze server; gebruik de link die 'werkboek serve' liet zien."


def app_command(path: Path | None) -> str:
    """The shell command textual-serve starts for each browser tab."""
    parts = [sys.executable, "-m", "cli.main"]
    if path is not None:
        parts.append(str(path.resolve()))
    return " ".join(shlex.quote(part) for part in parts)


def is_loopback(host: str) -> bool:
    """Whether ``host`` is reachable from this computer only (127.0.0.1, ::1, localhost)."""
    if host.lower() == "localhost":
        return True
    try:
        return ipaddress.ip_address(host.strip("[]")).is_loopback
    except ValueError:
        return False


def _forbidden(text: str) -> web.HTTPForbidden:
    return web.HTTPForbidden(text=text + "\n")


class GuardedServer(Server):
    """textual-serve's server behind a guard: the per-start token and the server's own origin.

    ``/?token=T`` serves the page; its websocket is ``/ws/T`` (textual-serve's page script adds the
    terminal size as ``?width=…&height=…`` to the URL it is given, so the token goes in the path).
    Static files (scripts, fonts) are the same for everyone and need no token.
    """

    def __init__(self, command: str, *, host: str, port: int, title: str, token: str) -> None:
        super().__init__(command, host=host, port=port, title=title)
        self.token = token

    def allowed_host(self, host: str) -> bool:
        """The ``Host`` a request was sent to: on loopback, only this computer's own names (a page
        that points its own domain at 127.0.0.1 gets nothing); elsewhere the token decides."""
        if not is_loopback(self.host):
            return True
        try:
            address = urlsplit(f"//{host}")
            name, port = address.hostname or "", address.port
        except ValueError:
            return False
        return is_loopback(name) and port in (None, self.port)

    def has_token(self, given: str | None) -> bool:
        return given is not None and secrets.compare_digest(given.encode("utf-8"), self.token.encode("utf-8"))

    @web.middleware
    async def guard(self, request: web.Request, handler: Handler) -> web.StreamResponse:
        if request.path.startswith("/static/"):
            return await handler(request)
        if not self.allowed_host(request.host):
            raise _forbidden(FOREIGN_HOST)
        if request.path.startswith("/download/"):
            if not self.has_token(request.cookies.get(TOKEN_COOKIE)):
                raise _forbidden(NO_TOKEN)
            return await handler(request)
        if not self.has_token(request.match_info.get("token") or request.query.get("token")):
            raise _forbidden(NO_TOKEN)
        if request.path == "/ws" or request.path.startswith("/ws/"):
            scheme = "https" if request.secure else "http"
            if request.headers.get("Origin") != f"{scheme}://{request.host}":
                raise _forbidden(FOREIGN_ORIGIN)
            return await handler(request)
        response = await handler(request)
        # Downloads are opened by the page without the token in their URL: a cookie carries it there.
        response.set_cookie(TOKEN_COOKIE, self.token, httponly=True, samesite="Strict", path="/download/")
        return response

    async def _make_app(self) -> web.Application:
        app = await super()._make_app()
        app.middlewares.append(self.guard)
        app.router.add_get("/ws/{token}", self.handle_websocket, name="websocket-token")
        return app

    @aiohttp_jinja2.template("app_index.html")
    async def handle_index(self, request: web.Request) -> dict[str, Any]:
        """The page, with the websocket at this server's own address (the one the browser used)."""
        context: dict[str, Any] = await Server.handle_index.__wrapped__(self, request)  # type: ignore[attr-defined]
        scheme = "wss" if request.secure else "ws"
        context["app_websocket_url"] = f"{scheme}://{request.host}/ws/{self.token}"
        context["config"]["static"]["url"] = "/static/"
        return context

    async def on_startup(self, app: web.Application) -> None:
        """Quiet: ``serve`` has printed the link (in Dutch) already."""


def start_text(host: str, port: int, token: str) -> str:
    """What ``werkboek serve`` prints on start: the link with the token, and a warning off loopback."""
    shown = f"[{host}]" if ":" in host else host
    text = (
        "Preventiewerkboek in de browser. Open deze link (ctrl+c stopt de server):\n"
        f"    http://{shown}:{port}/?token={token}\n"
        "Het token in de link is geheim en geldt tot de server stopt; zonder token geeft de server niets.\n"
    )
    if not is_loopback(host):
        text += (
            f"Let op: de server luistert op {host}, dus niet alleen op deze computer: andere computers in "
            "het netwerk kunnen hem bereiken. Het verkeer is niet versleuteld (http). Wie de link met het "
            "token heeft of meeleest op het netwerk, ziet de gegevens van de klant en kan het werkboek "
            "bewerken. Gebruik dit alleen op een vertrouwd netwerk; zonder --host is de server alleen op "
            "deze computer te bereiken.\n"
        )
    return text
