"""The reference app of the start-up figures: a minimal Textual app (Header, Static, Footer).

    python bench/probes.py

It runs until ctrl+q, like the app; the benchmark starts it in a pseudo-terminal the same way as the app
(the same Python, a script file) and waits for "Hallo" on screen.
"""

from __future__ import annotations


def minimal() -> int:
    from textual.app import App, ComposeResult
    from textual.widgets import Footer, Header, Static

    class MinimalApp(App[None]):
        def compose(self) -> ComposeResult:
            yield Header()
            yield Static("Hallo")
            yield Footer()

    MinimalApp().run()
    return 0


if __name__ == "__main__":
    raise SystemExit(minimal())
