"""What an officer reads when a scan or a PDF cannot be read: one error naming the file, the
reason in Vietnamese first, `` / `` and the English gloss.

Tesseract and pdftoppm are replaced by small shell scripts in a folder that is the whole PATH
(or by nothing: an empty folder, as on a machine without them), so every case runs the same on
any machine and no real OCR is done.
"""

from __future__ import annotations

import hashlib
import io
import re
from pathlib import Path

import pytest

from plankit.cli import main
from plankit.errors import OCRUnavailable, PlankitError, ReadError
from plankit.read import read_plan
from plankit.read._ocr import ocr_pdf
from plankit.read._pdf import read_pdf

VIETNAMESE = re.compile(r"[ăâđêôơưạảãàáầấậẩẫằắặẳẵẹẻẽèéềếệểễịỉĩìíọỏõòóồốộổỗờớợởỡụủũùúừứựửữỵỷỹỳý]", re.I)

_LANGS = 'if [ "$1" = "--list-langs" ]; then echo \'List of available languages in "/x/" (2):\'; echo osd; echo vie; exit 0; fi\n'
TOOLS = {
    # a Tesseract with its Vietnamese model that is never asked to read (the input fails first)
    "tesseract": _LANGS + "exit 0\n",
    # a Tesseract whose reading fails: its last line of stderr is the reason
    "tesseract-failing": _LANGS + "echo 'read_params_file: Cannot open vie.traineddata' >&2\nexit 1\n",
    "pdftoppm-silent": "exit 0\n",  # succeeds and writes no image
    "pdftoppm-failing": "echo 'Syntax Error: Couldn'\"'\"'t read xref table' >&2\nexit 1\n",
}


@pytest.fixture
def path_with(tmp_path, monkeypatch):
    """PATH set to a folder holding only the named fake tools (none: an empty folder)."""
    def install(*names: str) -> Path:
        folder = tmp_path / "bin"
        folder.mkdir(exist_ok=True)
        for name in names:
            tool = folder / name.split("-")[0]
            tool.write_text("#!/bin/sh\n" + TOOLS[name], encoding="utf-8")
            tool.chmod(0o755)
        monkeypatch.setenv("PATH", str(folder))
        return folder
    return install


def png(width: int = 200, height: int = 100) -> bytes:
    from PIL import Image

    buf = io.BytesIO()
    Image.new("L", (width, height), 255).save(buf, format="PNG")
    return buf.getvalue()


def image_only_pdf() -> bytes:
    """One page that is an image (a scan without a text layer)."""
    from PIL import Image

    buf = io.BytesIO()
    Image.new("L", (850, 1100), 255).save(buf, format="PDF", resolution=100.0)
    return buf.getvalue()


def blank_pdf(pages: int, password: str = "") -> bytes:
    from pypdf import PdfWriter

    writer = PdfWriter()
    for _ in range(pages):
        writer.add_blank_page(595, 842)
    if password:
        writer.encrypt(user_password=password, owner_password="chu-so-huu", algorithm="RC4-128")
    buf = io.BytesIO()
    writer.write(buf)
    return buf.getvalue()


_TESSERACT = ("cần Tesseract với mô hình tiếng Việt để đọc bản quét / Tesseract with the Vietnamese model "
              "is needed: apt-get install tesseract-ocr tesseract-ocr-vie")
_NOT_AN_IMAGE = "không đọc được ảnh (tệp hỏng hoặc không phải ảnh) / cannot read the image (damaged or not an image)"

# (id, fake tools on PATH, file name, its bytes, exception class, the whole reason or (its start,))
BAD = [
    ("scan.png without Tesseract", (), "ban-quet.png", png(), OCRUnavailable, _TESSERACT),
    ("scanned PDF without Tesseract", (), "ban-quet.pdf", image_only_pdf(), OCRUnavailable, _TESSERACT),
    ("scanned PDF without pdftoppm", ("tesseract",), "ban-quet.pdf", image_only_pdf(), OCRUnavailable,
     "cần pdftoppm để chuyển trang PDF quét thành ảnh / pdftoppm is needed to render the scanned PDF: "
     "apt-get install poppler-utils"),
    ("a broken .png", ("tesseract",), "hong.png", b"\x89PNG\r\n\x1a\n" + b"\x00" * 40, ReadError, _NOT_AN_IMAGE),
    ("text named .png", ("tesseract",), "ke-hoach.png", b"KE HOACH nam 2025", ReadError, _NOT_AN_IMAGE),
    ("a .png cut short", ("tesseract",), "cut.png", png()[:60], ReadError,
     f"{_NOT_AN_IMAGE} [Pillow: image file is truncated]"),
    ("Tesseract fails", ("tesseract-failing",), "ban-quet.png", png(), ReadError,
     "Tesseract bị lỗi / Tesseract failed: read_params_file: Cannot open vie.traineddata"),
    ("pdftoppm fails", ("tesseract", "pdftoppm-failing"), "ban-quet.pdf", image_only_pdf(), ReadError,
     "pdftoppm bị lỗi / pdftoppm failed: Syntax Error: Couldn't read xref table"),
    ("pdftoppm writes no image", ("tesseract", "pdftoppm-silent"), "ban-quet.pdf", image_only_pdf(), ReadError,
     "pdftoppm không xuất ra ảnh trang 1 / pdftoppm wrote no image for page 1"),
    ("text named .pdf", (), "ke-hoach.pdf", b"KE HOACH nam 2025", ReadError,
     "không phải tệp PDF (không có phần đầu %PDF) / not a PDF file (no %PDF header)"),
    ("damaged PDF", (), "hong.pdf", b"%PDF-1.4\nnot really a pdf", ReadError, ("tệp PDF hỏng / damaged PDF (",)),
    ("password-protected PDF", (), "mat-khau.pdf", blank_pdf(1, password="mat-khau"), ReadError,
     "tệp PDF có mật khẩu: mở bằng mật khẩu rồi lưu một bản không khóa / "
     "password-protected PDF: open it with its password and save an unprotected copy"),
    ("PDF of no pages", (), "rong.pdf", blank_pdf(0), ReadError, "tệp PDF không có trang nào / the PDF has no pages"),
    ("PDF of 2,001 pages", (), "dai.pdf", blank_pdf(2001), ReadError,
     "từ chối: tệp PDF có 2001 trang (giới hạn 2000) / refused: the PDF has 2001 pages (the limit is 2000)"),
]


