"""A zip archive rewritten so the same content always gives the same bytes.

Office files (docx, xlsx) are zip archives, and a zip stamps every entry with the time it was written and
the system that wrote it. Rewriting the archive with one fixed time, fixed attributes and a stable order
of entries makes a report byte-identical for the same workbook, in any process and on any day.
"""

from __future__ import annotations

import io
import zipfile
from collections.abc import Mapping, Sequence

FIXED_TIME = (1980, 1, 1, 0, 0, 0)
"""The earliest time a zip entry can hold."""
OFFICE_FIRST = ("[Content_Types].xml", "_rels/.rels")
"""The entries Office writes first; the rest follow by name."""


def fixed_zip(
    data: bytes,
    *,
    replace: Mapping[str, bytes] | None = None,
    first: Sequence[str] = OFFICE_FIRST,
    compresslevel: int = 6,
) -> bytes:
    """``data`` (a zip archive) again, with every entry dated :data:`FIXED_TIME`, compressed the same way,
    and in a stable order: the names in ``first`` (where present), then the others sorted by name.

    ``replace`` gives other content for some entries (by name), so a writer can change a part without
    another round of unpacking and packing."""
    replace = replace or {}
    with zipfile.ZipFile(io.BytesIO(data)) as source:
        names = list(dict.fromkeys(source.namelist()))
        order = [name for name in first if name in names]
        order += sorted(name for name in names if name not in order)
        target_buffer = io.BytesIO()
        with zipfile.ZipFile(target_buffer, "w") as target:
            for name in order:
                entry = zipfile.ZipInfo(name, FIXED_TIME)
                entry.compress_type = zipfile.ZIP_DEFLATED
                entry.create_system = 0  # as Office writes it, whatever system runs this
                entry.external_attr = 0
                content = replace[name] if name in replace else source.read(name)
                target.writestr(entry, content, compresslevel=compresslevel)
    return target_buffer.getvalue()
