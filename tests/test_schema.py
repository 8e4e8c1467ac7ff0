"""The JSON schemas and the validator agree on every file of the sample registry and
of the tests: a file the schema accepts has no ``schema`` problem, and the reverse.

The test documents are gathered from the test modules themselves (every
``make_registry``-style ``{"campaigns/x.yaml": TEXT}`` whose text is a literal, a
module constant or a ``campaign(**{…})`` call), so that a new test document is
checked here without being listed, plus the deliberate cases below.
"""

from __future__ import annotations

import ast
import itertools
import textwrap
from pathlib import Path
from typing import Any

import pytest
from jsonschema import Draft202012Validator

from tests import conftest
from thidua_cli.registry import loader, yaml_source
from thidua_cli.schema import FILE_NAMES, KINDS, SCHEMA_DIALECT, schema_id, schemas

TESTS = Path(__file__).resolve().parent
SCHEMAS = schemas()
#: Problems of reading, not of the schema: a file with these is not compared.
READING_RULES = {"yaml-syntax", "duplicate-key", "yaml-alias", "encoding", "file-unreadable"}


def kind_of(path: str) -> str | None:
    if path.startswith("campaigns/"):
        return "campaign"
    if path.startswith("results/"):
        return "result"
    if path.startswith("units/"):
        return "units"
    if path.startswith("anniversaries."):
        return "anniversaries"
    return None


# --------------------------------------------------------------------------- gathering

Candidates = dict[str, list[ast.expr]]
_MAX = 64  # candidates kept for one expression: parametrised tests multiply them


def _candidates(tree: ast.Module) -> Candidates:
    """Every expression each name is given in a module: assignments anywhere, and the
    values of ``pytest.mark.parametrize`` arguments."""
    names: Candidates = {}
    for node in ast.walk(tree):
        if isinstance(node, ast.Assign):
            for target in node.targets:
                if isinstance(target, ast.Name):
                    names.setdefault(target.id, []).append(node.value)
        if isinstance(node, ast.FunctionDef):
            for decorator in node.decorator_list:
                _parametrize(decorator, names)
    return names


def _parametrize(decorator: ast.expr, names: Candidates) -> None:
    if not (isinstance(decorator, ast.Call) and isinstance(decorator.func, ast.Attribute)
            and decorator.func.attr == "parametrize" and len(decorator.args) >= 2):
        return
    try:
        argnames = ast.literal_eval(decorator.args[0])
    except ValueError:
        return
    if isinstance(argnames, str):
        argnames = [name.strip() for name in argnames.split(",")]
    rows = decorator.args[1]
    if not isinstance(rows, (ast.List, ast.Tuple)):
        return
    for row in rows.elts:
        values = row.elts if len(argnames) > 1 and isinstance(row, ast.Tuple) else [row]
        # A pytest.param(...) row stands for several names at once: pair what can be paired.
        for name, value in zip(argnames, values, strict=False):
            names.setdefault(name, []).append(value)


def _texts(node: ast.expr, names: Candidates, depth: int = 0) -> list[str]:
    """The strings an expression may stand for (empty when it cannot be told statically)."""
    if depth > 6:
        return []
    if isinstance(node, ast.Constant) and isinstance(node.value, str):
        return [node.value]
    if isinstance(node, ast.Name):
        out: list[str] = []
        for value in names.get(node.id, []):
            out.extend(_texts(value, names, depth + 1))
        return out[:_MAX]
    if isinstance(node, ast.BinOp) and isinstance(node.op, ast.Add):
        return [a + b for a, b in itertools.product(_texts(node.left, names, depth + 1),
                                                    _texts(node.right, names, depth + 1))][:_MAX]
    if not isinstance(node, ast.Call):
        return []
    keywords: list[tuple[str | None, list[Any]]] = []
    for keyword in node.keywords:
        keywords.append((keyword.arg, _values(keyword.value, names, depth)))
    if isinstance(node.func, ast.Name) and node.func.id == "campaign":
        out = []
        for chosen in itertools.product(*(values for _, values in keywords)):
            replace: dict[str, Any] = {}
            for (arg, _), value in zip(keywords, chosen, strict=True):
                if arg is None and isinstance(value, dict):
                    replace.update(value)
                elif arg is not None:
                    replace[arg] = value
            text = conftest.BASE_CAMPAIGN
            if all(isinstance(new, str) and old in text for old, new in replace.items()):
                for old, new in replace.items():
                    text = text.replace(old, new)
                out.append(text)
        return out[:_MAX]
    if isinstance(node.func, ast.Attribute) and node.func.attr == "dedent" and node.args:
        return _texts(node.args[0], names, depth + 1)
    if isinstance(node.func, ast.Attribute) and node.func.attr == "format" and not node.args:
        out = []
        for base in _texts(node.func.value, names, depth + 1):
            for chosen in itertools.product(*(values for _, values in keywords)):
                try:
                    out.append(base.format(**{arg: value for (arg, _), value in zip(keywords, chosen, strict=True)
                                              if arg is not None}))
                except (KeyError, IndexError, ValueError):
                    pass
        return out[:_MAX]
    if (isinstance(node.func, ast.Attribute) and node.func.attr == "replace"
            and len(node.args) == 2):
        out = []
        for base, old, new in itertools.product(_texts(node.func.value, names, depth + 1),
                                                _texts(node.args[0], names, depth + 1),
                                                _texts(node.args[1], names, depth + 1)):
            out.append(base.replace(old, new))
        return out[:_MAX]
    return []


