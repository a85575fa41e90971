"""Each source's findings taken from the one union pass are the findings of validating it alone.

``validate_loaded`` (from the union, :mod:`kommgraph.validation.attribution`) against
``validate_loaded(from_union=False)`` (every source alone, then the union: the reference) on the
bundled data, on every broken-data fixture and on synthetic data with injected violations.
"""

from __future__ import annotations

from dataclasses import asdict

import pytest

from kommgraph.core.errors import KommgraphError
from kommgraph.store.load import load
from kommgraph.synth import KINDS, synthesize
from kommgraph.validation import attribution
from kommgraph.validation.run import validate_loaded

from .conftest import break_data, copy_data, load_fixtures

FIXTURES = load_fixtures()


def both(data_dir):
    loaded = load(data_dir)
    return validate_loaded(loaded, from_union=False), validate_loaded(loaded)


def assert_same(reference, fresh) -> None:
    assert [asdict(f) for f in fresh.findings] == [asdict(f) for f in reference.findings]
    assert fresh.checked == reference.checked
    assert fresh.coverage == reference.coverage


def test_bundled_data(data):
    assert_same(*both(data))


@pytest.mark.parametrize("fixture", FIXTURES, ids=[f["name"] for f in FIXTURES])
def test_each_broken_data_fixture(tmp_path, fixture):
    root = copy_data(tmp_path / "data")
    break_data(root, fixture)
    try:
        reference, fresh = both(root)
    except KommgraphError:
        pytest.skip("an input error, not a finding")
    assert reference.findings, "the fixture gives findings"
    assert_same(reference, fresh)


@pytest.mark.parametrize("seed", [1, 2])
def test_synthetic_10k_with_injected_violations(tmp_path, seed):
    result = synthesize(tmp_path / "d", 95, seed, {kind: 2 for kind in KINDS})
    reference, fresh = both(tmp_path / "d")
    assert {(i.rule, i.focus) for i in result.injected} <= {(f.rule, f.focus) for f in fresh.findings}
    assert_same(reference, fresh)


def test_synthetic_sources_are_mostly_detached(tmp_path):
    """The point of it: at most the sources the injected violations tie together are validated alone."""
    synthesize(tmp_path / "d", 95, 1, {"succession-cycle": 2})
    loaded = load(tmp_path / "d")
    sources = [f for f in loaded.files if f.kind == "source"]
    known = attribution.mentions(loaded.store, sources)
    assert len(sources) == 95
    assert len(known.entangled) <= 10
