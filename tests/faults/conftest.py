import pytest

from tests import services

from .processes import RedisServer


@pytest.fixture
def redis():
    """A redis-server of the test's own, stopped afterwards (the test may stop and start it)."""
    services.require_real_services()
    server = RedisServer()
    server.start()
    yield server
    server.stop()
