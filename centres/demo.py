"""Demo data of the network, drawn from seeds 000 and 001.

Seed 001: about 44 applications from 35 countries in the first call, 17 centres selected.
Seed 000: in 2024 three hosts were removed (no agreement signed, or not enough support), four had
not yet signed their agreement, ten had finished the design phase; two hosts were approved later:
South Africa's Department of Communications and Digital Technologies and Saudi Arabia's
Communications, Space and Technology Commission. The seeds name no other host, so every other
organisation, and every date the seeds do not give, is marked "(illustrative)".

Unlike the Board's and the DT Lab's demos, this one writes the centres' lifecycle states directly
instead of through ``centres.services`` (a decision, not an oversight): it records a past that
the seeds date (selected in 2023, agreements signed and hosts removed in 2024), while the
services move one centre one step at a time, stamp today's date and mail the host at each step.
What the data must hold is checked instead: every demo centre and application passes its model's
validation and database constraints (``tests/centres/test_demo.py``).
"""

from __future__ import annotations

from datetime import date, datetime, timedelta
from decimal import Decimal

from django.contrib.auth import get_user_model
from django.utils import timezone, translation
from django_countries import countries

from alliance.demo import upsert
from alliance.demo_images import give_images
from alliance.models import RegionalInitiative, StrategicObjective
from alliance.reference_data import LANGS

from .models import (
    ActionPlan,
    ActionPlanActivity,
    Application,
    Call,
    Centre,
    CentreHost,
    CentreProgressReport,
    CooperationAgreement,
    Criterion,
    EvaluatorAssignment,
    HostType,
    NetworkEvent,
    Score,
    Training,
    TrainingAttendance,
)

ILLUSTRATIVE = "(illustrative)"

# 35 countries of the first call with the regional initiative each application supports.
COUNTRIES = [
    ("KE", "AFR4"), ("GH", "AFR4"), ("RW", "AFR4"), ("SN", "AFR4"), ("CI", "AFR4"), ("NG", "AFR4"),
    ("CM", "AFR4"), ("ET", "AFR4"), ("TZ", "AFR4"), ("UG", "AFR4"), ("ZM", "AFR4"), ("BW", "AFR4"),
    ("BR", "AMS3"), ("CO", "AMS3"), ("CR", "AMS3"), ("DO", "AMS3"), ("PE", "AMS3"), ("MX", "AMS3"),
    ("AR", "AMS3"), ("EG", "ARB4"), ("JO", "ARB4"), ("MA", "ARB4"), ("TN", "ARB4"), ("OM", "ARB4"),
    ("BT", "ASP4"), ("IN", "ASP4"), ("ID", "ASP4"), ("PH", "ASP4"), ("TH", "ASP4"), ("VN", "ASP4"),
    ("KZ", "CIS5"), ("UZ", "CIS3"), ("KG", "CIS5"), ("ME", "EUR5"), ("AL", "EUR5"),
]
# Nine countries sent a second application: 35 + 9 = 44.
SECOND_APPLICATION = ["KE", "NG", "BR", "MX", "EG", "IN", "ID", "KZ", "ME"]
# The 17 selected hosts, in the order their stories are told below.
SELECTED = ["KE", "GH", "RW", "SN", "BR", "CO", "CR", "EG", "BT", "IN",   # design phase finished (10)
            "CI", "DO", "JO", "UZ",                                     # agreement not yet signed (4)
            "ID", "KZ", "ME"]                                           # removed in 2024 (3)
REMOVALS = {
    "ID": (date(2024, 5, 31), Centre.RemovalReason.NO_AGREEMENT),
    "KZ": (date(2024, 9, 30), Centre.RemovalReason.NO_AGREEMENT),
    "ME": (date(2024, 11, 30), Centre.RemovalReason.INSUFFICIENT_SUPPORT),
}
OPERATING = ["KE", "RW", "BR"]
HOST_KINDS = [
    (HostType.GOVERNMENT, "Ministry of ICT"), (HostType.REGULATOR, "Communications Regulatory Authority"),
    (HostType.ACADEMIA, "National University of Technology"), (HostType.PRIVATE, "Digital Innovation Hub"),
]
FIRST_CALL_DECISION = date(2023, 10, 16)

