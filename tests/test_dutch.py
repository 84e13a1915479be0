"""Dutch everywhere: no English from Textual on any screen, argparse in Dutch, git's errors in Dutch."""

from __future__ import annotations

import io
import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from conftest import EXAMPLE, ROOT, TODAY
from rich.console import Console
from textual.command import CommandPalette
from textual.widgets import Select, SelectionList, TextArea
from textual.widgets._select import SelectOverlay
from waiting import until

from cli.diff import diff_command
from cli.dutch_argparse import _MESSAGES, dutch_message
from models.content import Content
from models.file_history import versions
from models.formatting import aantal
from models.git import GitError, file_at, git_error
from screens.action_form import ActionFormScreen
from screens.help import HelpScreen
from screens.portfolio import PortfolioScreen
from tui.app import WerkboekApp
from tui.dutch_textual import DESCRIPTIONS, NO_MATCHES, DutchCommandPalette

ENGLISH = re.compile(
    r"\b(usage|options|arguments|required|invalid|choice|error|Error|Dismiss|matches|found|Search|Cancel|Quit|"
    r"Save|Delete|Loading|Select|Toggle|Submit|Copy|Paste|Undo|Redo|Exit|Show|Next|Previous|Close|Scroll|"
    r"Focus|Press|palette|command|commands|the|menu)\b"
)
"""English words Textual or argparse could show; whole words and case-sensitive, so Dutch never matches."""


def screen_text(app: WerkboekApp) -> str:
    """The text on the terminal as the user sees it: the screen, what shows of the screens under it, the footer."""
    width, height = app.size
    console = Console(width=width, height=height, file=io.StringIO(), record=True, legacy_windows=False)
    console.print(app.screen._compositor.render_update(full=True, screen_stack=app._background_screens))
    return console.export_text()


def english_on(text: str) -> list[str]:
    return sorted(set(ENGLISH.findall(text)))


# -- the app --------------------------------------------------------------------------------------


async def test_every_screen_at_80x24_speaks_dutch(workbook_file: Path) -> None:
    app = WerkboekApp(workbook_file, today=TODAY)
    seen: dict[str, str] = {}

    async def look(name: str) -> None:
        await pilot.pause()
        seen[name] = screen_text(app)

    async with app.run_test(size=(80, 24)) as pilot:
        for key in "12345678":
            await pilot.press(key)
            await look(f"scherm {key}")
            await pilot.press("f1")  # on Bibliotheek "?" would be typed into the search
            assert isinstance(app.screen, HelpScreen)
            await look(f"hulp bij scherm {key}")
            await pilot.press("escape")
            if key == "5":
                app.set_focus(None)  # Bibliotheek's search field would take the next key
        await pilot.press("1", "w")  # Werkboeken, from the dashboard
        await pilot.pause()
        assert isinstance(app.screen, PortfolioScreen)
        await look("Werkboeken")
        await pilot.press("escape", "4", "ctrl+p")
        assert isinstance(app.screen, DutchCommandPalette)
        await look("palet")
        await pilot.press(*"xyzqq")
        # the palette says it found nothing only after half a second
        await until(lambda: NO_MATCHES in screen_text(app), "the palette says it found nothing", pilot=pilot)
        await look("palet zonder treffers")
        assert NO_MATCHES in seen["palet zonder treffers"]
        await pilot.press("escape")
        await pilot.pause()
        await pilot.press("n")
        await pilot.pause()
        assert isinstance(app.screen, ActionFormScreen)
        await look("actieformulier")
        for _ in range(10):  # through the fields (a Select, the factors, text), looking at each footer
            await pilot.press("tab")
            await look(f"actieformulier, focus op {type(app.focused).__name__}")
            if isinstance(app.focused, Select) and "overlay" not in seen:
                await pilot.press("enter")
                assert isinstance(app.focused, SelectOverlay)
                await look("overlay")
                assert "Menu sluiten" in seen["overlay"]
                await pilot.press("escape")
        assert "overlay" in seen and len([name for name in seen if "focus op" in name]) >= 3
        await pilot.press("escape")
        await pilot.press("5")
        app.screen.query(Select).first().focus()
        await pilot.press("enter")
        assert isinstance(app.focused, SelectOverlay)
        await look("bibliotheekfilter open")
    found = {name: english_on(text) for name, text in seen.items() if english_on(text)}
    assert not found, found


