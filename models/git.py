"""A workbook file's history in git, read with the ``git`` command itself.

Only reading: the commits that touched the file (following renames), and the file's text at a
commit. Outside a repository, or without git installed, there is simply no history.
"""

from __future__ import annotations

import datetime as dt
import re
import shutil
import subprocess
from dataclasses import dataclass
from pathlib import Path

RECORD = "\x1e"
FIELD = "\x1f"


class GitError(Exception):
    """git could not give what was asked; the message says why, in Dutch, with git's own words after it."""

    def __init__(self, reason: str, detail: str = "") -> None:
        super().__init__(f"{reason} (git: {detail})" if detail else reason)
        self.reason = reason
        """Why, in Dutch."""
        self.detail = detail
        """What git itself said (English), or empty."""


UNKNOWN_REVISION = "die versie bestaat niet: er is geen commit, tak of tag met die naam"
NOT_IN_REVISION = "het bestand bestond niet in die versie"
NO_COMMITS = "er is in deze repository nog niets vastgelegd"
_GIT_MESSAGES: tuple[tuple[re.Pattern[str], str], ...] = (
    (re.compile(r"not a git repository"), "deze map staat niet in een git-repository"),
    (
        re.compile(r"dubious ownership"),
        "git vertrouwt deze repository niet omdat ze van een andere gebruiker is; "
        "'git config --global --add safe.directory MAP' lost dat op",
    ),
    (re.compile(r"does not have any commits yet"), NO_COMMITS),
    (re.compile(r"path '.*' (?:does not exist|exists on disk, but not) in '"), NOT_IN_REVISION),
    (re.compile(r"is outside repository"), "het bestand ligt buiten de git-repository"),
    (re.compile(r"cannot change to"), "de map bestaat niet (meer)"),
    (
        re.compile(r"invalid object name|bad revision|Not a valid object name|unknown revision|bad object"),
        UNKNOWN_REVISION,
    ),
    (re.compile(r"index\.lock"), "een ander git-programma is bezig in deze repository; probeer het zo opnieuw"),
)


def git_error(command: str, stderr: str) -> GitError:
    """A Dutch :class:`GitError` for what git wrote to stderr when ``git COMMAND`` failed."""
    lines = [line.strip() for line in stderr.strip().splitlines() if line.strip()]
    detail = next(
        (line for line in reversed(lines) if line.startswith(("fatal:", "error:"))), lines[-1] if lines else ""
    )
    for pattern, reason in _GIT_MESSAGES:
        if pattern.search(detail):
            return GitError(reason, detail)
    return GitError(f"git {command} is mislukt", detail)


@dataclass(frozen=True)
class Commit:
    """A commit that changed the file, with the path the file had in it."""

    sha: str
    author: str
    when: dt.datetime
    message: str
    path: str
    """The file's path (relative to the repository) in this commit: it may have been renamed since."""
    parents: tuple[str, ...] = ()
    """The commits before it in the file's history (for a merge, more than one; first the branch merged into)."""

    @property
    def short(self) -> str:
        return self.sha[:7]

    @property
    def is_merge(self) -> bool:
        return len(self.parents) > 1

    @property
    def merged_branch(self) -> str | None:
        """The branch a merge brought in, as git's message names it (``Merge branch 'collega'``), or None."""
        found = _MERGED.match(self.message)
        return found.group("branch") if found else None

    @property
    def merged_into(self) -> str | None:
        """The branch a merge was made on, when git's message names it (``... into main``), or None."""
        found = _MERGED.match(self.message)
        return found.group("into") if found else None


_MERGED = re.compile(
    r"Merge (?:(?:remote-tracking )?branch|tag|commit) '(?P<branch>[^']+)'(?: of \S+)?(?: into (?P<into>\S+))?"
    r"|Merge pull request #\d+ from (?P<pull>\S+)"
)


@dataclass(frozen=True)
class FileChange:
    """One commit that changed the file: the file's blob in the commit and in each of its parents.

    ``parent_blobs[i]`` is the file as ``commit.parents[i]`` had it; None where it did not exist there
    (the commit added it). Blob ids, so each version is read once however often it is compared.
    """

    commit: Commit
    blob: str | None
    """None when the commit deleted the file."""
    parent_blobs: tuple[str | None, ...]


