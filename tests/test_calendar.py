"""calendar.entries: the sample registry's 2020 as the seed articles salute it, lunar dates,
phase boundaries, unit and round filtering, stable UIDs."""

from __future__ import annotations

from datetime import date

import pytest

from tests.conftest import SAMPLE_REGISTRY, campaign
from tests.vn import lunar_oracle
from thidua_cli.calendar import events as calendar
from thidua_cli.validation import validate


@pytest.fixture(scope="module")
def sample():
    result = validate(SAMPLE_REGISTRY)
    assert result.errors == 0
    return result.registry


def year_entries(registry, year, **kw):
    return calendar.entries(registry, date(year, 1, 1), date(year, 12, 31), **kw)


def anniversary(found, source):
    matches = [e for e in found if e.kind == "anniversary" and e.source == source]
    assert len(matches) == 1, (source, matches)
    return matches[0]


# What seed 000 (Bắc Từ Liêm 2020) prints, day and number.
SEED_2020 = [
    ("thanh-lap-dang", date(2020, 2, 3), 90, "major"),
    ("giai-phong-mien-nam", date(2020, 4, 30), 45, "minor"),
    ("quoc-te-lao-dong", date(2020, 5, 1), 134, None),
    ("chien-thang-dien-bien-phu", date(2020, 5, 7), 66, None),
    ("ngay-sinh-chu-tich-ho-chi-minh", date(2020, 5, 19), 130, "major"),
    ("cong-doan-viet-nam", date(2020, 7, 28), 91, None),
    ("cach-mang-thang-tam", date(2020, 8, 19), 75, "minor"),
    ("quoc-khanh", date(2020, 9, 2), 75, "minor"),
    ("giai-phong-thu-do", date(2020, 10, 10), 66, None),
    ("thanh-lap-quan-bac-tu-liem", date(2020, 4, 1), 6, None),
]


@pytest.mark.parametrize("source, day, ordinal, round_mark", SEED_2020)
def test_2020_anniversaries_the_seed_articles_salute(sample, source, day, ordinal, round_mark):
    entry = anniversary(year_entries(sample, 2020), source)
    assert (entry.date, entry.ordinal, entry.round) == (day, ordinal, round_mark)


def test_titles_carry_the_ordinal(sample):
    found = year_entries(sample, 2020)
    entry = anniversary(found, "cong-doan-viet-nam")
    assert entry.title == "Kỷ niệm 91 năm Ngày thành lập Công đoàn Việt Nam"
    assert entry.title_en == "91st anniversary: Ngày thành lập Công đoàn Việt Nam"
    assert anniversary(found, "thanh-lap-quan-bac-tu-liem").title == \
        "Kỷ niệm 6 năm Ngày thành lập quận Bắc Từ Liêm"


def test_2018_seed_001_seventy_years_of_the_call_to_emulation(sample):
    entry = anniversary(year_entries(sample, 2018), "loi-keu-goi-thi-dua-ai-quoc")
    assert (entry.date, entry.ordinal, entry.round) == (date(2018, 6, 11), 70, "major")


def test_lunar_anniversaries_2020(sample):
    found = year_entries(sample, 2020)
    tet = anniversary(found, "tet-nguyen-dan")
    assert (tet.date, tet.ordinal, tet.round) == (date(2020, 1, 25), None, None)
    assert (tet.title, tet.title_en) == ("Tết Nguyên đán (1/1 âm lịch)", "Tết Nguyên đán (lunar 1/1)")
    gio_to = anniversary(found, "gio-to-hung-vuong")
    assert (gio_to.date, gio_to.title) == (date(2020, 4, 2), "Giỗ Tổ Hùng Vương (10/3 âm lịch)")


@pytest.mark.parametrize("source, day", [
    # The years where the Vietnamese calendar (UTC+7) differs from the Chinese one.
    ("tet-nguyen-dan", date(1985, 1, 21)),
    ("tet-nguyen-dan", date(2007, 2, 17)),
    ("tet-nguyen-dan", date(2030, 2, 2)),
    ("gio-to-hung-vuong", date(2009, 4, 4)),
])
def test_lunar_years_where_vietnam_differs_from_china(sample, source, day):
    assert anniversary(year_entries(sample, day.year), source).date == day


