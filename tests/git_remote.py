"""A shared repository as consultants have one: a bare repository behind ``git daemon`` on 127.0.0.1
(or reached as a file:// URL), and clones of it for each colleague."""

from __future__ import annotations

import shutil
import socket
import subprocess
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from conftest import EXAMPLE

WORKBOOK = "klant.toml"


def git(folder: Path, *args: str) -> str:
    """Run git in ``folder`` as a colleague would on the command line; fails the test when git does."""
    result = subprocess.run(["git", "-C", str(folder), *args], capture_output=True, text=True, check=False)
    assert result.returncode == 0, f"git {' '.join(args)}: {result.stderr}{result.stdout}"
    return result.stdout


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port: int = probe.getsockname()[1]
        return port


@contextmanager
def git_daemon(base: Path) -> Iterator[str]:
    """Serve the bare repositories in ``base`` over git:// on 127.0.0.1 (push allowed); yields the URL base."""
    port = _free_port()
    daemon = subprocess.Popen(
        ["git", "daemon", "--reuseaddr", "--export-all", "--enable=receive-pack", f"--base-path={base}",
         "--listen=127.0.0.1", f"--port={port}", str(base)],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )  # fmt: skip
    try:
        deadline = time.monotonic() + 30
        while True:
            try:
                with socket.create_connection(("127.0.0.1", port), timeout=1):
                    break
            except OSError:
                if time.monotonic() > deadline or daemon.poll() is not None:
                    raise AssertionError("git daemon did not start") from None
                time.sleep(0.05)
        yield f"git://127.0.0.1:{port}"
    finally:
        daemon.terminate()
        daemon.wait(timeout=10)


def shared_repository(folder: Path, url: str | None = None) -> tuple[Path, Path, Path]:
    """A bare repository with the example workbook committed, and two clones (anna, bob) that track it.

    ``url``: how the clones reach the bare repository (git://…/shared.git); a file:// URL by default."""
    bare = folder / "shared.git"
    subprocess.run(["git", "init", "--quiet", "--bare", "-b", "main", str(bare)], check=True)
    remote = url or bare.as_uri()
    clones = []
    for name in ("anna", "bob"):
        clone = folder / name
        subprocess.run(["git", "clone", "--quiet", remote, str(clone)], check=True, capture_output=True)
        git(clone, "config", "user.name", name.title())
        git(clone, "config", "user.email", f"{name}@example.org")
        git(clone, "config", "pull.rebase", "false")
        git(clone, "checkout", "--quiet", "-B", "main")
        clones.append(clone)
    anna, bob = clones
    shutil.copyfile(EXAMPLE, anna / WORKBOOK)
    git(anna, "add", WORKBOOK)
    git(anna, "commit", "--quiet", "-m", "Werkboek begonnen")
    git(anna, "push", "--quiet", "-u", "origin", "main")
    git(bob, "pull", "--quiet", "origin", "main")
    git(bob, "branch", "--quiet", "--set-upstream-to=origin/main")
    return bare, anna, bob


def replace_in(path: Path, old: str, new: str) -> None:
    text = path.read_text(encoding="utf-8")
    assert old in text, old
    path.write_text(text.replace(old, new, 1), encoding="utf-8")
