#!/usr/bin/env python3
"""Build the labelled development corpus (reports.jsonl) from the data in this file.

This script is the corpus's source of truth. Every report below was written by the
project (illustrative wire-style copy about real events; not real agency copy).

Each label is given as a tuple  (surface, occurrence, role[, place])
  surface     the exact text of the mention
  occurrence  0-based index among the matches of `surface` in the text, where a match
              is `surface` not preceded or followed by a word character (so "Armenia"
              does not match inside "Armenian", but does match inside "Nagorno-" style
              hyphen compounds such as "Russia-brokered")
  role        "I" incident, "C" context, "H" hypothetical
  place       canonical name (optional; default from gazetteer_dev.ALIASES)

The script computes character offsets (Python str indices, end exclusive) and checks:
  * every label's surface is found at the given occurrence;
  * no two labels overlap;
  * every mention of a known alias in the text is covered by some label
    (so no place mention is left unlabelled);
  * every incident listed in "incidents" names a place labelled as an incident.
Output is written deterministically (sorted keys within labels as listed, ids in order).

Usage:  python3 make_corpus.py            (writes reports.jsonl next to this file)
"""
import json
import os
import re
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from gazetteer_dev import ALIASES, PLACES  # noqa: E402

ROLES = {"I": "incident", "C": "context", "H": "hypothetical"}
ALIAS_CI = {k.lower(): v for k, v in ALIASES.items()}

EVB = "Explosions/Remote violence"
BAT = "Battles"
STR = "Strategic developments"
VAC = "Violence against civilians"


def inc(place, event_type, date, fatalities=None, injured=None):
    return {"place": place, "event_type": event_type, "fatalities": fatalities,
            "injured": injured, "date": date}


REPORTS = []


def R(id, date, source, split, text, labels, incidents=()):
    REPORTS.append(dict(id=id, date=date, source=source, split=split, text=text,
                        labels=labels, incidents=list(incidents)))


# ---------------------------------------------------------------------------------------
# April 2016 clashes
# ---------------------------------------------------------------------------------------
R("r001", "2016-04-02", "Meridian Wire (illustrative)", "dev",
  "STEPANAKERT, April 2 (Meridian) — The heaviest fighting in more than two decades "
  "erupted overnight in Nagorno-Karabakh, with ethnic Armenian officials saying Azerbaijani "
  "troops had pushed into the village of Talish, about 10 km north of Martakert, after hours "
  "of artillery fire.\n\n"
  "Armenia's Defence Ministry said 18 Armenian soldiers had been killed and 35 wounded. Baku "
  "said 12 of its servicemen had died and that a Mi-24 helicopter had been shot down near the "
  "front. Neither account could be independently verified.\n\n"
  "Villagers were evacuated on foot and by truck to Stepanakert, a local official said, adding "
  "that an elderly couple who had refused to leave were later found dead in their home.\n\n"
  "Azerbaijan accused Armenian units of shelling villages in the Tartar district, saying a "
  "12-year-old boy had been killed. Yerevan denied targeting civilians.\n\n"
  "The Nagorno-Karabakh conflict has simmered since a 1994 truce ended a war in which some "
  "30,000 people died.",
  [("STEPANAKERT", 0, "C"), ("Nagorno-Karabakh", 0, "I"), ("Talish", 0, "I"),
   ("Martakert", 0, "C"), ("Armenia", 0, "C"), ("Baku", 0, "C"), ("Stepanakert", 0, "C"),
   ("Azerbaijan", 0, "C"), ("Tartar district", 0, "I"), ("Yerevan", 0, "C"),
   ("Nagorno-Karabakh", 1, "C")],
  [inc("Nagorno-Karabakh", BAT, "2016-04-02", 30, 35), inc("Talish", BAT, "2016-04-02"),
   inc("Tartar District", EVB, "2016-04-02", 1)])

R("r002", "2016-04-03", "Continental Press Service (illustrative)", "dev",
  "BAKU, April 3 (Continental Press) — Azerbaijan announced a unilateral halt to offensive "
  "operations on Sunday, hours after its Defence Ministry said troops had seized strategic "
  "heights near the village of Talish and a road junction close to Madagiz, in the north of "
  "Nagorno-Karabakh.\n\n"
  "The ministry said Armenian artillery firing from positions around Aghdara had struck homes "
  "in the Terter district, wounding four civilians. Officials in Yerevan called the announcement "
  "a ploy and said Azerbaijani forces had shelled Martakert through the night.\n\n"
  "Turkey's president said Ankara stood with Baku \"to the end\", while Russia urged both sides "
  "to stop shooting. Moscow has sold weapons to both former Soviet republics.",
  [("BAKU", 0, "C"), ("Azerbaijan", 0, "C"), ("Talish", 0, "I"), ("Madagiz", 0, "I"),
   ("Nagorno-Karabakh", 0, "C"), ("Aghdara", 0, "C"), ("Terter district", 0, "I"),
   ("Yerevan", 0, "C"), ("Martakert", 0, "I"), ("Turkey", 0, "C"), ("Ankara", 0, "C"),
   ("Baku", 0, "C"), ("Russia", 0, "C"), ("Moscow", 0, "C")],
  [inc("Talish", BAT, "2016-04-03"), inc("Madagiz", BAT, "2016-04-03"),
   inc("Tartar District", EVB, "2016-04-03", None, 4), inc("Martakert", EVB, "2016-04-03")])

R("r003", "2016-04-05", "Northline News Agency (illustrative)", "heldout",
  "MOSCOW, April 5 (Northline) — Armenian and Azerbaijani military chiefs agreed in Moscow on "
  "Tuesday to cease fire along the Nagorno-Karabakh front line from noon, ending four days of "
  "fighting that killed dozens of soldiers on both sides.\n\n"
  "The truce was brokered by Russia's General Staff and announced by Baku and Yerevan within "
  "minutes of each other. The Defence Ministry of the self-proclaimed Nagorno-Karabakh Republic "
  "said on Tuesday that a bus carrying volunteers had been hit by a drone near Martakert on "
  "Saturday, killing seven people.\n\n"
  "Azerbaijan said one of its soldiers was killed by sniper fire near Tartar on Tuesday morning, "
  "before the truce took hold. Mediators from the OSCE Minsk Group, co-chaired by France, Russia "
  "and the United States, were expected in the region later this week.",
  [("MOSCOW", 0, "C"), ("Moscow", 0, "C"), ("Nagorno-Karabakh", 0, "C"), ("Russia", 0, "C"),
   ("Baku", 0, "C"), ("Yerevan", 0, "C"), ("Nagorno-Karabakh", 1, "C"), ("Martakert", 0, "I"),
   ("Azerbaijan", 0, "C"), ("Tartar", 0, "I"), ("Minsk", 0, "C"), ("France", 0, "C"),
   ("Russia", 1, "C"), ("United States", 0, "C")],
  [inc("Martakert", EVB, "2016-04-02", 7), inc("Tartar", BAT, "2016-04-05", 1)])

R("r041", "2016-04-04", "Global Dispatch (illustrative)", "dev",
  "TARTAR, Azerbaijan, April 4 (Global Dispatch) — Shells whistled over the town of Terter on "
  "Monday as Armenian and Azerbaijani forces traded artillery fire for a fourth day, and "
  "residents who had not fled sheltered in cellars.\n\n"
  "Azerbaijani officials said shells fired from the direction of Madagiz, a village held by "
  "ethnic Armenian forces about 15 km to the west, had damaged a school and several houses. One "
  "resident showed a reporter a hole in the roof of his kitchen. \"We are used to this, but not "
  "like this,\" he said.\n\n"
  "Karabakh's separatist defence ministry said Azerbaijani forces had again attacked positions "
  "near Talish overnight. Russia's foreign minister spoke by telephone with his Turkish "
  "counterpart, and diplomats said a truce could be agreed in Moscow as early as Tuesday.",
  [("TARTAR", 0, "C"), ("Azerbaijan", 0, "C"), ("Terter", 0, "I"), ("Madagiz", 0, "C"),
   ("Karabakh", 0, "C"), ("Talish", 0, "I"), ("Russia", 0, "C"), ("Moscow", 0, "C")],
  [inc("Tartar", EVB, "2016-04-04"), inc("Talish", BAT, "2016-04-04")])

# ---------------------------------------------------------------------------------------
# July 2020 Tovuz-Tavush clashes
# ---------------------------------------------------------------------------------------
R("r004", "2020-07-12", "Meridian Wire (illustrative)", "dev",
  "BAKU/YEREVAN, July 12 (Meridian) — Armenian and Azerbaijani forces exchanged artillery fire "
  "on Sunday along their northern border, far from Nagorno-Karabakh, in the most serious "
  "incident on the Armenia–Azerbaijan frontier in years.\n\n"
  "Azerbaijan's Defence Ministry said two of its servicemen were killed when Armenian units "
  "opened fire in the direction of Tovuz district. Armenia said Azerbaijani troops had tried to "
  "cross into its Tavush province in a military vehicle and were pushed back, and that shells "
  "later landed near the town of Berd. No Armenian casualties were reported.\n\n"
  "The frontier between Tovuz and Tavush carries pipelines and a railway that link "
  "Azerbaijan's oil fields with Georgia and Turkey, which has raised concern among energy "
  "traders.",
  [("BAKU", 0, "C"), ("YEREVAN", 0, "C"), ("Nagorno-Karabakh", 0, "C"), ("Armenia", 0, "C"),
   ("Azerbaijan", 0, "C"), ("Azerbaijan", 1, "C"), ("Tovuz district", 0, "I"),
   ("Armenia", 1, "C"), ("Tavush", 0, "I"), ("Berd", 0, "I"),
   ("Tovuz", 1, "C", "Tovuz District"), ("Tavush", 1, "C"), ("Azerbaijan", 2, "C"),
   ("Georgia", 0, "C"), ("Turkey", 0, "C")],
  [inc("Tovuz District", BAT, "2020-07-12", 2), inc("Tavush", BAT, "2020-07-12"),
   inc("Berd", EVB, "2020-07-12", 0, 0)])

R("r005", "2020-07-14", "Continental Press Service (illustrative)", "dev",
  "BAKU, July 14 (Continental Press) — A major general and a colonel were among seven "
  "Azerbaijani servicemen killed on Tuesday as fighting in Tovuz district on the border with "
  "Armenia entered a third day, Azerbaijan's Defence Ministry said.\n\n"
  "A 76-year-old man died when a shell struck his house in the village of Aghdam in Tovuz "
  "district, local officials said — not to be confused with the ruined town of the same name "
  "near Nagorno-Karabakh.\n\n"
  "Armenia's Defence Ministry said its forces had destroyed an Azerbaijani drone over Tavush "
  "and denied shelling civilians. Iran and Russia offered to mediate, while Ankara warned "
  "Yerevan that it would not hesitate to stand with Baku.",
  [("BAKU", 0, "C"), ("Tovuz district", 0, "I"), ("Armenia", 0, "C"), ("Azerbaijan", 0, "C"),
   ("Aghdam", 0, "I", "Aghdam (Tovuz)"), ("Tovuz district", 1, "C"),
   ("Nagorno-Karabakh", 0, "C"), ("Armenia", 1, "C"), ("Tavush", 0, "I"), ("Iran", 0, "C"),
   ("Russia", 0, "C"), ("Ankara", 0, "C"), ("Yerevan", 0, "C"), ("Baku", 0, "C")],
  [inc("Tovuz District", BAT, "2020-07-14", 7), inc("Aghdam (Tovuz)", EVB, "2020-07-14", 1),
   inc("Tavush", STR, "2020-07-14")])

R("r042", "2020-07-16", "Northline News Agency (illustrative)", "heldout",
  "YEREVAN, July 16 (Northline) — Armenia said on Thursday that Azerbaijani drones had targeted "
  "the town of Berd and nearby villages in Tavush province, damaging a kindergarten, as fighting "
  "on the northern border flared for a fifth day.\n\n"
  "Officials in Baku said Armenian shelling had again hit the border village of Aghdam, in "
  "Azerbaijan's Tovuz district, and that air defences had downed an Armenian drone near Tovuz. "
  "Nobody was reported hurt on either side overnight.\n\n"
  "The clashes, far to the north of Nagorno-Karabakh, have raised fears for the oil and gas "
  "pipelines that cross the Tovuz region towards Georgia. Moscow and Washington called for "
  "restraint.",
  [("YEREVAN", 0, "C"), ("Armenia", 0, "C"), ("Berd", 0, "I"), ("Tavush", 0, "I"),
   ("Baku", 0, "C"), ("Aghdam", 0, "I", "Aghdam (Tovuz)"), ("Azerbaijan", 0, "C"),
   ("Tovuz district", 0, "C"), ("Tovuz", 1, "I"), ("Nagorno-Karabakh", 0, "C"),
   ("Tovuz region", 0, "C"), ("Georgia", 0, "C"), ("Moscow", 0, "C"), ("Washington", 0, "C")],
  [inc("Berd", EVB, "2020-07-16"), inc("Tavush", EVB, "2020-07-16"),
   inc("Aghdam (Tovuz)", EVB, "2020-07-16", 0, 0), inc("Tovuz", STR, "2020-07-16")])

