"""``thidua calendar`` through the real command: table, JSON, ICS, -o, bad input."""

from __future__ import annotations

import io
import json
from datetime import date, timedelta

import pytest

from tests.conftest import SAMPLE_REGISTRY, campaign
from thidua_cli.cli import calendar as calendar_cli
from thidua_cli.cli.app import main
from thidua_cli.cli.common import Settings

SAMPLE = ("--registry", str(SAMPLE_REGISTRY))


def run(capsys, *args: str) -> tuple[int, str, str]:
    code = main(list(args))
    out, err = capsys.readouterr()
    return code, out, err


@pytest.fixture(autouse=True)
def fixed_today(monkeypatch):
    """Today is 01/7/2020 unless a test says otherwise: output must not depend on the clock."""
    monkeypatch.setattr(calendar_cli, "today", lambda: date(2020, 7, 1))
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1577836800")  # 2020-01-01T00:00:00Z


# --------------------------------------------------------------------------- table

def test_plain_table_exact(capsys):
    code, out, err = run(capsys, *SAMPLE, "calendar", "--from", "25/4/2020", "--until", "2020-05-19")
    assert (code, err) == (0, "")
    assert out == (
        "Lịch thi đua từ 25/4/2020 đến 19/5/2020 (6 mục)\n"
        "\n"
        "Tháng 4/2020\n"
        "  30/4   T5  Kỷ niệm 45 năm Ngày giải phóng miền Nam, thống nhất đất nước  ○ năm lẻ 5\n"
        "  30/4   T5  Kết thúc đợt 1 (Mừng Đảng, mừng xuân, mừng Đất nước đổi mới) — LĐLĐ quận Bắc Từ Liêm 2020\n"
        "\n"
        "Tháng 5/2020\n"
        "  01/5   T6  Kỷ niệm 134 năm Ngày Quốc tế Lao động\n"
        "  01/5   T6  Bắt đầu đợt 2 (đợt thi đua cao điểm) — LĐLĐ quận Bắc Từ Liêm 2020\n"
        "  07/5   T5  Kỷ niệm 66 năm Ngày chiến thắng Điện Biên Phủ\n"
        "  19/5   T3  Kỷ niệm 130 năm Ngày sinh Chủ tịch Hồ Chí Minh  ● năm tròn\n")


def test_default_is_today_and_the_next_60_days_with_today_marked(capsys):
    code, out, _ = run(capsys, *SAMPLE, "calendar")
    assert code == 0
    assert out == (
        "Lịch thi đua từ 01/7/2020 đến 30/8/2020 (5 mục)\n"
        "\n"
        "Tháng 7/2020\n"
        "  01/7   T4  ── Hôm nay ──\n"
        "  27/7   T2  Kỷ niệm 73 năm Ngày Thương binh – Liệt sĩ\n"
        "  28/7   T3  Kỷ niệm 91 năm Ngày thành lập Công đoàn Việt Nam\n"
        "  31/7   T6  Kết thúc đợt 2 (đợt thi đua cao điểm) — LĐLĐ quận Bắc Từ Liêm 2020\n"
        "\n"
        "Tháng 8/2020\n"
        "  01/8   T7  Bắt đầu đợt 3 — LĐLĐ quận Bắc Từ Liêm 2020\n"
        "  19/8   T4  Kỷ niệm 75 năm Cách mạng Tháng Tám  ○ năm lẻ 5\n")


def test_today_marker_sits_between_past_and_coming_entries(capsys, monkeypatch):
    monkeypatch.setattr(calendar_cli, "today", lambda: date(2020, 7, 28))
    code, out, _ = run(capsys, *SAMPLE, "calendar", "--from", "2020-07-27", "--days", "4")
    assert code == 0
    assert out.splitlines()[3:] == [
        "  27/7   T2  Kỷ niệm 73 năm Ngày Thương binh – Liệt sĩ",
        "  28/7   T3  ── Hôm nay ──",
        "  28/7   T3  Kỷ niệm 91 năm Ngày thành lập Công đoàn Việt Nam",
        "  31/7   T6  Kết thúc đợt 2 (đợt thi đua cao điểm) — LĐLĐ quận Bắc Từ Liêm 2020"]


