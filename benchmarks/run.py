"""Time thidua on a generated registry, side by side with libyaml merely parsing the same files.

    python benchmarks/generate.py --scale province --out .bench/province
    python benchmarks/run.py .bench/province [--markdown docs/performance.md] [--scaling-only]

Every command runs as a subprocess of the installed ``thidua`` console script; its wall
time and peak memory (max RSS, from ``wait4``) are measured the same way as the
baseline's, in the same run, so that the ratios hold on a busy machine. The baseline
reads every registry file and keeps ``yaml.load(..., Loader=yaml.CSafeLoader)`` of each
(a validator must hold all files for its cross-file checks).

A registry with ``scoring/`` (``generate.py --scale scoring``: a superior scoring 6,000 CĐCS on
a 20-item table) adds ``thidua scores 2024``, once with the cache the validate rows filled and
once cold; the baseline then parses the scoring files too.
``thidua results 2024 --format json`` judges and rolls up every target of every campaign
(6,000 CĐCS result files on the province registry) through the cache the validate rows
filled; its note compares it with the cold validate.

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

``thidua site`` builds the whole site of the registry into a temporary folder (with the cache
the validate rows filled, as a cadre's site after a validate); the note gives the files
written, files per second, the time against ``validate --no-cache`` of the same run (target
≤ 3×), the front page's size (target < 2 MB) and how long headless Chromium takes to load
and draw it by its own Navigation/Paint Timing (``benchmarks/site_draw.py``; target < 1 s).
``--site-only`` runs the baseline, ``validate --no-cache`` and the site row alone.

``--import-forms`` adds the collection loop at province scale (minutes: it is not in the
default run): on a copy of the registry without ``results/`` (no CĐCS has reported yet),
``thidua form YEAR --campaign ID`` for the campaign of every issuer whose direct subordinates
are CĐCS (one form per CĐCS: 6,000 on the province), a script that fills every cell of every
form (openpyxl, not timed as thidua), then one ``thidua import`` of all of them with its
progress bar drawn on a pseudo-terminal; the note gives the cost per form.
``--import-only`` runs the baseline and those rows alone.
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import pty
import random
import re
import select
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
files = [*root.glob("anniversaries.y*ml")]
for kind in ("units", "campaigns", "results", "scoring"):
    files += sorted((root / kind).glob("*.y*ml"))
documents = [yaml.load(path.read_bytes(), Loader=yaml.CSafeLoader) for path in files]
print(len(documents))
"""


@dataclass
class Row:
    what: str
    seconds: float
    peak_mb: float
    note: str = ""
    cpu: float = 0.0  # user + system seconds: on a shared machine, steadier than wall time


YEAR = 2024  # benchmarks/generate.py's YEAR: every generated campaign is of it
HERE = Path(__file__).resolve().parent
#: render time per document at scale ÷ on a few dozen plans (issue 11)
SCALING_TARGET = 1.5


def measure(argv: list[str], env: dict[str, str] | None = None,
            stderr: IO[bytes] | None = None) -> tuple[float, float, int, float]:
    """Wall seconds, peak RSS in MB, exit code and CPU seconds (user + system) of one
    subprocess."""
    start = time.perf_counter()
    proc = subprocess.Popen(argv, stdout=subprocess.DEVNULL, stderr=stderr or subprocess.DEVNULL,
                            env={**os.environ, **(env or {})})
    _, status, usage = os.wait4(proc.pid, 0)
    elapsed = time.perf_counter() - start
    proc.returncode = os.waitstatus_to_exitcode(status)
    return elapsed, usage.ru_maxrss / 1024, proc.returncode, usage.ru_utime + usage.ru_stime


def median_of(argv: list[str], runs: int) -> tuple[float, float]:
    results = [measure(argv) for _ in range(runs)]
    return statistics.median(r[0] for r in results), max(r[1] for r in results)


def has_command(thidua: str, name: str) -> bool:
    return subprocess.run([thidua, name, "--help"], capture_output=True).returncode == 0


