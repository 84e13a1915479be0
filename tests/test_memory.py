"""Bounded memory: switching workbooks leaves nothing of the previous one frozen, and the cache of
rendered action blocks follows the plans in memory instead of clearing itself at a fixed size."""

from __future__ import annotations

import gc
from pathlib import Path

import pytest

from bench.memory import measure
from bench.run import generated_workbook
from models import canonical
from models.content import Content
from models.plan import with_action
from models.store import LoadedWorkbook, load_workbook, save_workbook


def test_twenty_switches_keep_the_frozen_objects_flat(tmp_path: Path) -> None:
    samples = measure(tmp_path, switches=20, actions=400)
    # The first switches import screens and fill Textual's caches; from then on a switch to the same
    # workbook must freeze as many objects as the time before. Before the fix each pair of switches
    # froze some 60,000 objects more.
    # Warming up ends at no fixed switch (the preload timer, the first git lookups and lazily imported screens
    # land when they land), so the count starts at the eighth switch: a leak of even 1% per pair still shows.
    settled = [s.frozen for s in samples[8::2]]  # the example workbook, from the eighth switch on
    large = [s.frozen for s in samples[9::2]]  # the generated one
    for counts in (settled, large):
        assert max(counts) - counts[0] < 0.05 * counts[0], counts
        assert counts[-1] - counts[0] < 0.03 * counts[0], counts
    # The workbooks closed before the last switch are gone, and with them their cached blocks. (The cache's size says
    # little here: other tests in the same process leave blocks of their own, freed when they are.)
    assert samples[-1].opened is not None and samples[-1].opened() is not None  # the open one is seen
    # The ones closed by the last two switches may still be held by their screens on their way out: a load
    # freezes what is alive at that moment (core/store.py), and on a busy machine (three test workers on two
    # cores) removing the old screens can take two switches; the load after that frees them.
    alive = [s.switch for s in samples[:-3] if s.opened is not None and s.opened() is not None]
    assert alive == [], f"workbooks still in memory after being closed, opened at switches {alive}"


def test_saving_a_50000_action_plan_after_one_edit_renders_only_that_action(
    tmp_path: Path, content: Content, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = tmp_path / "groot.toml"
    seed = LoadedWorkbook(path=path, workbook=generated_workbook(50_000, 50), digest=None)
    save_workbook(seed, seed.workbook, content=content)  # renders every block once
    loaded = load_workbook(path, content)
    canonical.dumps_workbook(loaded.workbook, content)  # as the app does once a workbook is open
    assert len(canonical._RENDERED) >= 50_000

    rendered: list[str] = []
    render = canonical.render_array_item

    def counted(name: str, table: dict[str, object]) -> canonical.RenderedItem:
        rendered.append(str(table.get("id")))
        return render(name, table)

    monkeypatch.setattr(canonical, "render_array_item", counted)
    edited = loaded.workbook.acties[31_337].model_copy(update={"titel": "Eén actie anders"})
    save_workbook(loaded, with_action(loaded.workbook, edited), content=content)
    assert rendered == [edited.id]
    assert 'titel = "Eén actie anders"' in path.read_text(encoding="utf-8")


def test_blocks_of_a_workbook_no_longer_in_memory_are_forgotten(content: Content) -> None:
    workbook = generated_workbook(300, 3)
    before = len(canonical._RENDERED)
    canonical.dumps_workbook(workbook, content)
    assert len(canonical._RENDERED) == before + 300
    del workbook
    gc.collect()
    assert len(canonical._RENDERED) == before
