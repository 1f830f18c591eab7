"""The header compared as fields: a signer that appears (or changes) is never called a year
change; a blank date filled in at signing stays expected."""

from __future__ import annotations

import pytest

from plankit.diff.classify import Years
from plankit.diff.header import compare_headers
from plankit.model import Header, PartialDate


@pytest.mark.parametrize(("old", "new", "kind"), [
    (None, "Nguyễn Văn An", "substantive"),  # a signer appears: the old copy names none
    ("Nguyễn Văn An", "Trần Thị Bình", "substantive"),  # someone else signs
    ("Nguyễn Văn An", None, "substantive"),  # the new copy names none
    ("Nguyễn Văn An", "NGUYỄN VĂN AN", "same"),
])
def test_signer_is_never_a_year_change(old, new, kind):
    a = Header(number="12", date_parts=PartialDate(10, 1, 2023), year=2023, signer=old)
    b = Header(number="9", date_parts=PartialDate(12, 1, 2024), year=2024, signer=new)
    fields = {f.name: f for f in compare_headers(a, b, Years(2023, 2024))}
    assert (fields["number"].kind, fields["date"].kind, fields["year"].kind) == ("expected",) * 3
    assert fields["signer"].kind == kind


def test_blank_date_filled_in_at_signing_stays_expected():
    a = Header(number=None, date_parts=PartialDate(None, None, None), year=2024)
    b = Header(number="9", date_parts=PartialDate(12, 1, 2024), year=2024)
    fields = {f.name: f for f in compare_headers(a, b, Years(2024, 2024))}
    assert fields["date"].kind == "expected"
