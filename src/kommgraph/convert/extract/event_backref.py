"""A pronoun subject that refers back to the unit spoken of: ``Die Stabsstelle X hat drei Jahre gearbeitet.
Sie wird zum Jahresende aufgelöst.``

The pronoun must agree in gender with the unit's head noun (``Sie`` a Stabsstelle or a plural, ``Es`` an
Amt, ``Er`` a Fachbereich); only changes a person cannot make are read this way (a person ``wechselt``
or ``übernimmt``, a unit is founded, renamed, merged or dissolved).
"""

from __future__ import annotations

import re

from kommgraph.convert.extract.event_slots import PLACEHOLDER, trigger

PRONOUN = re.compile(
    r"^(?P<pre>\W*)(?P<p>Sie|Er|Es|Dieses|Diese|Dieser)\b"
    r"(?=\s+(?!gibt\b|geht\s+um\b|handelt\b|heißt\s+es\b|hieß\s+es\b))"
)
# "Diese neue Aufteilung", "Dieses Amt": a demonstrative before an adjective or a noun is an article, not
# a pronoun; a pronoun is followed by its verb ("Diese wird ...", "Dieses geht ... auf")
ARTICLE_USE = re.compile(
    r"\s+(?:[A-ZÄÖÜ]|[„\"]|(?!(?:werden|wurden|sollen|sollten|haben|hatten|gehen|gingen|bleiben|erhalten"
    r"|bekommen|übernehmen|können|müssen|dürfen|sind|waren)\b)[a-zäöüß]+(?:e|en|er|es|em)\s+[A-ZÄÖÜ„\"])"
)
UNIT_CHANGES = (
    "spinoff",
    "merger",
    "split",
    "absorption",
    "dissolution",
    "renaming",
    "founding",
    "restructuring",
)
# passive or intransitive: the subject is what changes ("Sie wird ... eingegliedert", "Es geht im X auf")
UNDERGOES = re.compile(
    r"\b(?:wird|werden|wurde|wurden|worden|geht|gehen|ging|aufgehen|aufgegangen|entsteht|entstand|fusioniert)\b"
)
FEMININE = (
    "stelle",
    "ung",
    "behörde",
    "gruppe",
    "direktion",
    "kanzlei",
    "verwaltung",
    "kommission",
    "einheit",
)
NEUTER = ("amt", "referat", "dezernat", "büro", "departement", "sachgebiet", "team", "zentrum", "center")
MASCULINE = ("bereich", "dienst", "betrieb", "stab", "ausschuss", "kreis")
AGREES = {"Sie": "f", "Diese": "f", "Es": "n", "Dieses": "n", "Er": "m", "Dieser": "m"}


def gender(name: str) -> str | None:
    """The grammatical gender of a unit's name by its head noun, if an ending tells it."""
    for word in re.findall(r"[\wäöüß]+", name.lower()):
        for endings, value in ((FEMININE, "f"), (NEUTER, "n"), (MASCULINE, "m")):
            if word.endswith(endings):
                return value
    return None


POSSESSIVE = re.compile(
    r"^(?P<pre>\W*)(?P<p>Seine|Ihre|Dessen|Deren)\s+(?P<noun>Auflösung|Gründung|Einrichtung|Umbenennung|"
    r"Eingliederung|Aufteilung|Zusammenlegung|Neuordnung|Umstrukturierung|Schließung|Ausgliederung)\b"
)
POSSESSOR = {"Seine": ("n", "m"), "Dessen": ("n", "m"), "Ihre": ("f",), "Deren": ("f",)}


def with_topic(clause: str, topic: str | None, index: int) -> str | None:
    """The clause with its pronoun subject replaced by the placeholder ``«U{index}»`` of ``topic``, when
    the pronoun refers back to it and the clause states a change of a unit; else None."""
    owner = POSSESSIVE.match(clause)
    if owner and topic is not None and gender(topic) in (*POSSESSOR[owner["p"]], None):
        # "Seine Auflösung ist zum 1. Juli geplant": the change of the unit spoken of
        return f"{owner['pre']}Die {owner['noun']} des «U{index}»{clause[owner.end() :]}"
    m = PRONOUN.match(clause)
    if not m or topic is None or PLACEHOLDER.search(clause[: m.end()]):
        return None
    if m["p"].startswith("Dies") and ARTICLE_USE.match(clause, m.end()):
        return None
    wanted = gender(topic)
    if wanted is not None and AGREES[m["p"]] != wanted:
        return None
    if not any(trigger(name, clause) for name in UNIT_CHANGES):
        return None
    if PLACEHOLDER.search(clause) and not UNDERGOES.search(clause):
        return None  # "Sie gründete das Umweltamt": the pronoun acts on another unit, it is not changed
    return f"{m['pre']}«U{index}»{clause[m.end() :]}"
