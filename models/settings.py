"""The user's own settings: a config file they edit (keys, theme, workbook folder) and a small state
file the app keeps (the theme chosen last, whether the first-run hint was used).

The config file lives in the platform's user config folder (``werkboek config`` prints where); a
bad file never stops the app: it starts with the defaults and says what is wrong, where.
"""

from __future__ import annotations

import os
from dataclasses import dataclass, field
from pathlib import Path
from typing import Annotated, Any

import platformdirs

from models.atomic import write_atomic
from models.dutch_messages import validation_problems
from models.problems import Problem, WorkbookError
from models.schema import BaseModel, ConfigDict, Field, ValidationError
from models.toml_emit import dumps
from models.toml_file import decode_text, parse_toml, read_bytes

APP_NAME = "preventiewerkboek"
THEMES = {"donker": "werkboek-donker", "licht": "werkboek-licht", "contrast": "werkboek-contrast"}
"""Theme names as written in the config file, and the app's themes they stand for."""

CONFIG_TEMPLATE = """\
# Persoonlijke instellingen van Preventiewerkboek.
# Haal het hekje (#) weg voor een regel die je wilt gebruiken; bewaar het bestand en start opnieuw.

# Kleuren: "donker", "licht" of "contrast" (hoog contrast, voor een beamer).
# Een keuze in het opdrachtenpalet (ctrl+p, "Thema") wordt onthouden en gaat hiervoor.
# thema = "contrast"

# De map met werkboeken die 'werkboek' zonder pad opent (standaard saves/).
# werkboeken = "~/klanten"

# Je huisstijl voor het plan van aanpak in Word: een .docx met je logo, lettertypen en kleuren.
# Rapport maken (docx) en 'werkboek export --format docx' gebruiken het; --sjabloon gaat hiervoor.
# huisstijl = "~/Documenten/huisstijl.docx"

# Na hoeveel weken zonder sessie (logboek of meting) een klant stil heet: 'Wat nu?' op het dashboard
# stelt dan een sessie voor (standaard 8).
# stille_klant_weken = 8

# Andere toetsen: het id van de toets (de hulp, ? of f1, toont ze per scherm) en de nieuwe toets.
# Meer toetsen voor één opdracht scheid je met een komma.
[toetsen]
# "acties.nieuw" = "a"
# "app.afsluiten" = "ctrl+q"
# "meting.volgende" = "right,l"
"""


class Settings(BaseModel):
    """What the config file may say; anything else is reported, not silently ignored."""

    model_config = ConfigDict(extra="forbid", strict=True, frozen=True)

    thema: str | None = None
    werkboeken: str | None = None
    huisstijl: str | None = None
    """The consultant's Word template (a .docx) for the plan van aanpak."""
    stille_klant_weken: Annotated[int, Field(ge=1, le=520)] = 8
    """Weeks without a session after which a client counts as quiet."""
    toetsen: dict[str, str] = Field(default_factory=dict)


@dataclass(frozen=True)
class LoadedSettings:
    settings: Settings
    problems: list[Problem] = field(default_factory=list)


def config_path() -> Path:
    """The config file: ``$WERKBOEK_CONFIG`` if set, else in the user's config folder."""
    override = os.environ.get("WERKBOEK_CONFIG")
    return Path(override) if override else Path(platformdirs.user_config_dir(APP_NAME)) / "instellingen.toml"


def state_path() -> Path:
    """The app's own memory: ``$WERKBOEK_STATE`` if set, else in the user's state folder."""
    override = os.environ.get("WERKBOEK_STATE")
    return Path(override) if override else Path(platformdirs.user_state_dir(APP_NAME)) / "staat.toml"


def load_settings(path: Path | None = None) -> LoadedSettings:
    """The settings in ``path`` (default: :func:`config_path`); defaults and the problems when it is wrong."""
    path = path or config_path()
    if not path.exists():
        return LoadedSettings(Settings())
    name = str(path)
    try:
        text = decode_text(name, read_bytes(path))
        data = parse_toml(name, text)
        settings = Settings.model_validate(data)
    except WorkbookError as error:
        return LoadedSettings(Settings(), error.problems)
    except ValidationError as error:
        return LoadedSettings(Settings(), validation_problems(name, error, text))
    problems = []
    if settings.thema is not None and settings.thema not in THEMES:
        allowed = ", ".join(f'"{name}"' for name in THEMES)
        problems.append(Problem(name, f'thema: onbekend thema "{settings.thema}"; kies uit {allowed}'))
        settings = settings.model_copy(update={"thema": None})
    return LoadedSettings(settings, problems)


def house_style(settings: Settings) -> Path | None:
    """The Word template the settings name (``~`` expanded), or None."""
    return Path(settings.huisstijl).expanduser() if settings.huisstijl else None


def create_config(path: Path | None = None) -> tuple[Path, bool]:
    """Write the commented template when there is no config file yet; (path, whether it was made)."""
    path = path or config_path()
    if path.exists():
        return path, False
    path.parent.mkdir(parents=True, exist_ok=True)
    write_atomic(path, CONFIG_TEMPLATE.encode("utf-8"), keep_backup=False)
    return path, True


def read_state(path: Path | None = None) -> dict[str, Any]:
    """What the app remembered; an unreadable state file is simply forgotten."""
    path = path or state_path()
    try:
        return parse_toml(str(path), path.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError, WorkbookError):
        return {}


def remember(key: str, value: str | bool, path: Path | None = None) -> None:
    """Keep ``key = value`` in the state file (best effort: the app works without it)."""
    path = path or state_path()
    state = read_state(path)
    state[key] = value
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        write_atomic(path, dumps(state).encode("utf-8"), keep_backup=False)
    except OSError:
        pass


def announce_ready(screen_name: str) -> None:
    """Tell whoever started the app elsewhere (``werkboek serve``, a test) that it is up, and on which screen.

    Only when ``$WERKBOEK_READY_FILE`` names a file; otherwise nothing happens.
    """
    ready_file = os.environ.get("WERKBOEK_READY_FILE")
    if ready_file:
        write_atomic(Path(ready_file), screen_name.encode("utf-8"), keep_backup=False)
