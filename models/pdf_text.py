"""Workbook text made safe for the PDF plan: for ReportLab's Paragraph markup and for its standard fonts.

Helvetica draws every WinAnsi character, which covers Dutch (é ë ï € ‘ ’ “ ” – — •); for arrows, maths
signs and ticks (→ ≥ ✓) ReportLab falls back on the Symbol and ZapfDingbats fonts. Any other character
would print as a black box, so it gets a readable stand-in instead: the letter without its accent (ő → o),
a plain sign (⚠ → (!)), or ``[?]`` where nothing fits (an emoji). Invisible characters (zero-width
joiners, variation selectors, soft hyphens) are left out, as they show nothing anyway.
"""

from __future__ import annotations

import unicodedata
from functools import cache
from xml.sax.saxutils import escape

from reportlab.pdfbase.pdfmetrics import getFont

BODY_FONT = "Helvetica"
UNKNOWN = "[?]"
"""What a character no font can draw, and no stand-in fits, becomes (a run of them becomes one)."""

_STAND_INS = {
    "ł": "l",
    "Ł": "L",
    "đ": "d",
    "Đ": "D",
    "ħ": "h",
    "Ħ": "H",
    "ı": "i",
    "ŀ": "l",
    "Ŀ": "L",
    "‐": "-",
    "‑": "-",
    "‒": "–",
    "―": "—",
    "⚠": "(!)",
    "☐": "[ ]",
    "☑": "[x]",
    "☒": "[x]",
    "⟶": "->",
    "⟵": "<-",
    "⟹": "=>",
    "≧": "≥",
    "≦": "≤",
    "⩾": "≥",
    "⩽": "≤",
    "\u2028": "\n",
    "\u2029": "\n",
    "\t": " ",
    "\r": "\n",
}
_INVISIBLE_CATEGORIES = {"Cf", "Mn", "Me"}
"""Format characters (zero-width joiners, soft hyphen) and marks left over after composing."""
_SKIN_TONES = range(0x1F3FB, 0x1F400)


@cache
def _encodings() -> tuple[str, ...]:
    """The encodings of the body font and of the fonts ReportLab substitutes for it, in that order."""
    font = getFont(BODY_FONT)
    return tuple(each.encName for each in (font, *font.substitutionFonts))


@cache
def drawable(character: str) -> bool:
    """Whether Helvetica, or a font ReportLab puts in for it, has this character (else a black box)."""
    if character == "\n":
        return True
    if unicodedata.category(character) in {"Cc", *_INVISIBLE_CATEGORIES} or character == "\u00ad":
        return False
    for encoding in _encodings():
        try:
            character.encode(encoding)
        except UnicodeEncodeError:
            continue
        return True
    return False


@cache
def _stand_in(character: str) -> str | None:
    """What shows instead of an undrawable character: a stand-in, "" for an invisible one, None if unknown."""
    if character in _STAND_INS:
        return _STAND_INS[character]
    category = unicodedata.category(character)
    if category == "Zs":
        return " "
    if category in _INVISIBLE_CATEGORIES or category == "Cc" or character == "\u00ad" or ord(character) in _SKIN_TONES:
        return ""
    decomposed = unicodedata.normalize("NFKD", character)
    bare = "".join(part for part in decomposed if unicodedata.category(part) not in _INVISIBLE_CATEGORIES)
    if bare and bare != character and all(drawable(part) for part in bare):
        return bare
    return None


def readable(text: str) -> str:
    """The text with every character the PDF's fonts can draw; the rest replaced as described above."""
    text = unicodedata.normalize("NFC", text.replace("\r\n", "\n"))
    if all(drawable(character) for character in text):
        return text
    parts: list[str] = []
    for character in text:
        if drawable(character):
            parts.append(character)
            continue
        stand_in = _stand_in(character)
        if stand_in is None:
            if not parts or parts[-1] != UNKNOWN:
                parts.append(UNKNOWN)
        elif stand_in:
            parts.append(stand_in)
    return "".join(parts)


def markup(text: str) -> str:
    """Workbook text as Paragraph markup: shown literally (``<b>`` and ``&`` escaped), line breaks kept."""
    return escape(readable(text)).replace("\n", "<br/>")
