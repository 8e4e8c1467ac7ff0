"""Next year's campaign as pure text → text, on the sample campaign (a copy, never data/)."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.conftest import SAMPLE_REGISTRY
from thidua_cli.authoring.new_campaign import move_date, new_id_for, next_year
from thidua_cli.validation import validate


@pytest.mark.parametrize(("text", "years", "moved"), [
    ("2020-01-01", 1, "2021-01-01"),
    ("2020-1-3", 1, "2021-1-3"),
    ("03/01/2020", 1, "03/01/2021"),
    ("3/1/2020", 1, "3/1/2021"),
    ("29/02/2020", 1, "28/02/2021"),
    ("2020-02-29", 4, "2024-02-29"),
    ("2020-02-29", 1, "2021-02-28"),
    ("Đại hội", 1, None),
])
def test_move_date_keeps_its_format(text: str, years: int, moved: str | None) -> None:
    assert move_date(text, years) == moved


@pytest.mark.parametrize(("old", "new"), [
    ("bac-tu-liem-2020", "bac-tu-liem-2021"),
    ("cum-3-ha-giang-2020", "cum-3-ha-giang-2021"),
    ("2020-ba-dinh", "2021-ba-dinh"),
    ("ba-dinh", "ba-dinh-2021"),
])
def test_new_id(old: str, new: str) -> None:
    assert new_id_for(old, 2020, 2021) == new


def test_bac_tu_liem_changes_exactly() -> None:
    registry = validate(SAMPLE_REGISTRY).registry
    anniversaries = {e.model.id: e.model for e in registry.anniversaries}
    source = (SAMPLE_REGISTRY / "campaigns" / "bac-tu-liem-2020.yaml").read_text(encoding="utf-8")
    made = next_year(source, 2021, None, anniversaries)
    assert made.new_id == "bac-tu-liem-2021"
    assert [c.vi for c in made.changes] == [
        "id: bac-tu-liem-2020 → bac-tu-liem-2021",
        "year: 2020 → 2021",
        "title: Phát động phong trào thi đua trong CNVCLĐ quận Bắc Từ Liêm năm 2020 → "
        "Phát động phong trào thi đua trong CNVCLĐ quận Bắc Từ Liêm năm 2021",
        "start: 2020-01-01 → 2021-01-01",
        "end: 2020-12-31 → 2021-12-31",
        "launch.date: 2020-01-03 → 2021-01-03",
        "đợt 1.start: 2020-01-01 → 2021-01-01",
        "đợt 1.end: 2020-04-30 → 2021-04-30",
        "đợt 2.start: 2020-05-01 → 2021-05-01",
        "đợt 2.end: 2020-07-31 → 2021-07-31",
        "đợt 3.start: 2020-08-01 → 2021-08-01",
        "đợt 3.end: 2020-12-31 → 2021-12-31",
        "kỷ niệm 91 năm → 92 năm Ngày thành lập Công đoàn Việt Nam",
        "đợt 1: kỷ niệm 90 năm → 91 năm Ngày thành lập Đảng Cộng sản Việt Nam",
        "đợt 1: kỷ niệm 45 năm → 46 năm Ngày giải phóng miền Nam, thống nhất đất nước",
        "đợt 1: kỷ niệm 6 năm → 7 năm Ngày thành lập quận Bắc Từ Liêm",
        "đợt 2: kỷ niệm 91 năm → 92 năm Ngày thành lập Công đoàn Việt Nam",
        "đợt 2: kỷ niệm 134 năm → 135 năm Ngày Quốc tế Lao động",
        "đợt 2: kỷ niệm 66 năm → 67 năm Ngày chiến thắng Điện Biên Phủ",
        "đợt 2: kỷ niệm 130 năm → 131 năm Ngày sinh Chủ tịch Hồ Chí Minh",
        "đợt 3: kỷ niệm 75 năm → 76 năm Cách mạng Tháng Tám",
        "đợt 3: kỷ niệm 75 năm → 76 năm Quốc khánh nước Cộng hòa xã hội chủ nghĩa Việt Nam",
        "đợt 3: kỷ niệm 66 năm → 67 năm Ngày Giải phóng Thủ đô",
    ]
    # Only the reported lines differ: every comment and every other line is as it was.
    old_lines, new_lines = source.splitlines(), made.text.splitlines()
    assert len(old_lines) == len(new_lines)
    differing = [i for i, (a, b) in enumerate(zip(old_lines, new_lines, strict=True)) if a != b]
    assert len(differing) == 23  # id, year, title, 2 + 1 + 6 dates, 13 ordinals
    assert all(not old_lines[i].lstrip().startswith("#") for i in differing)
    # The "# 2020 - 1930" sums beside the ordinals follow them; other comments stay.
    assert "      quoc-khanh: 76            # 2021 - 1945 (\"75 năm … và Quốc khánh (2/9)\")" \
        in new_lines
    assert "      # 01/4 rơi vào đợt 1." in new_lines


def test_ordinals_follow_a_two_year_jump(tmp_path: Path) -> None:
    registry = validate(SAMPLE_REGISTRY).registry
    anniversaries = {e.model.id: e.model for e in registry.anniversaries}
    source = (SAMPLE_REGISTRY / "campaigns" / "long-bien-2018.yaml").read_text(encoding="utf-8")
    made = next_year(source, 2020, "long-bien-cao-diem-2020", anniversaries)
    assert "  loi-keu-goi-thi-dua-ai-quoc: 72   # 2020 - 1948\n" in made.text
    assert made.new_id == "long-bien-cao-diem-2020"
    assert "    date: 2020-09-24\n" in made.text


def test_school_year_title_moves_both_years() -> None:
    source = ("id: truong-a-2020\nissuer: cdcs-a\nyear: 2020\nkind: nam-hoc\n"
              "title: Thi đua năm học 2020-2021 (kế hoạch 2019)\n"
              "start: 05/9/2020\nend: 31/5/2021\n")
    made = next_year(source, 2021, None, {})
    assert made.text == ("id: truong-a-2021\nissuer: cdcs-a\nyear: 2021\nkind: nam-hoc\n"
                         "title: Thi đua năm học 2021-2022 (kế hoạch 2019)\n"
                         "start: 05/9/2021\nend: 31/5/2022\n")
