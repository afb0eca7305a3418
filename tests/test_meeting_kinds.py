"""Event kinds named in the lead: gazetteer wordings, longest match, the dated sentence first."""

from __future__ import annotations

import pytest

from tests.conftest import RAW
from vnpolitics.extract.meeting_kinds import find_meeting_kind, find_meeting_kinds, kind_of_surface


@pytest.mark.parametrize(
    "text, kind",
    [
        ("Sáng 3/5, Tỉnh ủy tổ chức Hội nghị quán triệt nghị quyết.", "hội nghị quán triệt"),
        ("Chiều 4/5, Bộ tổ chức hội nghị trực tuyến với các địa phương.", "hội nghị trực tuyến"),
        ("Chiều 4/5, Ban tổ chức Hội nghị giao ban trực tuyến khu vực.", "hội nghị giao ban trực tuyến"),
        ("Sáng 6/5, đoàn công tác làm việc với Ban Thường vụ Tỉnh ủy.", "buổi làm việc"),
        ("Toàn cảnh cuộc làm việc.", "buổi làm việc"),
        ("Chiều 7/5, hai đơn vị đã tổ chức ký kết quy chế phối hợp.", "lễ ký kết"),
        ("Hai bên ký kết biên bản ghi nhớ.", "lễ ký kết"),
        ("Sáng 8/5, Chính phủ họp phiên họp thường kỳ tháng 4.", "phiên họp thường kỳ"),
        ("Quốc hội bước vào kỳ họp thứ năm.", "kỳ họp"),
        ("Tỉnh long trọng tổ chức Đại hội đại biểu lần thứ XX.", "đại hội đại biểu"),
        ("Viện tổ chức Hội thảo về chuyển đổi số.", "hội thảo"),
        ("Huyện tổ chức Lễ công bố quyết định về công tác cán bộ.", "lễ công bố"),
        ("Thành phố tổ chức Lễ trao Huy hiệu 50 năm tuổi Đảng.", "lễ trao"),
        ("Chủ tịch tỉnh chủ trì buổi tiếp công dân định kỳ.", "buổi tiếp"),
        ("Ủy ban có cuộc họp với các sở.", "cuộc họp"),
        ("Trường tổ chức tọa đàm về lịch sử Đảng bộ.", "tọa đàm"),
        ("Trường tổ chức toạ đàm về lịch sử Đảng bộ.", "tọa đàm"),
        ("Tỉnh tổ chức Lễ kỷ niệm ngày thành lập.", "lễ kỷ niệm"),
        ("Sở duy trì giao ban hằng tuần.", "giao ban"),
        ("Quận tổ chức buổi gặp mặt các cựu chiến binh.", "buổi gặp mặt"),
        ("Xã tổ chức lễ mít tinh hưởng ứng ngày môi trường.", "lễ mít tinh"),
        ("Quốc hội dành hai ngày cho phiên chất vấn Bộ trưởng.", "phiên chất vấn"),
    ],
)
def test_kinds_are_named(text: str, kind: str) -> None:
    found = find_meeting_kind(text)
    assert found is not None and found[0] == kind
    assert " ".join(text[found[1] : found[2]].lower().split()) in {
        s for s, k in kind_of_surface().items() if k == kind
    } | {"toạ đàm"}


def test_no_event_word_gives_none() -> None:
    assert find_meeting_kind("Ban Tổ chức Trung ương ban hành hướng dẫn mới.") is None


def test_dated_sentence_wins_over_the_title() -> None:
    text = "Giao ban công tác khu vực phía Nam\n\nChiều 2/7, Ban tổ chức hội nghị sơ kết sáu tháng."
    assert find_meeting_kind(text)[0] == "hội nghị sơ kết"
    assert [k for k, _, _ in find_meeting_kinds(text)] == ["giao ban", "hội nghị sơ kết"]


def test_first_kind_when_no_date() -> None:
    assert find_meeting_kind("Lãnh đạo tỉnh dự hội nghị. Sau đó là buổi làm việc.")[0] == "hội nghị"


@pytest.mark.parametrize(
    "prefix, kind",
    [
        ("000_", "hội nghị"),
        ("001_", "buổi làm việc"),
        ("002_", "lễ ký kết"),
        ("003_", "hội nghị giao ban trực tuyến"),
        ("004_", "hội nghị"),
    ],
)
def test_sample_article_kinds(prefix: str, kind: str) -> None:
    text = next(RAW.glob(f"{prefix}*.txt")).read_text(encoding="utf-8")
    lead = text[:1500]
    found = find_meeting_kind(lead)
    assert found is not None and found[0] == kind
