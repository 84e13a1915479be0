"""Hostile or broken files get a clear Dutch refusal from ``werkboek check`` and from the app: nothing hangs,
runs out of memory or ends in a traceback, and what ``check`` accepts can also be saved."""

from __future__ import annotations

import asyncio
import os
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path

import pytest
from conftest import EXAMPLE, ROOT, TODAY

from models.content import Content
from models.limits import MAX_DEPTH, MAX_FILE_BYTES
from models.problems import WorkbookError
from models.store import load_workbook, save_workbook
from screens.load_error import LoadErrorScreen
from tui.app import WerkboekApp

Maker = Callable[[Path], Path]


def _text(tmp: Path, name: str, change: Callable[[str], str]) -> Path:
    target = tmp / name
    target.write_text(change(EXAMPLE.read_text(encoding="utf-8")), encoding="utf-8")
    return target


def nested_arrays(depth: int) -> Maker:
    return lambda tmp: _text(tmp, f"diep-{depth}.toml", lambda t: t + f"\nx = {'[' * depth}1{']' * depth}\n")


def nested_tables(depth: int) -> Maker:
    inline = "{a = " * depth + "1" + "}" * depth
    return lambda tmp: _text(
        tmp, f"tabellen-{depth}.toml", lambda t: t.replace("[organisatie]", f"[organisatie]\nx = {inline}", 1)
    )


def symlink_loop(tmp: Path) -> Path:
    (tmp / "a.toml").symlink_to(tmp / "b.toml")
    (tmp / "b.toml").symlink_to(tmp / "a.toml")
    return tmp / "a.toml"


def fifo(tmp: Path) -> Path:
    target = tmp / "pijp.toml"
    os.mkfifo(target)
    return target


def sparse(size: int) -> Maker:
    def make(tmp: Path) -> Path:
        target = tmp / f"groot-{size}.toml"
        with target.open("wb") as handle:
            handle.truncate(size)  # sparse: takes no room on disk, but reading it would
        return target

    return make


def value(old: str, new: str) -> Maker:
    return lambda tmp: _text(tmp, "waarde.toml", lambda t: t.replace(old, new, 1))


def unknown(line: str) -> Maker:
    return lambda tmp: _text(tmp, "onbekend.toml", lambda t: t.replace("[organisatie]", f"[organisatie]\n{line}", 1))


HOSTILE: dict[str, tuple[Maker, str]] = {
    "nested 10,000 deep": (nested_arrays(10_000), "te diep genest"),
    "nested 300 deep": (nested_arrays(300), "te diep genest"),
    "inline tables 300 deep": (nested_tables(300), "te diep genest"),
    f"nested {MAX_DEPTH + 1} deep": (nested_arrays(MAX_DEPTH + 1), "te diep genest"),
    "symlink loop": (symlink_loop, "in een kring"),
    "FIFO": (fifo, "pipe (FIFO), geen gewoon bestand"),
    "8 GB file": (sparse(8 * 1024**3), "te groot (8,6 GB); een werkboek mag hoogstens 128 MB zijn"),
    "just over the limit": (sparse(MAX_FILE_BYTES + 1), "een werkboek mag hoogstens 128 MB zijn"),
    "/dev/zero": (lambda tmp: Path("/dev/zero"), "apparaat, geen gewoon bestand"),
    "2^63 employees": (
        value("medewerkers = 34", "medewerkers = 9223372036854775808"),
        "organisatie.medewerkers: mag hoogstens 9223372036854775807 zijn",
    ),
    "-2^63-1 in an unknown key": (
        unknown("teller = -9223372036854775809"),
        "organisatie.teller: het getal -9223372036854775809 valt buiten wat TOML toestaat",
    ),
    "schema 2^63": (value("schema = 1", "schema = 9223372036854775808"), "schema: mag hoogstens"),
    "inf percentage": (
        value("verzuimpercentage = 6.1", "verzuimpercentage = inf"),
        "organisatie.verzuimpercentage: moet een gewoon getal zijn",
    ),
    "nan percentage": (
        value("verzuimpercentage = 6.1", "verzuimpercentage = nan"),
        "organisatie.verzuimpercentage: moet een gewoon getal zijn",
    ),
    "inf budget": (value('id = "A7"', 'id = "A7"\nbudget = inf'), "budget: moet een gewoon getal zijn"),
    "nan hours": (value('id = "A7"', 'id = "A7"\nuren = -nan'), "uren: moet een gewoon getal zijn"),
    "1e400 hours": (value('id = "A7"', 'id = "A7"\nuren = 1e400'), "uren: moet een gewoon getal zijn"),
}


