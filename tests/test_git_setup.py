"""``werkboek git-setup`` in a real repository, and what git shows with it: plain ``git diff``,
``git log -p`` and ``git show`` render workbooks through ``werkboek diff --textconv``, other TOML files
keep git's own diff; ``werkboek check`` skips TOML files that are no workbook; the textconv stays light."""

from __future__ import annotations

import io
import os
import shlex
import subprocess
import sys
from pathlib import Path

import pytest
from conftest import EXAMPLE, ROOT
from test_git import AUTHOR, git

from cli.check import main as check_main
from cli.diff import diff_command
from cli.git_setup import git_setup_command, werkboek_command
from models.git_setup import ATTRIBUTES, MERGE_NAME
from models.workbook_sniff import looks_like_workbook
from models.workbook_text import NOT_TOML, RENDERING, textconv

pytestmark = pytest.mark.skipif(
    subprocess.run(["git", "--version"], capture_output=True, check=False).returncode != 0,
    reason="git is niet geïnstalleerd",
)

COMMAND = f"{shlex.quote(sys.executable)} -P -m cli.main"
"""How git starts werkboek in these tests: this Python, which has the project installed."""

PLANNED = 'titel = "PAGO aanbieden via de arbodienst"\nstatus = "gepland"'
DONE = 'titel = "PAGO aanbieden via de arbodienst"\nstatus = "klaar"'
PYPROJECT = '[project]\nname = "iets-anders"\nversion = "0.1.0"\n\n[tool.ruff]\nline-length = 100\n'


def setup(folder: Path, *args: str) -> tuple[int, str, str]:
    out, err = io.StringIO(), io.StringIO()
    code = git_setup_command([*args, str(folder)], out, err, command=COMMAND)
    return code, out.getvalue(), err.getvalue()


def config(repo: Path) -> dict[str, str]:
    listed = git(repo, "config", "--local", "--list").splitlines()
    return dict(line.split("=", 1) for line in listed if "werkboek" in line.split("=", 1)[0])


@pytest.fixture
def repo(tmp_path: Path) -> Path:
    folder = tmp_path / "klanten"
    folder.mkdir()
    git(folder, "init", "-q", "-b", "main")
    return folder


def test_git_setup_writes_the_drivers_and_the_attributes_once(repo: Path) -> None:
    code, out, err = setup(repo)
    assert (code, err) == (0, "")
    textconv_command = f"{COMMAND} diff --textconv --weergave={RENDERING}"
    assert config(repo) == {
        "diff.werkboek.textconv": textconv_command,
        "diff.werkboek.cachetextconv": "true",
        "merge.werkboek.name": MERGE_NAME,
        "merge.werkboek.driver": f"{COMMAND} merge %O %A %B %P",
    }
    attributes = (repo / ".gitattributes").read_text(encoding="utf-8")
    assert attributes.splitlines()[-1] == ATTRIBUTES == "*.toml diff=werkboek merge=werkboek"
    assert out.splitlines() == [
        f"Ingesteld in {repo}:",
        f"  git config diff.werkboek.textconv = {textconv_command}",
        "  git config diff.werkboek.cachetextconv = true",
        f"  git config merge.werkboek.name = {MERGE_NAME}",
        f"  git config merge.werkboek.driver = {COMMAND} merge %O %A %B %P",
        f"  .gitattributes aangemaakt met '{ATTRIBUTES}'",
        "  .git/info/exclude: '.*.toml.lock' toegevoegd (slotbestanden niet in git status)",
        "git diff, git log -p en git show tonen werkboeken nu per onderwerp (andere TOML-bestanden zoals altijd), "
        "en git merge voegt werkboeken samen met werkboek merge.",
        "Leg .gitattributes vast (git add .gitattributes, git commit) zodat collega's dezelfde regels krijgen; "
        "zij draaien elk zelf ook eenmaal werkboek git-setup.",
    ]
    assert git(repo, "check-attr", "diff", "merge", "--", "sub/klant.toml") == (
        "sub/klant.toml: diff: werkboek\nsub/klant.toml: merge: werkboek\n"
    )
    (repo / ".klant.toml.lock").write_bytes(b"")  # left beside a workbook by a save
    assert git(repo, "status", "--porcelain", "--untracked-files=all") == "?? .gitattributes\n"
    before = (config(repo), attributes, (repo / ".git" / "info" / "exclude").read_text(encoding="utf-8"))
    (repo / "sub").mkdir()
    code, out, err = setup(repo / "sub")  # again, from a folder inside the repository
    assert (code, out, err) == (0, f"Alles stond al goed in {repo}; er is niets veranderd.\n", "")
    exclude = (repo / ".git" / "info" / "exclude").read_text(encoding="utf-8")
    assert (config(repo), (repo / ".gitattributes").read_text(encoding="utf-8"), exclude) == before


