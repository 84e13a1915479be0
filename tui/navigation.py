"""Moved to :mod:`screens.registry`, the one list of screens and keys.

Only these names are passed on, for modules not yet switched over (tui/switching.py, tui/drafts.py);
import them from ``screens.registry`` and delete this module once nothing imports it.
"""

from __future__ import annotations

from screens.registry import DRAFT_FORMS, MAIN_SCREENS, PORTFOLIO, PRELOADED, MainScreen

__all__ = ["DRAFT_FORMS", "MAIN_SCREENS", "PORTFOLIO", "PRELOADED", "MainScreen"]
