"""Werkboeken's model for issue 17 parts 3 and 6: the last session (logbook, scoring round or commit),
quiet clients by the setting, workbooks in subfolders, and the git state of every file of a folder
from one status and one log per repository."""

from __future__ import annotations

import datetime as dt
import os
import shutil
import subprocess
from pathlib import Path

from conftest import EXAMPLE, TODAY
from git_remote import WORKBOOK, git, replace_in, shared_repository

import models.portfolio_git
from models.content import Content
from models.portfolio import WorkbookSummary, quiet_weeks, read_row, subfolder
from models.portfolio_git import FileGit, folder_git
from models.workbook_files import workbook_files

AUTHOR = {
    "GIT_AUTHOR_NAME": "Sanne de Boer",
    "GIT_AUTHOR_EMAIL": "sanne@example.nl",
    "GIT_COMMITTER_NAME": "Sanne de Boer",
    "GIT_COMMITTER_EMAIL": "sanne@example.nl",
}


def dated_git(repo: Path, *args: str, date: str) -> None:
    environment = {**os.environ, **AUTHOR, "GIT_AUTHOR_DATE": date, "GIT_COMMITTER_DATE": date}
    environment.pop("GIT_DIR", None)
    subprocess.run(["git", *args], cwd=repo, env=environment, capture_output=True, text=True, check=True)


def summary(path: Path, content: Content, today: dt.date = TODAY) -> WorkbookSummary:
    row = read_row(path, content, today, folder_git([path]).get(path))
    assert isinstance(row, WorkbookSummary)
    return row


def test_the_last_session_is_the_latest_of_logbook_scoring_round_and_commit(tmp_path: Path, content: Content) -> None:
    repo = tmp_path / "klanten"
    repo.mkdir()
    dated_git(repo, "init", "-q", "-b", "main", date="2026-01-01T10:00:00+01:00")
    path = repo / "van-dijk.toml"
    shutil.copyfile(EXAMPLE, path)
    dated_git(repo, "add", "van-dijk.toml", date="2026-01-01T10:00:00+01:00")
    dated_git(repo, "commit", "-q", "-m", "begonnen", date="2026-03-10T16:00:00+01:00")
    first = summary(path, content)
    assert first.git is not None and first.git.committed == dt.date(2026, 3, 10) and not first.git.uncommitted
    assert first.last_entry == dt.date(2026, 11, 17)  # the logbook's latest entry is later than the commit
    assert first.last_session == dt.date(2026, 11, 17)

    path.write_text(path.read_text(encoding="utf-8") + "\n", encoding="utf-8")
    dated_git(repo, "commit", "-q", "-am", "bijgewerkt", date="2026-12-02T09:00:00+01:00")
    second = summary(path, content, dt.date(2026, 12, 5))
    assert second.git is not None and second.git.committed == dt.date(2026, 12, 2)
    assert second.last_session == dt.date(2026, 12, 2)  # now the commit is the latest


def test_a_file_outside_git_has_no_git_state_and_its_last_session_from_the_file(
    tmp_path: Path, content: Content
) -> None:
    path = tmp_path / "van-dijk.toml"
    shutil.copyfile(EXAMPLE, path)
    row = summary(path, content)
    assert row.git is None and row.last_session == dt.date(2026, 11, 17)


def test_quiet_clients_by_the_setting(content: Content) -> None:
    row = read_row(EXAMPLE, content, TODAY)
    assert row is not None
    later = dt.date(2027, 2, 1)  # 76 days after the last logbook entry: 10 whole weeks
    assert quiet_weeks(row, TODAY, 8) is None
    assert quiet_weeks(row, later, 8) == 10
    assert quiet_weeks(row, later, 12) is None
    assert quiet_weeks(row, dt.date(2027, 1, 12), 8) is None  # exactly 8 weeks: not more than 8
    assert quiet_weeks(row, dt.date(2027, 1, 13), 8) == 8


