"""Small gazetteer used only to label the development corpus (make_corpus.py).

PLACES maps a canonical English name to (zone, kind, lat, lon). lat/lon are given for
settlements and features only (None for countries, regions, districts).
ALIASES maps a surface form (as it may appear in a report) to its default canonical name;
labels in make_corpus.py may override the default (homonyms such as Aghdam or Martuni).

Coordinates were taken from public gazetteer pages (Wikipedia-style infoboxes) where a
search was made; those marked "approx" below are estimates from nearby verified points
(no stored page gave the exact figure) and should be treated as precision 2.
"""

PLACES = {
    # --- countries -------------------------------------------------------------------
    "Armenia": ("armenia", "country", None, None),
    "Azerbaijan": ("azerbaijan", "country", None, None),
    "Iran": ("foreign:IR", "country", None, None),
    "Russia": ("foreign:RU", "country", None, None),
    "Turkey": ("foreign:TR", "country", None, None),
    "Georgia": ("foreign:GE", "country", None, None),
    "United States": ("foreign:US", "country", None, None),
    "France": ("foreign:FR", "country", None, None),
    "Syria": ("foreign:SY", "country", None, None),
    # --- regions / provinces -------------------------------------------------------
    "Nagorno-Karabakh": ("nagorno-karabakh", "region", None, None),
    "Syunik": ("armenia", "region", None, None),
    "Gegharkunik": ("armenia", "region", None, None),
    "Tavush": ("armenia", "region", None, None),
    "Vayots Dzor": ("armenia", "region", None, None),
    "Nakhchivan": ("azerbaijan", "region", None, None),
    "East Azerbaijan Province": ("foreign:IR", "region", None, None),
    # --- districts -------------------------------------------------------------------
    "Tovuz District": ("azerbaijan", "district", None, None),
    "Khizi District": ("azerbaijan", "district", None, None),
    "Siyazan District": ("azerbaijan", "district", None, None),
    "Tartar District": ("azerbaijan", "district", None, None),
    "Dashkasan District": ("azerbaijan", "district", None, None),
    "Jabrayil District": ("surrounding-districts", "district", None, None),
    "Lachin District": ("surrounding-districts", "district", None, None),
    "Kalbajar District": ("surrounding-districts", "district", None, None),
    "Khoda Afarin County": ("foreign:IR", "district", None, None),
    "Zangilan District": ("surrounding-districts", "district", None, None),
    "Barda District": ("azerbaijan", "district", None, None),
    # --- settlements: Nagorno-Karabakh (former NKAO) ---------------------------------
    "Stepanakert": ("nagorno-karabakh", "settlement", 39.8153, 46.7519),
    "Shusha": ("nagorno-karabakh", "settlement", 39.7583, 46.7486),
    "Hadrut": ("nagorno-karabakh", "settlement", 39.5200, 47.0300),
    "Martakert": ("nagorno-karabakh", "settlement", 40.2100, 46.8100),
    "Martuni": ("nagorno-karabakh", "settlement", 39.7950, 47.1130),
    "Askeran": ("nagorno-karabakh", "settlement", 39.9364, 46.8300),
    "Khojaly": ("nagorno-karabakh", "settlement", 39.9111, 46.7922),
    "Karmir Shuka": ("nagorno-karabakh", "settlement", 39.6758, 46.9486),
    "Berkadzor": ("nagorno-karabakh", "settlement", 39.8761, 46.7817),
    "Talish": ("nagorno-karabakh", "settlement", 40.3814, 46.7408),
    "Madagiz": ("nagorno-karabakh", "settlement", 40.3314, 46.7294),
    # --- settlements: surrounding districts ----------------------------------------
    "Lachin": ("surrounding-districts", "settlement", 39.6408, 46.5469),
    "Kalbajar": ("surrounding-districts", "settlement", 40.1053, 46.0386),
    "Jabrayil": ("surrounding-districts", "settlement", 39.3999, 47.0261),
    "Fuzuli": ("surrounding-districts", "settlement", 39.6003, 47.1431),
    "Zangilan": ("surrounding-districts", "settlement", 39.0856, 46.6522),
    "Qubadli": ("surrounding-districts", "settlement", 39.3444, 46.5797),
    "Aghdam": ("surrounding-districts", "settlement", 39.9911, 46.9297),
    # --- settlements: Azerbaijan proper ---------------------------------------------
    "Baku": ("azerbaijan", "settlement", 40.4093, 49.8671),
    "Ganja": ("azerbaijan", "settlement", 40.6828, 46.3606),
    "Barda": ("azerbaijan", "settlement", 40.3744, 47.1267),
    "Tartar": ("azerbaijan", "settlement", 40.3419, 46.9322),
    "Mingachevir": ("azerbaijan", "settlement", 40.7700, 47.0489),
    "Horadiz": ("azerbaijan", "settlement", 39.4478, 47.3364),
    "Yevlakh": ("azerbaijan", "settlement", 40.6186, 47.1500),
    "Tovuz": ("azerbaijan", "settlement", 40.9864, 45.6275),
    "Aghdam (Tovuz)": ("azerbaijan", "settlement", 40.9053, 45.5564),
    # --- settlements: Armenia -------------------------------------------------------
    "Yerevan": ("armenia", "settlement", 40.1792, 44.4991),
    "Goris": ("armenia", "settlement", 39.5111, 46.3381),
    "Kornidzor": ("armenia", "settlement", 39.5481, 46.5311),
    "Kapan": ("armenia", "settlement", 39.2076, 46.4058),
    "Jermuk": ("armenia", "settlement", 39.8408, 45.6703),
    "Vardenis": ("armenia", "settlement", 40.1833, 45.7306),
    "Sotk": ("armenia", "settlement", 40.2031, 45.8647),
    "Kut": ("armenia", "settlement", 40.1808, 45.9017),
    "Verin Shorzha": ("armenia", "settlement", 40.0872, 45.8325),
    "Martuni (Gegharkunik)": ("armenia", "settlement", 40.1400, 45.3064),
    "Berd": ("armenia", "settlement", 40.8808, 45.3917),
    # Tavush border villages: coordinates of the project gazetteer's curated rows (GeoNames points)
    "Chinari": ("armenia", "settlement", 40.8547, 45.5778),
    "Movses": ("armenia", "settlement", 40.9053, 45.4884),
    "Yeraskh": ("armenia", "settlement", 39.7394, 44.8281),  # the project gazetteer's curated row
    "Gyumri": ("armenia", "settlement", 40.7894, 43.8475),
    # --- settlements: elsewhere (venues, capitals) ----------------------------------
    "Moscow": ("foreign:RU", "settlement", 55.7558, 37.6173),
    "Sochi": ("foreign:RU", "settlement", 43.5855, 39.7231),
    "Ankara": ("foreign:TR", "settlement", 39.9334, 32.8597),
    "Tehran": ("foreign:IR", "settlement", 35.6892, 51.3890),
    "Geneva": ("foreign:CH", "settlement", 46.2044, 6.1432),
    "Washington": ("foreign:US", "settlement", 38.9072, -77.0369),
    "Brussels": ("foreign:BE", "settlement", 50.8503, 4.3517),
    "Prague": ("foreign:CZ", "settlement", 50.0755, 14.4378),
    "Almaty": ("foreign:KZ", "settlement", 43.2220, 76.8512),
    "Minsk": ("foreign:BY", "settlement", 53.9006, 27.5590),
    "Tbilisi": ("foreign:GE", "settlement", 41.7151, 44.8271),
    "Paris": ("foreign:FR", "settlement", 48.8566, 2.3522),
    "The Hague": ("foreign:NL", "settlement", 52.0705, 4.3007),
    "Tabriz": ("foreign:IR", "settlement", 38.0800, 46.2919),
    # --- features ---------------------------------------------------------------------
    # representative point of the corridor road at Lachin town
    "Lachin corridor": ("surrounding-districts", "feature", 39.6408, 46.5469),
    # approx: checkpoint bridge on the Hakari river just east of Kornidzor
    "Hakari bridge": ("surrounding-districts", "feature", 39.5406, 46.5600),
    "Lake Sev": ("armenia", "feature", 39.5981, 46.2311),
    # approx: summit of Mets Ishkhanasar, west of Lake Sev
    "Ishkhanasar": ("armenia", "feature", 39.5900, 46.1870),
    "Lake Sevan": ("armenia", "feature", 40.3167, 45.3500),
}

