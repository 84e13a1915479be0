"""A terminal driver that cannot hang when the terminal goes away.

When a terminal is closed or an SSH link drops, the kernel sends the process SIGHUP and then SIGCONT.
Textual's Linux driver answers every SIGCONT by starting application mode again, with a second output
thread, while the first one is still there; the output to the dead terminal then fails, the output
queue fills, and the app blocks for good on its way out (two threads waiting on each other, deaf to
SIGTERM). This driver resumes only after a suspend it made itself, and drops output once the thread
that writes it has died, so leaving always ends.
"""

from __future__ import annotations

from typing import Any

from textual.drivers.linux_driver import LinuxDriver


class WorkbookDriver(LinuxDriver):
    """Textual's Linux driver, safe against a terminal that disappears."""

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self._suspended_by_us = False

    def _sigtstp_application(self, *args: Any) -> None:
        self._suspended_by_us = True
        super()._sigtstp_application(*args)

    def _sigcont_application(self, *args: Any) -> None:
        """Resume only what a SIGTSTP suspended; a SIGCONT that comes with a hang-up is ignored."""
        if self._suspended_by_us:
            self._suspended_by_us = False
            super()._sigcont_application(*args)

    def _output_alive(self) -> bool:
        writer = self._writer_thread
        return writer is not None and writer.is_alive()

    def write(self, data: str) -> None:
        """Queue output for the terminal; once the terminal is gone (its writer died), drop it."""
        if self._output_alive():
            super().write(data)

    def close(self) -> None:
        """Stop the output thread, unless it already died with the terminal (then there is nothing to stop)."""
        if self._output_alive():
            super().close()
