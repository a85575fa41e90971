"""Training data for a spaCy unit recogniser: the converter's sentences with gold unit spans (label UNIT).

The sentences, their tokens and the gold B/I/O tags are round 8's (``unit_tagger_data.read``: the
sentences the converter itself reads, gold names and aliases aligned to token spans, inflected forms
allowed, a rule mention taken as it stands when its nominative name is gold). Here they become spaCy
``Example``s over the converter's own tokens, so a span the model tags maps back onto the converter's
offsets without a second tokenizer. Sets (issue 10, round 12): TUNE = corpus/dev without the batches
o, p, s, t, v; GATE = o+p+s+t+v (scored by totals only).
"""

from __future__ import annotations

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

import unit_tagger_data as data  # noqa: E402

LABEL = "UNIT"
GATE_BATCHES = ("o-", "p-", "s-", "t-", "v-")


def tune_documents() -> list[data.Document]:
    return [d for d in data.dev_documents() if not d.stem.startswith(GATE_BATCHES)]


def gate_documents() -> list[data.Document]:
    return [d for d in data.dev_documents() if d.stem.startswith(GATE_BATCHES)]


def words_and_spaces(text: str, tokens: list) -> tuple[list[str], list[bool]]:
    """The converter's tokens as spaCy words; a space follows a token when the next one does not touch it."""
    words = [t.text for t in tokens]
    spaces = [i + 1 < len(tokens) and tokens[i + 1].start > t.end for i, t in enumerate(tokens)]
    return words, spaces


def biluo(tags: list[str]) -> list[str]:
    """Round 8's B/I/O tags as spaCy's BILUO entity tags of label UNIT."""
    from spacy.training import iob_to_biluo

    return iob_to_biluo([t if t == "O" else f"{t}-{LABEL}" for t in tags])


def examples(nlp, reads: list) -> list:
    """One spaCy ``Example`` per recorded sentence (``unit_tagger_data.Read``)."""
    from spacy.tokens import Doc
    from spacy.training import Example

    out = []
    for r in reads:
        words, spaces = words_and_spaces(r.text, r.tokens)
        doc = Doc(nlp.vocab, words=words, spaces=spaces)
        out.append(Example.from_dict(doc, {"entities": biluo(r.tags)}))
    return out


def tags_of(doc) -> list[str]:
    """B/I/O tags of a tagged spaCy doc (its UNIT entities)."""
    tags = ["O"] * len(doc)
    for ent in doc.ents:
        if ent.label_ == LABEL:
            tags[ent.start] = "B"
            for i in range(ent.start + 1, ent.end):
                tags[i] = "I"
    return tags
