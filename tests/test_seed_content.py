"""What issue 15 part 8 adds from the seeds, and the language rules of part 10 for the files it touches.

Seed 001 (the RIVM scoping review): the seven home-working practices of Tabel B1.2 and the experts'
relevance per actor of Tabel 1. Seed 004 (the whitepaper): the "bijblijven en gezond blijven" cycle, the
twelve benefits and the summary card for the works council.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from models.content import Content
from models.content_items import Practice
from models.library import CAUTION, Library

SEEDS = "001_ea66a486b3df8cef.txt"
SEED_DIR = Path(__file__).resolve().parents[2] / "shared" / "seeds"
"""Where the project keeps the seed documents, next to the checkouts; tests that read them skip without."""
B12 = re.compile(r"001_ea66a486b3df8cef\.txt, Bijlage 1, Tabel B1\.2 nr\. (\d+)(?:;|$)")
B12_YEARS = {1: 2021, 2: 2022, 3: 2023, 4: 2021, 5: 2022, 6: 2021, 7: 2020}
"""The year Tabel B1.2 gives each practice, as read in the seed."""
EDITORIAL = ("zo staat het in de bron", "vermeldt de bron niet", "de tabel spreekt", "blijkt er niet uit")


@pytest.fixture(scope="module")
def library() -> Library:
    from models.content import default_content

    return Library(default_content())


def _home_working(content: Content) -> dict[int, Practice]:
    found: dict[int, Practice] = {}
    for practice in content.practices:
        match = B12.search(practice.bron)
        if match:
            number = int(match.group(1))
            assert number not in found, f"Tabel B1.2 nr. {number} staat er twee keer in"
            found[number] = practice
    return found


def test_the_seven_home_working_practices_of_table_b1_2_are_all_there(content: Content) -> None:
    practices = _home_working(content)
    assert sorted(practices) == [1, 2, 3, 4, 5, 6, 7]
    for number, practice in practices.items():
        assert practice.land == "Nederland", number
        assert practice.componenten == "meervoudig", number  # 001 §3.3.4: all seven are multi-component
        assert practice.jaar == B12_YEARS[number], number
        assert "3.3.4 Goede praktijken voor thuiswerkers" in practice.bron
    assert practices[1].sector == "Cultuur, sport en recreatie"
    assert {practices[n].sector for n in (4, 5, 6, 7)} == {"Financiële instellingen"}
    assert "9% naar 4,2% in 2020" in practices[1].resultaat


def test_searching_thuiswerken_finds_all_seven_as_practices(content: Content, library: Library) -> None:
    wanted = {practice.id for practice in _home_working(content).values()}
    hits = library.search("thuiswerken", kind="praktijk")
    found = {hit.item.id for hit in hits}
    assert wanted <= found
    assert {hit.item.id for hit in hits[:7]} == wanted, "the seven carry the word in their title and come first"


def test_a_practice_shows_its_year_and_a_caution_apart_from_the_result(library: Library) -> None:
    item = library.by_key["praktijk:thuiswerken-vitaliteitsbeleid-online-events"]
    where = next(section for section in item.sections if section.heading == "Waar")
    assert where.text.startswith("Nederland, Financiële instellingen, 2020;")
    noted = library.by_key["praktijk:richtlijnen-architecten-stratenmakers"]
    result = next(section for section in noted.sections if section.heading == "Gerapporteerd resultaat")
    caution = next(section for section in noted.sections if section.heading == CAUTION)
    assert "3,9%" in result.text and "procentpunten" not in result.text
    assert "procentpunten" in caution.text


def _fact_texts(content: Content) -> list[tuple[str, str]]:
    """Every user-facing text that states something as fact, with where it is."""
    texts: list[tuple[str, str]] = []
    for practice in content.practices:
        for name in ("titel", "sector", "wat", "resultaat"):
            texts.append((f"praktijk {practice.id}.{name}", getattr(practice, name)))
    for actor in content.actors:
        for name in ("naam", "rol", "wanneer"):
            texts.append((f"actor {actor.id}.{name}", getattr(actor, name)))
    for intervention in content.interventions:
        for name in ("titel", "beschrijving", "doelgroep", "oordeel"):
            texts.append((f"interventie {intervention.id}.{name}", getattr(intervention, name)))
    for item in (*content.domains, *content.steps):
        texts += [(f"beleid {item.id}.naam", item.naam), (f"beleid {item.id}.uitleg", item.uitleg)]
    for question in (*content.w_questions, *content.test_questions):
        texts += [(f"beleid {question.id}.vraag", question.vraag), (f"beleid {question.id}.uitleg", question.uitleg)]
    task, benefits, card = content.core_task, content.benefits, content.or_card
    texts += [("beleid kerntaak", text) for text in (task.naam, task.uitleg, task.gebruik)]
    texts += [("beleid kerntaak.stap", f"{step.naam} {step.uitleg}") for step in task.stappen]
    texts += [("beleid opbrengsten", text) for text in (benefits.titel, benefits.uitleg, *benefits.punten)]
    texts += [("beleid or-kaart", text) for text in (card.titel, card.uitleg)]
    texts += [("beleid or-kaart", text) for part in card.onderdelen for text in part.punten]
    return texts


def test_no_editorial_notes_in_text_shown_as_fact(content: Content) -> None:
    for where, text in _fact_texts(content):
        for phrase in EDITORIAL:
            assert phrase not in text.lower(), (where, phrase)


def test_one_sbi_label_per_sector(content: Content) -> None:
    sectors = {practice.sector for practice in content.practices}
    assert not [sector for sector in sectors if "/" in sector]
    assert "Gezondheids- en welzijnszorg" in sectors
    assert "Informatie en communicatie" in sectors


def test_percentages_are_written_one_way(content: Content) -> None:
    for where, text in _fact_texts(content):
        assert not re.search(r"\d %", text), where
        assert not re.search(r"\bprocent(en)?\b", text), where


TABLE_1 = {
    "Arbeidshygiënist": "arbeidshygienist",
    "A&O-deskundige": "ao-deskundige",
    "Preventiemedewerker": "preventiemedewerker",
    "Bedrijfsarts": "bedrijfsarts",
    "Veiligheidsdeskundige": "veiligheidsdeskundige",
    "HR-professional": "hr-professional",
    "Arboverpleegkundige": "arboverpleegkundige",
    "Physician assistant (PA)": "verpleegkundig-specialist",
    "Ergonoom": "ergonoom",
    "Praktijkondersteuner bedrijfsarts": "praktijkondersteuner-bedrijfsarts",
    "Bedrijfsmaatschappelijk werker": "bedrijfsmaatschappelijk-werker",
    "Vertrouwenspersoon": "vertrouwenspersoon",
    "organisatiepsycholoog": "ao-psycholoog",
    "Casemanager": "casemanager",
    "Arbeidsdeskundige": "arbeidsdeskundige",
    "Praktijkondersteuner huisarts": "praktijkondersteuner-huisarts",
    "Loopbaanadviseur": "loopbaanadviseur",
    "Huisarts": "huisarts",
    "Medisch specialist": "medisch-specialist",
    "Budgetcoach": "budgetcoach",
    "Voedingsdeskundige": "voedingsdeskundige",
}
"""The 21 rows of 001 Tabel 1 by the name the seed prints (the last line of it where it wraps), and our actor id."""
_SCORES = re.compile(r"(\d+% \(\d+\)) (\d+% \(\d+\)) (\d+% \(\d+\))")


def _table_1() -> dict[str, tuple[str, str, str]]:
    """Tabel 1 as printed in seed 001: per actor id the three cells, read from the seed text itself."""
    text = (SEED_DIR / SEEDS).read_text(encoding="utf-8")
    start = text.index("Tabel 1 Gescoorde relevantie van actoren")
    table = text[start : text.index("5.4 Conclusie en beschouwing", start)]
    rows: dict[str, tuple[str, str, str]] = {}
    name = ""
    for raw in table.splitlines():
        line = raw.strip()
        scores = _SCORES.search(line)
        label = line[: scores.start()].strip() if scores else line
        if label:
            name = label
        if scores:
            rows[TABLE_1[name]] = (scores.group(1), scores.group(2), scores.group(3))
    return rows


def test_every_actor_of_table_1_carries_the_scores_exactly_as_printed(content: Content) -> None:
    if not (SEED_DIR / SEEDS).exists():
        pytest.skip("the seed documents are not next to this checkout")
    printed = _table_1()
    assert len(printed) == 21
    actors = {actor.id: actor for actor in content.actors}
    for actor_id, cells in printed.items():
        score = actors[actor_id].relevantie
        assert score is not None, actor_id
        assert score.experts == 9
        shown = (
            score.shown(score.zeer_relevant),
            score.shown(score.relevant_niet_primair),
            score.shown(score.niet_relevant),
        )
        assert shown == cells, actor_id
        assert "001_ea66a486b3df8cef.txt, 5.3 Resultaten, Tabel 1" in actors[actor_id].bron
    unscored = {actor.id for actor in content.actors if actor.relevantie is None}
    assert unscored == set(actors) - set(printed)


def test_a_few_relevance_scores_as_read_in_the_seed(content: Content) -> None:
    actors = {actor.id: actor for actor in content.actors}
    for actor_id, very, relevant, not_relevant in (
        ("arbeidshygienist", 8, 1, 0),
        ("bedrijfsarts", 7, 2, 0),
        ("loopbaanadviseur", 0, 9, 0),
        ("voedingsdeskundige", 0, 4, 5),
    ):
        score = actors[actor_id].relevantie
        assert score is not None
        assert (score.zeer_relevant, score.relevant_niet_primair, score.niet_relevant) == (very, relevant, not_relevant)
    assert actors["werkgever"].relevantie is None  # Tabel 1 has no werkgever, werknemer or OR


def test_the_library_shows_an_actors_relevance_as_the_table_prints_it(library: Library) -> None:
    item = library.by_key["actor:arbeidshygienist"]
    section = next(section for section in item.sections if "experts" in section.heading)
    assert section.text.splitlines()[:3] == [
        "Zeer relevant: 89% (8)",
        "Relevant, maar niet primair: 11% (1)",
        "Niet relevant: 0% (0)",
    ]
    assert not [s for s in library.by_key["actor:werkgever"].sections if "experts" in s.heading]


def test_answers_that_do_not_add_up_to_the_experts_are_refused() -> None:
    from models.content_items import Relevance
    from models.schema import ValidationError

    with pytest.raises(ValidationError, match="tellen op tot 8"):
        Relevance(experts=9, zeer_relevant=8, relevant_niet_primair=0, niet_relevant=0)


def test_the_core_task_of_seed_004_has_its_five_steps_in_order(content: Content) -> None:
    task = content.core_task
    assert [step.naam for step in task.stappen] == [
        "Signaleren",
        "Analyseren",
        "Voorstellen",
        "Prioriteren",
        "Monitoren",
    ]
    assert task.bron.startswith("004_0e085b91b4fef192.txt, Vrijblijvendheid van werk & gezondheid")


def test_the_benefits_list_of_seed_004_has_twelve_points(content: Content) -> None:
    assert len(content.benefits.punten) == 12
    assert len(set(content.benefits.punten)) == 12
    assert content.benefits.bron.startswith("004_0e085b91b4fef192.txt, Wat levert investeren in werk & gezondheid op?")


def test_the_card_for_the_works_council_reads_as_one_page_with_four_headings(library: Library) -> None:
    item = library.by_key["beleid:kaart-werk-en-gezondheid-voor-de-or"]
    assert item.kind == "beleid"
    assert [section.heading for section in item.sections][:4] == ["Waarom", "Wat", "Wie", "Hoe"]
    assert all(section.text.startswith("• ") for section in item.sections[:4])
    lines = sum(len(section.text.splitlines()) + 2 for section in item.sections)
    assert lines <= 40, "a page, not a report"


def test_a_card_without_its_four_parts_in_order_is_refused() -> None:
    from models.policy_items import ConversationCard
    from models.schema import ValidationError

    parts = [{"kop": kop, "punten": ["x"]} for kop in ("Waarom", "Wie", "Wat", "Hoe")]
    with pytest.raises(ValidationError, match="Waarom, Wat, Wie, Hoe"):
        ConversationCard.model_validate({"id": "k", "titel": "t", "uitleg": "u", "onderdelen": parts, "bron": "b"})


@pytest.mark.parametrize(
    ("query", "key"),
    [
        ("gezond blijven", "beleid:kerntaak-bijblijven-en-gezond-blijven"),
        ("signaleren", "beleid:kerntaak-bijblijven-en-gezond-blijven"),
        ("opbrengsten", "beleid:opbrengsten-twaalf-opbrengsten"),
        ("ondernemingsraad", "beleid:kaart-werk-en-gezondheid-voor-de-or"),
        ("OR gesprekskaart", "beleid:kaart-werk-en-gezondheid-voor-de-or"),
        ("relevant experts arbeidshygienist", "actor:arbeidshygienist"),
    ],
)
def test_the_library_search_finds_the_new_items(library: Library, query: str, key: str) -> None:
    assert key in [hit.item.key for hit in library.search(query)]


def test_the_whitepaper_pages_are_under_beleidskader(library: Library) -> None:
    keys = [hit.item.key for hit in library.search(kind="beleid")]
    for key in (
        "beleid:kerntaak-bijblijven-en-gezond-blijven",
        "beleid:opbrengsten-twaalf-opbrengsten",
        "beleid:kaart-werk-en-gezondheid-voor-de-or",
    ):
        assert key in keys


def test_persons_are_not_hij_or_hem_and_the_business_owner_is_no_eigenaar(content: Content) -> None:
    for where, text in _fact_texts(content):
        if where.startswith(("actor", "beleid", "interventie")):
            assert not re.search(r"\b(hij|hem|zijn werk|zijn functie|hij of zij)\b", text), where
            assert "eigenaar" not in text, where


def test_medewerker_in_advice_werknemer_only_as_the_seeds_role_name(content: Content) -> None:
    for where, text in _fact_texts(content):
        if where == "actor werknemer.naam":
            assert text == "Medewerker (werknemer)"
            continue
        assert "werknemer" not in text.lower(), where


def test_the_policy_frame_speaks_of_werk_privebalans_and_dates_its_example(content: Content) -> None:
    names = [domain.naam for domain in content.domains]
    assert "Werk-privébalans" in names
    assert not [name for name in names if "work-life" in name.lower()]
    deal = next(domain for domain in content.domains if domain.id == "arbeidsvoorwaarden")
    assert "€ 0,20" in deal.uitleg
    assert "eigen voorbeeld, zonder jaartal" in deal.uitleg


def test_the_safety_expert_keeps_the_seed_term_and_gives_the_usual_one(content: Content) -> None:
    actor = next(actor for actor in content.actors if actor.id == "veiligheidsdeskundige")
    assert actor.naam.startswith("Veiligheidsdeskundige")
    assert "(hogere) veiligheidskundige (HVK)" in actor.rol
    assert "over veiligheidsrisico's op de werkvloer om" not in actor.rol  # the 7 words copied from 001 B2.1
