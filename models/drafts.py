"""Drafts: what was typed in a form when the app had to close (ctrl+q, a closed terminal, SIGTERM).

A draft lives in the app's state folder, never beside the client's workbook (that folder is often a
git repository), one file per workbook. The next time that workbook opens, the form comes back with
the draft in it.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import re
from dataclasses import dataclass, field
from pathlib import Path

import rtoml
import tomli_w

from models.atomic import write_atomic
from models.settings import state_path

FormValues = dict[str, str | list[str]]


@dataclass(frozen=True)
class Draft:
    """One form's content: which form, for what (an action id, a legal item; empty when new), the values."""

    form: str
    target: str
    title: str
    """What the form was about, for the message that brings it back ("Actie A21 bewerken")."""
    values: FormValues = field(default_factory=dict)
    saved_at: dt.datetime = field(default_factory=lambda: dt.datetime.now().replace(microsecond=0))


def drafts_folder() -> Path:
    """Beside the app's own memory (``$WERKBOEK_STATE``, else the user's state folder)."""
    return state_path().parent / "concepten"


def draft_file(workbook: Path) -> Path:
    """The drafts of one workbook: its name, made safe, and a short hash of its full path."""
    resolved = str(workbook.resolve())
    digest = hashlib.sha256(resolved.encode("utf-8")).hexdigest()[:12]
    stem = re.sub(r"[^A-Za-z0-9_-]+", "-", workbook.stem)[:40] or "werkboek"
    return drafts_folder() / f"{stem}-{digest}.toml"


def keep_drafts(workbook: Path, drafts: list[Draft]) -> Path | None:
    """Write the drafts of ``workbook`` (after those kept earlier); returns the file, or None if none."""
    if not drafts:
        return None
    path = draft_file(workbook)
    kept = [*read_drafts(workbook), *drafts]
    document = {
        "werkboek": str(workbook.resolve()),
        "concepten": [
            {
                "formulier": draft.form,
                "doel": draft.target,
                "titel": draft.title,
                "bewaard": draft.saved_at,
                "velden": draft.values,
            }
            for draft in kept
        ],
    }
    path.parent.mkdir(parents=True, exist_ok=True)
    write_atomic(path, tomli_w.dumps(document).encode("utf-8"), keep_backup=False)
    return path


def read_drafts(workbook: Path) -> list[Draft]:
    """The drafts kept for ``workbook``; an unreadable drafts file counts as none (it is left in place)."""
    path = draft_file(workbook)
    try:
        document = rtoml.load(path)
    except (OSError, rtoml.TomlParsingError, UnicodeDecodeError):
        return []
    drafts = []
    for entry in document.get("concepten", []):
        if not isinstance(entry, dict):
            continue
        values = entry.get("velden", {})
        drafts.append(
            Draft(
                form=str(entry.get("formulier", "")),
                target=str(entry.get("doel", "")),
                title=str(entry.get("titel", "")),
                values={
                    str(name): [str(item) for item in value] if isinstance(value, list) else str(value)
                    for name, value in (values.items() if isinstance(values, dict) else ())
                },
                saved_at=entry["bewaard"] if isinstance(entry.get("bewaard"), dt.datetime) else dt.datetime.now(),
            )
        )
    return drafts


def take_drafts(workbook: Path) -> list[Draft]:
    """The drafts of ``workbook``, removed from the state folder (the caller brings them back)."""
    drafts = read_drafts(workbook)
    if drafts:
        draft_file(workbook).unlink(missing_ok=True)
    return drafts
