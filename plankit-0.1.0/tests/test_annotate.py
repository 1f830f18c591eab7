"""Lint findings as Word comments (plankit.annotate_docx, ``plankit lint --annotate``).

Results are read back with an independent lxml walk of the .docx (tests/docx_walk.py).
"""

from __future__ import annotations

import shutil
import subprocess
import zipfile
from pathlib import Path

import docx
import pytest

import plankit
from plankit.annotate import annotate_docx, comment_text
from plankit.cli import main
from plankit.errors import OutputExists, ReadError
from plankit.lint import lint_plan
from plankit.read import read_plan


def _load_walk():
    """tests/docx_walk.py (the tests run with --import-mode=importlib: no sys.path entry)."""
    import importlib.util

    spec = importlib.util.spec_from_file_location("docx_walk", Path(__file__).with_name("docx_walk.py"))
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


_walk = _load_walk()
comments, revisions, texts = _walk.comments, _walk.revisions, _walk.texts
ROOT = Path(__file__).resolve().parents[1]
CAN_THO_2022 = ROOT / "plans" / "can-tho" / "2022-so-khcn.txt"
SOFFICE = shutil.which("soffice") or shutil.which("libreoffice")


def libreoffice_docx(src: Path, folder: Path) -> Path:
    """``src`` (a bundled text plan) converted to .docx by LibreOffice, as an officer's file."""
    copy = folder / src.name
    shutil.copy(src, copy)
    subprocess.run([SOFFICE, "--headless", f"-env:UserInstallation=file://{folder}/lo",
                    "--infilter=Text (encoded):UTF8,LF,,,", "--convert-to", "docx:MS Word 2007 XML",
                    "--outdir", str(folder), str(copy)], check=True, capture_output=True, timeout=180)
    out = copy.with_suffix(".docx")
    assert out.exists()
    return out


@pytest.fixture(scope="module")
def lo_docx(tmp_path_factory) -> Path:
    if SOFFICE is None:
        pytest.skip("LibreOffice (soffice) is not installed")
    return libreoffice_docx(CAN_THO_2022, tmp_path_factory.mktemp("lo"))


def header_table_docx(path: Path) -> Path:
    """A plan whose header is a two-column table and whose activities are a table."""
    d = docx.Document()
    t = d.add_table(rows=3, cols=2)
    cells = [("UBND TỈNH HẢI DƯƠNG", "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM"),
             ("SỞ CÔNG THƯƠNG", "Độc lập - Tự do - Hạnh phúc"),
             ("Số:      /KH-SCT", "Hải Dương, ngày 07 tháng 02 năm 2024")]
    for row, (left, right) in zip(t.rows, cells, strict=True):
        row.cells[0].text, row.cells[1].text = left, right
    for line in ("KẾ HOẠCH", "Tuyên truyền cải cách hành chính nhà nước năm 2024",
                 "Căn cứ Nghị quyết số 76/NQ-CP ngày 15/7/2021 của Chính phủ ban hành Chương trình "
                 "tổng thể cải cách hành chính nhà nước giai đoạn 2021-2030;",
                 "I. MỤC ĐÍCH, YÊU CẦU", "1. Mục đích",
                 "Nâng cao nhận thức của cán bộ về công tác cải cách hành chính năm 2024.",
                 "II. NỘI DUNG"):
        d.add_paragraph(line)
    a = d.add_table(rows=3, cols=4)
    for row, values in zip(a.rows, [("TT", "Nội dung", "Cơ quan chủ trì", "Thời gian"),
                                    ("1", "Tuyên truyền trên Cổng thông tin điện tử của Sở", "Văn phòng Sở", "Năm 2024"),
                                    ("2", "Tổ chức hội nghị tập huấn nghiệp vụ cải cách hành chính", "Văn phòng Sở", "Quý II/2024")], strict=True):
        for cell, value in zip(row.cells, values, strict=True):
            cell.text = value
    for line in ("Trên đây là Kế hoạch tuyên truyền cải cách hành chính năm 2023 của Sở Công Thương.",
                 "Nơi nhận:", "- UBND tỉnh;", "- Lưu: VT.", "GIÁM ĐỐC", "Trần Văn Hảo"):
        d.add_paragraph(line)
    d.save(path)
    return path


