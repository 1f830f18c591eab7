"""The messages of a bad citation string, a bad lint selector, baseline or settings file, and a
Word copy that cannot be made: each bad input -> the exact exception class and its whole reason,
Vietnamese first, " / ", then the English gloss; the file named first where there is a file.
"""

from __future__ import annotations

import importlib.util
import re
from pathlib import Path

import docx
import pytest

from plankit.cite.parse import canonical_key, parse_citation
from plankit.errors import InvalidCitation, LintConfigError, PlankitError, ReadError
from plankit.lint.config import load_baseline, parse_selectors
from plankit.lint.settings import load_settings
from plankit.read import read_plan, read_text
from plankit.word import WordEdit

ROOT = Path(__file__).resolve().parent.parent
_SPEC = importlib.util.spec_from_file_location("make_fixtures", ROOT / "tests" / "fixtures" / "make_fixtures.py")
fx = importlib.util.module_from_spec(_SPEC)
_SPEC.loader.exec_module(fx)

VIETNAMESE = re.compile(r"[ăâđêôơưạảãàáầấậẩẫằắặẳẵẹẻẽèéềếệểễịỉĩìíọỏõòóồốộổỗờớợởỡụủũùúừứựửữỵỷỹỳý]", re.I)
SELECTOR_HELP = ("không có quy tắc nào ứng với {0} (dùng mã như PK101, nhóm như PK1, tên quy tắc như "
                 "stale-year, hoặc ALL) / unknown rule selector {0} (use a code such as PK101, a prefix "
                 "such as PK1, a rule name such as stale-year, or ALL)")
KNOWN = "select, ignore, baseline, today, per-file-ignores"


def bilingual(reason: str) -> None:
    """Vietnamese before the first " / ", the English gloss after it."""
    vietnamese, slash, english = reason.partition(" / ")
    assert slash and VIETNAMESE.search(vietnamese) and english and english[0].isascii(), reason


# -- citations: (text, where the caret goes, the whole reason) ----------------------------------------

CITATIONS = [
    ("   ", 0, "chuỗi rỗng: cần số hiệu văn bản, ví dụ 76/NQ-CP / "
              "empty text: expected a document number such as 76/NQ-CP"),
    ("76/NQ-CP abc", 9, "có chữ thừa sau trích dẫn / unexpected text after the citation"),
    ("ISO 9001:2015", 0, "tiêu chuẩn (TCVN, ISO) không phải văn bản pháp luật / "
                         "a standard (TCVN, ISO) is not a legal document"),
    ("Trang 3/12", 0, "cần số hiệu văn bản, ví dụ 76/NQ-CP / expected a document number such as 76/NQ-CP"),
    ("15/7/2021", 0, "đây là ngày tháng, không phải số hiệu văn bản / a date, not a document number"),
    ("10:30", 2, "đây là tiêu chuẩn hoặc giờ, không phải số hiệu văn bản / "
                 "a standard or a time, not a document number"),
    ("Quyết định số 76", 16, "thiếu '/' sau số / expected '/' after the number"),
    ("76/2/NQ-CP", 3, "sau '/' phải là năm (1945-2099) hoặc loại văn bản, không phải '2' / "
                      "expected a year (1945-2099) or a document type after '/', not '2'"),
    ("45/2020 NĐ-CP", 7, "thiếu '/' sau năm / expected '/' after the year"),
    ("76/2021/", 8, "thiếu loại văn bản, ví dụ NQ, QĐ hoặc KH / "
                    "expected a document type such as NQ, QĐ or KH"),
    ("80/QH13", 3, "số hiệu luật phải có năm: 80/2015/QH13 / a law number needs a year: 80/2015/QH13"),
    ("76/XY-CP", 3, "loại văn bản 'XY' không có trong danh mục (plankit/data/document_types.tsv) / "
                    "unknown document type 'XY' (see plankit/data/document_types.tsv)"),
    ("76/nq-cp", 3, "loại văn bản phải viết hoa / the document type must be written in capitals"),
    ("26-CTr", 6, "sau loại văn bản cần '/' và cơ quan ban hành (26-CTr/TU) / "
                  "expected '/' and the issuing body after the type (26-CTr/TU)"),
    ("Nghị quyết 76/NQ", 16, "thiếu mã cơ quan ban hành sau loại văn bản / missing issuer code after the type"),
    ("Nghị quyết 76/NQ-", 17, "thiếu mã cơ quan ban hành sau '-' / missing issuer code after '-'"),
    ("26-CTr/", 7, "thiếu cơ quan ban hành sau '/' / missing issuing body after '/'"),
    ("76/NQ-cp", 6, "mã cơ quan ban hành phải viết hoa / the issuer code must be written in capitals"),
    ("Số1234/QĐ-KH", 2, "không phải số hiệu văn bản / not a document number"),
    ("Nghị quyết số 76/NQ-CP ngày 31/02/2021", 28, "ngày không có thật: 31/02/2021 / no such date: 31/02/2021"),
    ("Nghị quyết số 76/NQ-CP ngày 31 tháng 02 năm 2021", 28,
     "ngày không có thật: 31 tháng 02 năm 2021 / no such date: 31 tháng 02 năm 2021"),
    ("Nghị quyết số 76/NQ-CP ngày hôm qua", 27,
     "sau 'ngày' phải là ngày tháng năm (15/7/2021 hoặc 15 tháng 7 năm 2021) / "
     "expected a date after 'ngày' (15/7/2021 or 15 tháng 7 năm 2021)"),
]


