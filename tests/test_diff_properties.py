"""Properties of diff_plans on plans read from generated text (hypothesis)."""

from __future__ import annotations

import textwrap
import unicodedata

import pytest
from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st

from plankit.diff import diff_plans
from plankit.read import read_text


def _walk():
    """The independent .docx walk, tests/docx_walk.py (tests run with --import-mode=importlib,
    so sibling modules are loaded by path)."""
    import importlib.util
    from pathlib import Path

    spec = importlib.util.spec_from_file_location("docx_walk", Path(__file__).with_name("docx_walk.py"))
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


_docx_walk = _walk()
accept_and_reject, table_rows = _docx_walk.accept_and_reject, _docx_walk.table_rows


def flat(text: str) -> str:
    """White space aside: runs of white space (line breaks included) as one space."""
    return " ".join(text.split())


ROMAN = ["I", "II", "III", "IV", "V", "VI", "VII"]
TITLES = [
    "MỤC ĐÍCH, YÊU CẦU",
    "NỘI DUNG TUYÊN TRUYỀN",
    "HÌNH THỨC TUYÊN TRUYỀN",
    "KINH PHÍ THỰC HIỆN",
    "TỔ CHỨC THỰC HIỆN",
    "NHIỆM VỤ TRỌNG TÂM",
    "ĐỐI TƯỢNG TUYÊN TRUYỀN",
]
BASIS = [
    "Căn cứ Kế hoạch số 261/KH-UBND ngày 29 tháng 12 năm 2021 của Ủy ban nhân dân thành phố;",
    "Căn cứ Quyết định số 4168/QĐ-UBND ngày 27 tháng 12 năm 2021 của Ủy ban nhân dân thành phố;",
    "Thực hiện Nghị quyết số 76/NQ-CP ngày 15/7/2021 của Chính phủ;",
    "Căn cứ Kế hoạch số 258/KH-UBND ngày 24 tháng 12 năm 2024 của Ủy ban nhân dân thành phố;",
    "Căn cứ Nghị định số 61/2018/NĐ-CP ngày 23 tháng 4 năm 2018 của Chính phủ về thực hiện cơ chế một cửa;",
    "Căn cứ Nghị định số 118/2025/NĐ-CP ngày 09 tháng 6 năm 2025 của Chính phủ về thực hiện thủ tục hành chính;",
]
# Real words of the plans, typos and tone variants included: a plan compared with itself must
# show no change whatever it holds.
WORDS = [
    "tuyên", "truyền", "cải", "cách", "hành", "chính", "công", "chức", "viên", "người", "dân",
    "doanh", "nghiệp", "Sở", "Khoa", "học", "và", "Công", "nghệ", "thủ", "tục", "kịp", "thời",
    "đầy", "đủ", "hiệu", "quả", "Cổng", "thông", "tin", "điện", "tử", "hòa", "hoà", "thủy", "thuỷ",
    "tuyên tuyền", "thẩm quyển", "năm", "2022", "2024", "2025", "Trong", "kế", "hoạch", "số",
    "CCHC", "TTHC", "Văn", "phòng", "chủ", "trì", "phối", "hợp", "ngân", "sách", "nhà", "nước",
    "kinh", "phí", "thường", "xuyên", "45/2020/NĐ-CP", "26-CTr/TU", "15/7/2021",
]

sentences = st.lists(st.sampled_from(WORDS), min_size=3, max_size=14).map(lambda ws: " ".join(ws) + ".")


