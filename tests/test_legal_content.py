"""The legal minimum's content: the items issue 15 asks for, official links, article numbers only where
checked, and the wording rules (no "hij"/"hem" for persons, "werkgever" or "ondernemer" for the business owner)."""

from __future__ import annotations

import re
from urllib.parse import urlsplit

import pytest

from models.content import Content

NEW_ITEMS = {
    "ongevallen": "Arbowet art. 9 lid 1 en 2",
    "samenwerking": "Arbowet art. 12",
    "instemming-or": "WOR art. 27",
    "bijzondere-groepen": None,
    "verzuimgegevens": None,
}


def _hosts(text: str | None) -> set[str]:
    return {urlsplit(link).hostname or "" for link in re.findall(r"https://[^\s;]+", text or "")}


def test_the_law_is_complete(content: Content) -> None:
    assert len(content.legal) == 23
    for item_id, article in NEW_ITEMS.items():
        item = content.legal_by_id[item_id]
        assert item.artikel == article, item_id
        assert "wetten.overheid.nl" in _hosts(item.verwijzing), item_id


def test_the_new_items_say_what_the_law_asks(content: Content) -> None:
    accidents = content.legal_by_id["ongevallen"].eis
    assert "Nederlandse Arbeidsinspectie" in accidents and "meer dan drie werkdagen" in accidents
    groups = content.legal_by_id["bijzondere-groepen"].eis
    assert "jongeren onder de 18" in groups and "zwangere" in groups and "borstvoeding" in groups
    privacy = content.legal_by_id["verzuimgegevens"]
    assert "diagnose" in privacy.eis and "Autoriteit Persoonsgegevens" in privacy.eis
    assert "www.autoriteitpersoonsgegevens.nl" in _hosts(privacy.verwijzing)
    assert "www.nlarbeidsinspectie.nl" in _hosts(content.legal_by_id["ongevallen"].verwijzing)
    consent = content.legal_by_id["instemming-or"].eis
    assert "vanaf 50" in consent and "meerderheid van het personeel" in consent and "PVT" in consent


def test_only_the_pago_is_required(content: Content) -> None:
    pago = content.legal_by_id["pago"]
    assert pago.titel == "PAGO aanbieden"
    assert "PMO" not in pago.titel and "vrijwillig" in pago.eis


@pytest.mark.parametrize("word", ["hij", "hem", "zijn eigen", "eigenaar"])
def test_no_gendered_person_and_no_eigenaar_for_the_employer(content: Content, word: str) -> None:
    for item in content.legal:
        texts = [item.titel, item.eis, item.voor_wie, item.in_orde, *(rule.uitleg for rule in item.omvang)]
        for text in texts:
            assert not re.search(rf"\b{word}\b", text, re.IGNORECASE), (item.id, word)