# The published evaluation criteria, in (en, ar, zh_hans, fr, ru, es): name, description, weight, maximum.
CRITERIA = [
    (("Alignment with the strategic objectives", "التوافق مع الأهداف الاستراتيجية", "与战略目标的一致性",
      "Adéquation avec les objectifs stratégiques", "Соответствие стратегическим целям",
      "Adecuación a los objetivos estratégicos"),
     ("How far the proposed centre works on the Alliance's five strategic objectives.",
      "مدى عمل المركز المقترح على الأهداف الاستراتيجية الخمسة للتحالف.",
      "拟议中心在多大程度上致力于联盟的五项战略目标。",
      "Dans quelle mesure le centre proposé travaille sur les cinq objectifs stratégiques de l'Alliance.",
      "В какой мере предлагаемый центр работает над пятью стратегическими целями Альянса.",
      "En qué medida el centro propuesto trabaja en los cinco objetivos estratégicos de la Alianza."),
     "25", 5),
    (("Financial and political support", "الدعم المالي والسياسي", "财政和政治支持",
      "Soutien financier et politique", "Финансовая и политическая поддержка", "Apoyo financiero y político"),
     ("Commitment of the host and of the administration to fund and back the centre.",
      "التزام الجهة المضيفة والإدارة بتمويل المركز ودعمه.",
      "东道机构和主管部门为中心提供资金和支持的承诺。",
      "Engagement de l'hôte et de l'administration à financer et à soutenir le centre.",
      "Обязательство принимающей организации и администрации финансировать и поддерживать центр.",
      "Compromiso del anfitrión y de la administración de financiar y respaldar el centro."),
     "25", 5),
    (("Institutional capacity", "القدرة المؤسسية", "机构能力", "Capacités institutionnelles",
      "Институциональный потенциал", "Capacidad institucional"),
     ("Staff, premises and experience to run innovation programmes.",
      "الموظفون والمقار والخبرة اللازمة لتنفيذ برامج الابتكار.",
      "开展创新项目所需的人员、场所和经验。",
      "Personnel, locaux et expérience pour mener des programmes d'innovation.",
      "Персонал, помещения и опыт для реализации инновационных программ.",
      "Personal, instalaciones y experiencia para llevar a cabo programas de innovación."),
     "20", 5),
    (("Ecosystem reach", "الامتداد في المنظومة", "生态系统覆盖面", "Portée dans l'écosystème",
      "Охват экосистемы", "Alcance en el ecosistema"),
     ("Partners in government, academia, industry and start-ups the centre can mobilise.",
      "الشركاء الذين يمكن للمركز حشدهم من الحكومة والأوساط الأكاديمية والصناعة والشركات الناشئة.",
      "中心能够调动的政府、学术界、产业界和初创企业合作伙伴。",
      "Partenaires que le centre peut mobiliser dans les pouvoirs publics, les milieux universitaires, "
      "l'industrie et les jeunes entreprises.",
      "Партнеры в правительстве, академических кругах, отрасли и среди стартапов, которых центр может "
      "привлечь.",
      "Asociados del gobierno, el mundo académico, la industria y las empresas emergentes que el centro "
      "puede movilizar."),
     "15", 5),
    (("Contribution to ITU regional initiatives", "المساهمة في المبادرات الإقليمية للاتحاد",
      "对国际电联区域性举措的贡献", "Contribution aux initiatives régionales de l'UIT",
      "Вклад в региональные инициативы МСЭ", "Contribución a las iniciativas regionales de la UIT"),
     ("How the centre advances the region's initiatives.",
      "مدى إسهام المركز في تقدم المبادرات الإقليمية.",
      "中心如何推进本区域的举措。",
      "Comment le centre fait progresser les initiatives de la région.",
      "Каким образом центр содействует реализации инициатив региона.",
      "Cómo el centro hace avanzar las iniciativas de la región."),
     "15", 5),
]
# The weights are the demo's, not published ones: said so in each language.
WEIGHT_NOTE = ("Weight (illustrative).", "الأوزان توضيحية.", "权重仅作示例。", "Pondération indicative.",
               "Вес указан для примера.", "Ponderación ilustrativa.")