def run(registry: Path, runs: int, render: bool = True, site_only: bool = False,
        import_forms: bool = False, import_only: bool = False) -> tuple[list[Row], list[Row]]:
    thidua = shutil.which("thidua") or sys.exit("run: the thidua console script is not installed")
    rows: list[Row] = []
    t, m, _, cpu = measure([sys.executable, "-c", BASELINE, str(registry)])
    rows.append(Row("baseline: libyaml parse only (CSafeLoader)", t, m, cpu=cpu))
    if import_only:
        return rows + import_rows(thidua, registry), []
    with tempfile.TemporaryDirectory(prefix="thidua-bench-cache-") as cache:
        env = {"THIDUA_CACHE_DIR": cache}
        validate = [thidua, "--registry", str(registry), "validate"]
        t, m, code, cpu = measure([*validate, "--no-cache"], env)
        rows.append(Row("thidua validate --no-cache", t, m, f"exit {code}", cpu=cpu))
        if site_only:
            measure(validate, env)  # fills the cache
        else:
            t, m, code, cpu = measure(validate, env)
            rows.append(Row("thidua validate, cold (empty cache, fills it)", t, m, f"exit {code}",
                            cpu=cpu))
            victim = sorted((registry / "campaigns").glob("*.yaml"))[0]
            original = victim.read_bytes()
            try:
                victim.write_bytes(original + b"# benchmark: one changed file\n")
                t, m, code, cpu = measure(validate, env)
                rows.append(Row("thidua validate, warm (one file changed)", t, m, f"exit {code}",
                                cpu=cpu))
            finally:
                victim.write_bytes(original)
        if has_command(thidua, "site"):
            rows.append(site_row(thidua, registry, env, rows[1]))
        if site_only:
            return rows, []
        if has_command(thidua, "results") and (registry / "results").is_dir():
            # Judging and rolling up the whole province, through the cache validate filled
            # (as a cadre's `thidua results` after a validate); compared with that validate.
            t, m, code, cpu = measure([thidua, "--registry", str(registry), "results", str(YEAR),
                                       "--format", "json"], env)
            validated = next(row for row in rows if row.what.startswith("thidua validate, cold"))
            rows.append(Row(f"thidua results {YEAR} --format json", t, m,
                            f"exit {code}; {t / validated.seconds:.2f}× validate (cold) in time, "
                            f"{cpu / validated.cpu:.2f}× in CPU", cpu=cpu))
        if render and has_command(thidua, "render"):
            rows.append(render_row(thidua, registry, env))
        if (registry / "scoring").is_dir() and has_command(thidua, "scores"):
            # After the validate rows: the cache is filled, as for a cadre who validated first.
            t, m, code, _ = measure([thidua, "--registry", str(registry), "scores", str(YEAR)], env)
            rows.append(Row(f"thidua scores {YEAR} (cache filled by validate)", t, m, f"exit {code}"))
    if (registry / "scoring").is_dir() and has_command(thidua, "scores"):
        with tempfile.TemporaryDirectory(prefix="thidua-bench-cache-") as cache:
            t, m, code, _ = measure([thidua, "--registry", str(registry), "scores", str(YEAR)],
                                 {"THIDUA_CACHE_DIR": cache})
            rows.append(Row(f"thidua scores {YEAR}, cold (empty cache)", t, m, f"exit {code}"))
    if has_command(thidua, "calendar"):
        t, m, code, cpu = measure([thidua, "--registry", str(registry), "calendar",
                              "--year", str(YEAR)])
        rows.append(Row(f"thidua calendar --year {YEAR}", t, m, f"exit {code}", cpu=cpu))
    if import_forms and has_command(thidua, "import"):
        rows += import_rows(thidua, registry)
    startup = []
    t, m = median_of([sys.executable, "-c", "import typer"], runs)
    startup.append(Row('baseline: python -c "import typer"', t, m, f"median of {runs}"))
    t, m = median_of([thidua, "--version"], runs)
    startup.append(Row("thidua --version", t, m, f"median of {runs}"))
    return rows, startup


def measure_on_terminal(argv: list[str], env: dict[str, str]) -> tuple[float, float, int, float, int]:
    """:func:`measure` with stderr on a pseudo-terminal, so that the command draws its progress
    bar as a cadre sees it; also how many bytes it drew there."""
    master, slave = pty.openpty()
    start = time.perf_counter()
    proc = subprocess.Popen(argv, stdout=subprocess.DEVNULL, stderr=slave,
                            env={**os.environ, "COLUMNS": "80", **env})
    os.close(slave)
    drawn = 0
    while True:
        ready, _, _ = select.select([master], [], [], 0.5)
        if ready:
            try:
                chunk = os.read(master, 65536)
            except OSError:  # the command closed the terminal: it has ended
                break
            if not chunk:
                break
            drawn += len(chunk)
        elif proc.poll() is not None:
            break
    _, status, usage = os.wait4(proc.pid, 0)
    elapsed = time.perf_counter() - start
    os.close(master)
    return (elapsed, usage.ru_maxrss / 1024, os.waitstatus_to_exitcode(status),
            usage.ru_utime + usage.ru_stime, drawn)


