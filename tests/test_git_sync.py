"""Git from the app's models: the state of a workbook in git, commit, pull and push, against a real bare
repository served by ``git daemon`` on 127.0.0.1 and one reached as a file:// URL, with a colleague who
uses git on the command line; and every failure as a Dutch sentence."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
from git_remote import WORKBOOK, git, git_daemon, replace_in, shared_repository

from models.compare import workbook_from_file
from models.content import Content
from models.git import GitError
from models.git_sync import commit, committed_workbook, fetch, git_state, pull, push, suggested_message
from models.plan import with_action
from models.workbook import Action

OWNER = 'eigenaar = "Linda Bos (office manager)"'


def test_two_colleagues_share_through_git_daemon(tmp_path: Path, content: Content) -> None:
    base = tmp_path / "server"
    base.mkdir()
    with git_daemon(base) as url:
        _, anna, bob = shared_repository(base, f"{url}/shared.git")
        workbook = anna / WORKBOOK
        state = git_state(workbook)
        assert state is not None and not state.uncommitted and (state.ahead, state.behind) == (0, 0)
        assert state.upstream == "origin/main" and state.branch == "main"

        replace_in(workbook, OWNER, 'eigenaar = "Linda Bos"')
        state = git_state(workbook)
        assert state is not None and state.uncommitted and state.summary() == "git: niet vastgelegd"
        short = commit(workbook, "Eigenaar A1 korter")
        assert git(anna, "log", "-1", "--format=%h %s").strip() == f"{short} Eigenaar A1 korter"
        state = git_state(workbook)
        assert state is not None and not state.uncommitted and state.ahead == 1
        assert push(workbook).startswith("Gedeeld")

        git(bob, "pull", "--quiet")
        assert 'eigenaar = "Linda Bos"' in (bob / WORKBOOK).read_text(encoding="utf-8")
        replace_in(bob / WORKBOOK, 'titel = "PAGO aanbieden via de arbodienst"', 'titel = "PAGO via de arbodienst"')
        git(bob, "commit", "--quiet", "-am", "Titel A4")
        git(bob, "push", "--quiet")

        fetch(workbook)
        state = git_state(workbook)
        assert state is not None and state.behind == 1 and state.short() == "git ↓1"
        outcome = pull(workbook)
        assert outcome.kind == "bijgewerkt" and "1 nieuwe vastlegging" in outcome.message
        titles = [action.titel for action in workbook_from_file(workbook, content).acties]
        assert "PAGO via de arbodienst" in titles
        assert pull(workbook).kind == "al-bij"
        assert push(workbook).startswith("Niets te delen")


def test_work_on_both_sides_is_merged_on_pull_over_a_file_remote(tmp_path: Path, content: Content) -> None:
    _, anna, bob = shared_repository(tmp_path)
    replace_in(bob / WORKBOOK, 'titel = "PAGO aanbieden via de arbodienst"', 'titel = "PAGO via de arbodienst"')
    git(bob, "commit", "--quiet", "-am", "Titel A4")
    git(bob, "push", "--quiet")
    workbook = anna / WORKBOOK
    replace_in(workbook, OWNER, 'eigenaar = "Linda Bos"')
    commit(workbook, "Eigenaar A1")
    with pytest.raises(GitError) as refused:
        push(workbook)
    assert refused.value.reason.endswith("jij nog niet hebt: eerst bijwerken, dan delen")
    outcome = pull(workbook)
    assert outcome.kind == "bijgewerkt"
    merged = workbook_from_file(workbook, content)
    assert merged.acties[0].eigenaar == "Linda Bos" and merged.acties[3].titel == "PAGO via de arbodienst"
    assert git(anna, "log", "-1", "--format=%p").count(" ") == 1, "a merge commit with two parents"
    assert push(workbook).startswith("Gedeeld")


def test_pull_with_uncommitted_changes_asks_to_commit_first(tmp_path: Path) -> None:
    _, anna, bob = shared_repository(tmp_path)
    replace_in(bob / WORKBOOK, OWNER, 'eigenaar = "Bob"')
    git(bob, "commit", "--quiet", "-am", "Bob")
    git(bob, "push", "--quiet")
    replace_in(anna / WORKBOOK, OWNER, 'eigenaar = "Anna"')
    with pytest.raises(GitError) as refused:
        pull(anna / WORKBOOK)
    assert "leg eerst vast" in refused.value.reason
    assert 'eigenaar = "Anna"' in (anna / WORKBOOK).read_text(encoding="utf-8"), "nothing typed is lost"


def test_failures_are_dutch(tmp_path: Path) -> None:
    _, anna, _ = shared_repository(tmp_path)
    workbook = anna / WORKBOOK
    with pytest.raises(GitError) as nothing:
        commit(workbook, "Niets")
    assert nothing.value.reason.startswith("er is niets om vast te leggen")
    with pytest.raises(GitError) as empty:
        commit(workbook, "   ")
    assert "beschrijving" in empty.value.reason

    git(anna, "remote", "set-url", "origin", "git://127.0.0.1:9/nergens.git")
    replace_in(workbook, OWNER, 'eigenaar = "Linda Bos"')
    commit(workbook, "Eigenaar")
    with pytest.raises(GitError) as offline:
        push(workbook)
    assert offline.value.reason.startswith("de server is niet bereikbaar"), offline.value

    git(anna, "remote", "remove", "origin")
    with pytest.raises(GitError) as no_remote:
        push(workbook)
    assert no_remote.value.reason == "er is geen gedeelde repository (remote) ingesteld voor deze map"
    with pytest.raises(GitError):
        pull(workbook)

    outside = tmp_path / "los" / WORKBOOK
    outside.parent.mkdir()
    outside.write_text(workbook.read_text(encoding="utf-8"), encoding="utf-8")
    assert git_state(outside) is None
    with pytest.raises(GitError) as not_a_repository:
        commit(outside, "x")
    assert not_a_repository.value.reason == "dit werkboek staat niet in een git-repository"


def test_the_suggested_message_says_what_changed(tmp_path: Path, content: Content) -> None:
    _, anna, _ = shared_repository(tmp_path)
    workbook = anna / WORKBOOK
    committed = committed_workbook(workbook, content)
    assert committed is not None
    now = with_action(committed, Action(id="A21", titel="Werkplekbezoek monteurs", start=dt.date(2026, 12, 1)))
    message = suggested_message(committed, now, content)
    title, blank, *lines = message.splitlines()
    assert title == "Werkboek bijgewerkt: acties" and blank == ""
    assert any("A21" in line and "Werkplekbezoek monteurs" in line for line in lines)
    assert suggested_message(None, now, content).startswith("Nieuw werkboek: ")
    assert suggested_message(committed, committed, content) == "Werkboek vastgelegd"


def test_an_ssh_remote_that_refuses_the_key_is_said_in_dutch(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """An SSH remote as consultants have one; the server's refusal comes from a stand-in for ssh that
    answers as a server does when it does not know the key (no network needed)."""
    _, anna, _ = shared_repository(tmp_path)
    fake_ssh = tmp_path / "ssh"
    fake_ssh.write_text(
        "#!/bin/sh\necho 'git@example.org: Permission denied (publickey).' >&2\nexit 255\n", encoding="utf-8"
    )
    fake_ssh.chmod(0o755)
    monkeypatch.setenv("GIT_SSH_COMMAND", str(fake_ssh))
    git(anna, "remote", "set-url", "origin", "git@example.org:adviesbureau/klanten.git")
    replace_in(anna / WORKBOOK, OWNER, 'eigenaar = "Linda Bos"')
    commit(anna / WORKBOOK, "Eigenaar")
    for attempt in (push, fetch, pull):
        with pytest.raises(GitError) as refused:
            attempt(anna / WORKBOOK)
        assert refused.value.reason.startswith("inloggen bij de server lukte niet"), (attempt, refused.value)
        assert "Permission denied" in refused.value.detail
