"""Official transcripts of people speaking in public: White House press briefings,
congressional hearings, and live (CART) captioning of conference talks.

Their labels are not the broadcasters': a reporter's question is `Q` with no colon, a member
of Congress is `Mr. QUIST.` with a period, a CART writer labels by first name in capitals
(`KIM:`, the shared grammar's). Example lines in comments are invented.
"""

from __future__ import annotations

from ..tokens import TokenKind
from .base import Style, evidence, rule

# ---- press briefings --------------------------------------------------------------------

# `Q Good afternoon.`: a reporter's question, labelled `Q` with no colon (`Q:` elsewhere).
# The label is its own role, which reads as reporter.
QUESTION = rule(
    "question",
    r"""
    (?P<label> (?P<name> (?P<role> Q ) ) )
    (?: [ \t]*+ : (?= [ \t] | \r | $ ) | (?= [ \t]++ [\p{Lu}\p{N}"“'‘(¿¡] ) )
    """,
    TokenKind.LABEL,
)

# `Ada Quist Press Briefing Room`, `1:27 P.M. EDT`, `Via Teleconference`, and the site's
# section names: where and when, not anybody's words.
BRIEFING_CHROME = rule(
    "chrome",
    r"""
    (?: [^\n]{0,80}? Briefing [ ] Room
      | \d{1,2}+ : \d\d [ ] [AP] \.? M \.? (?: [ ] [A-Z]{2,4}+ )?+
      | Via [ ] Teleconference | The [ ] White [ ] House | Press [ ] Briefings
      | Speeches [ ] and [ ] Remarks | Statements [ ] and [ ] Releases
    ) [ \t]*+ \r?+ $
    """,
    TokenKind.FURNITURE,
)

# `END 2:04 P.M. EDT`: the briefing is over.
BRIEFING_END = rule(
    "transcript-end",
    r"END [ \t]++ \d{1,2}+ : \d\d [^\n]{0,30}+ $",
    TokenKind.FURNITURE,
)

BRIEFING = Style(
    name="briefing",
    description="White House press briefings: `MS. NAME:`, `Q` questions, `(Laughter.)`.",
    evidence=evidence(
        (r"Press [ ] Briefing [ ] Room", 3.0),
        (r"^ \d{1,2} : \d\d [ ] [AP] \. M \. [ ] E[SD]T", 2.0),
        (r"^ Q [ ] \p{Lu}", 2.0),
        (r"^ (?: MS | MR | MRS ) \. [ ] [\p{Lu}'’-]{2,40} :", 1.0),
        (r"^ \( Laughter \. \)", 1.0),
        (r"whitehouse\.gov", 2.0),
    ),
    rules=(QUESTION, BRIEFING_END, BRIEFING_CHROME),
)

# ---- congressional hearings -------------------------------------------------------------

_SURNAME = r"""
    (?: Mc | Mac | De | Di | La | Le | Van | Von | O['’] | D['’] )?+ \p{Lu}{2} [\p{Lu}'’\-]{0,30}+
"""
# ... or in mixed case, as the Government Publishing Office's text prints it once its small
# capitals are lost (`Mr. Penhallow.`, `Ms. McAdam.`).
# Not an office a speaker addresses (`Mr. President.`, `Madam Speaker.`).
_MIXED_SURNAME = r"""
    (?! (?: President | Chairman | Chairwoman | Chair | Speaker | Secretary | Leader ) \b )
    (?: Mc | Mac | O['’] | D['’] )?+ \p{Lu}\p{Ll} [\p{L}'’\-]{1,30}+
"""
_ANY_SURNAME = rf"(?: {_SURNAME} | {_MIXED_SURNAME} )"
_STATE = r"of [ ] \p{Lu}\p{Ll}++ (?: [ ] \p{Lu}\p{Ll}++ )?+"
# Titles a member or witness is called by before the surname (`Senator MARR.`, `Colonel
# Ruiz.`).
_TITLES = r"""
    (?: Senator | Chairman | Chairwoman | Representative | Secretary | General | Admiral
      | Ambassador | Judge | Governor | Director | Commissioner | Colonel | Major | Captain
      | Lieutenant | Sergeant | Chief | Mayor | Sheriff | Professor | Justice | Delegate )
"""

