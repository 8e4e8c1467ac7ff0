"""document-number."""

from __future__ import annotations

import pytest

from tests.conftest import campaign, found, messages
from thidua_cli.rules.documents import problem_with

F = "data/campaigns/c.yaml"


@pytest.mark.parametrize("number", ["01/KH-LĐLĐ", "05/KH-CĐVC", "123/QĐ-LĐLĐ", "15/LĐLĐ", "02/BC-CĐCS-XĐB",
                                    "10/CTr-LĐLĐ", "15/LĐLĐ-VP",
                                    "…/KH-CĐP"])  # a number left for the clerk (new campaign)
def test_good_numbers(number):
    assert problem_with(number) is None


@pytest.mark.parametrize("number, says", [
    ("1/KH-LĐLĐ", "leading zero: 01"),
    ("01/KH - LĐLĐ", "no spaces"),
    ("KH-LĐLĐ", "expected number/TYPE-ISSUER"),
    ("01/kh-LĐLĐ", '"KH", not "kh"'),
    ("00/KH-LĐLĐ", "start at 01"),
])
def test_bad_numbers(number, says):
    fault = problem_with(number)
    assert fault is not None and says in fault[1]


def test_warning_at_the_number(make_registry):
    text = campaign(**{"phases:": "document:\n  number: 1/KH-LĐLĐ\nphases:"})
    assert found(make_registry({"campaigns/c.yaml": text})) == [("document-number", F, 9, 11)]



def test_cv_is_no_type_code():
    assert problem_with("08/CV-CĐVP") == (
        '"CV" không phải tên viết tắt loại văn bản trong Nghị định 30: công văn ghi số không có '
        'loại, ví dụ "08/CĐVP"',
        '"CV" is no type code of Nghị định 30: a công văn is numbered without one, e.g. "08/CĐVP"')


# --------------------------------------------------------------------------- basis-after-document

#: The superior's plan the district's campaign cites, issued on 05/02/2020.
SUPERIOR = """\
id: ha-noi-2020
issuer: ldld-ha-noi
year: 2020
kind: nam
title: Phát động phong trào thi đua năm 2020
start: 2020-01-01
end: 2020-12-31
document:
  number: 05/KH-LĐLĐ
  date: 2020-02-05
"""


def _citing(dated: str) -> str:
    return campaign(**{"phases:": f"document:\n  date: {dated}\nbasis:\n  - Nghị quyết Đại hội XII"
                                   "\n  - campaign: ha-noi-2020\nphases:"})


def test_a_basis_dated_after_the_document_is_an_error_at_the_citation(make_registry):
    root = make_registry({"campaigns/c.yaml": _citing("2020-01-09"), "campaigns/h.yaml": SUPERIOR})
    assert found(root) == [("basis-after-document", F, 12, 15)]
    assert messages(root, "basis-after-document") == [
        'phong trào "ha-noi-2020" có văn bản ngày 05/02/2020 (data/campaigns/h.yaml:10:9), sau văn bản này (09/01/2020): không '
        "thể thực hiện một kế hoạch chưa ban hành; hãy kiểm tra ngày của hai văn bản hoặc bỏ căn cứ này"]


@pytest.mark.parametrize("dated", ["2020-02-05", "2020-02-10"])
def test_a_basis_dated_on_or_before_the_document_passes(make_registry, dated):
    root = make_registry({"campaigns/c.yaml": _citing(dated), "campaigns/h.yaml": SUPERIOR})
    assert found(root) == []


def test_an_unknown_cited_campaign_is_unknown_reference_with_a_suggestion(make_registry):
    root = make_registry({"campaigns/c.yaml": _citing("2020-02-10").replace("ha-noi-2020", "ha-noj-2020"),
                          "campaigns/h.yaml": SUPERIOR})
    assert found(root) == [("unknown-reference", F, 12, 15)]
    assert messages(root, "unknown-reference") == [
        'phong trào được dẫn làm căn cứ "ha-noj-2020" không có trong sổ đăng ký; '
        'có phải ý bạn là "ha-noi-2020"?']
