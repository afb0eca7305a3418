"""Retry the machine's failures, not the code's: the job's retry policy sees only transient errors.

``build_warehouse_job`` retries a failed step twice (``jobs.TRANSIENT_RETRIES``). The steps'
functions are decorated with ``only_transient_retries``, which turns every other error into a
``Failure`` that skips the policy, so a bug or bad data fails the run at once with its message.
"""

import functools
import inspect
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from typing import Any

from dagster import Failure

from vnpolitics.warehouse.transient_errors import is_transient


def only_transient_retries(fn: Callable[..., Any]) -> Callable[..., Any]:
    """Let transient errors reach the retry policy; fail at once on any other (plain or generator ``fn``)."""
    if inspect.isgeneratorfunction(fn):

        @functools.wraps(fn)
        def generate(*args: Any, **kwargs: Any) -> Iterator[Any]:
            with _fail_fast_unless_transient():
                yield from fn(*args, **kwargs)

        return generate

    @functools.wraps(fn)
    def call(*args: Any, **kwargs: Any) -> Any:
        with _fail_fast_unless_transient():
            return fn(*args, **kwargs)

    return call


@contextmanager
def _fail_fast_unless_transient() -> Iterator[None]:
    try:
        yield
    except Failure:
        raise
    except Exception as error:
        if is_transient(error):
            raise
        first_line = (str(error).strip().splitlines() or [""])[0]
        raise Failure(description=f"{type(error).__name__}: {first_line}", allow_retries=False) from error
