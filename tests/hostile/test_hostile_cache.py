"""A hostile cache folder (issue 14, item 14): what is planted there runs nothing, hangs
nothing and answers for no file it was not made from; SIGTERM leaves no temporary store.

Each test runs ``thidua validate`` as a subprocess with the time and memory bounds of
the other hostile tests, its cache in a private folder of its own.
"""

from __future__ import annotations

import hashlib
import json
import os
import pickle
import subprocess
import sys
from pathlib import Path

from tests.conftest import MakeRegistry, campaign
from tests.hostile.test_hostile_input import HANG_BOUND_SECONDS, MEMORY_BOUND_BYTES
from thidua_cli.registry import cache, cache_store

CLEAN = campaign()
BROKEN = campaign(**{"cong-doan-viet-nam: 91": "cong-doan-viet-nam: 90"})


def run(root: Path, folder: Path, *args: str, program: tuple[str, ...] = ("-m", "thidua_cli")
        ) -> subprocess.CompletedProcess[str]:
    import resource

    def limit_memory() -> None:
        resource.setrlimit(resource.RLIMIT_AS, (MEMORY_BOUND_BYTES, MEMORY_BOUND_BYTES))

    env = {k: v for k, v in os.environ.items() if not k.startswith("THIDUA_")}
    env.update(THIDUA_CACHE_DIR=str(folder), LC_ALL="C.UTF-8", NO_COLOR="1", PYTHONIOENCODING="utf-8")
    result = subprocess.run([sys.executable, *program, "--lang", "en", "--registry", str(root),
                             "validate", *args],
                            capture_output=True, text=True, encoding="utf-8", errors="replace",
                            env=env, timeout=HANG_BOUND_SECONDS, preexec_fn=limit_memory)
    assert "Traceback" not in result.stdout + result.stderr
    return result


class Payload:
    """Unpickling this writes a marker file: what a planted pickle would do."""

    def __init__(self, marker: Path) -> None:
        self.marker = marker

    def __reduce__(self) -> tuple[object, tuple[str]]:
        return (os.system, (f"touch {self.marker}",))


def test_a_planted_pickle_runs_nothing(make_registry: MakeRegistry, tmp_path: Path) -> None:
    root = make_registry({"campaigns/c.yaml": CLEAN})
    folder = tmp_path / "cache"
    folder.mkdir(mode=0o700)
    marker = tmp_path / "pwned"
    payload = pickle.dumps(Payload(marker))
    store = cache.cache_file(root, folder)
    planted = [*cache_store.shard_paths(store), store.with_suffix(".pickle")]  # and the old name
    for path in planted:
        path.write_bytes(payload)
    result = run(root, folder)
    assert (result.returncode, result.stdout) == (0, "3 files checked: 0 errors, 0 warnings\n")
    assert not marker.exists()
    rebuilt = [p for p in cache_store.shard_paths(store) if not p.read_bytes().startswith(b"\x80")]
    assert all(json.loads(p.read_text(encoding="utf-8"))["entries"] for p in rebuilt)
    owners = ("anniversaries|data/anniversaries.yaml|", "units|data/units/units.yaml|",
              "campaigns|data/campaigns/c.yaml|")
    assert rebuilt == sorted({cache_store.shard_paths(store)[cache_store.shard_of(o)] for o in owners})


def test_a_fifo_at_the_store_path_does_not_hang(make_registry: MakeRegistry, tmp_path: Path) -> None:
    root = make_registry({"campaigns/c.yaml": CLEAN})
    folder = tmp_path / "cache"
    folder.mkdir(mode=0o700)
    for path in cache_store.shard_paths(cache.cache_file(root, folder)):
        os.mkfifo(path)  # opened without O_NONBLOCK, each would wait for a writer
    result = run(root, folder)
    assert (result.returncode, result.stdout) == (0, "3 files checked: 0 errors, 0 warnings\n")


def test_a_clean_entry_re_keyed_under_a_broken_files_hash_does_not_pass_it(
        make_registry: MakeRegistry, tmp_path: Path) -> None:
    root = make_registry({"campaigns/c.yaml": CLEAN})
    folder = tmp_path / "cache"
    assert run(root, folder).returncode == 0
    store = cache_store.shard_paths(cache.cache_file(root, folder))[
        cache_store.shard_of("campaigns|data/campaigns/c.yaml|")]
    stored = json.loads(store.read_text(encoding="utf-8"))
    key = next(k for k in stored["entries"] if k.startswith("campaigns|"))
    digest = hashlib.blake2b(BROKEN.encode(), digest_size=20).hexdigest()
    stored["entries"][f"campaigns|data/campaigns/c.yaml|{digest}"] = stored["entries"].pop(key)
    store.write_text(json.dumps(stored), encoding="utf-8")
    (root / "campaigns" / "c.yaml").write_text(BROKEN, encoding="utf-8")
    uncached, cached = run(root, folder, "--no-cache"), run(root, folder)
    assert (uncached.returncode, cached.returncode) == (1, 1)
    assert cached.stdout == uncached.stdout


#: The CLI, with SIGTERM sent to itself just before the new store is moved into place.
TERMINATED_WHILE_WRITING = (
    "import os, signal, sys\n"
    "from thidua_cli.registry import cache_store\n"
    "real_replace = os.replace\n"
    "def replace(src, dst):\n"
    "    signal.raise_signal(signal.SIGTERM)\n"
    "    real_replace(src, dst)\n"
    "cache_store.os.replace = replace\n"
    "from thidua_cli.cli.app import main\n"
    "sys.exit(main())\n")


def test_sigterm_while_the_store_is_written_leaves_no_temporary_file(
        make_registry: MakeRegistry, tmp_path: Path) -> None:
    root = make_registry({"campaigns/c.yaml": CLEAN})
    folder = tmp_path / "cache"
    result = run(root, folder, program=("-c", TERMINATED_WHILE_WRITING))
    assert result.returncode == 143  # SIGTERM is handled as Ctrl-C is: 128 + 15
    assert sorted(p.name for p in folder.iterdir()) == []