CALLS = [
    ("first-call-2023", ("First call for hosts (2023)", "الدعوة الأولى لاستضافة المراكز (2023)",
                         "第一次东道机构征集（2023年）",
                         "Premier appel à candidatures pour l'accueil de centres (2023)",
                         "Первый призыв к принимающим организациям (2023 г.)",
                         "Primera convocatoria para acoger centros (2023)"),
     date(2023, 1, 25), date(2023, 6, 30)),
    ("rolling", ("Applications on a rolling basis", "طلبات تُقبل على أساس مستمر", "滚动受理申请",
                 "Candidatures reçues en continu", "Прием заявок на постоянной основе",
                 "Solicitudes recibidas de forma continua"),
     date(2024, 1, 1), None),
]


def _six(field: str, values) -> dict:
    """The six language fields of ``field`` (modeltranslation), from (en, ar, zh_hans, fr, ru, es)."""
    return {f"{field}_{lang}": value for lang, value in zip(LANGS, values, strict=True)}


def _set_m2m(manager, objects) -> None:
    if {o.pk for o in manager.all()} != {o.pk for o in objects}:
        manager.set(objects)


def _aware(day: date) -> datetime:
    return timezone.make_aware(datetime(day.year, day.month, day.day, 10, 0))


def load(*, log) -> None:
    # Names are built in English whatever language is active (country names, slugs).
    with translation.override("en"):
        _load(log=log)


def _load(*, log) -> None:
    objectives = list(StrategicObjective.objects.order_by("number"))
    initiatives = {ri.code: ri for ri in RegionalInitiative.objects.all()}
    for order, (names, descriptions, weight, max_score) in enumerate(CRITERIA, start=1):
        described = [f"{text} {note}" for text, note in zip(descriptions, WEIGHT_NOTE, strict=True)]
        upsert(Criterion, name=names[0], defaults={
            **_six("name", names), **_six("description", described),
            "weight": Decimal(weight), "max_score": max_score, "order": order, "is_active": True})

    criteria = list(Criterion.objects.filter(is_active=True).order_by("order", "pk"))
    evaluator = _demo_evaluator()
    first_call, rolling = (
        upsert(Call, code=code, defaults={**_six("name", names), "opened_on": opened, "closed_on": closed})[0]
        for code, names, opened, closed in CALLS)

    entries = [(code, ri, 0) for code, ri in COUNTRIES]
    entries += [(code, dict(COUNTRIES)[code], 1) for code in SECOND_APPLICATION]
    centres: dict[str, Centre] = {}
    for number, (code, ri_code, second) in enumerate(entries, start=1):
        host_type, kind = HOST_KINDS[(number + second) % len(HOST_KINDS)]
        country_name = countries.name(code)
        organisation = f"{kind}, {country_name} {ILLUSTRATIVE}"
        selected = code in SELECTED and not second
        submitted = date(2023, 2, 1) + timedelta(days=3 * number)
        application = upsert(Application, reference=f"AC-2023-{number:04d}", defaults={
            "call": first_call, "organisation": organisation, "host_type": host_type, "country": code,
            "city": f"Capital city of {country_name} {ILLUSTRATIVE}",
            "contact_name": f"Contact person {number} {ILLUSTRATIVE}",
            "contact_email": f"applicant{number}@example.org", "website": "",
            "regional_initiative": initiatives[ri_code],
            "support_plan": f"Budget of the host and letter of support of the administration {ILLUSTRATIVE}.",
            "language": "en", "submitted_at": _aware(submitted),
            "status": Application.Status.SELECTED if selected else Application.Status.NOT_SELECTED,
            "decision_reason": "" if selected else f"Lower ranking in the first call {ILLUSTRATIVE}.",
            "decided_at": _aware(FIRST_CALL_DECISION),
            "notes": "Demo data: organisation, city and contact are illustrative; seed 001 gives counts.",
        })[0]
        _set_m2m(application.objectives, objectives[number % 3: number % 3 + 3])
        _scores(application, criteria, evaluator, selected, number)
        if selected:
            centres[code] = _centre_for(application, FIRST_CALL_DECISION)

    later = [
        ("AC-2025-0001", "Department of Communications and Digital Technologies", "ZA", "Pretoria", "AFR4",
         HostType.GOVERNMENT),
        ("AC-2025-0002", "Communications, Space and Technology Commission", "SA", "Riyadh", "ARB4",
         HostType.REGULATOR),
    ]
    for reference, organisation, code, city, ri_code, host_type in later:
        application = upsert(Application, reference=reference, defaults={
            "call": rolling, "organisation": organisation, "host_type": host_type, "country": code,
            "city": city, "contact_name": f"Contact person {ILLUSTRATIVE}",
            "contact_email": f"{reference.lower()}@example.org", "regional_initiative": initiatives[ri_code],
            "support_plan": f"Request of the administration {ILLUSTRATIVE}.", "language": "en",
            "submitted_at": _aware(date(2024, 9, 2)), "status": Application.Status.SELECTED,
            "decision_reason": "Approved after due diligence, at the administration's request (seed 000).",
            "decided_at": _aware(date(2025, 1, 20)),
            "notes": "Seed 000 names this host; dates are illustrative.",
        })[0]
        _set_m2m(application.objectives, objectives)
        _centre_for(application, date(2025, 1, 20))

    for index, code in enumerate(SELECTED):
        centre = centres[code]
        if index < 10:
            _design_finished(centre, index, objectives)
        elif code in REMOVALS:
            removed_on, reason = REMOVALS[code]
            upsert(Centre, pk=centre.pk, defaults={
                "status": Centre.Status.REMOVED, "removed_on": removed_on, "removal_reason": reason,
                "removal_note": f"Removed from the approved list in 2024 (seed 000); date {ILLUSTRATIVE}."})

    _trainings([centres[code] for code in SELECTED[:10]], [centres[code] for code in SELECTED[:14]])
    _demo_host(centres["KE"])
    give_images([centres[code] for code in SELECTED[:10:2]], field="logo")  # the others show placeholders
    log(f"centres: {Application.objects.count()} applications, {Centre.objects.count()} centres.")


