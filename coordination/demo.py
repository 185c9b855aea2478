"""Demo data of inter-sectoral coordination, from seed 004 (report to the ITU Council, C25).

What seed 004 states, and is loaded as such:

- the 16 topics on which the ISC-TF reported (accessibility; capacity development; climate
  change and environmental sustainability; communications and the website; data and
  statistics; digital resilience, including cybersecurity; digital transformation; emergency
  telecommunications; event organisation; gender; innovation; membership, partnerships and
  resource mobilization; regional presence; space; youth; e-meetings and virtual
  participation, the last one prepared by the ISCG), in the six languages (Russian as in the
  seed), and the new topic "industry engagement", agreed by the ISCG, whose focal point is
  pending (here: proposed, with a vacancy);
- the focal points designated by the Sector advisory groups for accessibility, climate change,
  remote participation and sustainable digital transformation, and the vacancy left when the
  accessibility focal point, Ms Andrea Saks, retired;
- the ISC-TF (service order SO 24/06, under the Coordination Committee, chaired by the Deputy
  Secretary-General, with D2-level staff and the regional office directors): 5 meetings in
  2024; the ISCG (contribution-driven, chaired by Mr Fabio Bigi, Italy): 3 meetings in 2024;
- the ISCG's calls to action (captioning, CWG-FHR-20/24; guidelines on fully virtual and hybrid
  meetings under Resolution 167 sent to the advisory groups for Council-25; the website in all
  official languages; the compendium on digital transformation and cities);
- the resolutions map, last updated after WTSA-24; the outcomes: the ITU capacity development
  handbook, the first digitalization day at COP-29 and the Green Digital Action declaration
  with its eight common goals, the web platform for reporting on PP resolutions.

Illustrative (the seed gives no such detail, and says so in the data): the names of the
Sectors' focal points, the meeting dates, the mapping rows other than Resolutions 71, 167 and
191, the dates of the outcomes, the annual-report texts and the reporting deadline.
"""

from __future__ import annotations

import datetime

from django.utils import timezone

from alliance.demo import upsert

from .models import (
    AnnualReport,
    Body,
    CallToAction,
    FocalPoint,
    MapUpdate,
    Meeting,
    MeetingDocument,
    Outcome,
    ReportingDeadline,
    Resolution,
    ResolutionMapping,
    Sector,
    Topic,
)

ILLUSTRATIVE = "Illustrative: not named in seed 004."
LANGS = ("en", "fr", "es", "ru", "ar", "zh_hans")

