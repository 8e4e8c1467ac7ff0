"""document-number."""

from __future__ import annotations

import pytest

from thidua_cli.rules.documents import problem_with
from tests.conftest import campaign, found

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
