"""simple_history's ``HistoricalRecords`` for models kept in a ``models/`` package.

simple_history puts each historical model (``HistoricalCentre``...) in the module of its model; for a
model in ``centres/models/centres.py`` that would be ``centres.models.centres``, with ``__module__``
``centres``. This one keeps them in ``<app>.models``, as for a single ``models.py``: importable from
there, and found by ``manage.py shell``. (``simple_history.register(model, app=<app>)`` does the same
for models registered from outside their module.)
"""

from simple_history.models import HistoricalRecords as _HistoricalRecords


class HistoricalRecords(_HistoricalRecords):
    def contribute_to_class(self, cls, name):
        super().contribute_to_class(cls, name)
        self.module = f"{cls._meta.app_config.name}.models"
