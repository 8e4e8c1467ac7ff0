"""``thidua rules [NAME]``: each rule's severity and documentation, read from the rule
modules themselves (:data:`thidua_cli.rules.RULES`), so that it cannot drift."""

from __future__ import annotations

import typer

from thidua_cli.cli.common import CommandError, Settings, examples


def register(app: typer.Typer, t: Settings) -> None:
    @app.command(
        "rules",
        epilog=examples(t, 'thidua rules', 'thidua rules phase-gap'),
        help=t.t("Các quy tắc kiểm tra: mức độ, phát hiện gì, vì sao, ví dụ sai và đúng.",
                 "The validation rules: severity, what each catches, why, a failing and a "
                 "passing example."),
    )
    def rules_command(
        ctx: typer.Context,
        name: str | None = typer.Argument(
            None, metavar=t.t("TÊN", "NAME"),
            help=t.t("Tên một quy tắc, ví dụ phase-gap (mặc định: mọi quy tắc).",
                     "A rule name, e.g. phase-gap (default: every rule)."),
            show_default=False,
        ),
    ) -> None:
        settings: Settings = ctx.obj
        raise typer.Exit(run(settings, name))


def run(settings: Settings, name: str | None) -> int:
    from thidua_cli.hints import did_you_mean
    from thidua_cli.rule_docs import describe
    from thidua_cli.rules import RULES

    if name is None:
        chosen = list(RULES.values())
    elif name.strip().lower() in RULES:
        chosen = [RULES[name.strip().lower()]]
    else:
        hint_vi, hint_en = did_you_mean(name, RULES)
        raise CommandError(
            f'không có quy tắc "{name}"{hint_vi or "; xem danh sách bằng `thidua rules`"}',
            f'no rule named "{name}"{hint_en or "; list them with `thidua rules`"}')
    lines: list[str] = []
    for rule in chosen:
        if lines:
            lines.append("")
        lines.extend(describe(rule, settings.lang))
    settings.out.print("\n".join(lines), markup=False, highlight=False)
    return 0
