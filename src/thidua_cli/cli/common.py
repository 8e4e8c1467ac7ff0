"""What every command shares: the language, the registry folder, the consoles.

Kept free of heavy imports: ``thidua --version`` must start as fast as Typer.
"""

from __future__ import annotations

import os
from dataclasses import dataclass, field
from enum import Enum
from pathlib import Path
from typing import TYPE_CHECKING, Any

from thidua_cli.errors import UserError

if TYPE_CHECKING:
    from collections.abc import Callable, Mapping

    from rich.console import Console
    from rich.text import Text as RichText

    from thidua_cli.validation import Result

#: Options that belong to the whole program but that a user may type after the
#: command too (``thidua validate --lang en``): they are moved to the front.
GLOBAL_WITH_VALUE = ("--registry", "--lang")
GLOBAL_FLAGS = ("--no-color",)


def hoist_global_options(argv: list[str]) -> list[str]:
    front: list[str] = []
    rest: list[str] = []
    i = 0
    while i < len(argv):
        arg = argv[i]
        if arg == "--":
            rest.extend(argv[i:])
            break
        name = arg.split("=", 1)[0]
        if name in GLOBAL_WITH_VALUE:
            if "=" in arg:
                front.append(arg)
            else:
                front.extend(argv[i:i + 2])
                i += 1
        elif arg in GLOBAL_FLAGS:
            front.append(arg)
        else:
            rest.append(arg)
        i += 1
    return front + rest


def detect_lang(argv: list[str]) -> str:
    """The language for help and messages, known before the options are parsed
    (help text is built before parsing)."""
    lang = os.environ.get("THIDUA_LANG", "vi")
    for i, arg in enumerate(argv):
        if arg == "--lang" and i + 1 < len(argv):
            lang = argv[i + 1]
        elif arg.startswith("--lang="):
            lang = arg.split("=", 1)[1]
    return "en" if lang.strip().lower() == "en" else "vi"


@dataclass
class Settings:
    lang: str
    registry: Path
    color: bool = True
    #: the registry was named (--registry, THIDUA_REGISTRY), not found from the current folder
    registry_named: bool = True
    _out: Console | None = field(default=None, repr=False)
    _err: Console | None = field(default=None, repr=False)

    def t(self, vi: str, en: str) -> str:
        return en if self.lang == "en" else vi

    @property
    def out(self) -> Console:
        if self._out is None:
            from rich.console import Console
            # Without colour, no style at all: Rich's no_color still writes bold.
            self._out = _wrapping(Console(highlight=False, no_color=not self.color,
                                          color_system="auto" if self.color else None,
                                          width=terminal_width()))
        return self._out

    @property
    def err(self) -> Console:
        if self._err is None:
            from rich.console import Console
            self._err = _wrapping(Console(stderr=True, highlight=False, no_color=not self.color,
                                          color_system="auto" if self.color else None,
                                          width=terminal_width()))
        return self._err

    def print_wrapped(self, line: RichText, indent: int = 4, *, err: bool = False) -> None:
        """One line of a report: on a terminal, wrapped at word boundaries to its width with
        the continuation lines indented; elsewhere (a pipe, CI) one line, as tools parse it."""
        console = self.err if err else self.out
        if not console.is_terminal or console.width <= indent + 20:
            console.print(line)
            return
        for index, part in enumerate(line.wrap(console, console.width - indent, overflow="fold")):
            part.rstrip()
            if index:
                part.pad_left(indent)
            console.print(part, soft_wrap=True)  # already cut to the width


def _wrapping(console: Console) -> Console:
    """A console that wraps long lines at word boundaries on a terminal (the terminal's own
    wrap cuts "Thành / phố" mid-word) and writes each line whole to a pipe or a file, as
    tools and logs read them."""
    console.soft_wrap = not console.is_terminal
    return console


def examples(t: Settings, *lines: str) -> str:
    """A command's help epilog: "Ví dụ:" and the command lines, kept as written (``\\b``
    stops Click from rewrapping them)."""
    return t.t("Ví dụ:", "Examples:") + "\n\n\b\n" + "\n".join(f"  {line}" for line in lines)


def terminal_width() -> int | None:
    """The width to give the consoles: None (Rich finds it) unless COLUMNS holds no usable
    width — ``COLUMNS=0`` or ``COLUMNS=abc`` made Rich print nothing at all, errors included
    — in which case the terminal's own width, else 80."""
    columns = os.environ.get("COLUMNS", "")
    if not columns or (columns.isdigit() and int(columns) > 0):
        return None
    import shutil

    return shutil.get_terminal_size().columns  # ignores a COLUMNS of 0; 80 without a terminal


def default_registry() -> Path:
    """``THIDUA_REGISTRY``, else the registry found from the current folder
    (:mod:`thidua_cli.registry.layout`), else ``data`` (whose absence is then reported)."""
    explicit = os.environ.get("THIDUA_REGISTRY")
    if explicit:
        return Path(explicit)
    from thidua_cli.registry.layout import find_registry

    return find_registry(Path.cwd()) or Path("data")


def color_wanted(no_color_flag: bool) -> bool:
    # https://no-color.org: any non-empty NO_COLOR turns colour off.
    return not no_color_flag and not os.environ.get("NO_COLOR")


