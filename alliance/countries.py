# ruff: noqa: E501  (a table of names: one country a line reads better than wrapped tuples)
"""Names of countries as the United Nations write them, in its six languages.

ITU is a UN agency: a country is named as in the UN terminology (the M49 standard of the UN
Statistics Division and UNTERM, short names without the article), not as in the ISO list that
django-countries ships ("Republic of Korea", not "South Korea"; "Türkiye"; "Iran (Islamic Republic
of)"). The names are reference data with one official value per language, kept here as a table
(like the six-language fields of the other reference data) rather than as 600 msgids in the
catalogues; ``settings.COUNTRIES_OVERRIDE`` makes django-countries use them everywhere (forms,
filters, templates, reports), each rendered in the active language.

Source: the UNTERM and M49 columns of the "country-codes" data package (datasets/country-codes,
Public Domain Dedication and License), checked against the UN list of 193 Member States.

Which countries a field offers:
- ``member_states``: the 193 UN Member States plus the Holy See, i.e. the 194 Member States of
  ITU (the Vatican City State is an ITU Member State though a UN observer). For fields that mean
  a Member State: the country of an application or a centre, of a Board meeting, of an RIA
  cohort and its participants, the lead country of a project concept.
- ``beneficiary_countries``: the ITU Member States and the State of Palestine (an ITU observer
  that ITU-D assists, WTDC Resolution 18), for the countries a P2C pledge targets.
- every other country field (an expert's or a partner's country, a funder's, a requester's)
  offers the whole list, territories included (under their UN names: "China, Hong Kong Special
  Administrative Region").
"""

from __future__ import annotations

from django.contrib import admin
from django.utils.functional import lazy
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _
from django_countries import Countries

#: The order of the names in each row.
LANGUAGES = ("en", "fr", "es", "ru", "zh-hans", "ar")

Names = tuple[str, str, str, str, str, str]