def collecting_campaigns(registry: Path) -> list[str]:
    """The campaigns of YEAR whose issuer's direct subordinates are CĐCS: those a CĐCS reports
    on, one form each (read with libyaml: what the generator wrote)."""
    import yaml

    levels: dict[str, str] = {}
    parents: dict[str, str] = {}
    for path in sorted((registry / "units").glob("*.yaml")):
        for unit in (yaml.load(path.read_bytes(), Loader=yaml.CSafeLoader) or {}).get("units", []):
            levels[unit["id"]] = unit.get("level", "")
            if unit.get("parent"):
                parents[unit["id"]] = unit["parent"]
    issuers = {parent for unit, parent in parents.items() if levels.get(unit) == "co-so"}
    chosen = []
    for path in sorted((registry / "campaigns").glob("*.yaml")):
        campaign = yaml.load(path.read_bytes(), Loader=yaml.CSafeLoader)
        if campaign.get("issuer") in issuers and campaign.get("year") == YEAR:
            chosen.append(campaign["id"])
    return chosen


def fill_forms(forms: Path, filled: Path, seed: int = 2024) -> int:
    """Fill every form as a CĐCS would: the date, then each target's count (and total, for
    a share: one headcount a form, the count half of it, so no count exceeds its total and
    no target within another exceeds it). Returns how many were filled."""
    from openpyxl import load_workbook

    rng = random.Random(seed)
    filled.mkdir()
    count = 0
    for path in sorted(forms.glob("*.xlsx")):
        book = load_workbook(path)
        sheet = book["Báo cáo"]
        sheet["C7"] = f"15/12/{YEAR}"
        headcount = rng.randint(20, 400)
        row = 10
        while sheet[f"B{row}"].value:
            if sheet[f"F{row}"].value == "—":  # a count target: no total to give
                sheet[f"E{row}"] = rng.randint(0, 50)
            else:
                sheet[f"E{row}"] = headcount // 2
                sheet[f"F{row}"] = headcount
            row += 1
        book.save(filled / path.name)
        count += 1
    return count


def import_rows(thidua: str, registry: Path) -> list[Row]:
    """``thidua form`` for every collecting campaign, then ``thidua import`` of every form
    filled: on a copy of the registry without results (what a LĐLĐ has before collecting)."""
    rows: list[Row] = []
    with tempfile.TemporaryDirectory(prefix="thidua-bench-import-") as folder:
        work = Path(folder)
        copy = work / "data"
        shutil.copytree(registry, copy, ignore=shutil.ignore_patterns("results", "scoring"))
        env = {"THIDUA_CACHE_DIR": str(work / "cache")}
        forms = work / "forms"
        campaigns = collecting_campaigns(copy)
        wall = cpu = peak = 0.0
        codes = set()
        for campaign in campaigns:
            t, m, code, c = measure([thidua, "--registry", str(copy), "form", str(YEAR),
                                     "--campaign", campaign, "--out", str(forms)], env)
            wall, cpu, peak = wall + t, cpu + c, max(peak, m)
            codes.add(code)
        made = len(list(forms.glob("*.xlsx")))
        rows.append(Row(f"thidua form {YEAR} --campaign … ({len(campaigns)} runs, one a campaign)",
                        wall, peak, f"exit {'/'.join(map(str, sorted(codes)))}; {made:,} forms; "
                        f"{1000 * wall / max(made, 1):.1f} ms, {1000 * cpu / max(made, 1):.1f} ms CPU "
                        "a form (each run validates the registry through the cache)", cpu=cpu))
        started = time.perf_counter()
        filled = fill_forms(forms, work / "filled")
        fill_seconds = time.perf_counter() - started
        argv = [thidua, "--registry", str(copy), "import",
                *map(str, sorted((work / "filled").glob("*.xlsx")))]
        t, m, code, c, drawn = measure_on_terminal(argv, env)
        written = len(list((copy / "results").glob("*.yaml")))
        rows.append(Row(f"thidua import of {filled:,} filled forms (progress bar on a terminal)",
                        t, m, f"exit {code}; {written:,} result files written; "
                        f"{1000 * t / max(filled, 1):.1f} ms, {1000 * c / max(filled, 1):.1f} ms CPU a "
                        f"form; {drawn:,} bytes of progress drawn; filling the forms (openpyxl, not "
                        f"thidua) took {fill_seconds:.0f} s", cpu=c))
    return rows