# ---------------------------------------------------------------------------------------
# 2020 war (Sept 27 - Nov 10)
# ---------------------------------------------------------------------------------------
R("r006", "2020-09-27", "Northline News Agency (illustrative)", "heldout",
  "STEPANAKERT, Sept 27 (Northline) — Heavy fighting broke out on Sunday along the line of "
  "contact in Nagorno-Karabakh as the region's ethnic Armenian leadership in Stepanakert "
  "declared martial law and a general mobilisation.\n\n"
  "The Artsakh Ombudsman said a woman and a child had been killed by Azerbaijani shelling in the "
  "Martuni region. Azerbaijan said it had launched a counter-offensive in response to Armenian "
  "shelling of front-line villages and claimed to have taken several villages near Fuzuli and "
  "Jabrayil. Armenia said it had shot down two Azerbaijani helicopters and three drones.\n\n"
  "Prime Minister Nikol Pashinyan accused Baku of a \"pre-planned aggression\" and said Turkey "
  "was directly involved, an allegation Ankara rejected.",
  [("STEPANAKERT", 0, "C"), ("Nagorno-Karabakh", 0, "I"), ("Stepanakert", 0, "C"),
   ("Artsakh", 0, "C"), ("Martuni", 0, "I"), ("Azerbaijan", 0, "C"), ("Fuzuli", 0, "I"),
   ("Jabrayil", 0, "I"), ("Armenia", 0, "C"), ("Baku", 0, "C"), ("Turkey", 0, "C"),
   ("Ankara", 0, "C")],
  [inc("Nagorno-Karabakh", BAT, "2020-09-27"), inc("Martuni", EVB, "2020-09-27", 2),
   inc("Fuzuli", BAT, "2020-09-27"), inc("Jabrayil", BAT, "2020-09-27")])

R("r047", "2020-10-02", "Global Dispatch (illustrative)", "dev",
  "Oct. 2 (GDN) -- French President Emmanuel Macron said Friday that about 300 Syrian fighters "
  "had passed through Turkey on their way to fight in Nagonro-Karabakh, calling it a \"very "
  "serious\" development.\n\n"
  "Ankara denied sending mercenaries to Azerbajan and said Paris was siding with Armenia. Moscow "
  "said it was deeply concerned by reports that fighters from Syria were being moved to the "
  "conflict zone.\n\n"
  "The comments came as separatist officials said Stepanakert had been hit by Azerbaijani "
  "rockets for a second day, and Baku said Armenian shelling had killed civilians in the Tartar "
  "district.\n\n"
  "If the fighting spills into Armenia proper, Russia is bound by a defence treaty to come to "
  "its ally's aid, analysts noted.",
  [("Turkey", 0, "C"), ("Nagonro-Karabakh", 0, "I"), ("Ankara", 0, "C"), ("Azerbajan", 0, "C"),
   ("Paris", 0, "C"), ("Armenia", 0, "C"), ("Moscow", 0, "C"), ("Syria", 0, "C"),
   ("Stepanakert", 0, "I"), ("Baku", 0, "C"), ("Tartar district", 0, "I"),
   ("Armenia proper", 0, "H"), ("Russia", 0, "C")],
  [inc("Nagorno-Karabakh", BAT, "2020-10-02"), inc("Stepanakert", EVB, "2020-10-02"),
   inc("Tartar District", EVB, "2020-10-02")])

R("r007", "2020-09-29", "Global Dispatch (illustrative)", "dev",
  "YEREVAN, Sept 29 (Global Dispatch) — Armenia said on Tuesday that a Turkish F-16 fighter jet "
  "had shot down an Armenian Su-25 warplane over Armenian territory, killing the pilot, an "
  "accusation Turkey's defence ministry dismissed as \"absolutely untrue\".\n\n"
  "The Armenian Defence Ministry said the jet was downed near Vardenis, a town in Gegharkunik "
  "province close to the border with Azerbaijan's Kalbajar district, which has been under "
  "Armenian control since the 1990s. Separately, it said an Azerbaijani drone had been shot down "
  "over the Vardenis area.\n\n"
  "Baku said Armenian artillery had fired on its Dashkasan district from the direction of "
  "Vardenis, and warned that it would respond.",
  [("YEREVAN", 0, "C"), ("Armenia", 0, "C"), ("Armenian territory", 0, "I"), ("Turkey", 0, "C"),
   ("Vardenis", 0, "I"), ("Gegharkunik", 0, "C"), ("Azerbaijan", 0, "C"),
   ("Kalbajar district", 0, "C"), ("Vardenis", 1, "I"), ("Baku", 0, "C"),
   ("Dashkasan district", 0, "I"), ("Vardenis", 2, "C")],
  [inc("Vardenis", BAT, "2020-09-29", 1), inc("Vardenis", STR, "2020-09-29"),
   inc("Dashkasan District", EVB, "2020-09-29")])

R("r048", "2020-10-03", "Continental Press Service (illustrative)", "heldout",
  "BAKU, Oct 3 (Continental Press) — President Ilham Aliyev said on Saturday that the army had "
  "taken the village of Madagiz in the north of the front and restored its old Azerbaijani name, "
  "Sugovushan, along with several villages near Jabrayil in the south.\n\n"
  "Ethnic Armenian officials denied the claim and said Azerbaijani drones had struck Martakert "
  "and the regional capital, Stepanakert, where at least five civilians were wounded. Karabakh's "
  "defence ministry said it had lost 51 more soldiers. Neither side's claims could be verified, "
  "and both have barred most foreign journalists from the front.",
  [("BAKU", 0, "C"), ("Madagiz", 0, "I"), ("Sugovushan", 0, "I"), ("Jabrayil", 0, "I"),
   ("Martakert", 0, "I"), ("Stepanakert", 0, "I"), ("Karabakh", 0, "C")],
  [inc("Madagiz", BAT, "2020-10-03"), inc("Jabrayil", BAT, "2020-10-03"),
   inc("Martakert", EVB, "2020-10-03"), inc("Stepanakert", EVB, "2020-10-03", None, 5)])

R("r008", "2020-10-04", "Meridian Wire (illustrative)", "dev",
  "STEPANAKERT, Oct 4 (Meridian) — Explosions shook Stepanakert on Sunday as the main city of "
  "Nagorno-Karabakh came under sustained rocket fire, sending residents into basements, while "
  "Azerbaijan said Armenian forces had fired missiles at Ganja, its second-largest city.\n\n"
  "Local authorities said at least one civilian was killed and several wounded in Stepanakert. "
  "In Ganja, about 60 km north of the front line, Azerbaijani officials said one person died and "
  "32 were wounded when rockets struck residential areas.\n\n"
  "Karabakh's leader said military facilities in Ganja were legitimate targets, but later said "
  "his forces would stop firing at Azerbaijani cities. Yerevan denied that any missiles had been "
  "launched from Armenian territory.\n\n"
  "Azerbaijani President Ilham Aliyev said his forces had taken Jabrayil and several villages "
  "nearby.",
  [("STEPANAKERT", 0, "C"), ("Stepanakert", 0, "I"), ("Nagorno-Karabakh", 0, "C"),
   ("Azerbaijan", 0, "C"), ("Ganja", 0, "I"), ("Stepanakert", 1, "I"), ("Ganja", 1, "I"),
   ("Karabakh", 1, "C"), ("Ganja", 2, "C"), ("Yerevan", 0, "C"),
   ("Armenian territory", 0, "C"), ("Jabrayil", 0, "I")],
  [inc("Stepanakert", EVB, "2020-10-04", 1), inc("Ganja", EVB, "2020-10-04", 1, 32),
   inc("Jabrayil", BAT, "2020-10-04")])

R("r035", "2020-10-05", "Meridian Wire (illustrative)", "dev",
  "BAKU, Oct 5 (Meridian) — Azerbaijan said on Monday that Armenian forces had fired rockets at "
  "Mingachevir, home to the country's largest hydroelectric dam and about 100 km from the front "
  "line, and at the towns of Barda and Tartar.\n\n"
  "There were no reports of casualties in Mingachevir. In Barda, a teenage girl was among two "
  "people wounded, the prosecutor's office said. Ethnic Armenian officials said Stepanakert had "
  "been shelled for a third day and that much of the Karabakh capital's power grid was down.\n\n"
  "Armenia's Defence Ministry said its forces were not targeting civilians and accused Baku of "
  "\"pre-planned\" strikes on civilian areas of Nagorno-Karabakh.",
  [("BAKU", 0, "C"), ("Azerbaijan", 0, "C"), ("Mingachevir", 0, "I"), ("Barda", 0, "I"),
   ("Tartar", 0, "I"), ("Mingachevir", 1, "I"), ("Barda", 1, "I"), ("Stepanakert", 0, "I"),
   ("Karabakh", 0, "C"), ("Armenia", 0, "C"), ("Baku", 0, "C"), ("Nagorno-Karabakh", 0, "I")],
  [inc("Mingachevir", EVB, "2020-10-05"), inc("Barda", EVB, "2020-10-05", None, 2),
   inc("Tartar", EVB, "2020-10-05"), inc("Stepanakert", EVB, "2020-10-05"),
   inc("Nagorno-Karabakh", EVB, "2020-10-05")])

R("r036", "2020-10-09", "Continental Press Service (illustrative)", "heldout",
  "BAKU, Oct 9 (Continental Press) — President Ilham Aliyev said on Friday that Azerbaijani "
  "troops had captured Hadrut, a town in the south of Nagorno-Karabakh, along with several "
  "villages in the Jabrayil district, a claim Armenian officials quickly denied.\n\n"
  "A day earlier, the main cathedral in Shushi was hit twice, wounding three journalists, "
  "including two Russians. Azerbaijan denied targeting the church.\n\n"
  "The foreign ministers of both countries were due in Moscow for their first talks since the "
  "fighting began, at Russia's invitation.",
  [("BAKU", 0, "C"), ("Hadrut", 0, "I"), ("Nagorno-Karabakh", 0, "C"),
   ("Jabrayil district", 0, "I"), ("Shushi", 0, "I"), ("Azerbaijan", 0, "C"),
   ("Moscow", 0, "C"), ("Russia", 0, "C")],
  [inc("Hadrut", BAT, "2020-10-09"), inc("Jabrayil District", BAT, "2020-10-09"),
   inc("Shusha", EVB, "2020-10-08", 0, 3)])

R("r009", "2020-10-11", "Continental Press Service (illustrative)", "heldout",
  "GANJA, Azerbaijan, Oct 11 (Continental Press) — Rescue workers pulled bodies from the rubble "
  "of an apartment block in Ganja on Sunday after a missile strike overnight killed at least 10 "
  "civilians and wounded more than 30, hours after a Russian-brokered humanitarian truce was "
  "meant to take hold.\n\n"
  "Azerbaijan's Prosecutor General said the missile was fired from Armenia, which denied it and "
  "accused Baku of shelling Stepanakert and the town of Hadrut. The truce had been agreed in "
  "Moscow after ten hours of talks between the two foreign ministers.\n\n"
  "\"They hit us while we slept,\" said a resident of Ganja who lost her sister. Ganja lies about "
  "100 km from Stepankert, the Karabakh capital.",
  [("GANJA", 0, "C"), ("Azerbaijan", 0, "C"), ("Ganja", 0, "I"), ("Azerbaijan", 1, "C"),
   ("Armenia", 0, "C"), ("Baku", 0, "C"), ("Stepanakert", 0, "I"), ("Hadrut", 0, "I"),
   ("Moscow", 0, "C"), ("Ganja", 1, "C"), ("Ganja", 2, "C"), ("Stepankert", 0, "C"),
   ("Karabakh", 0, "C")],
  [inc("Ganja", EVB, "2020-10-11", 10, 30), inc("Stepanakert", EVB, "2020-10-11"),
   inc("Hadrut", EVB, "2020-10-11")])

R("r037", "2020-10-14", "Global Dispatch (illustrative)", "dev",
  "YEREVAN, Oct 14 (Global Dispatch) — Azerbaijan said on Wednesday it had destroyed several "
  "Armenian Tochka-U ballistic missile launchers inside Armenia that it said were aimed at Ganja "
  "and Mingachevir, the first time Baku has acknowledged striking targets on Armenian "
  "territory.\n\n"
  "Armenia's Defence Ministry said Azerbaijani drones had hit military vehicles in the Vardenis "
  "area and that Yerevan reserved the right to strike military targets in Azerbaijan proper. It "
  "said its forces had also downed an Azerbaijani drone over Gegharkunik.\n\n"
  "Analysts said the strikes risked drawing in Russia, which has a defence pact with Armenia but "
  "has said it applies only to attacks on Armenian soil, not to the war over Nagorno-Karabakh.",
  [("YEREVAN", 0, "C"), ("Azerbaijan", 0, "C"), ("Armenia", 0, "I"), ("Ganja", 0, "H"),
   ("Mingachevir", 0, "H"), ("Baku", 0, "C"), ("Armenian territory", 0, "I"),
   ("Armenia", 1, "C"), ("Vardenis", 0, "I"), ("Yerevan", 0, "C"), ("Azerbaijan proper", 0, "H"),
   ("Gegharkunik", 0, "I"), ("Russia", 0, "C"), ("Armenia", 2, "C"), ("Armenian soil", 0, "H"),
   ("Nagorno-Karabakh", 0, "C")],
  [inc("Armenia", EVB, "2020-10-14"), inc("Vardenis", EVB, "2020-10-14"),
   inc("Gegharkunik", STR, "2020-10-14")])

R("r010", "2020-10-17", "Global Dispatch (illustrative)", "dev",
  "BAKU, Oct 17 (Global Dispatch) — A second deadly missile strike in a week hit Ganja early on "
  "Saturday, killing 13 people and wounding more than 50, Azerbaijani officials said, as "
  "President Ilham Aliyev announced that his troops had recaptured the town of Fizuli.\n\n"
  "Baku said Scud-type missiles had been fired from Armenian territory. Yerevan called the claim a "
  "lie and said Azerbaijani artillery had hit residential areas of Martuni and Shushi "
  "overnight.\n\n"
  "The ruined town, emptied in 1993, lies south-east of Nagorno-Karabakh in one of seven "
  "districts held by ethnic Armenian forces since the first Karabakh war. A few hours after the "
  "Ganja strike, Armenia and Azerbaijan agreed a new humanitarian truce from midnight, brokered by "
  "France, Russia and the United States.",
  [("BAKU", 0, "C"), ("Ganja", 0, "I"), ("Fizuli", 0, "I"), ("Baku", 0, "C"),
   ("Armenian territory", 0, "C"), ("Yerevan", 0, "C"), ("Martuni", 0, "I"), ("Shushi", 0, "I"),
   ("Nagorno-Karabakh", 0, "C"), ("Karabakh", 1, "C"), ("Ganja", 1, "I"), ("Armenia", 0, "C"),
   ("Azerbaijan", 0, "C"), ("France", 0, "C"), ("Russia", 0, "C"), ("United States", 0, "C")],
  [inc("Ganja", EVB, "2020-10-17", 13, 50), inc("Fuzuli", BAT, "2020-10-17"),
   inc("Martuni", EVB, "2020-10-17"), inc("Shusha", EVB, "2020-10-17")])

