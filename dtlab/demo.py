"""Demo data of the DT Lab, from seed 000 (TDAG progress report, section 2.3).

Seed 000 says the DT Lab developed *eight* playbooks with MIC funding: the core playbooks on the
Alliance's strategic objectives, "namely" Strategic Foresight, Ecosystem Initiatives Design, Open
Technology Innovation, Policy Experimentation and SME and Entrepreneurship Development (five, one per
objective), and cross-cutting ones: Co-design of programmes, Advocacy/outreach and Resource
Mobilization and Partnership (the seed says "two" but names three; 5 + 3 = 8 matches the total).
The standardization-gap playbook is being developed with TSB and is not one of the eight.

Release dates, budgets per project, concept titles, service requests and organisations are not in
the seed: they are marked illustrative. The cohort total of USD 20 million is the seed's.
"""

from __future__ import annotations

import datetime
from collections.abc import Callable
from decimal import Decimal

from alliance.models import Region, RegionalInitiative, StrategicObjective
from alliance.reference_data import translated

from . import services
from .models import (
    Funder,
    Playbook,
    PlaybookDocument,
    PlaybookVersion,
    ProjectConcept,
    RIACohort,
    Service,
    ServiceRequest,
)

ILLUSTRATIVE = "Illustrative: not given in seed 000."
DEMO_LANGUAGES = ("ar", "zh-hans", "en", "fr", "ru", "es")
PLAYBOOK_RELEASE = datetime.date(2024, 10, 28)  # illustrative: presented at the GIF in Valletta

# slug, objective number or topic, English title, Russian title (seed 000)
MIC_PLAYBOOKS = [
    ("strategic-foresight", 1, "Strategic Foresight Playbook",
     "Руководство по стратегическому прогнозированию"),
    ("open-technology-innovation", 2, "Open Technology Innovation Playbook",
     "Руководство по инновациям в сфере открытых технологий"),
    ("sme-entrepreneurship-development", 3, "SME and Entrepreneurship Development Playbook",
     "Руководство по развитию МСП и предпринимательства"),
    ("policy-experimentation", 4, "Policy Experimentation Playbook",
     "Руководство по проведению экспериментов в области политики"),
    ("ecosystem-initiatives-design", 5, "Ecosystem Initiatives Design Playbook",
     "Руководство по разработке инициатив в области экосистем"),
    ("co-design-of-programmes", Playbook.Topic.CO_DESIGN, "Co-design of Programmes Playbook",
     "Руководство по разработке совместных программ"),
    ("advocacy-outreach", Playbook.Topic.ADVOCACY, "Advocacy and Outreach Playbook",
     "Руководство по информационно-разъяснительной работе"),
    ("resource-mobilization-partnership", Playbook.Topic.RESOURCE_MOBILIZATION,
     "Resource Mobilization and Partnership Playbook", "Руководство по мобилизации ресурсов и партнерству"),
]
STANDARDIZATION_PLAYBOOK = (
    "bridging-the-standardization-gap", Playbook.Topic.STANDARDIZATION,
    "Bridging the Standardization Gap Playbook",
    "Руководство по преодолению разрыва в стандартизации",
)

WESTERN_BALKANS = ["AL", "BA", "ME", "MK", "RS"]
# number, title (illustrative), lead country, budget in USD (illustrative split; the total is the seed's)
RIA_CONCEPTS = [
    (1, "Regional digital innovation ecosystem network (illustrative)", "ME", Decimal("5000000.00")),
    (2, "Cross-border e-government interoperability (illustrative)", "RS", Decimal("4500000.00")),
    (3, "Digital skills for SMEs in the Western Balkans (illustrative)", "AL", Decimal("4000000.00")),
    (4, "Regulatory sandboxes for digital services (illustrative)", "MK", Decimal("3500000.00")),
    (5, "Connectivity for rural innovation hubs (illustrative)", "BA", Decimal("3000000.00")),
]


