"""The app's own commands in the palette (ctrl+p), beside the keys of the screen in view."""

from __future__ import annotations

from functools import partial
from typing import TYPE_CHECKING

from models.settings import config_path
from tui.commands import PaletteCommand
from tui.themes import LABELS

if TYPE_CHECKING:
    from tui.app import WerkboekApp


def app_commands(app: WerkboekApp) -> list[PaletteCommand]:
    """Commands that work everywhere; those of an open workbook only when one is open."""
    commands = [
        PaletteCommand("Hulp", "Wat dit scherm doet en al zijn toetsen (toets ? of f1)", app.action_help,
                       "help keys shortcuts"),
        PaletteCommand("Werkboeken", "Alle werkboeken in de map: openen, nieuw werkboek, nieuwe cyclus",
                       app.show_portfolio, "open workbooks files clients portfolio"),
        PaletteCommand("Nieuw werkboek", "Begin een werkboek voor een nieuwe klant",
                       partial(app.run_on_screen_any, "werkboeken", "new"), "new workbook client"),
        *(
            PaletteCommand(f"Thema: {label}", "Kleuren van het werkboek; de keuze wordt onthouden",
                           partial(app.set_theme, name), "theme colours colors dark light contrast projector")
            for name, label in LABELS.items()
        ),
        PaletteCommand("Instellingen", f"Waar je toetsen, thema en werkboekmap instelt: {config_path()}",
                       partial(_show_settings, app), "settings config keymap preferences"),
    ]  # fmt: skip
    if app.session is None:
        return commands
    return [
        *commands,
        PaletteCommand("Nieuwe meting", "Scoor de tien succesfactoren, één voor één", app.start_scoring,
                       "new score round rating"),
        PaletteCommand("Meting corrigeren", "Open een eerdere meting om scores te verbeteren",
                       app.correct_round, "correct edit score round"),
        PaletteCommand("Rapport maken", "Plan van aanpak (HTML, Word, PDF, Markdown) of acties voor Excel",
                       app.tasks.export_report, "export report print word docx pdf xlsx csv excel html markdown"),
        PaletteCommand("Excel terug inlezen",
                       "Lees de acties terug die de werkgever in Excel bijwerkte; eerst zie je wat verandert",
                       app.tasks.read_back_excel, "import excel xlsx read back status"),
        PaletteCommand("Geschiedenis", "De versies van dit werkboek in git en wat er telkens veranderde",
                       app.show_history, "history git log versions"),
        PaletteCommand("Akkoord op het plan", "Wie akkoord gaf op het plan van aanpak: vastleggen, bewerken "
                       "(toets a op Dashboard en Logboek)", partial(_show_agreements, app),
                       "consent agreement approval signature sign"),
        PaletteCommand("DI-scan", "Per DI-indicator niet, begonnen of geborgd, met toelichting "
                       "(toets d op Organisatie)", partial(_show_di_scan, app),
                       "di scan duurzame inzetbaarheid sustainable employability indicators"),
        PaletteCommand("Voortgang sinds …", "Wat er veranderde sinds de vorige sessie of een git-versie: afgerond, "
                       "nieuw, scores, wettelijk minimum, sessies", partial(_show_progress, app),
                       "progress since last visit changes voortgang"),
        PaletteCommand("Nieuwe cyclus", "Kopie voor een nieuwe periode: geschiedenis bewaard, open acties mee",
                       app.ask_new_cycle, "new cycle period year copy"),
        PaletteCommand("Conflicten oplossen", "Wat een samenvoeging niet kon beslissen: kies per conflict een kant",
                       app.show_conflicts, "conflicts merge resolve"),
        PaletteCommand("Vastleggen", "Leg dit werkboek vast in git, met een beschrijving van wat veranderde",
                       app.action_git_commit, "git commit save version"),
        PaletteCommand("Bijwerken", "Haal binnen wat collega's deelden en voeg het samen (git pull)",
                       app.action_git_pull, "git pull update fetch merge"),
        PaletteCommand("Delen", "Zet je vastleggingen in de gedeelde repository (git push)", app.action_git_push,
                       "git push share upload"),
        PaletteCommand("Nu opslaan", "Schrijf de wijzigingen nu naar het bestand", app.tasks.save_now,
                       "save write"),
        PaletteCommand("Wijziging op schijf afhandelen",
                       "Kies wat er gebeurt als het bestand buiten het werkboek is gewijzigd",
                       app.action_resolve_conflict, "conflict disk reload changed"),
    ]  # fmt: skip


def _show_agreements(app: WerkboekApp) -> None:
    from screens.agreements import open_agreements  # noqa: PLC0415 - only when asked for

    open_agreements(app)


def _show_di_scan(app: WerkboekApp) -> None:
    from screens.di_scan import open_di_scan  # noqa: PLC0415 - only when asked for

    if app.session is not None:
        open_di_scan(app, app.session)


def _show_progress(app: WerkboekApp) -> None:
    from screens.progress import ask_progress  # noqa: PLC0415 - only when asked for

    if app.session is not None:
        ask_progress(app, app.session)


def _show_settings(app: WerkboekApp) -> None:
    path = config_path()
    where = f"{path}" if path.exists() else f"{path} (bestaat nog niet; 'werkboek config' maakt het aan)"
    app.notify(f"Instellingen: {where}", timeout=12)