R("r011", "2020-10-18", "Northline News Agency (illustrative)", "dev",
  "TEHRAN, Oct 18 (Northline) — Several rockets and mortar bombs fired during the war over "
  "Nagorno-Karabakh landed on Iranian territory on Sunday, Iran's state media reported.\n\n"
  "The governor of Khoda Afarin county said a house and farmland had been damaged in two border "
  "villages but that nobody was hurt. Residents of villages in East Azerbaijan province were "
  "urged to stay away from the riverbank, where crowds had gathered to watch the fighting on the "
  "other side.\n\n"
  "Tehran has deployed extra troops to the frontier and warned both Baku and Yerevan that it "
  "will not tolerate shells falling on Iranian soil. Iranian officials have counted dozens of "
  "projectiles on their side of the border since the war began on Sept. 27.",
  [("TEHRAN", 0, "C"), ("Nagorno-Karabakh", 0, "C"), ("Iranian territory", 0, "I"),
   ("Iran", 0, "C"), ("Khoda Afarin county", 0, "I"), ("East Azerbaijan province", 0, "C"),
   ("Tehran", 0, "C"), ("Baku", 0, "C"), ("Yerevan", 0, "C"), ("Iranian soil", 0, "H")],
  [inc("Khoda Afarin County", EVB, "2020-10-18", 0, 0)])

R("r043", "2020-10-22", "Meridian Wire (illustrative)", "dev",
  "TABRIZ, Iran, Oct 22 (Meridian) — Iran's air defences shot down an unidentified drone over the "
  "border area of East Azerbaijan province on Thursday, state television said, as fighting "
  "between Azerbaijani and ethnic Armenian forces raged on the other side of the frontier.\n\n"
  "It was not clear which side had flown the drone. Since late September dozens of shells have "
  "fallen on Iranian territory, and Tehran has moved armoured units and air-defence batteries to "
  "the border near Khoda Afarin.\n\n"
  "Iran has close ties with Armenia but is also home to millions of ethnic Azerbaijanis, and "
  "demonstrators in Tabriz have voiced support for Baku. President Hassan Rouhani said Iran would "
  "not allow foreign fighters to gather near its frontier.",
  [("TABRIZ", 0, "C"), ("Iran", 0, "C"), ("Iran", 1, "C"),
   ("East Azerbaijan province", 0, "I"), ("Iranian territory", 0, "I"), ("Tehran", 0, "C"),
   ("Khoda Afarin", 0, "C"), ("Iran", 2, "C"), ("Armenia", 0, "C"), ("Tabriz", 0, "C"),
   ("Baku", 0, "C"), ("Iran", 3, "C")],
  [inc("East Azerbaijan Province", STR, "2020-10-22")])

R("r012", "2020-10-20", "Meridian Wire (illustrative)", "heldout",
  "BAKU, Oct 20 (Meridian) — Azerbaijan's President Ilham Aliyev said on Tuesday that his forces "
  "had taken the town of Zangilan, near the border with Iran, and two dozen villages in the "
  "Zangilan and Jabrayil districts, tightening Baku's grip on the south of the conflict "
  "zone.\n\n"
  "Armenia's Defence Ministry said fighting continued in the south and that its forces had "
  "repelled attacks near Hadrut. It made no comment on Zangilan.\n\n"
  "The advance along the Iranian border has brought the front line within about 30 km of Kapan, "
  "the main town of Armenia's Syunik province, where residents said they could hear artillery at "
  "night.",
  [("BAKU", 0, "C"), ("Azerbaijan", 0, "C"), ("Zangilan", 0, "I"), ("Iran", 0, "C"),
   ("Zangilan", 1, "I", "Zangilan District"), ("Jabrayil", 0, "I", "Jabrayil District"),
   ("Baku", 0, "C"), ("Armenia", 0, "C"), ("Hadrut", 0, "I"), ("Zangilan", 2, "C"),
   ("Kapan", 0, "C"), ("Armenia", 1, "C"), ("Syunik", 0, "C")],
  [inc("Zangilan", BAT, "2020-10-20"), inc("Zangilan District", BAT, "2020-10-20"),
   inc("Jabrayil District", BAT, "2020-10-20"), inc("Hadrut", BAT, "2020-10-20")])

R("r013", "2020-10-25", "Global Dispatch (illustrative)", "dev",
  "TARTAR, Azerbaijan, Oct 25 (Global Dispatch) — Shells fell on the centre of Tərtər on Sunday "
  "morning, minutes after an American-brokered humanitarian ceasefire was due to take effect, "
  "local officials said, as Azerbaijan announced the capture of the town of Qubadli.\n\n"
  "A correspondent saw a crater outside the district hospital and shattered windows along the "
  "main street. The town, about 15 km from the former front line, has been shelled almost daily "
  "since late September, and most of its residents have left for Barda or Baku.\n\n"
  "The truce followed talks in Washington between the two foreign ministers and Secretary of "
  "State Mike Pompeo. Yerevan said Azerbaijani forces broke it within minutes by shelling "
  "villages around Martakert.",
  [("TARTAR", 0, "C"), ("Azerbaijan", 0, "C"), ("Tərtər", 0, "I"), ("Azerbaijan", 1, "C"),
   ("Qubadli", 0, "I"), ("Barda", 0, "C"), ("Baku", 0, "C"), ("Washington", 0, "C"),
   ("Yerevan", 0, "C"), ("Martakert", 0, "I")],
  [inc("Tartar", EVB, "2020-10-25"), inc("Qubadli", BAT, "2020-10-25"),
   inc("Martakert", EVB, "2020-10-25")])

R("r050", "2020-10-27", "Meridian Wire (illustrative)", "dev",
  "BARDA, Azerbaijan, Oct 27 (Meridian) — A rocket struck a village in the Barda district on "
  "Tuesday, killing five people including a seven-year-old girl and wounding 13, Azerbaijan's "
  "Prosecutor General's Office said.\n\n"
  "Officials said the rocket had been fired from the direction of Aghdam, the ruined town west of "
  "Barda that has been held by ethnic Armenian forces since 1993. Armenia denied targeting "
  "civilians and said Azerbaijan had shelled Martuni and villages around Askeran.\n\n"
  "The strike came hours after a humanitarian ceasefire agreed in Washington was supposed to "
  "take effect.",
  [("BARDA", 0, "C"), ("Azerbaijan", 0, "C"), ("Barda district", 0, "I"),
   ("Azerbaijan", 1, "C"), ("Aghdam", 0, "C"), ("Barda", 1, "C"), ("Armenia", 0, "C"),
   ("Azerbaijan", 2, "C"), ("Martuni", 0, "I"), ("Askeran", 0, "I"), ("Washington", 0, "C")],
  [inc("Barda District", EVB, "2020-10-27", 5, 13), inc("Martuni", EVB, "2020-10-27"),
   inc("Askeran", EVB, "2020-10-27")])

R("r014", "2020-10-28", "Continental Press Service (illustrative)", "dev",
  "BARDA, Azerbaijan, Oct 28 (Continental Press) — Rockets carrying cluster munitions struck a "
  "busy street in Barda on Wednesday, killing 21 civilians and wounding about 70, Azerbaijani "
  "officials said, the deadliest single attack on civilians since the war over Nagorno-Karabakh "
  "resumed a month ago.\n\n"
  "An aide to President Ilham Aliyev said the Smerch rockets had been fired from the "
  "Armenian-held town of Aghdara. A day earlier, five people including a child were killed in a "
  "strike on a village in the Barda district.\n\n"
  "Armenia denied firing on Barda, which lies about 30 km from the front line, and accused "
  "Azerbaijan of shelling Stepanakert and the town of Shusha overnight. Human rights groups later "
  "said the use of cluster munitions in populated areas could breach the Geneva Conventions.",
  [("BARDA", 0, "C"), ("Azerbaijan", 0, "C"), ("Barda", 0, "I"), ("Nagorno-Karabakh", 0, "C"),
   ("Aghdara", 0, "C"), ("Barda district", 0, "I"), ("Armenia", 0, "C"), ("Barda", 2, "I"),
   ("Azerbaijan", 1, "C"), ("Stepanakert", 0, "I"), ("Shusha", 0, "I"), ("Geneva", 0, "C")],
  [inc("Barda", EVB, "2020-10-28", 21, 70), inc("Barda District", EVB, "2020-10-27", 5),
   inc("Stepanakert", EVB, "2020-10-28"), inc("Shusha", EVB, "2020-10-28")])

R("r038", "2020-10-28", "Northline News Agency (illustrative)", "dev",
  "STEPANAKERT, Oct 28 (Northline) — Azerbaijani shelling damaged the maternity hospital in "
  "Stepanakert on Wednesday, ethnic Armenian officials said, releasing images of shattered "
  "windows and a crater outside the building. No mothers or newborns were hurt; patients had been "
  "moved to a basement days earlier.\n\n"
  "Azerbaijan, which calls the city Xankəndi, denied targeting civilian sites and said it had "
  "struck only military objects. Both sides accused each other of violating a humanitarian truce "
  "agreed in Washington at the weekend.\n\n"
  "The Nagorno-Karabakh authorities said 45 civilians in the region had been killed since "
  "Sept. 27. Azerbaijan puts its own civilian toll at 69, most of them in Tartar, Barda and "
  "Ganja.",
  [("STEPANAKERT", 0, "C"), ("Stepanakert", 0, "I"), ("Azerbaijan", 0, "C"),
   ("Xankəndi", 0, "I"), ("Washington", 0, "C"), ("Nagorno-Karabakh", 0, "C"),
   ("Azerbaijan", 1, "C"), ("Tartar", 0, "I"), ("Barda", 0, "I"), ("Ganja", 0, "I")],
  [inc("Stepanakert", EVB, "2020-10-28", 0, 0)])

R("r015", "2020-10-30", "Northline News Agency (illustrative)", "heldout",
  "GENEVA, Oct 30 (Northline) — The foreign ministers of Armenia and Azerbaijan met mediators in "
  "Geneva on Friday, their third round of talks in three weeks, as fighting raged around the "
  "strategic town of Shusha, which Armenians call Shushi.\n\n"
  "Officials in Stepanakert said Azerbaijani troops were within a few kilometres of the town, "
  "perched on heights above the Karabakh capital, and that the road south to the Lachin corridor "
  "and Armenia was under fire.\n\n"
  "Moscow has said its defence pact with Yerevan would apply only if Armenia itself came under "
  "attack.",
  [("GENEVA", 0, "C"), ("Armenia", 0, "C"), ("Azerbaijan", 0, "C"), ("Geneva", 0, "C"),
   ("Shusha", 0, "I"), ("Shushi", 0, "I"), ("Stepanakert", 0, "C"), ("Karabakh", 0, "C"),
   ("Lachin corridor", 0, "C"), ("Armenia", 1, "C"), ("Moscow", 0, "C"), ("Yerevan", 0, "C"),
   ("Armenia", 2, "H")],
  [inc("Shusha", BAT, "2020-10-30")])

R("r049", "2020-11-04", "Northline News Agency (illustrative)", "dev",
  "STEPANAKERT, Nov 4 (Northline) — Azerbaijani special forces were fighting on the outskirts of "
  "Shushi on Wednesday and had briefly cut the road that links Stepanakert to the Lachin corridor "
  "and Armenia, ethnic Armenian officials said, threatening the region's only supply line.\n\n"
  "Artillery thundered over the hills south of the city through the night. Civilians were told to "
  "leave the villages around the town of Lachin, which Armenians call Berdzor, and head for "
  "Goris.\n\n"
  "Azerbaijan's Defence Ministry said its troops had taken several villages in the Khojavend "
  "area, east of the regional capital.",
  [("STEPANAKERT", 0, "C"), ("Shushi", 0, "I"), ("Stepanakert", 0, "C"),
   ("Lachin corridor", 0, "C"), ("Armenia", 0, "C"), ("Lachin", 1, "C"), ("Berdzor", 0, "C"),
   ("Goris", 0, "C"), ("Azerbaijan", 0, "C"), ("Khojavend", 0, "I")],
  [inc("Shusha", BAT, "2020-11-04"), inc("Martuni", BAT, "2020-11-04")])

R("r016", "2020-11-08", "Meridian Wire (illustrative)", "dev",
  "BAKU, Nov 8 (Meridian) — President Ilham Aliyev said on Sunday that Azerbaijani forces had "
  "captured Şuşa, the hilltop town that overlooks Stepanakert, calling it a \"historic victory\" "
  "after six weeks of fighting.\n\n"
  "Ethnic Armenian officials denied that the town had fallen and said fighting continued on its "
  "outskirts. Cars packed with families were seen leaving Stepanakert for Goris in Armenia, along "
  "the only road out of the region.\n\n"
  "Crowds waved flags in the streets of Baku and Ganja. Turkey's president congratulated Aliyev; "
  "Moscow called for an immediate halt to the fighting.",
  [("BAKU", 0, "C"), ("Şuşa", 0, "I"), ("Stepanakert", 0, "C"), ("Stepanakert", 1, "C"),
   ("Goris", 0, "C"), ("Armenia", 0, "C"), ("Baku", 0, "C"), ("Ganja", 0, "C"),
   ("Turkey", 0, "C"), ("Moscow", 0, "C")],
  [inc("Shusha", BAT, "2020-11-08")])