def test_tet_and_gio_to_1901_2099_agree_with_the_published_algorithm(sample):
    found = calendar.entries(sample, date(1901, 1, 1), date(2099, 12, 31), round_only=False)
    tet = {e.date.year: e.date for e in found if e.source == "tet-nguyen-dan"}
    gio_to = {e.date.year: e.date for e in found if e.source == "gio-to-hung-vuong"}
    for year in range(1901, 2100):
        assert tet[year] == lunar_oracle.lunar_to_solar(1, 1, year), year
        assert gio_to[year] == lunar_oracle.lunar_to_solar(10, 3, year), year


def test_missing_30th_falls_on_the_29th(make_registry):
    # Lunar month 1 of 2020 had 29 days: its last day, 29/1, was 22/02/2020.
    root = make_registry({"anniversaries.yaml": """\
        anniversaries:
          - id: ngay-ba-muoi
            name: Ngày ba mươi tháng Giêng
            lunar: "30/1"
            since: 2000
        """})
    registry = validate(root).registry
    [entry] = year_entries(registry, 2020)
    assert (entry.date, entry.ordinal, entry.round) == (date(2020, 2, 22), 20, "major")
    assert entry.title == "Kỷ niệm 20 năm Ngày ba mươi tháng Giêng (30/1 âm lịch)"


PHASES_2020 = [
    (date(2020, 1, 1), "phase-start", "Bắt đầu đợt 1 (Mừng Đảng, mừng xuân, mừng Đất nước đổi mới) — LĐLĐ quận Bắc Từ Liêm 2020"),
    (date(2020, 1, 3), "launch", "Phát động phong trào thi đua — LĐLĐ quận Bắc Từ Liêm 2020"),
    (date(2020, 4, 30), "phase-end", "Kết thúc đợt 1 (Mừng Đảng, mừng xuân, mừng Đất nước đổi mới) — LĐLĐ quận Bắc Từ Liêm 2020"),
    (date(2020, 5, 1), "phase-start", "Bắt đầu đợt 2 (đợt thi đua cao điểm) — LĐLĐ quận Bắc Từ Liêm 2020"),
    (date(2020, 7, 31), "phase-end", "Kết thúc đợt 2 (đợt thi đua cao điểm) — LĐLĐ quận Bắc Từ Liêm 2020"),
    (date(2020, 8, 1), "phase-start", "Bắt đầu đợt 3 — LĐLĐ quận Bắc Từ Liêm 2020"),
    (date(2020, 12, 31), "phase-end", "Kết thúc đợt 3 — LĐLĐ quận Bắc Từ Liêm 2020"),
]


def test_every_phase_boundary_and_launch_of_the_sample_campaigns_2020(sample):
    found = year_entries(sample, 2020)
    assert [(e.date, e.kind, e.title) for e in found if e.source == "bac-tu-liem-2020"] == PHASES_2020
    # The cluster's covenant has no phases: it is its own single phase.
    assert [(e.date, e.kind, e.title) for e in found if e.source == "cum-3-ha-giang-2020"] == [
        (date(2020, 1, 1), "phase-start", "Bắt đầu giao ước thi đua — Cụm thi đua số 3 2020"),
        (date(2020, 2, 12), "launch", "Ký kết giao ước thi đua — Cụm thi đua số 3 2020"),
        (date(2020, 12, 31), "phase-end", "Kết thúc giao ước thi đua — Cụm thi đua số 3 2020"),
    ]