def test_today_after_the_last_entry_gets_its_own_month(capsys, monkeypatch):
    monkeypatch.setattr(calendar_cli, "today", lambda: date(2020, 9, 5))
    code, out, _ = run(capsys, *SAMPLE, "calendar", "--from", "2020-08-30", "--days", "10")
    assert code == 0
    assert out.splitlines()[2:] == [
        "Tháng 9/2020",
        "  02/9   T4  Kỷ niệm 75 năm Quốc khánh nước Cộng hòa xã hội chủ nghĩa Việt Nam  ○ năm lẻ 5",
        "  05/9   T7  ── Hôm nay ──"]


def test_english_table(capsys):
    code, out, _ = run(capsys, *SAMPLE, "--lang", "en", "calendar", "--from", "2020-01-20",
                       "--days", "14")
    assert code == 0
    assert out == (
        "Calendar from 2020-01-20 to 2020-02-03 (2 entries)\n"
        "\n"
        "January 2020\n"
        "  25 Jan Sat Tết Nguyên đán (lunar 1/1)\n"
        "\n"
        "February 2020\n"
        "  03 Feb Mon 90th anniversary: Ngày thành lập Đảng Cộng sản Việt Nam  ● round year\n")


def test_planning_view_2027(capsys):
    code, out, _ = run(capsys, *SAMPLE, "calendar", "--year", "2027", "--round")
    assert code == 0
    assert out == (
        "Lịch thi đua năm 2027, chỉ năm tròn (2 mục)\n"
        "\n"
        "Tháng 7/2027\n"
        "  27/7   T3  Kỷ niệm 80 năm Ngày Thương binh – Liệt sĩ  ● năm tròn\n"
        "\n"
        "Tháng 11/2027\n"
        "  20/11  T7  Kỷ niệm 45 năm Ngày Nhà giáo Việt Nam  ○ năm lẻ 5\n")


def test_year_2020_lists_the_seed_anniversaries_and_phases(capsys):
    code, out, _ = run(capsys, *SAMPLE, "calendar", "--year", "2020")
    assert code == 0
    lines = out.splitlines()
    assert lines[0] == "Lịch thi đua năm 2020 (33 mục)"
    for line in [
        "  03/02  T2  Kỷ niệm 90 năm Ngày thành lập Đảng Cộng sản Việt Nam  ● năm tròn",
        "  01/4   T4  Kỷ niệm 6 năm Ngày thành lập quận Bắc Từ Liêm",
        "  30/4   T5  Kỷ niệm 45 năm Ngày giải phóng miền Nam, thống nhất đất nước  ○ năm lẻ 5",
        "  01/5   T6  Kỷ niệm 134 năm Ngày Quốc tế Lao động",
        "  07/5   T5  Kỷ niệm 66 năm Ngày chiến thắng Điện Biên Phủ",
        "  19/5   T3  Kỷ niệm 130 năm Ngày sinh Chủ tịch Hồ Chí Minh  ● năm tròn",
        "  28/7   T3  Kỷ niệm 91 năm Ngày thành lập Công đoàn Việt Nam",
        "  19/8   T4  Kỷ niệm 75 năm Cách mạng Tháng Tám  ○ năm lẻ 5",
        "  25/01  T7  Tết Nguyên đán (1/1 âm lịch)",
        "  02/4   T5  Giỗ Tổ Hùng Vương (10/3 âm lịch)",
        "  01/01  T4  Bắt đầu đợt 1 (Mừng Đảng, mừng xuân, mừng Đất nước đổi mới) — LĐLĐ quận Bắc Từ Liêm 2020",
        "  03/01  T6  Phát động phong trào thi đua — LĐLĐ quận Bắc Từ Liêm 2020",
        "  30/4   T5  Kết thúc đợt 1 (Mừng Đảng, mừng xuân, mừng Đất nước đổi mới) — LĐLĐ quận Bắc Từ Liêm 2020",
        "  01/5   T6  Bắt đầu đợt 2 (đợt thi đua cao điểm) — LĐLĐ quận Bắc Từ Liêm 2020",
        "  31/7   T6  Kết thúc đợt 2 (đợt thi đua cao điểm) — LĐLĐ quận Bắc Từ Liêm 2020",
        "  01/8   T7  Bắt đầu đợt 3 — LĐLĐ quận Bắc Từ Liêm 2020",
        "  31/12  T5  Kết thúc đợt 3 — LĐLĐ quận Bắc Từ Liêm 2020",
        "  12/02  T4  Ký kết giao ước thi đua — Cụm thi đua số 3 2020",
    ]:
        assert line in lines, line
    # Today (01/7/2020) is marked inside July, before the month's entries.
    assert lines[lines.index("Tháng 7/2020") + 1] == "  01/7   T4  ── Hôm nay ──"