@pytest.mark.parametrize(("text", "column", "reason"), CITATIONS, ids=[c[2].split(" / ")[1] for c in CITATIONS])
def test_a_bad_citation_says_why_in_vietnamese_first(text, column, reason):
    with pytest.raises(InvalidCitation) as caught:
        parse_citation(text)
    err = caught.value
    assert (type(err), err.position, err.reason) == (InvalidCitation, column, reason)
    assert str(err).splitlines()[0] == f"{text}: {reason}"
    bilingual(err.reason)


def test_canonical_key_gives_the_same_reasons():
    with pytest.raises(InvalidCitation) as caught:
        canonical_key("80/QH13")
    assert caught.value.reason == "số hiệu luật phải có năm: 80/2015/QH13 / a law number needs a year: 80/2015/QH13"


# -- lint: a selector, a baseline file, a settings file ----------------------------------------------


def test_an_unknown_selector_on_the_command_line():
    with pytest.raises(LintConfigError) as caught:
        parse_selectors(["PK1, PK9"])
    assert (type(caught.value), str(caught.value)) == (LintConfigError, SELECTOR_HELP.format("'PK9'"))
    bilingual(str(caught.value))


BASELINES = [
    (None, "không có tệp baseline này (tạo bằng --write-baseline) / "
           "baseline file not found (create it with --write-baseline)"),
    ("{not json", "không đọc được tệp baseline / not a readable baseline file (Expecting property name "
                  "enclosed in double quotes: line 1 column 2 (char 1))"),
    ('{"tool": "ruff", "findings": []}', "không phải tệp baseline của plankit / not a plankit baseline file"),
    ('{"tool": "plankit", "version": 9, "findings": []}',
     "tệp baseline phiên bản 9, cần phiên bản 1 / baseline version 9, expected 1"),
    ('{"tool": "plankit", "version": 1, "findings": [{"code": "PK101"}]}',
     "mục 1 thiếu code, file hoặc fingerprint / entry 1 lacks code, file or fingerprint"),
]


@pytest.mark.parametrize(("content", "reason"), BASELINES, ids=[b[1].split(" / ")[1][:30] for b in BASELINES])
def test_a_bad_baseline_names_the_file_in_vietnamese_first(tmp_path, content, reason):
    path = tmp_path / "chap-nhan.json"
    if content is not None:
        path.write_text(content, encoding="utf-8")
    with pytest.raises(LintConfigError) as caught:
        load_baseline(path)
    assert (type(caught.value), str(caught.value)) == (LintConfigError, f"{path}: {reason}")
    bilingual(reason)


SETTINGS = [
    ("plankit.toml", None, "không có tệp cấu hình này / settings file not found"),
    ("plankit.toml", b"select = [\xff]", "không đọc được tệp cấu hình / cannot read the settings file ("
     "'utf-8' codec can't decode byte 0xff in position 10: invalid start byte)"),
    ("plankit.toml", "select = [", "tệp cấu hình sai cú pháp TOML / not valid TOML ("),  # then tomllib's words
    ("pyproject.toml", "[tool]\nplankit = 3\n", "[tool.plankit] phải là một bảng / [tool.plankit] must be a table"),
    ("plankit.toml", 'selct = ["PK1"]', f"khóa không hợp lệ 'selct' (các khóa hợp lệ: {KNOWN}) / "
                                        f"unknown setting 'selct' (known: {KNOWN})"),
    ("plankit.toml", "select = 3", "'select' phải là danh sách mã quy tắc / 'select' must be a list of rule selectors"),
    ("plankit.toml", 'ignore = ["PK9"]', "khóa 'ignore': " + SELECTOR_HELP.format("'PK9'").replace(
        " / ", " / setting 'ignore': ", 1)),
    ("plankit.toml", '[per-file-ignores]\n"*.md" = ["PK5", "sai"]',
     "khóa 'per-file-ignores.*.md': " + SELECTOR_HELP.format("'sai'").replace(
         " / ", " / setting 'per-file-ignores.*.md': ", 1)),
    ("plankit.toml", "baseline = 1", "'baseline' phải là tên tệp / 'baseline' must be a file name"),
    ("plankit.toml", 'today = "tomorrow"', "'today' phải là ngày dạng YYYY-MM-DD / 'today' must be a date (YYYY-MM-DD)"),
    ("plankit.toml", "today = 2026-01-15T08:00:00", "'today' phải là ngày dạng YYYY-MM-DD / "
                                                    "'today' must be a date (YYYY-MM-DD)"),
    ("plankit.toml", 'per-file-ignores = ["x"]', "'per-file-ignores' phải là bảng mẫu tệp = [quy tắc] / "
                                                 "'per-file-ignores' must be a table of glob = [rules]"),
]


