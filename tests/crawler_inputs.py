"""Crawler-shaped raw input made at test time from invented articles (no real person, no corpus text).

``story`` is a short meeting report naming two invented officials; ``record`` wraps a text as a
crawler's JSON record; ``jsonl`` and ``gz`` write them the way crawlers deliver them.
"""

from __future__ import annotations

import gzip
import json
from pathlib import Path

CHAIR = ("Hoàng Văn Khải", "Bí thư Tỉnh ủy")
SPEAKER = ("Đinh Thị Hạnh", "Chủ tịch Ủy ban nhân dân tỉnh")
REPLACEMENT = ("Lưu Quang Định", "Phó Chủ tịch Ủy ban nhân dân tỉnh")
PROVINCE = "Lạng Sơn"


def story(
    speaker: tuple[str, str] = SPEAKER,
    closing: str = "Hội nghị đã thống nhất các giải pháp trọng tâm cho những tháng cuối năm.",
    day: str = "14/3",
    province: str = PROVINCE,
) -> str:
    """An invented report of a provincial conference chaired by ``CHAIR``, at which ``speaker``
    reports; ``closing`` is its last sentence (an edit changes it)."""
    chair, chair_post = CHAIR
    name, post = speaker
    return (
        f"Tỉnh ủy {province} tổ chức hội nghị sơ kết công tác quý I\n\n"
        f"Sáng {day}, Tỉnh ủy {province} tổ chức hội nghị sơ kết công tác quý I "
        "và triển khai nhiệm vụ quý II.\n\n"
        f"Đồng chí {chair}, {chair_post} {province}, chủ trì hội nghị và phát biểu chỉ đạo.\n\n"
        f"Đồng chí {name}, {post} {province}, trình bày báo cáo tình hình kinh tế - xã hội của tỉnh.\n\n"
        "Các đại biểu tập trung thảo luận về cải cách hành chính, thu hút đầu tư "
        "và công tác cán bộ cơ sở.\n\n"
        f"{closing}\n"
    )


def record(text: str, url: str | None, **fields: object) -> dict[str, object]:
    """A crawler's record of ``text`` (field ``content``) at ``url``, with any other ``fields``."""
    found: dict[str, object] = {"content": text}
    if url:
        found["url"] = url
    return {**found, **fields}


def jsonl(records: list[object]) -> bytes:
    """JSON Lines: a dict is dumped, a string written as it is (a malformed line)."""
    lines = [r if isinstance(r, str) else json.dumps(r, ensure_ascii=False) for r in records]
    return ("\n".join(lines) + "\n").encode()


def write(path: Path, data: bytes | str) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(data.encode() if isinstance(data, str) else data)
    return path


def gz(data: bytes) -> bytes:
    return gzip.compress(data, mtime=0)
