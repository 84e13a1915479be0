"""A workbook's history in a real git repository: log (through a rename), text at a revision,
``werkboek diff FILE REV``, the versions with their changes, and git's external diff driver."""

from __future__ import annotations

import io
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from conftest import EXAMPLE, ROOT

from cli.diff import diff_command
from models.content import Content
from models.file_history import versions
from models.git import GitError, file_at, file_history, repository_root

pytestmark = pytest.mark.skipif(shutil.which("git") is None, reason="git is niet geïnstalleerd")

AUTHOR = {
    "GIT_AUTHOR_NAME": "Sanne de Boer",
    "GIT_AUTHOR_EMAIL": "sanne@example.nl",
    "GIT_COMMITTER_NAME": "Sanne de Boer",
    "GIT_COMMITTER_EMAIL": "sanne@example.nl",
}


def git(repo: Path, *args: str, date: str = "2026-03-10T16:00:00+01:00") -> str:
    environment = {**os.environ, **AUTHOR, "GIT_AUTHOR_DATE": date, "GIT_COMMITTER_DATE": date}
    environment.pop("GIT_DIR", None)
    result = subprocess.run(["git", *args], cwd=repo, env=environment, capture_output=True, text=True, check=True)
    return result.stdout


def make_repository(folder: Path) -> Path:
    """Three commits of one client's workbook; the last one renames the file."""
    folder.mkdir()
    git(folder, "init", "-q", "-b", "main")
    text = EXAMPLE.read_text(encoding="utf-8")
    (folder / "klant.toml").write_text(text, encoding="utf-8")
    git(folder, "add", "klant.toml")
    git(folder, "commit", "-q", "-m", "Nulmeting en eerste plan")
    (folder / "klant.toml").write_text(text.replace("medewerkers = 34", "medewerkers = 36"), encoding="utf-8")
    git(folder, "commit", "-q", "-am", "Twee nieuwe monteurs", date="2026-06-04T12:00:00+02:00")
    git(folder, "mv", "klant.toml", "van-dijk.toml")
    renamed = (folder / "van-dijk.toml").read_text(encoding="utf-8")
    (folder / "van-dijk.toml").write_text(renamed.replace('status = "ontbreekt"', 'status = "aanwezig"', 1))
    git(folder, "commit", "-q", "-am", "Hernoemd; PAGO geregeld", date="2026-10-06T15:30:00+02:00")
    return folder / "van-dijk.toml"


@pytest.fixture
def repository_file(tmp_path: Path) -> Path:
    return make_repository(tmp_path / "klanten")


def test_the_log_follows_the_file_through_a_rename(repository_file: Path) -> None:
    commits = file_history(repository_file)
    assert [(c.message, c.author, c.path) for c in commits] == [
        ("Hernoemd; PAGO geregeld", "Sanne de Boer", "van-dijk.toml"),
        ("Twee nieuwe monteurs", "Sanne de Boer", "klant.toml"),
        ("Nulmeting en eerste plan", "Sanne de Boer", "klant.toml"),
    ]
    assert commits[0].when.isoformat() == "2026-10-06T15:30:00+02:00"


def test_text_at_a_revision_also_before_a_rename(repository_file: Path) -> None:
    assert "medewerkers = 36" in file_at(repository_file, "HEAD")
    before_rename = file_at(repository_file, "HEAD~1")  # then still called klant.toml
    assert "medewerkers = 36" in before_rename and 'status = "ontbreekt"' in before_rename
    assert "medewerkers = 34" in file_at(repository_file, "HEAD~2")
    with pytest.raises(GitError, match="bestaat niet in versie nergens"):
        file_at(repository_file, "nergens")


def test_diff_against_a_revision_before_the_rename(repository_file: Path) -> None:
    out = io.StringIO()
    assert diff_command([str(repository_file), "HEAD~2"], out, io.StringIO()) == 1
    assert out.getvalue() == (
        "Profiel\n  medewerkers 34 → 36\n"
        "Wettelijk minimum\n  PAGO aanbieden: status ontbreekt → aanwezig\n"
        "2 wijzigingen.\n"
    )