@st.composite
def plan_texts(draw) -> str:
    year = draw(st.integers(2020, 2026))
    lines = [
        "UBND TP. CẦN THƠ",
        "SỞ KHOA HỌC VÀ CÔNG NGHỆ",
        f"Số: {draw(st.sampled_from(['', '137', '29']))}/KH-SKHCN",
        f"Cần Thơ, ngày {draw(st.sampled_from(['', '21', '06']))} tháng 01 năm {year}",
        "KẾ HOẠCH",
        f"Công tác thông tin, tuyên truyền cải cách hành chính năm {year}",
    ]
    lines += draw(st.lists(st.sampled_from(BASIS), max_size=3, unique=True))
    titles = draw(st.lists(st.sampled_from(TITLES), min_size=1, max_size=5, unique=True))
    for number, title in zip(ROMAN, titles, strict=False):
        lines.append(f"{number}. {title}")
        lines += draw(st.lists(sentences, max_size=3))
    if draw(st.booleans()):
        closing_year = draw(st.sampled_from([year, year - 1]))
        lines.append(f"Trên đây là Kế hoạch công tác thông tin, tuyên truyền CCHC năm {closing_year} của Sở./.")
    return "\n".join(lines) + "\n"


FAST = settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])


@FAST
@given(plan_texts())
def test_a_plan_against_itself_has_no_changes(text):
    p = read_text(text)
    d = diff_plans(p, p)
    assert d.changes == ()
    assert not d.basis_added and not d.basis_removed
    assert all(s.status == "same" for s in d.walk())
    assert d.carried_over == 1.0


@FAST
@given(plan_texts())
def test_normalisation_forms_are_not_changes(text):
    nfd = read_text(unicodedata.normalize("NFD", text))
    tones = read_text(text.replace("hòa", "hoà").replace("thủy", "thuỷ"))
    p = read_text(text)
    assert diff_plans(p, nfd).changes == ()
    # the texts now differ, so errors kept in both (a stale closing year, a known typo) are
    # reported as carried; nothing else is a change
    assert [c for c in diff_plans(p, tones).changes if c.kind != "carried-error"] == []


def _numbers(d, status: str, side: str) -> set[str]:
    return {getattr(s, side).number for s in d.sections if s.status == status}


@FAST
@given(plan_texts(), plan_texts())
def test_swapping_old_and_new_swaps_added_and_removed(a, b):
    p, q = read_text(a), read_text(b)
    forward, backward = diff_plans(p, q), diff_plans(q, p)
    assert _numbers(forward, "added", "new") == _numbers(backward, "removed", "old")
    assert _numbers(forward, "removed", "old") == _numbers(backward, "added", "new")
    paired = {(s.old.number, s.new.number) for s in forward.sections if s.old and s.new}
    assert paired == {(s.new.number, s.old.number) for s in backward.sections if s.old and s.new}
    assert forward.basis_added == backward.basis_removed
    assert forward.basis_removed == backward.basis_added
    assert forward.basis_replaced == tuple(sorted((n, o) for o, n in backward.basis_replaced))


# --- line breaks are never a change ----------------------------------------------------------------

def rewrap(text: str, width: int) -> str:
    """Break every line longer than ``width`` at spaces, as a PDF copy does. Table rows (tab or
    ``|`` cells) are left whole: a copy that breaks a table's cells is another layout."""
    out = []
    for line in text.split("\n"):
        if len(line) <= width or "\t" in line or "|" in line:
            out.append(line)
        else:
            out.extend(textwrap.wrap(line, width, break_long_words=False, break_on_hyphens=False) or [""])
    return "\n".join(out)


def phantoms(d) -> list:
    """Changes a re-wrap must not produce: anything but the expected kind (a carried error is
    text kept in both, not a change)."""
    return [c for c in d.changes if c.kind not in ("expected", "carried-error")]


paragraphs = st.lists(sentences, min_size=2, max_size=8).map(" ".join)


@st.composite
def long_plan_texts(draw) -> str:
    """Plans whose paragraphs are long lines, so that a re-wrap breaks them."""
    text = draw(plan_texts())
    lines = text.split("\n")
    out = []
    for line in lines:
        out.append(line)
        if line[:1] in "IVX" and ". " in line:
            out += draw(st.lists(paragraphs, min_size=1, max_size=3))
    return "\n".join(out)


