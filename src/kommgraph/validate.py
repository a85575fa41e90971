"""Compatibility: the validation API by its old module name; the code lives in ``kommgraph.validation``."""

from kommgraph.validation import *  # noqa: F403 - this module is the package's public face
from kommgraph.validation import __all__  # noqa: F401
