"""The ``werkboek`` command: open a workbook in the app, or run one of the subcommands.

Each subcommand lives in its own module and is imported only when it runs; only opening the app
(and ``serve``) imports Textual, so ``werkboek check`` stays light and fast.
"""

from __future__ import annotations

import sys
from collections.abc import Callable, Sequence


def _check(args: Sequence[str]) -> int:
    from cli.check import main as check

    return check(args)


def _diff(args: Sequence[str]) -> int:
    from cli.diff import main as diff

    return diff(args)


def _export(args: Sequence[str]) -> int:
    from cli.export import main as export

    return export(args)


def _import(args: Sequence[str]) -> int:
    from cli.import_xlsx import main as import_xlsx

    return import_xlsx(args)


def _new(args: Sequence[str]) -> int:
    from cli.new import main as new

    return new(args)


def _due(args: Sequence[str]) -> int:
    from cli.due import main as due

    return due(args)


def _config(args: Sequence[str]) -> int:
    from cli.config import main as config

    return config(args)


def _merge(args: Sequence[str]) -> int:
    from cli.merge import main as merge

    return merge(args)


def _serve(args: Sequence[str]) -> int:
    from cli.serve import main as serve

    return serve(args)


def _git_setup(args: Sequence[str]) -> int:
    from cli.git_setup import main as git_setup

    return git_setup(args)


SUBCOMMANDS: dict[str, Callable[[Sequence[str]], int]] = {
    "check": _check,
    "diff": _diff,
    "export": _export,
    "import": _import,
    "new": _new,
    "due": _due,
    "config": _config,
    "merge": _merge,
    "serve": _serve,
    "git-setup": _git_setup,
}
"""``werkboek NAME ...``: commands that work without opening the app (except serve)."""


def main(argv: Sequence[str] | None = None) -> int:
    """Entry point of the ``werkboek`` console script."""
    args = list(sys.argv[1:] if argv is None else argv)
    if args and args[0] in SUBCOMMANDS:
        return SUBCOMMANDS[args[0]](args[1:])
    from cli.app import create_app

    create_app(args).run()
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
