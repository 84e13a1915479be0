"""Organisatie: the client's profile, and where it stands on the mental-health ladder, the practice
levels of integral policy and the DI typology, each with its advice and how it changed over time; and
the latest DI-scan summed up per aspect, next to the DI typology it informs (``d`` opens the scan)."""

from __future__ import annotations

from typing import ClassVar

from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Container, Horizontal
from textual.content import Content
from textual.widgets import Static

from core.session import WorkbookSession
from models.di_scan import aspect_counts, latest_scan
from models.drafts import Draft
from models.form_parsing import printable
from models.formatting import percentage, short_date
from models.levels import (
    MODEL_TITLES,
    CurrentLevel,
    LevelModel,
    current_levels,
    latest_note,
    level_by_id,
    level_history,
    with_latest_note,
    with_level,
)
from models.problems import WorkbookError
from models.profile import REPRESENTATION_LABELS, size_class, with_organisation
from models.workbook import Organisation, Workbook
from screens.base import WorkbookScreen
from screens.form import FormValues
from screens.level_picker import CLEAR, LevelPickerScreen, level_text
from screens.profile_form import ProfileFormScreen
from screens.prompt import TextPromptScreen
from widgets.key_bar import KeyBar
from widgets.scroll import Scroll

LEVEL_KEYS: dict[LevelModel, str] = {"mentale_ladder": "l", "praktijkniveau": "p", "di_typologie": "t"}
LEVEL_GROUP = Binding.Group("Niveau kiezen")


def _level_binding(model: LevelModel) -> Binding:
    return Binding(
        LEVEL_KEYS[model],
        f"pick_level('{model}')",
        MODEL_TITLES[model],
        tooltip=f"Kies het niveau op: {MODEL_TITLES[model]}",
        id=f"organisatie.niveau-{model.replace('_', '-')}",
        group=LEVEL_GROUP,
    )


def profile_text(organisation: Organisation) -> Content:
    """The profile as label and value lines; unknown values said as such."""

    def line(label: str, value: object) -> Content:
        shown = (
            Content(printable(str(value)))
            if value not in (None, "")
            else Content.styled("onbekend", "$foreground-muted")
        )
        return Content.assemble((f"{label}: ", "bold"), shown)

    staff = organisation.medewerkers
    size = size_class(staff)
    absence = organisation.verzuimpercentage
    return Content("\n").join(
        [
            Content.styled(printable(organisation.naam, multiline=False), "bold $text-primary"),
            Content(""),
            line("Sector", organisation.sector),
            line("Medewerkers", f"{staff} ({size})" if staff else None),
            line("Adviseur", organisation.adviseur),
            line("Preventiemedewerker", organisation.preventiemedewerker),
            line("Arbodienst", organisation.arbodienst),
            line("Bedrijfsarts", organisation.bedrijfsarts),
            line("OR of PVT", REPRESENTATION_LABELS.get(organisation.medezeggenschap or "")),
            line("Verzuim", percentage(absence) if absence is not None else None),
        ]
    )


def di_scan_summary(session: WorkbookSession) -> Content:
    """The latest DI-scan per aspect (``Organisatie: 3 geborgd · 2 begonnen · 1 niet``) with its date, shown
    with the DI type it informs."""
    workbook: Workbook = session.workbook
    scan = latest_scan(workbook)
    if scan is None:
        hint = (
            "Nog geen DI-scan; d beoordeelt per DI-indicator hoe ver de organisatie is, als onderbouwing van het type."
        )
        return Content.styled(f"\n{hint}\n", "italic")
    try:
        counts = aspect_counts(scan, session.content.di)
    except WorkbookError:
        return Content.styled("DI-scan: de DI-inhoud is niet te lezen.", "$error")
    lines = [
        Content(""),
        Content.assemble(("DI-scan ", "bold $text-primary"), short_date(scan.datum), ("  (d)", "$foreground-muted")),
    ]
    lines += [Content.assemble((f"{count.aspect.naam}: ", "bold"), count.short()) for count in counts]
    return Content("\n").join([*lines, Content("")])