def test_textual_bindings_are_dutch_also_for_widgets_loaded_later() -> None:
    for widget in (SelectOverlay, Select, SelectionList, TextArea, CommandPalette, DutchCommandPalette):
        assert widget._merged_bindings is not None
        for bindings in widget._merged_bindings.key_to_bindings.values():
            for binding in bindings:
                assert binding.description not in DESCRIPTIONS, (widget.__name__, binding.description)
                assert binding.tooltip not in DESCRIPTIONS or not binding.tooltip, (widget.__name__, binding.tooltip)


# -- the command line -----------------------------------------------------------------------------


def werkboek(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "cli.main", *args],
        cwd=ROOT,
        capture_output=True,
        text=True,
        encoding="utf-8",
        check=False,
    )


@pytest.mark.parametrize("command", ["export", "new", "check", "config", "serve", ""])
def test_help_is_dutch(command: str) -> None:
    result = werkboek(*([command] if command else []), "--help")
    assert result.returncode == 0, result.stderr
    assert result.stdout.startswith("gebruik: werkboek")
    assert "toon deze hulp en stop" in result.stdout and "opties:" in result.stdout
    assert not english_on(result.stdout), result.stdout


def test_diff_help_is_dutch() -> None:
    result = werkboek("diff", "--help")
    assert (result.returncode, result.stdout.startswith("gebruik: werkboek diff"), result.stderr) == (0, True, "")


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["export"], "werkboek export: fout: niet opgegeven, maar nodig: bestand"),
        (
            ["export", "x.toml", "--format", "odt"],
            "bij --format/-f: ongeldige keuze 'odt'; kies uit 'html', 'docx', 'pdf', 'xlsx', 'md', 'csv'",
        ),
        (["export", "x.toml", "-o"], "werkboek export: fout: bij -o/--uit: hier hoort een waarde achter"),
        (["check", "x.toml", "--zzz"], "werkboek check: fout: niet herkend: --zzz"),
        (["new"], "werkboek new: fout: niet opgegeven, maar nodig: naam"),
        (["serve", "--port", "abc"], "werkboek serve: fout: bij --port: 'abc' is geen geheel getal"),
        (["diff"], "werkboek diff: fout: geef twee bestanden"),
    ],
)
def test_argument_errors_are_dutch_on_stderr_with_status_2(args: list[str], message: str) -> None:
    result = werkboek(*args)
    assert result.returncode == 2
    assert result.stdout == ""
    assert message in result.stderr
    assert result.stderr.startswith("gebruik: ")
    assert not english_on(result.stderr), result.stderr


def test_every_argparse_message_has_dutch() -> None:
    for english, dutch in _MESSAGES:
        assert english != dutch and not english_on(re.sub(r"\{\w+\}", "", dutch))
    assert dutch_message("argument --x: expected 2 arguments") == "bij --x: hier horen 2 waarden achter"
    assert dutch_message("ambiguous option: --f could match --format, --foo") == (
        "--f is niet eenduidig: bedoel je --format, --foo?"
    )
    assert dutch_message("iets anders") == "iets anders"


def test_one_is_singular() -> None:
    assert [aantal(n, "actie", "acties") for n in (0, 1, 2)] == ["0 acties", "1 actie", "2 acties"]


