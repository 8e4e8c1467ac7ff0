"""thidua fix, the pure part: each fix, and nothing else touched (byte for byte)."""

from __future__ import annotations

from tests.conftest import BASE_CAMPAIGN, campaign
from tests.registry.test_yaml_source import cp1258
from thidua_cli.authoring.fix import fix_bytes
from thidua_cli.models import Anniversary

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


def test_tcvn3_is_left_for_unikey():
    fixed = fix_bytes(b"name: Li\xaan \xaeo\xb5n Lao \xae\xabng\n", "units")
    assert fixed.data is None
    assert [t.vi for t in fixed.left] == [
        "tệp không đọc được bằng UTF-8, UTF-16 hay Windows-1258 (TCVN3? hãy chuyển mã bằng Unikey); "
        "không sửa gì"]