# slug: (en, fr, es, ru, ar, zh-hans), in seed 004's order.
TOPICS = {
    "accessibility": (
        "Accessibility",
        "Accessibilité",
        "Accesibilidad",
        "Доступность",
        "إمكانية النفاذ",
        "无障碍获取",
    ),
    "capacity-development": (
        "Capacity development",
        "Développement des capacités",
        "Desarrollo de capacidades",
        "Развитие потенциала",
        "تنمية القدرات",
        "能力建设",
    ),
    "climate-change": (
        "Climate change and environmental sustainability",
        "Changements climatiques et durabilité environnementale",
        "Cambio climático y sostenibilidad medioambiental",
        "Изменение климата и экологическая устойчивость",
        "تغير المناخ والاستدامة البيئية",
        "气候变化与环境可持续性",
    ),
    "communications-website": (
        "Communications and the website",
        "Communication et site web",
        "Comunicaciones y sitio web",
        "Связь и веб-сайт",
        "الاتصالات والموقع الإلكتروني",
        "传播与网站",
    ),
    "data-statistics": (
        "Data and statistics",
        "Données et statistiques",
        "Datos y estadísticas",
        "Данные и статистика",
        "البيانات والإحصاءات",
        "数据和统计",
    ),
    "digital-resilience": (
        "Digital resilience (including cybersecurity)",
        "Résilience numérique (y compris la cybersécurité)",
        "Resiliencia digital (incluida la ciberseguridad)",
        "Цифровая устойчивость (включая кибербезопасность)",
        "المرونة الرقمية (بما في ذلك الأمن السيبراني)",
        "数字韧性（包括网络安全）",
    ),
    "digital-transformation": (
        "Digital transformation",
        "Transformation numérique",
        "Transformación digital",
        "Цифровая трансформация",
        "التحول الرقمي",
        "数字化转型",
    ),
    "emergency-telecommunications": (
        "Emergency telecommunications",
        "Télécommunications d'urgence",
        "Telecomunicaciones de emergencia",
        "Электросвязь в чрезвычайных ситуациях",
        "الاتصالات في حالات الطوارئ",
        "应急通信",
    ),
    "event-organisation": (
        "Event organisation",
        "Organisation de manifestations",
        "Organización de eventos",
        "Организация мероприятий",
        "تنظيم الأحداث",
        "活动组织",
    ),
    "gender": (
        "Gender",
        "Égalité hommes-femmes",
        "Género",
        "Гендерная проблематика",
        "المساواة بين الجنسين",
        "性别问题",
    ),
    "innovation": ("Innovation", "Innovation", "Innovación", "Инновации", "الابتكار", "创新"),
    "membership-partnerships": (
        "Membership, partnerships and resource mobilization",
        "Membres, partenariats et mobilisation de ressources",
        "Membresía, asociaciones y movilización de recursos",
        "Членство, партнерства и мобилизация ресурсов",
        "العضوية والشراكات وتعبئة الموارد",
        "成员、伙伴关系和资源调动",
    ),
    "regional-presence": (
        "Regional presence",
        "Présence régionale",
        "Presencia regional",
        "Региональное присутствие",
        "الحضور الإقليمي",
        "区域性存在",
    ),
    "space": ("Space", "Espace", "Espacio", "Космос", "الفضاء", "空间"),
    "youth": ("Youth", "Jeunesse", "Juventud", "Молодежь", "الشباب", "青年"),
    "e-meetings": (
        "E-meetings and virtual participation",
        "Réunions électroniques et participation virtuelle",
        "Reuniones electrónicas y participación virtual",
        "Электронные собрания/виртуальное участие",
        "الاجتماعات الإلكترونية والمشاركة الافتراضية",
        "电子会议和虚拟参与",
    ),
}
NEW_TOPIC = (
    "industry-engagement",
    (
        "Industry engagement",
        "Participation de l'industrie",
        "Participación de la industria",
        "Участие отрасли",
        "مشاركة الصناعة",
        "行业参与",
    ),
)

# The Sector or bureau whose (illustrative) focal point answers for each topic in the secretariat.
LEAD_SECTOR = {
    "accessibility": Sector.ITU_T,
    "capacity-development": Sector.ITU_D,
    "climate-change": Sector.ITU_T,
    "communications-website": Sector.GS,
    "data-statistics": Sector.ITU_D,
    "digital-resilience": Sector.ITU_D,
    "digital-transformation": Sector.ITU_D,
    "emergency-telecommunications": Sector.ITU_D,
    "event-organisation": Sector.GS,
    "gender": Sector.GS,
    "innovation": Sector.ITU_D,
    "membership-partnerships": Sector.GS,
    "regional-presence": Sector.ITU_D,
    "space": Sector.ITU_R,
    "youth": Sector.ITU_D,
    "e-meetings": Sector.GS,
}
UNITS = {
    Sector.ITU_R: "BR",
    Sector.ITU_T: "TSB",
    Sector.ITU_D: "BDT",
    Sector.GS: "General Secretariat",
    Sector.ADVISORY_GROUP: "Sector advisory groups",
}
ILLUSTRATIVE_NAMES = [
    "Amal Haddad",
    "Bruno Martins",
    "Chen Wei",
    "Daria Volkova",
    "Elif Aydin",
    "Farid Benali",
    "Grace Mensah",
    "Hiroshi Tanaka",
    "Isabel Ortega",
    "Jonas Berg",
    "Kavya Rao",
    "Laila Nasser",
    "Mateo Rossi",
    "Nadia Petrenko",
    "Omar Sy",
    "Paula Sánchez",
    "Quentin Moreau",
    "Rania Saleh",
    "Sergei Ivanov",
    "Thandiwe Dube",
]
# The focal points designated by the Sector advisory groups (seed 004, section 3).
ADVISORY_GROUP_TOPICS = ("climate-change", "e-meetings", "digital-transformation")
ACCESSIBILITY_VACANCY = (
    "The accessibility focal point, Ms Andrea Saks, retired; the Sector advisory groups "
    "are to agree on the appointment of a new focal point."
)
INDUSTRY_VACANCY = (
    "Industry engagement was agreed as a new topic; the appointment of its focal point is pending."
)

