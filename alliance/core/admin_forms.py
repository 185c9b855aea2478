"""Forms and admin actions that a service validates: the admin stays one more caller of the services,
and a service's refusal lands on the form that asked (``add_service_error``, ``validated_by``)."""

from collections.abc import Callable, Iterable

from django.contrib import admin, messages
from django.core.exceptions import ValidationError
from django.db import transaction
from django.template.response import TemplateResponse


def add_service_error(form, error: ValidationError) -> None:
    """A service's ValidationError on a form: each message on its field where the form has that
    field, the others (and a plain message) above the form."""
    if hasattr(error, "error_dict"):
        for field, errors in error.error_dict.items():
            form.add_error(field if field in form.fields else None, errors)
    else:
        form.add_error(None, error)


def validated_by(form_class: type, validate: Callable[[object], None], *, fields: Iterable[str] = ()) -> type:
    """``form_class`` whose instance, once built from the form, is checked by ``validate``; its
    ValidationError lands on the form's fields as any model validation would.

    ``fields`` are those the service checks together: the model's own checks (its database
    constraints) leave them to it, so a mistake is said once, in the service's words.
    """
    service_fields = set(fields)

    class ValidatedForm(form_class):
        def _get_validation_exclusions(self):
            return super()._get_validation_exclusions() | service_fields

        def _post_clean(self):
            super()._post_clean()
            if self.instance.pk is not None and not self.has_changed():
                return  # an unchanged row of an inline is not written: nothing for the service to refuse
            try:
                validate(self.instance)
            except ValidationError as error:
                self._update_errors(error)

    return ValidatedForm


def form_values(obj, form, allowed: Iterable[str]) -> dict:
    """What the admin form set on ``obj``, for the fields a service accepts: the service writes it."""
    allowed = set(allowed)
    return {name: getattr(obj, name) for name in form.cleaned_data if name in allowed}


def save_inline_through(formset, *, save: Callable[[object], object],
                        delete: Callable[[object], None]) -> None:
    """Write an inline's rows through the services: ``delete`` takes each row marked for deletion,
    ``save`` each new or changed one (the admin's ``save_formset`` calls this for such an inline)."""
    rows = formset.save(commit=False)
    for row in formset.deleted_objects:
        delete(row)
    for row in rows:
        save(row)


def adopt(obj, saved) -> None:
    """Make the admin's unsaved ``obj`` the row a service created (its key and the values the service
    set, such as a generated reference), so the admin's log, messages and related inlines point to it."""
    for field in saved._meta.concrete_fields:
        setattr(obj, field.attname, getattr(saved, field.attname))
    obj._state.adding, obj._state.db = False, saved._state.db


def apply_to_each(modeladmin, request, queryset, call: Callable, done: str) -> None:
    """Run a service on each selected object; report what worked and what was refused, per object."""
    count = 0
    for obj in queryset:
        try:
            with transaction.atomic():
                call(obj)
        except ValidationError as exc:
            modeladmin.message_user(request, f"{obj}: {' '.join(exc.messages)}", messages.ERROR)
        else:
            count += 1
    if count:
        modeladmin.message_user(request, done % {"count": count}, messages.SUCCESS)


def action_with_form(modeladmin, request, queryset, form_class, title: str, call: Callable, done: str):
    """An action that first asks for a reason or a comment on an intermediate page."""
    form = form_class(request.POST if "apply" in request.POST else None)
    if form.is_bound and form.is_valid():
        apply_to_each(modeladmin, request, queryset, lambda obj: call(obj, form.cleaned_data), done)
        return None
    return TemplateResponse(request, "admin/service_action_form.html", {
        **modeladmin.admin_site.each_context(request), "title": title, "form": form, "objects": queryset,
        "action": request.POST.get("action"), "opts": modeladmin.model._meta,
        "selected": request.POST.getlist(admin.helpers.ACTION_CHECKBOX_NAME),
    })
