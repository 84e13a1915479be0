"""SVG snapshots of every screen at 80×24 and at a wide size (160×45).

Update after a deliberate change with ``uv run pytest --snapshot-update`` and look at each
changed picture before committing it.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from conftest import TODAY

from tui.app import WerkboekApp

EXAMPLE = Path("saves/van-dijk-installatietechniek.toml")
BROKEN = Path("tests/fixtures/kapot-werkboek.toml")
SIZES = {"80x24": (80, 24), "160x45": (160, 45)}


@pytest.fixture(autouse=True)
def _from_repo_root(in_repo_root: Path) -> None:
    """Paths on screen are shown relative to the current folder: make it the same everywhere."""


@pytest.mark.parametrize("size", SIZES, ids=list(SIZES))
def test_dashboard(snap_compare, size: str) -> None:
    assert snap_compare(WerkboekApp(EXAMPLE, today=TODAY), terminal_size=SIZES[size])


def test_dashboard_scrolled_to_the_end_80x24(snap_compare) -> None:
    assert snap_compare(WerkboekApp(EXAMPLE, today=TODAY), terminal_size=(80, 24), press=["end"])


@pytest.mark.parametrize("size", SIZES, ids=list(SIZES))
def test_load_error(snap_compare, size: str) -> None:
    assert snap_compare(WerkboekApp(BROKEN, today=TODAY), terminal_size=SIZES[size])
