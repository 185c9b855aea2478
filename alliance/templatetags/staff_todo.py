"""``{% staff_todo %}``: what waits for BDT staff, on the staff home and the admin's index."""

from django import template

from alliance.todo import staff_todo as gather

register = template.Library()


def todo_context(*, show_items: bool = True) -> dict:
    lists = gather()
    return {"todo": lists, "show_items": show_items, "todo_total": sum(t.count for t in lists),
            "todo_overdue": sum(t.overdue for t in lists)}


@register.inclusion_tag("staff/_todo.html")
def staff_todo(show_items: bool = True) -> dict:
    return todo_context(show_items=show_items)