@pytest.mark.parametrize("name", ["can-tho-2022", "can-tho-2025", "hung-yen-2022", "hai-duong-2022", "hue-2022"])
@pytest.mark.parametrize("width", [36, 60, 90])
def test_bundled_plan_against_its_rewrapped_self(seeds, name, width):
    plan = seeds[name]
    wrapped = read_text(rewrap(plan.text, width), name=plan.name)
    for d in (diff_plans(plan, wrapped), diff_plans(wrapped, plan)):
        assert phantoms(d) == []
        assert not d.basis_added and not d.basis_removed and not d.basis_replaced


_HEAD = ("UBND TP. CẦN THƠ\nSỞ KHOA HỌC VÀ CÔNG NGHỆ\nSố: /KH-SKHCN\nCần Thơ, ngày  tháng 01 năm 2020\n"
         "KẾ HOẠCH\nCông tác thông tin, tuyên truyền cải cách hành chính năm 2020\nI. MỤC ĐÍCH, YÊU CẦU\n")
# A paragraph of repeated words whose re-wrap ends a line on a document symbol: the copy breaks
# its paragraphs at another place, and the words around the break ("Công tuyên tuyên tuyên.")
# were shown removed from one paragraph and added to the next.
_SPLIT = _HEAD + ("tuyên tuyên tuyên tuyên tuyên tuyên tuyên tuyên CCHC. 2022 45/2020/NĐ-CP Công tuyên tuyên tuyên.\n"
                  "tuyên tuyên tuyên. tuyên tuyên tuyên.\ntuyên tuyên tuyên.\n")


@FAST
@given(long_plan_texts(), st.integers(24, 120))
@example(_SPLIT, 24)
def test_rewrapped_plan_has_no_change(text, width):
    p = read_text(text)
    d = diff_plans(p, read_text(rewrap(text, width)))
    assert phantoms(d) == []
    assert not d.basis_added and not d.basis_removed


def _split_body(word: str, cap: str) -> str:
    return _HEAD + (f"{word} {word} {word} {word} {word} {word} {word} {word} CCHC. 2022 45/2020/NĐ-CP {cap} "
                    f"{word} {word} {word}.\n{word} {word} {word}. {word} {word} {word}.\n{word} {word} {word}.\n")


@pytest.mark.parametrize(("text", "width"), [
    (_SPLIT, 24),
    (_SPLIT, 28),
    (_split_body("tuyên", "Văn"), 26),
    (_split_body("tuyên", "Trong"), 25),
    (_split_body("năm", "Công"), 20),
    (_split_body("năm", "Trong"), 21),
])
def test_paragraphs_broken_at_another_place_are_no_change(text, width):
    """Each pair showed a removed run and added runs of the same words before neighbouring
    paragraph anchors were joined (compare._join_split); both ways round, nothing changes and
    the words stay in one group."""
    p, q = read_text(text), read_text(rewrap(text, width))
    for d in (diff_plans(p, q), diff_plans(q, p)):
        assert d.changes == ()
        assert [s.status for s in d.sections] == ["same"]


def test_a_word_changed_across_the_other_break_is_one_change():
    """Joining the split anchors hides no edit: the one word changed in the re-wrapped copy is
    the one change."""
    p = read_text(_SPLIT)
    q = read_text(rewrap(_SPLIT, 24).replace("Công tuyên tuyên tuyên.", "Sở tuyên tuyên tuyên."))
    assert [(c.kind, c.old, c.new) for c in diff_plans(p, q).changes] == [("substantive", "Công", "Sở")]


# --- the redline is exact for any pair -----------------------------------------------------------

def _vary(draw, text: str) -> str:
    """The same plan written a little differently: a word's case, a mark, a space."""
    words = text.split(" ")
    for _ in range(draw(st.integers(0, 4))):
        k = draw(st.integers(0, len(words) - 1))
        how = draw(st.sampled_from(["upper", "lower", "title", "comma", "semicolon", "glue", "space"]))
        w = words[k]
        if how == "upper":
            words[k] = w.upper()
        elif how == "lower":
            words[k] = w.lower()
        elif how == "title":
            words[k] = w[:1].upper() + w[1:]
        elif how == "comma":
            words[k] = w + ","
        elif how == "semicolon":
            words[k] = w.rstrip(",.") + ";"
        elif how == "glue" and k + 1 < len(words) and "\n" not in w + words[k + 1]:
            words[k : k + 2] = [w + words[k + 1]]
        elif how == "space":
            words[k] = w + " "
    return " ".join(words)


