"""The rules of results files (results-format.md, "Rules"), each failing and passing at
an exact line:column, on a district with three CĐCS (hand-computed figures)."""

from __future__ import annotations

import pytest

from tests.conftest import BASE_UNITS, found, messages

UNITS = BASE_UNITS + """\
  - id: cdcs-b
    name: Công đoàn trường B
    level: co-so
    parent: ldld-ba-dinh
  - id: cdcs-c
    name: Công đoàn trường C
    level: co-so
    parent: ldld-ba-dinh
  - id: ldld-long-bien
    name: Liên đoàn Lao động quận Long Biên
    level: tren-co-so
    parent: ldld-ha-noi
clusters:
  - id: cum-1
    name: Cụm thi đua số 1
    organizer: ldld-ha-noi
    leader: ldld-ba-dinh
    members: [ldld-ba-dinh, ldld-long-bien]
"""

CAMPAIGN = """\
id: ba-dinh-2020
issuer: ldld-ba-dinh
year: 2020
kind: nam
title: Phát động phong trào thi đua năm 2020
start: 2020-01-01
end: 2020-12-31
phases:
  - {number: 1, start: 2020-01-01, end: 2020-06-30}
  - {number: 2, start: 2020-07-01, end: 2020-12-31}
reporting:
  - {phase: 1, due: 2020-07-10}
  - {due: 2020-12-15}
targets:
  - {id: lao-dong-tien-tien, text: CBCCVCLĐ đạt Lao động tiên tiến, value: từ 75% trở lên}
  - {id: ket-nap-dang, text: đoàn viên được kết nạp Đảng, value: trên 200}
  - {id: dang-ky, text: cơ quan đăng ký cơ quan văn hóa, value: 100%}
  - {id: dat, text: cơ quan đạt cơ quan văn hóa, value: trên 60%, within: dang-ky}
"""

R = "data/results/r.yaml"


def result(body: str, head: str = "campaign: ba-dinh-2020\nas_of: 2020-12-10\n") -> str:
    return head + body


def registry(make_registry, files: dict[str, str]):
    return make_registry({"units/units.yaml": UNITS, "campaigns/ba-dinh-2020.yaml": CAMPAIGN, **files})


GOOD = """\
population: {cbccvcld: 10159, co-quan: 65}
results:
  lao-dong-tien-tien: {count: 7620, of: cbccvcld, stated: "75,01%"}
  ket-nap-dang: 291
  dang-ky: {count: 65, of: co-quan}
  dat: {count: 50, of: co-quan}
"""


def test_a_good_result_has_no_problem(make_registry):
    assert found(registry(make_registry, {"results/r.yaml": result(GOOD)})) == []


def test_unknown_target_campaign_unit_phase_and_of(make_registry):
    text = ("campaign: ba-dinh-2020\nunit: cdcs-x\nphase: 3\nas_of: 2020-12-10\n"
            "population: {cbccvcld: 10159}\n"
            "results:\n  lao-dong-tien-tien: {count: 7620, of: cbcc}\n  ket-nap-dangg: 291\n")
    root = registry(make_registry, {"results/r.yaml": text})
    assert found(root, "unknown-reference") == [
        ("unknown-reference", R, 2, 7), ("unknown-reference", R, 3, 8),
        ("unknown-reference", R, 7, 41), ("unknown-reference", R, 8, 3)]
    assert messages(root, "unknown-reference") == [
        'đơn vị "cdcs-x" không có trong sổ đăng ký; có phải ý bạn là "cdcs-c"?',
        'phong trào "ba-dinh-2020" không có đợt 3 (các đợt: 1, 2)',
        'tổng số "cbcc" không có trong population; có phải ý bạn là "cbccvcld"?',
        'phong trào "ba-dinh-2020" không có chỉ tiêu "ket-nap-dangg"; có phải ý bạn là "ket-nap-dang"?']
    other = registry(make_registry, {"results/r.yaml": result(GOOD, "campaign: ba-dinh-2002\nas_of: 2020-12-10\n")})
    assert found(other) == [("unknown-reference", R, 1, 11)]
    assert messages(other, "unknown-reference") == [
        'phong trào "ba-dinh-2002" không có trong sổ đăng ký; có phải ý bạn là "ba-dinh-2020"?']


