"""Git for consultants who do not live in git: where the workbook stands (uncommitted, ahead, behind),
and the three things the app does with it: commit (Vastleggen), pull through the workbook merge driver
(Bijwerken) and push (Delen).

Every call runs ``git`` itself, never asks for a password (no prompt can appear behind the app's
screen) and gives up on an unreachable server after a while. Failures are :class:`GitError` with a Dutch
reason and git's own words as detail.
"""

from __future__ import annotations

import os
import re
import shlex
import shutil
import subprocess
import sys
import tempfile
from dataclasses import dataclass
from pathlib import Path
from typing import Literal

from models.compare import empty_workbook, workbook_from_text
from models.content import Content
from models.diff import diff_workbooks
from models.formatting import aantal
from models.git import GitError, file_at, repository_root
from models.problems import WorkbookError
from models.workbook import Workbook

NETWORK_SECONDS = 90.0
"""A fetch, pull or push that has not finished by then is stopped (the server does not answer)."""
LOCAL_SECONDS = 30.0

_QUIET_ENV = {
    "GIT_TERMINAL_PROMPT": "0",  # never ask for a user name or password on the terminal
    "GIT_ASKPASS": "",
    "SSH_ASKPASS": "",
    "GCM_INTERACTIVE": "never",
    "GIT_MERGE_AUTOEDIT": "no",
    "GIT_EDITOR": "true",
    "LC_ALL": "C",  # git's own messages in English, so they can be recognised and put in Dutch
    "LANGUAGE": "C",
}

_SYNC_MESSAGES: tuple[tuple[re.Pattern[str], str], ...] = (
    (
        re.compile(r"Permission denied \(publickey|Authentication failed|could not read Username|"
                   r"terminal prompts disabled|Host key verification failed|HTTP Basic: Access denied|403"),
        "inloggen bij de server lukte niet: is je SSH-sleutel of wachtwoord voor deze repository ingesteld? "
        "(probeer 'git push' eens in een terminal)",
    ),
    (
        re.compile(r"Could not resolve host|Name or service not known|Temporary failure in name resolution|"
                   r"Connection refused|Network is unreachable|Connection timed out|Operation timed out|"
                   r"unable to access|Could not connect|no route to host|unable to connect", re.IGNORECASE),
        "de server is niet bereikbaar: geen internet, of het adres van de gedeelde repository klopt niet",
    ),
    (
        re.compile(r"\[rejected\]|non-fast-forward|fetch first|Updates were rejected"),
        "de gedeelde repository heeft versies die jij nog niet hebt: eerst bijwerken, dan delen",
    ),
    (
        re.compile(r"No configured push destination|No remote repository specified|"
                   r"does not appear to be a git repository|no such remote|No such remote"),
        "er is geen gedeelde repository (remote) ingesteld voor deze map",
    ),
    (
        re.compile(r"There is no tracking information|has no upstream branch"),
        "deze tak is niet gekoppeld aan een tak in de gedeelde repository",
    ),
    (
        re.compile(r"local changes to the following files would be overwritten|Please commit your changes"),
        "er zijn wijzigingen die nog niet zijn vastgelegd: leg eerst vast, dan bijwerken",
    ),
    (
        re.compile(r"You have not concluded your merge|MERGE_HEAD exists|unmerged files|Merging is not possible"),
        "een eerdere samenvoeging is nog niet afgerond: los de conflicten op en leg vast",
    ),
    (re.compile(r"nothing to commit|nothing added to commit"), "er is niets om vast te leggen"),
    (
        re.compile(r"Please tell me who you are|empty ident|unable to auto-detect email"),
        "git weet nog niet wie je bent: stel eenmalig 'git config --global user.name' en user.email in",
    ),
    (re.compile(r"not a git repository"), "deze map staat niet in een git-repository"),
    (re.compile(r"index\.lock"), "een ander git-programma is bezig in deze repository; probeer het zo opnieuw"),
)  # fmt: skip


