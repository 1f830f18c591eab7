"""Word lists the text rules use: known misspellings, two-syllable words, reduplications.

The misspellings are data (``plankit/data/typos.tsv``, shared with the diff and draft modules).
The two lists below are small, hand-made lexicons for one decision of the ``duplicated-word``
rule: whether a repeated syllable is a legitimate Vietnamese double.
"""

from __future__ import annotations

import re
from functools import cache, lru_cache

from ..agencies import word_alternation
from ..text import fold, is_upper_text, tone_key
from ..typos import Typo, known_typos

__all__ = [
    "COMPOUNDS",
    "FOLDED_COMPOUNDS",
    "FOLDED_REDUPLICATED",
    "REDUPLICATED",
    "Typo",
    "fit_case",
    "known_typos",
    "phrase_key",
    "run_together_words",
    "typo_candidate",
    "typo_for",
    "typo_matcher",
]


# Two-syllable words that can meet across a boundary and repeat a syllable legitimately:
# "tuyên truyền truyền thống" is "tuyên truyền | truyền thống"; a body's name before a word
# that starts with its last syllable, "Đảng ủy Ủy ban nhân dân tỉnh", "Bộ Tư pháp pháp luật". A repeated syllable is let
# through only when the word before it and the word after it both form words with it.
_COMPOUND_WORDS = """
tuyên_truyền truyền_thống truyền_thông truyền_hình truyền_tải truyền_đạt thông_tin thông_tư
thông_báo thông_qua thông_suốt thông_thường tin_học tin_tức tin_tưởng tin_cậy hành_chính
chính_sách chính_quyền chính_phủ chính_trị chính_thức tài_chính quyền_hạn quyền_lợi thẩm_quyền
chủ_quyền nhân_quyền ủy_quyền quyền_lực cơ_quan quan_trọng quan_tâm quan_điểm quan_hệ liên_quan
khách_quan chủ_quan quan_sát quan_lại cơ_chế chế_độ chế_tài thể_chế hạn_chế khống_chế chế_biến
chế_tạo cơ_sở sở_hữu trụ_sở cơ_hội hội_nghị hội_thảo xã_hội hội_viên hội_đồng đồng_bộ đồng_thời
đồng_chí đồng_ý cộng_đồng đồng_đều đồng_hành đồng_tình nghị_quyết nghị_định quyết_định định_kỳ
quy_định định_hướng ổn_định xác_định giải_quyết quyết_tâm kỳ_họp doanh_nghiệp nghiệp_vụ
chuyên_nghiệp nông_nghiệp công_nghiệp nghề_nghiệp sự_nghiệp công_nghệ nghệ_thuật nghệ_nhân
khoa_học học_tập học_viên học_sinh đại_học điều_kiện điều_hành điều_chỉnh điều_tra hành_động
hoạt_động lao_động chủ_động vận_động động_viên động_lực biến_động tác_động thực_hiện hiện_đại
hiện_nay hiện_hành thể_hiện phát_hiện hiện_tượng xuất_hiện hiện_trạng thực_tế thực_tiễn
thực_chất trung_thực kinh_tế quốc_tế y_tế tế_bào kiểm_tra tra_cứu thanh_tra kiểm_soát kiểm_định
quản_lý lý_luận lý_do xử_lý pháp_lý hợp_lý luận_điểm pháp_luật luật_pháp kỷ_luật luật_sư
pháp_chế văn_bản bản_tin bản_thân cơ_bản căn_bản xuất_bản phiên_bản bản_đồ văn_hóa văn_phòng
phòng_ban phòng_chống phòng_ngừa nhân_dân dân_chủ dân_tộc dân_số công_dân người_dân dân_sự
dân_cư nhân_viên cá_nhân nhân_lực nhân_sự nguyên_nhân nhân_tố nhân_văn nhân_rộng viên_chức
chức_năng năng_lực lực_lượng chất_lượng số_lượng đo_lường công_chức tổ_chức chức_vụ chức_danh
nhiệm_vụ phục_vụ dịch_vụ công_vụ vụ_việc sự_việc việc_làm công_việc làm_việc công_tác tác_phong
hợp_tác phối_hợp hợp_đồng kết_hợp tổng_hợp phù_hợp hợp_nhất thống_nhất nhất_trí duy_nhất
thống_kê hệ_thống cán_bộ bộ_máy tiến_bộ bộ_phận toàn_bộ nội_bộ sơ_bộ bộ_ngành ngành_nghề
trung_ương địa_phương phương_tiện phương_án phương_thức phương_pháp phương_hướng tiện_ích
thuận_tiện cải_tiến tiến_hành tiến_độ tiên_tiến cải_cách cách_thức cách_mạng tư_cách phong_cách
nhân_cách quy_cách kế_hoạch hoạch_định quy_hoạch chương_trình trình_độ trình_bày tờ_trình
quy_trình công_trình trình_tự tự_động tự_chủ tự_do trật_tự tự_giác giáo_dục đào_tạo sáng_tạo
cấu_tạo bồi_dưỡng dưỡng_sức tập_huấn huấn_luyện luyện_tập tập_thể thể_thao cụ_thể tập_trung
trung_tâm tâm_lý trọng_tâm mục_tiêu tiêu_chuẩn chuẩn_mực mục_đích tiêu_chí tiêu_cực tích_cực
chỉ_tiêu chỉ_số số_hóa chuyển_đổi đổi_mới mới_mẻ phát_triển triển_khai khai_thác công_khai
khai_báo triển_vọng phát_huy phát_hành ban_hành hành_vi vi_phạm phạm_vi thi_hành vận_hành
thực_thi thi_đua khen_thưởng thưởng_phạt xử_phạt đánh_giá giá_trị trị_giá giám_sát giám_đốc
đốc_thúc đôn_đốc sát_hạch khảo_sát điện_tử tử_tế trực_tuyến tuyến_đường trực_tiếp tiếp_nhận
nhận_thức thức_tỉnh tiếp_cận cận_kề tiếp_tục thủ_tục tục_lệ liên_tục an_toàn toàn_diện diện_tích
đại_diện toàn_dân dân_quân an_ninh bảo_đảm đảm_bảo bảo_vệ bảo_hiểm hiểm_họa bảo_hộ hộ_dân
gia_đình tham_gia gia_tăng tăng_cường cường_độ độ_tuổi thủ_tướng tướng_lĩnh lĩnh_vực khu_vực
vực_dậy địa_bàn bàn_giao giao_dịch giao_ban ban_ngành ngành_hàng hàng_năm năm_học nội_dung
dung_lượng sử_dụng dụng_cụ ứng_dụng áp_dụng tuyển_dụng dụng_ý ý_kiến kiến_nghị nghị_sự sự_kiện
kiện_toàn ý_nghĩa nghĩa_vụ chủ_nghĩa định_nghĩa hướng_dẫn dẫn_đầu đầu_tư tư_vấn vấn_đề đề_án
án_phí đề_xuất xuất_sắc sản_xuất sản_phẩm phẩm_chất chất_liệu tài_liệu liệu_pháp dữ_liệu số_liệu
nguyên_liệu đứng_đầu đầu_mối tiêu_dùng người_dùng dùng_chung chung_cư tài_nguyên nguyên_tắc
tắc_nghẽn môi_trường trường_hợp thị_trường thị_xã hội_nhập nhập_khẩu thu_nhập cập_nhật nhật_ký
ký_kết kết_quả quả_thật hiệu_quả hiệu_lực hiệu_suất tín_hiệu thương_hiệu đăng_tải đăng_ký
ký_hiệu báo_chí chí_hướng báo_cáo thông_cáo cáo_trạng một_cửa cửa_khẩu liên_thông thông_minh
minh_bạch chứng_minh minh_họa hài_lòng lòng_tin tin_nhắn nhắn_tin cảnh_báo báo_động
đảng_ủy tỉnh_ủy thành_ủy huyện_ủy quận_ủy cấp_ủy ủy_ban ủy_viên dân_vận tuyên_giáo tổ_quốc
quốc_phòng quốc_gia công_an tư_pháp công_thương thương_mại ngoại_giao giao_thông
"""
COMPOUNDS = frozenset(tone_key(w.replace("_", " ")) for w in _COMPOUND_WORDS.split())

