"""Documents per second of `kommgraph.convert` on a generated corpus.

usage: python benchmarks/convert_benchmark.py [--documents N] [--jobs N] [--byte-compile]

The command rows run `kommgraph convert` as a new process on all files (start-up included; by default
with its process pool over the machine's cores, ``--jobs`` to set it); the other rows run in this
process on one core. CPU time is user + system time of all processes; wall clock is elapsed time, which
other load on the machine slows down: the load average is printed with the results.

The corpus is built from sentence templates with varied places, units, dates and persons, plus a
related-news block of other places, so that every extraction path runs. Reports extraction alone
and extraction + graph + canonical Turtle.

Whether kommgraph's modules have a bytecode cache is printed: without one (an editable install with
PYTHONDONTWRITEBYTECODE set) every start compiles the sources again, ≈ 15 % of the one-file start-up.
``--byte-compile`` writes the cache first, as installing the package does.

The command keeps compiled regular expressions, the given-name list, the parsed pattern files, the
reference data and the place index (in a compact form, ``kommgraph.places.compact``) between runs
(``kommgraph.convert.startup_cache``, in ``~/.cache/kommgraph`` or ``$KOMMGRAPH_REGEX_CACHE``): the
first run writes them, so the best of several runs is a run with them; ``--no-startup-cache`` turns
them off for the command rows (every start compiles and reads again), as on a first run.
"""

from __future__ import annotations

import argparse
import compileall
import os
import random
import resource
import subprocess
import sys
import tempfile
import time
from functools import cache, lru_cache
from pathlib import Path

import kommgraph
from kommgraph.convert.extract import extract
from kommgraph.convert.extract import unit_lexicon as units
from kommgraph.convert.graph import Gazetteer, convert_file, to_graph, to_triples, to_turtle
from kommgraph.core.turtle import _rdflib_longturtle, canonical_turtle
from kommgraph.store.sources import SourceDocument

PLACES = ["Kassel", "Landkreis Fulda", "Ulm", "Graz", "Winterthur", "Bad Homburg", "Halle (Saale)", "Trier"]
UNITS = ["Amt für Digitalisierung", "Hauptamt", "Stabsstelle Smart City", "Fachbereich Bürgerdienste",
         "Referat Organisation", "Sachgebiet IT", "Ordnungsamt", "Abteilung E-Government"]  # fmt: skip
PERSONS = ["Anna Berger", "Lukas Hofmann", "Petra Schmidt", "Jonas Wagner"]
TEMPLATES = [
    "Die {u1} der Stadt {p} wird zum {d} in {u2} umbenannt.",
    "Die Stadt {p} schafft zum {d} das neue {u1}.",
    "Das {u1} und das {u2} werden zum {d} zum {u3} zusammengelegt.",
    "Zum {d} wurde die {u1} aus dem {u2} ausgegliedert.",
    "Die {u1} wird zum {d} aufgelöst.",
    "Die Zuständigkeit für die Wohngeldstelle wird zum {d} vom {u1} auf das {u2} übertragen.",
    "Die {u1}, die von {n1} und {n2} im Tandem geleitet wird, koordiniert alle Projekte.",
    "Oberbürgermeister {n1} stellte die Pläne vor.",
    "In den vergangenen sechs Jahren hat die Verwaltung viele Projekte umgesetzt und Dienste digitalisiert.",
]
NEWS = "Weitere Meldungen\n[3.5.2021] Die Stadt Köln gründet das Amt für Klimaschutz. mehr...\nAnzeige\n"


def corpus(n: int, seed: int = 7) -> list[SourceDocument]:
    rng = random.Random(seed)
    docs = []
    for i in range(n):
        place = rng.choice(PLACES)
        lines = [f"{place.split()[-1]}:", "Neues aus der Verwaltung", "", f"[{rng.randint(1, 28)}.5.2021]"]
        for _ in range(8):
            u1, u2, u3 = rng.sample(UNITS, 3)
            n1, n2 = rng.sample(PERSONS, 2)
            d = f"{rng.randint(1, 28)}. Juni 2021"
            lines.append(rng.choice(TEMPLATES).format(u1=u1, u2=u2, u3=u3, n1=n1, n2=n2, d=d, p=place))
        text = "\n".join(lines[:4]) + " " + " ".join(lines[4:]) + "\n\nStichwörter: Politik\n" + NEWS
        docs.append(SourceDocument(path=Path(f"bench_{i:05d}.txt"), text=text))
    return docs


