"""The per-file results cache: never a stale answer, harmless to lose, bypassable."""

from __future__ import annotations

from pathlib import Path

import pytest

from thidua_cli.cli.app import main
from thidua_cli.registry import cache
from thidua_cli.validation import validate
from tests.conftest import campaign


def found(root: Path, folder: Path, use_cache: bool = True) -> list[tuple[str, str, int, int]]:
    result = validate(root, cache=use_cache, cache_dir=folder)
    return [(p.rule, p.file, p.line, p.column) for p in result.problems]


@pytest.fixture
def folder(tmp_path: Path) -> Path:
    return tmp_path / "cache"


def test_a_changed_file_is_read_again(make_registry, folder):
    root = make_registry({"campaigns/c.yaml": campaign()})
    assert found(root, folder) == []
    assert cache.cache_file(root, folder).exists()
    (root / "campaigns" / "c.yaml").write_text(campaign(**{"cong-doan-viet-nam: 91": "cong-doan-viet-nam: 90"}),
                                              encoding="utf-8")
    assert found(root, folder) == [("anniversary-ordinal", "data/campaigns/c.yaml", 18, 27)]
    assert found(root, folder) == found(root, folder, use_cache=False)


def test_file_local_problems_come_back_from_the_cache_placed(make_registry, folder):
    root = make_registry({"campaigns/c.yaml": campaign(**{"year: 2020": 'year: "2020"'})})
    first = found(root, folder)
    assert first == [("schema", "data/campaigns/c.yaml", 3, 7)]
    assert found(root, folder) == first  # second run: from the cache, same place


def test_a_cross_file_problem_caused_by_another_file_is_not_hidden(make_registry, folder):
    root = make_registry({"campaigns/c.yaml": campaign()})
    assert found(root, folder) == []
    units = (root / "units" / "units.yaml").read_text(encoding="utf-8")
    (root / "units" / "units.yaml").write_text(units.replace("id: ldld-ba-dinh", "id: ldld-ba-dinh-cu"),
                                               encoding="utf-8")
    # c.yaml is unchanged (served from the cache) but its issuer and cdcs-a's parent are gone.
    assert found(root, folder) == [
        ("unknown-reference", "data/units/units.yaml", 17, 13),
        ("unknown-reference", "data/campaigns/c.yaml", 2, 9),
    ]


def test_deleted_cache_is_harmless(make_registry, folder):
    root = make_registry({"campaigns/c.yaml": campaign(**{"trên 75%": "trên 100%"})})
    expected = found(root, folder)
    cache.cache_file(root, folder).unlink()
    assert found(root, folder) == expected
    import shutil
    shutil.rmtree(folder)
    assert found(root, folder) == expected


@pytest.mark.parametrize("garbage", [b"", b"not a pickle", b"\x80\x05K\x01.", b"\x80\x05}\x94."])
def test_corrupt_cache_is_ignored_and_rebuilt(make_registry, folder, garbage):
    root = make_registry({"campaigns/c.yaml": campaign(**{"trên 75%": "trên 100%"})})
    expected = found(root, folder, use_cache=False)
    folder.mkdir()
    cache.cache_file(root, folder).write_bytes(garbage)
    assert found(root, folder) == expected
    assert found(root, folder) == expected


def test_corrupt_entry_is_recomputed_not_trusted(make_registry, folder):
    import pickle

    root = make_registry({"campaigns/c.yaml": campaign(**{"trên 75%": "trên 100%"})})
    expected = found(root, folder)
    path = cache.cache_file(root, folder)
    stored = pickle.loads(path.read_bytes())
    for key in stored["entries"]:
        stored["entries"][key] = b"\x80\x05N."  # unpickles to None, not a FileResult
    path.write_bytes(pickle.dumps(stored))
    assert found(root, folder) == expected


def test_cache_of_another_version_is_not_used(make_registry, folder, monkeypatch):
    root = make_registry({"campaigns/c.yaml": campaign()})
    found(root, folder)
    import pickle

    monkeypatch.setattr(cache, "code_version", lambda: "other")
    assert found(root, folder) == []
    assert pickle.loads(cache.cache_file(root, folder).read_bytes())["version"] == "other"


def test_no_cache_option_writes_no_cache(make_registry, tmp_path, monkeypatch, capsys):
    monkeypatch.setenv("THIDUA_CACHE_DIR", str(tmp_path / "env-cache"))
    root = make_registry({"campaigns/c.yaml": campaign()})
    assert main(["--registry", str(root), "validate", "--no-cache"]) == 0
    assert not (tmp_path / "env-cache").exists()
    assert main(["--registry", str(root), "validate"]) == 0
    assert cache.cache_file(root, tmp_path / "env-cache").exists()
    out, _ = capsys.readouterr()
    assert out == "Đã kiểm tra 3 tệp: 0 lỗi, 0 cảnh báo\n" * 2