# The same words folded, for OCR'd text whose diacritics are unreliable: "tuyén truyén truyén
# thong" is "tuyên truyền truyền thống", and "tién tién" is "tiên tiến" (two words that fold alike).
FOLDED_COMPOUNDS = frozenset(fold(w.replace("_", " ")) for w in _COMPOUND_WORDS.split())

# Words Vietnamese doubles on purpose (full reduplication): "dần dần", "người người".
_REDUPLICATED_WORDS = """
dần ai đâu đời người nhà ngày đêm tháng chiều mãi từ thường luôn lâu đều xa hơi vừa sờ mau
"""
REDUPLICATED = frozenset(tone_key(w) for w in _REDUPLICATED_WORDS.split())
FOLDED_REDUPLICATED = frozenset(fold(w) for w in _REDUPLICATED_WORDS.split())


def phrase_key(text: str) -> str:
    return " ".join(fold(text).replace(",", " , ").split())


@cache
def typo_matcher() -> tuple[re.Pattern[str], dict[str, list[Typo]]]:
    table: dict[str, list[Typo]] = {}
    for t in known_typos():
        table.setdefault(phrase_key(t.typo), []).append(t)
    parts = []
    for key in sorted(table, key=len, reverse=True):
        words = [re.escape(w) for w in key.split()]
        pattern = ""
        for i, w in enumerate(words):
            if i:
                pattern += (
                    r"\s*" if w in (",", r"\-", "-") or words[i - 1] in (r"\-", "-") else r"\s+"
                )
            pattern += w
        parts.append(pattern)
    return re.compile(word_alternation(parts) + r"(?!\w)"), table


@lru_cache(maxsize=8192)
def _exact_key(text: str) -> str:
    return " ".join(tone_key(text.lower()).replace(",", " , ").split())


