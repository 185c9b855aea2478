"""Demo data of the Digital Innovation Board, from seed 000 (section 2.1).

The seed gives: 31 members including the BDT Director (founding member and co-chair); the 1st
meeting (19–20 March 2024, Geneva) and the 2nd (28 October 2024, Valletta, Malta, during the
Global Innovation Forum, in person and virtual), which reviewed the implementation of the
1st meeting's recommendations (workplan, strategic advocacy plan, M&E framework, working-group
ToR, resource-mobilization mechanisms, networking and collaboration platforms) and approved the
ToR of the Expert Network; the workplan 2024–2026 with two workstreams; the foresight series
whose first report is "Shaping the education system of tomorrow", to be published soon.

Everything else (the other members' names, working-group names, progress percentages,
experts) is illustrative and marked so.
"""

from __future__ import annotations

import datetime

from django.utils.text import slugify
from django.utils.translation import gettext_noop

from alliance.demo import upsert
from alliance.demo_images import give_images
from alliance.reference_data import OBJECTIVES, translated

from . import services
from .models import (
    BoardDocument,
    BoardMember,
    Expert,
    ExpertiseArea,
    ForesightReport,
    Meeting,
    Recommendation,
    WorkingGroup,
    Workplan,
    WorkplanActivity,
    Workstream,
)

ILLUSTRATIVE = "Illustrative: not named in seed 000."

# 30 illustrative members (with the BDT Director the Board has 31, as in seed 000).
ILLUSTRATIVE_MEMBERS = [
    ("Amina Diallo", "SN", "Digital economy policy"),
    ("Carlos Mendoza", "CO", "Innovation agency"),
    ("Lina Haddad", "JO", "Technology entrepreneurship"),
    ("Kenji Sato", "JP", "Telecommunication research"),
    ("Olga Petrova", "KZ", "Digital government"),
    ("Marta Kowalska", "PL", "Venture capital"),
    ("Tendai Moyo", "ZW", "Start-up ecosystems"),
    ("Priya Raman", "IN", "Open innovation"),
    ("Ahmed Al-Mansouri", "AE", "Regulatory sandboxes"),
    ("Sofía Herrera", "MX", "SME development"),
    ("Jean-Pierre Mbeki", "CM", "University research"),
    ("Nguyen Thi Lan", "VN", "Digital skills"),
    ("Fatima Zahra Benali", "MA", "Public policy"),
    ("Erik Lindqvist", "SE", "Industry standards"),
    ("Grace Wanjiru", "KE", "Mobile innovation"),
    ("Rafael Costa", "BR", "Smart cities"),
    ("Aigerim Nurlanovna", "KG", "Rural connectivity"),
    ("Hana Novak", "CZ", "Foresight methods"),
    ("Samuel Owusu", "GH", "Innovation hubs"),
    ("Leila Karimi", "OM", "Digital transformation"),
    ("Tomás Silva", "PT", "Investment funds"),
    ("Mei Lin", "SG", "Technology policy"),
    ("Ibrahim Sow", "ML", "Development finance"),
    ("Elena Rossi", "IT", "Academia–industry partnerships"),
    ("David Kamau", "RW", "Entrepreneurship education"),
    ("Ana Torres", "CL", "Open data"),
    ("Yusuf Demir", "TR", "Telecom operators"),
    ("Claire Dubois", "FR", "Impact measurement"),
    ("Rustam Aliyev", "AZ", "E-services"),
    ("Maya Fernando", "LK", "Inclusive innovation"),
]

