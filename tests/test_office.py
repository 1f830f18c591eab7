""".doc, .rtf and .odt plans, read through LibreOffice headless (plankit/read/_office.py).

The files are made by LibreOffice itself in the test from a bundled plan and from the .docx
fixtures of tests/fixtures/make_fixtures.py (no binaries in git).
"""

from __future__ import annotations

import datetime as dt
import importlib.util
import os
import shutil
import stat
import subprocess
import time
from pathlib import Path

import pytest

from plankit.errors import OfficeUnavailable, ReadError
from plankit.read import _office, read_plan
from plankit.read._office import convert_to_docx, office_kind

_SPEC = importlib.util.spec_from_file_location(
    "make_fixtures", Path(__file__).parent / "fixtures" / "make_fixtures.py"
)
fx = importlib.util.module_from_spec(_SPEC)
_SPEC.loader.exec_module(fx)

ROOT = Path(__file__).resolve().parent.parent
HAI_DUONG = ROOT / "plans" / "hai-duong" / "2022-so-cong-thuong.txt"
SOFFICE = shutil.which("soffice") or shutil.which("libreoffice")
needs_office = pytest.mark.skipif(SOFFICE is None, reason="LibreOffice (soffice) is not installed")

OLE2 = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"


@pytest.mark.parametrize(
    ("data", "suffix", "kind"),
    [
        (OLE2 + bytes(504), ".doc", "doc"),
        (OLE2 + bytes(504), ".docx", "doc"),  # a Word 97 file renamed .docx is still one
        (OLE2 + "EncryptedPackage".encode("utf-16-le"), ".docx", None),  # password: .docx reader
        (b"{\\rtf1\\ansi KE HOACH}", ".rtf", "rtf"),
        (b"{\\rtf1\\ansi KE HOACH}", ".txt", "rtf"),
        (b"PK\x03\x04" + bytes(26) + b"mimetypeapplication/vnd.oasis.opendocument.text", ".odt", "odt"),
        (b"PK\x03\x04" + bytes(26) + b"[Content_Types].xml", ".doc", None),  # a .docx named .doc
        (b"PK\x03\x04" + bytes(26) + b"META-INF/manifest.xml...content.xml", ".odt", "odt"),
        (b"PK\x03\x04" + bytes(26) + b"content.xml...word/document.xml", ".odt", None),
        (b"<html><body>KE HOACH</body></html>", ".doc", "doc"),  # Word's web page saved as .doc
        (b"KE HOACH\nnam 2025", ".txt", None),
        (b"%PDF-1.4", ".pdf", None),
    ],
)
def test_office_kind(data, suffix, kind):
    assert office_kind(data, suffix) == kind


def test_without_libreoffice_the_error_names_what_to_install(tmp_path, monkeypatch):
    monkeypatch.setattr(_office, "office_program", lambda: None)
    path = tmp_path / "ke-hoach-2022.doc"
    path.write_bytes(OLE2 + bytes(504))
    with pytest.raises(OfficeUnavailable) as err:
        read_plan(path)
    assert str(err.value) == (
        f"{path}: cần LibreOffice để đọc tệp .doc, .rtf và .odt (hoặc mở tệp bằng Word rồi lưu thành .docx) / "
        "LibreOffice is needed to read .doc, .rtf and .odt files: apt-get install "
        "libreoffice-writer-nogui (or open the file in Word and save it as .docx)"
    )
    assert isinstance(err.value, ReadError)


def test_a_conversion_that_hangs_is_killed_with_its_children(tmp_path, monkeypatch):
    # a stand-in for soffice that starts a child (as soffice starts soffice.bin) and never ends
    pids = tmp_path / "pids"
    fake = tmp_path / "soffice"
    fake.write_text(f"#!/bin/sh\nsleep 300 &\necho $! > {pids}\nsleep 300\n", encoding="utf-8")
    fake.chmod(fake.stat().st_mode | stat.S_IEXEC)
    monkeypatch.setattr(_office, "office_program", lambda: str(fake))
    start = time.monotonic()
    with pytest.raises(ReadError, match=r"^plan\.doc: LibreOffice chuyển đổi quá 1 giây / LibreOffice took longer than 1 s to convert the file$"):
        convert_to_docx("plan.doc", OLE2 + bytes(504), timeout=1)
    assert time.monotonic() - start < 30
    child = int(pids.read_text(encoding="utf-8"))
    for _ in range(50):  # the kill is immediate; the kernel may take a moment to reap
        try:
            os.kill(child, 0)
        except ProcessLookupError:
            break
        time.sleep(0.1)
    else:
        pytest.fail("the child of the timed-out conversion is still running")


# -- real conversions (slow: LibreOffice runs) -------------------------------------------------


def _soffice(target: str, sources: list[Path], outdir: Path) -> None:
    profile = (outdir / "lo-profile").as_uri()
    subprocess.run(
        [SOFFICE, f"-env:UserInstallation={profile}", "--headless", "--convert-to", target,
         "--outdir", str(outdir), *map(str, sources)],
        check=True, capture_output=True, timeout=300,
    )


