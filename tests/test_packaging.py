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