ISC_TF_MEETINGS = [
    datetime.date(2024, 2, 20),
    datetime.date(2024, 4, 16),
    datetime.date(2024, 6, 18),
    datetime.date(2024, 9, 17),
    datetime.date(2024, 11, 19),
]
ISCG_MEETINGS = [datetime.date(2024, 1, 26), datetime.date(2024, 5, 31), datetime.date(2024, 9, 27)]

RESOLUTIONS = [
    # (assembly, number, revision, title, [(topic slug, sector), ...])
    ("pp", "71", "Rev. Bucharest, 2022", "Strategic plan for the Union for 2024-2027", []),
    (
        "pp",
        "191",
        "Rev. Bucharest, 2022",
        "Strategy for the coordination of efforts among the three Sectors of the Union",
        [(slug, Sector.GS) for slug in ("accessibility", "capacity-development", "climate-change")],
    ),
    (
        "pp",
        "167",
        "Rev. Bucharest, 2022",
        "Strengthening and developing ITU capabilities for fully virtual and hybrid meetings",
        [("e-meetings", Sector.GS), ("e-meetings", Sector.ADVISORY_GROUP)],
    ),
    (
        "pp",
        "175",
        "Rev. Bucharest, 2022",
        "Telecommunication/ICT accessibility for persons with disabilities and persons with specific needs",
        [("accessibility", Sector.ITU_T), ("accessibility", Sector.ITU_D), ("accessibility", Sector.GS)],
    ),
    (
        "pp",
        "182",
        "Rev. Bucharest, 2022",
        "The role of telecommunications/ICTs in regard to climate change and the protection "
        "of the environment",
        [
            ("climate-change", Sector.ITU_T),
            ("climate-change", Sector.ITU_D),
            ("climate-change", Sector.ITU_R),
        ],
    ),
    (
        "pp",
        "70",
        "Rev. Bucharest, 2022",
        "Mainstreaming a gender perspective in ITU",
        [("gender", Sector.GS), ("gender", Sector.ITU_D)],
    ),
    (
        "pp",
        "136",
        "Rev. Bucharest, 2022",
        "The use of telecommunications/ICTs for humanitarian assistance and emergency situations",
        [("emergency-telecommunications", Sector.ITU_D), ("emergency-telecommunications", Sector.ITU_R)],
    ),
    (
        "pp",
        "130",
        "Rev. Bucharest, 2022",
        "Strengthening the role of ITU in building confidence and security in the use of ICTs",
        [("digital-resilience", Sector.ITU_T), ("digital-resilience", Sector.ITU_D)],
    ),
    (
        "pp",
        "154",
        "Rev. Bucharest, 2022",
        "Use of the six official languages of the Union on an equal basis",
        [("communications-website", Sector.GS)],
    ),
    (
        "pp",
        "198",
        "Rev. Bucharest, 2022",
        "Empowerment of youth through telecommunication/ICT",
        [("youth", Sector.ITU_D), ("youth", Sector.GS)],
    ),
    (
        "wtsa",
        "73",
        "Rev. New Delhi, 2024",
        "ICTs, environment, climate change and circular economy",
        [("climate-change", Sector.ITU_T)],
    ),
    (
        "wtsa",
        "70",
        "Rev. New Delhi, 2024",
        "Telecommunication/ICT accessibility for persons with disabilities",
        [("accessibility", Sector.ITU_T)],
    ),
    (
        "wtsa",
        "55",
        "Rev. New Delhi, 2024",
        "Mainstreaming a gender perspective in ITU-T activities",
        [("gender", Sector.ITU_T)],
    ),
    (
        "wtdc",
        "58",
        "Rev. Kigali, 2022",
        "Telecommunication/ICT accessibility for persons with disabilities",
        [("accessibility", Sector.ITU_D)],
    ),
    (
        "wtdc",
        "66",
        "Rev. Kigali, 2022",
        "ICTs, environment and climate change",
        [("climate-change", Sector.ITU_D)],
    ),
    (
        "wtdc",
        "34",
        "Rev. Kigali, 2022",
        "The role of telecommunications/ICTs in disaster preparedness",
        [("emergency-telecommunications", Sector.ITU_D)],
    ),
    (
        "ra",
        "ITU-R 67",
        "RA-23",
        "Telecommunication/ICT accessibility for persons with disabilities",
        [("accessibility", Sector.ITU_R)],
    ),
    (
        "ra",
        "ITU-R 60",
        "RA-23",
        "Reduction of energy consumption for environmental protection and mitigating climate change",
        [("climate-change", Sector.ITU_R)],
    ),
    (
        "wrc",
        "646",
        "Rev. WRC-23",
        "Public protection and disaster relief",
        [("emergency-telecommunications", Sector.ITU_R)],
    ),
]