def sync_error(command: str, output: str) -> GitError:
    """A Dutch :class:`GitError` for a failed ``git COMMAND`` (its stderr and stdout together)."""
    lines = [line.strip() for line in output.strip().splitlines() if line.strip()]
    detail = next(
        (line for line in lines if line.startswith(("fatal:", "error:", "! [rejected]", " ! [rejected]"))),
        lines[-1] if lines else "",
    )
    for pattern, reason in _SYNC_MESSAGES:
        if pattern.search(output):
            # git's own words: the line that says why (the server's refusal), not only git's last line
            telling = next((line for line in lines if pattern.search(line)), detail)
            return GitError(reason, telling)
    return GitError(f"git {command} is mislukt", detail)


def run_git(root: Path, *args: str, timeout: float = LOCAL_SECONDS) -> subprocess.CompletedProcess[str]:
    """Run git in ``root``; the completed process whatever its exit status (raises only when git is missing
    or does not finish in time)."""
    if shutil.which("git") is None:
        raise GitError("git is niet geïnstalleerd op deze computer")
    env = {**os.environ, **_QUIET_ENV}
    env.setdefault("GIT_SSH_COMMAND", "ssh -o BatchMode=yes -o ConnectTimeout=15")
    try:
        return subprocess.run(
            ["git", "-C", str(root), *args],
            capture_output=True,
            text=True,
            encoding="utf-8",
            errors="replace",
            check=False,
            env=env,
            stdin=subprocess.DEVNULL,
            timeout=timeout,
        )
    except subprocess.TimeoutExpired:
        raise GitError(
            f"git {args[0]} gaf na {round(timeout)} seconden nog geen antwoord; de server is niet bereikbaar"
        ) from None


def _checked(root: Path, *args: str, timeout: float = LOCAL_SECONDS) -> str:
    result = run_git(root, *args, timeout=timeout)
    if result.returncode != 0:
        raise sync_error(args[0], result.stderr + "\n" + result.stdout)
    return result.stdout


@dataclass(frozen=True)
class GitState:
    """Where the workbook stands in git, as far as this computer knows (no network)."""

    branch: str
    uncommitted: bool
    """The file differs from the last commit (or was never committed)."""
    merging: bool
    """A pull stopped at a conflict: the merge is concluded by committing."""
    upstream: str | None
    """The shared branch it follows (``origin/main``), or None."""
    ahead: int
    """Commits here that the shared repository does not have yet."""
    behind: int
    """Commits in the shared repository (as last fetched) that are not here yet."""
    remotes: tuple[str, ...]

    def summary(self) -> str:
        """A short text for the header: ``git: niet vastgelegd · 2 te delen · 1 binnen te halen``."""
        parts = []
        if self.merging:
            parts.append("samenvoegen bezig")
        if self.uncommitted:
            parts.append("niet vastgelegd")
        if self.ahead:
            parts.append(f"↑{self.ahead} te delen")
        if self.behind:
            parts.append(f"↓{self.behind} binnen te halen")
        return "git: " + (" · ".join(parts) if parts else "bijgewerkt")

    def short(self) -> str:
        """The same in a few cells: ``git ●↑2↓1`` (● not committed, ⇄ merging), ``git ✓`` when all is shared."""
        signs = ("⇄" if self.merging else "") + ("●" if self.uncommitted else "")
        signs += (f"↑{self.ahead}" if self.ahead else "") + (f"↓{self.behind}" if self.behind else "")
        return f"git {signs or '✓'}"


def _relative(path: Path) -> tuple[Path, str]:
    root = repository_root(path)
    if root is None:
        raise GitError("dit werkboek staat niet in een git-repository")
    return root, path.resolve().relative_to(root.resolve()).as_posix()


