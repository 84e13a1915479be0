"""An operating-system error (disk full, no permission, read-only disk) as one Dutch sentence with the path.

Python's own text (``[Errno 28] No space left on device``) is English and names a temporary file the
user never heard of; the messages here name the file or folder the user knows and say what to do.
"""

from __future__ import annotations

import errno
from pathlib import Path

_WHAT = {
    errno.ENOENT: "de map of het bestand bestaat niet (meer)",
    errno.ENOTDIR: "een deel van het pad is geen map",
    errno.EISDIR: "dit is een map, geen bestand",
    errno.ELOOP: "de symbolische koppelingen verwijzen in een kring naar elkaar",
    errno.ENAMETOOLONG: "de naam of het pad is te lang",
    errno.EIO: "de schijf gaf een lees- of schrijffout (is hij losgekoppeld of beschadigd?)",
    errno.EMFILE: "er staan te veel bestanden tegelijk open",
    errno.ENFILE: "er staan te veel bestanden tegelijk open",
    errno.ENOMEM: "er is niet genoeg geheugen",
    errno.EFBIG: "het bestand wordt te groot voor deze schijf",
    errno.ETXTBSY: "het bestand is in gebruik",
    errno.EBUSY: "het bestand of de schijf is in gebruik",
    errno.EEXIST: "er staat al een bestand met die naam",
}
_DQUOT = getattr(errno, "EDQUOT", -1001)
_ESTALE = getattr(errno, "ESTALE", -1002)
"""Not on every platform; a number no error has stands in for them there."""


def dutch_os_error(error: OSError, path: Path | str | None = None, *, writing: bool = True) -> str:
    """``error`` as a Dutch sentence about ``path`` (the file the user knows, not a temporary one).

    Disk full (ENOSPC), no permission (EACCES, EPERM) and a read-only disk (EROFS) get their own
    sentence; anything else a general one with the error's symbolic name, so it can be looked up.
    An error that already carries its own Dutch text (a subclass with its own ``__str__``) keeps it.
    """
    if type(error).__str__ is not OSError.__str__:
        return str(error)
    shown = Path(path) if path is not None else Path(error.filename) if error.filename else None
    name = f"{shown}" if shown is not None else "het bestand"
    where = f"{shown.parent}" if shown is not None else "deze map"
    verb = "opgeslagen" if writing else "gelezen"
    code = error.errno
    special = {
        errno.ENOSPC: "de schijf is vol. Maak ruimte vrij en probeer het opnieuw",
        _DQUOT: "je schijfquotum is op. Maak ruimte vrij en probeer het opnieuw",
        errno.EACCES: f"geen toestemming om te schrijven in {where}" if writing else "geen toestemming om te lezen",
        errno.EROFS: f"{where} staat op een alleen-lezen schijf",
        _ESTALE: "de netwerkschijf is niet meer bereikbaar",
    }
    special[errno.EPERM] = special[errno.EACCES]
    if code is not None and code in special:
        return f"{name} kon niet worden {verb}: {special[code]}"
    symbol = errno.errorcode.get(code, str(code)) if code is not None else type(error).__name__
    what = _WHAT.get(code, "") if code is not None else ""
    what = what or f"het besturingssysteem weigerde het {'opslaan' if writing else 'lezen'}"
    return f"{name} kon niet worden {verb}: {what} (foutcode {symbol})"
