"""``thidua fix`` through the real command: the diff first, files written only with --write."""

from __future__ import annotations

from tests.conftest import campaign
from thidua_cli.cli.app import main


def test_shows_then_writes(make_registry, capsys):
    root = make_registry({"campaigns/c.yaml": campaign(**{"year: 2020": 'year: "2020"'})})
    before = (root / "campaigns" / "c.yaml").read_bytes()
    assert main(["fix", str(root)]) == 0
    out, err = capsys.readouterr()
    assert out == ("--- a/data/campaigns/c.yaml\n+++ b/data/campaigns/c.yaml\n@@ -1,6 +1,6 @@\n"
                   " id: ba-dinh-2020\n issuer: ldld-ba-dinh\n-year: \"2020\"\n+year: 2020\n"
                   " kind: nam\n title: Phát động phong trào thi đua năm 2020\n start: 2020-01-01\n")
    assert err == ('data/campaigns/c.yaml:\n  year: "2020" → 2020 (bỏ ngoặc kép)\n'
                   "1 tệp có thể sửa; chạy lại với --write để ghi.\n")
    assert (root / "campaigns" / "c.yaml").read_bytes() == before
    assert main(["--lang", "en", "fix", str(root), "--write"]) == 0
    assert capsys.readouterr().err.endswith("Fixed 1 files.\n")
    assert (root / "campaigns" / "c.yaml").read_text(encoding="utf-8") == campaign()
    assert main(["fix", str(root)]) == 0
    assert capsys.readouterr() == ("", "Không có gì để sửa.\n")


def test_a_tcvn3_file_is_converted_after_its_diff(make_registry, capsys):
    # "Công đoàn phường Ba Đình" typed with the ABC keyboard in the .VnTime fonts (TCVN3).
    tcvn3 = (b"units:\n"
             b"  - id: cd-phuong-ba-dinh\n"
             b"    name: C\xabng \xaeo\xb5n ph\xad\xeang Ba \xa7\xd7nh   # t\xaan \xae\xdea ph\xad\xacng\n"
             b"    level: tren-co-so\n"
             b"    parent: ldld-ha-noi\n")
    root = make_registry({"units/cu.yaml": tcvn3})
    assert main(["fix", str(root)]) == 0
    out, err = capsys.readouterr()
    assert out == ("--- a/data/units/cu.yaml\n+++ b/data/units/cu.yaml\n@@ -1,5 +1,5 @@\n"
                   " units:\n   - id: cd-phuong-ba-dinh\n"
                   "-    name: C«ng ®oµn ph\xadêng Ba §×nh   # t\xaan ®Þa ph\xad¬ng\n"
                   "+    name: Công đoàn phường Ba Đình   # tên địa phương\n"
                   "     level: tren-co-so\n     parent: ldld-ha-noi\n")
    assert err == ("data/units/cu.yaml:\n"
                   "  bảng mã TCVN3 (ABC, phông .VnTime) → Unicode UTF-8; chữ hoa có dấu gõ bằng phông "
                   ".VnTimeH sẽ thành chữ thường, hãy xem lại phần thay đổi ở trên\n"
                   "1 tệp có thể sửa; chạy lại với --write để ghi.\n")
    assert (root / "units" / "cu.yaml").read_bytes() == tcvn3
    assert main(["fix", str(root), "--write"]) == 0
    capsys.readouterr()
    assert (root / "units" / "cu.yaml").read_text(encoding="utf-8") == (
        "units:\n  - id: cd-phuong-ba-dinh\n    name: Công đoàn phường Ba Đình   # tên địa phương\n"
        "    level: tren-co-so\n    parent: ldld-ha-noi\n")
    assert main(["validate", str(root)]) == 0
