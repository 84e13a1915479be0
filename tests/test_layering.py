"""The layering rule: models/ and the non-interactive commands in cli/ never import Textual;
screens/ and tui/ never read or write workbook files themselves. (``uv run lint-imports`` checks the
same layers on the import graph; these tests check what a real run loads.)"""

from __future__ import annotations

import ast
import subprocess
import sys
from pathlib import Path

from conftest import EXAMPLE, ROOT

TEXTUAL_CHECK = (
    "import sys; leaked = sorted(m for m in sys.modules if m.split('.')[0] in {'textual', 'rich'}); print(leaked)"
)


def _run(code: str) -> str:
    result = subprocess.run([sys.executable, "-c", code], cwd=ROOT, capture_output=True, text=True, check=True)
    return result.stdout.strip().splitlines()[-1]


def test_every_models_module_imports_without_textual() -> None:
    code = (
        "import importlib, pkgutil, models\n"
        "for m in pkgutil.iter_modules(models.__path__): importlib.import_module('models.' + m.name)\n" + TEXTUAL_CHECK
    )
    assert _run(code) == "[]"


def test_werkboek_check_runs_without_textual() -> None:
    code = (
        "import io, sys\n"
        "from cli.main import main\n"
        f"code = main(['check', {str(EXAMPLE)!r}])\n"
        "assert code == 0, code\n" + TEXTUAL_CHECK
    )
    assert _run(code) == "[]"


def test_every_cli_module_imports_without_textual() -> None:
    code = (
        "import importlib, pkgutil, cli\n"
        "for m in pkgutil.iter_modules(cli.__path__): importlib.import_module('cli.' + m.name)\n" + TEXTUAL_CHECK
    )
    assert _run(code) == "[]"


def test_the_plain_commands_run_without_textual(tmp_path: Path) -> None:
    """check, diff, export, new and config, each through the ``werkboek`` entry point, in one process."""
    example = str(EXAMPLE)
    code = (
        "import contextlib, io, os\n"
        f"os.environ['WERKBOEK_CONFIG'] = {str(tmp_path / 'instellingen.toml')!r}\n"
        "from cli.main import main\n"
        "runs = [\n"
        f"    ['check', {example!r}],\n"
        f"    ['diff', {example!r}, {example!r}],\n"
        f"    ['export', {example!r}, '-f', 'md', '-o', '-'],\n"
        f"    ['new', 'Garage Jansen', '--map', {str(tmp_path)!r}],\n"
        "    ['config'],\n"
        "]\n"
        "for args in runs:\n"
        "    with contextlib.redirect_stdout(io.StringIO()):\n"
        "        code = main(args)\n"
        "    assert code == 0, (args, code)\n" + TEXTUAL_CHECK
    )
    assert _run(code) == "[]"


def _imports(path: Path) -> set[str]:
    tree = ast.parse(path.read_text(encoding="utf-8"))
    names: set[str] = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            names.update(alias.name.split(".")[0] for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.module:
            names.add(node.module.split(".")[0])
    return names


def _calls(path: Path) -> set[str]:
    """Names of called functions and methods; ``os.x`` calls keep their module prefix."""
    tree = ast.parse(path.read_text(encoding="utf-8"))
    names = set()
    for node in ast.walk(tree):
        if not isinstance(node, ast.Call):
            continue
        func = node.func
        if isinstance(func, ast.Attribute):
            prefix = "os." if isinstance(func.value, ast.Name) and func.value.id == "os" else ""
            names.add(prefix + func.attr)
        elif isinstance(func, ast.Name):
            names.add(func.id)
    return names


def test_models_source_never_imports_textual() -> None:
    for path in (ROOT / "models").rglob("*.py"):
        assert not {"textual", "rich"} & _imports(path), path


def test_cli_source_never_imports_textual() -> None:
    for path in (ROOT / "cli").rglob("*.py"):
        assert not {"textual", "rich", "screens"} & _imports(path), path  # only through tui, inside a function


def test_screens_and_tui_change_files_only_through_models() -> None:
    forbidden_imports = {"tomllib", "tomli_w", "shutil", "tempfile"}
    forbidden_calls = {
        "open",
        "write_text",
        "write_bytes",
        "read_text",
        "read_bytes",
        "unlink",
        "os.replace",
        "os.rename",
        "os.remove",
    }
    for folder in ("screens", "widgets", "tui", "core"):
        for path in (ROOT / folder).rglob("*.py"):
            assert not forbidden_imports & _imports(path), path
            assert not forbidden_calls & _calls(path), (path, forbidden_calls & _calls(path))


LAYERS = ("cli", "tui", "screens", "widgets", "core", "models")
"""Top to bottom: a package imports only packages below it (the same rule lint-imports checks)."""


def test_no_package_imports_one_above_it() -> None:
    for depth, layer in enumerate(LAYERS):
        above = set(LAYERS[:depth])
        for path in (ROOT / layer).rglob("*.py"):
            assert not above & _imports(path), (path, above & _imports(path))


def test_the_store_imports_without_textual() -> None:
    code = (
        "import importlib, pkgutil, core\n"
        "for m in pkgutil.iter_modules(core.__path__): importlib.import_module('core.' + m.name)\n" + TEXTUAL_CHECK
    )
    assert _run(code) == "[]"
