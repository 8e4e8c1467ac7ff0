"""``thidua templates export DIR``: the built-in templates copied out, to start a custom one."""

from __future__ import annotations

from pathlib import Path

import typer

from thidua_cli.cli.common import Settings, examples, write_output


def register(app: typer.Typer, t: Settings) -> None:
    templates = typer.Typer(
        name="templates", no_args_is_help=True, add_completion=False, rich_markup_mode=None,
        help=t.t("Mẫu văn bản (Jinja) mà thidua render dùng.",
                 "The document templates (Jinja) thidua render uses."))

    @templates.command(
        "export",
        epilog=examples(t, "thidua templates export mau-van-ban",
                        "thidua render plan 2026 --templates mau-van-ban"),
        help=t.t("Chép các mẫu có sẵn (plan.md.j2, kickoff.md.j2, covenant.md.j2) vào THƯ_MỤC để "
                 "sửa thành mẫu riêng; rồi dùng với render --templates THƯ_MỤC (mẫu nào không có "
                 "trong đó thì dùng mẫu có sẵn). Không ghi đè tệp đã có nếu không có --force.",
                 "Copy the built-in templates (plan.md.j2, kickoff.md.j2, covenant.md.j2) into DIR "
                 "to edit into your own; then use render --templates DIR (a template missing there "
                 "is the built-in one). Never overwrites a file without --force."),
    )
    def export_command(
        ctx: typer.Context,
        folder: Path = typer.Argument(..., metavar=t.t("THƯ_MỤC", "DIR"),
                                      help=t.t("Thư mục ghi các mẫu.", "Folder to write them into.")),
        force: bool = typer.Option(False, "--force", help=t.t("Ghi đè tệp đã có.",
                                                             "Overwrite existing files.")),
    ) -> None:
        settings: Settings = ctx.obj
        raise typer.Exit(run(settings, folder, force))

    app.add_typer(templates, name="templates")


def run(settings: Settings, folder: Path, force: bool) -> int:
    from thidua_cli.render.engine import PackageLoader, packaged_templates

    names = PackageLoader().list_templates()
    root = packaged_templates()
    if not force:
        from thidua_cli.render.batch import refuse_existing

        refuse_existing([folder / name for name in names])  # before writing any
    for name in names:
        path = folder / name
        write_output(path, root.joinpath(name).read_bytes(), force)
        settings.err.print(settings.t(f"Đã ghi {path}", f"Wrote {path}"), markup=False,
                           highlight=False)
    return 0
