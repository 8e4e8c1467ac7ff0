"""Atomic writes that never overwrite unasked."""

from __future__ import annotations

import errno
import os
from pathlib import Path

import pytest

from thidua_cli.files import FileExists, write_atomic


def test_writes_and_leaves_no_temporary(tmp_path):
    target = tmp_path / "out" / "ke-hoach.md"
    write_atomic(target, "Kế hoạch\n")
    assert target.read_text(encoding="utf-8") == "Kế hoạch\n"
    assert [p.name for p in target.parent.iterdir()] == ["ke-hoach.md"]


def test_refuses_existing_file_without_overwrite(tmp_path):
    target = tmp_path / "a.md"
    target.write_text("cũ", encoding="utf-8")
    with pytest.raises(FileExists):
        write_atomic(target, "mới")
    assert target.read_text(encoding="utf-8") == "cũ"
    assert [p.name for p in tmp_path.iterdir()] == ["a.md"]


def test_overwrite_when_asked(tmp_path):
    target = tmp_path / "a.md"
    target.write_text("cũ", encoding="utf-8")
    write_atomic(target, "mới", overwrite=True)
    assert target.read_text(encoding="utf-8") == "mới"


def test_failure_midway_keeps_the_old_file(tmp_path, monkeypatch):
    target = tmp_path / "a.md"
    target.write_text("cũ", encoding="utf-8")

    def broken_replace(*args):
        raise OSError("disk full")

    monkeypatch.setattr("os.replace", broken_replace)
    with pytest.raises(OSError):
        write_atomic(target, "mới", overwrite=True)
    assert target.read_text(encoding="utf-8") == "cũ"
    assert [p.name for p in tmp_path.iterdir()] == ["a.md"]


@pytest.mark.parametrize(("error", "vi"), [
    (errno.ENOSPC, "hết chỗ trên đĩa"), (errno.EACCES, "không có quyền ghi"),
    (errno.EROFS, "ổ đĩa chỉ cho đọc"), (errno.ENAMETOOLONG, "tên quá dài"),
])
def test_a_write_error_is_one_line_in_both_languages(error: int, vi: str) -> None:
    from thidua_cli.files import write_error

    exc = OSError(error, os.strerror(error))
    assert write_error(Path("out/kh.docx"), exc) == (
        f"không ghi được out/kh.docx: {vi}", f"cannot write out/kh.docx: {os.strerror(error)}")


def test_a_read_error_names_the_missing_permission_to_read() -> None:
    from thidua_cli.files import reason

    exc = OSError(errno.EACCES, os.strerror(errno.EACCES))
    assert reason(exc, writing=False) == ("không có quyền đọc", os.strerror(errno.EACCES))
