"""``thidua new campaign``: next year's campaign from last year's, as a new file beside it."""

from __future__ import annotations

from datetime import date
from typing import TYPE_CHECKING, Any, Optional

import typer

from thidua_cli.cli.common import CommandError, Settings, checked_registry, examples

if TYPE_CHECKING:
    from thidua_cli.registry.loader import Registry


def register(app: typer.Typer, t: Settings) -> None:
    new = typer.Typer(
        name="new", no_args_is_help=True, add_completion=False, rich_markup_mode=None,
        help=t.t("Tạo mục mới trong sổ đăng ký từ mục đã có.",
                 "Create a registry entry from an existing one."))

    @new.command(
        "campaign",
        epilog=examples(t,
                        'thidua new campaign --campaign cd-phuong-ba-dinh-2026 --year 2027',
                        "thidua new campaign --campaign cd-phuong-ba-dinh-2026 --year 2027 "
                        "--issuer cdcs-truong-th-vi-du"),
        help=t.t("Tạo phong trào năm mới từ phong trào năm trước: dời mọi ngày, tính lại số năm "
                 "kỷ niệm, để trống số văn bản cho văn thư (giữ loại và ký hiệu đơn vị) và ngày "
                 "văn bản, giữ nguyên chú thích, báo các ngày rơi vào ngày nghỉ; ghi tệp mới "
                 "cạnh tệp cũ (không bao giờ ghi đè) rồi kiểm tra nó.",
                 "Write next year's campaign from last year's: every date moved, anniversary "
                 "ordinals recomputed, the document's number left for the clerk (type and issuer "
                 "code kept) and its date cleared, comments kept, dates on days off reported; a "
                 "new file beside the old one (never an overwrite), then validated."),
    )
    def campaign_command(
        ctx: typer.Context,
        source: str = typer.Option(
            ..., "--campaign", "--from", metavar=t.t("MÃ", "ID"),
            help=t.t("Mã phong trào nguồn (--from: tên cũ, vẫn dùng được).",
                     "Id of the source campaign (--from: the former name, still accepted).")),
        year: int = typer.Option(..., "--year", min=1000, max=9999, metavar=t.t("NĂM", "YEAR"),
                                 help=t.t("Năm của phong trào mới.", "Year of the new campaign.")),
        new_id: Optional[str] = typer.Option(  # noqa: UP007 - Typer needs Optional
            None, "--id", metavar=t.t("MÃ", "ID"),
            help=t.t("Mã phong trào mới (mặc định: mã cũ với năm mới).",
                                   "Id of the new campaign (default: the old id with the new year)."),
            show_default=False),
        issuer: Optional[str] = typer.Option(  # noqa: UP007 - Typer needs Optional
            None, "--issuer", metavar=t.t("MÃ", "ID"),
            help=t.t("Đơn vị ban hành phong trào mới, nếu khác đơn vị cũ (kế hoạch của công đoàn "
                     "cơ sở lập từ kế hoạch của cấp trên, hoặc đơn vị kế nhiệm một đơn vị đã giải "
                     "thể); số và người ký văn bản được để trống.",
                     "The unit issuing the new campaign when another than the old one (a "
                     "grassroots union's plan from its superior's, or the successor of a "
                     "dissolved unit); the document's number and signer are left empty."),
            show_default=False),
    ) -> None:
        settings: Settings = ctx.obj
        raise typer.Exit(run(settings, source, year, new_id, issuer))

    @new.command(
        "unit",
        epilog=examples(t, 'thidua new unit --id cdcs-truong-a --name "Công đoàn trường A" '
                           "--level co-so --parent cd-phuong-ba-dinh"),
        help=t.t("Thêm một đơn vị vào tệp đơn vị có cấp trên của nó (giữ nguyên phần còn lại của "
                 "tệp), sau khi kiểm tra mã chưa có, cấp trên có thật và ở cấp cao hơn.",
                 "Add a unit to the units file holding its superior (the rest of the file kept "
                 "as it is), once the id is checked to be new and the superior to exist on a "
                 "higher level."),
    )
    def unit_command(
        ctx: typer.Context,
        unit_id: str = typer.Option(..., "--id", metavar=t.t("MÃ", "ID"),
                                    help=t.t("Mã đơn vị mới, ví dụ cdcs-truong-a.",
                                             "Id of the new unit, e.g. cdcs-truong-a.")),
        name: str = typer.Option(..., "--name", metavar=t.t("TÊN", "NAME"),
                                 help=t.t("Tên đầy đủ.", "Full name.")),
        level: str = typer.Option(..., "--level", metavar=t.t("CẤP", "LEVEL"),
                                  help=t.t("Cấp: tinh, nganh-trung-uong, tren-co-so, co-so, bo-phan.",
                                           "Level: tinh, nganh-trung-uong, tren-co-so, co-so, bo-phan.")),
        parent: str = typer.Option(..., "--parent", metavar=t.t("MÃ", "ID"),
                                   help=t.t("Mã đơn vị cấp trên.", "Id of the superior unit.")),
        short: Optional[str] = typer.Option(  # noqa: UP007 - Typer needs Optional
            None, "--short", metavar=t.t("TÊN", "NAME"), show_default=False,
            help=t.t("Tên viết tắt ở đầu văn bản.", "Short name for document headers.")),
    ) -> None:
        settings: Settings = ctx.obj
        raise typer.Exit(run_unit(settings, unit_id, name, level, parent, short))

    app.add_typer(new, name="new")