def test_workbooks_in_subfolders_are_found_but_not_in_hidden_folders_nor_backups(tmp_path: Path) -> None:
    for name in [
        "a.toml", "team-a/b.toml", "team-a/2026/c.toml", ".git/d.toml", "team-a/.verborgen/e.toml",
        ".a.toml", "team-a/b.conflict.toml", "team-a/notities.txt",
    ]:  # fmt: skip
        (tmp_path / name).parent.mkdir(parents=True, exist_ok=True)
        (tmp_path / name).write_text("", encoding="utf-8")
    found = workbook_files(tmp_path, recursive=True)
    assert [path.relative_to(tmp_path).as_posix() for path in found] == [
        "a.toml",
        "team-a/b.toml",
        "team-a/2026/c.toml",
    ]
    assert workbook_files(tmp_path) == [tmp_path / "a.toml"]  # the others keep reading one folder
    assert [subfolder(path, tmp_path) for path in found] == ["", "team-a", "team-a/2026"]


def test_git_state_uncommitted_ahead_and_behind_from_a_real_remote(tmp_path: Path, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    _bare, anna, bob = shared_repository(tmp_path)
    (anna / "nieuw.toml").write_text("", encoding="utf-8")  # never committed
    (anna / "team").mkdir()
    shutil.copyfile(EXAMPLE, anna / "team" / "ander.toml")
    git(anna, "add", "team/ander.toml")
    git(anna, "commit", "--quiet", "-m", "ander")  # ahead 1
    replace_in(bob / WORKBOOK, "Van Dijk", "Van Dyk")
    git(bob, "commit", "--quiet", "-am", "naam")
    git(bob, "push", "--quiet")
    git(anna, "fetch", "--quiet")  # behind 1
    replace_in(anna / WORKBOOK, "Van Dijk", "Van Dijck")  # uncommitted

    calls: list[tuple[str, ...]] = []
    run = models.portfolio_git._run

    def counted(root: Path, *args: str, **kwargs: float) -> subprocess.CompletedProcess[str]:
        calls.append(args)
        return run(root, *args, **kwargs)

    monkeypatch.setattr(models.portfolio_git, "_run", counted)
    paths = workbook_files(anna, recursive=True)
    states = folder_git([*paths, tmp_path / "elders.toml"])
    assert len(calls) == 2  # one status and one log for the repository, not one per file
    assert states[anna / WORKBOOK] == FileGit(True, 1, 1, states[anna / WORKBOOK].committed)
    assert states[anna / "nieuw.toml"].uncommitted and states[anna / "nieuw.toml"].committed is None
    ander = states[anna / "team" / "ander.toml"]
    assert not ander.uncommitted and (ander.ahead, ander.behind) == (1, 1) and ander.committed is not None
    assert ander.short() == "↑1↓1" and states[anna / WORKBOOK].short() == "●↑1↓1"
    assert states[anna / WORKBOOK].words() == "niet vastgelegd · 1 te delen · 1 binnen te halen"
    assert tmp_path / "elders.toml" not in states  # not in git: nothing

    git(bob, "pull", "--quiet")
    assert folder_git([bob / WORKBOOK])[bob / WORKBOOK] == FileGit(False, 0, 0, ander.committed)
    assert FileGit(False, 0, 0, None).words() == "vastgelegd en gedeeld"


def test_a_repository_without_upstream_is_committed_but_not_called_shared(tmp_path: Path) -> None:
    repo = tmp_path / "alleen-hier"
    repo.mkdir()
    git(repo, "init", "--quiet", "-b", "main")
    shutil.copyfile(EXAMPLE, repo / "klant.toml")
    git(repo, "add", "klant.toml")
    git(repo, "commit", "--quiet", "-m", "eerste")
    state = folder_git([repo / "klant.toml"])[repo / "klant.toml"]
    assert (state.uncommitted, state.ahead, state.behind, state.shared) == (False, 0, 0, False)
    assert state.short() == "✓"
    assert state.words() == "vastgelegd, alleen op deze computer (geen upstream)"