# Activity rows of real plans (task, lead body, time): tables of random pairs are drawn from them.
ACTIVITIES = [
    ("Niêm yết, thông báo trên Cổng thông tin điện tử của Sở", "Văn phòng Sở", "Trong năm 2022"),
    ("Phát tờ gấp tuyên truyền CCHC và TTHC", "Văn phòng Sở", "Quý I"),
    ("Tập huấn nghiệp vụ cho công chức bộ phận một cửa", "Phòng Quản lý thương mại", "Quý II năm 2025"),
    ("Hội nghị đối thoại với doanh nghiệp", "Văn phòng Sở", "Quý III"),
    ("Xây dựng chuyên mục cải cách hành chính trên Cổng thông tin điện tử", "Trung tâm Thông tin", "Thường xuyên"),
    ("Tuyên truyền các văn bản quy phạm pháp luật về cải cách hành chính", "Thanh tra Sở", "Năm 2024"),
]
TABLE_HEAD = "TT\tNội dung\tCơ quan chủ trì\tThời gian thực hiện"


@st.composite
def table_lines(draw) -> list[str]:
    rows = draw(st.lists(st.sampled_from(ACTIVITIES), min_size=1, max_size=5, unique=True))
    return [TABLE_HEAD] + [f"{k}\t{task}\t{lead}\t{when}" for k, (task, lead, when) in enumerate(rows, start=1)]


@st.composite
def plan_with_table_texts(draw) -> str:
    """A plan whose first section holds an activity table (tab-separated, as a .docx reads)."""
    lines = draw(long_plan_texts()).split("\n")
    k = next(i for i, line in enumerate(lines) if line[:1] in "IVX" and ". " in line)
    return "\n".join([*lines[: k + 1], *draw(table_lines()), *lines[k + 1:]])


@st.composite
def plan_pairs(draw) -> tuple[str, str]:
    old = draw(long_plan_texts())
    new = draw(st.one_of(long_plan_texts(), st.just(old)))
    return old, _vary(draw, new)


@settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture])
@given(plan_pairs())
def test_redline_accept_all_is_new_and_reject_all_is_old(tmp_path, pair):
    old, new = (read_text(t) for t in pair)
    path = tmp_path / "r.docx"
    diff_plans(old, new).to_docx(path, force=True)
    accepted, rejected = accept_and_reject(path)
    assert flat(accepted) == flat(new.text)
    assert flat(rejected) == flat(old.text)


def _cells(plan) -> list[list[list[str]]]:
    """The plan's tables as the redline should write them: the header row cut at tabs, then
    the body rows, white space collapsed."""
    out = []
    for t in plan.tables:
        head = plan.text[t.span.start:t.rows[0][0].span.start]
        rows = [[" ".join(c.split()) for c in head.split("\t") if c.strip()]]
        rows += [[" ".join(c.text.split()) for c in row] for row in t.rows]
        out.append(rows)
    return out


@settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture])
@given(plan_with_table_texts(), plan_with_table_texts(), st.booleans())
def test_redline_tables_exact_both_ways(tmp_path, a, b, same_rest):
    """Tables are Word tables: Accept All gives the new plan's rows, Reject All the old one's."""
    if same_rest:  # the same plan around a different table: the rows alone change
        head = b.split(TABLE_HEAD)[1].split("\n")
        body = "\n".join(line for line in head[1:] if line[:1].isdigit() and "\t" in line)
        rows_a = "\n".join(line for line in a.split(TABLE_HEAD)[1].split("\n")[1:] if line[:1].isdigit() and "\t" in line)
        b = a.replace(rows_a, body)
    old, new = read_text(a), read_text(b)
    path = tmp_path / "r.docx"
    diff_plans(old, new).to_docx(path, force=True)
    accepted, rejected = accept_and_reject(path)
    assert flat(accepted) == flat(new.text)
    assert flat(rejected) == flat(old.text)
    assert table_rows(path, "accept") == _cells(new)
    assert table_rows(path, "reject") == _cells(old)