def test_diff_against_head_and_older_revisions(repository_file: Path) -> None:
    out, err = io.StringIO(), io.StringIO()
    assert diff_command([str(repository_file)], out, err) == 0
    assert out.getvalue() == "Geen inhoudelijke verschillen.\n"
    repository_file.write_text(repository_file.read_text().replace("medewerkers = 36", "medewerkers = 37"))
    out = io.StringIO()
    assert diff_command([str(repository_file)], out, err) == 1
    assert out.getvalue() == "Profiel\n  medewerkers 36 → 37\n1 wijziging.\n"
    first = file_history(repository_file)[-1].sha
    # An older revision by its sha: the file was then called klant.toml, so compare through git show
    old = repository_file.parent / "oud.toml"
    old.write_text(file_at(repository_file.parent / "klant.toml", first), encoding="utf-8")
    out = io.StringIO()
    assert diff_command([str(old), str(repository_file)], out, err) == 1
    assert out.getvalue() == (
        "Profiel\n  medewerkers 34 → 37\n"
        "Wettelijk minimum\n  PAGO aanbieden: status ontbreekt → aanwezig\n"
        "2 wijzigingen.\n"
    )


def test_diff_against_a_revision_by_name(tmp_path: Path) -> None:
    folder = tmp_path / "repo"
    folder.mkdir()
    git(folder, "init", "-q", "-b", "main")
    path = folder / "klant.toml"
    text = EXAMPLE.read_text(encoding="utf-8")
    path.write_text(text, encoding="utf-8")
    git(folder, "add", "klant.toml")
    git(folder, "commit", "-q", "-m", "een")
    path.write_text(text.replace("medewerkers = 34", "medewerkers = 35"), encoding="utf-8")
    git(folder, "commit", "-q", "-am", "twee")
    out, err = io.StringIO(), io.StringIO()
    assert diff_command([str(path), "HEAD~1"], out, err) == 1
    assert out.getvalue() == "Profiel\n  medewerkers 34 → 35\n1 wijziging.\n"
    assert diff_command([str(path), "nergens"], io.StringIO(), err) == 2
    assert "bestaat niet in versie nergens" in err.getvalue()


def test_versions_with_what_each_changed(repository_file: Path, content: Content) -> None:
    found = list(versions(repository_file, content))
    assert [v.commit.message if v.commit else None for v in found] == [
        "Hernoemd; PAGO geregeld",
        "Twee nieuwe monteurs",
        "Nulmeting en eerste plan",
    ]
    assert [[line.text for line in v.changes or []] for v in found] == [
        ["PAGO aanbieden: status ontbreekt → aanwezig"],
        ["medewerkers 34 → 36"],
        [],
    ]
    assert found[-1].changes is None  # the first version: nothing before it


def test_uncommitted_changes_come_first(repository_file: Path, content: Content) -> None:
    from models.store import load_workbook

    repository_file.write_text(repository_file.read_text().replace("medewerkers = 36", "medewerkers = 40"))
    now = load_workbook(repository_file, content).workbook
    first = next(iter(versions(repository_file, content, now)))
    assert first.commit is None and [line.text for line in first.changes or []] == ["medewerkers 36 → 40"]


def test_outside_a_repository_there_is_no_history(tmp_path: Path, content: Content) -> None:
    path = tmp_path / "los.toml"
    shutil.copyfile(EXAMPLE, path)
    if repository_root(path) is not None:
        pytest.skip("de tijdelijke map ligt zelf in een git-repository")
    assert file_history(path) == [] and list(versions(path, content)) == []


def test_git_diff_shows_the_summary_with_the_diff_driver(repository_file: Path) -> None:
    repo = repository_file.parent
    (repo / ".gitattributes").write_text("*.toml diff=werkboek\n", encoding="utf-8")
    command = f"{sys.executable} -m cli.main diff --git"
    repository_file.write_text(repository_file.read_text().replace("medewerkers = 36", "medewerkers = 38"))
    environment = {**os.environ, "PYTHONPATH": str(ROOT)}
    result = subprocess.run(
        ["git", "-c", f"diff.werkboek.command={command}", "diff", "van-dijk.toml"],
        cwd=repo,
        env=environment,
        capture_output=True,
        text=True,
        check=True,
    )
    assert result.stdout == "werkboek diff van-dijk.toml\nProfiel\n  medewerkers 36 → 38\n1 wijziging.\n"