# The areas of the Expert Network: the five strategic objectives (named as in the reference data)
# and two cross-cutting ones, in (en, ar, zh_hans, fr, ru, es).
_OBJECTIVE_NAMES = {names[0]: names for _number, names, _descriptions in OBJECTIVES}
EXPERTISE_AREAS = [
    ("strategic-foresight", ("Strategic foresight", "الاستشراف الاستراتيجي", "战略预见",
                             "Prospective stratégique", "Стратегическое прогнозирование",
                             "Prospectiva estratégica")),
    ("open-technology-innovation", _OBJECTIVE_NAMES["Open technology innovation"]),
    ("entrepreneurship-sme", _OBJECTIVE_NAMES["Entrepreneurship and SME growth"]),
    ("policy-experimentation", _OBJECTIVE_NAMES["Policy experimentation"]),
    ("ecosystem-initiatives", _OBJECTIVE_NAMES["Ecosystem initiatives acceleration"]),
    ("resource-mobilization", ("Resource mobilization and partnerships", "حشد الموارد والشراكات",
                               "资源调动和伙伴关系", "Mobilisation de ressources et partenariats",
                               "Мобилизация ресурсов и партнерства", "Movilización de recursos y alianzas")),
]

# Who carries out a recommendation: stored as written, shown through the catalogue
# ({% translate item.owner %}), where this msgid has its five translations.
BDT_SECRETARIAT = gettext_noop("BDT secretariat")


def _lower_first(text: str) -> str:
    """Lower the first letter ("digital skills") unless the first word is an acronym ("SME ...")."""
    first = text.split()[0]
    return text if first.isupper() else text[0].lower() + text[1:]


