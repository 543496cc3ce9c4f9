"""Shared fixtures: the plan that ships with tnplan, and paths to test files.

Hypothesis runs under a profile chosen by HYPOTHESIS_PROFILE: ``ci`` (the default, quick) or
``thorough`` (at least 10,000 examples a property; minutes, for a run by hand:
``HYPOTHESIS_PROFILE=thorough python -m pytest tests/test_check_properties.py
--hypothesis-show-statistics``).
"""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from hypothesis import HealthCheck, settings

from tongnan_plan.model.plan import Plan
from tongnan_plan.sources.store import bundled_data, load_plan

FIXTURES = Path(__file__).parent / "fixtures"

_SLOW_IS_FINE = [HealthCheck.too_slow, HealthCheck.filter_too_much]
settings.register_profile(
    "ci", max_examples=100, deadline=None, suppress_health_check=_SLOW_IS_FINE
)
settings.register_profile(
    "thorough", max_examples=10_000, deadline=None, suppress_health_check=_SLOW_IS_FINE
)
settings.load_profile(os.environ.get("HYPOTHESIS_PROFILE", "ci"))


@pytest.fixture(scope="session")
def data_dir() -> Path:
    return bundled_data()


@pytest.fixture(scope="session")
def plan(data_dir: Path) -> Plan:
    return load_plan(data_dir)