@pytest.mark.parametrize(("name", "content", "reason"), SETTINGS, ids=[s[2].split(" / ")[-1][:40] for s in SETTINGS])
def test_a_bad_settings_file_names_the_file_in_vietnamese_first(tmp_path, name, content, reason):
    path = tmp_path / name
    if isinstance(content, str):
        path.write_text(content, encoding="utf-8")
    elif content is not None:
        path.write_bytes(content)
    with pytest.raises(LintConfigError) as caught:
        load_settings(path)
    assert type(caught.value) is LintConfigError
    if reason.endswith("("):
        assert str(caught.value).startswith(f"{path}: {reason}"), str(caught.value)
    else:
        assert str(caught.value) == f"{path}: {reason}"
    bilingual(reason)


# -- a Word copy (comments, tracked changes) -----------------------------------------------------------


@pytest.fixture
def plan_docx(tmp_path) -> Path:
    document = docx.Document()
    document.add_paragraph("KẾ HOẠCH")
    document.add_paragraph("Tuyên truyền cải cách hành chính năm 2025")
    path = tmp_path / "ke-hoach.docx"
    document.save(path)
    return path


def test_a_plan_read_from_another_file_is_refused(plan_docx):
    other = read_text("KẾ HOẠCH\nPhát triển du lịch năm 2025\n", name="khac.txt")
    with pytest.raises(PlankitError) as caught:
        WordEdit(plan_docx, plan=other)
    assert (type(caught.value), str(caught.value)) == (
        ReadError, f"{plan_docx}: kế hoạch đã cho không được đọc từ tệp .docx này / "
                   "the plan was not read from this .docx")
    bilingual(caught.value.reason)


def test_a_package_python_docx_cannot_open_names_the_file(tmp_path, plan_docx):
    """plankit reads word/document.xml directly; python-docx needs the package's relationships."""
    path = tmp_path / "thieu-quan-he.docx"
    path.write_bytes(fx._rewrite(plan_docx.read_bytes(), {"_rels/.rels": None}))
    plan = read_plan(path)
    with pytest.raises(PlankitError) as caught:
        WordEdit(path, plan=plan)
    assert type(caught.value) is ReadError
    assert str(caught.value).startswith(f"{path}: python-docx không mở được tệp / python-docx cannot open it (")
    bilingual(caught.value.reason)


def test_a_comment_on_a_document_left_without_paragraphs(plan_docx, monkeypatch):
    """No .docx with text lacks a paragraph: the copy is emptied after it was opened (its
    paragraphs removed, the map from the plan's text to them dropped)."""
    edit = WordEdit(plan_docx)
    body = edit.doc.element.body
    for p in list(body.iterchildren("{http://schemas.openxmlformats.org/wordprocessingml/2006/main}p")):
        body.remove(p)
    monkeypatch.setattr(edit, "units", [])
    monkeypatch.setattr(edit, "_starts", [])
    with pytest.raises(PlankitError) as caught:
        edit.comment(0, 8, "Xem lại (check)")
    assert (type(caught.value), str(caught.value)) == (
        PlankitError, f"{plan_docx}: văn bản không có đoạn nào để gắn ghi chú / "
                      "the document has no paragraph to comment on")


def test_saving_over_the_input_is_refused(plan_docx):
    before = plan_docx.read_bytes()
    edit = WordEdit(plan_docx)
    with pytest.raises(PlankitError) as caught:
        edit.save(plan_docx, force=True)
    assert (type(caught.value), str(caught.value)) == (
        PlankitError, f"{plan_docx}: tệp ghi ra sẽ đè lên tệp đầu vào, hãy chọn tên khác / "
                      "the output would overwrite the input; choose another name")
    assert plan_docx.read_bytes() == before
