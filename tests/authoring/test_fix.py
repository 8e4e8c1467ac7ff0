"""thidua fix, the pure part: each fix, and nothing else touched (byte for byte)."""

from __future__ import annotations

import pytest

from tests.conftest import BASE_CAMPAIGN, campaign
from tests.registry.test_yaml_source import cp1258
from thidua_cli.authoring.fix import fix_bytes
from thidua_cli.models import Anniversary
from thidua_cli.registry import yaml_source

ANNIVERSARIES = {
    "thanh-lap-dang": Anniversary(id="thanh-lap-dang", name="Ngày thành lập Đảng Cộng sản Việt Nam",
                                  date="1930-02-03"),
    "cong-doan-viet-nam": Anniversary(id="cong-doan-viet-nam", name="Ngày thành lập Công đoàn Việt Nam",
                                      date="1929-07-28"),
}


def changes(raw: bytes, kind: str = "campaigns") -> tuple[bytes | None, list[str]]:
    fixed = fix_bytes(raw, kind, ANNIVERSARIES)
    return fixed.data, [c.vi for c in fixed.changes]


def test_a_clean_file_is_left_alone():
    assert changes(BASE_CAMPAIGN.encode()) == (None, [])


def test_a_wrong_ordinal_and_quoted_numbers_through_the_round_trip():
    text = campaign(**{"year: 2020": 'year: "2020"  # năm',
                       "thanh-lap-dang: 90": 'thanh-lap-dang: "90"',
                       "cong-doan-viet-nam: 91": "cong-doan-viet-nam: 90   # 2020 - 1929"})
    data, said = changes(text.encode())
    assert said == ['year: "2020" → 2020 (bỏ ngoặc kép)',
                    'đợt 1: thanh-lap-dang: "90" → 90 (bỏ ngoặc kép)',
                    "đợt 2: kỷ niệm 90 năm → 91 năm Ngày thành lập Công đoàn Việt Nam"]
    # A comment keeps its column (ruamel's round trip); nothing else moves.
    assert data == campaign(**{"year: 2020": "year: 2020    # năm",
                               "cong-doan-viet-nam: 91": "cong-doan-viet-nam: 91   # 2020 - 1929"}
                            ).encode()


def test_windows_1258_nfc_and_tabs_only_where_they_are():
    raw = cp1258("anniversaries:\n\t- id: gio-to\n  # Giỗ Tổ\n")  # tones as separate marks
    data, said = changes(raw, "anniversaries")
    assert said == ["bảng mã Windows-1258 → UTF-8", "chuẩn hóa Unicode dựng sẵn (NFC) ở 1 dòng",
                    "thay phím Tab ở đầu 1 dòng bằng dấu cách"]
    assert data == "anniversaries:\n  - id: gio-to\n  # Giỗ Tổ\n".encode()


def test_utf16_with_its_bom_and_crlf_kept_as_lines():
    raw = "units:\r\n  - id: a\r\n".encode("utf-16")
    assert changes(raw, "units") == (b"units:\r\n  - id: a\r\n", ["bảng mã UTF-16 → UTF-8"])


def test_tcvn3_becomes_unicode_and_the_diff_shows_it_as_an_editor_did():
    # "Liên đoàn Lao động thành phố Hà Nội" and "Công đoàn phường Ba Đình" typed with the ABC
    # keyboard in the .VnTime fonts (TCVN3): ê 0xAA, đ 0xAE, à 0xB5, ộ 0xE9, ố 0xE8, ô 0xAB,
    # ư 0xAD, ờ 0xEA, Đ 0xA7, ì 0xD7.
    raw = (b"units:\n"
           b"  - id: ldld-ha-noi\n"
           b"    name: Li\xaan \xaeo\xb5n Lao \xae\xe9ng th\xb5nh ph\xe8 H\xb5 N\xe9i   # t\xaan\n"
           b"  - id: cd-phuong-ba-dinh\n"
           b"    name: C\xabng \xaeo\xb5n ph\xad\xeang Ba \xa7\xd7nh\n")
    fixed = fix_bytes(raw, "units")
    assert fixed.data == ("units:\n"
                          "  - id: ldld-ha-noi\n"
                          "    name: Liên đoàn Lao động thành phố Hà Nội   # tên\n"
                          "  - id: cd-phuong-ba-dinh\n"
                          "    name: Công đoàn phường Ba Đình\n").encode()
    assert [t.vi for t in fixed.changes] == [
        "bảng mã TCVN3 (ABC, phông .VnTime) → Unicode UTF-8; chữ hoa có dấu gõ bằng phông .VnTimeH "
        "sẽ thành chữ thường, hãy xem lại phần thay đổi ở trên"]
    # The diff's before is what the file looked like without the .VnTime fonts.
    assert fixed.before.splitlines()[4] == "    name: C«ng ®oµn ph\xadêng Ba §×nh"


@pytest.mark.parametrize("text", ["name: «Hà» µµ\n", "name: «Ba Đình» ©\n"])
def test_windows_1258_that_looks_like_tcvn3_is_read_as_windows_1258(text):
    # « µ © are TCVN3 letters (ô à â) and outnumber these files' Windows-1258 letters, and
    # every byte has a place in the TCVN3 table; but read so, the text holds none of ă ê ơ
    # ư đ, or a word with two tone marks ("ôHaèằ àà"): it is Windows-1258, and read as such.
    raw = cp1258(text)
    assert yaml_source._looks_like_tcvn3(raw)
    assert changes(raw, "units") == (text.encode(), [
        "bảng mã Windows-1258 → UTF-8", "chuẩn hóa Unicode dựng sẵn (NFC) ở 1 dòng"])


def test_utf8_is_never_converted():
    text = "units:\n  - id: a\n    name: Công đoàn phường Ba Đình\n"
    assert changes(text.encode(), "units") == (None, [])


def test_bytes_of_no_known_encoding_are_left_alone():
    fixed = fix_bytes(b"name: \x81\x8d\x8f\x90\n", "units")
    assert fixed.data is None
    assert [t.vi for t in fixed.left] == [
        "tệp không đọc được bằng UTF-8, UTF-16, TCVN3 (ABC) hay Windows-1258; không sửa gì: hãy mở "
        "tệp bằng trình soạn thảo, chọn đúng bảng mã cũ rồi lưu lại bằng UTF-8"]