ANNUAL_REPORTS_2024 = {
    # (topic slug, sector): (progress, outcomes, next steps, documents)
    ("capacity-development", Sector.ITU_D): (
        "The inter-sectoral task force on capacity development completed the ITU capacity development "
        "handbook, after discussions in the secretariat and among the membership on aligning and "
        "strengthening capacity development across ITU.",
        "ITU capacity development handbook: principles, procedures and practice of ITU capacity "
        "development and training activities.",
        "Apply the handbook across the Sectors and report on its use.",
        "",
    ),
    ("climate-change", Sector.ITU_T): (
        "ITU took part in COP-29 and organised the first digitalization day of a climate conference. "
        "Work continued on climate change and AI, including guidance on the transition to carbon "
        "neutrality and an ITU database of global greenhouse gas emissions.",
        "Green Digital Action declaration, built on eight common goals.",
        "Guidelines on assessing the environmental impact of AI, direct and indirect.",
        "C25/35",
    ),
    ("climate-change", Sector.ADVISORY_GROUP): (
        "The ISCG followed the collaboration of ITU-T and ITU-D on climate change and AI and the "
        "benefits of AI-based solutions in agriculture and energy optimisation for developing countries.",
        "",
        "Keep the advisory groups informed of the joint ITU-T/ITU-D work.",
        "",
    ),
    ("e-meetings", Sector.ADVISORY_GROUP): (
        "The focal point followed the work of CWG-FHR and of Council. The agreed draft guidelines for "
        "managing fully virtual meetings and hybrid meetings with remote participation (Resolution 167) "
        "were sent to the Sector advisory groups for their contributions.",
        "Draft guidelines on fully virtual and hybrid meetings, to be submitted to Council-25.",
        "Collect the advisory groups' contributions before Council-25.",
        "Resolution 167",
    ),
    ("communications-website", Sector.GS): (
        "The secretariat reported on aligning the ITU websites and search in all official languages on "
        "an equal footing, and improved the inter-sectoral coordination web page with the ISCG.",
        "",
        "Report to every meeting of the Council working group on languages and to the ISCG.",
        "",
    ),
    ("digital-transformation", Sector.ADVISORY_GROUP): (
        "The focal point recognised the ITU compendium on digital transformation and cities as a "
        "valuable, comprehensive resource and invited ITU-D, ITU-R and the General Secretariat to "
        "present their work in it.",
        "",
        "Contributions of each Sector to the compendium.",
        "",
    ),
}