def _git(folder: Path, *args: str) -> str:
    if shutil.which("git") is None:
        raise GitError("git is niet geïnstalleerd op deze computer")
    result = subprocess.run(
        ["git", "-C", str(folder), *args],
        capture_output=True,
        text=True,
        encoding="utf-8",
        errors="replace",
        check=False,
    )
    if result.returncode != 0:
        raise git_error(args[0], result.stderr)
    return result.stdout


def run_git(folder: Path, *args: str) -> str:
    """``git -C FOLDER ARGS``: its output, or a :class:`GitError` in Dutch."""
    return _git(folder, *args)


def config_value(root: Path, key: str, *, scope: str = "--local") -> str | None:
    """The value of ``key`` in the repository's own config (``--local``) or as git sees it (``""``)."""
    try:
        return _git(root, "config", *([scope] if scope else []), "--get", key).rstrip("\n")
    except GitError:  # exit status 1: not set
        return None


def repository_root(path: Path) -> Path | None:
    """The repository the file is in, or None (not in a repository, or no git)."""
    try:
        return Path(_git(path.resolve().parent, "rev-parse", "--show-toplevel").strip())
    except GitError:
        return None


def file_history(path: Path) -> list[Commit]:
    """The commits that changed ``path``, newest first, following the file through renames."""
    root = repository_root(path)
    if root is None:
        return []
    relative = path.resolve().relative_to(root.resolve()).as_posix()
    try:
        output = _git(
            root,
            "log",
            "--follow",
            "--name-only",
            "--date=iso-strict",
            f"--format={RECORD}%H{FIELD}%an{FIELD}%ad{FIELD}%s",
            "--",
            relative,
        )
    except GitError as error:
        if error.reason == NO_COMMITS:  # a new repository: nothing committed yet, so no history
            return []
        raise
    commits = []
    for record in output.split(RECORD)[1:]:
        header, _, names = record.partition("\n")
        sha, author, when, message = header.split(FIELD, 3)
        files = [name for name in names.splitlines() if name.strip()]
        commits.append(
            Commit(
                sha=sha,
                author=author,
                when=dt.datetime.fromisoformat(when),
                message=message,
                path=files[-1] if files else relative,
            )
        )
    return commits


NO_BLOB = re.compile(r"^0+$")


def _blob(sha: str) -> str | None:
    return None if NO_BLOB.match(sha) else sha


def _raw_line(line: str) -> tuple[list[str | None], str | None, list[str], str] | None:
    """``:modes... blobs... status\tpaths``: the parents' blobs, the commit's blob, the parents' paths, its path.

    One parent: ``:100644 100644 OLD NEW M\tPATH`` (or ``R100\tOLD-PATH\tNEW-PATH``). A merge (``-c
    --combined-all-paths``): one colon per parent, a blob and a path per parent, then the merge's own.
    """
    head, _, names = line.partition("\t")
    parents = len(head) - len(head.lstrip(":"))
    fields = head.lstrip(":").split()
    if parents < 1 or len(fields) < 2 * (parents + 1):
        return None
    blobs = fields[parents + 1 : 2 * parents + 2]
    paths = names.split("\t")
    if parents == 1:
        paths = [paths[0], paths[-1]]
    if len(paths) != parents + 1:
        return None
    return [_blob(blob) for blob in blobs[:-1]], _blob(blobs[-1]), paths[:-1], paths[-1]


def file_changes(path: Path) -> list[FileChange]:
    """Every commit that changed ``path`` (through renames), newest first, with the file's blob in the
    commit and in each of its parents: a merge names both sides, so nothing needs the list's order.

    ``git log --follow`` walks one line of history and would make a colleague's commit look like the
    one before ours; here the names the file had come from ``--follow``, and then the history of those
    names is walked as a graph (``--parents`` with git's history simplification: a merge that took one
    side's version unchanged is left out, as that side's own commits show the change). A file that
    another file once had the name of is told apart by following the names from the newest version back.
    """
    root = repository_root(path)
    if root is None:
        return []
    relative = path.resolve().relative_to(root.resolve()).as_posix()
    names = sorted({commit.path for commit in file_history(path)} | {relative})
    try:
        output = _git(
            root,
            "log",
            "--date-order",
            "--parents",
            "--raw",
            "-c",
            "-M",
            "--combined-all-paths",
            "--no-abbrev",
            "--date=iso-strict",
            f"--format={RECORD}%H{FIELD}%P{FIELD}%an{FIELD}%ad{FIELD}%s",
            "--",
            *names,
        )
    except GitError as error:
        if error.reason == NO_COMMITS:
            return []
        raise
    expected: dict[str, str] = {}
    changes: list[FileChange] = []
    for record in output.split(RECORD)[1:]:
        header, _, body = record.partition("\n")
        sha, parents, author, when, message = header.split(FIELD, 4)
        name = expected.get(sha, relative if not changes and not expected else None)
        raw = [found for line in body.splitlines() if line.startswith(":") and (found := _raw_line(line))]
        mine = next((found for found in raw if found[3] == name), None)
        if name is None or mine is None:
            continue
        parent_blobs, blob, parent_paths, _ = mine
        parent_list = tuple(parents.split())
        for parent, parent_path, parent_blob in zip(parent_list, parent_paths, parent_blobs, strict=False):
            if parent_blob is not None:
                expected.setdefault(parent, parent_path)
        commit = Commit(sha, author, dt.datetime.fromisoformat(when), message, name, parent_list)
        changes.append(FileChange(commit, blob, tuple(parent_blobs)))
    return changes