def minimal_pdf(title: str) -> bytes:
    """A tiny, valid one-page PDF (correct cross-reference table), so demo downloads open."""
    safe = title.encode("ascii", "replace").decode().replace("\\", "").replace("(", "").replace(")", "")
    stream = f"BT /F1 18 Tf 72 720 Td ({safe}) Tj ET".encode()
    objects = [
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Contents 4 0 R "
        b"/Resources << /Font << /F1 5 0 R >> >> >>",
        b"<< /Length " + str(len(stream)).encode() + b" >>\nstream\n" + stream + b"\nendstream",
        b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>",
    ]
    out = bytearray(b"%PDF-1.4\n")
    offsets = []
    for number, body in enumerate(objects, start=1):
        offsets.append(len(out))
        out += f"{number} 0 obj\n".encode() + body + b"\nendobj\n"
    xref_at = len(out)
    out += f"xref\n0 {len(objects) + 1}\n0000000000 65535 f \n".encode()
    for offset in offsets:
        out += f"{offset:010d} 00000 n \n".encode()
    out += f"trailer\n<< /Size {len(objects) + 1} /Root 1 0 R >>\nstartxref\n{xref_at}\n%%EOF\n".encode()
    return bytes(out)


SUMMARIES = {
    "strategic-foresight": "How a centre builds trends research readiness: scanning signals of change, "
                           "building scenarios and turning foresight into strategy and policy.",
    "open-technology-innovation": "How a centre opens technology knowledge to all through open innovation "
                                  "and multi-stakeholder mechanisms that speed access to emerging "
                                  "technologies.",
    "sme-entrepreneurship-development": "How a centre accelerates entrepreneurship and SME growth based on "
                                        "digital innovation, from talent to investment.",
    "policy-experimentation": "How a centre supports agile policy making: safe spaces such as sandboxes "
                              "where stakeholders experiment before rules are set.",
    "ecosystem-initiatives-design": "How a centre designs and accelerates ecosystem initiatives that scale "
                                    "digital innovation across sectors.",
    "co-design-of-programmes": "Cross-cutting: co-designing programmes with the stakeholders who will run "
                               "and use them.",
    "advocacy-outreach": "Cross-cutting: advocacy and outreach to win and keep the support a centre needs.",
    "resource-mobilization-partnership": "Cross-cutting: mobilizing resources and building partnerships for "
                                         "a centre's sustainability.",
}


def _playbook(slug: str, subject, title_en: str, title_ru: str, order: int, **fields) -> Playbook:
    objective = StrategicObjective.objects.get(number=subject) if isinstance(subject, int) else None
    playbook, _ = Playbook.objects.update_or_create(
        slug=slug,
        defaults={
            "title_en": title_en, "title_ru": title_ru,
            "strategic_objective": objective, "topic": "" if objective else subject,
            "order": order, **fields,
        },
    )
    return playbook


#: The placeholders earlier demos stored were a few hundred bytes; a real playbook PDF is far larger.
PLACEHOLDER_MAX_BYTES = 2_000
FIRST_RELEASE = ("First release.", "الإصدار الأول.", "首次发布。", "Première version.", "Первый выпуск.",
                 "Primera versión.")


def _has_real_pdf(document: PlaybookDocument | None) -> bool:
    if document is None or not document.file or not document.file.storage.exists(document.file.name):
        return False
    return document.file.size > PLACEHOLDER_MAX_BYTES


def _version_with_pdfs(playbook: Playbook, number: str, released_on: datetime.date) -> None:
    """The version and its PDF in each language, laid out from the playbook's data by the
    generation task's body (in-process, as the embedded default runs tasks); a second run keeps
    them, an earlier demo's placeholder is replaced."""
    version, _ = PlaybookVersion.objects.update_or_create(
        playbook=playbook, number=number,
        defaults={"released_on": released_on, **translated("changes", FIRST_RELEASE)},
    )
    for language in DEMO_LANGUAGES:
        document = PlaybookDocument.objects.filter(version=version, language=language).first()
        if _has_real_pdf(document):
            continue
        document = document or PlaybookDocument.objects.create(version=version, language=language)
        services.playbook_document_generate(document_id=document.pk)


