"""Git from the app (pilot): Vastleggen with a message suggested from the change, Delen to a real shared
repository behind ``git daemon``, Bijwerken with a colleague's work, the header's git state, and Dutch
messages when git cannot do it."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from conftest import EXAMPLE, TODAY
from git_remote import WORKBOOK, git, git_daemon, replace_in, shared_repository
from textual.pilot import Pilot
from textual.widgets import TextArea
from waiting import until

from models.workbook import Workbook
from screens.commit_form import CommitFormScreen
from screens.external_change import ExternalChangeScreen
from tui.app import WerkboekApp
from widgets.header import WorkbookHeader
from widgets.key_bar import KeyBar

pytestmark = pytest.mark.skipif(shutil.which("git") is None, reason="git is niet geïnstalleerd")


def _messages(app: WerkboekApp) -> str:
    return "\n".join(f"{notice.title} {notice.message}" for notice in app._notifications)


def _owner_changed(workbook: Workbook, owner: str) -> Workbook:
    first = workbook.acties[0].model_copy(update={"eigenaar": owner})
    return workbook.model_copy(update={"acties": [first, *workbook.acties[1:]]})


def _header(app: WerkboekApp) -> str:
    return app.screen.query_one(WorkbookHeader).render().plain  # type: ignore[union-attr]


def _footer(app: WerkboekApp) -> str:
    return app.screen.query_one(KeyBar).render().plain


async def _saved(app: WerkboekApp, pilot: Pilot[None]) -> None:
    await until(lambda: app.session is not None and not app.session.dirty, "the change is saved", pilot=pilot)


async def test_commit_share_and_bring_in_a_colleagues_work(tmp_path: Path) -> None:
    base = tmp_path / "server"
    base.mkdir()
    with git_daemon(base) as url:
        bare, anna, bob = shared_repository(base, f"{url}/shared.git")
        app = WerkboekApp(anna / WORKBOOK, today=TODAY)
        async with app.run_test(size=(120, 32)) as pilot:
            await until(lambda: "git: bijgewerkt" in _header(app), "the header shows the git state", pilot=pilot)
            await until(lambda: "Git" in _footer(app), "the footer shows the git keys", pilot=pilot)
            assert app.session is not None
            app.change(_owner_changed(app.session.workbook, "Anna de Vries"), "eigenaar A1")
            await _saved(app, pilot)

            await pilot.press("v")
            form = await until(lambda: app.screen if isinstance(app.screen, CommitFormScreen) else None,
                               "the commit form opens", pilot=pilot)  # fmt: skip
            suggestion = form.query_one("#bericht", TextArea).text
            assert suggestion.startswith("Werkboek bijgewerkt: acties")
            assert "eigenaar Linda Bos (office manager) → Anna de Vries" in suggestion
            await pilot.press("ctrl+s")
            await until(lambda: "Vastgelegd als" in _messages(app), "the commit is made", pilot=pilot)
            assert git(anna, "log", "-1", "--format=%s").strip() == "Werkboek bijgewerkt: acties"
            await until(lambda: "↑1" in _header(app) or "1 te delen" in _header(app), "one commit to share",
                        pilot=pilot)  # fmt: skip

            await pilot.press("d")
            await until(lambda: "Gedeeld" in _messages(app), "the commit is shared", pilot=pilot)
            assert git(bare, "log", "-1", "--format=%s").strip() == "Werkboek bijgewerkt: acties"

            git(bob, "pull", "--quiet")
            replace_in(bob / WORKBOOK, 'titel = "PAGO aanbieden via de arbodienst"', 'titel = "PAGO via de arbodienst"')
            git(bob, "commit", "--quiet", "-am", "Titel A4 korter")
            git(bob, "push", "--quiet")

            await pilot.press("b")
            await until(lambda: "Bijgewerkt: 1 nieuwe vastlegging" in _messages(app), "the pull is done",
                        pilot=pilot)  # fmt: skip
            assert app.session is not None
            assert app.session.workbook.acties[3].titel == "PAGO via de arbodienst", "the workbook is read again"
            assert app.session.workbook.acties[0].eigenaar == "Anna de Vries"
            app.store.check_disk()  # the watch looks at the file now: the pull is no change by someone else
            await pilot.pause()
            assert not any(isinstance(screen, ExternalChangeScreen) for screen in app.screen_stack)


async def test_a_refused_push_and_no_repository_are_said_in_dutch(tmp_path: Path) -> None:
    _, anna, bob = shared_repository(tmp_path)
    replace_in(bob / WORKBOOK, 'titel = "PAGO aanbieden via de arbodienst"', 'titel = "PAGO via de arbodienst"')
    git(bob, "commit", "--quiet", "-am", "Titel A4")
    git(bob, "push", "--quiet")
    replace_in(anna / WORKBOOK, 'eigenaar = "Linda Bos (office manager)"', 'eigenaar = "Linda"')
    git(anna, "commit", "--quiet", "-am", "Eigenaar")
    app = WerkboekApp(anna / WORKBOOK, today=TODAY)
    async with app.run_test(size=(100, 30)) as pilot:
        # The git keys work once the app knows the workbook is in git (looked up in the background; the
        # footer shows them from then on): on a busy machine that can take a moment after the start.
        await until(lambda: app.session is not None and app.session.git is not None, "the git state", pilot=pilot)
        await pilot.press("d")
        await until(lambda: "Delen mislukt" in _messages(app), "the push is refused", pilot=pilot)
        assert "eerst bijwerken, dan delen" in _messages(app)
        assert "[rejected]" in _messages(app), "git's own words as detail, not eaten as markup"

    alone = tmp_path / "los"
    alone.mkdir()
    shutil.copyfile(EXAMPLE, alone / WORKBOOK)
    app = WerkboekApp(alone / WORKBOOK, today=TODAY)
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.press("v")  # no git keys outside a repository: the key does nothing, the footer has none
        await pilot.pause()
        assert not isinstance(app.screen, CommitFormScreen) and "Git" not in _footer(app)
        app.action_git_commit()  # as the palette's Vastleggen does: it explains
        await until(lambda: "niet in een git-repository" in _messages(app), "no git here", pilot=pilot)
        assert "git:" not in _header(app)