def _centre_for(application: Application, selected_on: date) -> Centre:
    from django.utils.text import slugify

    centre = upsert(Centre, application=application, defaults={
        "name": f"ITU Acceleration Centre – {application.organisation}",
        "slug": slugify(application.organisation.replace(ILLUSTRATIVE, ""))[:180],
        "host_organisation": application.organisation, "host_type": application.host_type,
        "country": application.country, "city": application.city,
        "regional_initiative": application.regional_initiative, "selected_on": selected_on,
        "contact_email": application.contact_email,
    })[0]
    _set_m2m(centre.objectives, list(application.objectives.all()))
    if not centre.description_en:
        centre.description_en = (f"{application.organisation} hosts an ITU Acceleration Centre that "
                                 f"accelerates the digital innovation ecosystem of its country "
                                 f"{ILLUSTRATIVE}.")
        centre.save(update_fields=["description_en"])
    return centre


def _design_finished(centre: Centre, index: int, objectives: list[StrategicObjective]) -> None:
    signed = date(2024, 2, 1) + timedelta(days=14 * index)
    upsert(CooperationAgreement, centre=centre, renews=None, defaults={
        "signed_on": signed, "starts_on": signed, "ends_on": signed + timedelta(days=3 * 365)})
    finished = signed + timedelta(days=120)
    plan = upsert(ActionPlan, centre=centre, defaults={
        "status": ActionPlan.Status.APPROVED, "submitted_at": _aware(finished - timedelta(days=10)),
        "approved_at": _aware(finished)})[0]
    for number, objective in enumerate(objectives[:3], start=1):
        upsert(ActionPlanActivity, plan=plan, title=f"Activity {number} under objective {objective.number} "
                                                   f"{ILLUSTRATIVE}", defaults={
            "objective": objective, "planned_start": finished, "planned_end": finished + timedelta(days=365),
            "status": ActionPlanActivity.Status.IN_PROGRESS, "progress": 20 * number,
            "outputs": f"Programme delivered to the ecosystem {ILLUSTRATIVE}",
            "indicators": f"Number of start-ups and institutions reached {ILLUSTRATIVE}"})
    code = centre.country.code
    status = Centre.Status.OPERATING if code in OPERATING else Centre.Status.CAPACITY_BUILDING
    upsert(Centre, pk=centre.pk, defaults={
        "status": status, "design_finished_on": finished,
        "operating_since": date(2025, 1, 15) if code in OPERATING else None})
    if code in OPERATING:
        period = {"centre": centre, "period_start": finished, "period_end": date(2024, 12, 31)}
        upsert(CentreProgressReport, **period, defaults={
            "summary": f"Services deployed and first cohort trained {ILLUSTRATIVE}.",
            "status": CentreProgressReport.Status.ACCEPTED, "submitted_at": _aware(date(2025, 1, 5)),
            "reviewed_at": _aware(date(2025, 1, 12))})


