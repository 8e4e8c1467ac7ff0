"""anniversary-ordinal, anniversary-outside-phase."""

from __future__ import annotations

from tests.conftest import campaign, found, messages

F = "data/campaigns/c.yaml"


def test_wrong_ordinal_says_the_right_number(make_registry):
    root = make_registry({"campaigns/c.yaml": campaign(**{"cong-doan-viet-nam: 91": "cong-doan-viet-nam: 90"})})
    assert found(root) == [("anniversary-ordinal", F, 18, 27)]
    assert messages(root, "anniversary-ordinal") == [
        "năm 2020 là kỷ niệm 91 năm Ngày thành lập Công đoàn Việt Nam (28/7/1929 – 28/7/2020), "
        "không phải 90 năm; hãy ghi 91"]


def test_null_ordinal_is_computed_not_checked(make_registry):
    root = make_registry({"campaigns/c.yaml": campaign(**{"cong-doan-viet-nam: 91": "cong-doan-viet-nam: null"})})
    assert found(root) == []


def test_anniversary_outside_its_phase_warns(make_registry):
    text = campaign(**{"thanh-lap-dang: 90": "thanh-lap-dang: 90\n      cong-doan-viet-nam: 91"})
    root = make_registry({"campaigns/c.yaml": text})
    assert found(root) == [("anniversary-outside-phase", F, 14, 7)]


def test_ordinal_for_anniversary_without_base_year(make_registry):
    text = campaign(**{"thanh-lap-dang: 90": "thanh-lap-dang: 90\n      gio-to-hung-vuong: 2"})
    root = make_registry({"campaigns/c.yaml": text})
    assert found(root) == [("anniversary-ordinal", F, 14, 26)]


def test_lunar_anniversary_inside_phase_passes(make_registry):
    # Giỗ Tổ 2020 fell on 2 April (10/3 âm lịch).
    text = campaign(**{"thanh-lap-dang: 90": "thanh-lap-dang: 90\n      gio-to-hung-vuong: null"})
    assert found(make_registry({"campaigns/c.yaml": text})) == []


def test_campaign_wide_ordinal(make_registry):
    text = campaign(**{"end: 2020-12-31\nphases": "end: 2020-12-31\ncelebrates: {quoc-te-lao-dong: 133}\nphases"})
    root = make_registry({"campaigns/c.yaml": text})
    assert found(root) == [("anniversary-ordinal", F, 8, 32)]
