"""A decision's issuing-authority line ("BỘ TRƯỞNG BỘ TƯ PHÁP" above its basis) is never its
signature, however a copy wraps it; the signature at the end still is."""

from __future__ import annotations

import pytest

from plankit import read_text

HEAD = (
    "BỘ TƯ PHÁP\nSố: 1234/QĐ-BTP\nHà Nội, ngày 15 tháng 3 năm 2023\nQUYẾT ĐỊNH\n"
    "Về việc ban hành Kế hoạch phổ biến pháp luật năm 2023\n"
)
BODY = (
    "Căn cứ Nghị định số 98/2022/NĐ-CP ngày 29 tháng 11 năm 2022 của Chính phủ;\nQUYẾT ĐỊNH:\n"
    "Điều 1. Ban hành Kế hoạch.\nĐiều 2. Quyết định này có hiệu lực kể từ ngày ký.\n"
)
SIGNATURE = "KT. BỘ TRƯỞNG\nTHỨ TRƯỞNG\n\nNguyễn Văn An\n"


@pytest.mark.parametrize(
    "authority",
    [
        "BỘ TRƯỞNG BỘ TƯ PHÁP\n",
        "BỘ TRƯỞNG\nBỘ TƯ PHÁP\n",  # a re-wrap left the title alone on its line
        "BỘ TRƯỞNG\n",
        "THỦ TƯỚNG\nCHÍNH PHỦ\n",
        "THỦ TƯỚNG CHÍNH PHỦ\n",
    ],
)
def test_authority_line_is_not_the_signature(authority):
    plan = read_text(HEAD + authority + BODY + SIGNATURE)
    assert (plan.header.signer_title, plan.header.signer) == ("KT. BỘ TRƯỞNG\nTHỨ TRƯỞNG", "Nguyễn Văn An")
    assert "signature" not in [b.kind for b in plan.blocks[:7]]


def test_a_lone_title_at_the_end_is_still_the_signature():
    plan = read_text(HEAD + "BỘ TRƯỞNG BỘ TƯ PHÁP\n" + BODY + "BỘ TRƯỞNG\n\nLê Thành Long\n")
    assert (plan.header.signer_title, plan.header.signer) == ("BỘ TRƯỞNG", "Lê Thành Long")
