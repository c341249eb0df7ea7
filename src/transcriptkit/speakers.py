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
    """Speakers in order of first appearance, and the label each turn used.

    Look-ups go through indexes (name endings, one-letter variants of surnames), so a
    document with a hundred thousand distinct labels costs linear time, not quadratic.
    """

    def __init__(self) -> None:
        self.speakers: list[Speaker] = []
        self.diagnostics: list[Diagnostic] = []
        self._by_name: dict[str, Speaker] = {}
        self._by_ending: dict[str, list[Speaker]] = {}  # `KELLY`, `LOUISE KELLY` -> speakers
        self._by_variant: dict[str, list[Speaker]] = {}  # surname with a letter dropped
        self._short_forms: dict[str, set[str]] = {}  # speaker id -> short labels used
        self._ids: set[str] = set()
        self._warned: set[str] = set()

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
        while ident in self._ids:
            ident, n = f"{base}-{n}", n + 1
        speaker = Speaker(id=ident, name=name)
        self.speakers.append(speaker)
        self._ids.add(ident)
        self._by_name[name] = speaker
        words = name.split()
        if len(words) > 1 and not rules.UNIDENTIFIED.match(name):
            for i in range(1, len(words)):
                self._by_ending.setdefault(" ".join(words[i:]), []).append(speaker)
            for variant in _variants(words[-1]):
                self._by_variant.setdefault(variant, []).append(speaker)
        return speaker

    def _shortened(self, name: str, line: int) -> Speaker | None:
        """The one earlier speaker whose full name `name` shortens, if there is one."""
        if rules.UNIDENTIFIED.match(name):
            return None
        fuller = self._by_ending.get(name, [])
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
                name,
                "warning",
                "ambiguous-label",
                f"label {name!r} could be {names}{hint}; kept as printed",
                line,
            )
            return None
        if " " in name or len(name) < 5:
            return None
        near = {
            s.id: s
            for variant in _variants(name)
            for s in self._by_variant.get(variant, ())
            if within_one_edit(s.name.split()[-1], name)
        }
        if len(near) == 1:
            (speaker,) = near.values()
            self._note(
                name,
                "info",
                "near-match-label",
                f"label {name!r} taken as {speaker.name} (one letter differs)",
                line,
            )
            return speaker
        return None

    def _note(self, name: str, level: str, code: str, message: str, line: int) -> None:
        """One diagnostic per label name, at its first line."""
        if name not in self._warned:
            self._warned.add(name)
            self.diagnostics.append(
                Diagnostic(level=level, code=code, message=message, line=line)  # type: ignore[arg-type]
            )


def _variants(word: str) -> set[str]:
    """The word and the word with any one letter dropped: two words within one edit of
    each other share a variant (`PROFITT` and `PROFFITT` share `PROFITT`)."""
    return {word} | {word[:i] + word[i + 1 :] for i in range(len(word))}
