"""Workbooks read for comparing and reporting: from a file, or from text (a git version), without the
store's bookkeeping (locks, digests, backups). ``werkboek diff`` and ``werkboek export`` (cli/) use them."""

from __future__ import annotations

from pathlib import Path

from models.content import Content
from models.store import parse_workbook
from models.toml_file import decode_text, read_bytes
from models.workbook import Organisation, Workbook


def workbook_from_text(name: str, text: str, content: Content) -> Workbook:
    workbook, _ = parse_workbook(name, text, content)
    return workbook


def workbook_from_file(path: Path, content: Content) -> Workbook:
    name = str(path)
    return workbook_from_text(name, decode_text(name, read_bytes(path)), content)


def empty_workbook() -> Workbook:
    """What a file that does not exist (yet, or any more) is compared as."""
    return Workbook(organisatie=Organisation(naam="(geen)"))