def test_unit_narrows_the_table(capsys):
    code, out, _ = run(capsys, *SAMPLE, "calendar", "--year", "2020", "--unit", "ldld-ba-dinh")
    assert code == 0
    assert out.splitlines()[0] == "Lịch thi đua năm 2020 — LĐLĐ quận Ba Đình (22 mục)"
    assert "Bắc Từ Liêm" not in out and "Cụm thi đua số 3" not in out


def test_empty_range(capsys):
    code, out, _ = run(capsys, *SAMPLE, "calendar", "--from", "2020-01-02", "--days", "0")
    assert code == 0
    assert out == "Lịch thi đua từ 02/01/2020 đến 02/01/2020 (0 mục)\nKhông có mục nào trong khoảng này.\n"


def test_rich_table_on_a_terminal():
    from rich.console import Console

    buffer = io.StringIO()
    settings = Settings(lang="vi", registry=SAMPLE_REGISTRY,
                        _out=Console(file=buffer, force_terminal=True, width=120, no_color=True))
    assert calendar_cli.run(settings, "2020-06-25", "2020-07-31", None, None, None, False,
                            "table", None, False) == 0
    text = buffer.getvalue()
    assert "Lịch thi đua từ 25/6/2020 đến 31/7/2020 (4 mục)" in text
    for cell in ("Ngày", "Thứ", "Sự kiện", "Năm tròn", "Tháng 6/2020", "Tháng 7/2020",
                 "── Hôm nay ──", "Kỷ niệm 91 năm Ngày thành lập Công đoàn Việt Nam",
                 "Kết thúc đợt 2 (đợt thi đua cao điểm) — LĐLĐ quận Bắc Từ Liêm 2020"):
        assert cell in text, cell
    lines = text.splitlines()
    today_line = next(i for i, line in enumerate(lines) if "Hôm nay" in line)
    assert "Gia đình Việt Nam" in "".join(lines[:today_line])
    assert "Thương binh" in "".join(lines[today_line:])


# --------------------------------------------------------------------------- JSON

def test_json_exact(capsys):
    code, out, err = run(capsys, *SAMPLE, "calendar", "--from", "2020-04-30", "--until",
                         "2020-05-01", "--format", "json")
    assert (code, err) == (0, "")
    assert json.loads(out) == {"version": 1, "entries": [
        {"date": "2020-04-30", "kind": "anniversary",
         "title": "Kỷ niệm 45 năm Ngày giải phóng miền Nam, thống nhất đất nước",
         "ordinal": 45, "round": "minor", "source": "giai-phong-mien-nam"},
        {"date": "2020-04-30", "kind": "phase-end", "title": "Kết thúc đợt 1 (Mừng Đảng, mừng xuân, mừng Đất nước đổi mới) — LĐLĐ quận Bắc Từ Liêm 2020",
         "ordinal": None, "round": None, "source": "bac-tu-liem-2020"},
        {"date": "2020-05-01", "kind": "anniversary", "title": "Kỷ niệm 134 năm Ngày Quốc tế Lao động",
         "ordinal": 134, "round": None, "source": "quoc-te-lao-dong"},
        {"date": "2020-05-01", "kind": "phase-start", "title": "Bắt đầu đợt 2 (đợt thi đua cao điểm) — LĐLĐ quận Bắc Từ Liêm 2020",
         "ordinal": None, "round": None, "source": "bac-tu-liem-2020"},
    ]}
    # Titles stay Vietnamese in JSON whatever the language of messages.
    _, out_en, _ = run(capsys, *SAMPLE, "--lang", "en", "calendar", "--from", "2020-04-30",
                       "--until", "2020-05-01", "--format", "json")
    assert out_en == out


def test_json_lunar_and_launch(capsys):
    code, out, _ = run(capsys, *SAMPLE, "calendar", "--from", "2020-01-03", "--until", "2020-01-25",
                       "-f", "json")
    assert code == 0
    assert json.loads(out)["entries"] == [
        {"date": "2020-01-03", "kind": "launch",
         "title": "Phát động phong trào thi đua — LĐLĐ quận Bắc Từ Liêm 2020",
         "ordinal": None, "round": None, "source": "bac-tu-liem-2020"},
        {"date": "2020-01-25", "kind": "anniversary", "title": "Tết Nguyên đán (1/1 âm lịch)",
         "ordinal": None, "round": None, "source": "tet-nguyen-dan"}]


