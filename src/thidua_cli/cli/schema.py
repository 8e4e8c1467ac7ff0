"""``thidua schema``: the JSON Schemas an editor uses for completion and inline errors.

Wiring only: the schemas and their writing are :mod:`thidua_cli.schema`'s.
"""

from __future__ import annotations

from pathlib import Path

import typer

from thidua_cli.cli.common import Settings, examples, shown


def register(app: typer.Typer, t: Settings) -> None:
    @app.command(
        "schema",
        epilog=examples(t, 'thidua schema -o data/schema', 'thidua schema > schemas.json'),
        help=t.t("Xuất JSON Schema (draft 2020-12) của từng loại tệp (anniversaries, units, "
                 "campaign) để trình soạn thảo gợi ý và gạch chân lỗi khi gõ.",
                 "Export the JSON Schema (draft 2020-12) of each file kind (anniversaries, units, "
                 "campaign) so that an editor completes and underlines mistakes while typing."),
    )
    def schema_command(
        ctx: typer.Context,
        out: Path | None = typer.Option(
            None, "--out", "-o",
            help=t.t("Thư mục ghi các tệp .schema.json (mặc định hoặc '-': in một đối tượng JSON ra "
                     "stdout).",
                     "Folder to write the .schema.json files into (default or '-': one JSON object "
                     "on stdout)."),
            show_default=False,
        ),
        force: bool = typer.Option(
            False, "--force", help=t.t("Ghi đè tệp đã có.", "Overwrite existing files."),
        ),
    ) -> None:
        settings: Settings = ctx.obj
        raise typer.Exit(run(settings, out, force))


def run(settings: Settings, out: Path | None, force: bool) -> int:
    from thidua_cli.schema import dumps, schemas, write_schemas

    if out is None or str(out) == "-":
        # "-o -" is stdout, as everywhere else, not a folder named "-".
        settings.out.print(dumps(schemas()), end="", markup=False, highlight=False, soft_wrap=True)
        return 0

    def written(path: Path) -> None:
        settings.err.print(settings.t(f"Đã ghi {shown(path)}", f"Wrote {shown(path)}"),
                           markup=False, highlight=False)

    write_schemas(out, force, written)
    return 0
