"""The loader: what makes a registry, and partial entries (one schema error hides nothing)."""

from __future__ import annotations

import pytest

from tests.conftest import BASE_ANNIVERSARIES, BASE_UNITS, campaign
from thidua_cli.validation import validate

C = "data/campaigns/c.yaml"
U = "data/units/units.yaml"

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


@pytest.mark.parametrize("typo", ["titel: Phát động", None])
def test_a_missing_or_mistyped_required_field_hides_nothing(make_registry, typo):
    # The campaign stays, its title a stand-in that no rule reads: the overlap and the
    # wrong ordinal are reported beside the schema error.
    title = "title: Phát động phong trào thi đua năm 2020\n"
    root = make_registry({"campaigns/c.yaml": campaign(**{
        title: typo + " phong trào thi đua năm 2020\n" if typo else "",
        "end: 2020-06-30": "end: 2020-07-30", "thanh-lap-dang: 90": "thanh-lap-dang: 91"})})
    shift = 0 if typo else -1
    assert problems(root) == [
        ("schema", C, 5, 1, 'trường "titel" không có trong định dạng sổ đăng ký; có phải ý bạn là '
                            '"title"? (trường bắt buộc "title" đang thiếu)') if typo else
        ("schema", C, 1, 1, 'thiếu trường bắt buộc "title"; hãy thêm "title: …" vào mục này'),
        ("anniversary-ordinal", C, 13 + shift, 23,
         "năm 2020 là kỷ niệm 90 năm Ngày thành lập Đảng Cộng sản Việt Nam (03/02/1930 – "
         "03/02/2020), không phải 91 năm; hãy ghi 90"),
        ("phase-overlap", C, 15 + shift, 12,
         f"đợt 2 trùng với đợt 1 ({C}:{10 + shift}:12) trong 01/7/2020–30/7/2020; một ngày chỉ "
         "thuộc một đợt"),
    ]


def test_a_campaign_whose_year_and_kind_failed_checks_its_phases_but_not_its_period(make_registry):
    root = make_registry({"campaigns/c.yaml": campaign(**{
        "year: 2020": 'year: "2020"', "kind: nam": "kind: hang-nam",
        "end: 2020-06-30": "end: 2020-07-30"})})
    assert problems(root) == [
        ("schema", C, 3, 7, '"year" cần một số nguyên, nhưng ở đây là chuỗi văn bản "2020"; hãy '
                            "bỏ dấu ngoặc kép"),
        ("schema", C, 4, 7, '"kind" phải là một trong: nam, nam-hoc, cao-diem, chuyen-de, '
                            'giao-uoc; ở đây là chuỗi văn bản "hang-nam"'),
        ("phase-overlap", C, 15, 12, f"đợt 2 trùng với đợt 1 ({C}:10:12) trong 01/7/2020–30/7/2020; "
                                     "một ngày chỉ thuộc một đợt"),
    ]


@pytest.mark.parametrize("cache", [False, True])
def test_a_broken_phase_date_hides_nothing_but_what_needs_it(make_registry, tmp_path, cache):
    # Phase 2 stays (left out, it would open a false gap), its start a stand-in: its end is
    # still checked against the campaign, the other phase and the targets are checked, and
    # nothing that needs its start is said — no gap, no overlap, no ordinal of its own
    # (its "92" is not judged: which 28/7 the phase salutes depends on its dates).
    root = make_registry({"campaigns/c.yaml": campaign(**{
        "start: 2020-07-01": "start: 2020-07-41", "thanh-lap-dang: 90": "thanh-lap-dang: 91",
        "cong-doan-viet-nam: 91": "cong-doan-viet-nam: 92", "    end: 2020-12-31": "    end: 2021-01-31",
        "trên 75%": "trên 100%"})})
    expected = [
        ("anniversary-ordinal", C, 13, 23, "năm 2020 là kỷ niệm 90 năm Ngày thành lập Đảng Cộng sản "
                                           "Việt Nam (03/02/1930 – 03/02/2020), không phải 91 năm; "
                                           "hãy ghi 90"),
        ("schema", C, 15, 12, "ngày 2020-07-41 không có thật: tháng 7 năm 2020 chỉ có 31 ngày"),
        ("phase-outside-campaign", C, 16, 10, "đợt 2 kết thúc (31/01/2021) sau phong trào (31/12/2020)"),
        ("target-percent-range", C, 22, 12, '"trên 100%" không thể đạt được; có phải ý bạn là "100%"?'),
    ]
    assert problems(root, cache, tmp_path / "cache") == expected
    assert problems(root, cache, tmp_path / "cache") == expected  # warm, when cached


