"""Vietnam's administrative units, as place names a person's name cannot start with.

The names come from the maintained ``vietnam-provinces`` package: the 2025 provinces, communes,
wards and special zones it ships as data, read once and folded. Articles from before the 2025
reform name the old units (districts, old communes); the package keeps those in its ``legacy``
module only from release 2026.1, which needs Python 3.12, so they are kept here as the list that
module gives (``gazetteers/admin_units_pre2025.txt``, written by ``write_legacy_list``; once the
project runs on Python 3.12 that file can give way to the module itself).

Many of these names are also plausible person names ("Hà Trung", "Tân Bình", "Lê Lợi"), so they
block a name only where a place is expected: right after a unit or a committee that takes a place
("huyện", "Huyện ủy", "xã" ..., ``gazetteers/place_takers.txt``).
"""

from __future__ import annotations

import json
import re
from functools import cache
from pathlib import Path

from vnpolitics.extract.gazetteer import DATA_DIR, PhraseSet, _lines, phrase_key
from vnpolitics.extract.textnorm import fold
from vnpolitics.extract.tokens import SYLLABLE_RE

LEGACY_FILE = "admin_units_pre2025.txt"

# The type a unit's official name opens with: "Xã Hà Trung", "Thành phố Huế", "Huyện Lạc Dương".
_UNIT_TYPE_RE = re.compile(
    r"^(?:Thành phố|Thị xã|Thị trấn|Quận|Huyện|Phường|Xã|Đặc khu|Tỉnh)\s+", re.IGNORECASE
)


def bare_name(official: str) -> str | None:
    """ "Xã Hà Trung" -> "Hà Trung"; None for a numbered ward ("Phường 12"), no place name."""
    name = _UNIT_TYPE_RE.sub("", official.strip())
    return name if name[:1].isalpha() else None


def units_2025() -> list[str]:
    """Bare names of the 2025 provinces, communes, wards and special zones (vietnam-provinces)."""
    nested = _nested_2025()
    officials = [p["name"] for p in nested] + [w["name"] for p in nested for w in p.get("wards", [])]
    return [n for n in map(bare_name, officials) if n]


def provinces_2025() -> list[str]:
    """Bare names of the 34 provinces and cities of the 2025 reform (vietnam-provinces)."""
    return [n for n in (bare_name(p["name"]) for p in _nested_2025()) if n]


def _nested_2025() -> list[dict]:
    import vietnam_provinces

    return json.loads(Path(vietnam_provinces.NESTED_DIVISIONS_JSON_PATH).read_text(encoding="utf-8"))


@cache
def admin_place_phrases() -> PhraseSet:
    """Every unit name, 2025 and older, folded, as syllable phrases ("Cư M'gar" and "Phan Rang -
    Tháp Chàm" as the tokenizer cuts them)."""
    names = units_2025() + _lines(LEGACY_FILE)
    return PhraseSet(key for n in names for key in _keys(n))


def _keys(name: str) -> tuple[tuple[str, ...], ...]:
    """Folded syllables as the tokenizer cuts them, with either apostrophe ("M'gar", "M’gar")."""
    key = tuple(SYLLABLE_RE.findall(fold(name)))
    return (key, tuple(s.replace("'", "’") for s in key), tuple(s.replace("’", "'") for s in key))


@cache
def place_taker_phrases() -> PhraseSet:
    """Units and committees whose name is followed by a place's ("huyện", "Huyện ủy")."""
    return PhraseSet(phrase_key(x) for x in _lines("place_takers.txt"))


def write_legacy_list(legacy_module, path: Path = DATA_DIR / LEGACY_FILE) -> int:
    """Write the bare names of the pre-2025 provinces, districts and communes of
    ``vietnam_provinces.legacy`` (release 2026.1 or later) to ``path``; returns how many.

    Run where such a release is importable, e.g. ``python -c "import vietnam_provinces.legacy as m;
    from vnpolitics.extract.admin_places import write_legacy_list; write_legacy_list(m)"``.
    """
    units = [
        *legacy_module.Province.iter_all(),
        *legacy_module.District.iter_all(),
        *legacy_module.Ward.iter_all(),
    ]
    names = sorted({n for n in (bare_name(u.name) for u in units) if n})
    version = getattr(__import__(legacy_module.__name__.split(".")[0]), "__version__", "?")
    header = [
        "# Pre-2025 provinces, districts and communes of Vietnam (bare names, one a line), as the",
        f"# vietnam-provinces package's legacy module lists them (release {version}).",
        "# Written by vnpolitics.extract.admin_places.write_legacy_list: do not edit by hand.",
    ]
    path.write_text("\n".join(header + names) + "\n", encoding="utf-8")
    return len(names)
