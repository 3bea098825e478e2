"""Seeded synthetic data at any size (design section 11), vectorised with numpy.

The world: an ESCO-sized skill vocabulary (13,900 skills in ~300 groups, Zipf-like popularity),
436 ISCO-like unit groups in a 10 / 43 / 130 / 436 hierarchy (codes look real, e.g. 2221, but are
not the official list), the 88 ISIC Rev.4 divisions in their 21 sections, ~200 countries (pycountry
alpha-2), 11 destination countries with ~30 legal pathways of every kind, exchange rates (one
currency deliberately missing), and the WHO health workforce safeguards list (2023).

Vacancies are records (`make_vacancies`); pools come as columns (`make_pool_columns`, ~15 skills
each with shares) because a million frozen dataclasses with 15 million skill records would take
minutes and gigabytes; `PoolIndex.from_columns` indexes them directly and `PoolColumns.to_pools`
gives records for the reference scorer at small sizes. Same seed, same data.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from datetime import date

import numpy as np
import pycountry

from matching.ranker import NO_DATE, PoolColumns
from matching.records import (
    DEFAULT_WEIGHTS,
    Context,
    ContractType,
    ExchangeRates,
    Importance,
    LanguageRequirement,
    Money,
    Pathway,
    PathwayKind,
    Pool,
    SkillRequirement,
    Taxonomy,
    Vacancy,
    WagePeriod,
)

N_SKILLS = 13_900
N_GROUPS = 300
PROFILE_SIZE = 40

#: ISIC Rev.4 sections and their division ranges (88 divisions).
ISIC_SECTIONS: dict[str, tuple[int, ...]] = {
    "A": (1, 2, 3),
    "B": (5, 6, 7, 8, 9),
    "C": tuple(range(10, 34)),
    "D": (35,),
    "E": (36, 37, 38, 39),
    "F": (41, 42, 43),
    "G": (45, 46, 47),
    "H": (49, 50, 51, 52, 53),
    "I": (55, 56),
    "J": (58, 59, 60, 61, 62, 63),
    "K": (64, 65, 66),
    "L": (68,),
    "M": (69, 70, 71, 72, 73, 74, 75),
    "N": (77, 78, 79, 80, 81, 82),
    "O": (84,),
    "P": (85,),
    "Q": (86, 87, 88),
    "R": (90, 91, 92, 93),
    "S": (94, 95, 96),
    "T": (97, 98),
    "U": (99,),
}
#: ISCO-08 sub-major groups per major group (43 in all), as in the real structure.
SUB_MAJORS: dict[str, int] = {
    "0": 3,
    "1": 4,
    "2": 6,
    "3": 5,
    "4": 4,
    "5": 4,
    "6": 3,
    "7": 5,
    "8": 3,
    "9": 6,
}
#: WHO health workforce support and safeguards list 2023 (ISO alpha-3), 55 countries.


def _words(text: str) -> tuple[str, ...]:
    return tuple(text.split())


WHO_SAFEGUARD_ALPHA3: tuple[str, ...] = _words(
    "AGO BEN BFA BDI CMR CAF TCD COM COG CIV COD GNQ ERI ETH GAB GMB GHA GIN GNB LSO LBR MDG MWI "
    "MLI MRT MOZ NER NGA RWA SEN SLE SSD TGO UGA TZA ZMB ZWE AFG DJI PAK SOM SDN YEM BGD NPL TLS "
    "KIR LAO FSM PNG WSM SLB TUV VUT HTI"
)
#: Destination -> (currency, language).
DESTINATIONS: dict[str, tuple[str, str]] = {
    "DE": ("EUR", "de"),
    "FR": ("EUR", "fr"),
    "IT": ("EUR", "it"),
    "ES": ("EUR", "es"),
    "SE": ("SEK", "sv"),
    "GB": ("GBP", "en"),
    "CA": ("CAD", "en"),
    "AU": ("AUD", "en"),
    "JP": ("JPY", "ja"),
    "AE": ("AED", "ar"),
    "CH": ("CHF", "de"),
}
#: EUR per unit; CHF is left out on purpose so some pairs fail with no_exchange_rate.
RATES: dict[str, float] = {
    "EUR": 1.0,
    "USD": 0.92,
    "GBP": 1.17,
    "SEK": 0.088,
    "CAD": 0.68,
    "AUD": 0.61,
    "JPY": 0.0062,
    "KRW": 0.00069,
    "AED": 0.25,
}
#: Typical full-time annual wage in EUR, used to size wages and thresholds.
ANNUAL_EUR = {"EUR": 42_000.0, "SEK": 40_000.0, "GBP": 45_000.0, "CAD": 44_000.0}
ORIGIN_LANGUAGES = [
    "en",
    "fr",
    "es",
    "ar",
    "pt",
    "hi",
    "bn",
    "ur",
    "tl",
    "sw",
    "ru",
    "zh",
    "id",
    "vi",
    "am",
    "ha",
    "yo",
    "ne",
    "si",
    "uz",
    "ps",
    "so",
    "my",
    "km",
    "lo",
]


@dataclass(frozen=True)
class World:
    """The fixed parts of a synthetic dataset: taxonomies, pathways, rates, popularity."""

    seed: int
    taxonomy: Taxonomy
    ctx: Context
    skills: tuple[str, ...]
    skill_popularity: np.ndarray  # probabilities over skills
    occupations: tuple[str, ...]
    occupation_popularity: np.ndarray
    occupation_divisions: np.ndarray  # (n_occ, 2) indices into divisions
    profiles: np.ndarray  # (n_occ, PROFILE_SIZE) skill indices
    profile_p: np.ndarray  # probabilities over profile positions
    divisions: tuple[str, ...]
    origins: tuple[str, ...]
    origin_popularity: np.ndarray
    origin_language: np.ndarray  # index into languages
    languages: tuple[str, ...]


def _zipf(n: int, s: float, rng: np.random.Generator, offset: float = 5.0) -> np.ndarray:
    """Zipf-like probabilities over n items in a random order."""
    weights = 1.0 / (np.arange(n) + offset) ** s
    rng.shuffle(weights)
    return weights / weights.sum()


def _spread(total: int, n: int, rng: np.random.Generator, cap: int = 9) -> np.ndarray:
    """n counts, each in 1..cap, summing to total (one-digit child codes)."""
    counts = 1 + rng.multinomial(total - n, np.full(n, 1 / n))
    while counts.max() > cap:  # move the excess of full parents to the emptiest ones
        i = int(np.argmax(counts))
        counts[i] -= 1
        counts[int(np.argmin(counts))] += 1
    return counts


def _occupations(rng: np.random.Generator) -> list[str]:
    """436 four-digit codes: 43 sub-majors -> 130 minors -> 436 unit groups, by code prefix.

    As in ISCO-08, major group 0 (armed forces) has one minor and one unit group per sub-major.
    """
    sub_majors = [f"{major}{i}" for major, count in SUB_MAJORS.items() for i in range(1, count + 1)]
    civil = [sm for sm in sub_majors if not sm.startswith("0")]
    per_sub = dict(zip(civil, _spread(130 - 3, len(civil), rng), strict=True))
    per_sub["53"] = max(per_sub["53"], 2)  # keep the health prefix 532 (design section 4)
    while sum(per_sub.values()) > 127:
        i = max((sm for sm in civil if sm != "53"), key=lambda sm: per_sub[sm])
        per_sub[i] -= 1
    military = [f"{sm}1" for sm in sub_majors if sm.startswith("0")]
    minors = [f"{sm}{j}" for sm in civil for j in range(1, per_sub[sm] + 1)]
    units_per = _spread(436 - 3, len(minors), rng)
    units = [f"{mi}{j}" for mi, u in zip(minors, units_per, strict=True) for j in range(1, u + 1)]
    return sorted([f"{mi}1" for mi in military] + units)


def make_world(seed: int = 0) -> World:
    rng = np.random.default_rng([seed, 1])
    skills = tuple(f"S{i:05d}" for i in range(N_SKILLS))
    group_sizes = rng.multinomial(N_SKILLS, _zipf(N_GROUPS, 0.6, rng, offset=20.0))
    group_of = np.repeat(np.arange(N_GROUPS), group_sizes)
    rng.shuffle(group_of)
    no_group = rng.random(N_SKILLS) < 0.02  # a few skills sit outside any group
    skill_group = {
        s: (None if no_group[i] else f"G{group_of[i]:03d}") for i, s in enumerate(skills)
    }
    skill_pop = _zipf(N_SKILLS, 1.0, rng, offset=10.0)

    occupations = _occupations(rng)
    n_occ = len(occupations)
    occ_pop = _zipf(n_occ, 0.9, rng, offset=3.0)
    members = [np.flatnonzero(group_of == g) for g in range(N_GROUPS)]
    members = [m if len(m) else np.arange(5) for m in members]
    profiles = np.empty((n_occ, PROFILE_SIZE), np.int64)
    for o in range(n_occ):
        home = rng.choice(N_GROUPS, size=3, replace=False)
        pool = np.concatenate([members[g] for g in home])
        n_home = 28
        profiles[o, :n_home] = rng.choice(pool, size=n_home, replace=len(pool) < n_home)
        profiles[o, n_home:] = rng.choice(N_SKILLS, size=PROFILE_SIZE - n_home, p=skill_pop)
    profile_p = 1.0 / (np.arange(PROFILE_SIZE) + 4.0)
    profile_p /= profile_p.sum()

    divisions = tuple(f"{d:02d}" for ds in ISIC_SECTIONS.values() for d in ds)
    sector_section = {f"{d:02d}": sec for sec, ds in ISIC_SECTIONS.items() for d in ds}
    occ_div = rng.integers(0, len(divisions), size=(n_occ, 2))

    who = frozenset(pycountry.countries.get(alpha_3=a3).alpha_2 for a3 in WHO_SAFEGUARD_ALPHA3)
    all_countries = sorted(c.alpha_2 for c in pycountry.countries)
    others = [c for c in all_countries if c not in DESTINATIONS]
    chosen = rng.choice(len(others), size=200 - len(DESTINATIONS), replace=False)
    origins = tuple(sorted(set(np.asarray(others)[chosen].tolist()) | (who & set(others))))
    origin_pop = _zipf(len(origins), 0.8, rng, offset=4.0)
    languages = tuple(sorted(set(ORIGIN_LANGUAGES) | {lang for _, lang in DESTINATIONS.values()}))
    origin_language = np.array(
        [
            languages.index(ORIGIN_LANGUAGES[i])
            for i in rng.integers(0, len(ORIGIN_LANGUAGES), len(origins))
        ]
    )
    taxonomy = Taxonomy(sector_section=sector_section, skill_group=skill_group, who_safeguard=who)
    pathways, quota_used = _pathways(rng, occupations, origins, who)
    ctx = Context(
        taxonomy=taxonomy,
        pathways=pathways,
        rates=ExchangeRates("EUR", dict(RATES)),
        quota_used=quota_used,
        weights=dict(DEFAULT_WEIGHTS),
    )
    return World(
        seed=seed,
        taxonomy=taxonomy,
        ctx=ctx,
        skills=skills,
        skill_popularity=skill_pop,
        occupations=tuple(occupations),
        occupation_popularity=occ_pop,
        occupation_divisions=occ_div,
        profiles=profiles,
        profile_p=profile_p,
        divisions=divisions,
        origins=origins,
        origin_popularity=origin_pop,
        origin_language=origin_language,
        languages=languages,
    )


def _annual(currency: str) -> float:
    """A typical annual wage in the currency (so thresholds bite at realistic rates)."""
    eur = ANNUAL_EUR.get(currency, 40_000.0)
    return eur / RATES.get(currency, 1.05)  # CHF is worth ~1.05 EUR though not in the table


def _pathways(
    rng: np.random.Generator, occupations: list[str], origins: tuple[str, ...], who: frozenset[str]
) -> tuple[tuple[Pathway, ...], dict[tuple[str, int], int]]:
    """~30 pathways: work visas, bilateral agreements, seasonal schemes, G2G programmes."""
    pathways: list[Pathway] = []
    quota_used: dict[tuple[str, int], int] = {}
    majors = sorted({o[:1] for o in occupations})
    sub_majors = sorted({o[:2] for o in occupations})
    minors = sorted({o[:3] for o in occupations})
    origin_arr = np.asarray(origins)
    who_origins = sorted(who & set(origins))
    for dest, (ccy, lang) in DESTINATIONS.items():
        if dest == "CH":
            # A single pathway: its CHF threshold has no rate (see RATES).
            pathways.append(
                Pathway(
                    code="CH-PERMIT-B",
                    name="CH residence permit B (non-EU quota)",
                    destination=dest,
                    wage_threshold=Money(7_000.0, "CHF", WagePeriod.MONTH),
                    annual_quota=4_500,
                    min_isced=3,
                )
            )
            continue
        annual = _annual(ccy)
        # Skilled work visa: any origin, professional and technical occupations.
        pathways.append(
            Pathway(
                code=f"{dest}-SKILLED",
                name=f"{dest} skilled worker visa",
                destination=dest,
                kind=PathwayKind.WORK_VISA,
                occupations=("1", "2", "3"),
                excluded_occupations=(str(rng.choice(minors)),),
                min_isced=int(rng.choice([5, 6])),
                languages=(LanguageRequirement(lang, 2), LanguageRequirement("en", 3)),
                min_experience_years=float(rng.choice([0.0, 1.0, 2.0])),
                wage_threshold=Money(
                    round(annual * rng.uniform(0.9, 1.2), -2), ccy, WagePeriod.YEAR
                ),
                contract_types=frozenset({ContractType.PERMANENT, ContractType.TEMPORARY}),
                requires_employer_pays=bool(rng.random() < 0.3),
            )
        )
        # General employment permit: middle- and lower-skilled occupations, any origin.
        pathways.append(
            Pathway(
                code=f"{dest}-EMPLOYMENT",
                name=f"{dest} general employment permit",
                destination=dest,
                kind=PathwayKind.WORK_VISA,
                occupations=("4", "5", "6", "7", "8", "9"),
                min_isced=2,
                languages=(LanguageRequirement(lang, 1), LanguageRequirement("en", 2)),
                wage_threshold=Money(round(annual * 0.55, -2), ccy, WagePeriod.YEAR),
                contract_types=frozenset({ContractType.PERMANENT, ContractType.TEMPORARY}),
                max_contract_months=None if rng.random() < 0.7 else 36,
                requires_employer_pays=bool(rng.random() < 0.5),
                valid_from=date(2025, 1, 1) if rng.random() < 0.3 else None,
            )
        )
        # Bilateral labour agreement: named origins, a few occupation groups, a quota.
        code = f"{dest}-BLA"
        quota = int(rng.integers(200, 5000))
        pathways.append(
            Pathway(
                code=code,
                name=f"{dest} bilateral labour agreements",
                destination=dest,
                kind=PathwayKind.BILATERAL_AGREEMENT,
                origins=frozenset(
                    rng.choice(origin_arr, size=int(rng.integers(8, 40)), replace=False).tolist()
                ),
                occupations=tuple(
                    rng.choice(
                        sub_majors + minors, size=int(rng.integers(3, 10)), replace=False
                    ).tolist()
                ),
                languages=(LanguageRequirement(lang, 1),) if rng.random() < 0.6 else (),
                min_isced=int(rng.choice([2, 3])) if rng.random() < 0.5 else None,
                wage_threshold=Money(round(annual / 12 * 0.7, -1), ccy, WagePeriod.MONTH),
                annual_quota=quota,
                requires_employer_pays=True,
                valid_from=date(2024, 1, 1),
                valid_to=date(2027, 6, 30) if rng.random() < 0.5 else None,
            )
        )
        for year in (2025, 2026, 2027):
            quota_used[(code, year)] = int(quota * rng.choice([0.2, 0.6, 0.95, 1.0]))
        if rng.random() < 0.45:
            pathways.append(
                Pathway(
                    code=f"{dest}-SEASONAL",
                    name=f"{dest} seasonal work scheme",
                    destination=dest,
                    kind=PathwayKind.SEASONAL_SCHEME,
                    origins=frozenset(rng.choice(origin_arr, size=12, replace=False).tolist()),
                    occupations=("6", "9", "51", "83"),
                    sectors=frozenset({"A", "I", "55", "56"}),
                    wage_threshold=Money(round(annual / 2080 * 0.6, 2), ccy, WagePeriod.HOUR),
                    contract_types=frozenset({ContractType.SEASONAL}),
                    max_contract_months=int(rng.choice([6, 9])),
                    valid_from=date(2025, 3, 1),
                )
            )
        if rng.random() < 0.35:
            pathways.append(
                Pathway(
                    code=f"{dest}-G2G-HEALTH",
                    name=f"{dest} government-to-government health workers programme",
                    destination=dest,
                    kind=PathwayKind.G2G_PROGRAMME,
                    origins=frozenset(
                        rng.choice(origin_arr, size=6, replace=False).tolist()
                        + rng.choice(who_origins, size=3, replace=False).tolist()
                    ),
                    occupations=("22", "32", "532"),
                    languages=(LanguageRequirement(lang, 2),),
                    min_isced=4,
                    government_to_government=True,
                    annual_quota=int(rng.integers(100, 1000)),
                )
            )
    del majors
    return tuple(pathways), quota_used


def make_vacancies(world: World, n: int, seed: int = 0) -> list[Vacancy]:
    rng = np.random.default_rng([world.seed, 2, seed])
    n_occ = len(world.occupations)
    occ = rng.choice(n_occ, size=n, p=world.occupation_popularity)
    dests = list(DESTINATIONS)
    dest = rng.integers(0, len(dests), size=n)
    n_skills = np.clip(rng.poisson(15, size=n), 0, 25)
    n_skills[rng.random(n) < 0.01] = 0
    prof_pos = rng.choice(PROFILE_SIZE, size=(n, 25), p=world.profile_p)
    skill_idx = world.profiles[occ[:, None], prof_pos]
    off = rng.random((n, 25)) < 0.15
    skill_idx[off] = rng.choice(N_SKILLS, size=int(off.sum()), p=world.skill_popularity)
    essential = rng.random((n, 25)) < 0.6
    derived = rng.random((n, 25)) < 0.2
    starts = date(2025, 1, 1).toordinal() + rng.integers(0, 3 * 365, size=n)
    by_dest: dict[str, list[Pathway]] = {}
    for p in world.ctx.pathways:
        by_dest.setdefault(p.destination, []).append(p)
    codes = {d: [p.code for p in ps] for d, ps in by_dest.items()}
    periods = [WagePeriod.HOUR, WagePeriod.MONTH, WagePeriod.YEAR]
    contract_types = [ContractType.SEASONAL, ContractType.TEMPORARY, ContractType.PERMANENT]
    # Its own stream, so adding the flag changed no other draw: ~30% of languages are required.
    required = np.random.default_rng([world.seed, 5, seed]).random((n, 2)) < 0.3
    out: list[Vacancy] = []
    for i in range(n):
        d = dests[dest[i]]
        ccy, lang = DESTINATIONS[d]
        occupation = world.occupations[occ[i]]
        seen: set[str] = set()
        skills: list[SkillRequirement] = []
        for j in range(n_skills[i]):
            s = world.skills[skill_idx[i, j]]
            if s in seen:
                continue
            seen.add(s)
            imp = Importance.ESSENTIAL if essential[i, j] else Importance.OPTIONAL
            skills.append(SkillRequirement(s, imp, bool(derived[i, j])))
        langs: list[LanguageRequirement] = []
        if rng.random() < 0.6:
            langs.append(LanguageRequirement(lang, int(rng.integers(1, 4)), bool(required[i, 0])))
        if lang != "en" and rng.random() < 0.3:
            langs.append(LanguageRequirement("en", 2, bool(required[i, 1])))
        major = occupation[0]
        skilled = major in "123"
        period = periods[int(rng.integers(0, 3))]
        wage_ccy = ccy if rng.random() < 0.9 else ("EUR" if ccy != "EUR" else "USD")
        annual = _annual(wage_ccy) * rng.uniform(0.7, 1.8) * (1.3 if skilled else 0.8)
        amount = {WagePeriod.HOUR: annual / 2080, WagePeriod.MONTH: annual / 12}.get(period, annual)
        ctype = contract_types[int(rng.choice(3, p=[0.2, 0.35, 0.45]))]
        months = None if ctype is ContractType.PERMANENT else int(rng.choice([4, 6, 9, 12, 24]))
        named: tuple[str, ...] = ()
        if rng.random() < 0.15:
            # Employers name a pathway meant for the occupation (rarely one that is not).
            fitting = [
                p.code
                for p in by_dest[d]
                if not p.occupations or any(occupation.startswith(x) for x in p.occupations)
            ]
            named = (str(rng.choice(fitting if fitting and rng.random() < 0.9 else codes[d])),)
        div = world.divisions[world.occupation_divisions[occ[i], int(rng.integers(0, 2))]]
        out.append(
            Vacancy(
                id=f"V{i:06d}",
                destination=d,
                occupation=occupation,
                start_date=date.fromordinal(int(starts[i])),
                openings=int(rng.integers(1, 50)),
                sector=div if rng.random() < 0.9 else None,
                skills=tuple(skills),
                languages=tuple(langs),
                min_isced=(int(rng.integers(5, 8)) if skilled else int(rng.integers(1, 4)))
                if rng.random() < 0.7
                else None,
                min_experience_years=float(rng.choice([1.0, 2.0, 3.0, 5.0]))
                if rng.random() < 0.7
                else None,
                wage=Money(round(float(amount), 2), wage_ccy, period)
                if rng.random() < 0.97
                else None,
                contract_type=ctype,
                contract_months=months,
                employer_pays_fees=bool(rng.random() < 0.85),
                pathways=named,
            )
        )
    return out


def make_pool_columns(world: World, n: int, seed: int = 0) -> PoolColumns:
    """n pools as columns, without building any record (10^6 pools in a few seconds)."""
    rng = np.random.default_rng([world.seed, 3, seed])
    n_occ = len(world.occupations)
    occ = rng.choice(n_occ, size=n, p=world.occupation_popularity).astype(np.int32)
    origin = rng.choice(len(world.origins), size=n, p=world.origin_popularity).astype(np.int32)
    headcount = np.maximum(1, rng.lognormal(4.0, 1.2, size=n)).astype(np.int64)
    majors = np.array([int(o[0]) for o in world.occupations])[occ]
    base_isced = np.where((majors >= 1) & (majors <= 3), 6, 3)
    isced = np.clip(base_isced + rng.integers(-2, 2, size=n), 0, 8).astype(np.int64)
    experience = np.round(rng.gamma(2.0, 2.0, size=n), 1)
    r = rng.random(n)
    sector = np.where(
        r < 0.8,
        world.occupation_divisions[occ, rng.integers(0, 2, size=n)],
        rng.integers(0, len(world.divisions), size=n),
    ).astype(np.int32)
    sector[r > 0.9] = -1
    available = np.where(
        rng.random(n) < 0.5,
        NO_DATE,
        date(2025, 1, 1).toordinal() + rng.integers(0, 900, size=n),
    ).astype(np.int64)

    # Skills: ~15 per pool from the occupation's profile (85%) or the global Zipf popularity.
    m_max = 30
    m = np.clip(rng.poisson(19, size=n), 3, m_max)
    pos = rng.choice(PROFILE_SIZE, size=(n, m_max), p=world.profile_p)
    skill = world.profiles[occ[:, None], pos]
    off = rng.random((n, m_max)) < 0.15
    skill[off] = rng.choice(N_SKILLS, size=int(off.sum()), p=world.skill_popularity)
    skill[np.arange(m_max)[None, :] >= m[:, None]] = N_SKILLS  # sentinel: unused slot
    skill.sort(axis=1)
    keep = skill < N_SKILLS
    keep[:, 1:] &= skill[:, 1:] != skill[:, :-1]  # one entry per skill
    counts = keep.sum(axis=1)
    skill_ptr = np.zeros(n + 1, np.int64)
    np.cumsum(counts, out=skill_ptr[1:])
    skill_flat = skill[keep].astype(np.int32)
    shares = np.round(rng.beta(2.0, 1.2, size=len(skill_flat)), 2)
    shares[rng.random(len(skill_flat)) < 0.15] = 1.0

    # Languages: native (always), English (often), a destination language (sometimes).
    langs = world.languages
    en = langs.index("en")
    dest_langs = np.array([langs.index(lang) for _, lang in DESTINATIONS.values()])
    native = world.origin_language[origin]
    slot_lang = np.stack(
        [native, np.full(n, en), dest_langs[rng.integers(0, len(dest_langs), size=n)]], axis=1
    )
    slot_level = np.stack(
        [np.full(n, 5), rng.integers(2, 5, size=n), rng.integers(0, 4, size=n)], axis=1
    ).astype(np.int8)
    slot_share = np.stack(
        [
            np.round(rng.uniform(0.8, 1.0, size=n), 2),
            np.round(rng.uniform(0.05, 0.6, size=n), 2),
            np.round(rng.uniform(0.02, 0.3, size=n), 2),
        ],
        axis=1,
    )
    slot_keep = np.stack(
        [np.ones(n, bool), (rng.random(n) < 0.7) & (native != en), rng.random(n) < 0.35], axis=1
    )
    slot_keep[:, 2] &= slot_lang[:, 2] != slot_lang[:, 0]
    lang_ptr = np.zeros(n + 1, np.int64)
    np.cumsum(slot_keep.sum(axis=1), out=lang_ptr[1:])

    ids = np.empty(n, dtype=object)
    ids[:] = [f"P{i:07d}" for i in range(n)]
    return PoolColumns(
        ids=ids,
        origin=origin,
        origin_vocab=world.origins,
        occupation=occ,
        occupation_vocab=world.occupations,
        sector=sector,
        sector_vocab=world.divisions,
        headcount=headcount,
        isced=isced,
        experience=experience,
        available_from=available,
        skill_ptr=skill_ptr,
        skill=skill_flat,
        skill_share=shares,
        skill_vocab=world.skills,
        lang_ptr=lang_ptr,
        lang=slot_lang[slot_keep].astype(np.int32),
        lang_level=slot_level[slot_keep],
        lang_share=slot_share[slot_keep],
        lang_vocab=langs,
    )


def with_approvals(
    ctx: Context,
    vacancies: list[Vacancy],
    pool_ids: np.ndarray,
    headcounts: np.ndarray,
    seed: int = 0,
    share: float = 0.01,
) -> Context:
    """The context with approvals on about `share` of the pools (a programme under way): each
    picked pool has part of its headcount approved for one or two vacancies."""
    rng = np.random.default_rng([seed, 7])
    n = len(pool_ids)
    if not vacancies or not n:
        return ctx
    picked = rng.choice(n, size=max(1, int(n * share)), replace=False)
    approved: dict[tuple[str, str], int] = {}
    for row in picked.tolist():
        for _ in range(int(rng.integers(1, 3))):
            vacancy = vacancies[int(rng.integers(0, len(vacancies)))]
            part = int(rng.integers(1, max(2, int(headcounts[row]) // 2 + 1)))
            key = (vacancy.id, str(pool_ids[row]))
            approved[key] = approved.get(key, 0) + part
    return replace(ctx, approved=approved)


def make_dataset(
    n_vacancies: int, n_pools: int, seed: int = 0
) -> tuple[list[Vacancy], list[Pool], Context]:
    """Records for everything (what the reference scorer needs); for small and medium sizes."""
    world = make_world(seed)
    vacancies = make_vacancies(world, n_vacancies, seed)
    columns = make_pool_columns(world, n_pools, seed)
    ctx = with_approvals(world.ctx, vacancies, columns.ids, columns.headcount, seed)
    return vacancies, columns.to_pools(), ctx


def make_columns_dataset(
    n_vacancies: int, n_pools: int, seed: int = 0
) -> tuple[list[Vacancy], PoolColumns, Context]:
    """Vacancy records and pool columns (for PoolIndex.from_columns); any size."""
    world = make_world(seed)
    vacancies = make_vacancies(world, n_vacancies, seed)
    columns = make_pool_columns(world, n_pools, seed)
    ctx = with_approvals(world.ctx, vacancies, columns.ids, columns.headcount, seed)
    return vacancies, columns, ctx