def _trainings(trained: list[Centre], network: list[Centre]) -> None:
    courses = [
        (Training.Kind.COURSE, "Strategic Foresight 201", "ITU Academy", date(2024, 6, 3), date(2024, 6, 28)),
        (Training.Kind.COURSE, "Ecosystem Initiatives Design 201", "ITU Academy", date(2024, 9, 2),
         date(2024, 9, 27)),
        (Training.Kind.WORKSHOP, "I-CoDI workshop", "ITU and TDRA (United Arab Emirates)", date(2024, 11, 18),
         date(2024, 11, 20)),
    ]
    for number, (kind, title, provider, start, end) in enumerate(courses):
        training = upsert(Training, title=title, starts_on=start, defaults={
            "kind": kind, "provider": provider, "ends_on": end})[0]
        for index, centre in enumerate(trained):
            upsert(TrainingAttendance, training=training, centre=centre,
                   defaults={"participants": 2 + (index + number) % 3})
    # Seed 000: the centres met during the Global Innovation Forum (Valletta, 28 October 2024).
    titles = ("Second meeting of the ITU Acceleration Centres",
              "الاجتماع الثاني لمراكز التسريع التابعة للاتحاد",
              "国际电联加速中心第二次会议", "Deuxième réunion des Centres d'accélération de l'UIT",
              "Второе совещание центров ускорения МСЭ",
              "Segunda reunión de los Centros de Aceleración de la UIT")
    descriptions = (
        "Held during the Global Innovation Forum: results, challenges (funding, skilled staff, sustainable "
        "ecosystems) and cooperation between centres.",
        "عُقد خلال المنتدى العالمي للابتكار: النتائج والتحديات (التمويل والموظفون المهرة واستدامة المنظومات) "
        "والتعاون بين المراكز.",
        "在全球创新论坛期间举行：成果、挑战（资金、技术人才、可持续的生态系统）以及各中心之间的合作。",
        "Tenue pendant le Forum mondial de l'innovation : résultats, difficultés (financement, personnel "
        "qualifié, écosystèmes durables) et coopération entre les centres.",
        "Проведено в ходе Глобального форума по инновациям: результаты, трудности (финансирование, "
        "квалифицированный персонал, устойчивые экосистемы) и сотрудничество между центрами.",
        "Celebrada durante el Foro Mundial de Innovación: resultados, dificultades (financiación, personal "
        "cualificado, ecosistemas sostenibles) y cooperación entre los centros.",
    )
    event = upsert(NetworkEvent, title=titles[0], starts_on=date(2024, 10, 28), defaults={
        **_six("title", titles), **_six("description", descriptions),
        "ends_on": date(2024, 10, 28), "location": "Valletta, Malta",
    })[0]
    _set_m2m(event.centres, network)


def _demo_evaluator():
    """The BDT evaluator whose (illustrative) scores rank the first call; no password is set."""
    User = get_user_model()
    user = User.objects.filter(username="bdt-evaluator").first()
    if user is None:
        user = User(username="bdt-evaluator", email="evaluator@example.org", first_name="BDT evaluator",
                    last_name=ILLUSTRATIVE)
        user.set_unusable_password()
        user.save()
    return user


def _scores(application: Application, criteria: list[Criterion], evaluator, selected: bool,
            number: int) -> None:
    """Illustrative scores: selected hosts score 4-5, the others 1-3, so the ranking matches the decision."""
    for index, criterion in enumerate(criteria):
        base = 4 if selected else 1
        score = min(criterion.max_score, base + (number + index) % (2 if selected else 3))
        upsert(Score, application=application, criterion=criterion, evaluator=evaluator,
               defaults={"score": score, "comment": f"Demo score {ILLUSTRATIVE}."})
    upsert(EvaluatorAssignment, application=application, evaluator=evaluator,
           defaults={"submitted_at": application.decided_at})


def _demo_host(centre: Centre) -> None:
    """The demo host login: no password is set or printed; set one with `changepassword host`."""
    User = get_user_model()
    user = User.objects.filter(username="host").first()
    if user is None:
        user = User(username="host", email="host@example.org", first_name="Demo", last_name="Host")
        user.set_unusable_password()
        user.save()
    upsert(CentreHost, user=user, defaults={"centre": centre})