class OrganisationScreen(WorkbookScreen):
    """Profile on the left, the three levels on the right."""

    HELP = (
        "Het profiel van de organisatie en haar niveaus op de mentale gezondheidsladder, de praktijkniveaus "
        "van integraal beleid en de DI-typologie, met het advies bij elk niveau en hoe het in de tijd "
        "veranderde."
    )
    PALETTE_ANYWHERE: ClassVar[frozenset[str]] = frozenset({"edit_profile", "pick_level"})
    HORIZONTAL_BREAKPOINTS: list[tuple[int, str]] | None = [(0, "-narrow"), (140, "-wide")]  # noqa: RUF012 (as Textual declares it)
    """Commands the palette offers from other screens too: they need nothing chosen first."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("e", "edit_profile", "Profiel bewerken", tooltip="Bewerk het organisatieprofiel",
                id="organisatie.profiel"),
        *(_level_binding(model) for model in LEVEL_KEYS),
        Binding("n", "note", "Notitie", tooltip="Toelichting bij de laatst vastgelegde niveaus",
                id="organisatie.niveau-notitie"),
        Binding("d", "di_scan", "DI-scan", tooltip="Per DI-indicator niet, begonnen of geborgd, met toelichting",
                id="organisatie.di-scan"),
    ]  # fmt: skip

    def compose(self) -> ComposeResult:
        yield self.header()
        with Horizontal(id="org-body"):
            with Scroll(id="org-profile") as profile:
                profile.border_title = "Profiel"
                profile.border_subtitle = "e: bewerken"
                yield Static(id="org-profile-text")
            with Scroll(id="org-levels") as levels:
                levels.border_title = "Niveaus"
                levels.border_subtitle = "l p t: kiezen · d: DI-scan"
                yield Static(id="org-levels-note")
                with Container(id="org-levels-columns"):
                    for model in LEVEL_KEYS:
                        yield Static(id=f"org-level-{model}", classes="org-level")
        yield KeyBar()

    def on_mount(self) -> None:
        self.show_workbook(self.session)
        self.query_one("#org-levels").focus()

    def show_workbook(self, session: WorkbookSession) -> None:
        self.query_one("#org-profile-text", Static).update(profile_text(session.workbook.organisatie))
        note = latest_note(session.workbook)
        self.query_one("#org-levels-note", Static).update(
            Content.assemble((f"Toelichting ({short_date(note[0])}): ", "bold"), printable(note[1]), "\n")
            if note
            else ""
        )
        now = current_levels(session.workbook)
        for model, key in LEVEL_KEYS.items():
            self.query_one(f"#org-level-{model}", Static).update(self._level_text(session, model, key, now[model]))

    def _level_text(self, session: WorkbookSession, model: LevelModel, key: str, current: CurrentLevel) -> Content:
        """One level model: where the organisation stands, since when, how it changed, and the advice."""
        library = session.content
        parts: list[Content] = []
        level = level_by_id(library, model, current.level_id) if current.level_id else None
        heading = Content.assemble((MODEL_TITLES[model], "bold $text-primary"), (f"  ({key})", "$foreground-muted"))
        parts.append(heading)
        if level is None:
            parts.append(Content.styled(f"Nog niet gekozen; {key} kiest een niveau.", "italic"))
            if model == "di_typologie":
                parts.append(di_scan_summary(session))
        else:
            since = f" sinds {short_date(current.since)}" if current.since else ""
            parts.append(Content.assemble(("Nu: ", "bold"), (level.naam, "bold $accent"), since))
            history = level_history(session.workbook, model)
            if len(history) > 1:
                steps = [
                    f"{(found.naam if level_id and (found := level_by_id(library, model, level_id)) else 'geen')} "
                    f"({short_date(day)})"
                    for day, level_id in history
                ]
                parts.append(Content.styled("Verloop: " + " → ".join(steps), "$foreground-muted"))
            if model == "di_typologie":
                parts.append(di_scan_summary(session))
            parts.append(level_text(level, library, with_name=False))
        return Content("\n").join(parts)

    # -- keys -------------------------------------------------------------------------------------

    def action_di_scan(self) -> None:
        from screens.di_scan import open_di_scan  # noqa: PLC0415 - only when asked for

        open_di_scan(self.app, self.session)

    def restore_draft(self, draft: Draft) -> None:
        """Open the profile form again with what was typed before the app closed."""
        self.action_edit_profile(draft.values)

    def action_edit_profile(self, draft: FormValues | None = None) -> None:
        original = self.session.workbook.organisatie

        def saved(organisation: Organisation | None) -> None:
            if organisation is not None and organisation != original:
                self.werkboek.change(
                    with_organisation(self.session.workbook, organisation), "organisatieprofiel bewerkt"
                )

        form = ProfileFormScreen(original)
        self.app.push_screen(form.restoring(draft) if draft else form, saved)

    def action_note(self) -> None:
        workbook = self.session.workbook
        if not workbook.niveaus:
            self.notify("Kies eerst een niveau (l, p of t); de toelichting hoort bij die keuze.")
            return
        note = latest_note(workbook)

        def keep(text: str | None) -> None:
            if text is None or text.strip() == (note[1] if note else ""):
                return
            self.werkboek.change(with_latest_note(self.session.workbook, text), "toelichting bij de niveaus")

        self.app.push_screen(
            TextPromptScreen(
                "Toelichting bij de niveaus",
                "enter bewaart · escape annuleert · leeg maken haalt de toelichting weg",
                note[1] if note else "",
                placeholder="Waarom dit niveau? Wat zagen jullie?",
            ),
            keep,
        )

    def action_pick_level(self, model: LevelModel) -> None:
        current = current_levels(self.session.workbook)[model].level_id

        def chosen(level_id: str | None) -> None:
            if level_id is None:
                return
            wanted = None if level_id == CLEAR else level_id
            workbook = with_level(self.session.workbook, model, wanted, self.session.today)
            if workbook is self.session.workbook:
                return
            level = level_by_id(self.session.content, model, wanted) if wanted else None
            shown = level.naam if level else "geen"
            self.werkboek.change(workbook, f"{MODEL_TITLES[model]}: {shown}")

        self.app.push_screen(LevelPickerScreen(self.session.content, model, current), chosen)
