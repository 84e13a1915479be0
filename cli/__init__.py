"""The command line: the ``werkboek`` entry point and the arguments of every subcommand.

Plain Python: check, diff, export, new and config never load Textual, so they start fast and are
testable alone. Only opening the app (and ``serve``, ``config --toetsen``) imports ``tui``, inside
the function that needs it.
"""