MEMBER_STATES: dict[str, Names] = {
    "AF": ('Afghanistan', 'Afghanistan', 'Afganistán', 'Афганистан', '阿富汗', 'أفغانستان'),
    "AL": ('Albania', 'Albanie', 'Albania', 'Албания', '阿尔巴尼亚', 'ألبانيا'),
    "DZ": ('Algeria', 'Algérie', 'Argelia', 'Алжир', '阿尔及利亚', 'الجزائر'),
    "AD": ('Andorra', 'Andorre', 'Andorra', 'Андорра', '安道尔', 'أندورا'),
    "AO": ('Angola', 'Angola', 'Angola', 'Ангола', '安哥拉', 'أنغولا'),
    "AG": ('Antigua and Barbuda', 'Antigua-et-Barbuda', 'Antigua y Barbuda', 'Антигуа и Барбуда', '安提瓜和巴布达', 'أنتيغوا وبربودا'),
    "AR": ('Argentina', 'Argentine', 'Argentina', 'Аргентина', '阿根廷', 'الأرجنتين'),
    "AM": ('Armenia', 'Arménie', 'Armenia', 'Армения', '亚美尼亚', 'أرمينيا'),
    "AU": ('Australia', 'Australie', 'Australia', 'Австралия', '澳大利亚', 'أستراليا'),
    "AT": ('Austria', 'Autriche', 'Austria', 'Австрия', '奥地利', 'النمسا'),
    "AZ": ('Azerbaijan', 'Azerbaïdjan', 'Azerbaiyán', 'Азербайджан', '阿塞拜疆', 'أذربيجان'),
    "BS": ('Bahamas', 'Bahamas', 'Bahamas', 'Багамские Острова', '巴哈马', 'جزر البهاما'),
    "BH": ('Bahrain', 'Bahreïn', 'Bahrein', 'Бахрейн', '巴林', 'البحرين'),
    "BD": ('Bangladesh', 'Bangladesh', 'Bangladesh', 'Бангладеш', '孟加拉国', 'بنغلاديش'),
    "BB": ('Barbados', 'Barbade', 'Barbados', 'Барбадос', '巴巴多斯', 'بربادوس'),
    "BY": ('Belarus', 'Bélarus', 'Belarús', 'Беларусь', '白俄罗斯', 'بيلاروس'),
    "BE": ('Belgium', 'Belgique', 'Bélgica', 'Бельгия', '比利时', 'بلجيكا'),
    "BZ": ('Belize', 'Belize', 'Belice', 'Белиз', '伯利兹', 'بليز'),
    "BJ": ('Benin', 'Bénin', 'Benin', 'Бенин', '贝宁', 'بنن'),
    "BT": ('Bhutan', 'Bhoutan', 'Bhután', 'Бутан', '不丹', 'بوتان'),
    "BO": ('Bolivia (Plurinational State of)', 'Bolivie (État plurinational de)', 'Bolivia (Estado Plurinacional de)', 'Боливия (Многонациональное Государство)', '多民族玻利维亚国', 'بوليفيا (دولة - المتعددة القوميات)'),
    "BA": ('Bosnia and Herzegovina', 'Bosnie-Herzégovine', 'Bosnia y Herzegovina', 'Босния и Герцеговина', '波斯尼亚和黑塞哥维那', 'البوسنة والهرسك'),
    "BW": ('Botswana', 'Botswana', 'Botswana', 'Ботсвана', '博茨瓦纳', 'بوتسوانا'),
    "BR": ('Brazil', 'Brésil', 'Brasil', 'Бразилия', '巴西', 'البرازيل'),
    "BN": ('Brunei Darussalam', 'Brunéi Darussalam', 'Brunei Darussalam', 'Бруней-Даруссалам', '文莱达鲁萨兰国', 'بروني دار السلام'),
    "BG": ('Bulgaria', 'Bulgarie', 'Bulgaria', 'Болгария', '保加利亚', 'بلغاريا'),
    "BF": ('Burkina Faso', 'Burkina Faso', 'Burkina Faso', 'Буркина-Фасо', '布基纳法索', 'بوركينا فاسو'),
    "BI": ('Burundi', 'Burundi', 'Burundi', 'Бурунди', '布隆迪', 'بوروندي'),
    "CV": ('Cabo Verde', 'Cabo Verde', 'Cabo Verde', 'Кабо-Верде', '佛得角', 'كابو فيردي'),
    "KH": ('Cambodia', 'Cambodge', 'Camboya', 'Камбоджа', '柬埔寨', 'كمبوديا'),
    "CM": ('Cameroon', 'Cameroun', 'Camerún', 'Камерун', '喀麦隆', 'الكاميرون'),
    "CA": ('Canada', 'Canada', 'Canadá', 'Канада', '加拿大', 'كندا'),
    "CF": ('Central African Republic', 'République centrafricaine', 'República Centroafricana', 'Центральноафриканская Республика', '中非共和国', 'جمهورية أفريقيا الوسطى'),
    "TD": ('Chad', 'Tchad', 'Chad', 'Чад', '乍得', 'تشاد'),
    "CL": ('Chile', 'Chili', 'Chile', 'Чили', '智利', 'شيلي'),
    "CN": ('China', 'Chine', 'China', 'Китай', '中国', 'الصين'),
    "CO": ('Colombia', 'Colombie', 'Colombia', 'Колумбия', '哥伦比亚', 'كولومبيا'),
    "KM": ('Comoros', 'Comores', 'Comoras', 'Коморские Острова', '科摩罗', 'جزر القمر'),
    "CG": ('Congo', 'Congo', 'Congo', 'Конго', '刚果', 'الكونغو'),
    "CR": ('Costa Rica', 'Costa Rica', 'Costa Rica', 'Коста-Рика', '哥斯达黎加', 'كوستاريكا'),
    "CI": ("Côte d'Ivoire", 'Côte d’Ivoire', 'Côte d’Ivoire', "Кот-д'Ивуар", '科特迪瓦', 'كوت ديفوار'),
    "HR": ('Croatia', 'Croatie', 'Croacia', 'Хорватия', '克罗地亚', 'كرواتيا'),
    "CU": ('Cuba', 'Cuba', 'Cuba', 'Куба', '古巴', 'كوبا'),
    "CY": ('Cyprus', 'Chypre', 'Chipre', 'Кипр', '塞浦路斯', 'قبرص'),
    "CZ": ('Czechia', 'Tchéquie', 'Chequia', 'Чехия', '捷克', 'تشيكيا'),
    "KP": ("Democratic People's Republic of Korea", 'République populaire démocratique de Corée', 'República Popular Democrática de Corea', 'Корейская Народно-Демократическая Республика', '朝鲜民主主义人民共和国', 'جمهورية كوريا الشعبية الديمقراطية'),
    "CD": ('Democratic Republic of the Congo', 'République démocratique du Congo', 'República Democrática del Congo', 'Демократическая Республика Конго', '刚果民主共和国', 'جمهورية الكونغو الديمقراطية'),
    "DK": ('Denmark', 'Danemark', 'Dinamarca', 'Дания', '丹麦', 'الدانمرك'),
    "DJ": ('Djibouti', 'Djibouti', 'Djibouti', 'Джибути', '吉布提', 'جيبوتي'),
    "DM": ('Dominica', 'Dominique', 'Dominica', 'Доминика', '多米尼克', 'دومينيكا'),
    "DO": ('Dominican Republic', 'République dominicaine', 'República Dominicana', 'Доминиканская Республика', '多米尼加', 'الجمهورية الدومينيكية'),
    "EC": ('Ecuador', 'Équateur', 'Ecuador', 'Эквадор', '厄瓜多尔', 'إكوادور'),
    "EG": ('Egypt', 'Égypte', 'Egipto', 'Египет', '埃及', 'مصر'),
    "SV": ('El Salvador', 'El Salvador', 'El Salvador', 'Сальвадор', '萨尔瓦多', 'السلفادور'),
    "GQ": ('Equatorial Guinea', 'Guinée équatoriale', 'Guinea Ecuatorial', 'Экваториальная Гвинея', '赤道几内亚', 'غينيا الاستوائية'),
    "ER": ('Eritrea', 'Érythrée', 'Eritrea', 'Эритрея', '厄立特里亚', 'إريتريا'),
    "EE": ('Estonia', 'Estonie', 'Estonia', 'Эстония', '爱沙尼亚', 'إستونيا'),
    "SZ": ('Eswatini', 'Eswatini', 'Eswatini', 'Эсватини', '斯威士兰', 'إسواتيني'),
    "ET": ('Ethiopia', 'Éthiopie', 'Etiopía', 'Эфиопия', '埃塞俄比亚', 'إثيوبيا'),
    "FJ": ('Fiji', 'Fidji', 'Fiji', 'Фиджи', '斐济', 'فيجي'),
    "FI": ('Finland', 'Finlande', 'Finlandia', 'Финляндия', '芬兰', 'فنلندا'),
    "FR": ('France', 'France', 'Francia', 'Франция', '法国', 'فرنسا'),
    "GA": ('Gabon', 'Gabon', 'Gabón', 'Габон', '加蓬', 'غابون'),
    "GM": ('Gambia', 'Gambie', 'Gambia', 'Гамбия', '冈比亚', 'غامبيا'),
    "GE": ('Georgia', 'Géorgie', 'Georgia', 'Грузия', '格鲁吉亚', 'جورجيا'),
    "DE": ('Germany', 'Allemagne', 'Alemania', 'Германия', '德国', 'ألمانيا'),
    "GH": ('Ghana', 'Ghana', 'Ghana', 'Гана', '加纳', 'غانا'),
    "GR": ('Greece', 'Grèce', 'Grecia', 'Греция', '希腊', 'اليونان'),
    "GD": ('Grenada', 'Grenade', 'Granada', 'Гренада', '格林纳达', 'غرينادا'),
    "GT": ('Guatemala', 'Guatemala', 'Guatemala', 'Гватемала', '危地马拉', 'غواتيمالا'),
    "GN": ('Guinea', 'Guinée', 'Guinea', 'Гвинея', '几内亚', 'غينيا'),
    "GW": ('Guinea-Bissau', 'Guinée-Bissau', 'Guinea-Bissau', 'Гвинея-Бисау', '几内亚比绍', 'غينيا - بيساو'),
    "GY": ('Guyana', 'Guyana', 'Guyana', 'Гайана', '圭亚那', 'غيانا'),
    "HT": ('Haiti', 'Haïti', 'Haití', 'Гаити', '海地', 'هايتي'),
    "HN": ('Honduras', 'Honduras', 'Honduras', 'Гондурас', '洪都拉斯', 'هندوراس'),
    "HU": ('Hungary', 'Hongrie', 'Hungría', 'Венгрия', '匈牙利', 'هنغاريا'),
    "IS": ('Iceland', 'Islande', 'Islandia', 'Исландия', '冰岛', 'آيسلندا'),
    "IN": ('India', 'Inde', 'India', 'Индия', '印度', 'الهند'),
    "ID": ('Indonesia', 'Indonésie', 'Indonesia', 'Индонезия', '印度尼西亚', 'إندونيسيا'),
    "IR": ('Iran (Islamic Republic of)', 'Iran (République islamique d’)', 'Irán (República Islámica del)', 'Иран (Исламская Республика)', '伊朗伊斯兰共和国', 'إيران (جمهورية - الإسلامية)'),
    "IQ": ('Iraq', 'Iraq', 'Iraq', 'Ирак', '伊拉克', 'العراق'),
    "IE": ('Ireland', 'Irlande', 'Irlanda', 'Ирландия', '爱尔兰', 'آيرلندا'),
    "IL": ('Israel', 'Israël', 'Israel', 'Израиль', '以色列', 'إسرائيل'),
    "IT": ('Italy', 'Italie', 'Italia', 'Италия', '意大利', 'إيطاليا'),
    "JM": ('Jamaica', 'Jamaïque', 'Jamaica', 'Ямайка', '牙买加', 'جامايكا'),
    "JP": ('Japan', 'Japon', 'Japón', 'Япония', '日本', 'اليابان'),
    "JO": ('Jordan', 'Jordanie', 'Jordania', 'Иордания', '约旦', 'الأردن'),
    "KZ": ('Kazakhstan', 'Kazakhstan', 'Kazajstán', 'Казахстан', '哈萨克斯坦', 'كازاخستان'),
    "KE": ('Kenya', 'Kenya', 'Kenya', 'Кения', '肯尼亚', 'كينيا'),
    "KI": ('Kiribati', 'Kiribati', 'Kiribati', 'Кирибати', '基里巴斯', 'كيريباس'),
    "KW": ('Kuwait', 'Koweït', 'Kuwait', 'Кувейт', '科威特', 'الكويت'),
    "KG": ('Kyrgyzstan', 'Kirghizistan', 'Kirguistán', 'Кыргызстан', '吉尔吉斯斯坦', 'قيرغيزستان'),
    "LA": ("Lao People's Democratic Republic", 'République démocratique populaire lao', 'República Democrática Popular Lao', 'Лаосская Народно-Демократическая Республика', '老挝人民民主共和国', 'جمهورية لاو الديمقراطية الشعبية'),
    "LV": ('Latvia', 'Lettonie', 'Letonia', 'Латвия', '拉脱维亚', 'لاتفيا'),
    "LB": ('Lebanon', 'Liban', 'Líbano', 'Ливан', '黎巴嫩', 'لبنان'),
    "LS": ('Lesotho', 'Lesotho', 'Lesotho', 'Лесото', '莱索托', 'ليسوتو'),
    "LR": ('Liberia', 'Libéria', 'Liberia', 'Либерия', '利比里亚', 'ليبريا'),
    "LY": ('Libya', 'Libye', 'Libia', 'Ливия', '利比亚', 'ليبيا'),
    "LI": ('Liechtenstein', 'Liechtenstein', 'Liechtenstein', 'Лихтенштейн', '列支敦士登', 'ليختنشتاين'),
    "LT": ('Lithuania', 'Lituanie', 'Lituania', 'Литва', '立陶宛', 'ليتوانيا'),
    "LU": ('Luxembourg', 'Luxembourg', 'Luxemburgo', 'Люксембург', '卢森堡', 'لكسمبرغ'),
    "MG": ('Madagascar', 'Madagascar', 'Madagascar', 'Мадагаскар', '马达加斯加', 'مدغشقر'),
    "MW": ('Malawi', 'Malawi', 'Malawi', 'Малави', '马拉维', 'ملاوي'),
    "MY": ('Malaysia', 'Malaisie', 'Malasia', 'Малайзия', '马来西亚', 'ماليزيا'),
    "MV": ('Maldives', 'Maldives', 'Maldivas', 'Мальдивские Острова', '马尔代夫', 'ملديف'),
    "ML": ('Mali', 'Mali', 'Malí', 'Мали', '马里', 'مالي'),
    "MT": ('Malta', 'Malte', 'Malta', 'Мальта', '马耳他', 'مالطة'),
    "MH": ('Marshall Islands', 'Îles Marshall', 'Islas Marshall', 'Маршалловы Острова', '马绍尔群岛', 'جزر مارشال'),
    "MR": ('Mauritania', 'Mauritanie', 'Mauritania', 'Мавритания', '毛里塔尼亚', 'موريتانيا'),
    "MU": ('Mauritius', 'Maurice', 'Mauricio', 'Маврикий', '毛里求斯', 'موريشيوس'),
    "MX": ('Mexico', 'Mexique', 'México', 'Мексика', '墨西哥', 'المكسيك'),
    "FM": ('Micronesia (Federated States of)', 'Micronésie (États fédérés de)', 'Micronesia (Estados Federados de)', 'Микронезия (Федеративные Штаты)', '密克罗尼西亚联邦', 'ميكرونيزيا (ولايات - الموحدة)'),
    "MC": ('Monaco', 'Monaco', 'Mónaco', 'Монако', '摩纳哥', 'موناكو'),
    "MN": ('Mongolia', 'Mongolie', 'Mongolia', 'Монголия', '蒙古', 'منغوليا'),
    "ME": ('Montenegro', 'Monténégro', 'Montenegro', 'Черногория', '黑山', 'الجبل الأسود'),
    "MA": ('Morocco', 'Maroc', 'Marruecos', 'Марокко', '摩洛哥', 'المغرب'),
    "MZ": ('Mozambique', 'Mozambique', 'Mozambique', 'Мозамбик', '莫桑比克', 'موزامبيق'),
    "MM": ('Myanmar', 'Myanmar', 'Myanmar', 'Мьянма', '缅甸', 'ميانمار'),
    "NA": ('Namibia', 'Namibie', 'Namibia', 'Намибия', '纳米比亚', 'ناميبيا'),
    "NR": ('Nauru', 'Nauru', 'Nauru', 'Науру', '瑙鲁', 'ناورو'),
    "NP": ('Nepal', 'Népal', 'Nepal', 'Непал', '尼泊尔', 'نيبال'),
    "NL": ('Netherlands (Kingdom of the)', 'Pays-Bas (Royaume des)', 'Países Bajos (Reino de los)', 'Нидерланды (Королевство)', '荷兰王国', 'هولندا (مملكة -)'),
    "NZ": ('New Zealand', 'Nouvelle-Zélande', 'Nueva Zelandia', 'Новая Зеландия', '新西兰', 'نيوزيلندا'),
    "NI": ('Nicaragua', 'Nicaragua', 'Nicaragua', 'Никарагуа', '尼加拉瓜', 'نيكاراغوا'),
    "NE": ('Niger', 'Niger', 'Níger', 'Нигер', '尼日尔', 'النيجر'),
    "NG": ('Nigeria', 'Nigéria', 'Nigeria', 'Нигерия', '尼日利亚', 'نيجيريا'),
    "MK": ('North Macedonia', 'Macédoine du Nord', 'Macedonia del Norte', 'Северная Македония', '北马其顿', 'مقدونيا الشمالية'),
    "NO": ('Norway', 'Norvège', 'Noruega', 'Норвегия', '挪威', 'النرويج'),
    "OM": ('Oman', 'Oman', 'Omán', 'Оман', '阿曼', 'عمان'),
    "PK": ('Pakistan', 'Pakistan', 'Pakistán', 'Пакистан', '巴基斯坦', 'باكستان'),
    "PW": ('Palau', 'Palaos', 'Palau', 'Палау', '帕劳', 'بالاو'),
    "PA": ('Panama', 'Panama', 'Panamá', 'Панама', '巴拿马', 'بنما'),
    "PG": ('Papua New Guinea', 'Papouasie-Nouvelle-Guinée', 'Papua Nueva Guinea', 'Папуа-Новая Гвинея', '巴布亚新几内亚', 'بابوا غينيا الجديدة'),
    "PY": ('Paraguay', 'Paraguay', 'Paraguay', 'Парагвай', '巴拉圭', 'باراغواي'),
    "PE": ('Peru', 'Pérou', 'Perú', 'Перу', '秘鲁', 'بيرو'),
    "PH": ('Philippines', 'Philippines', 'Filipinas', 'Филиппины', '菲律宾', 'الفلبين'),
    "PL": ('Poland', 'Pologne', 'Polonia', 'Польша', '波兰', 'بولندا'),
    "PT": ('Portugal', 'Portugal', 'Portugal', 'Португалия', '葡萄牙', 'البرتغال'),
    "QA": ('Qatar', 'Qatar', 'Qatar', 'Катар', '卡塔尔', 'قطر'),
    "KR": ('Republic of Korea', 'République de Corée', 'República de Corea', 'Республика Корея', '大韩民国', 'جمهورية كوريا'),
    "MD": ('Republic of Moldova', 'République de Moldova', 'República de Moldova', 'Республика Молдова', '摩尔多瓦共和国', 'جمهورية مولدوفا'),
    "RO": ('Romania', 'Roumanie', 'Rumania', 'Румыния', '罗马尼亚', 'رومانيا'),
    "RU": ('Russian Federation', 'Fédération de Russie', 'Federación de Rusia', 'Российская Федерация', '俄罗斯联邦', 'الاتحاد الروسي'),
    "RW": ('Rwanda', 'Rwanda', 'Rwanda', 'Руанда', '卢旺达', 'رواندا'),
    "KN": ('Saint Kitts and Nevis', 'Saint-Kitts-et-Nevis', 'Saint Kitts y Nevis', 'Сент-Китс и Невис', '圣基茨和尼维斯', 'سانت كيتس ونيفس'),
    "LC": ('Saint Lucia', 'Sainte-Lucie', 'Santa Lucía', 'Сент-Люсия', '圣卢西亚', 'سانت لوسيا'),
    "VC": ('Saint Vincent and the Grenadines', 'Saint-Vincent-et-les Grenadines', 'San Vicente y las Granadinas', 'Сент-Винсент и Гренадины', '圣文森特和格林纳丁斯', 'سانت فنسنت وجزر غرينادين'),
    "WS": ('Samoa', 'Samoa', 'Samoa', 'Самоа', '萨摩亚', 'ساموا'),
    "SM": ('San Marino', 'Saint-Marin', 'San Marino', 'Сан-Марино', '圣马力诺', 'سان مارينو'),
    "ST": ('Sao Tome and Principe', 'Sao Tomé-et-Principe', 'Santo Tomé y Príncipe', 'Сан-Томе и Принсипи', '圣多美和普林西比', 'سان تومي وبرينسيبي'),
    "SA": ('Saudi Arabia', 'Arabie saoudite', 'Arabia Saudita', 'Саудовская Аравия', '沙特阿拉伯', 'المملكة العربية السعودية'),
    "SN": ('Senegal', 'Sénégal', 'Senegal', 'Сенегал', '塞内加尔', 'السنغال'),
    "RS": ('Serbia', 'Serbie', 'Serbia', 'Сербия', '塞尔维亚', 'صربيا'),
    "SC": ('Seychelles', 'Seychelles', 'Seychelles', 'Сейшельские Острова', '塞舌尔', 'سيشيل'),
    "SL": ('Sierra Leone', 'Sierra Leone', 'Sierra Leona', 'Сьерра-Леоне', '塞拉利昂', 'سيراليون'),
    "SG": ('Singapore', 'Singapour', 'Singapur', 'Сингапур', '新加坡', 'سنغافورة'),
    "SK": ('Slovakia', 'Slovaquie', 'Eslovaquia', 'Словакия', '斯洛伐克', 'سلوفاكيا'),
    "SI": ('Slovenia', 'Slovénie', 'Eslovenia', 'Словения', '斯洛文尼亚', 'سلوفينيا'),
    "SB": ('Solomon Islands', 'Îles Salomon', 'Islas Salomón', 'Соломоновы Острова', '所罗门群岛', 'جزر سليمان'),
    "SO": ('Somalia', 'Somalie', 'Somalia', 'Сомали', '索马里', 'الصومال'),
    "ZA": ('South Africa', 'Afrique du Sud', 'Sudáfrica', 'Южная Африка', '南非', 'جنوب أفريقيا'),
    "SS": ('South Sudan', 'Soudan du Sud', 'Sudán del Sur', 'Южный Судан', '南苏丹', 'جنوب السودان'),
    "ES": ('Spain', 'Espagne', 'España', 'Испания', '西班牙', 'إسبانيا'),
    "LK": ('Sri Lanka', 'Sri Lanka', 'Sri Lanka', 'Шри-Ланка', '斯里兰卡', 'سري لانكا'),
    "SD": ('Sudan', 'Soudan', 'Sudán', 'Судан', '苏丹', 'السودان'),
    "SR": ('Suriname', 'Suriname', 'Suriname', 'Суринам', '苏里南', 'سورينام'),
    "SE": ('Sweden', 'Suède', 'Suecia', 'Швеция', '瑞典', 'السويد'),
    "CH": ('Switzerland', 'Suisse', 'Suiza', 'Швейцария', '瑞士', 'سويسرا'),
    "SY": ('Syrian Arab Republic', 'République arabe syrienne', 'República Árabe Siria', 'Сирийская Арабская Республика', '阿拉伯叙利亚共和国', 'الجمهورية العربية السورية'),
    "TJ": ('Tajikistan', 'Tadjikistan', 'Tayikistán', 'Таджикистан', '塔吉克斯坦', 'طاجيكستان'),
    "TH": ('Thailand', 'Thaïlande', 'Tailandia', 'Таиланд', '泰国', 'تايلند'),
    "TL": ('Timor-Leste', 'Timor-Leste', 'Timor-Leste', 'Тимор-Лешти', '东帝汶', 'تيمور - ليشتي'),
    "TG": ('Togo', 'Togo', 'Togo', 'Того', '多哥', 'توغو'),
    "TO": ('Tonga', 'Tonga', 'Tonga', 'Тонга', '汤加', 'تونغا'),
    "TT": ('Trinidad and Tobago', 'Trinité-et-Tobago', 'Trinidad y Tabago', 'Тринидад и Тобаго', '特立尼达和多巴哥', 'ترينيداد وتوباغو'),
    "TN": ('Tunisia', 'Tunisie', 'Túnez', 'Тунис', '突尼斯', 'تونس'),
    "TM": ('Turkmenistan', 'Turkménistan', 'Turkmenistán', 'Туркменистан', '土库曼斯坦', 'تركمانستان'),
    "TV": ('Tuvalu', 'Tuvalu', 'Tuvalu', 'Тувалу', '图瓦卢', 'توفالو'),
    "TR": ('Türkiye', 'Türkiye', 'Türkiye', 'Турция', '土耳其', 'تركيا'),
    "UG": ('Uganda', 'Ouganda', 'Uganda', 'Уганда', '乌干达', 'أوغندا'),
    "UA": ('Ukraine', 'Ukraine', 'Ucrania', 'Украина', '乌克兰', 'أوكرانيا'),
    "AE": ('United Arab Emirates', 'Émirats arabes unis', 'Emiratos Árabes Unidos', 'Объединенные Арабские Эмираты', '阿拉伯联合酋长国', 'الإمارات العربية المتحدة'),
    "GB": ('United Kingdom of Great Britain and Northern Ireland', 'Royaume-Uni de Grande-Bretagne et d’Irlande du Nord', 'Reino Unido de Gran Bretaña e Irlanda del Norte', 'Соединенное Королевство Великобритании и Северной Ирландии', '大不列颠及北爱尔兰联合王国', 'المملكة المتحدة لبريطانيا العظمى وآيرلندا الشمالية'),
    "TZ": ('United Republic of Tanzania', 'République-Unie de Tanzanie', 'República Unida de Tanzanía', 'Объединенная Республика Танзания', '坦桑尼亚联合共和国', 'جمهورية تنزانيا المتحدة'),
    "US": ('United States of America', 'États-Unis d’Amérique', 'Estados Unidos de América', 'Соединенные Штаты Америки', '美利坚合众国', 'الولايات المتحدة الأمريكية'),
    "UY": ('Uruguay', 'Uruguay', 'Uruguay', 'Уругвай', '乌拉圭', 'أوروغواي'),
    "UZ": ('Uzbekistan', 'Ouzbékistan', 'Uzbekistán', 'Узбекистан', '乌兹别克斯坦', 'أوزبكستان'),
    "VU": ('Vanuatu', 'Vanuatu', 'Vanuatu', 'Вануату', '瓦努阿图', 'فانواتو'),
    "VE": ('Venezuela (Bolivarian Republic of)', 'Venezuela (République bolivarienne du)', 'Venezuela (República Bolivariana de)', 'Венесуэла (Боливарианская Республика)', '委内瑞拉玻利瓦尔共和国', 'فنزويلا (جمهورية - البوليفارية)'),
    "VN": ('Viet Nam', 'Viet Nam', 'Viet Nam', 'Вьетнам', '越南', 'فييت نام'),
    "YE": ('Yemen', 'Yémen', 'Yemen', 'Йемен', '也门', 'اليمن'),
    "ZM": ('Zambia', 'Zambie', 'Zambia', 'Замбия', '赞比亚', 'زامبيا'),
    "ZW": ('Zimbabwe', 'Zimbabwe', 'Zimbabwe', 'Зимбабве', '津巴布韦', 'زمبابوي'),
}
OBSERVER_STATES: dict[str, Names] = {
    "VA": ('Holy See', 'Saint-Siège', 'Santa Sede', 'Святой Престол', '教廷', 'الكرسي الرسولي'),
    "PS": ('State of Palestine', 'État de Palestine', 'Estado de Palestina', 'Государство Палестина', '巴勒斯坦国', 'دولة فلسطين'),
}
TERRITORIES: dict[str, Names] = {
    "TW": ("Taiwan, Province of China", "Taïwan (province de Chine)", "Taiwán (provincia de China)",
           "Тайвань (провинция Китая)", "中国台湾省", "تايوان (مقاطعة صينية)"),
    "HK": ('China, Hong Kong Special Administrative Region', 'Chine, région administrative spéciale de Hong Kong', 'China, región administrativa especial de Hong Kong', 'Китай, Специальный административный район Гонконг', '中国香港特别行政区', 'الصين، منطقة هونغ كونغ الإدارية الخاصة'),
    "MO": ('China, Macao Special Administrative Region', 'Chine, région administrative spéciale de Macao', 'China, región administrativa especial de Macao', 'Китай, Специальный административный район Макао', '中国澳门特别行政区', 'الصين، منطقة ماكاو الإدارية الخاصة'),
}


