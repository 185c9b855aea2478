"""The portal's roles.

- BDT staff: ``is_staff`` users in the "BDT staff" group, which holds the model permissions
  of the portal's own apps.
- Centre hosts: portal users linked to one centre (see ``centres``); no admin access.
- The public: anonymous visitors.
"""

from django.contrib.auth.models import Group, Permission

BDT_STAFF_GROUP = "BDT staff"
REPORT_APPROVERS_GROUP = "Report approvers"
# Held by some staff only (the four-eyes rule of the TDAG reports), never by the whole group.
RESTRICTED_PERMISSIONS = (("reports", "approve_report"),)
PORTAL_APPS = ("alliance", "reports", "centres", "board", "dtlab", "partnerships",
               "django_celery_beat", "authtoken")


def bdt_staff_group_sync(**kwargs) -> Group:
    """Give the BDT staff group every permission of the portal's apps (after each migrate)."""
    group, _ = Group.objects.get_or_create(name=BDT_STAFF_GROUP)
    permissions = Permission.objects.filter(content_type__app_label__in=PORTAL_APPS).exclude(
        content_type__app_label="alliance", content_type__model="user", codename__startswith="delete"
    )
    for app_label, codename in RESTRICTED_PERMISSIONS:
        permissions = permissions.exclude(content_type__app_label=app_label, codename=codename)
    group.permissions.set(permissions)
    report_approvers_group_sync()
    return group


def report_approvers_group_sync() -> Group:
    """The group whose members may approve and publish TDAG reports (members added in the admin)."""
    group, _ = Group.objects.get_or_create(name=REPORT_APPROVERS_GROUP)
    group.permissions.add(*Permission.objects.filter(content_type__app_label="reports",
                                                      codename="approve_report"))
    return group


def is_bdt_staff(user) -> bool:
    return bool(user.is_authenticated and user.is_active and user.is_staff)


_home_resolvers: list = []


def register_home(resolver) -> None:
    """Let an app send its users somewhere after login: ``resolver(user)`` returns a URL or None.

    Apps call this from ``AppConfig.ready`` (centres sends hosts to their portal, for example).
    """
    if resolver not in _home_resolvers:
        _home_resolvers.append(resolver)


def home_url_for(user) -> str:
    from django.urls import reverse

    if is_bdt_staff(user):
        return reverse("staff-home")
    for resolver in _home_resolvers:
        url = resolver(user)
        if url:
            return url
    return reverse("home")
