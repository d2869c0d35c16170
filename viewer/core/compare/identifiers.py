"""Identifiers a signatory's further columns may hold: ORCID iDs, web addresses, handles.

An identifier matches people exactly, but only one that names a single signatory of its
letter: a URL every signatory of an organisation shares says nothing about who is who.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Sequence

from viewer.core.folding import fold
from viewer.core.model import Signatory

_ORCID = re.compile(r"\b(\d{4}-\d{4}-\d{4}-\d{3}[\dX])\b", re.IGNORECASE)
_URL = re.compile(r"\bhttps?://[^\s<>\"')]+", re.IGNORECASE)
_HANDLE_COLUMNS = ("handle", "username", "user name", "github", "twitter", "mastodon", "x")
_HANDLE = re.compile(r"^@?([\w.-]+(?:@[\w.-]+)?)$")


def identifiers(signatory: Signatory) -> set[str]:
    """The identifiers in a signatory's further columns, each as 'kind:value'."""
    found: set[str] = set()
    for column, value in signatory.extra:
        found.update(f"orcid:{m.upper()}" for m in _ORCID.findall(value))
        for url in _URL.findall(value):
            if "orcid.org" not in url.lower():
                found.add(f"url:{normal_url(url)}")
        if fold(column).strip() in _HANDLE_COLUMNS and (m := _HANDLE.match(value.strip())):
            found.add(f"handle:{fold(m.group(1))}")
    return found


def normal_url(url: str) -> str:
    """A web address as matching compares it: no scheme, no www., no trailing slash."""
    rest = re.sub(r"^https?://", "", url.strip(), flags=re.IGNORECASE).rstrip("/.,;")
    host, _, path = rest.partition("/")
    host = host.lower().removeprefix("www.")
    return f"{host}/{path}" if path else host


def personal_identifiers(signatories: Sequence[Signatory]) -> list[set[str]]:
    """Each signatory's identifiers, without those another signatory of the letter shares."""
    each = [identifiers(s) for s in signatories]
    counts = Counter(i for ids in each for i in ids)
    return [{i for i in ids if counts[i] == 1} for ids in each]
