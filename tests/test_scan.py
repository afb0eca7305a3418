"""scan_folder: every file gets exactly one row; the walk is deterministic."""

from __future__ import annotations

import hashlib
import os
from pathlib import Path

import pytest

from vnpolitics.warehouse.scan import IngestRecord, article_key_for, scan_folder

TEXT = "Sáng 5/3, Ủy ban nhân dân tỉnh tổ chức hội nghị triển khai nhiệm vụ năm 2024.\n"
OTHER = "Chiều 6/3, Đảng ủy khối tổ chức lễ công bố quyết định cán bộ.\n"


def _by_name(records: list[IngestRecord]) -> dict[str, IngestRecord]:
    return {r.source_file: r for r in records}


def _write(path: Path, data: bytes) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(data)
    return path


def test_loaded_record_has_hash_key_and_text(tmp_path: Path) -> None:
    _write(tmp_path / "a.txt", TEXT.encode("utf-16"))
    records, loaded = scan_folder(tmp_path)
    digest = hashlib.sha256(TEXT.encode("utf-16")).hexdigest()
    (record,) = records
    assert (record.source_file, record.content_hash, record.size_bytes, record.status, record.reason) == (
        "a.txt",
        digest,
        len(TEXT.encode("utf-16")),
        "loaded",
        None,
    )
    assert (record.article_key, record.encoding, record.flags) == (digest[:16], "utf-16-le", ("bom",))
    assert (record.record, record.file_hash, record.document_key) == (None, digest, digest[:16])
    assert len(loaded) == 1
    assert loaded[0].decoded.text == TEXT
    assert loaded[0].article_key == article_key_for(digest) == digest[:16]


def test_duplicates_point_to_the_first_file_in_sorted_order(tmp_path: Path) -> None:
    _write(tmp_path / "b" / "copy.txt", TEXT.encode())
    _write(tmp_path / "a.txt", TEXT.encode())
    _write(tmp_path / "c.txt", TEXT.encode())
    records, loaded = scan_folder(tmp_path)
    rows = _by_name(records)
    assert [r.source_file for r in records] == ["a.txt", "b/copy.txt", "c.txt"]
    assert rows["a.txt"].status == "loaded"
    for name in ("b/copy.txt", "c.txt"):
        assert rows[name].status == "duplicate"
        assert rows[name].reason == "duplicate of a.txt"
        assert rows[name].article_key == rows["a.txt"].article_key
    assert [f.source_file for f in loaded] == ["a.txt"]


def test_every_kind_of_file_gets_one_record(tmp_path: Path) -> None:
    _write(tmp_path / "ok.txt", TEXT.encode())
    _write(tmp_path / "empty.txt", b"")
    _write(tmp_path / "blank.txt", b"  \n\n")
    _write(tmp_path / "scan.pdf", b"%PDF-1.4\n...")
    _write(tmp_path / "photo.png", b"\x89PNG\r\n\x1a\n\x00\x00")
    _write(tmp_path / "archive.zip", b"PK\x03\x04\x14\x00")
    _write(tmp_path / ".DS_Store", b"\x00\x00\x00\x01Bud1\x00\x00\x10\x00\x00\x00\x08\x00")
    _write(tmp_path / "deep" / "er" / "nested.txt", OTHER.encode())
    records, loaded = scan_folder(tmp_path)
    rows = _by_name(records)
    assert len(records) == 8
    assert rows["ok.txt"].status == "loaded"
    assert rows["deep/er/nested.txt"].status == "loaded"
    assert rows["empty.txt"].reason == "empty file"
    assert rows["blank.txt"].reason == "empty file"
    assert rows["scan.pdf"].reason == "binary file (PDF)"
    assert rows["photo.png"].reason == "binary file (PNG)"
    assert rows["archive.zip"].reason == "binary file (ZIP)"
    assert rows[".DS_Store"].status == "rejected"
    for name in ("empty.txt", "scan.pdf", ".DS_Store"):
        assert rows[name].article_key is None and rows[name].encoding is None
    assert rows["scan.pdf"].content_hash == hashlib.sha256(b"%PDF-1.4\n...").hexdigest()
    assert sorted(f.source_file for f in loaded) == ["deep/er/nested.txt", "ok.txt"]


def test_identical_rejected_content_is_rejected_again_not_a_duplicate(tmp_path: Path) -> None:
    _write(tmp_path / "a.txt", b"")
    _write(tmp_path / "b.txt", b"")
    records, _ = scan_folder(tmp_path)
    assert [(r.status, r.reason) for r in records] == [("rejected", "empty file")] * 2