def checked_registry(settings: Settings, refusal_vi: str, refusal_en: str,
                     progress: Callable[[str, int, int], None] | None = None) -> Result | None:
    """The registry, validated (through the results cache), for a command that makes
    something from it; ``None`` after printing its problems and the refusal when it has
    errors (the command then exits 1: nothing is made from a broken registry)."""
    from thidua_cli import report
    from thidua_cli.validation import validate

    result = validate(settings.registry, cache=True, progress=progress)
    if not result.errors and not result.held_back:
        return result
    problems = result.problems if result.errors else result.held_back
    for line in report.text_lines(problems, len(result.registry.files), settings.lang):
        settings.print_wrapped(line, err=True)
    if not result.errors:
        # Only errors thidua.yaml turned off: validate passes, but nothing can be made.
        settings.err.print(settings.t(
            "Các lỗi trên thuộc quy tắc đã tắt hoặc hạ mức trong thidua.yaml, nhưng không thể "
            "lập gì từ sổ đăng ký khi còn chúng.",
            "The rules of these errors are turned off or down in thidua.yaml, but nothing can "
            "be made from the registry while they stand."), markup=False, highlight=False)
    settings.err.print(settings.t(refusal_vi, refusal_en), markup=False, highlight=False)
    return None


def write_output(path: Path, data: bytes | str, force: bool) -> None:
    """:func:`thidua_cli.files.write_output` (imported when a command writes)."""
    from thidua_cli.files import write_output as write

    write(path, data, force)


def write_outputs(files: Mapping[Path, bytes | str], force: bool) -> None:
    """:func:`thidua_cli.files.write_outputs`: a set of files, all or nothing."""
    from thidua_cli.files import write_outputs as write

    write(files, force)


class TableFormat(str, Enum):
    """The formats of a command that prints a table: ``results``, ``scores``."""

    table = "table"
    json = "json"
    csv = "csv"
    xlsx = "xlsx"


def output_option(t: Settings) -> Any:
    """``-o FILE``, the same in every command that prints a table or a list (``--out`` and
    ``--output`` both work: users type the one they met in another command)."""
    import typer

    return typer.Option(
        None, "--output", "-o", "--out", metavar=t.t("TỆP", "FILE"), show_default=False,
        help=t.t("Ghi vào tệp thay vì in ra ('-' là stdout); không ghi đè tệp đã có.",
                 "Write to a file instead of stdout ('-' is stdout); never overwrites."))


def force_option(t: Settings) -> Any:
    """``--force`` beside :func:`output_option`."""
    import typer

    return typer.Option(False, "--force", help=t.t("Ghi đè tệp đã có (với -o).",
                                                   "Overwrite an existing file (with -o)."))


def to_stdout(output: str | None) -> bool:
    """No ``-o``, or ``-o -``: the output goes to stdout."""
    return output is None or output == "-"


def refuse_binary_on_terminal(fmt: str, output: str | None) -> None:
    """XLSX on a terminal is noise; piped or redirected (``> ket-qua.xlsx``) it is a file."""
    import sys

    if fmt == "xlsx" and to_stdout(output) and sys.stdout.isatty():
        raise CommandError("XLSX là tệp nhị phân: hãy ghi vào tệp bằng -o TỆP.xlsx",
                           "XLSX is a binary file: write it to a file with -o FILE.xlsx")


def deliver(settings: Settings, data: str | bytes, output: str | None, force: bool,
            what_vi: str, what_en: str) -> None:
    """Print ``data`` to stdout, or write it to ``output`` (never over a file without
    ``force``, never onto a folder) and say so: "Đã ghi FILE (what)"."""
    import sys

    if to_stdout(output):
        if isinstance(data, bytes):
            sys.stdout.flush()
            sys.stdout.buffer.write(data)
            sys.stdout.buffer.flush()
        else:
            sys.stdout.write(data)
            sys.stdout.flush()
        return
    assert output is not None
    path = Path(output)
    if path.is_dir():
        raise CommandError(f"{path} là một thư mục; hãy cho -o một tên tệp",
                           f"{path} is a folder; give -o a file name")
    write_output(path, data, force)
    settings.err.print(settings.t(f"Đã ghi {path} ({what_vi})", f"Wrote {path} ({what_en})"),
                       markup=False, highlight=False)


def refuse_empty(**options: str | None) -> None:
    """An option given an empty value (``--campaign "$UNSET"``) is refused, never read as
    absent: an unset shell variable must not turn "this campaign" into "every campaign".
    Keys are option names with ``_`` for ``-``: ``refuse_empty(campaign=…, unit=…)``."""
    for name, value in options.items():
        if value is not None and not value.strip():
            option = "--" + name.replace("_", "-")
            raise CommandError(
                f"{option} trống; hãy ghi một mã (biến môi trường chưa được đặt?)",
                f"{option} is empty; give an id (an unset shell variable?)")


def shown(value: object) -> str:
    """:func:`thidua_cli.files.shown`: a path or value made safe for a terminal."""
    from thidua_cli.files import shown as safe

    return safe(value)


#: A user error a command reports in one line (exit 2 unless said otherwise): the
#: library's :class:`~thidua_cli.errors.UserError`, under the name the commands know.
CommandError = UserError