def run(settings: Settings, source: str, year: int, new_id: str | None,
        issuer: str | None = None) -> int:
    from thidua_cli import report
    from thidua_cli.authoring.new_campaign import new_id_for, next_year, shift_date, target_path
    from thidua_cli.files import FileExists, write_atomic
    from thidua_cli.rules.base import suggest
    from thidua_cli.validation import validate
    from thidua_cli.vn.slug import is_valid_id, slugify

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
        vi, en = suggest(source, campaigns, {i: e.model.title for i, e in campaigns.items()})
        raise CommandError(f'không có phong trào mã "{source}"{vi}',
                           f'no campaign with id "{source}"{en}')
    old = entry.model
    if new_id is not None and not is_valid_id(new_id):
        hint = slugify(new_id) or "vi-du-2021"
        raise CommandError(f'mã "{new_id}" không hợp lệ; có phải ý bạn là "{hint}"?',
                           f'id "{new_id}" is not valid; did you mean "{hint}"?')
    if issuer is not None and issuer not in {u.model.id for u in result.registry.units}:
        vi, en = suggest(issuer, [u.model.id for u in result.registry.units])
        raise CommandError(f'không có đơn vị mã "{issuer}"{vi}', f'no unit with id "{issuer}"{en}')
    new_issuer = issuer or old.issuer
    _refuse_dissolved(settings, result.registry, new_issuer,
                      shift_date(old.issued, year - old.year), year)
    target_id = new_id or (f"{issuer}-{year}" if issuer and issuer != old.issuer
                           else new_id_for(old.id, old.year, year))
    if target_id in campaigns:
        free = _first_free_year(campaigns, old.id, old.year, year, new_issuer, old.kind)
        raise CommandError(
            f'đã có phong trào mã "{target_id}" ({campaigns[target_id].loc.file}); năm gần nhất '
            f"chưa có là {free}: --year {free}, hoặc chọn mã khác bằng --id",
            f'a campaign with id "{target_id}" already exists ({campaigns[target_id].loc.file}); '
            f"the nearest year without one is {free}: --year {free}, or choose another id with --id")
    for other in campaigns.values():
        m = other.model
        if (m.issuer, m.kind, m.year) == (new_issuer, old.kind, year):
            raise CommandError(
                f'{new_issuer} đã có phong trào loại {old.kind} năm {year}: "{m.id}" ({other.loc.file})',
                f'{new_issuer} already has a {old.kind} campaign for {year}: "{m.id}" ({other.loc.file})')
    source_path = result.registry.paths[entry.loc.file]
    path = target_path(source_path, old.id, target_id)
    anniversaries = {a.model.id: a.model for a in result.registry.anniversaries}
    made = next_year(source_path.read_bytes().decode("utf-8"), year, target_id, anniversaries,
                     issuer if issuer != old.issuer else None)
    try:
        write_atomic(path, made.text)
    except FileExists:
        raise CommandError(f"không ghi đè tệp đã có: {path}; chọn mã khác bằng --id",
                           f"not overwriting an existing file: {path}; choose another id with --id") from None
    except OSError as exc:
        raise CommandError(f"không ghi được {path}: {exc.strerror or exc}",
                           f"cannot write {path}: {exc.strerror or exc}") from None
    say(t(f"Đã ghi {path}", f"Wrote {path}"), markup=False, highlight=False)
    for text in made.changes:
        say(f"  {text.get(settings.lang)}", markup=False, highlight=False, soft_wrap=True)
    if made.days_off:
        say(t("Rơi vào ngày nghỉ (hãy xem lại):", "On a day off (check it):"),
            markup=False, highlight=False)
        for text in made.days_off:
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


