"""``thidua init [DIR]``: a new registry with examples, commented in Vietnamese."""

from __future__ import annotations

from pathlib import Path

import typer

from thidua_cli.authoring.init import FIRST_YEAR, LAST_YEAR
from thidua_cli.cli.common import Settings, examples


def register(app: typer.Typer, t: Settings) -> None:
    @app.command(
        "init",
        epilog=examples(t, 'thidua init', 'thidua init so-dang-ky --year 2027'),
        help=t.t("Tạo sổ đăng ký mới: danh sách ngày kỷ niệm quốc gia, một tệp đơn vị và một "
                 "phong trào ví dụ có chú thích, cùng JSON Schema cho trình soạn thảo. "
                 "Không ghi vào thư mục đã có tệp.",
                 "Create a new registry: the national anniversaries, an example units file and "
                 "an example campaign with comments, and the JSON Schemas for the editor. "
                 "Refuses a folder that already holds files."),
    )
    def init_command(
        ctx: typer.Context,
        folder: Path | None = typer.Argument(
            None, metavar=t.t("THƯ_MỤC", "DIR"),
            help=t.t("Thư mục của sổ đăng ký mới (mặc định: --registry, hoặc ./data).",
                     "Folder of the new registry (default: --registry, or ./data)."),
            show_default=False,
        ),
        year: int | None = typer.Option(
            None, "--year", min=FIRST_YEAR, max=LAST_YEAR,
            help=t.t(f"Năm của phong trào ví dụ (mặc định: năm nay; từ tháng 10: năm sau), từ "
                     f"{FIRST_YEAR} đến {LAST_YEAR}: ví dụ kỷ niệm ngày Nhà giáo Việt Nam (1982) "
                     "và Tết âm lịch (tính được đến 2100).",
                     f"Year of the example campaign (default: this year; from October: next year), "
                     f"{FIRST_YEAR} to {LAST_YEAR}: the example celebrates Vietnamese Teachers' Day "
                     "(1982) and the lunar Tết (computed up to 2100)."),
            show_default=False,
        ),
    ) -> None:
        settings: Settings = ctx.obj
        # A new registry goes where it is asked, or into ./data: never into a registry that
        # happens to be found above the current folder.
        default = settings.registry if settings.registry_named else Path("data")
        raise typer.Exit(run(settings, folder or default, year))


def run(settings: Settings, root: Path, year: int | None) -> int:
    from datetime import date

    from thidua_cli.authoring.init import campaign_id, default_year, init_registry

    chosen = min(year or default_year(date.today()), LAST_YEAR)
    created = init_registry(root, chosen)  # its failures are one-line UserErrors
    for path in created.paths:
        # As `thidua schema` and `thidua render` do: what was written is a message, on stderr.
        settings.err.print(settings.t(f"Đã ghi {path}", f"Wrote {path}"), markup=False,
                           highlight=False)
    # Quoted as a shell needs it: a folder "Sổ đăng ký" must stay one argument when pasted.
    q = shell_quote
    folder = "" if root == Path("data") else f" {q(root)}"
    registry = "" if root == Path("data") else f" --registry {q(root)}"
    campaign = root / "campaigns" / f"{campaign_id(chosen)}.yaml"
    settings.err.print(settings.t(
        f"Đã tạo sổ đăng ký mới trong {q(root)}. Các bước tiếp theo:\n"
        f"  1. Sửa các tệp ví dụ cho đúng đơn vị của mình: {q(root / 'units' / 'don-vi.yaml')}, "
        f"{q(campaign)}\n"
        f"  2. Kiểm tra: thidua validate{folder}\n"
        f"  3. Lập kế hoạch: thidua{registry} render plan {chosen}",
        f"Created a new registry in {q(root)}. Next:\n"
        f"  1. Edit the example files for your own units: {q(root / 'units' / 'don-vi.yaml')}, "
        f"{q(campaign)}\n"
        f"  2. Check it: thidua validate{folder}\n"
        f"  3. Make the plan: thidua{registry} render plan {chosen}"),
        markup=False, highlight=False)
    return 0


def shell_quote(path: Path) -> str:
    """A path as it can be pasted into a shell (bash or Windows cmd): in double quotes when
    it holds anything but letters, digits and ``_./-``."""
    text = str(path)
    if text and all(ch.isalnum() or ch in "_./-\\:" for ch in text):
        return text
    return '"' + text.replace('"', '\\"') + '"'