@pytest.mark.slow
def test_libreoffice_docx_one_comment_per_finding_same_text(lo_docx, tmp_path):
    findings = lint_plan(read_plan(lo_docx))
    assert [f.code for f in findings] == ["PK201", "PK104", "PK502", "PK502", "PK502"]
    out = annotate_docx(lo_docx, out=tmp_path / "notes.docx")
    found = comments(out)
    assert len(found) == len(findings) == 5
    assert {c["author"] for c in found} == {"plankit"}
    assert all(c["date"] for c in found)
    # anchored on the finding's words, header ones included
    assert [c["anchor"] for c in found] == [f.surface for f in findings]
    assert found[0]["text"].startswith("[PK201 blank-number] ")
    assert found[2]["text"] == comment_text(findings[2])
    assert "Đề xuất (suggested): thẩm quyền" in found[2]["text"]
    # the text is untouched, and no revision appears
    assert texts(out) == texts(lo_docx)
    assert revisions(out) == []
    with zipfile.ZipFile(out) as zf:
        types = zf.read("[Content_Types].xml").decode()
        rels = zf.read("word/_rels/document.xml.rels").decode()
    assert "wordprocessingml.comments+xml" in types and "relationships/comments" in rels


def test_header_table_and_activity_table_findings(tmp_path):
    src = header_table_docx(tmp_path / "plan.docx")
    plan = read_plan(src)
    findings = lint_plan(plan, rules=["stale-year", "blank-number"])
    assert [(f.code, f.surface) for f in findings] == [("PK201", "Số:      /KH-SCT"), ("PK101", "năm 2023")]
    out = annotate_docx(plan, findings, out=tmp_path / "notes.docx")
    assert [c["anchor"] for c in comments(out)] == ["Số:      /KH-SCT", "năm 2023"]
    assert texts(out) == texts(src)


def test_existing_comments_and_revisions_kept(tmp_path):
    d = docx.Document()
    p = d.add_paragraph("Kế hoạch tuyên truyền cải cách hành chính năm 2025")
    d.add_comment(p.runs, text="Ý kiến của phòng", author="Văn phòng", initials="VP")
    d.add_paragraph("Trên đây là Kế hoạch tuyên tuyền năm 2024 của Sở Khoa học và Công nghệ.")
    run = d.add_paragraph("Nơi nhận: ").add_run("UBND thành phố;")._r
    ins = docx.oxml.parse_xml('<w:ins xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main" '
                              'w:id="90" w:author="Trưởng phòng" w:date="2025-01-10T08:00:00Z"/>')
    run.addprevious(ins)
    ins.append(run)
    d.save(tmp_path / "in.docx")
    out = annotate_docx(tmp_path / "in.docx", out=tmp_path / "out.docx")
    found = comments(out)
    assert [(c["author"], c["anchor"]) for c in found] == [
        ("Văn phòng", "Kế hoạch tuyên truyền cải cách hành chính năm 2025"),
        ("plankit", "tuyên tuyền"),
        ("plankit", "năm 2024"),
    ]
    assert texts(out) == texts(tmp_path / "in.docx")
    assert texts(out, "reject") == texts(tmp_path / "in.docx", "reject")
    assert revisions(out) == [("ins", "Trưởng phòng", "2025-01-10T08:00:00Z")]


def test_never_overwrites_and_refuses_other_formats(tmp_path):
    src = header_table_docx(tmp_path / "plan.docx")
    annotate_docx(src, out=tmp_path / "a.docx")
    with pytest.raises(OutputExists):
        annotate_docx(src, out=tmp_path / "a.docx")
    annotate_docx(src, out=tmp_path / "a.docx", force=True)
    with pytest.raises(ReadError, match=r"need a \.docx plan"):
        annotate_docx(CAN_THO_2022, out=tmp_path / "b.docx")
    with pytest.raises(plankit.PlankitError, match="overwrite the input"):
        annotate_docx(src, out=src, force=True)


def test_cli_lint_annotate(tmp_path, capsys):
    src = header_table_docx(tmp_path / "plan.docx")
    out = tmp_path / "notes.docx"
    code = main(["lint", str(src), "--select", "stale-year", "--annotate", str(out)])
    assert code == 1  # the stale year is an error
    captured = capsys.readouterr()
    assert "PK101" in captured.out
    assert f"wrote {out}: 1 ghi chú / 1 comment" in captured.err
    assert [c["anchor"] for c in comments(out)] == ["năm 2023"]
    assert main(["lint", str(src), "--annotate", str(out)]) == 2
    assert "exists" in capsys.readouterr().err
    assert main(["lint", str(src), str(CAN_THO_2022), "--annotate", str(out), "--force"]) == 2
    assert "--annotate takes one .docx plan" in capsys.readouterr().err
