"""Deterministic synthetic open letters for the scale benchmarks and tests.

Names come from many scripts (Latin with diacritics, Cyrillic, Greek, Arabic, Chinese,
Japanese, Korean, Devanagari), each country writing its signatories' names mostly in its own
script; 190 countries signed with a Zipf-like skew, as real petitions are dominated by a few
countries; roles likewise. The same seed and size always give the same letter.

    python benchmarks/synthetic.py --sizes 10k,100k --out /tmp/letters   # writes CSV files
"""

from __future__ import annotations

import argparse
import csv
import sys
from pathlib import Path

import numpy as np

if __package__ in (None, ""):  # run as a script: make the repository importable
    sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from viewer.core.countries import _TABLE  # the project's own country list
from viewer.core.model import Document, Metadata, Signatory

SEED = 20171204


def _words(text: str) -> list[str]:
    return text.split()


SIZES = {"10k": 10_000, "100k": 100_000, "1M": 1_000_000}

# Common names come first: indices are drawn with a Zipf-like skew.
LATIN_GIVEN = _words(
    "María José Jean Anna Mohamed Peter Ana Łukasz Zoë Søren Ángel François Jürgen Ingrid "
    "Björn Chloé Dvořák Renée Håkon Małgorzata Nuño İlkay Şebnem Ştefan Đorđe Ines Tomás "
    "Elif Ewa Oğuz Ramón Gaëlle Kristýna Jiří Ľubica Zoltán Éva Dāvis Žydrūnas Aurélie "
    "Thérèse Joaquín Niamh Siobhán Raúl Dagný Þórunn Hélène Gösta Mathilde Nguyễn Trần Lê "
    "Phạm Siddharth Kwame Chiamaka Oluwaseun Ngozi Tendai Amani Kofi Emily Michael Sarah "
    "David Laura James Paul Marie Thomas Sophie Daniel Julia Andrea Luca Giulia Marco"
)
LATIN_FAMILY = _words(
    "García Müller Smith Nowak Rößner Østergaard Şahin Yılmaz Nguyễn Kovačević Dvořák "
    "Johnson Rodríguez Fernández Kowalski Wiśniewski Lefèvre Gonçalves Jäger Öztürk Ødegård "
    "Hernández Martínez López González Pérez Sánchez Ramírez Torres Flores Álvarez Gómez "
    "Díaz Cruz Morales Ortiz Gutiérrez Chávez Ramos Ruiz Jiménez Mendoza Vásquez Castillo "
    "Schmidt Schneider Fischer Weber Meyer Wagner Becker Schulz Hoffmann Koch Richter Klein "
    "Wolf Schröder Neumann Schwarz Zimmermann Braun Krüger Hofmann Hartmann Lange Schmitt "
    "Rossi Russo Ferrari Esposito Bianchi Romano Colombo Ricci Marino Greco Bruno Gallo "
    "Dubois Durand Leroy Moreau Laurent Simon Michel Lefebvre Mercier Dupont Lambert Bonnet "
    "Jansen Visser Smit Bakker Janssen Dijkstra Mulder Bos Vos Peters Hendriks Dekker "
    "Andersen Nielsen Hansen Pedersen Larsen Sørensen Rasmussen Jørgensen Mikkelsen "
    "Horváth Szabó Tóth Nagy Kovács Varga Kiss Molnár Németh Farkas Balogh Papp Takács "
    "Novák Svoboda Novotný Dvořáková Černý Procházka Kučera Veselý Horák Němec Pokorný "
    "Jovanović Petrović Nikolić Marković Đorđević Stojanović Ilić Stanković Pavlović "
    "Popescu Ionescu Popa Stan Dumitru Stoica Gheorghe Matei Ciobanu Rusu Munteanu Ştefan "
    "Kaya Demir Çelik Şimşek Yıldız Yıldırım Öztürk Aydın Özdemir Arslan Doğan Kılıç "
    "Santos Oliveira Souza Silva Costa Pereira Carvalho Almeida Ribeiro Gonçalves Araújo "
    "Tan Lim Lee Ng Ong Wong Goh Chua Chan Koh Teo Ang Yeo Tay Ho Low Toh Sim Chong Chia "
    "Abdullah Rahman Ibrahim Ismail Hassan Yusof Othman Ahmad Aziz Hamid Osman Salleh"
)
LATIN_SYLLABLES = _words(
    "ka ma ra la na ta sa da ba ga va ko mo ro lo no to so do bo go vo ki mi ri li ni ti si "
    "di bi gi vi ku mu ru lu nu tu su du bu gu ké mé ré lé né té sé dé bé gé ñi ça ša ža "
    "čo ło ňa ří ös äu ül ér án ón ín ün ør åk æl ði þo ğa şı ıl ể ấ ộ"
)
CYRILLIC_GIVEN = _words(
    "Иван Ольга Сергей Наталья Алексей Елена Дмитрий Татьяна Андрей Ирина Михаил Анна "
    "Владимир Мария Николай Светлана Юрій Олена Богдан Ганна Йордан Цветана Милош Јована"
)
CYRILLIC_FAMILY = _words(
    "Иванов Смирнова Кузнецов Попова Васильев Петрова Соколов Михайлова Новиков Фёдорова "
    "Морозов Волкова Алексеев Лебедева Семёнов Егорова Шевченко Коваленко Бондаренко "
    "Ткаченко Кравченко Олійник Петров Георгиев Димитрова Јовановић Петровић Николић"
)
CYRILLIC_SYLLABLES = _words(
    "ко ва ли на ро ми ка за ше ры бо да ле ня ть ск ов ин ий ая ёж цы жу хо ще юк гі їв є"
)
GREEK_GIVEN = _words(
    "Γιώργος Μαρία Δημήτρης Ελένη Νίκος Αικατερίνη Κώστας Βασιλική Γιάννης Σοφία Άννα Ιωάννα"
)
GREEK_FAMILY = _words(
    "Παπαδόπουλος Οικονόμου Παπαδοπούλου Γεωργίου Νικολάου Βασιλείου Ιωάννου Κωνσταντίνου "
    "Αθανασίου Δημητρίου Παπανικολάου Μακρής Χριστοδούλου Αντωνίου Καραγιάννης Σταθόπουλος"
)
GREEK_SYLLABLES = _words("πα πα δο κω στα νι κο λα ου ρα μα θε ξε ψυ χρι φω βα γι ής ός άς ίδ")
ARABIC_GIVEN = _words(
    "محمد أحمد فاطمة علي حسن عائشة خالد مريم عمر زينب يوسف نور إبراهيم سارة عبدالله ليلى"
)
ARABIC_FAMILY = _words(
    "العلي الحسن المصري الخطيب الشامي النجار الحداد القاسم العمري السيد الزهراني التميمي "
    "الهاشمي البغدادي الأنصاري الدوسري القحطاني المالكي الشمري العتيبي"
)
ARABIC_SYLLABLES = _words("ال بن عب دال رح من سع يد حم زي نا صر قا سم كر يم فا ضل")
CHINESE_FAMILY = _words("王 李 张 刘 陈 杨 黄 赵 吴 周 徐 孙 马 朱 胡 郭 何 林 高 罗 郑 梁")
CHINESE_GIVEN_CHARS = list("伟芳娜敏静丽强磊军洋勇艳杰娟涛明超秀霞平刚桂英华玉兰建国志红文辉")
JAPANESE_FAMILY = _words("佐藤 鈴木 高橋 田中 伊藤 渡辺 山本 中村 小林 加藤 吉田 山田 佐々木 山口")
JAPANESE_GIVEN = _words("翔太 陽菜 蓮 結衣 大翔 さくら 健一 美咲 拓海 ゆい 直樹 花子 太郎 愛")
KOREAN_FAMILY = _words("김 이 박 최 정 강 조 윤 장 임 한 오 서 신 권")
KOREAN_GIVEN_SYLLABLES = list("민준서연지우하은도윤예진수빈현성영희철호경미")
DEVANAGARI_GIVEN = _words(
    "राहुल प्रिया अमित सुनीता विजय अनीता राजेश पूजा संजय कविता अर्जुन दीपिका सुरेश गीता"
)
DEVANAGARI_FAMILY = _words("शर्मा वर्मा गुप्ता सिंह कुमार यादव पटेल जोशी मिश्रा चौहान श्रीवास्तव ठाकुर")
DEVANAGARI_SYLLABLES = _words("रा जे श्री का मि ता नं दा वि ना सु धा प्र का शि वा")