def _values(node: ast.expr, names: Candidates, depth: int) -> list[Any]:
    """Possible values of a keyword argument: a literal, a dict of strings, or strings."""
    if isinstance(node, ast.Dict) and all(k is not None for k in node.keys):
        keys = [_texts(k, names, depth + 1) for k in node.keys if k is not None]
        values = [_texts(v, names, depth + 1) for v in node.values]
        out = []
        for chosen_keys in itertools.product(*keys):
            for chosen_values in itertools.product(*values):
                out.append(dict(zip(chosen_keys, chosen_values, strict=True)))
                if len(out) >= _MAX:
                    return out
        return out
    try:
        return [ast.literal_eval(node)]
    except ValueError:
        return list(_texts(node, names, depth + 1))


def gathered() -> list[tuple[str, str, str]]:
    """(where, kind, text) of every registry file text written in the test modules."""
    base = _candidates(ast.parse((TESTS / "conftest.py").read_text(encoding="utf-8")))
    found: dict[tuple[str, str], str] = {}
    for module in sorted(TESTS.rglob("*.py")):
        if module.name == "test_schema.py":
            continue  # its own deliberate cases are listed below
        tree = ast.parse(module.read_text(encoding="utf-8"))
        names = {**base, **_candidates(tree)}
        for node in ast.walk(tree):
            if not isinstance(node, ast.Dict):
                continue
            for key, value in zip(node.keys, node.values, strict=True):
                if not (isinstance(key, ast.Constant) and isinstance(key.value, str)):
                    continue
                kind = kind_of(key.value)
                if kind is None:
                    continue
                for text in _texts(value, names):
                    found.setdefault((kind, textwrap.dedent(text)),
                                     f"{module.relative_to(TESTS)}:{value.lineno}")
    for name in ("BASE_ANNIVERSARIES", "BASE_UNITS", "BASE_CAMPAIGN"):
        kind = {"BASE_ANNIVERSARIES": "anniversaries", "BASE_UNITS": "units"}.get(name, "campaign")
        found.setdefault((kind, getattr(conftest, name)), f"conftest.py:{name}")
    return [(where, kind, text) for (kind, text), where in found.items()]


def sample_files() -> list[tuple[str, str, str]]:
    out = []
    for _kind, path in loader.find_files(conftest.SAMPLE_REGISTRY):
        name = path.relative_to(conftest.SAMPLE_REGISTRY).as_posix()
        out.append((f"data/{name}", kind_of(name) or "", path.read_text(encoding="utf-8")))
    return out


# --------------------------------------------------------------------------- the two verdicts

def _has_integral_float(data: Any) -> bool:
    if isinstance(data, float):
        return data.is_integer()
    if isinstance(data, dict):
        return any(_has_integral_float(v) for v in data.values())
    if isinstance(data, list):
        return any(_has_integral_float(v) for v in data)
    return False