@pytest.mark.parametrize(("value", "message", "column"), [
    ('"bảy mươi"', '"bảy mươi" không phải là số; hãy viết một số nguyên ≥ 0, ví dụ 70', 17),
    ('{count: "bảy mươi"}', '"bảy mươi" không phải là số; hãy viết một số nguyên ≥ 0, ví dụ 70', 25),
    ("{value: 120%}", 'tỉ lệ "120%" lớn hơn 100%, không thể có', 25),
    ("{count: 5, value: 5%}", 'cần đúng một trong hai: "count" (số lượng, có thể kèm "of") '
                              'hoặc "value" (tỉ lệ như "95,2%")', 17),
    ("-3", "số lượng không thể âm (-3)", 17),
    ("2.5", "2.5 không phải là số nguyên; số lượng là số nguyên ≥ 0, không có phần thập phân "
            "(viết 10159, không phải 10.159)", 17),
])
def test_a_word_or_an_impossible_share_where_a_number_belongs(make_registry, value, message, column):
    root = registry(make_registry, {"results/r.yaml": result(f"results:\n  ket-nap-dang: {value}\n")})
    problems = found(root)
    assert problems == [("schema", R, 4, column)]
    assert messages(root, "schema") == [message]


def test_count_over_total_and_stated_mismatch(make_registry):
    body = ("population: {cbccvcld: 10159, co-quan: 65}\nresults:\n"
            '  lao-dong-tien-tien: {count: 7620, of: cbccvcld, stated: "75,10%"}\n'
            "  dang-ky: {count: 70, of: co-quan}\n")
    root = registry(make_registry, {"results/r.yaml": result(body)})
    assert found(root) == [("result-stated-mismatch", R, 5, 59), ("result-count-over-total", R, 6, 20)]
    assert messages(root, "result-stated-mismatch") == [
        '"75,10%" không khớp 7.620/cbccvcld: tỉ lệ đúng là 75,01%']
    assert messages(root, "result-count-over-total") == [
        "70 lớn hơn tổng số co-quan (65); số lượng không thể vượt tổng số"]


def test_the_rounding_trap(make_registry):
    body = "population: {cbccvcld: 10159}\nresults:\n  lao-dong-tien-tien: {count: 7619, of: cbccvcld}\n"
    root = registry(make_registry, {"results/r.yaml": result(body)})
    assert found(root) == [("result-rounding-misleads", R, 5, 23)]
    assert messages(root, "result-rounding-misleads") == [
        '7.619/10.159 in ra 75,00% trông như đạt "từ 75% trở lên", nhưng giá trị chính xác (74,9975%) '
        "không đạt; hãy ghi rõ là chưa đạt"]
    fixed = body.replace("7619", "7620")
    assert found(registry(make_registry, {"results/r.yaml": result(fixed)})) == []
    # A half rounds up (74,995% prints 75,00%; 74,9949% prints 74,99%); a share printed exactly misleads no one.
    half = "population: {cbccvcld: 1000000}\nresults:\n  lao-dong-tien-tien: {count: 749950, of: cbccvcld}\n"
    assert found(registry(make_registry, {"results/r.yaml": result(half)})) == [
        ("result-rounding-misleads", R, 5, 23)]
    below_half = half.replace("749950", "749949")
    exact = half.replace("749950", "740000")
    assert found(registry(make_registry, {"results/r.yaml": result(below_half)})) == []
    assert found(registry(make_registry, {"results/r.yaml": result(exact)})) == []


def test_result_shape(make_registry):
    body = ("population: {cbccvcld: 10159}\nresults:\n  lao-dong-tien-tien: 7620\n"
            "  ket-nap-dang: {count: 291, of: cbccvcld}\n")
    root = registry(make_registry, {"results/r.yaml": result(body)})
    assert found(root) == [("result-shape", R, 5, 23), ("result-shape", R, 6, 17)]
    assert messages(root, "result-shape") == [
        'chỉ tiêu "lao-dong-tien-tien" là tỉ lệ (từ 75% trở lên): hãy ghi {count: 7620, of: TỔNG} '
        "với TỔNG là một mục của population",
        'chỉ tiêu "ket-nap-dang" là số lượng (trên 200), không phải tỉ lệ: hãy ghi một số nguyên']


