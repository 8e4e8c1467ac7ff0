from __future__ import annotations

import pytest

from thidua_cli.vn.slug import is_valid_id, slugify


@pytest.mark.parametrize("name, slug", [
    ("Bắc Từ Liêm", "bac-tu-liem"), ("Đống Đa", "dong-da"), ("LĐLĐ quận Ba Đình", "ldld-quan-ba-dinh"),
    ("Cụm thi đua số 3", "cum-thi-dua-so-3"), ("  Hà  Nội! ", "ha-noi"),
    ("Ba\u0300 Ri\u0323a", "ba-ria"),  # decomposed input
])
def test_slugify(name, slug):
    assert slugify(name) == slug
    assert is_valid_id(slug)


@pytest.mark.parametrize("bad", ["", "Ha-noi", "ha_noi", "ha--noi", "-ha", "ha-", "hà-nội"])
def test_invalid_ids(bad):
    assert not is_valid_id(bad)