def verdicts(kind: str, text: str, tmp_path: Path) -> tuple[bool, bool] | None:
    """(schema accepts, validator accepts), or None when the file fails before the schema."""
    source = yaml_source.read(text.encode("utf-8"), "x.yaml")
    if not source.usable or any(p.rule in READING_RULES for p in source.problems):
        return None
    root = tmp_path / "data"
    where = {"anniversaries": "anniversaries.yaml", "units": "units/x.yaml",
             "campaign": "campaigns/x.yaml", "result": "results/x.yaml"}[kind]
    (root / where).parent.mkdir(parents=True, exist_ok=True)
    (root / where).write_text(text, encoding="utf-8")
    _, problems = loader.load(root)
    validator_ok = not any(p.rule == "schema" for p in problems)
    schema_ok = Draft202012Validator(SCHEMAS[kind]).is_valid(source.data)
    return schema_ok, validator_ok


def test_each_schema_is_a_valid_draft_2020_12_schema() -> None:
    assert list(SCHEMAS) == ["anniversaries", "units", "campaign", "result", "scoring"] == list(KINDS)
    for kind, schema in SCHEMAS.items():
        Draft202012Validator.check_schema(schema)
        assert schema["$schema"] == SCHEMA_DIALECT
        assert schema["$id"] == schema_id(kind) == f"urn:thidua:schema:v1:{kind}"


def test_titles_are_vietnamese_then_english() -> None:
    assert SCHEMAS["campaign"]["title"] == (
        "Phong trào thi đua (campaigns/*.yaml) — thidua campaign file")
    year = SCHEMAS["campaign"]["properties"]["year"]
    assert year == {"type": "integer", "description": (
        "Năm của phong trào (năm học: năm bắt đầu).\n\n"
        "Year of the campaign (school year: the year it starts).")}


def test_the_tests_hold_enough_documents_to_compare() -> None:
    documents = gathered()
    kinds = {kind for _, kind, _ in documents}
    assert kinds == {"anniversaries", "units", "campaign", "result"}
    assert len(documents) >= 40


@pytest.mark.parametrize(("where", "kind", "text"), sample_files() + gathered(),
                         ids=lambda value: value if ":" in str(value) or "/" in str(value) else "")
def test_schema_and_validator_agree(where: str, kind: str, text: str, tmp_path: Path) -> None:
    got = verdicts(kind, text, tmp_path)
    if got is None:
        return  # a YAML or encoding problem: no schema says anything about it
    source = yaml_source.read(text.encode("utf-8"), "x.yaml")
    if _has_integral_float(source.data):
        # JSON Schema counts 2020.0 as an integer; see test_known_gap_integral_floats.
        assert got == (True, False) or got[0] == got[1], where
        return
    schema_ok, validator_ok = got
    assert schema_ok == validator_ok, (where, "schema" if schema_ok else "validator", "accepts")


def test_every_sample_file_is_accepted(tmp_path: Path) -> None:
    files = sample_files()
    assert len(files) == 9
    for where, kind, text in files:
        assert verdicts(kind, text, tmp_path / where.replace("/", "_")) == (True, True), where


CAMPAIGN = conftest.BASE_CAMPAIGN
ANNIVERSARY = "anniversaries:\n  - id: a\n    name: Ngày A\n"

