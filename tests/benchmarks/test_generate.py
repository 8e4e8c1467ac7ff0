"""The benchmark generator: a small registry of the benchmark's shape validates clean."""

from __future__ import annotations

from pathlib import Path

import pytest

from benchmarks.generate import MARKER, generate
from thidua_cli.validation import validate


def test_tiny_registry_validates_clean(tmp_path: Path) -> None:
    stats = generate(tmp_path / "reg", "tiny", seed=7)
    result = validate(tmp_path / "reg")
    assert [(p.rule, p.file, p.line, p.message.en) for p in result.problems] == []
    # 1 Tổng LĐLĐ + 1 LĐLĐ + 3 unions above the grassroots + 3 × 4 CĐCS, one campaign each but the top.
    assert (stats.units, stats.campaigns, stats.clusters) == (17, 16, 1)
    assert len(result.registry.units) == 17 and len(result.registry.campaigns) == 16
    assert len(result.registry.files) == stats.files == 1 + 1 + 1 + 3 + 16


def test_same_seed_same_bytes(tmp_path: Path) -> None:
    generate(tmp_path / "a", "tiny", seed=3)
    generate(tmp_path / "b", "tiny", seed=3)
    files_a = sorted(p.relative_to(tmp_path / "a") for p in (tmp_path / "a").rglob("*") if p.is_file())
    files_b = sorted(p.relative_to(tmp_path / "b") for p in (tmp_path / "b").rglob("*") if p.is_file())
    assert files_a == files_b
    assert all((tmp_path / "a" / f).read_bytes() == (tmp_path / "b" / f).read_bytes() for f in files_a)


def test_refuses_a_folder_it_did_not_make(tmp_path: Path) -> None:
    (tmp_path / "mine").mkdir()
    (tmp_path / "mine" / "notes.txt").write_text("keep me", encoding="utf-8")
    with pytest.raises(SystemExit, match="not empty"):
        generate(tmp_path / "mine", "tiny", force=True)
    assert (tmp_path / "mine" / "notes.txt").read_text(encoding="utf-8") == "keep me"


def test_force_replaces_a_generated_registry(tmp_path: Path) -> None:
    generate(tmp_path / "reg", "tiny", seed=1)
    (tmp_path / "reg" / "campaigns" / "stray.yaml").write_text("x: 1\n", encoding="utf-8")
    generate(tmp_path / "reg", "tiny", seed=1, force=True)
    assert (tmp_path / "reg" / MARKER).exists()
    assert not (tmp_path / "reg" / "campaigns" / "stray.yaml").exists()


def test_refuses_the_sample_registry() -> None:
    sample = Path(__file__).resolve().parents[2] / "data"  # never written: refused
    with pytest.raises(SystemExit, match="data/"):
        generate(sample / "generated", "tiny")
