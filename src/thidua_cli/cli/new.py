"""``thidua new campaign``: next year's campaign from last year's, as a new file beside it.

Wiring only: the preconditions, the new file and its writing are
:mod:`thidua_cli.authoring.new_campaign`'s.
"""

from __future__ import annotations

from typing import Optional

import typer

from thidua_cli.cli.common import Settings, checked_registry, refuse_empty


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


def run(settings: Settings, source: str, year: int, new_id: str | None) -> int:
    refuse_empty(**{"from": source, "id": new_id})
    refuse_empty(**{"from": source, "id": new_id})
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
    plan = new_campaign.plan(result.index, source, year, new_id)
    anniversaries = {a_id: a.model for a_id, a in result.index.anniversaries.items()}
    made = new_campaign.moved_text(plan.source_path, plan.name, year, plan.new_id, anniversaries)
    path = plan.path
    new_campaign.write_new(path, made.text)
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
