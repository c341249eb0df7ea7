"""Speaker names: one canonical spelling per person, and how short labels map to it."""

from __future__ import annotations

import regex

_SPACE = regex.compile(r"[\s\xa0\ufffd]++")


def canonical_name(raw: str) -> str:
    """Upper case, single spaces: `Mr. McGREE`'s name `McGREE` and `MCGREE` agree."""
    return _SPACE.sub(" ", raw).strip(" *").upper()


def within_one_edit(a: str, b: str) -> bool:
    """True when `a` and `b` differ by one inserted, deleted or replaced character
    (`PROFITT` and `PROFFITT`), so a one-letter slip in a label can be recognised."""
    if a == b or abs(len(a) - len(b)) > 1:
        return a == b
    if len(a) > len(b):
        a, b = b, a
    i = 0
    while i < len(a) and a[i] == b[i]:
        i += 1
    if len(a) == len(b):
        return a[i + 1 :] == b[i + 1 :]
    return a[i:] == b[i + 1 :]


# Office and courtesy titles a label may print before a name (`PRESS SECRETARY ANA M.
# RUIZ`, `SEN. OKAFOR`, `GENERAL VOSS`), in the canonical upper case. General English
# titles, not names seen anywhere: a leading run of them is a title *shape*, dropped only
# to look the rest of the label up (the canonical name keeps what was printed), and never
# when nothing would be left. `rules.HONORIFIC` recognises the courtesy titles a label
# drops for good (`Mr.`, `Dr.`); these are the ones a speaker's full label keeps.
_TITLE_WORDS = """
    PRESIDENT PRES. FORMER FMR. VICE PRIME MINISTER DEPUTY ASSISTANT ACTING PRESS SECRETARY
    SEC. UNDERSECRETARY
    SENATOR SEN. REPRESENTATIVE REP. CONGRESSMAN CONGRESSWOMAN DELEGATE GOVERNOR GOV.
    LT. LIEUTENANT MAYOR COUNCILMEMBER COUNCILMAN COUNCILWOMAN ALDERMAN AMBASSADOR
    ATTORNEY GENERAL GEN. ADMIRAL ADM. COLONEL COL. CAPTAIN CAPT. MAJOR MAJ. SERGEANT SGT.
    CORPORAL CPL. COMMANDER CMDR. CHIEF JUDGE JUSTICE CHAIRMAN CHAIRWOMAN CHAIR
    COMMISSIONER DIRECTOR SHERIFF DETECTIVE OFFICER AGENT SPOKESMAN SPOKESWOMAN
    SPOKESPERSON PROFESSOR PROF. DOCTOR DR. MR. MRS. MS. MISS REVEREND REV. FATHER SISTER
    RABBI BISHOP PASTOR IMAM SIR DAME LORD LADY THE
"""
OFFICE_TITLES: frozenset[str] = frozenset(_TITLE_WORDS.split())


def leading_titles(words: list[str]) -> int:
    """How many of `words` at the start are titles, leaving at least one word that is not
    (`PRESS SECRETARY ANA M. RUIZ` → 2; `CHIEF` alone → 0)."""
    n = 0
    while n < len(words) - 1 and words[n] in OFFICE_TITLES:
        n += 1
    return n