#: (kind, text, both accept?) — what a cadre may mistype, and the valid forms nearby.
CASES = [
    ("campaign", CAMPAIGN, True),
    ("campaign", CAMPAIGN.replace("start: 2020-01-01\nend", "start: 01/01/2020\nend"), True),
    ("campaign", CAMPAIGN.replace("start: 2020-01-01\nend", "start: 1/1/2020\nend"), True),
    ("campaign", CAMPAIGN.replace("start: 2020-01-01\nend", "start: 29/02/2020\nend"), True),
    ("campaign", CAMPAIGN.replace("start: 2020-01-01\nend", "start: 29/02/2021\nend"), False),
    ("campaign", CAMPAIGN.replace("start: 2020-01-01\nend", "start: 2000-02-29\nend"), True),
    ("campaign", CAMPAIGN.replace("start: 2020-01-01\nend", "start: 1900-02-29\nend"), False),
    ("campaign", CAMPAIGN.replace("start: 2020-01-01\nend", "start: 30/02/2020\nend"), False),
    ("campaign", CAMPAIGN.replace("start: 2020-01-01\nend", "start: 31/04/2020\nend"), False),
    ("campaign", CAMPAIGN.replace("start: 2020-01-01\nend", "start: 2020-13-01\nend"), False),
    ("campaign", CAMPAIGN.replace("start: 2020-01-01\nend", "start: 0999-01-01\nend"), False),
    ("campaign", CAMPAIGN.replace("start: 2020-01-01\nend", "start: 2020/01/01\nend"), False),
    ("campaign", CAMPAIGN.replace("start: 2020-01-01\nend", "start: ngày 1 tháng 1\nend"), False),
    ("campaign", CAMPAIGN.replace("year: 2020", 'year: "2020"'), False),
    ("campaign", CAMPAIGN.replace("year: 2020", "year: true"), False),
    ("campaign", CAMPAIGN.replace("kind: nam", "kind: năm"), False),
    ("campaign", CAMPAIGN.replace("kind: nam", "kind: nam-hoc"), True),
    ("campaign", CAMPAIGN.replace("id: ba-dinh-2020", "id: Ba Đình 2020"), False),
    ("campaign", CAMPAIGN.replace("issuer: ldld-ba-dinh", "issuer: ldld_ba_dinh"), False),
    ("campaign", CAMPAIGN.replace("title:", "titel:"), False),
    ("campaign", CAMPAIGN.replace("title: Phát động phong trào thi đua năm 2020\n", ""), False),
    ("campaign", CAMPAIGN + "launch:\n  speaker: Nguyễn Văn A\n", False),
    ("campaign", CAMPAIGN + "launch:\n  date: 03/01/2020\n", True),
    ("campaign", CAMPAIGN + "document:\n  number: 01/KH-LĐLĐ\n  signer: {name: A}\n", False),
    ("campaign", CAMPAIGN + "document:\n  signer: {name: A, position: Chủ tịch}\n", True),
    ("campaign", CAMPAIGN + "basis: Nghị quyết\n", False),
    ("campaign", CAMPAIGN + "tasks:\n  - sector: doanh-nghiep\n    items: [a]\n", True),
    ("campaign", CAMPAIGN + "tasks:\n  - sector: cong-ty\n", False),
    ("campaign", CAMPAIGN.replace("thanh-lap-dang: 90", 'thanh-lap-dang: "90"'), False),
    ("campaign", CAMPAIGN.replace("thanh-lap-dang: 90", "thanh-lap-dang: null"), True),
    ("campaign", CAMPAIGN.replace("thanh-lap-dang: 90", "Thành lập Đảng: 90"), False),
    ("campaign", CAMPAIGN.replace("  - number: 2", "  - number: two"), False),
    ("campaign", CAMPAIGN.replace("    end: 2020-06-30\n", ""), False),
    ("campaign", CAMPAIGN.replace("    start: 2020-07-01", "    start: 2020-07-01\n    days: 184"), True),
    ("campaign", CAMPAIGN.replace("phases:", "phase:"), False),
    ("campaign", "- id: x\n", False),
    ("campaign", "id: x\n", False),
    ("campaign", "", False),
    # Target values: the grammar, Vietnamese numbers, counts.
    *[("campaign", CAMPAIGN.replace("value: trên 75%", f"value: {value}"), ok) for value, ok in [
        ("trên 75%", True), ("TRÊN 75 %", True), ("hơn 75%", True), ('"> 75%"', True),
        ("từ 90% trở lên", True), ("90% trở lên", True), ("ít nhất 90%", True),
        ("tối thiểu 90%", True), ('">= 90%"', True), ("≥ 90%", True), ("85-90%", True),
        ("85% - 90%", True), ("85–90%", True), ("từ 85% đến 90%", True), ("dưới 5%", True),
        ('"< 5%"', True), ("không quá 15%", True), ("tối đa 15%", True), ('"<= 15%"', True),
        ("≤ 15%", True), ("100%", True), ("không có", True), ("Không Có", True),
        ("12,5%", True), ('"12.5%"', True), ('"10.141"', True), ("trên 1.000.000", True),
        ("1.000,5", True), ("trên200", True), ("200", True), ("0", True),
        ("101%", True),  # syntax is fine: target-percent-range says what is wrong, later
        ("-5%", False), ("trên -5%", False), ("1.2.3%", False), ("1,000.5", False),
        ("1,5,6", False), ('""', False), ("năm căn", False), ("5 % %", False),
        # what real plans write (vn/targets.py): "phần trăm", a unit word, "khoảng", "đạt"
        ("75 phần trăm", True), ("khoảng 75%", True), ("trên 5 người", True), ("đạt 100%", True),
        ("120% dự toán", True), ("Đạt 90 Phần Trăm", True), ("từ 200 lượt trở lên", True),
        ("5-10 CĐCS", True), ("trên 90% số CĐCS", True),
        ("-1", False), ("12.5", False), ("true", False), ("null", False), ("[75%]", False),
    ]],
    ("campaign", CAMPAIGN.replace("value: trên 75%", "value: trên 75%\n    sector: khac\n"
                                  "    within: lao-dong-tien-tien"), True),
    ("campaign", CAMPAIGN.replace("value: trên 75%", "valeu: trên 75%"), False),
    # Anniversaries: exactly one calendar, since only with lunar, lunar day/month.
    ("anniversaries", ANNIVERSARY + "    date: 1930-02-03\n", True),
    ("anniversaries", ANNIVERSARY + '    lunar: "10/3"\n', True),
    ("anniversaries", ANNIVERSARY + '    lunar: " 10 / 03 "\n    since: 1990\n', True),
    ("anniversaries", ANNIVERSARY + '    lunar: "30/12"\n', True),
    ("anniversaries", ANNIVERSARY + '    lunar: "31/1"\n', False),
    ("anniversaries", ANNIVERSARY + '    lunar: "10/13"\n', False),
    ("anniversaries", ANNIVERSARY + '    lunar: "0/3"\n', False),
    ("anniversaries", ANNIVERSARY + '    lunar: "10-3"\n', False),
    ("anniversaries", ANNIVERSARY + "    lunar: 10\n", False),
    ("anniversaries", ANNIVERSARY, False),
    ("anniversaries", ANNIVERSARY + '    date: 1930-02-03\n    lunar: "10/3"\n', False),
    ("anniversaries", ANNIVERSARY + "    date: 1930-02-03\n    lunar: null\n", True),
    ("anniversaries", ANNIVERSARY + "    date: null\n    lunar: null\n", False),
    ("anniversaries", ANNIVERSARY + "    date: 1930-02-03\n    since: 1930\n", False),
    ("anniversaries", ANNIVERSARY + "    date: 1930-02-03\n    since: null\n", True),
    ("anniversaries", ANNIVERSARY + '    lunar: "10/3"\n    since: "1990"\n', False),
    ("anniversaries", "anniversaries:\n", True),
    ("anniversaries", "anniversaries: []\n", True),
    ("anniversaries", "anniversary:\n  - id: a\n", False),
    ("anniversaries", "anniversaries: {id: a}\n", False),
    ("anniversaries", "anniversaries:\n  - a\n", False),
    # Units and clusters.
    ("units", conftest.BASE_UNITS, True),
    ("units", "units:\n", True),
    ("units", "clusters: []\n", True),
    ("units", "units:\n  - id: a\n    name: A\n    level: tinh\n    dissolved: 31/12/2024\n", True),
    ("units", "units:\n  - id: a\n    name: A\n    level: tỉnh\n", False),
    ("units", "units:\n  - id: a\n    name: A\n", False),
    ("units", "units:\n  - id: a\n    name: A\n    level: co-so\n    sector: truong-hoc\n", True),
    ("units", "units:\n  - id: a\n    name: A\n    level: co-so\n    sector: school\n", False),
    ("units", "units:\n  - id: a\n    name: A\n    level: tinh\n    parnet: b\n", False),
    ("units", "units:\n  - id: a\n    name: A\n    level: tinh\n    anniversaries:\n"
              "      - {id: b, name: B, date: 2014-04-01}\n", True),
    ("units", "units:\n  - id: a\n    name: A\n    level: tinh\n    anniversaries:\n"
              "      - {id: b, name: B}\n", False),
    ("units", "clusters:\n  - id: c\n    name: C\n    organizer: a\n    leader: b\n"
              "    members: [a, b]\n", True),
    ("units", "clusters:\n  - id: c\n    name: C\n    organizer: a\n    leader: b\n"
              "    members: a\n", False),
    ("units", "clusters:\n  - id: c\n    name: C\n    organizer: a\n    members: [a]\n", False),
    ("units", "unit:\n  - id: a\n", False),
    ("units", "units: [1, 2]\n", False),
]


