"""``thidua units`` and ``thidua campaigns [YEAR]``: what the registry holds, at a glance."""

from __future__ import annotations

from typing import TYPE_CHECKING

import typer

from thidua_cli.cli.common import Settings, examples

if TYPE_CHECKING:
    from thidua_cli.registry.loader import Registry


def register(app: typer.Typer, t: Settings) -> None:
    @app.command(
        "units",
        epilog=examples(t, "thidua units", "thidua units --registry data"),
        help=t.t("Cây đơn vị: mỗi đơn vị dưới cấp trên của nó, kèm cấp và mã; đơn vị đã giải thể "
                 "được đánh dấu; rồi các cụm, khối thi đua.",
                 "The unit tree: each unit under its superior, with its level and id; dissolved "
                 "units marked; then the clusters."),
    )
    def units_command(ctx: typer.Context) -> None:
        from thidua_cli.overview import unit_tree

        settings: Settings = ctx.obj
        registry = _registry(settings)
        _print(settings, unit_tree(registry, settings.lang)
               or [settings.t("Sổ đăng ký chưa có đơn vị nào.", "The registry holds no unit.")])
        raise typer.Exit(0)

    @app.command(
        "campaigns",
        epilog=examples(t, "thidua campaigns", "thidua campaigns 2026"),
        help=t.t("Tóm tắt từng phong trào: đơn vị, thời gian, các đợt, chỉ tiêu, văn bản, tệp.",
                 "Each campaign in short: issuer, period, phases, targets, document, file."),
    )
    def campaigns_command(
        ctx: typer.Context,
        year: int | None = typer.Argument(
            None, metavar=t.t("NĂM", "YEAR"), show_default=False,
            help=t.t("Chỉ các phong trào của năm này.", "Only the campaigns of this year.")),
    ) -> None:
        from thidua_cli.overview import campaign_summaries

        settings: Settings = ctx.obj
        registry = _registry(settings)
        lines = campaign_summaries(registry, year, settings.lang)
        if not lines:
            lines = [settings.t(f"Không có phong trào nào{f' năm {year}' if year else ''}.",
                                f"No campaign{f' in {year}' if year else ''}.")]
        _print(settings, lines)
        raise typer.Exit(0)


def _registry(settings: Settings) -> Registry:
    """The registry as far as it reads; its errors, if any, summarised in one line on stderr
    (what failed to load is not listed)."""
    from thidua_cli.validation import validate

    result = validate(settings.registry, cache=True)
    if result.errors:
        settings.err.print(settings.t(
            f"Sổ đăng ký có {result.errors} lỗi (chạy `thidua validate` để xem); phần có lỗi có "
            "thể không được liệt kê.",
            f"The registry has {result.errors} errors (run `thidua validate`); what they affect "
            "may be missing below."), markup=False, highlight=False)
    return result.registry


def _print(settings: Settings, lines: list[str]) -> None:
    """On a terminal, a long line wraps at words under its own indentation, four more."""
    from rich.text import Text

    for line in lines:
        depth = len(line) - len(line.lstrip(" "))
        settings.print_wrapped(Text(line), indent=depth + 4)
