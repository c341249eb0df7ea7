"""The one error of the speech-recognition readers, in the library's hierarchy."""

from __future__ import annotations

from ..errors import InputError


class AsrFormatError(InputError):
    """A JSON file (or a loaded JSON value) that no speech-recognition reader recognises,
    a `.json` file that is not JSON at all, or `speakers=` given for input without times.
    The message lists the shapes that were looked for."""
