"""Reference data every app maps to, in the six UN languages.

Objectives and priorities follow seed 000 and the Kigali Action Plan. The seeds give the
regional initiatives by code only (AFR4, AMS3, ARB4, ASP4, CIS3, CIS5, EUR5); their titles
here are short paraphrases that staff can correct in the admin.
"""

from django.apps import apps as django_apps
from django.utils import translation

LANGS = ("en", "ar", "zh_hans", "fr", "ru", "es")

REGIONS = [
    ("africa", ("Africa", "أفريقيا", "非洲", "Afrique", "Африка", "África")),
    ("americas", ("Americas", "الأمريكتان", "美洲", "Amériques", "Америка", "Américas")),
    ("arab_states", ("Arab States", "الدول العربية", "阿拉伯国家", "États arabes",
                     "Арабские государства", "Estados Árabes")),
    ("asia_pacific", ("Asia-Pacific", "آسيا والمحيط الهادئ", "亚太", "Asie-Pacifique",
                      "Азиатско-Тихоокеанский регион", "Asia-Pacífico")),
    ("cis", ("CIS", "كومنولث الدول المستقلة", "独联体", "CEI", "СНГ", "CEI")),
    ("europe", ("Europe", "أوروبا", "欧洲", "Europe", "Европа", "Europa")),
]

INITIATIVES = [
    ("AFR4", "africa", (
        "Digital innovation ecosystems and entrepreneurship in Africa",
        "منظومات الابتكار الرقمي وريادة الأعمال في أفريقيا",
        "非洲的数字创新生态系统和创业",
        "Écosystèmes d'innovation numérique et entrepreneuriat en Afrique",
        "Экосистемы цифровых инноваций и предпринимательство в Африке",
        "Ecosistemas de innovación digital y emprendimiento en África")),
    ("AMS3", "americas", (
        "Digital innovation and entrepreneurship ecosystems in the Americas",
        "منظومات الابتكار الرقمي وريادة الأعمال في الأمريكتين",
        "美洲的数字创新和创业生态系统",
        "Écosystèmes d'innovation numérique et d'entrepreneuriat dans les Amériques",
        "Экосистемы цифровых инноваций и предпринимательства в Америке",
        "Ecosistemas de innovación digital y emprendimiento en las Américas")),
    ("ARB4", "arab_states", (
        "Innovation and entrepreneurship for digital transformation in the Arab States",
        "الابتكار وريادة الأعمال من أجل التحول الرقمي في الدول العربية",
        "阿拉伯国家促进数字化转型的创新和创业",
        "Innovation et entrepreneuriat pour la transformation numérique dans les États arabes",
        "Инновации и предпринимательство для цифровой трансформации в Арабских государствах",
        "Innovación y emprendimiento para la transformación digital en los Estados Árabes")),
    ("ASP4", "asia_pacific", (
        "Digital innovation ecosystems in Asia and the Pacific",
        "منظومات الابتكار الرقمي في آسيا والمحيط الهادئ",
        "亚太地区的数字创新生态系统",
        "Écosystèmes d'innovation numérique en Asie-Pacifique",
        "Экосистемы цифровых инноваций в Азиатско-Тихоокеанском регионе",
        "Ecosistemas de innovación digital en Asia-Pacífico")),
    ("CIS3", "cis", (
        "Development of innovation ecosystems in the CIS region",
        "تطوير منظومات الابتكار في منطقة كومنولث الدول المستقلة",
        "独联体区域创新生态系统的发展",
        "Développement des écosystèmes d'innovation dans la région de la CEI",
        "Развитие инновационных экосистем в регионе СНГ",
        "Desarrollo de ecosistemas de innovación en la región de la CEI")),
    ("CIS5", "cis", (
        "Innovation-driven entrepreneurship and digital transformation in the CIS region",
        "ريادة الأعمال القائمة على الابتكار والتحول الرقمي في منطقة كومنولث الدول المستقلة",
        "独联体区域创新驱动的创业和数字化转型",
        "Entrepreneuriat fondé sur l'innovation et transformation numérique dans la région de la CEI",
        "Инновационное предпринимательство и цифровая трансформация в регионе СНГ",
        "Emprendimiento basado en la innovación y transformación digital en la región de la CEI")),
    ("EUR5", "europe", (
        "Innovation ecosystems and entrepreneurship for digital development in Europe",
        "منظومات الابتكار وريادة الأعمال من أجل التنمية الرقمية في أوروبا",
        "欧洲促进数字发展的创新生态系统和创业",
        "Écosystèmes d'innovation et entrepreneuriat pour le développement numérique en Europe",
        "Инновационные экосистемы и предпринимательство в интересах цифрового развития в Европе",
        "Ecosistemas de innovación y emprendimiento para el desarrollo digital en Europa")),
]

