"""Place names in a page's address: its host and path (``www.bad-musterstadt.de``, ``/lokales/muster/``) and
the web or mail addresses a text gives (``presse@muster.de``). Split from :mod:`.places` (one concern each).

``places`` is the gazetteer module (:mod:`kommgraph.places`), passed in by :mod:`.places`.
"""

from __future__ import annotations

import re

from kommgraph.convert.extract.patterns import compiled, load

_DATA = load("metadata")["gazetteer"]

# abbreviations of the first word of place names, spelled out: "Wr. Musterdorf", "wr-musterdorf"
ABBREVIATIONS = {"wr": "wiener"}
MIN_STEM = 4  # the shortest place name taken from the front of a compound host word
URL_PART = compiled(r"[a-z0-9äöüß]+(?:-[a-z0-9äöüß]+)*")


def url_names(url: str) -> list[tuple[str, float]]:
    """Names in a page's address: the host (``www.bad-musterstadt.de``, ``stadt-muster.ch``) counts more than
    the path (``/lokales/musterkreis/``), where news sites put their local sections. ``wr-musterdorf``
    spells out the abbreviation (Wiener Musterdorf)."""
    m = re.match(r"^\w+://([^/?#]+)([^?#]*)", url.strip().casefold())
    if not m:
        return []
    host_parts = m[1].split(".")[:-1]
    out: list[tuple[str, float]] = []
    if m[1].endswith(".ch"):  # Swiss cantons' own sites: sh.ch, stadt.sg.ch, zh.ch
        out += [(f"#CH-{p.upper()}", 3.0) for p in host_parts if len(p) == 2 and p.isalpha()]
    skip = set(_DATA["url_words"])
    # a news site's path runs from region to town (``/muster-region/musterstadt/``): a deeper section counts a
    # little more
    path = [(p, 1.5 + 0.1 * depth) for depth, p in enumerate(m[2].split("/")[:4])]
    for part, weight in [(p, 4.0) for p in host_parts] + path:
        for word in URL_PART.findall(part):
            pieces = [ABBREVIATIONS.get(w, w) for w in word.split("-") if w not in skip]
            for size in (3, 2, 1):  # the longest run of pieces that names a place
                for i in range(len(pieces) - size + 1):
                    run = pieces[i : i + size]
                    if size == 1 and len(run[0]) < 4:
                        continue
                    out.append((" ".join(run), weight / (1 + 0.5 * (3 - size))))
    return out


WEB_ADDRESS = compiled(r"(?:\bwww\.|@)(?P<host>[a-z0-9äöü-]+(?:\.[a-z0-9äöü-]+)*\.(?:de|at|ch|li))\b", re.I)
WEB_WEIGHT = 0.25  # of a page address's host: a footer's mail or web address names the authority's site


def web_hosts(body: str) -> list[str]:
    """The hosts of the first two distinct web or mail addresses of a text (``presse@muster.de``)."""
    hosts: list[str] = []
    if "www." not in body and "@" not in body:  # most texts name none: skip the scan
        return hosts
    for m in WEB_ADDRESS.finditer(body):
        host = m["host"].casefold()
        if host not in hosts:
            hosts.append(host)
    return hosts[:2]


def url_lookup(places, name: str):
    return (
        places.lookup(name)
        or places.lookup(re.sub(r"^st ", "st. ", name))
        or places.lookup(f"{name} (de)")  # the gazetteer tells same-named places apart so
        or (places.lookup(name.replace(" ", "-")) if " " in name else ())  # "main-muster": Main-Muster
    )


def host_compound(places, word: str):
    """A place at the front of a compound host word (``musterstadtspektrum`` → Musterstadt,
    ``beispielhausener`` → Beispielhausen): the longest stem that the gazetteer knows and that is no common
    German word."""
    from kommgraph.places.store import index

    common = index().common_words
    for end in range(len(word) - 1, MIN_STEM - 1, -1):
        stem, rest = word[:end], word[end:]
        if len(rest) < 2 or (rest != "er" and len(rest) < MIN_STEM):
            continue
        if common.get(stem, "noun-city") != "noun-city":  # a noun, unless a large town's name ("halle")
            continue
        found = [p for p in places.lookup(stem) if p.kind not in ("Land",) or rest == "er"]
        if found:
            return found
    return ()