@pytest.fixture(scope="module")
def office_files(tmp_path_factory) -> Path:
    """hai-duong.{doc,odt} from a bundled plan, tracked.doc and legacy-fonts.doc from .docx
    fixtures, all made by LibreOffice (one call per target format)."""
    if SOFFICE is None:
        pytest.skip("LibreOffice (soffice) is not installed")
    folder = tmp_path_factory.mktemp("office")
    src = folder / "src"
    src.mkdir()
    shutil.copy(HAI_DUONG, src / "hai-duong.txt")
    (src / "tracked.docx").write_bytes(fx.header_two_columns_docx())
    (src / "legacy-fonts.docx").write_bytes(fx.legacy_fonts_docx())
    _soffice("doc", [src / "hai-duong.txt", src / "tracked.docx", src / "legacy-fonts.docx"], folder)
    _soffice("odt", [src / "hai-duong.txt"], folder)
    return folder


@pytest.mark.slow
@needs_office
@pytest.mark.parametrize("suffix", [".doc", ".odt"])
def test_doc_and_odt_read_as_the_plan_itself(office_files, suffix):
    plan = read_plan(office_files / f"hai-duong{suffix}")
    original = read_plan(HAI_DUONG)
    h = plan.header
    assert (h.reference, h.issuer, h.place, h.date, h.year, h.signer) == (
        "181/KH-SCT", "Sở Công Thương tỉnh Hải Dương", "Hải Dương", dt.date(2022, 2, 7), 2022, "Trần Văn Hảo"
    )
    assert h.to_dict() == original.header.to_dict()
    assert [(c.key, c.role, c.date) for c in plan.citations] == [
        (c.key, c.role, c.date) for c in original.citations
    ]
    assert [s.label for s in plan.sections] == [s.label for s in original.sections]
    assert plan.source.form == suffix[1:] and plan.name == f"{office_files.name}/hai-duong{suffix}"


@pytest.mark.slow
@needs_office
def test_tracked_changes_survive_the_conversion(office_files):
    plan = read_plan(office_files / "tracked.doc")
    assert plan.source.revisions is True
    assert fx.INSERTED in plan.text and fx.DELETED not in plan.text
    assert (plan.header.reference, plan.header.date) == ("181/KH-SCT", dt.date(2022, 2, 7))
    assert plan.header.title == fx.SUBJECT


@pytest.mark.slow
@needs_office
def test_legacy_fonts_in_a_doc_are_converted(office_files):
    plan = read_plan(office_files / "legacy-fonts.doc")
    assert plan.text.split("\n") == [
        "KẾ HOẠCH",
        "Căn cứ Kế hoạch số 261/KH-UBND",
        "Ủy ban nhân dân thành phố Cần Thơ",
    ]
    assert plan.source.encoding == "tcvn3+vni"


@pytest.mark.slow
@needs_office
def test_a_damaged_doc_is_a_read_error_and_stays_untouched(tmp_path):
    path = tmp_path / "hong.doc"
    path.write_bytes(fx.old_binary_doc())
    before = path.read_bytes()
    with pytest.raises(ReadError) as err:
        read_plan(path)
    assert str(err.value) == (
        f"{path}: LibreOffice không chuyển được tệp .doc này / LibreOffice could not convert this .doc file "
        "(hỏng, có mật khẩu hoặc không phải văn bản / damaged, password-protected, or not a text document)"
    )
    assert path.read_bytes() == before
    assert sorted(p.name for p in tmp_path.iterdir()) == ["hong.doc"]  # no lock file left


WEB_PAGE_DOC = (
    "<html><head><meta charset=\"utf-8\"></head><body><p>UBND TỈNH HẢI DƯƠNG</p>"
    "<p>Số: 181/KH-SCT</p><p>Hải Dương, ngày 07 tháng 02 năm 2022</p><p>KẾ HOẠCH</p>"
    "<p>Tuyên truyền cải cách hành chính năm 2022</p><p>I. MỤC ĐÍCH, YÊU CẦU</p></body></html>"
).encode()
# RTF as Word writes Vietnamese: \uN? escapes for every letter outside Windows-1252
RTF = (
    rb"{\rtf1\ansi\deff0{\fonttbl{\f0 Times New Roman;}}\f0 S\u7889? 181/KH-SCT\par "
    rb"K\u7870? HO\u7840?CH\par Tuy\u234?n truy\u7873?n c\u7843?i c\u225?ch h\u224?nh ch\u237?nh n\u259?m 2022\par}"
)


@pytest.mark.slow
@needs_office
@pytest.mark.parametrize(
    ("name", "data", "lines"),
    [
        ("ke-hoach-web.doc", WEB_PAGE_DOC, ["UBND TỈNH HẢI DƯƠNG", "Số: 181/KH-SCT"]),
        ("ke-hoach.rtf", RTF, ["Số 181/KH-SCT", "KẾ HOẠCH", "Tuyên truyền cải cách hành chính năm 2022"]),
    ],
)
def test_a_web_page_saved_as_doc_and_an_rtf_are_read(tmp_path, name, data, lines):
    path = tmp_path / name
    path.write_bytes(data)
    plan = read_plan(path)
    assert plan.text.split("\n")[: len(lines)] == lines
    assert plan.header.title == "Tuyên truyền cải cách hành chính năm 2022"
    assert plan.source.form == name.rsplit(".", 1)[1]  # the file's own format, not the .docx made on the way