R("r018", "2020-11-09", "Northline News Agency (illustrative)", "heldout",
  "YEREVAN, Nov 9 (Northline) — A Russian military helicopter was shot down over Armenia near the "
  "border with Azerbaijan's Nakhchivan exclave on Monday, killing two crew members and injuring a "
  "third, Russia's Defence Ministry said.\n\n"
  "Azerbaijan quickly apologised, saying its forces had fired by mistake because the Mi-24 was "
  "flying low in darkness close to the frontier. Baku offered to pay compensation.\n\n"
  "The helicopter had been escorting a convoy to Russia's military base in Gyumri. Moscow "
  "accepted the apology. It was the first direct loss for Russia in the six-week conflict, which "
  "Moscow has sought to keep from spreading to Armenia, its treaty ally.",
  [("YEREVAN", 0, "C"), ("Armenia", 0, "I"), ("Azerbaijan", 0, "C"), ("Nakhchivan", 0, "C"),
   ("Russia", 0, "C"), ("Azerbaijan", 1, "C"), ("Baku", 0, "C"), ("Russia", 1, "C"),
   ("Gyumri", 0, "C"), ("Moscow", 0, "C"), ("Russia", 2, "C"), ("Moscow", 1, "C"),
   ("Armenia", 1, "H")],
  [inc("Armenia", EVB, "2020-11-09", 2, 1)])

R("r017", "2020-11-10", "Global Dispatch (illustrative)", "dev",
  "MOSCOW, Nov 10 (Global Dispatch) — Armenia, Azerbaijan and Russia signed a deal to end the "
  "fighting over Nagorno-Karabakh from 0100 Moscow time on Tuesday, under which about 2,000 "
  "Russian peacekeepers will deploy along the front line and the Lachin corridor linking the "
  "region to Armenia.\n\n"
  "Under the agreement, announced by President Vladimir Putin, Armenian forces will hand back "
  "Aghdam by Nov. 20, Kalbajar by Nov. 15 and Lachin by Dec. 1, while a transport link will be "
  "opened across southern Armenia between mainland Azerbaijan and its Nakhichevan exclave.\n\n"
  "In Yerevan, thousands of protesters gathered outside government buildings, calling Prime "
  "Minister Nikol Pashinyan a traitor. In Baku, the deal was celebrated as a victory. Ankara said "
  "Turkey would help monitor the truce from a joint centre in Azerbaijan.",
  [("MOSCOW", 0, "C"), ("Armenia", 0, "C"), ("Azerbaijan", 0, "C"), ("Russia", 0, "C"),
   ("Nagorno-Karabakh", 0, "C"), ("Moscow", 0, "C"), ("Lachin corridor", 0, "C"),
   ("Armenia", 1, "C"), ("Aghdam", 0, "C"), ("Kalbajar", 0, "C"), ("Lachin", 1, "C"),
   ("Armenia", 2, "C"), ("Azerbaijan", 1, "C"), ("Nakhichevan", 0, "C"), ("Yerevan", 0, "C"),
   ("Baku", 0, "C"), ("Ankara", 0, "C"), ("Turkey", 0, "C"), ("Azerbaijan", 2, "C")],
  [])

R("r051", "2020-12-01", "Northline News Agency (illustrative)", "dev",
  "BAKU, Dec 1 (Northline) — Azerbaijani troops entered the Laçın district on Tuesday, the last "
  "of three districts handed back by Armenia under the Nov. 10 ceasefire, while Russian "
  "peacekeepers kept control of the road through the town of Laçın that links Xankəndi, as "
  "Azerbaijan calls Stepanakert, with Armenia.\n\n"
  "Azerbaijani officials said mines and wrecked houses would delay the return of people "
  "displaced in 1992. President Ilham Aliyev promised to rebuild Şuşa and to open a new road "
  "around the town within three years.\n\n"
  "In Tərtər, which was shelled almost daily during the six-week war, residents began repairing "
  "their roofs.",
  [("BAKU", 0, "C"), ("Laçın district", 0, "C"), ("Armenia", 0, "C"), ("Laçın", 1, "C"),
   ("Xankəndi", 0, "C"), ("Azerbaijan", 0, "C"), ("Stepanakert", 0, "C"), ("Armenia", 1, "C"),
   ("Şuşa", 0, "C"), ("Tərtər", 0, "I")],
  [])

R("r052", "2020-10-07", "Meridian Wire (illustrative)", "dev",
  "BAKU, Oct 7 (Meridian) — Azerbaijan's foreign ministry said on Wednesday that Armenian forces "
  "were preparing to strike the Mingachevir reservoir and its hydroelectric dam, and warned that "
  "a breach would flood towns downstream. Yerevan denied any such plan.\n\n"
  "Overnight, rockets hit a residential street in Barda, killing two civilians, the prosecutor's "
  "office said. President Ilham Aliyev vowed to take back Shusha and said his army would not stop "
  "until Armenian troops left every occupied district.\n\n"
  "Armenian officials said the army was ready to hit military targets deep inside Azerbaijan if "
  "shelling of Stepanakert continued, and that air defences had shot down a drone over Martuni.",
  [("BAKU", 0, "C"), ("Azerbaijan", 0, "C"), ("Mingachevir", 0, "H"),
   ("Yerevan", 0, "C"), ("Barda", 0, "I"), ("Shusha", 0, "H"), ("Azerbaijan", 1, "H"),
   ("Stepanakert", 0, "H"), ("Martuni", 0, "I")],
  [inc("Barda", EVB, "2020-10-07", fatalities=2), inc("Martuni", EVB, "2020-10-07")])

R("r053", "2021-05-20", "Continental Press Service (illustrative)", "dev",
  "YEREVAN, May 20 (CPS) — Armenia's acting prime minister said on Thursday that Yerevan reserved "
  "the right to strike Azerbaijani positions at the Black Lake if talks failed, a week after the "
  "troops crossed the border in Syunik.\n\n"
  "Azerbaijan said its units were on its own territory and that any attempt to dislodge them would "
  "meet a firm response. Shots were exchanged on Tuesday near Sotk, in Gegharkunik, and residents "
  "said they feared the standoff could spread to other villages.\n\n"
  "Russia, which has a base in Gyumri, said it was ready to help demarcate the border and called "
  "on both sides to refrain from steps that might escalate tensions.",
  [("YEREVAN", 0, "C"), ("Armenia", 0, "C"), ("Yerevan", 0, "C"), ("Black Lake", 0, "H"),
   ("Syunik", 0, "I"), ("Azerbaijan", 0, "C"), ("Sotk", 0, "I"), ("Gegharkunik", 0, "C"),
   ("Russia", 0, "C"), ("Gyumri", 0, "C")],
  [inc("Syunik", STR, "2021-05-13"), inc("Sotk", BAT, "2021-05-18")])

R("r054", "2022-09-14", "Northline News Agency (illustrative)", "dev",
  "YEREVAN, Sept 14 (Northline) — Azerbaijani artillery and drones struck Jermuk, Goris and "
  "Vardenis overnight, Armenia's defence ministry said, in the heaviest fighting since the 2020 "
  "war. It said 49 soldiers had been killed.\n\n"
  "Baku said it had acted against Armenian sabotage groups and accused Yerevan of planning to "
  "mine roads near Kalbajar. Prime Minister Nikol Pashinyan asked Moscow to invoke the collective "
  "defence treaty, saying the strikes had hit Armenian territory, not Nagorno-Karabakh.\n\n"
  "Kapan would be evacuated should the shelling reach the town, local officials said.",
  [("YEREVAN", 0, "C"), ("Jermuk", 0, "I"), ("Goris", 0, "I"), ("Vardenis", 0, "I"),
   ("Armenia", 0, "C"), ("Baku", 0, "C"), ("Yerevan", 0, "C"), ("Kalbajar", 0, "H"),
   ("Moscow", 0, "C"), ("Armenian territory", 0, "I"), ("Nagorno-Karabakh", 0, "C"), ("Kapan", 0, "H")],
  [inc("Jermuk", EVB, "2022-09-13", fatalities=49), inc("Goris", EVB, "2022-09-13"),
   inc("Vardenis", EVB, "2022-09-13"), inc("Armenia", EVB, "2022-09-13")])

# ---------------------------------------------------------------------------------------
# 2021 border incursions
# ---------------------------------------------------------------------------------------
R("r019", "2021-05-13", "Meridian Wire (illustrative)", "dev",
  "YEREVAN, May 13 (Meridian) — Armenia accused Azerbaijan on Thursday of sending troops about "
  "3.5 km into Syunik province, and said they had dug in around the Black Lake, a small mountain "
  "lake on the border. Yerevan asked Russia for military help under a 1997 treaty.\n\n"
  "Prime Minister Nikol Pashinyan told his security council that some 250 Azerbaijani soldiers "
  "had crossed into Armenia on Wednesday near Ishkhanasar mountain. Baku said its forces were "
  "merely taking up positions on its own side of a border that had never been demarcated, in "
  "the Lachin district.\n\n"
  "Residents of Goris, about 15 km away, said they had seen military lorries heading up the "
  "mountain road. France, a co-chair of the OSCE Minsk Group, called for the troops to be pulled "
  "back.",
  [("YEREVAN", 0, "C"), ("Armenia", 0, "C"), ("Azerbaijan", 0, "C"), ("Syunik", 0, "I"),
   ("Black Lake", 0, "I"), ("Yerevan", 0, "C"), ("Russia", 0, "C"), ("Armenia", 1, "C"),
   ("Ishkhanasar", 0, "I"), ("Baku", 0, "C"), ("Lachin district", 0, "C"), ("Goris", 0, "C"),
   ("France", 0, "C"), ("Minsk", 0, "C")],
  [inc("Lake Sev", STR, "2021-05-12"), inc("Ishkhanasar", STR, "2021-05-12")])

R("r020", "2021-05-27", "Continental Press Service (illustrative)", "dev",
  "YEREVAN, May 27 (Continental Press) — Azerbaijani troops captured six Armenian soldiers who "
  "were carrying out engineering work on the border near the village of Verin Shorzha in "
  "Gegharkunik province on Thursday, Armenia's Defence Ministry said.\n\n"
  "Azerbaijan's State Border Service said the soldiers had crossed into Kalbajar district and "
  "were detained while trying to lay mines. The incident came two weeks after Azerbaijani units "
  "moved into Armenian territory near Sotk and the Black Lake, a standoff that has yet to be "
  "resolved.\n\n"
  "\"If our territory continues to be violated, we will use all means,\" acting Prime Minister "
  "Nikol Pashinyan told parliament, as Yerevan again asked Moscow to intervene.",
  [("YEREVAN", 0, "C"), ("Verin Shorzha", 0, "I"), ("Gegharkunik", 0, "C"), ("Armenia", 0, "C"),
   ("Azerbaijan", 0, "C"), ("Kalbajar district", 0, "I"), ("Armenian territory", 0, "C"),
   ("Sotk", 0, "I"), ("Black Lake", 0, "I"), ("Yerevan", 0, "C"), ("Moscow", 0, "C")],
  [inc("Verin Shorzha", STR, "2021-05-27"), inc("Kalbajar District", STR, "2021-05-27"),
   inc("Sotk", STR, "2021-05-12"), inc("Lake Sev", STR, "2021-05-12")])

R("r039", "2021-11-16", "Meridian Wire (illustrative)", "heldout",
  "YEREVAN, Nov 16 (Meridian) — Armenia and Azerbaijan agreed to a Russian-brokered ceasefire on "
  "Tuesday after the heaviest clashes on their border in months, which Yerevan said had left one "
  "of its soldiers dead and 13 taken prisoner in Armenia's Syunik province.\n\n"
  "The Armenian Defence Ministry said Azerbaijani forces had attacked positions in the area of the "
  "Black Lake and Mount Ishkhanasar with artillery and armoured vehicles, and that two positions "
  "had been lost. Baku said seven of its troops were killed and blamed an Armenian provocation in "
  "the Kalbajar and Lachin districts.\n\n"
  "Pashinyan's office said it had asked Moscow to defend Armenia's territorial integrity under a "
  "1997 treaty. European officials urged both sides to return to talks in Brussels.",
  [("YEREVAN", 0, "C"), ("Armenia", 0, "C"), ("Azerbaijan", 0, "C"), ("Yerevan", 0, "C"),
   ("Armenia", 1, "C"), ("Syunik", 0, "I"), ("Black Lake", 0, "I"), ("Ishkhanasar", 0, "I"),
   ("Baku", 0, "C"), ("Kalbajar", 0, "I", "Kalbajar District"),
   ("Lachin", 0, "I", "Lachin District"), ("Moscow", 0, "C"), ("Armenia", 2, "C"),
   ("Brussels", 0, "C")],
  [inc("Syunik", BAT, "2021-11-16", 1), inc("Lake Sev", BAT, "2021-11-16"),
   inc("Ishkhanasar", BAT, "2021-11-16"), inc("Kalbajar District", BAT, "2021-11-16"),
   inc("Lachin District", BAT, "2021-11-16")])