def test_within_exceeded(make_registry):
    body = "population: {co-quan: 65}\nresults:\n  dang-ky: {count: 60, of: co-quan}\n  dat: {count: 62, of: co-quan}\n"
    root = registry(make_registry, {"results/r.yaml": result(body)})
    assert found(root) == [("result-within-exceeded", R, 6, 16)]
    assert messages(root, "result-within-exceeded") == [
        '"dat" (62) lớn hơn kết quả của "dang-ky" (60) mà nó nằm trong']


def test_period_and_late(make_registry):
    early = result("results: {ket-nap-dang: 5}\n", "campaign: ba-dinh-2020\nphase: 2\nas_of: 2020-06-30\n")
    late = result("document: {number: 45/BC-LĐLĐ, date: 2020-12-20}\nresults: {ket-nap-dang: 291}\n")
    backwards = result("document: {date: 2020-06-01}\nresults: {ket-nap-dang: 150}\n",
                       "campaign: ba-dinh-2020\nphase: 1\nas_of: 2020-06-30\n")
    root = registry(make_registry, {"results/a.yaml": early, "results/b.yaml": late,
                                    "results/c.yaml": backwards})
    assert found(root) == [("result-period", "data/results/a.yaml", 3, 8),
                           ("result-late", "data/results/b.yaml", 3, 38),
                           ("result-period", "data/results/c.yaml", 4, 18)]
    assert messages(root, "result-period") == [
        "ngày chốt số liệu 30/6/2020 trước khi đợt 2 bắt đầu (01/7/2020)",
        "báo cáo ký ngày 01/6/2020, trước ngày chốt số liệu 30/6/2020 (as_of)"]
    assert messages(root, "result-late") == [
        "báo cáo ký ngày 20/12/2020, chậm 5 ngày so với hạn báo cáo 15/12/2020"]
    on_time = late.replace("2020-12-20", "2020-12-15")
    (root / "results/a.yaml").unlink()
    (root / "results/c.yaml").unlink()
    assert found(registry(make_registry, {"results/b.yaml": on_time})) == []


def test_two_reports_for_one_campaign_unit_and_period(make_registry):
    root = registry(make_registry, {"results/a.yaml": result(GOOD), "results/b.yaml": result(GOOD)})
    assert found(root) == [("duplicate-id", "data/results/b.yaml", 1, 11)]
    assert messages(root, "duplicate-id") == [
        "đã có một báo cáo của Liên đoàn Lao động quận Ba Đình về phong trào này ở "
        "data/results/a.yaml:1:11; mỗi đơn vị một báo cáo cho mỗi kỳ"]
    phase = result("results: {ket-nap-dang: 10}\n", "campaign: ba-dinh-2020\nphase: 1\nas_of: 2020-06-30\n")
    assert found(registry(make_registry, {"results/a.yaml": result(GOOD), "results/b.yaml": phase})) == []


def test_a_report_on_a_campaign_of_another_unit(make_registry):
    root = registry(make_registry, {"results/r.yaml": result(GOOD, "campaign: ba-dinh-2020\nunit: ldld-long-bien\n"
                                                                 "as_of: 2020-12-10\n")})
    assert found(root) == [("result-unit", R, 2, 7)]
    assert messages(root, "result-unit") == [
        'Liên đoàn Lao động quận Long Biên không trực thuộc Liên đoàn Lao động quận Ba Đình (đơn vị ban hành), '
        'nên không báo cáo về phong trào "ba-dinh-2020"']
    below = result(GOOD, "campaign: ba-dinh-2020\nunit: cdcs-a\nas_of: 2020-12-10\n")
    assert found(registry(make_registry, {"results/r.yaml": below}), "result-unit") == []


COVENANT = """\
id: cum-1-2020
issuer: cum-1
year: 2020
kind: giao-uoc
title: Giao ước thi đua năm 2020 của Cụm thi đua số 1
start: 2020-01-01
end: 2020-12-31
targets:
  - {id: ket-nap-dang, text: đoàn viên được kết nạp Đảng, value: trên 20}
"""