def test_git_setup_takes_over_the_manual_setup_and_keeps_other_attributes(repo: Path) -> None:
    (repo / ".gitattributes").write_text("*.png binary\n*.toml diff=werkboek\n*.md text\n", encoding="utf-8")
    git(repo, "config", "diff.werkboek.command", "werkboek diff --git")
    git(repo, "config", "diff.werkboek.textconv", "oud-programma diff --textconv")
    code, out, _ = setup(repo)
    assert code == 0
    assert (repo / ".gitattributes").read_text(encoding="utf-8") == f"*.png binary\n{ATTRIBUTES}\n*.md text\n"
    assert "diff.werkboek.command" not in config(repo)
    assert "(was: oud-programma diff --textconv)" in out
    assert (
        "  git config diff.werkboek.command weggehaald (was: werkboek diff --git): git diff toont nu dezelfde "
        "weergave als git log -p en git show"
    ) in out.splitlines()
    assert f"  .gitattributes: '*.toml diff=werkboek' vervangen door '{ATTRIBUTES}'" in out.splitlines()
    assert setup(repo)[1].startswith("Alles stond al goed")


def test_git_setup_appends_to_an_existing_attributes_file(repo: Path) -> None:
    (repo / ".gitattributes").write_text("*.png binary", encoding="utf-8")  # no newline at the end
    assert setup(repo)[0] == 0
    lines = (repo / ".gitattributes").read_text(encoding="utf-8").splitlines()
    assert lines[0] == "*.png binary" and lines[-1] == ATTRIBUTES and lines[1] == ""


def test_git_setup_warns_when_another_rule_wins(repo: Path) -> None:
    (repo / ".git" / "info").mkdir(exist_ok=True)
    (repo / ".git" / "info" / "attributes").write_text("*.toml -diff\n", encoding="utf-8")
    code, _, err = setup(repo)
    assert code == 0 and err.startswith("Let op: git ziet voor .toml-bestanden nog diff=unset")


def test_git_setup_outside_a_repository_says_so(tmp_path: Path) -> None:
    folder = tmp_path / "los"
    folder.mkdir()
    environment = {**os.environ, "GIT_CEILING_DIRECTORIES": str(tmp_path)}
    result = subprocess.run(
        [sys.executable, "-m", "cli.main", "git-setup", str(folder)],
        cwd=ROOT,
        env=environment,
        capture_output=True,
        text=True,
        check=False,
    )
    assert result.returncode == 1 and result.stdout == ""
    assert result.stderr == (
        f"werkboek git-setup: {folder}: deze map staat niet in een git-repository\n"
        "Maak er een repository van met 'git init', of geef de map van je werkboeken op.\n"
    )
    code, _, err = setup(tmp_path / "bestaat-niet")
    assert code == 1 and err == f"werkboek git-setup: {tmp_path / 'bestaat-niet'}: die map bestaat niet\n"


def test_the_command_git_runs_is_an_absolute_path(tmp_path: Path) -> None:
    script = tmp_path / "bin" / "werkboek"
    script.parent.mkdir()
    script.write_text("#!/bin/sh\n", encoding="utf-8")
    script.chmod(0o755)
    assert werkboek_command(str(script)) == shlex.quote(str(script))
    assert werkboek_command("/usr/lib/python3/pytest") == COMMAND  # not the script: this Python itself
    spaced = tmp_path / "met spatie" / "werkboek"
    spaced.parent.mkdir()
    spaced.write_text("#!/bin/sh\n", encoding="utf-8")
    spaced.chmod(0o755)
    assert werkboek_command(str(spaced)) == f"'{spaced}'"


def run_git(repo: Path, *args: str) -> str:
    """git as a consultant runs it: plain, with colour and pager off."""
    environment = {**os.environ, **AUTHOR, "GIT_PAGER": "cat", "PAGER": "cat"}
    environment.pop("GIT_DIR", None)
    result = subprocess.run(
        ["git", "-c", "color.ui=never", *args], cwd=repo, env=environment, capture_output=True, text=True, check=True
    )
    return result.stdout


@pytest.fixture
def set_up_repo(repo: Path) -> Path:
    """A repository after git-setup, with the example workbook and a TOML file that is no workbook."""
    assert setup(repo)[0] == 0
    (repo / "klant.toml").write_text(EXAMPLE.read_text(encoding="utf-8"), encoding="utf-8")
    (repo / "pyproject.toml").write_text(PYPROJECT, encoding="utf-8")
    git(repo, "add", ".gitattributes", "klant.toml", "pyproject.toml")
    git(repo, "commit", "-q", "-m", "Nulmeting")
    return repo


SEMANTIC = ["-  status: gepland", "+  status: klaar"]


