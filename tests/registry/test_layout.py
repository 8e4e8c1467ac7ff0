"""Where the registry is found and how its files are named: one rule for paths."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.conftest import campaign
from thidua_cli.cli.app import main
from thidua_cli.registry import layout
from thidua_cli.registry.layout import display_name, find_registry

BAD = campaign(**{"cong-doan-viet-nam: 91": "cong-doan-viet-nam: 90"})
LINE = ("{}:18:27: error anniversary-ordinal: 2020 marks 91 years of Ngày thành lập Công đoàn "
        "Việt Nam (1929-07-28 – 2020-07-28), not 90; write 91")


def test_found_from_the_folder_itself_its_data_or_a_folder_above(make_registry, tmp_path):
    root = make_registry({"campaigns/c.yaml": BAD})
    assert find_registry(root) == Path(".")
    assert find_registry(root.parent) == Path("data")
    assert find_registry(root / "campaigns") == Path("..")
    (tmp_path / "docs").mkdir()
    assert find_registry(tmp_path / "docs") == Path("../data")
    assert find_registry(Path("/")) is None


def test_names_start_at_the_repository_root_else_the_registry_parent(tmp_path, monkeypatch):
    monkeypatch.delenv("GITHUB_WORKSPACE", raising=False)
    registry = tmp_path / "repo" / "quan-ly" / "data"
    (registry / "campaigns").mkdir(parents=True)
    file = registry / "campaigns" / "c.yaml"
    assert display_name(registry, file) == "data/campaigns/c.yaml"
    (tmp_path / "repo" / ".git").mkdir()
    layout._repository_root.cache_clear()  # found once a run: a .git appearing mid-run is not
    assert display_name(registry, file) == "quan-ly/data/campaigns/c.yaml"
    monkeypatch.setenv("GITHUB_WORKSPACE", str(tmp_path))
    assert display_name(registry, file) == "repo/quan-ly/data/campaigns/c.yaml"


@pytest.mark.parametrize("where, args", [
    (".", []),                     # cd data && thidua validate
    ("campaigns", []),             # cd data/campaigns && thidua validate
    ("..", []),                    # the folder holding data/
    ("..", ["data"]),              # thidua validate data
    (".", ["."]),                  # thidua validate .
])
def test_validate_finds_the_registry_and_names_files_alike(make_registry, capsys, monkeypatch,
                                                           where, args):
    root = make_registry({"campaigns/c.yaml": BAD})
    monkeypatch.chdir(root / where)
    monkeypatch.delenv("THIDUA_REGISTRY", raising=False)
    assert main(["--lang", "en", "validate", *args]) == 1
    out = capsys.readouterr().out
    assert out == LINE.format("data/campaigns/c.yaml") + "\n\n3 files checked: 1 error, 0 warnings\n"


def test_init_never_writes_into_a_registry_found_above(make_registry, capsys, monkeypatch, tmp_path):
    make_registry({})
    (tmp_path / "docs").mkdir()
    monkeypatch.chdir(tmp_path / "docs")
    monkeypatch.delenv("THIDUA_REGISTRY", raising=False)
    assert main(["init", "--year", "2026"]) == 0
    assert (tmp_path / "docs" / "data" / "anniversaries.yaml").is_file()
    capsys.readouterr()
