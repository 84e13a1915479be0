"""Every web link in the content points to an official source, and every legal item links to the law itself."""

from __future__ import annotations

import re
from pathlib import Path
from urllib.parse import urlsplit

import pytest

from models.content import Content, content_folder

ALLOWED_HOSTS = (
    "wetten.overheid.nl",
    "arboportaal.nl",
    "rie.nl",
    "nlarbeidsinspectie.nl",
    "autoriteitpersoonsgegevens.nl",
    "rijksoverheid.nl",
)
"""Government sources (and rie.nl); a host is allowed as itself or as one of its subdomains (www.)."""

LAW_HOST = "wetten.overheid.nl"

# A link written with a scheme, or a bare www. address someone pasted without one.
_LINK = re.compile(r"""(?:https?://|\bwww\.)[^\s;"'<>()\[\]]+""", re.IGNORECASE)


def _host_allowed(host: str) -> bool:
    host = host.lower().rstrip(".")
    return any(host == allowed or host.endswith("." + allowed) for allowed in ALLOWED_HOSTS)


def _link_problem(link: str) -> str | None:
    """Why a link found in the content isn't acceptable, or None when it is."""
    parts = urlsplit(link if "://" in link else "https://" + link)
    if parts.scheme.lower() != "https":
        return "not https"
    if not _host_allowed(parts.hostname or ""):
        return f"host {parts.hostname!r} is not an official source"
    return None


def _links_in(text: str) -> list[str]:
    return [match.group(0).rstrip(".,") for match in _LINK.finditer(text)]


def _content_files() -> list[Path]:
    return sorted(content_folder().glob("*.toml"))


def test_the_content_files_are_found() -> None:
    names = {path.name for path in _content_files()}
    assert {"wettelijk.toml", "bronnen.toml"} <= names


@pytest.mark.parametrize("path", _content_files(), ids=lambda path: path.name)
def test_every_link_in_the_content_points_to_an_official_source(path: Path) -> None:
    text = path.read_text(encoding="utf-8")
    wrong = [f"{link} ({problem})" for link in _links_in(text) if (problem := _link_problem(link)) is not None]
    assert not wrong, f"{path.name}: " + "; ".join(wrong)


def test_every_legal_item_links_to_the_law_text(content: Content) -> None:
    assert content.legal
    for item in content.legal:
        hosts = {urlsplit(link).hostname for link in _links_in(item.verwijzing or "")}
        assert LAW_HOST in hosts, item.id


@pytest.mark.parametrize(
    "link",
    [
        "http://www.wetboek-online.nl/wet/Arbeidsomstandighedenwet/5.html",
        "https://www.btconsul.nl/toetsingseisen-rie/",
        "https://wetten.overheid.nl.example.com/BWBR0010346",
        "https://notarboportaal.nl/onderwerpen/basiscontract",
        "http://wetten.overheid.nl/BWBR0010346",
        "www.docplayer.nl/2605892",
    ],
)
def test_the_check_refuses_other_hosts_and_plain_http(link: str) -> None:
    assert _links_in(f'verwijzing = "{link}; https://www.rie.nl"')[0] == link
    assert _link_problem(link) is not None


@pytest.mark.parametrize(
    "link",
    [
        "https://wetten.overheid.nl/BWBR0010346",
        "https://www.arboportaal.nl/onderwerpen/basiscontract",
        "https://www.rie.nl",
    ],
)
def test_the_check_accepts_official_hosts(link: str) -> None:
    assert _link_problem(link) is None
