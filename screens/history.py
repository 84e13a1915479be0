"""Geschiedenis: the open workbook's commits in git (date, author, message), what each changed,
and the workbook as it was at any of them (read-only). Outside git it says there is no history.

Every commit that changed the file is listed, also a colleague's on a branch that was merged, each with
what it changed against its own parent; a merge as "samengevoegd: <tak>" with what each side brought."""

from __future__ import annotations

from typing import TYPE_CHECKING, ClassVar

from textual import on, work
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Horizontal
from textual.content import Content
from textual.widgets import OptionList, Static

from models.diff import SECTIONS, DiffLine
from models.file_history import Side, Version, first_version_summary, versions
from models.formatting import aantal, clock, short_date
from models.git import Commit, repository_root
from screens.base import AppScreen
from screens.host import host_of
from screens.version import VersionScreen
from widgets.hanging_list import HangingOptionList, Line, Row
from widgets.header import WorkbookHeader
from widgets.key_bar import KeyBar
from widgets.scroll import Scroll

if TYPE_CHECKING:
    from core.session import WorkbookSession
    from screens.host import WorkbookHost

NOW = "nu"


def merged_name(commit: Commit) -> str:
    """What a merge brought in: the branch git's message names, else the message itself."""
    return commit.merged_branch or commit.message


def version_label(version: Version) -> tuple[Content, str]:
    """The list's first line (date, time, author) and second line (message) for a version."""
    commit = version.commit
    if commit is None:
        return Content.styled("nog niet vastgelegd", "bold $warning"), "wijzigingen sinds de laatste commit"
    when = commit.when
    head = Content.assemble((f"{short_date(when.date())} {clock(when)}", "bold"), f"  {commit.author}")
    if commit.is_merge:
        return head, f"samengevoegd: {merged_name(commit)}"
    return head, commit.message


def grouped_changes(changes: list[DiffLine], indent: str = "") -> list[Content]:
    """Changes under a heading per subject; a note when there are none."""
    if not changes:
        return [Content.styled(f"{indent}Geen inhoudelijke wijzigingen (alleen de opmaak van het bestand).", "italic")]
    lines: list[Content] = []
    for section in SECTIONS:
        found = [line.text for line in changes if line.section == section]
        if found:
            lines.append(Content.styled(f"{indent}{section}", "bold $text-primary"))
            lines += [Content(f"{indent}  {text}") for text in found]
    return lines


def side_heading(side: Side, other: Side | None) -> str:
    """``Wat collega bracht`` for the merged branch; ``Wat main had en collega nog niet`` for the other."""
    if side.merged:
        return f"Wat {side.brought_by or 'de samengevoegde tak'} bracht"
    merged = other.brought_by if other is not None and other.brought_by else "de samengevoegde tak"
    return f"Wat {side.brought_by or 'deze tak'} had en {merged} nog niet"


def _sides_text(version: Version) -> list[Content]:
    lines: list[Content] = []
    for side in version.sides:
        other = next((found for found in version.sides if found is not side), None)
        against = (f"  tegenover {side.against}", "$foreground-muted")
        heading = Content.assemble((side_heading(side, other), "bold"), against)
        lines += [Content(""), heading]
        if side.changes is None:
            lines.append(Content.styled("  Die versie is geen geldig werkboek; niet te vergelijken.", "italic"))
        else:
            lines += grouped_changes(side.changes, "  ")
    return lines


def changes_text(version: Version, is_first: bool = False) -> Content:
    """What a version changed, grouped by subject; for a merge, what each side brought."""
    commit = version.commit
    lines: list[Content] = []
    if commit is not None:
        title = f"Samengevoegd: {merged_name(commit)}" if commit.is_merge else commit.message
        lines += [
            Content.styled(title, "bold"),
            Content.styled(
                f"{commit.short} · {commit.author} · {short_date(commit.when.date())} {clock(commit.when)}"
                + (f" · {commit.path}" if commit.path else ""),
                "$foreground-muted",
            ),
        ]
        if commit.is_merge and commit.merged_branch:
            lines.append(Content.styled(commit.message, "$foreground-muted"))
        lines.append(Content(""))
    if version.problem:
        lines.append(Content.assemble(("Deze versie is geen geldig werkboek: ", "bold $error"), version.problem))
    elif version.sides:
        lines += _sides_text(version)[1:]
    elif version.changes is None:
        assert version.workbook is not None
        first = version.first or is_first
        text = first_version_summary(version.workbook) if first else "de versie ervoor is niet te lezen"
        lines.append(Content(text[0].upper() + text[1:] + "."))
    else:
        lines += grouped_changes(version.changes)
    return Content("\n").join(lines)


