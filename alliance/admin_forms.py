"""Admin forms that a service validates: the admin stays one more caller of the services."""

from collections.abc import Callable

from django.core.exceptions import ValidationError


def validated_by(form_class: type, validate: Callable[[object], None]) -> type:
    """``form_class`` whose instance, once built from the form, is checked by ``validate``; its
    ValidationError lands on the form's fields as any model validation would."""

    class ValidatedForm(form_class):
        def _post_clean(self):
            super()._post_clean()
            try:
                validate(self.instance)
            except ValidationError as error:
                self._update_errors(error)

    return ValidatedForm