UN_NAMES: dict[str, Names] = {**MEMBER_STATES, **OBSERVER_STATES, **TERRITORIES}

#: The 194 Member States of ITU: the 193 Member States of the UN and the Vatican City State.
ITU_MEMBER_STATE_CODES: tuple[str, ...] = (*MEMBER_STATES, "VA")
#: Whom a pledge may target: the ITU Member States and the State of Palestine.
BENEFICIARY_CODES: tuple[str, ...] = (*ITU_MEMBER_STATE_CODES, "PS")


def _language_index(language: str | None) -> int:
    language = (language or "en").lower().replace("_", "-")
    if language.startswith("zh"):
        return LANGUAGES.index("zh-hans")
    base = language.split("-")[0]
    return LANGUAGES.index(base) if base in LANGUAGES else 0


def un_name(code: str, language: str | None = None) -> str:
    """The UN name of ``code`` in ``language`` (by default the active one)."""
    return UN_NAMES[code][_language_index(language or get_language())]


_lazy_un_name = lazy(un_name, str)

#: For ``settings.COUNTRIES_OVERRIDE``: each name is evaluated in the language active when shown.
COUNTRIES_OVERRIDE = {code: _lazy_un_name(code) for code in UN_NAMES}


def codes_named(text: str) -> set[str]:
    """The codes of the countries whose name in any of the six languages contains ``text``
    (case-insensitive): a search for "كوريا", "韩国" or "Corée" finds the Republic of Korea."""
    needle = text.strip().casefold()
    if not needle:
        return set()
    return {code for code, names in UN_NAMES.items() if any(needle in name.casefold() for name in names)}


