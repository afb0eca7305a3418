"""clean_article: page chrome goes, the story and its captions stay, photo credits go."""

from __future__ import annotations

from pathlib import Path

from vnpolitics.extract.cleaning import CHROME_LINES, clean_article

RAW = Path(__file__).resolve().parents[1] / "raw"
LEAD = (
    "Chiều 12/4, Ban Thường vụ Tỉnh ủy tổ chức hội nghị sơ kết công tác xây dựng Đảng quý I năm 2024 "
    "với sự tham dự của đại diện lãnh đạo các sở, ban, ngành và các huyện, thị xã trong tỉnh."
)
BODY = (
    "Phát biểu tại hội nghị, đồng chí Bí thư Tỉnh ủy đề nghị các cấp ủy tiếp tục đổi mới phương thức "
    "lãnh đạo, tập trung giải quyết dứt điểm những vấn đề tồn đọng kéo dài ở cơ sở."
)


def _assert_offsets(clean) -> None:
    for caption in clean.captions:
        assert clean.text[caption.char_start : caption.char_end] == caption.text


def test_view_counter_stats_and_print_link_are_removed() -> None:
    text = "\n".join(
        [
            "Tỉnh ủy sơ kết công tác quý I In trang",
            "14/04/2024 08:51 SA",
            "",
            LEAD,
            "",
            BODY,
            "",
            "(baotinh.vn)",
            "",
            "Lượt xem: 1.540",
            "Liên kết website",
            "",
            "Thống kê truy cập",
            "  • 003861857",
            "  • \u00a0Đang online: 77",
        ]
    )
    clean = clean_article(text)
    assert clean.text == "\n".join(
        ["Tỉnh ủy sơ kết công tác quý I", "14/04/2024 08:51 SA", "", LEAD, "", BODY, "", "(baotinh.vn)"]
    )
    assert "Lượt xem: 1.540" in clean.removed_chrome
    assert "In trang" in clean.removed_chrome
    assert "• Đang online: 77" in clean.removed_chrome


def test_comment_form_and_related_links_are_removed_with_their_garbage() -> None:
    text = "\n".join(
        [
            "Tiêu đề bài",
            "",
            LEAD,
            "",
            "Minh An",
            "",
            "",
            "Các bài mới đăng",
            "",
            "Các bài đã đăng :",
            "Bài viết Xem",
            "Viết bình luận",
            "Họ tên:(*)",
            "Số điện thoại:",
            "Tiêu đề:(*)",
            "Nội dung:(*)",
            "Mã xác nhận: \u00a0\u00a0 L?y l?i m\ufffd b?o m?t",
        ]
    )
    clean = clean_article(text)
    assert clean.text == "\n".join(["Tiêu đề bài", "", LEAD, "", "Minh An"])
    assert "Viết bình luận" in clean.removed_chrome


BODY = (
    "Tham dự buổi gặp mặt còn có Phó Chủ tịch Quốc hội Lê Văn Bình; Bộ trưởng Ngoại giao "
    "Trần Quốc An, lãnh đạo Văn phòng và các Ủy ban của Quốc hội và hơn 100 Đại sứ."
)
CLOSING = (
    "Thay mặt các Đại sứ, Thứ trưởng Ngoại giao Đỗ Minh Khang cho biết các Đại sứ rất vinh dự "
    "được đến chào Chủ tịch Quốc hội nhân dịp dự Hội nghị Ngoại giao lần thứ 29 tại Hà Nội."
)


def test_a_related_links_box_inside_the_story_is_dropped_and_the_story_goes_on() -> None:
    text = "\n".join(
        [
            "Chủ tịch Quốc hội gặp các Đại sứ",
            "",
            LEAD,
            "Theo dõi Baoquocte.vn trên",
            "TIN LIÊN QUAN",
            "chu tich quoc hoi gap dai su Thủ tướng: Những yêu cầu mới với ngành Ngoại giao",
            "Tổng Bí thư: Nhận thức rõ tầm quan trọng của đối ngoại",
            "",
            BODY,
            "",
            CLOSING,
        ]
    )
    clean = clean_article(text)
    story = ["Chủ tịch Quốc hội gặp các Đại sứ", "", LEAD, "Theo dõi Baoquocte.vn trên", BODY, "", CLOSING]
    assert clean.text.split("\n") == story  # the follow line names the outlet (metadata.py)
    assert "TIN LIÊN QUAN" in clean.removed_chrome


def test_a_related_links_box_closing_the_page_ends_the_story_with_its_teasers() -> None:
    teaser = (
        "Sáng nay, Thủ tướng làm việc với tỉnh Nghệ An về tình hình kinh tế - xã hội, "
        "đầu tư công và xây dựng nông thôn mới."
    )
    text = "\n".join(
        [
            "Tiêu đề bài",
            "",
            LEAD,
            BODY,
            CLOSING,
            "Minh An",
            "Tin liên quan",
            "Thủ tướng làm việc với Nghệ An",
            teaser,
        ]
    )
    clean = clean_article(text)
    assert clean.text.split("\n") == ["Tiêu đề bài", "", LEAD, BODY, CLOSING, "Minh An"]
    assert teaser in clean.removed_chrome


def test_share_lines_are_removed_anywhere() -> None:
    text = "\n".join(
        [
            "Tiêu đề",
            "Chia sẻ",
            "Facebook",
            "Twitter",
            LEAD,
            "Tags: hội nghị, Tỉnh ủy",
            BODY,
            "Xem thêm:",
            "Bình luận",
        ]
    )
    clean = clean_article(text)
    assert clean.text == "\n".join(["Tiêu đề", LEAD, BODY])


def test_tail_rule_does_not_fire_before_the_story() -> None:
    text = "\n".join(["Các bài mới đăng", "Tiêu đề", LEAD, BODY])
    clean = clean_article(text)
    assert LEAD in clean.text and BODY in clean.text