@pytest.mark.parametrize(("a", "b"), [("hai-duong-2022", "hung-yen-2022"), ("hung-yen-2022", "hue-2022"),
                                      ("hue-2022", "can-tho-2022"), ("can-tho-2022", "hai-duong-2022")])
def test_redline_exact_on_bundled_pairs(seeds, tmp_path, a, b):
    path = tmp_path / "r.docx"
    diff_plans(seeds[a], seeds[b]).to_docx(path)
    accepted, rejected = accept_and_reject(path)
    assert flat(accepted) == flat(seeds[b].text)
    assert flat(rejected) == flat(seeds[a].text)


_CELL_EDITS = ("cấp xã", "Phòng", "và", "năm 2025", "Quý IV", "Sở", "văn")


@st.composite
def edited_rows(draw) -> list[tuple[str, str, str]]:
    """Activity rows of a real plan, in any order, some of their cells edited (a word added,
    dropped or replaced), as next year's copy reorders and touches its table."""
    rows = draw(st.lists(st.sampled_from(ACTIVITIES), min_size=1, max_size=6, unique=True))
    out = []
    for row in rows:
        cells = []
        for cell in row:
            words = cell.split()
            how = draw(st.sampled_from(["keep", "keep", "keep", "add", "drop", "swap"]))
            k = draw(st.integers(0, len(words) - 1))
            if how == "add":
                words.insert(k, draw(st.sampled_from(_CELL_EDITS)))
            elif how == "drop" and len(words) > 1:
                del words[k]
            elif how == "swap":
                words[k] = draw(st.sampled_from(_CELL_EDITS))
            cells.append(" ".join(words))
        out.append(tuple(cells))
    return out


def _plan_with_rows(rows) -> str:
    lines = [TABLE_HEAD] + [f"{k}\t{task}\t{lead}\t{when}" for k, (task, lead, when) in enumerate(rows, start=1)]
    return ("KẾ HOẠCH\nTuyên truyền cải cách hành chính năm 2025\nI. NHIỆM VỤ\nCác hoạt động như sau:\n"
            + "\n".join(lines) + "\nII. KINH PHÍ\nNgân sách nhà nước bảo đảm.\n")


@settings(max_examples=30, deadline=None, suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture])
@given(edited_rows(), edited_rows())
# a row moved down past rows that are gone, its lead and time cells edited: one difference ran
# from its lead cell into the old rows after it, and Reject All put 'cấp xã III' in the lead cell
@example(old_rows=[("Hội nghị đối cấp xã thoại với doanh nghiệp", "Văn phòng cấp xã", "cấp xã III"), ACTIVITIES[0],
                   ACTIVITIES[2], ACTIVITIES[4], ("cấp xã " + ACTIVITIES[1][0], *ACTIVITIES[1][1:]), ACTIVITIES[5]],
         new_rows=[("yết, thông báo trên Cổng thông tin điện tử của Sở", *ACTIVITIES[0][1:]), ACTIVITIES[1],
                   (ACTIVITIES[3][0], "Văn phòng Sở", "Quý")])
def test_redline_cells_exact_when_rows_move(tmp_path, old_rows, new_rows):
    """The same plan around a table whose rows moved, came and went and were edited: Accept All
    gives every new row's cells and Reject All every old row's, each word in its own cell
    (read back with the independent walk of the .docx XML), and the table stays a Word table."""
    old, new = read_text(_plan_with_rows(old_rows)), read_text(_plan_with_rows(new_rows))
    path = tmp_path / "r.docx"
    diff_plans(old, new).to_docx(path, force=True)
    accepted, rejected = accept_and_reject(path)
    assert flat(accepted) == flat(new.text)
    assert flat(rejected) == flat(old.text)
    assert table_rows(path, "accept") == _cells(new)
    assert table_rows(path, "reject") == _cells(old)