def test_counts_of_one_in_reports_and_summaries(workbook_file: Path) -> None:
    text = workbook_file.read_text(encoding="utf-8")
    first, rest = text.split("[[acties]]", 1)
    one_action = first + "[[acties]]" + rest.split("[[acties]]", 1)[0]
    workbook_file.write_text(one_action, encoding="utf-8")
    check = werkboek("check", str(workbook_file))
    assert check.returncode == 0 and f"{workbook_file}: in orde, 1 actie" in check.stdout
    export = werkboek("export", str(workbook_file), "--format", "md", "-o", "-")
    assert "1 actie (" in export.stdout and "1 acties" not in export.stdout


# -- git ------------------------------------------------------------------------------------------

needs_git = pytest.mark.skipif(shutil.which("git") is None, reason="git is niet geïnstalleerd")


def git(repo: Path, *args: str) -> None:
    environment = {
        **os.environ,
        "GIT_AUTHOR_NAME": "Sanne de Boer",
        "GIT_AUTHOR_EMAIL": "sanne@example.nl",
        "GIT_COMMITTER_NAME": "Sanne de Boer",
        "GIT_COMMITTER_EMAIL": "sanne@example.nl",
    }
    environment.pop("GIT_DIR", None)
    subprocess.run(["git", *args], cwd=repo, env=environment, capture_output=True, check=True)


@pytest.mark.parametrize(
    ("stderr", "dutch"),
    [
        ("fatal: not a git repository (or any of the parent directories): .git", "niet in een git-repository"),
        ("fatal: invalid object name 'nergens'.", "die versie bestaat niet"),
        ("fatal: bad revision 'nergens'", "die versie bestaat niet"),
        ("fatal: path 'b.toml' does not exist in 'HEAD'", "het bestand bestond niet in die versie"),
        ("fatal: path 'b.toml' exists on disk, but not in 'HEAD'", "het bestand bestond niet in die versie"),
        ("fatal: your current branch 'main' does not have any commits yet", "nog niets vastgelegd"),
        ("fatal: detected dubious ownership in repository at '/x'", "git vertrouwt deze repository niet"),
        ("fatal: iets nieuws", "git show is mislukt"),
    ],
)
def test_git_errors_in_dutch_with_gits_words_after(stderr: str, dutch: str) -> None:
    error = git_error("show", f"hint: iets\n{stderr}\n")
    assert dutch in error.reason and error.detail == stderr
    assert str(error) == f"{error.reason} (git: {stderr})"


@needs_git
def test_diff_against_an_unknown_revision_says_so_in_dutch(tmp_path: Path) -> None:
    git(tmp_path, "init", "-q", "-b", "main")
    path = tmp_path / "klant.toml"
    shutil.copyfile(EXAMPLE, path)
    git(tmp_path, "add", "klant.toml")
    git(tmp_path, "commit", "-q", "-m", "een")
    result = werkboek("diff", str(path), "nergens")
    assert result.returncode == 2
    assert result.stderr.startswith(
        "klant.toml bestaat niet in versie nergens: er is geen commit, tak of tag met die naam (git: fatal: "
    )


@needs_git
def test_a_file_never_committed_and_a_repository_without_commits(tmp_path: Path, content: Content) -> None:
    git(tmp_path, "init", "-q", "-b", "main")
    path = tmp_path / "klant.toml"
    shutil.copyfile(EXAMPLE, path)
    with pytest.raises(GitError, match=r"^klant.toml is nog nooit vastgelegd in git .* \(git: fatal: "):
        file_at(path, "HEAD")
    err = io.StringIO()
    assert diff_command([str(path)], io.StringIO(), err) == 2
    assert "nog nooit vastgelegd" in err.getvalue()
    assert list(versions(path, content)) == []


def test_outside_a_repository(tmp_path: Path) -> None:
    path = tmp_path / "los" / "klant.toml"
    path.parent.mkdir()
    shutil.copyfile(EXAMPLE, path)
    err = io.StringIO()
    assert diff_command([str(path)], io.StringIO(), err) == 2
    assert err.getvalue() == f"{path} staat niet in een git-repository\n"