def git_state(path: Path) -> GitState | None:
    """Where ``path`` stands in git; None outside a repository (or without git)."""
    if shutil.which("git") is None or repository_root(path) is None:
        return None
    root, relative = _relative(path)
    status = run_git(root, "status", "--porcelain=v1", "--", relative).stdout
    branch = run_git(root, "rev-parse", "--abbrev-ref", "HEAD").stdout.strip() or "HEAD"
    merging = run_git(root, "rev-parse", "-q", "--verify", "MERGE_HEAD").returncode == 0
    found = run_git(root, "rev-parse", "--abbrev-ref", "--symbolic-full-name", "@{u}")
    upstream = found.stdout.strip() if found.returncode == 0 and found.stdout.strip() else None
    ahead = behind = 0
    if upstream:
        counts = run_git(root, "rev-list", "--left-right", "--count", "HEAD...@{u}").stdout.split()
        if len(counts) == 2:
            ahead, behind = int(counts[0]), int(counts[1])
    remotes = tuple(run_git(root, "remote").stdout.split())
    return GitState(branch, bool(status.strip()), merging, upstream, ahead, behind, remotes)


def fetch(path: Path) -> None:
    """Ask the shared repository what is new (so ``behind`` is up to date); network."""
    root, _ = _relative(path)
    if not run_git(root, "remote").stdout.split():
        raise GitError("er is geen gedeelde repository (remote) ingesteld voor deze map")
    _checked(root, "fetch", "--quiet", timeout=NETWORK_SECONDS)


def commit(path: Path, message: str) -> str:
    """Commit the workbook with ``message``; the short id of the new commit.

    Only this file is committed, whatever else is staged; during a merge (after a pull with a
    conflict, now resolved) the merge itself is concluded, which takes every resolved file."""
    root, relative = _relative(path)
    if not message.strip():
        raise GitError("een vastlegging heeft een beschrijving nodig")
    merging = run_git(root, "rev-parse", "-q", "--verify", "MERGE_HEAD").returncode == 0
    _checked(root, "add", "--", relative)
    if merging:
        _checked(root, "commit", "--quiet", "-m", message)
    else:
        if not run_git(root, "status", "--porcelain=v1", "--", relative).stdout.strip():
            raise GitError("er is niets om vast te leggen: het werkboek is gelijk aan de laatste vastlegging")
        _checked(root, "commit", "--quiet", "-m", message, "--", relative)
    return _checked(root, "rev-parse", "--short", "HEAD").strip()


def merge_driver_command() -> str:
    """How git calls the workbook merge driver: this Python with the app's command line, so it works
    without ``werkboek`` on the PATH (%O %A %B %P: base, ours — the result goes there —, theirs, path)."""
    # -P: a folder named cli/ in the client's repository (the driver runs there) is never imported instead.
    return f"{shlex.quote(sys.executable)} -P -m cli.main merge %O %A %B %P"


PullKind = Literal["bijgewerkt", "al-bij", "conflict"]


@dataclass(frozen=True)
class PullOutcome:
    kind: PullKind
    message: str
    """What happened, in Dutch."""


