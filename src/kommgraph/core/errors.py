"""Every error the library raises on purpose, with the exit code the command line gives it.

The CLI has one handler (``kommgraph.cli.main.run``) that maps these to exit codes:
0 ok, 1 violations or failed checks, 2 usage, 3 input error, 4 internal error (anything else).
"""

from __future__ import annotations

EXIT_OK = 0
EXIT_FAILED = 1
EXIT_USAGE = 2
EXIT_INPUT = 3
EXIT_INTERNAL = 4


class KommgraphError(ValueError):
    """Base of the library's errors; ``exit_code`` is what the command line exits with."""

    exit_code = EXIT_INTERNAL


class UsageError(KommgraphError):
    """An option or parameter value does not fit (exit code 2)."""

    exit_code = EXIT_USAGE


class InputError(KommgraphError):
    """Input could not be read or parsed, or output could not be written (exit code 3); the message
    names the file (and line, where there is one)."""

    exit_code = EXIT_INPUT


class LoadError(InputError):
    """A data file could not be read or parsed."""


class SourceError(InputError):
    """A source text (data/sources) could not be read or has a bad header."""


class OutputError(InputError):
    """An output file or folder could not be written (``--out`` not writable, disk full, ...)."""


class ParameterError(UsageError):
    """A parameter value is missing, unknown or of the wrong form; the message says which and why."""


class QueryError(UsageError):
    """A query could not be parsed or run; the message says why."""


class EndpointError(QueryError):
    """A SPARQL endpoint or graph store failed: HTTP error, connection refused or timeout (exit code 3)."""

    exit_code = EXIT_INPUT


class PublishError(UsageError):
    """The options of a publish do not fit together (a bad base IRI, ...)."""


class SinceError(UsageError):
    """``validate --since`` names a revision that git cannot compare against."""


class DateError(UsageError):
    """A day, month or year is not of the form the option asks for."""


class NotFound(UsageError, LookupError):
    """No unit or authority matches the name given."""


class Ambiguous(UsageError, LookupError):
    """A name matches several units; ``candidates`` lists them (IRI, name, authority, lifespan)."""

    def __init__(self, message: str, candidates: list[tuple[str, str, str, str]]):
        super().__init__(message)
        self.candidates = candidates