def test_a_malformed_parent_is_not_a_missing_one_and_a_level_written_in_vietnamese_is_not_compared(
        make_registry):
    # Both fields are cut: no "thiếu parent" (it is there, malformed), and no level of a
    # child compared with the level the Vietnamese words suggest.
    units = BASE_UNITS.replace("level: tren-co-so\n    parent: ldld-ha-noi",
                               "level: cơ sở\n    parent: ldld-ha-nôi")
    root = make_registry({"units/units.yaml": units})
    assert problems(root) == [
        ("schema", U, 12, 12, '"level" phải là một trong: tong-lien-doan, tinh, nganh-trung-uong, '
                              'tren-co-so, co-so, bo-phan; ở đây là chuỗi văn bản "cơ sở"; có phải ý '
                              'bạn là "co-so"?'),
        ("schema", U, 13, 13, 'mã "ldld-ha-nôi" không hợp lệ: mã chỉ gồm chữ thường không dấu, chữ số '
                              'và dấu gạch ngang; có phải ý bạn là "ldld-ha-noi"?'),
    ]


def test_a_broken_member_hides_neither_the_cluster_nor_its_other_problems(make_registry):
    units = BASE_UNITS + """\
clusters:
  - id: cum-1
    name: Cụm 1
    organizer: ldld-ba-dinx
    leader: cdcs-a
    members: [cdcs-a, Trường B]
"""
    # The member's stand-in is neither an unknown unit nor a reason to call the leader an outsider.
    assert problems(make_registry({"units/units.yaml": units})) == [
        ("unknown-reference", U, 21, 16, 'đơn vị tổ chức cụm "ldld-ba-dinx" không có trong sổ đăng ký; '
                                         'có phải ý bạn là "ldld-ba-dinh"?'),
        ("schema", U, 23, 23, 'mã "Trường B" không hợp lệ: mã chỉ gồm chữ thường không dấu, chữ số và '
                              'dấu gạch ngang; có phải ý bạn là "truong-b"?'),
    ]


def test_an_anniversary_without_its_name_is_still_counted_and_a_broken_one_is_not_unknown(
        make_registry):
    anniversaries = BASE_ANNIVERSARIES.replace("    name: Ngày thành lập Công đoàn Việt Nam\n", "") \
        .replace("date: 1886-05-01", "date: 1886-05-41")
    root = make_registry({"anniversaries.yaml": anniversaries, "campaigns/c.yaml": campaign(**{
        "cong-doan-viet-nam: 91": "cong-doan-viet-nam: 92\n      quoc-te-lao-dong: 134"})})
    assert problems(root) == [
        ("schema", "data/anniversaries.yaml", 7, 11,
         "ngày 1886-05-41 không có thật: tháng 5 năm 1886 chỉ có 31 ngày"),
        ("schema", "data/anniversaries.yaml", 8, 5,
         'thiếu trường bắt buộc "name"; hãy thêm "name: …" vào mục này'),
        # named by its id: its name is what failed
        ("anniversary-ordinal", C, 18, 27, "năm 2020 là kỷ niệm 91 năm cong-doan-viet-nam (28/7/1929 – "
                                           "28/7/2020), không phải 92 năm; hãy ghi 91"),
        # and quoc-te-lao-dong, whose date failed, is neither judged nor called unknown
    ]


def test_a_partial_entry_is_marked(make_registry):
    root = make_registry({"campaigns/c.yaml": campaign(**{"value: trên 75%": TARGETS})})
    (entry,) = validate(root).registry.campaigns
    assert entry.partial and [t.id for t in entry.model.targets] == ["b", "c"]
    assert entry.cut == {("targets", -1)}  # the list lost an item; the items left are intact
    assert entry.intact(("targets", 0)) and not entry.intact("targets")


def test_each_cut_part_is_marked_where_it_stands(make_registry):
    root = make_registry({"campaigns/c.yaml": campaign(**{
        "title:": "titel:", "start: 2020-07-01": "start: 2020-07-41", "value: trên 75%": TARGETS})})
    (entry,) = validate(root).registry.campaigns
    assert entry.cut == {("title",), ("phases", 1, "start"), ("targets", -1)}
    assert not entry.intact("title") and not entry.intact("phases") \
        and not entry.intact(("phases", 1)) and entry.intact(("phases", 0), ("phases", 1, "end"))


def test_a_base_year_that_failed_is_not_a_missing_one(make_registry):
    # Without its "since" the lunar Giỗ Tổ would have no base year: "hãy ghi null" would be false.
    root = make_registry({"anniversaries.yaml": BASE_ANNIVERSARIES + '    since: "2000"\n',
                          "campaigns/c.yaml": campaign(**{
                              "cong-doan-viet-nam: 91": "cong-doan-viet-nam: 91\n      gio-to-hung-vuong: 12"})})
    assert problems(root) == [
        ("schema", "data/anniversaries.yaml", 14, 12,
         '"since" cần một số nguyên, nhưng ở đây là chuỗi văn bản "2000"; hãy bỏ dấu ngoặc kép'),
    ]
