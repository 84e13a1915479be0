"""``werkboek serve [PAD] [--port N] [--host H]``: the app in a browser (the server is tui/serve.py)."""

from __future__ import annotations

import secrets
import sys
from collections.abc import Sequence
from pathlib import Path
from typing import TextIO

from cli.dutch_argparse import DutchArgumentParser


def serve_parser() -> DutchArgumentParser:
    parser = DutchArgumentParser(prog="werkboek serve", description="Open het werkboek in een browser.")
    parser.add_argument("pad", nargs="?", type=Path, help="een werkboek of een map (standaard: als 'werkboek')")
    parser.add_argument("--port", type=int, default=8000, metavar="POORT", help="poort (standaard 8000)")
    parser.add_argument(
        "--host",
        default="127.0.0.1",
        metavar="ADRES",
        help="adres om op te luisteren (standaard 127.0.0.1: alleen deze computer; 0.0.0.0: het hele netwerk)",
    )
    return parser


def serve(args: Sequence[str], out: TextIO) -> int:
    parsed = serve_parser().parse_args(list(args))
    # textual-serve and its web server are loaded only when a server starts.
    from tui.serve import GuardedServer, app_command, start_text

    token = secrets.token_urlsafe(32)
    out.write(start_text(parsed.host, parsed.port, token))
    out.flush()
    GuardedServer(
        app_command(parsed.pad), host=parsed.host, port=parsed.port, title="Preventiewerkboek", token=token
    ).serve()
    return 0


def main(args: Sequence[str]) -> int:
    return serve(args, out=sys.stdout)
