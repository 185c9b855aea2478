"""Quieter logs: each warning or error written once, and no routine lines at INFO in production."""

import logging

import pytest
from django.conf import settings


def _handlers_reached(name: str) -> list[logging.Handler]:
    logger, handlers = logging.getLogger(name), []
    while logger is not None:
        # pytest's capture handlers and libraries' NullHandlers write nothing of ours.
        handlers += [h for h in logger.handlers if not type(h).__module__.startswith("_pytest")
                     and not isinstance(h, logging.NullHandler)]
        if not logger.propagate:
            break
        logger = logger.parent
    return handlers


@pytest.mark.parametrize("name", ["django.request", "django.security.csrf", "alliance.reports.services",
                                  "celery.app.trace", "weasyprint", "axes.handlers.database"])
def test_a_warning_or_an_error_is_written_once(name):
    assert not settings.DEBUG
    assert len(_handlers_reached(name)) == 1


@pytest.mark.parametrize("name", ["axes.apps", "axes.handlers.database", "celery.app.trace",
                                  "celery.worker.strategy", "weasyprint", "django.db.backends"])
def test_routine_lines_are_not_written_at_info_in_production(name):
    assert not settings.DEBUG
    assert not logging.getLogger(name).isEnabledFor(logging.INFO if name != "django.db.backends"
                                                    else logging.DEBUG)


def test_errors_of_the_quiet_loggers_still_show():
    for name in ("axes.apps", "celery.app.trace", "weasyprint"):
        assert logging.getLogger(name).isEnabledFor(logging.ERROR)