# Where a country's signatories mostly write their names in another script than Latin.
SCRIPT_OF = {
    "Russia": "cyrillic", "Ukraine": "cyrillic", "Belarus": "cyrillic", "Bulgaria": "cyrillic",
    "Serbia": "cyrillic", "Kazakhstan": "cyrillic", "Kyrgyzstan": "cyrillic",
    "North Macedonia": "cyrillic", "Mongolia": "cyrillic", "Greece": "greek", "Cyprus": "greek",
    "Egypt": "arabic", "Saudi Arabia": "arabic", "Jordan": "arabic", "Iraq": "arabic",
    "Syria": "arabic", "Lebanon": "arabic", "Morocco": "arabic", "Algeria": "arabic",
    "Tunisia": "arabic", "Libya": "arabic", "Yemen": "arabic", "Oman": "arabic",
    "Kuwait": "arabic", "Qatar": "arabic", "Bahrain": "arabic", "United Arab Emirates": "arabic",
    "China": "chinese", "Taiwan": "chinese", "Singapore": "chinese", "Japan": "japanese",
    "South Korea": "korean", "India": "devanagari", "Nepal": "devanagari",
}  # fmt: skip
NATIVE_SHARE = 0.8  # the rest write their names in Latin letters

ROLES = (
    "Member of Parliament", "Former Member of Parliament", "Senator",
    "Member of the European Parliament", "Deputy", "Councillor", "Mayor", "Minister",
    "Former Minister", "Professor", "Journalist", "Lawyer", "Human rights defender",
    "Student", "Teacher", "Doctor", "Trade unionist", "Writer", "Artist", "Citizen",
)  # fmt: skip
ROLE_MISSING = 0.03
COUNTRY_MISSING = 0.02