def test_redline_cells_exact_when_a_row_moves_up_and_its_lead_cell_changes(tmp_path):
    # the case that put a deleted word of the lead column into the task cell on Reject All:
    # "Văn phòng Sở" -> "Phòng Tổ chức" in a row moved up, with words added to its task
    old_rows = [ACTIVITIES[1], ACTIVITIES[3]]
    new_rows = [(ACTIVITIES[3][0] + " cấp xã", "Phòng Tổ chức", ACTIVITIES[3][2]), ACTIVITIES[1]]
    old, new = read_text(_plan_with_rows(old_rows)), read_text(_plan_with_rows(new_rows))
    path = tmp_path / "r.docx"
    diff_plans(old, new).to_docx(path)
    assert table_rows(path, "reject") == _cells(old) == [[
        ["TT", "Nội dung", "Cơ quan chủ trì", "Thời gian thực hiện"],
        ["1", "Phát tờ gấp tuyên truyền CCHC và TTHC", "Văn phòng Sở", "Quý I"],
        ["2", "Hội nghị đối thoại với doanh nghiệp", "Văn phòng Sở", "Quý III"],
    ]]
    assert table_rows(path, "accept") == _cells(new)


_TASK, _LEAD, _WHEN = ACTIVITIES[3]


@pytest.mark.parametrize(("old_rows", "new_rows"), [
    # the row moves down past a row that is gone; its last two cells edited
    ([(_TASK, "Văn phòng cấp xã", "cấp xã III"), ACTIVITIES[5]], [ACTIVITIES[0], (_TASK, "Văn phòng Sở", "Quý")]),
    # ... all three cells edited, past two rows that are gone, below two that are new
    ([(_TASK + " năm 2025", "Văn phòng cấp xã", "cấp xã III"), ACTIVITIES[5], ACTIVITIES[4]],
     [ACTIVITIES[0], ACTIVITIES[1], (_TASK, "Văn phòng Sở", "Quý")]),
    # its lead and time cells held another row's text (rewritten to its own)
    ([(_TASK, *ACTIVITIES[4][1:]), ACTIVITIES[5]], [ACTIVITIES[0], ACTIVITIES[3]]),
    # ... with a new row after it and a gone row after that
    ([(_TASK, *ACTIVITIES[4][1:]), ACTIVITIES[5], ACTIVITIES[2]], [ACTIVITIES[0], ACTIVITIES[3], ACTIVITIES[1]]),
    # two rows of the kind in one table, each followed by a row that is gone
    ([(_TASK, "Văn phòng cấp xã", "cấp xã III"), ACTIVITIES[5], (ACTIVITIES[2][0], "Phòng Tổ chức", "Quý IV"),
      ACTIVITIES[4]],
     [ACTIVITIES[0], (_TASK, "Văn phòng Sở", "Quý"), ACTIVITIES[1], ACTIVITIES[2]]),
])
def test_redline_cells_exact_when_an_edit_runs_from_a_moved_row_into_gone_rows(tmp_path, old_rows, new_rows):
    """A row paired with an old one whose last cells changed, the old row followed by rows that
    are gone: the difference runs from its cells into the gone rows, and each old word must
    still go back to its own cell on Reject All (not into the first edited cell)."""
    old, new = read_text(_plan_with_rows(old_rows)), read_text(_plan_with_rows(new_rows))
    path = tmp_path / "r.docx"
    diff_plans(old, new).to_docx(path)
    accepted, rejected = accept_and_reject(path)
    assert flat(accepted) == flat(new.text)
    assert flat(rejected) == flat(old.text)
    head = ["TT", "Nội dung", "Cơ quan chủ trì", "Thời gian thực hiện"]
    assert table_rows(path, "reject") == _cells(old) == [[head] + [[str(k), *row] for k, row in enumerate(old_rows, 1)]]
    assert table_rows(path, "accept") == _cells(new) == [[head] + [[str(k), *row] for k, row in enumerate(new_rows, 1)]]
