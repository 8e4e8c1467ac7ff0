"""unknown-reference, with "did you mean"."""

from __future__ import annotations

from tests.conftest import BASE_UNITS, campaign, found, messages

U = "data/units/units.yaml"
F = "data/campaigns/c.yaml"


def test_mistyped_parent_suggests_the_right_id(make_registry):
    root = make_registry({"units/units.yaml": BASE_UNITS.replace("parent: ldld-ha-noi", "parent: ldld-ha-noj")})
    assert found(root) == [("unknown-reference", U, 13, 13)]
    assert messages(root, "unknown-reference") == [
        'cấp trên trực tiếp "ldld-ha-noj" không có trong sổ đăng ký; có phải ý bạn là "ldld-ha-noi"?']


def test_issuer_anniversary_and_within(make_registry):
    text = campaign(**{"issuer: ldld-ba-dinh": "issuer: ldld-ba-dihn",
                       "thanh-lap-dang: 90": "thanh-lap-dag: 90",
                       "value: trên 75%": "value: trên 75%\n    within: khong-co"})
    root = make_registry({"campaigns/c.yaml": text})
    assert found(root) == [("unknown-reference", F, 2, 9), ("unknown-reference", F, 13, 7),
                           ("unknown-reference", F, 23, 13)]


def test_cluster_members(make_registry):
    units = BASE_UNITS + ("clusters:\n  - id: cum-1\n    name: Cụm thi đua số 1\n    organizer: ldld-ha-noi\n"
                          "    leader: ldld-ba-dinh\n    members: [ldld-ba-dinh, cdcs-b]\n")
    root = make_registry({"units/units.yaml": units})
    assert found(root) == [("unknown-reference", U, 23, 29)]


def test_reference_to_a_broken_entry_is_not_repeated(make_registry):
    units = BASE_UNITS.replace("    level: tinh\n", "    level: tinhh\n")
    root = make_registry({"units/units.yaml": units})
    assert [p[0] for p in found(root)] == ["schema"]


def test_references_into_an_unreadable_units_file_are_said_once_after_its_problems(make_registry):
    from tests.conftest import BASE_UNITS, campaign
    from thidua_cli.registry.yaml_source import RESAVE_EN
    from thidua_cli.validation import validate

    # A units file broken three ways: no top-level "units:", a Tab, saved as Windows-1258.
    units = BASE_UNITS.replace("units:\n", "").replace("  - id: cdcs-a", "\t- id: cdcs-a")
    root = make_registry({
        "units/units.yaml": units.encode("cp1258", "replace"),
        "campaigns/c.yaml": campaign(),
        "campaigns/d.yaml": campaign(**{"id: ba-dinh-2020": "id: d-2020",
                                        "issuer: ldld-ba-dinh": "issuer: cdcs-a"}),
        "campaigns/e.yaml": campaign(**{"id: ba-dinh-2020": "id: e-2020",
                                        "issuer: ldld-ba-dinh": "issuer: ldld-ba-dinx"}),
    })
    assert [(p.rule, p.file, p.line, p.column, p.text("en")) for p in validate(root).problems] == [
        ("encoding", "data/units/units.yaml", 2, 18,
         "the file looks like Windows-1258 (old Vietnamese Windows code page), not UTF-8; "
         + RESAVE_EN),
        ("unknown-reference", "data/campaigns/c.yaml", 2, 9,
         'issuer "ldld-ba-dinh" cannot be checked because data/units/units.yaml could not be read '
         "(its problems are above); fix that file first; 1 more references into that file are "
         "unchecked too"),
        # a name the broken file does not hold is still a typo of its own
        ("unknown-reference", "data/campaigns/e.yaml", 2, 9, 'issuer "ldld-ba-dinx" is not in the registry'),
    ]



def test_suggestions_by_a_part_of_the_id_and_by_the_vietnamese_name(make_registry):
    from tests.conftest import BASE_ANNIVERSARIES

    anniversaries = BASE_ANNIVERSARIES + "  - id: tet-nguyen-dan\n    name: Tết Nguyên đán\n    lunar: \"1/1\"\n"
    text = campaign(**{"thanh-lap-dang: 90": "tet: null",
                       "cong-doan-viet-nam: 91": "dang-cong-san: null",
                       "issuer: ldld-ba-dinh": "issuer: ba-dinh"})
    root = make_registry({"anniversaries.yaml": anniversaries, "campaigns/c.yaml": text})
    assert messages(root, "unknown-reference") == [
        'đơn vị ban hành "ba-dinh" không có trong sổ đăng ký; có phải ý bạn là "ldld-ba-dinh"?',
        'ngày kỷ niệm "tet" không có trong sổ đăng ký; có phải ý bạn là "tet-nguyen-dan"?',
        # by its name, "Ngày thành lập Đảng Cộng sản Việt Nam"
        'ngày kỷ niệm "dang-cong-san" không có trong sổ đăng ký; có phải ý bạn là "thanh-lap-dang"?']