# --------------------------------------------------------------------------- ICS

def test_ics_parses_back_and_reexports_the_same_uids(capsys, tmp_path):
    from icalendar import Calendar

    code, out, _ = run(capsys, *SAMPLE, "calendar", "--year", "2020", "--format", "ics")
    assert code == 0
    cal = Calendar.from_ical(out)
    assert str(cal["VERSION"]) == "2.0"
    assert str(cal["PRODID"]) == "-//thidua//thidua calendar//VI"
    assert str(cal["X-WR-CALNAME"]) == "Lịch thi đua năm 2020"
    events = cal.walk("VEVENT")
    # 33 entries; each of the four phases that start in 2020 is one event over its days.
    assert len(events) == 29
    by_summary = {str(e["SUMMARY"]): e for e in events}
    dang = by_summary["Kỷ niệm 90 năm Ngày thành lập Đảng Cộng sản Việt Nam"]
    assert dang.decoded("DTSTART") == date(2020, 2, 3)  # a date: an all-day event
    assert dang.decoded("DTEND") == date(2020, 2, 4)
    assert dang["DTSTART"].params["VALUE"] == "DATE"
    assert str(dang["DESCRIPTION"]) == "Năm tròn (90 năm). Nguồn: thanh-lap-dang"
    assert dang.decoded("DTSTAMP").isoformat() == "2020-01-01T00:00:00+00:00"
    phase = by_summary["Đợt 2 (đợt thi đua cao điểm) — LĐLĐ quận Bắc Từ Liêm 2020"]
    assert (phase.decoded("DTSTART"), phase.decoded("DTEND")) == (date(2020, 5, 1), date(2020, 8, 1))
    assert str(phase["DESCRIPTION"]) == (
        "Đợt 2 (đợt thi đua cao điểm). Từ 01/5/2020 đến 31/7/2020 (92 ngày).\n"
        "Phong trào: Phát động phong trào thi đua trong CNVCLĐ quận Bắc Từ Liêm năm 2020 "
        "(LĐLĐ quận Bắc Từ Liêm; mã bac-tu-liem-2020).\nNguồn: tests/fixtures/sample/data/campaigns/bac-tu-liem-2020.yaml")
    assert "VALARM" not in out
    uids = [str(e["UID"]) for e in events]
    assert len(set(uids)) == 29 and all(u.endswith("@thidua") for u in uids)
    # Content lines end in CRLF (RFC 5545 §3.1).
    assert out.startswith("BEGIN:VCALENDAR\r\nVERSION:2.0\r\n") and out.endswith("END:VCALENDAR\r\n")

    # Exported again (another day, through a file): the same events get the same UIDs.
    target = tmp_path / "lich.ics"
    code, _, err = run(capsys, *SAMPLE, "calendar", "--year", "2020", "-f", "ics", "-o", str(target))
    assert code == 0 and err == f"Đã ghi {target} (33 mục)\n"
    again = Calendar.from_ical(target.read_bytes())
    assert [str(e["UID"]) for e in again.walk("VEVENT")] == uids
    assert again.to_ical() == cal.to_ical()


def test_ics_uid_of_an_event_is_the_same_in_a_narrower_export(capsys):
    from icalendar import Calendar

    _, whole, _ = run(capsys, *SAMPLE, "calendar", "--year", "2020", "-f", "ics")
    _, part, _ = run(capsys, *SAMPLE, "calendar", "--from", "2020-07-28", "--days", "0", "-f", "ics")
    uid = {str(e["SUMMARY"]): str(e["UID"]) for e in Calendar.from_ical(whole).walk("VEVENT")}
    [event] = Calendar.from_ical(part).walk("VEVENT")
    assert str(event["UID"]) == uid["Kỷ niệm 91 năm Ngày thành lập Công đoàn Việt Nam"]


# --------------------------------------------------------------------------- -o