# ---------------------------------------------------------------------------------------
# September 2022 attacks on Armenia proper
# ---------------------------------------------------------------------------------------
R("r021", "2022-09-13", "Global Dispatch (illustrative)", "heldout",
  "YEREVAN, Sept 13 (Global Dispatch) — Azerbaijani forces shelled the Armenian towns of Jermuk, "
  "Goris and Kapan and villages around Vardenis and Sotk before dawn on Tuesday, Armenia said, in "
  "the worst fighting on its sovereign territory since the two countries gained "
  "independence.\n\n"
  "Armenia's Defence Ministry said at least 49 of its soldiers were killed; Prime Minister Nikol "
  "Pashinyan later raised the figure to 105. Azerbaijan said 50 of its servicemen died repelling "
  "\"large-scale provocations\" by Armenian units in the Dashkasan, Kalbajar and Lachin "
  "districts.\n\n"
  "In Jermuk, a spa town in Vayots Dzor province, residents said shells hit near the main hotels. "
  "Armenia asked Russia and a Moscow-led security bloc for help.",
  [("YEREVAN", 0, "C"), ("Jermuk", 0, "I"), ("Goris", 0, "I"), ("Kapan", 0, "I"),
   ("Vardenis", 0, "I"), ("Sotk", 0, "I"), ("Armenia", 0, "C"), ("Armenia", 1, "C"),
   ("Azerbaijan", 0, "C"), ("Dashkasan", 0, "I"), ("Kalbajar", 0, "I", "Kalbajar District"),
   ("Lachin", 0, "I", "Lachin District"), ("Jermuk", 1, "I"), ("Vayots Dzor", 0, "C"),
   ("Armenia", 2, "C"), ("Russia", 0, "C"), ("Moscow", 0, "C")],
  [inc("Jermuk", EVB, "2022-09-13"), inc("Goris", EVB, "2022-09-13"),
   inc("Kapan", EVB, "2022-09-13"), inc("Vardenis", EVB, "2022-09-13"),
   inc("Sotk", EVB, "2022-09-13"), inc("Dashkasan District", BAT, "2022-09-13"),
   inc("Kalbajar District", BAT, "2022-09-13"), inc("Lachin District", BAT, "2022-09-13")])

R("r022", "2022-09-14", "Meridian Wire (illustrative)", "dev",
  "SOTK, Armenia, Sept 14 (Meridian) — Houses in Sotk were still smouldering on Wednesday after "
  "two days of Azerbaijani artillery and drone strikes on this gold-mining village in Gegharkunik "
  "province, close to the border with Kalbajar, which Armenians call Karvachar.\n\n"
  "Villagers said drones had hit homes in neighbouring Kut as well, and that several people had "
  "been wounded. Most of Sotk's women and children had fled to Vardenis, about 15 km to the "
  "west.\n\n"
  "Armenia said Azerbaijani troops had taken several heights inside the country, including "
  "positions near Ishkhanasar in Syunik. A ceasefire brokered by Russia took hold late on "
  "Wednesday, according to the secretary of Armenia's Security Council.",
  [("SOTK", 0, "C"), ("Armenia", 0, "C"), ("Sotk", 0, "I"), ("Gegharkunik", 0, "C"),
   ("Kalbajar", 0, "C", "Kalbajar District"), ("Karvachar", 0, "C", "Kalbajar District"),
   ("Kut", 0, "I"), ("Sotk", 1, "C"), ("Vardenis", 0, "C"), ("Armenia", 1, "C"),
   ("Ishkhanasar", 0, "I"), ("Syunik", 0, "C"), ("Russia", 0, "C"), ("Armenia", 2, "C")],
  [inc("Sotk", EVB, "2022-09-13"), inc("Kut", EVB, "2022-09-13"),
   inc("Ishkhanasar", BAT, "2022-09-13")])

R("r040", "2022-09-18", "Continental Press Service (illustrative)", "dev",
  "YEREVAN, Sept 18 (Continental Press) — U.S. House Speaker Nancy Pelosi condemned what she "
  "called \"illegal and deadly attacks\" by Azerbaijan on Armenia during a visit to Yerevan on "
  "Sunday, the most senior American official to travel to the country since its "
  "independence.\n\n"
  "Pelosi spoke days after Azerbaijani shelling of towns including Jermuk and Goris in fighting "
  "that killed more than 200 soldiers on both sides. Baku called her remarks unfounded and unfair "
  "and said Armenian forces had provoked the clashes in Kalbajar district.\n\n"
  "A fragile ceasefire has held since Wednesday night. Hundreds of people demonstrated in Yerevan "
  "demanding that Armenia quit a Moscow-led security pact that declined Armenia's request for "
  "military help.",
  [("YEREVAN", 0, "C"), ("Azerbaijan", 0, "C"), ("Armenia", 0, "I"), ("Yerevan", 0, "C"),
   ("Jermuk", 0, "I"), ("Goris", 0, "I"), ("Baku", 0, "C"), ("Kalbajar district", 0, "I"),
   ("Yerevan", 1, "C"), ("Armenia", 1, "C"), ("Moscow", 0, "C"), ("Armenia", 2, "C")],
  [inc("Armenia", BAT, "2022-09-13"), inc("Jermuk", EVB, "2022-09-13"),
   inc("Goris", EVB, "2022-09-13"), inc("Kalbajar District", BAT, "2022-09-13")])

R("r023", "2022-10-06", "Northline News Agency (illustrative)", "dev",
  "PRAGUE, Oct 6 (Northline) — Armenia and Azerbaijan agreed late on Thursday to allow a civilian "
  "European mission to deploy along their shared border, after talks in Prague hosted by French "
  "President Emmanuel Macron and European Council President Charles Michel.\n\n"
  "In a joint statement, Pashinyan and Aliyev confirmed their commitment to the 1991 Alma-Ata "
  "Declaration, under which the former Soviet republics recognised one another's borders. "
  "Diplomats said the reference implied Baku's recognition of Armenia's territory and Yerevan's "
  "acceptance that Nagorno-Karabakh lies within Azerbaijan.\n\n"
  "The meeting came three weeks after the deadliest fighting in two years, when Azerbaijani "
  "shelling hit towns deep inside Armenia, including Jermuk.",
  [("PRAGUE", 0, "C"), ("Armenia", 0, "C"), ("Azerbaijan", 0, "C"), ("Prague", 0, "C"),
   ("Alma-Ata", 0, "C"), ("Baku", 0, "C"), ("Armenia", 1, "C"), ("Yerevan", 0, "C"),
   ("Nagorno-Karabakh", 0, "C"), ("Azerbaijan", 1, "C"), ("Armenia", 2, "C"),
   ("Jermuk", 0, "I")],
  [inc("Jermuk", EVB, "2022-09-13")])

R("r024", "2022-10-31", "Continental Press Service (illustrative)", "heldout",
  "SOCHI, Russia, Oct 31 (Continental Press) — President Vladimir Putin hosted the leaders of "
  "Armenia and Azerbaijan in the resort of Sochi on Monday and said the two sides had agreed not "
  "to use force against each other, although they failed to sign a joint statement on "
  "Nagorno-Karabakh.\n\n"
  "Aliyev said Baku would decide later whether Russian peacekeepers could stay beyond 2025. "
  "Pashinyan complained that the Lachin corridor, the only road from Armenia to Karabakh, was "
  "under growing pressure.\n\n"
  "The Sochi summit followed earlier rounds in Brussels and Prague under European mediation, "
  "which Moscow has viewed with suspicion.",
  [("SOCHI", 0, "C"), ("Russia", 0, "C"), ("Armenia", 0, "C"), ("Azerbaijan", 0, "C"),
   ("Sochi", 0, "C"), ("Nagorno-Karabakh", 0, "C"), ("Baku", 0, "C"),
   ("Lachin corridor", 0, "C"), ("Armenia", 1, "C"), ("Karabakh", 1, "C"), ("Sochi", 1, "C"),
   ("Brussels", 0, "C"), ("Prague", 0, "C"), ("Moscow", 0, "C")],
  [])

# ---------------------------------------------------------------------------------------
# Lachin corridor blockade (Dec 2022 - Sept 2023)
# ---------------------------------------------------------------------------------------
R("r025", "2022-12-12", "Meridian Wire (illustrative)", "dev",
  "STEPANAKERT, Dec 12 (Meridian) — Dozens of Azerbaijanis describing themselves as "
  "environmental activists blocked the only road linking Nagorno-Karabakh with Armenia on "
  "Monday, halting traffic on the Lachin corridor near Shusha, ethnic Armenian officials "
  "said.\n\n"
  "Russian peacekeepers stood between the protesters and a line of stranded lorries. Stepanakert "
  "said the protest was a state-organised blockade that cut off 120,000 people from food and "
  "medicine; Baku said the activists were protesting against illegal mining.\n\n"
  "\"This is a siege,\" said a resident of Stepanakert whose daughter was stuck in Goris, on the "
  "Armenian side.",
  [("STEPANAKERT", 0, "C"), ("Nagorno-Karabakh", 0, "C"), ("Armenia", 0, "C"),
   ("Lachin corridor", 0, "I"), ("Shusha", 0, "I"), ("Stepanakert", 0, "C"), ("Baku", 0, "C"),
   ("Stepanakert", 1, "C"), ("Goris", 0, "C")],
  [inc("Lachin corridor", STR, "2022-12-12")])

R("r026", "2023-02-22", "Global Dispatch (illustrative)", "dev",
  "THE HAGUE, Feb 22 (Global Dispatch) — The International Court of Justice ordered Azerbaijan "
  "on Wednesday to take all steps at its disposal to ensure unimpeded movement of people, "
  "vehicles and cargo along the Lachin corridor, which has been blocked since Dec. 12.\n\n"
  "The judges voted 13–2 for the provisional measure requested by Armenia. Baku said the ruling "
  "showed it was not responsible for the protest, and that the road had never been closed to the "
  "Red Cross.\n\n"
  "In Stepanakert, shop shelves were nearly bare and fuel was being rationed. The Artsakh "
  "Ombudsman said a patient had died while awaiting transfer to a hospital in Yerevan.",
  [("THE HAGUE", 0, "C"), ("Azerbaijan", 0, "C"), ("Lachin corridor", 0, "I"),
   ("Armenia", 0, "C"), ("Baku", 0, "C"), ("Stepanakert", 0, "C"), ("Artsakh", 0, "C"),
   ("Yerevan", 0, "C")],
  [inc("Lachin corridor", STR, "2022-12-12")])

R("r027", "2023-04-23", "Northline News Agency (illustrative)", "heldout",
  "YEREVAN, April 23 (Northline) — Azerbaijan set up a checkpoint on Sunday at the Hakari bridge, "
  "at the entrance to the Lachin corridor near the Armenian border, a move Yerevan said was a "
  "gross violation of the 2020 ceasefire.\n\n"
  "Azerbaijan's State Border Service said the checkpoint, placed on its own territory, would stop "
  "weapons being smuggled into Karabakh and would operate \"in interaction\" with Russian "
  "peacekeepers. Armenia's Foreign Ministry called on Moscow to intervene.\n\n"
  "Residents of Kornidzor, the last Armenian village before the bridge, said they could see "
  "Azerbaijani flags and armoured vehicles from their gardens. Four ethnic Armenian villages in "
  "Lachin district lie beyond the checkpoint, local officials said.",
  [("YEREVAN", 0, "C"), ("Azerbaijan", 0, "C"), ("Hakari bridge", 0, "I"),
   ("Lachin corridor", 0, "C"), ("Yerevan", 0, "C"), ("Azerbaijan", 1, "C"),
   ("Karabakh", 0, "C"), ("Armenia", 0, "C"), ("Moscow", 0, "C"), ("Kornidzor", 0, "C"),
   ("Lachin district", 0, "C")],
  [inc("Hakari bridge", STR, "2023-04-23")])

R("r028", "2023-06-15", "Continental Press Service (illustrative)", "dev",
  "BAKU, June 15 (Continental Press) — Azerbaijan said one of its border guards was wounded on "
  "Thursday when Armenian forces opened fire on its checkpoint at the Hakari bridge, an "
  "accusation Armenia denied. Baku said the shots came from the direction of Kornidzor, across "
  "the river in Armenia.\n\n"
  "Armenia's Defence Ministry said Azerbaijani soldiers had tried to cross to the far end of the "
  "bridge and that its troops had fired warning shots. Following the shooting, Azerbaijan halted "
  "all traffic through the checkpoint, tightening a blockade of Nagorno-Karabakh that has lasted "
  "six months.\n\n"
  "The Red Cross said its convoys carrying patients from Stepanakert to Armenia had been "
  "suspended.",
  [("BAKU", 0, "C"), ("Azerbaijan", 0, "C"), ("Hakari bridge", 0, "I"), ("Armenia", 0, "C"),
   ("Baku", 0, "C"), ("Kornidzor", 0, "C"), ("Armenia", 1, "C"), ("Armenia", 2, "C"),
   ("Azerbaijan", 1, "C"), ("Nagorno-Karabakh", 0, "I"), ("Stepanakert", 0, "C"),
   ("Armenia", 3, "C")],
  [inc("Hakari bridge", BAT, "2023-06-15", None, 1),
   inc("Nagorno-Karabakh", STR, "2023-06-15")])

R("r029", "2023-08-15", "Global Dispatch (illustrative)", "dev",
  "STEPANAKERT, Aug 15 (Global Dispatch) — Health officials in Stepanakert said on Tuesday that a "
  "40-year-old man had died of malnutrition, the first such death since Azerbaijan began "
  "blocking the Lachin corridor in December.\n\n"
  "Baku has offered to supply the region via the road from Aghdam, a town east of Karabakh that "
  "returned to Azerbaijan's control in 2020, but ethnic Armenian leaders rejected the route as an "
  "attempt to force the enclave's absorption. A convoy of 19 lorries sent by Yerevan has been "
  "waiting near Kornidzor for three weeks.\n\n"
  "\"People queue from four in the morning for bread,\" said a resident of Martuni, 40 km from the "
  "regional capital.",
  [("STEPANAKERT", 0, "C"), ("Stepanakert", 0, "C"), ("Azerbaijan", 0, "C"),
   ("Lachin corridor", 0, "I"), ("Baku", 0, "C"), ("Aghdam", 0, "C"), ("Karabakh", 0, "C"),
   ("Azerbaijan", 1, "C"), ("Yerevan", 0, "C"), ("Kornidzor", 0, "C"), ("Martuni", 0, "C")],
  [inc("Lachin corridor", STR, "2022-12-12")])