ALIASES = {
    # countries and territory phrases
    "Armenia": "Armenia", "Armenian territory": "Armenia", "Armenian soil": "Armenia",
    "Armenia proper": "Armenia",
    "Azerbaijan": "Azerbaijan", "Azerbajan": "Azerbaijan", "Azerbaijan proper": "Azerbaijan",
    "Azerbaijani territory": "Azerbaijan",
    "Iran": "Iran", "Iranian territory": "Iran", "Iranian soil": "Iran",
    "Russia": "Russia", "Turkey": "Turkey", "Georgia": "Georgia",
    "United States": "United States", "France": "France", "Syria": "Syria",
    # regions
    "Nagorno-Karabakh": "Nagorno-Karabakh", "Nagonro-Karabakh": "Nagorno-Karabakh",
    "Nagorny Karabakh": "Nagorno-Karabakh", "Karabakh": "Nagorno-Karabakh",
    "Artsakh": "Nagorno-Karabakh",
    "Syunik": "Syunik", "Gegharkunik": "Gegharkunik", "Tavush": "Tavush",
    "Vayots Dzor": "Vayots Dzor",
    "Nakhchivan": "Nakhchivan", "Nakhichevan": "Nakhchivan",
    "East Azerbaijan": "East Azerbaijan Province",
    # districts
    "Tovuz district": "Tovuz District", "Tartar district": "Tartar District",
    "Terter district": "Tartar District", "Dashkasan district": "Dashkasan District",
    "Jabrayil district": "Jabrayil District", "Lachin district": "Lachin District",
    "Kalbajar district": "Kalbajar District", "Khoda Afarin": "Khoda Afarin County",
    "Khoda Afarin county": "Khoda Afarin County", "East Azerbaijan province": "East Azerbaijan Province",
    "Dashkasan": "Dashkasan District", "Tovuz region": "Tovuz District",
    "Barda district": "Barda District", "Laçın district": "Lachin District",
    "Zangilan district": "Zangilan District",
    # NK settlements
    "Stepanakert": "Stepanakert", "Stepankert": "Stepanakert", "Khankendi": "Stepanakert",
    "Xankəndi": "Stepanakert",
    "Shusha": "Shusha", "Shushi": "Shusha", "Şuşa": "Shusha",
    "Hadrut": "Hadrut", "Martakert": "Martakert", "Aghdara": "Martakert",
    "Martuni": "Martuni", "Khojavend": "Martuni", "Askeran": "Askeran", "Khojaly": "Khojaly",
    "Karmir Shuka": "Karmir Shuka", "Berkadzor": "Berkadzor", "Talish": "Talish",
    "Madagiz": "Madagiz", "Sugovushan": "Madagiz",
    # surrounding-district settlements
    "Lachin": "Lachin", "Laçın": "Lachin", "Berdzor": "Lachin",
    "Kalbajar": "Kalbajar", "Karvachar": "Kalbajar",
    "Jabrayil": "Jabrayil", "Fuzuli": "Fuzuli", "Fizuli": "Fuzuli",
    "Zangilan": "Zangilan", "Qubadli": "Qubadli", "Aghdam": "Aghdam",
    # Azerbaijan proper
    "Baku": "Baku", "Ganja": "Ganja", "Barda": "Barda", "Tartar": "Tartar",
    "Terter": "Tartar", "Tərtər": "Tartar", "Mingachevir": "Mingachevir",
    "Khizi district": "Khizi District", "Siyazan district": "Siyazan District",
    "Horadiz": "Horadiz", "Tovuz": "Tovuz",
    # Armenia
    "Yerevan": "Yerevan", "Goris": "Goris", "Kornidzor": "Kornidzor", "Kapan": "Kapan",
    "Jermuk": "Jermuk", "Vardenis": "Vardenis", "Sotk": "Sotk", "Kut": "Kut",
    "Verin Shorzha": "Verin Shorzha", "Berd": "Berd", "Chinari": "Chinari", "Movses": "Movses",
    "Yeraskh": "Yeraskh",
    # elsewhere
    "Moscow": "Moscow", "Sochi": "Sochi", "Ankara": "Ankara", "Tehran": "Tehran",
    "Geneva": "Geneva", "Washington": "Washington", "Brussels": "Brussels",
    "Prague": "Prague", "Alma-Ata": "Almaty", "Almaty": "Almaty", "Minsk": "Minsk",
    "Tbilisi": "Tbilisi", "Paris": "Paris", "The Hague": "The Hague", "Tabriz": "Tabriz",
    "Gyumri": "Gyumri", "Yevlakh": "Yevlakh",
    # features
    "Lachin corridor": "Lachin corridor", "Berdzor corridor": "Lachin corridor",
    "Laçın corridor": "Lachin corridor",
    "Hakari bridge": "Hakari bridge", "Lake Sev": "Lake Sev", "Black Lake": "Lake Sev",
    "Ishkhanasar": "Ishkhanasar", "Lake Sevan": "Lake Sevan",
}
