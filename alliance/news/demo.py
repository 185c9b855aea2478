"""Demo news and announcements, told from the seeds, in the six languages.

The facts are the seeds': the circular letter announcing the 17 centres selected from about 44
applications from 35 countries (seed 001), the Board's two meetings, the eight MIC-funded
playbooks, the RIA's first cohort and the rolling call for hosts (seed 000). The publication dates
of the letter and of the rolling call are not in the seeds: they are illustrative.
"""

from __future__ import annotations

import datetime
from collections.abc import Callable

from alliance.reference_data import translated
from board.models import Meeting
from centres.models import Centre
from dtlab.models import Playbook

from .models import NewsItem

# slug, kind, date, titles (en, ar, zh-hans, fr, ru, es), bodies (same order), links
ITEMS = [
    ("seventeen-centres-selected", NewsItem.Kind.ANNOUNCEMENT, datetime.date(2023, 12, 15), (
        "Circular letter: 17 ITU Acceleration Centres selected",
        "رسالة معممة: اختيار 17 مركزاً لتسريع الابتكار تابعاً للاتحاد",
        "通函：遴选出17个国际电联加速中心",
        "Lettre circulaire : 17 centres d'accélération de l'UIT sélectionnés",
        "Циркулярное письмо: отобраны 17 центров ускорения МСЭ",
        "Carta circular: seleccionados 17 centros de aceleración de la UIT",
    ), (
        "The Director of BDT informs the membership that 17 centres were selected for the first cohort of "
        "the Network of ITU Acceleration Centres. About 44 applications were received from 35 countries; "
        "the centres were chosen against comprehensive selection criteria after an evaluation.\n\n"
        "The centres will work with ITU under non-exclusive cooperation agreements. The annexes describe "
        "the Alliance, the evaluation process and the list of selected centres.",
        "يبلغ مدير مكتب تنمية الاتصالات الأعضاء بأنه تم اختيار 17 مركزاً للمجموعة الأولى من شبكة مراكز "
        "تسريع الابتكار التابعة للاتحاد. وقد وردت نحو 44 طلباً من 35 بلداً، واختيرت المراكز وفقاً لمعايير "
        "اختيار شاملة بعد عملية تقييم.\n\n"
        "وستعمل المراكز مع الاتحاد بموجب اتفاقات تعاون غير حصرية. وتتضمن الملحقات وصفاً للتحالف ولعملية "
        "التقييم وقائمة بالمراكز المختارة.",
        "电信发展局主任通知各成员，已为国际电联加速中心网络第一批遴选出17个中心。共收到来自35个国家的约44份申请；"
        "这些中心是根据全面的遴选标准经评估后选出的。\n\n"
        "这些中心将根据非排他性合作协议与国际电联合作。附件介绍了联盟、评估过程和入选中心名单。",
        "Le Directeur du BDT informe les membres que 17 centres ont été sélectionnés pour la première "
        "cohorte du réseau des centres d'accélération de l'UIT. Environ 44 candidatures ont été reçues de "
        "35 pays ; les centres ont été choisis selon des critères de sélection complets à l'issue d'une "
        "évaluation.\n\n"
        "Les centres travailleront avec l'UIT dans le cadre d'accords de coopération non exclusifs. Les "
        "annexes décrivent l'Alliance, le processus d'évaluation et la liste des centres sélectionnés.",
        "Директор БРЭ сообщает членам, что для первого блока сети центров ускорения МСЭ отобрано "
        "17 центров. Было получено около 44 заявок из 35 стран; центры выбраны на основе комплексных "
        "критериев отбора по результатам оценки.\n\n"
        "Центры будут работать с МСЭ на основе неэксклюзивных соглашений о сотрудничестве. В приложениях "
        "представлены сведения об Альянсе, процесс оценки и список отобранных центров.",
        "El Director de la BDT informa a los miembros de que se han seleccionado 17 centros para la primera "
        "cohorte de la Red de Centros de Aceleración de la UIT. Se recibieron unas 44 candidaturas de "
        "35 países; los centros se eligieron con arreglo a criterios de selección exhaustivos tras una "
        "evaluación.\n\n"
        "Los centros colaborarán con la UIT mediante acuerdos de cooperación no exclusivos. En los anexos "
        "se describen la Alianza, el proceso de evaluación y la lista de centros seleccionados.",
    ), {"centres": True}),
    ("first-board-meeting-geneva", NewsItem.Kind.NEWS, datetime.date(2024, 3, 20), (
        "The Digital Innovation Board holds its first meeting in Geneva",
        "المجلس الرقمي للابتكار يعقد اجتماعه الأول في جنيف",
        "数字创新委员会在日内瓦举行第一次会议",
        "Le Conseil de l'innovation numérique tient sa première réunion à Genève",
        "Совет по цифровым инновациям провел первое собрание в Женеве",
        "La Junta de Innovación Digital celebra su primera reunión en Ginebra",
    ), (
        "The Board met in Geneva on 19 and 20 March 2024. Its members, serving in their personal capacity, "
        "approved the workplan for 2024-2026 and made recommendations to the Alliance.",
        "اجتمع المجلس في جنيف يومي 19 و20 مارس 2024. ووافق أعضاؤه، الذين يعملون بصفتهم الشخصية، على خطة "
        "العمل للفترة 2026-2024 وقدموا توصيات إلى التحالف.",
        "委员会于2024年3月19日至20日在日内瓦举行会议。以个人身份任职的委员批准了2024-2026年工作计划，并向联盟提出了建议。",
        "Le Conseil s'est réuni à Genève les 19 et 20 mars 2024. Ses membres, qui siègent à titre "
        "personnel, ont approuvé le plan de travail pour 2024-2026 et formulé des recommandations à "
        "l'Alliance.",
        "Совет собрался в Женеве 19–20 марта 2024 года. Его члены, действующие в личном качестве, "
        "утвердили план работы на 2024–2026 годы и вынесли рекомендации Альянсу.",
        "La Junta se reunió en Ginebra los días 19 y 20 de marzo de 2024. Sus miembros, que actúan a título "
        "personal, aprobaron el plan de trabajo para 2024-2026 y formularon recomendaciones a la Alianza.",
    ), {"meetings": [1]}),
    ("second-board-meeting-valletta", NewsItem.Kind.NEWS, datetime.date(2024, 10, 28), (
        "Second Board meeting in Valletta, during the Global Innovation Forum",
        "الاجتماع الثاني للمجلس في فاليتا خلال المنتدى العالمي للابتكار",
        "委员会第二次会议在全球创新论坛期间于瓦莱塔举行",
        "Deuxième réunion du Conseil à La Valette, pendant le Forum mondial de l'innovation",
        "Второе собрание Совета в Валлетте в ходе Глобального форума по инновациям",
        "Segunda reunión de la Junta en La Valeta, durante el Foro Mundial de Innovación",
    ), (
        "On 28 October 2024 the Board met in Valletta, Malta, in person and online, during the Global "
        "Innovation Forum. It reviewed the implementation of the recommendations of its first meeting.",
        "في 28 أكتوبر 2024 اجتمع المجلس في فاليتا، مالطة، حضورياً وعبر الإنترنت، خلال المنتدى العالمي "
        "للابتكار. واستعرض تنفيذ توصيات اجتماعه الأول.",
        "2024年10月28日，委员会在全球创新论坛期间于马耳他瓦莱塔以现场和线上方式举行会议，审查了第一次会议建议的落实情况。",
        "Le 28 octobre 2024, le Conseil s'est réuni à La Valette (Malte), en présentiel et en ligne, "
        "pendant le Forum mondial de l'innovation. Il a examiné la mise en œuvre des recommandations de sa "
        "première réunion.",
        "28 октября 2024 года Совет собрался в Валлетте (Мальта) в очном и виртуальном формате в ходе "
        "Глобального форума по инновациям. Он рассмотрел выполнение рекомендаций первого собрания.",
        "El 28 de octubre de 2024 la Junta se reunió en La Valeta (Malta), de forma presencial y en línea, "
        "durante el Foro Mundial de Innovación. Examinó la aplicación de las recomendaciones de su primera "
        "reunión.",
    ), {"meetings": [2]}),
    ("eight-playbooks-published", NewsItem.Kind.NEWS, datetime.date(2024, 10, 29), (
        "The DT Lab publishes eight playbooks",
        "مختبر التحول الرقمي ينشر ثمانية أدلة عملية",
        "数字化转型实验室发布八本行动手册",
        "Le DT Lab publie huit guides pratiques",
        "Лаборатория цифровой трансформации публикует восемь руководств",
        "El DT Lab publica ocho guías prácticas",
    ), (
        "With funding from Japan's Ministry of Internal Affairs and Communications, the Digital "
        "Transformation Lab developed eight playbooks: five on the Alliance's strategic objectives and "
        "three on cross-cutting topics. They are available in the six languages.",
        "بتمويل من وزارة الشؤون الداخلية والاتصالات في اليابان، أعد مختبر التحول الرقمي ثمانية أدلة "
        "عملية: خمسة بشأن الأهداف الاستراتيجية للتحالف وثلاثة بشأن مواضيع شاملة. وهي متاحة باللغات الست.",
        "在日本总务省的资助下，数字化转型实验室编写了八本行动手册：五本关于联盟的战略目标，三本关于跨领域专题。手册以六种语文提供。",
        "Grâce au financement du Ministère de l'intérieur et des communications du Japon, le Laboratoire "
        "de transformation numérique a élaboré huit guides pratiques : cinq sur les objectifs stratégiques "
        "de l'Alliance et trois sur des thèmes transversaux. Ils sont disponibles dans les six langues.",
        "При финансовой поддержке Министерства внутренних дел и связи Японии Лаборатория цифровой "
        "трансформации подготовила восемь руководств: пять по стратегическим целям Альянса и три по "
        "сквозным темам. Они доступны на шести языках.",
        "Con financiación del Ministerio del Interior y Comunicaciones del Japón, el Laboratorio de "
        "Transformación Digital elaboró ocho guías prácticas: cinco sobre los objetivos estratégicos de la "
        "Alianza y tres sobre temas transversales. Están disponibles en los seis idiomas.",
    ), {"playbooks": True}),
    ("ria-first-cohort-podgorica", NewsItem.Kind.NEWS, datetime.date(2025, 2, 5), (
        "Regional Initiatives Accelerator: five projects worth USD 20 million",
        "مسرّع المبادرات الإقليمية: خمسة مشاريع بقيمة 20 مليون دولار أمريكي",
        "区域举措加速器：五个项目，总额2000万美元",
        "Accélérateur d'initiatives régionales : cinq projets d'une valeur de 20 millions USD",
        "Ускоритель региональных инициатив: пять проектов на сумму 20 млн долл. США",
        "Acelerador de Iniciativas Regionales: cinco proyectos por valor de 20 millones de USD",
    ), (
        "At the first cohort of the Regional Initiatives Accelerator, in Podgorica, Montenegro, from 3 to "
        "5 February 2025, five Western Balkan countries co-designed and approved five projects worth "
        "USD 20 million in total. The next step is resource mobilization.",
        "في المجموعة الأولى لمسرّع المبادرات الإقليمية، في بودغوريتسا، الجبل الأسود، من 3 إلى 5 فبراير "
        "2025، شاركت خمسة بلدان من غرب البلقان في تصميم خمسة مشاريع واعتمادها بقيمة إجمالية قدرها 20 مليون "
        "دولار أمريكي. والخطوة التالية هي تعبئة الموارد.",
        "2025年2月3日至5日在黑山波德戈里察举行的区域举措加速器第一期活动中，五个西巴尔干国家共同设计并批准了五个项目，"
        "总额2000万美元。下一步是资源调动。",
        "Lors de la première cohorte de l'Accélérateur d'initiatives régionales, à Podgorica (Monténégro), "
        "du 3 au 5 février 2025, cinq pays des Balkans occidentaux ont conçu ensemble et approuvé cinq "
        "projets d'une valeur totale de 20 millions USD. La prochaine étape est la mobilisation de "
        "ressources.",
        "В ходе первого блока Ускорителя региональных инициатив в Подгорице (Черногория) 3–5 февраля "
        "2025 года пять стран Западных Балкан совместно разработали и утвердили пять проектов на общую "
        "сумму 20 млн долл. США. Следующий шаг – мобилизация ресурсов.",
        "En la primera cohorte del Acelerador de Iniciativas Regionales, en Podgorica (Montenegro), del 3 "
        "al 5 de febrero de 2025, cinco países de los Balcanes Occidentales diseñaron conjuntamente y "
        "aprobaron cinco proyectos por un valor total de 20 millones de USD. El siguiente paso es la "
        "movilización de recursos.",
    ), {}),
    ("call-for-hosts-rolling", NewsItem.Kind.ANNOUNCEMENT, datetime.date(2025, 3, 3), (
        "Call for applications: host an ITU Acceleration Centre",
        "دعوة لتقديم الطلبات: استضافة مركز لتسريع الابتكار تابع للاتحاد",
        "征集申请：承办国际电联加速中心",
        "Appel à candidatures : accueillir un centre d'accélération de l'UIT",
        "Прием заявок: станьте принимающей организацией центра ускорения МСЭ",
        "Convocatoria: acoger un centro de aceleración de la UIT",
    ), (
        "Applications to host a centre are accepted on a rolling basis, subject to due diligence and the "
        "resources available. Apply through this portal.",
        "تُقبل طلبات استضافة مركز على أساس متجدد، رهناً بإجراءات العناية الواجبة وبالموارد المتاحة. "
        "قدّم طلبك عبر هذه البوابة.",
        "承办中心的申请采用滚动方式受理，但须经过尽职调查并视可用资源而定。请通过本门户提交申请。",
        "Les candidatures pour accueillir un centre sont acceptées au fil de l'eau, sous réserve de la "
        "diligence raisonnable et des ressources disponibles. Postulez sur ce portail.",
        "Заявки на размещение центра принимаются на постоянной основе при условии должной проверки и "
        "наличия ресурсов. Подайте заявку через этот портал.",
        "Las candidaturas para acoger un centro se aceptan de forma continua, con sujeción a la diligencia "
        "debida y a los recursos disponibles. Preséntela a través de este portal.",
    ), {}),
]


def load(*, log: Callable[[str], None]) -> None:
    for slug, kind, published_on, titles, bodies, links in ITEMS:
        item, _ = NewsItem.objects.update_or_create(
            slug=slug,
            defaults={"kind": kind, "published_on": published_on, "is_published": True,
                      **translated("title", titles), **translated("body", bodies)},
        )
        if links.get("centres"):
            item.centres.set(Centre.objects.exclude(status=Centre.Status.REMOVED))
        if links.get("meetings"):
            item.meetings.set(Meeting.objects.filter(number__in=links["meetings"]))
        if links.get("playbooks"):
            item.playbooks.set(Playbook.objects.filter(status=Playbook.Status.PUBLISHED))
    log(f"news: {len(ITEMS)} news items and announcements")
