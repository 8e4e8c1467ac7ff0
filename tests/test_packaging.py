"""pyproject lists its packages by hand (the templates live outside src/): keep the list whole."""

from __future__ import annotations

import tomllib

from tests.conftest import REPO


def test_every_package_under_src_is_listed_and_templates_ship() -> None:
    config = tomllib.loads((REPO / "pyproject.toml").read_text(encoding="utf-8"))["tool"]["setuptools"]
    listed = set(config["packages"])
    found = {".".join(p.parent.relative_to(REPO / "src").parts)
             for p in (REPO / "src").rglob("__init__.py")}
    assert found - listed == set(), "add these packages to [tool.setuptools] packages"
    assert "thidua_cli.templates" in listed
    assert config["package-dir"]["thidua_cli.templates"] == "templates"
    for kind in ("plan", "kickoff", "covenant"):
        assert (REPO / "templates" / f"{kind}.md.j2").is_file()


def _lower_bounds(requirements: list[str]) -> dict[str, str]:
    bounds = {}
    for requirement in requirements:
        name, _, rest = requirement.partition(">=")
        assert rest, f"{requirement}: every dependency declares a lower bound (>=)"
        bounds[name.strip().lower()] = rest.split(",")[0].strip()
    return bounds


def test_the_minimum_versions_ci_tests_are_the_lower_bounds_pyproject_declares() -> None:
    # CI installs with ci/minimum-versions.txt as constraints and runs the suite: so every
    # ">=" we promise is a tested version, and a bound raised in one place is raised in both.
    project = tomllib.loads((REPO / "pyproject.toml").read_text(encoding="utf-8"))["project"]
    declared = _lower_bounds(project["dependencies"] + project["optional-dependencies"]["test"])
    pinned = {}
    for line in (REPO / "ci" / "minimum-versions.txt").read_text(encoding="utf-8").splitlines():
        if line.strip() and not line.startswith("#"):
            name, _, version = line.partition("==")
            pinned[name.strip().lower()] = version.strip()
    assert pinned.keys() == declared.keys()
    for name, version in declared.items():
        # "6.0.1" pins ">=6.0.1"; ">=77" may be pinned by its first release, 77.0.1.
        assert pinned[name] == version or pinned[name].startswith(version + "."), name