class MemberStates(Countries):
    """The 194 Member States of ITU, under their UN names (for ``CountryField``-like choices)."""

    only = ITU_MEMBER_STATE_CODES
    override = {code: COUNTRIES_OVERRIDE[code] for code in ITU_MEMBER_STATE_CODES}


class BeneficiaryCountries(Countries):
    """The countries a pledge may target: the ITU Member States and the State of Palestine."""

    only = BENEFICIARY_CODES
    override = {code: COUNTRIES_OVERRIDE[code] for code in BENEFICIARY_CODES}


#: Choices for the fields that mean a Member State; iterated, they are named and sorted in the
#: active language (pass the instance itself as ``choices``, never a list built at import).
member_states = MemberStates()
beneficiary_countries = BeneficiaryCountries()


def with_blank(choices, label="---------"):
    """``choices`` (countries) after an empty choice, as a callable: the names are translated
    when the form is shown, in the visitor's language, not once at import in English."""

    def build() -> list[tuple[str, str]]:
        return [("", label), *choices]

    return build


class MemberStateCountriesAdminMixin:
    """For a ModelAdmin: the country fields named in ``member_state_fields`` offer the ITU Member
    States only, as the public forms do (the model field keeps the whole list, so that no schema
    migration is needed and a stored value stays readable)."""

    member_state_fields: tuple[str, ...] = ()

    @admin.display(description=_("country"), ordering="country")
    def country_name(self, obj) -> str:
        """The country column of a change list: its name, read from the row's value. Listing the
        field itself makes the admin look each cell up in the field's choices (the 250 countries,
        rebuilt and sorted per cell: 1.4 s of a 100-row page)."""
        return obj.country.name

    def formfield_for_dbfield(self, db_field, request, **kwargs):
        field = super().formfield_for_dbfield(db_field, request, **kwargs)
        if field is not None and db_field.name in self.member_state_fields:
            field.choices = member_states if getattr(db_field, "multiple", False) else with_blank(member_states)
        return field


