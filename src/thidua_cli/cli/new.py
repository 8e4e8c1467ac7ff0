"""``thidua new campaign``: next year's campaign from last year's, as a new file beside it.

Wiring only: the preconditions, the new file and its writing are
:mod:`thidua_cli.authoring.new_campaign`'s.
"""

from __future__ import annotations

import typer

from thidua_cli.cli.common import CommandError, Settings, checked_registry, examples, refuse_empty


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
        year: int = typer.Option(
            ..., "--year", min=1000, max=9999, metavar=t.t("NĂM", "YEAR"),
            help=t.t("Năm của phong trào mới; mọi ngày phải dời được trong 1000–9999.",
                     "Year of the new campaign; every date must move within 1000–9999.")),
        new_id: str | None = typer.Option(
            None, "--id", metavar=t.t("MÃ", "ID"),
            help=t.t("Mã phong trào mới (mặc định: mã cũ với năm mới).",
                                   "Id of the new campaign (default: the old id with the new year)."),
            show_default=False),
        issuer: str | None = typer.Option(
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
        short: str | None = typer.Option(
            None, "--short", metavar=t.t("TÊN", "NAME"), show_default=False,
            help=t.t("Tên viết tắt ở đầu văn bản.", "Short name for document headers.")),
    ) -> None:
        settings: Settings = ctx.obj
        raise typer.Exit(run_unit(settings, unit_id, name, level, parent, short))

    app.add_typer(new, name="new")


def run(settings: Settings, source: str, year: int, new_id: str | None,
        issuer: str | None = None) -> int:
    refuse_empty(campaign=source, id=new_id, issuer=issuer)
    from thidua_cli import report
    from thidua_cli.authoring import new_campaign
    from thidua_cli.validation import validate

    t = settings.t
    say = settings.err.print
    result = checked_registry(
        settings, "Sổ đăng ký có lỗi: không tạo phong trào mới. Hãy sửa các lỗi trên trước.",
        "The registry has errors: no new campaign written. Fix the problems above first.")
    if result is None:
        return 1
    plan = new_campaign.plan(result.index, source, year, new_id, issuer)
    anniversaries = {a_id: a.model for a_id, a in result.index.anniversaries.items()}
    made = new_campaign.moved_text(plan.source_path, plan.name, year, plan.new_id, anniversaries,
                                   plan.issuer)
    path = plan.path
    new_campaign.write_new(path, made.text)
    say(t(f"Đã ghi {path}", f"Wrote {path}"), markup=False, highlight=False)
    for text in made.changes:
        say(f"  {text.get(settings.lang)}", markup=False, highlight=False)
    if made.days_off:
        say(t("Rơi vào ngày nghỉ (hãy xem lại):", "On a day off (check it):"),
            markup=False, highlight=False)
        for text in made.days_off:
            say(f"  {text.get(settings.lang)}", markup=False, highlight=False)
    if made.hints:
        say(t("Chưa đổi (văn bản tự do, hãy đọc lại):", "Not changed (free text, read it again):"),
            markup=False, highlight=False)
        for text in made.hints:
            say(f"  {text.get(settings.lang)}", markup=False, highlight=False)
    after = validate(settings.registry, cache=True)  # all but the new file from the cache
    names = {name for name, where in after.registry.paths.items() if where == path}
    mine = [p for p in after.problems if p.file in names]
    for line in report.text_lines(mine, 1, settings.lang):
        say(line)
    return 1 if any(p.severity.value == "error" for p in mine) else 0


def run_unit(settings: Settings, unit_id: str, name: str, level: str, parent: str,
             short: str | None) -> int:
    from thidua_cli import report
    from thidua_cli.authoring.new_unit import add_unit
    from thidua_cli.files import write_atomic
    from thidua_cli.hints import did_you_mean
    from thidua_cli.models import LEVEL_RANK
    from thidua_cli.validation import validate
    from thidua_cli.vn.slug import is_valid_id, slugify

    refuse_empty(id=unit_id, parent=parent)
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
        vi, en = did_you_mean(parent, units, names)
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
        from thidua_cli.files import write_error

        raise CommandError(*write_error(path, exc)) from None
    settings.err.print(settings.t(f'Đã thêm đơn vị "{unit_id}" vào {path}',
                                  f'Added unit "{unit_id}" to {path}'), markup=False, highlight=False)
    after = validate(settings.registry, cache=True)
    mine = [p for p in after.problems if p.file == superior.loc.file]
    for line in report.text_lines(mine, 1, settings.lang):
        settings.print_wrapped(line, err=True)
    return 1 if any(p.severity.value == "error" for p in mine) else 0
