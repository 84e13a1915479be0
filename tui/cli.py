"""The ``werkboek`` command: open a workbook in the app, or check files without the app.

Only opening the app imports Textual; ``werkboek check`` stays light and fast.
"""

from __future__ import annotations

import gc
import os
import sys
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import TYPE_CHECKING

from models.cli_text import DutchArgumentParser

if TYPE_CHECKING:
    from tui.app import WerkboekApp

# The workbook uses no pydantic plugins; not scanning installed packages for them saves start-up time.
os.environ.setdefault("PYDANTIC_DISABLE_PLUGINS", "__all__")


def _open_parser() -> DutchArgumentParser:
    parser = DutchArgumentParser(
        prog="werkboek",
        description="Preventiewerkboek: dashboards en actieplan per mkb-klant, opgeslagen als TOML.",
        epilog=(
            "Andere opdrachten: 'werkboek check BESTAND...' controleert werkboeken zonder ze te openen; "
            "'werkboek diff OUD NIEUW' of 'werkboek diff BESTAND [VERSIE]' vat de verschillen samen; "
            "'werkboek export BESTAND --format md|html|csv' maakt een rapport; "
            "'werkboek new \"Naam BV\"' begint een nieuw werkboek; "
            "'werkboek config [--toetsen]' toont (en maakt) het instellingenbestand; "
            "'werkboek serve [--port N]' opent het werkboek in een browser."
        ),
    )
    parser.add_argument(
        "pad",
        nargs="?",
        type=Path,
        help="een werkboek (.toml), of een map: dan volgt een overzicht van alle werkboeken erin "
        "(standaard: saves/; staat daar één werkboek, dan gaat dat meteen open)",
    )
    return parser


def _check_parser() -> DutchArgumentParser:
    parser = DutchArgumentParser(
        prog="werkboek check",
        description=(
            "Controleer werkboeken. Exitcode 0 als alles in orde is, 1 bij fouten, 3 als er geen fouten zijn "
            "maar een bestand een nieuwer schema heeft dan deze versie kent (dan kan check er niet voor instaan)."
        ),
    )
    parser.add_argument("bestanden", nargs="+", type=Path, help="werkboekbestanden (.toml)")
    return parser


def create_app(argv: Sequence[str]) -> WerkboekApp:
    """Build the app for ``werkboek [PAD]`` without running it."""
    from models.settings import load_settings
    from tui.app import WerkboekApp
    from tui.locations import default_workbook

    args = _open_parser().parse_args(list(argv))
    settings = load_settings()
    folder = settings.settings.werkboeken
    app = WerkboekApp(args.pad or default_workbook(Path(folder).expanduser() if folder else None), settings=settings)
    # Modules, schemas and content made so far live as long as the app: keeping them out of
    # the garbage collector's passes spares a full collection during start-up.
    gc.freeze()
    return app


def _config(args: Sequence[str]) -> int:
    """``werkboek config [--toetsen]``: where the settings are (made, with explanation, if missing)."""
    from models.settings import create_config, load_settings

    parser = DutchArgumentParser(
        prog="werkboek config",
        description="Toon waar je instellingen staan (toetsen, thema, werkboekmap); maak het bestand als het er "
        "nog niet is, met uitleg erin.",
    )
    parser.add_argument("--toetsen", action="store_true", help="toon ook alle toetsen met hun id")
    parsed = parser.parse_args(list(args))
    path, made = create_config()
    print(f"{path}\n{'Aangemaakt, met uitleg in het bestand.' if made else 'Bestaat al.'}")
    for problem in load_settings(path).problems:
        print(f"Fout: {problem}")
    if parsed.toetsen:
        from tui.keymap import all_bindings

        print("\nToetsen (id, standaardtoets, wat ze doen):")
        for owner, binding in sorted(all_bindings(), key=lambda found: found[1].id or ""):
            print(f"  {binding.id:<36} {binding.key:<18} {binding.description} ({owner})")
    return 0


def _check(args: Sequence[str]) -> int:
    from models.check import check_files

    return check_files(_check_parser().parse_args(list(args)).bestanden, out=sys.stdout)


def _diff(args: Sequence[str]) -> int:
    from models.compare import diff_command

    return diff_command(args, out=sys.stdout, err=sys.stderr)


def _export(args: Sequence[str]) -> int:
    from models.export_command import export_command

    return export_command(args, out=sys.stdout, err=sys.stderr)


def _new(args: Sequence[str]) -> int:
    from models.new_command import new_command
    from tui.locations import default_location

    return new_command(args, out=sys.stdout, err=sys.stderr, default_folder=default_location())


def _serve(args: Sequence[str]) -> int:
    from tui.serve import serve

    return serve(args, out=sys.stdout)


SUBCOMMANDS: dict[str, Callable[[Sequence[str]], int]] = {
    "check": _check,
    "diff": _diff,
    "export": _export,
    "new": _new,
    "config": _config,
    "serve": _serve,
}
"""``werkboek NAME ...``: commands that work without opening the app (except serve)."""


def main(argv: Sequence[str] | None = None) -> int:
    """Entry point of the ``werkboek`` console script."""
    args = list(sys.argv[1:] if argv is None else argv)
    if args and args[0] in SUBCOMMANDS:
        return SUBCOMMANDS[args[0]](args[1:])
    create_app(args).run()
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
