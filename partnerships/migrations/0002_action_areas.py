"""The four action areas of the Partner2Connect Digital Coalition (seed 003), in six languages."""

from django.db import migrations

LANGS = ("en", "ar", "zh_hans", "fr", "ru", "es")

ACTION_AREAS = [
    ("connecting_people", (
        "Connecting people worldwide", "ربط الناس في جميع أنحاء العالم", "连接全世界的人们",
        "Connecter les personnes partout dans le monde", "Соединение людей во всем мире",
        "Conectar a las personas en todo el mundo")),
    ("empowering_communities", (
        "Empowering communities", "تمكين المجتمعات", "增强社区能力", "Autonomiser les communautés",
        "Расширение прав и возможностей сообществ", "Empoderar a las comunidades")),
    ("building_ecosystems", (
        "Building digital ecosystems", "بناء المنظومات الرقمية", "建设数字生态系统",
        "Créer des écosystèmes numériques", "Формирование цифровых экосистем",
        "Crear ecosistemas digitales")),
    ("stimulating_investment", (
        "Stimulating investment", "تحفيز الاستثمار", "促进投资", "Stimuler l'investissement",
        "Стимулирование инвестиций", "Estimular la inversión")),
]


def load(apps, schema_editor):
    ActionArea = apps.get_model("partnerships", "ActionArea")
    for order, (code, names) in enumerate(ACTION_AREAS, start=1):
        fields = {f"name_{lang}": name for lang, name in zip(LANGS, names, strict=True)}
        ActionArea.objects.update_or_create(code=code, defaults={"order": order, "name": names[0],
                                                                 **fields})


def unload(apps, schema_editor):
    apps.get_model("partnerships", "ActionArea").objects.filter(
        code__in=[code for code, _ in ACTION_AREAS]).delete()


class Migration(migrations.Migration):
    dependencies = [("partnerships", "0001_initial")]
    operations = [migrations.RunPython(load, unload)]
