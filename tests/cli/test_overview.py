"""``thidua units`` and ``thidua campaigns [YEAR]`` through the real command."""

from __future__ import annotations

from tests.conftest import BASE_UNITS, campaign
from thidua_cli.cli.app import main


def test_units_as_a_tree_with_levels_and_dissolved_units(make_registry, capsys):
    units = BASE_UNITS.replace("    parent: ldld-ha-noi\n", "    parent: ldld-ha-noi\n    dissolved: 2025-07-01\n")
    root = make_registry({"units/units.yaml": units})
    assert main(["--registry", str(root), "units"]) == 0
    assert capsys.readouterr() == ((
        "Tổng Liên đoàn Lao động Việt Nam (tong-ldld) — Tổng Liên đoàn\n"
        "  Liên đoàn Lao động thành phố Hà Nội (ldld-ha-noi) — tỉnh, thành phố\n"
        "    Liên đoàn Lao động quận Ba Đình (ldld-ba-dinh) — cấp trên trực tiếp cơ sở · đã giải thể "
        "01/7/2025\n"
        "      Công đoàn trường A (cdcs-a) — cơ sở\n"), "")


def test_campaigns_of_a_year_in_short(make_registry, capsys):
    root = make_registry({"campaigns/c.yaml": campaign()})
    assert main(["--registry", str(root), "campaigns", "2020"]) == 0
    assert capsys.readouterr().out == (
        "ba-dinh-2020 — Phát động phong trào thi đua năm 2020\n"
        "  Liên đoàn Lao động quận Ba Đình · phong trào năm · 01/01/2020–31/12/2020\n"
        "  Đợt 1: 01/01–30/6/2020\n"
        "  Đợt 2: 01/7–31/12/2020\n"
        "  Chỉ tiêu (1):\n"
        '    trên 75% CBCCVCLĐ đạt danh hiệu "Lao động tiên tiến"\n'
        "  Văn bản: chưa có số, ngày\n"
        "  Tệp: data/campaigns/c.yaml\n")
    assert main(["--registry", str(root), "--lang", "en", "campaigns", "2021"]) == 0
    assert capsys.readouterr() == ("No campaign in 2021.\n", "")


def test_a_registry_with_errors_is_listed_as_far_as_it_reads(make_registry, capsys):
    root = make_registry({"campaigns/c.yaml": campaign(**{"year: 2020": 'year: "2020"'})})
    assert main(["--registry", str(root), "units"]) == 0
    out, err = capsys.readouterr()
    assert out.startswith("Tổng Liên đoàn Lao động Việt Nam (tong-ldld)")
    assert err == ("Sổ đăng ký có 1 lỗi (chạy `thidua validate` để xem); phần có lỗi có thể không "
                   "được liệt kê.\n")