def _refuse_dissolved(settings: Settings, registry: Registry, issuer: str, issued: date,
                      year: int) -> None:
    """Before anything is written: a unit dissolved by the day the new campaign would be
    issued cannot issue it; say how to issue it from the successor instead."""
    from thidua_cli.vn.dates import short_date

    unit = next((u.model for u in registry.units if u.model.id == issuer), None)
    if unit is None or unit.dissolved is None or unit.dissolved >= issued:
        return
    raise CommandError(
        f'"{unit.display}" ({issuer}) đã giải thể ngày {short_date(unit.dissolved)}, trước ngày ban '
        f"hành phong trào năm {year} ({short_date(issued)}): không tạo phong trào mới. Nếu đơn vị "
        "kế nhiệm ban hành, hãy thêm --issuer MÃ_ĐƠN_VỊ_KẾ_NHIỆM",
        f'"{unit.display}" ({issuer}) was dissolved on {unit.dissolved.isoformat()}, before the '
        f"{year} campaign would be issued ({issued.isoformat()}): nothing written. If a successor "
        "unit issues it, add --issuer SUCCESSOR_ID")


def _first_free_year(campaigns: dict[str, Any], old_id: str, old_year: int, year: int,
                     issuer: str, kind: str) -> int:
    """The first year from ``year`` on for which this campaign has no successor yet."""
    from thidua_cli.authoring.new_campaign import new_id_for

    taken = {(e.model.issuer, e.model.kind, e.model.year) for e in campaigns.values()}
    free = year
    while new_id_for(old_id, old_year, free) in campaigns or (issuer, kind, free) in taken:
        free += 1
    return free


def run_unit(settings: Settings, unit_id: str, name: str, level: str, parent: str,
             short: str | None) -> int:
    from thidua_cli import report
    from thidua_cli.authoring.new_unit import add_unit
    from thidua_cli.files import write_atomic
    from thidua_cli.models import LEVEL_RANK
    from thidua_cli.rules.base import suggest
    from thidua_cli.validation import validate
    from thidua_cli.vn.slug import is_valid_id, slugify

    result = checked_registry(
        settings, "Sổ đăng ký có lỗi: không thêm đơn vị. Hãy sửa các lỗi trên trước.",
        "The registry has errors: no unit added. Fix the problems above first.")
    if result is None:
        return 1
    units = {e.model.id: e for e in result.registry.units}
    names = {i: e.model.name for i, e in units.items()}
    if not is_valid_id(unit_id):
        hint = slugify(unit_id) or "cdcs-vi-du"
        raise CommandError(f'mã "{unit_id}" không hợp lệ; có phải ý bạn là "{hint}"?',
                           f'id "{unit_id}" is not valid; did you mean "{hint}"?')
    taken = {*units, *(e.model.id for e in result.registry.clusters)}
    if unit_id in taken:
        raise CommandError(f'đã có đơn vị hoặc cụm mã "{unit_id}"; chọn mã khác',
                           f'a unit or cluster with id "{unit_id}" already exists; choose another')
    chosen_level = level if level in LEVEL_RANK else slugify(level)
    if chosen_level not in LEVEL_RANK:
        levels = ", ".join(LEVEL_RANK)
        raise CommandError(f'cấp "{level}" không có; chọn một trong: {levels}',
                           f'no level "{level}"; choose one of: {levels}')
    superior = units.get(parent)
    if superior is None:
        vi, en = suggest(parent, units, names)
        raise CommandError(f'không có đơn vị cấp trên mã "{parent}"{vi}',
                           f'no superior unit with id "{parent}"{en}')
    if LEVEL_RANK[superior.model.level] >= LEVEL_RANK[chosen_level]:
        raise CommandError(
            f'"{superior.model.display}" ở cấp {superior.model.level}, không cao hơn cấp {chosen_level}',
            f'"{superior.model.display}" is on level {superior.model.level}, not above {chosen_level}')
    path = result.registry.paths[superior.loc.file]
    text = add_unit(path.read_bytes().decode("utf-8"),
                    {"id": unit_id, "name": name, "short": short or "", "level": chosen_level,
                     "parent": parent})
    try:
        write_atomic(path, text, overwrite=True)
    except OSError as exc:
        raise CommandError(f"không ghi được {path}: {exc.strerror or exc}",
                           f"cannot write {path}: {exc.strerror or exc}") from None
    settings.err.print(settings.t(f'Đã thêm đơn vị "{unit_id}" vào {path}',
                                  f'Added unit "{unit_id}" to {path}'), markup=False, highlight=False)
    after = validate(settings.registry, cache=True)
    mine = [p for p in after.problems if p.file == superior.loc.file]
    for line in report.text_lines(mine, 1, settings.lang):
        settings.err.print(line, soft_wrap=True)
    return 1 if any(p.severity.value == "error" for p in mine) else 0
