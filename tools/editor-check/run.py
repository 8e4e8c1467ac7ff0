"""Measure how far the real YAML language server agrees with ``thidua validate``.

Every document of tests/test_schema.py (the sample registry, every registry text written in
the tests, the deliberate cases) is given to the editor engine with the modeline of
docs/editor.md, and its verdict (no diagnostics = accepted) is compared with the validator's.
Needs Node.js and npm; not part of the test suite, whose CI has no npm registry.

    cd tools/editor-check && npm install && python run.py
"""

from __future__ import annotations

import collections
import json
import subprocess
import sys
import tempfile
from pathlib import Path

HERE = Path(__file__).resolve().parent
REPO = HERE.parent.parent
sys.path.insert(0, str(REPO))

from tests.test_schema import CASES, gathered, sample_files, verdicts  # noqa: E402
from thidua_cli.schema import FILE_NAMES, schemas  # noqa: E402


def main() -> int:
    work = Path(tempfile.mkdtemp(prefix="thidua-editor-"))
    (work / "schema").mkdir()
    for kind, schema in schemas().items():
        (work / "schema" / FILE_NAMES[kind]).write_text(json.dumps(schema, ensure_ascii=False),
                                                        encoding="utf-8")
    (work / "data" / "campaigns").mkdir(parents=True)
    documents = ([(where, kind, text) for where, kind, text in sample_files() + gathered()]
                 + [(f"test_schema.CASES[{i}]", kind, text) for i, (kind, text, _) in enumerate(CASES)])
    compared, items = [], []
    for where, kind, text in documents:
        verdict = verdicts(kind, text, Path(tempfile.mkdtemp(dir=work)))
        if verdict is None:
            continue  # a YAML or encoding problem: not a schema matter
        compared.append((where, verdict[1]))
        items.append({"kind": kind, "text": text, "schema": f"../../schema/{FILE_NAMES[kind]}"})
    folder = work / "data" / "campaigns"
    result = subprocess.run(["node", str(HERE / "validate.js"), str(folder)], input=json.dumps(items),
                            capture_output=True, text=True, cwd=HERE, check=True)
    tally: collections.Counter[str] = collections.Counter()
    for (where, validator_ok), diagnostics in zip(compared, json.loads(result.stdout), strict=True):
        editor_ok = not diagnostics
        tally["agree" if editor_ok == validator_ok else "differ"] += 1
        if editor_ok != validator_ok:
            print(f"differ: {where}: editor {'accepts' if editor_ok else 'refuses'}, "
                  f"thidua validate {'accepts' if validator_ok else 'refuses'}")
    print(f"{len(compared)} documents: {tally['agree']} agree, {tally['differ']} differ")
    subprocess.run(["node", str(HERE / "complete.js"), str(folder),
                    f"../../schema/{FILE_NAMES['campaign']}"], cwd=HERE, check=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
