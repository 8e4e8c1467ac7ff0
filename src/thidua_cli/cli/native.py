"""The framework's own words in Vietnamese: usage line, section titles, usage errors.

Typer 0.29 vendors Click as ``typer._click`` with its English written in as plain strings
(no gettext catalogue to install), so the words are translated where Click hands them
over, through its documented extension points rather than by patching it:

- help pages: every command's ``context_class`` gets a subclass whose ``formatter_class``
  is :class:`Formatter` (Click's hook for custom help formatting). The formatter
  translates the usage prefix, the section headings (Typer's "Arguments", "Options",
  "Commands") and the framework's phrases in the option table ("Show this message and
  exit.", "[default: …]", "[required]");
- usage errors: ``main`` runs Click with ``standalone_mode=False`` and prints the
  exception with :func:`show_error`, which builds Click's three lines (usage, hint,
  error) with the message translated by a table of Click's and Typer's message shapes;
  a message the table does not know is shown in English rather than garbled;
- Typer's Rich help panels (only used with ``rich_markup_mode``): the module constants
  of ``typer.rich_utils`` are set when that module is loaded.

English (``--lang en``) leaves everything as Click writes it. Kept free of heavy
imports: it runs on every start-up, completion included.
"""

from __future__ import annotations

import re
import sys
from collections.abc import Iterable, Sequence
from typing import Any

from typer import _click
from typer._click.formatting import HelpFormatter

#: Whole phrases of the framework (help texts of its own options, headings).
PHRASES = {
    "Usage: ": "Cách dùng: ",
    "Options": "Tùy chọn",
    "Arguments": "Tham số",
    "Commands": "Lệnh",
    "Error": "Lỗi",
    "Show this message and exit.": "Hiện trợ giúp này rồi thoát.",
    "Install completion for the current shell.": "Cài tự động hoàn thành lệnh cho shell đang dùng.",
    "Show completion for the current shell, to copy it or customize the installation.":
        "In đoạn mã tự động hoàn thành lệnh cho shell đang dùng, để chép hoặc tự cài.",
    "Aborted!": "Đã hủy.",
    "Aborted.": "Đã hủy.",
}

#: Click's and Typer's error messages, in the order tried; each pattern matches the start
#: of a message, and the rest of it goes through the table again (pydantic's inner text).
_ERRORS: list[tuple[re.Pattern[str], str]] = [(re.compile(p, re.DOTALL), r) for p, r in [
    (r"No such option: (?P<a>\S+) \(Possible options: (?P<b>.*)\)$",
     r"không có tùy chọn \g<a> (có phải ý bạn là: \g<b>)"),
    (r"No such option: (?P<a>.*)$", r"không có tùy chọn \g<a>"),
    (r"No such command (?P<a>'.*?')\. Did you mean (?P<b>.*)\?$",
     r"không có lệnh \g<a>; có phải ý bạn là \g<b>?"),
    (r"No such command (?P<a>'.*?')\.$", r"không có lệnh \g<a>"),
    (r"Missing command\.$", "thiếu lệnh"),
    (r"Missing argument (?P<a>'.*?')\. Choose from:(?P<b>.*)$",
     r"thiếu tham số \g<a>; chọn một trong:\g<b>"),
    (r"Missing argument (?P<a>'.*?')\.$", r"thiếu tham số \g<a>"),
    (r"Missing option (?P<a>.*?)\. Choose from:(?P<b>.*)$",
     r"thiếu tùy chọn \g<a>; chọn một trong:\g<b>"),
    (r"Missing option (?P<a>.*?)\.$", r"thiếu tùy chọn \g<a>"),
    (r"Missing parameter: (?P<a>.*)$", r"thiếu tham số \g<a>"),
    (r"Option (?P<a>'.*?') requires an argument\.$", r"tùy chọn \g<a> cần một giá trị"),
    (r"Option (?P<a>'.*?') requires (?P<b>\d+) arguments\.$", r"tùy chọn \g<a> cần \g<b> giá trị"),
    (r"Option (?P<a>'.*?') does not take a value\.$", r"tùy chọn \g<a> không nhận giá trị"),
    (r"Got unexpected extra argument\(s\) \((?P<a>.*)\)$", r"thừa tham số (\g<a>)"),
    (r"Invalid value for (?P<a>.*?): (?P<b>.*)$", r"giá trị không hợp lệ cho \g<a>: \g<b>"),
    (r"Invalid value: (?P<b>.*)$", r"giá trị không hợp lệ: \g<b>"),
]]
#: The inner reasons of "Invalid value" (Typer checks values with pydantic).
_REASONS: list[tuple[re.Pattern[str], str]] = [(re.compile(p, re.DOTALL), r) for p, r in [
    (r"Value error, (?P<a>.*?) is not one of (?P<b>.*?)\.?$", r"\g<a> không phải là một trong \g<b>"),
    (r"(?P<a>.*?) is not one of (?P<b>.*?)\.?$", r"\g<a> không phải là một trong \g<b>"),
    (r"Input should be a valid integer.*$", "cần một số nguyên"),
    (r"Input should be a valid number.*$", "cần một số"),
    (r"Input should be a valid date.*$", "cần một ngày"),
    (r"Input should be a valid boolean.*$", "cần true hoặc false"),
    (r"Input should be greater than or equal to (?P<a>\S+?)\.?$", r"cần một số từ \g<a> trở lên"),
    (r"Input should be less than or equal to (?P<a>\S+?)\.?$", r"cần một số không quá \g<a>"),
    (r"Input should be greater than (?P<a>\S+?)\.?$", r"cần một số lớn hơn \g<a>"),
    (r"Input should be less than (?P<a>\S+?)\.?$", r"cần một số nhỏ hơn \g<a>"),
    (r"(?P<a>.*?) is not in the range (?P<b>.*?)\.?$", r"\g<a> nằm ngoài khoảng \g<b>"),
]]
#: Click's placeholders in the usage line.
_USAGE_WORDS = (("[OPTIONS]", "[TÙY-CHỌN]"), ("COMMAND [ARGS]...", "LỆNH [THAM-SỐ]..."))
#: Typer's value placeholders (metavars) of the option table.
_TYPE_WORDS = (("<int range>", "<số>"), ("<float range>", "<số>"), ("<int>", "<số>"),
               ("<float>", "<số>"), ("<str>", "<chữ>"), ("<path>", "<đường-dẫn>"),
               ("<choice>", "<lựa-chọn>"))