def site_row(thidua: str, registry: Path, env: dict[str, str], validate: Row) -> Row:
    with tempfile.TemporaryDirectory(prefix="thidua-bench-site-") as folder:
        out = Path(folder) / "site"
        t, m, code, cpu = measure([thidua, "--lang", "en", "--registry", str(registry), "site",
                                   "-o", str(out)], env)
        files = sum(1 for p in out.rglob("*") if p.is_file()) - 1 if out.is_dir() else 0
        note = (f"exit {code}; {files:,} files, {files / t:,.0f} files per second, "
                f"{t / validate.seconds:.2f}× validate --no-cache in time, "
                f"{cpu / validate.cpu:.2f}× in CPU (its pages are made on every core)")
        front = out / "index.html"
        if front.is_file():
            note += f"; front page {front.stat().st_size / 1e6:.2f} MB"
            draw = subprocess.run([sys.executable, str(HERE / "site_draw.py"), str(front)],
                                  capture_output=True, text=True, check=False)
            if draw.returncode == 0:
                found = json.loads(draw.stdout)
                paint = found["first_paint_ms"]
                note += (f", drawn by Chromium in {found['load_ms']:.0f} ms (loadEventEnd"
                         + (f"; first paint {paint:.0f} ms" if paint is not None else "")
                         + f", median of {found['runs']})")
            else:
                note += f", not drawn ({draw.stderr.strip()[:80]})"
    return Row("thidua site", t, m, note, cpu=cpu)


def render_row(thidua: str, registry: Path, env: dict[str, str]) -> Row:
    with tempfile.TemporaryDirectory(prefix="thidua-bench-render-") as folder, \
            tempfile.TemporaryFile() as messages:
        out = Path(folder) / "out"
        t, m, code, cpu = measure([thidua, "--lang", "en", "--registry", str(registry), "render",
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
    return Row(f"thidua render plan {YEAR} --format docx", t, m, note, cpu=cpu)


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
    lines = ["| command | time (s) | × baseline | CPU (s) | × baseline | peak memory (MB) "
             "| × baseline | note |",
             "|---|---:|---:|---:|---:|---:|---:|---|"]
    for row in rows:
        cpu = f"{row.cpu:.2f} | {row.cpu / base.cpu:.2f}" if base.cpu else "— | —"
        lines.append(f"| {row.what} | {row.seconds:.2f} | {row.seconds / base.seconds:.2f} | "
                     f"{cpu} | {row.peak_mb:.0f} | {row.peak_mb / base.peak_mb:.2f} | {row.note} |")
    return lines


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("registry", type=Path)
    parser.add_argument("--runs", type=int, default=7, help="start-up runs to take the median of")
    parser.add_argument("--markdown", type=Path, help="also write the tables as Markdown here")
    parser.add_argument("--site-only", action="store_true",
                        help="only the baseline, validate --no-cache and the site row")
    parser.add_argument("--scaling-only", action="store_true",
                        help="only the render scaling table (no validate, calendar or DOCX rows)")
    parser.add_argument("--no-render", action="store_true",
                        help="leave out the DOCX row and the render scaling table (the scoring "
                             "registry: 6,002 plans to render would take minutes and say nothing new)")
    parser.add_argument("--import-forms", action="store_true",
                        help="also the collection loop: thidua form for every CĐCS, the forms "
                             "filled, one thidua import of all (minutes at province scale)")
    parser.add_argument("--import-only", action="store_true",
                        help="only the baseline and the collection loop rows")
    args = parser.parse_args(argv)
    files = sum(1 for _ in args.registry.rglob("*.yaml"))
    size = sum(p.stat().st_size for p in args.registry.rglob("*.yaml")) / 1e6
    header = [f"Registry: `{args.registry}` ({files:,} files, {size:.1f} MB); "
              f"{platform.python_implementation()} {platform.python_version()}, {os.cpu_count()} CPUs, "
              f"{platform.machine()}; {time.strftime('%Y-%m-%d %H:%M UTC', time.gmtime())}", ""]
    if args.scaling_only:
        text = "\n".join(header + scaling(args.registry)) + "\n"
    elif args.site_only or args.import_only:
        rows, _ = run(args.registry, args.runs, site_only=args.site_only,
                      import_only=args.import_only)
        text = "\n".join(header + table(rows)) + "\n"
    else:
        rows, startup = run(args.registry, args.runs, render=not args.no_render,
                            import_forms=args.import_forms)
        text = "\n".join(header + table(rows) + [""] + table(startup)
                         + ([] if args.no_render else ["", *scaling(args.registry)])) + "\n"
    print(text)
    if args.markdown:
        args.markdown.parent.mkdir(parents=True, exist_ok=True)
        args.markdown.write_text(text, encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