def _names(field: str, values: tuple[str, ...]) -> dict:
    return {f"{field}_{lang}": value for lang, value in zip(LANGS, values, strict=True)}


def _topics() -> dict[str, Topic]:
    topics = {}
    added = datetime.date(2023, 1, 1)
    for order, (slug, names) in enumerate(TOPICS.items(), start=1):
        topics[slug], _ = upsert(
            Topic,
            slug=slug,
            defaults={
                **_names("name", names),
                "status": Topic.Status.ACTIVE,
                "added_on": added,
                "accepted_on": added,
                "order": order,
            },
        )
    slug, names = NEW_TOPIC
    topics[slug], _ = upsert(
        Topic,
        slug=slug,
        defaults={
            **_names("name", names),
            "status": Topic.Status.PROPOSED,
            "added_on": datetime.date(2024, 9, 27),
            "accepted_on": None,
            "order": len(TOPICS) + 1,
            "description_en": "Agreed by the ISCG as a new topic of interest; its focal point is pending.",
        },
    )
    return topics


def _focal_points(topics: dict[str, Topic]) -> dict[tuple[str, str], FocalPoint]:
    points = {}
    names = iter(ILLUSTRATIVE_NAMES)
    for slug, sector in LEAD_SECTOR.items():
        name = next(names)
        points[slug, sector], _ = upsert(
            FocalPoint,
            topic=topics[slug],
            sector=sector,
            defaults={
                "vacant": False,
                "name": f"{name} (illustrative)",
                "title_en": "Focal point",
                "unit_en": UNITS[sector],
                "email": f"{slug}.{sector}@itu.example",
                "vacancy_note_en": "",
            },
        )
    for slug in ADVISORY_GROUP_TOPICS:
        name = next(names)
        points[slug, Sector.ADVISORY_GROUP], _ = upsert(
            FocalPoint,
            topic=topics[slug],
            sector=Sector.ADVISORY_GROUP,
            defaults={
                "vacant": False,
                "name": f"{name} (illustrative)",
                "title_en": "ISCG focal point",
                "unit_en": UNITS[Sector.ADVISORY_GROUP],
                "email": f"{slug}.iscg@itu.example",
                "vacancy_note_en": "",
            },
        )
    for slug, note in (("accessibility", ACCESSIBILITY_VACANCY), ("industry-engagement", INDUSTRY_VACANCY)):
        points[slug, Sector.ADVISORY_GROUP], _ = upsert(
            FocalPoint,
            topic=topics[slug],
            sector=Sector.ADVISORY_GROUP,
            defaults={
                "vacant": True,
                "name": "",
                "email": "",
                "user": None,
                "title_en": "",
                "unit_en": "",
                "vacancy_note_en": note,
            },
        )
    return points