# Each member's field in (ar, zh_hans, fr, ru, es), as it reads after "خبير في", before "专家",
# after "Spécialiste", "Эксперт по" and "Especialista en".
FIELDS = {
    "Digital economy policy": (
        "سياسات الاقتصاد الرقمي", "数字经济政策",
        "des politiques de l'économie numérique",
        "политике в области цифровой экономики",
        "políticas de economía digital"),
    "Innovation agency": (
        "وكالات الابتكار", "创新机构",
        "des agences d'innovation",
        "деятельности агентств по инновациям",
        "agencias de innovación"),
    "Technology entrepreneurship": (
        "ريادة الأعمال التكنولوجية", "技术创业",
        "de l'entrepreneuriat technologique",
        "технологическому предпринимательству",
        "emprendimiento tecnológico"),
    "Telecommunication research": (
        "بحوث الاتصالات", "电信研究",
        "de la recherche en télécommunications",
        "исследованиям в области электросвязи",
        "investigación en telecomunicaciones"),
    "Digital government": (
        "الحكومة الرقمية", "数字政府",
        "de l'administration numérique",
        "цифровому правительству",
        "gobierno digital"),
    "Venture capital": (
        "رأس المال الاستثماري", "风险投资",
        "du capital-risque",
        "венчурному капиталу",
        "capital de riesgo"),
    "Start-up ecosystems": (
        "منظومات الشركات الناشئة", "初创企业生态系统",
        "des écosystèmes de jeunes entreprises",
        "экосистемам стартапов",
        "ecosistemas de empresas emergentes"),
    "Open innovation": (
        "الابتكار المفتوح", "开放式创新",
        "de l'innovation ouverte",
        "открытым инновациям",
        "innovación abierta"),
    "Regulatory sandboxes": (
        "البيئات التجريبية التنظيمية", "监管沙盒",
        "des bacs à sable réglementaires",
        "экспериментальным правовым режимам",
        "entornos de pruebas regulatorios"),
    "SME development": (
        "تنمية المنشآت الصغيرة والمتوسطة", "中小企业发展",
        "du développement des PME",
        "развитию МСП",
        "desarrollo de las pymes"),
    "University research": (
        "البحوث الجامعية", "大学研究",
        "de la recherche universitaire",
        "университетским исследованиям",
        "investigación universitaria"),
    "Digital skills": (
        "المهارات الرقمية", "数字技能",
        "des compétences numériques",
        "цифровым навыкам",
        "competencias digitales"),
    "Public policy": (
        "السياسات العامة", "公共政策",
        "des politiques publiques",
        "государственной политике",
        "políticas públicas"),
    "Industry standards": (
        "المعايير الصناعية", "行业标准",
        "des normes industrielles",
        "отраслевым стандартам",
        "normas del sector"),
    "Mobile innovation": (
        "الابتكار في مجال الاتصالات المتنقلة", "移动创新",
        "de l'innovation mobile",
        "мобильным инновациям",
        "innovación móvil"),
    "Smart cities": (
        "المدن الذكية", "智慧城市",
        "des villes intelligentes",
        "умным городам",
        "ciudades inteligentes"),
    "Rural connectivity": (
        "التوصيلية في المناطق الريفية", "农村连通",
        "de la connectivité rurale",
        "подключению сельских районов",
        "conectividad rural"),
    "Foresight methods": (
        "أساليب الاستشراف", "预见方法",
        "des méthodes de prospective",
        "методам прогнозирования",
        "métodos de prospectiva"),
    "Innovation hubs": (
        "مراكز الابتكار", "创新中心",
        "des pôles d'innovation",
        "инновационным центрам",
        "polos de innovación"),
    "Digital transformation": (
        "التحول الرقمي", "数字化转型",
        "de la transformation numérique",
        "цифровой трансформации",
        "transformación digital"),
    "Investment funds": (
        "صناديق الاستثمار", "投资基金",
        "des fonds d'investissement",
        "инвестиционным фондам",
        "fondos de inversión"),
    "Technology policy": (
        "السياسات التكنولوجية", "技术政策",
        "des politiques technologiques",
        "технологической политике",
        "políticas tecnológicas"),
    "Development finance": (
        "تمويل التنمية", "发展融资",
        "du financement du développement",
        "финансированию развития",
        "financiación para el desarrollo"),
    "Academia–industry partnerships": (
        "الشراكات بين الأوساط الأكاديمية والصناعة", "学术界与产业界伙伴关系",
        "des partenariats entre universités et industrie",
        "партнерствам между академическими кругами и отраслью",
        "alianzas entre el mundo académico y la industria"),
    "Entrepreneurship education": (
        "التعليم في مجال ريادة الأعمال", "创业教育",
        "de l'éducation à l'entrepreneuriat",
        "обучению предпринимательству",
        "educación en emprendimiento"),
    "Open data": (
        "البيانات المفتوحة", "开放数据",
        "des données ouvertes",
        "открытым данным",
        "datos abiertos"),
    "Telecom operators": (
        "مشغلي الاتصالات", "电信运营商",
        "des opérateurs de télécommunications",
        "операторам электросвязи",
        "operadores de telecomunicaciones"),
    "Impact measurement": (
        "قياس الأثر", "影响衡量",
        "de la mesure d'impact",
        "оценке воздействия",
        "medición del impacto"),
    "E-services": (
        "الخدمات الإلكترونية", "电子服务",
        "des services en ligne",
        "электронным услугам",
        "servicios electrónicos"),
    "Inclusive innovation": (
        "الابتكار الشامل", "包容性创新",
        "de l'innovation inclusive",
        "инклюзивным инновациям",
        "innovación inclusiva"),
}


def _expert_titles(field: str) -> tuple[str, ...]:
    """ "Expert in <field>" in (en, ar, zh_hans, fr, ru, es)."""
    ar, zh, fr, ru, es = FIELDS[field]
    return (f"Expert in {_lower_first(field)}", f"خبير في {ar}", f"{zh}专家", f"Spécialiste {fr}",
            f"Эксперт по {ru}", f"Especialista en {es}")


