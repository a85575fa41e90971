"""Hypothesis settings for the property tests: bounded examples and a deadline, so the suite stays fast
and the same on every run (derandomized; ``--hypothesis-seed`` or HYPOTHESIS_PROFILE=thorough for more)."""

from __future__ import annotations

import os

from hypothesis import HealthCheck, settings

settings.register_profile(
    "kommgraph",
    max_examples=150,
    deadline=2000,  # ms per example: generous for a loaded CI machine, still catching quadratic blow-ups
    derandomize=True,
    suppress_health_check=[HealthCheck.too_slow],
    database=None,
)
settings.register_profile("thorough", max_examples=3000, deadline=None)
settings.load_profile(os.environ.get("HYPOTHESIS_PROFILE", "kommgraph"))
