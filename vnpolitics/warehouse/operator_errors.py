"""Errors an operator fixes from the message alone: the command line prints them as one line.

A lock held by another run or a setting that is not a number is not a bug: the message says
what to do (wait, set a variable), and a Python traceback printed before it would only bury
it. Bugs keep their tracebacks. Dagster serialises an error with its class name only, so
``OPERATOR_ERROR_NAMES`` is how the command line and the run log recognise these there.
"""

from __future__ import annotations


class OperatorError(RuntimeError):
    """An error whose message tells the operator what to do; shown without a traceback."""


class ConfigurationError(OperatorError, ValueError):
    """A setting (an environment variable, an option) that cannot be used as given."""


def operator_error_names() -> frozenset[str]:
    """The class names of ``OperatorError`` and every subclass defined so far."""
    names, todo = set(), [OperatorError]
    while todo:
        cls = todo.pop()
        names.add(cls.__name__)
        todo += cls.__subclasses__()
    return frozenset(names)
