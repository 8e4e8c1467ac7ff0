"""The skeleton of ``thidua init``: what it writes, that it validates, that it ships."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from tests.conftest import REPO, SAMPLE_REGISTRY
from thidua_cli.authoring import init
from thidua_cli.authoring.yaml_roundtrip import loads
from thidua_cli.validation import validate

WRITTEN = [
    "anniversaries.yaml",
    "units/don-vi.yaml",
    "campaigns/cd-phuong-ba-dinh-2026.yaml",
    "results/cd-phuong-ba-dinh-2026.yaml",
    "schema/anniversaries.schema.json",
    "schema/units.schema.json",
    "schema/campaign.schema.json",
    "schema/result.schema.json",
    "schema/scoring.schema.json",
    ".gitignore",
]


def _anniversaries(text: str) -> list[dict[str, str]]:
    return [{str(k): str(v) for k, v in item.items()} for item in loads(text).data["anniversaries"]]


def test_skeleton_anniversaries_are_the_sample_registrys() -> None:
    # The skeleton is a copy (the package cannot read data/ once installed): it must not drift.
    sample = (SAMPLE_REGISTRY / "anniversaries.yaml").read_text(encoding="utf-8")
    skeleton = init.skeleton_text("anniversaries.yaml")
    assert _anniversaries(skeleton) == _anniversaries(sample)
    assert len(_anniversaries(skeleton)) == 22
    assert skeleton == "# yaml-language-server: $schema=schema/anniversaries.schema.json\n" + sample


def test_writes_the_registry_in_order(tmp_path: Path) -> None:
    created = init.init_registry(tmp_path / "data", 2026)
    assert [p.relative_to(tmp_path / "data").as_posix() for p in created.paths] == WRITTEN
    files = sorted(p.relative_to(tmp_path / "data").as_posix()
                   for p in (tmp_path / "data").rglob("*") if p.is_file())
    assert files == sorted(WRITTEN)


@pytest.mark.parametrize("year", [2024, 2025, 2026, 2030, 2035, 2100])
def test_new_registry_validates_clean(tmp_path: Path, year: int) -> None:
    init.init_registry(tmp_path / "data", year)
    result = validate(tmp_path / "data")
    assert [(p.rule, p.file, p.line) for p in result.problems] == []
    assert [c.model.id for c in result.registry.campaigns] == [f"cd-phuong-ba-dinh-{year}"]
    assert len(result.registry.units) == 4


def test_example_campaign_ordinals_are_computed(tmp_path: Path) -> None:
    text = init.campaign_text(2026)
    assert "      thanh-lap-dang: 96\n" in text            # 2026 - 1930
    assert "      giai-phong-mien-nam: 51\n" in text       # 2026 - 1975
    assert "      cong-doan-viet-nam: 97\n" in text        # 2026 - 1929
    assert "      ngay-sinh-chu-tich-ho-chi-minh: null   # null: thidua tự tính số năm\n" in text
    assert "#   thidua new campaign --from cd-phuong-ba-dinh-2026 --year 2027\n" in text
    assert "@" not in text


def test_every_file_names_its_schema_relative_to_itself(tmp_path: Path) -> None:
    root = tmp_path / "data"
    init.init_registry(root, 2026)
    kinds = {"anniversaries.yaml": "anniversaries", "units/don-vi.yaml": "units",
             "campaigns/cd-phuong-ba-dinh-2026.yaml": "campaign",
             "results/cd-phuong-ba-dinh-2026.yaml": "result"}
    for name, kind in kinds.items():
        first = (root / name).read_text(encoding="utf-8").splitlines()[0]
        prefix, _, target = first.partition("$schema=")
        assert prefix == "# yaml-language-server: "
        # The YAML language server resolves a relative $schema from the file's folder.
        assert ((root / name).parent / target).resolve() == (root / "schema" / f"{kind}.schema.json")


def test_schema_files_are_what_thidua_schema_writes(tmp_path: Path) -> None:
    from thidua_cli.schema import dumps, schemas

    init.init_registry(tmp_path / "data", 2026)
    for kind, schema in schemas().items():
        written = (tmp_path / "data" / "schema" / f"{kind}.schema.json").read_text(encoding="utf-8")
        assert written == dumps(schema)
        assert json.loads(written)["$schema"] == "https://json-schema.org/draft/2020-12/schema"


def test_examples_validate_against_their_schema(tmp_path: Path) -> None:
    import jsonschema

    from thidua_cli.registry import yaml_source

    root = tmp_path / "data"
    init.init_registry(root, 2026)
    for name, kind in [("anniversaries.yaml", "anniversaries"), ("units/don-vi.yaml", "units"),
                       ("campaigns/cd-phuong-ba-dinh-2026.yaml", "campaign"),
                       ("results/cd-phuong-ba-dinh-2026.yaml", "result")]:
        schema = json.loads((root / "schema" / f"{kind}.schema.json").read_text(encoding="utf-8"))
        data = yaml_source.read((root / name).read_bytes(), name).data
        jsonschema.Draft202012Validator(schema).validate(data)


def test_refuses_a_folder_that_holds_files_and_writes_nothing(tmp_path: Path) -> None:
    root = tmp_path / "data"
    (root / "campaigns").mkdir(parents=True)
    (root / "notes.txt").write_text("mine", encoding="utf-8")
    with pytest.raises(init.NotEmpty) as caught:
        init.init_registry(root, 2026)
    assert caught.value.names == ["campaigns", "notes.txt"]
    assert sorted(p.name for p in root.rglob("*")) == ["campaigns", "notes.txt"]
    assert (root / "notes.txt").read_text(encoding="utf-8") == "mine"


def test_hidden_entries_do_not_count(tmp_path: Path) -> None:
    (tmp_path / ".git").mkdir()
    init.init_registry(tmp_path, 2026)
    assert (tmp_path / "anniversaries.yaml").is_file()
    assert validate(tmp_path).problems == []


def test_a_file_is_not_a_folder(tmp_path: Path) -> None:
    (tmp_path / "data").write_text("", encoding="utf-8")
    with pytest.raises(init.NotAFolder):
        init.init_registry(tmp_path / "data", 2026)


def test_an_installed_package_carries_the_skeleton(tmp_path: Path) -> None:
    # What a wheel holds is what build_py copies; build it from a copy of the project (never
    # in the tree) and run `thidua init` from the built package, not the editable source.
    project = tmp_path / "project"
    project.mkdir()
    for name in ("pyproject.toml", "README.md"):
        shutil.copy(REPO / name, project / name)
    for name in ("src", "templates"):
        shutil.copytree(REPO / name, project / name,
                        ignore=shutil.ignore_patterns("__pycache__", "*.egg-info"))
    built = tmp_path / "built"
    subprocess.run([sys.executable, "-c", "from setuptools import setup; setup()", "-q",
                    "build_py", "--build-lib", str(built)],
                   cwd=project, check=True, capture_output=True)
    env = {**os.environ, "PYTHONPATH": str(built)}
    where = subprocess.run([sys.executable, "-c", "import thidua_cli; print(thidua_cli.__file__)"],
                           cwd=tmp_path, env=env, check=True, capture_output=True, text=True)
    assert where.stdout.startswith(str(built))
    done = subprocess.run([sys.executable, "-m", "thidua_cli", "init", "fresh", "--year", "2026"],
                          cwd=tmp_path, env=env, capture_output=True, text=True)
    assert done.returncode == 0, done.stderr
    assert sorted(p.relative_to(tmp_path / "fresh").as_posix()
                  for p in (tmp_path / "fresh").rglob("*") if p.is_file()) == sorted(WRITTEN)
