"""target-percent-range, target-range-order, target-infeasible, target-below-parent."""

from __future__ import annotations

import pytest

from tests.conftest import BASE_CAMPAIGN, campaign, found, messages

F = "data/campaigns/c.yaml"


@pytest.mark.parametrize("value", ["101%", "trên 100%", "dưới 0%", "85-120%"])
def test_impossible_percentages(make_registry, value):
    root = make_registry({"campaigns/c.yaml": campaign(**{"trên 75%": value})})
    assert found(root) == [("target-percent-range", F, 22, 12)]


@pytest.mark.parametrize("value", ["100%", "0%", "không có", "trên 200", "từ 99,5% trở lên", "không quá 100%"])
def test_possible_values(make_registry, value):
    assert found(make_registry({"campaigns/c.yaml": campaign(**{"trên 75%": value})})) == []


def test_range_in_reverse(make_registry):
    root = make_registry({"campaigns/c.yaml": campaign(**{"trên 75%": "90-85%"})})
    assert found(root) == [("target-range-order", F, 22, 12)]
    assert messages(root, "target-range-order") == [
        'khoảng "90-85%" có đầu dưới lớn hơn đầu trên; có phải ý bạn là "85-90%"?']


WITHIN = """\
  - id: dang-ky
    text: cơ quan đăng ký "Cơ quan văn hóa"
    value: {outer}
  - id: dat
    text: cơ quan đạt "Cơ quan văn hóa"
    value: {inner}
    within: dang-ky
"""


@pytest.mark.parametrize("outer, inner, bad", [
    ("50%", "trên 60%", True),
    ("50%", "từ 50% trở lên", False),
    ("50%", "trên 50%", True),
    ("dưới 50%", "từ 50% trở lên", True),
    ("100%", "trên 60%", False),
    ("trên 90%", "trên 60%", False),
])
def test_within(make_registry, outer, inner, bad):
    text = BASE_CAMPAIGN + WITHIN.format(outer=outer, inner=inner)
    root = make_registry({"campaigns/c.yaml": text})
    assert found(root) == ([("target-infeasible", F, 28, 12)] if bad else [])


PARENT = """\
id: ha-noi-2020
issuer: ldld-ha-noi
year: 2020
kind: nam
title: Phát động phong trào thi đua năm 2020
start: 2020-01-01
end: 2020-12-31
targets:
  - id: lao-dong-tien-tien
    text: CBCCVCLĐ đạt danh hiệu "Lao động tiên tiến"
    value: {value}
"""


@pytest.mark.parametrize("parent, child, bad", [
    ("trên 75%", "từ 75% trở lên", True),
    ("trên 75%", "trên 75%", False),
    ("từ 75% trở lên", "trên 75%", False),
    ("trên 75%", "70-80%", True),
    ("trên 75%", "80-90%", False),
    ("không quá 5%", "dưới 5%", False),
    ("dưới 5%", "không quá 5%", True),
    ("dưới 5%", "trên 1%", True),
])
def test_below_parent(make_registry, parent, child, bad):
    root = make_registry({"campaigns/ha-noi.yaml": PARENT.format(value=parent),
                          "campaigns/c.yaml": campaign(**{"trên 75%": child})})
    assert found(root) == ([("target-below-parent", F, 22, 12)] if bad else [])


def test_below_parent_names_the_superior(make_registry):
    root = make_registry({"campaigns/ha-noi.yaml": PARENT.format(value="trên 80%"),
                          "campaigns/c.yaml": campaign()})
    assert messages(root, "target-below-parent") == [
        'chỉ tiêu "lao-dong-tien-tien" (trên 75%) thấp hơn chỉ tiêu Liên đoàn Lao động thành phố '
        'Hà Nội giao (trên 80%, phong trào "ha-noi-2020"); chỉ tiêu cấp dưới không được thấp hơn cấp trên']


def test_other_year_or_kind_is_not_compared(make_registry):
    other = PARENT.format(value="trên 90%").replace("kind: nam", "kind: cao-diem")
    root = make_registry({"campaigns/ha-noi.yaml": other, "campaigns/c.yaml": campaign()})
    assert found(root) == []


def test_a_share_of_a_plan_may_exceed_100_percent(make_registry):
    text = campaign(**{"trên 75%": "đạt 120% dự toán", 'CBCCVCLĐ đạt danh hiệu "Lao động tiên tiến"':
                       "thu kinh phí công đoàn"})
    assert found(make_registry({"campaigns/c.yaml": text})) == []
    said_in_text = campaign(**{"trên 75%": "105%", 'CBCCVCLĐ đạt danh hiệu "Lao động tiên tiến"':
                               "thu ngân sách so với kế hoạch năm"})
    assert found(make_registry({"campaigns/c.yaml": said_in_text})) == []


def test_a_share_over_100_percent_of_nothing_named_is_refused_and_says_how(make_registry):
    from tests.conftest import messages

    root = make_registry({"campaigns/c.yaml": campaign(**{"trên 75%": "120%"})})
    assert messages(root, "target-percent-range") == [
        '"120%" không phải tỉ lệ có thể có: phần trăm phải từ 0% đến 100% (tỉ lệ so với kế hoạch, '
        'dự toán thì ghi rõ, ví dụ "120% dự toán")']
