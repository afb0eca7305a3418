"""The gazetteer of administrative units, read from the vietnam-provinces package."""

from __future__ import annotations

from vnpolitics.extract.admin_places import admin_place_phrases, bare_name, place_taker_phrases, units_2025
from vnpolitics.extract.gazetteer import phrase_key
from vnpolitics.extract.tokens import tokenize


def test_official_names_lose_their_unit_type() -> None:
    assert bare_name("Xã Hà Trung") == "Hà Trung"
    assert bare_name("Thành phố Huế") == "Huế"
    assert bare_name("Đặc khu Phú Quốc") == "Phú Quốc"
    assert bare_name("Phường 12") is None


def test_the_2025_units_come_from_the_package() -> None:
    units = set(units_2025())
    assert {"Lạc Dương", "Hà Trung", "Phú Quốc", "Cao Bằng"} <= units
    assert len(units) > 2500  # 34 provinces, 3,321 communes, wards and special zones in 2025


def test_old_districts_and_communes_are_places_too() -> None:
    phrases = admin_place_phrases()
    # a district abolished in 2025, a commune of the 2025 map, a highland name with an apostrophe
    assert phrase_key("Thường Tín") in phrases
    assert phrase_key("Lạc Dương") in phrases
    assert tuple(t.key for t in tokenize("Cư M'gar")) in phrases
    assert tuple(t.key for t in tokenize("Cư M’gar")) in phrases


def test_units_and_committees_take_a_place() -> None:
    takers = place_taker_phrases()
    assert phrase_key("Huyện ủy") in takers and phrase_key("xã") in takers


def test_a_highland_syllable_keeps_its_apostrophe() -> None:
    assert [t.text for t in tokenize("đồng chí Điểu K’ré, xã Đắk R'Moan")] == [
        "đồng",
        "chí",
        "Điểu",
        "K’ré",
        ",",
        "xã",
        "Đắk",
        "R'Moan",
    ]


def test_the_extractor_version_follows_the_data_package() -> None:
    from vnpolitics.extract.version import EXTRACTOR_VERSION, data_digest

    assert EXTRACTOR_VERSION.endswith("." + data_digest())
    assert data_digest(("vietnam-provinces",)) != data_digest(("pyvi",))
