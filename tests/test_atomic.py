"""Atomic writes: a failure part-way leaves the previous file exactly as it was."""

from __future__ import annotations

import os
import stat
from pathlib import Path

import pytest

from models import atomic
from models.atomic import backup_path, write_atomic


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
    write_atomic(target, b"nieuw")
    assert target.read_bytes() == b"nieuw"
    assert stat.S_IMODE(target.stat().st_mode) == 0o640
    assert backup_path(target).read_bytes() == b"oud"
    assert _leftovers(tmp_path) == []


def test_new_file_gets_no_backup(tmp_path: Path) -> None:
    target = tmp_path / "nieuw.toml"
    write_atomic(target, b"schema = 1\n")
    assert target.read_bytes() == b"schema = 1\n"
    assert not backup_path(target).exists()
