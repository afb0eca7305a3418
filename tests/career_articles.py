"""Invented articles about careers, for the tests of personnel events, tenures and the open
formats: a transfer that ends one post and starts another, a death in office, two people
printed as one province's party secretary at once, and a chair of the people's committee seen
again only after another holds the seat. Every name is invented.
"""

from __future__ import annotations

from pathlib import Path

# file name -> text; the dates make one story: Diệp Văn Sơn is seen as vice-chair of Hòa Bình's
# people's committee in 2022, transferred to Kim Bôi district in April 2023; Âu Minh Khang chairs
# the provincial council until he dies in February 2023; Mạc Văn Tùng and Lê Thị Hồng are both
# printed as the provincial party secretary in March 2023; Nông Quốc Hưng chairs the people's
# committee in September 2022, Tạ Đình Phong in June 2023.
CAREER_ARTICLES = {
    "2022-vice-chair.txt": (
        "Hòa Bình họp bàn phát triển nông nghiệp\n\n"
        "Sáng 12/9/2022, Ủy ban nhân dân tỉnh Hòa Bình tổ chức hội nghị bàn về phát triển nông nghiệp.\n\n"
        "Đồng chí Diệp Văn Sơn, Phó Chủ tịch UBND tỉnh Hòa Bình, chủ trì hội nghị.\n\n"
        "Đồng chí Âu Minh Khang, Chủ tịch HĐND tỉnh Hòa Bình, dự và phát biểu.\n\n"
        "Đồng chí Nông Quốc Hưng, Chủ tịch UBND tỉnh Hòa Bình, kết luận hội nghị.\n"
    ),
    "2023-transfer.txt": (
        "Trao quyết định điều động cán bộ\n\n"
        "Chiều 3/4/2023, Ban Thường vụ Tỉnh ủy Hòa Bình đã trao Quyết định số 125-QĐ/TU điều động "
        "đồng chí Diệp Văn Sơn, Phó Chủ tịch UBND tỉnh Hòa Bình, đến nhận công tác và giữ chức Bí thư "
        "Huyện ủy Kim Bôi.\n\n"
        "Đồng chí Mạc Văn Tùng, Bí thư Tỉnh ủy Hòa Bình, trao quyết định và phát biểu giao nhiệm vụ.\n"
    ),
    "2023-obituary.txt": (
        "Tin buồn\n\n"
        "Đồng chí Âu Minh Khang, Chủ tịch HĐND tỉnh Hòa Bình, đã từ trần hồi 10 giờ ngày 10/2/2023.\n\n"
        "Lễ viếng được tổ chức tại Hội trường Tỉnh ủy Hòa Bình.\n"
    ),
    "2023-secretary-a.txt": (
        "Tỉnh ủy Hòa Bình sơ kết quý I\n\n"
        "Sáng 1/3/2023, Tỉnh ủy Hòa Bình tổ chức hội nghị sơ kết công tác quý I.\n\n"
        "Đồng chí Mạc Văn Tùng, Bí thư Tỉnh ủy Hòa Bình, chủ trì hội nghị.\n"
    ),
    "2023-secretary-b.txt": (
        "Hội nghị Ban Chấp hành Đảng bộ tỉnh Hòa Bình\n\n"
        "Sáng 15/3/2023, Ban Chấp hành Đảng bộ tỉnh Hòa Bình họp phiên thường kỳ.\n\n"
        "Đồng chí Lê Thị Hồng, Bí thư Tỉnh ủy Hòa Bình, chủ trì hội nghị.\n"
    ),
    "2023-appointment.txt": (
        "Bổ nhiệm Giám đốc Sở Tài chính\n\n"
        "Ngày 28/4/2023, Ủy ban nhân dân tỉnh Hòa Bình đã ký Quyết định số 512/QĐ-UBND ngày 20/4/2023 "
        "bổ nhiệm ông Kha Văn Yên giữ chức Giám đốc Sở Tài chính tỉnh Hòa Bình, có hiệu lực kể từ "
        "ngày 1/5/2023.\n"
    ),
    "2023-chair.txt": (
        "Hòa Bình kiểm tra tiến độ giải ngân\n\n"
        "Sáng 20/6/2023, Ủy ban nhân dân tỉnh Hòa Bình họp kiểm tra tiến độ giải ngân vốn đầu tư công.\n\n"
        "Đồng chí Tạ Đình Phong, Chủ tịch UBND tỉnh Hòa Bình, chủ trì cuộc họp.\n"
    ),
}


def write_career_articles(folder: Path) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    for name, text in CAREER_ARTICLES.items():
        (folder / name).write_text(text, encoding="utf-8")
    return folder
