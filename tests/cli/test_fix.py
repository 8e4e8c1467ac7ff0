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
