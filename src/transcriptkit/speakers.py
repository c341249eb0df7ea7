"""Who speaks: one `Speaker` per person, however many ways the document labels them.

A short label (`KELLY`, `Mr. KYLE`, `VANEK SMITH`) resolves to the one person labelled in
full earlier whose name ends with it. Where two people share that ending, the short forms
the document already used for each decide; where it is still ambiguous, or the label only
nearly matches (`PROFITT` for `PROFFITT`), a diagnostic says so.
"""

from __future__ import annotations

from typing import cast

import regex

from . import rules
from .models import Diagnostic, Role, Speaker
from .names import within_one_edit

_SLUG = regex.compile(r"[^a-z0-9]+")


def role_of(name: str, role_text: str | None, description: str | None) -> Role | None:
    """The role a label states: `, HOST` → host, `, BYLINE` → reporter, `(Caller)`,
    `UNIDENTIFIED MAN` → unidentified; a description (`Correspondent, Bloomberg`) too."""
    if rules.UNIDENTIFIED.match(name):
        return "unidentified"
    for source in (role_text, description):
        if not source:
            continue
        for role, pattern in rules.ROLE_WORDS:
            if pattern.search(source):
                return cast(Role, role)
    return None


class SpeakerBook:
    """Speakers in order of first appearance, and the label each turn used."""

    def __init__(self) -> None:
        self.speakers: list[Speaker] = []
        self.diagnostics: list[Diagnostic] = []
        self._by_name: dict[str, Speaker] = {}
        self._short_forms: dict[str, set[str]] = {}  # speaker id -> short labels used

    def resolve(self, fields: dict[str, str], line: int) -> Speaker:
        """The speaker a label names, created on first sight."""
        name, label = fields["name"], fields["label"]
        role = role_of(name, fields.get("role"), fields.get("description"))
        speaker = self._by_name.get(name) or self._shortened(name, line)
        if speaker is None:
            speaker = self._add(name)
        if label not in speaker.labels:
            speaker.labels.append(label)
        if speaker.role is None and role is not None:
            speaker.role = role
        if speaker.description is None and fields.get("description"):
            speaker.description = fields["description"]
        if name != speaker.name:
            self._short_forms.setdefault(speaker.id, set()).add(name)
        return speaker

    def _add(self, name: str) -> Speaker:
        base = _SLUG.sub("-", name.lower()).strip("-") or "speaker"
        ident, n = base, 2
        while any(s.id == ident for s in self.speakers):
            ident, n = f"{base}-{n}", n + 1
        speaker = Speaker(id=ident, name=name)
        self.speakers.append(speaker)
        self._by_name[name] = speaker
        return speaker

    def _shortened(self, name: str, line: int) -> Speaker | None:
        """The one earlier speaker whose full name `name` shortens, if there is one."""
        if rules.UNIDENTIFIED.match(name):
            return None
        fuller = [s for s in self.speakers if s.name.endswith(" " + name)]
        if len(fuller) == 1:
            return fuller[0]
        if len(fuller) > 1:
            # Two people end in SMITH. The document may call one of them by a longer short
            # form (`VANEK SMITH`), which makes the other the likely one; still, a guess is
            # not an attribution, so the label stays as printed and the guess is reported.
            likely = [
                s.name
                for s in fuller
                if not any(f.endswith(" " + name) for f in self._short_forms.get(s.id, ()))
            ]
            hint = f"; most likely {likely[0]}" if len(likely) == 1 else ""
            names = ", ".join(s.name for s in fuller)
            self._note(
                "warning",
                "ambiguous-label",
                f"label {name!r} could be {names}{hint}; kept as printed",
                line,
            )
            return None
        if " " in name or len(name) < 5:
            return None
        near = [
            s for s in self.speakers if " " in s.name and within_one_edit(s.name.split()[-1], name)
        ]
        if len(near) == 1:
            self._note(
                "info",
                "near-match-label",
                f"label {name!r} taken as {near[0].name} (one letter differs)",
                line,
            )
            return near[0]
        return None

    def _note(self, level: str, code: str, message: str, line: int) -> None:
        self.diagnostics.append(Diagnostic(level=level, code=code, message=message, line=line))  # type: ignore[arg-type]
