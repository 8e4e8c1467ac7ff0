"""The loader: what makes a registry, and partial entries (one schema error hides nothing)."""

from __future__ import annotations

import pytest

from tests.conftest import BASE_UNITS, campaign
from thidua_cli.validation import validate

C = "data/campaigns/c.yaml"

TARGETS = """\
value: năm căn
  - id: b
    text: B
    value: trên 100%
  - id: c
    text: C
    value: 90-85%
    within: lao-dong-tien-tien"""


def problems(root, cache: bool = False, tmp=None) -> list[tuple[str, str, int, int, str]]:
    result = validate(root, cache=cache, cache_dir=tmp)
    return [(p.rule, p.file, p.line, p.column, p.text("vi")) for p in result.problems]


@pytest.mark.parametrize("cache", [False, True])
def test_a_schema_error_does_not_hide_the_campaigns_other_problems(make_registry, tmp_path, cache):
    root = make_registry({"campaigns/c.yaml": campaign(**{
        "thanh-lap-dang: 90": 'thanh-lap-dang: "136"',
        "cong-doan-viet-nam: 91": "cong-doan-viet-nam: 92",
        "value: trên 75%": TARGETS})})
    assert problems(root, cache, tmp_path / "cache") == [
        ("schema", C, 13, 23, '"thanh-lap-dang" cần một số nguyên, nhưng ở đây là chuỗi văn bản '
                              '"136"; hãy bỏ dấu ngoặc kép'),
        ("anniversary-ordinal", C, 18, 27, "năm 2020 là kỷ niệm 91 năm Ngày thành lập Công đoàn Việt "
                                           "Nam (28/7/1929 – 28/7/2020), không phải 92 năm; hãy ghi 91"),
        ("schema", C, 22, 12, 'giá trị chỉ tiêu "năm căn" không đọc được; hãy viết như "trên 75%", '
                              '"từ 90% trở lên", "85-90%", "dưới 5%", "không quá 15%", "100%" hoặc '
                              'một số lượng như "trên 200"'),
        # at their own lines, though the first target was left out to check them
        ("target-percent-range", C, 25, 12, '"trên 100%" không thể đạt được; có phải ý bạn là "100%"?'),
        ("target-range-order", C, 28, 12, 'khoảng "90-85%" có đầu dưới lớn hơn đầu trên; có phải ý '
                                          'bạn là "85-90%"?'),
        # and "within: lao-dong-tien-tien" (the target left out) is not called unknown
    ]


def test_a_level_written_in_vietnamese_does_not_hide_an_unknown_parent(make_registry):
    units = BASE_UNITS.replace("level: co-so\n    parent: ldld-ba-dinh",
                               "level: cơ sở\n    parent: ldld-ba-dinx")
    root = make_registry({"units/units.yaml": units})
    assert problems(root) == [
        ("schema", "data/units/units.yaml", 16, 12,
         '"level" phải là một trong: tong-lien-doan, tinh, nganh-trung-uong, tren-co-so, co-so, '
         'bo-phan; ở đây là chuỗi văn bản "cơ sở"; có phải ý bạn là "co-so"?'),
        ("unknown-reference", "data/units/units.yaml", 17, 13,
         'cấp trên trực tiếp "ldld-ba-dinx" không có trong sổ đăng ký; có phải ý bạn là "ldld-ba-dinh"?'),
    ]


def test_a_broken_phase_is_never_left_out(make_registry):
    # Leaving a phase out would open a false phase-gap: the campaign stays unchecked instead.
    root = make_registry({"campaigns/c.yaml": campaign(**{"start: 2020-07-01": "start: 2020-07-41"})})
    assert [p[0] for p in problems(root)] == ["schema"]


def test_a_partial_entry_is_marked(make_registry):
    root = make_registry({"campaigns/c.yaml": campaign(**{"value: trên 75%": TARGETS})})
    (entry,) = validate(root).registry.campaigns
    assert entry.partial and [t.id for t in entry.model.targets] == ["b", "c"]
