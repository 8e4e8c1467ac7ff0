"""Coverage-guided fuzzing of the registry loader and the validator (atheris / libFuzzer).

Each input is a file's bytes. It is written into a small, otherwise valid registry
(as a campaign, or as a units or anniversaries file when it mentions those keys) and
the whole pipeline runs in-process: read → decode → NFC → parse → models → rules →
positions → every output format. The only acceptable outcome is a list of problems,
each with a file, a 1-based line and column and a message in both languages;
any exception that escapes is a bug and libFuzzer stops on it with the input saved.

Run (see docs/fuzzing.md):
    pip install -e '.[fuzz]'
    python fuzz/fuzz_loader.py --make-seeds fuzz/seeds
    python fuzz/fuzz_loader.py fuzz/corpus fuzz/seeds -max_total_time=1200 -timeout=20 \
        -rss_limit_mb=2048
Replay one input without atheris:
    python fuzz/fuzz_loader.py --replay crash-<hash>
"""

from __future__ import annotations

import shutil
import sys
import tempfile
from collections.abc import Callable
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent

# The fuzzed file sits beside the test suite's own base registry (one copy of it).
sys.path.insert(0, str(REPO))
from tests.conftest import BASE_ANNIVERSARIES, BASE_UNITS  # noqa: E402


class Sandbox:
    """One registry folder reused by every input (creating folders per input is slow)."""

    def __init__(self) -> None:
        self.root = Path(tempfile.mkdtemp(prefix="thidua-fuzz-")) / "data"
        (self.root / "units").mkdir(parents=True)
        (self.root / "campaigns").mkdir()
        self.slots = {
            "anniversaries": self.root / "anniversaries.yaml",
            "units": self.root / "units" / "fuzz.yaml",
            "campaigns": self.root / "campaigns" / "fuzz.yaml",
        }

    def place(self, raw: bytes) -> str:
        (self.root / "units" / "base.yaml").write_text(BASE_UNITS, encoding="utf-8")
        for path in self.slots.values():
            path.unlink(missing_ok=True)
        if b"anniversaries" in raw:
            kind = "anniversaries"
        elif b"units" in raw or b"clusters" in raw:
            kind = "units"
        else:
            kind = "campaigns"
        if kind != "anniversaries":
            self.slots["anniversaries"].write_text(BASE_ANNIVERSARIES, encoding="utf-8")
        self.slots[kind].write_bytes(raw)
        return kind

    def remove(self) -> None:
        shutil.rmtree(self.root.parent, ignore_errors=True)


def check_one(sandbox: Sandbox, raw: bytes) -> None:
    sandbox.place(raw)
    check_registry(sandbox.root)


def check_registry(root: Path) -> None:
    """Validate ``root``; every problem located and worded, every output format written."""
    from thidua_cli import report
    from thidua_cli.validation import validate

    result = validate(root)
    files = set(result.registry.files)
    for problem in result.problems:
        assert problem.file in files, problem
        assert problem.line >= 1 and problem.column >= 1, problem
        assert problem.message.vi and problem.message.en, problem
        assert "{related}" not in problem.message.vi + problem.message.en, problem
    for lang in ("vi", "en"):
        report.text_lines(result.problems, len(files), lang)
        report.to_json(result.problems, len(files), lang)
        report.to_github(result.problems, len(files), lang)


def make_seeds(folder: Path) -> None:
    """Seed corpus: the sample registry, the test fixtures' files and a few odd shapes."""
    from tests import conftest

    folder.mkdir(parents=True, exist_ok=True)
    seeds: dict[str, bytes] = {}
    for path in sorted((REPO / "data").rglob("*.y*ml")):
        seeds[f"data-{path.stem}"] = path.read_bytes()
    for name in ("BASE_ANNIVERSARIES", "BASE_UNITS", "BASE_CAMPAIGN"):
        seeds[f"conftest-{name.lower()}"] = getattr(conftest, name).encode()
    seeds.update({
        "alias": b"a: &x 1\nb: *x\n",
        "flow": b"{id: x, phases: [{number: 1, start: 2020-01-01, end: 2020-02-30}]}\n",
        "quote-me": b"targets:\n  - id: a\n    text: b\n    value: >= 90%\n",
        "dup": b"id: a\nid: b\n",
        "bom": b"\xef\xbb\xbfid: x\n",
        "nfd": "title: Ba\u0306\u0301c\n".encode(),
        "cp1258": "title: Bắc".encode().decode("utf-8").replace("ắ", "ă\u0301")
                  .encode("cp1258"),
        "lunar": b'anniversaries:\n  - id: a\n    name: b\n    lunar: "30/12"\n',
        "target-range": 'targets:\n  - id: a\n    text: b\n    value: "từ 1.000 đến 2.000 người"\n'
                        .encode(),
    })
    for name, raw in seeds.items():
        (folder / name).write_bytes(raw)
    print(f"{len(seeds)} seeds in {folder}")


def replay(check: Callable[[Sandbox, bytes], None], paths: list[str]) -> None:
    """Run saved inputs (a crash file, a corpus) through ``check`` without atheris."""
    sandbox = Sandbox()
    try:
        for name in paths:
            check(sandbox, Path(name).read_bytes())
            print(f"{name}: ok")
    finally:
        sandbox.remove()


def fuzz(check: Callable[[Sandbox, bytes], None], argv: list[str],
         instrument: Callable[[], None]) -> None:
    """libFuzzer over ``check``; ``instrument`` imports the modules to measure coverage in."""
    import atheris

    with atheris.instrument_imports(include=["thidua_cli", "yaml"]):
        instrument()

    sandbox = Sandbox()
    atheris.Setup(argv, lambda raw: check(sandbox, raw))
    try:
        atheris.Fuzz()
    finally:
        sandbox.remove()


def main(check: Callable[[Sandbox, bytes], None], instrument: Callable[[], None]) -> None:
    """The command line every harness shares: ``--replay FILE…`` or libFuzzer's own options."""
    if sys.argv[1:2] == ["--replay"]:
        replay(check, sys.argv[2:])
    else:
        fuzz(check, sys.argv, instrument)


def _instrument_validation() -> None:
    import thidua_cli.report
    import thidua_cli.validation  # noqa: F401


if __name__ == "__main__":
    if sys.argv[1:2] == ["--make-seeds"]:
        make_seeds(Path(sys.argv[2]))
    else:
        main(check_one, _instrument_validation)
