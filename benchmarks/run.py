"""Time thidua on a generated registry, side by side with libyaml merely parsing the same files.

    python benchmarks/generate.py --scale province --out .bench/province
    python benchmarks/run.py .bench/province [--markdown docs/performance.md] [--scaling-only]

Every command runs as a subprocess of the installed ``thidua`` console script; its wall
time and peak memory (max RSS, from ``wait4``) are measured the same way as the
baseline's, in the same run, so that the ratios hold on a busy machine. The baseline
reads every registry file and keeps ``yaml.load(..., Loader=yaml.CSafeLoader)`` of each
(a validator must hold all files for its cross-file checks).

``thidua render plan 2024 --format docx`` writes every plan of the generated registry
(its campaigns are all of 2024) into a temporary folder, deleted afterwards; the note
gives the number of documents, the wall time per document, and the command's own figure
(rendering and writing only, from its closing line). It runs with the results cache
that the validate rows filled, as a cadre's render after a validate would.

Render scaling: ``benchmarks/render_scaling.py`` times the rendering work alone of
``render plan --format md`` (start-up, validation and writing left out) per document on
the registry given and on a registry of a few dozen plans generated for the run
(``generate.py --scale dozens``); the ratio of the two is printed beside its target
(≤ 1.5: a document must not cost more because the registry is big).
``--scaling-only`` prints that table alone.
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import re
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass
from pathlib import Path
from typing import IO

BASELINE = """
import sys, yaml
from pathlib import Path
root = Path(sys.argv[1])
files = [*root.glob("anniversaries.y*ml"), *sorted((root / "units").glob("*.y*ml")),
         *sorted((root / "campaigns").glob("*.y*ml"))]