def test_a_covenant_is_reported_on_by_its_members(make_registry):
    member = "campaign: cum-1-2020\nunit: ldld-long-bien\nas_of: 2020-12-10\nresults: {ket-nap-dang: 25}\n"
    stranger = member.replace("ldld-long-bien", "cdcs-a")
    root = registry(make_registry, {"campaigns/cum-1-2020.yaml": COVENANT, "results/a.yaml": member,
                                    "results/b.yaml": stranger})
    assert found(root, "result-unit") == [("result-unit", "data/results/b.yaml", 2, 7)]
    assert messages(root, "result-unit") == [
        'Công đoàn trường A không là thành viên của Cụm thi đua số 1, nên không báo cáo về phong trào "cum-1-2020"']


def sub(unit: str, body: str) -> str:
    return f"campaign: ba-dinh-2020\nunit: {unit}\nas_of: 2020-12-10\n{body}"


def test_rollup_incomplete_names_the_missing(make_registry):
    root = registry(make_registry, {
        "results/a.yaml": sub("cdcs-a", "results: {ket-nap-dang: 100}\n"),
        "results/b.yaml": sub("cdcs-b", "results: {ket-nap-dang: 120}\n")})
    assert found(root) == [("rollup-incomplete", "data/campaigns/ba-dinh-2020.yaml", 1, 5)]
    assert messages(root, "rollup-incomplete") == [
        "2/3 đơn vị cấp dưới đã báo cáo; còn thiếu: Công đoàn trường C"]


def test_rollup_mismatch_when_every_unit_reported(make_registry):
    files = {"results/a.yaml": sub("cdcs-a", "results: {ket-nap-dang: 100}\n"),
             "results/b.yaml": sub("cdcs-b", "results: {ket-nap-dang: 120}\n"),
             "results/c.yaml": sub("cdcs-c", "results: {ket-nap-dang: 70}\n"),
             "results/r.yaml": result("results: {ket-nap-dang: 291}\n")}
    root = registry(make_registry, files)
    assert found(root) == [("rollup-mismatch", R, 3, 25)]
    assert messages(root, "rollup-mismatch") == ["291 khác tổng 290 mà 3 đơn vị cấp dưới báo cáo"]
    files["results/r.yaml"] = result("results: {ket-nap-dang: 290}\n")
    assert found(registry(make_registry, files)) == []


def test_rollup_needs_counts(make_registry):
    share = "population: {cbccvcld: 100}\nresults: {lao-dong-tien-tien: {count: 80, of: cbccvcld}}\n"
    root = registry(make_registry, {
        "results/a.yaml": sub("cdcs-a", share), "results/b.yaml": sub("cdcs-b", share),
        "results/c.yaml": sub("cdcs-c", 'results: {lao-dong-tien-tien: {value: "80%"}}\n')})
    # Trường C did report (a share only): it is not missing, but it cannot be pooled.
    assert found(root) == [("rollup-needs-counts", "data/campaigns/ba-dinh-2020.yaml", 15, 5)]
    assert messages(root, "rollup-needs-counts") == [
        "không cộng dồn được tỉ lệ của Công đoàn trường C: đơn vị chỉ ghi value; cần {count, of} để tính chung"]


def test_reporting_phase_that_does_not_exist_and_two_for_one_period(make_registry):
    campaign = CAMPAIGN.replace("  - {due: 2020-12-15}\n", "  - {due: 2020-12-15}\n  - {phase: 4, due: 2020-12-20}\n"
                                "  - {due: 2020-12-30}\n")
    root = make_registry({"units/units.yaml": UNITS, "campaigns/ba-dinh-2020.yaml": campaign})
    F = "data/campaigns/ba-dinh-2020.yaml"
    assert found(root) == [("unknown-reference", F, 14, 13), ("duplicate-id", F, 15, 5)]
    assert messages(root, "duplicate-id") == [
        f"đã có hạn báo cáo cho kỳ này ở {F}:13:5; mỗi kỳ một hạn"]
