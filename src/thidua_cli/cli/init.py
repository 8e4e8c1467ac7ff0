"""``thidua init [DIR]``: a new registry with examples, commented in Vietnamese."""

from __future__ import annotations

import shlex
from pathlib import Path
from typing import Optional

import typer

from thidua_cli.authoring.init import FIRST_YEAR, LAST_YEAR
from thidua_cli.cli.common import Settings


def register(app: typer.Typer, t: Settings) -> None:
    @app.command(
        "init",
        help=t.t("Tạo sổ đăng ký mới: danh sách ngày kỷ niệm quốc gia, một tệp đơn vị và một "
                 "phong trào ví dụ có chú thích, cùng JSON Schema cho trình soạn thảo. "
                 "Không ghi vào thư mục đã có tệp.",
                 "Create a new registry: the national anniversaries, an example units file and "
                 "an example campaign with comments, and the JSON Schemas for the editor. "
                 "Refuses a folder that already holds files."),
    )
    def init_command(
        ctx: typer.Context,
        folder: Optional[Path] = typer.Argument(  # noqa: UP007 - Typer needs Optional
            None, metavar="DIR",
            help=t.t("Thư mục của sổ đăng ký mới (mặc định: --registry, hoặc ./data).",
                     "Folder of the new registry (default: --registry, or ./data)."),
            show_default=False,
        ),
        year: Optional[int] = typer.Option(  # noqa: UP007
            None, "--year", min=FIRST_YEAR, max=LAST_YEAR,
            help=t.t(f"Năm của phong trào ví dụ (mặc định: năm nay), từ {FIRST_YEAR} đến "
                     f"{LAST_YEAR}: ví dụ kỷ niệm ngày Nhà giáo Việt Nam (1982) và Tết âm lịch "
                     "(tính được đến 2100).",
                     f"Year of the example campaign (default: this year), {FIRST_YEAR} to "
                     f"{LAST_YEAR}: the example celebrates Vietnamese Teachers' Day (1982) and "
                     "the lunar Tết (computed up to 2100)."),
            show_default=False,
        ),
    ) -> None:
        settings: Settings = ctx.obj
        raise typer.Exit(run(settings, folder or settings.registry, year))


def run(settings: Settings, root: Path, year: int | None) -> int:
    from datetime import date

    from thidua_cli.authoring.init import init_registry

    created = init_registry(root, year or date.today().year)
    for path in created.paths:
        # As `thidua schema` and `thidua render` do: what was written is a message, on stderr.
        settings.err.print(settings.t(f"Đã ghi {path}", f"Wrote {path}"), markup=False,
                           highlight=False, soft_wrap=True)
    # Quoted as a shell needs it: a folder "Sổ đăng ký" must stay one argument when pasted.
    registry = f" --registry {shlex.quote(str(root))}" if root != Path("data") else ""
    settings.err.print(settings.t(
        f"Đã tạo sổ đăng ký mới trong {root}. Sửa các tệp ví dụ cho đúng đơn vị của mình, "
        f"rồi kiểm tra bằng: thidua{registry} validate",
        f"Created a new registry in {root}. Edit the example files for your own units, "
        f"then check it with: thidua{registry} validate"),
        markup=False, highlight=False, soft_wrap=True)
    return 0
