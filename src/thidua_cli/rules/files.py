"""Rules about files themselves: reading, encoding, YAML syntax, the schema.

The registry loader reports these while it reads each file (they need the raw
text); this module is where they are named and documented.
"""

from __future__ import annotations

from thidua_cli.problems import Severity, Text
from thidua_cli.rules.base import Check, Context, Rule

RULES = (
    Rule("yaml-syntax", Severity.ERROR,
         Text("tệp không phải YAML hợp lệ", "a file that is not valid YAML"),
         Text("Tệp hỏng thì không kiểm tra được gì trong đó; lỗi thường do thụt lề hoặc thiếu dấu hai chấm.",
              "Nothing in a broken file can be checked; the usual cause is indentation or a missing colon."),
         bad="phases:\n  - number: 1\n   start: 2020-01-01",
         good="phases:\n  - number: 1\n    start: 2020-01-01"),
    Rule("duplicate-key", Severity.ERROR,
         Text("cùng một khóa xuất hiện hai lần trong một mapping",
              "the same key twice in one mapping"),
         Text("YAML lặng lẽ lấy giá trị sau, nên giá trị trước bị mất mà không ai hay.",
              "YAML silently keeps the later value, so the earlier one is lost unnoticed."),
         bad="start: 2020-01-01\nstart: 2020-05-01", good="start: 2020-01-01\nend: 2020-05-01"),
    Rule("yaml-alias", Severity.ERROR,
         Text("neo hoặc bí danh YAML (&x, *x)", "an anchor or alias (&x, *x)"),
         Text("Sổ đăng ký viết tay không cần chúng; cấm chúng để chặn kiểu tấn công bom bí danh.",
              "A hand-written registry needs none, and refusing them closes the alias-bomb attack."),
         bad="signer: &chu-tich {name: Nguyễn Văn A, position: Chủ tịch}",
         good="signer: {name: Nguyễn Văn A, position: Chủ tịch}"),
    Rule("encoding", Severity.ERROR,
         Text("tệp không phải UTF-8 (UTF-16, Windows-1258, TCVN3/ABC, nhị phân)",
              "a file that is not UTF-8 (UTF-16, Windows-1258, TCVN3/ABC, binary)"),
         Text("Chữ tiếng Việt chỉ đọc đúng khi tệp lưu bằng UTF-8; phần mềm cũ hay lưu Windows-1258.",
              "Vietnamese text reads right only in UTF-8; old Windows tools save Windows-1258."),
         bad="# lưu bằng Notepad, bảng mã ANSI (Windows-1258)\nname: Liên đoàn Lao động quận Ba Đình",
         good="# lưu bằng UTF-8 (VS Code: chọn UTF-8 ở thanh trạng thái)\n"
              "name: Liên đoàn Lao động quận Ba Đình"),
    Rule("not-nfc", Severity.WARNING,
         Text("văn bản không ở dạng Unicode NFC", "text not in Unicode NFC"),
         Text("Cùng một chữ có dấu có thể lưu theo hai cách; tên gõ hai cách sẽ không khớp nhau khi tìm.",
              "An accented letter can be stored two ways; a name typed both ways would not match."),
         bad="name: Ho\u0300a Bi\u0300nh   # o + dấu huyền rời (U+0300), dán từ PDF",
         good="name: H\u00f2a B\u00ecnh   # ò dựng sẵn (U+00F2)"),
    Rule("schema", Severity.ERROR,
         Text("thiếu trường, sai kiểu, trường lạ, mã, ngày hoặc giá trị chỉ tiêu sai",
              "a missing field, a wrong type, an unknown field, a bad id, date or target value"),
         Text("Mỗi trường có một ý nghĩa cố định; gõ nhầm tên trường thì dữ liệu bị bỏ qua âm thầm.",
              "Each field has a fixed meaning; a mistyped field would otherwise be ignored silently."),
         bad="year: \"2020\"\nstrat: 2020-01-01", good="year: 2020\nstart: 2020-01-01"),
    Rule("file-ignored", Severity.ERROR,
         Text("một tệp trông như tệp sổ đăng ký nhưng không được đọc (x.YAML, x.yaml.txt, "
              "tệp ở gốc, thư mục campaign/)",
              "a file that looks like a registry file but is not read (x.YAML, x.yaml.txt, "
              "a file at the root, a campaign/ folder)"),
         Text("Một tệp bị bỏ qua âm thầm thì phong trào trong đó như không có, mà kiểm tra vẫn báo đạt.",
              "A silently skipped file is a campaign that does not exist, while the check passes."),
         bad="campaigns/ba-dinh-2020.yaml.txt   # Notepad thêm đuôi .txt",
         good="campaigns/ba-dinh-2020.yaml"),
    Rule("file-unreadable", Severity.ERROR,
         Text("một tệp trong sổ đăng ký không đọc được (thư mục mang tên .yaml, "
              "liên kết hỏng, không có quyền)",
              "a registry file that cannot be read (a folder named .yaml, a broken link, no permission)"),
         Text("Một tệp không đọc được là một phần sổ đăng ký không được kiểm tra.",
              "An unreadable file is a part of the registry that goes unchecked."),
         bad="campaigns/ba-dinh-2020.yaml/   # một thư mục mang tên .yaml",
         good="campaigns/ba-dinh-2020.yaml    # một tệp YAML đọc được"),
)


def check(ctx: Context) -> Check:
    """The loader reports these rules; nothing is left to check on the models."""
    return iter(())