def _term(term: str) -> str:
    for english, vietnamese in _TYPE_WORDS:
        term = term.replace(english, vietnamese)
    return term
_BRACKETS = re.compile(r"\[(?P<inner>(?:env var|default|required|[-\d.]+<=?x|x<=?)[^\]]*)\]")
_BRACKET_WORDS = (("env var: ", "biến môi trường: "), ("default: ", "mặc định: "),
                  ("required", "bắt buộc"), ("(dynamic)", "(động)"))


def phrase(text: str, lang: str) -> str:
    return PHRASES.get(text, text) if lang == "vi" else text


def _help_cell(text: str) -> str:
    text = PHRASES.get(text, text)

    def brackets(match: re.Match[str]) -> str:
        inner = match.group("inner")
        for english, vietnamese in _BRACKET_WORDS:
            inner = inner.replace(english, vietnamese)
        return f"[{inner}]"

    return _BRACKETS.sub(brackets, text)


class Formatter(HelpFormatter):
    """Click's help formatter with the framework's words in Vietnamese."""

    def write_usage(self, prog: str, args: str = "", prefix: str | None = None) -> None:
        for english, vietnamese in _USAGE_WORDS:
            args = args.replace(english, vietnamese)
        super().write_usage(prog, args, PHRASES["Usage: "] if prefix is None else prefix)

    def write_heading(self, heading: str) -> None:
        super().write_heading(PHRASES.get(heading, heading))

    def write_dl(self, rows: Sequence[tuple[str, str]], col_max: int = 30,
                 col_spacing: int = 2) -> None:
        super().write_dl([(_term(term), _help_cell(text)) for term, text in rows], col_max,
                         col_spacing)


_CONTEXTS: dict[type, type] = {}


def _vietnamese_context(base: type) -> type:
    if base not in _CONTEXTS:
        _CONTEXTS[base] = type(f"Vi{base.__name__}", (base,), {"formatter_class": Formatter})
    return _CONTEXTS[base]


def _walk(command: Any) -> Iterable[Any]:
    yield command
    for sub in getattr(command, "commands", {}).values():
        yield from _walk(sub)


def localize(command: Any, lang: str) -> None:
    """Vietnamese help pages for ``command`` and all its subcommands (nothing for en)."""
    if lang != "vi":
        return
    for each in _walk(command):
        each.context_class = _vietnamese_context(each.context_class)
    for param in command.params:
        if param.name == "install_completion":
            param.callback = _install_completion
    rich_utils = sys.modules.get("typer.rich_utils")
    if rich_utils is not None:
        localize_rich(rich_utils)


