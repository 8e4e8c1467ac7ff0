"""Loader-level rules on whole registries: schema, encoding, unreadable files, all at once."""

from __future__ import annotations

import os

import pytest

from tests.conftest import BASE_UNITS, campaign, found, messages

F = "data/campaigns/c.yaml"
U = "data/units/units.yaml"


def test_unknown_field_suggests_the_right_one(make_registry):
    root = make_registry({"campaigns/c.yaml": campaign(**{"title:": "titel:"})})
    # One problem, at the typo: not also "missing title" at the top of the file.
    assert found(root) == [("schema", F, 5, 1)]
    assert messages(root, "schema") == [
        'trường "titel" không có trong định dạng sổ đăng ký; có phải ý bạn là "title"? '
        '(trường bắt buộc "title" đang thiếu)']


def test_a_mistyped_top_level_key_is_one_problem(make_registry):
    from tests.conftest import BASE_ANNIVERSARIES

    root = make_registry({"anniversaries.yaml": BASE_ANNIVERSARIES.replace("anniversaries:",
                                                                           "anniversary:")})
    assert found(root) == [("schema", "data/anniversaries.yaml", 1, 1)]
    assert messages(root, "schema", "en") == [
        'key "anniversary" is not part of the format; did you mean "anniversaries"?']


def test_quoted_ordinal_and_float_year_are_schema_errors(make_registry):
    text = campaign(**{"thanh-lap-dang: 90": 'thanh-lap-dang: "90"', "year: 2020": "year: 2020.0"})
    root = make_registry({"campaigns/c.yaml": text})
    assert found(root) == [("schema", F, 3, 7), ("schema", F, 13, 23)]
    assert messages(root, "schema", "en") == [
        '"year" expects a whole number, but found a decimal number 2020.0; write 2020',
        '"thanh-lap-dang" expects a whole number, but found text "90"; remove the quotes']


def test_impossible_date_is_an_error_at_its_line(make_registry):
    root = make_registry({"campaigns/c.yaml": campaign(**{"end: 2020-06-30": "end: 30/02/2020"})})
    assert found(root) == [("schema", F, 11, 10)]


def test_bad_target_value(make_registry):
    root = make_registry({"campaigns/c.yaml": campaign(**{"trên 75%": "chừng 75%"})})
    assert found(root) == [("schema", F, 22, 12)]


def test_bad_id_suggests_a_slug(make_registry):
    root = make_registry({"units/units.yaml": BASE_UNITS.replace("id: cdcs-a", "id: Bắc Từ Liêm")})
    assert found(root)[0] == ("schema", U, 14, 9)
    assert 'có phải ý bạn là "bac-tu-liem"?' in messages(root, "schema")[0]


def test_unknown_level_suggests(make_registry):
    root = make_registry({"units/units.yaml": BASE_UNITS.replace("level: co-so", "level: coso")})
    assert found(root) == [("schema", U, 16, 12)]
    assert 'có phải ý bạn là "co-so"?' in messages(root, "schema")[0]


@pytest.mark.parametrize("text, says", [
    ("", "empty"), ("- a\n- b\n", "not a list"), ("just text\n", 'not text "just text"'),
])
def test_top_level_must_be_a_mapping(make_registry, text, says):
    root = make_registry({"campaigns/c.yaml": text})
    assert found(root) == [("schema", F, 1, 1)]
    assert says in messages(root, "schema", "en")[0]


def test_folder_named_like_a_file(make_registry):
    root = make_registry()
    (root / "campaigns" / "x.yaml").mkdir(parents=True)
    assert found(root) == [("file-unreadable", "data/campaigns/x.yaml", 1, 1)]


def test_symlink_loop(make_registry):
    root = make_registry()
    (root / "campaigns").mkdir()
    os.symlink("loop.yaml", root / "campaigns" / "loop.yaml")
    assert found(root) == [("file-unreadable", "data/campaigns/loop.yaml", 1, 1)]


def test_every_file_is_checked_in_one_run(make_registry):
    root = make_registry({
        "campaigns/a.yaml": b"\xff\xfei\x00d\x00",
        "campaigns/b.yaml": "id: [\n",
        "campaigns/c.yaml": campaign(**{"cong-doan-viet-nam: 91": "cong-doan-viet-nam: 92"}),
        "campaigns/d.yml": "id: x\nid: y\n",
    })
    assert {(rule, file) for rule, file, _, _ in found(root)} == {
        ("encoding", "data/campaigns/a.yaml"), ("yaml-syntax", "data/campaigns/b.yaml"),
        ("anniversary-ordinal", "data/campaigns/c.yaml"),
        ("duplicate-key", "data/campaigns/d.yml"), ("schema", "data/campaigns/d.yml")}


def test_validation_never_writes(make_registry):
    root = make_registry({"campaigns/c.yaml": campaign(**{"title:": "titel:"})})
    before = {p: (p.stat().st_mtime_ns, p.read_bytes()) for p in root.rglob("*") if p.is_file()}
    found(root)
    after = {p: (p.stat().st_mtime_ns, p.read_bytes()) for p in root.rglob("*") if p.is_file()}
    assert before == after


def test_alias_in_a_registry_file(make_registry):
    text = campaign(**{"title: Phát": "title: &t Phát", "targets:": "theme: *t\ntargets:"})
    root = make_registry({"campaigns/c.yaml": text})
    assert found(root) == [("yaml-alias", F, 5, 8), ("yaml-alias", F, 19, 8)]


def test_decomposed_name_warns_once_and_still_matches(make_registry):
    decomposed = BASE_UNITS.replace("quận Ba Đình", "quận Ba \u0110i\u0300nh")
    root = make_registry({"units/units.yaml": decomposed, "campaigns/c.yaml": campaign()})
    assert found(root) == [("not-nfc", U, 11, 39)]