documents = [yaml.load(path.read_bytes(), Loader=yaml.CSafeLoader) for path in files]
print(len(documents))
"""


@dataclass
class Row:
    what: str
    seconds: float
    peak_mb: float
    note: str = ""


YEAR = 2024  # benchmarks/generate.py's YEAR: every generated campaign is of it
HERE = Path(__file__).resolve().parent
#: render time per document at scale ÷ on a few dozen plans (issue 11)
SCALING_TARGET = 1.5


def measure(argv: list[str], env: dict[str, str] | None = None,
            stderr: IO[bytes] | None = None) -> tuple[float, float, int]:
    """Wall seconds, peak RSS in MB and exit code of one subprocess."""
    start = time.perf_counter()
    proc = subprocess.Popen(argv, stdout=subprocess.DEVNULL, stderr=stderr or subprocess.DEVNULL,
                            env={**os.environ, **(env or {})})
    _, status, usage = os.wait4(proc.pid, 0)
    elapsed = time.perf_counter() - start
    proc.returncode = os.waitstatus_to_exitcode(status)
    return elapsed, usage.ru_maxrss / 1024, proc.returncode


def median_of(argv: list[str], runs: int) -> tuple[float, float]:
    results = [measure(argv) for _ in range(runs)]
    return statistics.median(r[0] for r in results), max(r[1] for r in results)


def has_command(thidua: str, name: str) -> bool:
    return subprocess.run([thidua, name, "--help"], capture_output=True).returncode == 0


def run(registry: Path, runs: int) -> tuple[list[Row], list[Row]]:
    thidua = shutil.which("thidua") or sys.exit("run: the thidua console script is not installed")
    rows: list[Row] = []
    t, m, _ = measure([sys.executable, "-c", BASELINE, str(registry)])
    rows.append(Row("baseline: libyaml parse only (CSafeLoader)", t, m))
    with tempfile.TemporaryDirectory(prefix="thidua-bench-cache-") as cache:
        env = {"THIDUA_CACHE_DIR": cache}
        t, m, code = measure([thidua, "--registry", str(registry), "validate", "--no-cache"], env)
        rows.append(Row("thidua validate --no-cache", t, m, f"exit {code}"))
        t, m, code = measure([thidua, "--registry", str(registry), "validate"], env)
        rows.append(Row("thidua validate, cold (empty cache, fills it)", t, m, f"exit {code}"))
        victim = sorted((registry / "campaigns").glob("*.yaml"))[0]
        original = victim.read_bytes()
        try:
            victim.write_bytes(original + b"# benchmark: one changed file\n")
            t, m, code = measure([thidua, "--registry", str(registry), "validate"], env)
            rows.append(Row("thidua validate, warm (one file changed)", t, m, f"exit {code}"))
        finally:
            victim.write_bytes(original)
        if has_command(thidua, "render"):
            rows.append(render_row(thidua, registry, env))
    if has_command(thidua, "calendar"):
        t, m, code = measure([thidua, "--registry", str(registry), "calendar",
                              "--year", str(YEAR)])
        rows.append(Row(f"thidua calendar --year {YEAR}", t, m, f"exit {code}"))
    startup = []
    t, m = median_of([sys.executable, "-c", "import typer"], runs)
    startup.append(Row('baseline: python -c "import typer"', t, m, f"median of {runs}"))
    t, m = median_of([thidua, "--version"], runs)
    startup.append(Row("thidua --version", t, m, f"median of {runs}"))
    return rows, startup


def render_row(thidua: str, registry: Path, env: dict[str, str]) -> Row:
    with tempfile.TemporaryDirectory(prefix="thidua-bench-render-") as folder, \
            tempfile.TemporaryFile() as messages:
        out = Path(folder) / "out"
        t, m, code = measure([thidua, "--lang", "en", "--registry", str(registry), "render",
                              "plan", str(YEAR), "--format", "docx", "-o", str(out)],
                             env, stderr=messages)
        documents = sum(1 for _ in out.glob("*.docx")) if out.is_dir() else 0
        messages.seek(0)
        own = re.search(r"\(([\d,.]+) ms per document\)",
                        messages.read().decode("utf-8", "replace"))
    note = f"exit {code}; {documents:,} documents"
    if documents:
        note += f", {t * 1000 / documents:.1f} ms per document (wall)"
    if own:
        note += f", {own.group(1)} ms rendering and writing"
    return Row(f"thidua render plan {YEAR} --format docx", t, m, note)


def render_per_document(registry: Path, repeat: int, cache: str) -> tuple[int, float]:
    """(plans, ms per plan) of the rendering work alone, from render_scaling.py."""
    proc = subprocess.run([sys.executable, str(HERE / "render_scaling.py"), str(registry),
                           "--repeat", str(repeat)], capture_output=True, text=True, check=False,
                          env={**os.environ, "THIDUA_CACHE_DIR": cache})
    if proc.returncode != 0:
        sys.exit(f"run: render_scaling.py failed on {registry}:\n{proc.stderr}")
    found = json.loads(proc.stdout)
    return found["documents"], found["ms_per_document"]


def scaling(registry: Path) -> list[str]:
    """The table of render time per document: a few dozen plans, then ``registry``."""
    sys.path.insert(0, str(HERE.parent))
    from benchmarks.generate import generate

    with tempfile.TemporaryDirectory(prefix="thidua-bench-dozens-") as folder:
        small, cache = Path(folder) / "dozens", str(Path(folder) / "cache")
        generate(small, "dozens")
        # The small batch lasts a fraction of a second: the fastest of many, before and after.
        small_before = render_per_document(small, 20, cache)
        big = render_per_document(registry, 1, cache)
        small_after = render_per_document(small, 20, cache)
    small_docs, small_ms = small_before[0], min(small_before[1], small_after[1])
    ratio = big[1] / small_ms
    verdict = "met" if ratio <= SCALING_TARGET else "missed"
    return ["| registry | plans | ms per document (rendering only) | × few dozen |",
            "|---|---:|---:|---:|",
            f"| a few dozen plans (generate.py --scale dozens) | {small_docs:,} | {small_ms:.2f} | 1.00 |",
            f"| `{registry}` | {big[0]:,} | {big[1]:.2f} | {ratio:.2f} |",
            "",
            f"Render scaling ratio: {ratio:.2f} (target ≤ {SCALING_TARGET}: {verdict})"]


def table(rows: list[Row]) -> list[str]:
    base = rows[0]
    lines = ["| command | time (s) | × baseline | peak memory (MB) | × baseline | note |",
             "|---|---:|---:|---:|---:|---|"]
    for row in rows:
        lines.append(f"| {row.what} | {row.seconds:.2f} | {row.seconds / base.seconds:.2f} | "
                     f"{row.peak_mb:.0f} | {row.peak_mb / base.peak_mb:.2f} | {row.note} |")
    return lines


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("registry", type=Path)
    parser.add_argument("--runs", type=int, default=7, help="start-up runs to take the median of")
    parser.add_argument("--markdown", type=Path, help="also write the tables as Markdown here")
    parser.add_argument("--scaling-only", action="store_true",
                        help="only the render scaling table (no validate, calendar or DOCX rows)")
    args = parser.parse_args(argv)
    files = sum(1 for _ in args.registry.rglob("*.yaml"))
    size = sum(p.stat().st_size for p in args.registry.rglob("*.yaml")) / 1e6
    header = [f"Registry: `{args.registry}` ({files:,} files, {size:.1f} MB); "
              f"{platform.python_implementation()} {platform.python_version()}, {os.cpu_count()} CPUs, "
              f"{platform.machine()}; {time.strftime('%Y-%m-%d %H:%M UTC', time.gmtime())}", ""]
    if args.scaling_only:
        text = "\n".join(header + scaling(args.registry)) + "\n"
    else:
        rows, startup = run(args.registry, args.runs)
        text = "\n".join(header + table(rows) + [""] + table(startup) + [""]
                         + scaling(args.registry)) + "\n"
    print(text)
    if args.markdown:
        args.markdown.parent.mkdir(parents=True, exist_ok=True)
        args.markdown.write_text(text, encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
