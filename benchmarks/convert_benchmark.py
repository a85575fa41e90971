"""Documents per second of `kommgraph.convert` on a generated corpus (one core).

usage: python benchmarks/convert_benchmark.py [--documents N]

The corpus is built from sentence templates with varied places, units, dates and persons, plus a
related-news block of other places, so that every extraction path runs. Reports extraction alone
and extraction + graph + canonical Turtle.
"""

from __future__ import annotations

import argparse
import random
import time
from pathlib import Path

from kommgraph.convert import Gazetteer, _Builder
from kommgraph.extract import extract
from kommgraph.sources import SourceDocument
from kommgraph.turtle import canonical_turtle

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


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--documents", type=int, default=1000)
    args = parser.parse_args()
    docs = corpus(args.documents)
    extract(docs[0])  # load pattern files and the lemmatiser once
    start = time.perf_counter()
    for doc in docs:
        extract(doc)
    extracted = time.perf_counter() - start
    start = time.perf_counter()
    for doc in docs:
        canonical_turtle(
            _Builder(doc, extract(doc), Gazetteer.empty(), "https://w3id.org/kommgraph/id/").build()
        )
    full = time.perf_counter() - start
    size = sum(len(d.text) for d in docs) / len(docs)
    print(f"{len(docs)} documents, {size:.0f} characters each on average")
    print(f"extraction only:            {len(docs) / extracted:8.1f} documents/s")
    print(f"extraction + Turtle output: {len(docs) / full:8.1f} documents/s")


if __name__ == "__main__":
    main()