@cache
def _exact_typo_keys() -> frozenset[str]:
    return frozenset(_exact_key(t.typo) for t in known_typos())


def typo_candidate(surface: str, *, ocr: bool) -> bool:
    """Whether ``surface`` may be a listed misspelling: a cheap test before :func:`typo_for`.
    Outside OCR'd text a misspelling must be written exactly so, and most matches of the folded
    pattern are the correct words ("thực hiện" for "thưc hiện").

    >>> typo_candidate("thực hiện", ocr=False), typo_candidate("thưc hiện", ocr=False)
    (False, True)
    """
    return ocr or _exact_key(surface) in _exact_typo_keys()


def typo_for(surface: str, *, ocr: bool, following: str = "") -> Typo | None:
    """The listed misspelling ``surface`` is, if any.

    Outside OCR'd text it must be written exactly so (case and tone placement aside); in OCR'd
    text its folded form suffices for rows marked ``ocr``. ``following`` is the next word, which
    a row's ``not_before`` may rule out ("địa điểm hình thức").

    >>> typo_for("Tuyên tuyền", ocr=False).correction
    'tuyên truyền'
    >>> typo_for("tuyên tuyên", ocr=False) is None, typo_for("tuyén tuyén", ocr=True).correction
    (True, 'tuyên truyền')
    >>> typo_for("điểm hình", ocr=False, following="thức") is None
    True
    """
    table = typo_matcher()[1]
    exact = _exact_key(surface)
    nxt = fold(following)
    for typo in table.get(phrase_key(surface), ()):
        if exact != _exact_key(typo.typo) and not (ocr and typo.ocr):
            continue
        if nxt and nxt in typo.stops:
            continue
        return typo
    return None


def fit_case(correction: str, surface: str) -> str:
    if is_upper_text(surface, threshold=0.95) and len(surface) > 3:
        return correction.upper()
    if surface[:1].isupper() and correction[:1].islower():
        return correction[:1].upper() + correction[1:]
    return correction


# -- run-together syllables (the run-together rule) ---------------------------------------------
@cache
def _syllables() -> frozenset[str]:
    """Lower-case syllables of the Viet74K word list the restorer reads (empty when the
    ``underthesea`` package is absent: the rule then relies on the syllable rules alone)."""
    from ..restore_model import viet74k_path

    path = viet74k_path()
    if path is None:
        return frozenset()
    out: set[str] = set()
    for line in path.read_text(encoding="utf-8").splitlines():
        out.update(w for w in line.lower().split() if w.isalpha())
    return frozenset(out)


def _known_syllable(word: str) -> bool:
    from ..restore_model import is_syllable

    if len(word) < 1 or not is_syllable(word):
        return False
    known = _syllables()
    return not known or word.lower() in known


_WORD_RE = re.compile(r"[^\W\d_]+")


# The tokens (white-space separated) already judged, over all plans of the process, and those
# of them that hold a run-together word: plans share most of their vocabulary, so each plan
# judges only its new tokens (a set difference) and looks up its candidates (an intersection).
# Bounded: past _TOKENS_KEPT distinct tokens, new ones are judged but no longer kept.
_TOKENS_SEEN: set[str] = set()
_TOKEN_SPLITS: dict[str, tuple[tuple[str, int], ...]] = {}
_TOKENS_KEPT = 200_000  # ~20 MB of strings at most


def _token_splits(token: str, known: frozenset[str]) -> tuple[tuple[str, int], ...]:
    """The words of ``token`` that are two syllables run together, each with the offset of its
    second syllable. Words never span white space: a token of letters only is one word, the
    others are split by the regex. A candidate has four letters or more, a Vietnamese letter, no
    capital after its first letter, is not a listed syllable nor one by the syllable rules, and
    splits into two known syllables."""
    from ..restore_model import is_syllable

    out = []
    for word in (token,) if token.isalpha() else _WORD_RE.findall(token):
        if len(word) < 4 or word.isascii():
            continue
        lower = word.lower()
        if lower in known or word[1:] != lower[1:] or is_syllable(word):
            continue
        split = next(
            (i for i in range(1, len(word)) if _known_syllable(word[:i]) and _known_syllable(word[i:])),
            None,
        )
        if split is not None:
            out.append((word, split))
    return tuple(out)


def run_together_words(tokens: set[str]) -> dict[str, int]:
    """The run-together words among ``tokens``, each with the offset of its second syllable
    (what :func:`_token_splits` gives each token, judged once per process)."""
    found = {}
    new = tokens - _TOKENS_SEEN
    if new:
        known = _syllables()
        for token in new:
            splits = _token_splits(token, known)
            if splits:
                found[token] = splits
        if len(_TOKENS_SEEN) < _TOKENS_KEPT:
            _TOKEN_SPLITS.update(found)
            _TOKENS_SEEN.update(new)  # after the splits: a token seen is a token judged
    for token in tokens & _TOKEN_SPLITS.keys():
        found[token] = _TOKEN_SPLITS[token]
    return {word: split for splits in found.values() for word, split in splits}
