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
        where: dict[str, list[str]] = {}
        first: dict[str, tuple[str, str]] = {}
        for owner, binding in all_bindings():
            binding_id = binding.id or ""
            first.setdefault(binding_id, (binding.key, binding.description))
            if owner.title not in where.setdefault(binding_id, []):
                where[binding_id].append(owner.title)
        for binding_id in sorted(first):
            key, description = first[binding_id]
            print(f"  {binding_id:<36} {key:<18} {description} ({', '.join(where[binding_id])})")
    return 0
