"""What a migration that renames a model adds to Django's ``RenameModel``.

Django renames the table and the content type, but not the permissions' codenames
(``view_progressreport``): after the migration, ``post_migrate`` would create the new ones
(``view_centreprogressreport``) and every group and user holding the old ones would lose them.
``rename_permissions`` renames the existing ones in place, so they keep them.
"""

from django.db import migrations

ACTIONS = ("add", "change", "delete", "view")


def rename_permissions(app_label: str, models: dict[str, str]) -> migrations.RunPython:
    """The operation renaming the default permissions of ``models`` (old model name -> new, lower
    case; with their historical models) of ``app_label``; reversible. Place it after the
    ``RenameModel`` operations."""

    def codenames(names: dict[str, str]) -> dict[str, str]:
        pairs = {**names, **{f"historical{old}": f"historical{new}" for old, new in names.items()}}
        return {f"{action}_{old}": f"{action}_{new}" for old, new in pairs.items() for action in ACTIONS}

    def rename(apps, schema_editor, names: dict[str, str]) -> None:
        Permission = apps.get_model("auth", "Permission")
        permissions = Permission.objects.using(schema_editor.connection.alias)
        for old, new in codenames(names).items():
            for permission in permissions.filter(content_type__app_label=app_label, codename=old):
                existing = permissions.filter(content_type=permission.content_type, codename=new).first()
                if existing:  # made meanwhile by post_migrate: the holders of the old one get it
                    existing.group_set.add(*permission.group_set.all())
                    existing.user_set.add(*permission.user_set.all())
                    permission.delete()
                else:
                    permission.codename = new
                    permission.save(update_fields=["codename"])

    return migrations.RunPython(
        lambda apps, schema_editor: rename(apps, schema_editor, models),
        lambda apps, schema_editor: rename(apps, schema_editor, {new: old for old, new in models.items()}),
    )
