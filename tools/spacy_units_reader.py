"""A spaCy unit recogniser (tok2vec + ner from a blank German pipeline) beside the rules: training and
the hook that puts it into the converter (measured, not shipped; docs/converter.md ("Round 12")).

Training is deterministic for a seed on one machine (``fix_random_seed``, the examples shuffled by a
seeded ``random.Random``, a fixed number of epochs, CPU). Nothing is downloaded: ``spacy.blank("de")``
needs no model package. The hook wraps ``units.find_mentions`` (the one call the converter makes per
sentence) like round 8's ``unit_tagger_features.use``, in one of three modes:
- ``union``: the model's spans where no rule mention stands are added (names in the nominative by the
  rules' ending table, a capital first), so they pass the converter's filters and reach events;
- ``veto``: a named rule mention on which the model tags no token is dropped;
- ``alone``: the model's spans replace the rules' named mentions (a span that is exactly a rule mention
  keeps the rule's mention: its name, type and aliases); the rules' bare mentions stay.
"""

from __future__ import annotations

import random
import sys
from dataclasses import dataclass, field
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

import spacy_units_data as sdata  # noqa: E402
import unit_tagger_features as learned  # noqa: E402

from kommgraph.convert.extract import units  # noqa: E402
from kommgraph.convert.extract.unit_phrases import Mention, tokenize  # noqa: E402

MODES = ("union", "veto", "alone")
TOK2VEC = {"width": 96, "depth": 4, "embed_size": 2000}


def blank(tok2vec: dict | None = None):
    """A blank German pipeline with one ``ner`` component (its own HashEmbedCNN tok2vec)."""
    import spacy

    shape = TOK2VEC | (tok2vec or {})
    nlp = spacy.blank("de")
    model = {
        "@architectures": "spacy.TransitionBasedParser.v2",
        "state_type": "ner",
        "extra_state_tokens": False,
        "hidden_width": 64,
        "maxout_pieces": 2,
        "use_upper": True,
        "nO": None,
        "tok2vec": {
            "@architectures": "spacy.HashEmbedCNN.v2",
            "pretrained_vectors": None,
            "width": shape["width"],
            "depth": shape["depth"],
            "embed_size": shape["embed_size"],
            "window_size": 1,
            "maxout_pieces": 3,
            "subword_features": True,
        },
    }
    nlp.add_pipe("ner", config={"model": model})
    return nlp


def train(reads: list, epochs: int, seed: int = 0, tok2vec: dict | None = None, dropout: float = 0.2):
    """A pipeline trained on recorded sentences (``unit_tagger_data.Read``); returns (nlp, losses)."""
    from spacy.util import compounding, fix_random_seed, minibatch

    fix_random_seed(seed)
    nlp = blank(tok2vec)
    ner = nlp.get_pipe("ner")
    ner.add_label(sdata.LABEL)
    examples = sdata.examples(nlp, reads)
    optimizer = nlp.initialize(lambda: examples)
    order = random.Random(seed)
    losses_by_epoch = []
    for _ in range(epochs):
        order.shuffle(examples)
        losses: dict = {}
        for batch in minibatch(examples, size=compounding(4.0, 32.0, 1.001)):
            nlp.update(batch, drop=dropout, sgd=optimizer, losses=losses)
        losses_by_epoch.append(round(float(losses.get("ner", 0.0)), 1))
    return nlp, losses_by_epoch


@dataclass
class Tagger:
    """A trained pipeline with a cache of tags per sentence (the same sentence is read by every variant)."""

    nlp: object
    cache: dict = field(default_factory=dict)

    def tags(self, text: str, tokens: list) -> list[str]:
        if text not in self.cache:
            from spacy.tokens import Doc

            words, spaces = sdata.words_and_spaces(text, tokens)
            doc = self.nlp.get_pipe("ner")(Doc(self.nlp.vocab, words=words, spaces=spaces))
            self.cache[text] = sdata.tags_of(doc)
        return self.cache[text]


@dataclass
class Hook:
    tagger: Tagger
    mode: str


_HOOK: Hook | None = None


def use(hook: Hook | None) -> None:
    """Put the model into the converter (None gives it its rules back)."""
    global _HOOK
    learned.use(None)
    _HOOK = hook
    units.find_mentions = learned._RULES if hook is None else _find_mentions


def _find_mentions(text: str, *args, **kwargs) -> list[Mention]:
    mentions = learned._RULES(text, *args, **kwargs)
    if _HOOK is None:
        return mentions
    tokens = tokenize(text)
    if not tokens:
        return mentions
    return combine(text, tokens, _HOOK.tagger.tags(text, tokens), mentions, _HOOK.mode)


def combine(text: str, tokens: list, tags: list[str], mentions: list[Mention], mode: str) -> list[Mention]:
    """The rules' mentions of one sentence combined with the model's tags (see the module's docstring)."""
    found = [s for s in learned.spans(text, tokens, tags) if s.name[:1].isupper()]
    tagged = [(tokens[i].start, tokens[i].end) for i, t in enumerate(tags) if t != "O"]

    def covered(m: Mention) -> bool:
        return any(a < m.end and m.start < b for a, b in tagged)

    if mode == "veto":
        return [m for m in mentions if m.name is None or covered(m)]
    added = []
    for s in found:
        if any(m.start < s.end and s.start < m.end for m in mentions):
            continue
        added.append(Mention(s.start, s.end, s.name, learned.unit_type(tokens[s.first : s.last]), 0.6))
    if mode == "union":
        return sorted([*mentions, *added], key=lambda m: m.start) if added else mentions
    by_offsets = {(m.start, m.end): m for m in mentions if m.name}
    own = [
        by_offsets.get((s.start, s.end))
        or Mention(s.start, s.end, s.name, learned.unit_type(tokens[s.first : s.last]), 0.6)
        for s in found
    ]
    bare = [
        m for m in mentions if m.name is None and not any(o.start < m.end and m.start < o.end for o in own)
    ]
    return sorted([*own, *bare], key=lambda m: m.start)
