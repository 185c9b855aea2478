import pytest

from alliance.settings import s3_storage
from tests.s3 import start_s3_server, stop_s3_server


@pytest.fixture(scope="session")
def s3_server(tmp_path_factory):
    server = start_s3_server(tmp_path_factory.mktemp("s3"))
    yield server
    stop_s3_server(server)


@pytest.fixture
def s3_env(s3_server) -> dict[str, str]:
    """A fresh bucket, as the AWS_* variables a portal process is given."""
    return s3_server.new_bucket()


@pytest.fixture
def s3_media(settings, s3_env, tmp_path):
    """This process stores its media in the bucket; its local media folder must stay empty."""
    settings.MEDIA_ROOT = tmp_path / "local-media"
    settings.STORAGES = {**settings.STORAGES, "default": s3_storage(s3_env)}
    return s3_env