OBJECTIVES = [
    (1, (
        "Trends research readiness",
        "الجاهزية لاستشراف الاتجاهات",
        "趋势研究准备",
        "Préparation à l'étude des tendances",
        "Обеспечение готовности к исследованию тенденций",
        "Preparación para la investigación de tendencias",
    ), (
        "Enables countries to be at the forefront and harness the dynamics of technology, "
        "policy and innovation.",
        "تمكين البلدان من أن تكون في الطليعة وأن تستفيد من ديناميات التكنولوجيا والسياسات والابتكار.",
        "使各国走在前沿，把握技术、政策和创新的发展动态。",
        "Permet aux pays d'être à l'avant-garde et de tirer parti de la dynamique des "
        "technologies, des politiques et de l'innovation.",
        "Позволяет странам занимать передовые позиции и использовать динамику развития "
        "технологий, политики и инноваций.",
        "Permite a los países estar a la vanguardia y aprovechar la dinámica de la tecnología, "
        "las políticas y la innovación.",
    )),
    (2, (
        "Open technology innovation",
        "الابتكار التكنولوجي المفتوح",
        "开放式技术创新",
        "Innovation technologique ouverte",
        "Внедрение открытых технологических инноваций",
        "Innovación tecnológica abierta",
    ), (
        "Turns technology knowledge into a global commons through open innovation and "
        "multi-stakeholder mechanisms, accelerating access to emerging technologies for all.",
        "تحويل المعرفة التكنولوجية إلى منفعة عالمية مشتركة عبر آليات الابتكار المفتوح وتعدد "
        "أصحاب المصلحة، بما يسرّع نفاذ الجميع إلى التكنولوجيات الناشئة.",
        "通过开放创新和多利益攸关方机制，将技术知识转化为全球公共资源，加快所有人获得新兴技术。",
        "Fait du savoir technologique un bien commun mondial grâce à l'innovation ouverte et "
        "aux mécanismes multipartites, et accélère l'accès de tous aux technologies émergentes.",
        "Превращает технологические знания в глобальное достояние благодаря механизмам "
        "открытых инноваций и участия многих заинтересованных сторон, ускоряя доступ к "
        "появляющимся технологиям для всех.",
        "Convierte el conocimiento tecnológico en un bien común mundial mediante la innovación "
        "abierta y mecanismos multipartitos, y acelera el acceso de todos a las tecnologías "
        "emergentes.",
    )),
    (3, (
        "Entrepreneurship and SME growth",
        "ريادة الأعمال ونمو المؤسسات الصغيرة والمتوسطة",
        "创业和中小企业成长",
        "Entrepreneuriat et croissance des PME",
        "Рост предпринимательства и МСП",
        "Emprendimiento y crecimiento de las pymes",
    ), (
        "Accelerates entrepreneurship based on digital innovation and opportunities for talent "
        "to achieve socio-economic inclusion in their communities.",
        "تسريع ريادة الأعمال القائمة على الابتكار الرقمي وإتاحة الفرص للمواهب لتحقيق الإدماج "
        "الاجتماعي والاقتصادي في مجتمعاتهم.",
        "加快基于数字创新的创业，并为人才创造机会，在其社区实现社会经济包容。",
        "Accélère l'entrepreneuriat fondé sur l'innovation numérique et ouvre aux talents des "
        "possibilités d'inclusion socio-économique dans leurs communautés.",
        "Ускоряет развитие предпринимательства на базе цифровых инноваций и предоставление "
        "возможностей для перспективных специалистов для достижения социально-экономической "
        "интеграции в своих сообществах.",
        "Acelera el emprendimiento basado en la innovación digital y las oportunidades para que "
        "el talento logre la inclusión socioeconómica en sus comunidades.",
    )),
    (4, (
        "Policy experimentation",
        "التجريب في مجال السياسات",
        "政策试验",
        "Expérimentation en matière de politiques",
        "Проведение экспериментов в области политики",
        "Experimentación en materia de políticas",
    ), (
        "Enables agile policy making and gives stakeholders a safe space to experiment, "
        "encouraging innovation and investment in the digital ecosystem.",
        "تمكين وضع سياسات مرنة وإتاحة مساحة آمنة لأصحاب المصلحة للتجريب، بما يشجع الابتكار "
        "والاستثمار في المنظومة الرقمية.",
        "支持敏捷的政策制定，为利益攸关方提供安全的试验空间，鼓励数字生态系统的创新和投资。",
        "Permet une élaboration agile des politiques et offre aux parties prenantes un espace "
        "sûr pour expérimenter, ce qui encourage l'innovation et l'investissement dans "
        "l'écosystème numérique.",
        "Позволяет разрабатывать гибкую политику и предоставлять заинтересованным сторонам "
        "безопасное пространство для экспериментов, что поощряет инновации и содействует "
        "привлечению инвестиций в цифровую экосистему.",
        "Permite una formulación ágil de políticas y ofrece a las partes interesadas un espacio "
        "seguro para experimentar, lo que fomenta la innovación y la inversión en el "
        "ecosistema digital.",
    )),
    (5, (
        "Ecosystem initiatives acceleration",
        "تسريع مبادرات المنظومات",
        "加速生态系统举措",
        "Accélération des initiatives écosystémiques",
        "Ускорение реализации инициатив в области экосистем",
        "Aceleración de iniciativas de ecosistemas",
    ), (
        "Fosters collaboration and synergies that scale digital innovation and create value "
        "across sectors for a competitive digital economy.",
        "تعزيز التعاون وأوجه التآزر التي توسّع نطاق الابتكار الرقمي وتخلق قيمة عبر القطاعات من "
        "أجل اقتصاد رقمي تنافسي.",
        "促进合作与协同，扩大数字创新规模，为具有竞争力的数字经济跨部门创造价值。",
        "Favorise la collaboration et les synergies qui permettent de déployer l'innovation "
        "numérique à grande échelle et de créer de la valeur dans tous les secteurs pour une "
        "économie numérique compétitive.",
        "Содействует сотрудничеству и синергии, которые способствуют масштабированию цифровых "
        "инноваций и созданию ценности имеющих междисциплинарный характер секторов для "
        "конкурентоспособной цифровой экономики.",
        "Fomenta la colaboración y las sinergias que amplían la innovación digital y crean "
        "valor en todos los sectores para una economía digital competitiva.",
    )),
]

