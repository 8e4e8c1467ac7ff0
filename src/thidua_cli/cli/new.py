"""``thidua new campaign``: next year's campaign from last year's, as a new file beside it."""

from __future__ import annotations

from pathlib import Path
from typing import Any, Optional

import typer

from thidua_cli.cli.common import CommandError, Settings, checked_registry, refuse_empty, shown


def register(app: typer.Typer, t: Settings) -> None:
    new = typer.Typer(
        name="new", no_args_is_help=True, add_completion=False, rich_markup_mode=None,
        help=t.t("Tạo mục mới trong sổ đăng ký từ mục đã có.",
                 "Create a registry entry from an existing one."))

    @new.command(
        "campaign",
        help=t.t("Tạo phong trào năm mới từ phong trào năm trước: dời mọi ngày, tính lại số năm "
                 "kỷ niệm, để trống số và ngày văn bản, giữ nguyên chú thích; ghi tệp mới "
                 "cạnh tệp cũ (không bao giờ ghi đè) rồi kiểm tra nó.",
                 "Write next year's campaign from last year's: every date moved, anniversary "
                 "ordinals recomputed, document number and date cleared, comments kept; a new "
                 "file beside the old one (never an overwrite), then validated."),
    )
    def campaign_command(
        ctx: typer.Context,
        source: str = typer.Option(..., "--from", help=t.t("Mã phong trào nguồn.",
                                                           "Id of the source campaign.")),
        year: int = typer.Option(
            ..., "--year", min=1000, max=9999,
            help=t.t("Năm của phong trào mới (1000–9999; mọi ngày của phong trào phải dời được "
                     "vào các năm đó).",
                     "Year of the new campaign (1000–9999; every date of the campaign must move "
                     "within those years).")),
        new_id: Optional[str] = typer.Option(  # noqa: UP007 - Typer needs Optional
            None, "--id", help=t.t("Mã phong trào mới (mặc định: mã cũ với năm mới).",
                                   "Id of the new campaign (default: the old id with the new year)."),
            show_default=False),
    ) -> None:
        settings: Settings = ctx.obj
        raise typer.Exit(run(settings, source, year, new_id))

    app.add_typer(new, name="new")


def _next_year(source_path: Path, name: str, year: int, target_id: str,
               anniversaries: dict[str, Any]) -> Any:
    """The new campaign's text, or a one-line :class:`CommandError` for a date that cannot
    move that far or a file the layout-keeping writer cannot read."""
    from ruamel.yaml.error import MarkedYAMLError, YAMLError

    from thidua_cli.authoring.new_campaign import OutOfRange, next_year

    try:
        return next_year(source_path.read_bytes().decode("utf-8"), year, target_id, anniversaries)
    except OutOfRange as exc:
        moved = exc.day.year + exc.years
        raise CommandError(
            f"--year {year}: ngày {exc.day.isoformat()} của {shown(name)} sẽ sang năm {moved}, "
            "ngoài các năm 1000–9999 mà sổ đăng ký ghi được",
            f"--year {year}: the date {exc.day.isoformat()} of {shown(name)} would move to "
            f"{moved}, outside the years 1000–9999 a registry date can have") from None
    except YAMLError as exc:
        # ruamel (which keeps comments and layout) is stricter than the checker's reader:
        # a Tab inside a plain value is valid YAML that it refuses.
        mark = exc.problem_mark if isinstance(exc, MarkedYAMLError) else None
        where = f"{shown(name)}:{mark.line + 1}:{mark.column + 1}" if mark else shown(name)
        tab = "'\\t'" in str(getattr(exc, "problem", ""))  # ruamel shows the character quoted
        raise CommandError(
            f"{where}: không viết lại được tệp này mà giữ nguyên định dạng"
            + ("; hãy thay ký tự Tab trong giá trị bằng dấu cách hoặc đặt giá trị trong ngoặc "
               "kép" if tab else "; hãy sửa dòng này"),
            f"{where}: this file cannot be rewritten keeping its layout"
            + ("; replace the Tab inside the value with spaces or quote the value" if tab
               else "; fix this line")) from None


