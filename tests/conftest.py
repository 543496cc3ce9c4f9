"""Shared fixtures: the plan that ships with tnplan, and paths to test files."""

from __future__ import annotations

from pathlib import Path

import pytest

from tongnan_plan.model.plan import Plan
from tongnan_plan.sources.store import bundled_data, load_plan

FIXTURES = Path(__file__).parent / "fixtures"


@pytest.fixture(scope="session")
def data_dir() -> Path:
    return bundled_data()


@pytest.fixture(scope="session")
def plan(data_dir: Path) -> Plan:
    return load_plan(data_dir)
