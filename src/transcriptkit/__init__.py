"""transcriptkit: broadcast and podcast transcripts into typed, lossless models."""

from __future__ import annotations

from .models import (
    Cue,
    Diagnostic,
    InlineCue,
    Metadata,
    Paragraph,
    Span,
    Speaker,
    Transcript,
    Turn,
)
from .parser import parse
from .reader import parse_file, read_text
from .tokenizer import tokenize
from .tokens import Token, TokenKind

__version__ = "0.1.0"

__all__ = [
    "Cue",
    "Diagnostic",
    "InlineCue",
    "Metadata",
    "Paragraph",
    "Span",
    "Speaker",
    "Token",
    "TokenKind",
    "Transcript",
    "Turn",
    "__version__",
    "parse",
    "parse_file",
    "read_text",
    "tokenize",
]