def test_phase_boundaries_2021_and_the_2018_peak_drive(sample):
    found = year_entries(sample, 2021)
    assert [(e.date, e.title) for e in found if e.source == "ba-dinh-2021"] == [
        (date(2021, 1, 1), "Bắt đầu đợt 1 (Chào mừng Đại hội Đại biểu lần thứ XIII của Đảng - Mừng sinh nhật Bác) — LĐLĐ quận Ba Đình 2021"),
        (date(2021, 6, 30), "Kết thúc đợt 1 (Chào mừng Đại hội Đại biểu lần thứ XIII của Đảng - Mừng sinh nhật Bác) — LĐLĐ quận Ba Đình 2021"),
        (date(2021, 7, 1), "Bắt đầu đợt 2 (Thi đua lao động giỏi, lao động sáng tạo, hoàn thành thắng lợi nhiệm vụ năm 2021) — LĐLĐ quận Ba Đình 2021"),
        (date(2021, 12, 31), "Kết thúc đợt 2 (Thi đua lao động giỏi, lao động sáng tạo, hoàn thành thắng lợi nhiệm vụ năm 2021) — LĐLĐ quận Ba Đình 2021"),
    ]
    found = year_entries(sample, 2018)
    assert [(e.date, e.kind, e.title_en) for e in found if e.source == "long-bien-2018"] == [
        (date(2018, 4, 1), "phase-start", "Start of the peak drive — LĐLĐ quận Long Biên 2018"),
        (date(2018, 4, 4), "launch", "Launch of the peak drive — LĐLĐ quận Long Biên 2018"),
        (date(2018, 6, 30), "phase-end", "End of the peak drive — LĐLĐ quận Long Biên 2018"),
    ]


def test_sorted_by_date_then_kind_then_title(sample):
    found = year_entries(sample, 2020)
    assert found == sorted(found, key=lambda e: e.sort_key)
    same_day = [(e.kind, e.title) for e in found if e.date == date(2020, 4, 30)]
    assert same_day == [
        ("anniversary", "Kỷ niệm 45 năm Ngày giải phóng miền Nam, thống nhất đất nước"),
        ("phase-end", "Kết thúc đợt 1 (Mừng Đảng, mừng xuân, mừng Đất nước đổi mới) — LĐLĐ quận Bắc Từ Liêm 2020")]
    assert calendar.entries(sample, date(2020, 1, 1), date(2020, 12, 31)) == found


def test_range_bounds_are_inclusive(sample):
    found = calendar.entries(sample, date(2020, 4, 30), date(2020, 5, 1))
    assert [e.source for e in found] == [
        "giai-phong-mien-nam", "bac-tu-liem-2020", "quoc-te-lao-dong", "bac-tu-liem-2020"]


def test_round_only_keeps_round_anniversaries(sample):
    # The planning view for 2027: what a cadre drafting next year's plan needs.
    found = year_entries(sample, 2027, round_only=True)
    assert [(e.date, e.ordinal, e.round, e.source) for e in found] == [
        (date(2027, 7, 27), 80, "major", "thuong-binh-liet-si"),
        (date(2027, 11, 20), 45, "minor", "nha-giao-viet-nam"),
    ]
    everything = year_entries(sample, 2020)
    assert [e for e in everything if e.round] == year_entries(sample, 2020, round_only=True)


def test_unit_keeps_its_family_and_national_days(sample):
    # Ba Đình is a sibling of Bắc Từ Liêm: not its local day, not its campaign.
    found = year_entries(sample, 2020, unit="ldld-ba-dinh")
    sources = {e.source for e in found}
    assert "thanh-lap-quan-bac-tu-liem" not in sources
    assert "bac-tu-liem-2020" not in sources and "cum-3-ha-giang-2020" not in sources
    assert {"thanh-lap-dang", "tet-nguyen-dan"} <= sources
    # A school below Bắc Từ Liêm sees its ancestor's campaign and local day.
    school = {e.source for e in year_entries(sample, 2020, unit="cdcs-mn-xuan-dinh-b")}
    assert {"thanh-lap-quan-bac-tu-liem", "bac-tu-liem-2020"} <= school
    assert "cum-3-ha-giang-2020" not in school
    # The city sees its descendants' campaigns, not Hà Giang's cluster.
    city = {e.source for e in year_entries(sample, 2020, unit="ldld-ha-noi")}
    assert {"thanh-lap-quan-bac-tu-liem", "bac-tu-liem-2020"} <= city
    assert "cum-3-ha-giang-2020" not in city


