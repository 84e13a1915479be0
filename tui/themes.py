"""The three themes: dark, light, and high contrast for projectors in bright rooms.

Colour never carries meaning on its own in the app (signs and words do), so every theme, and
NO_COLOR, keeps the screens readable.
"""

from __future__ import annotations

from textual.theme import Theme

DARK = Theme(
    name="werkboek-donker",
    primary="#3a8fd6",
    secondary="#2c5f8a",
    accent="#ffa62b",
    warning="#ffa62b",
    error="#e0566f",
    success="#4ebf71",
    foreground="#e2e2e2",
    background="#121212",
    surface="#1e1e1e",
    panel="#24323d",
    dark=True,
)
LIGHT = Theme(
    name="werkboek-licht",
    primary="#0a5aa0",
    secondary="#3f6f99",
    accent="#b35900",
    warning="#9a5b00",
    error="#b3213b",
    success="#1d7a3c",
    foreground="#1b1b1b",
    background="#f7f7f4",
    surface="#ffffff",
    panel="#dfe7ee",
    dark=False,
)
CONTRAST = Theme(
    name="werkboek-contrast",
    primary="#ffffff",
    secondary="#ffffff",
    accent="#ffff00",
    warning="#ffff00",
    error="#ff5f5f",
    success="#00ff7f",
    foreground="#ffffff",
    background="#000000",
    surface="#000000",
    panel="#1a1a1a",
    boost="#333333",
    dark=True,
    luminosity_spread=0.05,
    text_alpha=1.0,
    variables={
        "foreground-muted": "#d0d0d0",
        "block-cursor-background": "#ffff00",
        "block-cursor-foreground": "#000000",
    },
)
THEMES = (DARK, LIGHT, CONTRAST)
LABELS = {DARK.name: "donker", LIGHT.name: "licht", CONTRAST.name: "hoog contrast (beamer)"}
