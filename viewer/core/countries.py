"""Country names as letters write them, mapped to ISO 3166-1 alpha-2 codes.

The table keeps historical and common short names ("Macedonia", "Burma", "UK") and, for the
countries letters name most, their names in the importer's other languages ("Allemagne",
"Österreich", "Россия", "香港", "مصر") so a country is recognised as the source wrote it; the
source's spelling is always what is shown. Flag emoji map to the same codes (flag_code).
"""

from __future__ import annotations

from functools import lru_cache

from viewer.core.folding import fold

MAX_NAME_CHARS = 48  # longer than any name below: not a country, without folding it

# code|canonical English name|other names seen in letters
_TABLE = """\
AF|Afghanistan
AL|Albania
DZ|Algeria
AD|Andorra
AO|Angola
AG|Antigua and Barbuda
AR|Argentina
AM|Armenia
AU|Australia
AT|Austria
AZ|Azerbaijan
BS|Bahamas|The Bahamas
BH|Bahrain
BD|Bangladesh
BB|Barbados
BY|Belarus
BE|Belgium
BZ|Belize
BJ|Benin
BT|Bhutan
BO|Bolivia
BA|Bosnia and Herzegovina|Bosnia
BW|Botswana
BR|Brazil|Brasil
BN|Brunei|Brunei Darussalam
BG|Bulgaria
BF|Burkina Faso
BI|Burundi
CV|Cabo Verde|Cape Verde
KH|Cambodia|Kingdom of Cambodia
CM|Cameroon
CA|Canada
CF|Central African Republic
TD|Chad
CL|Chile
CN|China|People's Republic of China|PRC
CO|Colombia
KM|Comoros
CG|Congo|Republic of the Congo
CD|Democratic Republic of the Congo|DR Congo|DRC
CR|Costa Rica
CI|Côte d'Ivoire|Ivory Coast
HR|Croatia
CU|Cuba
CY|Cyprus
CZ|Czechia|Czech Republic
DK|Denmark
DJ|Djibouti
DM|Dominica
DO|Dominican Republic
EC|Ecuador
EG|Egypt
SV|El Salvador
GQ|Equatorial Guinea
ER|Eritrea
EE|Estonia
SZ|Eswatini|Swaziland
ET|Ethiopia
FJ|Fiji
FI|Finland
FR|France
GA|Gabon
GM|Gambia|The Gambia
GE|Georgia
DE|Germany|Deutschland
GH|Ghana
GR|Greece
GD|Grenada
GT|Guatemala
GN|Guinea
GW|Guinea-Bissau
GY|Guyana
HT|Haiti
HN|Honduras
HK|Hong Kong|Hong Kong SAR
HU|Hungary
IS|Iceland
IN|India
ID|Indonesia
IR|Iran
IQ|Iraq
IE|Ireland
IL|Israel
IT|Italy
JM|Jamaica
JP|Japan
JO|Jordan
KZ|Kazakhstan
KE|Kenya
KI|Kiribati
KP|North Korea|Democratic People's Republic of Korea
KR|South Korea|Republic of Korea|Korea
XK|Kosovo
KW|Kuwait
KG|Kyrgyzstan
LA|Laos|Lao PDR
LV|Latvia
LB|Lebanon
LS|Lesotho
LR|Liberia
LY|Libya
LI|Liechtenstein
LT|Lithuania
LU|Luxembourg
MO|Macau|Macao
MG|Madagascar
MW|Malawi
MY|Malaysia
MV|Maldives
ML|Mali
MT|Malta
MH|Marshall Islands
MR|Mauritania
MU|Mauritius
MX|Mexico
FM|Micronesia
MD|Moldova
MC|Monaco
MN|Mongolia
ME|Montenegro
MA|Morocco
MZ|Mozambique
MM|Myanmar|Burma
NA|Namibia
NR|Nauru
NP|Nepal
NL|Netherlands|The Netherlands|Holland
NZ|New Zealand|Aotearoa
NI|Nicaragua
NE|Niger
NG|Nigeria
MK|North Macedonia|Macedonia|FYROM
NO|Norway
OM|Oman
PK|Pakistan
PW|Palau
PS|Palestine|State of Palestine
PA|Panama
PG|Papua New Guinea
PY|Paraguay
PE|Peru
PH|Philippines|The Philippines
PL|Poland
PT|Portugal
PR|Puerto Rico
QA|Qatar
RO|Romania
RU|Russia|Russian Federation
RW|Rwanda
KN|Saint Kitts and Nevis
LC|Saint Lucia
VC|Saint Vincent and the Grenadines
WS|Samoa
SM|San Marino
ST|São Tomé and Príncipe
SA|Saudi Arabia
SN|Senegal
RS|Serbia
SC|Seychelles
SL|Sierra Leone
SG|Singapore
SK|Slovakia
SI|Slovenia
SB|Solomon Islands
SO|Somalia
ZA|South Africa
SS|South Sudan
ES|Spain|España
LK|Sri Lanka
SD|Sudan
SR|Suriname
SE|Sweden
CH|Switzerland
SY|Syria
TW|Taiwan
TJ|Tajikistan
TZ|Tanzania
TH|Thailand
TL|Timor-Leste|East Timor
TG|Togo
TO|Tonga
TT|Trinidad and Tobago
TN|Tunisia
TR|Türkiye|Turkey
TM|Turkmenistan
TV|Tuvalu
UG|Uganda
UA|Ukraine
AE|United Arab Emirates|UAE
GB|United Kingdom|UK|U.K.|Great Britain|Britain|England|Scotland|Wales|Northern Ireland
US|United States of America|United States|USA|US|U.S.|U.S.A.|America
UY|Uruguay
UZ|Uzbekistan
VU|Vanuatu
VA|Vatican City|Holy See
VE|Venezuela
VN|Vietnam|Viet Nam
EH|Western Sahara
YE|Yemen
ZM|Zambia
ZW|Zimbabwe
EU|European Union|EU
AW|Aruba
BM|Bermuda
CW|Curaçao
FO|Faroe Islands
GF|French Guiana
GI|Gibraltar
GL|Greenland
GP|Guadeloupe
GU|Guam
IC|Canary Islands
KY|Cayman Islands
MQ|Martinique
NC|New Caledonia
PF|French Polynesia
RE|Réunion
UM|United States Minor Outlying Islands
VI|U.S. Virgin Islands
"""

