"""The Wettelijk minimum screen follows the client's size: editing medewerkers on Organisatie changes what the
legal screen says, the next time it is shown and at once when it is on screen."""

from __future__ import annotations

from pathlib import Path

from conftest import TODAY
from textual.widgets import Input, Static
from waiting import until

from screens.external_change import ExternalChangeScreen
from screens.legal import LegalScreen
from screens.organisation import OrganisationScreen
from screens.profile_form import ProfileFormScreen
from tui.app import WerkboekApp
from widgets.hanging_list import HangingOptionList

TOETSING = 5
"""Position of the toetsing item in the list (after arbobeleid, rie, bijzondere groepen, plan, rie-actueel)."""


def detail(app: WerkboekApp) -> str:
    return app.screen.query_one("#legal-detail-text", Static).render().plain  # type: ignore[union-attr]


def row(app: WerkboekApp, item_id: str) -> str:
    items = app.screen.query_one("#legal-list", HangingOptionList)
    return " ".join(items.get_option(item_id).prompt.plain.split())  # type: ignore[union-attr]


async def test_editing_medewerkers_on_organisatie_changes_the_legal_screen(workbook_file: Path) -> None:
    app = WerkboekApp(workbook_file, today=TODAY)
    async with app.run_test(size=(100, 40)) as pilot:
        await pilot.press("6", *["down"] * TOETSING)
        await pilot.pause()
        assert isinstance(app.screen, LegalScreen)
        text = detail(app)
        assert text.startswith("Toetsing van de RI&E")
        assert "Bij deze klant (34 medewerkers, PVT)" in text and "Boven 25 werknemers" in text
        assert "Omvang:" not in text and "uitzondering mogelijk" not in row(app, "toetsing")

        await pilot.press("8", "e")
        await pilot.pause()
        assert isinstance(app.screen, ProfileFormScreen)
        field = app.screen.query_one("#medewerkers", Input)
        field.focus()
        field.value = ""
        await pilot.press(*"12", "ctrl+s")
        await pilot.pause()
        assert isinstance(app.screen, OrganisationScreen)

        await pilot.press("6")
        await pilot.pause()
        assert isinstance(app.screen, LegalScreen)
        text = detail(app)
        assert text.startswith("Toetsing van de RI&E"), "the cursor stays on the item"
        assert "Omvang: ≈ uitzondering mogelijk" in text
        assert "Bij deze klant (12 medewerkers, PVT)" in text and "erkend RI&E-instrument van de eigen branche" in text
        assert row(app, "toetsing").endswith("Toetsing van de RI&E ≈ uitzondering mogelijk")
        assert row(app, "preventiemedewerker").endswith("≈ uitzondering mogelijk")
        assert "uitzondering" not in row(app, "instemming-or"), "with a PVT the consent right applies"


async def test_the_visible_legal_screen_follows_a_new_size_at_once(workbook_file: Path) -> None:
    app = WerkboekApp(workbook_file, today=TODAY)
    async with app.run_test(size=(100, 40)) as pilot:
        await pilot.press("6")
        await pilot.pause()
        items = app.screen.query_one("#legal-list", HangingOptionList)
        assert items.border_title == "Wettelijk minimum · 7 van 23 in orde"
        text = workbook_file.read_text(encoding="utf-8")
        text = text.replace("medewerkers = 34", "medewerkers = 8").replace('medezeggenschap = "pvt"', "")
        workbook_file.write_text(text, encoding="utf-8")
        await until(lambda: isinstance(app.screen, ExternalChangeScreen), "the file check notices", pilot=pilot)
        await pilot.press("h")  # load the file as it is now
        await until(lambda: isinstance(app.screen, LegalScreen), "back on the legal screen", pilot=pilot)
        await until(lambda: "geldt niet 1" in str(items.border_subtitle), "the legal screen redrawn", pilot=pilot)
        assert items.border_title == "Wettelijk minimum · 7 van 22 in orde"
        assert row(app, "instemming-or").endswith("– niet bij deze omvang")
        await pilot.press(*["down"] * 8)  # to instemming-or
        await pilot.pause()
        text = detail(app)
        assert text.startswith("Instemming OR of PVT met arboregelingen")
        assert "Bij deze klant (8 medewerkers)" in text and "vrijwillig een PVT" in text


async def test_the_form_says_when_an_exemption_may_apply(workbook_file: Path) -> None:
    text = workbook_file.read_text(encoding="utf-8").replace("medewerkers = 34", "medewerkers = 20")
    workbook_file.write_text(text, encoding="utf-8")
    app = WerkboekApp(workbook_file, today=TODAY)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("6", *["down"] * TOETSING, "e")
        await pilot.pause()
        note = app.screen.query_one("#legal-form-scope", Static).render().plain  # type: ignore[union-attr]
        assert note == "Bij deze omvang: ≈ uitzondering mogelijk (waarom: zie Bij deze klant)"
        await pilot.press("escape")
        await pilot.pause()
        await pilot.press("up", "e")  # rie-actueel applies to everyone: no note
        await pilot.pause()
        assert not app.screen.query("#legal-form-scope")
