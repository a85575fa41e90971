"""The stored regex programs give the very patterns re.compile gives; any doubt falls back to it."""

from __future__ import annotations

import os
import re

import pytest

from kommgraph.convert import startup_cache

PATTERNS = [
    (r"\b(?:umbenannt|Umbenennung)\b", 0),
    (r"(?P<title>Amtsleiter(?:in)?)\s+(?P<name>[A-ZÄÖÜ]\w+)", 0),
    (r"^\s*stichw(?:ö|oe)rter\s*:", re.IGNORECASE | re.MULTILINE),
    (r"(?<![Dd]as\s)heißt(?!\s+es\b)", 0),
]


@pytest.fixture
def fresh(monkeypatch, tmp_path):
    """An empty cache folder and a module that has read nothing yet."""
    monkeypatch.setenv("KOMMGRAPH_REGEX_CACHE", str(tmp_path))
    monkeypatch.setattr(startup_cache, "_stored", None)
    monkeypatch.setattr(startup_cache, "_added", {})
    return tmp_path


def _restart(monkeypatch) -> None:
    """As a new process: the file is read again on first use."""
    monkeypatch.setattr(startup_cache, "_stored", None)
    monkeypatch.setattr(startup_cache, "_added", {})


@pytest.mark.parametrize(("pattern", "flags"), PATTERNS)
def test_stored_program_equals_re_compile(fresh, monkeypatch, pattern, flags):
    assert startup_cache.compile(pattern, flags) == re.compile(pattern, flags)
    startup_cache.save()
    _restart(monkeypatch)
    loaded = startup_cache.compile(pattern, flags)
    assert (pattern, int(flags)) in startup_cache._stored  # really taken from the file
    assert loaded == re.compile(pattern, flags)  # equal patterns: same text, flags and program
    assert loaded.groupindex == re.compile(pattern, flags).groupindex
    assert startup_cache._added == {}


def test_save_writes_one_file_named_after_the_build(fresh):
    startup_cache.compile(r"\bneu\b")
    startup_cache.save()
    assert [p.name for p in fresh.iterdir()] == [startup_cache.cache_file().name]
    assert startup_cache.cache_file().name.startswith("regex-")


def test_nothing_new_writes_nothing(fresh):
    startup_cache.save()
    assert list(fresh.iterdir()) == []


def test_damaged_file_falls_back_to_compiling(fresh, monkeypatch):
    startup_cache.cache_file().write_bytes(b"not a marshal stream")
    assert startup_cache.compile(r"\bAmt\b") == re.compile(r"\bAmt\b")
    startup_cache.save()  # replaces the damaged file
    _restart(monkeypatch)
    assert startup_cache.compile(r"\bAmt\b") == re.compile(r"\bAmt\b")
    assert (r"\bAmt\b", 0) in startup_cache._stored


def test_program_the_engine_refuses_falls_back(fresh, monkeypatch):
    monkeypatch.setattr(startup_cache, "_stored", {(r"\bAmt\b", 0): (32, [1, 2, 3], 0, {}, (None,))})
    assert startup_cache.compile(r"\bAmt\b") == re.compile(r"\bAmt\b")


def test_empty_setting_turns_the_cache_off(fresh, monkeypatch):
    monkeypatch.setenv("KOMMGRAPH_REGEX_CACHE", "")
    assert startup_cache.cache_file() is None
    assert startup_cache.compile(r"\bAmt\b") == re.compile(r"\bAmt\b")
    startup_cache.save()
    assert list(fresh.iterdir()) == []


def test_bad_pattern_raises_as_re_compile_does(fresh):
    with pytest.raises(re.error, match="missing \\), unterminated subpattern at position 0"):
        startup_cache.compile(r"(Amt")


def test_unwritable_folder_is_ignored(fresh, monkeypatch):
    blocked = fresh / "file"
    blocked.write_text("x")
    monkeypatch.setenv("KOMMGRAPH_REGEX_CACHE", str(blocked / "sub"))
    startup_cache.compile(r"\bAmt\b")
    startup_cache.save()  # no error: the next run compiles again
    assert startup_cache._added  # still unsaved


def test_module_patterns_answers_re_compile_and_restores_it(fresh):
    original = re.compile
    with pytest.raises(KeyError), startup_cache.module_patterns():
        assert re.compile is startup_cache.compile
        assert re.compile(r"\bAmt\b") == original(r"\bAmt\b")
        assert re.compile(re.compile(r"x")) == original(r"x")  # a compiled pattern passes through
        raise KeyError("an import that fails")
    assert re.compile is original
    assert (r"\bAmt\b", 0) in startup_cache._added


def test_stored_value_is_built_once_per_key(fresh):
    calls = []

    def build():
        calls.append(1)
        return {"Anna", "Lukas"}

    assert startup_cache.stored("names", "file-a 10 123", build) == {"Anna", "Lukas"}
    assert startup_cache.stored("names", "file-a 10 123", build) == {"Anna", "Lukas"}
    assert len(calls) == 1  # the second came from the file
    assert startup_cache.stored("names", "file-a 11 124", build) == {"Anna", "Lukas"}
    assert len(calls) == 2  # another key (the file changed): built again
    assert len([p for p in fresh.iterdir() if p.name.startswith("names-")]) == 2


def test_old_keys_are_pruned_to_the_newest_few(fresh):
    """Every change of an input writes a file under a new key; the folder keeps the newest few per name
    and leaves other names alone."""
    startup_cache.stored("names-extra", "k", lambda: {"Lea"})
    keys = [f"file-a {size} 1" for size in range(startup_cache.KEEP_PER_NAME + 3)]
    for key in keys:
        startup_cache.stored("names", key, lambda: {"Anna"})
        for path in fresh.glob("names-*.marshal"):  # distinct, ordered times on any file system
            if not path.name.startswith("names-extra"):
                os.utime(path, ns=(path.stat().st_mtime_ns - 10**9, path.stat().st_mtime_ns - 10**9))
    kept = sorted(p.name for p in fresh.iterdir()
                  if p.name.startswith("names-") and not p.name.startswith("names-extra"))
    assert len(kept) == startup_cache.KEEP_PER_NAME
    calls = []
    startup_cache.stored("names", keys[-1], lambda: calls.append(1) or {"Anna"})
    assert calls == []  # the newest key is among those kept
    assert len([p for p in fresh.iterdir() if p.name.startswith("names-extra-")]) == 1


def test_stored_value_without_cache_folder_is_built_each_time(fresh, monkeypatch):
    monkeypatch.setenv("KOMMGRAPH_REGEX_CACHE", "")
    calls = []
    for _ in range(2):
        assert startup_cache.stored("names", "k", lambda: calls.append(1) or {"Anna"}) == {"Anna"}
    assert len(calls) == 2


def test_given_names_from_cache_equal_those_read(fresh, monkeypatch):
    from kommgraph.convert.extract import firstnames

    first = firstnames.faker_names()
    assert first == firstnames.faker_names()  # the second call reads the stored file
    monkeypatch.setenv("KOMMGRAPH_REGEX_CACHE", "")
    assert firstnames.faker_names() == first
