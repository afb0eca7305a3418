"""Roles at the meeting, from the cue words of each sentence."""

from __future__ import annotations

from tests.conftest import parse
from vnpolitics.extract.roles import resolve_roles, sentence_evidence


def roles_of(*sentences: str, has_papers: bool = False) -> dict[str, set[str]]:
    evidence: dict[str, set[str]] = {}
    for i, text in enumerate(sentences):
        result = parse(text)
        for found in result.names:
            evidence.setdefault(
                " ".join(t.text for t in result.tokens[found.item.start : found.item.end]), set()
            )
        for ev in sentence_evidence(result, i):
            name = " ".join(t.text for t in result.tokens[ev.name.item.start : ev.name.item.end])
            evidence[name].add(ev.role)
    return resolve_roles(evidence, has_papers)


def test_chairs_and_attendees() -> None:
    got = roles_of(
        "Bí thư Tỉnh ủy Lê Minh Hoan chủ trì hội nghị.",
        "Tham dự có Phó Chủ tịch UBND tỉnh Trần Thị Mỹ và Giám đốc Sở Nội vụ Đoàn Văn Út.",
    )
    assert got == {"Lê Minh Hoan": {"chair"}, "Trần Thị Mỹ": {"attendee"}, "Đoàn Văn Út": {"attendee"}}


def test_two_chairs_listed_before_chu_tri() -> None:
    got = roles_of("Các đồng chí: Phạm Văn Tư, Bí thư Tỉnh ủy; Võ Thành Hạo, Chủ tịch UBND tỉnh chủ trì.")
    assert got == {"Phạm Văn Tư": {"chair"}, "Võ Thành Hạo": {"chair"}}


def test_fronted_phat_bieu_makes_the_subject_a_speaker_not_the_object() -> None:
    got = roles_of(
        "Phát biểu kết luận, Bí thư Tỉnh ủy Lâm Văn Mẫn cảm ơn ý kiến của đồng chí Hồ Thị Cẩm Đào."
    )
    assert got["Lâm Văn Mẫn"] == {"speaker", "attendee"}
    assert got["Hồ Thị Cẩm Đào"] == {"mentioned"}


def test_paper_readers_are_presenters() -> None:
    got = roles_of(
        "Tham luận tại hội nghị, Bí thư Huyện ủy Phan Văn Lợi cho biết huyện đã hoàn thành kế hoạch.",
        "Phó Chủ tịch UBND tỉnh Trương Văn Tám trình bày báo cáo tổng kết.",
        has_papers=True,
    )
    assert got == {"Phan Văn Lợi": {"presenter"}, "Trương Văn Tám": {"presenter"}}


def test_reported_speech_is_a_presenter_only_at_a_conference_with_papers() -> None:
    """Elsewhere it is a speech, and whoever speaks at a working session sits in it; papers at a
    conference may come from connection points, so they say nothing of who sat in the hall."""
    sentence = "Giám đốc Sở Tài chính Nguyễn Văn Sáu cho biết, ngân sách đã được giao đủ."
    assert roles_of(sentence, has_papers=True) == {"Nguyễn Văn Sáu": {"presenter"}}
    assert roles_of(sentence, has_papers=False) == {"Nguyễn Văn Sáu": {"speaker", "attendee"}}


def test_du_an_is_not_attendance() -> None:
    got = roles_of("Dự án do Chủ tịch UBND huyện Lê Văn Bảy phê duyệt.")
    assert got == {"Lê Văn Bảy": {"mentioned"}}
