"""What an officer reads when a file cannot be read: one error naming the file, the reason in
Vietnamese first and then " / " and the English gloss; the CLI prints it on one line and exits 1
or 2, never with a traceback. One table of every way of handing plankit a bad file we know of.

The last test reads the package's source: every message given to a PlankitError or a
ReadWarning must start in Vietnamese (``ENGLISH_FIRST``, the exceptions, is empty since
session 6 turned the last of them; it stays empty).
"""

from __future__ import annotations

import ast
import hashlib
import importlib
import importlib.util
import os
import re
import subprocess
import sys
import tempfile
import textwrap
from pathlib import Path

import pytest

from plankit.annotate import annotate_docx
from plankit.cli import main
from plankit.corpus import plan_files, read_corpus
from plankit.errors import OfficeUnavailable, PlankitError, ReadError
from plankit.read import read_bytes, read_plan

ROOT = Path(__file__).resolve().parent.parent
_SPEC = importlib.util.spec_from_file_location("make_fixtures", ROOT / "tests" / "fixtures" / "make_fixtures.py")
fx = importlib.util.module_from_spec(_SPEC)
_SPEC.loader.exec_module(fx)

VIETNAMESE = re.compile(r"[ăâđêôơưạảãàáầấậẩẫằắặẳẵẹẻẽèéềếệểễịỉĩìíọỏõòóồốộổỗờớợởỡụủũùúừứựửữỵỷỹỳý]", re.I)
PLAN = "KẾ HOẠCH\nTuyên truyền cải cách hành chính năm 2025\nI. MỤC ĐÍCH, YÊU CẦU\n"
XLSX_MAIN = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"


