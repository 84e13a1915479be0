"""The main screens, their number keys, and how each is made the first time it is shown.

Screens other than the dashboard are imported when first needed, which keeps start-up short.
"""

from __future__ import annotations

import importlib
from collections.abc import Callable
from dataclasses import dataclass

from textual.screen import Screen


@dataclass(frozen=True)
class MainScreen:
    """One main screen: its mode name, number key, Dutch name and help, and where its class lives."""

    mode: str
    key: str
    name: str
    help: str
    module: str
    class_name: str

    def factory(self) -> Callable[[], Screen[None]]:
        """Makes the screen, importing its module on first use."""

        def make() -> Screen[None]:
            screen_class: type[Screen[None]] = getattr(importlib.import_module(self.module), self.class_name)
            return screen_class()

        return make


MAIN_SCREENS: tuple[MainScreen, ...] = (
    MainScreen(
        "dashboard", "1", "Dashboard", "Overzicht van scores, fasen, acties en deadlines",
        "screens.dashboard", "DashboardScreen",
    ),
    MainScreen(
        "succesfactoren", "2", "Succesfactoren", "De tien succesfactoren met scores, verloop, metingen en strategieën",
        "screens.factors", "FactorsScreen",
    ),
    MainScreen(
        "fasen", "3", "Fasen", "De vijf fasen met doel, stappen, checklist om af te vinken en strategieën",
        "screens.phases", "PhasesScreen",
    ),
    MainScreen(
        "acties", "4", "Acties", "Het actieplan: zoeken, sorteren, toevoegen en bewerken",
        "screens.actions", "ActionsScreen",
    ),
    MainScreen(
        "bibliotheek", "5", "Bibliotheek", "Zoek in strategieën, wettelijk minimum, interventies en meer",
        "screens.library", "LibraryScreen",
    ),
    MainScreen(
        "wettelijk", "6", "Wettelijk minimum", "Wat de wet vraagt: per item aanwezig, ontbreekt, onbekend of nvt",
        "screens.legal", "LegalScreen",
    ),
    MainScreen(
        "logboek", "7", "Logboek", "Verslagen van de sessies: wie er was, wat besproken en afgesproken is",
        "screens.logbook", "LogbookScreen",
    ),
    MainScreen(
        "organisatie", "8", "Organisatie", "Profiel van de organisatie en haar niveaus op de drie ladders",
        "screens.organisation", "OrganisationScreen",
    ),
)  # fmt: skip

PORTFOLIO = MainScreen(
    "werkboeken", "", "Werkboeken", "Alle werkboeken in de map: openen, nieuw werkboek, nieuwe cyclus",
    "screens.portfolio", "PortfolioScreen",
)  # fmt: skip
"""Not a workbook screen: it lists the workbooks, and is there before any is open."""

DRAFT_FORMS: dict[str, str] = {
    "actie": "acties",
    "verslag": "logboek",
    "wettelijk": "wettelijk",
    "profiel": "organisatie",
}
"""Which main screen brings back a draft of each form (the ``DRAFT_FORM`` of the form screens)."""

PRELOADED = (
    *(screen.module for screen in MAIN_SCREENS if screen.mode != "dashboard"),
    "screens.item_detail",
    "screens.scoring",
)
"""Imported in the background once the dashboard is up, so opening them the first time is quick."""
