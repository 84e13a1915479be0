"""``werkboek config [--toetsen]``: where the settings are (made, with explanation, if missing)."""

from __future__ import annotations

from collections.abc import Sequence

from cli.dutch_argparse import DutchArgumentParser
from models.settings import create_config, load_settings


def config_parser() -> DutchArgumentParser:
    parser = DutchArgumentParser(
        prog="werkboek config",
        description="Toon waar je instellingen staan (toetsen, thema, werkboekmap); maak het bestand als het er "
        "nog niet is, met uitleg erin.",
    )
    parser.add_argument("--toetsen", action="store_true", help="toon ook alle toetsen met hun id")
    return parser


def main(args: Sequence[str]) -> int:
    parsed = config_parser().parse_args(list(args))
    path, made = create_config()
    print(f"{path}\n{'Aangemaakt, met uitleg in het bestand.' if made else 'Bestaat al.'}")
    for problem in load_settings(path).problems:
        print(f"Fout: {problem}")
    if parsed.toetsen:
        # The keys are read from the app's screens and widgets (screens/registry.py lists them): only
        # this option loads Textual.
        from tui.keymap import all_bindings

        print("\nToetsen (id, standaardtoets, wat ze doen, waar):")
        # One line per id; an id on several owners (the keys of every list) names them all, and a
        # standard key that differs per owner is named with its owner.
        found: dict[str, list[tuple[str, str, str]]] = {}
        for owner, binding in all_bindings():
            found.setdefault(binding.id or "", []).append((owner.title, binding.key, binding.description))
        for binding_id, owners in sorted(found.items()):
            _, key, description = owners[0]
            places = list(dict.fromkeys(title if own == key else f"{title}: {own}" for title, own, _ in owners))
            print(f"  {binding_id:<36} {key:<18} {description} ({', '.join(places)})")
    return 0
