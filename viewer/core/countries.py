"""Country names as letters write them, mapped to ISO 3166-1 alpha-2 codes.

The table keeps historical and common short names ("Macedonia", "Burma", "UK") so a
country is recognised as the source wrote it; the source's spelling is always what is shown.
"""

from __future__ import annotations

from functools import lru_cache

from viewer.core.folding import fold

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

# Subdivision flags (a black flag and tag letters) that stand for a country of the table.
_TAG_FLAGS = {"gbeng": "GB", "gbsct": "GB", "gbwls": "GB"}
_REGIONAL_A = 0x1F1E6


@lru_cache(maxsize=1)
def _index() -> tuple[dict[str, str], dict[str, str]]:
    by_name: dict[str, str] = {}
    canonical: dict[str, str] = {}
    for line in _TABLE.splitlines():
        code, *names = line.split("|")
        canonical[code] = names[0]
        for name in names:
            by_name[fold(name).rstrip(".")] = code
    return by_name, canonical


def country_code(name: str | None) -> str | None:
    """ISO 3166-1 alpha-2 code for a country name as written, or None if unknown."""
    if not name:
        return None
    key = fold(name.strip()).rstrip(".")
    found = _index()[0].get(key)
    if found is None and key.startswith("the "):  # "from the United States"
        found = _index()[0].get(key[4:])
    return found


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