def test_awkward_file_names(tmp_path: Path) -> None:
    names = ["tin tức mới.txt", 'it\'s "quoted".txt', "a;b;c.txt", "Thành ủy Hà Nội.txt"]
    for i, name in enumerate(names):
        _write(tmp_path / "thư mục" / name, f"{TEXT}{i}\n".encode())
    records, loaded = scan_folder(tmp_path)
    assert sorted(r.source_file for r in records) == sorted(f"thư mục/{n}" for n in names)
    assert all(r.status == "loaded" for r in records)
    assert len(loaded) == 4


def test_encodings_decode_to_the_same_text(tmp_path: Path) -> None:
    _write(tmp_path / "crlf.txt", TEXT.replace("\n", "\r\n").encode())
    _write(tmp_path / "be.txt", TEXT.encode("utf-16-be"))
    _write(tmp_path / "bom.txt", b"\xef\xbb\xbf" + TEXT.encode())
    records, loaded = scan_folder(tmp_path)
    assert [f.decoded.text for f in loaded] == [TEXT]
    rows = _by_name(records)
    assert rows["be.txt"].status == "loaded"  # the first name in sorted order
    for name, encoding in (("bom.txt", "utf-8-sig"), ("crlf.txt", "utf-8")):
        assert rows[name].status == "duplicate"
        assert rows[name].reason == "duplicate of be.txt (same text, other bytes)"
        assert rows[name].article_key == rows["be.txt"].article_key
        assert rows[name].encoding == encoding


def test_oversized_file_is_rejected_with_the_limit(tmp_path: Path) -> None:
    _write(tmp_path / "big.txt", TEXT.encode() * 10)
    records, loaded = scan_folder(tmp_path, max_bytes=100)
    assert records[0].status == "rejected"
    assert "100" in records[0].reason
    assert records[0].size_bytes == len(TEXT.encode()) * 10
    assert loaded == []


def test_symlink_outside_raw_folder_is_never_followed(tmp_path: Path) -> None:
    raw = tmp_path / "raw"
    secret = _write(tmp_path / "outside" / "secret.txt", TEXT.encode())
    _write(raw / "a.txt", OTHER.encode())
    (raw / "link.txt").symlink_to(secret)
    (raw / "dirlink").symlink_to(secret.parent, target_is_directory=True)
    records, loaded = scan_folder(raw)
    rows = _by_name(records)
    assert rows["link.txt"].status == "rejected"
    assert rows["link.txt"].reason == "symlink outside raw folder"
    assert rows["link.txt"].content_hash is None
    assert rows["dirlink"].reason == "symlink outside raw folder"
    assert [f.source_file for f in loaded] == ["a.txt"]


def test_symlink_inside_is_a_duplicate_even_when_it_sorts_first(tmp_path: Path) -> None:
    target = _write(tmp_path / "z_real.txt", TEXT.encode())
    (tmp_path / "a_link.txt").symlink_to(target)
    (tmp_path / "broken.txt").symlink_to(tmp_path / "missing.txt")
    records, _ = scan_folder(tmp_path)
    rows = _by_name(records)
    assert rows["z_real.txt"].status == "loaded"
    assert rows["a_link.txt"].status == "duplicate"
    assert rows["a_link.txt"].reason == "duplicate of z_real.txt"
    assert rows["broken.txt"].reason == "broken symlink"


@pytest.mark.skipif(os.geteuid() == 0, reason="root can read any file")
def test_unreadable_file_is_rejected_with_the_os_error(tmp_path: Path) -> None:
    path = _write(tmp_path / "locked.txt", TEXT.encode())
    path.chmod(0)
    try:
        records, _ = scan_folder(tmp_path)
    finally:
        path.chmod(0o644)
    assert records[0].status == "rejected"
    assert "Permission denied" in records[0].reason


def test_fifo_is_not_opened(tmp_path: Path) -> None:
    os.mkfifo(tmp_path / "pipe")
    records, _ = scan_folder(tmp_path)
    assert records[0].reason == "not a regular file"


def test_scan_is_deterministic(tmp_path: Path) -> None:
    for i in range(5):
        _write(tmp_path / f"d{i % 2}" / f"f{i}.txt", (TEXT * (i % 3 + 1)).encode())
    assert scan_folder(tmp_path) == scan_folder(tmp_path)


def test_read_error_is_recorded_not_raised(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    _write(tmp_path / "a.txt", TEXT.encode())
    _write(tmp_path / "b.txt", OTHER.encode())
    real_read = Path.read_bytes

    def flaky_read(self: Path) -> bytes:
        if self.name == "a.txt":
            raise PermissionError(13, "Permission denied")
        return real_read(self)

    monkeypatch.setattr(Path, "read_bytes", flaky_read)
    records, loaded = scan_folder(tmp_path)
    rows = _by_name(records)
    assert rows["a.txt"].status == "rejected"
    assert rows["a.txt"].reason == "unreadable file: Permission denied"
    assert rows["a.txt"].content_hash is None
    assert [f.source_file for f in loaded] == ["b.txt"]
