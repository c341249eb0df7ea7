"""transcriptkit: broadcast and podcast transcripts into typed, lossless models."""

from __future__ import annotations

from .asr import AsrFormatError
from .batch import BatchResult, parse_many
from .chunking import Chunk, chunks
from .errors import (
    BinaryInputError,
    DecodeError,
    DirectoryError,
    InputError,
    InputTypeError,
    MissingFileError,
    OutputError,
    TranscriptError,
)
from .hf import to_dataset
from .models import (
    Caption,
    Cue,
    Diagnostic,
    InlineCue,
    Metadata,
    Paragraph,
    Span,
    Speaker,
    Transcript,
    Turn,
    Word,
)
from .parser import parse
from .reader import parse_file, read_text
from .tables import turns_frame, turns_table, write_parquet
from .tokenizer import tokenize
from .tokens import Token, TokenKind

__version__ = "0.1.0"

__all__ = [
    "AsrFormatError",
    "BatchResult",
    "BinaryInputError",
    "Caption",
    "Chunk",
    "Cue",
    "DecodeError",
    "Diagnostic",
    "DirectoryError",
    "InlineCue",
    "InputError",
    "InputTypeError",
    "Metadata",
    "MissingFileError",
    "OutputError",
    "Paragraph",
    "Span",
    "Speaker",
    "Token",
    "TokenKind",
    "Transcript",
    "TranscriptError",
    "Turn",
    "Word",
    "__version__",
    "chunks",
    "parse",
    "parse_file",
    "parse_many",
    "read_text",
    "to_dataset",
    "tokenize",
    "turns_frame",
    "turns_table",
    "write_parquet",
]