def test_unit_and_clusters(sample):
    # A member of Cụm 3 sees the cluster's covenant; so do the organizer and the top.
    for unit in ("ldld-bac-me", "ldld-ha-giang", "tong-ldld", "cum-3-ha-giang"):
        sources = {e.source for e in year_entries(sample, 2020, unit=unit)}
        assert "cum-3-ha-giang-2020" in sources, unit
        assert "bac-tu-liem-2020" not in sources or unit == "tong-ldld", unit


def test_unknown_unit(sample):
    with pytest.raises(calendar.UnknownUnit) as caught:
        year_entries(sample, 2020, unit="ldld-ba-dinhh")
    assert caught.value.unit == "ldld-ba-dinhh" and "ldld-ba-dinh" in caught.value.known


def test_uids_are_stable_and_distinct(sample):
    found = calendar.entries(sample, date(2018, 1, 1), date(2021, 12, 31))
    assert len({e.uid for e in found}) == len(found)
    assert all(e.uid.endswith("@thidua") for e in found)
    again = calendar.entries(sample, date(2020, 1, 1), date(2020, 12, 31))
    by_uid = {e.uid: e for e in found}
    assert all(by_uid[e.uid] == e for e in again)


def test_moving_a_phase_keeps_its_uid(make_registry):
    before = validate(make_registry({"campaigns/c.yaml": campaign()})).registry
    after = validate(make_registry({"campaigns/c.yaml": campaign(**{
        "end: 2020-06-30": "end: 2020-06-29", "start: 2020-07-01": "start: 2020-06-30"})})).registry
    end_before = next(e for e in year_entries(before, 2020) if e.kind == "phase-end")
    end_after = next(e for e in year_entries(after, 2020) if e.kind == "phase-end")
    assert end_before.date != end_after.date and end_before.uid == end_after.uid


def test_base_year_itself_and_before(make_registry):
    root = make_registry({"anniversaries.yaml": """\
        anniversaries:
          - id: moi
            name: Ngày mới
            date: 2020-03-01
        """})
    registry = validate(root).registry
    assert year_entries(registry, 2019) == []
    [entry] = year_entries(registry, 2020)
    assert (entry.title, entry.ordinal, entry.round) == ("Ngày mới", 0, None)


def test_29_february_in_common_years(make_registry):
    root = make_registry({"anniversaries.yaml": """\
        anniversaries:
          - id: nhuan
            name: Ngày nhuận
            date: 2000-02-29
        """})
    registry = validate(root).registry
    assert [e.date for e in year_entries(registry, 2021)] == [date(2021, 2, 28)]
    assert [e.date for e in year_entries(registry, 2024)] == [date(2024, 2, 29)]


def test_reporting_deadlines_are_report_due_entries(make_registry):
    text = campaign() + "reporting:\n  - {phase: 1, due: 2020-07-10}\n  - {due: 2020-12-15}\n"
    registry = validate(make_registry({"campaigns/c.yaml": text})).registry
    found = [(e.date, e.kind, e.title, e.title_en, e.source)
             for e in calendar.entries(registry, date(2020, 7, 1), date(2020, 12, 31))
             if e.kind == "report-due"]
    assert found == [
        (date(2020, 7, 10), "report-due", "Hạn báo cáo sơ kết đợt 1 — Liên đoàn Lao động quận Ba Đình 2020",
         "Report due: the phase 1 review — Liên đoàn Lao động quận Ba Đình 2020", "ba-dinh-2020"),
        (date(2020, 12, 15), "report-due", "Hạn báo cáo tổng kết — Liên đoàn Lao động quận Ba Đình 2020",
         "Report due: the year-end review — Liên đoàn Lao động quận Ba Đình 2020", "ba-dinh-2020")]