def load(*, log: Callable[[str], None]) -> None:
    mic, _ = Funder.objects.update_or_create(
        code="mic-japan",
        defaults={"name_en": "Ministry of Internal Affairs and Communications (MIC), Japan",
                  "name_ru": "Министерство внутренних дел и связи (MIC) Японии", "country": "JP"},
    )
    miit, _ = Funder.objects.update_or_create(
        code="miit-china",
        defaults={"name_en": "Ministry of Industry and Information Technology (MIIT), China",
                  "name_ru": "Министерство промышленности и информационных технологий (MIIT) Китая",
                  "country": "CN"},
    )

    playbooks = {}
    for order, (slug, subject, title_en, title_ru) in enumerate(MIC_PLAYBOOKS, start=1):
        playbook = _playbook(
            slug, subject, title_en, title_ru, order, funder=mic, partners_en="",
            status=Playbook.Status.PUBLISHED, published_on=PLAYBOOK_RELEASE,
            summary_en=SUMMARIES[slug],
            notes="One of the eight MIC-funded playbooks of seed 000. Summary, release date and PDFs "
                  "illustrative.",
        )
        _version_with_pdfs(playbook, "1.0", PLAYBOOK_RELEASE)
        playbooks[slug] = playbook
    slug, subject, title_en, title_ru = STANDARDIZATION_PLAYBOOK
    _playbook(
        slug, subject, title_en, title_ru, len(MIC_PLAYBOOKS) + 1, funder=None,
        status=Playbook.Status.IN_DEVELOPMENT, published_on=None,
        partners_en="ITU Telecommunication Standardization Bureau (TSB)",
        partners_ru="Бюро стандартизации электросвязи (БСЭ)",
        summary_en="Being developed with TSB: a human-centred, ecosystem-based approach to bridging "
                   "the standardization gap that Acceleration Centres can use.",
        notes="Seed 000: BDT started cooperating with TSB on this playbook.",
    )
    log(f"dtlab: {len(MIC_PLAYBOOKS)} published MIC playbooks and 1 in development")

    foresight, _ = Service.objects.update_or_create(
        slug="strategic-foresight-support",
        defaults={**translated("name", (
                      "Strategic foresight support", "دعم الاستشراف الاستراتيجي", "战略预见支持",
                      "Appui à la prospective stratégique", "Поддержка стратегического прогнозирования",
                      "Apoyo a la prospectiva estratégica")),
                  **translated("description", (
                      "Support for ITU's strategic foresight work and foresight reports, built from the "
                      "Strategic Foresight Playbook.",
                      "دعم أعمال الاستشراف الاستراتيجي للاتحاد وتقاريره الاستشرافية، استناداً إلى الدليل "
                      "العملي للاستشراف الاستراتيجي.",
                      "依据战略预见行动手册，支持国际电联的战略预见工作和预见报告。",
                      "Appui aux travaux de prospective stratégique de l'UIT et à ses rapports de "
                      "prospective, fondé sur le guide pratique de prospective stratégique.",
                      "Поддержка работы МСЭ в области стратегического прогнозирования и подготовки "
                      "прогнозных докладов на основе руководства по стратегическому прогнозированию.",
                      "Apoyo a la labor de prospectiva estratégica de la UIT y a sus informes de "
                      "prospectiva, basado en la guía práctica de prospectiva estratégica.")),
                  "open_to_members": True, "open_to_centres": True, "open_to_regional_offices": True,
                  "order": 1},
    )
    foresight.playbooks.set([playbooks["strategic-foresight"]])
    cafe, _ = Service.objects.update_or_create(
        slug="innovation-cafe",
        defaults={**translated("name", (
                      "Innovation Café", "مقهى الابتكار", "创新咖啡馆", "Café de l'innovation",
                      "Инновационное кафе", "Café de la Innovación")),
                  **translated("description", (
                      "Innovation Café sessions for ITU regional offices, bringing local stakeholders "
                      "together around the Alliance's playbooks.",
                      "جلسات مقهى الابتكار للمكاتب الإقليمية للاتحاد، تجمع أصحاب المصلحة المحليين حول "
                      "الأدلة العملية للتحالف.",
                      "为国际电联区域办事处举办的创新咖啡馆活动，围绕联盟的行动手册汇聚当地利益攸关方。",
                      "Séances du Café de l'innovation pour les bureaux régionaux de l'UIT, qui réunissent "
                      "les parties prenantes locales autour des guides pratiques de l'Alliance.",
                      "Сессии Инновационного кафе для региональных отделений МСЭ, объединяющие местные "
                      "заинтересованные стороны вокруг руководств Альянса.",
                      "Sesiones del Café de la Innovación para las oficinas regionales de la UIT, que reúnen "
                      "a las partes interesadas locales en torno a las guías prácticas de la Alianza.")),
                  "open_to_members": False, "open_to_centres": True, "open_to_regional_offices": True,
                  "order": 2},
    )
    cafe.playbooks.set([playbooks["ecosystem-initiatives-design"], playbooks["co-design-of-programmes"]])
    for service, organisation, country, completed_on, description in [
        (foresight, "ITU Area Office for South Asia – Innovation Hub", "IN", datetime.date(2024, 11, 29),
         "Foresight reports developed with the innovation hub (seed 000). " + ILLUSTRATIVE),
        (cafe, "ITU Area Office for South Asia – Innovation Hub", "IN", datetime.date(2024, 12, 13),
         "Setting up Innovation Cafés (seed 000). " + ILLUSTRATIVE),
        (foresight, "ITU Regional Office for the Arab States", "EG", datetime.date(2024, 12, 6),
         "Workshop to design new regional initiatives with the foresight methodology (seed 000). "
         + ILLUSTRATIVE),
    ]:
        ServiceRequest.objects.update_or_create(
            service=service, organisation=organisation,
            defaults={"requester_type": ServiceRequest.RequesterType.REGIONAL_OFFICE, "country": country,
                      "contact_name": "Focal point (illustrative)",
                      "contact_email": "focal.point@itu.example", "description": description,
                      "status": ServiceRequest.Status.COMPLETED, "completed_on": completed_on},
        )
    log("dtlab: 2 services and 3 delivered requests")

    europe = Region.objects.get(code="europe")
    cohort, _ = RIACohort.objects.update_or_create(
        number=1,
        defaults={
            "name_en": "First cohort – Western Balkans", "name_ru": "Первая группа – Западные Балканы",
            "region": europe, "regional_initiative": RegionalInitiative.objects.get(code="EUR5"),
            "funder": miit, "start_date": datetime.date(2025, 2, 3), "end_date": datetime.date(2025, 2, 5),
            "city_en": "Podgorica", "city_ru": "Подгорица", "country": "ME",
            "participating_countries": WESTERN_BALKANS,
            "participating_organisations": "Ministries in charge of digital transformation of the five "
                                           "countries (illustrative)\nITU Regional Office for Europe",
            "summary_en": "Five Western Balkan countries co-designed and approved five projects worth "
                          "USD 20 million in total; next step: resource mobilization.",
            "notes": "Seed 000. Participating organisations illustrative.",
        },
    )
    eur5 = cohort.regional_initiative
    for number, title, lead, budget in RIA_CONCEPTS:
        ProjectConcept.objects.update_or_create(
            cohort=cohort, number=number,
            defaults={"title_en": title, "lead_country": lead, "budget_usd": budget,
                      "status": ProjectConcept.Status.APPROVED, "regional_initiative": eur5,
                      "notes": "Title, lead country and budget split illustrative; the total is seed 000's."},
        )
    log(f"dtlab: RIA cohort {cohort.number} with {len(RIA_CONCEPTS)} concepts")
