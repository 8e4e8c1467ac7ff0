"""The pre-commit hook other repositories use (.pre-commit-hooks.yaml) and the workflow
documented in docs/ci.md: they parse, and they run the command they say."""

from __future__ import annotations

import re
import shlex
import tomllib
from pathlib import Path

import yaml

from tests.conftest import SAMPLE_REGISTRY, campaign
from thidua_cli.cli.app import main

REPO = Path(__file__).resolve().parent.parent


def hooks() -> list[dict]:
    return yaml.safe_load((REPO / ".pre-commit-hooks.yaml").read_text(encoding="utf-8"))


def test_the_hook_is_declared_as_pre_commit_expects():
    assert hooks() == [{
        "id": "thidua-validate",
        "name": "thidua validate",
        "description": "Kiểm tra sổ đăng ký phong trào thi đua (check the emulation campaign registry)",
        "entry": "thidua validate",
        "language": "python",
        "pass_filenames": False,
        "files": r"\.ya?ml$",
    }]


def test_its_entry_is_the_console_script():
    scripts = tomllib.loads((REPO / "pyproject.toml").read_text(encoding="utf-8"))["project"]["scripts"]
    program, *args = shlex.split(hooks()[0]["entry"])
    assert scripts[program] == "thidua_cli.cli.app:run"
    assert args == ["validate"]


def test_it_runs_on_registry_files_only():
    files = re.compile(hooks()[0]["files"])
    assert [name for name in ("data/anniversaries.yaml", "data/units/ha-noi.yml",
                              "data/campaigns/ba-dinh-2021.yaml", "README.md", "data/x.yaml.bak",
                              "pyproject.toml") if files.search(name)] == [
        "data/anniversaries.yaml", "data/units/ha-noi.yml", "data/campaigns/ba-dinh-2021.yaml"]


def test_the_entry_fails_a_commit_with_errors(make_registry, capsys, monkeypatch):
    # pre-commit runs the entry with the hook's args appended and no file names.
    monkeypatch.delenv("GITHUB_ACTIONS", raising=False)
    _, *args = shlex.split(hooks()[0]["entry"])
    good = make_registry({"campaigns/c.yaml": campaign()})
    assert main([*args, "--registry", str(good)]) == 0
    bad = make_registry({"campaigns/c.yaml": campaign(**{"year: 2020": 'year: "2020"'})})
    assert main([*args, "--registry", str(bad)]) == 1
    assert "error schema" in capsys.readouterr().out


def workflow() -> dict:
    """The GitHub Actions workflow given in docs/ci.md (its first ```yaml block)."""
    text = (REPO / "docs" / "ci.md").read_text(encoding="utf-8")
    block = text.split("```yaml\n", 1)[1].split("```", 1)[0]
    return yaml.safe_load(block)


def test_the_documented_workflow():
    document = workflow()
    assert document["permissions"] == {"contents": "read", "security-events": "write"}
    steps = document["jobs"]["thidua"]["steps"]
    uses = [step.get("uses") for step in steps if "uses" in step]
    assert uses == ["actions/checkout@v4", "actions/setup-python@v5",
                    "github/codeql-action/upload-sarif@v3"]
    setup = next(step for step in steps if step.get("uses") == "actions/setup-python@v5")
    assert setup["with"] == {"python-version": "3.11"}
    runs = [step["run"] for step in steps if "run" in step]
    assert runs[0].startswith("pip install")
    assert any("thidua validate --format sarif > thidua.sarif" in run for run in runs)
    assert runs[-1] == "thidua validate --format github\n"
    upload = next(step for step in steps if "upload-sarif" in step.get("uses", ""))
    assert upload["with"]["sarif_file"] == "thidua.sarif"
    assert upload["if"] == "always()"


def test_every_option_the_docs_use_exists(capsys):
    # --format github and --format sarif: a typo in the docs would fail every CI run.
    for fmt in ("github", "sarif"):
        assert main(["validate", "--registry", str(SAMPLE_REGISTRY), "--format", fmt]) == 0
    capsys.readouterr()
