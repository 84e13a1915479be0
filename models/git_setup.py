"""``werkboek git-setup``: tell one repository how to diff and merge workbooks.

Two things, both idempotent:

- the repository's own git config (``.git/config``, never the global one): the ``werkboek`` diff
  driver as a ``textconv`` (``werkboek diff --textconv FILE``: git's own line diff of a readable
  rendering, in ``git diff``, ``git log -p`` and ``git show`` alike), with ``cachetextconv`` so git
  renders each version once (kept under ``refs/notes/textconv/werkboek``, started over when the
  command changes, which is why it names the rendering's version), and the ``werkboek`` merge driver
  (``werkboek merge %O %A %B %P``); an external ``diff.werkboek.command`` left by the manual setup is
  taken away, because ``git diff`` would otherwise keep showing another view than ``git log -p``;
- ``.gitattributes`` at the top of the repository: ``*.toml diff=werkboek merge=werkboek``. Meant to
  be committed, so colleagues get the same lines; each of them runs ``werkboek git-setup`` once,
  because git never takes commands from a repository's files.

The drivers recognise a workbook by its content (:mod:`models.workbook_sniff`), so the attributes
can name every ``.toml``: a TOML file that is no workbook keeps git's usual diff and merge.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from models.atomic import write_atomic
from models.git import GitError, config_value, run_git
from models.workbook_text import RENDERING

DRIVER = "werkboek"
ATTRIBUTES = "*.toml diff=werkboek merge=werkboek"
ATTRIBUTES_COMMENT = "# Werkboeken: diff en merge op inhoud (werkboek git-setup); andere TOML houdt git's eigen diff"
OLD_ATTRIBUTES = ("*.toml diff=werkboek",)
"""Lines the manual setup of earlier versions wrote; replaced by :data:`ATTRIBUTES`."""
MERGE_NAME = "werkboek: samenvoegen op inhoud"
OLD_COMMAND_KEY = "diff.werkboek.command"
PROBE = "werkboek.toml"
"""A path ``git check-attr`` is asked about: it need not exist."""


def wanted_config(command: str) -> dict[str, str]:
    """The git config for the drivers, with ``command`` the way to run ``werkboek`` (shell words)."""
    return {
        "diff.werkboek.textconv": f"{command} diff --textconv --weergave={RENDERING}",
        "diff.werkboek.cachetextconv": "true",
        "merge.werkboek.name": MERGE_NAME,
        "merge.werkboek.driver": f"{command} merge %O %A %B %P",
    }


@dataclass
class SetupReport:
    """What ``git-setup`` did (Dutch lines), and what it found that it could not change."""

    root: Path
    done: list[str] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)

    @property
    def changed(self) -> bool:
        return bool(self.done)


def repository_top(folder: Path) -> Path:
    """The top of the work tree ``folder`` is in; a :class:`GitError` in Dutch when there is none."""
    if not folder.is_dir():
        raise GitError("die map bestaat niet")
    return Path(run_git(folder, "rev-parse", "--show-toplevel").strip())


def set_up(folder: Path, command: str) -> SetupReport:
    """Register the drivers in the repository ``folder`` is in and write its ``.gitattributes``."""
    root = repository_top(folder)
    report = SetupReport(root)
    _configure(root, command, report)
    _write_attributes(root, report)
    _exclude_lock_files(root, report)
    _check_attributes(root, report)
    return report


LOCK_PATTERN = ".*.toml.lock"
"""The lock files beside workbooks (models/file_lock.py): never something to commit."""


def _exclude_lock_files(root: Path, report: SetupReport) -> None:
    """Keep the lock files out of git status, for this clone only (``.git/info/exclude``)."""
    path = Path(run_git(root, "rev-parse", "--git-path", "info/exclude").strip())
    if not path.is_absolute():
        path = root / path
    try:
        text = path.read_text(encoding="utf-8", errors="surrogateescape")
    except FileNotFoundError:
        text = ""
    if LOCK_PATTERN in (line.strip() for line in text.splitlines()):
        return
    path.parent.mkdir(parents=True, exist_ok=True)
    separator = "" if not text or text.endswith("\n") else "\n"
    addition = f"{separator}# slotbestanden van werkboek (tijdens het opslaan)\n{LOCK_PATTERN}\n"
    write_atomic(path, (text + addition).encode("utf-8", errors="surrogateescape"))
    report.done.append(f".git/info/exclude: '{LOCK_PATTERN}' toegevoegd (slotbestanden niet in git status)")


def _configure(root: Path, command: str, report: SetupReport) -> None:
    for key, value in wanted_config(command).items():
        old = config_value(root, key)
        if old == value:
            continue
        run_git(root, "config", "--local", key, value)
        if old is None:
            report.done.append(f"git config {key} = {value}")
        else:
            report.done.append(f"git config {key} = {value} (was: {old})")
    old_command = config_value(root, OLD_COMMAND_KEY)
    if old_command is not None:
        run_git(root, "config", "--local", "--unset-all", OLD_COMMAND_KEY)
        report.done.append(
            f"git config {OLD_COMMAND_KEY} weggehaald (was: {old_command}): git diff toont nu dezelfde "
            "weergave als git log -p en git show"
        )
    elsewhere = config_value(root, OLD_COMMAND_KEY, scope="")
    if elsewhere is not None:
        report.warnings.append(
            f"{OLD_COMMAND_KEY} staat nog in je algemene git-instellingen ({elsewhere}); git diff gebruikt "
            f"dat in plaats van de nieuwe weergave. Weghalen: git config --global --unset {OLD_COMMAND_KEY}"
        )


def _write_attributes(root: Path, report: SetupReport) -> None:
    path = root / ".gitattributes"
    try:
        text = path.read_bytes().decode("utf-8", errors="surrogateescape")
    except FileNotFoundError:
        text = ""
    newline = "\r\n" if "\r\n" in text else "\n"
    lines = text.splitlines()
    normalised = [" ".join(line.split()) for line in lines]
    if ATTRIBUTES in normalised:
        return
    old = next((index for index, line in enumerate(normalised) if line in OLD_ATTRIBUTES), None)
    if old is not None:
        report.done.append(f".gitattributes: '{lines[old].strip()}' vervangen door '{ATTRIBUTES}'")
        lines[old] = ATTRIBUTES
    else:
        verb = "toegevoegd" if path.exists() else "aangemaakt met"
        report.done.append(f".gitattributes {verb} '{ATTRIBUTES}'")
        if lines and lines[-1].strip():
            lines.append("")
        lines += [ATTRIBUTES_COMMENT, ATTRIBUTES]
    write_atomic(path, (newline.join(lines) + newline).encode("utf-8", errors="surrogateescape"))


def effective_attributes(root: Path) -> dict[str, str]:
    """What git makes of the ``diff`` and ``merge`` attributes of a workbook at the top of the repository."""
    found: dict[str, str] = {}
    for line in run_git(root, "check-attr", "diff", "merge", "--", PROBE).splitlines():
        _, attribute, value = (part.strip() for part in line.rsplit(":", 2))
        found[attribute] = value
    return found


def _check_attributes(root: Path, report: SetupReport) -> None:
    found = effective_attributes(root)
    wrong = {name: value for name, value in found.items() if value != DRIVER}
    if wrong:
        seen = ", ".join(f"{name}={value}" for name, value in sorted(wrong.items()))
        report.warnings.append(
            f"git ziet voor .toml-bestanden nog {seen}: een andere regel gaat voor (later in .gitattributes, "
            "in .git/info/attributes of in core.attributesFile); haal die weg of zet er diff=werkboek "
            "merge=werkboek in"
        )
