"""The report's index page on a folder of many issuers: it summarises, the pages list everything."""

from __future__ import annotations

from plankit.report import NotebookReport, _figures, _index_page


def _entry(**summary) -> NotebookReport:
    return NotebookReport("03-year-on-year.ipynb", "So sánh hai năm", "/r/03-year-on-year.html", 1.0, summary,
                          gloss="Year on year")


def test_many_drafts_and_pairs_are_cut_to_eight_with_a_count_of_the_rest():
    drafts = [f"drafts/Sở {i}-2025.docx" for i in range(11)]
    pairs = [f"s{i}/2023.txt → s{i}/2024.txt" for i in range(10)]
    rows = dict((vi, value) for vi, _, value in _figures([_entry(drafts=drafts, pairs=pairs)]))
    assert rows["Cặp kế hoạch so sánh"] == "10: " + "; ".join(pairs[:8]) + "; … và 2 cặp khác / 2 more"
    assert rows["Dự thảo đã soạn"].startswith("11: <a href='drafts/S%E1%BB%9F%200-2025.docx'>drafts/Sở 0-2025.docx</a>; ")
    assert rows["Dự thảo đã soạn"].endswith("drafts/Sở 7-2025.docx</a>; … và 3 dự thảo khác / 3 more")
    assert rows["Dự thảo đã soạn"].count("<a ") == 8


def test_the_index_names_each_page_in_both_languages():
    page = _index_page([_entry(plans=2)], "ke-hoach")
    assert "<li><a href='03-year-on-year.html'>So sánh hai năm</a><span class='pk-en'>Year on year</span></li>" in page


def test_the_index_names_each_unreadable_file_with_its_reason():
    # what 01-corpus records: [file inside the plans folder, reason]
    bad = [["rỗng.txt", "tệp rỗng / empty file"],
           ["con/hỏng.docx", "tệp .docx hỏng hoặc bị cắt cụt (tệp nén không trọn vẹn) / damaged or truncated .docx "
                             "(the zip archive is incomplete)"]]
    rows = dict((vi, value) for vi, _, value in _figures([_entry(plans=3, unreadable=2, unreadable_files=bad)]))
    assert rows["Tệp không đọc được"] == (
        "2: rỗng.txt (tệp rỗng / empty file); con/hỏng.docx (tệp .docx hỏng hoặc bị cắt cụt (tệp nén không trọn "
        "vẹn) / damaged or truncated .docx (the zip archive is incomplete))"
    )
    many = [[f"t{i}.txt", "tệp rỗng / empty file"] for i in range(10)]
    rows = dict((vi, value) for vi, _, value in _figures([_entry(plans=0, unreadable=10, unreadable_files=many)]))
    assert rows["Tệp không đọc được"].endswith("t7.txt (tệp rỗng / empty file); … và 2 tệp khác / 2 more")
    # a notebook of an earlier plankit records only the count
    rows = dict((vi, value) for vi, _, value in _figures([_entry(plans=3, unreadable=0)]))
    assert rows["Tệp không đọc được"] == "0"
