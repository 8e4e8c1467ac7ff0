"""``thidua validate``: check the registry; the command CI runs.

Wiring only: the check is :func:`thidua_cli.validation.validate`, the output a reporter of
:data:`thidua_cli.report.REPORTERS` chosen by ``--format``, the repository paths that GitHub
and SARIF need :mod:`thidua_cli.repository`'s.
"""

from __future__ import annotations

import os
from enum import Enum
from pathlib import Path

import typer

from thidua_cli.cli.common import Settings, examples


class Format(str, Enum):
    text = "text"
    json = "json"
    github = "github"
    sarif = "sarif"


def register(app: typer.Typer, t: Settings) -> None:
    @app.command(
        "validate",
        epilog=examples(t,
                        'thidua validate',
                        'thidua validate data --strict',
                        'thidua validate --format github',
                        'thidua validate --format sarif > thidua.sarif'),
        help=t.t("Kiểm tra sổ đăng ký: mọi lỗi của mọi tệp, kèm tệp, dòng, cột và cách sửa.",
                 "Check the registry: every problem of every file, with file, line, column and a fix."),
    )
    def validate_command(
        ctx: typer.Context,
        registry: Path | None = typer.Argument(
            None, metavar=t.t("SỔ_ĐĂNG_KÝ", "REGISTRY"), show_default=False,
            help=t.t("Thư mục sổ đăng ký, như --registry (mặc định: tìm từ thư mục hiện tại: "
                     "chính nó, data/ của nó, hoặc thư mục cha).",
                     "Registry folder, as --registry (default: found from the current folder: "
                     "itself, its data/, or a folder above).")),
        format: Format = typer.Option(
            Format.text, "--format", "-f",
            help=t.t("Dạng kết quả: text, json, github (chú thích trên pull request) hoặc "
                     "sarif (GitHub code scanning).",
                     "Output format: text, json, github (pull request annotations) or "
                     "sarif (GitHub code scanning)."),
        ),
        strict: bool = typer.Option(
            False, "--strict",
            help=t.t("Coi cảnh báo như lỗi (mã thoát 1).", "Treat warnings as errors (exit 1)."),
        ),
        no_cache: bool = typer.Option(
            False, "--no-cache",
            help=t.t("Không dùng bộ nhớ đệm kết quả từng tệp (~/.cache/thidua); kết quả vẫn như nhau.",
                     "Bypass the per-file results cache (~/.cache/thidua); the answer is the same."),
        ),
        no_config: bool = typer.Option(
            False, "--no-config",
            help=t.t("Bỏ qua thidua.yaml của sổ đăng ký: kiểm tra mọi quy tắc ở mức mặc định "
                     "(cho CI, để một dòng trong pull request không tắt được kiểm tra).",
                     "Ignore the registry's own thidua.yaml: every rule at its default "
                     "severity (for CI, so that one line in a pull request cannot turn the "
                     "check off)."),
        ),
    ) -> None:
        settings: Settings = ctx.obj
        if registry is not None:
            settings.registry = registry
        raise typer.Exit(run(settings, format.value, strict, cache=not no_cache,
                             use_config=not no_config))


def run(settings: Settings, format: str, strict: bool, cache: bool = False,
        use_config: bool = True) -> int:
    from rich.text import Text as RichText

    from thidua_cli import report
    from thidua_cli.cli.progress import ProgressBar
    from thidua_cli.repository import repository_paths
    from thidua_cli.validation import validate

    with ProgressBar(settings) as progress:
        result = validate(settings.registry, cache=cache, progress=progress,
                          use_config=use_config)
    lines = report.REPORTERS[format](result.problems, len(result.registry.files), settings.lang,
                                     lambda: repository_paths(result.registry),
                                     os.environ.get("GITHUB_ACTIONS") == "true")
    for line in lines:
        if isinstance(line, RichText):
            settings.print_wrapped(line)  # on a terminal, a long message wraps under its place
        else:
            settings.out.print(line, markup=False, highlight=False)
    return result.exit_code(strict)