@pytest.mark.parametrize(("kind", "text", "ok"), CASES)
def test_deliberate_cases(kind: str, text: str, ok: bool, tmp_path: Path) -> None:
    assert verdicts(kind, text, tmp_path) == (ok, ok)


def test_known_gap_integral_floats(tmp_path: Path) -> None:
    # YAML reads 2020.0 as a float; the strict validator refuses it, but JSON Schema
    # (and so every editor) counts 2020.0 as an integer. thidua validate still catches it.
    text = CAMPAIGN.replace("year: 2020", "year: 2020.0")
    assert verdicts("campaign", text, tmp_path) == (True, False)
    # A float that is not whole is refused by both.
    text = CAMPAIGN.replace("year: 2020", "year: 2020.5")
    assert verdicts("campaign", text, tmp_path / "b") == (False, False)


# --------------------------------------------------------------------------- what editors run

#: JSON Schema keywords of draft-07, the draft the YAML language server (VS Code's YAML
#: extension) validates with; ``$defs`` is reached through ``$ref`` JSON pointers.
DRAFT_07_KEYWORDS = {
    "$schema", "$id", "$ref", "$defs", "title", "description", "default", "examples", "type",
    "enum", "pattern", "minimum", "properties", "additionalProperties", "propertyNames",
    "required", "items", "anyOf", "oneOf", "if", "then",
    # The language server's own extensions (VS Code's too): the message shown for a refused value.
    "patternErrorMessage", "errorMessage",
}