# ---------------------------------------------------------------------------------------
# September 2023 offensive and exodus
# ---------------------------------------------------------------------------------------
R("r044", "2023-09-19", "Northline News Agency (illustrative)", "dev",
  "BAKU, Sept 19 (Northline) — Four police officers and two civilian road workers were killed on "
  "Tuesday morning in two landmine explosions near Şuşa, Azerbaijan's State Security Service "
  "said, blaming \"illegal Armenian armed groups\" in Karabakh for planting the mines.\n\n"
  "The first blast hit a truck near a tunnel on the highway from Fuzuli, and the second struck a "
  "police car rushing to the scene. Hours later, Azerbaijan announced what it called "
  "anti-terrorist operations, saying its forces were striking military positions near Khankendi, "
  "as Baku calls Stepanakert.\n\n"
  "Yerevan said the mine story was a pretext and called on Russian peacekeepers and the UN "
  "Security Council to act.",
  [("BAKU", 0, "C"), ("Şuşa", 0, "I"), ("Azerbaijan", 0, "C"), ("Karabakh", 0, "C"),
   ("Fuzuli", 0, "C"), ("Azerbaijan", 1, "C"), ("Khankendi", 0, "I"), ("Baku", 0, "C"),
   ("Stepanakert", 0, "I"), ("Yerevan", 0, "C")],
  [inc("Shusha", EVB, "2023-09-19", 6), inc("Stepanakert", BAT, "2023-09-19")])

R("r030", "2023-09-19", "Meridian Wire (illustrative)", "heldout",
  "STEPANAKERT, Sept 19 (Meridian) — Azerbaijan launched what it called \"local anti-terrorist "
  "measures\" on Tuesday, pounding ethnic Armenian positions around Stepanakert, Askeran and "
  "Martuni in Nagorno-Karabakh with artillery and drones and demanding that local forces lay down "
  "their arms.\n\n"
  "Loud explosions were heard across the regional capital, which Azerbaijan calls Khankendi, and "
  "residents crowded into basements. The Artsakh Ombudsman said at least 27 people had been "
  "killed, including two civilians, and more than 200 wounded.\n\n"
  "Azerbaijan's Defence Ministry said it was striking only military targets and had opened "
  "humanitarian corridors, including towards the Lachin corridor. Armenia said none of its troops "
  "were in the region and warned that any spread of the fighting to its own soil would be met "
  "with force.",
  [("STEPANAKERT", 0, "C"), ("Azerbaijan", 0, "C"), ("Stepanakert", 0, "I"), ("Askeran", 0, "I"),
   ("Martuni", 0, "I"), ("Nagorno-Karabakh", 0, "C"), ("Azerbaijan", 1, "C"),
   ("Khankendi", 0, "I"), ("Artsakh", 0, "C"), ("Azerbaijan", 2, "C"),
   ("Lachin corridor", 0, "C"), ("Armenia", 0, "C")],
  [inc("Stepanakert", EVB, "2023-09-19"), inc("Askeran", EVB, "2023-09-19"),
   inc("Martuni", EVB, "2023-09-19")])

R("r031", "2023-09-20", "Northline News Agency (illustrative)", "dev",
  "BAKU, Sept 20 (Northline) — Ethnic Armenian forces in Nagorno-Karabakh agreed on Wednesday to "
  "disarm and disband under a ceasefire mediated by Russian peacekeepers, a day after Azerbaijan "
  "launched a lightning offensive. Talks on the region's \"reintegration\" were set for Thursday "
  "in the Azerbaijani city of Yevlakh.\n\n"
  "Russia's Defence Ministry said five of its peacekeepers were killed when their vehicle came "
  "under fire in the Martakert area, and Aliyev later apologised to Putin by telephone.\n\n"
  "The Karabakh authorities said more than 10,000 people, many from villages around Martakert, "
  "had sought shelter at the peacekeepers' base near Stepanakert airport. In Yerevan, thousands "
  "of protesters demanded Pashinyan's resignation.",
  [("BAKU", 0, "C"), ("Nagorno-Karabakh", 0, "C"), ("Azerbaijan", 0, "C"), ("Yevlakh", 0, "C"),
   ("Russia", 0, "C"), ("Martakert", 0, "I"), ("Karabakh", 1, "C"), ("Martakert", 1, "C"),
   ("Stepanakert", 0, "C"), ("Yerevan", 0, "C")],
  [inc("Martakert", BAT, "2023-09-20", 5)])

R("r045", "2023-09-21", "Global Dispatch (illustrative)", "heldout",
  "YEVLAKH, Azerbaijan, Sept 21 (Global Dispatch) — Azerbaijani officials and representatives of "
  "Nagorno-Karabakh's ethnic Armenians held their first talks on the region's future on Thursday "
  "in Yevlakh, about 100 km from Stepanakert, a day after a ceasefire ended Baku's 24-hour "
  "offensive.\n\n"
  "The Karabakh delegation said afterwards that the talks had been constructive but "
  "inconclusive. Hours earlier, gunfire was heard in Stepanakert in breach of the truce, "
  "residents said, a report Azerbaijan's Defence Ministry denied.\n\n"
  "Thousands of people were sheltering at the airport used by the Russian peacekeeping "
  "contingent, and many said they would leave for Armenia as soon as the road opened. \"There is "
  "nothing left for us here,\" said a woman from Karmir Shuka, a village that came under heavy "
  "fire on Tuesday.",
  [("YEVLAKH", 0, "C"), ("Azerbaijan", 0, "C"), ("Nagorno-Karabakh", 0, "C"), ("Yevlakh", 0, "C"),
   ("Stepanakert", 0, "C"), ("Baku", 0, "C"), ("Karabakh", 1, "C"), ("Stepanakert", 1, "I"),
   ("Azerbaijan", 1, "C"), ("Armenia", 0, "C"), ("Karmir Shuka", 0, "I")],
  [inc("Stepanakert", BAT, "2023-09-21"), inc("Karmir Shuka", EVB, "2023-09-19")])

R("r046", "2023-09-24", "Meridian Wire (illustrative)", "dev",
  "KORNIDZOR, Armenia, Sept 24 (Meridian) — The first buses carrying refugees from "
  "Nagorno-Karabakh crossed the Hakari bridge into Armenia on Sunday evening, five days after "
  "Azerbaijan's offensive forced the region's ethnic Armenian forces to surrender.\n\n"
  "At a tent camp outside Kornidzor, volunteers handed out bread and water. Among those waiting "
  "was Garik, 58, who had driven for six hours from Martuni, a town on the southern shore of Lake "
  "Sevan, hoping to find his sister, who lives in the Karabakh town of the same name.\n\n"
  "Prime Minister Nikol Pashinyan said Armenia was ready to take in 40,000 families but accused "
  "the international community of failing to stop what he called ethnic cleansing. Baku said "
  "Armenians were free to stay.",
  [("KORNIDZOR", 0, "C"), ("Armenia", 0, "C"), ("Nagorno-Karabakh", 0, "C"),
   ("Hakari bridge", 0, "C"), ("Armenia", 1, "C"), ("Azerbaijan", 0, "C"), ("Kornidzor", 0, "C"),
   ("Martuni", 0, "C", "Martuni (Gegharkunik)"), ("Lake Sevan", 0, "C"), ("Karabakh", 1, "C"),
   ("Armenia", 2, "C"), ("Baku", 0, "C")],
  [])

R("r032", "2023-09-25", "Continental Press Service (illustrative)", "dev",
  "STEPANAKERT, Sept 25 (Continental Press) — A huge explosion tore through a fuel depot near "
  "Stepanakert on Monday evening as hundreds of people queued for petrol to flee to Armenia, "
  "killing at least 20 people and injuring about 290, ethnic Armenian officials said.\n\n"
  "The blast hit a storage site at Berkadzor, a few kilometres north of the city on the road to "
  "Askeran. The cause was not immediately clear. Local hospitals were overwhelmed, and Armenia "
  "sent helicopters to fly the worst burned to Yerevan.\n\n"
  "Since the road through the Lachin corridor reopened on Sunday, more than 6,000 people have "
  "crossed into Armenia, the government in Yerevan said.",
  [("STEPANAKERT", 0, "C"), ("Stepanakert", 0, "I"), ("Armenia", 0, "C"), ("Berkadzor", 0, "I"),
   ("Askeran", 0, "C"), ("Armenia", 1, "C"), ("Yerevan", 0, "C"), ("Lachin corridor", 0, "C"),
   ("Armenia", 2, "C"), ("Yerevan", 1, "C")],
  [inc("Berkadzor", STR, "2023-09-25", 20, 290)])

R("r033", "2023-09-26", "Global Dispatch (illustrative)", "heldout",
  "GORIS, Armenia, Sept 26 (Global Dispatch) — Cars piled high with mattresses and suitcases "
  "crawled into Goris on Tuesday as the exodus from Nagorno-Karabakh swelled, with Armenia saying "
  "more than 13,000 people had crossed the border since Sunday.\n\n"
  "Red Cross workers at a registration point in Kornidzor, the first village on the Armenian "
  "side, handed out water and blankets to families who had spent up to 30 hours on the road from "
  "Stepanakert, a journey that normally takes two.\n\n"
  "\"We left everything — our house, our graves,\" said Anahit, 67, from a village near Martuni. "
  "\"There is no Artsakh any more.\"\n\n"
  "Authorities in Yerevan said they were preparing hotels and schools across Syunik and Vayots "
  "Dzor to house the arrivals. Azerbaijan has said Armenian residents are free to stay.",
  [("GORIS", 0, "C"), ("Armenia", 0, "C"), ("Goris", 0, "C"), ("Nagorno-Karabakh", 0, "C"),
   ("Armenia", 1, "C"), ("Kornidzor", 0, "C"), ("Stepanakert", 0, "C"), ("Martuni", 0, "C"),
   ("Artsakh", 0, "C"), ("Yerevan", 0, "C"), ("Syunik", 0, "C"), ("Vayots Dzor", 0, "C"),
   ("Azerbaijan", 0, "C")],
  [])

R("r034", "2023-09-28", "Northline News Agency (illustrative)", "dev",
  "STEPANAKERT, Sept 28 (Northline) — The leader of Nagorno-Karabakh's breakaway government "
  "signed a decree on Thursday dissolving all its state institutions by Jan. 1, 2024, ending more "
  "than three decades of self-rule after last week's Azerbaijani offensive.\n\n"
  "A day earlier, Azerbaijani border guards detained Ruben Vardanyan, a billionaire former head of "
  "the separatist government, at the Hakari bridge checkpoint as he tried to leave for Armenia "
  "with thousands of refugees. He was flown to Baku and charged with financing terrorism.\n\n"
  "More than 65,000 people, over half the region's population, have now crossed into Armenia, "
  "officials in Yerevan said.",
  [("STEPANAKERT", 0, "C"), ("Nagorno-Karabakh", 0, "C"), ("Hakari bridge", 0, "I"),
   ("Armenia", 0, "C"), ("Baku", 0, "C"), ("Armenia", 1, "C"), ("Yerevan", 0, "C")],
  [inc("Hakari bridge", STR, "2023-09-27")])



# ---------------------------------------------------------------------------------------
# written later for long sentences naming several places, districts far from the front,
# incursions against crossings of refugees (dev)
# ---------------------------------------------------------------------------------------
R("r055", "2020-10-04", "Northline News Agency (illustrative)", "dev",
  "BAKU, Oct 4 (Northline) — Azerbaijan said on Sunday that Armenian forces had fired rockets at "
  "Ganja, its second-largest city, killing one civilian and wounding 32, and had also targeted "
  "Mingachevir, home to the country's largest hydroelectric dam, and the Khizi district north of "
  "Baku.\n\n"
  "The Defence Ministry in Baku said a missile fired towards the capital had been shot down over the "
  "Siyazan district and that nobody was hurt. Armenia denied firing at civilian targets and said the "
  "launchers named by Baku did not exist.\n\n"
  "In Stepanakert, which Azerbaijanis call Khankendi, residents spent a second night in basements "
  "as explosions shook the city. The Karabakh emergency service said four people had been wounded.",
  [("BAKU", 0, "C"), ("Azerbaijan", 0, "C"), ("Ganja", 0, "I"), ("Mingachevir", 0, "I"),
   ("Khizi district", 0, "I"), ("Baku", 0, "C"), ("Baku", 1, "C"), ("Siyazan district", 0, "I"),
   ("Armenia", 0, "C"), ("Baku", 2, "C"), ("Stepanakert", 0, "I"), ("Khankendi", 0, "I"),
   ("Karabakh", 0, "C")],
  [inc("Ganja", EVB, "2020-10-04", 1, 32), inc("Mingachevir", EVB, "2020-10-04"),
   inc("Khizi District", EVB, "2020-10-04"), inc("Siyazan District", EVB, "2020-10-04", 0, 0),
   inc("Stepanakert", EVB, "2020-10-04", None, 4)])

R("r056", "2021-05-12", "Meridian Wire (illustrative)", "dev",
  "YEREVAN, May 12 (Meridian) — Armenia accused Azerbaijani troops on Wednesday of crossing up to "
  "3.5 km into its territory near Lake Sev in Syunik province, and Prime Minister Nikol Pashinyan "
  "asked a Russian-led military alliance for help.\n\n"
  "Azerbaijan's Defence Ministry said its units had not crossed into Armenia and were deployed "
  "along the border in the Kalbajar and Lachin districts. The two sides traded accusations as "
  "soldiers dug in on both sides of the lake.\n\n"
  "Villagers in Verin Shorzha, in Gegharkunik, said Azerbaijani soldiers had crossed into the "
  "fields above the village and taken up positions on a ridge. Some families with children left "
  "for Vardenis as a precaution.",
  [("YEREVAN", 0, "C"), ("Armenia", 0, "C"), ("Lake Sev", 0, "I"), ("Syunik", 0, "C"),
   ("Azerbaijan", 0, "C"), ("Armenia", 1, "I"), ("Kalbajar", 0, "C", "Kalbajar District"),
   ("Lachin", 0, "C", "Lachin District"), ("Verin Shorzha", 0, "I"), ("Gegharkunik", 0, "C"),
   ("Vardenis", 0, "C")],
  [inc("Lake Sev", STR, "2021-05-12"), inc("Armenia", STR, "2021-05-12"),
   inc("Verin Shorzha", STR, "2021-05-12")])

