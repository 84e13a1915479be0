"""Acties: the action plan as a table. Filter as you type, quick filters, sort, and every edit with
one key: new, edit, next status, delete (undoable)."""

from __future__ import annotations

import dataclasses
from typing import ClassVar

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Container
from textual.content import Content
from textual.timer import Timer
from textual.widgets import Input, Static

from core.session import WorkbookSession
from models.action_index import ActionIndex
from models.action_list import SORT_KEYS, ActionFilter, SortKey, owners
from models.drafts import Draft
from models.formatting import aantal
from models.plan import advanced, next_action_id, with_action, without_action
from models.workbook import Action
from screens.action_filter import ActionFilterScreen, describe
from screens.action_form import ActionFormScreen
from screens.base import WorkbookScreen
from screens.form import FormValues
from widgets.action_table import ActionTable, Measure
from widgets.action_view import action_detail
from widgets.key_bar import KeyBar
from widgets.same_frame import draw_in_next_frame
from widgets.scroll import Scroll
from widgets.text_field import SearchField

SORT_LABELS: dict[SortKey, str] = {
    "id": "id",
    "titel": "titel",
    "status": "status",
    "fase": "fase",
    "succesfactoren": "succesfactor",
    "eigenaar": "eigenaar",
    "deadline": "deadline",
}


DETAIL_DELAY = 0.12
"""Seconds of quiet before the detail pane follows the cursor (redrawing it costs more than the table)."""


