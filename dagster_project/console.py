"""The console of ``python -m dagster_project run``: Dagster's own, minus operator errors' tracebacks.

When a build cannot take the warehouse lock, Dagster logs the failure of the run's resources
and of the run, each with a Python traceback, before the command line gets to print what
happened. That error is the operator's to act on, not a bug, so this console leaves out the
events an ``OperatorError`` (``vnpolitics.warehouse.operator_errors``) caused; the command
line prints their message as one line (``error: ...``) and the run log keeps it. The event
log of the Dagster instance keeps the events whole. Every other line, bugs' tracebacks
included, is printed as Dagster prints it.
"""

import logging

from dagster import InitLoggerContext, LoggerDefinition, colored_console_logger

from dagster_project.run_errors import operator_message


def _operator_console(init_context: InitLoggerContext) -> logging.Logger:
    console = colored_console_logger.logger_fn(init_context)
    console.addFilter(_not_an_operator_error)
    return console


def _not_an_operator_error(record: logging.LogRecord) -> bool:
    """False for a Dagster event whose error comes from an ``OperatorError``."""
    event = (getattr(record, "dagster_meta", None) or {}).get("dagster_event")
    error = getattr(getattr(event, "event_specific_data", None), "error", None)
    return error is None or operator_message(error) is None


operator_console_logger = LoggerDefinition(
    _operator_console,
    config_schema=colored_console_logger.config_schema,
    description="Dagster's colored console logger, without the events of errors an operator fixes.",
)
