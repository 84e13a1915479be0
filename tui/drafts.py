"""Drafts coming back: a form that was open when the app last closed (q in a form is refused; ctrl+q,
a hang-up or SIGTERM keep it as a draft, see tui/leaving.py) reopens with what was typed."""

from __future__ import annotations

from typing import TYPE_CHECKING

from models.drafts import keep_drafts, take_drafts
from screens.base import WorkbookScreen
from screens.registry import DRAFT_FORMS

if TYPE_CHECKING:
    from tui.app import WerkboekApp


async def bring_back_draft(app: WerkboekApp) -> None:
    """A form that was open when the app last closed on this workbook comes back, with its text."""
    session = app.store.session
    if session is None or session.loaded.read_only_reason:
        return
    drafts = take_drafts(session.loaded.path)
    usable = [draft for draft in drafts if draft.form in DRAFT_FORMS]
    if not usable:
        return
    first, rest = usable[0], usable[1:]
    keep_drafts(session.loaded.path, rest)
    await app.switch_mode(DRAFT_FORMS[first.form])
    screen = app.screen
    if isinstance(screen, WorkbookScreen):
        screen.restore_draft(first)
    more = f" Er {'is' if len(rest) == 1 else 'zijn'} nog {len(rest)} daarna." if rest else ""
    app.notify(
        f"Concept hersteld: {first.title}, getypt op {first.saved_at:%-d-%-m-%Y} om {first.saved_at:%H:%M}. "
        f"ctrl+s bewaart het, escape gooit het weg.{more}",
        title="Concept hersteld",
        timeout=15,
    )