class ActionsScreen(WorkbookScreen):
    """The whole plan in a table, with the action under the cursor in full beside or below it."""

    HELP = (
        "Het actieplan: alle acties in een tabel, de actie onder de cursor helemaal ernaast of eronder. Typ "
        "na / om te zoeken, f filtert op status, fase, factor of eigenaar, s sorteert. n voegt toe, enter "
        "bewerkt, spatie zet de volgende status, x verwijdert (ctrl+z zet terug)."
    )
    PALETTE_ANYWHERE: ClassVar[frozenset[str]] = frozenset({"new", "focus_filter", "pick_filter", "toggle_overdue"})
    """Commands the palette offers from other screens too: they need nothing chosen first."""

    HORIZONTAL_BREAKPOINTS: list[tuple[int, str]] | None = [(0, "-narrow"), (140, "-wide"), (210, "-side")]  # noqa: RUF012 (as Textual declares it)
    """Up to 140 columns the action is under the table; from 140 the table has the full width (whole
    titles and owners) and the action below it more room; from 210 the action is beside the table."""
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("n", "new", "Nieuw", tooltip="Voeg een actie toe", id="acties.nieuw"),
        Binding("enter", "edit", "Bewerken", tooltip="Bewerk de actie onder de cursor", id="acties.bewerken"),
        Binding(
            "space",
            "advance",
            "Status →",
            tooltip="idee → gepland → bezig → klaar (klaar zet de afrondingsdatum op vandaag)",
            id="acties.volgende-status",
        ),
        Binding(
            "x", "delete", "Verwijderen", tooltip="Verwijder de actie (ctrl+z zet hem terug)", id="acties.verwijderen"
        ),
        Binding(
            "slash",
            "focus_filter",
            "Zoeken",
            tooltip="Naar het zoekvak: filter op titel, eigenaar en de 6 W's (de / zelf komt er niet in)",
            id="acties.zoeken",
            show=False,  # the search box above the table already says "/ zoek …"
            priority=True,
        ),
        Binding(
            "f",
            "pick_filter",
            "Filter",
            tooltip="Filter op status, fase, succesfactor, eigenaar of alleen te laat",
            id="acties.filter",
        ),
        Binding(
            "escape", "clear_filters", "Wissen", tooltip="Zoektekst en filters wissen", id="acties.wissen", show=False
        ),
        Binding("s", "sort", "Sorteren", tooltip="Sorteer op de volgende kolom", id="acties.sorteren", show=False),
        Binding("S", "reverse", "Omdraaien", tooltip="Draai de sortering om", id="acties.omdraaien", show=False),
        Binding(
            "t",
            "toggle_overdue",
            "Te laat",
            tooltip="Toon alleen acties die te laat zijn",
            id="acties.te-laat",
            show=False,
        ),
    ]

    sort_key: SortKey = "id"
    sort_reverse = False
    _detail_timer: Timer | None = None

    def compose(self) -> ComposeResult:
        content = self.session.content
        yield self.header()
        yield SearchField(placeholder="/ zoek in titel, eigenaar en de 6 W's …", id="actions-filter", compact=True)
        yield Static(id="actions-count")
        with Container(id="actions-body"):
            yield ActionTable(content, self.session.today, id="actions-table")
            with Scroll(id="actions-detail"):
                yield Static(id="actions-detail-text")
        yield KeyBar()

    quick: ActionFilter = ActionFilter()
    """The quick filters (status, phase, factor, owner, overdue); the typed text comes from the box."""

    def on_mount(self) -> None:
        self.refresh_list()
        self.call_after_refresh(lambda: self.plan_index().prepare())  # the list is drawn: then ready the search
        self.table.focus()

    @property
    def table(self) -> ActionTable:
        return self.query_one(ActionTable)

    @property
    def filter_box(self) -> Input:
        return self.query_one("#actions-filter", Input)

    def current_filter(self) -> ActionFilter:
        return dataclasses.replace(self.quick, text=self.filter_box.value)

    @on(Input.Changed, "#actions-filter")
    def _filters_changed(self) -> None:
        self.refresh_list()

    _index: ActionIndex | None = None
    """The plan as last listed; the next version of the plan is listed from it (see models/action_index.py)."""
    _measure: Measure | None = None
    _count_shown: tuple[object, ...] = ()

    def plan_index(self) -> ActionIndex:
        """The index of the plan as it is now, made from the one before when the plan changed."""
        session = self.session
        plan = session.workbook.acties
        index = self._index
        if index is None or index.plan is not plan:
            if self._measure is None or self._measure.library is not session.content:
                self._measure = Measure(session.content)
            index = self._index = ActionIndex(plan, session.content, session.today, index, measure=self._measure)
        return index

    def refresh_list(self, keep: str | None = None) -> None:
        """Filter and sort the plan again and show it (the cursor stays on ``keep`` if given, else on the
        action it was on). Only what changed since the last time is looked at again."""
        index = self.plan_index()
        sort = (self.sort_key, self.sort_reverse)
        shown = index.rows(self.current_filter(), sort)
        current = keep or (self.table.current.id if self.table.current else None)
        position = index.position(shown, sort, current) if current else None
        self.table.show(shown, cursor=position, widths=index.widths)
        self._show_count(len(shown), len(index.plan))
        self._detail_soon()

    def _show_count(self, shown: int, total: int) -> None:
        """The line above the table: how many actions are shown, the sort, the quick filters."""
        count = (shown, total, self.sort_key, self.sort_reverse, self.quick, self.session.content)
        if count == self._count_shown:
            return  # the same text: no new layout of the screen for nothing
        self._count_shown = count
        direction = "↓" if self.sort_reverse else "↑"
        quick = describe(self.quick, self.session.content)
        self.query_one("#actions-count", Static).update(
            Content.assemble(
                (f" {shown} van {aantal(total, 'actie', 'acties')}", "bold"),
                (f"  ·  gesorteerd op {SORT_LABELS[self.sort_key]} {direction}", "$foreground-muted"),
                ("  ·  filter: ", "$foreground-muted"),
                (quick, "bold $warning") if quick else ("geen (f kiest er een)", "$foreground-muted"),
            ),
            layout=False,  # one line of fixed height (app.tcss): a new layout would repaint the whole screen
        )
        draw_in_next_frame(self.query_one("#actions-count", Static))  # in the same frame as the table

    def _detail_soon(self) -> None:
        """Show the action under the cursor once typing pauses; the table itself follows every key."""
        if self._detail_timer is not None:
            self._detail_timer.stop()
        self._detail_timer = self.set_timer(DETAIL_DELAY, lambda: self._show_detail(self.table.current))

    def show_workbook(self, session: WorkbookSession) -> None:
        self.refresh_list()

    @on(ActionTable.Highlighted)
    def _highlighted(self) -> None:
        self._detail_soon()

    def _show_detail(self, action: Action | None) -> None:
        text = self.query_one("#actions-detail-text", Static)
        if action is None:
            text.update(
                Content.styled("Geen acties om te tonen; n voegt er een toe, escape wist de filters.", "italic")
            )
        else:
            text.update(action_detail(action, self.session.content, self.session.today))
        self.query_one("#actions-detail", Scroll).scroll_home(animate=False)

    # -- keys -----------------------------------------------------------------------------------

    @on(Input.Submitted, "#actions-filter")
    def _to_table(self) -> None:
        self.table.focus()

    def action_focus_filter(self) -> None:
        self.filter_box.focus()

    def action_clear_filters(self) -> None:
        self.quick = ActionFilter()
        self.filter_box.value = ""
        self.refresh_list()
        self.table.focus()

    def action_toggle_overdue(self) -> None:
        self.quick = dataclasses.replace(self.quick, overdue_only=not self.quick.overdue_only)
        self.refresh_list()

    def action_pick_filter(self) -> None:
        def chosen(wanted: ActionFilter | None) -> None:
            if wanted is not None and wanted != self.quick:
                self.quick = wanted
                self.refresh_list()

        session = self.session
        self.app.push_screen(ActionFilterScreen(self.quick, session.content, owners(session.workbook.acties)), chosen)

    def action_sort(self) -> None:
        self.sort_key = SORT_KEYS[(SORT_KEYS.index(self.sort_key) + 1) % len(SORT_KEYS)]
        self.refresh_list()

    def action_reverse(self) -> None:
        self.sort_reverse = not self.sort_reverse
        self.refresh_list()

    def restore_draft(self, draft: Draft) -> None:
        """Open the action form again with what was typed before the app closed."""
        original = next((action for action in self.session.workbook.acties if action.id == draft.target), None)
        if original is None:
            self.action_new(draft.values)
        else:
            self._edit(original, draft.values)

    def action_new(self, draft: FormValues | None = None) -> None:
        session = self.session
        action_id = next_action_id(session.workbook)

        def done(action: Action | None) -> None:
            if action is not None and self.werkboek.change(
                with_action(self.session.workbook, action), f"Actie {action.id} toegevoegd"
            ):
                self.refresh_list(keep=action.id)
                self.notify(f"Actie {action.id} toegevoegd: {action.titel}.", timeout=4)

        form = ActionFormScreen(session.content, session.today, action_id=action_id)
        self.app.push_screen(form.restoring(draft) if draft else form, done)

    def action_edit(self) -> None:
        action = self.table.current
        if action is not None:
            self._edit(action)

    def _edit(self, action: Action, draft: FormValues | None = None) -> None:
        session = self.session

        def done(changed: Action | None) -> None:
            if changed is not None and changed != action:
                self.werkboek.change(with_action(self.session.workbook, changed), f"Actie {changed.id} gewijzigd")

        form = ActionFormScreen(session.content, session.today, action_id=action.id, original=action)
        self.app.push_screen(form.restoring(draft) if draft else form, done)

    def action_advance(self) -> None:
        action = self.table.current
        if action is None:
            return
        moved = advanced(action, self.session.today)
        if moved is None:
            self.notify(
                f"{action.id} is {action.status}; er is geen volgende status. Bewerk de actie om dat te wijzigen."
            )
            return
        description = f"{action.id}: status {action.status} → {moved.status}"
        if self.werkboek.change(with_action(self.session.workbook, moved), description):
            self.notify(f"{description}.", timeout=3)

    def action_delete(self) -> None:
        action = self.table.current
        if action is None:
            return
        if self.werkboek.change(without_action(self.session.workbook, action.id), f"Actie {action.id} verwijderd"):
            self.notify(f"Actie {action.id} verwijderd: {action.titel}. ctrl+z zet hem terug.", timeout=8)

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        if action in {"edit", "advance", "delete"}:
            return self.table.current is not None and not self.filter_box.has_focus
        return True
