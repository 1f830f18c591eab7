"""The plan's own number where it repeats it: a blank number before the symbol, and the attachment
line of Nghị định 30/2020 ("(Kèm theo Kế hoạch số ...", "(Ban hành kèm theo Quyết định số ...")
that names the document it goes with. Folded text throughout (see :func:`plankit.text.fold`)."""

from __future__ import annotations

import re

from ..text import fold

# A blank number before a symbol: "Số:        /KH-SKHCN", "Số: /KH-SKH-CN", the appendix's
# "Kế hoạch số:/KH-SKHCN". Must not match "số 76/NQ-CP".
BLANK_NUMBER_RE = re.compile(r"s(?<!\ws)[o6]\s*:?[ \t._\u2026]*/\s*[a-z][a-z0-9&]*(?:-[a-z0-9&]+)*")

# The plan's reference to itself in an appendix: "(Kèm theo Kế hoạch số:/KH-SKHCN ngày ...)".
SELF_REF_RE = re.compile(
    r"kem\s+theo\s+(?:k\S{0,2}\s+hoach|quyet\s+dinh|van\s+ban)\s+(?:so)?\s*:?\s*(\d*)\s*/\s*"
    r"([a-z][a-z0-9&]*(?:\s*-\s*[a-z][a-z0-9&]*)*)"
)

# The words that open a reference of the plan to itself on its attachment line, right before the
# number ("Kèm theo Kế hoạch số", "Ban hành kèm theo Quyết định"), searched backwards from "số".
SELF_REF_BEFORE_RE = re.compile(r"kem\s+theo\s+(?:k\S{0,2}\s+hoach|quyet\s+dinh|van\s+ban)\s*$")
# The same reference with its number, blank or not, searched backwards from the date that
# follows it ("Kèm theo Kế hoạch số:     /KH-SNV ngày     /3/2026", "... số 749/KH-SVHTTDL ngày
# /03/2025").
SELF_REF_DATE_BEFORE_RE = re.compile(
    r"kem\s+theo\s+(?:k\S{0,2}\s+hoach|quyet\s+dinh|van\s+ban)\s+(?:s[o6])?\s*:?[ \t._\u2026]*\d*\s*/\s*"
    r"[a-z][a-z0-9&]*(?:\s*-\s*[a-z0-9&]+)*[\s,]*$"
)

# The type a reference on the attachment line names in words, with the code its symbol opens with.
_ATTACHED_TYPES = (("quyet", "qd"), ("k", "kh"))


def names_another_document(ref: re.Match[str], header_symbol: str) -> bool:
    """Whether a SELF_REF_RE match names, in words and symbol alike, a document of another type
    than the header's: "(Ban hành kèm theo Quyết định số 123/QĐ-UBND ...)" under a plan's own
    header "Số: 45/KH-UBND" is the decision that issues the plan, not the plan itself. A word
    that disagrees with its symbol ("Kế hoạch số 45/QĐ-UBND") is not another document but a slip.
    """
    code = "".join(ref.group(2).split()).split("-")[0]
    own = "".join(fold(header_symbol).split()).split("-")[0]
    if code == own:
        return False
    word = ref.group(0)[len("kem"):].split()[1]  # the word after "kèm theo"
    return any(word.startswith(w) and code == c for w, c in _ATTACHED_TYPES)


# The attachment line of Nghị định 30/2020 opens its parenthesis right before "kèm theo" (a "ban
# hành" between allowed, across a wrapped line): "(Kèm theo Kế hoạch số", "(Ban hành kèm theo
# Quyết định số". Searched up to where SELF_REF_RE starts. A body sentence "thực hiện Phụ lục ban
# hành kèm theo Quyết định số ..." names another document, not the plan itself.
ATTACHMENT_LINE_RE = re.compile(r"\(\s*(?:ban\s+hanh\s+)?$")
