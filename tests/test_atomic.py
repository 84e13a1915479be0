"""Atomic writes: a failure part-way leaves the previous file exactly as it was."""

from __future__ import annotations

import os
import stat
import time
from pathlib import Path

import pytest

from models import atomic
from models.atomic import leftover_temps, write_atomic


def _leftovers(folder: Path) -> list[str]:
    return sorted(p.name for p in folder.iterdir() if p.name.endswith(".tmp"))


def test_failure_while_writing_leaves_old_file_intact(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    target = tmp_path / "klant.toml"
    target.write_bytes(b"schema = 1\n# oud\n")

    class DiskFull(OSError):
        pass

    real_fsync = os.fsync

    def failing_fsync(fd: int) -> None:
        raise DiskFull(28, "No space left on device")

    monkeypatch.setattr(atomic.os, "fsync", failing_fsync)
    with pytest.raises(DiskFull):
        write_atomic(target, b"schema = 1\n# nieuw maar half\n")
    monkeypatch.setattr(atomic.os, "fsync", real_fsync)
    assert target.read_bytes() == b"schema = 1\n# oud\n"
    assert _leftovers(tmp_path) == []


def test_failure_at_the_rename_leaves_old_file_intact(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    target = tmp_path / "klant.toml"
    target.write_bytes(b"oud")
    real_replace = os.replace

    def failing_replace(src: str | Path, dst: str | Path) -> None:
        if Path(dst) == target:
            raise PermissionError(13, "Permission denied")
        real_replace(src, dst)

    monkeypatch.setattr(atomic.os, "replace", failing_replace)
    with pytest.raises(PermissionError):
        write_atomic(target, b"nieuw")
    assert target.read_bytes() == b"oud"
    assert _leftovers(tmp_path) == []


def test_success_replaces_content_keeps_mode_and_backup(tmp_path: Path) -> None:
    target = tmp_path / "klant.toml"
    target.write_bytes(b"oud")
    target.chmod(0o640)
    backup = tmp_path / "staat" / "reservekopieen" / "klant-1234.toml"
    write_atomic(target, b"nieuw", backup=backup)
    assert target.read_bytes() == b"nieuw"
    assert stat.S_IMODE(target.stat().st_mode) == 0o640
    assert backup.read_bytes() == b"oud"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["klant.toml", "staat"], "nothing beside the file"
    assert _leftovers(tmp_path) == []
    assert _leftovers(backup.parent) == []


def test_new_file_gets_no_backup(tmp_path: Path) -> None:
    target = tmp_path / "nieuw.toml"
    backup = tmp_path / "staat" / "nieuw.toml"
    write_atomic(target, b"schema = 1\n", backup=backup)
    assert target.read_bytes() == b"schema = 1\n"
    assert not backup.exists()


def test_no_backup_unless_asked(tmp_path: Path) -> None:
    target = tmp_path / "instellingen.toml"
    target.write_bytes(b"oud")
    write_atomic(target, b"nieuw", backup=tmp_path / "kopie.toml", keep_backup=False)
    write_atomic(target, b"nieuwer")
    assert sorted(p.name for p in tmp_path.iterdir()) == ["instellingen.toml"]


@pytest.mark.parametrize("relative", [True, False])
def test_a_symlink_stays_a_link_and_its_target_gets_the_content(tmp_path: Path, relative: bool) -> None:
    repo = tmp_path / "repo"
    repo.mkdir()
    real = repo / "klant.toml"
    real.write_bytes(b"oud")
    real.chmod(0o640)
    link = tmp_path / "klant.toml"
    link.symlink_to(Path("repo") / "klant.toml" if relative else real)
    chain = tmp_path / "via.toml"
    chain.symlink_to(link)
    backup = tmp_path / "staat" / "kopie.toml"
    write_atomic(chain, b"nieuw", backup=backup)
    assert chain.is_symlink() and link.is_symlink(), "the links are still links"
    assert real.read_bytes() == b"nieuw"
    assert stat.S_IMODE(real.stat().st_mode) == 0o640
    assert backup.read_bytes() == b"oud"
    assert _leftovers(tmp_path) == [] and _leftovers(repo) == []


def test_a_dangling_symlink_creates_its_target(tmp_path: Path) -> None:
    link = tmp_path / "klant.toml"
    link.symlink_to(tmp_path / "echt.toml")
    write_atomic(link, b"schema = 1\n")
    assert link.is_symlink()
    assert (tmp_path / "echt.toml").read_bytes() == b"schema = 1\n"


def test_leftover_temps_are_only_this_files_own(tmp_path: Path) -> None:
    target = tmp_path / "klant.toml"
    target.write_bytes(b"schema = 1\n")
    own = [tmp_path / ".klant.toml.ab_cd123.tmp", tmp_path / ".klant.toml.x9y8z7w6.tmp"]
    others = [
        ".klant.conflict.toml.abcd1234.tmp",  # another file's temporary file
        ".andere.toml.abcd1234.tmp",
        "klant.toml.abcd1234.tmp",  # not hidden: not made by write_atomic
        ".klant.toml.abcd12345.tmp",  # not the 8 characters of tempfile
        ".klant.toml.abcd1234.tmp.bewaar",
        ".klant.toml.lock",
    ]
    for path in [*own, *(tmp_path / name for name in others)]:
        path.write_bytes(b"half")
    assert leftover_temps(target) == sorted(own)
    old = time.time() - 120
    os.utime(own[0], (old, old))
    assert leftover_temps(target, older_than=60) == [own[0]]


def test_a_temp_file_made_by_write_atomic_matches_the_leftover_pattern(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """What a crash between writing and renaming leaves is exactly what leftover_temps finds."""
    target = tmp_path / "klant.toml"
    target.write_bytes(b"oud")

    def crash(src: str | Path, dst: str | Path) -> None:
        raise KeyboardInterrupt

    monkeypatch.setattr(atomic.Path, "unlink", lambda self, missing_ok=False: None)  # a crash cleans nothing
    monkeypatch.setattr(atomic.Path, "replace", crash)
    with pytest.raises(KeyboardInterrupt):
        write_atomic(target, b"nieuw")
    monkeypatch.undo()
    assert len(leftover_temps(target)) == 1
    assert leftover_temps(target) == [tmp_path / name for name in _leftovers(tmp_path)]