def _rate(work, count: int, repeats: int) -> tuple[float, float]:
    """Documents per second of CPU time (this process, one core) and of wall-clock time; best of runs.

    CPU time is the fair measure on a shared machine: other processes do not slow it down.
    """
    best_cpu = best_wall = 0.0
    for _ in range(repeats):
        cpu, wall = time.process_time(), time.perf_counter()
        work()
        cpu, wall = time.process_time() - cpu, time.perf_counter() - wall
        best_cpu, best_wall = max(best_cpu, count / cpu), max(best_wall, count / wall)
    return best_cpu, best_wall


def _lexicon_variants() -> dict:
    """Ways to back the unit rules with a lexicon: (load function, lemma function, noun check)."""

    def hanta():
        from HanTa import HanoverTagger

        tagger = HanoverTagger.HanoverTagger("morphmodel_ger.pgz")
        analyse = lru_cache(maxsize=None)(tagger.analyze)
        return (lambda w: analyse(w)[0]), (lambda w: analyse(w)[1] in ("NN", "NE"))

    def german_nouns():
        from german_nouns.lookup import Nouns

        nouns = Nouns()

        def lemma(word: str) -> str:
            found = nouns[word]
            return found[0]["lemma"] if found and found[0].get("lemma") else word

        return lemma, None

    def compound_split():
        from compound_split import char_split

        @cache
        def head(word: str) -> str:
            parts = char_split.split_compound(word)
            return parts[0][2] if parts and parts[0][0] > 0 else word

        return None, (lambda w: head(w).lower() in units.COMPOUND_TYPES or head(w) in units.HEADS)

    return {"rules + simplemma (current)": None, "HanTa": hanta, "german-nouns": german_nouns,
            "compound-split": compound_split}  # fmt: skip


def compare_lexicons(corpus_dir: Path) -> None:
    """Units/events/persons F1 on a gold corpus and extraction speed, per lexicon variant."""
    from kommgraph.convert.evaluate import evaluate_sources
    from kommgraph.store.sources import read_source

    original = (units.lemma, units.compound_type)
    sources = [read_source(path) for path in sorted(corpus_dir.glob("*.txt"))]
    evaluate_sources(corpus_dir, corpus_dir)  # warm up: pattern files, name dictionary, gazetteer
    print(f"{'variant':28} {'load s':>7} {'units F1':>9} {'events F1':>10} {'persons F1':>11} {'docs/s':>7}")
    for name, variant in _lexicon_variants().items():
        units.lemma, units.compound_type = original
        start = time.perf_counter()
        if variant is not None:
            lemma, is_noun = variant()
            if lemma is not None:
                units.lemma = lru_cache(maxsize=None)(lemma)
            if is_noun is not None:
                base = original[1]

                @cache
                def checked(word: str, inflected: bool = True, base=base, is_noun=is_noun):
                    found = base(word, inflected)
                    return found if found and is_noun(units.nominative(word) if inflected else word) else None

                units.compound_type = checked
        load = time.perf_counter() - start
        for cached in (units.nominative, units.head_type, units.institution):
            cached.cache_clear()
        total, _ = evaluate_sources(corpus_dir, corpus_dir)
        cpu = time.process_time()
        for doc in sources:
            extract(doc)
        rate = len(sources) / (time.process_time() - cpu)
        s = total.summary()
        print(f"{name:28} {load:7.2f} {s['units']['f1']:9.3f} {s['events']['f1']:10.3f} "
              f"{s['persons']['f1']:11.3f} {rate:7.1f}")  # fmt: skip
    units.lemma, units.compound_type = original


def _command_rate(
    paths: list[Path], out: Path, repeats: int, lean: bool = False, jobs: int | None = None
) -> tuple[float, float]:
    """Documents per second of the whole command on all files, process start-up included: CPU time of
    the child process (user + system) and wall-clock time; best of runs."""
    entry = (
        ["-m", "kommgraph.cli.convert"]
        if lean
        else ["-c", "from kommgraph.cli.main import run; run()", "convert"]
    )
    best_cpu = best_wall = 0.0
    for k in range(repeats):
        before = resource.getrusage(resource.RUSAGE_CHILDREN)
        wall = time.perf_counter()
        target = out / str(k)
        extra = ["--jobs", str(jobs)] if jobs else []
        subprocess.run([sys.executable, *entry, *map(str, paths), "--out", str(target), *extra], check=True,
                       stdout=subprocess.DEVNULL)  # fmt: skip
        wall = time.perf_counter() - wall
        after = resource.getrusage(resource.RUSAGE_CHILDREN)
        cpu = (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)
        best_cpu, best_wall = max(best_cpu, len(paths) / cpu), max(best_wall, len(paths) / wall)
    return best_cpu, best_wall