def pull(path: Path) -> PullOutcome:
    """Bring in the shared repository's versions, merging workbooks by meaning (the merge driver)."""
    root, relative = _relative(path)
    if run_git(root, "rev-parse", "-q", "--verify", "MERGE_HEAD").returncode == 0:
        raise GitError("een eerdere samenvoeging is nog niet afgerond: los de conflicten op en leg vast")
    if not run_git(root, "remote").stdout.split():
        raise GitError("er is geen gedeelde repository (remote) ingesteld voor deze map")
    before = _checked(root, "rev-parse", "HEAD").strip()
    with tempfile.TemporaryDirectory(prefix="werkboek-git-") as folder:
        # The driver for this pull even where 'werkboek git-setup' was never run; the repository's own
        # .gitattributes still comes first.
        attributes = Path(folder) / "attributes"
        attributes.write_text(f"/{relative} merge=werkboek\n*.toml merge=werkboek\n", encoding="utf-8")
        result = run_git(
            root,
            "-c", "merge.werkboek.name=werkboek: samenvoegen op inhoud",
            "-c", f"merge.werkboek.driver={merge_driver_command()}",
            "-c", f"core.attributesFile={attributes}",
            "pull", "--no-rebase", "--no-edit", "--quiet",
            timeout=NETWORK_SECONDS,
        )  # fmt: skip
    unmerged = run_git(root, "diff", "--name-only", "--diff-filter=U").stdout.split()
    if relative in unmerged:
        return PullOutcome("conflict", "Bijgewerkt, maar niet alles kon samen: los de conflicten op en leg vast.")
    if unmerged:
        raise GitError(f"andere bestanden dan het werkboek botsen ({', '.join(unmerged)}); los die op in git")
    if result.returncode != 0:
        raise sync_error("pull", result.stderr + "\n" + result.stdout)
    after = _checked(root, "rev-parse", "HEAD").strip()
    if after == before:
        return PullOutcome("al-bij", "Al bijgewerkt: de gedeelde repository heeft niets nieuws.")
    count = int(_checked(root, "rev-list", "--count", f"{before}..{after}").strip() or 0)
    brought = aantal(count, "nieuwe vastlegging", "nieuwe vastleggingen")
    return PullOutcome("bijgewerkt", f"Bijgewerkt: {brought} binnengehaald en samengevoegd.")


def push(path: Path) -> str:
    """Share the commits made here; says what happened, in Dutch."""
    root, _ = _relative(path)
    remotes = run_git(root, "remote").stdout.split()
    if not remotes:
        raise GitError("er is geen gedeelde repository (remote) ingesteld voor deze map")
    has_upstream = run_git(root, "rev-parse", "--abbrev-ref", "--symbolic-full-name", "@{u}").returncode == 0
    if has_upstream:
        counts = _checked(root, "rev-list", "--left-right", "--count", "HEAD...@{u}").split()
        if counts and counts[0] == "0":
            return "Niets te delen: de gedeelde repository heeft al je vastleggingen."
        _checked(root, "push", "--quiet", timeout=NETWORK_SECONDS)
    else:
        remote = "origin" if "origin" in remotes else remotes[0]
        _checked(root, "push", "--quiet", "--set-upstream", remote, "HEAD", timeout=NETWORK_SECONDS)
    return "Gedeeld: je vastleggingen staan nu in de gedeelde repository."


MESSAGE_LINES = 30
"""At most this many changes are listed in a suggested commit message; the rest are counted."""


def committed_workbook(path: Path, content: Content) -> Workbook | None:
    """The workbook as last committed; None when it was never committed or cannot be read."""
    try:
        return workbook_from_text(f"{path.name} (laatste vastlegging)", file_at(path, "HEAD"), content)
    except (GitError, WorkbookError):
        return None


def suggested_message(committed: Workbook | None, now: Workbook, content: Content, *, merging: bool = False) -> str:
    """A commit message in Dutch from the meaning of the change: a title naming the parts that changed,
    then one line per change (as ``werkboek diff`` shows them). ``merging``: the commit concludes a merge,
    and the lines say what the other side brought."""
    lines = diff_workbooks(committed or empty_workbook(), now, content)
    if not lines:
        return "Samenvoeging afgerond" if merging else "Werkboek vastgelegd"
    sections = ", ".join(dict.fromkeys(line.section.lower() for line in lines))
    if merging:
        title = f"Samengevoegd met het werk van een collega: {sections}"
    else:
        title = f"{'Nieuw werkboek' if committed is None else 'Werkboek bijgewerkt'}: {sections}"
    body = [f"- {line.section}: {line.text}" for line in lines[:MESSAGE_LINES]]
    if len(lines) > MESSAGE_LINES:
        body.append(f"- … en {aantal(len(lines) - MESSAGE_LINES, 'wijziging', 'wijzigingen')} meer")
    return "\n".join([title, "", *body])
