"""The kinds of change and their names and colours, shared by every view of a comparison.

One colour per kind, the same in every page and chart (HTML del/ins/chips, ``PlanDiff.draw``,
the redline's reviewers).
"""

from __future__ import annotations

__all__ = ["HEADER_LABELS", "KIND_COLOURS", "KIND_LABELS"]


KIND_LABELS = {
    "expected": "thay đổi theo năm",
    "basis": "căn cứ",
    "substantive": "nội dung",
    "form": "cách viết",
    "renumbering": "đánh số lại",
    "carried-error": "lỗi giữ nguyên",
}


# One colour per kind, the same in every page and chart (HTML del/ins/chips, PlanDiff.draw).
KIND_COLOURS = {
    "expected": "#4c78a8",
    "basis": "#8e6cc0",
    "substantive": "#d62728",
    "form": "#2a9d8f",
    "renumbering": "#8c8c8c",
    "carried-error": "#e08a00",
}

HEADER_LABELS = {
    "number": "Số",
    "symbol": "Ký hiệu",
    "date": "Ngày",
    "year": "Năm kế hoạch",
    "issuer": "Cơ quan ban hành",
    "signer": "Người ký",
}