PRIORITIES = [
    ("affordable_connectivity", (
        "Affordable connectivity", "التوصيلية الميسورة التكلفة", "可负担的连通性",
        "Connectivité financièrement abordable", "Приемлемая в ценовом отношении связь",
        "Conectividad asequible")),
    ("digital_transformation", (
        "Digital transformation", "التحول الرقمي", "数字化转型", "Transformation numérique",
        "Цифровая трансформация", "Transformación digital")),
    ("enabling_environment", (
        "Enabling policy and regulatory environment", "بيئة سياساتية وتنظيمية تمكينية",
        "有利的政策和监管环境", "Environnement politique et réglementaire propice",
        "Благоприятная политическая и регуляторная среда",
        "Entorno político y reglamentario propicio")),
    ("resource_mobilization", (
        "Resource mobilization and international cooperation", "تعبئة الموارد والتعاون الدولي",
        "资源调动和国际合作", "Mobilisation de ressources et coopération internationale",
        "Мобилизация ресурсов и международное сотрудничество",
        "Movilización de recursos y cooperación internacional")),
    ("inclusive_secure_ict", (
        "Inclusive and secure telecommunications/ICTs for sustainable development",
        "اتصالات/تكنولوجيا معلومات واتصالات شاملة وآمنة من أجل التنمية المستدامة",
        "包容和安全的电信/信息通信技术促进可持续发展",
        "Télécommunications/TIC inclusives et sécurisées pour le développement durable",
        "Инклюзивные и безопасные электросвязь/ИКТ в интересах устойчивого развития",
        "Telecomunicaciones/TIC inclusivas y seguras para el desarrollo sostenible")),
]


def translated(field: str, values) -> dict:
    fields = {f"{field}_{lang}": value for lang, value in zip(LANGS, values, strict=True)}
    fields[field] = values[0]
    return fields


def load(apps=django_apps) -> None:
    """Create or update the reference data (idempotent); ``apps`` may be a migration's state.

    English is active while saving, so the untranslated ``name`` receives the English text.
    """
    with translation.override("en"):
        _load(apps)


def _load(apps) -> None:
    Region = apps.get_model("alliance", "Region")
    RegionalInitiative = apps.get_model("alliance", "RegionalInitiative")
    StrategicObjective = apps.get_model("alliance", "StrategicObjective")
    Priority = apps.get_model("alliance", "Priority")
    regions = {}
    for order, (code, names) in enumerate(REGIONS, start=1):
        regions[code], _ = Region.objects.update_or_create(
            code=code, defaults={"order": order, **translated("name", names)}
        )
    for code, region, names in INITIATIVES:
        RegionalInitiative.objects.update_or_create(
            code=code, defaults={"region": regions[region], **translated("name", names)}
        )
    for number, names, descriptions in OBJECTIVES:
        StrategicObjective.objects.update_or_create(
            number=number,
            defaults={**translated("name", names), **translated("description", descriptions)},
        )
    for order, (code, names) in enumerate(PRIORITIES, start=1):
        Priority.objects.update_or_create(
            code=code, defaults={"order": order, **translated("name", names)}
        )
