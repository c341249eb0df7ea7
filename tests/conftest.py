"""Hypothesis profiles, shared by every property test.

- `dev` (default): a quick run on every `pytest`.
- `ci` (picked when the `CI` environment variable is `true`, as CI services set it): more
  examples, derandomized so a red build reproduces on a laptop.
- `thorough`: for a long hunt, `HYPOTHESIS_PROFILE=thorough pytest tests/test_properties.py`.

`HYPOTHESIS_PROFILE` names a profile explicitly and wins over `CI`.
"""

from __future__ import annotations

import os

from hypothesis import HealthCheck, settings

_COMMON = {"deadline": None, "suppress_health_check": [HealthCheck.too_slow]}

settings.register_profile("dev", max_examples=40, **_COMMON)
settings.register_profile("ci", max_examples=100, derandomize=True, print_blob=True, **_COMMON)
settings.register_profile("thorough", max_examples=2_000, **_COMMON)

_default = "ci" if os.environ.get("CI", "").lower() == "true" else "dev"
settings.load_profile(os.environ.get("HYPOTHESIS_PROFILE", _default))
