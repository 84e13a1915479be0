"""``werkboek serve [PAD] [--port N] [--host H]``: the app in a browser, through textual-serve.

Every browser tab gets its own app process on the same workbook files. The server listens on
127.0.0.1 only, unless ``--host`` says otherwise: a workbook holds a client's data.
"""

from __future__ import annotations

import shlex
import sys
from collections.abc import Sequence
from pathlib import Path
from typing import TextIO

from textual_serve.server import Server

from models.cli_text import DutchArgumentParser


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


def app_command(path: Path | None) -> str:
    """The shell command textual-serve starts for each browser tab."""
    parts = [sys.executable, "-m", "tui.cli"]
    if path is not None:
        parts.append(str(path.resolve()))
    return " ".join(shlex.quote(part) for part in parts)


def serve(args: Sequence[str], out: TextIO) -> int:
    parsed = serve_parser().parse_args(list(args))
    out.write(f"Preventiewerkboek in de browser: http://{parsed.host}:{parsed.port}  (ctrl+c stopt)\n")
    out.flush()
    Server(app_command(parsed.pad), host=parsed.host, port=parsed.port, title="Preventiewerkboek").serve()
    return 0
