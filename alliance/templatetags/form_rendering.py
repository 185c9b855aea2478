"""Helpers of the project's form template (templates/includes/form.html)."""

from django import template

register = template.Library()


@register.filter
def has_required_fields(form) -> bool:
    """Whether a person must fill in at least one of the form's visible fields (then the form
    explains the mark that labels them)."""
    return any(field.field.required for field in form.visible_fields())


@register.filter
def error_target(field) -> str:
    """The id of the element a link in the error summary moves to: the field's input, or the
    first choice of a group of radio buttons or check boxes (their label names no single input)."""
    return field.id_for_label or f"{field.auto_id}_0"
