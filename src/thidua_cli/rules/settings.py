"""Rules about the checker's own settings: ``thidua.yaml`` and ``# thidua: disable=`` comments.

These are reported by :mod:`thidua_cli.config` and :mod:`thidua_cli.suppress` after the
other rules have run (a suppression can only be judged once every problem is known);
this module is where they are named and documented, so that ``thidua rules`` lists them.
"""

from __future__ import annotations

from thidua_cli.problems import Severity, Text
from thidua_cli.rules.base import Check, Context, Rule

RULES = (
    Rule("config-invalid", Severity.ERROR,
         Text("thidua.yaml sai: khóa lạ, quy tắc không tồn tại, mức độ không phải off, error hoặc warning",
              "a wrong thidua.yaml: an unknown key, a rule that does not exist, a severity other than "
              "off, error or warning"),
         Text("Một cấu hình gõ nhầm sẽ lặng lẽ không tắt gì, hoặc tắt nhầm; CI phải dừng lại để sửa.",
              "A mistyped setting silently turns nothing off, or the wrong thing; CI must stop until it "
              "is fixed."),
         bad="rules:\n  phase-lenght: off", good="rules:\n  phase-length: off"),
    Rule("unknown-rule", Severity.ERROR,
         Text("chú thích # thidua: disable= nêu tên một quy tắc không tồn tại",
              "a # thidua: disable= comment naming a rule that does not exist"),
         Text("Tên gõ nhầm thì không tắt được gì, và người đọc tưởng lỗi đã được xem xét.",
              "A mistyped name silences nothing, while a reader believes the problem was reviewed."),
         bad="days: 90  # thidua: disable=phase-lenght", good="days: 90  # thidua: disable=phase-length"),
    Rule("unused-suppression", Severity.WARNING,
         Text("chú thích # thidua: disable= không tắt lỗi nào trên dòng của nó",
              "a # thidua: disable= comment that silences nothing on its line"),
         Text("Lỗi đã được sửa hoặc chú thích đặt sai dòng; chú thích thừa sẽ che một lỗi mới về sau.",
              "The problem was fixed or the comment is on the wrong line; a stale comment would hide a "
              "new problem later."),
         bad="days: 92  # thidua: disable=phase-length   (92 ngày là đúng)",
         good="days: 92"),
)


def check(ctx: Context) -> Check:
    """Reported after the other rules (see the module doc); nothing to check on the models."""
    return iter(())