# The same countries in the importer's other languages: code|names (a code may have several rows)
_OTHER_LANGUAGES = """\
DZ|Algérie|Algerien|Argelia|Argélia|Алжир|阿爾及利亞|阿尔及利亚|الجزائر
AR|Argentine|Argentinien|Аргентина|阿根廷|アルゼンチン|الأرجنتين
AU|Australie|Australien|Австралия|澳洲|澳大利亞|澳大利亚|オーストラリア|أستراليا
AT|Österreich|Autriche|Áustria|Австрия|奧地利|奥地利|オーストリア|النمسا
BY|Беларусь|Белоруссия|Biélorussie|Weißrussland
BE|Belgique|Belgien|Bélgica|Belgio|België|Бельгия|比利時|比利时|ベルギー|بلجيكا
BR|Brésil|Brasilien|Brasile|Бразилия|巴西|ブラジル|البرازيل
CA|Kanada|Canadá|Канада|加拿大|カナダ|كندا
CL|Chili|Чили|智利|チリ|تشيلي
CN|Chine|Cina|Китай|中國|中国|中華人民共和國|中华人民共和国|الصين
CO|Colombie|Kolumbien|Colômbia|Колумбия|哥倫比亞|哥伦比亚|كولومبيا
CZ|Tchéquie|Tschechien|República Checa|Чехия
DK|Danemark|Dänemark|Dinamarca|Danimarca|Дания|丹麥|丹麦|デンマーク
EG|Égypte|Ägypten|Egipto|Egito|Egitto|Египет|埃及|エジプト|مصر
FI|Finlande|Finnland|Finlandia|Finlândia|Финляндия|芬蘭|芬兰|フィンランド
FR|Frankreich|Francia|França|Франция|法國|法国|フランス|فرنسا
DE|Allemagne|Alemania|Alemanha|Germania|Германия|德國|德国|ドイツ|ألمانيا
GR|Grèce|Griechenland|Grecia|Grécia|Греция|希臘|希腊|ギリシャ|اليونان
HK|香港
HU|Hongrie|Ungarn|Hungría|Hungria|Ungheria|Венгрия
IN|Inde|Indien|Índia|Индия|印度|インド|الهند
IR|Irán|Irã|Иран|伊朗|イラン|إيران
IQ|Irak|Ирак|伊拉克|イラク|العراق
IE|Irlande|Irland|Irlanda|Ирландия|愛爾蘭|爱尔兰|アイルランド
IL|Israël|Израиль|以色列|イスラエル|إسرائيل
IT|Italie|Italien|Italia|Itália|Италия|意大利|義大利|イタリア|إيطاليا
JP|Japon|Japón|Japão|Giappone|Япония|日本|اليابان
JO|Jordanie|Jordanien|Jordania|Jordânia|Giordania|الأردن
KZ|Казахстан
KR|Corée du Sud|Südkorea|Corea del Sur|Coreia do Sul|Corea del Sud|Южная Корея|韓國|韩国|韓国
KR|كوريا الجنوبية
LB|Liban|Libanon|Líbano|Libano|Ливан|黎巴嫩|لبنان
MO|澳門|澳门
MY|Malaisie|Malaysien|Malasia|Malásia|馬來西亞|马来西亚|マレーシア
MX|Mexique|Mexiko|México|Messico|Мексика|墨西哥|メキシコ|المكسيك
MA|Maroc|Marokko|Marruecos|Marrocos|Marocco|Марокко|摩洛哥|モロッコ|المغرب
NL|Pays-Bas|Niederlande|Países Bajos|Países Baixos|Paesi Bassi|Nederland|Нидерланды|Голландия|荷蘭
NL|荷兰|オランダ|هولندا
NZ|Nouvelle-Zélande|Neuseeland|Nueva Zelanda|Nova Zelândia|Nuova Zelanda|Новая Зеландия
NZ|紐西蘭|新西兰|ニュージーランド
NO|Norvège|Norwegen|Noruega|Norvegia|Norge|Норвегия|挪威|ノルウェー
PS|Palestina|Palästina|Палестина|巴勒斯坦|パレスチナ|فلسطين
PL|Pologne|Polen|Polonia|Polónia|Polônia|Polska|Польша|波蘭|波兰|ポーランド
PT|Portogallo|Португалия|葡萄牙|ポルトガル|البرتغال
RU|Russie|Russland|Rusia|Rússia|Россия|Российская Федерация|俄羅斯|俄罗斯|ロシア|روسيا
SA|Arabie saoudite|Saudi-Arabien|Arabia Saudita|Arábia Saudita|السعودية|المملكة العربية السعودية
SG|Singapour|Singapur|新加坡|シンガポール
ES|Espagne|Spanien|Espanha|Spagna|Испания|西班牙|スペイン|إسبانيا
SE|Suède|Schweden|Suecia|Suécia|Svezia|Sverige|Швеция|瑞典|スウェーデン
CH|Suisse|Schweiz|Suiza|Suíça|Svizzera|Швейцария|瑞士|スイス|سويسرا
SY|Syrie|Syrien|Siria|Síria|Сирия|敘利亞|叙利亚|シリア|سوريا
TW|Taïwan|台灣|臺灣|台湾|タイワン
TN|Tunisie|Tunesien|Túnez|Tunísia|Тунис|突尼斯|チュニジア|تونس
TR|Turquie|Türkei|Turquía|Turquia|Turchia|Турция|土耳其|トルコ|تركيا
UA|Украина|Україна|烏克蘭|乌克兰|ウクライナ|أوكرانيا
GB|Royaume-Uni|Grande-Bretagne|Angleterre|Großbritannien|Vereinigtes Königreich|Reino Unido
GB|Regno Unito|Великобритания|Англия|英國|英国|イギリス|المملكة المتحدة|بريطانيا
US|États-Unis|Vereinigte Staaten|Estados Unidos|Stati Uniti|США|Соединённые Штаты
US|美國|美国|アメリカ|米国|الولايات المتحدة
"""