def check(exc: PlankitError, path: Path | str, kind: type, reason: str | tuple[str]) -> None:
    assert type(exc) is kind
    assert exc.path == str(path)
    if isinstance(reason, tuple):
        assert str(exc).startswith(f"{path}: {reason[0]}"), str(exc)
    else:
        assert str(exc) == f"{path}: {reason}"
    vietnamese, slash, english = exc.reason.partition(" / ")
    assert slash and VIETNAMESE.search(vietnamese) and not VIETNAMESE.search(english), exc.reason
    assert "\n" not in str(exc) and "BytesIO" not in str(exc)


def sha256(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


@pytest.mark.parametrize(("tools", "name", "data", "kind", "reason"), [b[1:] for b in BAD], ids=[b[0] for b in BAD])
def test_a_bad_scan_or_pdf_is_one_error_naming_it_in_vietnamese_first(tmp_path, path_with, tools, name, data,
                                                                      kind, reason):
    path_with(*tools)
    path = tmp_path / name
    path.write_bytes(data)
    before = sha256(path)
    with pytest.raises(PlankitError) as caught:
        read_plan(path)
    check(caught.value, path, kind, reason)
    assert sha256(path) == before  # the file is never changed


def test_the_cli_prints_one_clean_line_for_a_broken_png(tmp_path, path_with, capsys):
    path_with("tesseract")
    path = tmp_path / "hong.png"
    path.write_bytes(b"\x89PNG\r\n\x1a\n" + b"\x00" * 40)
    assert main(["read", str(path)]) == 1
    out = capsys.readouterr()
    assert out.err.splitlines() == [
        f"plankit: không đọc được / cannot read: {path}: {_NOT_AN_IMAGE}",
        "plankit: đã đọc 0/1 tệp, 1 tệp không đọc được / read 0 of 1 file, 1 unreadable",
    ]
    assert out.out == ""


def test_tesseract_running_past_the_time_limit_names_the_file(tmp_path, path_with, monkeypatch):
    import plankit.read._ocr as ocr

    folder = path_with()
    tool = folder / "tesseract"  # answers for its languages, then never finishes reading
    tool.write_text("#!/bin/sh\n" + _LANGS + "exec /bin/sleep 300\n", encoding="utf-8")
    tool.chmod(0o755)
    monkeypatch.setattr(ocr, "_TIMEOUT", 1)
    path = tmp_path / "ban-quet.png"
    path.write_bytes(png())
    with pytest.raises(ReadError) as caught:
        read_plan(path)
    check(caught.value, path, ReadError,
          "Tesseract chạy quá 1 giây cho một trang / Tesseract took longer than 1 s on one page")


# ocr_pdf checks the PDF itself too (a caller may hand it any file): these reasons are its own
OCR_PDF = [
    ("no such file", None, ReadError, "không có tệp này / file not found"),
    ("damaged PDF", b"%PDF-1.4\nnot really a pdf", ReadError, ("tệp PDF hỏng / damaged PDF (",)),
    ("PDF of no pages", blank_pdf(0), ReadError, "tệp PDF không có trang nào để OCR / the PDF has no pages to OCR"),
    ("PDF of 2,001 pages", blank_pdf(2001), ReadError,
     "từ chối: tệp PDF có 2001 trang (giới hạn 2000) / refused: the PDF has 2001 pages (the limit is 2000)"),
]


@pytest.mark.parametrize(("data", "kind", "reason"), [c[1:] for c in OCR_PDF], ids=[c[0] for c in OCR_PDF])
def test_ocr_pdf_refuses_a_bad_pdf_in_vietnamese_first(tmp_path, path_with, data, kind, reason):
    path_with("tesseract", "pdftoppm-silent")
    path = tmp_path / "ban-quet.pdf"
    if data is not None:
        path.write_bytes(data)
    with pytest.raises(PlankitError) as caught:
        ocr_pdf(path)
    check(caught.value, path, kind, reason)


def test_a_pdf_over_the_size_limit_is_refused_in_the_shared_words():
    with pytest.raises(ReadError) as caught:
        read_pdf(b"%PDF-1.4\n" + bytes(51 * 1024 * 1024), "lon.pdf")
    check(caught.value, "lon.pdf", ReadError,
          "tệp quá lớn (51 MB, giới hạn 50 MB) / file too large (51 MB; the limit is 50 MB)")
