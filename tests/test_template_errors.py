"""What an officer reads when a Word template cannot be used: one TemplateError naming the
template, the reason in Vietnamese first, " / " and the English gloss; ``plankit draft
--template`` and ``plankit template check`` print it on one line and exit 2."""

from __future__ import annotations

import hashlib
import importlib.util
import re
import zipfile
from pathlib import Path

import docx
import pytest

import plankit.bundled
import plankit.sandbox
from plankit.cli import main
from plankit.draft import draft_plan
from plankit.errors import PlankitError, TemplateError
from plankit.render import default_template, render_docx

ROOT = Path(__file__).resolve().parent.parent
HAI_DUONG_2022 = ROOT / "plans" / "hai-duong" / "2022-so-cong-thuong.txt"
_SPEC = importlib.util.spec_from_file_location("make_fixtures", ROOT / "tests" / "fixtures" / "make_fixtures.py")
fx = importlib.util.module_from_spec(_SPEC)
_SPEC.loader.exec_module(fx)

VIETNAMESE = re.compile(r"[ăâđêôơưạảãàáầấậẩẫằắặẳẵẹẻẽèéềếệểễịỉĩìíọỏõòóồốộổỗờớợởỡụủũùúừứựửữỵỷỹỳý]", re.I)


@pytest.fixture(scope="module")
def plan():
    return draft_plan(HAI_DUONG_2022, year=2023)


def tags(name: str, *paragraphs: str):
    """A Word template whose paragraphs hold ``paragraphs`` (tags included)."""
    def build(folder: Path) -> Path:
        d = docx.Document()
        d.add_paragraph("{{ title }}")
        for text in paragraphs:
            d.add_paragraph(text)
        d.save(str(folder / name))
        return folder / name
    return build


def write(name: str, data: bytes):
    def build(folder: Path) -> Path:
        (folder / name).write_bytes(data)
        return folder / name
    return build


def zipped(name: str, members: dict[str, bytes], compression: int = zipfile.ZIP_STORED):
    def build(folder: Path) -> Path:
        with zipfile.ZipFile(folder / name, "w", compression) as z:
            for member, data in members.items():
                z.writestr(member, data)
        return folder / name
    return build


def sparse(name: str, size: int):
    def build(folder: Path) -> Path:
        with (folder / name).open("wb") as fh:
            fh.truncate(size)
        return folder / name
    return build


def folder_named(name: str):
    def build(folder: Path) -> Path:
        (folder / name).mkdir()
        return folder / name
    return build


def missing(folder: Path) -> Path:
    return folder / "khong-co.docx"


# (id, build(folder) -> template, the message after "{template}: ", up to the English gloss's
#  first words; None when the English detail varies with the machine)
BAD = [
    ("no such template", missing, "không có tệp mẫu này / template not found"),
    ("a folder", folder_named("mau.docx"),
     "mẫu là một thư mục, không phải tệp .docx / the template is a folder, not a .docx file"),
    ("too large", sparse("lon.docx", 51 * 1024 * 1024),
     "mẫu quá lớn (51 MB, tối đa 50 MB) / template too large (51 MB; the limit is 50 MB)"),
    ("text named .docx", write("mau.docx", b"{{ title }}"),
     "không phải mẫu .docx, hãy lưu lại từ Word dưới dạng .docx / not a .docx template "
     "(not a zip archive; save it from Word as .docx)"),
    ("cut short", write("cut.docx", fx.truncated_docx()),
     "không phải mẫu .docx, hãy lưu lại từ Word dưới dạng .docx / not a .docx template (not a zip archive"),
    ("no word/document.xml", zipped("bare.docx", {"hello.txt": b"hi"}),
     "không phải mẫu .docx, thiếu word/document.xml / not a .docx template (no word/document.xml)"),
    ("zip bomb", zipped("bom.docx", {"[Content_Types].xml": b"<Types/>",
                                     "word/document.xml": b" " * (5 * 1024 * 1024)}, zipfile.ZIP_DEFLATED),
     "mẫu bị từ chối khi giải nén: word/document.xml sẽ bung ra gấp "),  # the ratio is zlib's
    ("encrypted zip", write("ma-hoa.docx", fx.encrypted_zip_docx()),
     "mẫu bị từ chối khi giải nén: tệp .docx có mật khẩu (tệp nén mã hóa) / "
     "template refused once unpacked: password-protected .docx (encrypted zip archive)"),
    ("misspelt variable", tags("bien.docx", "{{ titel }}"),
     "mẫu dùng biến 'titel' không có trong kế hoạch (danh sách biến ở templates/README.md) / "
     "unknown variable 'titel' ('titel' is undefined); the variables are listed in templates/README.md"),
    ("unclosed tag", tags("mo.docx", "Kế hoạch {{ title "),
     "thẻ mẫu chưa đóng / broken template tag: unclosed tag '{{ title' (no '}}' until the end)"),
    ("if without endif", tags("if.docx", "{% if title %}no end"),
     "thẻ mẫu bị hỏng / broken template tag: Unexpected end of template."),
    ("Python internals", tags("noi-bo.docx", "{{ title.__class__.__mro__ }}"),
     "mẫu bị từ chối vì chạm vào cấu trúc nội bộ của Python hoặc tạo giá trị quá lớn; mẫu chỉ được dùng các "
     "biến liệt kê trong templates/README.md / refused: the template reaches for Python internals or builds a huge "
     "value (access to attribute '__class__' of a str object is unsafe)"),
    ("a huge value", tags("lon-qua.docx", '{{ "x" * 100000000 }}'),
     "mẫu bị từ chối vì tạo ra nội dung hoặc con số vượt giới hạn cho phép / refused: '*' builds a value of "
     "100,000,000 characters or items (the limit is 1,000,000)"),
    ("past the time limit", tags("lau.docx", "{% for i in range(3) %}{{ i }}{% endfor %}"),
     "mẫu bị dừng vì chạy quá lâu (vòng lặp hoặc macro gọi lại chính nó?) / refused: the template ran longer than"),
    ("a failing expression", tags("chia.docx", "{{ 1 / 0 }}"),
     "không dựng được văn bản từ mẫu / the template could not be rendered (ZeroDivisionError: division by zero)"),
]