def _hunk(output: str) -> list[str]:
    return [line for line in output.splitlines() if line.startswith(("-  ", "+  "))]


def test_plain_git_diff_log_and_show_show_the_workbook_by_meaning(set_up_repo: Path) -> None:
    repo = set_up_repo
    path = repo / "klant.toml"
    path.write_text(path.read_text(encoding="utf-8").replace(PLANNED, DONE), encoding="utf-8")
    diff = run_git(repo, "diff")
    assert _hunk(diff) == SEMANTIC
    assert "Actie A4 PAGO aanbieden via de arbodienst" in diff  # the action, as context or hunk header
    assert 'status = "' not in diff  # not the TOML lines
    git(repo, "commit", "-q", "-am", "PAGO gepland")
    for command in (["log", "-p", "-1"], ["show"], ["show", "HEAD", "--", "klant.toml"]):
        output = run_git(repo, *command)
        assert _hunk(output) == SEMANTIC, command
        assert "Actie A4 PAGO aanbieden via de arbodienst" in output, command
    # the hunk header names the action also when the change is further down than the context
    path.write_text(path.read_text(encoding="utf-8").replace("uren = 10\n", "uren = 11\n", 1), encoding="utf-8")
    diff = run_git(repo, "diff")
    assert _hunk(diff) == ["-  uren: 10 uur", "+  uren: 11 uur"]
    assert any(line.startswith("@@ ") and " @@ Actie A" in line for line in diff.splitlines())


def test_a_layout_only_change_shows_no_lines(set_up_repo: Path) -> None:
    repo = set_up_repo
    path = repo / "klant.toml"
    text = path.read_text(encoding="utf-8")
    relaid = text.replace('status = "gepland"', 'status   =   "gepland"   # nog niet begonnen')
    path.write_text(relaid, encoding="utf-8")
    assert run_git(repo, "diff", "--no-textconv").count("\n-status") > 0
    assert _hunk(run_git(repo, "diff")) == []


def test_a_toml_file_that_is_no_workbook_keeps_gits_own_diff(set_up_repo: Path) -> None:
    repo = set_up_repo
    (repo / "pyproject.toml").write_text(PYPROJECT.replace("iets-anders", "nog-iets"), encoding="utf-8")
    diff = run_git(repo, "diff", "pyproject.toml")
    assert '-name = "iets-anders"\n+name = "nog-iets"\n' in diff
    assert diff == run_git(repo, "diff", "--no-textconv", "pyproject.toml")
    git(repo, "commit", "-q", "-am", "Naam")
    assert '-name = "iets-anders"\n+name = "nog-iets"\n' in run_git(repo, "show")
    assert '-name = "iets-anders"\n+name = "nog-iets"\n' in run_git(repo, "log", "-p", "-1")


def test_the_textconv_renders_workbooks_and_passes_other_files_unchanged(tmp_path: Path) -> None:
    data = EXAMPLE.read_bytes()
    rendered = textconv(data).decode("utf-8")
    assert rendered.startswith("Werkboek\n  schema: 1\n\nProfiel\n  naam: Van Dijk Installatietechniek B.V.\n")
    assert "\nActie A4 PAGO aanbieden via de arbodienst\n  status: gepland\n" in rendered
    assert "  budget: € 300\n" in rendered and "  afgevinkt: rie-actueel\n" in rendered
    # the same workbook in another order and layout renders the same
    text = data.decode("utf-8")
    head, *actions = text.split("[[acties]]")
    reordered = head + "[[acties]]" + "[[acties]]".join(reversed(actions)).replace(" = ", "=")
    assert textconv(reordered.encode("utf-8")).decode("utf-8") == rendered
    assert textconv(PYPROJECT.encode("utf-8")) == PYPROJECT.encode("utf-8")
    assert textconv(b"\xff\xfe binary") == b"\xff\xfe binary"
    broken = b"schema = 1\n[organisatie]\nnaam = \n"
    assert textconv(broken) == NOT_TOML.encode("utf-8") + broken
    escape = text.replace("Van Dijk Installatietechniek B.V.", "Van Dijk\\u001b[2J", 1).encode("utf-8")
    assert "naam: Van Dijk␛[2J" in textconv(escape).decode("utf-8")
    path = tmp_path / "klant.toml"
    path.write_bytes(data)
    out = io.StringIO()
    assert diff_command(["--textconv", "--weergave=1", str(path)], out, io.StringIO()) == 0
    assert out.getvalue() == rendered


