"""The drawing: positions from dates, labels cut to their bars, registry text escaped."""

from __future__ import annotations

import re
from datetime import date

from thidua_cli.site import svg
from thidua_cli.site.glance import Bar, Due, Glance, Mark, Row


def _glance(start: date = date(2020, 1, 1), end: date = date(2020, 12, 31), name: str = "LĐLĐ quận Bắc Từ Liêm",
            theme: str | None = "Mừng Đảng") -> Glance:
    bars = (Bar("btl", 1, theme, date(2020, 1, 1), date(2020, 4, 30)),
            Bar("btl", 2, None, date(2020, 5, 1), date(2020, 7, 31)))
    row = Row("btl", "Phát động <phong trào>", "nam", "ldld-btl", name, 0, bars,
              (Due("btl", "launch", date(2020, 1, 3), "Phát động phong trào thi đua — BTL 2020"),))
    marks = (Mark(date(2020, 2, 3), "thanh-lap-dang", "Kỷ niệm 90 năm Ngày thành lập Đảng", 90, "major"),)
    return Glance(start, end, (row,), marks, date(2020, 6, 15))


def test_a_day_is_a_slice_of_the_chart() -> None:
    g = _glance()
    assert svg.x_of(g, date(2020, 1, 1)) == 270.0
    assert svg.x_of(g, date(2020, 5, 1)) == 270.0 + 121 * 910 / 366
    assert svg.x_of(g, date(2021, 1, 1)) == 1180.0


def test_bars_start_on_their_first_day_and_end_after_their_last() -> None:
    drawing = str(svg.draw(_glance(), "Năm 2020", "../", "bang-hinh"))
    rects = re.findall(r'<g class="phase" data-campaign="btl" data-phase="(\d)" data-start="([\d-]+)" '
                       r'data-end="([\d-]+)">\n<title>([^<]*)</title>\n<rect x="([\d.]+)" y="\d+" width="([\d.]+)"',
                       drawing)
    assert rects == [
        ("1", "2020-01-01", "2020-04-30", "Đợt 1 · Mừng Đảng (01/01/2020 – 30/4/2020)", "270", "298.85"),
        ("2", "2020-05-01", "2020-07-31", "Đợt 2 (01/5/2020 – 31/7/2020)", "570.85", "226.74"),
    ]


def test_months_are_named_whole_when_they_fit() -> None:
    drawing = str(svg.draw(_glance(), "Năm 2020", "", "t"))
    assert re.findall(r'font-weight="bold">(Tháng [^<]*|T\d+)</text>', drawing) == [
        f"Tháng {m}" for m in range(1, 13)]
    drive = str(svg.draw(_glance(date(2018, 4, 1), date(2018, 6, 30)), "Đợt", "", "t"))
    assert re.findall(r'font-weight="bold">(Tháng [^<]*)</text>', drive) == ["Tháng 4", "Tháng 5", "Tháng 6"]


def test_registry_text_is_escaped() -> None:
    drawing = str(svg.draw(_glance(name='<script>alert("x")</script> & co', theme="<b>"),
                           "<Năm>", "", "t"))
    assert "<script>" not in drawing and "<b>" not in drawing and "<Năm>" not in drawing
    assert "&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; &amp; co" in drawing
    assert "Phát động &lt;phong trào&gt;" in drawing


def test_labels_are_cut_to_their_room() -> None:
    assert svg._fit("Đợt 1 · Mừng Đảng, mừng xuân", 1000, 14) == "Đợt 1 · Mừng Đảng, mừng xuân"
    assert svg._fit("Đợt 1 · Mừng Đảng, mừng xuân", 100, 14) == "Đợt 1 · Mừn…"
    assert svg._fit("Đợt 1", 10, 14) == ""


def test_round_marks_today_and_launch_are_drawn() -> None:
    drawing = str(svg.draw(_glance(), "Năm 2020", "", "t"))
    assert '<g class="mark" data-date="2020-02-03" data-anniversary="thanh-lap-dang" data-round="major" ' \
           'data-ordinal="90"><title>Kỷ niệm 90 năm Ngày thành lập Đảng (03/02/2020) — năm tròn</title>' in drawing
    assert '>90 năm</text>' in drawing
    assert '<g class="today" data-date="2020-06-15">' in drawing
    assert '>Hôm nay 15/6</text>' in drawing
    assert '<g class="event" data-campaign="btl" data-kind="launch" data-date="2020-01-03">' \
           '<title>Phát động phong trào thi đua — BTL 2020 (03/01/2020)</title>' in drawing


def test_the_legend_names_only_the_signs_drawn() -> None:
    words = re.findall(r"</svg> ([^<]+)</li>", str(svg.legend(_glance())))
    assert words == ["một đợt thi đua (số đợt và chủ đề)", "ngày phát động",
                     "kỷ niệm năm tròn (số năm chẵn chục)", "hôm nay"]
