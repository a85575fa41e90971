"""``kommgraph build`` on a warm store writes the release from the last write's pieces: after every kind
of edit the bytes are those of a write from scratch, and a damaged cache is never used."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from kommgraph.api.build import build
from kommgraph.publish import derived_blocks, incremental_write
from kommgraph.publish.release import build_files
from kommgraph.store.load import load
from kommgraph.synth import synthesize

FILES = ("kommgraph.trig", "kommgraph.ttl")


@pytest.fixture(scope="module")
def synthetic(tmp_path_factory) -> Path:
    out = tmp_path_factory.mktemp("synth") / "data"
    synthesize(out, 12, seed=3)
    return out


@pytest.fixture
def full_writes(monkeypatch) -> list[int]:
    """Counts the writes from scratch that the cached write makes."""
    calls: list[int] = []
    original = incremental_write.render

    def counted(*args, **kwargs):
        calls.append(1)
        return original(*args, **kwargs)

    monkeypatch.setattr(incremental_write, "render", counted)
    return calls


def built(root: Path, out: Path) -> dict[str, bytes]:
    result = build(root, out)
    result.loaded.close()
    assert not result.report.findings
    return {name: (out / name).read_bytes() for name in FILES}


def from_scratch(root: Path) -> dict[str, bytes]:
    loaded = load(root, include_drafts=False, persist=False)
    return build_files(loaded.store)


def sources(root: Path) -> list[Path]:
    return sorted((root / "ttl").glob("*.ttl"))


def first_with(root: Path, text: str) -> Path:
    return next(p for p in sources(root) if text in p.read_text(encoding="utf-8"))


def replace_in(path: Path, old: str, new: str) -> None:
    text = path.read_text(encoding="utf-8")
    assert old in text
    path.write_text(text.replace(old, new, 1), encoding="utf-8")


def without_lines(path: Path, text: str) -> None:
    lines = path.read_text(encoding="utf-8").splitlines(keepends=True)
    path.write_text("".join(line for line in lines if text not in line), encoding="utf-8")


def change_a_literal(root: Path) -> None:
    replace_in(first_with(root, "kg:roleTitle"), '"@de', ' (geändert)"@de')


def add_a_source(root: Path) -> None:
    shutil.copy(sources(root)[3], root / "ttl" / "zz_copy.ttl")


def remove_a_source(root: Path) -> None:
    sources(root)[5].unlink()


def change_a_parent(root: Path) -> None:
    without_lines(first_with(root, "org:subOrganizationOf"), "org:subOrganizationOf")


def change_a_start(root: Path) -> None:
    without_lines(first_with(root, "kg:validFrom"), "kg:validFrom")


def change_reference_data(root: Path) -> None:
    replace_in(root / "ttl" / "reference" / "authorities.ttl", '"@de', ' (umbenannt)"@de')


def add_a_draft(root: Path) -> None:
    draft = root / "ttl" / "drafts" / "x.ttl"
    draft.parent.mkdir()
    shutil.copy(sources(root)[2], draft)


def several_at_once(root: Path) -> None:
    change_a_literal(root)
    add_a_source(root)
    remove_a_source(root)
    change_a_start(root)


EDITS = [
    change_a_literal,
    add_a_source,
    remove_a_source,
    change_a_parent,
    change_a_start,
    change_reference_data,
    add_a_draft,
    several_at_once,
]


@pytest.mark.parametrize("edit", EDITS, ids=lambda edit: edit.__name__)
def test_after_an_edit_the_warm_write_gives_the_bytes_of_a_write_from_scratch(data, tmp_path, edit):
    assert built(data, tmp_path / "dist") == from_scratch(data)
    edit(data)
    assert built(data, tmp_path / "dist") == from_scratch(data)
    assert built(data, tmp_path / "dist") == from_scratch(data)  # and from the pieces of the warm write


@pytest.mark.parametrize(
    "edit", [change_a_literal, add_a_source, remove_a_source, change_a_start], ids=lambda edit: edit.__name__
)
def test_a_source_edit_renders_only_what_changed(data, tmp_path, edit, full_writes):
    built(data, tmp_path / "dist")
    assert full_writes == [1]
    edit(data)
    built(data, tmp_path / "dist")
    assert full_writes == [1]


def test_a_changed_literal_renders_only_its_graph(data, tmp_path, monkeypatch):
    built(data, tmp_path / "dist")
    rendered: list[str] = []
    original = incremental_write.render_graph

    def recorded(store, name, *args, **kwargs):
        rendered.append(name)
        return original(store, name, *args, **kwargs)

    monkeypatch.setattr(incremental_write, "render_graph", recorded)
    path = first_with(data, "kg:roleTitle")
    change_a_literal(data)
    assert built(data, tmp_path / "dist") == from_scratch(data)
    (graph,) = rendered
    assert graph.endswith(path.stem)


def test_unchanged_data_is_written_from_the_cache(data, tmp_path, full_writes):
    first = built(data, tmp_path / "dist")
    assert built(data, tmp_path / "dist") == first
    assert full_writes == [1]


def flip_a_byte(path: Path) -> None:
    content = bytearray(path.read_bytes())
    content[len(content) // 2] ^= 0x20
    path.write_bytes(bytes(content))


DAMAGE = {
    "a flipped byte in the Turtle copy": lambda folder: flip_a_byte(folder / "ttl"),
    "a flipped byte in the TriG copy": lambda folder: flip_a_byte(folder / "trig"),
    "a truncated subject list": lambda folder: (folder / "subjects").write_bytes(b"x"),
    "no index": lambda folder: (folder / "index.json").unlink(),
    "an index that is no JSON": lambda folder: (folder / "index.json").write_text("{", encoding="utf-8"),
    "a missing file": lambda folder: (folder / "numbers").unlink(),
}


@pytest.mark.parametrize("damage", DAMAGE.values(), ids=DAMAGE.keys())
def test_a_damaged_cache_is_not_used(data, tmp_path, damage, full_writes):
    built(data, tmp_path / "dist")
    (folder,) = (data / ".kommgraph").glob("release-*")
    damage(folder)
    change_a_literal(data)
    assert built(data, tmp_path / "dist") == from_scratch(data)
    assert full_writes == [1, 1]


def test_without_a_persistent_store_no_cache_is_kept(data, tmp_path, monkeypatch):
    monkeypatch.setenv("KOMMGRAPH_NO_STORE", "1")
    assert built(data, tmp_path / "dist") == from_scratch(data)
    assert not (data / ".kommgraph").exists()


# The derived graph's TriG block is spliced per subject: after each kind of edit, only the subjects
# whose derived triples (or derived references) changed are rendered again, and the bytes are those of
# a write from scratch.

DERIVED_OPENING = b"<https://w3id.org/kommgraph/id/graph/derived> {"


def derived_block(files: dict[str, bytes]) -> bytes:
    trig = files["kommgraph.trig"]
    start = trig.index(DERIVED_OPENING)
    return trig[start : trig.index(b"\n}\n", start)]


def shift_an_effective_date(root: Path) -> None:
    """A founding a day later, and the dates its source states with it (the unit's start)."""
    path = first_with(root, 'kg:effectiveDate "1990-01-01"^^xsd:date')
    text = path.read_text(encoding="utf-8")
    assert 'Date "1990-01-01"' not in text.replace('kg:effectiveDate "1990-01-01"', "")
    path.write_text(text.replace('"1990-01-01"^^xsd:date', '"1990-01-02"^^xsd:date'), encoding="utf-8")


def swap_a_relocations_parents(root: Path) -> None:
    path = first_with(root, "kg:newParent")
    text = path.read_text(encoding="utf-8")
    new, previous = (text.split(f"{p} <")[1].split(">")[0] for p in ("kg:newParent", "kg:previousParent"))
    text = text.replace(f"kg:newParent <{new}>", "NEW").replace(f"kg:previousParent <{previous}>", "PREVIOUS")
    text = text.replace("NEW", f"kg:newParent <{previous}>").replace("PREVIOUS", f"kg:previousParent <{new}>")
    path.write_text(text, encoding="utf-8")


NEW_UNIT = "sachgebiet-neu-gegruendet"


def add_a_unit(root: Path) -> None:
    """A copy of a founding source with the founded unit renamed: a new unit and its derived start."""
    original = first_with(root, "founding-sachgebiet-verkehr")
    text = original.read_text(encoding="utf-8").replace("sachgebiet-verkehr", NEW_UNIT)
    text = text.replace('skos:prefLabel "Sachgebiet Verkehr"@de', 'skos:prefLabel "Sachgebiet Neu"@de')
    (root / "ttl" / "zz_unit.ttl").write_text(text, encoding="utf-8")


def remove_the_added_unit(root: Path) -> None:
    (root / "ttl" / "zz_unit.ttl").unlink()


STATED_START = '    kg:validFrom "1990-01-01"^^xsd:date ;\n'
UNIT_WITH_START = "<https://w3id.org/kommgraph/id/unit/01000001/amt-fuer-digitalisierung>\n"


def drop_a_stated_start(root: Path) -> None:
    """The unit's start no longer stated: the rules derive it from its founding (a derived triple appears)."""
    path = first_with(root, UNIT_WITH_START)
    text = path.read_text(encoding="utf-8")
    at = text.index(STATED_START, text.index(UNIT_WITH_START))
    path.write_text(text[:at] + text[at + len(STATED_START) :], encoding="utf-8")


def state_the_start_again(root: Path) -> None:
    """The stated start back: the derived one disappears."""
    path = first_with(root, UNIT_WITH_START)
    text = path.read_text(encoding="utf-8")
    at = text.index("\n", text.index(UNIT_WITH_START)) + 1
    path.write_text(text[:at] + STATED_START + text[at:], encoding="utf-8")


# each sequence: (edit, whether it changes the derived graph)
SEQUENCES = {
    "title": [(change_a_literal, False)],
    "effective date": [(shift_an_effective_date, True)],
    "relocation's parents": [(swap_a_relocations_parents, True)],
    "unit's stated parent removed": [(change_a_parent, False)],  # its authority is stated too
    "unit added, then removed": [(add_a_unit, True), (remove_the_added_unit, True)],
    "source removed": [(remove_a_source, True)],
    "derived triple appears, then disappears": [(drop_a_stated_start, True), (state_the_start_again, True)],
}


@pytest.fixture
def derived_renders(monkeypatch) -> list[str]:
    """Records how the derived graph's block is made: indexed from the blocks the write from scratch
    rendered, whole (rendered again block by block, from scratch) or spliced."""
    made: list[str] = []
    original_whole, original_spliced = derived_blocks.whole, derived_blocks.spliced
    original_from_blocks = derived_blocks.from_blocks

    def whole(*args, **kwargs):
        made.append("whole")
        return original_whole(*args, **kwargs)

    def from_blocks(*args, **kwargs):
        made.append("from blocks")
        return original_from_blocks(*args, **kwargs)

    def spliced(*args, **kwargs):
        part = original_spliced(*args, **kwargs)
        made.append("spliced" if part is not None else "not spliced")
        return part

    monkeypatch.setattr(derived_blocks, "whole", whole)
    monkeypatch.setattr(derived_blocks, "spliced", spliced)
    monkeypatch.setattr(derived_blocks, "from_blocks", from_blocks)
    return made


@pytest.mark.parametrize("steps", SEQUENCES.values(), ids=SEQUENCES.keys())
def test_after_each_edit_the_derived_block_is_spliced_to_the_bytes_of_a_write_from_scratch(
    data, tmp_path, steps, derived_renders, full_writes
):
    last = built(data, tmp_path / "dist")
    # the write from scratch indexes the derived graph's blocks it rendered, without rendering them again
    assert derived_renders == ["from blocks"]
    for edit, changes_derived in steps:
        edit(data)
        files = built(data, tmp_path / "dist")
        assert files == from_scratch(data)
        assert (derived_block(files) != derived_block(last)) == changes_derived
        last = files
    assert full_writes == [1]
    spliced = sum(1 for _, changes_derived in steps if changes_derived)
    assert derived_renders == ["from blocks"] + ["spliced"] * spliced


def test_a_derived_graph_not_written_block_by_block_is_rendered_whole(data, tmp_path, monkeypatch):
    monkeypatch.setattr(derived_blocks, "whole", lambda *args, **kwargs: None)
    monkeypatch.setattr(derived_blocks, "from_blocks", lambda *args, **kwargs: None)
    assert built(data, tmp_path / "dist") == from_scratch(data)
    for edit in (shift_an_effective_date, swap_a_relocations_parents):
        edit(data)
        assert built(data, tmp_path / "dist") == from_scratch(data)


DERIVED_DAMAGE = {
    "a truncated derived subject list": lambda folder: (folder / "derived_subjects").write_bytes(b"x"),
    "a missing derived index": lambda folder: (folder / "derived_numbers").unlink(),
    "a flipped byte in the derived lines": lambda folder: flip_a_byte(folder / "derived"),
}


@pytest.mark.parametrize("damage", DERIVED_DAMAGE.values(), ids=DERIVED_DAMAGE.keys())
def test_a_damaged_derived_index_is_not_used(data, tmp_path, damage, full_writes):
    built(data, tmp_path / "dist")
    (folder,) = (data / ".kommgraph").glob("release-*")
    damage(folder)
    shift_an_effective_date(data)
    assert built(data, tmp_path / "dist") == from_scratch(data)
    assert full_writes == [1, 1]
