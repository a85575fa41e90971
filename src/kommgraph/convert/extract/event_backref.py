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
# "Es heißt ab Januar X": a verb of naming right after the pronoun names it ("Es heißt, ...": it is said)
NAMED = re.compile(r"\s+(?:hei(?:ß|ss)t|hei(?:ß|ss)en|firmiert)\b(?!\s*,)")
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


# "Die ging bereits vor Monaten im Amt X auf": an article right before a finite verb is a demonstrative
# pronoun (of the gender of the unit spoken of) when the verb is one a unit undergoes
DEMONSTRATIVE = re.compile(
    r"^(?P<pre>\W*)(?P<p>Die|Der|Das)\s+(?=(?:wird|wurde|werden|wurden|soll|sollen|geht|ging|gehen|gingen)\b)"
)
DEMONSTRATIVE_GENDER = {"Die": ("f", None), "Der": ("m", None), "Das": ("n", None)}


# "Ab 1. Juli heißt es Amt für X": the pronoun after a verb of naming, a name right after it
INVERTED = re.compile(
    r"\b(?:hei(?:ß|ss)t|hieß|hiess|firmiert)\s+(?P<p>es|sie|er)\s+"
    r"(?=(?:(?:künftig|zukünftig|neu|nun|jetzt|fortan)\s+)?[„\"]?«U\d+»)"
)
# a fronted adverbial, the finite verb in second place and the pronoun subject right after it
AFTER_VERB = re.compile(
    r"^(?P<pre>\W*[A-ZÄÖÜ][^«,;:]{0,60}?\s+(?:wird|werden|wurde|wurden|soll|sollen|geht|ging|verschmilzt"
    r"|fusioniert)\s+)(?P<p>es|sie|er)\b"
)
INVERTED_GENDER = {"es": ("n", None), "sie": ("f", None), "er": ("m", None)}


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
    named = INVERTED.search(clause)
    if named and topic is not None and not PLACEHOLDER.search(clause, 0, named.start()):
        if gender(topic) in INVERTED_GENDER[named["p"]]:
            return f"{clause[: named.start('p')]}«U{index}»{clause[named.end('p') :]}"
        return None
    late = AFTER_VERB.match(clause)
    if late and topic is not None and gender(topic) in INVERTED_GENDER[late["p"]]:
        # "Zum 1. Juli wird sie aufgelöst", "Dort verschmilzt er mit der X": the subject after its verb
        replaced = f"{late['pre']}«U{index}»{clause[late.end('p') :]}"
        return replaced if _changes_a_unit(replaced) else None
    shown = DEMONSTRATIVE.match(clause)
    if shown and topic is not None:  # the verb is one a unit undergoes (passive, "geht ... auf")
        replaced = f"{shown['pre']}«U{index}» {clause[shown.end() :]}"
        agrees = gender(topic) in DEMONSTRATIVE_GENDER[shown["p"]]
        return replaced if agrees and _changes_a_unit(replaced) else None
    m = PRONOUN.match(clause)
    if not m or topic is None or PLACEHOLDER.search(clause[: m.end()]):
        return None
    if m["p"].startswith("Dies") and ARTICLE_USE.match(clause, m.end()):
        return None
    wanted = gender(topic)
    if wanted is not None and AGREES[m["p"]] != wanted:
        return None
    replaced = f"{m['pre']}«U{index}»{clause[m.end() :]}"
    if not _changes_a_unit(replaced):  # read with the unit in place ("Sie geht im Amt X auf")
        return None
    if PLACEHOLDER.search(clause) and not UNDERGOES.search(clause) and not NAMED.match(clause, m.end()):
        return None  # "Sie gründete das Umweltamt": the pronoun acts on another unit, it is not changed
    return replaced


def _changes_a_unit(clause: str) -> bool:
    return any(trigger(name, clause) for name in UNIT_CHANGES)