# The ITU-D regions of the Member States (and of Palestine, which ITU-D assists), by the region
# codes of alliance.reference_data.REGIONS. Source: the lists of countries of BDT's regional
# offices (itu.int/en/ITU-D/Regional-Presence: Africa, Americas, Arab States, Asia and the
# Pacific, CIS, Europe). Georgia, Moldova and Ukraine are served by the Office for Europe;
# Israel too; Palau (a UN Member State outside ITU) is drawn with Asia and the Pacific.
# Territories are of no region (the map leaves them unshaded).
_REGION_MEMBERS = {
    "africa": "AO BJ BW BF BI CM CV CF TD CG CI CD GQ ER SZ ET GA GM GH GN GW KE LS LR MG MW ML MU MZ "
              "NA NE NG RW ST SN SC SL ZA SS TZ TG UG ZM ZW",
    "americas": "AG AR BS BB BZ BO BR CA CL CO CR CU DM DO EC SV GD GT GY HT HN JM MX NI PA PY PE KN LC "
                "VC SR TT US UY VE",
    "arab_states": "DZ BH KM DJ EG IQ JO KW LB LY MR MA OM PS QA SA SO SD SY TN AE YE",
    "asia_pacific": "AF AU BD BT BN KH CN KP FJ IN ID IR JP KI LA MY MV MH FM MN MM NR NP NZ PK PG PH KR "
                    "WS SG SB LK TH TL TO TV VU VN PW",
    "cis": "AM AZ BY KZ KG RU TJ TM UZ",
    "europe": "AL AD AT BE BA BG HR CY CZ DK EE FI FR GE DE GR HU IS IE IL IT LV LI LT LU MT MD MC ME "
              "NL MK NO PL PT RO SM RS SK SI ES SE CH TR UA GB VA",
}
#: country code -> ITU region code.
ITU_REGIONS: dict[str, str] = {
    code: region for region, codes in _REGION_MEMBERS.items() for code in codes.split()}
