"""``thidua validate``: check the registry; the command CI runs."""

from __future__ import annotations

from enum import Enum

import typer

from thidua_cli.cli.common import Settings


class Format(str, Enum):
    text = "text"
    json = "json"
    github = "github"


def register(app: typer.Typer, t: Settings) -> None:
    @app.command(
        "validate",
        help=t.t("Kiểm tra sổ đăng ký: mọi lỗi của mọi tệp, kèm tệp, dòng, cột và cách sửa.",
                 "Check the registry: every problem of every file, with file, line, column and a fix."),
    )
    def validate_command(
        ctx: typer.Context,
        format: Format = typer.Option(  # noqa: A002 - the option is called --format
            Format.text, "--format", "-f",
            help=t.t("Dạng kết quả: text, json hoặc github (chú thích trên pull request).",
                     "Output format: text, json or github (pull request annotations)."),
        ),
        strict: bool = typer.Option(
            False, "--strict",
            help=t.t("Coi cảnh báo như lỗi (mã thoát 1).", "Treat warnings as errors (exit 1)."),
        ),
    ) -> None:
        settings: Settings = ctx.obj
        raise typer.Exit(run(settings, format.value, strict))


def run(settings: Settings, format: str, strict: bool) -> int:  # noqa: A002
    from thidua_cli import report
    from thidua_cli.validation import validate

    result = validate(settings.registry)
    files = len(result.registry.files)
    if format == "json":
        settings.out.print(report.to_json(result.problems, files, settings.lang), markup=False,
                           highlight=False, soft_wrap=True)
    elif format == "github":
        settings.out.print(report.to_github(result.problems, files, settings.lang), markup=False,
                           highlight=False, soft_wrap=True)
    else:
        for line in report.text_lines(result.problems, files, settings.lang):
            settings.out.print(line, soft_wrap=True)
    return result.exit_code(strict)
