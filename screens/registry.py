"""Every screen and every widget with keys, in one place.

The app's modes and number keys, the titles in help and notices, the palette's commands of other
screens, the keymap check and ``werkboek config --toetsen`` all read these lists; nothing else keeps
its own. A screen or widget with keys that is not listed here fails ``tests/test_registry.py``.

Plain data: modules are named as strings, so nothing is imported until a class is asked for
(:meth:`Registered.load`), and this module itself loads neither Textual nor any screen.
"""

from __future__ import annotations

import importlib
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from textual.screen import Screen


@dataclass(frozen=True)
class Registered:
    """A class of the app: where it lives and its Dutch title (in help, notices and key lists)."""

    module: str
    class_name: str
    title: str

    def load(self) -> type[Any]:
        """The class itself, importing its module on first use."""
        loaded: type[Any] = getattr(importlib.import_module(self.module), self.class_name)
        return loaded


@dataclass(frozen=True)
class MainScreen(Registered):
    """A screen of its own mode: the eight main screens (number keys 1–8) and Werkboeken."""

    mode: str = ""
    key: str = ""
    """The number key that shows it; empty for Werkboeken, which is opened by name."""
    help: str = ""
    """One line about the screen: the tooltip of its number key."""

    def factory(self) -> Callable[[], Screen[None]]:
        """Makes the screen, importing its module on first use."""

        def make() -> Screen[None]:
            screen: Screen[None] = self.load()()
            return screen

        return make


@dataclass(frozen=True)
class Form(Registered):
    """A form whose typed text is kept as a draft when the app must close, and comes back on its
    main screen the next time the workbook opens."""

    draft: str = ""
    """The name its draft is kept under (the form's ``DRAFT_FORM``, see models/drafts.py)."""
    returns_to: str = ""
    """The mode of the main screen that brings the draft back."""


APP = Registered("tui.app", "WerkboekApp", "Overal")
"""The app itself: owner of the keys that work on every screen (number keys, undo, help, quit)."""

MAIN_SCREENS: tuple[MainScreen, ...] = (
    MainScreen(
        "screens.dashboard", "DashboardScreen", "Dashboard",
        mode="dashboard", key="1", help="Overzicht van scores, fasen, acties en deadlines",
    ),
    MainScreen(
        "screens.factors", "FactorsScreen", "Succesfactoren",
        mode="succesfactoren", key="2", help="De tien succesfactoren met scores, verloop, metingen en strategieën",
    ),
    MainScreen(
        "screens.phases", "PhasesScreen", "Fasen",
        mode="fasen", key="3", help="De vijf fasen met doel, stappen, checklist om af te vinken en strategieën",
    ),
    MainScreen(
        "screens.actions", "ActionsScreen", "Acties",
        mode="acties", key="4", help="Het actieplan: zoeken, sorteren, toevoegen en bewerken",
    ),
    MainScreen(
        "screens.library", "LibraryScreen", "Bibliotheek",
        mode="bibliotheek", key="5", help="Zoek in strategieën, wettelijk minimum, interventies en meer",
    ),
    MainScreen(
        "screens.legal", "LegalScreen", "Wettelijk minimum",
        mode="wettelijk", key="6", help="Wat de wet vraagt: per item aanwezig, ontbreekt, onbekend of nvt",
    ),
    MainScreen(
        "screens.logbook", "LogbookScreen", "Logboek",
        mode="logboek", key="7", help="Verslagen van de sessies: wie er was, wat besproken en afgesproken is",
    ),
    MainScreen(
        "screens.organisation", "OrganisationScreen", "Organisatie",
        mode="organisatie", key="8", help="Profiel van de organisatie en haar niveaus op de drie ladders",
    ),
)  # fmt: skip
"""The main screens of an open workbook, in the order of their number keys."""

PORTFOLIO = MainScreen(
    "screens.portfolio", "PortfolioScreen", "Werkboeken",
    mode="werkboeken", help="Alle werkboeken in de map: openen, nieuw werkboek, nieuwe cyclus",
)  # fmt: skip
"""Not a workbook screen: it lists the workbooks, and is there before any is open."""

FORMS: tuple[Form, ...] = (
    Form("screens.action_form", "ActionFormScreen", "Actieformulier", draft="actie", returns_to="acties"),
    Form("screens.log_form", "LogFormScreen", "Verslag", draft="verslag", returns_to="logboek"),
    Form("screens.agreement_form", "AgreementFormScreen", "Akkoord", draft="akkoord", returns_to="logboek"),
    Form("screens.legal_form", "LegalFormScreen", "Wettelijk minimum", draft="wettelijk", returns_to="wettelijk"),
    Form("screens.profile_form", "ProfileFormScreen", "Organisatieprofiel", draft="profiel", returns_to="organisatie"),
    Form("screens.commit_form", "CommitFormScreen", "Vastleggen", draft="vastleggen", returns_to="dashboard"),
)