def _install_completion(ctx: Any, param: Any, value: Any) -> Any:
    """Typer's ``--install-completion`` with its two lines of report in Vietnamese."""
    if not value or ctx.resilient_parsing:
        return value
    from typer._completion_shared import install

    shell, path = install(shell=value) if isinstance(value, str) else install()
    import os
    green = None if os.environ.get("NO_COLOR") else "green"  # https://no-color.org
    _click.termui.secho(f"Đã cài tự động hoàn thành lệnh cho {shell} vào {path}", fg=green)
    _click.echo("Mở lại cửa sổ dòng lệnh để bắt đầu dùng.")
    sys.exit(0)


def localize_rich(rich_utils: Any) -> None:
    """Typer's Rich help panels: their titles and phrases are module constants."""
    rich_utils.ARGUMENTS_PANEL_TITLE = PHRASES["Arguments"]
    rich_utils.OPTIONS_PANEL_TITLE = PHRASES["Options"]
    rich_utils.COMMANDS_PANEL_TITLE = PHRASES["Commands"]
    rich_utils.ERRORS_PANEL_TITLE = PHRASES["Error"]
    rich_utils.ABORTED_TEXT = PHRASES["Aborted."]
    rich_utils.RICH_HELP = "Thử [blue]'{command_path} {help_option}'[/] để xem trợ giúp."
    rich_utils.DEFAULT_STRING = "[mặc định: {}]"
    rich_utils.ENVVAR_STRING = "[biến môi trường: {}]"
    rich_utils.REQUIRED_LONG_STRING = "[bắt buộc]"
    rich_utils.DEPRECATED_STRING = "(không dùng nữa) "


def _translate(text: str, table: list[tuple[re.Pattern[str], str]]) -> str | None:
    for pattern, replacement in table:
        match = pattern.match(text)
        if match:
            return match.expand(replacement)
    return None


def error_message(message: str, lang: str) -> str:
    """A usage error's message in the user's language (Click's English when unknown)."""
    if lang != "vi":
        return message
    translated = _translate(message, _ERRORS)
    if translated is None:
        return message
    head, sep, reason = translated.partition(": ")
    if sep and translated.startswith("giá trị không hợp lệ"):
        reason_vi = _translate(reason, _REASONS)
        if reason_vi is not None:
            translated = f"{head}: {reason_vi}"
    return translated[:1].upper() + translated[1:]


def show_error(exc: Any, lang: str) -> int:
    """Print a Click usage error as Click does (usage, hint, error), translated; its exit code."""
    file = _click._compat.get_text_stderr()
    if isinstance(exc, _click.exceptions.NoArgsIsHelpError):
        exc.show(file)  # the help page itself (already in the user's language)
        return int(exc.exit_code)
    ctx = getattr(exc, "ctx", None)
    color = ctx.color if ctx is not None else None
    if ctx is not None:
        hint = ""
        if ctx.command.get_help_option(ctx) is not None:
            command, option = ctx.command_path, ctx.help_option_names[0]
            hint = (f"Thử '{command} {option}' để xem trợ giúp.\n" if lang == "vi"
                    else f"Try '{command} {option}' for help.\n")
        _click.echo(f"{ctx.get_usage()}\n{hint}", file=file, color=color)
    word = PHRASES["Error"] if lang == "vi" else "Error"
    _click.echo(f"{word}: {error_message(exc.format_message(), lang)}", file=file, color=color)
    return int(getattr(exc, "exit_code", 1))


def fast_completion(command: Any, environ: Any) -> None:
    """Keep shell completion fast: no value is converted while completing.

    Typer 0.29 converts every non-flag value (``--lang vi``, a default included) with a
    pydantic TypeAdapter, importing pydantic (~0.15 s) on each TAB press, although the
    command never runs. During a completion request (``_THIDUA_COMPLETE`` set) each
    parameter keeps its text as typed instead; nothing else changes.
    """
    if not environ.get("_THIDUA_COMPLETE"):
        return
    from dataclasses import dataclass

    from typer._coercion import RuntimeParam

    @dataclass(frozen=True)
    class Verbatim(RuntimeParam):
        annotation: Any
        parameter_info: Any

        def _coerce_value(self, value: Any, param: Any, ctx: Any) -> Any:
            return value

    def verbatim(param: Any) -> None:
        descriptor = getattr(param, "type_descriptor", None)
        if descriptor is not None and hasattr(param, "_runtime_param"):
            param._runtime_param = Verbatim(annotation=descriptor.annotation,
                                            parameter_info=descriptor.parameter_info)

    def help_option_of(original: Any) -> Any:
        # Click makes the help option on first use, outside ``params``.
        def get_help_option(ctx: Any) -> Any:
            option = original(ctx)
            if option is not None:
                verbatim(option)
            return option
        return get_help_option

    for each in _walk(command):
        for param in each.params:
            verbatim(param)
        each.get_help_option = help_option_of(each.get_help_option)
