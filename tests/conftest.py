"""Shared fixtures: the example workbook, the content, and a fixed 'today' for stable screens."""

from __future__ import annotations

import datetime as dt
import os
import shutil
import sys
from pathlib import Path

import pytest

from models.content import Content, default_content

ROOT = Path(__file__).resolve().parent.parent
EXAMPLE = ROOT / "saves" / "van-dijk-installatietechniek.toml"
TODAY = dt.date(2026, 11, 22)
"""The example workbook's deadlines are written around this date."""


def _keep_compiled_bytecode() -> None:
    """Every Python process the tests start (the xdist workers, the app in a pseudo-terminal, the CLI, the
    server) imports Textual and the app. Where ``PYTHONDONTWRITEBYTECODE`` is set (as in the project's
    container) nothing compiled is kept, and each of them spends about half a second compiling the same
    sources again. The tests keep the compiled files in .pytest_cache/pycache instead (never beside the
    sources), for every process they start."""
    if not os.environ.get("PYTHONDONTWRITEBYTECODE"):
        return
    prefix = os.environ.setdefault("PYTHONPYCACHEPREFIX", str(ROOT / ".pytest_cache" / "pycache"))
    del os.environ["PYTHONDONTWRITEBYTECODE"]
    sys.dont_write_bytecode = False
    sys.pycache_prefix = prefix


_keep_compiled_bytecode()


SERIAL_GROUP = "serial"
"""The xdist group of every test marked ``serial``: with ``--dist loadgroup`` one worker runs them all, one
after another, while the other workers run everything else."""


@pytest.hookimpl(tryfirst=True)  # before xdist reads the groups
def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    for item in items:
        if item.get_closest_marker("serial") is not None:
            item.add_marker(pytest.mark.xdist_group(SERIAL_GROUP))


@pytest.fixture(autouse=True)
def _own_settings(tmp_path_factory: pytest.TempPathFactory, monkeypatch: pytest.MonkeyPatch) -> None:
    """Every test runs without the developer's own settings and remembers nothing between tests."""
    folder = tmp_path_factory.mktemp("instellingen")
    monkeypatch.setenv("WERKBOEK_CONFIG", str(folder / "instellingen.toml"))
    monkeypatch.setenv("WERKBOEK_STATE", str(folder / "staat.toml"))
    monkeypatch.delenv("NO_COLOR", raising=False)
    from tui.app import WerkboekApp

    monkeypatch.setattr(WerkboekApp, "STRICT_REDRAWS", True)


@pytest.fixture
def content() -> Content:
    return default_content()


@pytest.fixture
def example_text() -> str:
    return EXAMPLE.read_text(encoding="utf-8")


@pytest.fixture
def workbook_file(tmp_path: Path) -> Path:
    """A private copy of the example workbook that a test may change."""
    target = tmp_path / "klant.toml"
    shutil.copyfile(EXAMPLE, target)
    return target


@pytest.fixture
def in_repo_root(monkeypatch: pytest.MonkeyPatch) -> Path:
    """Run from the checkout root, so paths shown on screen are the same everywhere."""
    monkeypatch.chdir(ROOT)
    return ROOT
