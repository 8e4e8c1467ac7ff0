"""phase-order, phase-outside-campaign, phase-overlap, phase-gap, phase-length."""

from __future__ import annotations

from tests.conftest import campaign, found, messages

F = "data/campaigns/c.yaml"


def test_base_campaign_is_clean(make_registry):
    assert found(make_registry({"campaigns/c.yaml": campaign()})) == []


def test_phase_numbers_out_of_date_order(make_registry):
    root = make_registry({"campaigns/c.yaml": campaign(**{"number: 1": "number: X", "number: 2": "number: 1"}).replace("number: X", "number: 2")})
    assert found(root, "phase-order") == [("phase-order", F, 9, 13)]


def test_phase_ending_before_it_starts(make_registry):
    root = make_registry({"campaigns/c.yaml": campaign(**{"end: 2020-06-30": "end: 2019-06-30"})})
    assert found(root, "phase-order") == [("phase-order", F, 11, 10)]
    assert messages(root, "phase-order") == ["đợt 1 kết thúc (30/6/2019) trước khi bắt đầu (01/01/2020)"]


def test_phase_outside_campaign(make_registry):
    root = make_registry({"campaigns/c.yaml": campaign(**{"end: 2020-12-31\n    celebrates": "end: 2021-01-31\n    celebrates"})})
    assert found(root, "phase-outside-campaign") == [("phase-outside-campaign", F, 16, 10)]


def test_overlap_is_reported_at_the_second_phase_naming_the_first(make_registry):
    root = make_registry({"campaigns/c.yaml": campaign(**{"start: 2020-07-01": "start: 2020-06-30"})})
    assert found(root, "phase-overlap") == [("phase-overlap", F, 15, 12)]
    assert messages(root, "phase-overlap") == [
        f"đợt 2 trùng với đợt 1 ({F}:10:12) trong 30/6/2020; một ngày chỉ thuộc một đợt"]
    assert found(root, "phase-gap") == []


def test_gap_is_a_warning_listing_the_days(make_registry):
    root = make_registry({"campaigns/c.yaml": campaign(**{"start: 2020-07-01": "start: 2020-07-03"})})
    assert found(root) == [("phase-gap", F, 15, 12)]
    assert messages(root, "phase-gap", "en") == [
        "2 days of the campaign are covered by no phase: 2020-07-01–2020-07-02"]


def test_declared_days_differ_from_real_length(make_registry):
    text = campaign(**{"  - number: 2\n": "  - number: 2\n    days: 90\n",
                       "start: 2020-07-01": "start: 2020-05-01",
                       "end: 2020-06-30": "end: 2020-04-30",
                       "end: 2020-12-31\n    celebrates": "end: 2020-07-31\n    celebrates"})
    text = text.replace("targets:", "  - number: 3\n    start: 2020-08-01\n    end: 2020-12-31\ntargets:")
    root = make_registry({"campaigns/c.yaml": text})
    assert found(root) == [("phase-length", F, 15, 11)]
    assert messages(root, "phase-length") == [
        "đợt 2 ghi 90 ngày nhưng từ 01/5/2020 đến 31/7/2020 là 92 ngày (tính cả hai đầu); "
        'hãy sửa "days" hoặc ngày kết thúc']


def test_right_days_pass(make_registry):
    text = campaign(**{"  - number: 2\n": "  - number: 2\n    days: 184\n"})
    assert found(make_registry({"campaigns/c.yaml": text})) == []


def test_each_gap_is_at_the_phase_that_opens_after_it_and_can_be_silenced_there(make_registry):
    # A gap before phase 2, and one at the campaign's end (after the last phase).
    text = campaign(**{"start: 2020-07-01": "start: 2020-07-03", "end: 2020-12-31\n    celebrates":
                       "end: 2020-12-30\n    celebrates"})
    root = make_registry({"campaigns/c.yaml": text})
    assert found(root) == [("phase-gap", F, 15, 12), ("phase-gap", F, 16, 10)]
    assert messages(root, "phase-gap") == [
        "2 ngày của phong trào không thuộc đợt nào: 01/7/2020–02/7/2020",
        "1 ngày của phong trào không thuộc đợt nào: 31/12/2020"]
    silenced = text.replace("start: 2020-07-03", "start: 2020-07-03  # thidua: disable=phase-gap")
    root = make_registry({"campaigns/c.yaml": silenced})
    assert found(root) == [("phase-gap", F, 16, 10)]  # and no unused-suppression