FIRST_MEETING_RECOMMENDATIONS = [
    (
        "Develop a common workplan of the Board.",
        Recommendation.Status.IMPLEMENTED,
        "The 2nd meeting reviewed the workplan; the workplan 2024–2026 with two workstreams is approved.",
    ),
    (
        "Prepare a strategic advocacy plan.",
        Recommendation.Status.IMPLEMENTED,
        "Reviewed and approved at the 2nd meeting.",
    ),
    (
        "Prepare a monitoring and evaluation framework.",
        Recommendation.Status.IMPLEMENTED,
        "Reviewed and approved at the 2nd meeting.",
    ),
    (
        "Draft the terms of reference of the working groups.",
        Recommendation.Status.IMPLEMENTED,
        "Reviewed and approved at the 2nd meeting.",
    ),
    (
        "Propose resource-mobilization mechanisms.",
        Recommendation.Status.IMPLEMENTED,
        "Reviewed and approved at the 2nd meeting.",
    ),
    (
        "Set up platforms for networking and collaboration.",
        Recommendation.Status.IN_PROGRESS,
        "The Board approved the terms of reference of the virtual Expert Network; BDT is organising it.",
    ),
]

SECOND_MEETING_ITEMS = [
    (
        Recommendation.Kind.DECISION,
        "Approve the workplan 2024–2026 with its two workstreams.",
        Recommendation.Status.IMPLEMENTED,
        "Approved.",
    ),
    (
        Recommendation.Kind.DECISION,
        "Approve the terms of reference of the virtual Expert Network.",
        Recommendation.Status.IMPLEMENTED,
        "Approved; BDT is organising the network in support of the Board.",
    ),
    (
        Recommendation.Kind.DECISION,
        "Approve the selection of themes for the foresight series.",
        Recommendation.Status.IMPLEMENTED,
        "Approved.",
    ),
    (
        Recommendation.Kind.RECOMMENDATION,
        'Publish the first foresight report, "Shaping the education system of tomorrow".',
        Recommendation.Status.IN_PROGRESS,
        "Presented to the Board; to be published soon.",
    ),
    (
        Recommendation.Kind.RECOMMENDATION,
        "Implement resource-mobilization, communication and partnership strategies "
        "through the Expert Network.",
        Recommendation.Status.IN_PROGRESS,
        "",
    ),
    (
        Recommendation.Kind.RECOMMENDATION,
        "Engage Board members actively with the Expert Network on topics of their choice.",
        Recommendation.Status.IN_PROGRESS,
        "",
    ),
]

# (workstream number, order, title, status, progress)
ACTIVITIES = [
    (1, 1, "Select the themes of the foresight series", WorkplanActivity.Status.COMPLETED, 100),
    (1, 2, 'Report 1: "Shaping the education system of tomorrow"', WorkplanActivity.Status.IN_PROGRESS, 75),
    (1, 3, "Future scenarios, adjusted as the world changes", WorkplanActivity.Status.PLANNED, 0),
    (2, 1, "Set up the virtual Expert Network", WorkplanActivity.Status.IN_PROGRESS, 50),
    (2, 2, "Engage Board members with the Expert Network", WorkplanActivity.Status.IN_PROGRESS, 25),
    (
        2,
        3,
        "Build a partner network sharing resources, services and expertise",
        WorkplanActivity.Status.PLANNED,
        0,
    ),
]


def _implementation_status(recommendation: Recommendation, status: str) -> None:
    """The seed's implementation status, recorded as staff would (with its note, already stored)."""
    if recommendation.status != status:
        services.recommendation_update_status(recommendation=recommendation, status=status)


