"""Where the frame's lines may break: never inside a word or a place name."""

from __future__ import annotations

import pytest

from thidua_cli.render.wrap import glue_blanks, nobreak


@pytest.mark.parametrize("text, joined", [
    ("LIÊN ĐOÀN LAO ĐỘNG QUẬN BẮC TỪ LIÊM", "LIÊN_ĐOÀN LAO_ĐỘNG QUẬN_BẮC_TỪ_LIÊM"),
    ("CÔNG ĐOÀN TRƯỜNG TIỂU HỌC XUÂN ĐỈNH", "CÔNG_ĐOÀN TRƯỜNG TIỂU_HỌC XUÂN_ĐỈNH"),
    ("Bắc Từ Liêm, ngày 03 tháng 01 năm 2020", "Bắc_Từ_Liêm, ngày_03 tháng_01 năm_2020"),
    ("Hà Nội, ngày … tháng … năm …", "Hà_Nội, ngày_… tháng_… năm_…"),
    ("Phong trào thi đua Công đoàn Viên chức thành phố Hà Nội năm 2018",
     "Phong_trào thi_đua Công_đoàn Viên_chức thành_phố_Hà_Nội năm_2018"),
    ("LĐLĐ quận Bắc Từ Liêm (để báo cáo)", "LĐLĐ quận_Bắc_Từ_Liêm (để báo_cáo)"),
    ("KẾ", "KẾ"),
])
def test_syllables_that_stay_together(text: str, joined: str) -> None:
    assert nobreak(text) == joined.replace("_", "\u00a0")


def test_each_line_of_a_broken_name_on_its_own() -> None:
    assert nobreak("LIÊN ĐOÀN LAO ĐỘNG\nQUẬN BA ĐÌNH") == (
        "LIÊN\u00a0ĐOÀN LAO\u00a0ĐỘNG\nQUẬN\u00a0BA\u00a0ĐÌNH")


def test_a_blank_never_starts_a_line() -> None:
    assert glue_blanks("gửi về Ban Chấp hành trước ngày …") == "gửi về Ban Chấp hành trước ngày\u00a0…"
    assert glue_blanks("Giao … theo dõi") == "Giao\u00a0… theo dõi"
    assert glue_blanks("“Lao động…”") == "“Lao động…”"