def keywords(node: Any) -> set[str]:
    found: set[str] = set()
    if isinstance(node, list):
        for item in node:
            found |= keywords(item)
    elif isinstance(node, dict):
        for key, value in node.items():
            found.add(key)
            if key in ("properties", "$defs"):  # names, not keywords, at this level
                for item in value.values():
                    found |= keywords(item)
            elif key not in ("enum", "examples", "default", "required"):
                found |= keywords(value)
    return found


def every_node(node: Any) -> list[dict[str, Any]]:
    if isinstance(node, list):
        return [found for item in node for found in every_node(item)]
    if isinstance(node, dict):
        return [node] + [found for value in node.values() for found in every_node(value)]
    return []


def test_every_pattern_has_a_vietnamese_message_instead_of_its_regex():
    messages = {node["patternErrorMessage"] for schema in SCHEMAS.values()
                for node in every_node(schema) if "pattern" in node}
    assert all(node.get("patternErrorMessage") for schema in SCHEMAS.values()
               for node in every_node(schema) if "pattern" in node)
    assert messages == {
        "Ngày không đúng dạng: hãy viết 2020-01-03 hoặc 03/01/2020 (ngày/tháng/năm).\n"
        "Not a date: write 2020-01-03 or 03/01/2020 (day/month/year).",
        "Mã chỉ gồm chữ thường không dấu, chữ số và dấu gạch ngang, ví dụ ldld-bac-tu-liem.\n"
        "An id has lowercase ASCII letters, digits and hyphens only, e.g. ldld-bac-tu-liem.",
        'Ngày âm lịch viết "ngày/tháng" trong ngoặc kép, ví dụ "10/3".\n'
        'A lunar date is "day/month" in quotes, e.g. "10/3".',
        'Giá trị chỉ tiêu không đọc được; hãy viết như "trên 75%", "từ 90% trở lên", "85-90%", '
        '"dưới 5%", "không quá 15%", "100%" hoặc một số lượng như "trên 200".\n'
        'Unreadable target value; write it like "trên 75%", "từ 90% trở lên", "85-90%", "dưới 5%", '
        '"không quá 15%", "100%" or a count such as "trên 200".',
        'Văn bản chứa ký tự điều khiển (viết bằng mã thoát như "\\x1b"); hãy xóa nó.\n'
        'The text holds a control character (written as an escape such as "\\x1b"); delete it.',
        'Tỉ lệ viết như "75,01%" (dấu phẩy thập phân, có dấu %).\nA share is written like "75,01%" (decimal comma, with %).',
        'Điểm là một số có nhiều nhất một chữ số thập phân, ví dụ 8,5 hoặc 8.5.\nA score is a number with at most one decimal, e.g. 8,5 or 8.5.',
        'Mã tiêu chí gồm chữ và số, ngăn bởi dấu chấm hoặc gạch ngang, đặt trong ngoặc kép, ví dụ "1.1".\nA criterion id is letters and digits separated by dots or hyphens, in quotes, e.g. "1.1".',
        'Giờ viết như "08:30", "8h30" hoặc "8 giờ 30".\nA time is written like "08:30", "8h30" or "8 giờ 30".'}


