from django import forms
from django.contrib import admin, messages
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext
from modeltranslation.admin import TranslationAdmin

from . import selectors, services
from .models import NewsItem


@admin.register(NewsItem)
class NewsItemAdmin(TranslationAdmin):
    list_display = ("title", "kind", "published_on", "is_published", "updated_at")
    list_filter = ("kind", "is_published", "published_on")
    search_fields = ("title", "body", "slug")
    date_hierarchy = "published_on"
    prepopulated_fields = {"slug": ("title_en",)}
    filter_horizontal = ("centres", "meetings", "playbooks")
    actions = ("publish", "withdraw")

    def formfield_for_dbfield(self, db_field, request, **kwargs):
        if db_field.name == "pdf":
            kwargs["widget"] = forms.ClearableFileInput(attrs={"accept": "application/pdf"})
        return super().formfield_for_dbfield(db_field, request, **kwargs)

    def formfield_for_manytomany(self, db_field, request, **kwargs):
        # A public item links only to what the public can open.
        if db_field.name == "centres":
            kwargs["queryset"] = selectors.public_centres()
        elif db_field.name == "playbooks":
            kwargs["queryset"] = selectors.public_playbooks()
        return super().formfield_for_manytomany(db_field, request, **kwargs)

    @admin.action(description=_("Publish the selected items"), permissions=["change"])
    def publish(self, request, queryset) -> None:
        count = services.news_items_publish(items=queryset)
        self.message_user(request, ngettext("%(count)d item published.", "%(count)d items published.",
                                            count) % {"count": count}, messages.SUCCESS)

    @admin.action(description=_("Withdraw the selected items from the public site"), permissions=["change"])
    def withdraw(self, request, queryset) -> None:
        count = services.news_items_withdraw(items=queryset)
        self.message_user(request, ngettext("%(count)d item withdrawn.", "%(count)d items withdrawn.",
                                            count) % {"count": count}, messages.SUCCESS)