def test_the_textconv_loads_no_content_library_nor_validation() -> None:
    code = (
        "import contextlib, io, sys\n"
        "from cli.main import main\n"
        "with contextlib.redirect_stdout(io.StringIO()) as out:\n"
        f"    assert main(['diff', '--textconv', {str(EXAMPLE)!r}]) == 0\n"
        "assert 'Actie A4' in out.getvalue()\n"
        "loaded = sorted(m for m in sys.modules if m.split('.')[0] in {'textual', 'rich', 'tomlkit'}\n"
        "    or m in {'models.content', 'models.library', 'models.store', 'models.workbook', 'models.diff',\n"
        "             'models.schema'})\n"
        "print(loaded)"
    )
    result = subprocess.run([sys.executable, "-c", code], cwd=ROOT, capture_output=True, text=True, check=True)
    assert result.stdout.strip().splitlines()[-1] == "[]"


def test_the_external_driver_gives_a_line_diff_for_other_toml(tmp_path: Path) -> None:
    old, new = tmp_path / "oud.toml", tmp_path / "nieuw.toml"
    old.write_text(PYPROJECT, encoding="utf-8")
    new.write_text(PYPROJECT.replace("iets-anders", "nog-iets"), encoding="utf-8")
    out = io.StringIO()
    args = ["--git", "pyproject.toml", str(old), "0" * 7, "100644", str(new), "1" * 7, "100644"]
    assert diff_command(args, out, io.StringIO()) == 0
    assert out.getvalue().startswith("diff --git a/pyproject.toml b/pyproject.toml\n--- a/pyproject.toml\n")
    assert '-name = "iets-anders"\n+name = "nog-iets"\n' in out.getvalue()


def check(*paths: Path, capsys: pytest.CaptureFixture[str]) -> tuple[int, str]:
    code = check_main([str(path) for path in paths])
    return code, capsys.readouterr().out


def test_check_skips_toml_files_that_are_no_workbook(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    other = tmp_path / "pyproject.toml"
    other.write_text(PYPROJECT, encoding="utf-8")
    settings = tmp_path / "taplo.toml"
    settings.write_text('schema = "https://example.org/schema.json"\n[formatting]\nalign_entries = true\n')
    skipped = "geen werkboek (geen [organisatie] en geen schema = …), overgeslagen"
    assert check(other, settings, capsys=capsys) == (
        0,
        f"{other}: {skipped}\n{settings}: {skipped}\nGeen werkboeken om te controleren.\n",
    )
    code, out = check(other, EXAMPLE, capsys=capsys)
    assert code == 0 and out.startswith(f"{other}: {skipped}\n{EXAMPLE}: in orde, 20 acties\n")


def test_check_still_refuses_a_broken_workbook(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    broken = tmp_path / "klant.toml"
    broken.write_text(EXAMPLE.read_text(encoding="utf-8").replace('naam = "Van Dijk', "naam = Van Dijk", 1))
    no_schema = tmp_path / "zonder-schema.toml"
    no_schema.write_text("[organisatie]\nnaam = 3\n", encoding="utf-8")
    only_schema = tmp_path / "half.toml"
    only_schema.write_text("schema = 1\n[organisatie\n", encoding="utf-8")
    for path in (broken, no_schema, only_schema):
        code, out = check(path, capsys=capsys)
        assert code == 1 and "overgeslagen" not in out, (path, out)
    empty = tmp_path / "leeg.toml"
    empty.write_text("\n", encoding="utf-8")
    for path in (tmp_path / "weg.toml", empty):  # missing or emptied: said, not skipped
        code, out = check(path, capsys=capsys)
        assert code == 1 and "overgeslagen" not in out, (path, out)


@pytest.mark.parametrize(
    ("text", "is_workbook"),
    [
        (EXAMPLE.read_text(encoding="utf-8"), True),
        ("schema = 1\n", True),
        ("\ufeff  schema=2 # nieuwer\n", True),
        ('"schema" = 1\n[x]\n', True),
        ("[ organisatie ]  # de klant\nnaam = 'x'\n", True),
        ('organisatie = { naam = "x" }\n', True),
        ('organisatie.naam = "x"\n', True),
        ("<<<<<<< HEAD\nschema = 1\n=======\n", True),
        (PYPROJECT, False),
        ('schema = "https://example.org"\n', False),
        ("[tool]\nschema = 1\n", False),  # not at the top level
        ("[organisatie.adres]\nstraat = 'x'\n", False),
        ('notitie = """\n[organisatie]\nschema = 1\n"""\n', False),  # inside a text
        ("", False),
    ],
)
def test_a_workbook_is_recognised_by_its_content(text: str, is_workbook: bool) -> None:
    assert looks_like_workbook(text) is is_workbook


def test_the_pre_commit_hook_passes_every_toml_file() -> None:
    hooks = (ROOT / ".pre-commit-hooks.yaml").read_text(encoding="utf-8")
    assert "entry: werkboek check" in hooks and "files: \\.toml$" in hooks and "exclude" not in hooks