def run_check(*paths: Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-c", "from cli.main import main; raise SystemExit(main())", "check", *map(str, paths)],
        capture_output=True,
        text=True,
        cwd=ROOT,
        timeout=60,
        check=False,
    )


@pytest.mark.parametrize("case", HOSTILE, ids=list(HOSTILE))
def test_check_refuses_a_hostile_file_in_dutch(tmp_path: Path, case: str) -> None:
    make, message = HOSTILE[case]
    path = make(tmp_path)
    result = run_check(path)  # a FIFO or /dev/zero would hang or eat memory: the timeout guards
    output = result.stdout + result.stderr
    assert result.returncode == 1, output
    assert message in output, output
    assert "Traceback" not in output and "Error" not in output, output
    assert f"{path}:" in result.stdout


@pytest.mark.parametrize("case", HOSTILE, ids=list(HOSTILE))
async def test_the_app_shows_a_hostile_file_as_a_problem(tmp_path: Path, case: str) -> None:
    make, message = HOSTILE[case]
    path = make(tmp_path)
    app = WerkboekApp(path, today=TODAY)

    async def open_it() -> None:
        async with app.run_test(size=(120, 40)) as pilot:
            await pilot.pause()
            assert isinstance(app.screen, LoadErrorScreen)
            shown = str(app.screen.query_one("#load-error-list").render())
            assert message in shown, shown
            await pilot.press("q")

    await asyncio.wait_for(open_it(), timeout=30)


@pytest.mark.parametrize("depth", [MAX_DEPTH - 1, MAX_DEPTH])
def test_what_check_accepts_can_be_saved_and_read_again(tmp_path: Path, content: Content, depth: int) -> None:
    """check and save agree: a value nested as deep as allowed passes check, is saved and reads back."""
    for make in (nested_arrays(depth), nested_tables(depth)):
        path = make(tmp_path)
        result = run_check(path)
        assert result.returncode == 0, result.stdout
        loaded = load_workbook(path, content)
        save_workbook(loaded, loaded.workbook.model_copy(update={"huidige_fase": "kiezen"}), content=content)
        again = load_workbook(path, content)
        assert again.workbook == loaded.workbook.model_copy(update={"huidige_fase": "kiezen"})


def test_the_largest_number_toml_allows_is_kept(tmp_path: Path, content: Content) -> None:
    path = value("medewerkers = 34", "medewerkers = 9223372036854775807")(tmp_path)
    loaded = load_workbook(path, content)
    save_workbook(loaded, loaded.workbook.model_copy(update={"huidige_fase": "kiezen"}), content=content)
    assert load_workbook(path, content).workbook.organisatie.medewerkers == 2**63 - 1


def test_the_size_limit_is_far_above_a_plan_of_50000_actions(content: Content) -> None:
    """Measured: the example's 20 actions repeated to 50,000 make a file of about 56 MB; the limit is
    128 MB. Here 1,000 actions are written and the size per action scaled up."""
    from models.canonical import dumps_workbook

    workbook = load_workbook(EXAMPLE, content).workbook
    actions = [
        workbook.acties[index % len(workbook.acties)].model_copy(update={"id": f"A{index + 1}"})
        for index in range(1000)
    ]
    plan = dumps_workbook(workbook.model_copy(update={"acties": actions}), content).encode("utf-8")
    per_action = len(plan) / 1000
    assert 50_000 * per_action < MAX_FILE_BYTES / 2


def test_check_goes_on_after_a_hostile_file(tmp_path: Path) -> None:
    result = run_check(fifo(tmp_path), EXAMPLE)
    assert result.returncode == 1
    assert f"{EXAMPLE}: in orde" in result.stdout
    assert "2 bestanden gecontroleerd: 1 met fouten" in result.stdout


def test_loading_a_fifo_does_not_wait_for_a_writer(tmp_path: Path, content: Content) -> None:
    with pytest.raises(WorkbookError) as refused:
        load_workbook(fifo(tmp_path), content)
    assert "geen gewoon bestand" in str(refused.value)
