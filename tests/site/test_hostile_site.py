"""``thidua site`` in a hostile environment: a full disk, a file in the way."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from tests.conftest import SAMPLE_REGISTRY
from tests.hostile.commands import files_under, thidua


@pytest.fixture
def registry(tmp_path: Path) -> Path:
    copy = tmp_path / "data"
    shutil.copytree(SAMPLE_REGISTRY, copy)
    return copy


def test_a_full_disk_leaves_nothing_and_says_so_in_one_line(tmp_path: Path, registry: Path) -> None:
    result = thidua(tmp_path, "--registry", str(registry), "site", "-o", "site", file_size=20_000)
    assert result.returncode == 2
    assert result.stderr == "thidua: cannot write the site to site: File too large\n"
    # No site, no temporary folder beside it: only the registry that was there.
    assert [p for p in files_under(tmp_path) if not p.startswith("data")] == []


def test_a_file_in_the_way_is_never_replaced(tmp_path: Path, registry: Path) -> None:
    (tmp_path / "site").write_text("a letter", encoding="utf-8")
    result = thidua(tmp_path, "--registry", str(registry), "site", "-o", "site", "--force")
    assert result.returncode == 2
    assert result.stderr == ("thidua: site exists and is not a site built by thidua (no .thidua-site file): "
                             "not replaced, even with --force; choose another folder or an empty one\n")
    assert (tmp_path / "site").read_text(encoding="utf-8") == "a letter"
