"""The kinds of change and their names and colours, shared by every view of a comparison.

One colour per kind, the same in every page and chart (HTML del/ins/chips, ``PlanDiff.draw``,
the redline's reviewers).
"""

from __future__ import annotations

__all__ = ["HEADER_LABELS", "KIND_COLOURS", "KIND_LABELS", "ROUTINE_LABEL", "kind_labels"]


KIND_LABELS = {
    "expected": "thay đổi theo năm",
    "basis": "căn cứ",
    "substantive": "nội dung",
    "form": "cách viết",
    "renumbering": "đánh số lại",
    "carried-error": "lỗi giữ nguyên",
}

# The name of ``expected`` when the two plans are of the same year: nothing moved with a year
# (two plans of one issuer in one year: a new number and date are routine, not a year bump).
ROUTINE_LABEL = "thay đổi thường lệ"


def kind_labels(same_year: bool) -> dict[str, str]:
    """The Vietnamese name of each kind: ``expected`` is a year bump between plans of two years
    ("thay đổi theo năm") and a routine change between plans of the same year.

    >>> kind_labels(True)["expected"], kind_labels(False)["expected"]
    ('thay đổi thường lệ', 'thay đổi theo năm')
    """
    return {**KIND_LABELS, "expected": ROUTINE_LABEL} if same_year else KIND_LABELS


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