def load(*, log) -> None:
    director, _ = upsert(
        BoardMember,
        slug="bdt-director",
        defaults={
            "full_name": "BDT Director",
            "title_en": "Director, Telecommunication Development Bureau (BDT)",
            "title_ru": "Директор Бюро развития электросвязи (БРЭ)",
            "organisation": "International Telecommunication Union (ITU)",
            "role": BoardMember.Role.CO_CHAIR,
            "is_founding_member": True,
            "elected_by_members": False,
            "order": 1,
            "notes": "Seed 000 names the BDT Director by function as founding member and co-chair.",
            "biography_en": "Founded the Alliance on 25 January 2023 and co-chairs the Board.",
        },
    )
    members = [director]
    for index, (name, country, field) in enumerate(ILLUSTRATIVE_MEMBERS, start=2):
        elected = index == 2
        member, _ = upsert(
            BoardMember,
            slug=slugify(name),
            defaults={
                "full_name": f"{name} (illustrative)",
                "country": country,
                **translated("title", _expert_titles(field)),
                "organisation": "Illustrative organisation",
                "role": BoardMember.Role.CO_CHAIR if elected else BoardMember.Role.MEMBER,
                "elected_by_members": elected,
                "order": index,
                "notes": ILLUSTRATIVE,
            },
        )
        members.append(member)
    give_images(members[::2], field="photo", portrait=True)  # the others show placeholders

    first, _ = upsert(
        Meeting,
        number=1,
        defaults={
            "start_date": datetime.date(2024, 3, 19),
            "end_date": datetime.date(2024, 3, 20),
            "city_en": "Geneva",
            "city_ru": "Женева",
            "country": "CH",
            "format": Meeting.Format.IN_PERSON,
            "agenda_en": "The Board's functions; a common workplan; cooperation across the Alliance's three "
            "vehicles; the Board's working mechanisms.",
            "report_summary_en": "Members shared their experience, proposed initiatives and practical "
            "actions and confirmed their commitment to ITU's mandate.",
        },
    )
    second, _ = upsert(
        Meeting,
        number=2,
        defaults={
            "start_date": datetime.date(2024, 10, 28),
            "end_date": datetime.date(2024, 10, 28),
            "city_en": "Valletta",
            "city_ru": "Валлетта",
            "country": "MT",
            "format": Meeting.Format.HYBRID,
            "held_with_en": "Global Innovation Forum",
            "held_with_ru": "Глобальный инновационный форум",
            "agenda_en": "Review of the implementation of the 1st meeting's recommendations; "
            "presentations by ITU Acceleration Centres; terms of reference of the Expert Network; workplan "
            "2024–2026; themes of the foresight series.",
            "report_summary_en": "The Board reviewed the workplan, the strategic advocacy plan, the "
            "monitoring and evaluation framework, the working groups' terms of reference, the "
            "resource-mobilization mechanisms and the networking platforms, and approved "
            "the terms of reference of the Expert Network.",
        },
    )
    for number, (text, status, note) in enumerate(FIRST_MEETING_RECOMMENDATIONS, start=1):
        recommendation, _ = upsert(
            Recommendation,
            meeting=first,
            number=number,
            defaults={
                "kind": Recommendation.Kind.RECOMMENDATION,
                "text_en": text,
                "owner": BDT_SECRETARIAT,
                "progress_note_en": note,
            },
        )
        _implementation_status(recommendation, status)
    for number, (kind, text, status, note) in enumerate(SECOND_MEETING_ITEMS, start=1):
        recommendation, _ = upsert(
            Recommendation,
            meeting=second,
            number=number,
            defaults={
                "kind": kind,
                "text_en": text,
                "owner": BDT_SECRETARIAT,
                "progress_note_en": note,
            },
        )
        _implementation_status(recommendation, status)

    workplan, _ = upsert(
        Workplan,
        start_year=2024,
        end_year=2026,
        defaults={
            "title_en": "Workplan 2024–2026",
            "title_ru": "План работы на 2024−2026 годы",
            "approved_at": second,
            "summary_en": "Puts the emphasis on Board members working actively with the Expert Network.",
        },
    )
    foresight_ws, _ = upsert(
        Workstream,
        workplan=workplan,
        number=1,
        defaults={
            "title_en": "Foresight series of reports",
            "title_ru": "Разработка серии прогнозных материалов",
            "description_en": "A series of reports on the vision of an equitable future, with scenarios "
            "adjusted as the world changes.",
        },
    )
    ecosystems_ws, _ = upsert(
        Workstream,
        workplan=workplan,
        number=2,
        defaults={
            "title_en": "Fostering partner ecosystems",
            "title_ru": "Содействие развитию партнерских экосистем",
            "description_en": "A partner network of organisations sharing resources, services and "
            "expertise, for global cooperation on innovation and entrepreneurship.",
        },
    )
    workstreams = {1: foresight_ws, 2: ecosystems_ws}
    for ws_number, order, title, status, progress in ACTIVITIES:
        activity, _ = upsert(
            WorkplanActivity,
            workstream=workstreams[ws_number],
            order=order,
            defaults={
                "title_en": title,
                "notes": "Status from seed 000; the percentage is illustrative.",
            },
        )
        if (activity.status, activity.progress) != (status, progress):
            services.activity_update_progress(activity=activity, status=status, progress=progress)

    for slug, name, workstream, picked in [
        (
            "foresight-series",
            "Working group on the foresight series (illustrative)",
            foresight_ws,
            members[2:7],
        ),
        (
            "partner-ecosystems",
            "Working group on partner ecosystems (illustrative)",
            ecosystems_ws,
            members[7:12],
        ),
    ]:
        group, _ = upsert(
            WorkingGroup,
            slug=slug,
            defaults={
                "name_en": name,
                "workstream": workstream,
                "approved_at": second,
                "mandate_en": "Terms of reference approved at the 2nd meeting.",
            },
        )
        group.members.set(picked)

    for slug, kind, title in [
        ("strategic-advocacy-plan", BoardDocument.Kind.ADVOCACY_PLAN, "Strategic advocacy plan"),
        (
            "monitoring-and-evaluation-framework",
            BoardDocument.Kind.ME_FRAMEWORK,
            "Monitoring and evaluation framework",
        ),
        (
            "resource-mobilization-mechanisms",
            BoardDocument.Kind.RESOURCE_MOBILIZATION,
            "Resource-mobilization mechanisms",
        ),
        (
            "expert-network-terms-of-reference",
            BoardDocument.Kind.EXPERT_NETWORK_TOR,
            "Terms of reference of the Expert Network",
        ),
    ]:
        upsert(
            BoardDocument,
            slug=slug,
            defaults={"kind": kind, "title_en": title, "approved_at": second},
        )

    areas = {}
    for slug, names in EXPERTISE_AREAS:
        areas[slug], _ = upsert(ExpertiseArea, slug=slug, defaults=translated("name", names))
    for email, name, country, area_slugs in [
        ("expert.one@example.org", "Expert One (illustrative)", "AR", ["strategic-foresight"]),
        (
            "expert.two@example.org",
            "Expert Two (illustrative)",
            "EG",
            ["ecosystem-initiatives", "resource-mobilization"],
        ),
    ]:
        expert, _ = upsert(
            Expert,
            email=email,
            defaults={
                "full_name": name,
                "organisation": "Illustrative organisation",
                "country": country,
                "notes": ILLUSTRATIVE,
            },
        )
        expert.areas.set([areas[slug] for slug in area_slugs])

    upsert(
        ForesightReport,
        slug="shaping-the-education-system-of-tomorrow",
        defaults={
            "title_en": "Shaping the education system of tomorrow",
            "title_ru": "Формирование системы образования завтрашнего дня",
            "theme_en": "Education",
            "theme_ru": "Образование",
            "summary_en": "ITU's foresight on what countries can do to develop their digital innovation "
            "ecosystems in the face of new global challenges and new opportunities in education.",
            "authors": "ITU (BDT)",
            "status": ForesightReport.Status.APPROVED,
            "approved_at": second,
            "publication_date": None,
        },
    )
    log(
        f"board: {BoardMember.objects.count()} members, {Meeting.objects.count()} meetings, "
        f"{Recommendation.objects.count()} recommendations and decisions."
    )
