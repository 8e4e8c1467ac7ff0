"""Reading one file: encodings, NFC, YAML 1.2 scalars, duplicates, aliases, depth, positions."""

from __future__ import annotations

import time
import unicodedata

import pytest
import yaml

from thidua_cli.registry.yaml_source import locate, read

TONES = "\u0300\u0301\u0303\u0309\u0323"


def cp1258(text: str) -> bytes:
    """Text as Vietnamese Windows writes it: base letters precomposed, tone marks combining."""
    out = []
    for ch in text:
        parts = unicodedata.normalize("NFD", ch)
        tones = "".join(c for c in parts if c in TONES)
        base = unicodedata.normalize("NFC", "".join(c for c in parts if c not in TONES))
        out.append(base + tones)
    return "".join(out).encode("cp1258")


def where(problems):
    return [(p.rule, p.line, p.column) for p in problems]


def test_yaml_12_scalars_stay_strings():
    source = read(b"a: no\nb: 2020-01-03\nc: 03/01/2020\nd: 91\ne: '91'\nf: 2020.0\ng: true\nh:\n", "f")
    assert source.data == {"a": "no", "b": "2020-01-03", "c": "03/01/2020", "d": 91, "e": "91",
                           "f": 2020.0, "g": True, "h": None}
    assert source.problems == []


def test_utf8_bom_is_accepted():
    assert read(b"\xef\xbb\xbfname: H\xc3\xa0 N\xe1\xbb\x99i\n", "f").data == {"name": "Hà Nội"}


def test_duplicate_key_points_at_second_key():
    source = read(b"id: a\nname: x\nid: b\n", "f")
    assert where(source.problems) == [("duplicate-key", 3, 1)]
    assert "dòng 1" in source.problems[0].message.vi


def test_anchor_and_alias_are_refused_at_their_places():
    source = read(b"a: &x 1\nb:\n  c: *x\n", "f")
    assert where(source.problems) == [("yaml-alias", 1, 4), ("yaml-alias", 3, 6)]
    assert not source.usable


def test_alias_bomb_is_refused_quickly():
    lines = ['a0: &a0 ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]']
    for i in range(1, 10):
        refs = ",".join([f"*a{i - 1}"] * 9)
        lines.append(f"a{i}: &a{i} [{refs}]")
    started = time.perf_counter()
    source = read("\n".join(lines).encode(), "f")
    assert time.perf_counter() - started < 2
    assert not source.usable
    assert {p.rule for p in source.problems} == {"yaml-alias"}


def test_syntax_error_is_located():
    source = read(b"a: 1\nb: [1, 2\nc: 3\n", "f")
    assert [p.rule for p in source.problems] == ["yaml-syntax"]
    assert where(source.problems) == [("yaml-syntax", 2, 4)]  # the bracket left open


def test_unquoted_greater_than_says_to_quote():
    source = read(b"targets:\n  - value: >= 90%\n", "f")
    assert where(source.problems) == [("yaml-syntax", 2, 12)]
    assert 'ngoặc kép' in source.problems[0].message.vi
    assert "must be quoted" in source.problems[0].message.en


