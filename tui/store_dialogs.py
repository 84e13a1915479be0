"""Where the store meets the screen: its changes become Textual signals and notices, and its two
questions (the file changed on disk; a recovery copy waits) become dialogs."""

from __future__ import annotations

from typing import TYPE_CHECKING

from core.ports import Severity
from core.session import WorkbookSession
from models.recovery import set_aside_folder
from screens.confirm import ConfirmScreen
from screens.external_change import ExternalChangeScreen
from screens.recovery import RecoveryChoice, RecoveryScreen

if TYPE_CHECKING:
    from core.store import RecoveryOffer
    from tui.app import WerkboekApp


class AppListener:
    """The app's :class:`core.ports.StoreListener`."""

    def __init__(self, app: WerkboekApp) -> None:
        self.app = app

    def workbook_changed(self, session: WorkbookSession) -> None:
        self.app.workbook_changed.publish(session)

    def file_state_changed(self, session: WorkbookSession) -> None:
        self.app.file_state_changed.publish(session)

    def tell(self, message: str, *, title: str = "", severity: Severity = "information", timeout: float = 6) -> None:
        self.app.notify(message, title=title, severity=severity, timeout=timeout)

    def changed_outside(self, session: WorkbookSession) -> None:
        """Ask what happens with a file someone else changed: load their version, or keep working."""
        app, store = self.app, self.app.store

        def decided(reload: bool | None) -> None:
            store.outside_change_answered()
            if store.session is not session:
                return
            if reload:
                note = store.keep_mine_aside(session)
                if note is None:
                    return  # not kept anywhere: the edits stay open in this window
                app.open_workbook()
                app.notify(f"De versie op schijf is geladen.{note}", timeout=12)
            elif session.dirty:
                app.notify(
                    "Je wijzigingen worden niet opgeslagen zolang het bestand op schijf afwijkt. "
                    "Kies 'Wijziging op schijf afhandelen' in het palet (ctrl+p) om te kiezen.",
                    severity="warning",
                    timeout=12,
                )

        app.push_screen(ExternalChangeScreen(session.loaded.path, unsaved=session.dirty), decided)


def offer_recovery(app: WerkboekApp) -> None:
    """After a workbook opened: offer the newest recovery copy of an earlier failed save, one at a time."""
    store = app.store
    session = store.session
    offer = store.recovery_offer()
    if session is None or offer is None:
        return

    def chosen(choice: RecoveryChoice | None) -> None:
        if store.session is not session:
            return
        if choice == "openen":
            store.open_recovery(offer)
        elif choice == "weggooien":
            _ask_to_throw_away(app, session, offer)
            return
        else:
            store.set_aside(offer.copy, "Apart bewaard")
        offer_recovery(app)

    app.push_screen(
        RecoveryScreen(
            session.loaded.path,
            offer.copy,
            made=offer.made,
            changes=offer.changes,
            aside=set_aside_folder(),
            others=offer.others,
        ),
        chosen,
    )


def _ask_to_throw_away(app: WerkboekApp, session: WorkbookSession, offer: RecoveryOffer) -> None:
    store = app.store

    def answered(sure: bool | None) -> None:
        if store.session is not session:
            return
        if sure:
            store.throw_away(offer.copy)
        else:
            store.set_aside(offer.copy, "Niet weggegooid")
        offer_recovery(app)

    app.push_screen(
        ConfirmScreen(
            "Herstelkopie weggooien?",
            f"De wijzigingen in {offer.copy.name} gaan dan verloren. Weggooien? (n bewaart de kopie apart)",
        ),
        answered,
    )
