"""plankit.agencies.stale_names: which names were dead on which day, and what replaced them."""

from __future__ import annotations

import datetime as dt

import pytest

from plankit.agencies import stale_names

JAN_2025 = dt.date(2025, 1, 21)
APR_2025 = dt.date(2025, 4, 1)
JAN_2026 = dt.date(2026, 1, 15)

# (text, day, province, [(found text, replacement, change kind)])
CASES = [
    (
        "- Sở Thông tin và Truyền thông;",
        JAN_2026,
        None,
        [("Sở Thông tin và Truyền thông", "Sở Khoa học và Công nghệ", "department_merge")],
    ),
    ("- Sở Thông tin và Truyền thông;", JAN_2025, None, []),
    (
        "- Sở Thông tin và Truyền thông;",
        dt.date(2025, 3, 1),
        None,
        [("Sở Thông tin và Truyền thông", "Sở Khoa học và Công nghệ", "department_merge")],
    ),
    ("- Sở Thông tin và Truyền thông;", dt.date(2025, 2, 28), None, []),
    # the ministries merged on the same day (Nghị quyết 176/2025/QH15)
    (
        "phối hợp với Bộ Thông tin và Truyền thông",
        JAN_2026,
        None,
        [("Bộ Thông tin và Truyền thông", "Bộ Khoa học và Công nghệ", "department_merge")],
    ),
    ("phối hợp với Bộ Thông tin và Truyền thông", JAN_2025, None, []),
    # the Party's central boards merged in February 2025
    (
        "theo định hướng của Ban Tuyên giáo Trung ương",
        JAN_2026,
        None,
        [("Ban Tuyên giáo Trung ương", "Ban Tuyên giáo và Dân vận Trung ương", "department_merge")],
    ),
    ("theo định hướng của Ban Tuyên giáo Trung ương", dt.date(2025, 2, 2), None, []),
    ("theo định hướng của Ban Tuyên giáo và Dân vận Trung ương", JAN_2026, None, []),
    (
        "- S6 Thong tin va Truyén thong;",
        JAN_2026,
        None,
        [("S6 Thong tin va Truyén thong", "Sở Khoa học và Công nghệ", "department_merge")],
    ),
    (
        "SỞ KẾ HOẠCH VÀ ĐẦU TƯ",
        JAN_2026,
        None,
        [("SỞ KẾ HOẠCH VÀ ĐẦU TƯ", "SỞ TÀI CHÍNH", "department_merge")],
    ),
    (
        "Sở Lao động, Thương binh và Xã hội; Sở LĐTBXH",
        JAN_2026,
        None,
        [
            ("Sở Lao động, Thương binh và Xã hội", "Sở Nội vụ", "department_merge"),
            ("Sở LĐTBXH", "Sở Nội vụ", "department_merge"),
        ],
    ),
    (
        "Sở Thông tin và\nTruyền thông",
        JAN_2026,
        None,
        [("Sở Thông tin và\nTruyền thông", "Sở Khoa học và Công nghệ", "department_merge")],
    ),
    # names that did not change, or absorbed the others, are never stale
    (
        "Sở Khoa học và Công nghệ; Sở Tài chính; Sở Nội vụ; Sở Xây dựng; Bộ Nội vụ",
        JAN_2026,
        None,
        [],
    ),
    (
        "Bộ Kế hoạch và Đầu tư",
        JAN_2026,
        None,
        [("Bộ Kế hoạch và Đầu tư", "Bộ Tài chính", "department_merge")],
    ),
    (
        "UBND tỉnh Thừa Thiên Huế",
        JAN_2025,
        None,
        [("tỉnh Thừa Thiên Huế", "thành phố Huế", "province_rename")],
    ),
    ("UBND tỉnh Thừa Thiên Huế", dt.date(2024, 12, 31), None, []),
    (
        "Tỉnh Sóc Trăng; tỉnh Hải Dương; thành phố Cần Thơ",
        JAN_2026,
        None,
        [
            ("Tỉnh Sóc Trăng", "Thành phố Cần Thơ", "province_merge"),
            ("tỉnh Hải Dương", "thành phố Hải Phòng", "province_merge"),
        ],
    ),
    ("tỉnh Sóc Trăng", dt.date(2025, 6, 30), None, []),
    (
        "UBND cấp huyện; UBND các huyện, thị xã, thành phố",
        JAN_2026,
        None,
        [
            ("UBND cấp huyện", None, "district_abolished"),
            ("UBND các huyện, thị xã, thành phố", None, "district_abolished"),
        ],
    ),
    (
        "Phòng Thương mại và Công nghiệp Việt Nam",
        dt.date(2022, 1, 10),
        None,
        [
            (
                "Phòng Thương mại và Công nghiệp Việt Nam",
                "Liên đoàn Thương mại và Công nghiệp Việt Nam",
                "department_rename",
            )
        ],
    ),
    # Thành phố Hồ Chí Minh merged its departments on its own day (2025-05-01)
    (
        "Sở Tài nguyên và Môi trường",
        APR_2025,
        None,
        [("Sở Tài nguyên và Môi trường", "Sở Nông nghiệp và Môi trường", "department_merge")],
    ),
    ("Sở Tài nguyên và Môi trường", APR_2025, "Thành phố Hồ Chí Minh", []),
    (
        "Sở Tài nguyên và Môi trường; Sở Giao thông Công chánh",
        dt.date(2025, 5, 1),
        "Thành phố Hồ Chí Minh",
        [
            ("Sở Tài nguyên và Môi trường", "Sở Nông nghiệp và Môi trường", "department_rename"),
            ("Sở Giao thông Công chánh", "Sở Xây dựng", "department_merge"),
        ],
    ),
    ("Sở Giao thông Công chánh", JAN_2026, "Cần Thơ", []),
]


@pytest.mark.parametrize(("text", "day", "province", "expected"), CASES)
def test_stale_names(text, day, province, expected):
    found = stale_names(text, day, province=province)
    assert [(text[s.start : s.end], s.new, s.change["kind"]) for s in found] == expected


def test_every_change_keeps_its_basis_and_source():
    [found] = stale_names("Sở Thông tin và Truyền thông", JAN_2026)
    assert found.old == "Sở Thông tin và Truyền thông"
    assert found.change["effective"] == "2025-03-01"
    assert "45/2025/NĐ-CP" in found.change["basis"] and found.change["source"].startswith(
        "https://"
    )