# `Mr. QUIST. Thank you, Mr. Chairman.`, `Senator MARR.`, `Ms. ABEL of Ohio.`,
# `Representative ORTIZ of Texas.`, `The CHAIRMAN.` (`THE CHAIRMAN.`): the label ends in a
# period and the speech follows (the label is kept without it). `of Ohio` stays in the
# name: it is what tells two members of one surname apart.
MEMBER = rule(
    "member",
    rf"""
    (?P<label>
        (?P<honorific> Mr \. | Mrs \. | Ms \. | Dr \. | Miss ) [ ]
        (?P<name> {_ANY_SURNAME} (?: [ ] {_ANY_SURNAME} ){{0,2}}+ (?: [ ] {_STATE} )?+ )
      | (?P<name> {_TITLES} [ ] {_ANY_SURNAME} (?: [ ] {_ANY_SURNAME} ){{0,2}}+
                  (?: [ ] {_STATE} )?+ )
      | (?P<name> (?: The | THE ) [ ]
                  (?i: CHAIRMAN | CHAIRWOMAN | CHAIR | PRESIDING [ ] OFFICER | CLERK
                     | SPEAKER (?: [ ] pro [ ] tempore )?+ | ACTING [ ] CHAIR (?: MAN )?+ ) )
    )
    \. (?= [ \t]++ \S | [ \t]*+ \r?+ $ )
    """,
    TokenKind.LABEL,
)

# `[The prepared statement of Mr. Quist follows:]`, `[Whereupon, at 12:15 p.m., the
# committee was adjourned.]`: the record's notes, however many sentences they hold.
RECORD_NOTE = rule(
    "record-note",
    r"""
    \[ (?P<inner> (?: The | Whereupon | Recess | Pause | Laughter | Applause | Off )
                  [^\[\]\n]{0,600}+ )
    \] [ \t.]*+ \r?+ $
    """,
    TokenKind.CUE,
)

# `STATEMENT OF HON. ADA QUIST, A REPRESENTATIVE IN CONGRESS FROM THE STATE OF OHIO`.
STATEMENT_HEADING = rule(
    "heading",
    r"""
    (?P<value> (?: PREPARED [ ] )?+ (?: STATEMENT | TESTIMONY ) [ ] OF [ ] [^\n\p{Ll}]{2,300}+ ) $
    """,
    TokenKind.HEADER,
    header_field="heading",
)

HEARING = Style(
    name="hearing",
    description="Congressional hearings and the Congressional Record: `Mr. NAME.` labels.",
    evidence=evidence(
        (rf"^ (?: Mr | Mrs | Ms | Dr ) \. [ ] {_SURNAME} (?: [ ] {_STATE} )?+ \. [ ]", 3.0),
        (rf"^ (?: Senator | Chairman | Chairwoman | Representative ) [ ] {_SURNAME} \. [ ]", 3.0),
        (r"^ (?: The | THE ) [ ] (?: CHAIRMAN | CHAIRWOMAN | CHAIR | SPEAKER ) \. [ ]", 3.0),
        # Mixed case is weaker alone (`Mr. Quist. ` could open a line of prose); with the
        # hearing's own words it decides.
        (rf"^ (?: Mr | Mrs | Ms | Dr ) \. [ ] {_MIXED_SURNAME} \. [ ] \p{{Lu}}", 1.0),
        (rf"^ (?: Senator | Chairman | Chairwoman ) [ ] {_MIXED_SURNAME} \. [ ] \p{{Lu}}", 1.0),
        (r"(?i: hearing [ ] before [ ] the | subcommittee [ ] on | committee [ ] on )", 1.0),
        (r"^ \[ (?: The [ ] prepared [ ] statement | Whereupon )", 1.0),
    ),
    rules=(MEMBER, RECORD_NOTE, STATEMENT_HEADING),
)

# ---- live captioning of talks (CART) ----------------------------------------------------

# `Day & Time: Friday, Dec. 14, 2018, at 1pm`: the talk's date.
CART_DATE = rule(
    "date",
    r"Day [ ]?+ & [ ]?+ Time [ \t]*+ : [ \t]*+ (?P<value> [^\n]{4,120}+ ) $",
    TokenKind.HEADER,
    header_field="date",
)

CART = Style(
    name="cart",
    description="Live (CART) captioning of conference talks: `KIM:` first-name labels.",
    evidence=evidence(
        (r"^ Day [ ]?+ & [ ]?+ Time [ \t]*+ :", 3.0),
        (r"SRCCON", 3.0),
        (r"\b CART \b | (?i: live [ ] captioning | real-?time [ ] captioning )", 1.0),
    ),
    rules=(CART_DATE,),
)

STYLES = (BRIEFING, HEARING, CART)
