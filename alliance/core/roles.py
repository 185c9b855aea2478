"""The portal's roles.

- BDT staff: ``is_staff`` users in the "BDT staff" group, which holds the model permissions
  of the portal's own apps; every staff page and API checks the permission it needs, so staff
  status alone opens nothing. Roles, API tokens, second-factor devices and periodic tasks are
  for superusers only (``alliance/admin.py``), and staff need their second factor
  (``alliance/second_factor.py``).
- Centre hosts: portal users linked to one centre (see ``centres``); no admin access.
- The public: anonymous visitors.
"""

from django.contrib.auth.models import Group, Permission

BDT_STAFF_GROUP = "BDT staff"
REPORT_APPROVERS_GROUP = "Report approvers"
EVALUATORS_GROUP = "Evaluators"
LEAD_EVALUATORS_GROUP = "Lead evaluators"
# Held by some staff only, never by the whole group: the four-eyes rule of the TDAG reports, and the
# blind evaluation of applications (an evaluator scores only what they are assigned; the lead alone
# sees every score).
RESTRICTED_PERMISSIONS = (("reports", "approve_report"), ("centres", "evaluate_application"),
                          ("centres", "lead_evaluation"))
# The groups holding a restricted permission (members added in the admin).
RESTRICTED_GROUPS = {
    REPORT_APPROVERS_GROUP: ("reports", "approve_report"),
    EVALUATORS_GROUP: ("centres", "evaluate_application"),
    LEAD_EVALUATORS_GROUP: ("centres", "lead_evaluation"),
}
# "axes": staff lift a lockout early by deleting the access attempt (its admin adds nothing by hand).
PORTAL_APPS = ("alliance", "reports", "centres", "board", "dtlab", "partnerships", "coordination",
               "notifications", "news", "axes")


def bdt_staff_group_sync(**kwargs) -> Group:
    """Give the BDT staff group every permission of the portal's apps (after each migrate)."""
    group, _ = Group.objects.get_or_create(name=BDT_STAFF_GROUP)
    permissions = Permission.objects.filter(content_type__app_label__in=PORTAL_APPS).exclude(
        content_type__app_label="alliance", content_type__model="user", codename__startswith="delete"
    ).exclude(content_type__app_label="alliance", content_type__model="apitoken")
    for app_label, codename in RESTRICTED_PERMISSIONS:
        permissions = permissions.exclude(content_type__app_label=app_label, codename=codename)
    group.permissions.set(permissions)
    restricted_groups_sync()
    return group


def restricted_groups_sync() -> None:
    """The groups of the restricted permissions: report approvers, evaluators, lead evaluators."""
    for name, (app_label, codename) in RESTRICTED_GROUPS.items():
        group, _ = Group.objects.get_or_create(name=name)
        group.permissions.add(*Permission.objects.filter(content_type__app_label=app_label,
                                                          codename=codename))


def is_bdt_staff(user) -> bool:
    """Staff status: the admin's door. What staff may see or do is the permission's to say:
    ask ``staff_may``; staff status alone opens nothing."""
    return bool(user.is_authenticated and user.is_active and user.is_staff)


def staff_may(user, permission: str) -> bool:
    """Staff status and the model permission (e.g. ``"centres.view_application"``)."""
    return is_bdt_staff(user) and user.has_perm(permission)


def has_staff_area(user) -> bool:
    """Staff with a permission in at least one of the portal's apps."""
    return is_bdt_staff(user) and any(user.has_module_perms(app) for app in PORTAL_APPS)


def staff_permissions_scope(user) -> str:
    """Staff sharing one set of permissions see the same lists: a cache scope for them."""
    import hashlib

    digest = hashlib.sha256(repr(sorted(user.get_all_permissions())).encode()).hexdigest()[:12]
    return f"staff-{digest}"


_home_resolvers: list = []


def register_home(resolver) -> None:
    """Let an app send its users somewhere after login: ``resolver(user)`` returns a URL or None.

    Apps call this from ``AppConfig.ready`` (centres sends hosts to their portal, for example).
    """
    if resolver not in _home_resolvers:
        _home_resolvers.append(resolver)


def home_url_for(user) -> str:
    from django.urls import reverse

    if has_staff_area(user):
        return reverse("staff-home")
    for resolver in _home_resolvers:
        url = resolver(user)
        if url:
            return url
    return reverse("home")
