"""``thidua schema``: the JSON Schemas an editor uses for completion and inline errors."""

from __future__ import annotations

from pathlib import Path
from typing import Optional

import typer

from thidua_cli.cli.common import CommandError, Settings, examples


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
        out: Optional[Path] = typer.Option(  # noqa: UP007 - Typer needs Optional
            None, "--out", "-o",
            help=t.t("Thư mục ghi các tệp .schema.json (mặc định: in một đối tượng JSON ra stdout).",
                     "Folder to write the .schema.json files into (default: one JSON object on stdout)."),
            show_default=False,
        ),
        force: bool = typer.Option(
            False, "--force", help=t.t("Ghi đè tệp đã có.", "Overwrite existing files."),
        ),
    ) -> None:
        settings: Settings = ctx.obj
        raise typer.Exit(run(settings, out, force))


def dumps(schema: object) -> str:
    import json

    return json.dumps(schema, ensure_ascii=False, indent=2) + "\n"


def run(settings: Settings, out: Path | None, force: bool) -> int:
    from thidua_cli.files import FileExists, write_atomic
    from thidua_cli.schema import FILE_NAMES, schemas

    generated = schemas()
    if out is None:
        settings.out.print(dumps(generated), end="", markup=False, highlight=False, soft_wrap=True)
        return 0
    if out.exists() and not out.is_dir():
        raise CommandError(f"{out} không phải là thư mục", f"{out} is not a folder")
    targets = {kind: out / FILE_NAMES[kind] for kind in generated}
    existing = [path for path in targets.values() if path.exists() or path.is_symlink()]
    if existing and not force:
        # Checked before writing anything, so that a refusal leaves no half-updated set.
        names = ", ".join(str(path) for path in existing)
        raise CommandError(f"không ghi đè tệp đã có: {names} (dùng --force để ghi đè)",
                           f"not overwriting existing files: {names} (use --force to overwrite)")
    for kind, path in targets.items():
        try:
            write_atomic(path, dumps(generated[kind]), overwrite=force)
        except FileExists as exc:
            raise CommandError(f"không ghi đè tệp đã có: {exc.path} (dùng --force để ghi đè)",
                               f"not overwriting an existing file: {exc.path} "
                               "(use --force to overwrite)") from None
        except OSError as exc:
            reason = exc.strerror or str(exc)
            raise CommandError(f"không ghi được {path}: {reason}",
                               f"cannot write {path}: {reason}") from None
        settings.err.print(settings.t(f"Đã ghi {path}", f"Wrote {path}"), markup=False,
                           highlight=False)
    return 0