R("r057", "2022-09-13", "Global Dispatch (illustrative)", "dev",
  "GORIS, Armenia, Sept 13 (Global Dispatch) — Azerbaijani forces shelled Goris, Jermuk and Kapan "
  "overnight, Armenia's defence ministry said, while Baku said its forces had responded to Armenian "
  "attacks on their positions near Kalbajar and Lachin and accused Yerevan of mining supply "
  "roads.\n\n"
  "Residents of Jermuk, a spa town about 170 km south-east of Yerevan, said the shelling began "
  "after midnight and that several hotels were damaged; dozens of families were taken by bus to "
  "Yerevan.\n\n"
  "In Sotk, a village in Gegharkunik close to the border, a soldier was killed when a drone struck "
  "an army post, the ministry said. Moscow, Washington and Paris called for restraint.",
  [("GORIS", 0, "C"), ("Armenia", 0, "C"), ("Goris", 0, "I"), ("Jermuk", 0, "I"), ("Kapan", 0, "I"),
   ("Armenia", 1, "C"), ("Baku", 0, "C"), ("Kalbajar", 0, "I"), ("Lachin", 0, "I"),
   ("Yerevan", 0, "C"), ("Jermuk", 1, "C"), ("Yerevan", 1, "C"), ("Yerevan", 2, "C"),
   ("Sotk", 0, "I"), ("Gegharkunik", 0, "C"), ("Moscow", 0, "C"), ("Washington", 0, "C"),
   ("Paris", 0, "C")],
  [inc("Goris", EVB, "2022-09-13"), inc("Jermuk", EVB, "2022-09-13"), inc("Kapan", EVB, "2022-09-13"),
   inc("Kalbajar", BAT, "2022-09-13"), inc("Lachin", BAT, "2022-09-13"),
   inc("Sotk", EVB, "2022-09-13", 1)])

# ---------------------------------------------------------------------------------------
# Fifth batch (dev): wording not met before (strikes named after the fact, a place that is both
# an actor and a target, a legal "could", a country named only as a border, blockade effects)
# ---------------------------------------------------------------------------------------
R("r058", "2020-10-17", "Harbour Wire (illustrative)", "dev",
  "GANJA, Azerbaijan, Oct 17 (Harbour Wire) — A missile slammed into a row of houses in Ganja "
  "before dawn on Saturday, killing 13 civilians and wounding more than 50, Azerbaijan's prosecutor "
  "general's office said. It was the second deadly strike on the city in a week.\n\n"
  "Armenia's defence ministry denied responsibility and said Azerbaijani artillery had pounded "
  "Stepanakert and villages around Martuni overnight. Two civilians died in Stepanakert, local "
  "officials said.\n\n"
  "Rescuers dug through rubble as ambulances took the wounded to hospitals in Yevlakh and Barda. "
  "President Ilham Aliyev, speaking in Baku, promised a response on the battlefield. Mingachevir, "
  "home to the country's largest reservoir, was also targeted, the ministry in Baku said, though no "
  "casualties were reported there.",
  [("GANJA", 0, "C"), ("Azerbaijan", 0, "C"), ("Ganja", 0, "I"), ("Azerbaijan", 1, "C"),
   ("Armenia", 0, "C"), ("Stepanakert", 0, "I"), ("Martuni", 0, "I"), ("Stepanakert", 1, "I"),
   ("Yevlakh", 0, "C"), ("Barda", 0, "C"), ("Baku", 0, "C"), ("Mingachevir", 0, "I"),
   ("Baku", 1, "C")],
  [inc("Ganja", EVB, "2020-10-17", 13, 50), inc("Stepanakert", EVB, "2020-10-17", 2),
   inc("Martuni", EVB, "2020-10-17"), inc("Mingachevir", EVB, "2020-10-17")])

R("r059", "2020-10-28", "Caspian Courier (illustrative)", "dev",
  "BARDA, Azerbaijan, Oct 28 (Caspian Courier) — Rockets carrying cluster munitions struck the "
  "centre of Barda on Wednesday, killing 21 people and wounding about 70, Azerbaijani prosecutors "
  "said, a day after an earlier attack on villages in the district killed five.\n\n"
  "Among the dead was a Red Crescent volunteer who had been helping residents of nearby villages. "
  "Witnesses said the rockets fell near a busy market and a row of shops on Barda's main street.\n\n"
  "The Smerch rockets were fired from the Martuni area of Nagorno-Karabakh, Baku said. Officials "
  "in Stepanakert, which had come under drone attack, denied targeting civilians and accused "
  "Azerbaijan of shelling Martakert. Human Rights Watch later said the strikes on Barda and Tartar "
  "could amount to war crimes.",
  [("BARDA", 0, "C"), ("Azerbaijan", 0, "C"), ("Barda", 0, "I"), ("Barda", 1, "I"),
   ("Martuni", 0, "C"), ("Nagorno-Karabakh", 0, "C"), ("Baku", 0, "C"), ("Stepanakert", 0, "I"),
   ("Azerbaijan", 1, "C"), ("Martakert", 0, "I"), ("Barda", 2, "I"), ("Tartar", 0, "I")],
  [inc("Barda", EVB, "2020-10-28", 21, 70), inc("Stepanakert", EVB, "2020-10-28"),
   inc("Martakert", EVB, "2020-10-28"), inc("Tartar", EVB, "2020-10-28")])

R("r060", "2021-05-13", "Highland Press (illustrative)", "dev",
  "YEREVAN, May 13 (Highland Press) — Armenia accused Azerbaijani troops on Thursday of advancing "
  "about 3.5 km into its territory near Lake Sev in the southern province of Syunik and said the "
  "soldiers had dug in on the heights above the lake. Acting Prime Minister Nikol Pashinyan asked "
  "the Moscow-led CSTO military alliance for consultations.\n\n"
  "Azerbaijan's foreign ministry said its units were taking up positions on its own side of a "
  "border that had never been marked, and that no shots were fired. The standoff near Ishkhanasar, "
  "a mountain west of the lake, lasted for days; residents of Goris, about 40 km to the north, said "
  "they could see military trucks on the road.\n\n"
  "In Vardenis, farther north, villagers said Azerbaijani soldiers had also crossed into pastures "
  "near Verin Shorzha in Gegharkunik. If the troops did not withdraw, Armenia would take its case "
  "to the U.N. Security Council, an official in Yerevan said.",
  [("YEREVAN", 0, "C"), ("Armenia", 0, "C"), ("Lake Sev", 0, "I"), ("Syunik", 0, "C"),
   ("Moscow", 0, "C"), ("Azerbaijan", 0, "C"), ("Ishkhanasar", 0, "I"), ("Goris", 0, "C"),
   ("Vardenis", 0, "C"), ("Verin Shorzha", 0, "I"), ("Gegharkunik", 0, "C"), ("Armenia", 1, "C"),
   ("Yerevan", 0, "C")],
  [inc("Lake Sev", STR, "2021-05-13"), inc("Ishkhanasar", STR, "2021-05-13"),
   inc("Verin Shorzha", STR, "2021-05-13")])

R("r061", "2022-12-14", "Caucasus Ledger (illustrative)", "dev",
  "STEPANAKERT, Dec 14 (Caucasus Ledger) — Traffic on the Lachin corridor, the only road linking "
  "Nagorno-Karabakh with Armenia, has been halted for a third day by a group of Azerbaijanis who "
  "describe themselves as environmental activists and have set up tents on the road near Shusha.\n\n"
  "About 1,100 people, including 270 children, are stranded on either side of the blockade, the "
  "region's ombudsman said. Trucks carrying food from Goris were turned back at a checkpoint at the "
  "Hakari bridge, drivers said.\n\n"
  "Baku says the protesters object to illegal mining and that Russian peacekeepers, who patrol the "
  "road under the 2020 ceasefire deal signed in Moscow, can let humanitarian convoys through. Gas "
  "supplies from Armenia to Stepanakert were also cut for several days, officials said.",
  [("STEPANAKERT", 0, "C"), ("Lachin corridor", 0, "I"), ("Nagorno-Karabakh", 0, "C"),
   ("Armenia", 0, "C"), ("Shusha", 0, "I"), ("Goris", 0, "C"), ("Hakari bridge", 0, "I"),
   ("Baku", 0, "C"), ("Moscow", 0, "C"), ("Armenia", 1, "C"), ("Stepanakert", 0, "C")],
  [inc("Lachin corridor", STR, "2022-12-14"), inc("Shusha", STR, "2022-12-14"),
   inc("Hakari bridge", STR, "2022-12-14")])

R("r062", "2020-07-14", "Northern Star Agency (illustrative)", "dev",
  "BAKU, July 14 (Northern Star Agency) — An Azerbaijani major general and a colonel were among "
  "seven servicemen killed in fresh fighting on the border with Armenia in the Tovuz district, the "
  "defence ministry said on Tuesday. A civilian, 76, was killed in the village of Aghdam when shells "
  "hit his house.\n\n"
  "Armenia said its positions near Chinari and Movses in Tavush province came under artillery fire "
  "and that Azerbaijani drones had been shot down over the area. Four Armenian soldiers were "
  "wounded, a ministry spokeswoman in Yerevan said.\n\n"
  "The clashes, far from Nagorno-Karabakh, are the deadliest since 2016. Turkey pledged to stand by "
  "Baku, while Russia offered to mediate.",
  [("BAKU", 0, "C"), ("Armenia", 0, "C"), ("Tovuz district", 0, "I"),
   ("Aghdam", 0, "I", "Aghdam (Tovuz)"), ("Armenia", 1, "C"), ("Chinari", 0, "I"),
   ("Movses", 0, "I"), ("Tavush", 0, "C"), ("Yerevan", 0, "C"), ("Nagorno-Karabakh", 0, "C"),
   ("Turkey", 0, "C"), ("Baku", 0, "C"), ("Russia", 0, "C")],
  [inc("Tovuz District", BAT, "2020-07-14", 7), inc("Aghdam (Tovuz)", EVB, "2020-07-14", 1),
   inc("Chinari", EVB, "2020-07-14", None, 4), inc("Movses", EVB, "2020-07-14")])

# ---------------------------------------------------------------------------------------
# Sixth batch (dev): context places inside event sentences (a count that belongs to the second
# place, destinations of people and of an advance, venues, a stated zero across a border)
# ---------------------------------------------------------------------------------------
R("r063", "2020-10-04", "Highland Press (illustrative)", "dev",
  "STEPANAKERT, Oct 4 (Highland Press) — Explosions shook Stepanakert on Sunday as Azerbaijani "
  "forces shelled the city for a second day, while Armenian rockets hit Ganja, Azerbaijan's "
  "second-largest city, about 100 km to the north, killing one civilian, Baku said.\n\n"
  "Residents of Stepanakert spent the night in basements. Many women and children had left for "
  "Yerevan by bus, and some families from Martuni said they would go to Goris.\n\n"
  "Prime Minister Nikol Pashinyan, speaking in Yerevan, said the Azerbaijani offensive was backed "
  "by Turkey. Ankara denied sending troops, but said it would stand by Baku. A spokesman for the "
  "Azerbaijani defence ministry said its forces had taken the village of Talish and were advancing "
  "towards Martakert.",
  [("STEPANAKERT", 0, "C"), ("Stepanakert", 0, "I"), ("Ganja", 0, "I"), ("Azerbaijan", 0, "C"),
   ("Baku", 0, "C"), ("Stepanakert", 1, "C"), ("Yerevan", 0, "C"), ("Martuni", 0, "C"),
   ("Goris", 0, "C"), ("Yerevan", 1, "C"), ("Turkey", 0, "C"), ("Ankara", 0, "C"), ("Baku", 1, "C"),
   ("Talish", 0, "I"), ("Martakert", 0, "C")],
  [inc("Stepanakert", EVB, "2020-10-04"), inc("Ganja", EVB, "2020-10-04", 1),
   inc("Talish", BAT, "2020-10-04")])

R("r064", "2023-09-20", "Caucasus Ledger (illustrative)", "dev",
  "STEPANAKERT, Sept 20 (Caucasus Ledger) — Azerbaijani troops pushed into villages around "
  "Martakert and Askeran on Wednesday, a day after launching what Baku called an anti-terrorist "
  "operation, and ethnic Armenian officials said at least 32 people, including seven civilians, had "
  "been killed.\n\n"
  "Thousands of people fled to the airport outside Stepanakert, where Russian peacekeepers are "
  "based. The authorities in Stepanakert agreed to a ceasefire proposed by the peacekeepers in the "
  "afternoon, and talks on the region's future were to be held in Yevlakh on Thursday.\n\n"
  "In Yerevan, protesters gathered outside the government building, accusing Pashinyan of "
  "abandoning Karabakh. Armenia's defence ministry said the situation on its own border with "
  "Azerbaijan was stable.",
  [("STEPANAKERT", 0, "C"), ("Martakert", 0, "I"), ("Askeran", 0, "I"), ("Baku", 0, "C"),
   ("Stepanakert", 0, "C"), ("Stepanakert", 1, "C"), ("Yevlakh", 0, "C"), ("Yerevan", 0, "C"),
   ("Karabakh", 0, "C"), ("Armenia", 0, "C"), ("Azerbaijan", 0, "C")],
  [inc("Martakert", BAT, "2023-09-20", 32), inc("Askeran", BAT, "2023-09-20")])