def test_output_refuses_to_overwrite_without_force(capsys, tmp_path):
    target = tmp_path / "lich.txt"
    target.write_text("giữ nguyên\n", encoding="utf-8")
    code, out, err = run(capsys, *SAMPLE, "calendar", "--year", "2020", "-o", str(target))
    assert (code, out) == (2, "")
    assert err == f"thidua: tệp đã có, không ghi đè: {target} (dùng --force để ghi đè)\n"
    assert target.read_text(encoding="utf-8") == "giữ nguyên\n"
    code, _, err = run(capsys, *SAMPLE, "calendar", "--year", "2020", "-o", str(target), "--force")
    assert (code, err) == (0, f"Đã ghi {target} (33 mục)\n")
    assert target.read_text(encoding="utf-8").startswith("Lịch thi đua năm 2020 (33 mục)\n\nTháng 1/2020\n")


def test_output_json_to_a_file_and_dash_to_stdout(capsys, tmp_path):
    target = tmp_path / "out" / "lich.json"
    code, out, _ = run(capsys, *SAMPLE, "calendar", "--year", "2020", "-f", "json", "-o", str(target))
    assert (code, out) == (0, "")
    _, stdout, _ = run(capsys, *SAMPLE, "calendar", "--year", "2020", "-f", "json", "-o", "-")
    assert target.read_text(encoding="utf-8") == stdout


def test_output_to_a_folder_is_refused(capsys, tmp_path):
    code, _, err = run(capsys, *SAMPLE, "--lang", "en", "calendar", "-o", str(tmp_path))
    assert (code, err) == (2, f"thidua: {tmp_path} is a folder; give -o a file name\n")


# --------------------------------------------------------------------------- bad input

@pytest.mark.parametrize("args, message", [
    (("--from", "31/02/2020"),
     "--from: ngày 31/02/2020 không có thật: tháng 2 năm 2020 chỉ có 29 ngày; hãy viết một ngày "
     "có thật, như 03/01/2020 hoặc 2020-01-03"),
    (("--until", "2021-02-29"),
     "--until: ngày 2021-02-29 không có thật: tháng 2 năm 2021 chỉ có 28 ngày; hãy viết một ngày "
     "có thật, như 03/01/2020 hoặc 2020-01-03"),
    (("--from", "mai"),
     '--from: "mai" không phải là ngày; hãy viết 2020-01-03 hoặc 03/01/2020 (ngày/tháng/năm)'),
    (("--from", "2020-05-01", "--until", "01/01/2020"),
     "--until 01/01/2020 trước --from 01/5/2020: ngày cuối phải từ ngày đầu trở đi"),
    (("--days", "-3"),
     "--days -3: số ngày không được âm; muốn xem trước đó thì dùng --from"),
    (("--year", "2020", "--from", "2020-01-01"),
     "--year đã chọn cả năm: không dùng cùng --from, --until hay --days"),
    (("--until", "2020-09-01", "--days", "3"), "chỉ dùng một trong hai: --until hoặc --days"),
    (("--year", "20201"), "--year 20201: năm phải có bốn chữ số (1000–9999)"),
    (("--unit", "ldld-ba-dinhh"),
     'không có đơn vị hay cụm "ldld-ba-dinhh" trong sổ đăng ký; có phải ý bạn là "ldld-ba-dinh"?'),
    (("--unit", "khong-co"), 'không có đơn vị hay cụm "khong-co" trong sổ đăng ký'),
    (("--from", "1000-01-01", "--until", "9999-12-31"),
     "khoảng thời gian dài quá 200 năm; hãy thu hẹp bằng --from/--until hoặc --year"),
    (("--days", "99999999999999"),
     "khoảng thời gian dài quá 200 năm; hãy thu hẹp bằng --from/--until hoặc --year"),
    (("--from", "9999-12-01", "--days", "365"),
     "--days 365 từ 01/12/9999: khoảng thời gian sẽ kết thúc sau ngày cuối cùng tính được "
     "(31/12/9999); hãy dùng --until"),
])
def test_bad_input_exact_message_exit_2(capsys, args, message):
    code, out, err = run(capsys, *SAMPLE, "calendar", *args)
    assert (code, out, err) == (2, "", f"thidua: {message}\n")


def test_bad_input_in_english(capsys):
    code, _, err = run(capsys, *SAMPLE, "--lang", "en", "calendar", "--from", "31/02/2020")
    assert (code, err) == (2, "thidua: --from: 31/02/2020 is not a real date: February 2020 has 29 "
                              "days; write a real date, such as 03/01/2020 or 2020-01-03\n")