def country_names() -> list[str]:
    """190 country names (the canonical names of the project's country table)."""
    names = [line.split("|")[1] for line in _TABLE.splitlines() if line]
    return [n for n in names if n != "European Union"][:190]


def _zipf_weights(n: int, exponent: float) -> np.ndarray:
    w = 1.0 / np.arange(1, n + 1) ** exponent
    return w / w.sum()


def _pick(rng: np.random.Generator, pool: list[str] | tuple[str, ...], n: int, s: float = 1.0):
    return rng.choice(len(pool), size=n, p=_zipf_weights(len(pool), s))


class _Namer:
    """Names of one script: common names by a skewed draw, plus made-up rarer ones."""

    def __init__(self, rng: np.random.Generator, script: str):
        self.rng = rng
        self.script = script

    def names(self, n: int) -> list[str]:
        return getattr(self, "_" + self.script)(n)

    def _compound(self, common: list[str], syllables: list[str], n: int, made_up: float):
        """Family names: a common one (skewed) or, with probability made_up, a rarer one."""
        rng = self.rng
        picks = [common[i] for i in _pick(rng, common, n)]
        invent = np.flatnonzero(rng.random(n) < made_up)
        counts = rng.integers(2, 5, size=invent.size)
        parts = rng.integers(0, len(syllables), size=(invent.size, 4))
        for j, (k, row) in enumerate(zip(counts, parts, strict=True)):
            word = "".join(syllables[p] for p in row[:k])
            picks[invent[j]] = word[:1].upper() + word[1:]
        return picks

    def _latin(self, n: int) -> list[str]:
        given = [LATIN_GIVEN[i] for i in _pick(self.rng, LATIN_GIVEN, n, 0.7)]
        family = self._compound(LATIN_FAMILY, LATIN_SYLLABLES, n, 0.45)
        double = self.rng.random(n) < 0.15  # "García López", "Müller-Gemmeke"
        second = self._compound(LATIN_FAMILY, LATIN_SYLLABLES, n, 0.45)
        sep = np.where(self.rng.random(n) < 0.5, " ", "-")
        return [
            f"{g} {f}{sep[i]}{second[i]}" if double[i] else f"{g} {f}"
            for i, (g, f) in enumerate(zip(given, family, strict=True))
        ]

    def _simple(self, given_pool, family_pool, syllables, n: int, family_first: bool):
        given = [given_pool[i] for i in _pick(self.rng, given_pool, n, 0.8)]
        family = self._compound(family_pool, syllables, n, 0.35)
        pairs = zip(family, given, strict=True) if family_first else zip(given, family, strict=True)
        return [f"{a} {b}" for a, b in pairs]

    def _cyrillic(self, n: int) -> list[str]:
        return self._simple(CYRILLIC_GIVEN, CYRILLIC_FAMILY, CYRILLIC_SYLLABLES, n, False)

    def _greek(self, n: int) -> list[str]:
        return self._simple(GREEK_GIVEN, GREEK_FAMILY, GREEK_SYLLABLES, n, False)

    def _arabic(self, n: int) -> list[str]:
        return self._simple(ARABIC_GIVEN, ARABIC_FAMILY, ARABIC_SYLLABLES, n, False)

    def _devanagari(self, n: int) -> list[str]:
        return self._simple(DEVANAGARI_GIVEN, DEVANAGARI_FAMILY, DEVANAGARI_SYLLABLES, n, False)

    def _japanese(self, n: int) -> list[str]:
        given = [JAPANESE_GIVEN[i] for i in _pick(self.rng, JAPANESE_GIVEN, n, 0.8)]
        family = [JAPANESE_FAMILY[i] for i in _pick(self.rng, JAPANESE_FAMILY, n)]
        return [f + g for f, g in zip(family, given, strict=True)]

    def _chinese(self, n: int) -> list[str]:
        family = [CHINESE_FAMILY[i] for i in _pick(self.rng, CHINESE_FAMILY, n)]
        chars = self.rng.integers(0, len(CHINESE_GIVEN_CHARS), size=(n, 2))
        two = self.rng.random(n) < 0.7
        return [
            f + CHINESE_GIVEN_CHARS[c[0]] + (CHINESE_GIVEN_CHARS[c[1]] if two[i] else "")
            for i, (f, c) in enumerate(zip(family, chars, strict=True))
        ]

    def _korean(self, n: int) -> list[str]:
        family = [KOREAN_FAMILY[i] for i in _pick(self.rng, KOREAN_FAMILY, n)]
        syl = self.rng.integers(0, len(KOREAN_GIVEN_SYLLABLES), size=(n, 2))
        return [
            f + KOREAN_GIVEN_SYLLABLES[a] + KOREAN_GIVEN_SYLLABLES[b]
            for f, (a, b) in zip(family, syl, strict=True)
        ]


