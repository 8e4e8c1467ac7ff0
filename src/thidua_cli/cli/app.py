"""The ``thidua`` command: global options, the commands, and the one error handler.

Thin by design: each command lives in its own module and only copies options
into a call of the library. No Python traceback reaches a user: usage errors
exit 2 with Click's message, a user error prints one line, an unexpected failure
prints one line and exits 2 (``THIDUA_DEBUG=1`` shows the traceback).
"""

from __future__ import annotations

import os
import sys
from pathlib import Path

import typer

from thidua_cli import __version__
from thidua_cli.cli import common, native, streams
from thidua_cli.cli.common import CommandError, Settings
from thidua_cli.errors import ThiduaError


def build_app(lang: str) -> typer.Typer:
    t = Settings(lang=lang, registry=Path("data"))
    app = typer.Typer(
        name="thidua",
        help=t.t("thidua — sổ đăng ký phong trào thi đua Công đoàn: kiểm tra, lập văn bản, lịch kỷ niệm.",
                 "thidua — the trade-union emulation campaign registry: check it, render documents, "
                 "list anniversaries."),
        no_args_is_help=True,
        add_completion=True,  # --install-completion, --show-completion, _THIDUA_COMPLETE
        pretty_exceptions_enable=False,
        rich_markup_mode=None,
        context_settings={"help_option_names": ["-h", "--help"]},
    )

    @app.callback()
    def main_options(
        ctx: typer.Context,
        registry: Path | None = typer.Option(
            None, "--registry",
            help=t.t("Thư mục sổ đăng ký (biến THIDUA_REGISTRY; mặc định: tìm từ thư mục hiện tại: "
                     "chính nó, data/ của nó, hoặc thư mục cha).",
                     "Registry folder (THIDUA_REGISTRY; default: found from the current folder: "
                     "itself, its data/, or a folder above)."),
            show_default=False,
        ),
        lang_option: str = typer.Option(
            lang, "--lang", show_default=False,
            help=t.t("Ngôn ngữ thông báo: vi hoặc en (biến THIDUA_LANG). Văn bản luôn bằng tiếng Việt.",
                     "Language of messages: vi or en (THIDUA_LANG). Documents stay Vietnamese."),
        ),
        no_color: bool = typer.Option(
            False, "--no-color", help=t.t("Không tô màu (như biến NO_COLOR).",
                                          "No colour (like NO_COLOR)."),
        ),
        version: bool = typer.Option(
            False, "--version", is_eager=True, callback=_print_version,
            help=t.t("In phiên bản rồi thoát.", "Print the version and exit."),
        ),
    ) -> None:
        if lang_option.strip().lower() not in ("vi", "en"):
            raise CommandError(f'ngôn ngữ "{lang_option}" không hỗ trợ; chọn vi hoặc en',
                               f'language "{lang_option}" is not supported; choose vi or en')
        named = registry is not None or bool(os.environ.get("THIDUA_REGISTRY"))
        ctx.obj = Settings(lang=lang, registry=registry or common.default_registry(),
                           color=common.color_wanted(no_color), registry_named=named)

    from thidua_cli.cli import validate
    validate.register(app, t)
    from thidua_cli.cli import schema
    schema.register(app, t)
    from thidua_cli.cli import rules
    rules.register(app, t)
    from thidua_cli.cli import render
    render.register(app, t)
    from thidua_cli.cli import calendar
    calendar.register(app, t)
    from thidua_cli.cli import scores
    scores.register(app, t)
    from thidua_cli.cli import init
    init.register(app, t)
    from thidua_cli.cli import new
    new.register(app, t)
    from thidua_cli.cli import site
    site.register(app, t)
    from thidua_cli.cli import results
    results.register(app, t)
    from thidua_cli.cli import forms
    forms.register(app, t)
    from thidua_cli.cli import fix
    fix.register(app, t)
    from thidua_cli.cli import overview
    overview.register(app, t)
    from thidua_cli.cli import templates
    templates.register(app, t)
    return app


def _print_version(value: bool) -> None:
    if value:
        typer.echo(f"thidua {__version__}")
        raise typer.Exit(0)


class _Terminated:
    """Whether SIGTERM arrived: it is handled as Ctrl-C is (the same clean-up of temporary
    files and worker processes), then the exit code says which signal it was."""

    seen = False


def _on_sigterm(signum: int, frame: object) -> None:
    _Terminated.seen = True
    raise KeyboardInterrupt


def _interrupted() -> int:
    return 128 + 15 if _Terminated.seen else 130


