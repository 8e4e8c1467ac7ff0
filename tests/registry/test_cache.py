"""The per-file results cache: never a stale answer, harmless to lose, bypassable."""

from __future__ import annotations

import json
import os
from pathlib import Path

import pytest

from tests.conftest import campaign
from thidua_cli.cli.app import main
from thidua_cli.registry import cache, cache_store
from thidua_cli.validation import validate


def found(root: Path, folder: Path, use_cache: bool = True) -> list[tuple[str, str, int, int]]:
    result = validate(root, cache=use_cache, cache_dir=folder)
    return [(p.rule, p.file, p.line, p.column) for p in result.problems]


@pytest.fixture
def folder(tmp_path: Path) -> Path:
    return tmp_path / "cache"


def shards(root: Path, folder: Path) -> list[Path]:
    """The store's files that exist."""
    return [p for p in cache_store.shard_paths(cache.cache_file(root, folder)) if p.exists()]


def shard_of_file(root: Path, folder: Path, name: str = "data/campaigns/c.yaml",
                  kind: str = "campaigns") -> Path:
    """The store's file that holds the entry of ``name``."""
    return cache_store.shard_paths(cache.cache_file(root, folder))[cache_store.shard_of(f"{kind}|{name}|")]


def entries(root: Path, folder: Path) -> dict:
    found: dict = {}
    for path in shards(root, folder):
        found.update(json.loads(path.read_text(encoding="utf-8"))["entries"])
    return found


def test_a_changed_file_is_read_again(make_registry, folder):
    root = make_registry({"campaigns/c.yaml": campaign()})
    assert found(root, folder) == []
    assert shards(root, folder) != []
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
    for path in shards(root, folder):
        path.unlink()
    assert found(root, folder) == expected
    import shutil
    shutil.rmtree(folder)
    assert found(root, folder) == expected


@pytest.mark.parametrize("garbage", [b"", b"not a pickle", b"\x80\x05K\x01.", b"\x80\x05}\x94."])
def test_corrupt_cache_is_ignored_and_rebuilt(make_registry, folder, garbage):
    root = make_registry({"campaigns/c.yaml": campaign(**{"trên 75%": "trên 100%"})})
    expected = found(root, folder, use_cache=False)
    folder.mkdir()
    for path in cache_store.shard_paths(cache.cache_file(root, folder)):
        path.write_bytes(garbage)
    assert found(root, folder) == expected
    assert found(root, folder) == expected


def test_corrupt_entry_is_recomputed_not_trusted(make_registry, folder):
    root = make_registry({"campaigns/c.yaml": campaign(**{"trên 75%": "trên 100%"})})
    expected = found(root, folder)
    for path in shards(root, folder):
        stored = json.loads(path.read_text(encoding="utf-8"))
        for entry in stored["entries"].values():
            entry["problems"] = None  # not a list of problems
        path.write_text(json.dumps(stored), encoding="utf-8")
    assert found(root, folder) == expected


def test_cache_of_another_version_is_not_used(make_registry, folder, monkeypatch):
    root = make_registry({"campaigns/c.yaml": campaign()})
    found(root, folder)

    monkeypatch.setattr(cache, "code_version", lambda: "other")
    assert found(root, folder) == []
    assert {json.loads(p.read_text(encoding="utf-8"))["version"] for p in shards(root, folder)} == {"other"}


def test_no_cache_option_writes_no_cache(make_registry, tmp_path, monkeypatch, capsys):
    monkeypatch.setenv("THIDUA_CACHE_DIR", str(tmp_path / "env-cache"))
    root = make_registry({"campaigns/c.yaml": campaign()})
    assert main(["--registry", str(root), "validate", "--no-cache"]) == 0
    assert not (tmp_path / "env-cache").exists()
    assert main(["--registry", str(root), "validate"]) == 0
    assert shards(root, tmp_path / "env-cache") != []
    out, _ = capsys.readouterr()
    assert out == "Đã kiểm tra 3 tệp: 0 lỗi, 0 cảnh báo\n" * 2


# --------------------------------------------------------------------------- data only, checked

def test_the_store_is_plain_json_with_the_hash_of_each_file(make_registry, folder):
    root = make_registry({"campaigns/c.yaml": campaign()})
    found(root, folder)
    stored = json.loads(shard_of_file(root, folder).read_text(encoding="utf-8"))
    import hashlib
    raw = (root / "campaigns" / "c.yaml").read_bytes()
    digest = hashlib.blake2b(raw, digest_size=20).hexdigest()
    entry = stored["entries"][f"campaigns|data/campaigns/c.yaml|{digest}"]
    assert (entry["kind"], entry["name"], entry["hash"]) == ("campaigns", "data/campaigns/c.yaml", digest)
    assert entry["campaigns"][0][0]["targets"][0]["value"] == {
        "kind": "more", "low": "75", "high": None, "percent": True}


