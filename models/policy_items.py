"""The parts of seed 004's policy frame that are not lists of like items: the core task "bijblijven en
gezond blijven" with its cycle of steps, the benefits the employer networks named, and the one-page card
for the conversation with the works council (OR).

They sit in ``content/beleidskader.toml`` next to the domains, steps and questions of ``content_items``.
"""

from __future__ import annotations

from typing import Literal, get_args

from models.fields import Code, ContentModel, Text
from models.schema import Field, model_validator

CardHeading = Literal["Waarom", "Wat", "Wie", "Hoe"]
CARD_HEADINGS: tuple[CardHeading, ...] = get_args(CardHeading)
"""The four parts of the card, in the order the whitepaper's own four parts follow."""


class CycleStep(ContentModel):
    """One step of the core task's cycle, such as signaleren."""

    naam: Text
    uitleg: Text


class CoreTask(ContentModel):
    """A core task in a job description that makes staying healthy part of the work, as a cycle of steps."""

    id: Code
    naam: Text
    uitleg: Text
    stappen: list[CycleStep] = Field(min_length=2)
    gebruik: Text
    """How a company can use it, and what to keep in mind."""
    bron: Text


class Benefits(ContentModel):
    """What investing in work and health yields, as the employer networks named it."""

    id: Code
    titel: Text
    uitleg: Text
    punten: list[Text] = Field(min_length=1)
    bron: Text


class CardPart(ContentModel):
    """One heading of the card with its points."""

    kop: CardHeading
    punten: list[Text] = Field(min_length=1)


class ConversationCard(ContentModel):
    """A one-page summary to show in a conversation: why, what, who and how."""

    id: Code
    titel: Text
    uitleg: Text
    """Where the card comes from and when it helps; shown after the four parts."""
    onderdelen: list[CardPart]
    bron: Text

    @model_validator(mode="after")
    def _four_parts_in_order(self) -> ConversationCard:
        headings = tuple(part.kop for part in self.onderdelen)
        if headings != CARD_HEADINGS:
            raise ValueError(f"de kaart heeft de onderdelen {', '.join(CARD_HEADINGS)} nodig, in die volgorde")
        return self