def test_blank_lines_and_spaces_are_collapsed() -> None:
    clean = clean_article("\n\n  Tiêu đề  \n\n\n\n" + LEAD + "   \n \u00a0\n\n" + BODY + "\n\n\n")
    assert clean.text == f"Tiêu đề\n\n{LEAD}\n\n{BODY}"


def test_inline_photo_credit_is_removed_and_kept_as_credit() -> None:
    caption = "Bí thư Tỉnh ủy phát biểu tại hội nghị"
    text = "\n".join(
        [
            "Tiêu đề",
            "",
            LEAD,
            "",
            f"{caption} - Ảnh Minh Khôi",
            "",
            BODY,
            "",
            "Toàn cảnh hội nghị (Ảnh: TK)",
            "",
            BODY + " Kết thúc.",
        ]
    )
    clean = clean_article(text)
    assert "Minh Khôi" not in clean.text and "Ảnh" not in clean.text
    expected = [(caption, "Minh Khôi"), ("Toàn cảnh hội nghị", "TK")]
    assert [(c.text, c.credit) for c in clean.captions] == expected
    _assert_offsets(clean)


def test_credit_on_its_own_line_belongs_to_the_line_above() -> None:
    text = "Đồng chí Bí thư phát biểu tại hội nghị.\n(Ảnh:TH)\n\n" + LEAD + "\n\nMinh An"
    clean = clean_article(text)
    assert clean.text.startswith("Đồng chí Bí thư phát biểu tại hội nghị.\n\n")
    assert "(Ảnh:TH)" not in clean.text
    assert clean.captions[0].credit == "TH"
    assert clean.captions[0].char_start == 0
    _assert_offsets(clean)


def test_standalone_photo_descriptions_and_pipe_lines_are_captions() -> None:
    text = "\n".join(
        [
            "Lãnh đạo tỉnh dự hội nghị. |",
            LEAD,
            "",
            "Toàn cảnh cuộc làm việc.",
            "",
            BODY,
            "",
            "Đồng chí Bí thư Tỉnh ủy phát biểu tại buổi làm việc",
            "",
            BODY,
            "",
            "Minh An",
        ]
    )
    clean = clean_article(text)
    assert [c.text for c in clean.captions] == [
        "Lãnh đạo tỉnh dự hội nghị.",
        "Toàn cảnh cuộc làm việc.",
        "Đồng chí Bí thư Tỉnh ủy phát biểu tại buổi làm việc",
    ]
    assert all(c.credit is None for c in clean.captions)
    assert "|" not in clean.text
    _assert_offsets(clean)


def test_byline_subheadings_and_story_lines_are_not_captions() -> None:
    text = "\n".join(
        [
            "Tiêu đề",
            "",
            LEAD,
            "",
            "Xây dựng tiêu chí đánh giá thực chất",
            "",
            BODY,
            "",
            "Ảnh hưởng của dịch bệnh - Ảnh hưởng lớn đến tiến độ",
            "",
            "Minh An",
        ]
    )
    clean = clean_article(text)
    assert clean.captions == ()
    assert "Ảnh hưởng lớn đến tiến độ" in clean.text


def test_sample_articles_keep_story_and_drop_chrome() -> None:
    for path in sorted(RAW.glob("*.txt")):
        raw = path.read_text(encoding="utf-8")
        clean = clean_article(raw)
        _assert_offsets(clean)
        assert "Lượt xem" not in clean.text and "Mã xác nhận" not in clean.text
        assert "\n\n\n" not in clean.text
        assert not any(line != line.strip() for line in clean.text.split("\n"))
        assert "Ảnh" not in "".join(c.text for c in clean.captions)


def test_sample_002_captions_lose_the_photographer() -> None:
    clean = clean_article((RAW / "002_6567be2efba4ea88.txt").read_text(encoding="utf-8"))
    assert len(clean.captions) == 2
    assert {c.credit for c in clean.captions} == {"Thanh Hải"}
    assert "Ảnh Thanh Hải" not in clean.text
    assert "Bí thư Thành ủy Hoàng Trung Hải chứng kiến" in clean.text


def test_chrome_rules_are_data() -> None:
    assert CHROME_LINES.fullmatch("Lượt xem: 12")
    assert CHROME_LINES.fullmatch("Chia sẻ facebook | zalo")
    assert not CHROME_LINES.fullmatch("Lượt xem: 12 người dự hội nghị")  # the whole line, not its start
    assert not CHROME_LINES.fullmatch(LEAD)


def test_a_related_links_box_inside_the_story_ends_where_the_story_resumes() -> None:
    """baoquocte.vn prints "TIN LIÊN QUAN" and a few links mid-story; the attendance list follows."""
    links = [
        "TIN LIÊN QUAN",
        "Thủ tướng: Những yêu cầu mới với ngành Ngoại giao",
        "Tổng Bí thư: Nhận thức rõ",
    ]
    caption = "Chủ tịch Quốc hội phát biểu tại buổi gặp mặt. (Ảnh: Quang Hòa)"
    clean = clean_article("\n".join([LEAD, *links, caption, "", BODY, CLOSING]))
    assert clean.text == "\n".join([LEAD, "Chủ tịch Quốc hội phát biểu tại buổi gặp mặt.", "", BODY, CLOSING])
    assert links[1] in clean.removed_chrome


def test_related_links_at_the_end_still_end_the_page() -> None:
    teasers = ["Tin liên quan", "Bí thư Tỉnh ủy làm việc với huyện", "Hội nghị giao ban quý I"]
    clean = clean_article("\n".join([LEAD, "", BODY, "", *teasers]))
    assert clean.text == "\n".join([LEAD, "", BODY])
