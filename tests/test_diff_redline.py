"""The redline .docx: real Word tracked changes that python-docx reopens and LibreOffice reads."""

from __future__ import annotations

import re
import shutil
import subprocess
from collections import Counter

import docx
import pytest

from plankit.diff import diff_plans
from plankit.errors import OutputExists
from plankit.read import read_text
from plankit.text import fold

W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"


@pytest.fixture(scope="module")
def cantho(seeds):
    return diff_plans(seeds["can-tho-2022"], seeds["can-tho-2025"])


@pytest.fixture(scope="module")
def cantho_docx(cantho, tmp_path_factory):
    path = tmp_path_factory.mktemp("redline") / "can-tho-2022-2025.docx"
    cantho.to_docx(path)
    return path


def words(text: str) -> list[str]:
    return re.findall(r"\w+", fold(text))


def accepted_and_rejected(path) -> tuple[str, str]:
    """The text with every change accepted, and with every change rejected."""
    body = docx.Document(str(path)).element.body
    accepted, rejected = [], []
    for el in body.iter(f"{W}t", f"{W}delText"):
        inside_ins = any(a.tag == f"{W}ins" for a in el.iterancestors())
        if el.tag == f"{W}t":
            accepted.append(el.text or "")
            if not inside_ins:
                rejected.append(el.text or "")
        else:
            rejected.append(el.text or "")
    return " ".join(accepted), " ".join(rejected)


def test_reopens_with_tracked_changes(cantho, cantho_docx):
    document = docx.Document(str(cantho_docx))
    body = document.element.body
    ins = body.findall(f".//{W}ins")
    dels = body.findall(f".//{W}del")
    assert ins and dels
    for rev in ins + dels:
        assert rev.get(f"{W}author", "").startswith("plankit · ")
        assert re.fullmatch(r"\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ", rev.get(f"{W}date", ""))
    authors = Counter(rev.get(f"{W}author") for rev in ins + dels)
    assert set(authors) == {"plankit · thay đổi theo năm", "plankit · căn cứ", "plankit · nội dung"}
    deleted = " ".join(t.text for t in body.iter(f"{W}delText"))
    assert "261/KH-UBND" in deleted and "năm 2022" in deleted
    inserted = " ".join(t.text for r in ins for t in r.iter(f"{W}t"))
    assert "258/KH-UBND" in inserted and "nam 2025" in inserted


def test_activity_table_is_a_word_table(cantho_docx):
    document = docx.Document(str(cantho_docx))
    (table,) = document.tables
    assert [c.text for c in table.rows[0].cells] == [
        "Hình thức tuyên truyền", "Cơ quan chủ trì", "Cơ quan phối hợp", "Thời gian thực hiện"]
    assert len(table.rows) == 5
    last = table.rows[1].cells[3]._tc
    assert [t.text for t in last.iter(f"{W}delText")] == ["Trong năm 2022"]
    assert [t.text for t in last.iter(f"{W}t")] == ["Trong nam 2025"]


def test_carried_errors_are_highlighted_and_commented(cantho_docx):
    document = docx.Document(str(cantho_docx))
    body = document.element.body
    highlighted = [r for r in body.iter(f"{W}r") if r.find(f"{W}rPr/{W}highlight") is not None]
    texts = sorted(" ".join("".join(t.text for t in r.iter(f"{W}t")).split()) for r in highlighted)
    assert texts == ["nam 2024", "tuyén tuyén", "tuyén tuyén"]
    comments = list(document.comments)
    assert len(comments) == 3
    assert any("tuyên truyền" in c.text for c in comments)


def test_accept_all_gives_new_reject_all_gives_old(tmp_path):
    old = read_text(
        "Số: 12/KH-SCT\nHải Dương, ngày 07 tháng 02 năm 2024\nKẾ HOẠCH\nTuyên truyền cải cách hành chính năm 2024\n"
        "I. MỤC ĐÍCH\nNâng cao nhận thức của cán bộ, công chức.\nTổ chức tập huấn cho công chức một cửa.\n"
        "II. KINH PHÍ\nKinh phí thực hiện năm 2024 do ngân sách nhà nước bảo đảm.\n"
        "Trên đây là Kế hoạch tuyên truyền cải cách hành chính năm 2024 của Sở./.\n")
    new = read_text(
        "Số: 15/KH-SCT\nHải Dương, ngày 10 tháng 01 năm 2025\nKẾ HOẠCH\nTuyên truyền cải cách hành chính năm 2025\n"
        "I. MỤC ĐÍCH\nNâng cao nhận thức của cán bộ, công chức và người dân.\n"
        "II. NHIỆM VỤ\nXây dựng chuyên mục trên Cổng thông tin điện tử.\n"
        "III. KINH PHÍ\nKinh phí thực hiện năm 2025 từ nguồn kinh phí thường xuyên.\n"
        "Trên đây là Kế hoạch tuyên truyền cải cách hành chính năm 2025 của Sở./.\n")
    path = tmp_path / "redline.docx"
    assert diff_plans(old, new).to_docx(path) == str(path)
    accepted, rejected = accepted_and_rejected(path)
    assert words(accepted) == words(new.text)
    assert Counter(words(rejected)) == Counter(words(old.text))


def test_refuses_to_overwrite(cantho, cantho_docx):
    with pytest.raises(OutputExists):
        cantho.to_docx(cantho_docx)
    cantho.to_docx(cantho_docx, force=True)
    assert docx.Document(str(cantho_docx)).tables


@pytest.mark.slow
@pytest.mark.skipif(shutil.which("soffice") is None, reason="LibreOffice (soffice) not installed")
def test_libreoffice_reads_the_tracked_changes(cantho_docx, tmp_path):
    flat = subprocess.run(
        ["soffice", "--headless", "--convert-to", "fodt", "--outdir", str(tmp_path), str(cantho_docx)],
        capture_output=True, text=True, timeout=300,
    )
    assert flat.returncode == 0, flat.stderr
    fodt = (tmp_path / cantho_docx.with_suffix(".fodt").name).read_text(encoding="utf-8")
    assert fodt.count("<text:deletion>") > 20 and fodt.count("<text:insertion>") > 20
    assert "plankit · thay đổi theo năm" in fodt


@pytest.mark.slow
@pytest.mark.skipif(shutil.which("soffice") is None or shutil.which("pdftotext") is None,
                    reason="LibreOffice (soffice) or pdftotext not installed")
def test_pdf_shows_deleted_and_inserted_words(cantho_docx, tmp_path):
    run = subprocess.run(
        ["soffice", "--headless", "--convert-to", "pdf", "--outdir", str(tmp_path), str(cantho_docx)],
        capture_output=True, text=True, timeout=300,
    )
    assert run.returncode == 0, run.stderr
    pdf = tmp_path / cantho_docx.with_suffix(".pdf").name
    raw = subprocess.run(["pdftotext", str(pdf), "-"], capture_output=True, text=True, check=True).stdout
    text = " ".join(raw.split())  # table cells wrap
    # LibreOffice prints tracked changes as shown: the deleted basis 261 (struck through) next to
    # the inserted 258; neither plan has both
    assert "261/KH-UBND" in text and "258/KH-UBND" in text
    assert "Trong năm 2022" in text and "Trong nam 2025" in text