def test_a_campaign_with_errors_is_left_out_and_said_in_one_line(make_registry, capsys):
    """cli.md (v2): the calendar lists what the files without errors hold."""
    root = make_registry({"campaigns/c.yaml": campaign(**{"cong-doan-viet-nam: 91": "cong-doan-viet-nam: 90"}),
                          "campaigns/d.yaml": campaign(**{"id: ba-dinh-2020": "id: ba-dinh-2020-b"})})
    code, out, err = run(capsys, "--registry", str(root), "calendar", "--year", "2020", "-f", "json")
    assert code == 0
    assert err == ("Bỏ qua 1 lỗi trong sổ đăng ký: các mục có lỗi không có trong lịch "
                   "(xem: thidua validate).\n")
    import json
    sources = {entry["source"] for entry in json.loads(out)["entries"]}
    assert "ba-dinh-2020-b" in sources and "ba-dinh-2020" not in sources


def test_an_anniversary_with_errors_is_left_out_the_others_listed(make_registry, capsys):
    from tests.conftest import BASE_ANNIVERSARIES
    broken = BASE_ANNIVERSARIES.replace("date: 1886-05-01", "date: 1886-13-01")
    root = make_registry({"anniversaries.yaml": broken})
    code, out, err = run(capsys, "--registry", str(root), "calendar", "--year", "2020", "-f", "json")
    assert code == 0
    assert err.startswith("Bỏ qua ")
    import json
    titles = [entry["title"] for entry in json.loads(out)["entries"] if entry["kind"] == "anniversary"]
    assert not any("Quốc tế Lao động" in t for t in titles)
    assert any("Công đoàn Việt Nam" in t for t in titles)


def test_missing_registry_exit_2(capsys, tmp_path):
    code, _, err = run(capsys, "--registry", str(tmp_path / "khong-co"), "calendar")
    assert code == 2 and err.startswith("thidua: không tìm thấy sổ đăng ký")


def test_centuries_are_bounded_and_lunar_range_is_said(capsys):
    code, out, err = run(capsys, *SAMPLE, "calendar", "--from", "2050-01-01", "--until", "2248-12-31",
                         "-f", "json")
    assert code == 0
    assert err == ("Lưu ý: âm lịch chỉ tính được cho các năm 1900–2100; ngày kỷ niệm âm lịch ngoài "
                   "khoảng đó không có trong lịch.\n")
    entries = json.loads(out)["entries"]
    tet = [e["date"] for e in entries if e["source"] == "tet-nguyen-dan"]
    assert tet[0] == "2050-01-23" and tet[-1].startswith("2100-")
    assert max(e["date"] for e in entries) == "2248-12-22"


def test_help_lists_the_options(capsys):
    code, out, _ = run(capsys, "calendar", "--help")
    assert code == 0
    for option in ("--from", "--until", "--days", "--year", "--unit", "--round", "--format",
                   "--output", "-o", "--force"):
        assert option in out, option


def test_days_counts_after_the_first_day(capsys):
    # --days N: the first day and the N days after it.
    _, out, _ = run(capsys, *SAMPLE, "calendar", "--from", "2020-07-28", "--days", "3")
    assert out.splitlines()[0] == "Lịch thi đua từ 28/7/2020 đến 31/7/2020 (2 mục)"


def test_ics_reminders_and_a_phase_that_started_before_the_range(capsys):
    from icalendar import Calendar

    code, out, _ = run(capsys, *SAMPLE, "calendar", "--from", "2020-07-01", "--until", "2020-07-31",
                       "-f", "ics", "--remind", "3")
    assert code == 0
    events = {str(e["SUMMARY"]): e for e in Calendar.from_ical(out).walk("VEVENT")}
    # The phase began in May: its end in July stays a deadline of its own.
    end = events["Kết thúc đợt 2 (đợt thi đua cao điểm) — LĐLĐ quận Bắc Từ Liêm 2020"]
    assert end.decoded("DTSTART") == date(2020, 7, 31)
    [alarm] = end.walk("VALARM")
    assert (str(alarm["ACTION"]), alarm.decoded("TRIGGER")) == ("DISPLAY", -timedelta(days=3))


def test_remind_needs_ics(capsys):
    assert run(capsys, *SAMPLE, "calendar", "--year", "2020", "--remind", "3") == (
        2, "", "thidua: --remind chỉ dùng với --format ics\n")


