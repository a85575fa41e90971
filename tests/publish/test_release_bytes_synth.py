"""The release files of the synthetic 10k data set are byte for byte those of main 4e6a28a.

The digests were made by main 4e6a28a's ``build_files`` (before the rendering of scale-build11 was made
faster) over ``synthesize(DIR, 95, 1)`` (`kommgraph synth --authorities 95 --seed 1`); both ways of
writing them (the plain write, and the one that keeps its pieces for the release cache) must give them.
"""

from __future__ import annotations

import hashlib
from pathlib import Path

import pytest

from kommgraph.publish.incremental_write import ReleaseCache
from kommgraph.publish.release import build_files
from kommgraph.store.load import load
from kommgraph.synth import synthesize

MAIN_4E6A28A = {
    "kommgraph.trig": "124b24abf7f896dc0c54ab42c1b9f243d9774595d60ada60fa5bfdb7ec854ea1",
    "kommgraph.ttl": "86f00ccb3a138d7753d208d0012dc69db932ff4eb5c3f7a0b7c2b41c9c9205f3",
}


@pytest.fixture(scope="module")
def synth_10k(tmp_path_factory) -> Path:
    data = tmp_path_factory.mktemp("synth") / "data"
    synthesize(data, 95, 1)
    return data


@pytest.mark.parametrize("with_cache", [False, True], ids=["plain", "with-cache"])
def test_the_release_files_of_synth_10k_are_the_bytes_of_main(synth_10k: Path, tmp_path, with_cache) -> None:
    loaded = load(synth_10k)
    keys = {f.graph: "key" for f in loaded.files}
    cache = ReleaseCache(tmp_path / "cache", keys, 1, lambda generation: None) if with_cache else None
    files = build_files(loaded.store, cache)
    assert {name: hashlib.sha256(data).hexdigest() for name, data in files.items()} == MAIN_4E6A28A