def test_an_entry_moved_under_another_files_key_answers_for_nothing(make_registry, folder):
    clean = campaign()
    broken = campaign(**{"cong-doan-viet-nam: 91": "cong-doan-viet-nam: 90"})
    root = make_registry({"campaigns/c.yaml": clean})
    assert found(root, folder) == []
    path = shard_of_file(root, folder)
    stored = json.loads(path.read_text(encoding="utf-8"))
    import hashlib
    key = next(k for k in stored["entries"] if k.startswith("campaigns|"))
    broken_key = "campaigns|data/campaigns/c.yaml|" + hashlib.blake2b(
        broken.encode(), digest_size=20).hexdigest()
    stored["entries"][broken_key] = stored["entries"].pop(key)
    path.write_text(json.dumps(stored), encoding="utf-8")
    (root / "campaigns" / "c.yaml").write_text(broken, encoding="utf-8")
    assert found(root, folder) == [("anniversary-ordinal", "data/campaigns/c.yaml", 18, 27)]


def test_a_failure_of_the_machine_is_not_stored(make_registry, folder, monkeypatch):
    from thidua_cli.registry import yaml_source

    root = make_registry({"campaigns/c.yaml": campaign()})
    real_read = yaml_source.read

    def out_of_memory(raw, name):
        if name.endswith("c.yaml"):
            raise MemoryError
        return real_read(raw, name)

    monkeypatch.setattr(yaml_source, "read", out_of_memory)
    assert found(root, folder) == [("file-unreadable", "data/campaigns/c.yaml", 1, 1)]
    assert sorted(k.split("|")[1] for k in entries(root, folder)) == ["data/anniversaries.yaml", "data/units/units.yaml"]
    monkeypatch.setattr(yaml_source, "read", real_read)
    assert found(root, folder) == []  # with memory enough, the file is read: nothing replayed


def test_the_key_holds_the_libraries_versions(monkeypatch):
    import yaml

    before = cache.code_version()
    assert f"PyYAML {yaml.__version__} libyaml " in cache.library_versions()
    monkeypatch.setattr(yaml, "__version__", "6.0.3")
    assert cache.code_version() != before


def test_a_folder_others_can_write_is_neither_read_nor_written(make_registry, folder):
    root = make_registry({"campaigns/c.yaml": campaign(**{"trên 75%": "trên 100%"})})
    expected = found(root, folder, use_cache=False)
    folder.mkdir(mode=0o700)
    os.chmod(folder, 0o777)
    assert found(root, folder) == expected
    assert shards(root, folder) == []
    os.chmod(folder, 0o700)
    found(root, folder)
    shard = shard_of_file(root, folder)
    stored = shard.read_text(encoding="utf-8")
    os.chmod(folder, 0o770)  # a planted store in a group-writable folder is not read
    shard.write_text(stored.replace("trên 100%", "trên 75%"), encoding="utf-8")
    assert found(root, folder) == expected


def test_the_store_is_made_in_a_private_folder_as_a_private_file(make_registry, folder):
    root = make_registry({"campaigns/c.yaml": campaign()})
    found(root, folder)
    assert folder.stat().st_mode & 0o777 == 0o700
    assert {p.stat().st_mode & 0o777 for p in shards(root, folder)} == {0o600}
    assert sorted(folder.iterdir()) == sorted(shards(root, folder))  # no temporary file left


@pytest.mark.parametrize("plant", ["fifo", "symlink", "folder"])
def test_anything_but_a_regular_file_at_the_store_path_is_a_miss(make_registry, folder, tmp_path, plant):
    root = make_registry({"campaigns/c.yaml": campaign(**{"trên 75%": "trên 100%"})})
    expected = found(root, folder, use_cache=False)
    path = shard_of_file(root, folder)
    folder.mkdir(mode=0o700)
    if plant == "fifo":
        os.mkfifo(path)  # opening it for reading without O_NONBLOCK would wait for a writer
    elif plant == "symlink":
        found(root, tmp_path / "elsewhere")
        path.symlink_to(shard_of_file(root, tmp_path / "elsewhere"))
    else:
        path.mkdir()
    assert found(root, folder) == expected


