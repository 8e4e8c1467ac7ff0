"""``thidua init [DIR]``: a new registry with examples, commented in Vietnamese."""

from __future__ import annotations

from pathlib import Path
from typing import Optional

import typer

from thidua_cli.cli.common import CommandError, Settings, examples


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
        folder: Optional[Path] = typer.Argument(  # noqa: UP007 - Typer needs Optional
            None, metavar=t.t("THƯ_MỤC", "DIR"),
            help=t.t("Thư mục của sổ đăng ký mới (mặc định: --registry, hoặc ./data).",
                     "Folder of the new registry (default: --registry, or ./data)."),
            show_default=False,
        ),
        year: Optional[int] = typer.Option(  # noqa: UP007
            None, "--year", min=1900, max=9998,
            help=t.t("Năm của phong trào ví dụ (mặc định: năm nay; từ tháng 10: năm sau).",
                     "Year of the example campaign (default: this year; from October: next year)."),
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

    from thidua_cli.authoring.init import NotAFolder, NotEmpty, campaign_id, default_year, init_registry
    from thidua_cli.files import FileExists

    chosen = year or default_year(date.today())
    try:
        created = init_registry(root, chosen)
    except NotEmpty as exc:
        shown = ", ".join(exc.names[:5]) + (", …" if len(exc.names) > 5 else "")
        raise CommandError(
            f"thư mục {root} đã có tệp ({shown}); thidua init chỉ tạo sổ đăng ký trong thư mục "
            "trống hoặc chưa có: hãy chọn thư mục khác, ví dụ `thidua init so-dang-ky`",
            f"folder {root} already holds files ({shown}); thidua init only creates a registry in "
            "an empty or new folder: choose another, e.g. `thidua init registry`") from None
    except NotAFolder:
        raise CommandError(f"{root} là một tệp, không phải thư mục",
                           f"{root} is a file, not a folder") from None
    except FileExists as exc:  # a file appeared while writing (another process)
        raise CommandError(f"không ghi đè tệp đã có: {exc.path}",
                           f"not overwriting an existing file: {exc.path}") from None
    except OSError as exc:
        reason = exc.strerror or str(exc)
        raise CommandError(f"không ghi được vào {root}: {reason}",
                           f"cannot write into {root}: {reason}") from None
    for path in created.paths:
        # As `thidua schema` and `thidua render` do: what was written is a message, on stderr.
        settings.err.print(settings.t(f"Đã ghi {path}", f"Wrote {path}"), markup=False,
                           highlight=False, soft_wrap=True)
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
        markup=False, highlight=False, soft_wrap=True)
    return 0


def shell_quote(path: Path) -> str:
    """A path as it can be pasted into a shell (bash or Windows cmd): in double quotes when
    it holds anything but letters, digits and ``_./-``."""
    text = str(path)
    if text and all(ch.isalnum() or ch in "_./-\\:" for ch in text):
        return text
    return '"' + text.replace('"', '\\"') + '"'
