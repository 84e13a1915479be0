"""Accent- and case-insensitive matching with positions that map back onto the original text."""

from __future__ import annotations

import unicodedata
from functools import cache


@cache
def _fold_char(char: str) -> str:
    base = unicodedata.normalize("NFKD", char)[:1] or char
    lowered = base.lower()
    return lowered if len(lowered) == 1 else char.lower()[:1] or char


def fold(text: str) -> str:
    """Lower-case ``text`` without accents, one character for one character (é → e, Ö → o)."""
    if text.isascii():
        return text.lower()
    return "".join(_fold_char(char) for char in text)


def terms(query: str) -> list[str]:
    """The folded words of a search query."""
    return [word for word in fold(query).split() if word]


def match_spans(folded: str, words: list[str]) -> list[tuple[int, int]]:
    """Sorted, merged (start, end) ranges where any of ``words`` occurs in ``folded`` text."""
    spans: list[tuple[int, int]] = []
    for word in words:
        start = folded.find(word)
        while start >= 0:
            spans.append((start, start + len(word)))
            start = folded.find(word, start + 1)
    spans.sort()
    merged: list[tuple[int, int]] = []
    for start, end in spans:
        if merged and start <= merged[-1][1]:
            merged[-1] = (merged[-1][0], max(end, merged[-1][1]))
        else:
            merged.append((start, end))
    return merged


@cache
def _flat(text: str) -> tuple[str, str]:
    flat = " ".join(text.split())
    return flat, fold(flat)


def snippet(text: str, words: list[str], width: int = 60) -> tuple[str, list[tuple[int, int]]] | None:
    """A piece of ``text`` around the first match, with the match ranges inside the piece."""
    flat, folded = _flat(text)
    spans = match_spans(folded, words)
    if not spans:
        return None
    first = spans[0][0]
    start = max(0, first - width // 3)
    end = min(len(flat), start + width)
    piece = flat[start:end]
    prefix = "…" if start > 0 else ""
    suffix = "…" if end < len(flat) else ""
    shift = len(prefix) - start
    inside = [(a + shift, b + shift) for a, b in spans if a >= start and b <= end]
    return prefix + piece + suffix, inside