class HistoryScreen(AppScreen[None]):
    """Commits on the left, the highlighted one's changes on the right."""

    HELP = (
        "De versies van dit werkboek in git, nieuwste eerst, met per versie wat er inhoudelijk veranderde. "
        "Enter toont het werkboek zoals het toen was, alleen om te lezen."
    )

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("b", "view", "Bekijken", tooltip="Het werkboek zoals het toen was (alleen lezen; ook enter)",
                id="geschiedenis.bekijken"),
        Binding("escape", "close", "Sluiten", tooltip="Terug naar het werkboek", id="geschiedenis.sluiten"),
    ]  # fmt: skip

    def __init__(self) -> None:
        super().__init__()
        self.found: list[Version] = []

    @property
    def werkboek(self) -> WorkbookHost:
        return host_of(self)

    @property
    def session(self) -> WorkbookSession:
        session = self.werkboek.session
        assert session is not None
        return session

    def compose(self) -> ComposeResult:
        yield WorkbookHeader.of(self.session)
        with Horizontal(id="history-body"):
            commits = HangingOptionList(id="history-list")
            commits.border_title = "Geschiedenis"
            yield commits
            with Scroll(id="history-detail"):
                yield Static(id="history-detail-text")
        yield KeyBar()

    @property
    def commits(self) -> HangingOptionList:
        return self.query_one("#history-list", HangingOptionList)

    def on_mount(self) -> None:
        detail = self.query_one("#history-detail-text", Static)
        path = self.session.loaded.path
        if repository_root(path) is None:
            self.commits.border_subtitle = "geen git"
            detail.update(
                Content.assemble(
                    ("Geen geschiedenis. ", "bold"),
                    f"{path.name} staat niet in een git-repository (of git is niet geïnstalleerd). Leg het "
                    "werkboek vast met git om hier elke versie en wat er veranderde te zien.",
                )
            )
            return
        detail.update(Content.styled("Geschiedenis wordt gelezen …", "italic"))
        self.commits.focus()
        self._read_versions()

    @work(thread=True, exclusive=True, group="history")
    def _read_versions(self) -> None:
        """Read the versions in the background and show each as soon as it is there."""
        session = self.session
        for version in versions(session.loaded.path, session.content, session.loaded.workbook):
            self.app.call_from_thread(self._add, version)
        self.app.call_from_thread(self._done)

    def _add(self, version: Version) -> None:
        self.found.append(version)
        rows = [
            Row(str(index), (Line(head, ""), Line(Content("  "), message, "$foreground-muted")))
            for index, (head, message) in enumerate(map(version_label, self.found))
        ]
        self.commits.show_rows(rows)
        if len(self.found) == 1:
            self._show(0)

    def _done(self) -> None:
        count = sum(1 for version in self.found if version.commit is not None)
        self.commits.border_subtitle = f"{aantal(count, 'commit', 'commits')} · enter: bekijken"
        if not self.found:
            self.query_one("#history-detail-text", Static).update(
                Content.styled("Dit werkboek is nog nooit vastgelegd in git.", "italic")
            )

    @on(OptionList.OptionHighlighted, "#history-list")
    def _highlighted(self, event: OptionList.OptionHighlighted) -> None:
        self._show(int(event.option.id or "0"))

    def _show(self, index: int) -> None:
        if not 0 <= index < len(self.found):
            return
        version = self.found[index]
        self.query_one("#history-detail-text", Static).update(changes_text(version))
        self.query_one("#history-detail", Scroll).scroll_home(animate=False)

    @on(OptionList.OptionSelected, "#history-list")
    def _chosen(self, event: OptionList.OptionSelected) -> None:
        self._view(int(event.option.id or "0"))

    def action_view(self) -> None:
        highlighted = self.commits.highlighted
        if highlighted is not None:
            self._view(highlighted)

    def _view(self, index: int) -> None:
        if not 0 <= index < len(self.found):
            return
        version = self.found[index]
        if version.workbook is None:
            self.notify("Deze versie is geen geldig werkboek en kan niet worden getoond.", severity="warning")
            return
        self.app.push_screen(VersionScreen(version, self.session))

    def action_close(self) -> None:
        self.dismiss()
