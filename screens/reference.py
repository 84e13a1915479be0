"""The shape shared by the Succesfactoren and Fasen screens: a list on the left; on the right what
the selected subject is about, and the strategies, tips and other items that belong to it."""

from __future__ import annotations

from typing import ClassVar

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Horizontal, Vertical
from textual.content import Content
from textual.visual import VisualType
from textual.widget import Widget
from textual.widgets import OptionList, Static
from textual.widgets.option_list import Option

from core.session import WorkbookSession
from models.library import KIND_LABELS, LibraryItem
from screens.base import WorkbookScreen
from screens.item_detail import ItemDetailScreen
from widgets.key_bar import KeyBar
from widgets.lists import ChoiceList
from widgets.scroll import Scroll


def reference_bindings(prefix: str) -> list[BindingType]:
    """The keys of a reference screen, with ids under ``prefix``."""
    return [
        Binding("a", "add_action", "Als actie", tooltip="Maak van het gekozen item een actie", id=f"{prefix}.actie"),
        Binding("enter", "open_item", "Lezen", tooltip="Lees het gekozen item helemaal", id=f"{prefix}.lezen"),
    ]


class ReferenceScreen(WorkbookScreen):
    """A list of subjects (factors or phases) with their explanation and related library items."""

    BINDINGS: ClassVar[list[BindingType]] = []
    LIST_TITLE = ""

    def subjects(self) -> list[tuple[str, VisualType]]:
        """(id, what the list shows) of each subject; redrawn after every change to the workbook."""
        raise NotImplementedError

    def about(self, subject_id: str) -> Content:
        """What the subject is about, drawn from the content and the workbook."""
        raise NotImplementedError

    def related(self, subject_id: str) -> list[LibraryItem]:
        """Library items that belong to the subject, in library order."""
        raise NotImplementedError

    def compose(self) -> ComposeResult:
        yield self.header()
        with Horizontal(classes="reference-body"):
            subjects = ChoiceList(*[Option(label, id=key) for key, label in self.subjects()], id="subject-list")
            subjects.border_title = self.LIST_TITLE
            yield subjects
            with Vertical(classes="reference-right"):
                with Scroll(id="subject-about"):
                    yield Static(id="subject-about-text")
                yield from self.compose_workbook_part()
                related = ChoiceList(id="subject-related")
                related.border_title = "Strategieën, tips en verwante items"
                yield related
        yield KeyBar()

    def compose_workbook_part(self) -> ComposeResult:
        """Widgets between the explanation and the related items (the Fasen checklist)."""
        yield from ()

    def on_mount(self) -> None:
        subject_list = self.query_one("#subject-list", OptionList)
        subject_list.highlighted = 0
        subject_list.focus()

    @property
    def subject_id(self) -> str | None:
        option = self.query_one("#subject-list", OptionList).highlighted_option
        return option.id if option is not None else None

    def select(self, subject_id: str) -> None:
        """Show ``subject_id`` (used by other screens to open a factor or phase)."""
        subject_list = self.query_one("#subject-list", OptionList)
        subject_list.highlighted = subject_list.get_option_index(subject_id)

    @on(OptionList.OptionHighlighted, "#subject-list")
    def _subject_changed(self) -> None:
        self._show_subject()

    def show_workbook(self, session: WorkbookSession) -> None:
        subject_list = self.query_one("#subject-list", OptionList)
        for key, prompt in self.subjects():
            subject_list.replace_option_prompt(key, prompt)
        self._show_subject()

    def _show_subject(self) -> None:
        subject_id = self.subject_id
        if subject_id is None:
            return
        self.query_one("#subject-about-text", Static).update(self.about(subject_id))
        self.query_one("#subject-about", Scroll).scroll_home(animate=False)
        items = self.related(subject_id)
        options: list[Option] = []
        for kind, label in KIND_LABELS.items():
            group = [item for item in items if item.kind == kind]
            if group:
                options.append(Option(Content.styled(f"{label} ({len(group)})", "bold $text-primary"), disabled=True))
                options += [Option(item.title, id=item.key) for item in group]
        related = self.query_one("#subject-related", OptionList)
        related.set_options(options)
        related.highlighted = 1 if len(options) > 1 else None  # the first item under the first heading
        related.border_subtitle = "a: als actie · enter: lezen"

    def current_item(self) -> LibraryItem | None:
        related = self.query_one("#subject-related", OptionList)
        if not related.has_focus or related.highlighted_option is None or related.highlighted_option.id is None:
            return None
        return self.session.library.by_key.get(related.highlighted_option.id)

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        if action in {"add_action", "open_item"}:
            item = self.current_item()
            if item is None:
                return None
            return item.actionable if action == "add_action" else True
        return True

    @on(OptionList.OptionSelected, "#subject-related")
    def action_open_item(self) -> None:
        item = self.current_item()
        if item is not None:
            self.app.push_screen(ItemDetailScreen(item, self.session.content))

    @on(OptionList.OptionSelected, "#subject-list")
    def _subject_chosen(self) -> None:
        self.first_pane_after_list().focus()

    def first_pane_after_list(self) -> Widget:
        """Where ``enter`` on the list goes: the related items, or what a screen puts first."""
        return self.query_one("#subject-related", OptionList)

    def action_add_action(self) -> None:
        item = self.current_item()
        if item is not None and item.actionable:
            self.werkboek.add_item_as_action(item)