def _other_rates(args, paths: list[Path], tmp: str, extraction, turtle, files, n: int) -> dict:
    """The rows besides the command: the lean entry point, and in this process."""
    return {
        "lean command, start-up incl.": _command_rate(
            paths, Path(tmp) / "lean", args.repeats, lean=True, jobs=args.jobs
        ),
        "extraction only": _rate(extraction, n, args.repeats),
        "extraction + Turtle text": _rate(turtle, n, args.repeats),
        "files in, files out (convert)": _rate(files, n, args.repeats),
    }


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--documents", type=int, default=1000)
    parser.add_argument("--repeats", type=int, default=3)
    parser.add_argument("--jobs", type=int, default=None, help="processes of the command (default: its own)")
    parser.add_argument("--compare-rdflib", action="store_true", help="also time rdflib's own writer")
    parser.add_argument(
        "--compare-lexicons",
        type=Path,
        metavar="GOLD_DIR",
        help="score lexicon variants (HanTa, german-nouns, compound-split) on a gold corpus",
    )
    parser.add_argument(
        "--byte-compile", action="store_true", help="write kommgraph's bytecode cache first (as installs do)"
    )
    parser.add_argument(
        "--no-startup-cache",
        action="store_true",
        help="the command rows without the stored regex programs and word lists (as a first run)",
    )
    parser.add_argument(
        "--command-only",
        action="store_true",
        help="only the start-up and the command rows (for before/after runs on a busy machine)",
    )
    args = parser.parse_args()
    if args.no_startup_cache:
        os.environ["KOMMGRAPH_REGEX_CACHE"] = ""  # inherited by the command's processes
    package = Path(kommgraph.__file__).parent
    if args.byte_compile:
        compileall.compile_dir(package, quiet=1)
    if args.compare_lexicons:
        compare_lexicons(args.compare_lexicons)
        return
    docs = corpus(args.documents)
    n = len(docs)
    extract(docs[0])  # load pattern files and the lemmatiser once
    gazetteer = Gazetteer.empty()

    def extraction() -> None:
        for doc in docs:
            extract(doc)

    def turtle() -> None:
        for doc in docs:
            to_turtle(doc, gazetteer)

    with tempfile.TemporaryDirectory() as tmp:
        src, out = Path(tmp) / "src", Path(tmp) / "out"
        src.mkdir()
        for doc in docs:
            (src / doc.path.name).write_text(doc.text, encoding="utf-8")
        paths = sorted(src.glob("*.txt"))

        def files() -> None:
            for path in paths:
                convert_file(path, out, gazetteer=gazetteer)

        one = _command_rate(paths[:1], Path(tmp) / "one", args.repeats, jobs=1)
        rates = {
            "command, start-up included": _command_rate(
                paths, Path(tmp) / "cmd", args.repeats, jobs=args.jobs
            ),
            "command, one process": _command_rate(paths, Path(tmp) / "serial", args.repeats, jobs=1),
        }
        if not args.command_only:
            rates |= _other_rates(args, paths, tmp, extraction, turtle, files, n)
        if args.compare_rdflib:
            rates["(shared writer, rdflib terms)"] = _rate(
                lambda: [canonical_turtle(to_triples(doc, gazetteer)) for doc in docs], n, 1
            )

            def slow() -> None:
                for doc in docs:
                    _rdflib_longturtle(to_graph(doc, gazetteer))

            rates["(rdflib Graph + longturtle)"] = _rate(slow, n, 1)
    size = sum(len(d.text) for d in docs) / n
    print(f"{n} documents, {size:.0f} characters each on average; best of {args.repeats} runs")
    load = ", ".join(f"{x:.1f}" for x in os.getloadavg())
    cached = any((package / "convert" / "extract" / "__pycache__").glob("pipeline.*.pyc"))
    print(f"{os.cpu_count()} cores, load average {load}; start-up (one file): {1000 / one[0]:.0f} ms CPU; "
          f"bytecode cache {'present' if cached else 'absent: sources compiled at every start'}; "
          f"start-up cache {'off' if args.no_startup_cache else 'on'}")  # fmt: skip
    print(f"{'':32} {'CPU time':>10} {'wall clock':>11}   (documents/s)")
    for name, (cpu, wall) in rates.items():
        print(f"{name + ':':32} {cpu:10.1f} {wall:11.1f}")


if __name__ == "__main__":
    main()
