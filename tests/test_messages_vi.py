"""Messages an officer reads when a template, a preview or a tracked-changes draft cannot be
made: Vietnamese first, then " / " and the English gloss, naming the file. One table over every
way of getting them wrong that we know of."""

from __future__ import annotations

import re

import docx
import pytest

from plankit.cli import main
from plankit.errors import PlankitError
from plankit.template import check_template, preview_template
from plankit.template.from_plan import template_from_plan
from plankit.track import draft_docx

VIETNAMESE = re.compile(r"[ăâđêôơưạảãàáầấậẩẫằắặẳẵẹẻẽèéềếệểễịỉĩìíọỏõòóồốộổỗờớợởỡụủũùúừứựửữỵỷỹỳý]", re.I)


def plan_txt(tmp_path):
    path = tmp_path / "ke-hoach.txt"
    path.write_text("KẾ HOẠCH\nTuyên truyền năm 2025\n", encoding="utf-8")
    return path


def not_zip(tmp_path):
    path = tmp_path / "mau.docx"
    path.write_bytes(b"PK not really")
    return path


def zip_without_document(tmp_path):
    import zipfile

    path = tmp_path / "rong.docx"
    with zipfile.ZipFile(path, "w") as z:
        z.writestr("[Content_Types].xml", "<Types/>")
    return path


def not_a_plan_docx(tmp_path):
    path = tmp_path / "danh-sach.docx"
    d = docx.Document()
    d.add_paragraph("Danh sách đại biểu dự họp")
    d.add_paragraph("Nguyễn Văn An")
    d.save(path)
    return path


CASES = [
    ("template: missing file", lambda t: check_template(t / "khong-co.docx"), "không đọc được mẫu"),
    ("template: a folder", lambda t: check_template((t / "thu-muc.docx").mkdir() or t / "thu-muc.docx"),
     "mẫu là một thư mục"),
    ("template: not .docx", lambda t: check_template(plan_txt(t)), "không phải mẫu .docx"),
    ("template: not a zip", lambda t: check_template(not_zip(t)), "không phải mẫu .docx"),
    ("template: no document.xml", lambda t: check_template(zip_without_document(t)),
     "không phải mẫu .docx, thiếu word/document.xml"),
    ("from plan: a text plan", lambda t: template_from_plan(plan_txt(t), t / "mau.docx"), "mẫu chỉ dựng được"),
    ("from plan: no subject", lambda t: template_from_plan(not_a_plan_docx(t), t / "mau.docx"), "không thấy trích yếu"),
    ("tracked: a text plan", lambda t: draft_docx(plan_txt(t), year=2026, out=t / "x.docx"), "theo dõi thay đổi cần"),
]


@pytest.mark.parametrize(("case", "make", "vietnamese"), CASES, ids=[c[0] for c in CASES])
def test_message_is_vietnamese_first_with_an_english_gloss(tmp_path, case, make, vietnamese):
    with pytest.raises(PlankitError) as caught:
        make(tmp_path)
    message = str(caught.value)
    assert str(tmp_path) in message  # names the file
    reason = message.split(": ", 1)[1]
    assert reason.startswith(vietnamese)
    before, _, after = reason.partition(" / ")
    assert VIETNAMESE.search(before) and after and not VIETNAMESE.search(after.split("(")[0])


def test_missing_template_reason_is_in_words(tmp_path):
    with pytest.raises(PlankitError) as caught:
        check_template(tmp_path / "khong-co.docx")
    assert str(caught.value) == (f"{tmp_path / 'khong-co.docx'}: không đọc được mẫu / cannot read the template "
                                 "(không có tệp này / file not found)")


def test_cli_template_check_missing_file(tmp_path, capsys):
    assert main(["template", "check", str(tmp_path / "nope.docx")]) == 2
    assert capsys.readouterr().err == (f"plankit: lỗi / error: {tmp_path / 'nope.docx'}: không đọc được mẫu / "
                                       "cannot read the template (không có tệp này / file not found)\n")


def test_preview_without_libreoffice(tmp_path, monkeypatch):
    import shutil

    monkeypatch.setattr(shutil, "which", lambda name: None)
    with pytest.raises(PlankitError) as caught:
        preview_template(None, tmp_path / "xem.pdf")
    assert str(caught.value) == ("template: cần LibreOffice để xem trước: apt-get install libreoffice-writer-nogui / "
                                 "LibreOffice is needed for a preview")


@pytest.mark.parametrize(("call", "message"), [
    (lambda: draft_docx("x.docx", year=3000, out="y.docx"), "năm phải là một năm như 2026 / year must be"),
])
def test_argument_errors_are_bilingual(call, message):
    with pytest.raises(ValueError, match=message):
        call()