def test_only_draft_07_keywords_so_the_yaml_language_server_understands_them():
    for schema in SCHEMAS.values():
        assert keywords(schema) <= DRAFT_07_KEYWORDS


def every_document() -> list[tuple[str, str]]:
    return ([(kind, text) for _, kind, text in sample_files() + gathered()]
            + [(kind, text) for kind, text, _ in CASES])


def test_draft_07_and_draft_2020_12_give_the_same_verdicts():
    from jsonschema import Draft7Validator

    compared = 0
    for kind, text in every_document():
        source = yaml_source.read(text.encode("utf-8"), "x.yaml")
        if not source.usable:
            continue
        assert (Draft7Validator(SCHEMAS[kind]).is_valid(source.data)
                == Draft202012Validator(SCHEMAS[kind]).is_valid(source.data)), text
        compared += 1
    assert compared > 200


def patterns(node: Any) -> set[str]:
    found: set[str] = set()
    if isinstance(node, list):
        for item in node:
            found |= patterns(item)
    elif isinstance(node, dict):
        for key, value in node.items():
            if key == "pattern" and isinstance(value, str):
                found.add(value)
            else:
                found |= patterns(value)
    return found


def strings(data: Any) -> set[str]:
    if isinstance(data, str):
        return {data}
    if isinstance(data, dict):
        return set().union(*(strings(k) | strings(v) for k, v in data.items()))
    if isinstance(data, list):
        return set().union(*(strings(v) for v in data))
    return set()


def test_patterns_match_alike_in_python_and_in_editors():
    # jsonschema checks "pattern" with Python's re; editors with ECMAScript regular
    # expressions (the "u" flag, as VS Code uses). regress is an ECMAScript engine.
    import re

    import regress

    corpus = {"abc\n", " 2020-01-03 ", "2020-1-3\n", "TRÊN 75 %", "Từ 85% Đến 90%", "１０/３",
              "1.000.000,5", "ít nhất90%", "≥90%", "85 — 90 %", "ab-", "-ab", "a b",
              "a\tb", "a\x1b[2Jb", "a\x9bb", "\x00", "a\u202eb", "a\u2028b"}
    for _kind, text in every_document():
        source = yaml_source.read(text.encode("utf-8"), "x.yaml")
        if source.usable:
            corpus |= strings(source.data)
    found = set().union(*(patterns(schema) for schema in SCHEMAS.values()))
    # id, date, lunar date, target value, plain text, a result's stated share; a scoring's
    # criterion id, score and meeting time
    assert len(found) == 9
    for pattern in found:
        ecma = regress.Regex(pattern, "u")
        python = re.compile(pattern)
        for value in corpus:
            assert (python.search(value) is not None) == (ecma.find(value) is not None), (
                pattern[:40], value)
    assert len(corpus) > 300


def test_the_modelines_of_docs_editor_md_reach_the_written_schemas():
    # The table of docs/editor.md, resolved from each file's folder, must name the files
    # `thidua schema -o data/schema` writes.
    import posixpath
    import re

    text = (TESTS.parent / "docs" / "editor.md").read_text(encoding="utf-8")
    rows = re.findall(r"^ *\| `data/([^`]+)` \| `# yaml-language-server: \$schema=([^`]+)` \|$",
                      text, flags=re.MULTILINE)
    assert [file for file, _ in rows] == ["anniversaries.yaml", "units/*.yaml", "campaigns/*.yaml",
                                          "results/*.yaml", "scoring/*.yaml"]
    written = {f"schema/{name}" for name in FILE_NAMES.values()}
    for (file, target), kind in zip(rows, KINDS, strict=True):
        resolved = posixpath.normpath(posixpath.join(posixpath.dirname(file), target))
        assert resolved == f"schema/{FILE_NAMES[kind]}" and resolved in written