# Subdivision flags (a black flag and tag letters) that stand for a country of the table.
_TAG_FLAGS = {"gbeng": "GB", "gbsct": "GB", "gbwls": "GB"}
_REGIONAL_A = 0x1F1E6


@lru_cache(maxsize=1)
def _index() -> tuple[dict[str, str], dict[str, str]]:
    by_name: dict[str, str] = {}
    canonical: dict[str, str] = {}
    for line in (_TABLE + _OTHER_LANGUAGES).splitlines():
        code, *names = line.split("|")
        canonical.setdefault(code, names[0])  # the first row of a code is the English one
        for name in names:
            by_name[fold(name).rstrip(".")] = code
    return by_name, canonical


def country_code(name: str | None) -> str | None:
    """ISO 3166-1 alpha-2 code for a country name as written, or None if unknown."""
    if not name or len(name) > MAX_NAME_CHARS:
        return None
    return _index()[0].get(fold(name.strip()).rstrip("."))


def is_country(name: str | None) -> bool:
    return country_code(name) is not None


def canonical_name(code: str) -> str | None:
    """Today's English short name for a code ("MK" -> "North Macedonia")."""
    return _index()[1].get(code.upper())


def flag_code(flag: str) -> str | None:
    """The ISO code of a flag emoji ("\U0001f1ee\U0001f1f7" -> "IR"), if it is a country's."""
    if len(flag) == 2 and all(0 <= ord(ch) - _REGIONAL_A < 26 for ch in flag):
        code = "".join(chr(ord(ch) - _REGIONAL_A + ord("A")) for ch in flag)
        return code if code in _index()[1] else None
    if flag.startswith("\U0001f3f4") and flag.endswith("\U000e007f"):
        tag = "".join(chr(ord(ch) - 0xE0000) for ch in flag[1:-1])
        return _TAG_FLAGS.get(tag)
    return None