def _bodies() -> tuple[Body, Body]:
    isctf, _ = upsert(
        Body,
        acronym="ISC-TF",
        defaults={
            "kind": Body.Kind.SECRETARIAT,
            **_names(
                "name",
                (
                    "Inter-Sectoral Coordination Task Force",
                    "Équipe spéciale de coordination intersectorielle",
                    "Grupo Especial de Coordinación Intersectorial",
                    "Межсекторальная целевая группа по координации",
                    "فرقة العمل المعنية بالتنسيق بين القطاعات",
                    "部门间协调特别工作组",
                ),
            ),
            "chair_en": "Deputy Secretary-General",
            "reports_to_en": "Coordination Committee (CC)",
            "established_by": "Service order SO 24/06",
            "composition_en": "D2-level staff and the directors of the regional offices",
            "mandate_en": (
                "Strengthen coordination and cooperation among the three Bureaux and the General "
                "Secretariat, avoid internal duplication of effort and optimise the use of resources; "
                "follow up progress and results in each area; identify and propose measures and "
                "mechanisms for greater efficiency and effectiveness."
            ),
        },
    )
    iscg, _ = upsert(
        Body,
        acronym="ISCG",
        defaults={
            "kind": Body.Kind.MEMBERSHIP,
            **_names(
                "name",
                (
                    "Inter-Sectoral Coordination Group",
                    "Groupe de coordination intersectorielle",
                    "Grupo de Coordinación Intersectorial",
                    "Межсекторальная координационная группа",
                    "الفريق المعني بالتنسيق بين القطاعات",
                    "部门间协调组",
                ),
            ),
            "chair_en": "Mr Fabio Bigi (Italy)",
            "reports_to_en": "Sector advisory groups",
            "established_by": "",
            "composition_en": "ITU members; contribution-driven",
            "mandate_en": "Coordination among the members on topics of interest to the three Sectors.",
        },
    )
    return isctf, iscg


def _meetings(isctf: Body, iscg: Body, topics: dict[str, Topic]) -> list[Meeting]:
    meetings = []
    for number, held_on in enumerate(ISC_TF_MEETINGS, start=1):
        meeting, _ = upsert(
            Meeting,
            body=isctf,
            held_on=held_on,
            defaults={
                "title_en": f"ISC-TF meeting {number}/2024",
                "format": Meeting.Format.HYBRID,
                "place_en": "Geneva",
                "agenda_en": "Progress on the topics requiring inter-sectoral coordination.",
                "report_summary_en": ILLUSTRATIVE,
            },
        )
        meetings.append(meeting)
    for number, held_on in enumerate(ISCG_MEETINGS, start=1):
        meeting, _ = upsert(
            Meeting,
            body=iscg,
            held_on=held_on,
            defaults={
                "title_en": f"ISCG meeting {number}/2024",
                "format": Meeting.Format.HYBRID,
                "place_en": "Geneva",
                "agenda_en": "Accessibility, climate change, virtual meetings, the ITU website, "
                "digital transformation.",
                "report_summary_en": ILLUSTRATIVE,
            },
        )
        meetings.append(meeting)
    iscg_first, iscg_last = meetings[5], meetings[7]
    iscg_first.topics.set(
        [
            topics[s]
            for s in (
                "accessibility",
                "climate-change",
                "e-meetings",
                "communications-website",
                "digital-transformation",
            )
        ]
    )
    iscg_last.topics.set([topics["industry-engagement"], topics["accessibility"]])
    upsert(
        MeetingDocument,
        meeting=iscg_first,
        symbol="CWG-FHR-20/24",
        defaults={"title_en": "ISCG proposal on captioning in the invitation letters to ITU meetings"},
    )
    calls = [
        (
            iscg_first,
            "accessibility",
            CallToAction.Addressee.CWG_FHR,
            "Include in every circular letter inviting participants to ITU meetings a paragraph on how to "
            "request captioning (Document CWG-FHR-20/24).",
        ),
        (
            iscg_first,
            "e-meetings",
            CallToAction.Addressee.ADVISORY_GROUPS,
            "Contribute to the agreed draft guidelines on managing fully virtual meetings and hybrid "
            "meetings "
            "with remote participation (Resolution 167), to be submitted to Council-25.",
        ),
        (
            iscg_first,
            "communications-website",
            CallToAction.Addressee.CWG_LANG,
            "The secretariat to report on aligning the websites and search in all official languages on an "
            "equal footing, to every meeting of the Council working group on languages and to the ISCG.",
        ),
        (
            iscg_first,
            "digital-transformation",
            CallToAction.Addressee.SECRETARIAT,
            "ITU-D, ITU-R and the General Secretariat to consider presenting their work in the ITU "
            "compendium "
            "on digital transformation and cities.",
        ),
        (
            iscg_last,
            "accessibility",
            CallToAction.Addressee.ADVISORY_GROUPS,
            "Agree on the appointment of a new accessibility focal point.",
        ),
    ]
    for meeting, slug, addressee, text in calls:
        upsert(
            CallToAction,
            meeting=meeting,
            topic=topics[slug],
            addressed_to=addressee,
            defaults={"text_en": text},
        )
    return meetings