def sha256(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def write(name: str, data: bytes):
    def build(folder: Path) -> Path:
        path = folder / name
        path.write_bytes(data)
        return path
    return build


def folder_named(name: str):
    def build(folder: Path) -> Path:
        path = folder / name
        path.mkdir()
        return path
    return build


def sparse(name: str, size: int):
    """A file of ``size`` bytes that takes no room on disk (refused before it is read)."""
    def build(folder: Path) -> Path:
        path = folder / name
        with path.open("wb") as fh:
            fh.truncate(size)
        return path
    return build


def missing(folder: Path) -> Path:
    return folder / "khong-co.txt"


# (id, build(folder) -> path, exception class, the reason's Vietnamese start, CLI exit code,
#  the CLI line's Vietnamese start when the command line sees the path differently)
BAD = [
    ("wrong format: text named .docx", write("ke-hoach.docx", b"KE HOACH nam 2025"),
     ReadError, "không phải tệp .docx (không phải tệp nén zip) / not a .docx file", 1, None),
    ("wrong format: a spreadsheet named .docx",
     write("bang-tinh.docx", fx.docx_with_body("<w:p/>", content_type=XLSX_MAIN)),
     ReadError, f"không phải văn bản Word (phần chính là {XLSX_MAIN}) / not a Word document", 1, None),
    ("broken zip: cut short", write("hong.docx", fx.truncated_docx()),
     ReadError, "tệp .docx hỏng hoặc bị cắt cụt (tệp nén không trọn vẹn) / damaged or truncated", 1, None),
    ("broken zip: no word/document.xml", write("thieu.docx", fx.no_document_xml_docx()),
     ReadError, "không phải tệp .docx (thiếu word/document.xml) / not a .docx file", 1, None),
    ("broken zip: no body", write("than.docx", fx.no_body_docx()),
     ReadError, "tệp .docx hỏng (văn bản không có phần thân) / damaged .docx", 1, None),
    ("zip bomb", write("bom.docx", fx.zip_bomb_ratio_docx()),
     ReadError, "từ chối: word/document.xml sẽ bung ra gấp", 1, None),
    ("zip bomb: declared sizes", write("bom-khai.docx", fx.zip_bomb_declared_docx()),
     ReadError, "từ chối: tệp nén sẽ bung ra 300 MB, quá 200 MB (bom zip?) / refused", 1, None),
    ("entity expansion", write("thuc-the.docx", fx.billion_laughs_docx()),
     ReadError, "từ chối: word/document.xml khai báo DOCTYPE (không được phép trong .docx) / refused", 1, None),
    ("password-protected .docx", write("mat-khau.docx", fx.password_protected_docx()),
     ReadError, "tệp .docx có mật khẩu: gỡ mật khẩu trong Word rồi lưu lại / password-protected", 1, None),
    ("encrypted zip members", write("ma-hoa.docx", fx.encrypted_zip_docx()),
     ReadError, "tệp .docx có mật khẩu (tệp nén mã hóa) / password-protected .docx", 1, None),
    ("a Word document without text", write("trang.docx", fx.docx_with_body("<w:p/><w:p/>")),
     ReadError, "văn bản không có chữ nào / the document has no text", 1, None),
    (".doc without LibreOffice", write("ke-hoach-2022.doc", fx.old_binary_doc()),
     OfficeUnavailable, "cần LibreOffice để đọc tệp .doc, .rtf và .odt", 1, None),
    (".rtf without LibreOffice", write("ke-hoach.rtf", rb"{\rtf1\ansi KE HOACH\par}"),
     OfficeUnavailable, "cần LibreOffice để đọc tệp .doc, .rtf và .odt", 1, None),
    ("empty .txt", write("rong.txt", b""), ReadError, "tệp rỗng / empty file", 1, None),
    ("empty .docx", write("rong.docx", b""), ReadError, "tệp rỗng / empty file", 1, None),
    ("blanks only", write("trang.txt", b"  \r\n\t\n"),
     ReadError, "tệp rỗng, chỉ có khoảng trắng / empty file (white space only)", 1, None),
    ("huge", sparse("lon.txt", 51 * 1024 * 1024),
     ReadError, "tệp quá lớn (51 MB, giới hạn 50 MB) / file too large (51 MB; the limit is 50 MB)", 1, None),
    ("NUL bytes", write("nhi-phan.txt", b"KE\x00\x00\x01\x02 HOACH\x00\x00\x00\x00"),
     ReadError, "dữ liệu nhị phân, không phải kế hoạch dạng chữ / binary data", 1, None),
    ("a folder instead of a file", folder_named("ke-hoach.docx"),
     ReadError, "là một thư mục / is a folder, not a file", 2, "thư mục không có tệp kế hoạch nào"),
    ("no such file", missing, ReadError, "không có tệp này / file not found", 2, None),
]


@pytest.fixture
def no_office(monkeypatch, tmp_path):
    """A PATH without soffice or libreoffice: as on a machine without LibreOffice."""
    empty = tmp_path / "bin"
    empty.mkdir()
    monkeypatch.setenv("PATH", str(empty))


@pytest.mark.parametrize(("build", "kind", "start"), [b[1:4] for b in BAD], ids=[b[0] for b in BAD])
def test_a_bad_file_is_one_error_naming_it_in_vietnamese_first(tmp_path, no_office, build, kind, start):
    path = build(tmp_path)
    before = sha256(path) if path.is_file() else None
    with pytest.raises(PlankitError) as caught:
        read_plan(path)
    exc = caught.value
    assert type(exc) is kind
    assert exc.path == str(path)
    assert str(exc).startswith(f"{path}: {start}"), str(exc)
    vietnamese, slash, english = exc.reason.partition(" / ")
    assert slash and VIETNAMESE.search(vietnamese) and not VIETNAMESE.search(english), exc.reason
    assert "\n" not in str(exc)
    assert (sha256(path) if path.is_file() else None) == before  # the file is never changed


@pytest.mark.parametrize(("build", "kind", "start"), [b[1:4] for b in BAD if b[0] not in ("huge", "no such file", "a folder instead of a file")],
                         ids=[b[0] for b in BAD if b[0] not in ("huge", "no such file", "a folder instead of a file")])
def test_the_same_bytes_read_from_memory_give_the_same_reason(tmp_path, no_office, build, kind, start):
    path = build(tmp_path)
    with pytest.raises(PlankitError) as caught:
        read_bytes(path.read_bytes(), path.name)
    assert type(caught.value) is kind
    assert str(caught.value).startswith(f"{path.name}: {start}")


@pytest.mark.parametrize(("build", "start", "code", "cli_start"),
                         [(b[1], b[3], b[4], b[5]) for b in BAD], ids=[b[0] for b in BAD])
def test_the_cli_prints_one_line_for_a_bad_file(tmp_path, no_office, capsys, build, start, code, cli_start):
    path = build(tmp_path)
    assert main(["read", str(path)]) == code
    out = capsys.readouterr()
    lines = out.err.splitlines()
    named = [line for line in lines if f"{path}: " in line]
    assert len(named) == 1, lines
    assert named[0].split(f"{path}: ", 1)[1].startswith(cli_start or start), named[0]
    prefix = "plankit: không đọc được / cannot read: " if code == 1 else "plankit: lỗi / error: "
    assert named[0].startswith(prefix + str(path))
    # exit 1: the batch's summary follows the file's line; exit 2: the line is all
    assert lines == named + ["plankit: đã đọc 0/1 tệp, 1 tệp không đọc được / read 0 of 1 file, 1 unreadable"][: code == 1]
    assert out.out == ""


def run_python(code: str) -> subprocess.CompletedProcess:
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    return subprocess.run([sys.executable, "-c", textwrap.dedent(code)], cwd=ROOT, env=env,
                          capture_output=True, text=True, timeout=120)


def test_the_installed_cli_without_libreoffice_prints_one_line_and_no_traceback(tmp_path):
    path = tmp_path / "ke-hoach-2022.doc"
    path.write_bytes(fx.old_binary_doc())
    (tmp_path / "bin").mkdir()
    out = subprocess.run([sys.executable, "-m", "plankit", "read", str(path)], cwd=ROOT, capture_output=True,
                         text=True, timeout=120, env={**os.environ, "PATH": str(tmp_path / "bin")})
    assert out.returncode == 1 and "Traceback" not in out.stderr
    assert out.stderr.splitlines() == [
        f"plankit: không đọc được / cannot read: {path}: cần LibreOffice để đọc tệp .doc, .rtf và .odt "
        "(hoặc mở tệp bằng Word rồi lưu thành .docx) / LibreOffice is needed to read .doc, .rtf and .odt "
        "files: apt-get install libreoffice-writer-nogui (or open the file in Word and save it as .docx)",
        "plankit: đã đọc 0/1 tệp, 1 tệp không đọc được / read 0 of 1 file, 1 unreadable",
    ]


def test_permission_denied_names_the_file():
    """As root the kernel lets every file be read: the reader then runs as ``nobody``, in a
    folder anyone may enter, on a file no one may read."""
    with tempfile.TemporaryDirectory() as folder:
        os.chmod(folder, 0o755)
        path = Path(folder) / "ke-hoach.txt"
        path.write_text(PLAN, encoding="utf-8")
        path.chmod(0)
        _check_permission_denied(path)


def _check_permission_denied(path: Path) -> None:
    out = run_python(f"""
        import os, sys
        from plankit.cli import main
        from plankit.errors import ReadError
        from plankit.read import read_plan
        if os.geteuid() == 0:
            # the command once as root (every module it imports, imported), then as nobody
            with open(os.devnull, "w") as sys.stdout:
                main(["read", "plans/hai-duong/2022-so-cong-thuong.txt"])
            sys.stdout = sys.__stdout__
            os.setegid(65534)
            os.seteuid(65534)
        try:
            read_plan({str(path)!r})
        except ReadError as exc:
            print(type(exc).__name__, exc, sep="|")
        sys.exit(main(["read", {str(path)!r}]))
    """)
    assert out.stdout == f"ReadError|{path}: không có quyền đọc / permission denied\n"
    assert out.returncode == 1 and "Traceback" not in out.stderr
    assert [line for line in out.stderr.splitlines() if str(path) in line] == [
        f"plankit: không đọc được / cannot read: {path}: không có quyền đọc / permission denied"]


def test_a_legacy_encoding_is_read_not_refused_and_a_legacy_font_is_a_vietnamese_warning(tmp_path):
    cp1258 = tmp_path / "ke-hoach-1258.txt"
    cp1258.write_bytes(fx.encode_cp1258(PLAN))
    plan = read_plan(cp1258)
    assert (plan.source.encoding, plan.text.splitlines()[0]) == ("cp1258", "KẾ HOẠCH")
    fonts = tmp_path / "phong-cu.docx"
    fonts.write_bytes(fx.legacy_fonts_docx())
    warnings = [w.message for w in read_plan(fonts).warnings]
    assert [w for w in warnings if "Unicode" in w] == [
        "chữ phông TCVN3 và VNI cũ đã chuyển sang Unicode / text in legacy TCVN3 and VNI fonts converted to Unicode"]


def test_a_nul_in_a_long_text_is_read_not_refused(tmp_path):
    path = tmp_path / "mot-nul.txt"
    path.write_bytes((PLAN * 20).encode() + b"\x00")
    assert read_plan(path).text.startswith("KẾ HOẠCH")


@pytest.mark.parametrize(
    ("call", "start"),
    [
        (lambda t: annotate_docx(write("ke-hoach.txt", PLAN.encode())(t), out=t / "ghi-chu.docx"),
         "ghi chú Word chỉ thêm được vào kế hoạch .docx / Word comments need a .docx plan"),
        (lambda t: plan_files([folder_named("trong")(t)]),
         "thư mục không có tệp kế hoạch nào (.txt, .md, .docx, .doc, .rtf, .odt, PDF, bản quét) / folder holds no plan files"),
        (lambda t: read_corpus([folder_named("rong")(t)], workers=1),
         "thư mục không có tệp kế hoạch nào"),
    ],
    ids=["annotate a .txt", "plan_files of an empty folder", "read_corpus of an empty folder"],
)
def test_other_entry_points_name_the_file_in_vietnamese_first(tmp_path, call, start):
    with pytest.raises(ReadError) as caught:
        call(tmp_path)
    assert caught.value.reason.startswith(start), caught.value.reason
    assert str(caught.value).startswith(f"{tmp_path}/")
    assert not (tmp_path / "ghi-chu.docx").exists()


def test_a_corpus_reports_each_bad_file_in_vietnamese_first(tmp_path, no_office):
    folder = tmp_path / "ho-so"
    folder.mkdir()
    for _id, build, _kind, _start, code, _cli in BAD:
        if code == 1 and _id != "huge":
            build(folder)
    (folder / "tot.txt").write_text(PLAN, encoding="utf-8")
    corpus = read_corpus([folder], workers=1)
    assert [p.name for p in corpus] == ["ho-so/tot.txt"]
    assert len(corpus.errors) == sum(1 for b in BAD if b[4] == 1) - 1
    for error in corpus.errors:
        reason = error.message.split(f"{error.path}: ", 1)[1]
        assert VIETNAMESE.search(reason.partition(" / ")[0]), error.message


# -- every message in the package --------------------------------------------------------------

ERROR_CLASSES = {"ReadError", "OCRUnavailable", "OfficeUnavailable", "InvalidCitation", "TemplateError",
                 "OutputError", "OutputExists", "UnsafePath", "LintConfigError", "ReportError",
                 "PlankitError", "ReadWarning"}

# English-first messages allowed, as (file, the message's first words): none left; never add one.
ENGLISH_FIRST: set[tuple[str, str]] = set()


def _words(node: ast.AST, module) -> str | None:
    """The literal text of a message expression, ``{}`` for each value put in; None when the
    message is made elsewhere (a variable passed through)."""
    if isinstance(node, ast.Constant) and isinstance(node.value, str):
        return node.value
    if isinstance(node, ast.JoinedStr):
        return "".join(v.value if isinstance(v, ast.Constant) else _value(v.value, module) for v in node.values)
    if isinstance(node, ast.BinOp) and isinstance(node.op, ast.Add):
        left, right = _words(node.left, module), _words(node.right, module)
        return None if left is None or right is None else left + right
    if isinstance(node, ast.Name) and isinstance(getattr(module, node.id, None), str):
        return getattr(module, node.id)
    if isinstance(node, ast.Attribute) and isinstance(node.value, ast.Name):
        owner = getattr(module, node.value.id, None)
        value = getattr(owner, node.attr, None)
        return value if isinstance(value, str) else None
    return None


def _value(node: ast.AST, module) -> str:
    """A value put into an f-string: a module's text constant (``{_INSTALL}``) as its words."""
    if isinstance(node, ast.Name) and isinstance(getattr(module, node.id, None), str):
        return getattr(module, node.id)
    return "{}"


def messages():
    """(file, line, message) for every message given to an error or a warning in plankit."""
    for path in sorted((ROOT / "plankit").rglob("*.py")):
        rel = path.relative_to(ROOT).as_posix()
        name = rel[:-3].replace("/", ".").removesuffix(".__init__")
        skip = "notebooks" in rel or rel.endswith("__main__.py")  # pages, and the CLI's own start
        module = None if skip else importlib.import_module(name)
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if not isinstance(node, ast.Call) or not node.args:
                continue
            func = node.func
            called = func.id if isinstance(func, ast.Name) else func.attr if isinstance(func, ast.Attribute) else ""
            if called not in ERROR_CLASSES:
                continue
            # the reason is the last positional argument (InvalidCitation: text, position, reason)
            text = _words(node.args[-1] if called != "ReadWarning" else node.args[0], module)
            if text is None:
                continue
            text = re.sub(r"^\{\}: ", "", text)  # "{path}: reason" in one string
            if text.startswith("{}"):
                continue  # words made elsewhere (a reason passed through) come first
            yield rel, node.lineno, text


def test_every_message_in_the_package_starts_in_vietnamese():
    found = list(messages())
    assert len(found) > 100  # the scan sees the package's messages
    english = {(rel, line, text) for rel, line, text in found
               if not VIETNAMESE.search(text.partition(" / ")[0] if " / " in text else text)}
    unexplained = sorted((rel, line, text) for rel, line, text in english
                         if not any(rel == f and start in text for f, start in ENGLISH_FIRST))
    assert unexplained == []