@pytest.fixture
def past_deadline(monkeypatch, request):
    """Every render is past its deadline at once (the watchdog half a second later is not reached)."""
    if request.node.callspec.id == "past the time limit":
        monkeypatch.setattr(plankit.sandbox, "TIME_LIMIT", -0.5)


def _fingerprint(path: Path):
    return hashlib.sha256(path.read_bytes()).hexdigest() if path.is_file() else path.exists()


@pytest.mark.parametrize(("build", "start"), [b[1:] for b in BAD], ids=[b[0] for b in BAD])
def test_a_bad_template_is_one_template_error_naming_it_in_vietnamese_first(tmp_path, plan, past_deadline, build, start):
    template = build(tmp_path)
    before = _fingerprint(template)
    out = tmp_path / "du-thao.docx"
    with pytest.raises(PlankitError) as caught:
        render_docx(plan, out, template=template)
    message = str(caught.value)
    assert type(caught.value) is TemplateError
    assert message.startswith(f"{template}: {start}"), message
    vietnamese, slash, english = message.removeprefix(f"{template}: ").partition(" / ")
    assert slash and VIETNAMESE.search(vietnamese) and not VIETNAMESE.search(english), message
    assert "\n" not in message
    assert not out.exists() and _fingerprint(template) == before


def test_a_missing_default_template_says_so_in_vietnamese_first(tmp_path, monkeypatch):
    gone = tmp_path / "ke-hoach.docx"
    monkeypatch.setattr(plankit.bundled, "template_path", lambda: gone)
    with pytest.raises(TemplateError) as caught:
        default_template()
    assert str(caught.value) == (
        f"{gone}: thiếu mẫu mặc định đi kèm plankit, hãy cài lại plankit / the default template is missing "
        "(reinstall plankit, or run templates/build_template.py in a source checkout)")


CLI_BAD = [b for b in BAD if b[0] in ("no such template", "a folder", "text named .docx", "no word/document.xml",
                                      "misspelt variable", "unclosed tag", "Python internals")]


@pytest.mark.parametrize(("build", "start"), [b[1:] for b in CLI_BAD], ids=[b[0] for b in CLI_BAD])
def test_draft_with_a_bad_template_prints_one_line_and_exits_2(tmp_path, capsys, build, start):
    template = build(tmp_path)
    out = tmp_path / "du-thao.docx"
    assert main(["draft", str(HAI_DUONG_2022), "--year", "2023", "--template", str(template), "-o", str(out)]) == 2
    captured = capsys.readouterr()
    lines = captured.err.splitlines()
    assert len(lines) == 1 and lines[0].startswith(f"plankit: lỗi / error: {template}: {start}"), lines
    assert captured.out == "" and not out.exists()


# `plankit template check` reads the template without rendering it (plankit/template/_document.py)
CHECK_BAD = [
    ("no such template", missing,
     "không đọc được mẫu / cannot read the template (không có tệp này / file not found)"),
    ("a folder", folder_named("mau.docx"),
     "mẫu là một thư mục, không phải tệp .docx / the template is a folder, not a .docx file"),
    ("a .txt", write("mau.txt", b"{{ title }}"),
     "không phải mẫu .docx, tên tệp phải có đuôi .docx / not a .docx template (the name must end in .docx)"),
    ("text named .docx", write("mau.docx", b"{{ title }}"),
     "không phải mẫu .docx, hãy lưu lại từ Word dưới dạng .docx / not a .docx template "
     "(not a zip archive; save it from Word as .docx)"),
    ("no word/document.xml", zipped("bare.docx", {"hello.txt": b"hi"}),
     "không phải mẫu .docx, thiếu word/document.xml / not a .docx template (no word/document.xml)"),
]


@pytest.mark.parametrize(("build", "reason"), [b[1:] for b in CHECK_BAD], ids=[b[0] for b in CHECK_BAD])
def test_template_check_of_a_bad_template_prints_one_line_and_exits_2(tmp_path, capsys, build, reason):
    template = build(tmp_path)
    assert main(["template", "check", str(template)]) == 2
    captured = capsys.readouterr()
    assert captured.err == f"plankit: lỗi / error: {template}: {reason}\n"
    assert captured.out == ""
