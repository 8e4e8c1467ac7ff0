"""``thidua schema`` through the real command: stdout, files, refusals."""

from __future__ import annotations

import json

from thidua_cli.cli.app import main
from thidua_cli.schema import dumps, schemas


def run(capsys, *args: str) -> tuple[int, str, str]:
    code = main(list(args))
    out, err = capsys.readouterr()
    return code, out, err


def test_stdout_is_one_object_of_every_kind(capsys):
    code, out, err = run(capsys, "schema")
    assert (code, err) == (0, "")
    assert out == dumps(schemas())
    assert list(json.loads(out)) == ["anniversaries", "units", "campaign", "result", "scoring"]
    assert "Phong trào thi đua" in out  # Vietnamese written as is, not \\u escapes


def test_writes_one_file_per_kind(tmp_path, capsys):
    out_dir = tmp_path / "schema"
    code, out, err = run(capsys, "schema", "-o", str(out_dir))
    assert (code, out) == (0, "")
    assert err == "".join(f"Đã ghi {out_dir}/{kind}.schema.json\n"
                          for kind in ("anniversaries", "units", "campaign", "result", "scoring"))
    assert sorted(p.name for p in out_dir.iterdir()) == [
        "anniversaries.schema.json", "campaign.schema.json", "result.schema.json", "scoring.schema.json",
            "units.schema.json"]
    assert json.loads((out_dir / "units.schema.json").read_text(encoding="utf-8")) == schemas()["units"]


def test_refuses_to_overwrite_and_touches_nothing(tmp_path, capsys):
    (tmp_path / "campaign.schema.json").write_text("{}", encoding="utf-8")
    code, out, err = run(capsys, "--lang", "en", "schema", "-o", str(tmp_path))
    assert (code, out) == (2, "")
    assert err == (f"thidua: not overwriting existing files: {tmp_path}/campaign.schema.json "
                   "(use --force to overwrite)\n")
    assert sorted(p.name for p in tmp_path.iterdir()) == ["campaign.schema.json"]
    assert (tmp_path / "campaign.schema.json").read_text(encoding="utf-8") == "{}"


def test_force_overwrites(tmp_path, capsys):
    (tmp_path / "campaign.schema.json").write_text("{}", encoding="utf-8")
    code, _, _ = run(capsys, "schema", "-o", str(tmp_path), "--force")
    assert code == 0
    assert json.loads((tmp_path / "campaign.schema.json").read_text(encoding="utf-8")) == \
        schemas()["campaign"]


def test_out_is_a_file(tmp_path, capsys):
    target = tmp_path / "x.json"
    target.write_text("", encoding="utf-8")
    assert run(capsys, "schema", "-o", str(target)) == (
        2, "", f"thidua: {target} không phải là thư mục\n")