R("r065", "2020-09-28", "Northline News Agency (illustrative)", "dev",
  "TEHRAN, Sept 28 (Northline) — Several stray shells and rockets from the fighting between "
  "Armenian and Azerbaijani forces landed in villages in Iran's East Azerbaijan province on "
  "Monday, damaging homes but causing no casualties, Iranian state media said. Iran's foreign "
  "ministry urged both sides to show restraint and offered to mediate.\n\n"
  "The shells fell near Khoda Afarin, across the river from Jabrayil, where Azerbaijan said its "
  "forces had taken several villages. Armenian officials said their forces had repelled attacks "
  "near Hadrut.",
  [("TEHRAN", 0, "C"), ("Iran", 0, "C"), ("East Azerbaijan province", 0, "I"), ("Iran", 1, "C"),
   ("Khoda Afarin", 0, "I"), ("Jabrayil", 0, "I"), ("Azerbaijan", 1, "C"), ("Hadrut", 0, "I")],
  [inc("East Azerbaijan Province", EVB, "2020-09-28", 0, 0), inc("Khoda Afarin County", EVB, "2020-09-28"),
   inc("Jabrayil", BAT, "2020-09-28"), inc("Hadrut", BAT, "2020-09-28")])

R("r066", "2021-11-16", "Meridian Wire (illustrative)", "dev",
  "YEREVAN, Nov 16 (Meridian) — Armenia said on Tuesday that 15 of its soldiers had been killed and "
  "12 captured when Azerbaijani forces attacked its positions in the east of the country, near the "
  "village of Kut in Gegharkunik and the Ishkhanasar heights in Syunik. Baku said seven of its "
  "servicemen died and accused Yerevan of a large-scale provocation near Kalbajar and Lachin.\n\n"
  "Moscow brokered a ceasefire by evening. Pashinyan, who has asked Russia for military help under "
  "a 1997 treaty, told parliament that Azerbaijani troops had dug in on Armenian soil since May.",
  [("YEREVAN", 0, "C"), ("Armenia", 0, "C"), ("Kut", 0, "I"), ("Gegharkunik", 0, "C"),
   ("Ishkhanasar", 0, "I"), ("Syunik", 0, "C"), ("Baku", 0, "C"), ("Yerevan", 0, "C"),
   ("Kalbajar", 0, "I"), ("Lachin", 0, "I"), ("Moscow", 0, "C"), ("Russia", 0, "C"),
   ("Armenian soil", 0, "I")],
  [inc("Kut", BAT, "2021-11-16", 15), inc("Ishkhanasar", BAT, "2021-11-16"),
   inc("Kalbajar", BAT, "2021-11-16", 7), inc("Lachin", BAT, "2021-11-16")])

# ---------------------------------------------------------------------------------------
# Seventh batch (dev): threats and conditions of other shapes ("Should ... try to", "preparing
# to"), another dateline form, a launch point with its country, metonyms of capitals
# ---------------------------------------------------------------------------------------
R("r067", "2021-07-20", "Highland Press (illustrative)", "dev",
  "YEREVAN, July 20 (Highland Press) — Azerbaijani officials warned that their forces would strike "
  "military targets in Yerevan if Armenian units fired on villages in Nakhchivan again, a day after "
  "clashes on the border near Yeraskh left one Armenian soldier wounded.\n\n"
  "Armenia's defence ministry said the warning showed that Baku was preparing to attack Armenian "
  "territory. Should Azerbaijani troops try to cross into Syunik, the ministry added, they would be "
  "met with force. Russia, which has a military base in Gyumri, said it was ready to help if the "
  "fighting spread to Armenia proper.\n\n"
  "In Yeraskh, a village on the main road from Yerevan to Nakhchivan, shells damaged two houses on "
  "Monday night, residents said.",
  [("YEREVAN", 0, "C"), ("Yerevan", 0, "H"), ("Nakhchivan", 0, "H"), ("Yeraskh", 0, "I"),
   ("Armenia", 0, "C"), ("Baku", 0, "C"), ("Armenian territory", 0, "H"), ("Syunik", 0, "H"),
   ("Russia", 0, "C"), ("Gyumri", 0, "C"), ("Armenia proper", 0, "H"), ("Yeraskh", 1, "I"),
   ("Yerevan", 1, "C"), ("Nakhchivan", 1, "C")],
  [inc("Yeraskh", BAT, "2021-07-19", None, 1), inc("Yeraskh", EVB, "2021-07-19")])

R("r068", "2020-10-11", "Caspian Courier (illustrative)", "dev",
  "GANJA, Azerbaijan (Caspian Courier) -- A missile struck an apartment block in Ganja shortly after "
  "midnight on Sunday, killing nine civilians and wounding 34, hours after a Russian-brokered truce "
  "took effect. Baku said the missile was fired from Vardenis in Armenia; Yerevan denied it, saying "
  "Azerbaijan was shelling Stepanakert and Hadrut.\n\n"
  "The head of the Ganja city administration told reporters in Baku that rescuers were still "
  "searching the rubble. The Moscow ceasefire, agreed after ten hours of talks, was meant to allow "
  "the exchange of bodies and prisoners.",
  [("GANJA", 0, "C"), ("Azerbaijan", 0, "C"), ("Ganja", 0, "I"), ("Baku", 0, "C"),
   ("Vardenis", 0, "C"), ("Armenia", 0, "C"), ("Yerevan", 0, "C"), ("Azerbaijan", 1, "C"),
   ("Stepanakert", 0, "I"), ("Hadrut", 0, "I"), ("Ganja", 1, "C"), ("Baku", 1, "C"),
   ("Moscow", 0, "C")],
  [inc("Ganja", EVB, "2020-10-11", 9, 34), inc("Stepanakert", EVB, "2020-10-11"),
   inc("Hadrut", EVB, "2020-10-11")])

R("r069", "2022-09-14", "Northline News Agency (illustrative)", "dev",
  "JERMUK, Armenia, Sept 14 (Northline) — The spa town of Jermuk was shelled again on Wednesday as "
  "fighting on the Armenian-Azerbaijani border entered a second day, local officials said, and the "
  "authorities began evacuating children to Yerevan.\n\n"
  "The Kremlin said President Vladimir Putin had spoken to Pashinyan and Aliyev. Washington urged "
  "Baku to pull its troops back to their positions. In Brussels, EU officials said a monitoring "
  "mission could be deployed along the border near Goris and Kapan if both sides agreed.\n\n"
  "Armenia's parliament speaker said Azerbaijani forces had seized positions inside Armenia near "
  "Jermuk, and warned that Baku could next attack Kapan.",
  [("JERMUK", 0, "C"), ("Armenia", 0, "C"), ("Jermuk", 0, "I"), ("Yerevan", 0, "C"),
   ("Washington", 0, "C"), ("Baku", 0, "C"), ("Brussels", 0, "C"), ("Goris", 0, "C"),
   ("Kapan", 0, "C"), ("Armenia", 1, "C"), ("Armenia", 2, "C"), ("Jermuk", 1, "I"),
   ("Baku", 1, "C"), ("Kapan", 1, "H")],
  [inc("Jermuk", EVB, "2022-09-14"), inc("Jermuk", BAT, "2022-09-14")])

R("r070", "2023-09-10", "Caucasus Ledger (illustrative)", "dev",
  "STEPANAKERT, Sept 10 (Caucasus Ledger) — Ethnic Armenian leaders in Stepanakert said an "
  "Azerbaijani offensive could begin within days, as Baku moved troops and heavy weapons towards "
  "the line of contact near Aghdam and Fuzuli.\n\n"
  "Analysts said fighting may spread to Armenia proper if Azerbaijani forces attacked Goris. Baku "
  "did not rule out an offensive in Lachin, and officials in Yerevan said an attack on Syunik was "
  "likely.\n\n"
  "Azerbaijani shelling wounded a man in Martakert on Saturday, the local ombudsman said.",
  [("STEPANAKERT", 0, "C"), ("Stepanakert", 0, "C"), ("Baku", 0, "C"), ("Aghdam", 0, "C"),
   ("Fuzuli", 0, "C"), ("Armenia proper", 0, "H"), ("Goris", 0, "H"), ("Baku", 1, "C"),
   ("Lachin", 0, "H"), ("Yerevan", 0, "C"), ("Syunik", 0, "H"), ("Martakert", 0, "I")],
  [inc("Martakert", EVB, "2023-09-09", None, 1)])

R("r071", "2020-10-20", "Harbour Wire (illustrative)", "dev",
  "BAKU, Oct 20 (Harbour Wire) — Azerbaijan said its forces had taken control of several villages "
  "in the Zangilan district on Monday and shot down two Armenian drones over Aghdara on Tuesday. The "
  "defence ministry in Baku said Armenian artillery had again shelled Tartar and Barda overnight.\n\n"
  "In Khankendi, which Armenians call Stepanakert, air raid sirens sounded for most of the night, "
  "residents said. Armenia's defence ministry said fighting continued near Hadrut and that its forces "
  "had repelled an attack on Khojavend.",
  [("BAKU", 0, "C"), ("Azerbaijan", 0, "C"), ("Zangilan district", 0, "I"), ("Aghdara", 0, "I"),
   ("Baku", 0, "C"), ("Tartar", 0, "I"), ("Barda", 0, "I"), ("Khankendi", 0, "C"),
   ("Stepanakert", 0, "C"), ("Armenia", 0, "C"), ("Hadrut", 0, "I"), ("Khojavend", 0, "I")],
  [inc("Zangilan District", BAT, "2020-10-19"), inc("Martakert", EVB, "2020-10-20"),
   inc("Tartar", EVB, "2020-10-20"), inc("Barda", EVB, "2020-10-20"), inc("Hadrut", BAT, "2020-10-20"),
   inc("Martuni", BAT, "2020-10-20")])

R("r072", "2020-11-09", "Meridian Wire (illustrative)", "dev",
  "STEPANAKERT, Nov 9 (Meridian) — Ethnic Armenian officials confirmed on Monday that Shusha, the "
  "hilltop town Armenians call Shushi, was under Azerbaijani control after days of fighting. "
  "Thousands of residents had fled to Goris, where aid groups set up shelters.\n\n"
  "Shells struck Stepanakert, 10 km to the north, where the maternity hospital was damaged, the "
  "officials said. President Ilham Aliyev announced the capture of Shusha on Sunday in a televised "
  "address from Baku, calling it a historic day, and said the army would press on until every "
  "occupied district was returned.",
  [("STEPANAKERT", 0, "C"), ("Shusha", 0, "I"), ("Shushi", 0, "I"), ("Goris", 0, "C"),
   ("Stepanakert", 0, "I"), ("Shusha", 1, "I"), ("Baku", 0, "C")],
  [inc("Shusha", BAT, "2020-11-08"), inc("Stepanakert", EVB, "2020-11-09")])

# ---------------------------------------------------------------------------------------
# machinery
# ---------------------------------------------------------------------------------------
def _pattern(surface):
    return re.compile(r"(?<!\w)" + re.escape(surface) + r"(?!\w)")


def _resolve(surface, place):
    if place is None:
        place = ALIAS_CI.get(surface.lower()) or ALIAS_CI.get(" ".join(surface.split()).lower())
        if place is None:
            raise SystemExit(f"no alias for surface {surface!r}; give the place explicitly")
    if place not in PLACES:
        raise SystemExit(f"unknown place {place!r}")
    return place


def build_report(rep):
    text = rep["text"]
    out = []
    for lab in rep["labels"]:
        surface, occ, role = lab[:3]
        place = _resolve(surface, lab[3] if len(lab) > 3 else None)
        matches = list(_pattern(surface).finditer(text))
        if occ >= len(matches):
            raise SystemExit(f"{rep['id']}: {surface!r} occurrence {occ} not found "
                             f"({len(matches)} matches)")
        m = matches[occ]
        assert text[m.start():m.end()] == surface
        zone, kind, lat, lon = PLACES[place]
        out.append({"start": m.start(), "end": m.end(), "text": surface, "place": place,
                    "zone": zone, "role": ROLES[role], "lat": lat, "lon": lon, "kind": kind})
    out.sort(key=lambda d: d["start"])
    for a, b in zip(out, out[1:]):
        if b["start"] < a["end"]:
            raise SystemExit(f"{rep['id']}: overlapping labels {a['text']!r}@{a['start']} "
                             f"and {b['text']!r}@{b['start']}")
    # coverage: every alias mention must sit inside a label
    spans = [(d["start"], d["end"]) for d in out]
    for alias in ALIASES:
        for form in {alias, alias.upper()}:
            for m in _pattern(form).finditer(text):
                if not any(s <= m.start() and m.end() <= e for s, e in spans):
                    raise SystemExit(f"{rep['id']}: unlabelled mention {form!r} at {m.start()}: "
                                     f"...{text[max(0, m.start()-30):m.end()+30]!r}...")
    inc_places = {d["place"] for d in out if d["role"] == "incident"}
    for i in rep["incidents"]:
        if i["place"] not in inc_places:
            raise SystemExit(f"{rep['id']}: incident place {i['place']!r} has no incident label")
    words = len(text.split())
    if not 80 <= words <= 300:
        raise SystemExit(f"{rep['id']}: {words} words (want 80-300)")
    return {"id": rep["id"], "date": rep["date"], "source": rep["source"], "split": rep["split"],
            "text": text, "labels": out, "incidents": rep["incidents"]}


def main():
    reps = sorted(REPORTS, key=lambda r: r["id"])
    ids = [r["id"] for r in reps]
    assert len(ids) == len(set(ids)), "duplicate ids"
    built = [build_report(r) for r in reps]
    path = os.path.join(os.path.dirname(os.path.abspath(__file__)), "reports.jsonl")
    with open(path, "w", encoding="utf-8") as f:
        for b in built:
            f.write(json.dumps(b, ensure_ascii=False) + "\n")
    n_lab = sum(len(b["labels"]) for b in built)
    print(f"wrote {len(built)} reports, {n_lab} labels -> {path}")


if __name__ == "__main__":
    main()
