"""Structure-aware fuzzing of the commands that make something: render, calendar and
new campaign (atheris / libFuzzer).

fuzz_registry.py draws a registry and validates it; this harness draws the same kind of
registry and then a command line from pools of awkward option values (years at and past
the ends of what can be computed, dates that do not exist, empty and unknown ids, huge
--days, every format) and runs ``thidua`` in-process. The only acceptable outcomes:

- exit 0 (something made), 1 (the registry has errors: located problems on stderr) or
  2 (one line on stderr saying what is wrong with the command line);
- never a traceback, "unexpected failure" or another exit code;
- nothing written outside the sandbox's output folder, and ``new campaign`` writes at
  most its one new file beside the source.

Run (see docs/fuzzing.md):
    python fuzz/fuzz_commands.py fuzz/corpus-commands -max_total_time=900 -timeout=60
Replay one input without atheris:
    python fuzz/fuzz_commands.py --replay crash-<hash>
"""

from __future__ import annotations

import contextlib
import io
import os
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from fuzz_loader import Sandbox, main
from fuzz_registry import IDS, Choices, registry_files

from tests.conftest import BASE_CAMPAIGN

YEARS = ["2020", "2021", "1900", "1901", "1983", "2100", "2101", "9999", "1000", "10000", "0",
         "-1", "abc", "", "99999999999999999999"]
DATES = ["2020-01-01", "31/12/9999", "9999-12-31", "1900-01-30", "1900-01-31", "2100-12-01",
         "2101-03-01", "2021-02-29", "30/02/2020", "mai", "", "1000-01-01", "2020-1-1"]
DAYS = ["0", "1", "60", "-3", "73200", "73201", "99999999999", "x"]
TEMPLATES_KINDS = ["plan", "kickoff", "covenant", "ke-hoach", "x", ""]
FORMATS = {"render": ["md", "html", "md", "docx", "pdf"], "calendar": ["table", "json", "ics", "x"]}
MAYBE_IDS = [*IDS, "", " ", "ba-dinh-2020", "a" * 255]
#: The tests' valid campaign, the fuzzer's other registry.
VALID_CAMPAIGN = BASE_CAMPAIGN.encode("utf-8")


def command_line(c: Choices, out: Path) -> list[str]:
    """A ``thidua`` command line drawn from the pools."""
    which = c.pick(["render", "calendar", "new"])
    if which == "render":
        # The valid campaign's year most of the time: rendering is reached.
        args = ["render", c.pick(TEMPLATES_KINDS), c.pick(["2020"] * 8 + YEARS), "-f",
                c.pick(FORMATS["render"]), "--force"]
        args += ["-o", c.pick([str(out), str(out), "-", ""])]
        if c.byte() % 3 == 0:
            args += ["--campaign", c.pick(MAYBE_IDS)]
        if c.byte() % 3 == 0:
            args += ["--unit", c.pick(MAYBE_IDS)]
        return args
    if which == "calendar":
        args = ["calendar", "-f", c.pick(FORMATS["calendar"])]
        mode = c.byte() % 4
        if mode == 0:
            args += ["--year", c.pick(YEARS)]
        elif mode == 1:
            args += ["--from", c.pick(DATES), "--until", c.pick(DATES)]
        elif mode == 2:
            args += ["--from", c.pick(DATES), "--days", c.pick(DAYS)]
        if c.byte() % 3 == 0:
            args += ["--unit", c.pick(MAYBE_IDS)]
        if c.byte() % 2:
            args.append("--round")
        if c.byte() % 2:
            args += ["-o", str(out / "lich"), "--force"]
        return args
    args = ["new", "campaign", "--from", c.pick(MAYBE_IDS), "--year", c.pick(YEARS)]
    if c.byte() % 3 == 0:
        args += ["--id", c.pick(MAYBE_IDS)]
    return args


def run(root: Path, args: list[str]) -> tuple[int, str]:
    """``thidua --lang LANG --registry ROOT ARGS`` in-process: exit code and stderr."""
    from thidua_cli.cli.app import main

    # Binary-capable, as a real stdout is (the ICS calendar writes bytes).
    stdout, stderr = io.TextIOWrapper(io.BytesIO(), encoding="utf-8"), io.StringIO()
    before = Path.cwd()
    os.chdir(root.parent)
    try:
        with contextlib.redirect_stdout(stdout), contextlib.redirect_stderr(stderr):
            code = main(["--registry", str(root), *args])
    finally:
        os.chdir(before)
    return code, stderr.getvalue()


def everything(folder: Path) -> set[str]:
    return {str(path.relative_to(folder)) for path in folder.rglob("*")}


def check_command(sandbox: Sandbox, raw: bytes) -> None:
    files = registry_files(raw)
    # A drawn registry nearly always has errors, and the commands then stop before making
    # anything: half the time the campaign is the tests' valid one, so that rendering, the
    # calendar and the new campaign themselves are reached.
    valid = not raw[:1] or raw[0] % 2 == 0
    sandbox.place(VALID_CAMPAIGN if valid else files["campaigns"])
    if not valid and raw[-1:] and raw[-1] % 2:
        (sandbox.root / "units" / "base.yaml").write_bytes(files["units"])
        sandbox.slots["anniversaries"].write_bytes(files["anniversaries"])
    out = sandbox.root.parent / "out"
    c = Choices(raw[::-1])  # the command from the other end of the bytes
    args = command_line(c, out)
    before = everything(sandbox.root.parent)
    for lang in ("vi", "en"):
        code, err = run(sandbox.root, ["--lang", lang, *args])
        assert code in (0, 1, 2), (args, code, err)
        assert "Traceback" not in err, (args, err)
        assert "unexpected failure" not in err and "lỗi không mong đợi" not in err, (args, err)
        if code == 2:
            assert err.startswith(("thidua: ", "Usage:", "Cách dùng:")), (args, err)
        if code == 1 and args[0] != "new":
            assert ": error " in err, (args, err)
    made = everything(sandbox.root.parent) - before
    new_campaigns = [name for name in made if name.startswith("data/campaigns/")]
    assert all(name.startswith("out") for name in made if name not in new_campaigns), (args, made)
    if new_campaigns:
        assert args[0] == "new" and len(new_campaigns) == 1, (args, made)
    for name in new_campaigns:
        (sandbox.root.parent / name).unlink()
    if out.exists():
        for path in sorted(out.rglob("*"), reverse=True):
            path.unlink() if not path.is_dir() else path.rmdir()


def _instrument() -> None:
    import thidua_cli.cli.app
    import thidua_cli.cli.calendar
    import thidua_cli.cli.new
    import thidua_cli.cli.render  # noqa: F401


if __name__ == "__main__":
    main(check_command, _instrument)