def test_entries_round_trip_exactly_on_the_sample_registry(tmp_path):
    from tests.conftest import SAMPLE_REGISTRY
    from thidua_cli.registry import loader

    for kind, path in loader.find_files(SAMPLE_REGISTRY):
        name = loader.display_name(SAMPLE_REGISTRY, path)
        raw = path.read_bytes()
        result = loader.file_result(kind, name, raw)
        entry = json.loads(json.dumps(cache.encode(result, kind, name, "h")))
        assert cache.decode(entry, kind, name, "h") == result
        assert cache.decode(entry, kind, name, "other") is None


def test_one_changed_file_rewrites_one_shard(make_registry, folder):
    root = make_registry({f"campaigns/c{i}.yaml": campaign(**{"id: ba-dinh-2020": f"id: ba-dinh-2020-{i}"})
                          for i in range(20)})
    found(root, folder)
    before = {p: p.stat().st_mtime_ns for p in shards(root, folder)}
    target = root / "campaigns" / "c7.yaml"
    target.write_text(target.read_text(encoding="utf-8") + "# đổi\n", encoding="utf-8")
    found(root, folder)
    rewritten = [p for p in shards(root, folder) if p.stat().st_mtime_ns != before.get(p)]
    assert rewritten == [shard_of_file(root, folder, "data/campaigns/c7.yaml")]


def test_every_kind_of_model_a_file_yields_is_stored() -> None:
    # A kind added to the file-kinds table (results/, scoring/) must be stored whole by the
    # cache, or a warm run would answer without that file's models.
    from thidua_cli.registry import cache_store

    assert set(cache._KINDS) <= set(cache_store._MODELS)


def test_a_shard_larger_than_any_store_is_not_read(make_registry, folder, monkeypatch):
    root = make_registry({"campaigns/c.yaml": campaign(**{"trên 75%": "trên 100%"})})
    expected = found(root, folder)
    monkeypatch.setattr(cache_store, "MAX_SHARD_BYTES", 10)
    assert cache_store.read(cache.cache_file(root, folder), cache.code_version()) == {}
    assert found(root, folder) == expected


def test_results_and_scorings_round_trip_exactly(make_registry):
    # The year-end kinds go through the JSON store too: a warm run answers with the same models.
    from tests.scoring.fixtures import files
    from thidua_cli.registry import loader

    root = make_registry(files())
    checked = 0
    for kind, path in loader.find_files(root):
        if kind not in ("results", "scoring"):
            continue
        name = loader.display_name(root, path)
        raw = path.read_bytes()
        result = loader.file_result(kind, name, raw)
        digest = "d" * 40
        again = cache.decode(json.loads(json.dumps(cache.encode(result, kind, name, digest))),
                             kind, name, digest)
        assert again is not None
        for field in ("results", "scorings"):
            assert [e.model for e in getattr(again, field)] == [e.model for e in getattr(result, field)]
            checked += len(getattr(result, field))
    assert checked >= 2


def test_a_partially_loaded_file_gives_the_same_problems_warm_and_cold(make_registry, folder):
    # Stand-ins and cut marks go through the store: a warm run must stay as silent (and as
    # talkative) about the cut parts as a cold one.
    from tests.conftest import BASE_UNITS
    from thidua_cli.registry import loader

    root = make_registry({
        "campaigns/c.yaml": campaign(**{"title:": "titel:", "start: 2020-07-01": "start: 2020-07-41",
                                        "thanh-lap-dang: 90": "thanh-lap-dang: 91"}),
        "units/units.yaml": BASE_UNITS.replace("level: tren-co-so\n    parent: ldld-ha-noi",
                                               "level: cơ sở\n    parent: ldld-ha-nôi")})
    cold = found(root, folder, use_cache=False)
    assert cold == [("schema", "data/units/units.yaml", 12, 12),
                    ("schema", "data/units/units.yaml", 13, 13),
                    ("schema", "data/campaigns/c.yaml", 5, 1),
                    ("anniversary-ordinal", "data/campaigns/c.yaml", 13, 23),
                    ("schema", "data/campaigns/c.yaml", 15, 12)]
    assert found(root, folder) == cold  # filling the cache
    assert found(root, folder) == cold  # from it
    for kind, path in loader.find_files(root):
        name = loader.display_name(root, path)
        result = loader.file_result(kind, name, path.read_bytes())
        again = cache.decode(json.loads(json.dumps(cache.encode(result, kind, name, "h"))), kind, name, "h")
        assert again == result
    assert {e.model.id: e.cut for e in validate(root, cache=True, cache_dir=folder).registry.units} \
        == {"tong-ldld": set(), "ldld-ha-noi": set(), "ldld-ba-dinh": {("level",), ("parent",)},
            "cdcs-a": set()}
