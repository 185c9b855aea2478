import gc
import sys

from alliance import gunicorn_conf


def test_a_worker_imports_the_views_and_freezes_what_it_loaded_before_its_first_request(monkeypatch):
    urlconf_modules = [name for name in sys.modules if name.endswith((".views", ".urls", ".api_urls"))]
    for name in urlconf_modules:
        monkeypatch.delitem(sys.modules, name)
    from django.urls import clear_url_caches

    clear_url_caches()
    try:
        gunicorn_conf.post_worker_init(worker=None)
        assert "alliance.urls" in sys.modules
        assert "partnerships.views" in sys.modules
        assert gc.get_freeze_count() > 0
    finally:
        gc.unfreeze()
        clear_url_caches()