def _resolutions(topics: dict[str, Topic]) -> None:
    for assembly, number, revision, title, rows in RESOLUTIONS:
        resolution, _ = upsert(
            Resolution, assembly=assembly, number=number, defaults={"revision": revision, "title_en": title}
        )
        for slug, sector in rows:
            upsert(ResolutionMapping, resolution=resolution, topic=topics[slug], sector=sector, defaults={})
    upsert(MapUpdate, updated_on=datetime.date(2024, 11, 29), defaults={"after_event": "WTSA-24"})


def _annual_reports(points: dict) -> dict:
    reports = {}
    submitted = timezone.make_aware(datetime.datetime(2025, 2, 14, 12, 0))
    for key, (progress, outcomes, next_steps, documents) in ANNUAL_REPORTS_2024.items():
        reports[key], _ = upsert(
            AnnualReport,
            focal_point=points[key],
            year=2024,
            defaults={
                "progress": progress,
                "outcomes": outcomes,
                "next_steps": next_steps,
                "documents": documents,
                "submitted_at": submitted,
            },
        )
    upsert(ReportingDeadline, year=2024, defaults={"due_on": datetime.date(2025, 3, 31)})
    upsert(ReportingDeadline, year=2025, defaults={"due_on": datetime.date(2026, 3, 31)})
    return reports


def _outcomes(topics: dict[str, Topic], meetings: list[Meeting], reports: dict) -> None:
    rows = [
        (
            "capacity-development",
            "ITU capacity development handbook",
            "Principles, procedures and practice of ITU capacity development and training activities, "
            "developed "
            "by the inter-sectoral task force on capacity development.",
            datetime.date(2024, 6, 18),
            meetings[2],
            reports[("capacity-development", Sector.ITU_D)],
        ),
        (
            "climate-change",
            "First digitalization day at a climate conference (COP-29)",
            "ITU's presence at COP-29 and the first Digitalization Day in the history of the climate "
            "conferences.",
            datetime.date(2024, 11, 16),
            None,
            reports[("climate-change", Sector.ITU_T)],
        ),
        (
            "climate-change",
            "Green Digital Action declaration",
            "Built on eight common goals, it recognises the role of digital technologies in climate change "
            "mitigation and adaptation, and their negative impact on the climate.",
            datetime.date(2024, 11, 16),
            None,
            reports[("climate-change", Sector.ITU_T)],
        ),
        (
            None,
            "Web platform for reporting on the implementation of PP resolutions",
            "Where the focal points' annual reports to Council are published.",
            datetime.date(2024, 11, 19),
            meetings[4],
            None,
        ),
    ]
    for slug, title, description, achieved_on, meeting, report in rows:
        upsert(
            Outcome,
            title_en=title,
            defaults={
                "topic": topics[slug] if slug else None,
                "description_en": description,
                "achieved_on": achieved_on,
                "meeting": meeting,
                "annual_report": report,
            },
        )


def load(*, log) -> None:
    topics = _topics()
    points = _focal_points(topics)
    isctf, iscg = _bodies()
    meetings = _meetings(isctf, iscg, topics)
    _resolutions(topics)
    reports = _annual_reports(points)
    _outcomes(topics, meetings, reports)
    log(
        f"Inter-sectoral coordination: {len(TOPICS)} active topics, "
        f"{FocalPoint.objects.count()} focal points, "
        f"{len(ISC_TF_MEETINGS)} ISC-TF and {len(ISCG_MEETINGS)} ISCG meetings in 2024."
    )
