"""``thidua templates export DIR``: the built-in templates, byte for byte, never over a file."""

from __future__ import annotations

from tests.conftest import REPO
from thidua_cli.cli.app import main

NAMES = ["covenant.md.j2", "kickoff.md.j2", "minutes.md.j2", "plan.md.j2", "proposal.md.j2",
         "report.md.j2", "scores.md.j2", "words.j2"]


def test_exports_the_built_in_templates_never_over_a_file(tmp_path, capsys):
    folder = tmp_path / "mau"
    assert main(["templates", "export", str(folder)]) == 0
    assert capsys.readouterr().err == "".join(f"Đã ghi {folder}/{name}\n" for name in NAMES)
    for name in NAMES:
        assert (folder / name).read_bytes() == (REPO / "templates" / name).read_bytes()
    assert main(["templates", "export", str(folder)]) == 2
    assert capsys.readouterr().err == (
        f"thidua: 8 tệp đã có; thêm --force để ghi đè: {folder}/covenant.md.j2, "
        f"{folder}/kickoff.md.j2, {folder}/minutes.md.j2, {folder}/plan.md.j2, "
        f"{folder}/proposal.md.j2, …\n")
    assert main(["templates", "export", str(folder), "--force"]) == 0
    capsys.readouterr()
