"""The ITU-D priorities of the Kigali Action Plan each action area serves.

Seed 003 asks that the action areas reflect the work under ITU-D's thematic priorities; this is
BDT's reading of which priorities each area serves (staff can change it in the admin).
"""

from django.db import migrations

AREA_PRIORITIES = {
    "connecting_people": ("affordable_connectivity", "inclusive_secure_ict"),
    "empowering_communities": ("inclusive_secure_ict", "digital_transformation"),
    "building_ecosystems": ("digital_transformation", "enabling_environment"),
    "stimulating_investment": ("resource_mobilization", "enabling_environment"),
}


def load(apps, schema_editor):
    ActionArea = apps.get_model("partnerships", "ActionArea")
    Priority = apps.get_model("alliance", "Priority")
    for code, priority_codes in AREA_PRIORITIES.items():
        area = ActionArea.objects.filter(code=code).first()
        if area is not None:
            area.priorities.add(*Priority.objects.filter(code__in=priority_codes))


def unload(apps, schema_editor):
    apps.get_model("partnerships", "ActionArea").priorities.through.objects.all().delete()


class Migration(migrations.Migration):
    dependencies = [
        ("alliance", "0002_reference_data"),
        ("partnerships", "0006_coalition_members_events_and_priorities"),
    ]
    operations = [migrations.RunPython(load, unload)]