OTHER_SCREENS: tuple[Registered, ...] = (
    Registered("screens.form", "FormScreen", "Formulier"),
    Registered("screens.history", "HistoryScreen", "Geschiedenis"),
    Registered("screens.conflicts", "ConflictsScreen", "Conflicten"),
    Registered("screens.agreements", "AgreementsScreen", "Akkoord op het plan"),
    Registered("screens.di_scan", "DiScanScreen", "DI-scan"),
    Registered("screens.version", "VersionScreen", "Eerdere versie"),
    Registered("screens.progress", "ProgressScreen", "Voortgang sinds"),
    Registered("screens.scoring", "ScoringScreen", "Meting"),
    Registered("screens.load_error", "LoadErrorScreen", "Werkboek niet te openen"),
    Registered("screens.too_small", "TooSmallScreen", "Venster te klein"),
    Registered("screens.item_detail", "ItemDetailScreen", "Item"),
    Registered("screens.rounds", "RoundPickerScreen", "Meting corrigeren"),
    Registered("screens.action_filter", "ActionFilterScreen", "Filter kiezen"),
    Registered("screens.level_picker", "LevelPickerScreen", "Niveau kiezen"),
    Registered("screens.export", "ExportScreen", "Rapport maken"),
    Registered("screens.import_preview", "ImportPreviewScreen", "Excel terug inlezen"),
    Registered("screens.confirm", "ConfirmScreen", "Vraag"),
    Registered("screens.prompt", "TextPromptScreen", "Vraag"),
    Registered("screens.external_change", "ExternalChangeScreen", "Gewijzigd op schijf"),
    Registered("screens.recovery", "RecoveryScreen", "Herstelkopie"),
    Registered("screens.help", "HelpScreen", "Hulp"),
)
"""Screens and dialogs opened from the main screens (FormScreen: the keys every form shares)."""

BASES: tuple[Registered, ...] = (
    Registered("screens.base", "AppScreen", "Elk scherm"),
    Registered("screens.base", "AppDialog", "Elk venster"),
    Registered("screens.base", "WorkbookScreen", "Hoofdscherm"),
    Registered("screens.reference", "ReferenceScreen", "Naslagscherm"),
)
"""Screen classes that are only bases of the screens above; AppScreen has the keys every screen and
dialog shares (the next and previous field, copying a selection)."""

WIDGETS: tuple[Registered, ...] = (
    Registered("widgets.action_table", "ActionTable", "Actietabel"),
    Registered("widgets.lists", "ChoiceList", "Lijst"),
    Registered("widgets.lists", "ChoiceTable", "Tabel"),
    Registered("widgets.hanging_list", "HangingOptionList", "Lijst"),
    Registered("widgets.checkbox_list", "CheckboxList", "Vinklijst"),
    Registered("widgets.text_field", "TextField", "Tekstveld"),
    Registered("widgets.text_field", "SearchField", "Zoek- en vraagveld"),
    Registered("widgets.text_box", "TextBox", "Tekstvak"),
    Registered("widgets.choice", "Choice", "Keuzemenu"),
    Registered("widgets.choice", "ChoiceOverlay", "Open keuzemenu"),
    Registered("widgets.scroll", "Scroll", "Leesvak"),
)
"""Widgets of the app with keys (their own, or Textual's given an id again so they can be remapped)."""

DRAFT_FORMS: dict[str, str] = {form.draft: form.returns_to for form in FORMS}
"""Which main screen brings back a draft of each form."""

PRELOADED: tuple[str, ...] = (
    *(screen.module for screen in MAIN_SCREENS if screen.mode != "dashboard"),
    "screens.item_detail",
    "screens.scoring",
)
"""Imported in the background once the dashboard is up, so opening them the first time is quick."""


def screens() -> Iterator[Registered]:
    """Every screen and dialog the app shows (not the bases)."""
    yield from MAIN_SCREENS
    yield PORTFOLIO
    yield from FORMS
    yield from OTHER_SCREENS


def key_owners() -> Iterator[Registered]:
    """Everything that can have keys: the app, every screen, the bases of screens and every widget with keys."""
    yield APP
    yield from screens()
    yield from BASES
    yield from WIDGETS


def title_of(class_name: str, default: str = "dit scherm") -> str:
    """The Dutch title of a registered screen (or widget), by its class name."""
    for entry in (*screens(), *WIDGETS):
        if entry.class_name == class_name:
            return entry.title
    return default


def screen_title(screen: object) -> str:
    """The Dutch title of a screen object: its own class, else the nearest registered base class."""
    for cls in type(screen).__mro__:
        title = title_of(cls.__name__, "")
        if title:
            return title
    return "dit scherm"