def signatories(size: int, seed: int = SEED) -> tuple[Signatory, ...]:
    """size signatories, the same for the same seed."""
    rng = np.random.default_rng(seed)
    countries = country_names()
    order = np.random.default_rng(seed + 1).permutation(len(countries))
    ranked = [countries[i] for i in order]  # which countries are the big ones
    country_idx = _pick(rng, ranked, size, 1.1)
    role_idx = _pick(rng, ROLES, size, 1.2)
    scripts = np.array([SCRIPT_OF.get(c, "latin") for c in ranked])[country_idx]
    scripts[rng.random(size) >= NATIVE_SHARE] = "latin"
    names = np.empty(size, dtype=object)
    for script in np.unique(scripts):
        where = np.flatnonzero(scripts == script)
        names[where] = _Namer(rng, str(script)).names(where.size)
    no_role = rng.random(size) < ROLE_MISSING
    no_country = rng.random(size) < COUNTRY_MISSING
    return tuple(
        Signatory(
            name=names[i],
            role=None if no_role[i] else ROLES[role_idx[i]],
            country=None if no_country[i] else ranked[country_idx[i]],
            position=i + 1,
        )
        for i in range(size)
    )


def document(size: int, seed: int = SEED) -> Document:
    """A synthetic letter with size signatories."""
    meta = Metadata(title=f"Synthetic letter with {size:,} signatories")
    return Document(signatories=signatories(size, seed), metadata=meta)


def write_csv(size: int, path: str | Path, seed: int = SEED) -> Path:
    """The synthetic signatories as a CSV file (header name,role,country)."""
    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    with path.open("w", encoding="utf-8", newline="") as f:
        writer = csv.writer(f, lineterminator="\n")
        writer.writerow(["name", "role", "country"])
        writer.writerows((s.name, s.role or "", s.country or "") for s in signatories(size, seed))
    return path


def parse_sizes(text: str) -> list[int]:
    """ "10k,100k,1M" -> [10000, 100000, 1000000]"""
    out = []
    for part in text.split(","):
        part = part.strip()
        if part in SIZES:
            out.append(SIZES[part])
        elif part:
            scale = {"k": 1_000, "K": 1_000, "M": 1_000_000, "m": 1_000_000}.get(part[-1], 1)
            out.append(int(float(part.rstrip("kKmM")) * scale))
    return out


def csv_for(size: int, folder: str | Path) -> Path:
    """The synthetic letter of this size as a CSV in folder, written the first time."""
    path = Path(folder) / f"synthetic-{size_label(size)}.csv"
    if not path.exists():
        print(f"writing {path} ...", flush=True)
        write_csv(size, path)
    return path


def size_label(n: int) -> str:
    if n >= 1_000_000 and n % 1_000_000 == 0:
        return f"{n // 1_000_000}M"
    if n >= 1_000 and n % 1_000 == 0:
        return f"{n // 1_000}k"
    return str(n)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", default="10k,100k,1M")
    parser.add_argument("--out", default="benchmarks/.data", help="folder for the CSV files")
    parser.add_argument("--seed", type=int, default=SEED)
    args = parser.parse_args(argv)
    for n in parse_sizes(args.sizes):
        path = write_csv(n, Path(args.out) / f"synthetic-{size_label(n)}.csv", args.seed)
        print(f"{path}  {path.stat().st_size / 1e6:.1f} MB")
    return 0


if __name__ == "__main__":
    sys.exit(main())