class BlobReader:
    """Reads blobs from one ``git cat-file --batch``: one process for every version of a history."""

    def __init__(self, root: Path) -> None:
        if shutil.which("git") is None:
            raise GitError("git is niet geïnstalleerd op deze computer")
        self._process = subprocess.Popen(
            ["git", "-C", str(root), "cat-file", "--batch"],
            stdin=subprocess.PIPE,
            stdout=subprocess.PIPE,
            stderr=subprocess.DEVNULL,
        )

    def text(self, blob: str) -> str:
        """The blob's text (UTF-8; anything else shows as replacement characters)."""
        stdin, stdout = self._process.stdin, self._process.stdout
        assert stdin is not None and stdout is not None
        stdin.write(f"{blob}\n".encode())
        stdin.flush()
        header = stdout.readline().decode("utf-8", errors="replace").split()
        if len(header) != 3 or header[1] != "blob":
            raise GitError(f"versie {blob[:7]} van het bestand is niet te lezen", " ".join(header))
        data = stdout.read(int(header[2]))
        stdout.read(1)  # the newline after the contents
        return data.decode("utf-8", errors="replace")

    def close(self) -> None:
        if self._process.stdin is not None:
            self._process.stdin.close()
        if self._process.stdout is not None:
            self._process.stdout.close()
        self._process.wait()

    def __enter__(self) -> BlobReader:
        return self

    def __exit__(self, *_: object) -> None:
        self.close()


def blob_at(root: Path, revision: str, relative: str) -> str | None:
    """The blob id of ``relative`` in ``revision``; None when it is not there."""
    try:
        return _git(root, "rev-parse", "--verify", "--quiet", f"{revision}:{relative}").strip() or None
    except GitError:
        return None


def file_at(path: Path, revision: str) -> str:
    """The text of ``path`` at ``revision`` (a commit, branch or tag; ``HEAD`` is the last commit).

    When the file had another name at that revision, the name it had then is used.
    """
    root = repository_root(path)
    if root is None:
        raise GitError(f"{path} staat niet in een git-repository")
    relative = path.resolve().relative_to(root.resolve()).as_posix()
    try:
        return text_at(root, revision, relative)
    except GitError as error:
        history = file_history(path)
        if not history:
            raise GitError(
                f"{relative} is nog nooit vastgelegd in git (git add, git commit), dus er is geen versie "
                f"{revision} om mee te vergelijken",
                error.detail,
            ) from None
        for commit in history:  # newest first: the first one in that revision's past
            if commit.path != relative and _is_ancestor(root, commit.sha, revision):
                return text_at(root, revision, commit.path)
        raise


def _is_ancestor(root: Path, commit: str, revision: str) -> bool:
    try:
        _git(root, "merge-base", "--is-ancestor", commit, revision)
    except GitError:
        return False
    return True


def text_at(root: Path, revision: str, relative: str) -> str:
    """The text of the file at ``relative`` (from the repository root) in ``revision``."""
    try:
        return _git(root, "show", f"{revision}:{relative}")
    except GitError as error:
        if error.reason == UNKNOWN_REVISION:
            reason = f"{relative} bestaat niet in versie {revision}: er is geen commit, tak of tag met die naam"
        elif error.reason == NO_COMMITS:
            reason = f"{relative} bestaat niet in versie {revision}: {NO_COMMITS}"
        elif error.reason == NOT_IN_REVISION:
            reason = f"{relative} bestaat niet in versie {revision}"
        else:
            reason = f"{relative} in versie {revision} is niet te lezen: {error.reason}"
        raise GitError(reason, error.detail) from None
