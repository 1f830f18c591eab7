"""symbol-spacing on the forms stray spaces take in real symbols: after or before the hyphen,
beside the slash, and between the National Assembly's code and its term ("QH 15")."""

from __future__ import annotations

import pytest

from plankit.lint._context import fires
from plankit.lint.rules.writing import symbol_spacing

HEAD = "KẾ HOẠCH\nChuyển đổi số năm 2025\n\n"

# (sentence, [surface flagged, ...])
CASES = [
    ("Căn cứ Nghị quyết số 202/2025/QH 15 ngày 12/6/2025 của Quốc hội;", ["202/2025/QH 15"]),
    ("Căn cứ Luật số 80/2015/ QH13 ngày 22/6/2015;", ["80/2015/ QH13"]),
    ("Căn cứ Luật số 80/2015 /QH13;", ["80/2015 /QH13"]),
    ("Căn cứ Nghị quyết số 35/NQ-UBTVQH 15 ngày 12/3/2025;", ["35/NQ-UBTVQH 15"]),
    ("Số 12/KH- UBND ngày 05/3/2025", ["12/KH- UBND"]),
    ("Số: 12/KH- UBND", ["12/KH- UBND"]),
    ("Nghị định số 45/2020/NĐ -CP ngày 08/4/2020", ["45/2020/NĐ -CP"]),
    ("Nghị định số 45/2020/ NĐ-CP", ["45/2020/ NĐ-CP"]),
    ("Quyết định số 1234/QĐ -UBND ngày 05/3/2025", ["1234/QĐ -UBND"]),
    ("Nghị quyết số 57 -NQ/TW", ["57 -NQ/TW"]),
    ("Nghị quyết số 57- NQ/TW và Tờ trình số 164/TTr- SKHCN", ["57- NQ/TW", "164/TTr- SKHCN"]),
    # written right, or not a symbol
    ("Căn cứ Nghị quyết số 202/2025/QH15 ngày 12/6/2025;", []),
    ("Căn cứ Nghị quyết số 35/NQ-UBTVQH15;", []),
    ("Quốc hội khóa QH 15 gồm 500 đại biểu.", []),
    ("giai đoạn 2021- 2025", []),
    ("ngày 15/ 7/2021", []),
    ("Điều 2 - UBND tỉnh chịu trách nhiệm thi hành.", []),
    ("Nghị định số 45/2020/NĐ-\nCP ngày 08/4/2020", []),
]


@pytest.mark.parametrize(("sentence", "expected"), CASES, ids=[c[0][:40] for c in CASES])
def test_symbol_spacing(sentence, expected):
    assert fires(HEAD + sentence, symbol_spacing) == expected
