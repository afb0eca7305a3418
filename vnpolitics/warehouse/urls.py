"""One spelling per article URL, so a crawler's two fetches of one page are one article.

``w3lib.url.canonicalize_url`` (Scrapy's) does the URL-syntax part: percent-encoding made
uniform, query arguments sorted, the fragment dropped, the host lower-cased. What it cannot
know is which differences news sites make without meaning another page, so those stay here:

- ``http`` and ``https`` are one scheme (a site moved to TLS keeps its pages);
- ``www.``, ``m.``, ``mobile.`` and ``amp.`` hosts are the host itself, and an ``/amp`` path
  segment or ``amp=1``-style argument is dropped: the AMP or mobile copy of a page has the
  page's path;
- tracking arguments (``utm_*``, ``fbclid``, ``gclid`` and the like, ``TRACKING_PARAMETERS``)
  are dropped, since they say who linked the page, not which page it is;
- a trailing ``/`` is dropped from a path that has more than one segment.
"""

from __future__ import annotations

import hashlib
import re
from urllib.parse import parse_qsl, urlsplit, urlunsplit

from w3lib.url import canonicalize_url, url_query_cleaner

# Query arguments that track the visit, never name the page. Names are compared in lower case;
# an entry ending in "_" is a prefix.
TRACKING_PARAMETERS = (
    "utm_",
    "fbclid",
    "gclid",
    "dclid",
    "msclkid",
    "yclid",
    "zarsrc",  # Zalo's share links, common on Vietnamese sites
    "zalo_",
    "mc_cid",
    "mc_eid",
    "_ga",
    "igshid",
    "ref",
    "ref_src",
    "share",
    "amp",
    "outputtype",  # "?outputType=amp"
)
# Host prefixes of the mobile and AMP copies of a site.
_MIRROR_HOST = re.compile(r"^(?:www\d?|m|mobile|amp)\.(?=[^.]+\.)")
_AMP_SEGMENT = re.compile(r"/amp(?=/|$)|\.amp(?=\.html?$|$)", re.IGNORECASE)


def _is_tracking(name: str) -> bool:
    name = name.lower()
    return any(name.startswith(p) if p.endswith("_") else name == p for p in TRACKING_PARAMETERS)


def canonical_url(url: str) -> str | None:
    """The canonical spelling of ``url``, or None when it is no http(s) URL with a host.

    >>> canonical_url("HTTP://m.Example.vn/chinh-tri/bai-1.amp?utm_source=fb&id=2#top")
    'https://example.vn/chinh-tri/bai-1?id=2'
    """
    text = url.strip()
    if text.startswith("//"):
        text = "https:" + text
    parts = urlsplit(text)
    if parts.scheme.lower() not in ("http", "https") or not parts.hostname:
        return None
    tracking = [name for name, _ in parse_qsl(parts.query, keep_blank_values=True) if _is_tracking(name)]
    cleaned = url_query_cleaner(text, tracking, remove=True) if tracking else text
    parts = urlsplit(canonicalize_url(cleaned, keep_fragments=False))
    host = _MIRROR_HOST.sub("", parts.hostname or "")
    if parts.port and parts.port not in (80, 443):
        host = f"{host}:{parts.port}"
    path = _AMP_SEGMENT.sub("", parts.path) or "/"
    if path.count("/") > 1:
        path = path.rstrip("/")
    return urlunsplit(("https", host, path, parts.query, ""))


def document_key_for(canonical: str) -> str:
    """The article key of every version of the page at ``canonical`` (a canonical URL): the first
    16 hex digits of the sha256 of ``url <canonical>``, so it never equals a content key."""
    return hashlib.sha256(f"url {canonical}".encode()).hexdigest()[:16]
