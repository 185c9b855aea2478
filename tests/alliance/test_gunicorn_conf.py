import gc

from django.urls import clear_url_caches, get_resolver

from alliance import gunicorn_conf


def test_a_worker_loads_the_urlconf_and_freezes_what_it_loaded_before_its_first_request():
    clear_url_caches()
    assert "url_patterns" not in vars(get_resolver())
    try:
        gunicorn_conf.post_worker_init(worker=None)
        assert "url_patterns" in vars(get_resolver())  # the URLconf and every view it includes
        assert gc.get_freeze_count() > 0
    finally:
        gc.unfreeze()
