"""``kommgraph synth``: realistic synthetic data directories, valid by construction, with known violations."""

from kommgraph.synth.inject import KINDS, parse_injections
from kommgraph.synth.write import MANIFEST, Synthesis, synthesize

__all__ = ["KINDS", "MANIFEST", "Synthesis", "parse_injections", "synthesize"]