def run(settings: Settings, source: str, year: int, new_id: str | None) -> int:
    refuse_empty(**{"from": source, "id": new_id})
    from thidua_cli import report
    from thidua_cli.authoring.new_campaign import new_id_for, target_path
    from thidua_cli.files import FileExists, NotRegularFile, write_atomic
    from thidua_cli.rules.base import suggest
    from thidua_cli.validation import validate
    from thidua_cli.vn.slug import MAX_ID_LENGTH, is_too_long, is_valid_id, slugify

    t = settings.t
    say = settings.err.print
    result = checked_registry(
        settings, "Sổ đăng ký có lỗi: không tạo phong trào mới. Hãy sửa các lỗi trên trước.",
        "The registry has errors: no new campaign written. Fix the problems above first.")
    if result is None:
        return 1
    campaigns = {entry.model.id: entry for entry in result.registry.campaigns}
    entry = campaigns.get(source)
    if entry is None:
        vi, en = suggest(source, campaigns)
        raise CommandError(f'không có phong trào mã "{source}"{vi}',
                           f'no campaign with id "{source}"{en}')
    old = entry.model
    if new_id is not None and is_too_long(new_id):
        raise CommandError(
            f"--id dài {len(new_id)} ký tự, quá {MAX_ID_LENGTH} ký tự cho phép (mã thành tên tệp)",
            f"--id is {len(new_id)} characters long, more than the {MAX_ID_LENGTH} allowed (ids "
            "become file names)")
    if new_id is not None and not is_valid_id(new_id):
        hint = slugify(new_id) or "vi-du-2021"
        raise CommandError(f'mã "{new_id}" không hợp lệ; có phải ý bạn là "{hint}"?',
                           f'id "{new_id}" is not valid; did you mean "{hint}"?')
    target_id = new_id or new_id_for(old.id, old.year, year)
    if target_id in campaigns:
        raise CommandError(f'đã có phong trào mã "{target_id}"; chọn mã khác bằng --id',
                           f'a campaign with id "{target_id}" already exists; choose another with --id')
    for other in campaigns.values():
        m = other.model
        if (m.issuer, m.kind, m.year) == (old.issuer, old.kind, year):
            raise CommandError(
                f'{old.issuer} đã có phong trào loại {old.kind} năm {year}: "{m.id}" ({other.loc.file})',
                f'{old.issuer} already has a {old.kind} campaign for {year}: "{m.id}" ({other.loc.file})')
    source_path = result.registry.paths[entry.loc.file]
    path = target_path(source_path, old.id, target_id)
    anniversaries = {a.model.id: a.model for a in result.registry.anniversaries}
    made = _next_year(source_path, entry.loc.file, year, target_id, anniversaries)
    try:
        write_atomic(path, made.text)
    except (FileExists, NotRegularFile):
        raise CommandError(f"không ghi đè tệp đã có: {path}; chọn mã khác bằng --id",
                           f"not overwriting an existing file: {path}; choose another id with --id") from None
    except OSError as exc:
        raise CommandError(f"không ghi được {path}: {exc.strerror or exc}",
                           f"cannot write {path}: {exc.strerror or exc}") from None
    say(t(f"Đã ghi {path}", f"Wrote {path}"), markup=False, highlight=False)
    for text in made.changes:
        say(f"  {text.get(settings.lang)}", markup=False, highlight=False, soft_wrap=True)
    if made.hints:
        say(t("Chưa đổi (văn bản tự do, hãy đọc lại):", "Not changed (free text, read it again):"),
            markup=False, highlight=False)
        for text in made.hints:
            say(f"  {text.get(settings.lang)}", markup=False, highlight=False, soft_wrap=True)
    after = validate(settings.registry, cache=True)  # all but the new file from the cache
    names = {name for name, where in after.registry.paths.items() if where == path}
    mine = [p for p in after.problems if p.file in names]
    for line in report.text_lines(mine, 1, settings.lang):
        say(line, soft_wrap=True)
    return 1 if any(p.severity.value == "error" for p in mine) else 0