@pytest.mark.parametrize("raw, looks_like", [
    ("name: Hà Nội\n".encode("utf-16"), "UTF-16"),
    ("name: Hà Nội\n".encode("utf-16-le"), "UTF-16"),
    (cp1258("name: Bắc Từ Liêm\n"), "Windows-1258"),
    (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR", "binary"),
    # TCVN3 (ABC): "Liên đoàn Lao động" typed with the .VnTime fonts
    (b"name: Li\xaan \xaeo\xb5n Lao \xae\xabng\n", "TCVN3 (ABC, the .VnTime fonts)"),
])
def test_wrong_encodings_are_named(raw, looks_like):
    source = read(raw, "f")
    assert [p.rule for p in source.problems] == ["encoding"]
    assert looks_like in source.problems[0].message.en
    assert not source.usable


def test_windows_1258_position_is_first_bad_byte():
    source = read(cp1258("id: x\nname: Bắc\n"), "f")
    assert where(source.problems) == [("encoding", 2, 8)]


def test_decomposed_text_warns_and_is_normalised():
    source = read("id: x\nname: Ba\u0306\u0301c Từ Liêm\n".encode(), "f")
    assert where(source.problems) == [("not-nfc", 2, 8)]
    assert source.data["name"] == "Bắc Từ Liêm"


def test_a_decomposed_file_gets_one_not_nfc_problem():
    text = "".join(f"name{n}: Ho\u0300a Bi\u0300nh\n" for n in range(50))
    source = read(f"id: x\n{text}".encode(), "f")
    assert where(source.problems) == [("not-nfc", 2, 9)]
    assert source.problems[0].message.vi == (
        "văn bản không ở dạng Unicode dựng sẵn (NFC) (cả thảy 50 dòng, từ dòng này), thường do sao "
        "chép từ Word hoặc PDF; thidua đã chuẩn hóa để kiểm tra; hãy chạy `thidua fix` hoặc gõ lại "
        "bằng Unikey ở bảng mã Unicode dựng sẵn")


def test_every_encoding_message_says_how_to_save_again():
    for raw in ("name: Hà Nội\n".encode("utf-16"), cp1258("name: Bắc Từ Liêm\n"),
                b"name: Li\xaan \xaeo\xb5n\n", b"name: \xff\xfe\xfd\n"):
        (problem,) = read(raw, "f").problems
        assert problem.message.vi.endswith(
            "lưu lại tệp với bảng mã UTF-8 (Notepad: Tệp → Lưu thành…, mục Mã hóa chọn UTF-8; VS "
            "Code: bấm tên bảng mã ở thanh trạng thái, chọn Reopen with Encoding đúng bảng mã cũ rồi "
            "Save with Encoding → UTF-8), hoặc chạy `thidua fix`"), raw


def test_tcvn3_is_named_and_thidua_fix_offered():
    # "Công đoàn phường Ba Đình" typed with the ABC keyboard (.VnTime fonts)
    (problem,) = read(b"name: C\xabng \xaeo\xb5n ph\xad\xeang Ba \xa7\xd7nh\n", "f").problems
    assert (problem.rule, problem.line, problem.column) == ("encoding", 1, 8)
    assert problem.message.vi == (
        "tệp có vẻ được gõ bằng bảng mã TCVN3 (ABC, phông .VnTime), không phải UTF-8; `thidua fix "
        "--write` chuyển tệp sang Unicode UTF-8 (chạy `thidua fix` trước để xem thay đổi), hoặc hãy "
        "chuyển bằng Unikey (Công cụ chuyển mã: nguồn TCVN3 (ABC), đích Unicode) rồi lưu lại tệp với "
        "bảng mã UTF-8 (Notepad: Tệp → Lưu thành…, mục Mã hóa chọn UTF-8; VS Code: bấm tên bảng mã "
        "ở thanh trạng thái, chọn Reopen with Encoding đúng bảng mã cũ rồi Save with Encoding → "
        "UTF-8), hoặc chạy `thidua fix`")


def test_deep_nesting_is_refused_without_recursion():
    source = read(b"a: " + b"[" * 50_000 + b"]" * 50_000, "f")
    assert [p.rule for p in source.problems] == ["yaml-syntax"]
    assert "100" in source.problems[0].message.en


def test_several_documents_are_a_problem():
    assert [p.rule for p in read(b"a: 1\n---\nb: 2\n", "f").problems] == ["yaml-syntax"]


def test_empty_file_has_no_data():
    source = read(b"", "f")
    assert source.data is None and source.problems == []


TEXT = """\
id: x
phases:
  - number: 1
    celebrates:
      thanh-lap-dang: 90
  - number: 2
    start: 2020-05-01
"""


@pytest.mark.parametrize("path, anchor, expected", [
    (("id",), "value", (1, 5)),
    (("id",), "key", (1, 1)),
    (("phases", 0, "celebrates", "thanh-lap-dang"), "key", (5, 7)),
    (("phases", 0, "celebrates", "thanh-lap-dang"), "value", (5, 23)),
    (("phases", 1), "value", (6, 5)),
    (("phases", 1, "end"), "value", (6, 5)),  # missing: the mapping that lacks it
    ((), "value", (1, 1)),
])
def test_locate(path, anchor, expected):
    assert locate(TEXT, path, anchor) == expected


@pytest.mark.parametrize("text, line, column, message", [
    ("id: x\nphases:\n\t- number: 1\n", 3, 1,
     'dòng này thụt lề bằng phím Tab; YAML chỉ nhận dấu cách: hãy dùng dấu cách thay cho phím Tab '
     '(trong trình soạn thảo, bật "thụt lề bằng dấu cách")'),
    ("id: x\nphases:\n  - number: 1\n  \tstart: 2020-01-01\n", 4, 3,
     'dòng này thụt lề bằng phím Tab; YAML chỉ nhận dấu cách: hãy dùng dấu cách thay cho phím Tab '
     '(trong trình soạn thảo, bật "thụt lề bằng dấu cách")'),
    ("id: x\ntheme: Chủ đề: Dạy tốt\nyear: 2020\n", 2, 8,
     'giá trị có dấu hai chấm (": ") nên phải đặt trong ngoặc kép, ví dụ: theme: "Chủ đề: Dạy tốt"'),
    # an unclosed quote: at its opening line, not where the file ends 20 lines later
    ('id: x\ntitle: "Phát động\nyear: 2020\n' + "a: b\n" * 20, 2, 8,
     'dấu ngoặc " mở ở đây không được đóng; hãy thêm " ở cuối giá trị'),
    ("id: x\nstart:2020-01-01\nend: 2020-12-31\n", 2, 6,
     'thiếu dấu cách sau dấu hai chấm; hãy viết "start: 2020-01-01"'),
    ("phases:\n  - number: 1\n    start: 2020-01-01\n - number: 2\n", 4, 2,
     'mục danh sách ("- ") thụt lề lệch với mục ở dòng 2; hãy thẳng hàng dấu "-" với mục trên'),
    ("phases:\n  - number: 1\n    start: 2020-01-01\n   - number: 2\n", 4, 4,
     'mục danh sách ("- ") thụt lề lệch với mục ở dòng 2; hãy thẳng hàng dấu "-" với mục trên'),
    ("targets:\n  - id: a\n  -id: b\n", 3, 3,
     'sau dấu "-" của một mục danh sách cần một dấu cách, ví dụ "- id: …"'),
    ('title: "Phát động" năm 2020\n', 1, 20,
     "sau dấu ngoặc đóng không được viết thêm chữ; hãy đưa cả câu vào trong ngoặc"),
    ("title: @thidua\n", 1, 8,
     'giá trị không được bắt đầu bằng ký tự "@"; hãy đặt cả giá trị trong ngoặc kép'),
    ("id: x\n  year: 2020\n", 2, 3,
     "dòng này thụt lề sâu hơn các khóa cùng cấp ở dòng trên; hãy thẳng hàng nó"),
])
def test_every_yaml_slip_a_cadre_makes_is_told_in_vietnamese_at_its_place(text, line, column, message):
    (problem,) = read(text.encode("utf-8"), "f").problems
    assert (problem.rule, problem.line, problem.column, problem.message.vi) == (
        "yaml-syntax", line, column, f"YAML không hợp lệ: {message}")


def test_no_english_from_libyaml_in_the_vietnamese_message():
    (problem,) = read(b"a: 'x\\q'\nb: \"\\q\"\n", "f").problems
    assert problem.message.vi == ("YAML không hợp lệ: ký tự thoát (\\) không hợp lệ trong ngoặc kép; "
                                  "hãy kiểm tra thụt lề, dấu hai chấm và ngoặc ở dòng này hoặc dòng trên")


def test_deep_nesting_is_decided_before_any_parser(monkeypatch: pytest.MonkeyPatch) -> None:
    # PyYAML 6.0.4's libyaml stops at 1,000 levels with its own English message; our
    # limit, message and place must hold whatever parser is installed.
    import thidua_cli.registry.yaml_source as yaml_source

    def no_parser(*args: object, **kwargs: object) -> None:
        raise AssertionError("a parser was asked")

    monkeypatch.setattr(yaml_source.yaml, "parse", no_parser)
    monkeypatch.setattr(yaml_source, "_Loader", no_parser)
    source = read(b"a: " + b"[" * 50_000 + b"]" * 50_000, "f")
    assert [(p.rule, p.line, p.column, p.message.vi) for p in source.problems] == [
        ("yaml-syntax", 1, 103, "tệp lồng nhau quá 100 cấp; sổ đăng ký không cần lồng sâu như vậy")]


def test_a_parsers_own_depth_limit_still_speaks_our_words() -> None:
    from thidua_cli.registry.yaml_source import _syntax_problem

    mark = yaml.Mark("f", 0, 0, 1002, None, None)
    exc = yaml.parser.ParserError(None, None, "exceeded maximum nesting depth", mark)
    problem = _syntax_problem(exc, "a: [[[", "f")
    assert (problem.line, problem.column, problem.message.en) == (
        1, 1003, "the file nests more than 100 levels deep; a registry never needs that")