def test_two_campaigns_of_one_unit_in_a_year_name_their_campaign(make_registry, capsys):
    from tests.conftest import campaign

    other = campaign(**{"id: ba-dinh-2020": "id: ba-dinh-chuyen-de-2020", "kind: nam": "kind: chuyen-de",
                        "title: Phát động phong trào thi đua năm 2020": "title: Thi đua chuyển đổi số"})
    root = make_registry({"campaigns/c.yaml": campaign(), "campaigns/d.yaml": other})
    code, out, _ = run(capsys, "--registry", str(root), "calendar", "--from", "2020-07-01", "--days", "0")
    assert code == 0
    assert out.splitlines()[4:] == [
        "  01/7   T4  Bắt đầu đợt 2 — Liên đoàn Lao động quận Ba Đình 2020: Phát động phong trào "
        "thi đua năm 2020",
        "  01/7   T4  Bắt đầu đợt 2 — Liên đoàn Lao động quận Ba Đình 2020: Thi đua chuyển đổi số"]


def test_one_registry_index_per_run(capsys, monkeypatch):
    # Validation builds the index; --unit's family is looked up in that one.
    from thidua_cli.registry.index import RegistryIndex

    built = []
    real = RegistryIndex.of.__func__

    def counting(cls, registry):
        built.append(registry)
        return real(cls, registry)

    monkeypatch.setattr(RegistryIndex, "of", classmethod(counting))
    code, _, _ = run(capsys, *SAMPLE, "calendar", "--year", "2020", "--unit", "ldld-bac-tu-liem")
    assert (code, len(built)) == (0, 1)


def test_reporting_deadlines_in_the_table_json_and_ics(make_registry, capsys):
    from icalendar import Calendar

    text = campaign() + "reporting:\n  - {phase: 1, due: 2020-07-10}\n  - {due: 2020-12-15}\n"
    root = make_registry({"campaigns/c.yaml": text})
    args = ("--registry", str(root), "calendar", "--from", "2020-07-02", "--until", "2020-12-15")
    code, out, err = run(capsys, *args)
    assert (code, err) == (0, "")
    assert out == (
        "Lịch thi đua từ 02/7/2020 đến 15/12/2020 (3 mục)\n"
        "\n"
        "Tháng 7/2020\n"
        "  10/7   T6  Hạn báo cáo sơ kết đợt 1 — Liên đoàn Lao động quận Ba Đình 2020\n"
        "  28/7   T3  Kỷ niệm 91 năm Ngày thành lập Công đoàn Việt Nam\n"
        "\n"
        "Tháng 12/2020\n"
        "  15/12  T3  Hạn báo cáo tổng kết — Liên đoàn Lao động quận Ba Đình 2020\n")
    code, out, _ = run(capsys, *args, "--format", "json")
    assert json.loads(out)["entries"] == [
        {"date": "2020-07-10", "kind": "report-due",
         "title": "Hạn báo cáo sơ kết đợt 1 — Liên đoàn Lao động quận Ba Đình 2020",
         "ordinal": None, "round": None, "source": "ba-dinh-2020"},
        {"date": "2020-07-28", "kind": "anniversary", "title": "Kỷ niệm 91 năm Ngày thành lập Công đoàn Việt Nam",
         "ordinal": 91, "round": None, "source": "cong-doan-viet-nam"},
        {"date": "2020-12-15", "kind": "report-due",
         "title": "Hạn báo cáo tổng kết — Liên đoàn Lao động quận Ba Đình 2020",
         "ordinal": None, "round": None, "source": "ba-dinh-2020"}]
    code, out, _ = run(capsys, *args, "--format", "ics")
    events = Calendar.from_ical(out).walk("VEVENT")
    assert [(str(e["SUMMARY"]), e.decoded("DTSTART"), e.decoded("DTEND")) for e in events] == [
        ("Hạn báo cáo sơ kết đợt 1 — Liên đoàn Lao động quận Ba Đình 2020", date(2020, 7, 10), date(2020, 7, 11)),
        ("Kỷ niệm 91 năm Ngày thành lập Công đoàn Việt Nam", date(2020, 7, 28), date(2020, 7, 29)),
        ("Hạn báo cáo tổng kết — Liên đoàn Lao động quận Ba Đình 2020", date(2020, 12, 15), date(2020, 12, 16))]