def main(argv: list[str] | None = None) -> int:
    import signal
    import threading

    if threading.current_thread() is not threading.main_thread():
        return _guarded(argv)
    # Python's default for SIGTERM ends the process at once: no finally block runs, a
    # render leaves its hidden .tmp files, the workers print tracebacks and the resource
    # tracker warns of leaked semaphores. As KeyboardInterrupt, every clean-up runs.
    _Terminated.seen = False
    previous = signal.signal(signal.SIGTERM, _on_sigterm)
    try:
        return _guarded(argv)
    finally:
        signal.signal(signal.SIGTERM, previous)


def _guarded(argv: list[str] | None) -> int:
    """:func:`_main` with standard streams that cannot crash it (see cli/streams.py)."""
    import errno

    before = streams.guard()
    try:
        code = _main(argv)
        streams.finish()
    except streams.OutputError as exc:
        # stdout failed: it stays a sink until exit (see streams.abandon_stdout).
        streams.abandon_stdout()
        if exc.errno != errno.EPIPE:  # a reader gone away (| head) ends quietly
            lang = common.detect_lang(list(sys.argv[1:] if argv is None else argv))
            typer.echo(f"thidua: không ghi được kết quả ra stdout: {exc.reason}" if lang == "vi"
                       else f"thidua: cannot write the output to stdout: {exc.reason}",
                       err=True)
        if before[1] is not None:
            sys.stderr = before[1]
        return 128 + 13 if exc.errno == errno.EPIPE else 2
    except BaseException:
        streams.restore(before)  # THIDUA_DEBUG's traceback, a SystemExit: the real streams
        raise
    streams.restore(before)
    return code


def _main(argv: list[str] | None) -> int:
    args = common.hoist_global_options(list(sys.argv[1:] if argv is None else argv))
    lang = common.detect_lang(args)
    environment = os.environ.get("THIDUA_LANG", "").strip()
    if environment and environment.lower() not in ("vi", "en") and not any(
            a == "--lang" or a.startswith("--lang=") for a in args):
        # As --lang fr is refused: a misspelt variable must not silently mean Vietnamese.
        typer.echo(f'thidua: biến THIDUA_LANG="{environment}" không hợp lệ; chọn vi hoặc en '
                   f'(THIDUA_LANG="{environment}" is not supported; choose vi or en)', err=True)
        return 2
    command = typer.main.get_command(build_app(lang))
    native.localize(command, lang)  # Click's own words (Usage, Options …) too
    native.fast_completion(command, os.environ)
    try:
        code = command.main(args=args, prog_name="thidua", standalone_mode=False)
        # Typer turns KeyboardInterrupt (and so SIGTERM) into Exit(130), which Click returns.
        return (_interrupted() if code == 130 else code) if isinstance(code, int) else 0
    except typer.Exit as exc:
        return exc.exit_code
    except typer.Abort:
        typer.echo("", err=True)
        return _interrupted()
    except ThiduaError as exc:  # every user error, whichever part of thidua raised it
        typer.echo(f"thidua: {exc.text.get(lang)}", err=True)
        return exc.code
    except KeyboardInterrupt:
        return _interrupted()
    except streams.OutputError:
        raise  # reported by _guarded, which knows the streams
    except OSError as exc:
        # The file system refused a path the user gave (a component past 255 bytes, a
        # folder that is a file …): one line naming it, as any other user error.
        typer.echo(f"thidua: {_os_error(exc, lang)}", err=True)
        return 2
    except Exception as exc:
        if hasattr(exc, "show") and hasattr(exc, "exit_code"):
            # Click's usage errors (Typer vendors Click, so match them by shape).
            return native.show_error(exc, lang)
        if os.environ.get("THIDUA_DEBUG"):
            raise
        what = f"{type(exc).__name__}: {exc}"
        typer.echo("thidua: " + (
            f"unexpected failure ({what}); run again with THIDUA_DEBUG=1 for details and report it"
            if lang == "en" else
            f"lỗi không mong đợi ({what}); chạy lại với THIDUA_DEBUG=1 để xem chi tiết và báo lỗi"),
            err=True)
        return 2


def _os_error(exc: OSError, lang: str) -> str:
    import errno

    path = common.shown(Path(os.fsdecode(exc.filename))) if exc.filename is not None else None
    if exc.errno == errno.ENAMETOOLONG:
        vi = "tên quá dài: một phần của đường dẫn dài hơn 255 byte; hãy đặt tên ngắn hơn"
        en = "name too long: a part of the path is longer than 255 bytes; use a shorter name"
    else:
        vi = en = exc.strerror or str(exc)
    where = f"{path}: " if path else ""
    return where + (en if lang == "en" else vi)


def run() -> None:
    sys.exit(main())
